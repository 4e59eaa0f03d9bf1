"""Serves the web chat page at /webhooks/webchat/ and is the channel the page talks to.

A Rasa input channel is the supported way to add routes to the Rasa server, so the page ships
with the assistant and needs no separate web server. Routes:

- ``GET /webhooks/webchat/`` the page and its assets; ``GET .../config`` the limits, times and
  domain texts the page needs before the first message (bot.web.page_config);
  ``GET .../theme?name=...`` the embedding site's name, colour, logo and default municipality
  as far as they pass bot.web.widget_theme's checks; ``GET .../widget.js`` the script a
  municipality's site loads to embed the page, and ``GET .../demo`` a fictional municipality's
  page that does so (framing: :func:`security_headers`);
- ``POST .../session`` a new conversation id signed by this server (HMAC and issue time, see
  bot.web.session_ids), with the message length limit and the idle time;
- ``POST .../turn`` the page's message: ``{"sender", "message", "message_id"}`` answered with
  ``{"messages": [...], "user_text": ..., "message_id": ..., "replayed": bool}``, where
  ``user_text`` is the message as the assistant stored it (identity codes and the like
  replaced), which the page shows in the person's own bubble instead of what was typed, and
  ``null`` when nothing was stored (too long, or processing failed); a provider's text and
  its card payload come as one message ``{"text", "custom"}`` (bot.web.rich_messages);
- ``POST .../webhook`` the same turn answered as the REST channel answers (the list of
  replies), for clients written against Rasa's REST format;
- ``POST .../restart`` ``{"sender": old}`` ends the old conversation for good and answers like
  ``/session`` with a new id ("Aloita alusta" on a shared computer);
- ``GET .../advisor`` the advisor view (the same chat with a referral note beside it);
  ``POST .../referral`` and ``POST .../advisor-mode`` serve it (bot.web.referral).

Messages are bounded and guarded like the REST channel's (bot.guard.channels) but taken ONLY
with an id this server issued, whatever ``DIGITUKI_PUBLIC`` says: the page is public by nature,
so nobody may join a conversation by guessing an id or by leaving it out. An id is also refused
once its conversation was ended or idle for ``DIGITUKI_CHAT_IDLE_MINUTES``, and a message sent
again with its ``message_id`` gets its stored replies instead of a second turn; both are
decided from the shared conversation store, so they hold across processes
(bot.web.conversations explains the design). The same read gives the conversation's `language`
slot, so what the channel says itself (the personal-data warning, "too long", "send it again")
follows the conversation when the message does not say its language (bot.guard.reply_language).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.guard.channels import (
    REDACTED_METADATA_KEY,
    GuardedRestInput,
    OnNewMessage,
    in_language,
)
from bot.guard.reply_language import reply_language
from bot.web.conversations import (
    Conversations,
    MessageState,
    StoredConversation,
    replayed_messages,
    text_as_stored,
)
from bot.web.incoming import (
    OverLongTurn,
    RejectedRequest,
    Turn,
    check_sender_id,
    read_json_object,
    read_message_id,
    read_turn,
)
from bot.web.page_config import page_config
from bot.web.referral import add_referral_routes
from bot.web.rich_messages import pair_cards
from bot.web.widget_theme import widget_theme

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
}


def security_headers(frame_origins: Sequence[str] = ()) -> Dict[str, str]:
    """The page loads nothing from elsewhere and may only talk back to this server; only this
    server and ``DIGITUKI_FRAME_ORIGINS`` may frame it (and only their images are shown: the
    widget's logo). No X-Frame-Options: it cannot list origins, and browsers that know
    ``frame-ancestors`` ignore it anyway. widget.js is a script, which any site may load."""
    listed = "".join(f" {origin}" for origin in frame_origins)
    return {
        "Content-Security-Policy": (
            f"default-src 'self'; connect-src 'self'; img-src 'self' data:{listed}; "
            f"frame-ancestors 'self'{listed}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


SECURITY_HEADERS = security_headers()


@dataclass
class PassedOn:
    """The text of this request's message as the guard handed it to Rasa (redacted)."""

    text: Optional[str] = field(default=None, repr=False)


#: Set for the duration of one turn: the guard's handler runs inside the request's task.
_PASSED_ON: ContextVar[Optional[PassedOn]] = ContextVar("webchat_passed_on", default=None)


@dataclass(frozen=True)
class PageAnswer:
    """One turn as the page gets it."""

    messages: List[Dict[str, Any]]
    user_text: Optional[str] = field(default=None, repr=False)
    message_id: Optional[str] = None
    replayed: bool = False

    def as_json(self) -> Dict[str, Any]:
        return {
            "messages": pair_cards(self.messages),  # a provider's text and card as one
            "user_text": self.user_text,
            "message_id": self.message_id,
            "replayed": self.replayed,
        }


class WebChatPage(GuardedRestInput):
    _conversations: Optional[Conversations] = None

    @classmethod
    def name(cls) -> str:
        return "webchat"

    def requires_signed_ids(self) -> bool:
        return True

    def use_conversations(self, conversations: Conversations) -> WebChatPage:
        """Use specific stores instead of the running Rasa agent's (tests)."""
        self._conversations = conversations
        return self

    def conversations(self, request: Request) -> Conversations:
        """The stores of the agent Rasa loaded on this server (the same in every process)."""
        if self._conversations is not None:
            return self._conversations
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None or agent.lock_store is None:
            raise RejectedRequest(503, "not_ready", "The assistant is starting; try again soon.")
        return Conversations(
            agent.tracker_store, agent.lock_store, self.signer, self.settings.chat_idle_minutes
        )

    def add_routes(self, blueprint: Blueprint, handle: OnNewMessage) -> None:
        config = page_config(self.settings)  # read once: a missing domain text stops start-up
        headers = security_headers(self.settings.frame_origins)

        @blueprint.route("/", methods=["GET"])
        async def index(request: Request) -> HTTPResponse:
            # The page loads its assets by relative URL, so it must be served from ".../";
            # the query (an iframe's theme) goes along.
            query = f"?{request.query_string}" if request.query_string else ""
            return response.redirect(request.path.rstrip("/") + "/" + query)

        @blueprint.route("/config", methods=["GET"])
        async def configuration(_: Request) -> HTTPResponse:
            return response.json(config, headers={"Cache-Control": "no-store"})

        @blueprint.route("/theme", methods=["GET"])
        async def theme(request: Request) -> HTTPResponse:
            return response.json(widget_theme(request.args, self.settings.frame_origins))

        @blueprint.route("/demo", methods=["GET"])
        async def demo(_: Request) -> HTTPResponse:
            return _static("demo.html", headers)

        @blueprint.route("/advisor", methods=["GET"])
        async def advisor(_: Request) -> HTTPResponse:
            return _static("advisor.html", headers)

        @blueprint.route("/<name>", methods=["GET"])
        async def asset(request: Request, name: str) -> HTTPResponse:
            return _static(name or "index.html", headers)

        self.add_conversation_routes(blueprint, handle)
        add_referral_routes(blueprint, self)

    def add_conversation_routes(self, blueprint: Blueprint, handle: OnNewMessage) -> None:
        @blueprint.route("/session", methods=["POST"])
        async def session(_: Request) -> HTTPResponse:
            return response.json(self.new_session())

        @blueprint.route("/restart", methods=["POST"])
        async def restart(request: Request) -> HTTPResponse:
            try:
                old = self.read_old_sender(request)
                if old is not None:
                    await self.conversations(request).end(old)
            except RejectedRequest as rejected:
                return self.refused(rejected)
            return response.json({**self.new_session(), "ended": old is not None})

        @blueprint.route("/turn", methods=["POST"])
        async def turn(request: Request) -> HTTPResponse:
            try:
                answer = await self.answer(request, handle)
            except RejectedRequest as rejected:
                return self.refused(rejected)
            return response.json(answer.as_json())

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                answer = await self.answer(request, handle)
            except RejectedRequest as rejected:
                return self.refused(rejected)
            return response.json(answer.messages)

    def new_session(self) -> Dict[str, Any]:
        return {
            "sender": self.signer.issue(),
            "max_message_chars": self.settings.max_message_chars,
            "idle_minutes": self.settings.chat_idle_minutes,
        }

    def read_old_sender(self, request: Request) -> Optional[str]:
        """The id to end: absent, or not one this server issued, there is nothing to end."""
        if not request.body or not request.body.strip():
            return None
        sender = read_json_object(request.body).get("sender")
        try:
            return check_sender_id(sender, self.signer)
        except RejectedRequest:
            return None

    def refused(self, rejected: RejectedRequest) -> HTTPResponse:
        logger.info("Refused a request on the %s channel: %s", self.name(), rejected.code)
        return self.rejected_response(rejected)

    async def answer(self, request: Request, handle: OnNewMessage) -> PageAnswer:
        """Check the request and the conversation, then run the turn or replay a stored one."""
        payload = read_json_object(request.body)
        sender = self.check_sender(payload.get("sender"))
        turn = read_turn(payload, sender, self.settings.max_message_chars)
        message_id = read_message_id(payload)
        conversations = self.conversations(request)
        stored = await conversations.load(sender)
        refusal = conversations.refusal(sender, stored)
        if refusal is not None:
            raise refusal
        language = stored.language
        if isinstance(turn, OverLongTurn):
            return PageAnswer(await self.run(turn, handle, language), None, message_id)
        if message_id is None:
            return PageAnswer(await self.run(turn, handle, language))
        if stored.state_of(message_id) is not MessageState.NOT_STORED:
            stored = await conversations.load_after_current_turn(sender)
            if stored.state_of(message_id) is MessageState.ANSWERED:
                return await self.replay(stored, sender, message_id)
        passed_on = PassedOn()
        turn = replace(turn, message_id=message_id)
        messages = await self.run(turn, handle, language, passed_on)
        if passed_on.text is None:  # the guard or Rasa failed before the message was taken
            return PageAnswer(messages, None, message_id)
        user_text = text_as_stored(passed_on.text, stored.last_user_text)
        return PageAnswer(messages, user_text, message_id)

    async def run(
        self,
        turn: Turn,
        handle: OnNewMessage,
        conversation_language: Optional[str],
        passed_on: Optional[PassedOn] = None,
    ) -> List[Any]:
        """The turn's replies; `conversation_language` is the stored conversation's slot."""
        collector = CollectingOutputChannel()
        token = _PASSED_ON.set(passed_on)
        try:
            await self.deliver(turn, collector, handle, conversation_language)
        finally:
            _PASSED_ON.reset(token)
        return collector.messages

    def guard_message_handler(self, on_new_message: OnNewMessage) -> OnNewMessage:
        """The guarded handler, noting for :meth:`answer` the text the guard let through."""

        async def note_text(message: UserMessage) -> Any:
            passed_on = _PASSED_ON.get()
            if passed_on is not None:
                passed_on.text = message.text
            return await on_new_message(message)

        return super().guard_message_handler(note_text)

    async def replay(self, stored: StoredConversation, sender: str, message_id: str) -> PageAnswer:
        """The answer the first attempt got (its warning too), without running the turn again.

        The warning's language is read again from the stored (redacted) text, then the
        conversation's slot: the same as the first attempt's unless that turn changed it."""
        kept = stored.message(message_id)
        assert kept is not None
        messages = await replayed_messages(sender, stored.replies_to(message_id))
        if (kept.metadata or {}).get(REDACTED_METADATA_KEY):
            language = reply_language(kept.text, kept.metadata, stored.language)
            warning = in_language(self.replies.warning, language)
            messages.insert(0, {"recipient_id": sender, "text": warning})
        return PageAnswer(messages, kept.text, message_id, replayed=True)


def _static(name: str, headers: Dict[str, str] = SECURITY_HEADERS) -> HTTPResponse:
    path = (STATIC_DIR / name).resolve()
    if (
        path.parent != STATIC_DIR.resolve()
        or path.suffix not in CONTENT_TYPES
        or not path.is_file()
    ):
        return response.text("Not found", status=404)
    return response.text(
        path.read_text(encoding="utf-8"),
        content_type=CONTENT_TYPES[path.suffix],
        headers=headers,
    )
