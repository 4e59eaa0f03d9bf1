"""The form of help wished for in Swedish and English: the last wish wins, a refused form never."""

import pytest

from bot.triage.help_form import help_form, wants_a_person


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("hembesök", "home_visit"),
        ("kan nån komma hem till mamma", "home_visit"),
        ("finns det nån som kan komma hem till pappa och hjälpa", "home_visit"),
        ("per telefon", "phone"),
        ("kan någon ringa mig", "phone"),
        ("på plats", "in_person"),
        ("finns det något ställe dit jag kan gå", "in_person"),
        ("går det att få hjälp via chatt", "remote"),
        ("kan jag få ansökan på papper", "paper"),
        ("ja sku helst vilja att nån sitter bredvid å visar, int över telefon", "in_person"),
    ],
)
def test_swedish_forms(text, form):
    assert help_form(text, "sv")[0] == form


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("home visit", "home_visit"),
        ("could someone come to her home", "home_visit"),
        ("over the phone", "phone"),
        ("can someone call me", "phone"),
        ("in person", "in_person"),
        ("is there somewhere i can go", "in_person"),
        ("no, in person please", "in_person"),  # "no," says no to something else
        ("can i get help by chat", "remote"),
        ("a video call would be best", "remote"),
        ("can i get the form on paper", "paper"),
        ("by post please", "paper"),
        ("i want someone to sit next to me and show me", "in_person"),
        ("paper would be best for him, i can help him fill it in", "paper"),
    ],
)
def test_english_forms(text, form):
    assert help_form(text, "en")[0] == form


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("sv", "jag vill inte ha chatt, jag vill gå dit personligen", ("in_person", ("remote",))),
        ("sv", "hellre per telefon än i chatten", ("phone", ("remote",))),
        ("sv", "inte chatt", (None, ("remote",))),
        ("en", "i dont want a chat, i want to go there in person", ("in_person", ("remote",))),
        ("en", "rather over the phone than by chat", ("phone", ("remote",))),
        ("en", "not by phone", (None, ("phone",))),
    ],
)
def test_a_refused_form_is_never_chosen(language, text, expected):
    assert help_form(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "jag betalar räkningarna på papper"),  # a habit, not a wish
        ("sv", "min telefon fungerar inte"),
        ("sv", "chatten fungerar inte"),
        ("en", "i pay my bills on paper"),
        ("en", "my phone doesnt work"),
        ("en", "the chat doesnt work"),
        ("en", "my phone is broken and i need help"),
    ],
)
def test_devices_and_habits_are_no_wish(language, text):
    assert help_form(text, language) == (None, ())


@pytest.mark.parametrize(
    ("language", "text", "person"),
    [
        ("sv", "jag vill prata med en riktig människa", True),
        ("sv", "kan nån ringa mig", True),
        ("sv", "jag behöver hjälp med nätbanken", False),
        ("en", "i want to talk to a real person", True),
        ("en", "can someone call me", True),
        ("en", "not a bot please", True),
        ("en", "someone called me and asked for my codes", False),
        ("en", "i need help with online banking", False),
    ],
)
def test_a_person_rather_than_the_bot(language, text, person):
    assert wants_a_person(text, language) is person


@pytest.mark.parametrize(
    "text", ["haluun mennä paikan päälle", "puhelimitse kiitos", "kotikäynti", "chat ei toimi"]
)
def test_finnish_forms_read_the_same_as_before(text):
    assert help_form(text) == help_form(text, "fi") == help_form(text, None)


def test_a_finnish_message_in_a_swedish_conversation_is_read_as_finnish():
    assert help_form("haluun paperilla kiitos", "sv") == help_form("haluun paperilla kiitos")
