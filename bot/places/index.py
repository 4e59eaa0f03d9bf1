"""MunicipalityIndex: O(1) look-ups of municipalities by code, name and postal code.

Loaded once per process from ``data/reference`` (:func:`get_index`); every object it returns
is immutable, so it is safe to share between Rasa components, actions and threads.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional

from bot.language.voikko import FinnishAnalyzer, get_analyzer
from bot.paths import REFERENCE_DIR
from bot.places.inflection import inflected_forms
from bot.places.loader import ReferenceData, load_reference_data
from bot.places.model import Municipality, PlaceMatch, PostalArea
from bot.places.text_search import PlaceTextSearch

#: Postal code type of ordinary street-address areas; only their post office names are used as
#: place names (the others are company codes, PO boxes, parcel lockers, reply mail).
STREET_AREA_TYPE = "1"

_FINNISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def _sort_key(name: str) -> str:
    """Finnish alphabetical order: å, ä, ö come after z."""
    return name.lower().translate(_FINNISH_ORDER)


class MunicipalityIndex:
    """Municipalities (309 current ones; merged Valtimo and Honkajoki resolve to successors)."""

    def __init__(self, data: ReferenceData, analyzer: Optional[FinnishAnalyzer] = None) -> None:
        self._analyzer = analyzer or get_analyzer()
        self._by_code: Dict[str, Municipality] = {m.code: m for m in data.municipalities}
        for old, current in data.code_to_current.items():
            self._by_code.setdefault(old, self._by_code[current])
        self._names: Mapping[str, str] = data.names
        self._postal_areas: Mapping[str, PostalArea] = data.postal_areas
        self._all: List[Municipality] = sorted(
            data.municipalities, key=lambda m: _sort_key(m.name_fi)
        )
        self._search = PlaceTextSearch(
            names=data.names,
            swedish_only=data.swedish_only,
            post_offices=_post_office_names(data),
            postal_areas=data.postal_areas,
            municipality=self.by_code,
            analyzer=self._analyzer,
        )

    @classmethod
    def load(cls, reference_dir: Path = REFERENCE_DIR) -> MunicipalityIndex:
        """The index built from ``reference_dir`` (cached: built once per directory)."""
        return _load_cached(Path(reference_dir).resolve())

    # ------------------------------------------------------------------ look-ups
    def by_code(self, code: str) -> Optional[Municipality]:
        """Municipality by official code ("091", "91"); merged codes give the successor."""
        key = str(code).strip()
        if key.isdigit():
            key = key.zfill(3)
        return self._by_code.get(key)

    def name_in(self, name: str, language: str) -> str:
        """A municipality's name as a Swedish ("sv") or other reader knows it: Swedish readers
        get the Swedish name ("Espoo" -> "Esbo"), everyone else the Finnish one, which English
        uses too. A name that is not a municipality comes back as it is."""
        found = self.by_name(name)
        if found is None:
            return name
        return found.name_sv if language == "sv" and found.name_sv else found.name_fi

    def by_name(self, name: str) -> Optional[Municipality]:
        """Municipality by Finnish or Swedish name, any letter case.

        Accepts base forms ("Hailuoto", "Helsingfors", "Pedersöre", "Valtimo" -> Nurmes) and, as
        a convenience, a single inflected word ("Hailuodossa").
        """
        key = re.sub(r"\s+", " ", name).strip().lower()
        if not key:
            return None
        if key in self._names:
            return self.by_code(self._names[key])
        for analysis in self._analyzer.analyses(key) + self._analyzer.analyses(key.title()):
            base = analysis.get("BASEFORM", "").lower()
            if base in self._names:
                return self.by_code(self._names[base])
        for base, code in self._names.items():
            if key in _forms_of(base):
                return self.by_code(code)
        return None

    def by_postal_code(self, code: str) -> Optional[Municipality]:
        """Municipality of a five-digit postal code ("90100" -> Oulu), or ``None``."""
        area = self.postal_area(code)
        return self.by_code(area.municipality_code) if area else None

    def postal_area(self, code: str) -> Optional[PostalArea]:
        """The postal area with this code, or ``None`` if the code does not exist."""
        return self._postal_areas.get(str(code).strip())

    def all(self) -> List[Municipality]:
        """Current municipalities in Finnish alphabetical order (a new list each call)."""
        return list(self._all)

    def find_in_text(self, text: str) -> List[PlaceMatch]:
        """Municipalities mentioned in ``text`` (names in any case form, postal codes, post
        offices), in text order. See :mod:`bot.places.text_search` for the rules."""
        return self._search.find(text)

    def __len__(self) -> int:
        return len(self._all)


@cache
def _forms_of(name: str) -> frozenset:
    return inflected_forms(name)


def _post_office_names(data: ReferenceData) -> Dict[str, str]:
    """Lower-case post office name -> municipality code, for names that are not municipality
    names, have no spaces ("KOSKI AS") and belong to exactly one municipality."""
    owners: Dict[str, set] = {}
    for code, area in data.postal_areas.items():
        if data.postal_types.get(code) != STREET_AREA_TYPE:
            continue
        for name in {area.name_fi.lower(), area.name_sv.lower()}:
            if name and " " not in name and name not in data.names:
                owners.setdefault(name, set()).add(area.municipality_code)
    return {name: codes.pop() for name, codes in owners.items() if len(codes) == 1}


@lru_cache(maxsize=4)
def _load_cached(reference_dir: Path) -> MunicipalityIndex:
    return MunicipalityIndex(load_reference_data(reference_dir))


def get_index() -> MunicipalityIndex:
    """The process-wide index over ``data/reference`` (built on first use, ~1 s)."""
    return MunicipalityIndex.load()
