"""The conversation stores the benchmark uses: a throw-away PostgreSQL database, and reading back
how many user turns of each benchmark conversation a store actually kept."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from typing import Dict, Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

#: Rasa's SQLTrackerStore table and the type name of a user's message in it.
EVENTS_TABLE = "events"
USER_EVENT = "user"


@contextmanager
def fresh_postgres_database(admin_url: str, prefix: str) -> Iterator[str]:
    """A new, empty database `<prefix>_<random>` on the server of `admin_url`, dropped
    afterwards; yields its URL. The tests use it too (tests/runtime/services.py).

    WHY a database per run: two runs (or a developer's own data in `test`) never mix, and the
    turns found in it afterwards are exactly the ones this run sent.
    """
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def stored_user_turns(database_url: str, sender_prefix: str) -> Dict[str, int]:
    """Per conversation whose id starts with `sender_prefix`: user messages in the store."""
    engine = create_engine(database_url, future=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    f"SELECT sender_id, COUNT(*) FROM {EVENTS_TABLE} "
                    "WHERE type_name = :user AND sender_id LIKE :prefix GROUP BY sender_id"
                ),
                {"user": USER_EVENT, "prefix": f"{sender_prefix}-%"},
            )
            return {str(sender): int(count) for sender, count in rows}
    finally:
        engine.dispose()
