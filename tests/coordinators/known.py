"""Conversations with exactly known events, saved through Rasa's own SQL tracker store.

WHY: the counting tests must know every answer in advance. Each Known conversation is the
list of events a real turn leaves (user message, the slots the actions set, the responses
said, the actions run), serialised and stored by Rasa's SQLTrackerStore, so the table and its
JSON are exactly what a running assistant writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.coordinators.records import HELSINKI, UNKNOWN, ConversationRecord

#: A message text, a bot text and a free-text value that must never reach any report file.
SECRET_TEXT = "Maija Meikäläinen Rantatie 5 salasana kissa123"
BOT_TEXT = "Tämä on botin vastaus jossa lukee Virtanen"
FREE_TEXT_PLACE = "Kotikylän Takametsä"


@dataclass
class Known:
    """One conversation: when it began, and what the assistant set, said and ran."""

    sender_id: str
    started: datetime
    slots: Dict[str, Any] = field(default_factory=dict)
    said: Sequence[str] = ()
    actions: Sequence[str] = ()
    intent: str = "inform"
    messages: int = 1
    later: Dict[str, Any] = field(default_factory=dict)

    def events(self) -> List[Event]:
        at = self.started.timestamp()
        events: List[Event] = [ActionExecuted("action_listen", timestamp=at - 1)]
        for n in range(self.messages):
            at += 30
            events.append(
                UserUttered(
                    f"{SECRET_TEXT} {n}",
                    intent={"name": self.intent, "confidence": 1.0},
                    timestamp=at,
                )
            )
        for name, value in self.slots.items():
            events.append(SlotSet(name, value, timestamp=at + 1))
        for name in self.actions:
            events.append(ActionExecuted(name, timestamp=at + 2))
        for response in self.said:
            events.append(
                BotUttered(BOT_TEXT, metadata={"utter_action": response}, timestamp=at + 3)
            )
        for name, value in self.later.items():
            events.append(SlotSet(name, value, timestamp=at + 5))
        events.append(ActionExecuted("action_listen", timestamp=at + 6))
        return events


def at(day: Tuple[int, int, int], hour: int = 10) -> datetime:
    return datetime(*day, hour, tzinfo=HELSINKI)


async def save(conversations: Sequence[Known], **store: Any) -> None:
    """Store the conversations with Rasa's SQLTrackerStore (`store`: its dialect, db, ...)."""
    tracker_store = SQLTrackerStore(Domain.empty(), **store)
    for known in conversations:
        tracker = DialogueStateTracker.from_events(known.sender_id, known.events())
        await tracker_store.save(tracker)
    tracker_store.engine.dispose()


def _sender(n: int) -> str:
    return f"kayttaja-{n:05d}-q7w8e9r0t1y2"


def _group(
    count: int,
    start: int,
    day: Tuple[int, int, int],
    expect: ConversationRecord,
    **known: Any,
) -> List[Tuple[Known, Optional[ConversationRecord]]]:
    return [(Known(_sender(start + n), at(day, 9 + n % 8), **known), expect) for n in range(count)]


def _record(week: str, municipality: str, region: str, **values: str) -> ConversationRecord:
    base = dict(
        topic=UNKNOWN,
        need_level=UNKNOWN,
        asker=UNKNOWN,
        language="fi",
        ending="abandoned",
        help_form=UNKNOWN,
        unmet="no",
    )
    base.update(values)
    return ConversationRecord(week=week, municipality=municipality, region=region, **base)


PP = "Pohjois-Pohjanmaa"
TRIAGE = {"topic": "banking", "need_level": "light_support", "asker": "self"}


def known_conversations() -> List[Tuple[Known, Optional[ConversationRecord]]]:
    """37 conversations in January 2026 with their expected records, and two that must not
    count (one began in December 2025, one has no message from a person)."""
    found: List[Tuple[Known, Optional[ConversationRecord]]] = []
    found += _group(
        12,
        0,
        (2026, 1, 7),
        _record("2026-W02", "Oulu", PP, **TRIAGE, ending="provider_shown"),
        slots={**TRIAGE, "municipality": "Oulu"},
        said=["utter_providers_in_municipality"],
    )
    found += _group(
        7,
        100,
        (2026, 1, 8),
        _record(
            "2026-W02",
            "Hailuoto",
            PP,
            topic="banking",
            need_level="demanding_support",
            asker="relative",
            ending="provider_shown",
            unmet="far",
            help_form="in_person",
        ),
        slots={
            "topic": "banking",
            "need_level": "demanding_support",
            "asker": "relative",
            "municipality": "Hailuoto",
            "help_form": "in_person",
        },
        said=["utter_providers_far"],
    )
    found += _group(
        6,
        200,
        (2026, 1, 13),
        _record(
            "2026-W03",
            "Helsinki",
            "Uusimaa",
            topic="security",
            need_level="non_digital",
            asker="relative",
            ending="urgent_steps",
            unmet="none_near",
        ),
        slots={
            "topic": "security",
            "need_level": "non_digital",
            "asker": "relative",
            "municipality": "Helsinki",
            "urgent": "gave_secrets",
        },
        said=["utter_urgent_steps", "utter_providers_national_fallback"],
    )
    found += _group(
        5,
        300,
        (2026, 1, 14),
        _record(
            "2026-W03",
            "Kempele",
            PP,
            topic="device",
            need_level="self_service",
            asker="advisor",
            ending="national_channel",
            help_form="phone",
        ),
        slots={
            "topic": "device",
            "need_level": "self_service",
            "asker": "advisor",
            "postal_code": "90440",
            "help_form": "phone",
        },
        said=["utter_providers_remote"],
    )
    found += _group(
        3,
        400,
        (2026, 1, 15),
        _record(
            "2026-W03",
            "Muhos",
            PP,
            topic="e_services",
            need_level="light_support",
            asker="self",
            ending="human_asked",
        ),
        slots={
            "topic": "e_services",
            "need_level": "light_support",
            "asker": "self",
            "municipality": "Muhos",
        },
        actions=["action_offer_human"],
        said=["utter_providers_in_municipality"],
    )
    found += _group(
        2,
        500,
        (2026, 1, 16),
        _record("2026-W03", UNKNOWN, UNKNOWN, ending="out_of_scope"),
        slots={"municipality": FREE_TEXT_PLACE},
        intent="out_of_scope",
        actions=["action_out_of_scope"],
        said=["utter_out_of_scope"],
    )
    found += _group(1, 600, (2026, 1, 20), _record("2026-W04", UNKNOWN, UNKNOWN))
    # A topic corrected in a later message: the last value counts, the conversation once.
    found += _group(
        1,
        700,
        (2026, 1, 21),
        _record("2026-W04", "Oulu", PP, topic="device", ending="provider_shown"),
        slots={"topic": "banking", "municipality": "Oulu"},
        said=["utter_providers_nearby"],
        messages=3,
        later={"topic": "device"},
    )
    found += _group(1, 800, (2025, 12, 20), None, slots=TRIAGE)
    found.append((Known(_sender(900), at((2026, 1, 9)), messages=0, said=["utter_greet"]), None))
    return found
