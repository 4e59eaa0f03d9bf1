"""Permission questions in Swedish and English, and which limit such a question is about."""

import pytest

from bot.limits import default_limits
from bot.triage.permission import is_permission_question
from bot.triage.questions import limits_asked_about, match_question_in


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "får jag använda mammas bankkoder"),
        ("sv", "kan hjälparen logga in åt mig"),
        ("sv", "får digistödet logga in åt mamma"),
        ("sv", "måste jag komma dit själv"),
        ("sv", "är det tillåtet att jag loggar in med pappas koder"),
        ("sv", "reparerar ni datorer"),
        ("sv", "kan du logga in åt mig"),  # a polite request to act on the person's behalf
        ("en", "can the helper log in for me"),
        ("en", "may i use my mothers bank codes"),
        ("en", "is it ok if my daughter handles my banking"),
        ("en", "do you fix computers"),
        ("en", "could the library staff log in on my behalf"),
        ("en", "can you fill in the application for me"),
        ("en", "do i have to come in person"),
    ],
)
def test_permission_and_obligation_questions(language, text):
    assert is_permission_question(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "kan du hjälpa mig med nätbanken"),
        ("sv", "jag behöver hjälp med bankkoderna"),
        ("sv", "min mamma kan inte använda nätbanken"),
        ("sv", "är det här meddelandet ett bedrägeri"),
        ("sv", "jag är 78, hur ska jag göra med kela-ansökan"),  # asks how, not whether
        ("en", "how can i log in"),
        ("en", "what do i have to do with the kela application"),
        ("en", "could you help me with online banking"),
        ("en", "i need help with my bank codes"),
        ("en", "my mum cant use online banking"),
        ("en", "is this message a scam"),
        ("en", ""),
    ],
)
def test_requests_and_other_questions_are_not_permission_questions(language, text):
    assert not is_permission_question(text, language)


@pytest.fixture(scope="module")
def limits():
    return default_limits()


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("sv", "kan hjälparen logga in åt mig", ["act_on_behalf"]),
        ("sv", "får jag använda mammas bankkoder", ["handle_credentials"]),
        ("sv", "reparerar ni datorer", ["device_repair"]),
        ("sv", "kan ni fylla i ansökan åt mig", ["application_content", "act_on_behalf"]),
        ("en", "can the helper log in on my behalf", ["act_on_behalf"]),
        ("en", "may i use my mothers bank codes", ["handle_credentials"]),
        ("en", "do you fix computers", ["device_repair"]),
        ("en", "can you cancel the payment to the scammer", ["fraud_response"]),
        ("en", "can the library people log in and do my tax return for me", ["act_on_behalf"]),
    ],
)
def test_limits_with_a_real_cue(language, text, expected, limits):
    assert limits_asked_about(text, limits, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "kan man få hjälp med telefonen på biblioteket"),
        ("en", "can i get help with my phone at the library"),
    ],
)
def test_a_device_name_alone_makes_no_limit(language, text, limits):
    assert limits_asked_about(text, limits, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [("sv", "hjälper ni med datorn"), ("en", "can you help with my laptop")],
)
def test_inside_a_limits_question_a_device_name_is_enough(language, text, limits):
    assert match_question_in(text, limits, language) == ["device_repair"]


@pytest.mark.parametrize(
    "text", ["saanko käyttää äidin tunnuksia", "voisiko joku auttaa", "voitteko korjata koneeni"]
)
def test_finnish_reads_the_same_as_before(text, limits):
    assert is_permission_question(text) == is_permission_question(text, "fi")
    assert limits_asked_about(text, limits) == limits_asked_about(text, limits, "fi")
    assert match_question_in(text, limits) == match_question_in(text, limits, None)
