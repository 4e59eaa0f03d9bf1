"""Brand and service names that Voikko does not know (or analyses unhelpfully).

WHY: these words carry the topic of most digital-support questions ("Suomi.fi-viesteihin",
"whatsappia", "BankID:llä"), so they must reduce to one stable base form whatever the case ending
or capitalisation. Voikko either does not know them ("suomifi", "BankID") or keeps a
capitalised brand spelling ("WhatsApp"), which would split one feature into several.

Values are lower-case canonical bases; keys are lower-case stems as people type them.
"""

from __future__ import annotations

import re
from typing import Dict, Optional

SPECIAL_BASES: Dict[str, str] = {
    "suomi.fi": "suomi.fi",
    "suomifi": "suomi.fi",
    "suomi-fi": "suomi.fi",
    "omakanta": "omakanta",
    "omakannan": "omakanta",
    "omakantaan": "omakanta",
    "omakannassa": "omakanta",
    "omakannasta": "omakanta",
    "omavero": "omavero",
    "kela": "kela",
    "whatsapp": "whatsapp",
    "whatsup": "whatsapp",
    "watsapp": "whatsapp",
    "bankid": "bankid",
    "mobiilivarmenne": "mobiilivarmenne",
    "facebook": "facebook",
    "messenger": "messenger",
    "teams": "teams",
    "zoom": "zoom",
    "gmail": "gmail",
    "google": "google",
    "youtube": "youtube",
    "instagram": "instagram",
    "android": "android",
    "iphone": "iphone",
    "ipad": "ipad",
    "kanta.fi": "omakanta",
    "vero.fi": "omavero",
}

# Case endings written directly or after a colon ("BankID:llä") and after the linking vowel
# "i" that Finnish adds to consonant-final loan words ("whatsappia", "teamsissa").
_ENDING = re.compile(
    r":?i?(n|a|ä|[aeiouyäö]n|hin|h[aä]n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|na|nä|ta|tä|ja|jä)?"
)
_STEMS_LONGEST_FIRST = sorted(SPECIAL_BASES, key=len, reverse=True)


def special_base(word: str) -> Optional[str]:
    """Canonical base of a brand/service word in any case form, or ``None``.

    ``word`` must already be lower case. The stem must be followed by nothing but a case ending,
    so "kelasta" -> "kela" but "kelaaja" is left to Voikko.
    """
    if word in SPECIAL_BASES:
        return SPECIAL_BASES[word]
    for stem in _STEMS_LONGEST_FIRST:
        if word.startswith(stem) and _ENDING.fullmatch(word[len(stem) :]):
            return SPECIAL_BASES[stem]
    return None
