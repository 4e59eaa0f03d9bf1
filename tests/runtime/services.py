"""The real PostgreSQL and Redis for runtime and reliability tests, each run in its own corner.

PostgreSQL: a fresh database per use (dropped afterwards, connections and all), so the tracker
store's and the provider directory's tables never meet another run's. Redis: a fresh key
prefix, whose keys are deleted afterwards. A test is skipped, with the reason, only when the
server does not answer.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator, Optional

import pytest
import redis
from sqlalchemy import create_engine, text

from benchmarks.stores import fresh_postgres_database

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _postgres_problem() -> Optional[str]:
    try:
        engine = create_engine(POSTGRES_URL, future=True, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"PostgreSQL at {POSTGRES_URL} unreachable: {error.__class__.__name__}"
    return None


def _redis_problem() -> Optional[str]:
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except Exception as error:
        return f"Redis at {REDIS_URL} unreachable: {error.__class__.__name__}"
    return None


@contextmanager
def fresh_database(prefix: str = "digituki_test") -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped when the block ends."""
    problem = _postgres_problem()
    if problem:
        pytest.skip(problem)
    with fresh_postgres_database(POSTGRES_URL, prefix) as url:
        yield url


@contextmanager
def fresh_redis_prefix(prefix: str = "digitukitest") -> Iterator[str]:
    """A new alphanumeric key prefix; every key under it is deleted when the block ends."""
    problem = _redis_problem()
    if problem:
        pytest.skip(problem)
    name = f"{prefix}{uuid.uuid4().hex[:10]}"
    client = redis.Redis.from_url(REDIS_URL)
    try:
        yield name
    finally:
        keys = list(client.scan_iter(match=f"{name}:*"))
        if keys:
            client.delete(*keys)
        client.close()


def admin_execute(database_url: str, statement: str) -> None:
    """Run one statement on PostgreSQL outside any transaction (kill connections, rename)."""
    engine = create_engine(database_url, future=True, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()
