"""Conversation ids the server issues and can recognise: a random part, its issue time, an HMAC.

WHY signed instead of stored: issuing costs no database row (an attacker asking for a million
ids fills nothing), and any process holding the same secret recognises the ids, so several
workers or a restart keep conversations going. An id is 56 characters of ``[A-Za-z0-9_-]``:
24 random (144 bits, never guessed), 8 for the second it was issued, and 24 of HMAC-SHA256
over both, so only this server can make one, nobody can join a conversation by guessing its
id, and nobody can make an old id look new. The issue time lets the web chat refuse an id that
was handed out but never used within the idle time (bot.web.conversations); the signature
alone says nothing about age, so :meth:`SessionIdSigner.is_valid` accepts an id of any age.

The secret comes from ``DIGITUKI_SESSION_SECRET``. Unset, each process makes its own and warns:
ids then stop working at a restart, and two processes behind one address disagree.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from typing import Callable, Optional

from bot.web.settings import SESSION_SECRET, HttpSettings

logger = logging.getLogger(__name__)

RANDOM_BYTES = 18
TIME_BYTES = 6  # whole seconds since 1970, big-endian: enough until the year 8 900 000
MAC_BYTES = 18
PART_CHARS = 24  # base64 of 18 bytes, no padding
TIME_CHARS = 8  # base64 of 6 bytes
ID_CHARS = 2 * PART_CHARS + TIME_CHARS
_SHAPE = re.compile(rf"[A-Za-z0-9_-]{{{ID_CHARS}}}")
#: Binds the MAC to this use, so the secret can never sign anything else by accident.
_CONTEXT = b"digituki-conversation-id:"


class SessionIdSigner:
    """Issues conversation ids and tells ids it issued from all others."""

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        if len(secret) < 16:
            raise ValueError("the signing secret must be at least 16 bytes")
        self._secret = secret
        self._clock = clock

    def issue(self) -> str:
        issued = int(self._clock()).to_bytes(TIME_BYTES, "big")
        signed = _text(secrets.token_bytes(RANDOM_BYTES)) + _text(issued)
        return signed + self._mac(signed)

    def is_valid(self, value: object) -> bool:
        return self.issued_at(value) is not None

    def issued_at(self, value: object) -> Optional[float]:
        """When this server issued ``value`` (seconds since 1970), or None if it did not."""
        if not isinstance(value, str) or not _SHAPE.fullmatch(value):
            return None
        signed, mac = value[: PART_CHARS + TIME_CHARS], value[PART_CHARS + TIME_CHARS :]
        if not hmac.compare_digest(mac, self._mac(signed)):
            return None
        issued = base64.urlsafe_b64decode(signed[PART_CHARS:])
        return float(int.from_bytes(issued, "big"))

    def _mac(self, signed: str) -> str:
        digest = hmac.new(self._secret, _CONTEXT + signed.encode("ascii"), hashlib.sha256)
        return _text(digest.digest()[:MAC_BYTES])


def _text(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")


def signer_for(settings: HttpSettings) -> SessionIdSigner:
    """A signer with the configured secret, or with one made for this process (warned)."""
    if settings.session_secret:
        return SessionIdSigner(settings.session_secret.encode("utf-8"))
    logger.warning(
        "%s is not set: conversation ids are signed with a key made for this process only. "
        "They stop working after a restart, and several processes behind one address need "
        "the same %s.",
        SESSION_SECRET,
        SESSION_SECRET,
    )
    return SessionIdSigner(secrets.token_bytes(32))


_DEFAULT: Optional[SessionIdSigner] = None
_DEFAULT_LOCK = threading.Lock()


def default_signer() -> SessionIdSigner:
    """The process-wide signer: the page's channel issues what the others must recognise."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = signer_for(HttpSettings.from_environment())
    return _DEFAULT
