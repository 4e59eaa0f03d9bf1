"""The conversation store never falls back to memory and rides out a database restart.

On the real PostgreSQL (a fresh database per test) and SQLite files; the outage is made for
real: connections are killed and the database is renamed away, then back.
"""

import uuid

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.guard.tracker_store import RedactingSQLTrackerStore, TrackerStoreUnavailable
from bot.runtime.agent import TRACKER_STORE_TYPE, tracker_store_config
from tests.runtime.services import POSTGRES_URL, admin_execute, fresh_database

DOMAIN = Domain.from_dict({"intents": ["inform"]})


def _conversation(texts):
    events = [ActionExecuted("action_listen")]
    for text in texts:
        events += [UserUttered(text, {"name": "inform"}), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events(f"store-{uuid.uuid4().hex}", events, DOMAIN.slots)


def _store(url):
    store = TrackerStore.create(tracker_store_config(url), domain=DOMAIN)
    assert isinstance(store, RedactingSQLTrackerStore)
    return store


def test_an_unreachable_database_raises_instead_of_keeping_conversations_in_memory():
    config = EndpointConfig(
        type=TRACKER_STORE_TYPE, dialect="postgresql", url="127.0.0.1", port=1, db="test"
    )
    with pytest.raises(TrackerStoreUnavailable) as raised:
        TrackerStore.create(config)  # Rasa's own factory, as `rasa run` and `bot run` use it
    assert "TRACKER_DATABASE_URL" in str(raised.value)


def test_a_missing_driver_raises_instead_of_rasas_in_memory_fallback():
    # Rasa's factory catches ImportError from a custom store's constructor and returns an
    # InMemoryTrackerStore; ours turns it into an error it does not catch.
    config = EndpointConfig(type=TRACKER_STORE_TYPE, dialect="postgresql+pg8000", url="h", db="d")
    with pytest.raises(TrackerStoreUnavailable) as raised:
        TrackerStore.create(config)
    assert "pg8000" in str(raised.value)


@pytest.mark.postgres
async def test_killed_connections_are_retried_and_nothing_is_lost():
    with fresh_database() as url:
        store = _store(url)
        tracker = _conversation(["hei"])
        await store.save(tracker)
        database = url.rsplit("/", 1)[1]
        # A database restart: every connection the store's pool holds is cut.
        admin_execute(
            POSTGRES_URL,
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'",
        )
        tracker.update(UserUttered("toinen viesti", {"name": "inform"}))
        await store.save(tracker)
        stored = await store.retrieve(tracker.sender_id)
        assert [e.text for e in stored.events if isinstance(e, UserUttered)] == [
            "hei",
            "toinen viesti",
        ]
        store.engine.dispose()


@pytest.mark.postgres
async def test_an_outage_longer_than_the_retries_fails_loudly_and_the_store_recovers():
    with fresh_database() as url:
        store = _store(url)
        tracker = _conversation(["hei"])
        await store.save(tracker)
        database = url.rsplit("/", 1)[1]
        away = f"{database}_away"
        store.engine.dispose()
        admin_execute(POSTGRES_URL, f'ALTER DATABASE "{database}" RENAME TO "{away}"')
        try:
            tracker.update(UserUttered("katosiko tämä", {"name": "inform"}))
            with pytest.raises(TrackerStoreUnavailable) as raised:
                await store.save(tracker)
            assert "TRACKER_DATABASE_URL" in str(raised.value)
            with pytest.raises(TrackerStoreUnavailable):
                await store.retrieve(tracker.sender_id)
        finally:
            admin_execute(POSTGRES_URL, f'ALTER DATABASE "{away}" RENAME TO "{database}"')
        await store.save(tracker)  # the same tracker again, once the database is back
        stored = await store.retrieve(tracker.sender_id)
        assert [e.text for e in stored.events if isinstance(e, UserUttered)] == [
            "hei",
            "katosiko tämä",
        ]
        store.engine.dispose()


async def test_an_sqlite_file_that_disappears_fails_loudly(tmp_path):
    directory = tmp_path / "gone"
    directory.mkdir()
    store = _store(f"sqlite:///{directory / 'tracker.sqlite3'}")
    tracker = _conversation(["hei"])
    await store.save(tracker)
    (directory / "tracker.sqlite3").unlink()
    directory.rmdir()
    with pytest.raises(TrackerStoreUnavailable):
        await store.save(tracker)


async def test_a_turn_saved_twice_across_a_new_session_stores_each_event_once(tmp_path):
    # The durable-turn processor saves a turn's message before the turn and the rest after it.
    # Rasa's store skips as many events as it holds for the latest session; right after a new
    # session started that count no longer matches the tracker, which still holds the old one.
    store = _store(f"sqlite:///{tmp_path / 'tracker.sqlite3'}")
    tracker = _conversation(["hei"])
    await store.save(tracker)
    for event in (
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("uusi istunto", {"name": "inform"}),
    ):
        tracker.update(event)
    await store.save(tracker)  # before the turn
    tracker.update(ActionExecuted("utter_greet"))
    tracker.update(ActionExecuted("action_listen"))
    await store.save(tracker)  # after it
    with store.engine.connect() as connection:
        stored = connection.execute(
            sa.text("SELECT count(*) FROM events WHERE sender_id = :sender"),
            {"sender": tracker.sender_id},
        ).scalar()
    assert stored == len(tracker.events)
