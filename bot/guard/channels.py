"""Input channels that bound and screen every user message before Rasa sees it.

Each request goes through, in order: the body-size cap (413, unread), the request's shape and
sender id (400/403 with a JSON error, bot.web.incoming), the message length (an over-long
message is answered with ``utter_message_too_long`` and dropped), then the personal-data guard,
and only then Rasa. So the redacted text is the only text that reaches NLU, the tracker, the
tracker store, the event broker and Rasa's logs, and no request can make Rasa work on more
than ``DIGITUKI_MAX_MESSAGE_CHARS`` characters (settings: bot.web.settings).

Conversation ids (WHY this split): the plain REST channel serves integrations, batch tools and
tests that name their own conversations ("test-1234..."), so by default it accepts any id of
the safe format; with ``DIGITUKI_PUBLIC=1`` it accepts only ids this server signed (ask
``POST /webhooks/rest/session``). The web chat page's channel (bot.web.channel) and Socket.IO
always use signed ids, because browsers on a public site are their only clients. Either way a
request needs an id: nobody lands in a shared conversation by leaving it out, and a signed id
cannot be guessed.

Channel names: ``GuardedRestInput.name() == "rest"`` and ``GuardedSocketIOInput.name() ==
"socketio"``. WHY the built-in names: the web chat widgets and the REST clients keep their URLs
(``/webhooks/rest/webhook``, ``/socket.io``) and the tracker's ``input_channel`` stays the same,
so switching a deployment to the guarded channels is a one-line change in credentials.yml. The
consequence: configure the guarded class INSTEAD of the built-in one, never both (Sanic would
refuse the duplicate routes at start-up, which is the loud failure we want).
"""

from __future__ import annotations

import asyncio
import json
import logging
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Union

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    OutputChannel,
    UserMessage,
    decode_bearer_token,
)
from rasa.core.channels.rest import QueueOutputChannel, RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.domain_files import response_texts
from bot.guard.limits import TOO_LONG_RESPONSE
from bot.guard.redactor import PersonalDataGuard, Screened, default_guard, redact_alongside
from bot.guard.reply_language import reply_language
from bot.guard.warning import WARNING_RESPONSE
from bot.web.bounded_blueprint import BoundedBlueprint, BoundedSocketBlueprint
from bot.web.incoming import (
    OverLongTurn,
    RejectedRequest,
    Turn,
    check_sender_id,
    read_json_object,
    read_turn,
)
from bot.web.rich_messages import TextOnlyOutput
from bot.web.session_ids import SessionIdSigner, default_signer
from bot.web.settings import HttpSettings

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

#: Metadata key listing the kinds removed from the message (e.g. ["identity_code"]).
REDACTED_METADATA_KEY = "redacted"
RESEND_RESPONSE = "utter_resend_message"
#: Socket.IO event telling the client why its message was not taken (no HTTP status there).
REJECTED_EVENT = "request_rejected"

#: The conversation's `language` slot for the turn being delivered, where the channel knows it
#: (the web chat reads it from the stored conversation; None on the others). WHY a context
#: variable: the guard's handler gets only Rasa's UserMessage, and the value must not travel
#: in the message's metadata, which Rasa stores.
_CONVERSATION_LANGUAGE: ContextVar[Optional[str]] = ContextVar(
    "conversation_language", default=None
)


def redacted_message(
    message: UserMessage, screened: Screened, metadata: Optional[Dict[str, Any]]
) -> UserMessage:
    """A copy of ``message`` with the screened text and metadata (+ the removed kinds)."""
    metadata = dict(metadata or {})
    if screened.redacted:
        metadata[REDACTED_METADATA_KEY] = screened.kinds
    parse_data = message.parse_data
    if parse_data is not None and "text" in parse_data:
        parse_data = {**parse_data, "text": screened.text}
    return UserMessage(
        screened.text,
        message.output_channel,
        message.sender_id,
        parse_data=parse_data,
        input_channel=message.input_channel,
        message_id=message.message_id,
        metadata=metadata,
    )


def guarded_on_new_message(
    on_new_message: OnNewMessage, guard: PersonalDataGuard, warning: Texts
) -> OnNewMessage:
    """Wrap a channel's message handler: screen, warn once, forward the redacted message.

    Client metadata is screened too (a widget may copy the typed text into it); values found in
    the text are removed from it wherever they reappear. The warning is said in the language
    the message is written in, else the conversation's, else the page's
    (bot.guard.reply_language; the conversation's as :func:`deliver_turn` was given it).
    """

    async def handle(message: UserMessage) -> Any:
        screened = guard.screen(message.sender_id, message.text)
        # The found values live only inside redact_alongside: a traceback of a later failure
        # in this frame has nothing of them to show.
        metadata = redact_alongside(message.metadata, message.text, screened.findings)
        if not screened.redacted and metadata == message.metadata:
            return await on_new_message(message)
        if screened.redacted:
            logger.info("Personal data removed from a user message: %s", ", ".join(screened.kinds))
            language = reply_language(message.text, message.metadata, _CONVERSATION_LANGUAGE.get())
            text = in_language(warning, language)
            if message.output_channel is not None and text:
                await message.output_channel.send_text_message(message.sender_id, text)
        return await on_new_message(redacted_message(message, screened, metadata))

    return handle


#: A channel's own sentence in each language (fi, sv, en), or one text for every language.
Texts = Union[str, Mapping[str, str]]


def in_language(texts: Texts, language: str) -> str:
    """The text in `language`, the Finnish one when it has none."""
    if isinstance(texts, str):
        return texts
    return texts.get(language) or texts.get("fi") or ""


@dataclass(frozen=True)
class ChannelReplies:
    """What a channel says itself instead of Rasa, read from the domain at server start."""

    warning: Texts
    too_long: Texts
    resend: Texts

    @classmethod
    def from_domain(cls, max_message_chars: int, warning: Optional[str] = None) -> ChannelReplies:
        """Each reply in every language; a given warning (tests) stands for every language."""
        too_long = response_texts(TOO_LONG_RESPONSE)
        return cls(
            warning=warning or response_texts(WARNING_RESPONSE),
            too_long={k: v.replace("{limit}", str(max_message_chars)) for k, v in too_long.items()},
            resend=response_texts(RESEND_RESPONSE),
        )


async def deliver_turn(
    turn: Turn,
    output: OutputChannel,
    handle: OnNewMessage,
    channel: str,
    replies: ChannelReplies,
    conversation_language: Optional[str] = None,
) -> None:
    """Hand one turn to the guarded handler, or answer it without Rasa.

    A failure after the guard is logged with the exception only (no text, no sender) and the
    person is asked to send the message again instead of being left without an answer. The
    channel's own replies rank `conversation_language` (the conversation's slot, from a channel
    that keeps conversations) below the message's own language (bot.guard.reply_language).
    """
    if isinstance(turn, OverLongTurn):
        too_long = in_language(replies.too_long, turn.language(conversation_language))
        await output.send_text_message(turn.sender_id, too_long)
        return
    message = UserMessage(
        turn.text,
        output,
        turn.sender_id,
        input_channel=channel,
        message_id=turn.message_id,
        metadata=turn.metadata,
    )
    token = _CONVERSATION_LANGUAGE.set(conversation_language)
    try:
        await handle(message)
    except Exception:
        logger.exception("A message on the %s channel could not be processed", channel)
        language = reply_language(turn.text, turn.metadata, conversation_language)
        await output.send_text_message(turn.sender_id, in_language(replies.resend, language))
    finally:
        _CONVERSATION_LANGUAGE.reset(token)


class _GuardedChannelMixin:
    """Shared by the guarded channels: guard, warning, bounds and conversation-id signer.

    Defaults are the process-wide ones (settings from the environment); tests and special
    deployments set their own with :meth:`use_guard` and :meth:`use_settings`.
    """

    _guard: Optional[PersonalDataGuard] = None
    _warning_text: Optional[str] = None
    _settings: Optional[HttpSettings] = None
    _signer: Optional[SessionIdSigner] = None
    _replies: Optional[ChannelReplies] = None

    def use_guard(
        self, guard: PersonalDataGuard, warning_text: Optional[str] = None
    ) -> _GuardedChannelMixin:
        """Use a specific guard / warning (tests, or several guards in one process)."""
        self._guard = guard
        self._warning_text = warning_text
        self._replies = None
        return self

    def use_settings(
        self, settings: HttpSettings, signer: Optional[SessionIdSigner] = None
    ) -> _GuardedChannelMixin:
        """Use specific bounds and signer instead of the environment's."""
        self._settings = settings
        self._signer = signer
        self._replies = None
        return self

    @property
    def settings(self) -> HttpSettings:
        if self._settings is None:
            self._settings = HttpSettings.from_environment()
        return self._settings

    @property
    def signer(self) -> SessionIdSigner:
        if self._signer is None:
            self._signer = default_signer()
        return self._signer

    def requires_signed_ids(self) -> bool:
        return self.settings.public

    def check_sender(self, value: Any) -> str:
        return check_sender_id(value, self.signer if self.requires_signed_ids() else None)

    def guard_message_handler(self, on_new_message: OnNewMessage) -> OnNewMessage:
        guard = self._guard or default_guard()
        return guarded_on_new_message(on_new_message, guard, self.replies.warning)

    @property
    def replies(self) -> ChannelReplies:
        # Read once, at blueprint time: a missing domain response stops the start-up.
        if self._replies is None:
            self._replies = ChannelReplies.from_domain(
                self.settings.max_message_chars, self._warning_text
            )
        return self._replies

    async def deliver(
        self,
        turn: Turn,
        output: OutputChannel,
        handle: OnNewMessage,
        conversation_language: Optional[str] = None,
    ) -> None:
        name = self.name()  # type: ignore[attr-defined]
        await deliver_turn(turn, output, handle, name, self.replies, conversation_language)


_STREAM_DONE = object()


class GuardedRestInput(_GuardedChannelMixin, RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``), bounded and guarded.

    Routes: ``GET /`` health, ``POST /session`` a signed conversation id, ``POST /webhook`` a
    message (``?stream=true`` answers line by line, as Rasa's terminal chat reads it).
    """

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        settings = self.settings
        blueprint = BoundedBlueprint(settings.max_request_bytes, f"guarded_{self.name()}")
        self.add_routes(blueprint, self.guard_message_handler(on_new_message))
        return blueprint

    def add_routes(self, blueprint: Blueprint, handle: OnNewMessage) -> None:
        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        self.add_conversation_routes(blueprint, handle)

    def add_conversation_routes(self, blueprint: Blueprint, handle: OnNewMessage) -> None:
        @blueprint.route("/session", methods=["POST"])
        async def session(_: Request) -> HTTPResponse:
            return response.json(
                {
                    "sender": self.signer.issue(),
                    "max_message_chars": self.settings.max_message_chars,
                }
            )

        @blueprint.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                turn = self.read_request(request)
            except RejectedRequest as rejected:
                logger.info("Refused a request on the %s channel: %s", self.name(), rejected.code)
                return self.rejected_response(rejected)
            if bool_arg(request, "stream", default=False):
                return response.stream(
                    self._streamed(turn, handle), content_type="text/event-stream"
                )
            collector = CollectingOutputChannel()
            await self.deliver(turn, collector, handle)
            return response.json(collector.messages)

    def read_request(self, request: Request) -> Turn:
        payload = read_json_object(request.body)
        sender = self.check_sender(payload.get("sender"))
        return read_turn(payload, sender, self.settings.max_message_chars)

    def rejected_response(self, rejected: RejectedRequest) -> HTTPResponse:
        return response.json(rejected.body, status=rejected.status)

    def _streamed(self, turn: Turn, handle: OnNewMessage) -> Callable[[Any], Awaitable[None]]:
        async def stream(reply: Any) -> None:
            queue: asyncio.Queue = asyncio.Queue()

            async def produce() -> None:
                try:
                    await self.deliver(turn, QueueOutputChannel(queue), handle)
                finally:
                    await queue.put(_STREAM_DONE)

            producer = asyncio.ensure_future(produce())
            while (item := await queue.get()) is not _STREAM_DONE:
                await reply.write(json.dumps(item) + "\n")
            await producer

        return stream


class GuardedCmdlineInput(GuardedRestInput):
    """The terminal chat's channel: Rasa's console posts to the REST URL, guarded the same way.

    Rasa starts its terminal chat only when a channel named "cmdline" is registered; it serves
    ``/webhooks/rest/webhook`` like the REST channel, so the two are never used together.
    Pressing Enter on an empty line gets an empty answer instead of 400: Rasa's console stops
    on any error status, which would end the chat. The terminal shows text only: a provider's
    card payload is left out (its text says the same; bot.web.rich_messages).
    """

    @classmethod
    def name(cls) -> str:
        return "cmdline"

    def url_prefix(self) -> str:
        return GuardedRestInput.name()

    async def deliver(
        self,
        turn: Turn,
        output: OutputChannel,
        handle: OnNewMessage,
        conversation_language: Optional[str] = None,
    ) -> None:
        await super().deliver(turn, TextOnlyOutput(output), handle, conversation_language)

    def rejected_response(self, rejected: RejectedRequest) -> HTTPResponse:
        if rejected.code == "empty_message":
            return response.json([])
        return super().rejected_response(rejected)


class GuardedSocketIOInput(_GuardedChannelMixin, SocketIOInput):
    """Rasa's Socket.IO channel (web chat widgets), bounded and guarded, with signed sessions.

    ``session_request`` confirms a session id only if this server signed it, and otherwise
    issues a new one (Rasa's widgets adopt the id in ``session_confirm``). Messages are taken
    only for signed session ids, or for the socket's own server-made id when sessions are off.
    A refused message gets a ``request_rejected`` event with the same JSON error as REST.
    """

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def requires_signed_ids(self) -> bool:
        return True

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        handle = self.guard_message_handler(on_new_message)
        settings = self.settings
        sio = AsyncServer(
            async_mode="sanic",
            cors_allowed_origins=[],  # as Rasa: CORS is left to the Sanic app's configuration
            max_http_buffer_size=settings.max_request_bytes,
        )
        blueprint = BoundedSocketBlueprint(
            settings.max_request_bytes, sio, self.socketio_path, "guarded_socketio"
        )
        self.sio = sio

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: Dict, auth: Optional[Dict]) -> bool:
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            return bool(token) and bool(
                decode_bearer_token(token, self.jwt_key, self.jwt_algorithm)
            )

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if self.signer.is_valid(requested) else self.signer.issue()
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            try:
                turn = self.read_event(sid, data)
            except RejectedRequest as rejected:
                logger.info("Refused a message on the socketio channel: %s", rejected.code)
                await sio.emit(REJECTED_EVENT, rejected.body, room=sid, namespace=self.namespace)
                return
            # Text only: widgets draw no provider cards, and Rasa's SocketIOOutput would pass
            # a card's keys to emit() as arguments (bot.web.rich_messages).
            output = TextOnlyOutput(SocketIOOutput(sio, self.bot_message_evt))
            await self.deliver(turn, output, handle)

        return blueprint

    def read_event(self, sid: str, data: Any) -> Turn:
        if not isinstance(data, dict):
            raise RejectedRequest(400, "not_an_object", "The message must be a JSON object.")
        sender = self.check_sender(data.get("session_id")) if self.session_persistence else sid
        return read_turn(data, sender, self.settings.max_message_chars, self.metadata_key)
