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
ONKO_PERMISSION = re.compile(
    r"\bonk(?:o|s|s?han)\s+(?:se\s+|tää\s+|tämä\s+)?(?:lupa|ok|okei|sallittua|laillista|"
    r"luvallista|oikein|sallittu)"
)
# Polite forms ask what the helper may do when the helper is their subject: "voisko digituki
# selvittää mihin rahat meni" is a question about limits, "voisko joku auttaa" a request.
POLITE_WORDS = frozenset({"voisko", "voisiko", "voisivatko", "voisitteko", "saisiko", "saisko"})
HELPERS = re.compile(
    r"^(?:digitu\w*|tukihenkilö\w*|digitukihenkilö\w*|neuvoja\w*|opastaja\w*|kirjasto\w*|"
    r"työntekijä\w*|virkailija\w*|te|teillä|avustaja\w*|vapaaehtoi\w*)$"
)
# A polite request that someone act on the person's behalf asks what the helper may do, even
# when "joku" is its subject: "voisko joku siellä vaan tehdä sen mun puolesta".
ON_BEHALF = re.compile(r"\b(?:mun|minun|meidän|sen|hänen|äidin|isän)\s+puolesta\b")
_WORD = re.compile(r"\w+")


def is_permission_question(text: str) -> bool:
    lowered = text.lower()
    sequence = _WORD.findall(lowered)
    words = set(sequence)
    if ONKO_PERMISSION.search(lowered):
        return True
    for index, word in enumerate(sequence):
        if word in POLITE_WORDS and any(HELPERS.match(w) for w in sequence[index + 1 : index + 3]):
            return True
    if words & POLITE_WORDS and ON_BEHALF.search(lowered):
        return True
    return bool(words & (PERMISSION_WORDS - {"onko"}))
