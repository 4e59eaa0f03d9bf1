"""What the bot says: every planned response exists and renders, in each voice."""

import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from bot.directory import present
from bot.directory.hours import HELSINKI
from bot.directory.models import ProviderLimitInfo
from bot.directory.search import Origin, ProviderHit, SearchResult
from bot.domain_files import load_responses
from bot.paths import DOMAIN_DIR

RESPONSES = load_responses()
OWN = yaml.safe_load((DOMAIN_DIR / "providers.yml").read_text(encoding="utf-8"))["responses"]
NOW = datetime(2025, 12, 5, 10, 0, tzinfo=HELSINKI)  # a Friday


def hit(**changes):
    values = dict(
        id=1,
        source="sample",
        is_sample=True,
        channel_type="ServiceLocation",
        name="ESIMERKKI: Paikka",
        summary=None,
        street_address="Esimerkkikatu 1",
        postal_code="90100",
        post_office="Oulu",
        municipality_code="564",
        municipality_name="Oulu",
        distance_km=0.42,
        forms=["in_person", "home_visit"],
        need_levels=["demanding_support"],
        fits_need_level=True,
        languages=["fi"],
        phone="+358 000 0000 (esimerkki)",
        phone_charge_type=None,
        web=None,
        email=None,
        hours_known=True,
        open_now=True,
        closes_at=datetime(2025, 12, 5, 16, 0, tzinfo=HELSINKI),
        next_opening=None,
        accessibility=None,
        limits=[],
    )
    values.update(changes)
    return ProviderHit(**values)


def result(scope="municipality", origin_kind="municipality", hits=None, level="light_support"):
    origin = Origin(
        origin_kind,
        65.0,
        25.4,
        "564" if origin_kind != "coordinates" else None,
        "Oulu" if origin_kind != "coordinates" else None,
    )
    return SearchResult(
        scope,
        origin,
        "banking",
        level,
        hits if hits is not None else [hit()],
        radius_km=60.0 if scope == "nearby" else None,
    )


def texts(res, asker=None):
    return present.render_plan(RESPONSES, present.plan_reply(res, NOW), {"asker": asker})


def test_every_response_named_in_the_code_is_in_the_domain():
    source = Path(present.__file__).read_text(encoding="utf-8")
    named = set(re.findall(r'"(utter_[a-z_]+)"', source))
    assert named and named <= set(OWN)
    for form in ("in_person", "remote", "phone", "home_visit", "course"):
        assert f"utter_label_form_{form}" in OWN
    assert all(f"utter_label_weekday_{day}" in OWN for day in range(7))
    assert all(f"utter_label_language_{code}" in OWN for code in ("fi", "sv", "en"))
    assert "utter_label_and" in OWN


def _language(variant):
    """A variation's language: its `language` condition, Finnish without one."""
    conditions = variant.get("condition") or []
    return next((c["value"] for c in conditions if c["name"] == "language"), "fi")


def _voices(variants):
    return {c["value"] for v in variants for c in v.get("condition") or [] if c["name"] == "asker"}


def test_conditional_responses_have_every_voice_and_a_default_in_each_language():
    """Each language has the Finnish voices and one default of its own: otherwise a Swedish
    relative's variation and the Finnish relative's would be equally specific."""
    for name, variants in OWN.items():
        by_language = {}
        for variant in variants:
            by_language.setdefault(_language(variant), []).append(variant)
        finnish_voices = _voices(by_language["fi"])
        assert finnish_voices in (set(), {"relative", "advisor"}), name
        for language, group in by_language.items():
            assert _voices(group) == finnish_voices, (name, language)
            defaults = [
                v
                for v in group
                if not [c for c in v.get("condition") or [] if c["name"] != "language"]
            ]
            assert len(defaults) == 1, (name, language)


def test_a_municipality_answer():
    said = texts(result())
    assert said[0] == "Näistä paikoista saat apua (Oulu):"
    assert said[1].splitlines() == [
        "ESIMERKKI: Paikka",
        "Osoite: Esimerkkikatu 1, Oulu",
        "Noin 0,4 km kunnan keskustasta.",
        "Apua: opastus paikan päällä, kotikäynti",
        "Puhelin: +358 000 0000 (esimerkki)",
        "Auki nyt, klo 16.00 asti.",
    ]
    assert said[-1].startswith("Huom! Nämä ovat esimerkkitietoja")


@pytest.mark.parametrize(
    "asker, start",
    [(None, "Kunnastasi (Oulu)"), ("relative", "Läheisesi kunnasta"), ("advisor", "Asiakkaan")],
)
def test_nearby_voices(asker, start):
    assert texts(result(scope="nearby"), asker)[0].startswith(start)


def test_coordinates_measure_from_the_person():
    said = texts(result(scope="nearby", origin_kind="coordinates"))
    assert said[0] == "Nämä sopivat paikat ovat lähimpänä sijaintiasi:"
    assert "Matkaa noin 0,4 km." in said[1]


def test_national_answer_is_honest_and_unmarked():
    national = hit(
        is_sample=False,
        source="curated",
        channel_type="EChannel",
        distance_km=None,
        street_address=None,
        phone=None,
        web="https://dvv.fi/digituki",
        hours_known=False,
        name="Digituki",
    )
    said = texts(result(scope="national", hits=[national]))
    assert said[0].startswith("Läheltäsi en löytänyt")
    assert (
        said[1]
        == "Digituki\nApua: opastus paikan päällä, kotikäynti\nVerkossa: https://dvv.fi/digituki"
    )
    assert not any("esimerkki" in text.lower() for text in said)


@pytest.mark.parametrize(
    "opens, expected",
    [
        (datetime(2025, 12, 5, 13, 0), "Aukeaa tänään klo 13.00."),
        (datetime(2025, 12, 6, 9, 30), "Aukeaa huomenna klo 9.30."),
        (datetime(2025, 12, 9, 10, 0), "Aukeaa seuraavan kerran tiistaina 9.12. klo 10.00."),
    ],
)
def test_next_opening_phrases(opens, expected):
    closed = hit(open_now=False, closes_at=None, next_opening=opens.replace(tzinfo=HELSINKI))
    assert texts(result(hits=[closed]))[1].splitlines()[-1] == expected


def test_provider_limits_are_mentioned():
    limited = hit(limits=[ProviderLimitInfo("banking", "does_less", "Ei auta pankkiasioissa.")])
    assert "Huom: Ei auta pankkiasioissa." in texts(result(hits=[limited]))[1]


def test_no_location_asks_for_it():
    res = SearchResult("national", Origin("none"), "banking", None, [hit()])
    plan = present.plan_reply(res, NOW)
    assert [m.response for m in plan] == ["utter_ask_municipality"]


def test_nothing_found():
    assert present.render_plan(RESPONSES, present.plan_reply(result(hits=[]), NOW), {})[
        0
    ].startswith("En löytänyt")


def test_online_instructions_offered_for_light_levels_only():
    extra = hit(is_sample=False, web="https://www.suomi.fi/ohjeet-ja-tuki", name="Suomi.fi")
    light = result()
    light = SearchResult(**{**light.__dict__, "national": [extra]})
    assert any("Ohjeita on myös verkossa" in t for t in texts(light))
    heavy = SearchResult(**{**light.__dict__, "need_level": "demanding_support"})
    assert not any("Ohjeita on myös verkossa" in t for t in texts(heavy))


def test_number_and_time_formats():
    assert present.format_km(0.42) == "0,4" and present.format_km(12.6) == "13"
    assert present.format_time(datetime(2025, 1, 1, 9, 5)) == "9.05"
