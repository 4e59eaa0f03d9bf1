"""Greetings, thanks and farewells, told apart by where they come in the conversation.

"moikka" opens a conversation and also ends one; "kiitti, moikka" after the help was given is a
farewell, and answering it with the opening greeting reads as if the assistant had forgotten
everything (bot/triage/farewell.py).
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.triage.farewell import is_farewell


def conversation_started(tracker: Tracker) -> bool:
    """Whether the person said anything before the latest message."""
    return sum(1 for event in tracker.events if event.get("event") == "user") > 1


class ActionGreet(Action):
    def name(self) -> str:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        started = conversation_started(tracker)
        farewell = is_farewell(text, started)
        dispatcher.utter_message(response="utter_goodbye" if farewell else "utter_greet")
        return []


class ActionThank(Action):
    def name(self) -> str:
        return "action_thank"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        farewell = is_farewell(text, conversation_started(tracker))
        dispatcher.utter_message(response="utter_goodbye" if farewell else "utter_you_are_welcome")
        return []
