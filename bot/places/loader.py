"""Reading the municipality, location and postal code reference files.

The files are PTV / DVV exports copied to ``data/reference`` (see NOTICE.md there). Parsing is
kept apart from the index so the index can be built from other sources in tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

from bot.paths import REFERENCE_DIR
from bot.places.model import Municipality, PostalArea

#: Municipalities merged into another one that are still present in the reference files.
#: Their codes and names resolve to the successor (Valtimo joined Nurmes in 2020,
#: Honkajoki joined Kankaanpää in 2021), so "asun Valtimossa" finds Nurmes' services.
MERGED_INTO: Mapping[str, str] = {"911": "541", "099": "214"}

#: Short forms people use for official names that carry a qualifier. "Koski Tl" (Koski in
#: Turku province) is the only current municipality called Koski; "Pedersören kunta" is
#: called Pedersöre in Finnish too ("Pedersöressä").
SHORT_NAMES: Mapping[str, str] = {"Koski": "Koski Tl", "Pedersöre": "Pedersören kunta"}


@dataclass(frozen=True)
class ReferenceData:
    """Everything the index needs, already resolved: aliases point at current municipalities."""

    municipalities: Tuple[Municipality, ...]
    #: every code in the files (aliases included) -> current municipality code
    code_to_current: Mapping[str, str]
    #: lower-case name (fi, sv, merged, short) -> current municipality code
    names: Mapping[str, str]
    #: names in ``names`` that are Swedish-only spellings (not also a Finnish name)
    swedish_only: frozenset
    postal_areas: Mapping[str, PostalArea]
    #: postal code -> PTV postal code type ("1" = ordinary street-address area, "2" = PO boxes,
    #: others are company codes, parcel lockers, reply mail ...)
    postal_types: Mapping[str, str]


def _read_json(path: Path) -> Any:
    # utf-8-sig: PostalCode.json starts with a byte order mark.
    with path.open(encoding="utf-8-sig") as handle:
        return json.load(handle)


def _names_by_language(entries: List[Mapping[str, str]], lang_key: str, name_key: str) -> Dict:
    return {e[lang_key]: e[name_key] for e in entries}


def load_reference_data(reference_dir: Path = REFERENCE_DIR) -> ReferenceData:
    """Parse the three reference files into a :class:`ReferenceData`."""
    raw_municipalities = _read_json(reference_dir / "Municipality.json")
    raw_locations = _read_json(reference_dir / "municipality_locations.json")["locations"]
    raw_postal = _read_json(reference_dir / "PostalCode.json")

    centres = {
        loc["translations"]["fi"]: (
            float(loc["coordinates"]["latitude"]),
            float(loc["coordinates"]["longitude"]),
        )
        for loc in raw_locations
    }

    raw_names: Dict[str, Tuple[str, str]] = {}
    for item in raw_municipalities:
        names = _names_by_language(item["names"], "language", "name")
        raw_names[item["municipalityCode"]] = (names["fi"], names.get("sv", names["fi"]))

    code_to_current = {code: MERGED_INTO.get(code, code) for code in raw_names}
    municipalities = []
    for code, (fi, sv) in raw_names.items():
        if code in MERGED_INTO:
            continue
        latitude, longitude = centres[fi]
        municipalities.append(Municipality(code, fi, sv, latitude, longitude))

    names: Dict[str, str] = {}
    finnish = set()
    for code, (fi, sv) in raw_names.items():
        names[fi.lower()] = code_to_current[code]
        finnish.add(fi.lower())
        names.setdefault(sv.lower(), code_to_current[code])
    by_fi = {fi: code for code, (fi, _sv) in raw_names.items()}
    for short, official in SHORT_NAMES.items():
        names[short.lower()] = code_to_current[by_fi[official]]
        finnish.add(short.lower())

    postal_areas: Dict[str, PostalArea] = {}
    postal_types: Dict[str, str] = {}
    for item in raw_postal:
        municipality_code = item.get("MunicipalityCode", "")
        if municipality_code not in code_to_current:
            continue  # the file has one "Undefined" record
        names_pc = _names_by_language(item["Names"], "Language", "Name")
        fi = names_pc.get("fi", "")
        postal_areas[item["Code"]] = PostalArea(
            code=item["Code"],
            name_fi=fi,
            name_sv=names_pc.get("sv", fi),
            municipality_code=code_to_current[municipality_code],
        )
        postal_types[item["Code"]] = item.get("Type", "")

    return ReferenceData(
        municipalities=tuple(municipalities),
        code_to_current=code_to_current,
        names=names,
        swedish_only=frozenset(set(names) - finnish),
        postal_areas=postal_areas,
        postal_types=postal_types,
    )
