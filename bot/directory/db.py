"""Database access for the provider directory: engine and sessions, nothing that writes.

`DATABASE_URL` selects the database (e.g. postgresql+psycopg2://user@host/db); without it an
SQLite file `providers.sqlite3` in the project's local directory. Handing out an engine never
changes the database: the schema is created and migrated by the ingest wing
(`bot.ingest.migrate`), which `bot run` calls at start-up and `providers import` calls before
importing, so a lookup can never trigger a migration.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.paths import ensure_local_dir

DATABASE_URL_ENV = "DATABASE_URL"
SQLITE_FILENAME = "providers.sqlite3"

_engines: Dict[str, Engine] = {}
_lock = threading.Lock()


def database_url() -> str:
    """`DATABASE_URL`, or the default SQLite file (its directory is created if needed)."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{ensure_local_dir() / SQLITE_FILENAME}"


def create_directory_engine(url: str, *, schema: Optional[str] = None, **kwargs: Any) -> Engine:
    """A 2.0-style engine with the settings the directory relies on.

    SQLite: foreign keys on (cascading deletes), WAL journal and NORMAL sync for fast imports,
    and usable from the thread pool that actions run their queries in. PostgreSQL: `schema`
    sets the search_path, which the tests use to isolate runs in a shared database.
    """
    connect_args: Dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    if url.startswith("sqlite"):
        connect_args.setdefault("check_same_thread", False)
    elif schema:
        connect_args["options"] = f"-csearch_path={schema}"
    engine = create_engine(url, future=True, connect_args=connect_args, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Pragmas, and take transaction control away from pysqlite.

    pysqlite's own implicit BEGIN handling breaks SAVEPOINT (which the importer uses to roll back
    one bad record inside a batch); SQLAlchemy's documented fix is to switch it off and emit
    BEGIN ourselves in the "begin" event.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def get_engine(url: Optional[str] = None) -> Engine:
    """The shared engine for `url` (default: `database_url()`); it never migrates."""
    url = url or database_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = create_directory_engine(url)
            _engines[url] = engine
        return engine


def dispose_engines() -> None:
    """Close every cached engine (tests and the CLI call this before deleting files)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def session_factory(engine: Optional[Engine] = None) -> sessionmaker:
    return sessionmaker(bind=engine or get_engine(), future=True, expire_on_commit=False)


@contextmanager
def session_scope(engine: Optional[Engine] = None) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises."""
    session: Session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def reading(engine: Optional[Engine] = None) -> Iterator[Session]:
    """A session for lookups: whatever happens, it is rolled back, so a lookup writes nothing."""
    session: Session = session_factory(engine)()
    try:
        yield session
    finally:
        session.rollback()
        session.close()
