"""action_greet and action_thank: "kiitti moikka" after a conversation is a goodbye."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.closing import conversation_started
from actions.small_talk import ActionGoodbye, ActionGreet, ActionOutOfScope, ActionThank
from tests.actions.trackers import make_tracker


def user_event(text, intent):
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    return {"event": "user", "text": text, "parse_data": parse}


def tracker_after_talk(text, intent, earlier="tarviin apua pankkitunnusten kanssa", slots=None):
    """A tracker whose latest message `text` follows an earlier user message and a reply."""
    latest = user_event(text, intent)
    events = [
        {"event": "action", "name": "action_listen"},
        user_event(earlier, "ask_help"),
        {"event": "bot", "text": "Autan mielelläni."},
        {"event": "action", "name": "action_listen"},
        latest,
    ]
    return Tracker(
        sender_id="test-user",
        slots=dict(slots or {}),
        latest_message=latest["parse_data"],
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


async def responses(action, tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain)
    assert events == []
    return [message["response"] for message in dispatcher.messages]


def test_conversation_started_counts_earlier_user_messages():
    assert not conversation_started(make_tracker("moi", intent="greet"))
    assert conversation_started(tracker_after_talk("moi", "greet"))


def test_the_responses_exist_in_the_domain(domain):
    for response in ("utter_greet", "utter_goodbye", "utter_you_are_welcome"):
        assert response in domain["responses"]


@pytest.mark.parametrize("text", ["moi", "moikka", "hei", "hei hei", "moi moi", "terve"])
async def test_a_greeting_opening_the_conversation_is_answered_with_a_greeting(text, domain):
    tracker = make_tracker(text, intent="greet")
    assert await responses(ActionGreet(), tracker, domain) == ["utter_greet"]


@pytest.mark.parametrize("text", ["kiitti moikka", "kiitti moi", "moi moi", "ok kiitos hei hei"])
async def test_a_greeting_word_ending_the_conversation_is_a_goodbye(text, domain):
    tracker = tracker_after_talk(text, "greet")
    assert await responses(ActionGreet(), tracker, domain) == ["utter_goodbye"]


@pytest.mark.parametrize("text", ["moi", "hei"])
async def test_a_bare_greeting_later_is_still_a_greeting(text, domain):
    tracker = tracker_after_talk(text, "greet")
    assert await responses(ActionGreet(), tracker, domain) == ["utter_greet"]


@pytest.mark.parametrize("text", ["kiitos", "kiitti!", "kiitoksia"])
async def test_a_plain_thank_gets_you_are_welcome(text, domain):
    for tracker in (make_tracker(text, intent="thank"), tracker_after_talk(text, "thank")):
        assert await responses(ActionThank(), tracker, domain) == ["utter_you_are_welcome"]


@pytest.mark.parametrize("text", ["kiitti moi", "kiitos hei", "kiitti, moi moi"])
async def test_a_thank_with_a_greeting_word_after_the_talk_is_a_goodbye(text, domain):
    tracker = tracker_after_talk(text, "thank")
    assert await responses(ActionThank(), tracker, domain) == ["utter_goodbye"]


@pytest.mark.parametrize("text", ["kiitos avusta, näkemiin", "kiitoksia avusta moikka"])
async def test_a_thank_with_a_goodbye_is_a_goodbye_even_as_the_first_message(text, domain):
    tracker = make_tracker(text, intent="thank")
    assert await responses(ActionThank(), tracker, domain) == ["utter_goodbye"]


async def test_a_message_without_text_is_greeted(domain):
    tracker = make_tracker("", intent="greet")
    tracker.latest_message["text"] = None
    assert await responses(ActionGreet(), tracker, domain) == ["utter_greet"]


def test_action_names_match_the_domain(domain):
    assert ActionGreet().name() == "action_greet"
    assert ActionThank().name() == "action_thank"
    assert {"action_greet", "action_thank"} <= set(domain["actions"])


async def test_an_answer_heard_as_a_goodbye_is_read_as_the_answer(domain):
    """ "vähän apua riittää" after the level question is level 2, not a goodbye."""
    tracker = tracker_after_talk(
        "vähän apua riittää",
        "goodbye",
        slots={"topic": "banking", "awaiting": "need_level"},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionGoodbye().run(dispatcher, tracker, domain)
    names = [message["response"] for message in dispatcher.messages]
    assert "utter_goodbye" not in names
    assert {"event": "slot", "name": "need_level", "value": "light_support",
            "timestamp": None} in events  # fmt: skip


async def test_a_thank_you_after_the_help_ends_the_conversation(domain):
    helped = tracker_after_talk("selvä kiitos paljon", "thank", slots={"triage_completed": "x"})
    assert await responses(ActionThank(), helped, domain) == ["utter_goodbye"]
    midway = tracker_after_talk("kiitos", "thank")
    assert await responses(ActionThank(), midway, domain) == ["utter_you_are_welcome"]


async def test_a_thank_you_heard_as_out_of_scope_still_closes(domain):
    """ "kiitos, kerron isälle" has words the classifier knows no intent for; it is thanks."""
    helped = tracker_after_talk(
        "kiitos, kerron isälle", "out_of_scope", slots={"triage_completed": "x"}
    )
    assert await responses(ActionOutOfScope(), helped, domain) == ["utter_goodbye"]
    other = tracker_after_talk("mikä on paras pizza", "out_of_scope")
    assert await responses(ActionOutOfScope(), other, domain) == ["utter_out_of_scope"]
