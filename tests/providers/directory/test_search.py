"""Nearest-provider search: ordering, need-level preference, scopes and their fallbacks."""

from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.directory.geo import haversine_km
from bot.directory.hours import HELSINKI as TZ
from bot.directory.models import ProviderLocation, SupportOffer, get_provider_limits
from bot.directory.search import find_providers, fits_need_level
from bot.ingest.generate import channel_json, generate_channels, generated_services
from bot.ingest.importer import ProviderImporter
from tests.providers.ptv_data import (
    HELSINKI,
    OULU,
    SERVICES,
    WEEKDAYS_9_16,
    channel_id,
    location,
    phone_line,
    write_page,
)

FRIDAY_MORNING = datetime(2025, 12, 5, 10, 0, tzinfo=TZ)


@pytest.fixture
def directory(engine, tmp_path):
    """Helsinki: three places at ~1, 2 and 3 km north of the centre, a phone line and a chat;
    Oulu: one service point. Plus the national channels."""
    chat = channel_json(
        channel_id=channel_id("chat"),
        channel_type="EChannel",
        name_fi="Testikirjasto chat",
        area_codes=("091",),
        web=("https://testi.invalid/chat",),
        hours=[WEEKDAYS_9_16],
    )
    items = [
        *SERVICES,
        location("far", HELSINKI, offset=(0.027, 0.0)),
        location("near", HELSINKI, offset=(0.009, 0.0), hours=[]),
        location("middle", HELSINKI, offset=(0.018, 0.0), label="Testiasiointipiste keskellä"),
        phone_line("helsinki", ["091"]),
        chat,
        location("oulu", OULU, label="Oulun testiasiointipiste"),
    ]
    importer = ProviderImporter(engine, progress=False)
    report = importer.import_file(write_page(tmp_path / "d.json", items))
    assert not report.errors and report.created == 6
    importer.import_national_channels()
    return engine


def search(engine, **kwargs):
    kwargs.setdefault("topic", "banking")
    kwargs.setdefault("need_level", "light_support")
    kwargs.setdefault("now", FRIDAY_MORNING)
    with Session(engine, future=True) as session:
        return find_providers(session, **kwargs)


def names(result):
    return [hit.name for hit in result.providers]


def test_municipality_scope_nearest_first(directory):
    result = search(directory, need_level="demanding_support", municipality_code="091")
    assert result.scope == "municipality" and result.origin.kind == "municipality"
    assert names(result) == [
        "Testikirjasto near",
        "Testiasiointipiste keskellä",
        "Testikirjasto far",
    ]
    distances = [hit.distance_km for hit in result.providers]
    assert distances == sorted(distances) and 0.9 < distances[0] < 1.1


def test_level_1_prefers_the_e_channel(directory):
    result = search(directory, need_level="self_service", municipality_code="091")
    assert result.providers[0].name == "Testikirjasto chat"
    assert result.providers[0].distance_km is None  # a web service has no distance


def test_level_4_gets_phone_and_visits_never_an_e_channel(directory):
    result = search(directory, need_level="non_digital", municipality_code="091", limit=10)
    kinds = {hit.channel_type for hit in result.providers}
    assert "EChannel" not in kinds
    assert {"Phone", "ServiceLocation"} <= kinds
    assert all(hit.fits_need_level for hit in result.providers)


def test_neighbouring_municipality_falls_back_to_nearby(directory):
    result = search(directory, need_level="demanding_support", municipality_code="049")  # Espoo
    assert result.scope == "nearby" and result.radius_km == 25.0
    assert result.origin.municipality_name == "Espoo"
    assert all(hit.municipality_code == "091" for hit in result.providers)
    assert "Testipuhelin helsinki" not in names(result)  # a Helsinki line is for Helsinki
    distances = [hit.distance_km for hit in result.providers]
    assert distances == sorted(distances) and all(10 < d < 25 for d in distances)


def test_hailuoto_gets_oulu_within_sixty_km(directory):
    result = search(directory, municipality_code="072")
    assert result.scope == "nearby" and result.radius_km == 60.0
    assert names(result) == ["Oulun testiasiointipiste"]
    assert 25 < result.providers[0].distance_km < 60


def test_far_away_falls_back_to_national_channels(directory):
    result = search(directory, topic="authorizations", municipality_code="148")  # Inari
    assert result.scope == "national"
    assert result.providers and all(hit.source == "curated" for hit in result.providers)
    assert result.national == []


def test_wider_ring_before_national_for_in_person_levels(directory):
    result = search(directory, need_level="demanding_support", municipality_code="069")  # Haapavesi
    assert result.scope == "nearby" and result.radius_km == 150.0
    assert names(result) == ["Oulun testiasiointipiste"]


def test_postal_code_is_the_origin(directory):
    result = search(directory, postal_code="00100")
    assert result.origin.kind == "postal_code" and result.origin.municipality_code == "091"
    assert result.scope == "municipality"


def test_coordinates_measure_from_the_person(directory):
    lat, lon = HELSINKI[2] + 0.028, HELSINKI[3]  # right next to "far"
    result = search(directory, need_level="demanding_support", latitude=lat, longitude=lon)
    assert result.origin.kind == "coordinates" and result.scope == "nearby"
    assert result.providers[0].name == "Testikirjasto far"
    assert result.providers[0].distance_km < 0.3


def test_coordinates_far_from_the_stated_municipality_win(directory):
    lat, lon = HELSINKI[2], HELSINKI[3]
    result = search(directory, municipality_code="564", latitude=lat, longitude=lon)
    assert result.origin.municipality_code is None
    assert all(hit.municipality_code == "091" for hit in result.providers)


def test_unknown_place_gives_national_channels_and_says_so(directory):
    result = search(directory)
    assert not result.location_known and result.scope == "national"


def test_opening_status_of_hits(directory):
    result = search(directory, need_level="demanding_support", municipality_code="091")
    middle = result.providers[1]
    assert middle.open_now is True and middle.closes_at == datetime(2025, 12, 5, 16, 0, tzinfo=TZ)
    near = result.providers[0]
    assert near.hours_known is False and near.open_now is None
    saturday = search(
        directory,
        need_level="demanding_support",
        municipality_code="091",
        now=datetime(2025, 12, 6, 10, 0, tzinfo=TZ),
    )
    middle = saturday.providers[1]
    assert middle.open_now is False
    assert middle.next_opening == datetime(2025, 12, 8, 9, 0, tzinfo=TZ)


def test_topic_filter(directory):
    assert search(directory, topic="security", municipality_code="564").scope == "municipality"


def test_fits_need_level_rules():
    assert fits_need_level("self_service", "EChannel", 0)
    assert not fits_need_level("demanding_support", "Phone", 4)
    assert fits_need_level("demanding_support", "ServiceLocation", 8)  # home visit
    assert not fits_need_level("non_digital", "EChannel", 2)
    with pytest.raises(ValueError):
        fits_need_level("level_five", "Phone", 4)


def test_bounding_box_search_equals_brute_force(engine, tmp_path):
    """The indexed prefilter must not lose anything an exhaustive distance scan finds."""
    towns = [HELSINKI, ("092", "Vantaa", 60.2981, 25.0066), ("049", "Espoo", 60.2052, 24.6522)]
    items = list(generate_channels(150, towns, seed=7, spread_km=15))
    ProviderImporter(engine, progress=False).import_file(
        write_page(tmp_path / "g.json", [*generated_services(), *items])
    )
    origin = (60.25, 24.85)
    with Session(engine, future=True) as session:
        result = find_providers(
            session,
            topic="device",
            need_level=None,
            latitude=origin[0],
            longitude=origin[1],
            limit=5,
        )
        rows = session.execute(
            select(ProviderLocation.latitude, ProviderLocation.longitude)
            .join(SupportOffer, SupportOffer.provider_id == ProviderLocation.id)
            .where(
                SupportOffer.topic == "device",
                ProviderLocation.channel_type == "ServiceLocation",
            )
        ).all()
    brute = sorted(haversine_km(*origin, lat, lon) for lat, lon in rows)[:5]
    assert [hit.distance_km for hit in result.providers] == [round(d, 1) for d in brute]


def test_provider_limits_for_the_limits_helper(sample_engine):
    with Session(sample_engine, future=True) as session:
        result = find_providers(
            session, topic="security", need_level="demanding_support", municipality_code="091"
        )
        ngo = next(hit for hit in result.providers if "Seniorijärjestö" in hit.name)
        limits = get_provider_limits(session, str(ngo.id))
        assert [(x.key, x.does_less, x.does_more) for x in limits] == [("banking", True, False)]
        assert get_provider_limits(session, "999999") == []
        assert get_provider_limits(session, "not-an-id") == []
        assert get_provider_limits(session, None) == []


def test_ngo_without_banking_is_not_offered_for_banking(sample_engine):
    with Session(sample_engine, future=True) as session:
        result = find_providers(
            session, topic="banking", need_level="light_support", municipality_code="091", limit=10
        )
    assert not any("Seniorijärjestö" in hit.name for hit in result.providers)


def test_level_1_is_not_sent_to_another_town(directory):
    result = search(directory, need_level="self_service", municipality_code="049")  # Espoo
    assert result.scope == "national"
    assert all(hit.channel_type == "EChannel" for hit in result.providers)
