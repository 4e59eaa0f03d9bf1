"""Guarded channels: the warning goes out once, only redacted text goes in."""

import asyncio
from typing import Any, List

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.guard import (
    PLACEHOLDER_CARD_NUMBER,
    PLACEHOLDER_IDENTITY_CODE,
    PLACEHOLDER_SECRET,
    PersonalDataGuard,
    personal_data_warning,
)
from bot.guard.channels import (
    REDACTED_METADATA_KEY,
    GuardedRestInput,
    GuardedSocketIOInput,
    guarded_on_new_message,
)

HETU = "131052-308T"
CARD = "4111 1111 1111 1111"
WARNING = "Älä kirjoita tänne tunnuksia."


class Collector:
    """Stands in for Rasa's message handler: records what would reach Rasa."""

    def __init__(self, reply: str = "") -> None:
        self.messages: List[UserMessage] = []
        self.reply = reply

    async def __call__(self, message: UserMessage) -> None:
        self.messages.append(message)
        if self.reply and message.output_channel is not None:
            await message.output_channel.send_text_message(message.sender_id, self.reply)


async def test_wrapper_warns_once_and_forwards_the_redacted_message() -> None:
    collector = Collector()
    handle = guarded_on_new_message(collector, PersonalDataGuard(), WARNING)
    output = CollectingOutputChannel()
    message = UserMessage(
        f"hetu {HETU} ja kortti {CARD}",
        output,
        "sender-1",
        input_channel="rest",
        message_id="m1",
        metadata={"page": "kunta.fi"},
    )
    await handle(message)

    assert [m["text"] for m in output.messages] == [WARNING]
    assert output.messages[0]["recipient_id"] == "sender-1"
    (forwarded,) = collector.messages
    assert forwarded.text == f"hetu {PLACEHOLDER_IDENTITY_CODE} ja kortti {PLACEHOLDER_CARD_NUMBER}"
    assert forwarded.sender_id == "sender-1"
    assert forwarded.output_channel is output
    assert forwarded.input_channel == "rest"
    assert forwarded.message_id == "m1"
    assert forwarded.metadata == {
        "page": "kunta.fi",
        REDACTED_METADATA_KEY: ["identity_code", "card_number"],
    }


async def test_wrapper_passes_clean_messages_untouched() -> None:
    collector = Collector()
    handle = guarded_on_new_message(collector, PersonalDataGuard(), WARNING)
    output = CollectingOutputChannel()
    message = UserMessage("soita 040 123 4567", output, "sender-2")
    await handle(message)
    assert output.messages == []
    assert collector.messages == [message]


async def test_wrapper_screens_client_metadata_too() -> None:
    collector = Collector()
    handle = guarded_on_new_message(collector, PersonalDataGuard(), WARNING)
    output = CollectingOutputChannel()
    text = "salasana on Kissa123"
    await handle(UserMessage(text, output, "sender-4", metadata={"typed": "Kissa123", "n": 1}))
    (forwarded,) = collector.messages
    assert forwarded.metadata == {
        "typed": PLACEHOLDER_SECRET,
        "n": 1,
        REDACTED_METADATA_KEY: ["secret"],
    }


async def test_wrapper_uses_the_conversation_memory() -> None:
    collector = Collector()
    handle = guarded_on_new_message(collector, PersonalDataGuard(), WARNING)
    output = CollectingOutputChannel()
    await handle(UserMessage("mikä pin-koodi pitää olla", output, "sender-3"))
    await handle(UserMessage("2580", output, "sender-3"))
    assert [m.text for m in collector.messages] == ["mikä pin-koodi pitää olla", PLACEHOLDER_SECRET]
    assert [m["text"] for m in output.messages] == [WARNING]


def test_warning_text_comes_from_the_domain() -> None:
    text = personal_data_warning()
    assert text.startswith("Älä kirjoita tänne henkilötunnusta")
    assert text.count(".") <= 1  # one sentence


def test_channel_names_and_creation_from_credentials() -> None:
    from rasa.core.run import _create_single_channel

    rest = _create_single_channel("bot.guard.channels.GuardedRestInput", None)
    sio = _create_single_channel(
        "bot.guard.channels.GuardedSocketIOInput", {"session_persistence": True}
    )
    assert isinstance(rest, GuardedRestInput) and rest.name() == "rest"
    assert isinstance(sio, GuardedSocketIOInput) and sio.name() == "socketio"
    assert sio.session_persistence is True


# ------------------------------------------------------------------ real servers


async def test_guarded_rest_channel_end_to_end(serve: Any) -> None:
    collector = Collector(reply="Kiitos, autan mielelläni.")
    channel = GuardedRestInput().use_guard(PersonalDataGuard())
    base, _ = await serve(channel, collector)
    async with aiohttp.ClientSession() as client:
        response = await client.post(
            f"{base}/webhooks/rest/webhook",
            json={"sender": "web-1", "message": f"äidin hetu on {HETU}, kortti {CARD}"},
        )
        replies = await response.json()
    assert response.status == 200
    # The warning (from domain/guard.yml) comes first, then the assistant's own answer.
    assert [r["text"] for r in replies] == [personal_data_warning(), "Kiitos, autan mielelläni."]
    (received,) = collector.messages
    assert HETU not in received.text and CARD not in received.text
    assert received.text == (
        f"äidin hetu on {PLACEHOLDER_IDENTITY_CODE}, kortti {PLACEHOLDER_CARD_NUMBER}"
    )
    assert received.input_channel == "rest"
    assert received.metadata[REDACTED_METADATA_KEY] == ["identity_code", "card_number"]


async def test_guarded_socketio_channel_end_to_end(serve: Any) -> None:
    import socketio

    collector = Collector()
    channel = GuardedSocketIOInput().use_guard(PersonalDataGuard(), WARNING)
    base, _ = await serve(channel, collector)
    # Short Engine.IO pings: the polling client's disconnect waits for the pending long poll.
    channel.sio.eio.ping_interval = 0.5
    channel.sio.eio.ping_timeout = 0.5
    received: asyncio.Queue = asyncio.Queue()
    client = socketio.AsyncClient()

    @client.on("bot_uttered")
    async def on_bot(data: Any) -> None:
        await received.put(data)

    # Polling transport: python-socketio's websocket client needs a newer aiohttp than Rasa's.
    await client.connect(base, socketio_path="/socket.io", transports=["polling"])
    try:
        await client.emit("user_uttered", {"message": f"salasana on Kissa123 ja hetu {HETU}"})
        reply = await asyncio.wait_for(received.get(), timeout=20)
        for _ in range(200):
            if collector.messages:
                break
            await asyncio.sleep(0.05)
    finally:
        await client.disconnect()
    assert reply == {"text": WARNING}
    (message,) = collector.messages
    assert message.text == f"salasana on {PLACEHOLDER_SECRET} ja hetu {PLACEHOLDER_IDENTITY_CODE}"
    assert message.input_channel == "socketio"
