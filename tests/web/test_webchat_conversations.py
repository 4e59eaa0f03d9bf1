"""The web chat channel's conversation rules on a real Sanic server and Rasa's own stores.

Rasa's agent is replaced by :class:`StandInAgent`, which does what the agent does to the stores
(takes the conversation's lock, stores the message, replies, stores the reply) and counts its
turns: the rules under test (ended, expired, a retry answered from the store) are decided by
the channel from those stores alone. tests/browser/ runs the same rules on the real assistant.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, List, Optional, Tuple

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUtteranceReverted, UserUttered

from bot.domain_files import DOMAIN_DIR, LANGUAGE_SLOT
from bot.guard.channels import ChannelReplies
from bot.guard.limits import message_too_long_text
from bot.guard.warning import personal_data_warning
from bot.web.channel import WebChatPage
from bot.web.conversations import (
    Conversations,
    MessageState,
    StoredConversation,
    text_as_stored,
)
from bot.web.page_config import REQUEST_TIMEOUT_SECONDS
from bot.web.session_ids import SessionIdSigner
from bot.web.settings import HttpSettings

IDLE_MINUTES = 15
IDENTITY_CODE = "131052-308T"


class Clock:
    """The server's time, moved by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


class StandInAgent:
    """Does to Rasa's stores what the agent does in a turn, and can be held mid-turn."""

    def __init__(
        self, trackers: InMemoryTrackerStore, locks: InMemoryLockStore, clock: Clock
    ) -> None:
        self.trackers = trackers
        self.locks = locks
        self.clock = clock
        self.turns: List[str] = []
        self.hold: Optional[asyncio.Event] = None
        self.holding = asyncio.Event()
        self.failing = False  # a turn that fails once the message is stored

    async def handle_message(self, message: UserMessage) -> None:
        async with self.locks.lock(message.sender_id, wait_time_in_seconds=0.05):
            tracker = await self.trackers.get_or_create_tracker(message.sender_id)
            tracker.update(
                UserUttered(
                    message.text,
                    message_id=message.message_id,
                    metadata=message.metadata,
                    timestamp=self.clock(),
                )
            )
            await self.trackers.save(tracker)
            self.turns.append(message.text)
            if self.failing:
                raise RuntimeError("the turn failed")
            if self.hold is not None:
                self.holding.set()
                await self.hold.wait()
            reply = f"vastaus {len(self.turns)}"
            buttons = [{"title": "Kyllä", "payload": "/affirm"}]
            tracker.update(BotUttered(reply, data={"buttons": buttons}, timestamp=self.clock()))
            await self.trackers.save(tracker)
            await message.output_channel.send_text_with_buttons(message.sender_id, reply, buttons)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def domain() -> Domain:
    """The assistant's domain: its slots (`language`) are what the stored trackers restore."""
    return Domain.load(str(DOMAIN_DIR))


@pytest.fixture
async def chat(serve, clock, domain) -> Tuple[str, StandInAgent, SessionIdSigner]:
    signer = SessionIdSigner(b"t" * 32, clock=clock)
    trackers, locks = InMemoryTrackerStore(domain), InMemoryLockStore()
    agent = StandInAgent(trackers, locks, clock)
    page = WebChatPage().use_settings(HttpSettings(chat_idle_minutes=IDLE_MINUTES), signer)
    page.use_conversations(Conversations(trackers, locks, signer, IDLE_MINUTES, clock=clock))
    base, _ = await serve(page, agent.handle_message)
    return f"{base}/webhooks/webchat", agent, signer


async def _post(url: str, body: Any = None) -> Tuple[int, Any]:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json=body) as answer:
            return answer.status, await answer.json()


async def _new_sender(base: str) -> str:
    status, session = await _post(f"{base}/session")
    assert status == 200
    return session["sender"]


async def test_the_config_gives_the_limits_and_the_domain_texts(chat) -> None:
    base, _, _ = chat
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/config") as answer:
            config = await answer.json()
    assert config["max_message_chars"] == 1000 and config["idle_minutes"] == IDLE_MINUTES
    assert config["request_timeout_seconds"] == REQUEST_TIMEOUT_SECONDS
    assert config["too_long_text"] == message_too_long_text(1000)
    assert "www.kansalaisneuvonta.fi" in config["national_contacts"]
    assert not config["national_contacts"].startswith("En löytänyt")


async def test_the_page_gets_its_message_as_stored_without_the_identity_code(chat) -> None:
    base, agent, _ = chat
    sender = await _new_sender(base)
    status, answer = await _post(
        f"{base}/turn",
        {"sender": sender, "message": f"hetuni on {IDENTITY_CODE} apua", "message_id": "m-000001"},
    )
    assert status == 200 and answer["message_id"] == "m-000001" and not answer["replayed"]
    assert IDENTITY_CODE not in answer["user_text"] and answer["user_text"].startswith("hetuni on")
    assert answer["user_text"] == agent.turns[0]
    assert [m["text"] for m in answer["messages"]] == [personal_data_warning(), "vastaus 1"]


async def test_a_message_sent_again_gets_the_stored_answer_not_a_second_turn(chat) -> None:
    base, agent, _ = chat
    sender = await _new_sender(base)
    body = {"sender": sender, "message": f"hetu {IDENTITY_CODE}", "message_id": "retry-0001"}
    _, first = await _post(f"{base}/turn", body)
    status, again = await _post(f"{base}/turn", body)
    assert status == 200 and again["replayed"] and len(agent.turns) == 1
    assert again["messages"] == first["messages"] and again["user_text"] == first["user_text"]
    _, other = await _post(f"{base}/turn", {**body, "message_id": "retry-0002"})
    assert not other["replayed"] and len(agent.turns) == 2


async def test_a_retry_waits_for_the_first_attempt_still_running(chat) -> None:
    base, agent, _ = chat
    sender = await _new_sender(base)
    body = {"sender": sender, "message": "äiti ei osaa", "message_id": "slow-00001"}
    agent.hold = asyncio.Event()
    first = asyncio.ensure_future(_post(f"{base}/turn", body))
    await agent.holding.wait()  # the message is stored, its turn is running
    second = asyncio.ensure_future(_post(f"{base}/turn", body))
    await asyncio.sleep(0.3)
    assert not second.done()  # waiting for the lock, not running the turn again
    agent.hold.set()
    (_, one), (_, two) = await first, await second
    assert len(agent.turns) == 1 and two["replayed"]
    assert two["messages"] == one["messages"]


async def test_a_retry_of_an_undone_or_unfinished_turn_is_processed_anew(chat) -> None:
    base, agent, _ = chat
    for tail in ([UserUtteranceReverted()], []):  # given up / the process died mid-turn
        sender = await _new_sender(base)
        tracker = await agent.trackers.get_or_create_tracker(sender)
        tracker.update(UserUttered("apua", message_id="lost-00001"))
        for event in tail:
            tracker.update(event)
        await agent.trackers.save(tracker)
        body = {"sender": sender, "message": "apua", "message_id": "lost-00001"}
        status, answer = await _post(f"{base}/turn", body)
        assert status == 200 and not answer["replayed"]
    assert agent.turns == ["apua", "apua"]


async def test_start_over_ends_the_old_conversation_and_gives_a_new_id(chat) -> None:
    base, agent, _ = chat
    old = await _new_sender(base)
    await _post(f"{base}/turn", {"sender": old, "message": "hei", "message_id": "start-0001"})
    status, fresh = await _post(f"{base}/restart", {"sender": old})
    assert status == 200 and fresh["ended"] and fresh["sender"] != old
    for route in ("turn", "webhook"):
        status, refused = await _post(f"{base}/{route}", {"sender": old, "message": "hei"})
        assert (status, refused["error"]) == (403, "conversation_ended")
    status, answer = await _post(f"{base}/turn", {"sender": fresh["sender"], "message": "hei"})
    assert status == 200 and answer["messages"]
    stored = await agent.trackers.retrieve(old)
    assert [e.type_name for e in stored.events][-1] == "restart"


async def test_start_over_without_a_usable_old_id_still_gives_a_new_id(chat) -> None:
    base, _, _ = chat
    for body in (None, {"sender": "A" * 56}, {"sender": 5}):
        status, fresh = await _post(f"{base}/restart", body)
        assert status == 200 and not fresh["ended"] and len(fresh["sender"]) == 56


async def test_an_unused_id_ends_too(chat) -> None:
    base, _, _ = chat
    unused = await _new_sender(base)
    assert (await _post(f"{base}/restart", {"sender": unused}))[1]["ended"]
    status, refused = await _post(f"{base}/turn", {"sender": unused, "message": "hei"})
    assert (status, refused["error"]) == (403, "conversation_ended")


async def test_an_idle_conversation_expires_and_activity_keeps_it_open(chat, clock) -> None:
    base, _, _ = chat
    sender = await _new_sender(base)
    idle = IDLE_MINUTES * 60
    for _ in range(3):  # each turn restarts the idle time
        clock.now += idle - 1
        status, _ = await _post(f"{base}/turn", {"sender": sender, "message": "hei"})
        assert status == 200
    clock.now += idle + 1
    status, refused = await _post(f"{base}/turn", {"sender": sender, "message": "hei"})
    assert (status, refused["error"]) == (403, "conversation_expired")
    unused = await _new_sender(base)
    clock.now += idle + 1
    status, refused = await _post(f"{base}/webhook", {"sender": unused, "message": "hei"})
    assert (status, refused["error"]) == (403, "conversation_expired")


async def test_the_webhook_answers_in_the_rest_format(chat) -> None:
    base, _, _ = chat
    sender = await _new_sender(base)
    status, replies = await _post(f"{base}/webhook", {"sender": sender, "message": "hei"})
    assert status == 200 and isinstance(replies, list)
    assert replies == [
        {
            "recipient_id": sender,
            "text": "vastaus 1",
            "buttons": [{"title": "Kyllä", "payload": "/affirm"}],
        }
    ]


async def test_a_too_long_message_is_answered_and_nothing_is_stored(chat) -> None:
    base, agent, _ = chat
    sender = await _new_sender(base)
    body = {"sender": sender, "message": "a" * 1001, "message_id": "long-00001"}
    status, answer = await _post(f"{base}/turn", body)
    assert status == 200 and answer["user_text"] is None and not agent.turns
    assert [m["text"] for m in answer["messages"]] == [message_too_long_text(1000)]


async def _swedish_conversation(base: str, agent: StandInAgent) -> str:
    """A conversation that has gone on in Swedish: its tracker's `language` slot is sv."""
    sender = await _new_sender(base)
    tracker = await agent.trackers.get_or_create_tracker(sender)
    tracker.update(UserUttered("hej, jag behöver hjälp med nätbanken", timestamp=agent.clock()))
    tracker.update(SlotSet(LANGUAGE_SLOT, "sv", timestamp=agent.clock()))
    await agent.trackers.save(tracker)
    return sender


REPLIES = ChannelReplies.from_domain(1000)


@pytest.mark.parametrize(
    ("message", "metadata", "failing", "said"),
    [
        (IDENTITY_CODE, None, False, [REPLIES.warning["sv"], "vastaus 1"]),
        (IDENTITY_CODE, {"language": "en"}, False, [REPLIES.warning["sv"], "vastaus 1"]),
        ("a" * 1001, None, False, [REPLIES.too_long["sv"]]),
        ("ok", None, True, [REPLIES.resend["sv"]]),
        (f"mun hetu on {IDENTITY_CODE}, auttaisitko", None, False, [REPLIES.warning["fi"]]),
    ],
    ids=["warning", "page-language-loses", "too-long", "send-again", "the-message-says-fi"],
)
async def test_the_channels_own_replies_follow_the_conversations_language(
    chat, message, metadata, failing, said
) -> None:
    base, agent, _ = chat
    sender = await _swedish_conversation(base, agent)
    agent.failing = failing
    body = {"sender": sender, "message": message, "message_id": "sv-000001"}
    if metadata is not None:
        body["metadata"] = metadata
    status, answer = await _post(f"{base}/turn", body)
    assert status == 200
    assert [m["text"] for m in answer["messages"]][: len(said)] == said


async def test_a_replayed_warning_is_in_the_conversations_language_too(chat) -> None:
    base, agent, _ = chat
    sender = await _swedish_conversation(base, agent)
    body = {"sender": sender, "message": IDENTITY_CODE, "message_id": "sv-replay1"}
    _, first = await _post(f"{base}/turn", body)
    status, again = await _post(f"{base}/turn", body)
    assert status == 200 and again["replayed"] and len(agent.turns) == 1
    assert again["messages"] == first["messages"]
    assert again["messages"][0]["text"] == REPLIES.warning["sv"]


@pytest.mark.parametrize(
    "message_id, code",
    [
        ("short", "invalid_message_id"),
        (12345678, "invalid_message_id"),
        ("x" * 65, "invalid_message_id"),
        ("131052-308T", "personal_data_in_message_id"),
    ],
)
async def test_a_bad_message_id_is_refused(chat, message_id, code) -> None:
    base, agent, _ = chat
    sender = await _new_sender(base)
    body = {"sender": sender, "message": "hei", "message_id": message_id}
    status, refused = await _post(f"{base}/turn", body)
    assert (status, refused["error"]) == (400, code) and not agent.turns


async def test_without_the_assistant_loaded_the_page_is_told_to_wait(serve) -> None:
    async def ignore(message: UserMessage) -> None:
        return None

    signer = SessionIdSigner(b"t" * 32)
    base, _ = await serve(WebChatPage().use_settings(HttpSettings(), signer), ignore)
    sender = signer.issue()
    status, refused = await _post(
        f"{base}/webhooks/webchat/turn", {"sender": sender, "message": "hei"}
    )
    assert (status, refused["error"]) == (503, "not_ready")


def _events(*events: Any) -> StoredConversation:
    return StoredConversation(tuple(events))


def test_what_became_of_a_message_is_read_from_the_events_after_it() -> None:
    asked = UserUttered("apua", message_id="id-1")
    answered = BotUttered("vastaus")
    later = UserUttered("kiitos", message_id="id-2")
    assert _events().state_of("id-1") is MessageState.NOT_STORED
    assert _events(asked).state_of("id-1") is MessageState.UNFINISHED
    assert _events(asked, answered, later).state_of("id-1") is MessageState.ANSWERED
    assert _events(asked, answered, later).state_of("id-2") is MessageState.UNFINISHED
    undone = _events(asked, UserUtteranceReverted(), BotUttered("uudelleen"))
    assert undone.state_of("id-1") is MessageState.NOT_STORED
    assert _events(asked, answered, later).replies_to("id-1") == [answered]


def test_start_over_marks_only_its_own_restart() -> None:
    from rasa.shared.core.events import Restarted

    from bot.web.conversations import ENDED_BY_PERSON

    assert not _events(Restarted()).ended  # a typed "/restart" is Rasa's ordinary restart
    assert _events(Restarted(metadata=dict(ENDED_BY_PERSON))).ended


def test_the_text_as_stored_is_screened_with_what_the_previous_message_left_open() -> None:
    assert text_as_stored("-308T", "mun hetu on 131052") == "[henkilötunnus poistettu]"
    assert text_as_stored("1234", "mikä PIN pitäisi olla?") == "[salainen tieto poistettu]"
    assert text_as_stored("-308T", None) == "-308T"
    assert text_as_stored("äiti ei osaa", "hei") == "äiti ei osaa"
