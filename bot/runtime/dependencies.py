"""The three services the assistant cannot serve without, opened and checked in one place.

* the conversation store (``TRACKER_DATABASE_URL``, our redacting SQL store),
* the conversation lock (``REDIS_URL``, only when several processes share conversations),
* the provider directory (``DATABASE_URL``).

Start-up opens each of them (see ``bot.runtime.startup``); the readiness endpoint
(``bot.runtime.health``) asks the same objects again while serving.
"""

from __future__ import annotations

import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Dict, Iterator, Optional, Union

from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import NullPool

from bot.guard.tracker_store import RedactingSQLTrackerStore
from bot.runtime.lock_store import RedisConversationLockStore
from bot.runtime.probes import wait_until_reachable
from bot.runtime.retry import retry_blocking

TRACKER_STORE = "tracker_store"
LOCK_STORE = "lock_store"
PROVIDER_DIRECTORY = "provider_directory"


@dataclass(frozen=True)
class Dependency:
    """How a dependency is named to people: in words, and by the setting that points at it."""

    key: str
    what: str
    setting: str


DEPENDENCIES: Dict[str, Dependency] = {
    TRACKER_STORE: Dependency(TRACKER_STORE, "the conversation store", "TRACKER_DATABASE_URL"),
    LOCK_STORE: Dependency(LOCK_STORE, "the conversation lock (Redis)", "REDIS_URL"),
    PROVIDER_DIRECTORY: Dependency(PROVIDER_DIRECTORY, "the provider directory", "DATABASE_URL"),
}


@dataclass
class OpenDependencies:
    """The opened services; ``lock_store`` is None when one process keeps its locks itself."""

    tracker_store: RedactingSQLTrackerStore
    lock_store: Optional[RedisConversationLockStore]
    provider_engine: Engine

    def checks(self) -> Dict[str, Optional[Callable[[], None]]]:
        """One cheap round trip per dependency; None for one that is not configured."""
        lock_store = self.lock_store
        return {
            TRACKER_STORE: self.tracker_store.ping,
            LOCK_STORE: lock_store.ping if lock_store is not None else None,
            PROVIDER_DIRECTORY: lambda: _select_one(self.provider_engine),
        }


def open_tracker_store(config: EndpointConfig) -> RedactingSQLTrackerStore:
    """Our store, built by Rasa's own factory from ``config``, with its table checked.

    The store checks that its database answers before Rasa creates the table; one process at
    a time creates it, so two processes starting together on a fresh database do not collide.
    """
    from rasa.core.tracker_store import TrackerStore

    url = RedactingSQLTrackerStore.get_db_url(
        config.kwargs.get("dialect", "sqlite"),
        config.url,
        config.kwargs.get("port"),
        config.kwargs.get("db", "rasa.db"),
        config.kwargs.get("username"),
        config.kwargs.get("password"),
        query=config.kwargs.get("query"),
    )
    tracker = DEPENDENCIES[TRACKER_STORE]
    wait_until_reachable(url, what=tracker.what, setting=tracker.setting)
    with one_process_at_a_time(url, "tracker store tables"):
        store = TrackerStore.create(config)
    store.ping()
    return store


def open_lock_store(config: Optional[EndpointConfig]) -> Optional[RedisConversationLockStore]:
    """Our Redis lock store for ``config`` (None without ``REDIS_URL``), Redis answering."""
    if config is None:
        return None
    store = RedisConversationLockStore(endpoint_config=config)
    lock = DEPENDENCIES[LOCK_STORE]
    retry_blocking(store.ping, what=lock.what, setting=lock.setting)
    return store


def open_provider_directory() -> Engine:
    """The directory's engine, migrated and (when empty) filled, one process at a time.

    This is where the ingest wing runs at start-up (bot/ingest/prepare.py): the lookups that
    follow only read.
    """
    from bot.directory.db import database_url, get_engine
    from bot.ingest.prepare import prepare_directory

    url = database_url()
    directory = DEPENDENCIES[PROVIDER_DIRECTORY]
    wait_until_reachable(url, what=directory.what, setting=directory.setting)
    with one_process_at_a_time(url, "provider directory migrations"):
        engine = get_engine(url)
        prepare_directory(engine)
    return engine


@contextmanager
def one_process_at_a_time(url: Union[str, URL], purpose: str) -> Iterator[None]:
    """A PostgreSQL advisory lock around ``purpose`` (a no-op on SQLite, one host anyway).

    Alembic migrations and Rasa's CREATE TABLE are not safe to run from two processes at the
    same moment; with the lock the second process waits, then finds the work done.
    """
    if make_url(url).get_backend_name() != "postgresql":
        yield
        return
    key = zlib.crc32(f"digituki {purpose}".encode())
    engine = create_engine(url, poolclass=NullPool, future=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
    finally:
        engine.dispose()


def _select_one(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
