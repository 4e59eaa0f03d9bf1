"""Thanks and farewells in spoken forms; "moi" and "moikka" depend on where they come."""

import pytest

from bot.triage.farewell import is_farewell


@pytest.mark.parametrize(
    "text",
    [
        "kiitti moikka",
        "ok kiitos hei hei",
        "kiitoksia avusta moikka",
        "kiitti, moi moi",
        "Kiitos avusta! Näkemiin",
        "kiitos paljon, hyvää päivänjatkoa",
        "tää riittää kiitos",
        "ei muuta kiitos",
    ],
)
def test_a_thank_with_a_goodbye_is_a_farewell_anywhere(text):
    assert is_farewell(text, conversation_started=False)
    assert is_farewell(text, conversation_started=True)


@pytest.mark.parametrize(
    "text",
    [
        "kiitti moi",
        "kiitos hei",
        "hei hei",
        "moi moi",
        "heippa",
        "nähdään",
        "hyvää päivänjatkoa",
        "ei muuta",
        "lopetan nyt",
        "mä meen nyt",
    ],
)
def test_after_a_conversation_a_goodbye_ends_it(text):
    assert is_farewell(text, conversation_started=True)


@pytest.mark.parametrize("text", ["kiitti moi", "kiitos hei", "hei hei", "moi moi", "heippa"])
def test_the_same_words_open_a_conversation(text):
    assert not is_farewell(text, conversation_started=False)


@pytest.mark.parametrize("started", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "moi",
        "hei",
        "terve",
        "kiitos",
        "kiitti!",
        "ok",
        "kiitos mut mulla on vielä yks kysymys",
        "moi, tarviin apua pankkitunnusten kanssa",
        "hei, mun äiti tarvitsee apua",
        "",
    ],
)
def test_greetings_thanks_and_requests_are_not_farewells(text, started):
    assert not is_farewell(text, conversation_started=started)


def test_a_greeting_that_opens_a_conversation_is_not_a_farewell():
    assert not is_farewell("moikka", conversation_started=False)
    assert not is_farewell("moikka! miten saan suomi.fi viestit", conversation_started=False)


@pytest.mark.parametrize("text", ["ok tänks", "thx moi", "kiitsi, moikka"])
def test_thanks_in_chat_spellings_end_a_started_conversation(text):
    from bot.triage.farewell import is_thanks

    assert is_thanks(text)
