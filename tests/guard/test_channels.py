"""Guarded channels: bounded input, required sender ids, the warning once, only redacted text in."""

import asyncio
import json
import logging
from typing import Any, Dict, List, Tuple

import aiohttp
import pytest
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
    GuardedCmdlineInput,
    GuardedRestInput,
    GuardedSocketIOInput,
    guarded_on_new_message,
)
from bot.guard.limits import message_too_long_text
from bot.web.session_ids import SessionIdSigner
from bot.web.settings import HttpSettings

HETU = "131052-308T"
CARD = "4111 1111 1111 1111"
WARNING = "Älä kirjoita tänne tunnuksia."
SENDER = "test-1234abcd5678efgh"
SIGNER = SessionIdSigner(b"test-secret-of-32-bytes-or-more!")
RESEND = "Viestisi käsittely keskeytyi"


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


def rest_channel(public: bool = False, channel: Any = None) -> Any:
    channel = channel or GuardedRestInput()
    return channel.use_guard(PersonalDataGuard()).use_settings(HttpSettings(public=public), SIGNER)


async def post(url: str, **kwargs: Any) -> Tuple[int, Any]:
    async with aiohttp.ClientSession() as client:
        async with client.post(url, **kwargs) as response:
            body = await response.read()
            kind = response.headers.get("Content-Type", "")
            return response.status, json.loads(body) if "json" in kind else body


async def test_guarded_rest_channel_end_to_end(serve: Any) -> None:
    collector = Collector(reply="Kiitos, autan mielelläni.")
    base, _ = await serve(rest_channel(), collector)
    status, replies = await post(
        f"{base}/webhooks/rest/webhook",
        json={"sender": SENDER, "message": f"äidin hetu on {HETU}, kortti {CARD}"},
    )
    assert status == 200
    # The warning (from domain/guard.yml) comes first, then the assistant's own answer.
    assert [r["text"] for r in replies] == [personal_data_warning(), "Kiitos, autan mielelläni."]
    (received,) = collector.messages
    assert HETU not in received.text and CARD not in received.text
    assert received.text == (
        f"äidin hetu on {PLACEHOLDER_IDENTITY_CODE}, kortti {PLACEHOLDER_CARD_NUMBER}"
    )
    assert received.input_channel == "rest"
    assert received.metadata[REDACTED_METADATA_KEY] == ["identity_code", "card_number"]


MALFORMED: List[Tuple[Dict[str, Any], str]] = [
    ({"data": b""}, "empty_body"),
    ({"data": b"sender=x&message=hei"}, "invalid_json"),
    ({"data": b"[" * 20_000}, "invalid_json"),
    ({"json": [{"sender": SENDER, "message": "hei"}]}, "not_an_object"),
    ({"json": {"message": "hei"}}, "missing_sender"),
    ({"json": {"sender": 12345678901234567890, "message": "hei"}}, "invalid_sender"),
    ({"json": {"sender": "default", "message": "hei"}}, "invalid_sender"),
    ({"json": {"sender": f"{HETU}-abcdefgh", "message": "hei"}}, "personal_data_in_sender"),
    ({"json": {"sender": SENDER}}, "missing_message"),
    ({"json": {"sender": SENDER, "message": {"text": "hei"}}}, "invalid_message"),
    ({"json": {"sender": SENDER, "message": "  "}}, "empty_message"),
]


@pytest.mark.parametrize("request_kwargs, code", MALFORMED)
async def test_malformed_requests_get_400_with_a_json_reason_and_reach_nothing(
    serve: Any, request_kwargs: Dict[str, Any], code: str
) -> None:
    collector = Collector()
    base, _ = await serve(rest_channel(), collector)
    status, body = await post(f"{base}/webhooks/rest/webhook", **request_kwargs)
    assert (status, body["error"]) == (400, code)
    assert HETU not in body["message"]
    assert collector.messages == []


async def test_a_message_over_the_limit_gets_the_domain_reply_and_goes_nowhere(
    serve: Any, caplog: Any
) -> None:
    collector = Collector(reply="vastaus")
    base, _ = await serve(rest_channel(), collector)
    long_text = f"salasana on Kissa123! {HETU} " + "pitkä viesti " * 100
    with caplog.at_level(logging.DEBUG):
        status, replies = await post(
            f"{base}/webhooks/rest/webhook", json={"sender": SENDER, "message": long_text}
        )
    assert status == 200
    assert replies == [{"recipient_id": SENDER, "text": message_too_long_text(1000)}]
    assert collector.messages == []
    assert "Kissa123" not in caplog.text and HETU not in caplog.text
    assert "pitkä viesti" not in caplog.text
    status, replies = await post(
        f"{base}/webhooks/rest/webhook", json={"sender": SENDER, "message": "a" * 1000}
    )
    assert [r["text"] for r in replies] == ["vastaus"]  # exactly the limit is processed


@pytest.mark.parametrize("chunked", [False, True])
async def test_a_body_over_the_size_cap_gets_413_and_the_server_keeps_serving(
    serve: Any, chunked: bool
) -> None:
    collector = Collector(reply="vastaus")
    base, _ = await serve(rest_channel(), collector)
    body = json.dumps({"sender": SENDER, "message": "a" * 200_000}).encode()

    async def chunks() -> Any:
        for start in range(0, len(body), 16_384):
            yield body[start : start + 16_384]

    status, _ = await post(f"{base}/webhooks/rest/webhook", data=chunks() if chunked else body)
    assert status == 413
    assert collector.messages == []
    status, replies = await post(
        f"{base}/webhooks/rest/webhook", json={"sender": SENDER, "message": "hei"}
    )
    assert (status, replies[0]["text"]) == (200, "vastaus")


async def test_a_lone_surrogate_is_replaced_and_the_message_processed(serve: Any) -> None:
    collector = Collector(reply="vastaus")
    base, _ = await serve(rest_channel(), collector)
    body = '{"sender": "' + SENDER + '", "message": "hei \\ud800 apua"}'  # JSON escape
    status, _ = await post(f"{base}/webhooks/rest/webhook", data=body.encode())
    assert status == 200
    assert collector.messages[0].text == "hei \ufffd apua"


async def test_only_allow_listed_metadata_reaches_rasa(serve: Any) -> None:
    collector = Collector()
    base, _ = await serve(rest_channel(), collector)
    metadata = {
        "location": {"latitude": 65.0121, "longitude": 25.4651},
        "blob": "x" * 20_000,
        REDACTED_METADATA_KEY: ["forged"],
    }
    await post(
        f"{base}/webhooks/rest/webhook",
        json={"sender": SENDER, "message": "hei", "metadata": metadata, "input_channel": "x"},
    )
    (received,) = collector.messages
    assert received.metadata == {"location": {"latitude": 65.012, "longitude": 25.465}}
    assert received.input_channel == "rest"  # the client cannot relabel its channel


async def test_a_failure_after_the_guard_asks_to_resend_and_logs_no_text(
    serve: Any, caplog: Any
) -> None:
    async def failing(message: UserMessage) -> None:
        raise RuntimeError("the policy broke")

    base, _ = await serve(rest_channel(), failing)
    with caplog.at_level(logging.DEBUG):
        status, replies = await post(
            f"{base}/webhooks/rest/webhook",
            json={"sender": SENDER, "message": f"hetu {HETU}, salasana on Kissa123!"},
        )
    assert status == 200
    assert replies[-1]["text"].startswith(RESEND)
    assert "the policy broke" in caplog.text  # the failure itself is logged...
    for value in (HETU, "Kissa123", "salasana on", SENDER):  # ...without text or sender
        assert value not in caplog.text


async def test_streamed_replies_come_line_by_line_as_the_terminal_chat_reads_them(
    serve: Any,
) -> None:
    collector = Collector(reply="vastaus")
    base, _ = await serve(rest_channel(), collector)
    url = f"{base}/webhooks/rest/webhook?stream=true"
    _, body = await post(url, json={"sender": SENDER, "message": f"hetu {HETU}"})
    lines = [json.loads(line) for line in body.decode().splitlines()]
    assert [line["text"] for line in lines] == [personal_data_warning(), "vastaus"]
    _, body = await post(url, json={"sender": SENDER, "message": "a" * 1001})
    assert json.loads(body.decode())["text"] == message_too_long_text(1000)


async def test_public_setting_takes_only_ids_this_server_signed(serve: Any) -> None:
    collector = Collector(reply="vastaus")
    base, _ = await serve(rest_channel(public=True), collector)
    url = f"{base}/webhooks/rest/webhook"
    status, body = await post(url, json={"sender": SENDER, "message": "hei"})
    assert (status, body["error"]) == (403, "unknown_conversation")
    status, session = await post(f"{base}/webhooks/rest/session")
    assert status == 200 and SIGNER.is_valid(session["sender"])
    status, replies = await post(url, json={"sender": session["sender"], "message": "hei"})
    assert status == 200 and replies[0]["recipient_id"] == session["sender"]
    assert [m.sender_id for m in collector.messages] == [session["sender"]]


async def test_the_terminal_channel_answers_an_empty_line_with_nothing(serve: Any) -> None:
    collector = Collector()
    base, _ = await serve(rest_channel(channel=GuardedCmdlineInput()), collector)
    url = f"{base}/webhooks/rest/webhook"
    assert await post(url, json={"sender": SENDER, "message": ""}) == (200, [])
    status, body = await post(url, json={"sender": "x", "message": "hei"})
    assert (status, body["error"]) == (400, "invalid_sender")
    assert collector.messages == []


# ------------------------------------------------------------------ Socket.IO


class SocketClient:
    """A Socket.IO client (polling transport) that collects every event it receives."""

    def __init__(self) -> None:
        import socketio

        self.client = socketio.AsyncClient()
        self.events: asyncio.Queue = asyncio.Queue()
        for name in ("bot_uttered", "session_confirm", "request_rejected"):
            self.client.on(name, self._collector(name))

    def _collector(self, name: str) -> Any:
        async def collect(data: Any) -> None:
            await self.events.put((name, data))

        return collect

    async def next_event(self) -> Tuple[str, Any]:
        return await asyncio.wait_for(self.events.get(), timeout=20)

    async def __aenter__(self) -> "SocketClient":
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.client.disconnect()


async def socket_server(serve: Any, collector: Any, channel: GuardedSocketIOInput) -> str:
    channel.use_guard(PersonalDataGuard(), WARNING).use_settings(HttpSettings(), SIGNER)
    base, _ = await serve(channel, collector)
    # Short Engine.IO pings: the polling client's disconnect waits for the pending long poll.
    channel.sio.eio.ping_interval = 0.5
    channel.sio.eio.ping_timeout = 0.5
    return base


async def wait_for(collector: Collector, count: int) -> None:
    for _ in range(200):
        if len(collector.messages) >= count:
            return
        await asyncio.sleep(0.05)


async def test_guarded_socketio_channel_end_to_end(serve: Any) -> None:
    collector = Collector()
    base = await socket_server(serve, collector, GuardedSocketIOInput())
    async with SocketClient() as sock:
        # Polling transport: python-socketio's websocket client needs a newer aiohttp than Rasa's.
        await sock.client.connect(base, socketio_path="/socket.io", transports=["polling"])
        await sock.client.emit("user_uttered", {"message": f"salasana on Kissa123 ja hetu {HETU}"})
        reply = await sock.next_event()
        await wait_for(collector, 1)
    assert reply == ("bot_uttered", {"text": WARNING})
    (message,) = collector.messages
    assert message.text == f"salasana on {PLACEHOLDER_SECRET} ja hetu {PLACEHOLDER_IDENTITY_CODE}"
    assert message.input_channel == "socketio"


async def test_socketio_sessions_are_signed_by_the_server(serve: Any) -> None:
    collector = Collector(reply="vastaus")
    channel = GuardedSocketIOInput(session_persistence=True)
    base = await socket_server(serve, collector, channel)
    async with SocketClient() as sock:
        await sock.client.connect(base, socketio_path="/socket.io", transports=["polling"])
        await sock.client.emit("session_request", {"session_id": SENDER})
        event, issued = await sock.next_event()
        assert event == "session_confirm" and issued != SENDER and SIGNER.is_valid(issued)
        await sock.client.emit("session_request", {"session_id": issued})
        assert await sock.next_event() == ("session_confirm", issued)  # a signed id is resumed

        await sock.client.emit("user_uttered", {"message": "hei", "session_id": SENDER})
        event, body = await sock.next_event()
        assert (event, body["error"]) == ("request_rejected", "unknown_conversation")
        await sock.client.emit("user_uttered", ["hei"])
        event, body = await sock.next_event()
        assert (event, body["error"]) == ("request_rejected", "not_an_object")
        await sock.client.emit("user_uttered", {"message": "a" * 1001, "session_id": issued})
        assert await sock.next_event() == ("bot_uttered", {"text": message_too_long_text(1000)})

        await sock.client.emit("user_uttered", {"message": "hei", "session_id": issued})
        assert await sock.next_event() == ("bot_uttered", {"text": "vastaus"})
    assert [(m.text, m.sender_id) for m in collector.messages] == [("hei", issued)]
