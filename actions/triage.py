"""The triage conversation: update what is known, then ask for the one thing still missing."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_intent, response_text, slots_set_since_last_user_message
from bot.triage.state import (
    Step,
    Triage,
    fingerprint,
    merge,
    next_step,
    understood_from_entities,
)

TRIAGE_SLOTS = tuple(Triage().as_dict())
COMPLETED_SLOT = "triage_completed"
LOCATION_SLOTS = ("municipality", "postal_code", "latitude", "longitude")


class ActionUpdateTriage(Action):
    """Folds what the latest message says into the triage slots."""

    def name(self) -> str:
        return "action_update_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        previous = Triage.from_slots(tracker.slots)
        message = tracker.latest_message
        stated = understood_from_entities(message.get("entities") or [], message.get("text") or "")
        updated = merge(previous, stated, latest_intent(tracker))
        return [
            SlotSet(name, value)
            for name, value in updated.as_dict().items()
            if value != getattr(previous, name)
        ]


class ActionTriageNext(Action):
    """Reflects what changed, then asks the next question or hands over to the providers."""

    def name(self) -> str:
        return "action_triage_next"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        triage = Triage.from_slots(tracker.slots)
        changed = any(name in TRIAGE_SLOTS for name in slots_set_since_last_user_message(tracker))
        location = _location_key(tracker)
        done_key = fingerprint(triage, location)
        step = next_step(
            triage,
            intent=latest_intent(tracker),
            changed=changed,
            has_location=location is not None,
            already_completed=tracker.get_slot(COMPLETED_SLOT) == done_key,
        )
        understood = summary(domain, triage)
        if changed and understood and step is not Step.ASK_CORRECTION:
            dispatcher.utter_message(response="utter_reflect", summary=_capitalised(understood))
        return _carry_out(step, triage, understood, done_key, dispatcher)


def _carry_out(
    step: Step,
    triage: Triage,
    understood: str,
    done_key: str,
    dispatcher: CollectingDispatcher,
) -> List[EventType]:
    questions = {
        Step.NOT_UNDERSTOOD: "utter_default",
        Step.ASK_CORRECTION: "utter_ask_correction",
        Step.ASK_TOPIC: "utter_ask_topic",
        Step.ASK_NEED_LEVEL: "utter_ask_need_level",
        Step.ASK_LOCATION: "utter_ask_municipality",
        Step.NOTHING_NEW: "utter_anything_else",
    }
    if step in questions:
        dispatcher.utter_message(response=questions[step])
        return []
    if triage.asker == "advisor":
        dispatcher.utter_message(response="utter_advisor_summary", summary=understood)
    return [SlotSet(COMPLETED_SLOT, done_key), FollowupAction("action_find_providers")]


def summary(domain: DomainDict, triage: Triage) -> str:
    """ "aihe: …, tuen tarve: …, kunta: …" from the domain's labels, for what is known."""
    labels: Dict[str, Any] = {
        "topic": triage.topic and response_text(domain, f"utter_label_topic_{triage.topic}"),
        "need_level": triage.need_level
        and response_text(domain, f"utter_label_need_level_{triage.need_level}"),
        "municipality": triage.municipality,
    }
    return ", ".join(
        response_text(domain, f"utter_summary_{name}", label=label)
        for name, label in labels.items()
        if label
    )


def _capitalised(text: str) -> str:
    """First letter up, the rest untouched ("Suomi.fi", "OmaKanta" keep their capitals)."""
    return text[:1].upper() + text[1:]


def _location_key(tracker: Tracker) -> Any:
    """Whatever place the person has given, as one comparable value (None if nothing)."""
    values = [tracker.get_slot(name) for name in LOCATION_SLOTS]
    return "/".join(str(value) for value in values) if any(values) else None
