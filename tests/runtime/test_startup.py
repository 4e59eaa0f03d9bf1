"""`bot run`'s start-up check, in-process: every dependency opened, or one paragraph and exit 1."""

import pytest
from sqlalchemy import create_engine, inspect

from bot.runtime.lock_store import RedisConversationLockStore
from bot.runtime.startup import NotServing, prepare_serving
from tests.runtime.services import REDIS_URL, fresh_database, fresh_redis_prefix

SETTINGS = ("TRACKER_DATABASE_URL", "DATABASE_URL", "REDIS_URL", "REDIS_KEY_PREFIX")


@pytest.fixture
def environment(monkeypatch, tmp_path):
    """Only the settings a test sets; SQLite files in a temporary directory."""
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DIGITUKI_LOCAL_DIR", str(tmp_path))
    return monkeypatch


def _refusal():
    with pytest.raises(NotServing) as raised:
        prepare_serving()
    assert raised.value.code != 0  # SystemExit with a message: printed, exit status 1
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_defaults_open_sqlite_files_and_lock_in_process(environment, tmp_path):
    serving = prepare_serving()
    assert serving.endpoints.lock_store is None
    assert [event for _listener, event in serving.listeners] == ["after_server_start"]
    assert (tmp_path / "tracker.sqlite3").exists()
    assert (tmp_path / "providers.sqlite3").exists()


def test_an_unreachable_conversation_database_stops_start_up(environment):
    environment.setenv("TRACKER_DATABASE_URL", "postgresql://postgres:salainen@127.0.0.1:1/test")
    message = _refusal()
    assert message.startswith("Digituki did not start, because the conversation store")
    assert "TRACKER_DATABASE_URL=postgresql://postgres:***@127.0.0.1:1/test" in message
    assert "salainen" not in message
    assert "Connection refused" in message


def test_an_unreachable_redis_stops_start_up(environment):
    environment.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    message = _refusal()
    assert "the conversation lock (Redis) (REDIS_URL=redis://127.0.0.1:1/0) cannot be reached" in (
        message
    )


@pytest.mark.postgres
def test_a_missing_provider_database_stops_start_up(environment):
    environment.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/ei_ole_olemassa")
    message = _refusal()
    assert "the provider directory (DATABASE_URL=" in message
    assert 'database "ei_ole_olemassa" does not exist' in message


def test_a_value_that_is_no_url_is_not_echoed(environment):
    environment.setenv("DATABASE_URL", "postgres//kayttaja:salasana@palvelin")
    message = _refusal()
    assert "DATABASE_URL set to something that is not a URL" in message
    assert "salasana" not in message


def test_an_unsupported_database_is_named(environment):
    environment.setenv("TRACKER_DATABASE_URL", "mysql://u@h/db")
    assert "unsupported database 'mysql'" in _refusal()


def test_every_failure_is_named_in_the_same_paragraph(environment):
    environment.setenv("TRACKER_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/test")
    environment.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    message = _refusal()
    assert "TRACKER_DATABASE_URL=" in message and "REDIS_URL=" in message


@pytest.mark.postgres
def test_postgresql_and_redis_are_opened_and_prepared(environment):
    with fresh_database() as url, fresh_redis_prefix() as prefix:
        environment.setenv("TRACKER_DATABASE_URL", url)
        environment.setenv("DATABASE_URL", url)
        environment.setenv("REDIS_URL", REDIS_URL)
        environment.setenv("REDIS_KEY_PREFIX", prefix)
        serving = prepare_serving()
        opened = serving.listeners[0][0].args[0]
        assert isinstance(opened.lock_store, RedisConversationLockStore)
        engine = create_engine(url, future=True)
        tables = set(inspect(engine).get_table_names())
        engine.dispose()
        assert {"events", "provider_location", "providers_alembic_version"} <= tables
        opened.tracker_store.engine.dispose()
        opened.provider_engine.dispose()
