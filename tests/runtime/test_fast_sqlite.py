"""The embedded conversation store runs in WAL mode with its log kept open, on a real file."""

import sqlite3

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.runtime.fast_sqlite import use_write_ahead_log

PAGE = 4096
#: SQLite checkpoints the log by itself once it passes 1000 pages.
AUTOCHECKPOINT_PAGES = 1000


def sqlite_config(path):
    return EndpointConfig(type="sql", dialect="sqlite", db=str(path))


def pragma(path, name):
    with sqlite3.connect(path) as connection:
        return connection.execute(f"PRAGMA {name}").fetchone()[0]


def test_the_store_file_is_put_in_wal_mode_with_full_sync(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    use_write_ahead_log(sqlite_config(path))
    assert pragma(path, "journal_mode") == "wal"
    assert pragma(path, "synchronous") == 2  # FULL: a committed turn survives a power cut


async def test_rasas_store_keeps_every_turn_and_its_log_stays_open(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    use_write_ahead_log(sqlite_config(path))
    domain = Domain.empty()
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(path))
    tracker = DialogueStateTracker("resident", domain.slots)
    for turn in range(5):
        tracker.update(UserUttered(f"viesti {turn}", {"name": "greet", "confidence": 1.0}))
        tracker.update(BotUttered(f"vastaus {turn}"))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)
    # Rasa closes its connection after each save; the kept one stops SQLite from folding the
    # log into the database (and syncing it) at every close.
    assert (tmp_path / "tracker.sqlite3-wal").exists()
    stored = await store.retrieve("resident")
    assert [event.text for event in stored.events if isinstance(event, UserUttered)] == [
        f"viesti {turn}" for turn in range(5)
    ]


def test_the_log_is_still_checkpointed_as_it_grows(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    use_write_ahead_log(sqlite_config(path))
    row = "x" * (PAGE * 50)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE events (data TEXT)")
    for _ in range(60):  # 3000 pages in all, three times the checkpoint threshold
        with sqlite3.connect(path) as connection:
            connection.execute("INSERT INTO events VALUES (?)", (row,))
    wal_size = (tmp_path / "tracker.sqlite3-wal").stat().st_size
    assert wal_size < 2 * AUTOCHECKPOINT_PAGES * PAGE


def test_other_stores_are_left_alone(tmp_path):
    use_write_ahead_log(None)
    use_write_ahead_log(EndpointConfig(type="sql", dialect="postgresql", db="rasa"))
    use_write_ahead_log(sqlite_config(":memory:"))
    missing_dir = tmp_path / "not-there" / "tracker.sqlite3"
    use_write_ahead_log(sqlite_config(missing_dir))
    assert not missing_dir.parent.exists()  # left for the store's own start-up check


def test_setting_it_twice_is_harmless(tmp_path):
    path = tmp_path / "tracker.sqlite3"
    use_write_ahead_log(sqlite_config(path))
    use_write_ahead_log(sqlite_config(path))
    assert pragma(path, "journal_mode") == "wal"
