"""The municipality -> region table covers the official list exactly once each."""

from __future__ import annotations

import csv
from collections import Counter

from bot.coordinators.regions import REGIONS_FILE, load_regions
from bot.places.loader import load_reference_data

MAAKUNNAT = {
    "Uusimaa",
    "Varsinais-Suomi",
    "Satakunta",
    "Kanta-Häme",
    "Pirkanmaa",
    "Päijät-Häme",
    "Kymenlaakso",
    "Etelä-Karjala",
    "Etelä-Savo",
    "Pohjois-Savo",
    "Pohjois-Karjala",
    "Keski-Suomi",
    "Etelä-Pohjanmaa",
    "Pohjanmaa",
    "Keski-Pohjanmaa",
    "Pohjois-Pohjanmaa",
    "Kainuu",
    "Lappi",
    "Ahvenanmaa",
}


def test_every_municipality_has_exactly_one_region() -> None:
    with REGIONS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counts = Counter(row["municipality_code"] for row in rows)
    official = {m.code: m.name_fi for m in load_reference_data().municipalities}
    assert len(official) == 309
    assert {code: counts[code] for code in official} == {code: 1 for code in official}
    assert set(counts) == set(official)
    assert {row["municipality_code"]: row["municipality"] for row in rows} == official


def test_the_regions_are_the_nineteen_maakunnat() -> None:
    regions = load_regions()
    assert set(regions.region_names) == MAAKUNNAT
    assert regions.region_of("Hailuoto") == "Pohjois-Pohjanmaa"
    assert regions.region_of("Maarianhamina") == "Ahvenanmaa"
    # The 2021 changes: Iitti, Kuhmoinen, Heinävesi and Joroinen moved region.
    assert [regions.region_of(n) for n in ("Iitti", "Kuhmoinen", "Heinävesi", "Joroinen")] == [
        "Päijät-Häme",
        "Pirkanmaa",
        "Pohjois-Karjala",
        "Pohjois-Savo",
    ]
    sizes = Counter(place.region for place in regions.places)
    assert (sizes["Uusimaa"], sizes["Pohjois-Pohjanmaa"], sizes["Ahvenanmaa"]) == (26, 30, 16)


def test_populations_add_up_to_finland() -> None:
    places = load_regions().places
    assert all(place.population > 0 for place in places)
    assert sum(place.population for place in places) == 5_533_793  # 31.12.2020
    assert load_regions().by_postal_code["90440"] == "Kempele"
