"""The urgent steps, said once, before anything else the assistant says in that reply.

action_update_triage notices the situation (bot/triage/urgency.py) and sets the `urgent` slot;
every action that answers the person (the triage, a limits question, a request for a human)
calls `say_urgent_steps_if_new` first, because the responses' asker and situation variations
see the slots only from the action after the update.
"""

from __future__ import annotations

from typing import List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.triage.urgency import urgent_situation
from bot.triage.urgent_steps import urgent_facts

URGENT_SLOT = "urgent"
URGENT_SHOWN = "urgent_shown"

# Fail at start-up, not in a conversation.
urgent_facts()


def say_urgent_steps_if_new(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Say the urgent steps if this message revealed an urgent situation; the events to keep."""
    if not tracker.get_slot(URGENT_SLOT) or tracker.get_slot(URGENT_SHOWN):
        return []
    _say_steps(dispatcher)
    return [SlotSet(URGENT_SHOWN, True)]


def say_urgent_steps_read_here(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> List[EventType]:
    """The same for a message no triage update has read (a "kerro lisää" path): the action
    reads it itself, so "isä ehti jo maksaa 800 euroa" gets the steps whatever its intent."""
    if tracker.get_slot(URGENT_SHOWN):
        return []
    text = tracker.latest_message.get("text") or ""
    scam = tracker.get_slot("topic") == "security"
    situation = urgent_situation(text, scam, tracker.get_slot("language"))
    if not situation:
        return []
    _say_steps(dispatcher)
    return [SlotSet(URGENT_SLOT, situation), SlotSet(URGENT_SHOWN, True)]


def _say_steps(dispatcher: CollectingDispatcher) -> None:
    facts = urgent_facts()
    dispatcher.utter_message(
        response="utter_urgent_steps",
        blocking_phone=facts["blocking_phone"],
        police_report=facts["police_report"],
        read_more=facts["read_more"],
    )
    dispatcher.utter_message(response="utter_urgent_then")
