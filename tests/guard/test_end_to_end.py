"""A conversation through the guarded REST channel leaves no value in the database or the logs.

The message handler stands in for Rasa's: it logs the text as Rasa's processor does, appends
the user event to a RedactingSQLTrackerStore (SQLite file) and answers. Afterwards the whole
database file and every captured log line are searched for the values typed.
"""

import io
import logging
import socket
import sqlite3
import uuid
from pathlib import Path
from typing import Any, List

import aiohttp
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic

from bot.guard import PLACEHOLDER_SECRET, PersonalDataGuard, personal_data_warning
from bot.guard.channels import GuardedRestInput
from bot.guard.tracker_store import RedactingSQLTrackerStore

CONVERSATION = [
    ("äitini henkilötunnus on 131052-308T", "131052-308T"),
    ("maksoin kortilla 5555 5555 5555 4444", "5555 5555 5555 4444"),
    ("tilinumero FI21 1234 5600 0007 85", "FI21 1234 5600 0007 85"),
    ("mikä pin-koodi pitäisi laittaa", None),
    ("Pupu2468", "Pupu2468"),
]
REPLY = "Kiitos, kerro lisää."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _chat(channel: Any, db: Path, sender: str) -> str:
    """Run the conversation through `channel`; returns everything that was logged."""
    store = RedactingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(db))
    processor_log = logging.getLogger("rasa.core.processor")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = processor_log.level
    processor_log.setLevel(logging.DEBUG)

    async def rasa_like(message: UserMessage) -> None:
        processor_log.debug(
            f"Received user message '{message.text}' with metadata {message.metadata}"
        )
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(
            UserUttered(message.text, intent={"name": "inform"}, metadata=message.metadata)
        )
        tracker.update(BotUttered(REPLY))
        await store.save(tracker)
        await message.output_channel.send_text_message(message.sender_id, REPLY)

    Sanic.test_mode = True
    app = Sanic(f"e2e_{uuid.uuid4().hex}")
    app.blueprint(channel.blueprint(rasa_like), url_prefix=f"/webhooks/{channel.name()}")
    port = _free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    await server.startup()
    try:
        async with aiohttp.ClientSession() as client:
            for text, _ in CONVERSATION:
                url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
                response = await client.post(url, json={"sender": sender, "message": text})
                replies = [r["text"] for r in await response.json()]
                assert replies[-1] == REPLY
                if isinstance(channel, GuardedRestInput) and text.startswith("mikä"):
                    assert replies == [REPLY]  # no warning for talk about codes
    finally:
        server.close()
        await server.wait_closed()
        root.removeHandler(handler)
        processor_log.setLevel(old_level)
        store.engine.dispose()
    return stream.getvalue()


def _database_text(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        rows: List[Any] = list(connection.execute("SELECT * FROM events"))
    return "\n".join(str(cell) for row in rows for cell in row) + db.read_bytes().decode("latin-1")


async def test_guarded_channel_keeps_database_and_logs_clean(tmp_path: Path) -> None:
    channel = GuardedRestInput().use_guard(PersonalDataGuard())
    logs = await _chat(channel, tmp_path / "rasa.db", "citizen-0001-guarded")
    stored = _database_text(tmp_path / "rasa.db")
    for _, value in CONVERSATION:
        if value:
            assert value not in stored, f"{value!r} in the database"
            assert value not in logs, f"{value!r} in the logs"
    assert "Received user message" in logs and PLACEHOLDER_SECRET in logs
    assert personal_data_warning()  # the warning exists; REST replies were checked above


async def test_unguarded_channel_is_still_caught_by_the_tracker_store(tmp_path: Path) -> None:
    """Second line of defence: a plain REST channel; the store alone keeps the database clean."""
    await _chat(RestInput(), tmp_path / "plain.db", "citizen-2")
    stored = _database_text(tmp_path / "plain.db")
    for _, value in CONVERSATION:
        if value:
            assert value not in stored, f"{value!r} in the database"
