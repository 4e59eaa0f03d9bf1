"""Reading Swedish and English messages for the dialogue rules: words, cue phrases, negation.

The Finnish rules read Voikko base forms; Swedish and English need none of that for the few
concrete cues the rules use (a past "gave" or "skrev" beside "codes", "hembesök", "tack"), so
they are matched on lower-cased surface words with a small pattern language, and the cue tables
live in bot/triage/cues_sv.py and bot/triage/cues_en.py, one name per rule in both.

A cue is a string of parts separated by spaces, matched on consecutive words:
- ``code`` the word itself; ``code*`` any word that starts with "code";
- ``her/his/my`` any of the alternatives (each may end in ``*``);
- ``~`` up to two words of anything, ``~4`` up to four.

Words are lower-cased and apostrophes dropped ("don't" -> "dont", "i'm" -> "im"), so the
tables spell contractions without them.

The rules consult these cues only for a conversation in Swedish or English (the `language`
slot); Finnish messages are read exactly as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType
from typing import Iterable, List, Optional, Sequence, Tuple

FOREIGN_LANGUAGES = ("sv", "en")

_APOSTROPHES = str.maketrans({"'": "", "’": "", "´": "", "`": ""})
_TOKEN = re.compile(r"[^\W_]+(?:[-.:][^\W_]+)*|[€%]")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")

Part = Tuple[str, ...]  # alternatives; a gap is ("~", "<max>")


def foreign_language(language: Optional[str]) -> Optional[str]:
    """ "sv" or "en" when the conversation is in one of them; None for Finnish (and unknown)."""
    code = (language or "").strip().lower()[:2]
    return code if code in FOREIGN_LANGUAGES else None


def cues(language: Optional[str]) -> Optional[ModuleType]:
    """The cue table of a Swedish or English conversation, or None for a Finnish one."""
    code = foreign_language(language)
    if code == "sv":
        from bot.triage import cues_sv

        return cues_sv
    if code == "en":
        from bot.triage import cues_en

        return cues_en
    return None


def tokens(text: str) -> List[str]:
    """The message's words, lower-cased, apostrophes dropped; "€" and "%" count as words."""
    return _TOKEN.findall(text.lower().translate(_APOSTROPHES))


def tokens_with_offsets(text: str) -> Tuple[str, List[str], List[int]]:
    """The lower-cased text without apostrophes, its words and where each word starts in it."""
    lowered = text.lower().translate(_APOSTROPHES)
    matches = list(_TOKEN.finditer(lowered))
    return lowered, [m.group() for m in matches], [m.start() for m in matches]


def ends_with_one_of(text: str, words: Iterable[str], gap: int = 2) -> bool:
    """Whether `text` ends with one of `words` and at most `gap` words after it, with only
    spaces between: "i dont want " and "not by " refuse what follows, "no, " does not."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    if not alternatives:
        return False
    return re.search(rf"\b(?:{alternatives})\s+(?:\w+\s+){{0,{gap}}}$", text) is not None


def sentences(text: str) -> List[str]:
    """The text cut at sentence ends ("suomi.fi" keeps its dot)."""
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def clauses(text: str, splitters: Iterable[str]) -> List[List[str]]:
    """The words of each clause: cut at sentence punctuation and at the words in `splitters`
    ("but", "men"), for rules that must stay inside one clause."""
    cut = set(splitters)
    result: List[List[str]] = []
    for part in re.split(r"[.!?;\n]+", text):
        current: List[str] = []
        for word in tokens(part):
            if word in cut:
                result.append(current)
                current = []
            else:
                current.append(word)
        result.append(current)
    return [clause for clause in result if clause]


@lru_cache(maxsize=4096)
def _compile(cue: str) -> Tuple[Part, ...]:
    parts: List[Part] = []
    for part in cue.split():
        if part.startswith("~"):
            parts.append(("~", part[1:] or "2"))
        else:
            parts.append(tuple(part.split("/")))
    return tuple(parts)


def _word_matches(word: str, alternatives: Part) -> bool:
    return any(
        word.startswith(alt[:-1]) if alt.endswith("*") else word == alt for alt in alternatives
    )


def _match_at(words: Sequence[str], start: int, parts: Sequence[Part]) -> Optional[int]:
    """The end index of `parts` matched from `start`, or None."""
    if not parts:
        return start
    head, rest = parts[0], parts[1:]
    if head[0] == "~":
        for skip in range(int(head[1]) + 1):
            end = _match_at(words, start + skip, rest) if start + skip <= len(words) else None
            if end is not None:
                return end
        return None
    if start < len(words) and _word_matches(words[start], head):
        return _match_at(words, start + 1, rest)
    return None


def spans(words: Sequence[str], cue_list: Iterable[str]) -> List[Tuple[int, int]]:
    """(start, end) of every match of any cue in `cue_list`, in text order."""
    found = set()
    for cue in cue_list:
        parts = _compile(cue)
        for start in range(len(words)):
            end = _match_at(words, start, parts)
            if end is not None and end > start:
                found.add((start, end))
    return sorted(found)


def positions(words: Sequence[str], cue_list: Iterable[str]) -> List[int]:
    """Start index of every match of any cue in `cue_list`."""
    return sorted({start for start, _end in spans(words, cue_list)})


def has(words: Sequence[str], cue_list: Iterable[str]) -> bool:
    return bool(spans(words, cue_list))


def is_word(word: str, cue_list: Iterable[str]) -> bool:
    """Whether the single word matches one of the one-word cues in `cue_list`."""
    return any(_word_matches(word, _compile(cue)[0]) for cue in cue_list if " " not in cue)


def found_in(text: str, cue_list: Iterable[str]) -> bool:
    return has(tokens(text), cue_list)


def negated(
    words: Sequence[str],
    index: int,
    negations: Iterable[str],
    before: int = 3,
    after: int = 0,
    stops: Iterable[str] = (),
) -> bool:
    """A negation among the `before` words before `index` (scanning back no further than a word
    of `stops`, "and", "och") or among the `after` words after it (Swedish puts "inte" after the
    verb: "jag använder inte")."""
    negation_words = set(negations)
    stop_words = set(stops)
    for word in reversed(words[max(0, index - before) : index]):
        if word in stop_words:
            break
        if word in negation_words:
            return True
    return any(word in negation_words for word in words[index + 1 : index + 1 + after])


def negated_by(words: Sequence[str], index: int, table: ModuleType, before: int = 3) -> bool:
    """A negation of the word at `index` in the language of `table`: `before` words back (not
    past "and"), the language's few words after, and an interjection ("no, i gave them") only
    when no subject follows it."""
    negations = set(table.NEGATIONS) - set(table.INTERJECTIONS)
    if negated(words, index, negations, before, table.NEGATION_AFTER, table.CLAUSE_STOPS):
        return True
    start = max(0, index - before)
    return any(
        word in table.INTERJECTIONS
        and not (position + 1 < len(words) and words[position + 1] in table.SUBJECTS)
        for position, word in enumerate(words[start:index], start)
    )


def nearest_subject(
    words: Sequence[str], index: int, subjects: Iterable[str], window: int = 6
) -> Optional[str]:
    """The subject word nearest before `index` ("i", "han", "someone"), or None."""
    subject_words = set(subjects)
    for word in reversed(words[max(0, index - window) : index]):
        if word in subject_words:
            return word
    return None


def near(first: Iterable[int], second: Iterable[int], distance: int) -> bool:
    second = list(second)
    return any(abs(a - b) <= distance for a in first for b in second)
