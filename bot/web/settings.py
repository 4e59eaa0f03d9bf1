"""Every setting of the public HTTP boundary, read from environment variables in one place.

WHY environment variables: a municipality's operator deploys the same code in a container or a
service unit and sets these without editing files; WHY one module: the README's "Running on a
public website" table and this file must list the same names, defaults and checks. A bad value
stops the start-up with a message naming the variable; nothing falls back silently.

- ``DIGITUKI_MAX_MESSAGE_CHARS`` (1000): the longest message processed; a longer one is
  answered with ``utter_message_too_long`` and dropped.
- ``DIGITUKI_MAX_REQUEST_BYTES`` (32768): the largest request body or Socket.IO packet;
  a larger one gets 413 without being read.
- ``DIGITUKI_PUBLIC`` (0): 1 makes every channel accept only conversation ids this server
  signed.
- ``DIGITUKI_SESSION_SECRET`` (made per process, with a warning): the HMAC key, 32+
  characters, for conversation ids.
- ``DIGITUKI_CHAT_IDLE_MINUTES`` (15): minutes without a turn after which the web chat page
  starts afresh and its channel refuses the old conversation id (bot.web.conversations).
- ``DIGITUKI_CORS_ORIGINS`` (none): origins allowed by CORS, separated by commas or spaces.
- ``DIGITUKI_FRAME_ORIGINS`` (none: only the assistant itself): the sites allowed to show the
  chat page in a frame (the widget's iframe), separated by commas or spaces; sent as the page's
  ``Content-Security-Policy: frame-ancestors``. Each must be an ``https://`` origin (``http://``
  only for localhost, for trying things out), WHY: a page that any site may frame can be dressed
  up by a stranger's site (clickjacking), and the widget's logo is taken only from these sites.
- ``DIGITUKI_API_TOKEN`` or ``RASA_AUTH_TOKEN`` (none): the token ``--enable-api`` requires.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Tuple

MAX_MESSAGE_CHARS = "DIGITUKI_MAX_MESSAGE_CHARS"
MAX_REQUEST_BYTES = "DIGITUKI_MAX_REQUEST_BYTES"
PUBLIC = "DIGITUKI_PUBLIC"
SESSION_SECRET = "DIGITUKI_SESSION_SECRET"
CORS_ORIGINS = "DIGITUKI_CORS_ORIGINS"
FRAME_ORIGINS = "DIGITUKI_FRAME_ORIGINS"
CHAT_IDLE_MINUTES = "DIGITUKI_CHAT_IDLE_MINUTES"
API_TOKEN_VARIABLES = ("DIGITUKI_API_TOKEN", "RASA_AUTH_TOKEN")

DEFAULT_MAX_MESSAGE_CHARS = 1000
DEFAULT_MAX_REQUEST_BYTES = 32 * 1024
DEFAULT_CHAT_IDLE_MINUTES = 15
#: A day: longer would keep a shared computer's conversation open overnight.
MAX_CHAT_IDLE_MINUTES = 24 * 60
#: Room for a message of the longest allowed length even if every character takes 4 bytes of
#: UTF-8, plus the JSON around it: a message just over the limit gets the friendly reply, not 413.
BYTES_PER_CHAR = 4
ENVELOPE_BYTES = 1024
MIN_SECRET_CHARS = 32
MIN_TOKEN_CHARS = 16
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"", "0", "false", "no", "off"})
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?")
#: Hosts where plain http is the developer's own machine, not the open internet.
_LOOPBACK_HOST = re.compile(r"(?:[a-z0-9-]+\.)?localhost|127\.0\.0\.1", re.IGNORECASE)

logger = logging.getLogger(__name__)


class SettingsError(ValueError):
    """A setting has a value the server must not start with; the message names the setting."""


@dataclass(frozen=True)
class HttpSettings:
    """Bounds and identity rules shared by every channel of the assistant."""

    max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    public: bool = False
    session_secret: Optional[str] = None
    chat_idle_minutes: int = DEFAULT_CHAT_IDLE_MINUTES
    #: Origins (besides the assistant's own) that may frame the chat page; checked on creation.
    frame_origins: Tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_message_chars < 1:
            raise SettingsError(f"{MAX_MESSAGE_CHARS} must be at least 1")
        if not 1 <= self.chat_idle_minutes <= MAX_CHAT_IDLE_MINUTES:
            raise SettingsError(
                f"{CHAT_IDLE_MINUTES} must be between 1 and {MAX_CHAT_IDLE_MINUTES} minutes"
            )
        needed = self.max_message_chars * BYTES_PER_CHAR + ENVELOPE_BYTES
        if self.max_request_bytes < needed:
            raise SettingsError(
                f"{MAX_REQUEST_BYTES}={self.max_request_bytes} cannot hold a message of "
                f"{self.max_message_chars} characters; use at least {needed}"
            )
        if self.session_secret is not None and len(self.session_secret) < MIN_SECRET_CHARS:
            raise SettingsError(f"{SESSION_SECRET} must be at least {MIN_SECRET_CHARS} characters")
        for origin in self.frame_origins:
            check_frame_origin(origin)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> HttpSettings:
        return cls(
            max_message_chars=_integer(environ, MAX_MESSAGE_CHARS, DEFAULT_MAX_MESSAGE_CHARS),
            max_request_bytes=_integer(environ, MAX_REQUEST_BYTES, DEFAULT_MAX_REQUEST_BYTES),
            public=_flag(environ, PUBLIC),
            session_secret=environ.get(SESSION_SECRET) or None,
            chat_idle_minutes=_integer(environ, CHAT_IDLE_MINUTES, DEFAULT_CHAT_IDLE_MINUTES),
            frame_origins=origin_list(environ.get(FRAME_ORIGINS, "")),
        )


@dataclass(frozen=True)
class ApiAccess:
    """What ``bot run`` hands to Rasa's ``serve_application`` about its HTTP API and CORS."""

    enabled: bool
    auth_token: Optional[str] = None
    jwt_secret: Optional[str] = None
    jwt_method: str = "HS256"
    cors_origins: Tuple[str, ...] = ()


def api_access(
    enabled: bool,
    auth_token: Optional[str] = None,
    jwt_secret: Optional[str] = None,
    jwt_method: str = "HS256",
    cors_origins: Sequence[str] = (),
    environ: Mapping[str, str] = os.environ,
) -> ApiAccess:
    """The API's protection, refusing an open API: Rasa's API reads and rewrites every
    conversation, so on a public address it must never answer without a credential.

    The token comes from the command line, else ``DIGITUKI_API_TOKEN``, else
    ``RASA_AUTH_TOKEN``; origins from the command line, else ``DIGITUKI_CORS_ORIGINS``.
    """
    token = auth_token or next((environ[v] for v in API_TOKEN_VARIABLES if environ.get(v)), None)
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise SettingsError(f"the API token must be at least {MIN_TOKEN_CHARS} characters")
    if enabled and not token and not jwt_secret:
        raise SettingsError(
            "--enable-api needs a credential: --auth-token (or DIGITUKI_API_TOKEN / "
            "RASA_AUTH_TOKEN) or --jwt-secret"
        )
    origins = tuple(o.rstrip("/") for o in cors_origins if o) or origin_list(
        environ.get(CORS_ORIGINS, "")
    )
    for origin in origins:
        if not _ORIGIN.fullmatch(origin):
            raise SettingsError(
                f"CORS origin {origin!r} must look like https://www.kunta.fi ('*' is not allowed)"
            )
    return ApiAccess(enabled, token if enabled else None, jwt_secret, jwt_method, origins)


def origin_list(raw: str) -> Tuple[str, ...]:
    """Origins written with commas or spaces between them, a trailing "/" forgiven."""
    return tuple(origin.rstrip("/") for origin in re.split(r"[,\s]+", raw) if origin)


def check_frame_origin(origin: str) -> None:
    """Refuse an origin a browser would not match, or plain http on the open internet."""
    if not _ORIGIN.fullmatch(origin):
        raise SettingsError(
            f"{FRAME_ORIGINS}: {origin!r} must be a site's origin like https://www.kunta.fi "
            "(no path, no '*')"
        )
    scheme, host = origin.split("://", 1)
    if scheme == "http" and not _LOOPBACK_HOST.fullmatch(host.rsplit(":", 1)[0]):
        raise SettingsError(f"{FRAME_ORIGINS}: {origin!r} must use https (http only for localhost)")


def warn_if_exposed(host: str, settings: HttpSettings) -> None:
    """Tell the operator when a non-loopback address would accept self-chosen ids."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback and not settings.public:
        logger.warning(
            "Listening on %s with %s=0: the REST channel accepts any conversation id. "
            "Set %s=1 (and %s) for a public website.",
            host,
            PUBLIC,
            PUBLIC,
            SESSION_SECRET,
        )


def _integer(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None


def _flag(environ: Mapping[str, str], name: str) -> bool:
    raw = environ.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise SettingsError(f"{name} must be 1 or 0, not {raw!r}")
