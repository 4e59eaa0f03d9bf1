"""Words of a message with what the dialogue rules need to know of each: base forms and tense.

The rules that read whole messages (urgency, the form of help, answers to the question just
asked, permission questions, farewells) all ask the same things of a word: is it one of these
base forms, is it a verb in the past, is it negated. Voikko gives every reading of a word
("annoin" is a name, a noun and "antaa" in the past), so a word carries the set of its bases and
counts as past when any verb reading is past; chat forms Voikko does not know ("antanu",
"hävis") fall back on the colloquial normaliser's base form and their ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, Iterable, List, Sequence

from bot.language import get_analyzer

# Negation words; "et" is left out: in chat it is far more often "että" than "you do not".
NEGATIONS = frozenset({"ei", "en", "eikä", "enkä", "emme", "eivät", "ette", "eiks", "eihän"})
# Colloquial past participles and past forms Voikko leaves unanalysed ("antanu", "laittanu",
# "hävis", "lähti").
_COLLOQUIAL_PAST = re.compile(r"(nu|ny|nnu|nny|llu|lly|ttu|tty|is|si)$")
# ...but "-is" is also the spoken conditional ("antais", "olis", "vois", "menis"): not past.
_COLLOQUIAL_CONDITIONAL = re.compile(r"(ais|äis|ois|öis|nis|lis|sis|tis|ris|eis)$")
_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Word:
    surface: str
    bases: FrozenSet[str]
    past: bool  # a verb in the past tense or a past participle in some reading
    verb: bool

    def is_(self, vocabulary: Iterable[str]) -> bool:
        vocabulary = vocabulary if isinstance(vocabulary, (set, frozenset)) else set(vocabulary)
        return self.surface in vocabulary or bool(self.bases & vocabulary)

    def starts_with(self, prefixes: Sequence[str]) -> bool:
        return any(
            form.startswith(prefix) for form in (self.surface, *self.bases) for prefix in prefixes
        )


@lru_cache(maxsize=20000)
def analyse_word(surface: str) -> Word:
    analyzer = get_analyzer()
    analyses = analyzer.analyses(surface)
    bases = {str(a.get("BASEFORM") or "").lower() for a in analyses if a.get("BASEFORM")}
    bases.add(analyzer.base_form(surface, correct_spelling=True).lower())
    bases.update(part.lower() for part in analyzer.compound_parts(surface))
    verbs = [a for a in analyses if a.get("CLASS") == "teonsana" or a.get("PARTICIPLE")]
    past = any(
        a.get("TENSE") == "past_imperfective"
        or a.get("PARTICIPLE") in ("past_active", "past_passive")
        for a in verbs
    )
    if not analyses and _COLLOQUIAL_PAST.search(surface):
        past = not _COLLOQUIAL_CONDITIONAL.search(surface)
    return Word(surface, frozenset(b for b in bases if b), past, bool(verbs) or past)


def words_of(text: str) -> List[Word]:
    return [analyse_word(match.group().lower()) for match in _WORD.finditer(text)]


def negated(words: Sequence[Word], index: int, window: int = 3) -> bool:
    """Whether a negation word stands among the `window` words before `index`."""
    return any(word.surface in NEGATIONS for word in words[max(0, index - window) : index])


def sentences(text: str) -> List[str]:
    """The text cut at sentence ends; the dot in "suomi.fi" or "klo 9.30" is not one."""
    return [part for part in re.split(r"[.!?]+(?=\s|$)|\n+", text) if part.strip()]


def clauses(text: str) -> List[str]:
    """The text cut at sentence punctuation and "mutta"/"vaan", for rules that stay in a clause."""
    return [part for part in re.split(r"[.!?;\n]+|\b(?:mutta|mut|vaan)\b", text.lower()) if part]
