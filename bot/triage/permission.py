"""A question about what someone may do: answered with the rule, never acknowledged.

"saanko mä käyttää isän pankkitunnuksia, hän antaa luvan" reads to the classifier much like a
request for help with bank codes, but the person asked a yes/no question, and a relative who
hears "Hyvä." takes it as a yes. The question words of permission and obligation in Finnish
are few ("saanko", "voiko", "pitääkö", "korjaatteko"), so they are matched as words; what the
question is about is the limits catalogue's business (bot.limits.match_question).
"""

from __future__ import annotations

import re

# Interrogative forms of "saada" (may), "voida" (can, of permission), "pitää"/"täytyä"/"kuulua"
# (must), and the "-ko" questions people put to the helpers themselves. Not "voisiko" or
# "voisitko" or "saisinko": those are polite requests ("voisiko joku auttaa", "saisinko apua").
PERMISSION_WORDS = frozenset(
    {
        "saanko",
        "saako",
        "saakos",
        "saaks",
        "saammeko",
        "saatteko",
        "saavatko",
        "voiko",
        "voinko",
        "voiks",
        "voikos",
        "voivatko",
        "voitteko",
        "voimmeko",
        "pitääkö",
        "pitäiskö",
        "täytyykö",
        "kuuluuko",
        "onko",
        "korjaatteko",
        "korjaako",
        "asennatteko",
        "asentaako",
        "päivitättekö",
        "kirjaudutteko",
        "täytättekö",
        "hoidatteko",
        "teettekö",
    }
)
# "onko" asks permission only with these ("onko lupa", "onko ok", "onko sallittua").
ONKO_PERMISSION = re.compile(r"\bonko\s+(?:se\s+)?(?:lupa|ok|okei|sallittua|laillista|luvallista)")
_WORD = re.compile(r"\w+")


def is_permission_question(text: str) -> bool:
    lowered = text.lower()
    words = set(_WORD.findall(lowered))
    if "onko" in words and not (words - {"onko"}) & (PERMISSION_WORDS - {"onko"}):
        return ONKO_PERMISSION.search(lowered) is not None
    return bool(words & PERMISSION_WORDS)
