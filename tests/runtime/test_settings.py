"""TRACKER_DATABASE_URL and REDIS_URL as operators write them, percent-encoded passwords included."""

import pytest
from rasa.core.lock_store import LockStore

from bot.guard.tracker_store import RedactingSQLTrackerStore
from bot.runtime.agent import (
    LOCK_STORE_TYPE,
    TRACKER_STORE_TYPE,
    SettingError,
    lock_store_config,
    tracker_store_config,
)
from bot.runtime.lock_store import RedisConversationLockStore
from tests.runtime.services import REDIS_URL, fresh_database, fresh_redis_prefix

PASSWORD = "p@ss/w:rd"  # each of "@", "/" and ":" broke the urllib-based parsing
ENCODED = "p%40ss%2Fw%3Ard"


def test_a_percent_encoded_password_keeps_host_port_and_database():
    config = tracker_store_config(f"postgresql://digi:{ENCODED}@db.example.fi:6543/keskustelut")
    assert config.type == TRACKER_STORE_TYPE
    assert config.url == "db.example.fi"
    assert config.kwargs["port"] == 6543
    assert config.kwargs["db"] == "keskustelut"
    assert config.kwargs["username"] == "digi"
    assert config.kwargs["password"] == PASSWORD


def test_query_options_reach_the_driver_and_a_connect_timeout_is_added():
    config = tracker_store_config("postgresql+psycopg2://u@h/db?sslmode=require")
    assert config.kwargs["dialect"] == "postgresql+psycopg2"
    assert config.kwargs["query"] == {"sslmode": "require", "connect_timeout": "5"}


def test_an_sqlite_url_names_its_file():
    config = tracker_store_config("sqlite:////var/lib/digituki/tracker.sqlite3")
    assert config.kwargs == {"dialect": "sqlite", "db": "/var/lib/digituki/tracker.sqlite3"}


@pytest.mark.parametrize(
    ("url", "problem"),
    [("mysql://u@h/db", "unsupported database 'mysql'"), ("not a url", "not a database URL")],
)
def test_an_unusable_url_is_refused_with_the_setting_named(url, problem):
    with pytest.raises(SettingError) as raised:
        tracker_store_config(url)
    assert raised.value.setting == "TRACKER_DATABASE_URL"
    assert problem in str(raised.value)


@pytest.mark.postgres
def test_the_store_connects_with_such_a_password_on_the_real_server():
    # The test server trusts local connections, so the password is sent and ignored: what is
    # checked is that "@", "/" and ":" in it no longer mangle the host or the database name.
    with fresh_database() as url:
        database = url.rsplit("/", 1)[1]
        config = tracker_store_config(f"postgresql://postgres:{ENCODED}@127.0.0.1:5432/{database}")
        store = RedactingSQLTrackerStore(host=config.url, **config.kwargs)
        store.ping()
        assert store.engine.url.password == PASSWORD
        assert store.engine.url.database == database
        store.engine.dispose()


def test_redis_url_with_password_database_and_prefix(monkeypatch):
    monkeypatch.setenv("REDIS_KEY_PREFIX", "kunta1")
    config = lock_store_config(f"redis://:{ENCODED}@redis.example.fi:6380/3")
    assert config.type == LOCK_STORE_TYPE
    assert config.url == "redis.example.fi"
    assert config.kwargs["port"] == 6380
    assert config.kwargs["db"] == 3
    assert config.kwargs["password"] == PASSWORD
    assert config.kwargs["key_prefix"] == "kunta1"


def test_no_redis_url_means_no_shared_lock(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert lock_store_config() is None


@pytest.mark.parametrize(
    ("env", "value", "problem"),
    [
        ("REDIS_URL", "unix:///run/redis.sock", "Unix socket"),
        ("REDIS_URL", "http://x", "not a Redis URL"),
        ("REDIS_KEY_PREFIX", "kunta:1", "letters and digits only"),
    ],
)
def test_unusable_redis_settings_are_refused(monkeypatch, env, value, problem):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv(env, value)
    with pytest.raises(SettingError) as raised:
        lock_store_config()
    assert raised.value.setting == env
    assert problem in str(raised.value)


def test_rasa_builds_our_lock_store_from_the_config(monkeypatch):
    with fresh_redis_prefix() as prefix:
        monkeypatch.setenv("REDIS_KEY_PREFIX", prefix)
        store = LockStore.create(lock_store_config(REDIS_URL))
        assert isinstance(store, RedisConversationLockStore)
        assert store.key_prefix == f"{prefix}:lock:"
        store.ping()
