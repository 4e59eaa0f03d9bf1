"""How much of what a client sends may go further: message length, characters, metadata.

These checks run in the channels BEFORE the personal-data guard and the NLU, because both cost
time in proportion to the text: one 24 kB message used to stall every conversation for seconds
and a 100 kB one exhausted the machine's memory. A message over the limit is answered with
``utter_message_too_long`` and then dropped: nothing of it is kept or logged.

Metadata is an allow-list, WHY: Rasa stores a message's metadata in the tracker as it came, so
a client could park a megabyte (or personal data) in every event. Only these keys are kept,
each checked and bounded; anything else is dropped without an error, because chat widgets
commonly send keys we have no use for:

- ``location``: ``{"latitude": float, "longitude": float}`` in WGS84 ranges, rounded to
  3 decimals (about 100 m, as the web chat's location button sends them);
- ``language``: a language tag such as ``fi`` or ``sv-FI`` (at most 16 characters).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional

from bot.domain_files import default_text
from bot.paths import DOMAIN_DIR

TOO_LONG_RESPONSE = "utter_message_too_long"
COORDINATE_DECIMALS = 3
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}")
REPLACEMENT_CHARACTER = "\ufffd"


def without_lone_surrogates(text: str) -> str:
    """``text`` with each half of a UTF-16 pair that lacks its other half replaced by U+FFFD.

    JSON may carry such halves ("\\ud800"); Python decodes them, and the first attempt to
    encode the text (database, log, response) then fails. Replacing keeps the rest of the
    message, which a person wrote and expects an answer to.
    """
    return _LONE_SURROGATE.sub(REPLACEMENT_CHARACTER, text)


def message_too_long_text(limit: int, domain_dir: Path = DOMAIN_DIR) -> str:
    """``utter_message_too_long`` from domain/guard.yml with ``{limit}`` filled in."""
    return default_text(TOO_LONG_RESPONSE, domain_dir).replace("{limit}", str(limit))


def allowed_metadata(raw: Any) -> Dict[str, Any]:
    """The allow-listed, bounded part of a client's metadata (see the module docstring)."""
    if not isinstance(raw, Mapping):
        return {}
    kept: Dict[str, Any] = {}
    for key, check in ALLOWED_METADATA.items():
        value = check(raw.get(key))
        if value is not None:
            kept[key] = value
    return kept


def _location(raw: Any) -> Optional[Dict[str, float]]:
    if not isinstance(raw, Mapping):
        return None
    latitude = _number(raw.get("latitude"), 90.0)
    longitude = _number(raw.get("longitude"), 180.0)
    if latitude is None or longitude is None:
        return None
    return {
        "latitude": round(latitude, COORDINATE_DECIMALS),
        "longitude": round(longitude, COORDINATE_DECIMALS),
    }


def _number(raw: Any, bound: float) -> Optional[float]:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return None
    try:
        value = float(raw)
    except OverflowError:  # an integer of hundreds of digits
        return None
    return value if math.isfinite(value) and -bound <= value <= bound else None


def _language(raw: Any) -> Optional[str]:
    if isinstance(raw, str) and len(raw) <= 16 and _LANGUAGE_TAG.fullmatch(raw):
        return raw
    return None


ALLOWED_METADATA: Dict[str, Callable[[Any], Any]] = {"location": _location, "language": _language}
