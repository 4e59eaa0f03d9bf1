"""Municipalities, their regions (maakunta) and populations: `data/reference/regions.csv`.

WHY: the report groups conversations by region and the generator spreads simulated residents
by population; both need one small table, read once. A municipality is admitted to the report
only if it is in this official list, so a free-text value can never become a row label.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from bot.paths import REFERENCE_DIR

REGIONS_FILE = REFERENCE_DIR / "regions.csv"
POSTAL_FILE = REFERENCE_DIR / "PostalCode.json"
#: Municipalities merged since the postal data was published: code -> successor's code.
MERGED = {"099": "214", "911": "541"}


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    region: str
    population: int


@dataclass(frozen=True)
class Regions:
    """The official list: municipality by name, region of each, postal code -> municipality."""

    places: Tuple[Place, ...]
    by_postal_code: Dict[str, str]

    @cached_property
    def by_name(self) -> Dict[str, Place]:
        return {place.name: place for place in self.places}

    @cached_property
    def region_names(self) -> List[str]:
        return sorted({place.region for place in self.places})

    def region_of(self, municipality: Optional[str]) -> Optional[str]:
        place = self.by_name.get(municipality or "")
        return place.region if place else None

    def municipalities_in(self, region: str) -> List[str]:
        return sorted(place.name for place in self.places if place.region == region)

    def postal_codes_of(self, municipality: str) -> Tuple[str, ...]:
        return tuple(sorted(c for c, name in self.by_postal_code.items() if name == municipality))

    def find_region(self, text: str) -> Optional[str]:
        """The region named by `text`, case-insensitively ("pohjois-pohjanmaa" is fine)."""
        wanted = text.strip().casefold()
        return next((name for name in self.region_names if name.casefold() == wanted), None)

    def find_municipality(self, text: str) -> Optional[str]:
        wanted = text.strip().casefold()
        return next((name for name in self.by_name if name.casefold() == wanted), None)


def _read_places(path: Path) -> Tuple[Place, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Place(
                row["municipality_code"], row["municipality"], row["region"], int(row["population"])
            )
            for row in csv.DictReader(handle)
        )


def _read_postal_codes(path: Path, names_by_code: Dict[str, str]) -> Dict[str, str]:
    with path.open(encoding="utf-8-sig") as handle:
        raw = json.load(handle)
    found = {}
    for entry in raw:
        code = MERGED.get(entry["MunicipalityCode"], entry["MunicipalityCode"])
        if code in names_by_code:
            found[entry["Code"]] = names_by_code[code]
    return found


@lru_cache(maxsize=1)
def load_regions(regions_file: Path = REGIONS_FILE, postal_file: Path = POSTAL_FILE) -> Regions:
    places = _read_places(regions_file)
    names_by_code = {place.code: place.name for place in places}
    return Regions(places, _read_postal_codes(postal_file, names_by_code))
