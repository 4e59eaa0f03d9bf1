"""Input channels that screen every user message before Rasa sees it.

The wrapper sits between the channel and Rasa's message handler, so the redacted text is the
only text that reaches NLU, the tracker, the tracker store, the event broker and Rasa's logs.

Channel names: ``GuardedRestInput.name() == "rest"`` and ``GuardedSocketIOInput.name() ==
"socketio"``. WHY the built-in names: the web chat widgets and the REST clients keep their URLs
(``/webhooks/rest/webhook``, ``/socket.io``) and the tracker's ``input_channel`` stays the same,
so switching a deployment to the guarded channels is a one-line change in credentials.yml. The
consequence: configure the guarded class INSTEAD of the built-in one, never both (Sanic would
refuse the duplicate routes at start-up, which is the loud failure we want).
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.guard.redactor import (
    PersonalDataGuard,
    Screened,
    default_guard,
    found_values,
    redact_structure,
)
from bot.guard.warning import personal_data_warning

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

#: Metadata key listing the kinds removed from the message (e.g. ["identity_code"]).
REDACTED_METADATA_KEY = "redacted"


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
    on_new_message: OnNewMessage, guard: PersonalDataGuard, warning_text: str
) -> OnNewMessage:
    """Wrap a channel's message handler: screen, warn once, forward the redacted message.

    Client metadata is screened too (a widget may copy the typed text into it); values found in
    the text are removed from it wherever they reappear.
    """

    async def handle(message: UserMessage) -> Any:
        screened = guard.screen(message.sender_id, message.text)
        known = found_values(message.text or "", screened.findings)
        metadata = redact_structure(message.metadata, known=known)
        if not screened.redacted and metadata == message.metadata:
            return await on_new_message(message)
        if screened.redacted:
            logger.info("Personal data removed from a user message: %s", ", ".join(screened.kinds))
            if message.output_channel is not None and warning_text:
                await message.output_channel.send_text_message(message.sender_id, warning_text)
        return await on_new_message(redacted_message(message, screened, metadata))

    return handle


class _GuardedChannelMixin:
    """Shared by the guarded channels: which guard and warning to use (defaults: shared ones)."""

    _guard: Optional[PersonalDataGuard] = None
    _warning_text: Optional[str] = None

    def use_guard(
        self, guard: PersonalDataGuard, warning_text: Optional[str] = None
    ) -> _GuardedChannelMixin:
        """Use a specific guard / warning (tests, or several guards in one process)."""
        self._guard = guard
        self._warning_text = warning_text
        return self

    def guard_message_handler(self, on_new_message: OnNewMessage) -> OnNewMessage:
        guard = self._guard or default_guard()
        # Read at blueprint time, i.e. at server start: a missing response fails loudly there.
        warning = self._warning_text or personal_data_warning()
        return guarded_on_new_message(on_new_message, guard, warning)


class GuardedRestInput(_GuardedChannelMixin, RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``) with the personal-data guard."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(self.guard_message_handler(on_new_message))


class GuardedSocketIOInput(_GuardedChannelMixin, SocketIOInput):
    """Rasa's Socket.IO channel (web chat widgets) with the personal-data guard."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(self.guard_message_handler(on_new_message))


class GuardedCmdlineInput(GuardedRestInput):
    """The terminal chat's channel: Rasa's console posts to the REST URL, guarded the same way.

    Rasa starts its terminal chat only when a channel named "cmdline" is registered; it serves
    ``/webhooks/rest/webhook`` like the REST channel, so the two are never used together.
    """

    @classmethod
    def name(cls) -> str:
        return "cmdline"

    def url_prefix(self) -> str:
        return GuardedRestInput.name()
