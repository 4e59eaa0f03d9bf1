"""The widget's default municipality reaches the conversation through the greeting.

The page greets with ``/greet{"municipality": "Hailuoto"}``; action_greet keeps a known place it
names, so the assistant does not ask for one until the person names another
(tests/browser/test_widget.py checks it through the real assistant).
"""

from __future__ import annotations

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.small_talk import ActionGoodbye, ActionGreet, ActionThank
from tests.actions.trackers import entity, make_tracker

PAYLOAD = '/greet{"municipality": "Hailuoto"}'


async def _greet(tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await ActionGreet().run(dispatcher, tracker, domain)
    return events, [message["response"] for message in dispatcher.messages]


async def test_the_widgets_municipality_becomes_the_place(domain) -> None:
    tracker = make_tracker(PAYLOAD, intent="greet", entities=[entity("municipality", "Hailuoto")])
    events, said = await _greet(tracker, domain)
    assert events == [SlotSet("municipality", "Hailuoto")]
    assert said == ["utter_greet"]


async def test_a_place_named_in_a_typed_greeting_is_kept_too(domain) -> None:
    text = "moi, asun Hailuodossa"
    tracker = make_tracker(text, intent="greet", entities=[entity("municipality", "Hailuodossa")])
    events, _ = await _greet(tracker, domain)
    assert events == [SlotSet("municipality", "Hailuoto")]


async def test_an_unknown_or_already_known_place_changes_nothing(domain) -> None:
    unknown = make_tracker(
        '/greet{"municipality": "Esimerkkilä"}',
        intent="greet",
        entities=[entity("municipality", "Esimerkkilä")],
    )
    assert await _greet(unknown, domain) == ([], ["utter_greet"])
    known = make_tracker(
        PAYLOAD,
        intent="greet",
        entities=[entity("municipality", "Hailuoto")],
        slots={"municipality": "Hailuoto"},
    )
    assert (await _greet(known, domain))[0] == []


async def test_a_plain_greeting_sets_nothing(domain) -> None:
    assert await _greet(make_tracker("/greet", intent="greet"), domain) == ([], ["utter_greet"])


async def test_a_thank_you_or_goodbye_that_names_a_place_keeps_it(domain) -> None:
    for action, text in (
        (ActionThank(), "asun hämeenlinnas. kiitti tosta"),
        (ActionGoodbye(), "asun hämeenlinnas, moikka"),
    ):
        tracker = make_tracker(
            text, intent="thank", entities=[entity("municipality", "Hämeenlinna")]
        )
        dispatcher = CollectingDispatcher()
        events = await action.run(dispatcher, tracker, domain)
        assert events == [SlotSet("municipality", "Hämeenlinna")]
        assert dispatcher.messages
