"""The person asked for a language: say it is changed and ask again what was asked.

The slot `language` is set from the message before this action runs (domain/language.yml), so
every response from here on is in the new language. A question left open ("Missä kunnassa?")
is asked again, now in words the person reads.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.triage.answers import AWAIT_NEED_LEVEL, AWAIT_PLACE, AWAIT_TOPIC

AWAITING_SLOT = "awaiting"
#: The question asked again for each open question.
QUESTIONS: Dict[str, str] = {
    AWAIT_TOPIC: "utter_ask_topic",
    AWAIT_NEED_LEVEL: "utter_ask_need_level",
    AWAIT_PLACE: "utter_ask_municipality",
}


class ActionChangeLanguage(Action):
    """Confirms the language and repeats the open question, if any."""

    def name(self) -> str:
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[str, Any]]:
        dispatcher.utter_message(response="utter_language_changed")
        question = QUESTIONS.get(tracker.get_slot(AWAITING_SLOT) or "")
        if question:
            dispatcher.utter_message(response=question)
        return []
