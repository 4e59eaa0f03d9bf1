"""Conversations of simulated residents through the real assistant, counted by the report.

The expected values come from a second path: Rasa's own tracker store reads the same
conversations back (its JSON parsing, not our SQL extraction), and what the assistant set and
said there must be what the report counted.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

from bot.coordinators.records import HELSINKI, NEED_LEVELS, TOPICS, UNKNOWN, week_of
from bot.coordinators.regions import load_regions
from bot.coordinators.report import Request, run
from bot.coordinators.simulate import generate
from bot.coordinators.store import Period, open_read_only, read_records

SINCE = date(2026, 2, 2)
COUNT = 8
#: A model to use instead of the up-to-date one (which is trained if missing), e.g. while the
#: tree's inputs change under a long training: DIGITUKI_TEST_MODEL=models/digituki-....tar.gz
MODEL = os.environ.get("DIGITUKI_TEST_MODEL")


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Tuple[str, Any]:
    path = tmp_path_factory.mktemp("simulated") / "tracker.sqlite3"
    result = asyncio.run(generate(COUNT, 3, str(path), SINCE, weeks=3, progress=False, model=MODEL))
    return str(path), result


def stored(path: str) -> List[Tuple[str, List[Any]]]:
    async def read() -> List[Tuple[str, List[Any]]]:
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=path)
        found = []
        for sender in sorted(await store.keys()):
            tracker = await store.retrieve_full_tracker(sender)
            found.append((sender, list(tracker.events)))
        store.engine.dispose()
        return found

    return asyncio.run(read())


def as_rasa_sees_it(events: List[Any]) -> Dict[str, str]:
    slots: Dict[str, Any] = {}
    for event in events:
        if isinstance(event, SlotSet):
            slots[event.key] = event.value
    first = next(e.timestamp for e in events if isinstance(e, UserUttered))
    return {
        "week": week_of(first),
        "topic": slots.get("topic") if slots.get("topic") in TOPICS else UNKNOWN,
        "need_level": slots.get("need_level")
        if slots.get("need_level") in NEED_LEVELS
        else UNKNOWN,
        "said_far": str(
            any(
                isinstance(e, BotUttered)
                and str(e.metadata.get("utter_action", "")).startswith("utter_providers_far")
                for e in events
            )
        ),
    }


def test_every_simulated_conversation_is_counted_as_stored(simulated) -> None:
    path, result = simulated
    assert result.conversations == COUNT and result.turns >= COUNT
    conversations = stored(path)
    assert len(conversations) == COUNT
    engine = open_read_only(path)
    since = datetime(2026, 1, 1, tzinfo=HELSINKI)
    records = list(read_records(engine, Period(since), load_regions()))
    engine.dispose()
    expected = Counter(
        tuple(sorted(as_rasa_sees_it(events).items())) for _, events in conversations
    )
    counted = Counter(
        tuple(
            sorted(
                {
                    "week": r.week,
                    "topic": r.topic,
                    "need_level": r.need_level,
                    "said_far": str(r.unmet == "far"),
                }.items()
            )
        )
        for r in records
    )
    assert counted == expected
    weeks = {record.week for record in records}
    assert weeks <= {"2026-W06", "2026-W07", "2026-W08"}
    assert {record.topic for record in records} - {UNKNOWN}  # the assistant understood some


def test_no_message_or_id_of_the_simulation_reaches_the_report(simulated, tmp_path: Path) -> None:
    path, _ = simulated
    run(Request(store=path, since=SINCE, out=tmp_path))
    text = "\n".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.iterdir())
    for sender, events in stored(path):
        assert sender not in text
        for event in events:
            if isinstance(event, UserUttered) and len(event.text or "") > 12:
                assert event.text not in text
            if isinstance(event, BotUttered) and len(event.text or "") > 20:
                assert event.text not in text
