"""Building the agent the way every entry point runs it: in-process actions, guarded store.

The settings come from the environment (README, "Settings"): ``TRACKER_DATABASE_URL`` for the
conversation store and ``REDIS_URL`` for the conversation lock that lets several server
processes share conversations. Rasa's own heavy modules are imported only by :func:`load`, so
``bot run`` can check these settings within a second or two, before TensorFlow is imported.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Optional

from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.paths import PROJECT_ROOT, ensure_local_dir
from bot.runtime.fast_sqlite import use_write_ahead_log
from bot.runtime.inprocess_actions import InProcessActionEndpoint

if TYPE_CHECKING:
    from rasa.core.agent import Agent

ENDPOINTS_FILE = PROJECT_ROOT / "endpoints.yml"
TRACKER_STORE_TYPE = "bot.guard.tracker_store.RedactingSQLTrackerStore"
LOCK_STORE_TYPE = "bot.runtime.lock_store.RedisConversationLockStore"

TRACKER_DATABASE_URL_ENV = "TRACKER_DATABASE_URL"
REDIS_URL_ENV = "REDIS_URL"
REDIS_KEY_PREFIX_ENV = "REDIS_KEY_PREFIX"
SUPPORTED_TRACKER_DATABASES = ("postgresql", "sqlite")
#: Seconds a database or Redis connection attempt may take before it counts as failed.
CONNECT_TIMEOUT_SECONDS = 5


class SettingError(ValueError):
    """A setting whose value cannot be used at all (not merely a server that is down)."""

    def __init__(self, setting: str, problem: str) -> None:
        self.setting = setting
        self.problem = problem
        super().__init__(f"{setting}: {problem}")


def tracker_database_url(database_url: Optional[str] = None) -> Optional[URL]:
    """``TRACKER_DATABASE_URL`` parsed, or None for the default SQLite file.

    SQLAlchemy's parser, not urllib's: a password may hold "@", "/" or ":" when they are
    percent-encoded (``p%40ss``), exactly as in ``DATABASE_URL``.
    """
    raw = database_url or os.environ.get(TRACKER_DATABASE_URL_ENV)
    if not raw:
        return None
    try:
        url = make_url(raw)
    except ArgumentError as error:
        raise SettingError(TRACKER_DATABASE_URL_ENV, "not a database URL") from error
    if url.get_backend_name() not in SUPPORTED_TRACKER_DATABASES:
        raise SettingError(
            TRACKER_DATABASE_URL_ENV,
            f"unsupported database {url.get_backend_name()!r} "
            f"(use {' or '.join(SUPPORTED_TRACKER_DATABASES)})",
        )
    return url


def tracker_store_config(database_url: Optional[str] = None) -> EndpointConfig:
    """The conversation store: SQLite under data/local/, or the database in the URL."""
    url = tracker_database_url(database_url)
    if url is None:
        db_file = ensure_local_dir() / "tracker.sqlite3"
        return EndpointConfig(type=TRACKER_STORE_TYPE, dialect="sqlite", db=str(db_file))
    if url.get_backend_name() == "sqlite":
        return EndpointConfig(type=TRACKER_STORE_TYPE, dialect="sqlite", db=url.database)
    query: Dict[str, Any] = {"connect_timeout": str(CONNECT_TIMEOUT_SECONDS), **url.query}
    return EndpointConfig(
        type=TRACKER_STORE_TYPE,
        dialect=url.drivername,
        url=url.host,
        port=url.port,
        db=url.database,
        username=url.username,
        password=url.password,
        query=query,
    )


def lock_store_config(redis_url: Optional[str] = None) -> Optional[EndpointConfig]:
    """Rasa's conversation lock in Redis (``REDIS_URL``), or None: locks in this process only.

    One process needs no shared lock. Two or more need it, or both could answer the same
    conversation at once and store a muddle of the two turns.
    """
    from redis.connection import parse_url

    raw = redis_url or os.environ.get(REDIS_URL_ENV)
    if not raw:
        return None
    try:
        parsed = parse_url(raw)
    except ValueError as error:
        raise SettingError(REDIS_URL_ENV, f"not a Redis URL ({error})") from error
    if "path" in parsed:
        raise SettingError(REDIS_URL_ENV, "a Unix socket cannot be used; give redis://host:port/db")
    settings: Dict[str, Any] = {
        "port": parsed.get("port", 6379),
        "db": parsed.get("db", 0),
        "username": parsed.get("username"),
        "password": parsed.get("password"),
        "use_ssl": raw.startswith("rediss://"),
        "socket_timeout": CONNECT_TIMEOUT_SECONDS,
    }
    prefix = os.environ.get(REDIS_KEY_PREFIX_ENV)
    if prefix:
        if not prefix.isalnum():
            raise SettingError(REDIS_KEY_PREFIX_ENV, "letters and digits only")
        settings["key_prefix"] = prefix
    return EndpointConfig(type=LOCK_STORE_TYPE, url=parsed.get("host", "localhost"), **settings)


def endpoints(database_url: Optional[str] = None) -> AvailableEndpoints:
    """endpoints.yml with actions in-process and the conversation store and lock resolved."""
    configured = AvailableEndpoints.read_endpoints(str(ENDPOINTS_FILE))
    configured.action = InProcessActionEndpoint()
    configured.tracker_store = tracker_store_config(database_url)
    use_write_ahead_log(configured.tracker_store)  # a SQLite save syncs once: fast_sqlite.py
    configured.lock_store = lock_store_config()
    return configured


async def load(model_path: str, in_memory: bool = False) -> Agent:
    """The agent for `model_path`; `in_memory` keeps no conversation anywhere (batch use).

    The provider directory is migrated and, when empty, filled first, as `bot run` does at
    start-up (bot/ingest/prepare.py): the assistant's lookups only read.
    """
    from rasa.core.agent import load_agent

    from bot.runtime.dependencies import open_provider_directory

    open_provider_directory()
    available = endpoints()
    if in_memory:
        # Rasa then keeps conversations, and their locks, in this process only.
        available.tracker_store = None
        available.lock_store = None
    return await load_agent(model_path=model_path, endpoints=available)
