"""Reading a message first as the answer to the question the assistant just asked.

After "Kuinka paljon apua tarvitset?" the person writes "2", "taso 2", "vähän apua" or "en oo
ikinä käyttäny"; after "Missä kunnassa asut?" they write "tampre". Out of context these are
hard (a bare "2" is nothing), in context they are easy, and a passing word in such an answer
("osaan kyl käyttää puhelinta") must not be read as a new problem. The step being answered is
kept in the `awaiting` slot by action_triage_next.

In a Swedish or English conversation (`language` "sv" or "en") the answers are read with that
language's cues first (bot/triage/cues_sv.py, cues_en.py: "nivå 2", "never used it", "en
länk räcker"), then as Finnish, so "2" and "taso 2" still count.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any, Callable, List, Optional, Sequence

from bot.triage import foreign
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


def _foreign_reading_first(
    text: str,
    language: Optional[str],
    foreign_reading: Callable[[str, Any], Optional[str]],
    finnish_reading: Callable[[str], Optional[str]],
) -> Optional[str]:
    """The Swedish or English reading of a level, else the Finnish one ("2", "taso 2" and a
    Finnish sentence count in every conversation)."""
    table = foreign.cues(language)
    if table is not None:
        found = foreign_reading(text, table)
        if found:
            return found
    return finnish_reading(text)


def explicit_level(text: str, language: Optional[str] = "fi") -> Optional[str]:
    """A level named by its number ("taso 2", "tasolla kolme"): clear in any context.

    In Swedish and English also "nivå 2", "level two"."""
    found = _finnish_explicit_level(text)
    table = foreign.cues(language)
    if found or table is None:
        return found
    return _f_explicit_level(text, table)


def _finnish_explicit_level(text: str) -> Optional[str]:
    number = _TASO_NUMBER.search(text)
    if number:
        return NEED_LEVELS[int(number.group(1)) - 1]
    named = _TASO_WORD.search(text)
    if named and named.group(1).lower() in _NUMBER_WORDS:
        return NEED_LEVELS[_NUMBER_WORDS[named.group(1).lower()] - 1]
    return None


def need_level_answer(text: str, language: Optional[str] = "fi") -> Optional[str]:
    """The need level an answer states, or None when it does not state one.

    `language`: the conversation's language (None is Finnish)."""
    return _foreign_reading_first(text, language, _f_need_level_answer, _finnish_need_level_answer)


def _finnish_need_level_answer(text: str) -> Optional[str]:
    number = _LEVEL_NUMBER.match(text)
    if number:
        return NEED_LEVELS[int(number.group(1)) - 1]
    named = _finnish_explicit_level(text)
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


def story_level(text: str, language: Optional[str] = "fi") -> Optional[str]:
    """AUTA's own two phrasings, read from a whole story when nothing else stated a level:
    "käyttää X mutta tarvitsee apua / ei löydä" is level 2 (uses, needs support), "ei käytä
    lainkaan" / "ei ole koskaan käyttänyt" is level 3 (does not use, needs support).

    In Swedish and English: "uses X but needs help", "har aldrig använt"."""
    return _foreign_reading_first(text, language, _f_story_level, _finnish_story_level)


def _finnish_story_level(text: str) -> Optional[str]:
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


def says_cannot(text: str, language: Optional[str] = "fi") -> bool:
    """ "en osaa käyttää…", "äiti ei ite pääse sinne eikä opi", "en ymmärrä mitään": a
    negated ability, which no "a link is enough" (level 1) reading can stand beside.

    In Swedish and English: "kan inte", "förstår inte", "cant use", "doesnt understand"."""
    table = foreign.cues(language)
    if table is not None and _f_says_cannot(foreign.tokens(text), table):
        return True
    words = words_of(text)
    return any(
        word.is_(ABILITY_VERBS) and negated(words, index, window=3)
        for index, word in enumerate(words)
    )


# ------------------------------------------------------------------ Swedish and English
# The same readings on the cue tables of bot/triage/cues_sv.py and cues_en.py.

LIGHT = "light_support"
DEMANDING = "demanding_support"
NON_DIGITAL = "non_digital"
SELF_SERVICE = "self_service"


def _f_level(number: int) -> str:
    return NEED_LEVELS[number - 1]


def _f_explicit_level(text: str, table: ModuleType) -> Optional[str]:
    """ "nivå 2", "nivå två", "level three"."""
    named = re.search(table.EXPLICIT_LEVEL, text.lower())
    if named and named.group(1) in table.NUMBER_WORDS:
        return _f_level(table.NUMBER_WORDS[named.group(1)])
    return None


def _f_number_answer(words: Sequence[str], table: ModuleType) -> Optional[str]:
    """A number said alone, with filler words: "två", "the second one", "3 i think"."""
    if not words or len(words) > 6:
        return None
    numbers = [word for word in words if word in table.NUMBER_WORDS]
    others = [w for w in words if w not in table.NUMBER_WORDS and w not in table.NUMBER_FILLERS]
    if others or not numbers:
        return None
    # "one" and "en" are also words ("the second one"): they count when nothing else does.
    levels = {table.NUMBER_WORDS[w] for w in numbers if w not in ("one", "en")} or {
        table.NUMBER_WORDS[w] for w in numbers
    }
    return _f_level(levels.pop()) if len(levels) == 1 else None


def _f_need_level_answer(text: str, table: ModuleType) -> Optional[str]:
    named = _f_explicit_level(text, table)
    if named:
        return named
    words = foreign.tokens(text)
    number = _f_number_answer(words, table)
    if number:
        return number
    if len(words) > 25:
        return None  # a story, not an answer: the classifier reads it
    if _f_non_digital(words, table):
        return NON_DIGITAL
    much = foreign.positions(words, table.MUCH)
    not_at_all = set(foreign.positions(words, table.NOT_AT_ALL))
    # "i dont need much help" is little help; "i dont know it at all" is none at all.
    if any(foreign.negated_by(words, i, table) and i not in not_at_all for i in much):
        return LIGHT
    if foreign.has(words, table.NEVER) or _f_negated_use(words, table) or much:
        return DEMANDING
    if foreign.has(words, table.LITTLE) or _f_uses_but_needs_help(words, table):
        return LIGHT
    enough = [
        i
        for i in foreign.positions(words, table.ENOUGH)
        if not foreign.negated_by(words, i, table, 2)
    ]
    if foreign.has(words, table.SELF_WORDS) and enough:
        return SELF_SERVICE
    if _f_knows_alone(words, table):
        return SELF_SERVICE  # "i can do it myself", "ja klarar mig själv om ja får en länk"
    if _f_uses(words, table):
        return LIGHT  # AUTA level 2 is "I use, and I need support"
    return None


def _f_non_digital(words: Sequence[str], table: ModuleType) -> bool:
    """Level 4: a condition, failing sight, no device, only a basic phone, "unable"."""
    return (
        foreign.has(words, table.CONDITIONS)
        or foreign.has(words, table.SIGHT)
        or foreign.has(words, table.CANNOT)
        or _f_lacks_device(words, table)
        or _f_only_a_basic_phone(words, table)
    )


def _f_lacks_device(words: Sequence[str], table: ModuleType) -> bool:
    """ "has no computer", "ingen dator", "without internet"; not "has never used a computer"."""
    devices = foreign.spans(words, table.DEVICES)
    for _start, end in foreign.spans(words, table.LACKING):
        for device, _device_end in devices:
            between = words[end:device]
            if 0 <= device - end <= 2 and not any(
                foreign.is_word(word, table.NOT_POSSESSION) for word in between
            ):
                return True
    return False


def _f_only_a_basic_phone(words: Sequence[str], table: ModuleType) -> bool:
    """ "only has an old nokia", "bara en knapptelefon"."""
    return any(
        any(word in table.ONLY for word in words[max(0, i - 4) : i])
        for i in foreign.positions(words, table.BASIC_PHONES)
    )


def _f_negated_use(words: Sequence[str], table: ModuleType) -> bool:
    """ "i dont use it", "jag kan inte"; not "kan inte öppna det" (a thing that fails)."""
    for start, end in foreign.spans(words, table.USE):
        following = [word for word in words[end : end + 3] if word not in table.NEGATIONS]
        failing = bool(following) and foreign.is_word(following[0], table.ABILITY_EXCEPT)
        if foreign.negated_by(words, start, table) and not failing:
            return True
    return False


def _f_knows_alone(words: Sequence[str], table: ModuleType) -> bool:
    return any(
        not foreign.negated_by(words, i, table) for i in foreign.positions(words, table.KNOWS_ALONE)
    )


def _f_uses(words: Sequence[str], table: ModuleType) -> bool:
    """Uses it already ("i use it every day", "jag använder nätbanken"); a word of skill
    ("i can use my phone") speaks of skill, not of this service."""
    if foreign.has(words, table.SKILL):
        return False
    return any(
        not foreign.negated_by(words, i, table) for i in foreign.positions(words, table.USING)
    )


def _f_uses_but_needs_help(words: Sequence[str], table: ModuleType) -> bool:
    return _f_uses(words, table) and foreign.has(words, table.HELP)


def _f_story_level(text: str, table: ModuleType) -> Optional[str]:
    """ "uses X but needs help / cannot find" and "it stopped working" are level 2, "has never
    used" level 3."""
    words = foreign.tokens(text)
    but = next((i for i, word in enumerate(words) if word in table.BUT), None)
    head = words[:but] if but is not None else words
    tail = words[but + 1 :] if but is not None else []
    never = foreign.has(head, table.NEVER) or foreign.has(head, table.NOT_AT_ALL)
    if _f_negated_use(head, table) and never:
        return DEMANDING
    if but is not None and _f_uses(head, table):
        trouble = any(word in table.NEGATIONS for word in tail)
        if trouble or foreign.has(tail, table.HELP):
            return LIGHT
    # "stopped working, now i cant do anything" still worked before: only "never" says otherwise.
    if not foreign.has(words, table.NEVER) and (
        foreign.has(words, table.WORKED_BEFORE) or foreign.has(words, table.EVERYDAY_USE)
    ):
        # "mobilcertifikatet slutade funka", "she uses the laptop daily for email": they use
        # digital services and this one thing needs a hand.
        return LIGHT
    return None


def _f_says_cannot(words: Sequence[str], table: ModuleType) -> bool:
    """ "cant use", "doesnt understand", "kan inte", "förstår inte", "kommer inte in"."""
    if foreign.has(words, table.NEGATED_ABILITY):
        return True
    for start, end in foreign.spans(words, table.ABILITY):
        if not foreign.negated_by(words, start, table):
            continue
        following = [word for word in words[end : end + 3] if word not in table.NEGATIONS]
        if not (following and foreign.is_word(following[0], table.ABILITY_EXCEPT)):
            return True
    return False
