"""A provider's text and card on the channels: one card on the chat page, text in the terminal.

The turn is run by :class:`CardAgent`, which does what Rasa's processor does with a bot message
that has both a text and a custom payload: stores ONE ``BotUttered`` and hands
``BotUttered.message()`` to the output channel's ``send_response`` (Rasa's own code splits it
into the text and the payload). The channels, their Sanic server, Rasa's stores and Rasa's
terminal printer are the real ones.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any, Dict, List, Tuple

import aiohttp
import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.console import _print_bot_output
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered

from bot.guard.channels import GuardedCmdlineInput, GuardedRestInput, GuardedSocketIOInput
from bot.guard.redactor import PersonalDataGuard
from bot.web.channel import WebChatPage
from bot.web.conversations import Conversations
from bot.web.rich_messages import TextOnlyOutput, pair_cards
from bot.web.session_ids import SessionIdSigner
from bot.web.settings import HttpSettings
from tests.guard.test_channels import SocketClient, socket_server

SENDER = "test-kortti-1234abcd5678"
INTRO = "Näistä paikoista saat apua (Kuopio):"
LIBRARY_TEXT = (
    "ESIMERKKI: Kuopion kirjasto, digiopastus\n"
    "Osoite: Esimerkkikatu 25, Kuopio\n"
    "Apua: opastus paikan päällä, kurssi\n"
    "Puhelin: +358 000 0000 (esimerkki)"
)
LIBRARY_CARD = {
    "type": "provider_card",
    "version": 1,
    "provider": {
        "id": 27,
        "name": "ESIMERKKI: Kuopion kirjasto, digiopastus",
        "is_sample": True,
        "kinds_of_help": ["opastus paikan päällä", "kurssi"],
        "address": "Esimerkkikatu 25",
        "phone": "+358 000 0000 (esimerkki)",
        "tel": None,
    },
}
SERVICE_POINT_TEXT = "ESIMERKKI: Kuopion asiointipiste\nOsoite: Esimerkkikatu 27, Kuopio"
SERVICE_POINT_CARD = {
    "type": "provider_card",
    "version": 1,
    "provider": {"id": 29, "name": "ESIMERKKI: Kuopion asiointipiste", "is_sample": True},
}
MORE = [{"title": "Kerro lisää", "payload": "/ask_more"}]


def _turn_said() -> List[BotUttered]:
    """What the assistant says when a person in Kuopio needs help: as Rasa stores it."""
    return [
        BotUttered(INTRO),
        BotUttered(LIBRARY_TEXT, data={"custom": LIBRARY_CARD}),
        BotUttered(SERVICE_POINT_TEXT, data={"custom": SERVICE_POINT_CARD}),
        BotUttered("Voin kertoa, mitä digituki ei voi tehdä puolestasi.", data={"buttons": MORE}),
    ]


class CardAgent:
    """Stores the message and the replies, and sends each reply as Rasa's processor does."""

    def __init__(self, trackers: InMemoryTrackerStore, locks: InMemoryLockStore) -> None:
        self.trackers = trackers
        self.locks = locks
        self.turns = 0

    async def handle_message(self, message: UserMessage) -> None:
        async with self.locks.lock(message.sender_id):
            tracker = await self.trackers.get_or_create_tracker(message.sender_id)
            tracker.update(UserUttered(message.text, message_id=message.message_id))
            self.turns += 1
            for said in _turn_said():
                tracker.update(said)
                await message.output_channel.send_response(message.sender_id, said.message())
            await self.trackers.save(tracker)


@pytest.fixture
async def page(serve) -> Tuple[str, CardAgent]:
    signer = SessionIdSigner(b"k" * 32)
    trackers, locks = InMemoryTrackerStore(Domain.empty()), InMemoryLockStore()
    agent = CardAgent(trackers, locks)
    channel = WebChatPage().use_settings(HttpSettings(), signer)
    channel.use_conversations(Conversations(trackers, locks, signer, 15))
    base, _ = await serve(channel, agent.handle_message)
    return f"{base}/webhooks/webchat", agent


async def _post(url: str, body: Any) -> Tuple[int, Any]:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json=body) as answer:
            kind = answer.headers.get("Content-Type", "")
            return answer.status, await answer.json() if "json" in kind else await answer.text()


def _shown(messages: List[Dict[str, Any]]) -> List[Tuple[str, Any]]:
    return [
        (m.get("text", ""), (m.get("custom") or {}).get("provider", {}).get("id")) for m in messages
    ]


# ------------------------------------------------------------------ pairing


def test_a_card_joins_the_text_right_before_it() -> None:
    collected = [
        {"recipient_id": SENDER, "text": INTRO},
        {"recipient_id": SENDER, "text": LIBRARY_TEXT},
        {"recipient_id": SENDER, "custom": LIBRARY_CARD},
        {"recipient_id": SENDER, "text": SERVICE_POINT_TEXT},
        {"recipient_id": SENDER, "custom": SERVICE_POINT_CARD},
    ]
    paired = pair_cards(collected)
    assert paired == [
        {"recipient_id": SENDER, "text": INTRO},
        {"recipient_id": SENDER, "text": LIBRARY_TEXT, "custom": LIBRARY_CARD},
        {"recipient_id": SENDER, "text": SERVICE_POINT_TEXT, "custom": SERVICE_POINT_CARD},
    ]
    assert collected[1] == {"recipient_id": SENDER, "text": LIBRARY_TEXT}  # input left as it was


def test_a_card_without_its_own_text_before_it_stays_apart() -> None:
    alone = [
        {"recipient_id": SENDER, "custom": LIBRARY_CARD},
        {"recipient_id": SENDER, "text": "Valitse:", "buttons": MORE},
        {"recipient_id": SENDER, "custom": SERVICE_POINT_CARD},
        {"recipient_id": SENDER, "text": "Muu viesti"},
        {"recipient_id": SENDER, "custom": {"type": "kartta", "x": 1}},  # not a provider card
    ]
    assert pair_cards(alone) == alone


# ------------------------------------------------------------------ the chat page


async def test_the_page_gets_each_provider_as_one_message_with_text_and_card(page) -> None:
    base, _ = page
    _, session = await _post(f"{base}/session", None)
    body = {"sender": session["sender"], "message": "asun Kuopiossa", "message_id": "kortti-001"}
    status, answer = await _post(f"{base}/turn", body)
    assert status == 200
    assert _shown(answer["messages"]) == [
        (INTRO, None),
        (LIBRARY_TEXT, 27),
        (SERVICE_POINT_TEXT, 29),
        ("Voin kertoa, mitä digituki ei voi tehdä puolestasi.", None),
    ]
    assert answer["messages"][1]["custom"] == LIBRARY_CARD
    assert answer["messages"][-1]["buttons"] == MORE


async def test_a_replayed_turn_pairs_its_cards_the_same_way(page) -> None:
    base, agent = page
    _, session = await _post(f"{base}/session", None)
    body = {"sender": session["sender"], "message": "asun Kuopiossa", "message_id": "kortti-002"}
    _, first = await _post(f"{base}/turn", body)
    _, again = await _post(f"{base}/turn", body)
    assert again["replayed"] and agent.turns == 1
    assert again["messages"] == first["messages"]


async def test_the_pages_rest_shaped_route_keeps_rasas_text_then_payload(page) -> None:
    base, _ = page
    _, session = await _post(f"{base}/session", None)
    status, replies = await _post(
        f"{base}/webhook", {"sender": session["sender"], "message": "asun Kuopiossa"}
    )
    assert status == 200
    assert [sorted(set(m) - {"recipient_id"}) for m in replies] == [
        ["text"],
        ["text"],
        ["custom"],
        ["text"],
        ["custom"],
        ["buttons", "text"],
    ]


# ------------------------------------------------------------------ text-only channels


def _guarded(channel: Any) -> Any:
    return channel.use_guard(PersonalDataGuard()).use_settings(HttpSettings())


async def _rest_replies(serve, channel: Any, stream: bool = False) -> List[Dict[str, Any]]:
    trackers, locks = InMemoryTrackerStore(Domain.empty()), InMemoryLockStore()
    base, _ = await serve(_guarded(channel), CardAgent(trackers, locks).handle_message)
    url = f"{base}/webhooks/rest/webhook" + ("?stream=true" if stream else "")
    status, body = await _post(url, {"sender": SENDER, "message": "asun Kuopiossa"})
    assert status == 200
    if stream:
        return [json.loads(line) for line in body.splitlines() if line.strip()]
    return body


async def test_rest_clients_get_the_text_and_then_the_card(serve) -> None:
    replies = await _rest_replies(serve, GuardedRestInput())
    assert [m.get("custom", {}).get("type") for m in replies] == [
        None,
        None,
        "provider_card",
        None,
        "provider_card",
        None,
    ]


@pytest.mark.parametrize("stream", [True, False], ids=["as the console reads it", "plain"])
async def test_the_terminal_chat_prints_only_the_plain_text(serve, stream: bool) -> None:
    replies = await _rest_replies(serve, GuardedCmdlineInput(), stream=stream)
    assert [m["text"] for m in replies] == [
        INTRO,
        LIBRARY_TEXT,
        SERVICE_POINT_TEXT,
        "Voin kertoa, mitä digituki ei voi tehdä puolestasi.",
    ]
    assert not any("custom" in m for m in replies)
    printed = io.StringIO()
    with redirect_stdout(printed):
        for reply in replies:
            _print_bot_output(reply)  # Rasa's own terminal printer
    assert "Custom json" not in printed.getvalue() and "provider_card" not in printed.getvalue()
    assert "Esimerkkikatu 25, Kuopio" in printed.getvalue()


async def test_text_only_output_keeps_the_inner_channels_name_and_warnings() -> None:
    inner = CollectingOutputChannel()
    output = TextOnlyOutput(inner)
    assert output.name() == inner.name() == "collector"
    await output.send_text_message(SENDER, "Älä kirjoita tänne henkilötunnusta.")
    await output.send_response(SENDER, BotUttered(LIBRARY_TEXT, {"custom": LIBRARY_CARD}).message())
    await output.send_custom_json(SENDER, LIBRARY_CARD)
    assert inner.messages == [
        {"recipient_id": SENDER, "text": "Älä kirjoita tänne henkilötunnusta."},
        {"recipient_id": SENDER, "text": LIBRARY_TEXT},
    ]


async def test_socketio_widgets_get_the_text_and_no_card(serve) -> None:
    trackers, locks = InMemoryTrackerStore(Domain.empty()), InMemoryLockStore()
    agent = CardAgent(trackers, locks)
    base = await socket_server(serve, agent.handle_message, GuardedSocketIOInput())
    async with SocketClient() as sock:
        await sock.client.connect(base, socketio_path="/socket.io", transports=["polling"])
        await sock.client.emit("user_uttered", {"message": "asun Kuopiossa"})
        events = [await sock.next_event() for _ in range(4)]
    assert [data.get("text") for _, data in events] == [
        INTRO,
        LIBRARY_TEXT,
        SERVICE_POINT_TEXT,
        "Voin kertoa, mitä digituki ei voi tehdä puolestasi.",
    ]
    assert all(name == "bot_uttered" and "custom" not in data for name, data in events)
    assert sock.events.empty()
