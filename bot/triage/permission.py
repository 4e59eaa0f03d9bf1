"""A question about what someone may do: answered with the rule, never acknowledged.

"saanko mä käyttää isän pankkitunnuksia, hän antaa luvan" reads to the classifier much like a
request for help with bank codes, but the person asked a yes/no question, and a relative who
hears "Hyvä." takes it as a yes. The question words of permission and obligation in Finnish
are few ("saanko", "voiko", "pitääkö", "korjaatteko"), so they are matched as words; what the
question is about is the limits catalogue's business (bot.limits.match_question).

In a Swedish or English conversation (`language` "sv" or "en") the same questions are read
from that language's cues (bot/triage/cues_sv.py, cues_en.py): "får jag använda mammas
bankkoder", "can the helper log in for me", "is it ok if my daughter pays my bills"; a polite
request ("kan du hjälpa mig", "could you help me") stays a request unless the helper is its
subject or it asks the helper to act on someone's behalf.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.triage import foreign

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


def is_permission_question(text: str, language: Optional[str] = "fi") -> bool:
    """Whether `text` asks what someone may or must do; `language` the conversation's (None
    is Finnish)."""
    found = _finnish_permission_question(text)
    table = foreign.cues(language)
    if found or table is None:
        return found
    words = foreign.tokens(text)
    if any(
        not (start and words[start - 1] in table.PERMISSION_NOT_AFTER)
        for start, _end in foreign.spans(words, table.PERMISSION)
    ):
        return True  # not "how can i log in", "hur ska jag göra"
    if any(
        sentence_words[:1] and sentence_words[0] in table.PERMISSION_START
        for sentence_words in map(foreign.tokens, foreign.sentences(text))
    ):
        return True
    polite = foreign.spans(words, table.POLITE)
    helper_asked = any(
        any(foreign.is_word(word, table.HELPERS) for word in words[end : end + 2])
        or foreign.has(words[end : end + 3], table.HELPERS)
        for _start, end in polite
    )
    return helper_asked or (bool(polite) and foreign.has(words, table.ON_BEHALF))


def _finnish_permission_question(text: str) -> bool:
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
