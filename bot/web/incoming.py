"""Reading one chat turn from what a client sent, or refusing it with a clear reason.

Every channel (REST, the web chat page, the terminal chat, Socket.IO) turns its request into a
:class:`ChatTurn` here before the personal-data guard or Rasa sees anything, so a malformed
request is answered with 400 and a JSON error instead of a 500 from deep inside Rasa.

Sender ids: 16-128 characters of ``[A-Za-z0-9_-]``, required (WHY: without one, Rasa put every
such request into one shared "default" conversation that anyone could read back). They are
screened for identity codes, card numbers and IBANs, because an id is stored in every row of
the conversation database and in every log line; such an id is refused, never stored. Where
the channel demands it, the id must also carry this server's signature (bot.web.session_ids).
Error messages never repeat the value that was refused.

Message ids: a client may name each message (``message_id``, 8-64 characters of the same
alphabet) so that sending it again after a lost answer is recognised instead of processed twice
(the web chat page does; bot.web.conversations). Rasa stores the id with the message, so it is
screened like a sender id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Union

from bot.guard.limits import allowed_metadata, without_lone_surrogates
from bot.guard.redactor import find_personal_data
from bot.guard.reply_language import chosen_language, language_said, page_language
from bot.web.session_ids import SessionIdSigner

SENDER_ID = re.compile(r"[A-Za-z0-9_-]{16,128}")
SENDER_RULE = "16-128 characters of A-Z, a-z, 0-9, '_' and '-'"
MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
MESSAGE_ID_RULE = "8-64 characters of A-Z, a-z, 0-9, '_' and '-'"


class RejectedRequest(Exception):
    """A request the channel answers with an error status; ``body`` is the JSON to send."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message

    @property
    def body(self) -> Dict[str, str]:
        return {"error": self.code, "message": self.message}


@dataclass(frozen=True)
class ChatTurn:
    """A message that may go on to the guard; its text is kept out of reprs (tracebacks)."""

    sender_id: str
    text: str = field(repr=False)
    metadata: Dict[str, Any] = field(default_factory=dict, repr=False)
    #: The client's name for this message; None lets Rasa make one.
    message_id: Optional[str] = None


@dataclass(frozen=True)
class OverLongTurn:
    """A message over the length limit: only whom to answer, and what tells the language of
    the answer, is kept, never the text.

    WHY not the language itself: the conversation's language (bot.guard.reply_language) ranks
    between the message's and the page's, and a channel knows it only once it has looked up the
    conversation, after the request has been read."""

    sender_id: str
    #: What the message's first characters are written in or ask for; None if they do not say.
    said: Optional[str] = None
    #: The page's language sent with the message, if any.
    page_language: Optional[str] = None

    def language(self, conversation_language: Optional[str] = None) -> str:
        """fi, sv or en for the "too long" reply."""
        return chosen_language(self.said, conversation_language, self.page_language)


Turn = Union[ChatTurn, OverLongTurn]


def read_json_object(body: Optional[bytes]) -> Dict[str, Any]:
    """The request body as a JSON object."""
    if not body or not body.strip():
        raise RejectedRequest(
            400, "empty_body", 'Send a JSON object such as {"sender": "...", "message": "hei"}.'
        )
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
        raise RejectedRequest(400, "invalid_json", "The body is not valid UTF-8 JSON.") from None
    if not isinstance(payload, dict):
        raise RejectedRequest(
            400, "not_an_object", "The body must be a JSON object, not a list or a single value."
        )
    return payload


def check_sender_id(value: Any, signer: Optional[SessionIdSigner] = None) -> str:
    """``value`` if it is a usable conversation id; with ``signer``, only ids it issued."""
    if value is None or value == "":
        raise RejectedRequest(400, "missing_sender", f"'sender' is required: {SENDER_RULE}.")
    if not isinstance(value, str) or not SENDER_ID.fullmatch(value):
        raise RejectedRequest(400, "invalid_sender", f"'sender' must be {SENDER_RULE}.")
    _refuse_personal_data(value, "sender")
    if signer is not None and not signer.is_valid(value):
        raise RejectedRequest(
            403,
            "unknown_conversation",
            "'sender' must be a conversation id issued by this server (POST .../session).",
        )
    return value


def read_message_id(payload: Mapping[str, Any]) -> Optional[str]:
    """The client's ``message_id``, if it sent a usable one (absent is fine, malformed is not)."""
    value = payload.get("message_id")
    if value is None:
        return None
    if not isinstance(value, str) or not MESSAGE_ID.fullmatch(value):
        raise RejectedRequest(400, "invalid_message_id", f"'message_id' must be {MESSAGE_ID_RULE}.")
    _refuse_personal_data(value, "message_id")
    return value


def _refuse_personal_data(value: str, field: str) -> None:
    """An id is stored with every event: one that holds personal data is refused, not kept."""
    if _holds_personal_data(value):
        raise RejectedRequest(
            400,
            f"personal_data_in_{field}",
            f"'{field}' looks like an identity code, card or account number; use a random id.",
        )


def _holds_personal_data(sender_id: str) -> bool:
    # Separators become spaces too: the detectors look for values between word boundaries,
    # and "_" counts as a word character ("id_4111_1111_1111_1111").
    variants = {sender_id, sender_id.replace("_", " "), re.sub(r"[_-]", " ", sender_id)}
    return any(find_personal_data(variant, cues=False) for variant in variants)


def read_turn(
    payload: Mapping[str, Any], sender_id: str, max_chars: int, metadata_key: str = "metadata"
) -> Turn:
    """The message of an already checked sender, bounded to ``max_chars`` characters."""
    text = payload.get("message")
    if text is None:
        raise RejectedRequest(400, "missing_message", "'message' is required.")
    if not isinstance(text, str):
        raise RejectedRequest(400, "invalid_message", "'message' must be a string.")
    if len(text) > max_chars:
        said = language_said(without_lone_surrogates(text))
        return OverLongTurn(sender_id, said, page_language(payload.get(metadata_key)))
    text = without_lone_surrogates(text)
    if not text.strip():
        raise RejectedRequest(400, "empty_message", "'message' is empty.")
    return ChatTurn(sender_id, text, allowed_metadata(payload.get(metadata_key)))
