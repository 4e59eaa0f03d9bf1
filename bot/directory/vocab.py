"""Closed vocabularies of the provider directory and their storage encodings.

Forms and need levels are stored as bit masks on `support_offer` rows so that one indexed row per
(provider, topic) answers "does this provider serve level X with form Y" without a join per
value. The bit of each value is fixed here by name (not by list position) so that reordering a
tuple elsewhere can never silently change what stored rows mean.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Tuple

from bot.auta import FORMS
from bot.language.detect import ENGLISH, FINNISH, LANGUAGES, SWEDISH, normalise
from bot.triage.labels import NEED_LEVELS, TOPICS

__all__ = [
    "CHANNEL_TYPES",
    "ENGLISH",
    "FINNISH",
    "FORMS",
    "FORM_BITS",
    "LANGUAGES",
    "LEVEL_BITS",
    "LIMIT_DIRECTIONS",
    "LIMIT_KEYS",
    "NEED_LEVELS",
    "SOURCES",
    "SWEDISH",
    "TOPICS",
    "decode_mask",
    "encode_mask",
    "language_code",
]

CHANNEL_TYPES: Tuple[str, ...] = ("ServiceLocation", "Phone", "EChannel")

#: Where a record came from: the national catalogue, our curated YAML, or shipped sample data.
SOURCES: Tuple[str, ...] = ("ptv", "curated", "sample")


FORM_BITS: Dict[str, int] = {
    "in_person": 1,
    "remote": 2,
    "phone": 4,
    "home_visit": 8,
    "course": 16,
}

LEVEL_BITS: Dict[str, int] = {
    "self_service": 1,
    "light_support": 2,
    "demanding_support": 4,
    "non_digital": 8,
}

#: Things a provider does differently from what digital-support helpers generally do. The first
#: four are the keys of bot.limits; a topic key marks a topic the provider explicitly does not
#: (or specially does) handle.
LIMIT_KEYS: Tuple[str, ...] = (
    "act_on_behalf",
    "handle_credentials",
    "application_content",
    "device_repair",
    *TOPICS,
)
LIMIT_DIRECTIONS: Tuple[str, ...] = ("does_more", "does_less")

assert set(LEVEL_BITS) == set(NEED_LEVELS), "need levels changed in bot.triage.labels"
assert set(FORM_BITS) == set(FORMS)


def encode_mask(values: Iterable[str], bits: Mapping[str, int]) -> int:
    """OR the bits of `values`; unknown values raise KeyError so typos fail loudly."""
    mask = 0
    for value in values:
        mask |= bits[value]
    return mask


def decode_mask(mask: int, bits: Mapping[str, int]) -> List[str]:
    """The names whose bit is set, in the mapping's (canonical) order."""
    return [name for name, bit in bits.items() if mask & bit]


def language_code(value: Any) -> str:
    """The conversation's language as one of LANGUAGES (fi, sv, en); Finnish when unset or
    unknown, as the slot `language` is before the first message says otherwise."""
    return normalise(value) or FINNISH
