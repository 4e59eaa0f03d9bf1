"""Reading a message first as the answer to the question the assistant just asked.

After "Kuinka paljon apua tarvitset?" the person writes "2", "taso 2", "vähän apua" or "en oo
ikinä käyttäny"; after "Missä kunnassa asut?" they write "tampre". Out of context these are
hard (a bare "2" is nothing), in context they are easy, and a passing word in such an answer
("osaan kyl käyttää puhelinta") must not be read as a new problem. The step being answered is
kept in the `awaiting` slot by action_triage_next.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.triage.cues import non_digital_cue
from bot.triage.labels import NEED_LEVELS
from bot.triage.words import NEGATIONS as NEGATION_WORDS
from bot.triage.words import Word, negated, words_of

AWAIT_TOPIC = "topic"
AWAIT_NEED_LEVEL = "need_level"
AWAIT_PLACE = "place"

_NUMBER_WORDS = {
    "ykkönen": 1,
    "yks": 1,
    "yksi": 1,
    "ensimmäinen": 1,
    "kakkonen": 2,
    "kaks": 2,
    "kaksi": 2,
    "toinen": 2,
    "kolmonen": 3,
    "kolme": 3,
    "kolmas": 3,
    "nelonen": 4,
    "neljä": 4,
    "neljäs": 4,
}
_LEVEL_NUMBER = re.compile(r"^\s*(?:taso(?:lla|lle|ssa)?\s*|level\s*)?([1-4])\s*[.!)]*\s*$", re.I)
_TASO_NUMBER = re.compile(r"\btaso(?:lla|lle|ssa|a)?\s*([1-4])\b", re.I)
_TASO_WORD = re.compile(r"\btaso(?:lla|lle|ssa|a)?\s+(\w+)", re.I)

# Everyday phrasings of each level, on base forms, checked in this order (most specific first).
SELF_SERVICE_WORDS = frozenset({"ohje", "linkki", "ohjeet", "itse", "osoite"})
ENOUGH = frozenset({"riittää", "riittävä", "kelpaa"})
LITTLE = frozenset({"vähän", "vähä", "hieman", "hiukan", "pikkasen", "pikkuisen", "vähäsen"})
MUCH = frozenset({"paljon", "kunnolla", "alusta", "alkeet", "kädestä", "yhtään", "ollenkaan"})
NOT_AT_ALL = frozenset({"yhtään", "ollenkaan", "lainkaan"})
NEVER = frozenset({"koskaan", "ikinä", "ikään"})
USE = frozenset({"käyttää", "käyttänyt", "käytetty", "osata", "osannut"})
USING = frozenset({"käyttää", "käytellä"})
ABLE = frozenset({"pystyä", "kyetä", "voida"})
HELP = frozenset({"apu", "tuki", "neuvo", "opastus", "neuvoa", "opastaa", "auttaa"})


def explicit_level(text: str) -> Optional[str]:
    """A level named by its number ("taso 2", "tasolla kolme"): clear in any context."""
    number = _TASO_NUMBER.search(text)
    if number:
        return NEED_LEVELS[int(number.group(1)) - 1]
    named = _TASO_WORD.search(text)
    if named and named.group(1).lower() in _NUMBER_WORDS:
        return NEED_LEVELS[_NUMBER_WORDS[named.group(1).lower()] - 1]
    return None


def need_level_answer(text: str) -> Optional[str]:
    """The need level an answer states, or None when it does not state one."""
    number = _LEVEL_NUMBER.match(text)
    if number:
        return NEED_LEVELS[int(number.group(1)) - 1]
    named = explicit_level(text)
    if named:
        return named
    words = words_of(text)
    if len(words) == 1 and words[0].surface in _NUMBER_WORDS:
        return NEED_LEVELS[_NUMBER_WORDS[words[0].surface] - 1]
    if len(words) > 25:
        return None  # a story, not an answer: the classifier reads it
    if _cannot(words) or non_digital_cue([(w.surface, min(w.bases or {w.surface})) for w in words]):
        return "non_digital"
    much = [i for i, w in enumerate(words) if w.is_(MUCH)]
    # "en tarvii paljon apua" is little help; "en osaa yhtään" is none at all.
    if any(negated(words, i, 3) and not words[i].is_(NOT_AT_ALL) for i in much):
        return "light_support"  # "en tarvii paljon apua"
    if any(w.is_(NEVER) for w in words) or _negated_use(words) or much:
        return "demanding_support"
    if any(w.is_(LITTLE) for w in words) or _uses_but_needs_help(words):
        return "light_support"
    enough = [i for i, w in enumerate(words) if w.is_(ENOUGH) and not negated(words, i, 2)]
    if any(w.is_(SELF_SERVICE_WORDS) for w in words) and enough:
        return "self_service"
    if _knows_alone(words):
        return "self_service"  # "osaan itse", "minä osaa itse kun joku kertoo mistä alkaa"
    if _uses(words):
        return "light_support"  # AUTA level 2 is "käytän ja tarvitsen tukea"
    return None


def _cannot(words: List[Word]) -> bool:
    """ "ei pysty", spoken "eikä pystyis enää"."""
    able = [
        i for i, w in enumerate(words) if w.is_(ABLE) or w.surface.startswith(("pysty", "kyke"))
    ]
    return any(negated(words, i, 2) for i in able)


def _negated_use(words: List[Word]) -> bool:
    return any(w.is_(USE) and negated(words, i, 3) for i, w in enumerate(words))


def _knows_alone(words: List[Word]) -> bool:
    knows = [i for i, w in enumerate(words) if w.is_({"osata"}) and not negated(words, i, 3)]
    return any(any(w.surface == "itse" for w in words[i + 1 : i + 3]) for i in knows)


def _uses(words: List[Word]) -> bool:
    """ "kyl se verkkopankkia käyttää joka päivä": uses it already (not "osata": knowing how
    is level 1 when said alone, and "en osaa" is no use at all)."""
    if any(w.is_({"osata"}) for w in words):
        return False  # "osaan kyl käyttää puhelinta" speaks of skill, not of this service
    return any(w.is_(USING) and not negated(words, i, 3) for i, w in enumerate(words))


def _uses_but_needs_help(words: List[Word]) -> bool:
    """ "käytän mut tarviin apua": uses the service already, and asks for help with it."""
    return _uses(words) and any(w.is_(HELP) for w in words)


_BUT = re.compile(r"\b(?:mutta|mut|vaan|kuitenkin)\b")


def story_level(text: str) -> Optional[str]:
    """AUTA's own two phrasings, read from a whole story when nothing else stated a level:
    "käyttää X mutta tarvitsee apua / ei löydä" is level 2 (uses, needs support), "ei käytä
    lainkaan" / "ei ole koskaan käyttänyt" is level 3 (does not use, needs support)."""
    lowered = text.lower()
    but = _BUT.search(lowered)
    head = lowered[: but.start()] if but else lowered
    tail = lowered[but.end() :] if but else ""
    head_words = words_of(head)
    if _negated_use(head_words) and any(w.is_(NEVER | NOT_AT_ALL) for w in head_words):
        return "demanding_support"
    if but and _uses(head_words):
        tail_words = words_of(tail)
        trouble = any(w.surface in NEGATION_WORDS for w in tail_words)
        if trouble or any(w.is_(HELP) for w in tail_words):
            return "light_support"
    return None


# Verbs of being able to get in, use or learn: negated, they say the person cannot do it alone.
ABILITY_VERBS = frozenset(
    {"osata", "päästä", "oppia", "pystyä", "kyetä", "ymmärtää", "onnistua", "jaksaa"}
)


def says_cannot(text: str) -> bool:
    """ "en osaa käyttää…", "äiti ei ite pääse sinne eikä opi", "en ymmärrä mitään": a
    negated ability, which no "a link is enough" (level 1) reading can stand beside."""
    words = words_of(text)
    return any(
        word.is_(ABILITY_VERBS) and negated(words, index, window=3)
        for index, word in enumerate(words)
    )
