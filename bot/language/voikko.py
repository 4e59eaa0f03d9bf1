"""FinnishAnalyzer: the one place where Finnish words meet Voikko.

WHY a wrapper instead of calling libvoikko directly: every caller (tokenizer, municipality
search, triage) needs the same normalisation decisions — which of several analyses wins, how
colloquial chat forms and brand names are handled, when a spelling suggestion may replace a word.
Making those decisions once keeps NLU features and place look-ups consistent.

A libvoikko handle is not safe to use from several threads at once, so every call into it is
serialised with a lock; results are cached per word, so the lock is rarely contended.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import libvoikko

from bot.language.colloquial import COLLOQUIAL_FORMS, truncated_locative_candidates
from bot.language.distance import damerau_levenshtein
from bot.language.preferred_bases import PREFERRED_BASES
from bot.language.special_tokens import special_base
from bot.language.umlauts import restore_umlauts

Analysis = Mapping[str, str]

#: Voikko word classes for proper nouns. Only these keep their capital letter in base forms.
PROPER_CLASSES = frozenset({"paikannimi", "etunimi", "sukunimi", "nimi"})

#: Longer tokens are URLs, hashes or keyboard mashing: not worth a Voikko call.
MAX_WORD_LENGTH = 80
#: Spelling suggestions are only trusted for words at least this long...
MIN_SUGGEST_LENGTH = 5
#: ...and at most this many edits away from what was typed.
MAX_SUGGEST_DISTANCE = 2

_CACHE_SIZE = 50_000
# Voikko's analyser works on words; anything without a letter is returned untouched.
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Pieces of Voikko's WORDBASES attribute: "+pankki(pankki)", "+kalastel(kalastaa)(+la)", "+n".
_WORDBASE_PIECE = re.compile(r"\+([^+()]*)((?:\([^()]*\))*)")
_PARENS = re.compile(r"\(([^()]*)\)")


def normalize(word: str) -> str:
    """NFC, trimmed, without soft hyphens / zero-width characters, lower case."""
    cleaned = unicodedata.normalize("NFC", word).strip()
    cleaned = re.sub("[\u00ad\u200b\u200c\u200d\ufeff\x00]", "", cleaned)
    return cleaned.lower()


class FinnishAnalyzer:
    """Base forms, compound parts, spelling suggestions and colloquial forms for Finnish words.

    Use :func:`get_analyzer` to share one instance (opening Voikko costs ~50 ms and memory).
    """

    def __init__(self, language: str = "fi") -> None:
        self._voikko = libvoikko.Voikko(language)
        self._lock = threading.Lock()
        self._analyze_cached = lru_cache(maxsize=_CACHE_SIZE)(self._analyze_uncached)
        self._suggest_cached = lru_cache(maxsize=_CACHE_SIZE)(self._suggest_uncached)
        self._base_cached = lru_cache(maxsize=_CACHE_SIZE)(self._base_form_uncached)

    # ------------------------------------------------------------------ raw Voikko access
    def _analyze_uncached(self, word: str) -> Tuple[Tuple[Tuple[str, str], ...], ...]:
        if not word or len(word) > MAX_WORD_LENGTH or not _HAS_LETTER.search(word):
            return ()
        with self._lock:
            raw = self._voikko.analyze(word)
        return tuple(tuple(sorted(a.items())) for a in raw)

    def analyses(self, word: str) -> List[Dict[str, str]]:
        """Voikko's analyses of ``word`` exactly as typed (case matters for proper nouns).

        Returns fresh dicts so callers cannot corrupt the cache.
        """
        cleaned = unicodedata.normalize("NFC", word).strip()
        return [dict(a) for a in self._analyze_cached(cleaned)]

    def _suggest_uncached(self, word: str) -> Tuple[str, ...]:
        if len(word) > MAX_WORD_LENGTH or not _HAS_LETTER.search(word):
            return ()
        with self._lock:
            return tuple(self._voikko.suggest(word))

    # ------------------------------------------------------------------ public API
    def is_known(self, word: str) -> bool:
        """True if Voikko, the colloquial table or the brand table recognises the word."""
        norm = normalize(word)
        if not norm:
            return False
        if norm in COLLOQUIAL_FORMS or special_base(norm) is not None:
            return True
        return bool(self.analyses(word) or self._analyze_cached(norm))

    def suggest(self, word: str) -> Optional[str]:
        """A spelling correction for an unknown word, or ``None``.

        Only close suggestions are accepted (length >= 5, Damerau-Levenshtein <= 2, one word):
        Voikko happily "corrects" short colloquial words into unrelated ones ("oon" -> "on"),
        and a wrong correction hurts NLU more than an unknown word does.
        """
        norm = normalize(word)
        if len(norm) < MIN_SUGGEST_LENGTH or self.is_known(word):
            return None
        for candidate in self._suggest_cached(norm):
            if " " in candidate:
                continue
            if damerau_levenshtein(norm, candidate.lower()) <= MAX_SUGGEST_DISTANCE:
                return candidate
        return None

    def standard_form(self, word: str) -> str:
        """The standard written form of a colloquial word ("mulla" -> "minulla"), else the word.

        Applies, in order: the colloquial table, shortened spoken endings ("koneel"), and
        restored umlauts ("kayttaa" -> "käyttää"). Returns the normalised (lower-case) word when
        no rule applies.
        """
        norm = normalize(word)
        if norm in COLLOQUIAL_FORMS:
            return COLLOQUIAL_FORMS[norm]
        if norm and not self._analyze_cached(norm):
            for candidate in truncated_locative_candidates(norm):
                if self._analyze_cached(candidate):
                    return candidate
            restored = restore_umlauts(norm, lambda w: bool(self._analyze_cached(w)))
            if restored is not None:
                return self.standard_form(restored)
        return norm

    def base_form(self, word: str, correct_spelling: bool = False) -> str:
        """Base form (lemma) of ``word``.

        Common words come back in lower case; proper nouns keep their capital
        ("Hailuodossa" -> "Hailuoto", but "lahdessa" -> "lahti"). Unknown words come back
        normalised (lower case, NFC). With ``correct_spelling`` an unknown word is first
        replaced by a close Voikko suggestion ("pankkitunnkset" -> "pankkitunnus").
        """
        cleaned = unicodedata.normalize("NFC", word).strip()
        if not cleaned:
            return ""
        return self._base_cached(cleaned, correct_spelling)

    def _base_form_uncached(self, word: str, correct_spelling: bool) -> str:
        norm = normalize(word)
        if not norm or not _HAS_LETTER.search(norm):
            return norm
        special = special_base(norm)
        if special is not None:
            return special
        standard = self.standard_form(norm)
        for form in (norm, standard):
            if form in PREFERRED_BASES:
                return PREFERRED_BASES[form]
        best = self._best_for_word_or_standard_form(word)
        if best is not None:
            return _analysis_base(best)
        if "-" in norm.strip("-"):
            return self._hyphenated_base(norm, correct_spelling)
        if correct_spelling:
            suggestion = self.suggest(word)
            if suggestion is not None:
                best = self.best_analysis(suggestion)
                if best is not None:
                    return _analysis_base(best)
        return norm

    def _hyphenated_base(self, norm: str, correct_spelling: bool) -> str:
        """Base of a hyphenated word: "suomi.fi-viesteihin" -> "suomi.fi-viesti".

        Only the last part inflects, so only it goes through Voikko.
        """
        head, _, tail = norm.rstrip("-").rpartition("-")
        head_base = special_base(head) or head
        tail_base = self._noun_base(tail, correct_spelling) if tail else ""
        return f"{head_base}-{tail_base}" if tail_base else head_base

    def _hyphenated_parts(self, word: str) -> List[str]:
        """["suomi.fi", "viesti"] for "Suomi.fi-viesteihin", which Voikko does not know."""
        norm = normalize(word).strip("-")
        if "-" not in norm or not _HAS_LETTER.search(norm):
            return []
        return [part for part in self.base_form(norm).split("-") if part]

    def _noun_base(self, word: str, correct_spelling: bool) -> str:
        """Base form preferring a noun reading: the last part of a hyphenated compound is a
        noun ("Suomi.fi-viestien" is about messages, not about the verb "viestiä")."""
        nouns = [a for a in self.analyses(word) if a.get("CLASS") == "nimisana"]
        if nouns:
            return nouns[0].get("BASEFORM", "").lower()
        return self.base_form(word, correct_spelling).lower()

    def _best_for_word_or_standard_form(self, word: str) -> Optional[Dict[str, str]]:
        """Colloquial table entries win over Voikko: the table is reviewed, and Voikko reads
        some chat forms as other words ("sä" as "se")."""
        if normalize(word) in COLLOQUIAL_FORMS:
            return self.best_analysis(self.standard_form(word))
        return self.best_analysis(word) or self.best_analysis(self.standard_form(word))

    def best_analysis(self, word: str) -> Optional[Dict[str, str]]:
        """The analysis that best explains ``word`` as typed, or ``None`` if Voikko has none.

        Preference order: (1) a capitalised word prefers proper-noun analyses and a lower-case
        word prefers common-word analyses — people write place names with a capital, and "järven
        lahdessa" is about a bay, not about Lahti; (2) no possessive suffix, because "voisi"
        is far more often "could" than "your butter"; (3) fewer compound parts, because Voikko
        also offers far-fetched segmentations ("kuuluu" as moon + bone); (4) a reading where
        the word is its own base form ("sinä" is "you", not the essive of "se"); (5) Voikko's
        own order.
        """
        cleaned = unicodedata.normalize("NFC", word).strip()
        found = self.analyses(cleaned)
        if not found and cleaned != cleaned.lower():
            found = self.analyses(cleaned.lower())
        if not found:
            return None
        capitalised = cleaned[:1].isupper()

        lower = cleaned.lower()

        def rank(item: Tuple[int, Dict[str, str]]) -> Tuple[int, int, int, int, int]:
            index, analysis = item
            proper = analysis.get("CLASS") in PROPER_CLASSES
            case_penalty = 0 if proper == capitalised else 1
            not_itself = 0 if analysis.get("BASEFORM", "").lower() == lower else 1
            possessive = 1 if "POSSESSIVE" in analysis else 0
            return (case_penalty, possessive, len(wordbase_parts(analysis)), not_itself, index)

        return min(enumerate(found), key=rank)[1]

    def compound_parts(self, word: str) -> List[str]:
        """Base forms of the parts of a compound word, lower case.

        "pankkitunnuksillani" -> ["pankki", "tunnus"]; "verkkopankkia" -> ["verkko", "pankki"].
        Derivational suffixes are glued back to their stem ("käyttäjätunnus" ->
        ["käyttäjä", "tunnus"]). Empty when the word is not a compound or is unknown.
        """
        best = self._best_for_word_or_standard_form(word)
        if best is None:
            return self._hyphenated_parts(word)
        parts = wordbase_parts(best)
        return parts if len(parts) > 1 else []


def _analysis_base(analysis: Mapping[str, str]) -> str:
    base = analysis.get("BASEFORM", "")
    return base if analysis.get("CLASS") in PROPER_CLASSES else base.lower()


def wordbase_parts(analysis: Mapping[str, str]) -> List[str]:
    """Lower-case base forms of the lexemes of one analysis, from its WORDBASES attribute.

    WORDBASES lists morphemes: "+pankki(pankki)+tunnus(tunnus)" (a compound),
    "+käyttä(käyttää)+jä(+jä)+tunnus(tunnus)" (a derivation "(+jä)" inside a compound),
    "+asioi(asioida)+n+ti(+ti)" (a bare infix "n" before a derivation), "+digi+tuki(tuki)"
    (a bare prefix that is a part of its own). A derived lexeme is returned as written
    ("käyttäjä"), a plain one as its base ("Kemiö" for "kemiön"). A simple word gives one part.
    """
    pieces = _WORDBASE_PIECE.findall(analysis.get("WORDBASES", ""))
    lexemes: List[List[str]] = []  # [surface, base, derived-flag as "1"/""]
    for index, (surface, paren_text) in enumerate(pieces):
        parens = _PARENS.findall(paren_text)
        derivational = bool(parens) and all(p.startswith("+") for p in parens)
        if not parens:
            following = _PARENS.findall(pieces[index + 1][1]) if index + 1 < len(pieces) else []
            attaches = bool(following) and all(p.startswith("+") for p in following)
            if attaches and lexemes:
                lexemes[-1][0] += surface
                lexemes[-1][2] = "1"
            elif surface not in ("", "-"):
                lexemes.append([surface, surface, ""])
            continue
        if derivational and lexemes:
            lexemes[-1][0] += surface
            lexemes[-1][2] = "1"
            continue
        derived = "1" if any(p.startswith("+") for p in parens[1:]) else ""
        lexemes.append([surface, parens[0].replace("=", ""), derived])
    return [(surf if derived else base).lower() for surf, base, derived in lexemes if surf or base]


_SHARED: Optional[FinnishAnalyzer] = None
_SHARED_LOCK = threading.Lock()


def get_analyzer() -> FinnishAnalyzer:
    """The process-wide analyzer (created on first use)."""
    global _SHARED
    if _SHARED is None:
        with _SHARED_LOCK:
            if _SHARED is None:
                _SHARED = FinnishAnalyzer()
    return _SHARED


def base_forms(words: Sequence[str]) -> List[str]:
    """Convenience: base forms of several words with the shared analyzer."""
    analyzer = get_analyzer()
    return [analyzer.base_form(w) for w in words]
