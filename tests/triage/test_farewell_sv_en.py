"""Thanks and farewells in Swedish and English; "hej" depends on where it comes, like "moi"."""

import pytest

from bot.triage.farewell import is_farewell, is_thanks


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "tack hej då"),
        ("sv", "tack det var allt"),
        ("sv", "inget mer tack"),
        ("sv", "det räcker så, tack"),
        ("en", "thanks a lot, bye"),
        ("en", "that's all thanks"),
        ("en", "nothing else, thank you"),
    ],
)
def test_a_thank_with_a_goodbye_is_a_farewell_anywhere(language, text):
    assert is_farewell(text, False, language)
    assert is_farewell(text, True, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "hej då"),
        ("sv", "tack hej"),
        ("sv", "hej hej"),
        ("sv", "tack så mycket hej"),
        ("sv", "ha det bra"),
        ("sv", "okej tack, då ringer jag dit själv. hej då"),
        ("en", "bye"),
        ("en", "thanks, see you"),
        ("en", "thank you, hi"),
        ("en", "ok thanks have a nice day"),
        ("en", "ok, i'll call them myself. thanks, bye"),
    ],
)
def test_after_a_conversation_a_goodbye_ends_it(language, text):
    assert is_farewell(text, True, language)


@pytest.mark.parametrize(
    ("language", "text"), [("sv", "hej då"), ("sv", "tack hej"), ("sv", "hej hej"), ("en", "bye")]
)
def test_the_same_words_open_a_conversation(language, text):
    assert not is_farewell(text, False, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "hej"),
        ("sv", "tack men jag har en fråga till"),
        ("sv", "tack, hur gör jag sen?"),
        ("sv", "tack, var finns biblioteket"),
        ("sv", "jag vill ha det på papper"),
        ("en", "hi"),
        ("en", "thanks but how do i log in"),
        ("en", "thank you, where is the library?"),
        ("en", "thats all i know but can you help"),
    ],
)
def test_a_question_or_a_greeting_is_no_farewell(language, text):
    assert not is_farewell(text, True, language)


@pytest.mark.parametrize(
    ("language", "text", "thanks"),
    [
        ("sv", "tack så mycket", True),
        ("sv", "tusen tack för hjälpen", True),
        ("sv", "tack, var finns biblioteket", False),
        ("en", "thanks a lot", True),
        ("en", "thank you so much", True),
        ("en", "thanks, that's what i needed", True),  # "what" inside a clause asks nothing
        ("en", "thanks, what should i do next", False),
    ],
)
def test_thanks(language, text, thanks):
    assert is_thanks(text, language) is thanks


@pytest.mark.parametrize("text", ["kiitti moi", "hei hei", "ei muuta", "kiitos mut miten", "ok"])
def test_finnish_reads_the_same_as_before(text):
    for started in (False, True):
        assert is_farewell(text, started) == is_farewell(text, started, "fi")
        assert is_farewell(text, started) == is_farewell(text, started, None)
    assert is_thanks(text) == is_thanks(text, "fi")
