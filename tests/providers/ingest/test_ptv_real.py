"""Real PTV records, and the quirks real PTV data has, in their real shapes.

fixtures/ptv_real/ holds one real v11 service-location channel and two real v11 services (public
PTV data, from the Finnish Digital Agency's MIT-licensed repository; see its README). Each quirk
is the real channel with one field set the way real records carry it: coordinateState
"NotReceived" without coordinates, phone entries whose number is null, a listing's page 0 with
`itemList: null`, services without classes, and exceptional and holiday hours.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot.directory.hours import HELSINKI
from bot.directory.service import PersonQuery, find_for_person
from bot.ingest import ptv_v11 as ptv
from bot.ingest.classify import Curation, Rule, load_curation
from bot.ingest.importer import ProviderImporter
from bot.places import get_index
from tests.providers.fake_ptv import EMPTY_LISTING, FakePtv

REAL = Path(__file__).resolve().parent / "fixtures" / "ptv_real"
MIKKELI = "491"


def real(name: str) -> Any:
    return json.loads((REAL / name).read_text(encoding="utf-8"))


def channel() -> Dict[str, Any]:
    """A fresh copy of the real channel (Otavan Opisto, Mikkeli)."""
    return copy.deepcopy(real("otava_service_location_channel.v11.json"))


def services() -> List[Dict[str, Any]]:
    """The two real services; services_dict wraps its service in {id: Service}."""
    return [real("etalukio_service.v11.json"), *real("services_dict.v11.json").values()]


def street(item: Dict[str, Any]) -> Dict[str, Any]:
    return item["addresses"][0]["streetAddress"]


def write(path: Path, payload: Any) -> Path:
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def as_provider(item: Dict[str, Any]) -> Curation:
    """The real channel is an adult-education college; a curated rule makes it a provider here
    so that what is stored of it can be looked at."""
    rule = Rule(topics=("e_services",), forms=("in_person",), levels=("demanding_support",))
    return Curation(channels={item["id"].lower(): rule})


def test_the_real_records_import_without_error_and_are_no_digital_support(importer, tmp_path):
    report = importer.import_file(write(tmp_path / "services.json", services()))
    assert report.errors == [] and report.services == 2
    report = importer.import_file(write(tmp_path / "channel.json", channel()))
    assert report.errors == [] and report.not_support == 1 and report.created == 0


def test_the_real_channel_reads_as_it_is():
    record = ptv.parse_channel(channel())
    assert record.channel_type == "ServiceLocation" and record.municipality_code == MIKKELI
    assert record.street_address == "Otavantie 2 B" and record.postal_code == "50670"
    assert 61.6 < record.latitude < 61.7 and 27.0 < record.longitude < 27.1  # from EPSG:3067
    assert [(c.prefix, c.value) for c in record.contacts if c.kind == "phone"] == [
        ("+358", "447943552"),
        ("+358", "447943565"),
    ]
    assert {(h.day_from, h.opens_minute, h.closes_minute) for h in record.hours} == {
        (day, 8 * 60, 16 * 60) for day in range(5)
    }
    assert len(record.service_ids) == 8 and record.accessibility_notes


@pytest.mark.parametrize("no_coordinates", [None, "0", ""])
def test_coordinates_not_received_place_it_at_the_municipality_centre(
    engine, tmp_path, no_coordinates
):
    item = channel()
    street(item).update(latitude=no_coordinates, longitude=no_coordinates)
    street(item)["coordinateState"] = "NotReceived"
    importer = ProviderImporter(engine, progress=False, curation=as_provider(item))
    report = importer.import_file(write(tmp_path / "c.json", item))
    assert report.errors == [] and report.created == 1
    hit = find_for_person(
        PersonQuery(topic="e_services", need_level="demanding_support", municipality="Mikkeli"),
        engine=engine,
    ).providers[0]
    centre = get_index().by_code(MIKKELI)
    assert hit.coordinates_approximate
    assert (hit.latitude, hit.longitude) == pytest.approx((centre.latitude, centre.longitude))


def test_without_coordinates_or_municipality_the_postal_code_places_it(engine, tmp_path):
    item = channel()
    street(item).update(latitude=None, longitude=None, coordinateState="NotReceived")
    street(item)["municipality"] = None
    item["areas"] = []
    importer = ProviderImporter(engine, progress=False, curation=as_provider(item))
    assert importer.import_file(write(tmp_path / "c.json", item)).created == 1
    by_point = find_for_person(
        PersonQuery(topic="e_services", need_level="demanding_support", latitude=61.69,
                    longitude=27.27),
        engine=engine,
    )  # fmt: skip
    centre = get_index().by_code(MIKKELI)  # 50670 OTAVA is in Mikkeli
    (hit,) = by_point.providers
    assert hit.coordinates_approximate
    assert (hit.latitude, hit.longitude) == pytest.approx((centre.latitude, centre.longitude))


def test_phone_entries_with_a_null_number_are_left_out():
    item = channel()
    item["phoneNumbers"][0]["number"] = None
    item["phoneNumbers"].append({**item["phoneNumbers"][1], "number": None, "prefixNumber": None})
    phones = [c.value for c in ptv.parse_channel(item).contacts if c.kind == "phone"]
    assert phones == ["447943565"]
    for phone in item["phoneNumbers"]:
        phone["number"] = None
    assert not [c for c in ptv.parse_channel(item).contacts if c.kind == "phone"]


def test_page_zero_with_no_item_list_is_an_empty_page(importer, tmp_path):
    assert ptv.page_items(EMPTY_LISTING) == [] and ptv.page_count(EMPTY_LISTING) == 0
    report = importer.import_file(write(tmp_path / "empty.json", EMPTY_LISTING))
    assert report.errors == [] and report.providers_seen == 0


async def test_a_sync_reads_an_empty_municipality_listing_as_nothing(engine):
    fake = FakePtv({}, [])
    base_url = await fake.start()
    try:
        importer = ProviderImporter(engine, progress=False)
        report = await importer.sync(base_url, municipalities=[MIKKELI], mode="full")
    finally:
        await fake.close()
    assert report.completed and report.errors == [] and report.pages == 1
    assert fake.keys("muni:") == [f"muni:{MIKKELI}:1"]


@pytest.mark.parametrize("without", ["empty list", "no key"])
def test_a_channel_whose_services_lack_classes_is_read_and_left_out(importer, tmp_path, without):
    unclassed = services()
    for service in unclassed:
        if without == "empty list":
            service["serviceClasses"] = []
        else:
            del service["serviceClasses"]
    assert all(ptv.parse_service(service).class_codes == () for service in unclassed)
    item = channel()
    item["services"].append({"service": {"id": unclassed[0]["id"], "name": "Nettilukio"}})
    importer.import_file(write(tmp_path / "s.json", unclassed))
    report = importer.import_file(write(tmp_path / "c.json", item))
    assert report.errors == [] and report.not_support == 1


def _holidays(item: Dict[str, Any]) -> None:
    """Christmas Eve closed ("Exceptional", as v11 writes it) and short hours the day before
    ("Exception", as older records still say), both written the way PTV writes dates."""
    info = [{"value": "Jouluaatto", "language": "fi"}]
    item["serviceHours"] += [
        {"serviceHourType": "Exceptional", "validFrom": "2025-12-24T00:00:00", "validTo": None,
         "isClosed": True, "validForNow": False, "isAlwaysOpen": False, "isReservation": False,
         "additionalInformation": info, "openingHour": []},
        {"serviceHourType": "Exception", "validFrom": "2025-12-22T22:00:00Z",
         "validTo": "2025-12-22T22:00:00Z", "isClosed": False, "validForNow": False,
         "isAlwaysOpen": False, "isReservation": False, "additionalInformation": [],
         "openingHour": [{"dayFrom": "Tuesday", "dayTo": "", "from": "10:00:00",
                          "to": "12:00:00"}]},
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("now", "open_now", "closes", "opens"),
    [
        (datetime(2025, 12, 23, 11, 0), True, (12, 0), None),  # the short day
        (datetime(2025, 12, 23, 13, 0), False, None, (25, 8)),  # Christmas Eve is skipped
        (datetime(2025, 12, 24, 9, 0), False, None, (25, 8)),
        (datetime(2025, 12, 22, 9, 0), True, (16, 0), None),  # an ordinary Monday
    ],
)
def test_exceptional_and_holiday_hours_win_over_the_week(engine, tmp_path, now, open_now,
                                                         closes, opens):  # fmt: skip
    item = channel()
    _holidays(item)
    rows = ptv.parse_channel(item).hours
    assert [row.kind for row in rows].count("exception") == 2
    importer = ProviderImporter(engine, progress=False, curation=as_provider(item))
    assert importer.import_file(write(tmp_path / "c.json", item)).created == 1
    query = PersonQuery(topic="e_services", need_level="demanding_support", municipality="Mikkeli")
    (hit,) = find_for_person(query, now=now.replace(tzinfo=HELSINKI), engine=engine).providers
    assert hit.hours_known and hit.open_now is open_now
    if closes:
        assert (hit.closes_at.hour, hit.closes_at.minute) == closes
    if opens:
        assert (hit.next_opening.day, hit.next_opening.hour) == opens


def test_the_shipped_curation_leaves_the_real_channel_out():
    """What the project's curated rules say of a real, unrelated channel: not digital support."""
    from bot.ingest.classify import classify

    classes = {ptv.parse_service(s).source_id: ptv.parse_service(s).class_codes for s in services()}
    assert classify(ptv.parse_channel(channel()), load_curation(), classes) is None
