"""Reading Rasa's SQL tracker store read-only, and letting only categorical values out.

WHY: this is the one layer that touches the conversations, so privacy is decided here. The
query asks the database for event types, timestamps, intent and action names, the names and
values of a few whitelisted slots and the response name of bot events, extracted from the
event JSON by the database itself: message texts, bot texts and every other slot stay in the
database. Rows are grouped by conversation (sender id) in stored order, turned into a
ConversationRecord (``records.py``), and the sender id is dropped with the group.

The connection is read-only: SQLite is opened with ``mode=ro``; PostgreSQL sessions get
``default_transaction_read_only``. Rasa's table is ``events`` (sender_id, type_name,
timestamp, intent_name, action_name, data JSON), the same in both databases.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Optional
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from bot.coordinators.records import (
    ACTIONS,
    RESPONSES,
    SLOTS,
    Accumulator,
    ConversationRecord,
    Event,
)
from bot.coordinators.regions import Regions

EVENTS = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
#: Rows between progress-bar updates and fetched per round trip.
BATCH = 5000


class StoreError(Exception):
    """The store cannot be read: missing file, bad URL, no events table, unreachable server."""


@dataclass(frozen=True)
class Period:
    """Conversations whose first message falls in [since, until), Finnish time."""

    since: datetime
    until: Optional[datetime] = None

    @property
    def bounds(self) -> tuple:
        return self.since.timestamp(), (self.until.timestamp() if self.until else None)


def open_read_only(store: str) -> Engine:
    """An engine that cannot write: a path or sqlite URL opens with mode=ro; PostgreSQL too."""
    url_text = store if "://" in store else f"sqlite:///{store}"
    try:
        url = make_url(url_text)
    except ArgumentError as error:
        raise StoreError("keskustelutietokannan osoite ei kelpaa") from error
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = Path(url.database or "")
        if not url.database or not path.is_file():
            raise StoreError(f"keskustelutietokantaa ei löydy: {path}")
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)

        return sa.create_engine("sqlite://", creator=connect, future=True)
    if backend == "postgresql":
        return sa.create_engine(
            url,
            connect_args={
                "options": "-c default_transaction_read_only=on",
                "connect_timeout": 5,
            },
            execution_options={"postgresql_readonly": True},
            future=True,
        )
    raise StoreError(f"tietokanta {backend!r} ei ole tuettu (käytä sqlite tai postgresql)")


def _json_text(dialect: str, column: Any, *path: str) -> Any:
    """A JSON field of `column` as text, extracted by the database."""
    if dialect == "postgresql":
        return sa.func.jsonb_extract_path_text(sa.cast(column, postgresql.JSONB), *path)
    return sa.func.json_extract(column, "$." + ".".join(path))


def _query(dialect: str, period: Period) -> Any:
    events = EVENTS
    since, until = period.bounds
    first = sa.func.min(events.c.timestamp)
    conversations = (
        sa.select(events.c.sender_id)
        .where(events.c.type_name == "user")
        .group_by(events.c.sender_id)
        .having(first >= since)
    )
    if until is not None:
        conversations = conversations.having(first < until)
    slot_name = _json_text(dialect, events.c.data, "name")
    response = _json_text(dialect, events.c.data, "metadata", "utter_action")
    wanted = sa.or_(
        events.c.type_name == "user",
        sa.and_(events.c.type_name == "slot", slot_name.in_(SLOTS)),
        sa.and_(events.c.type_name == "bot", response.in_(sorted(RESPONSES))),
        sa.and_(events.c.type_name == "action", events.c.action_name.in_(sorted(ACTIONS))),
    )
    value = sa.case(
        (events.c.type_name == "slot", _json_text(dialect, events.c.data, "value")),
        (events.c.type_name == "bot", response),
        else_=sa.null(),
    )
    return (
        sa.select(
            events.c.sender_id,
            events.c.type_name,
            events.c.timestamp,
            events.c.intent_name,
            events.c.action_name,
            sa.case((events.c.type_name == "slot", slot_name), else_=sa.null()),
            value,
        )
        .where(events.c.sender_id.in_(conversations.scalar_subquery()))
        .where(wanted)
        .order_by(events.c.sender_id, events.c.id)
    )


def count_rows(engine: Engine, period: Period) -> int:
    """How many rows the read will fetch (for the progress bar)."""
    query = _query(engine.dialect.name, period).order_by(None).subquery()
    with engine.connect() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(query)).scalar())


def read_records(
    engine: Engine, period: Period, regions: Regions, progress: bool = False
) -> Iterator[ConversationRecord]:
    """Every conversation that began in the period, once, as a ConversationRecord."""
    from tqdm import tqdm

    current: Optional[str] = None
    group = Accumulator()
    bar = tqdm(desc="Luetaan tapahtumia", unit="riviä", disable=not progress)
    try:
        bar.total = count_rows(engine, period) if progress else None
        with engine.connect() as connection:
            result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(
                _query(engine.dialect.name, period)
            )
            for rows in result.partitions(BATCH):
                for sender, type_name, timestamp, intent, action, slot, value in rows:
                    if sender != current:
                        record = group.record(regions) if current is not None else None
                        if record is not None:
                            yield record
                        current, group = sender, Accumulator()
                    group.add(
                        Event(type_name, timestamp or 0.0, intent, action, slot, _text(value))
                    )
                bar.update(len(rows))
    except sa.exc.DBAPIError as error:
        raise StoreError(
            "keskustelutietokantaa ei voi lukea: ei yhteyttä, tai siinä ei ole "
            f"Rasan events-taulua ({error.orig.__class__.__name__})"
        ) from error
    finally:
        bar.close()
    record = group.record(regions) if current is not None else None
    if record is not None:
        yield record


def _text(value: Any) -> Optional[str]:
    return None if value is None else str(value)
