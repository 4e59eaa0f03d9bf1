"""MunicipalityIndex look-ups against the real reference files."""

import dataclasses

import pytest

from bot.places import Municipality, MunicipalityIndex, PostalArea, get_index


@pytest.fixture(scope="module")
def index() -> MunicipalityIndex:
    return get_index()


def test_index_is_cached_and_shared():
    assert get_index() is get_index()
    assert MunicipalityIndex.load() is get_index()


def test_all_has_309_current_municipalities_in_finnish_order(index):
    everything = index.all()
    assert len(everything) == 309  # 311 in the file minus merged Valtimo and Honkajoki
    names = [m.name_fi for m in everything]
    assert "Valtimo" not in names and "Honkajoki" not in names
    assert names[0] == "Akaa"
    assert names[-3:] == ["Ypäjä", "Ähtäri", "Äänekoski"]
    assert len({m.code for m in everything}) == 309


def test_municipality_has_names_and_centre(index):
    helsinki = index.by_code("091")
    assert helsinki == Municipality(
        "091", "Helsinki", "Helsingfors", helsinki.latitude, helsinki.longitude
    )
    assert 60.0 < helsinki.latitude < 60.4 and 24.7 < helsinki.longitude < 25.2
    with pytest.raises(dataclasses.FrozenInstanceError):
        helsinki.name_fi = "Stadi"  # type: ignore[misc]


def test_by_code_accepts_unpadded_codes(index):
    assert index.by_code("91").name_fi == "Helsinki"
    assert index.by_code(" 564 ").name_fi == "Oulu"
    assert index.by_code("999") is None


@pytest.mark.parametrize(("old", "successor"), [("911", "Nurmes"), ("099", "Kankaanpää")])
def test_merged_municipalities_resolve_to_successor(index, old, successor):
    assert index.by_code(old).name_fi == successor
    old_name = {"911": "Valtimo", "099": "Honkajoki"}[old]
    assert index.by_name(old_name).name_fi == successor


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hailuoto", "Hailuoto"),
        ("hailuoto", "Hailuoto"),
        ("HELSINKI", "Helsinki"),
        ("Helsingfors", "Helsinki"),
        ("Esbo", "Espoo"),
        ("Mariehamn", "Maarianhamina"),
        ("Pedersöre", "Pedersören kunta"),
        ("Pedersören  kunta", "Pedersören kunta"),
        ("Koski Tl", "Koski Tl"),
        ("Koski", "Koski Tl"),
        ("Mänttä-Vilppula", "Mänttä-Vilppula"),
        ("S:t Karins", "Kaarina"),
        ("Hailuodossa", "Hailuoto"),
        ("Lemlandissa", "Lemland"),
    ],
)
def test_by_name(index, name, expected):
    assert index.by_name(name).name_fi == expected


@pytest.mark.parametrize("name", ["", "   ", "Tukholma", "pankki"])
def test_by_name_unknown(index, name):
    assert index.by_name(name) is None


def test_postal_codes(index):
    assert index.by_postal_code("90100").name_fi == "Oulu"
    assert index.by_postal_code("00100").name_fi == "Helsinki"
    area = index.postal_area("79700")
    assert area == PostalArea("79700", "HEINÄVESI", "HEINÄVESI", "090")
    assert area.title_fi == "Heinävesi"
    assert index.postal_area("12345") is None
    assert index.by_postal_code("99999").name_fi == "Rovaniemi"  # KORVATUNTURI (Santa Claus)
    assert index.by_postal_code("1234") is None


def test_postal_codes_of_merged_municipalities_point_to_successor(index):
    rumo = index.postal_area("75790")  # RUMO, in former Valtimo
    assert rumo.municipality_code == "541"
    assert index.by_postal_code("75790").name_fi == "Nurmes"


def test_every_postal_area_belongs_to_a_current_municipality(index):
    current = {m.code for m in index.all()}
    # 4158 records minus the one "Undefined" placeholder.
    areas = [index.postal_area(code) for code in _all_postal_codes()]
    assert len(areas) == 4157
    assert all(a is not None and a.municipality_code in current for a in areas)


def _all_postal_codes():
    import json

    from bot.paths import REFERENCE_DIR

    with (REFERENCE_DIR / "PostalCode.json").open(encoding="utf-8-sig") as handle:
        return [r["Code"] for r in json.load(handle) if r["Code"] != "Undefined"]
