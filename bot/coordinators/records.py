"""One conversation's events -> one record of categorical values, and nothing else.

WHY: privacy by construction. The record has no field that could hold text: every value is
checked against a closed list here (topics, levels, askers, forms of help, languages, the
official municipalities) and anything else becomes "unknown". The sender id never reaches this
module; the store reader groups by it and drops it.

How a conversation ended is read from what the assistant really did (`actions/*.py`): the
responses it said (`utter_urgent_steps`, the provider intros of `bot/providers/present.py`,
`utter_providers_far*`, `utter_providers_none`) and the actions it ran (`action_offer_human`,
`action_out_of_scope`). One ending per conversation, the first that applies in ENDINGS order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Dict, Iterable, Optional, Set
from zoneinfo import ZoneInfo

from bot.coordinators.regions import Regions
from bot.triage.labels import ASKERS, NEED_LEVELS, TOPICS

HELSINKI = ZoneInfo("Europe/Helsinki")
UNKNOWN = "unknown"

HELP_FORMS = ("phone", "remote", "in_person", "home_visit", "paper")
LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"  # the slot `language` is unset until a message says otherwise
#: Endings in order of precedence: a conversation gets the first that applies.
ENDINGS = (
    "urgent_steps",
    "human_asked",
    "provider_shown",
    "national_channel",
    "none_fitted",
    "out_of_scope",
    "abandoned",
)
UNMET = ("far", "none_near")
#: Help near enough was shown, or the conversation never got as far as looking for it.
NO_UNMET = "no"
#: The slots the reader asks the database for; every other slot stays in the database.
SLOTS = ("topic", "need_level", "asker", "municipality", "postal_code", "help_form", "language")

LOCAL_INTROS = frozenset(
    {
        "utter_providers_in_municipality",
        "utter_providers_nearby",
        "utter_providers_near_location",
        "utter_providers_far",
        "utter_providers_far_phone_first",
    }
)
NATIONAL_INTROS = frozenset({"utter_providers_national_fallback", "utter_providers_remote"})
FAR = frozenset({"utter_providers_far", "utter_providers_far_phone_first"})
NONE_NEAR = frozenset({"utter_providers_national_fallback", "utter_providers_none"})
#: Every response name the derivation looks at; the reader asks for nothing else.
RESPONSES = (
    LOCAL_INTROS | NATIONAL_INTROS | NONE_NEAR | {"utter_urgent_steps", "utter_out_of_scope"}
)
ACTIONS = frozenset({"action_offer_human", "action_out_of_scope"})


@dataclass(frozen=True)
class ConversationRecord:
    """What the report may know of one conversation: closed-list values only."""

    week: str
    municipality: str
    region: str
    topic: str
    need_level: str
    asker: str
    language: str
    ending: str
    help_form: str
    unmet: str


@dataclass
class Event:
    """One stored event as the reader passes it on: no text, no sender id."""

    type_name: str
    timestamp: float
    intent: Optional[str] = None
    action: Optional[str] = None
    slot: Optional[str] = None
    value: Optional[str] = None  # a slot's value or a bot event's response name


def week_of(timestamp: float) -> str:
    """ISO week in Finnish time, e.g. '2026-W03'."""
    year, week, _ = datetime.fromtimestamp(timestamp, HELSINKI).isocalendar()
    return f"{year}-W{week:02d}"


def _closed(value: Optional[str], allowed: Iterable[str]) -> str:
    return value if value in set(allowed) else UNKNOWN


class Accumulator:
    """Collects one conversation's events (in stored order) and yields its record."""

    def __init__(self) -> None:
        self.first_user: Optional[float] = None
        self.slots: Dict[str, Optional[str]] = {}
        self.said: Set[str] = set()
        self.actions: Set[str] = set()
        self.intents: Set[str] = set()

    def add(self, event: Event) -> None:
        if event.type_name == "user":
            if self.first_user is None:
                self.first_user = event.timestamp
            if event.intent:
                self.intents.add(event.intent)
        elif event.type_name == "slot" and event.slot in SLOTS:
            self.slots[event.slot] = event.value
        elif event.type_name == "bot" and event.value in RESPONSES:
            self.said.add(event.value)
        elif event.type_name == "action" and event.action in ACTIONS:
            self.actions.add(event.action)

    def record(self, regions: Regions) -> Optional[ConversationRecord]:
        """None for a conversation in which the person never wrote anything."""
        if self.first_user is None:
            return None
        municipality = self._municipality(regions)
        return ConversationRecord(
            week=week_of(self.first_user),
            municipality=municipality,
            region=regions.region_of(municipality) or UNKNOWN,
            topic=_closed(self.slots.get("topic"), TOPICS),
            need_level=_closed(self.slots.get("need_level"), NEED_LEVELS),
            asker=_closed(self.slots.get("asker"), ASKERS),
            language=_closed(self.slots.get("language") or DEFAULT_LANGUAGE, LANGUAGES),
            ending=self._ending(),
            help_form=_closed(self.slots.get("help_form"), HELP_FORMS),
            unmet=self._unmet(),
        )

    def _municipality(self, regions: Regions) -> str:
        """The official name the assistant stored, or the one a stored postal code lies in."""
        name = self.slots.get("municipality")
        if name in regions.by_name:
            return str(name)
        postal = regions.by_postal_code.get(str(self.slots.get("postal_code") or ""))
        return postal or UNKNOWN

    def _ending(self) -> str:
        said = self.said
        if "utter_urgent_steps" in said:
            return "urgent_steps"
        if "action_offer_human" in self.actions:
            return "human_asked"
        if said & LOCAL_INTROS:
            return "provider_shown"
        if said & NATIONAL_INTROS:
            return "national_channel"
        if "utter_providers_none" in said:
            return "none_fitted"
        if "action_out_of_scope" in self.actions or "out_of_scope" in self.intents:
            return "out_of_scope"
        return "abandoned"

    def _unmet(self) -> str:
        if self.said & FAR:
            return "far"
        if self.said & NONE_NEAR:
            return "none_near"
        return NO_UNMET
