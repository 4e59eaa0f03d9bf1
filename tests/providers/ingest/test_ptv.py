"""PTV v11 JSON to records: field mapping and the reasons malformed channels are rejected."""

import copy
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.ingest import ptv_v11 as ptv
from bot.ingest.classify import PROVIDER_DATA_DIR
from bot.ingest.records import RecordError
from tests.providers.ptv_data import HELSINKI, location

SCHEMA_SAMPLE = PROVIDER_DATA_DIR / "V11VmOpenApiServiceLocationChannel.schema-sample.json"


def realistic_schema_sample():
    """PTV's own schema sample (every field present), with real-looking values filled in."""
    item = json.loads(SCHEMA_SAMPLE.read_text(encoding="utf-8"))
    item["serviceChannelType"] = "ServiceLocation"
    item["serviceChannelNames"] = [
        {"language": "fi", "value": "Testikirjasto", "type": "Name"},
        {"language": "sv", "value": "Testbibliotek", "type": "Name"},
        {"language": "fi", "value": "Kirjasto", "type": "AlternativeName"},
    ]
    item["serviceChannelDescriptions"] = [
        {"language": "fi", "value": "Lyhyt kuvaus", "type": "Summary"}
    ]
    item["areaType"] = "LimitedType"
    item["areas"][0].update({"type": "Municipality", "code": "091"})
    item["phoneNumbers"][0].update(
        {"number": "000 0000", "prefixNumber": "+358", "serviceChargeType": "FreeOfCharge"}
    )
    item["emails"][0]["value"] = "testi@testi.invalid"
    item["webPages"][0]["url"] = "https://testi.invalid"
    item["languages"] = ["fi", "sv"]
    address = item["addresses"][0]
    address["type"] = "Location"
    street = address["streetAddress"]
    street.update(
        {
            "street": [{"value": "Unioninkatu", "language": "fi"}],
            "streetNumber": "29",
            "postalCode": "00170",
            "postOffice": [{"value": "HELSINKI", "language": "fi"}],
            "municipality": {"code": "091", "name": []},
            "latitude": "6672197",
            "longitude": "386412",
        }
    )
    address["entrances"][0]["accessibilitySentences"][0]["sentences"][0]["sentence"] = [
        {"value": "Sisäänkäynnillä on luiska.", "language": "fi"}
    ]
    item["serviceHours"] = [
        {
            "serviceHourType": "DaysOfTheWeek",
            "validFrom": None,
            "validTo": None,
            "isClosed": False,
            "isAlwaysOpen": False,
            "openingHour": [
                {"dayFrom": "Monday", "dayTo": "Friday", "from": "08:00:00", "to": "16:00:00"}
            ],
        },
        {
            "serviceHourType": "Exceptional",
            "validFrom": "2025-12-05T22:00:00Z",  # midnight of 6.12. in Helsinki
            "validTo": None,
            "isClosed": True,
            "additionalInformation": [{"value": "Itsenäisyyspäivä", "language": "fi"}],
            "openingHour": [],
        },
        {
            "serviceHourType": "OverMidnight",
            "openingHour": [
                {"dayFrom": "Friday", "dayTo": "Saturday", "from": "22:00", "to": "02:00"}
            ],
        },
    ]
    item["services"][0]["service"]["id"] = "3FA85F64-5717-4562-B3FC-2C963F66AFA7"
    item["publishingStatus"] = "Published"
    item["modified"] = "2024-05-06T07:08:09.1234567Z"  # .NET writes seven digits
    return item


def test_the_schema_sample_as_published_is_not_kept():
    """Its placeholder channel type "string" is not a type the directory keeps."""
    item = json.loads(SCHEMA_SAMPLE.read_text(encoding="utf-8"))
    assert ptv.item_kind(item) == "channel"
    with pytest.raises(ptv.UnsupportedRecord):
        ptv.parse_channel(item)


def test_every_field_the_directory_uses_is_mapped():
    channel = ptv.parse_channel(realistic_schema_sample())
    assert channel.source_id == "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    assert (channel.name_fi, channel.name_sv, channel.summary_fi) == (
        "Testikirjasto",
        "Testbibliotek",
        "Lyhyt kuvaus",
    )
    assert channel.street_address == "Unioninkatu 29" and channel.postal_code == "00170"
    assert channel.post_office == "HELSINKI" and channel.municipality_code == "091"
    assert channel.latitude == pytest.approx(60.1708, abs=1e-4)  # Helsinki cathedral
    assert channel.longitude == pytest.approx(24.9528, abs=1e-4)
    assert channel.area_municipalities == ("091",) and not channel.is_nationwide
    assert channel.languages == ("fi", "sv")
    assert channel.accessibility_notes == "Sisäänkäynnillä on luiska."
    assert channel.service_ids == ("3fa85f64-5717-4562-b3fc-2c963f66afa7",)
    assert channel.modified == datetime(2024, 5, 6, 7, 8, 9, 123456)
    phone = next(c for c in channel.contacts if c.kind == "phone")
    assert (phone.prefix, phone.value, phone.charge_type) == ("+358", "000 0000", "FreeOfCharge")
    weekly, holiday, night = channel.hours
    assert (weekly.kind, weekly.day_from, weekly.day_to, weekly.opens_minute) == (
        "weekly",
        0,
        4,
        480,
    )
    assert (holiday.kind, holiday.is_closed, holiday.valid_from, holiday.note) == (
        "exception",
        True,
        date(2025, 12, 6),
        "Itsenäisyyspäivä",
    )
    assert night.over_midnight and (night.day_from, night.day_to) == (4, 5)


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda c: c.update(id="123"), "not a GUID"),
        (lambda c: c.pop("serviceChannelType"), "serviceChannelType missing"),
        (lambda c: c.update(serviceChannelNames=[]), "no name"),
        (
            lambda c: c["addresses"][0]["streetAddress"].update(latitude="N66"),
            "not a number",
        ),
        (
            lambda c: c["addresses"][0]["streetAddress"].update(postalCode="FI-90100"),
            "five digits",
        ),
        (
            lambda c: c["addresses"][0]["streetAddress"]["municipality"].update(code="91"),
            "three digits",
        ),
        (lambda c: c["serviceHours"][0]["openingHour"][0].update(dayFrom="Maanantai"), "weekday"),
        (lambda c: c["serviceHours"][0]["openingHour"][0].update(to="25:00"), "time of day"),
        (lambda c: c["serviceHours"][1].update(validFrom=None), "without validFrom"),
        (lambda c: c.update(modified="yesterday"), "bad timestamp"),
        (lambda c: c.update(organizationId="acme"), "organizationId"),
    ],
)
def test_malformed_channels_say_why(change, reason):
    item = copy.deepcopy(realistic_schema_sample())
    change(item)
    with pytest.raises(RecordError, match=reason):
        ptv.parse_channel(item)


def test_withdrawn_channel_is_parsed_as_unpublished():
    item = location("x", HELSINKI)
    item["publishingStatus"] = "Archived"
    assert ptv.parse_channel(item).is_published is False


def test_zero_coordinates_mean_none():
    item = location("x", HELSINKI)
    item["addresses"][0]["streetAddress"].update(latitude="0", longitude="0")
    channel = ptv.parse_channel(item)
    assert channel.latitude is None and channel.longitude is None


def test_nationwide_and_region_areas():
    item = location("x", HELSINKI)
    item["areaType"] = "Nationwide"
    assert ptv.parse_channel(item).is_nationwide
    item["areaType"] = "LimitedType"
    item["areas"] = [
        {"type": "Province", "code": "19", "municipalities": [{"code": "564"}, {"code": "072"}]}
    ]
    assert ptv.parse_channel(item).area_municipalities == ("564", "072")


def test_service_classes_from_code_or_uri():
    service = ptv.parse_service(
        {
            "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "serviceNames": [{"language": "fi", "value": "Kirjasto", "type": "Name"}],
            "serviceClasses": [
                {"code": "P25.1"},
                {"uri": "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P9.4"},
            ],
        }
    )
    assert service.class_codes == ("P25.1", "P9.4") and service.name_fi == "Kirjasto"


def test_paths_and_params():
    assert ptv.municipality_channels_path("072") == (
        "/api/v11/ServiceChannel/list/area/Municipality/code/072"
    )
    helsinki_time = datetime(2025, 1, 2, 3, 4, 5, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert ptv.page_params(3, helsinki_time) == {"page": "3", "date": "2025-01-02T01:04:05"}
    assert ptv.changed_ids({"itemList": [{"id": "a"}, "b", {"name": "no id"}]}) == ["a", "b"]
