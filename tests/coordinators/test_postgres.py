"""The same known conversations stored in PostgreSQL give the same report as SQLite."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.coordinators.report import Request, run
from bot.coordinators.store import open_read_only
from tests.coordinators.known import known_conversations, save
from tests.runtime.services import fresh_database


@pytest.mark.postgres
def test_postgres_store_gives_the_same_files_as_sqlite(known_store: str, tmp_path: Path) -> None:
    with fresh_database("digituki_report") as url:
        parsed = make_url(url)
        conversations = [known for known, _ in known_conversations()]
        asyncio.run(
            save(
                conversations,
                dialect="postgresql",
                host=parsed.host,
                port=parsed.port,
                db=parsed.database,
                username=parsed.username,
            )
        )
        from_postgres = run(Request(store=url, since=date(2026, 1, 1), out=tmp_path / "pg"))
        # The connection refuses writes.
        engine = open_read_only(url)
        with engine.connect() as connection, pytest.raises(Exception, match="read-only"):
            connection.exec_driver_sql("DELETE FROM events")
        engine.dispose()
    from_sqlite = run(Request(store=known_store, since=date(2026, 1, 1), out=tmp_path / "lite"))
    assert from_postgres.conversations == from_sqlite.conversations == 37
    for path in from_sqlite.files:
        if path.suffix == ".csv":
            assert (tmp_path / "pg" / path.name).read_bytes() == path.read_bytes(), path.name


def test_sqlite_store_refuses_writes(known_store: str) -> None:
    engine = open_read_only(known_store)
    with engine.connect() as connection, pytest.raises(Exception, match="readonly"):
        connection.exec_driver_sql("DELETE FROM events")
    engine.dispose()
