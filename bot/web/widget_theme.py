"""The embedding site's look for the chat page: name, colour, logo, default municipality, language.

A municipality sets these on the widget's script tag (``data-name`` ...) or on the iframe's
address (``?name=...``); the page asks ``GET /webhooks/webchat/theme`` with the same query and
applies only what this module lets through. WHY on the server: the checks need the municipality
list (bot.places) and the operator's frame origins, and one implementation in Python is tested
once; the page never applies a raw parameter.

WHY so strict: anybody can send a link to the chat page with any parameters, and the page is
trusted because it is the municipality's. So a stranger must not be able to make it show a
phone number, a link or an image of their own:

- ``name``: at most :data:`MAX_NAME_CHARS` characters of letters, spaces and ``-–.,'’&()``
  (no digits, no ``:`` or ``/``: no phone numbers or addresses); otherwise no name is shown.
- ``color``: ``#rrggbb`` whose contrast with white text and with the bot's bubble is at least
  WCAG AA's 4.5:1 (the colour is used as a background under white text, and as the colour of
  links and secondary buttons); otherwise the default colour, and the log says why.
- ``logo``: a path on the assistant (``/...``) or an ``https://`` address on one of
  ``DIGITUKI_FRAME_ORIGINS`` (the sites allowed to embed the chat, which the page's
  ``img-src`` also lists); otherwise no logo. It is shown with empty alt text beside the name.
- ``municipality``: a current Finnish municipality by name or code, given back as its Finnish
  name; the page sends it with its greeting, and the assistant uses it as the place until the
  person names another (actions/small_talk.py). Otherwise none. ``municipality_shown`` is the
  same municipality named as a reader of the page's language knows it, for the page's line
  "the guide looks for help in ...": Swedish pages get the Swedish name ("Espoo" -> "Esbo"),
  Finnish and English pages the Finnish one, as the assistant names it in the conversation
  (bot.places' ``name_in``, from the official list). WHY both: the greeting's value is the
  slot's, which is always the Finnish name.
- ``language``: ``fi``, ``sv`` or ``en``, the language the conversation opens in; any other
  value gives ``fi`` without complaint.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Callable, Dict, Mapping, Optional, Sequence
from urllib.parse import urlsplit

from bot.language.detect import LANGUAGES as LANGUAGE_CODES
from bot.language.detect import normalise

logger = logging.getLogger(__name__)

MAX_NAME_CHARS = 60
MAX_LOGO_CHARS = 500
MAX_MUNICIPALITY_CHARS = 40
#: WCAG 2.1 AA contrast for normal-size text (1.4.3).
MIN_CONTRAST = 4.5
WHITE = "#ffffff"
#: The bot bubble's background in chat.css (``--bot``); links in the colour sit on it.
BOT_BUBBLE = "#eef4f8"
LANGUAGES = LANGUAGE_CODES
DEFAULT_LANGUAGE = "fi"
MAX_LANGUAGE_TAG = 16

_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .,'’&()–-])*")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_SPACES = re.compile(r"\s+")


def widget_theme(
    query: Mapping[str, Any],
    frame_origins: Sequence[str] = (),
    municipality_name: Optional[Callable[[str], Optional[str]]] = None,
    name_in_language: Optional[Callable[[str, str], str]] = None,
) -> Dict[str, Optional[str]]:
    """What the page may apply of ``query``; ``None`` where it keeps its own default.

    ``municipality_name`` maps a name or code to the municipality's Finnish name, and
    ``name_in_language`` a Finnish name to the name in a language (defaults: bot.places'
    index, loaded on first use).
    """
    lookup = municipality_name or known_municipality
    municipality = _checked_municipality(_first(query, "municipality"), lookup)
    language = checked_language(_first(query, "language"))
    return {
        "name": checked_name(_first(query, "name")),
        "color": checked_color(_first(query, "color")),
        "logo": checked_logo(_first(query, "logo"), frame_origins),
        "municipality": municipality,
        "municipality_shown": _shown_municipality(
            municipality, language, name_in_language or municipality_in
        ),
        "language": language,
    }


def checked_name(raw: Optional[str]) -> Optional[str]:
    name = _SPACES.sub(" ", raw or "").strip()
    if len(name) <= MAX_NAME_CHARS and _NAME.fullmatch(name):
        return name
    return None


def checked_color(raw: Optional[str]) -> Optional[str]:
    if not raw or not _COLOR.fullmatch(raw):
        return None
    color = raw.lower()
    worst = min(contrast(color, WHITE), contrast(color, BOT_BUBBLE))
    if worst < MIN_CONTRAST:
        logger.info(
            "The widget colour %s has contrast %.2f:1 with white text or the chat's bubbles "
            "(WCAG AA needs %.1f:1); the default colour is used instead.",
            color,
            worst,
            MIN_CONTRAST,
        )
        return None
    return color


def checked_logo(raw: Optional[str], frame_origins: Sequence[str]) -> Optional[str]:
    if not raw or len(raw) > MAX_LOGO_CHARS or any(c.isspace() or c in "\"'<>\\" for c in raw):
        return None
    if raw.startswith("/") and not raw.startswith("//"):
        return raw
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username or parts.password:
        return None
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return raw if origin in {o.lower() for o in frame_origins} else None


def checked_language(raw: Optional[str]) -> str:
    """One of the assistant's languages ("sv-FI" is Swedish), else Finnish."""
    if not isinstance(raw, str) or len(raw) > MAX_LANGUAGE_TAG or ";" in raw:
        return DEFAULT_LANGUAGE
    return normalise(raw) or DEFAULT_LANGUAGE


def known_municipality(value: str) -> Optional[str]:
    """The Finnish name of the current municipality named or numbered ``value``."""
    from bot.places import get_index

    index = get_index()
    found = index.by_code(value) if value.isdigit() else index.by_name(value)
    return found.name_fi if found else None


def municipality_in(name: str, language: str) -> str:
    """A municipality's name as a reader of ``language`` knows it (Swedish: "Esbo")."""
    from bot.places import get_index

    return get_index().name_in(name, language)


def _shown_municipality(
    municipality: Optional[str], language: str, name_in: Callable[[str, str], str]
) -> Optional[str]:
    if municipality is None:
        return None
    return municipality if language == DEFAULT_LANGUAGE else name_in(municipality, language)


def _checked_municipality(
    raw: Optional[str], lookup: Callable[[str], Optional[str]]
) -> Optional[str]:
    value = _SPACES.sub(" ", raw or "").strip()
    if not value or len(value) > MAX_MUNICIPALITY_CHARS:
        return None
    return lookup(value)


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours (1.0 to 21.0)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: str) -> float:
    """WCAG 2.1 relative luminance."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _first(query: Mapping[str, Any], key: str) -> Optional[str]:
    """One value of a query parameter (Sanic gives lists; a plain mapping gives strings)."""
    value = query.get(key)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return value if isinstance(value, str) else None
