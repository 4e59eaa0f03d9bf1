"""action_update_triage and action_triage_next against the real domain."""

from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage import ActionTriageNext, ActionUpdateTriage
from tests.actions.trackers import entity, make_tracker, slot_event


async def run(action, tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain)
    return dispatcher.messages, events


async def test_update_sets_only_what_changed(domain):
    tracker = make_tracker(
        "äitini ei osaa verkkopankkia, hän asuu Oulussa",
        entities=[
            entity("topic", "banking"),
            entity("asker", "relative"),
            entity("municipality", "Oulu"),
        ],
        slots={"municipality": "Oulu"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == [SlotSet("topic", "banking"), SlotSet("asker", "relative")]


async def test_update_keeps_relative_against_a_plain_self_guess(domain):
    tracker = make_tracker(
        "entä omakanta", entities=[entity("asker", "self")], slots={"asker": "relative"}
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == []


async def test_next_reflects_and_asks_need_level(domain):
    tracker = make_tracker(
        "en saa suomi.fi-viestejä auki",
        slots={"topic": "suomifi_messages"},
        events_after_user=[slot_event("topic", "suomifi_messages")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_reflect", "utter_ask_need_level"]
    assert messages[0]["summary"] == "Aihe: Suomi.fi-viestit"
    assert events == []


async def test_next_asks_the_place_when_in_person_help_is_needed(domain):
    slots = {"topic": "banking", "need_level": "demanding_support", "asker": "relative"}
    tracker = make_tracker(
        "isä ei ole koskaan käyttänyt verkkopankkia",
        slots=slots,
        events_after_user=[slot_event(name, value) for name, value in slots.items()],
    )
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_reflect", "utter_ask_municipality"]
    assert messages[0]["summary"] == (
        "Aihe: verkkopankki ja laskut, tuen tarve: ei vielä käytä, tarvitsee opastusta (taso 3)"
    )


async def test_complete_triage_hands_over_to_providers(domain):
    slots = {"topic": "banking", "need_level": "non_digital", "municipality": "Hailuoto"}
    tracker = make_tracker(
        "Hailuodossa",
        intent="inform",
        slots=slots,
        events_after_user=[slot_event("municipality", "Hailuoto")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_reflect"]
    assert events[0] == SlotSet(
        "triage_completed", "banking|non_digital|-|Hailuoto|Hailuoto/None/None/None"
    )
    assert events[1] == FollowupAction("action_find_providers")


async def test_advisor_gets_a_summary_to_copy(domain):
    slots = {
        "topic": "e_services",
        "need_level": "light_support",
        "asker": "advisor",
        "municipality": "Lahti",
    }
    tracker = make_tracker(
        "asiakas käyttää omakantaa mutta tarvitsee apua",
        slots=slots,
        events_after_user=[slot_event("need_level", "light_support")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_reflect", "utter_advisor_summary"]
    assert "kunta: Lahti" in messages[1]["summary"]
    assert FollowupAction("action_find_providers") in events


async def test_thanks_after_completion_does_not_repeat_providers(domain):
    slots = {"topic": "banking", "need_level": "light_support"}
    done = "banking|light_support|-|-|-"
    tracker = make_tracker("kyllä", intent="affirm", slots={**slots, "triage_completed": done})
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_anything_else"]
    assert events == []


async def test_a_bare_no_asks_for_the_correction(domain):
    tracker = make_tracker("ei", intent="deny", slots={"topic": "banking"})
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_ask_correction"]
