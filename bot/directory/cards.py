"""A provider as a card: the structured payload a web chat renders next to the plain text.

WHY a payload and not only text: the plain text (speech.py) is what every channel can show, and
it stays exactly what the bot has always said, so the dialogue, the evaluations and the REST,
terminal and batch outputs do not change. A channel that can do more gets the same provider as
data: a map link, a dialable ``tel:`` link, a web link, opening hours, accessibility notes. The
action sends the card's data with the provider's lines (``card_data``); the response generator
says the text and completes the card with the same lines' texts (``provider_card``), both in ONE
message; Rasa stores them together on the bot's event and hands them to output channels as the
text and then the custom payload, and the web chat channel pairs them again
(bot/web/rich_messages.py).

Payload (``type`` ``provider_card``, ``version`` 1)::

    {"type": "provider_card", "version": 1, "provider": {
        "id", "name", "is_sample",
        "forms"            form keys ("in_person", ...), "kinds_of_help" their labels,
        "languages"        codes of the languages it serves in, "languages_text" the line
                           saying them (null when the text leaves it out),
        "address", "postal_code", "post_office", "municipality",
        "map_url"          OpenStreetMap: the place's own point, else a search for its address,
        "distance_km", "distance_text",
        "open_now", "hours_text", "closes_at", "next_opening"  (ISO 8601, Finnish time),
        "phone"            as the directory has it, "tel" a ``tel:`` href or null,
        "web_url", "accessibility" (list of notes), "notes" (what the place does less or more)}}

Nothing is invented: a value the directory lacks is null (an empty list for lists). Every
sentence (distance, hours, notes, labels) is the domain response the plain text uses. ``tel``
is null for sample records (their numbers are made up, e.g. "000 0000 (esimerkki)") and for
anything that is not a plain phone number, so a card never offers to dial a fake number.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional
from urllib.parse import quote, urlsplit

from bot.directory.search import ProviderHit
from bot.directory.speech import Say, first_line_text, form_labels, line_text, lines_of_kind

CARD_TYPE = "provider_card"
CARD_VERSION = 1
OSM = "https://www.openstreetmap.org"
MAP_ZOOM = 17
FINLAND_CODE = "358"
#: A phone number as written: digits, spaces, hyphens, slashes, an optional leading "+", and
#: notes in brackets ("(esimerkki)", "(maksuton)") that are not part of the number.
_BRACKETED = re.compile(r"\([^)]*\)")
_DIALABLE = re.compile(r"^\+?[\d\s/-]+$")
_E164_DIGITS = range(7, 16)  # country code included
_SHORT_NUMBER = re.compile(r"^1\d{2,5}$")  # 112, 116 117: Finnish numbers without a prefix
#: A scheme ("mailto:"), but not a host's port ("www.x.fi:8080").
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.IGNORECASE)


def card_data(hit: ProviderHit) -> Dict[str, Any]:
    """The card's values that are data, not sentences (JSON-ready: the action sends them)."""
    return {
        "id": hit.id,
        "name": hit.name,
        "is_sample": hit.is_sample,
        "forms": list(hit.forms),
        "languages": list(hit.languages),
        "address": hit.street_address,
        "postal_code": hit.postal_code,
        "post_office": hit.post_office,
        "municipality": hit.municipality_name,
        "map_url": map_url(hit),
        "distance_km": hit.distance_km,
        "open_now": hit.open_now if hit.hours_known else None,
        "closes_at": _iso(hit.closes_at),
        "next_opening": _iso(hit.next_opening),
        "phone": hit.phone,
        "tel": None if hit.is_sample else tel_href(hit.phone),
        "web_url": web_url(hit.web),
        "accessibility": _notes(hit.accessibility),
    }


def provider_card(say: Say, values: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """The card of a provider message's values (see speech.py); None without card data.

    Every sentence on it is the text of the same line the plain text says.
    """
    data = values.get("card")
    if not isinstance(data, Mapping):
        return None
    provider = dict(data)
    provider["kinds_of_help"] = form_labels(say, data.get("forms") or ())
    provider["languages_text"] = first_line_text(say, values, "languages")
    provider["distance_text"] = first_line_text(say, values, "distance")
    provider["hours_text"] = first_line_text(say, values, "hours")
    provider["notes"] = [line_text(say, line) for line in lines_of_kind(values, "note")]
    return {"type": CARD_TYPE, "version": CARD_VERSION, "provider": provider}


def map_url(hit: ProviderHit) -> Optional[str]:
    """A map of the place: its own point if known, else a search for its street address.

    A point that is only the municipality's centre would show the wrong place, so it is not
    used; a place without a street address and an exact point (a phone line) gets no map.
    """
    if hit.latitude is not None and hit.longitude is not None and not hit.coordinates_approximate:
        lat, lon = f"{hit.latitude:.6f}", f"{hit.longitude:.6f}"
        return f"{OSM}/?mlat={lat}&mlon={lon}#map={MAP_ZOOM}/{lat}/{lon}"
    if hit.street_address:
        town = " ".join(part for part in (hit.postal_code, hit.post_office) if part)
        address = ", ".join(part for part in (hit.street_address, town) if part)
        return f"{OSM}/search?query={quote(address, safe='')}"
    return None


def tel_href(phone: Optional[str]) -> Optional[str]:
    """``tel:+358...`` for a Finnish or international number, ``tel:116117`` for a short one.

    None when the value is not just a number (words, letters) or when its digits after the
    country code are all zeros, the shape of the sample data's placeholder numbers.
    """
    if not phone:
        return None
    number = _BRACKETED.sub(" ", phone).strip()
    if not number or not _DIALABLE.match(number):
        return None
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    elif digits.startswith("0"):
        international = FINLAND_CODE + digits[1:]
    elif _SHORT_NUMBER.match(digits):
        return f"tel:{digits}"
    else:
        return None
    if international.startswith(FINLAND_CODE + "0"):  # "+358 (0)9 ...": the trunk zero goes
        international = FINLAND_CODE + international[len(FINLAND_CODE) + 1 :]
    national = international[len(FINLAND_CODE) :] if international.startswith(FINLAND_CODE) else ""
    if len(international) not in _E164_DIGITS or (national and not national.strip("0")):
        return None
    return f"tel:+{international}"


def web_url(value: Optional[str]) -> Optional[str]:
    """The web address as a link target: http(s) only, "www.x.fi" made https."""
    if not value:
        return None
    address = value.strip()
    if not re.match(r"^https?://", address, re.IGNORECASE):
        if _SCHEME.match(address):  # javascript:, mailto:, ftp://: not a web page
            return None
        address = f"https://{address}"
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in address:
        return None
    return address


def _notes(text: Optional[str]) -> List[str]:
    """The directory keeps accessibility sentences one per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _iso(moment: Optional[datetime]) -> Optional[str]:
    return moment.isoformat() if moment is not None else None
