"""The conversation's language in the actions: the slot, the domain's plain texts in each
language, and action_change_language with the real domain."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.common import conversation_language, response_text
from actions.language import ActionChangeLanguage
from tests.actions.speech import said_by_rasa
from tests.actions.trackers import make_tracker

# ------------------------------------------------------------------ conversation_language


@pytest.mark.parametrize(
    ("value", "language"),
    [
        ("sv", "sv"),
        ("en", "en"),
        ("fi", "fi"),
        ("sv-FI", "sv"),  # a page's code
        ("de", "fi"),
        ("", "fi"),
        (None, "fi"),
    ],
)
def test_the_conversation_language_is_the_slot_or_finnish(value, language):
    assert conversation_language(make_tracker(slots={"language": value})) == language


def test_a_conversation_without_the_slot_is_finnish():
    assert conversation_language(make_tracker()) == "fi"


# ------------------------------------------------------------------ response_text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "Selvä, jatketaan suomeksi."),
        ("sv", "Visst, vi fortsätter på svenska."),
        ("en", "Sure, let's continue in English."),
    ],
)
def test_response_text_is_the_plain_text_in_the_language(domain, language, text):
    assert response_text(domain, "utter_language_changed", language) == text


def test_response_text_is_finnish_unless_told(domain):
    assert response_text(domain, "utter_language_changed") == "Selvä, jatketaan suomeksi."


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "Matkaa noin 12 km."),
        ("sv", "Avstånd cirka 12 km."),
        ("en", "About 12 km away."),
    ],
)
def test_response_text_fills_in_the_values(domain, language, text):
    assert response_text(domain, "utter_provider_distance", language, km=12) == text


def test_each_topic_label_differs_by_language(domain):
    labels = {
        language: response_text(domain, "utter_label_topic_banking", language)
        for language in ("fi", "sv", "en")
    }
    assert len(set(labels.values())) == 3, labels


@pytest.mark.parametrize("language", ["sv", "en", "de"])
def test_response_text_refuses_a_response_that_does_not_exist(domain, language):
    with pytest.raises(KeyError, match="utter_no_such_thing"):
        response_text(domain, "utter_no_such_thing", language)


def test_response_text_refuses_an_unknown_language(domain):
    with pytest.raises(KeyError, match="plain de text"):
        response_text(domain, "utter_language_changed", "de")


# ------------------------------------------------------------------ action_change_language


async def run(tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await ActionChangeLanguage().run(dispatcher, tracker, domain)
    assert events == []
    return dispatcher.messages


def test_the_action_and_its_responses_are_in_the_domain(domain):
    assert ActionChangeLanguage().name() in domain["actions"]
    for name in ("utter_language_changed", "utter_ask_municipality", "utter_ask_topic"):
        assert name in domain["responses"]


@pytest.mark.parametrize(
    ("awaiting", "question"),
    [
        ("place", "utter_ask_municipality"),
        ("topic", "utter_ask_topic"),
        ("need_level", "utter_ask_need_level"),
    ],
)
async def test_an_open_question_is_asked_again(domain, awaiting, question):
    tracker = make_tracker("på svenska", intent="change_language", slots={"awaiting": awaiting})
    messages = await run(tracker, domain)
    assert [m["response"] for m in messages] == ["utter_language_changed", question]


@pytest.mark.parametrize("awaiting", [None, "", "something_else"])
async def test_nothing_else_is_said_when_nothing_is_awaited(domain, awaiting):
    tracker = make_tracker(
        "in English please", intent="change_language", slots={"awaiting": awaiting}
    )
    messages = await run(tracker, domain)
    assert [m["response"] for m in messages] == ["utter_language_changed"]


@pytest.mark.parametrize(
    ("language", "asker", "texts"),
    [
        (
            "sv",
            "self",
            [
                "Visst, vi fortsätter på svenska.",
                "I vilken kommun bor du? Du kan också ange ditt postnummer. "
                "Då hittar jag hjälp nära dig.",
            ],
        ),
        (
            "sv",
            "relative",
            [
                "Visst, vi fortsätter på svenska.",
                "I vilken kommun bor din närstående? Du kan också ange postnumret.",
            ],
        ),
        (
            "en",
            "relative",
            [
                "Sure, let's continue in English.",
                "Which municipality does your relative live in? You can also give the postal code.",
            ],
        ),
        (
            "fi",
            "self",
            [
                "Selvä, jatketaan suomeksi.",
                "Missä kunnassa asut? Voit kertoa myös postinumeron. Niin löydän apua läheltä.",
            ],
        ),
    ],
)
async def test_the_place_question_is_asked_again_in_the_new_language(
    domain, language, asker, texts
):
    slots = {"language": language, "asker": asker, "awaiting": "place"}
    tracker = make_tracker("på svenska", intent="change_language", slots=slots)
    messages = said_by_rasa(domain, await run(tracker, domain), slots)
    assert [m["text"] for m in messages] == texts
