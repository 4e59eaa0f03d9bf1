"""Point the person to concrete help: the nearest suitable providers for their topic and level.

All the work is in bot.providers (search, and the plan of what to say in present.py); this
action only reads slots, runs the search off the event loop and hands the planned responses to
the dispatcher. It never ends the conversation empty-handed: without any place it asks for the
municipality, and when nothing near fits, the national channels answer (and the intro says so).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any, Dict, Iterable, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.domain_files import load_responses
from bot.providers.forms import arrange
from bot.providers.hours import HELSINKI
from bot.providers.present import (
    ASK_LOCATION,
    REMOTE_LEVELS,
    PlannedMessage,
    format_km,
    message_values,
    plan_reply,
    render_lines,
)
from bot.providers.service import PersonQuery, find_for_person

logger = logging.getLogger(__name__)

PROVIDER_ID = "provider_id"


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
        if not query.has_location and query.need_level not in REMOTE_LEVELS:
            dispatcher.utter_message(response=ASK_LOCATION)
            return []
        now = self.now()
        result = await asyncio.to_thread(find_for_person, query, now=now)
        result, far_km = arrange(result, tracker.get_slot("help_form"), query.need_level)
        if far_km is not None:
            dispatcher.utter_message(response="utter_providers_far", km=format_km(far_km))
        utter_planned(dispatcher, domain, plan_reply(result, now))
        logger.info(
            "providers: scope=%s origin=%s hits=%d",
            result.scope,
            result.origin.kind,
            len(result.providers),
        )
        if result.providers:
            return [SlotSet(PROVIDER_ID, str(result.providers[0].id))]
        return []


def utter_planned(
    dispatcher: CollectingDispatcher, domain: DomainDict, messages: Iterable[PlannedMessage]
) -> None:
    """Say planned messages: a domain response with values, or lines composed from several."""
    responses: Dict[str, Any] = domain.get("responses") or load_responses()
    for message in messages:
        if message.response:
            dispatcher.utter_message(
                response=message.response, **message_values(responses, message)
            )
        else:
            dispatcher.utter_message(text=render_lines(responses, message.lines))
