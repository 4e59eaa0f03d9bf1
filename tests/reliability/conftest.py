"""Two real assistant processes sharing one PostgreSQL database and one Redis, as deployed.

The package's tests run against them: turns alternating between the processes, kill -9 and
restart. Everything they store lives in a fresh database and under a fresh Redis key prefix,
both removed afterwards. Select these tests with ``-m reliability``; ``-m "not slow"`` skips them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.paths import DOMAIN_DIR
from tests.reliability.servers import ServerProcess, base_environment
from tests.runtime.services import REDIS_URL, fresh_database, fresh_redis_prefix

#: Seconds a dead process's lock ticket blocks its conversation (Rasa's default is 60).
TEST_LOCK_LIFETIME = "10"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "reliability: real server processes on PostgreSQL and Redis (tests/reliability)"
    )


@dataclass
class Cluster:
    """Processes ``a`` and ``b`` behind no proxy: a test picks the process for each turn."""

    database_url: str
    a: ServerProcess
    b: ServerProcess

    def events(self, sender: str) -> List[Dict[str, Any]]:
        return stored_events(self.database_url, sender)

    def slots(self, sender: str) -> Dict[str, Any]:
        return stored_slots(self.events(sender), sender)


def stored_events(database_url: str, sender: str) -> List[Dict[str, Any]]:
    """The conversation's rows in the tracker store, in the order they were written."""
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT data FROM events WHERE sender_id = :sender ORDER BY id"),
                {"sender": sender},
            )
            return [json.loads(data) for (data,) in rows]
    finally:
        engine.dispose()


def stored_slots(events: List[Dict[str, Any]], sender: str) -> Dict[str, Any]:
    """The slot values Rasa rebuilds from the stored events (reverted turns undone)."""
    tracker = DialogueStateTracker.from_dict(sender, events, _domain().slots)
    return dict(tracker.current_slot_values())


def user_texts(events: List[Dict[str, Any]]) -> List[str]:
    return [event.get("text") for event in events if event["event"] == "user"]


_DOMAIN: List[Domain] = []


def _domain() -> Domain:
    if not _DOMAIN:
        _DOMAIN.append(Domain.load(str(DOMAIN_DIR)))
    return _DOMAIN[0]


@pytest.fixture(scope="package")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    from bot.runtime.training import ensure_trained

    ensure_trained()  # once, here: two processes must not both start training
    with fresh_database("digituki_reliability") as url, fresh_redis_prefix("digitukirel") as key:
        environment = base_environment(
            tmp_path_factory.mktemp("local"),
            TRACKER_DATABASE_URL=url,
            DATABASE_URL=url,
            REDIS_URL=REDIS_URL,
            REDIS_KEY_PREFIX=key,
            TICKET_LOCK_LIFETIME=TEST_LOCK_LIFETIME,
        )
        logs = tmp_path_factory.mktemp("logs")
        # Both at once on a fresh database: the migrations and CREATE TABLE must not collide.
        processes = [ServerProcess(name, environment, logs).start() for name in ("a", "b")]
        try:
            for process in processes:
                process.wait_until_ready()
                print(f"\n{process.name} ready in {process.start_seconds:.1f} s")
            yield Cluster(url, *processes)
        finally:
            for process in processes:
                process.stop()
