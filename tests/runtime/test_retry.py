"""Which failures are retried, how often, and what is raised in the end (real errors only)."""

import pytest
import redis
import sqlalchemy as sa

from bot.runtime.probes import probe_database
from bot.runtime.retry import (
    DependencyUnavailable,
    describe,
    is_connection_error,
    retry_async,
    retry_blocking,
)


def _caught(operation):
    try:
        operation()
    except Exception as error:
        return error
    raise AssertionError("expected a failure")


REFUSED_DATABASE = _caught(lambda: probe_database("postgresql://postgres@127.0.0.1:1/test"))
REFUSED_REDIS = _caught(lambda: redis.Redis(port=1, socket_timeout=1).ping())


def _missing_table():
    engine = sa.create_engine("sqlite://")
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT * FROM ei_ole"))


MISSING_TABLE = _caught(_missing_table)


def test_unreachable_servers_are_worth_retrying_a_wrong_query_is_not():
    assert is_connection_error(REFUSED_DATABASE)
    assert is_connection_error(REFUSED_REDIS)
    assert not is_connection_error(MISSING_TABLE)
    named = DependencyUnavailable("the conversation store", "TRACKER_DATABASE_URL", REFUSED_REDIS)
    assert not is_connection_error(named)  # retried already: never retried again


def test_describe_keeps_the_first_line_only():
    assert "\n" not in describe(REFUSED_DATABASE)
    assert "Connection refused" in describe(REFUSED_DATABASE)


async def test_a_brief_outage_is_ridden_out():
    failures = [REFUSED_DATABASE, REFUSED_REDIS]
    attempts = []

    async def operation():
        attempts.append(1)
        if failures:
            raise failures.pop(0)
        return "stored"

    assert await retry_async(operation, what="x", setting="X_URL", delays=(0, 0)) == "stored"
    assert len(attempts) == 3


async def test_a_long_outage_names_the_setting_after_the_last_attempt():
    attempts = []

    async def operation():
        attempts.append(1)
        raise REFUSED_DATABASE

    with pytest.raises(DependencyUnavailable) as raised:
        await retry_async(operation, what="the store", setting="X_URL", delays=(0, 0, 0))
    assert len(attempts) == 4
    assert str(raised.value).startswith("the store cannot be reached (X_URL): ")
    assert raised.value.cause is REFUSED_DATABASE


def test_other_errors_are_raised_at_once():
    attempts = []

    def operation():
        attempts.append(1)
        raise MISSING_TABLE

    with pytest.raises(sa.exc.OperationalError) as raised:
        retry_blocking(operation, what="x", setting="X_URL", delays=(0, 0))
    assert raised.value is MISSING_TABLE
    assert len(attempts) == 1
