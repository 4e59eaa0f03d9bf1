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

from bot.triage.urgent_steps import urgent_facts

URGENT_SLOT = "urgent"
URGENT_SHOWN = "urgent_shown"

# Fail at start-up, not in a conversation.
urgent_facts()


def say_urgent_steps_if_new(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Say the urgent steps if this message revealed an urgent situation; the events to keep."""
    if not tracker.get_slot(URGENT_SLOT) or tracker.get_slot(URGENT_SHOWN):
        return []
    facts = urgent_facts()
    dispatcher.utter_message(
        response="utter_urgent_steps",
        blocking_phone=facts["blocking_phone"],
        police_report=facts["police_report"],
        read_more=facts["read_more"],
    )
    dispatcher.utter_message(response="utter_urgent_then")
    return [SlotSet(URGENT_SHOWN, True)]
