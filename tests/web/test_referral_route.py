"""The advisor view's routes on a real Sanic server with Rasa's own stores and the real domain:
the referral note only for ids this server issued, refused for ended and idle conversations,
and nothing stored by asking for it; the advisor mode set once, between turns.

Turns are not run (no model here): a conversation's events are stored as the agent stores them.
tests/browser/test_advisor.py holds whole conversations through the page on the real assistant.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import aiohttp
import pytest
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.directory.db import DATABASE_URL_ENV, dispose_engines
from bot.paths import DOMAIN_DIR
from bot.web.channel import WebChatPage
from bot.web.conversations import Conversations
from bot.web.session_ids import SessionIdSigner
from bot.web.settings import HttpSettings
from tests.web.referral_directory import OULU_LIBRARY, provider_id, sample_directory

IDLE_MINUTES = 15
# Events the server stores itself carry the real time, a few seconds after the fake clock was
# made on a loaded machine: the idle step leaves room for that.
SLACK_SECONDS = 60


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_DIR))


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The provider directory the server reads (DATABASE_URL), with the sample; the Oulu
    library's id."""
    engine = sample_directory(tmp_path)
    monkeypatch.setenv(DATABASE_URL_ENV, str(engine.url))
    yield provider_id(engine, OULU_LIBRARY)
    engine.dispose()
    dispose_engines()


@pytest.fixture
async def server(serve, domain: Domain, directory: str) -> Tuple[str, InMemoryTrackerStore, Clock]:
    clock = Clock()
    signer = SessionIdSigner(b"r" * 32, clock=clock)
    trackers, locks = InMemoryTrackerStore(domain), InMemoryLockStore()
    page = WebChatPage().use_settings(HttpSettings(chat_idle_minutes=IDLE_MINUTES), signer)
    page.use_conversations(Conversations(trackers, locks, signer, IDLE_MINUTES, clock=clock))

    async def no_turns(_: Any) -> None:
        raise AssertionError("the advisor routes never run a turn")

    base, _ = await serve(page, no_turns)
    return f"{base}/webhooks/webchat", trackers, clock


async def _post(url: str, body: Any) -> Tuple[int, Any, str]:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json=body) as answer:
            data = await answer.json() if answer.content_type == "application/json" else None
            return answer.status, data, answer.headers.get("Cache-Control", "")


async def _new_sender(base: str) -> str:
    status, session, _ = await _post(f"{base}/session", {})
    assert status == 200
    return session["sender"]


async def _store_turn(
    server: Tuple[str, InMemoryTrackerStore, Clock], sender: str, text: str, slots: List[SlotSet]
) -> int:
    """One turn as the agent stores it, at the server's time; the number of events then."""
    _, trackers, clock = server
    tracker = await trackers.get_or_create_tracker(sender)
    turn = [
        ActionExecuted("action_listen"),
        UserUttered(text, intent={"name": "ask_help", "confidence": 1.0}),
        *slots,
        BotUttered("Asiakkaan tilanne: aihe: verkkopankki ja laskut."),
        ActionExecuted("action_listen"),
    ]
    for event in turn:
        event.timestamp = clock()
        tracker.update(event)
    await trackers.save(tracker)
    return len(tracker.events)


async def test_the_note_of_a_conversation_with_its_provider(server, directory: str) -> None:
    base, _, _ = server
    sender = await _new_sender(base)
    await _store_turn(
        server,
        sender,
        "asiakkaani on 80-vuotias, ei osaa käyttää verkkopankkia, asuu Oulussa",
        [
            SlotSet("topic", "banking"),
            SlotSet("need_level", "demanding_support"),
            SlotSet("asker", "advisor"),
            SlotSet("municipality", "Oulu"),
            SlotSet("provider_id", directory),
        ],
    )
    status, data, cache = await _post(f"{base}/referral", {"sender": sender})
    assert status == 200 and cache == "no-store"
    sections = {section["key"]: section["items"] for section in data["note"]["sections"]}
    assert sections["need_level"] == ["Taso 3 – ei vielä käytä, tarvitsee opastusta"]
    assert sections["municipality"] == ["Oulu"]
    assert sections["provider"][0] == "ESIMERKKI: Oulun pääkirjasto, digiopastus"
    assert data["note"]["sample"] is True and data["note"]["level"] == 3
    assert "80-vuotias" not in data["text"] and data["text"].startswith("Lähete digitukeen\n")


async def test_the_note_is_in_the_conversations_language(server, directory: str) -> None:
    base, _, _ = server
    sender = await _new_sender(base)
    await _store_turn(
        server,
        sender,
        "min klient kan inte använda nätbanken, bor i Uleåborg",
        [
            SlotSet("language", "sv"),
            SlotSet("topic", "banking"),
            SlotSet("need_level", "demanding_support"),
            SlotSet("asker", "advisor"),
            SlotSet("municipality", "Oulu"),
        ],
    )
    status, data, _ = await _post(f"{base}/referral", {"sender": sender})
    assert status == 200
    sections = {section["label"]: section["items"] for section in data["note"]["sections"]}
    assert sections["Stödbehov"] == ["Nivå 3 – använder inte ännu, behöver handledning"]
    assert sections["Kommun"] == ["Uleåborg"]
    assert data["note"]["title"] == "Remiss till digistöd"
    assert data["text"].startswith("Remiss till digistöd\nDatum: ")


async def test_the_plain_text_format(server) -> None:
    base, _, _ = server
    sender = await _new_sender(base)
    await _store_turn(
        server, sender, "tarviin apua kanta-palvelussa", [SlotSet("topic", "e_services")]
    )
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{base}/referral", json={"sender": sender, "format": "text"}
        ) as answer:
            assert answer.status == 200
            assert answer.content_type == "text/plain"
            text = await answer.text()
    assert "Tuen tarve: ei vielä tiedossa" in text
    assert "Asia: Viranomaisten verkkopalvelut, kuten OmaKanta, Kela tai OmaVero" in text


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"sender": "itse-keksitty-tunniste-12345"}, 403, "unknown_conversation"),
        ({}, 400, "missing_sender"),
        ({"sender": "lyhyt"}, 400, "invalid_sender"),
    ],
)
async def test_the_note_needs_an_id_this_server_issued(server, body, status, error) -> None:
    base, trackers, _ = server
    for route in ("referral", "advisor-mode"):
        answer_status, data, _ = await _post(f"{base}/{route}", body)
        assert (answer_status, data["error"]) == (status, error)
    assert await trackers.retrieve("itse-keksitty-tunniste-12345") is None


async def test_an_ended_conversation_has_no_note(server) -> None:
    base, _, _ = server
    sender = await _new_sender(base)
    await _store_turn(
        server, sender, "äiti ei osaa suomi.fi-viestejä", [SlotSet("topic", "suomifi_messages")]
    )
    status, _, _ = await _post(f"{base}/restart", {"sender": sender})
    assert status == 200
    for route in ("referral", "advisor-mode"):
        status, data, _ = await _post(f"{base}/{route}", {"sender": sender})
        assert (status, data["error"]) == (403, "conversation_ended")


async def test_an_idle_conversation_has_no_note(server) -> None:
    base, _, clock = server
    sender = await _new_sender(base)
    await _store_turn(server, sender, "puhelin on jumissa", [SlotSet("topic", "device")])
    clock.now += IDLE_MINUTES * 60 + SLACK_SECONDS
    status, data, _ = await _post(f"{base}/referral", {"sender": sender})
    assert (status, data["error"]) == (403, "conversation_expired")


async def test_asking_for_the_note_stores_nothing(server) -> None:
    base, trackers, clock = server
    sender = await _new_sender(base)
    stored = await _store_turn(
        server, sender, "en osaa maksaa laskuja", [SlotSet("topic", "banking")]
    )
    for _ in range(3):
        status, _, _ = await _post(f"{base}/referral", {"sender": sender})
        assert status == 200
    tracker = await trackers.retrieve(sender)
    assert tracker is not None and len(tracker.events) == stored
    # Not activity either: the idle time still counts from the last turn.
    clock.now += IDLE_MINUTES * 60 + SLACK_SECONDS
    status, data, _ = await _post(f"{base}/referral", {"sender": sender})
    assert (status, data["error"]) == (403, "conversation_expired")


async def test_the_note_of_a_new_id_creates_no_conversation(server) -> None:
    base, trackers, _ = server
    sender = await _new_sender(base)
    status, data, _ = await _post(f"{base}/referral", {"sender": sender})
    assert status == 200 and data["note"]["level"] is None
    assert await trackers.retrieve(sender) is None


async def test_advisor_mode_is_set_once_between_turns(server) -> None:
    base, trackers, _ = server
    sender = await _new_sender(base)
    status, data, _ = await _post(f"{base}/advisor-mode", {"sender": sender})
    assert (status, data) == (200, {"set": False})  # no turn yet: nothing to set it in
    assert await trackers.retrieve(sender) is None
    stored = await _store_turn(server, sender, "hei", [])
    status, data, _ = await _post(f"{base}/advisor-mode", {"sender": sender})
    assert (status, data) == (200, {"set": True})
    status, data, _ = await _post(f"{base}/advisor-mode", {"sender": sender})
    assert (status, data) == (200, {"set": False})
    tracker = await trackers.retrieve(sender)
    assert tracker.get_slot("asker") == "advisor" and len(tracker.events) == stored + 1
    _, note, _ = await _post(f"{base}/referral", {"sender": sender})
    asker = next(s for s in note["note"]["sections"] if s["key"] == "asker")
    assert asker["items"] == ["neuvoja asiakkaan kanssa"]


async def test_the_advisor_page_is_served_with_the_pages_headers(server) -> None:
    base, _, _ = server
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/advisor") as answer:
            assert answer.status == 200 and answer.content_type == "text/html"
            assert "default-src 'self'" in answer.headers["Content-Security-Policy"]
            page = await answer.text()
        for asset in ("advisor.js", "advisor.css", "chat.js"):
            async with session.get(f"{base}/{asset}") as answer:
                assert answer.status == 200, asset
    assert 'src="chat.js"' in page and 'id="referral-note"' in page
