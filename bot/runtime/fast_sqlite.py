"""The embedded conversation store in SQLite's write-ahead-log mode, its log kept open.

Rasa's SQL store commits once per save (twice per turn with the durable processor), and with
SQLAlchemy 1.4 a SQLite file gets a fresh connection for every read or save (``NullPool``). In
SQLite's default rollback-journal mode each commit syncs the journal, the database and the
directory: about 17 ms on this machine's disk, more than NLU and every action together.

In WAL mode a commit syncs only the log, but when the *last* connection to the file closes,
SQLite checkpoints the log into the database and deletes it, which costs as much again. So the
process keeps one idle connection to the file for its lifetime: Rasa's per-save connections
are then never the last one, and a save costs about 6 ms instead of 17. Durability is
unchanged (``synchronous`` stays FULL: a committed turn survives a power cut), readers no longer
wait for a writer, and SQLite still checkpoints the log by itself as it grows (the idle
connection holds no read transaction, so nothing stops it).

The mode is a property of the database file; every later connection, in any process, uses it.
The provider directory uses the same mode (bot/directory/db.py).
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Dict, Optional

from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

IN_MEMORY = ":memory:"
#: One idle connection per database file, for the life of the process (see the module doc).
_KEPT_OPEN: Dict[Path, sqlite3.Connection] = {}


def use_write_ahead_log(tracker_store: Optional[EndpointConfig]) -> None:
    """Put the SQLite file of `tracker_store` in WAL mode and keep its log open; any other
    store is left alone.

    A file that cannot be opened here is left to the store itself, whose start-up check
    reports it and names the setting to fix.
    """
    if tracker_store is None or tracker_store.kwargs.get("dialect") != "sqlite":
        return
    database = tracker_store.kwargs.get("db")
    if not database or database == IN_MEMORY or not Path(database).parent.is_dir():
        return
    path = Path(database).resolve()
    if path in _KEPT_OPEN:
        return
    try:
        connection = sqlite3.connect(path, check_same_thread=False)
        with closing(connection.cursor()) as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.fetchall()
            # A read maps the log's index; fetching everything ends the read transaction.
            cursor.execute("SELECT count(*) FROM sqlite_master")
            cursor.fetchall()
    except sqlite3.Error as error:
        logger.debug("Conversation store left in its journal mode: %s", error)
        return
    _KEPT_OPEN[path] = connection
