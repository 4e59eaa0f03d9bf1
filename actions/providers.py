"""Point the person to concrete help: the nearest suitable providers for their topic and level.

All the work is in bot.directory (search, and the plan of what to say in present.py); this
action only reads slots, runs the search off the event loop and hands the planned responses to
the dispatcher: every message is a domain response with values, which Rasa's response generator
says (a provider's lines too: bot/directory/nlg.py). It never ends the conversation
empty-handed: without any place it asks for the municipality, when nothing near fits the
national channels answer (and the intro says so), and an empty directory is said plainly.
The search is made in the conversation's language (slot `language`, read by
PersonQuery.from_slots): names, places and the order of providers follow it.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import datetime
from typing import Iterable, List, Optional, Sequence, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    LOCATION_SLOTS,
    NON_DIGITAL_SHOWN,
    SAID_ONCE,
    conversation_language,
    slots_set_since_last_user_message,
)
from bot.auta import DISTANCE_FORMS, helped_at_a_distance
from bot.directory.forms import arrange, phone_first
from bot.directory.hours import HELSINKI
from bot.directory.present import (
    ASK_LOCATION,
    SAMPLE_NOTICE,
    PlannedMessage,
    format_km,
    plan_reply,
)
from bot.directory.service import PersonQuery, find_for_person

logger = logging.getLogger(__name__)

PROVIDER_ID = "provider_id"
FAR = "utter_providers_far"
# Said once in a conversation: the notice that the data are samples.
ONCE = frozenset({SAMPLE_NOTICE})


class HelsinkiClock:
    """Opening hours are Finnish time; a method so tests can fix the clock."""

    def now(self) -> datetime:
        return datetime.now(HELSINKI)


class ActionFindProviders(HelsinkiClock, Action):
    def name(self) -> str:
        return "action_find_providers"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        query = PersonQuery.from_slots(tracker.slots)
        form = tracker.get_slot("help_form")
        at_a_distance = helped_at_a_distance(query.need_level, form)
        if not query.has_location and not at_a_distance:
            dispatcher.utter_message(response=ASK_LOCATION)
            return []
        now = self.now()
        search = query
        if form in DISTANCE_FORMS and not query.has_location:
            # A call or a chat serves anywhere: the form, not the level, decides the channel.
            search = replace(query, need_level=None)
        result = await asyncio.to_thread(find_for_person, search, now=now)
        result, far_km = arrange(result, form, query.need_level)
        if slots_set_since_last_user_message(tracker).get(NON_DIGITAL_SHOWN):
            # The way without the net was just said: two places keep the reply on one screen.
            result = replace(result, providers=result.providers[:2])
        if far_km is not None:
            # The distance said plainly is the intro, and whether phone or home help came first.
            first = "utter_providers_far_phone_first" if phone_first(result) else FAR
            km = format_km(far_km, conversation_language(tracker))
            dispatcher.utter_message(response=first, km=km)
        plan = plan_reply(result, now, place_required=not at_a_distance, with_intro=far_km is None)
        # A new place keeps its intro ("Kunnastasi (Siilinjärvi) en löytänyt…") even when the
        # same providers come back: it is the answer to the place just given.
        moved = any(name in LOCATION_SLOTS for name in slots_set_since_last_user_message(tracker))
        said = say_once(dispatcher, plan, tracker.get_slot(SAID_ONCE) or [], keep_intro=moved)
        logger.info(
            "providers: scope=%s origin=%s hits=%d",
            result.scope,
            result.origin.kind,
            len(result.providers),
        )
        events: List[EventType] = []
        if result.providers:
            events.append(SlotSet(PROVIDER_ID, str(result.providers[0].id)))
        return [*events, SlotSet(SAID_ONCE, said)]


def say_once(
    dispatcher: CollectingDispatcher,
    plan: Sequence[PlannedMessage],
    said: Sequence[str],
    keep_intro: bool = False,
) -> List[str]:
    """Say the plan, but a provider shown earlier in the conversation only by name; when every
    provider was shown already, only that ("Nämä sopivat yhä…"), not the intro again, unless
    `keep_intro`. Returns the keys said so far, for the `said_once` slot."""
    fresh, again = _not_said_before(plan, said)
    shown_before = again and not any(message.provider_id is not None for message in fresh)
    if keep_intro or not shown_before:
        utter_planned(dispatcher, fresh)
    if again:
        dispatcher.utter_message(response="utter_providers_same", names=", ".join(again))
    return remember_said(said, plan)


def remember_said(said: Sequence[str], plan: Sequence[PlannedMessage]) -> List[str]:
    """`said` with the keys of the planned messages that are said once (see _said_key)."""
    keys = list(said)
    return keys + [key for key in dict.fromkeys(map(_said_key, plan)) if key and key not in keys]


def _said_key(message: PlannedMessage) -> Optional[str]:
    """What marks a message as said once: a provider's card by id, the sample notice."""
    if message.provider_id is not None:
        return f"provider:{message.provider_id}"
    return message.response if message.response in ONCE else None


def _not_said_before(
    plan: Sequence[PlannedMessage], said: Sequence[str]
) -> Tuple[List[PlannedMessage], List[str]]:
    """The messages to say, and the names of providers whose cards were shown already."""
    fresh, again = [], []
    for message in plan:
        key = _said_key(message)
        if key is None or key not in said:
            fresh.append(message)
        elif message.name:
            again.append(message.name)
    return fresh, again


def utter_planned(dispatcher: CollectingDispatcher, messages: Iterable[PlannedMessage]) -> None:
    """Say planned messages: each a domain response with its values (a provider's are its
    name, lines and card data, which the response generator says: bot/directory/nlg.py)."""
    for message in messages:
        dispatcher.utter_message(response=message.response, **message.values)
