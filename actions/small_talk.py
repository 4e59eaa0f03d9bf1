"""Greetings, thanks and farewells, told apart by where they come in the conversation.

"moikka" opens a conversation and also ends one; "kiitti, moikka" after the help was given is a
farewell, and answering it with the opening greeting reads as if the assistant had forgotten
everything (bot/triage/farewell.py). And an answer to the question just asked is an answer, even
when the classifier heard small talk in it ("vähän apua riittää" is not a goodbye).
"""

from __future__ import annotations

import abc
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.closing import conversation_started, ends_with_thanks, say_closing
from actions.common import conversation_language
from actions.triage import answers_the_question, triage_turn
from bot.places import get_index
from bot.triage.farewell import is_farewell
from bot.triage.labels import MUNICIPALITY
from bot.triage.state import understood_from_entities


class _SmallTalk(Action, abc.ABC):
    """Shared by the small-talk actions; abstract, so rasa_sdk does not register it.

    A place named in passing is kept whatever the message is: "asun hämeenlinnas. kiitti tosta"
    is a thank-you, and the place still holds if the person comes back to it.
    """

    @abc.abstractmethod
    def name(self) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        if answers_the_question(tracker):  # the triage reads the place itself
            return await triage_turn(dispatcher, tracker, domain)
        self.reply(dispatcher, tracker, tracker.latest_message.get("text") or "")
        return place_named(tracker)

    @abc.abstractmethod
    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None: ...


class ActionGreet(_SmallTalk):
    """The greeting, keeping a place it names as the person's place.

    The chat page on a municipality's site greets with ``/greet{"municipality": "Hailuoto"}``
    (the widget's default municipality, checked by bot/web/widget_theme.py), and "moi, asun
    Oulussa" names one too: the place holds until the person names another, as any stated place.
    """

    def name(self) -> str:
        return "action_greet"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        farewell = is_farewell(text, conversation_started(tracker), conversation_language(tracker))
        dispatcher.utter_message(response="utter_goodbye" if farewell else "utter_greet")


def place_named(tracker: Tracker) -> List[Dict[str, Any]]:
    """The municipality the message names (a known one, not negated), if it is new."""
    message = tracker.latest_message
    entities = message.get("entities") or []
    named = understood_from_entities(entities, message.get("text") or "").municipality
    found = get_index().by_name(named) if named else None
    if found is None or tracker.get_slot(MUNICIPALITY) == found.name_fi:
        return []
    return [SlotSet(MUNICIPALITY, found.name_fi)]


class ActionThank(_SmallTalk):
    def name(self) -> str:
        return "action_thank"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        say_closing(dispatcher, text, tracker)


class ActionGoodbye(_SmallTalk):
    def name(self) -> str:
        return "action_goodbye"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        dispatcher.utter_message(response="utter_goodbye")


class ActionOutOfScope(_SmallTalk):
    """ "minä osaa itse kun joku kertoo mistä alkaa" after the level question is an answer."""

    def name(self) -> str:
        return "action_out_of_scope"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        if ends_with_thanks(text, tracker):
            # "kiitos, kerron isälle": a thank-you with words the classifier knows no intent for.
            say_closing(dispatcher, text, tracker)
            return
        dispatcher.utter_message(response="utter_out_of_scope")
