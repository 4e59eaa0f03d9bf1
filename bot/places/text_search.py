"""Finding municipality mentions in free Finnish text.

The rules, and why:

* Inflected names are resolved with Voikko base forms ("Hailuodossa" -> Hailuoto); names Voikko
  does not know fall back to a rule-generated form table (:mod:`bot.places.inflection`).
* Several municipality names are also ordinary words ("lahti" = bay, "salo", "kotka",
  "kolari" = car crash, "vihti" = bath whisk). A form counts as ambiguous when Voikko reads the
  *lower-case* token as a simple common word or a first name. Ambiguous forms need a capital
  letter or a place context ("asun lahdessa", "salon kaupunki"). Unambiguous names are accepted
  in lower case too ("asun helsingissä"), because people type lower case in chat.
* Swedish-only names ("Esbo", "Vasa") need a capital letter, a Swedish or English preposition
  of place before them ("i esbo", "bor i borgå", "in helsingfors") or to be the whole message:
  short Swedish words collide with Finnish chat too easily. A capitalised Swedish genitive
  counts too ("Esbos bibliotek").
* Municipalities that are also common first names ("Kaarina", "Simo", "Salla") need an
  "inner" locative case ("Kaarinassa", "inarista") or a place context: "Kaarinalla on kone" is a
  person.
* A word Voikko does not know is read through its spelling correction when the correction keeps
  the word's first letters ("tampre" -> Tampere), then judged like any other word.
* A message that is nothing but the name ("Lahti", "kotka") is an answer to "where do you
  live?", so it counts as a place context.
* Names typed without umlauts ("jarvenpaassa") are retried with them restored.
* Words inside e-mail addresses and web addresses ("info@oulu.fi") are not mentions.
* Post office names (former municipalities and villages: "Haukiputaalla" -> Oulu) only count
  when Voikko knows them as place names, they are capitalised, belong to one municipality and
  are not ordinary words.
* The cities' chat shorthand counts too: "jkl:ssä", "hki", "tre:llä", "stadissa", "mansessa".
  A bare letter code ("tre" is also Swedish for three) needs a colon case ending, a place
  context or a living verb before it, or to be the whole message.
* A five-digit postal code counts only when it stands alone: digits glued to other digit groups
  are phone numbers, account numbers or amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, FrozenSet, Iterator, List, Mapping, Optional, Sequence, Set

from bot.language.colloquial import truncated_locative_candidates
from bot.language.umlauts import restore_umlauts
from bot.language.voikko import PROPER_CLASSES, FinnishAnalyzer, wordbase_parts
from bot.places.inflection import build_form_table
from bot.places.model import MatchVia, Municipality, PlaceMatch, PostalArea

_WORD = re.compile(r"[^\W\d_]+(?:[-'’:][^\W\d_]+)*")
_FIVE_DIGITS = re.compile(r"(?<![\w+])\d{5}(?!\w)")
# A digit group right before/after (one separator allowed) makes the five digits part of a longer
# Case ending written after a colon, as people do with short names: "Ii:ssä", "Ii:hin".
_COLON_ENDING = re.compile(r"(n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|hin|een|ksi|na|nä)")
# A whitespace-delimited chunk that is an e-mail or web address.
_ADDRESS = re.compile(r"@|^(?:https?://|www\.)|\.(?:fi|com|net|org|se|eu|io|info)\b", re.I)
# number: "040 12345", "12345 678", "12345,50", "12.12345". A comma *and* a space separate list
# items, so "90100, 00100" is two codes.
_DIGITS_BEFORE = re.compile(r"(?:\d[.,\-/:]|\d\s?[.\-/:]?\s?)$")
_DIGITS_AFTER = re.compile(r"^(?:[.,\-/:]\d|\s?[.\-/:]?\s?\d)")

#: Common-word readings that do not make a name ambiguous in practice ("turku" = market place
#: is archaic; nobody means it in chat).
NEVER_AMBIGUOUS: FrozenSet[str] = frozenset({"turku"})
#: Names that are also well-known brands: need a place context or a capitalised locative case
#: ("Asun Nokialla" yes, "Nokian puhelin" no).
BRAND_NAMES: FrozenSet[str] = frozenset({"nokia"})
#: Word classes whose lower-case reading makes a place-name token ambiguous (surnames do not:
#: nobody writes a surname in a locative case).
_AMBIGUOUS_CLASSES_EXCLUDED = frozenset({"paikannimi", "sukunimi"})
#: Municipalities that are also common first names (Voikko does not know most of these names).
PERSON_NAMES: FrozenSet[str] = frozenset({"kaarina", "simo", "salla", "loviisa", "inari"})
#: Letter codes people write for the larger cities (as on number plates of old and in chat).
SHORTHAND_CODES: Mapping[str, str] = {
    "hki": "helsinki",
    "tre": "tampere",
    "tku": "turku",
    "jkl": "jyväskylä",
    "lpr": "lappeenranta",
    "hml": "hämeenlinna",
    "jns": "joensuu",
    "sjk": "seinäjoki",
}
#: Slang names of cities, inflected as ordinary nouns ("stadissa", "manseen").
_SLANG_NAME = re.compile(r"(stadi|manse|hesa)(?:n|ss[aä]|s|st[aä]|an|in|en|lla|lle|lt[aä])?")
_SLANG_CITIES: Mapping[str, str] = {"stadi": "helsinki", "manse": "tampere", "hesa": "helsinki"}
#: Swedish and English prepositions of place: the next word is a place ("i lovisa", "in espoo").
PLACE_PREPOSITIONS: FrozenSet[str] = frozenset(
    {"i", "från", "till", "nära", "utanför", "in", "near", "from", "to", "around", "outside"}
)
#: Of those, the ones that say "in" or "near": a first name does not follow them ("i lovisa",
#: "in kaarina"), while "från kaarina" or "to simo" may be a person.
LOCATIVE_PREPOSITIONS: FrozenSet[str] = frozenset({"i", "nära", "utanför", "in", "near", "outside"})
#: Letters a spelling correction must keep from the start of the typed word.
SAME_START = 4
#: Words at least this long are matched to a name one letter off ("rovanimellä"); shorter
#: ones are too easily another word.
MIN_TYPO_LENGTH = 7
_INNER_LOCATIVE_CASES = frozenset({"sisaolento", "sisaeronto", "sisatulento"})
_LOCATIVE_CASES = frozenset(
    {"sisaolento", "ulkoolento", "sisaeronto", "ulkoeronto", "sisatulento", "ulkotulento"}
)
#: Base forms of neighbouring words that make a place reading clear.
CONTEXT_BEFORE: FrozenSet[str] = frozenset(
    {"asua", "muuttaa", "kotoisin", "kotikunta", "paikkakunta", "kunta", "kaupunki", "asuinpaikka"}
)
#: Verbs of living and moving: a locative name up to LIVING_VERB_WINDOW words after them is a place.
LIVING: FrozenSet[str] = frozenset({"asua", "muuttaa", "asustaa"})
LIVING_VERB_WINDOW = 5
CLAUSE_BREAKS: FrozenSet[str] = frozenset({"ja", "mutta", "mut", "tai", "kun", "ku", "että", "et"})
_PUNCTUATION = re.compile(r"[,.;:!?]")
CONTEXT_AFTER: FrozenSet[str] = frozenset(
    {"kunta", "kaupunki", "seutu", "seutukunta", "keskusta", "kirkonkylä", "alue"}
    # A municipality's own institutions: "Loviisan kirjasto", "Kaarinan terveyskeskus".
    | {
        "kirjasto",
        "pääkirjasto",
        "kaupunginkirjasto",
        "asiointipiste",
        "palvelupiste",
        "terveyskeskus",
        "kansalaisopisto",
        "työväenopisto",
        "kaupungintalo",
        "kunnantalo",
        "seurakunta",
    }
)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Candidate:
    code: str
    via: MatchVia
    #: True when Voikko read the token as a proper place name
    proper_place: bool
    #: case of the reading: "" when unknown (exact or generated-table match)
    case: str
    swedish_only: bool
    #: a letter code or a slang name ("jkl", "stadissa"), not the name itself
    shorthand: bool = False


class PlaceTextSearch:
    """Stateless search over text; built once per index (holds the generated form table)."""

    def __init__(
        self,
        names: Mapping[str, str],
        swedish_only: FrozenSet[str],
        post_offices: Mapping[str, str],
        postal_areas: Mapping[str, PostalArea],
        municipality: Callable[[str], Optional[Municipality]],
        analyzer: FinnishAnalyzer,
    ) -> None:
        self._names = names
        self._swedish_only = swedish_only
        self._post_offices = post_offices
        self._postal_areas = postal_areas
        self._municipality = municipality
        self._analyzer = analyzer
        finnish = [n for n in names if n not in swedish_only and " " not in n]
        self._forms: Dict[str, Set[str]] = build_form_table(finnish)
        self._forms_by_start: Dict[str, List[str]] = {}
        for form in self._forms:
            if len(form) >= MIN_TYPO_LENGTH - 1:
                self._forms_by_start.setdefault(form[:SAME_START], []).append(form)
        multiword = sorted((n for n in names if " " in n), key=len, reverse=True)
        self._multiword = [
            (re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, n.split())) + r"(?!\w)", re.I), n)
            for n in multiword
        ]

    # ------------------------------------------------------------------ entry point
    def find(self, text: str) -> List[PlaceMatch]:
        if not text:
            return []
        matches: List[PlaceMatch] = []
        taken: List[range] = []
        for pattern, name in self._multiword:
            for m in pattern.finditer(text):
                if not _overlaps(taken, m.start(), m.end()):
                    self._add(matches, self._names[name], m.start(), m.end(), text, "name")
                    taken.append(range(m.start(), m.end()))
        tokens = [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        for i, token in enumerate(tokens):
            if _overlaps(taken, token.start, token.end):
                continue
            match = self._match_token(tokens, i, text)
            if match is not None:
                matches.append(match)
        matches.extend(self._postal_codes(text))
        return sorted(matches, key=lambda m: (m.start, m.end))

    def _add(
        self, out: List[PlaceMatch], code: str, start: int, end: int, text: str, via: MatchVia
    ) -> None:
        municipality = self._municipality(code)
        if municipality is not None:
            out.append(PlaceMatch(municipality, start, end, text[start:end], via))

    # ------------------------------------------------------------------ postal codes
    def _postal_codes(self, text: str) -> Iterator[PlaceMatch]:
        for m in _FIVE_DIGITS.finditer(text):
            if _DIGITS_BEFORE.search(text[: m.start()]) or _DIGITS_AFTER.match(text[m.end() :]):
                continue
            area = self._postal_areas.get(m.group())
            municipality = self._municipality(area.municipality_code) if area else None
            if municipality is not None:
                yield PlaceMatch(municipality, m.start(), m.end(), m.group(), "postal_code")

    # ------------------------------------------------------------------ words
    def _match_token(self, tokens: Sequence[_Token], i: int, text: str) -> Optional[PlaceMatch]:
        surface = tokens[i].text
        if surface.isupper() and len(surface) < 4:
            return None  # "II", "EU": abbreviations and numerals, not places
        if _ADDRESS.search(_chunk_around(text, tokens[i].start, tokens[i].end)):
            return None
        candidate = self._best_candidate(surface)
        if candidate is None:
            # "jarvenpaassa" typed without umlauts: retry with them restored.
            restored = restore_umlauts(surface.lower(), lambda w: bool(self._analyzer.analyses(w)))
            if restored is not None:
                surface = surface[:1] + restored[1:] if surface[:1].isupper() else restored
                candidate = self._best_candidate(surface)
        if candidate is None:
            # Spoken and hurried locatives: "kuopios", "oulus", "joensuusa" (-ssa shortened).
            for form in _spoken_locative_forms(surface):
                candidate = self._best_candidate(form)
                if candidate is not None:
                    surface = form
                    break
        if candidate is None:
            # A typo Voikko can correct: "tampre", "rovaniemmellä". The correction must keep the
            # word's start, so an unknown chat word is never turned into a far-off name.
            suggestion = self._analyzer.suggest(surface)
            if suggestion and suggestion[:SAME_START].lower() == surface[:SAME_START].lower():
                candidate = self._best_candidate(suggestion)
                surface = suggestion if candidate is not None else surface
        if candidate is None:
            # A letter dropped or doubled that Voikko corrects to another word: "rovanimellä".
            candidate = self._one_letter_off(surface.lower())
        if candidate is None or not self._accept(candidate, surface, tokens, i, text):
            return None
        municipality = self._municipality(candidate.code)
        if municipality is None:
            return None
        end = self._extend_over_qualifier(municipality, tokens, i)
        return PlaceMatch(
            municipality, tokens[i].start, end, text[tokens[i].start : end], candidate.via
        )

    def _best_candidate(self, surface: str) -> Optional[_Candidate]:
        lower = surface.lower()
        found: List[_Candidate] = []
        for analysis in self._place_analyses(surface):
            base = analysis.get("BASEFORM", "").lower()
            proper = analysis.get("CLASS") == "paikannimi"
            case = analysis.get("SIJAMUOTO", "")
            if base in self._names:
                swedish = base in self._swedish_only
                found.append(_Candidate(self._names[base], "name", proper, case, swedish))
            elif proper and base in self._post_offices:
                code = self._post_offices[base]
                found.append(_Candidate(code, "post_office", True, case, False))
        if lower in self._names:
            swedish = lower in self._swedish_only
            found.append(_Candidate(self._names[lower], "name", False, "nimento", swedish))
        elif surface[:1].isupper() and lower[:-1] in self._swedish_only and lower.endswith("s"):
            # A Swedish genitive: "Esbos bibliotek".
            found.append(_Candidate(self._names[lower[:-1]], "name", False, "genitiv", True))
        elif lower in self._post_offices:
            # A post office name Voikko does not know, as written: "i Ekenäs", "in ekenäs".
            found.append(_Candidate(self._post_offices[lower], "post_office", False, "", False))
        for base in sorted(self._forms.get(lower, ())):
            found.append(_Candidate(self._names[base], "name", False, "", False))
        head, colon, ending = lower.partition(":")
        if colon and head in self._names and _COLON_ENDING.fullmatch(ending):
            found.append(_Candidate(self._names[head], "name", False, "", False))
        if not found:
            return self._shorthand_candidate(lower)
        # Names beat post offices; proper-noun readings beat common-noun/table readings.
        return min(found, key=lambda c: (c.via != "name", not c.proper_place))

    def _one_letter_off(self, lower: str) -> Optional[_Candidate]:
        """The one municipality with a form one letter away from an unknown long word."""
        if len(lower) < MIN_TYPO_LENGTH or self._analyzer.analyses(lower):
            return None
        near = {
            base
            for form in self._forms_by_start.get(lower[:SAME_START], ())
            if _one_edit_apart(lower, form)
            for base in self._forms[form]
        }
        if len(near) != 1:
            return None
        return _Candidate(self._names[near.pop()], "name", False, "", False)

    def _shorthand_candidate(self, lower: str) -> Optional[_Candidate]:
        head, colon, ending = lower.partition(":")
        slang = _SLANG_NAME.fullmatch(lower)
        name = _SLANG_CITIES[slang.group(1)] if slang else SHORTHAND_CODES.get(head)
        if (
            name is None
            or name not in self._names
            or (colon and not _COLON_ENDING.fullmatch(ending))
        ):
            return None
        case = "colon" if colon else ""
        return _Candidate(self._names[name], "name", False, case, False, shorthand=True)

    def _place_analyses(self, surface: str) -> List[Dict[str, str]]:
        analyses = self._analyzer.analyses(surface)
        titled = "-".join(p[:1].upper() + p[1:] for p in surface.split("-"))
        if titled != surface:
            analyses += self._analyzer.analyses(titled)
        return analyses

    def _accept(
        self, candidate: _Candidate, surface: str, tokens: Sequence[_Token], i: int, text: str
    ) -> bool:
        capitalised = surface[:1].isupper()
        if candidate.shorthand:
            letter_code = surface.lower().partition(":")[0] in SHORTHAND_CODES
            return (
                not letter_code
                or candidate.case == "colon"
                or self._place_context(tokens, i)
                or self._living_verb_before(tokens, i, text)
                or self._stands_alone(tokens, i, text)  # "taso 2, tku": a list's last item
            )
        preceding = tokens[i - 1].text.lower() if i > 0 else ""
        # "in kotka", "i hangö", "from salo": a Swedish or English preposition of place settles
        # what a Finnish word such as "kotka" (eagle) or "lahti" (bay) would leave open.
        after_preposition = preceding in PLACE_PREPOSITIONS
        if candidate.via == "post_office":
            return (capitalised or after_preposition) and not self.is_ambiguous(surface)
        municipality = self._municipality(candidate.code)
        name = municipality.name_fi.lower() if municipality else ""
        locative = candidate.case in _LOCATIVE_CASES
        lives_there = locative and self._living_verb_after(tokens, i)  # "nokialla asuu"
        if name in BRAND_NAMES:
            return (capitalised and locative) or lives_there or self._place_context(tokens, i)
        if name in PERSON_NAMES:
            # "inarista", "Kaarinassa": a person is not talked of in the inner locatives.
            return (
                candidate.case in _INNER_LOCATIVE_CASES
                or self._place_context(tokens, i)
                or (after_preposition and capitalised)
                or preceding in LOCATIVE_PREPOSITIONS
            )
        if candidate.swedish_only:
            return capitalised or after_preposition or self._stands_alone(tokens, i, text)
        if capitalised or name in NEVER_AMBIGUOUS or not self.is_ambiguous(surface):
            return True
        return (
            self._place_context(tokens, i)
            or after_preposition
            or lives_there
            or (locative and self._living_verb_before(tokens, i, text))
        )

    @staticmethod
    def _stands_alone(tokens: Sequence[_Token], i: int, text: str) -> bool:
        """The name is a sentence of its own: the whole message, or after a full stop at the
        end ("routern blinkar rött. hangö"), where people add where they live."""
        before = text[tokens[i - 1].end : tokens[i].start] if i > 0 else "."
        after = text[tokens[i].end : tokens[i + 1].start] if i + 1 < len(tokens) else "."
        return bool(_PUNCTUATION.search(before)) and bool(
            _PUNCTUATION.search(after) or i + 1 == len(tokens)
        )

    def is_ambiguous(self, surface: str) -> bool:
        """True if the lower-case word has an everyday reading (common word or first name)."""
        for analysis in self._analyzer.analyses(surface.lower()):
            if analysis.get("CLASS") in _AMBIGUOUS_CLASSES_EXCLUDED:
                continue
            if len(wordbase_parts(analysis)) <= 1 or analysis.get("CLASS") in PROPER_CLASSES:
                return True
        return False

    def _place_context(self, tokens: Sequence[_Token], i: int) -> bool:
        if len(tokens) == 1:
            return True  # the whole message is the name: an answer to "where do you live?"
        before = self._analyzer.base_form(tokens[i - 1].text).lower() if i > 0 else ""
        after = self._analyzer.base_form(tokens[i + 1].text).lower() if i + 1 < len(tokens) else ""
        return before in CONTEXT_BEFORE or after in CONTEXT_AFTER

    def _living_verb_after(self, tokens: Sequence[_Token], i: int) -> bool:
        """ "nokialla asuu", "salossa asutaan": the verb of living right after the name."""
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        return bool(following) and self._analyzer.base_form(following).lower() in LIVING

    def _living_verb_before(self, tokens: Sequence[_Token], i: int, text: str) -> bool:
        """ "asun muuten lahdessa", "se asuu tässä samassa rapussa salossa": a locative a few
        words after living or moving is where someone lives, not a bay or a grove."""
        if i > 0 and self._is_genitive_noun(tokens[i - 1].text):
            return False  # "asutaan järven lahdessa": the bay of a lake
        for j in range(i - 1, max(-1, i - 1 - LIVING_VERB_WINDOW), -1):
            if tokens[j].text.lower() in CLAUSE_BREAKS or _PUNCTUATION.search(
                text[tokens[j].end : tokens[j + 1].start]
            ):
                return False  # "asun mökillä ja kalastan lahdessa": another clause
            if self._analyzer.base_form(tokens[j].text).lower() in LIVING:
                return True
        return False

    def _is_genitive_noun(self, surface: str) -> bool:
        return any(
            analysis.get("SIJAMUOTO") == "omanto" and analysis.get("CLASS") == "nimisana"
            for analysis in self._analyzer.analyses(surface.lower())
        )

    def _extend_over_qualifier(
        self, municipality: Municipality, tokens: Sequence[_Token], i: int
    ) -> int:
        """Include "kunnassa" in "Pedersören kunnassa" (official name "Pedersören kunta")."""
        words = municipality.name_fi.split()
        if len(words) > 1 and i + 1 < len(tokens):
            following = self._analyzer.base_form(tokens[i + 1].text).lower()
            if following == words[-1].lower():
                return tokens[i + 1].end
        return tokens[i].end


def _one_edit_apart(typed: str, form: str) -> bool:
    """One letter inserted, dropped or changed (not two, and not none)."""
    if typed == form or abs(len(typed) - len(form)) > 1:
        return False
    if len(typed) == len(form):
        return sum(a != b for a, b in zip(typed, form, strict=True)) == 1
    shorter, longer = sorted((typed, form), key=len)
    pairs = enumerate(zip(shorter, longer[: len(shorter)], strict=True))
    cut = next((k for k, (a, b) in pairs if a != b), len(shorter))
    return shorter[cut:] == longer[cut + 1 :]


def _spoken_locative_forms(surface: str) -> List[str]:
    """Standard locatives for a spoken or mistyped one, keeping the first letter's case."""
    lower = surface.lower()
    forms = [form for form in truncated_locative_candidates(lower) if form.endswith(("ssa", "ssä"))]
    if lower.endswith(("sa", "sä")) and not lower.endswith(("ssa", "ssä")) and len(lower) >= 6:
        forms.append(lower[:-2] + "s" + lower[-2:])
    if surface[:1].isupper():
        forms = [form[:1].upper() + form[1:] for form in forms]
    return forms


def _chunk_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited chunk of ``text`` that contains ``text[start:end]``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(" ", end), text.find("\n", end)) if i != -1]
    return text[left : min(right_candidates) if right_candidates else len(text)]


def _overlaps(taken: Sequence[range], start: int, end: int) -> bool:
    return any(start < r.stop and r.start < end for r in taken)
