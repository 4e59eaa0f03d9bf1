"""RedactingSQLTrackerStore: read the database back and search every cell for the values
(including values typed in the spellings people use and split over two messages).

Runs on SQLite (a temp file) and on PostgreSQL (127.0.0.1:5432, database `test`, in a
throw-away schema); the PostgreSQL run is skipped, with the reason, only if the server is
unreachable.
"""

import json
import os
import sqlite3
import uuid
from typing import Any, Callable, Iterator, List, Optional

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.guard import (
    PLACEHOLDER_CARD_NUMBER,
    PLACEHOLDER_IBAN,
    PLACEHOLDER_IDENTITY_CODE,
    PLACEHOLDER_SECRET,
)
from bot.guard.tracker_store import RedactingSQLTrackerStore, redact_event_dicts

HETU = "131052-308T"
CARD = "4111 1111 1111 1111"
CARD_DIGITS = CARD.replace(" ", "")
IBAN = "FI21 1234 5600 0007 85"
SECRETS = (HETU, CARD, CARD_DIGITS, IBAN, "Kissa123", "308T", "hemligt1", "5600 0007", "12/27")

DOMAIN = Domain.from_dict(
    {
        "intents": ["inform"],
        "slots": {
            "note": {"type": "text", "influence_conversation": False, "mappings": []},
        },
        "responses": {"utter_ok": [{"text": "ok"}]},
    }
)


def _user(text: str, **extra: Any) -> UserUttered:
    return UserUttered(
        text,
        intent={"name": "inform", "confidence": 0.9},
        entities=[{"entity": "note", "value": text, "start": 0, "end": len(text)}],
        metadata={"raw": text},
        **extra,
    )


def _conversation(sender_id: str) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"),
        _user(f"äidin hetu on {HETU} ja kortti {CARD}"),
        SlotSet("note", f"tili {IBAN}"),
        BotUttered("Älä kerro tunnuslukuja kenellekään. Tunnukset ovat henkilökohtaiset."),
        ActionExecuted("action_listen"),
        _user("mikä salasana mun pitäis laittaa"),
        ActionExecuted("action_listen"),
        _user("Kissa123"),  # no cue: caught because the previous message talked about codes
        ActionExecuted("action_listen"),
        _user("syntymäaika 131052"),  # half an identity code without a cue: a date, kept
        _user("-308T"),  # ... the other half, caught from the previous stored message
        _user("kortti 4111 1111"),
        _user("1111 1111 12/27 123"),
        _user("mitt lösenord är hemligt1"),
        _user("tilinumeroFI21 1234\n5600 0007 85"),
        _user("unohdin tunnusluvun"),
        _user("90100"),  # a postal code right after code talk is the answer to "where?"
    ]
    return DialogueStateTracker.from_events(sender_id, events, DOMAIN.slots)


def _assert_nothing_leaked(cells: List[Any]) -> None:
    dump = "\n".join("" if cell is None else str(cell) for cell in cells)
    for secret in SECRETS:  # all ASCII: JSON escaping cannot hide them
        assert secret not in dump, f"{secret!r} found in the database"
    for placeholder in (PLACEHOLDER_IDENTITY_CODE, PLACEHOLDER_CARD_NUMBER, PLACEHOLDER_SECRET):
        escaped = json.dumps(placeholder)[1:-1]  # Rasa stores events as ASCII-escaped JSON
        assert placeholder in dump or escaped in dump


async def _save_and_check(store: SQLTrackerStore, all_cells: Callable[[], List[Any]]) -> None:
    sender = f"guard-{uuid.uuid4().hex}"
    await store.save(_conversation(sender))
    # A second save of a longer tracker only appends the new events, also redacted.
    tracker = await store.retrieve(sender)
    assert tracker is not None
    tracker.update(_user(f"vielä kerran {HETU}"))
    await store.save(tracker)

    _assert_nothing_leaked(all_cells())
    restored = await store.retrieve(sender)
    texts = [e.text for e in restored.events if isinstance(e, UserUttered)]
    assert texts == [
        f"äidin hetu on {PLACEHOLDER_IDENTITY_CODE} ja kortti {PLACEHOLDER_CARD_NUMBER}",
        "mikä salasana mun pitäis laittaa",
        PLACEHOLDER_SECRET,
        "syntymäaika 131052",
        PLACEHOLDER_IDENTITY_CODE,
        f"kortti {PLACEHOLDER_SECRET}",
        PLACEHOLDER_CARD_NUMBER,
        f"mitt lösenord är {PLACEHOLDER_SECRET}",
        f"tilinumero{PLACEHOLDER_IBAN}",
        "unohdin tunnusluvun",
        "90100",
        f"vielä kerran {PLACEHOLDER_IDENTITY_CODE}",
    ]
    # The bot's own sentences about codes are not mangled.
    bot_texts = [e.text for e in restored.events if isinstance(e, BotUttered)]
    assert bot_texts == ["Älä kerro tunnuslukuja kenellekään. Tunnukset ovat henkilökohtaiset."]


async def test_sqlite_file_holds_no_personal_data(tmp_path: Any) -> None:
    path = tmp_path / "tracker.db"
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(path))

    def all_cells() -> List[Any]:
        with sqlite3.connect(path) as connection:
            tables = [
                r[0]
                for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            assert "events" in tables
            return [
                cell
                for t in tables
                for row in connection.execute(f'SELECT * FROM "{t}"')
                for cell in row
            ]

    await _save_and_check(store, all_cells)
    store.engine.dispose()
    raw = path.read_bytes()  # the file itself, pages and all
    for secret in SECRETS:
        assert secret.encode() not in raw


async def test_plain_sql_store_would_keep_the_value(tmp_path: Any) -> None:
    """Control: the same check against Rasa's own store finds the identity code."""
    path = tmp_path / "plain.db"
    store = SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(path))
    await store.save(_conversation("plain"))
    with sqlite3.connect(path) as connection:
        data = " ".join(r[0] for r in connection.execute("SELECT data FROM events"))
    assert HETU in data


def _postgres_engine() -> Optional[sa.engine.Engine]:
    candidates = [os.environ.get("PGUSER"), "postgres", "root"]
    for user in [c for c in candidates if c]:
        engine = sa.create_engine(f"postgresql://{user}@127.0.0.1:5432/test")
        try:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return engine
        except sa.exc.OperationalError:
            engine.dispose()
    return None


@pytest.fixture
def postgres_schema(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple]:
    engine = _postgres_engine()
    if engine is None:
        pytest.skip("PostgreSQL on 127.0.0.1:5432 (database test) is unreachable as postgres/root")
    schema = f"guard_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    # Rasa's SQL store puts its tables into this schema (search_path), isolating the test.
    monkeypatch.setenv("POSTGRESQL_SCHEMA", schema)
    try:
        yield engine, schema
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.mark.postgres
async def test_postgresql_holds_no_personal_data(postgres_schema: tuple) -> None:
    engine, schema = postgres_schema
    store = RedactingSQLTrackerStore(
        domain=DOMAIN,
        dialect="postgresql",
        host="127.0.0.1",
        port=5432,
        db="test",
        username=engine.url.username,
    )

    def all_cells() -> List[Any]:
        with engine.connect() as connection:
            tables = [
                r[0]
                for r in connection.execute(
                    sa.text(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :s"
                    ),
                    {"s": schema},
                )
            ]
            assert "events" in tables
            return [
                cell
                for table in tables
                for row in connection.execute(sa.text(f'SELECT * FROM "{schema}"."{table}"'))
                for cell in row
            ]

    try:
        await _save_and_check(store, all_cells)
    finally:
        store.engine.dispose()


def test_event_redaction_covers_text_parse_data_entities_metadata_and_slots() -> None:
    events = [e.as_dict() for e in _conversation("x").events]
    dumped = json.dumps(redact_event_dicts(events), ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in dumped
