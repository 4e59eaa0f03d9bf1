"""Asking for a human: name a person-to-person channel that fits, never a dead end."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.closing import closes_conversation, say_closing
from actions.common import SAID_ONCE, conversation_language
from actions.providers import HelsinkiClock, say_once
from actions.urgent import say_urgent_steps_if_new
from bot.auta import person_forms
from bot.directory.forms import arrange, forms_of
from bot.directory.present import DIRECTORY_EMPTY, OFFER_LOCAL_HELP, plan_reply
from bot.directory.search import ProviderHit, SearchResult
from bot.directory.service import PersonQuery, find_for_person
from bot.triage.help_form import wants_a_person

SHOWN = 2


def is_human_channel(hit: ProviderHit, need_level: Any) -> bool:
    """A channel where a person answers in a form that fits the level (bot.auta)."""
    return bool(forms_of(hit) & person_forms(need_level))


def human_channels(result: SearchResult) -> SearchResult:
    """The result narrowed to channels where a person answers, nearest first."""
    humans = [hit for hit in result.providers if is_human_channel(hit, result.need_level)][:SHOWN]
    national = [hit for hit in result.national if is_human_channel(hit, result.need_level)]
    if not humans and national:
        return replace(result, providers=national[:SHOWN], national=[], scope="national")
    return replace(result, providers=humans, national=national)


class ActionOfferHuman(HelsinkiClock, Action):
    def name(self) -> str:
        return "action_offer_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        urgent = say_urgent_steps_if_new(dispatcher, tracker)
        text = tracker.latest_message.get("text") or ""
        if (
            not urgent
            and closes_conversation(text, tracker)
            and not wants_a_person(text, conversation_language(tracker))
        ):
            # "ok kiitos, soitetaan heti pankin sulkupalveluun": they will call; a goodbye.
            say_closing(dispatcher, text, tracker)
            return []
        query = PersonQuery.from_slots(tracker.slots)
        now = self.now()
        found = await asyncio.to_thread(find_for_person, query, now=now)
        # "voisko joku soittaa": the form asked for comes first, as in the provider answer.
        arranged, _ = arrange(found, tracker.get_slot("help_form"), query.need_level)
        result = human_channels(arranged)
        if result.directory_empty:
            dispatcher.utter_message(response=DIRECTORY_EMPTY)
            return urgent
        if not result.providers:
            dispatcher.utter_message(response="utter_human_none")
            if not query.has_location:
                # A place may well have a phone line or a visit nearby: no dead end.
                dispatcher.utter_message(response=OFFER_LOCAL_HELP)
            return urgent
        dispatcher.utter_message(response="utter_human_intro")
        plan = plan_reply(result, now, place_required=False, with_intro=False)
        # Channels shown earlier are named, not shown in full again, here and when the
        # providers follow.
        said = say_once(dispatcher, plan, tracker.get_slot(SAID_ONCE) or [])
        return [*urgent, SlotSet(SAID_ONCE, said)]
