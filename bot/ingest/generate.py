"""PTV v11-shaped JSON for tests, the shipped sample and the 50 000-location benchmark.

The builders write exactly the fields `ptv_v11` reads, in PTV's shapes (language-versioned
lists, EPSG:3067 coordinates as strings, serviceHours with weekday names), so everything made
here goes through the real parsing and validation path. Every generated name starts with
"ESIMERKKI" and every contact is obviously fake (no real-looking phone numbers, `.invalid`
domains), so generated data can never be mistaken for real providers.
"""

from __future__ import annotations

import json
import math
import random
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from bot.directory.geo import wgs84_to_etrs

FAKE_NUMBER = "000 0000 (esimerkki)"
FAKE_DOMAIN = "esimerkki.invalid"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NAMESPACE = uuid.UUID("6f1c3f0e-2a55-4c1b-9a47-0d1c2b3a4e5f")


def stable_id(*parts: object) -> str:
    """A GUID derived from `parts`, so regenerated data keeps its ids (idempotent imports)."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(str(part) for part in parts)))


def _lang(value: Optional[str], language: str = "fi", **extra: str) -> List[Dict[str, str]]:
    return [] if value is None else [{"language": language, "value": value, **extra}]


def weekly_hours(
    rows: Sequence[Tuple[str, Optional[str], str, str]],
    *,
    valid_from: Optional[date] = None,
    valid_to: Optional[date] = None,
    over_midnight: bool = False,
) -> Dict[str, Any]:
    """serviceHours entry from (dayFrom, dayTo, from, to) rows, e.g. ("Monday", "Friday", ...)."""
    return {
        "serviceHourType": "OverMidnight" if over_midnight else "DaysOfTheWeek",
        "validFrom": valid_from.isoformat() + "T00:00:00" if valid_from else None,
        "validTo": valid_to.isoformat() + "T00:00:00" if valid_to else None,
        "isClosed": False,
        "isAlwaysOpen": False,
        "additionalInformation": [],
        "openingHour": [
            {"dayFrom": day_from, "dayTo": day_to, "from": opens, "to": closes}
            for day_from, day_to, opens, closes in rows
        ],
    }


def exceptional_closed(
    day: date, until: Optional[date] = None, note: Optional[str] = None
) -> Dict[str, Any]:
    return {
        "serviceHourType": "Exceptional",
        "validFrom": day.isoformat() + "T00:00:00",
        "validTo": until.isoformat() + "T00:00:00" if until else None,
        "isClosed": True,
        "isAlwaysOpen": False,
        "additionalInformation": _lang(note),
        "openingHour": [],
    }


def service_json(
    service_id: str, name: str, class_codes: Sequence[str], modified: str = "2025-01-01T00:00:00Z"
) -> Dict[str, Any]:
    return {
        "id": service_id,
        "serviceNames": _lang(name, type="Name"),
        "serviceClasses": [
            {
                "code": code,
                "uri": f"http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/{code}",
                "name": [],
            }
            for code in class_codes
        ],
        "publishingStatus": "Published",
        "modified": modified,
    }


def channel_json(
    *,
    channel_id: str,
    channel_type: str,
    name_fi: str,
    organisation_id: Optional[str] = None,
    name_sv: Optional[str] = None,
    name_en: Optional[str] = None,
    summary_fi: Optional[str] = None,
    summary_sv: Optional[str] = None,
    summary_en: Optional[str] = None,
    municipality: Optional[Tuple[str, str]] = None,  # (code, Finnish name)
    street: Optional[str] = None,
    street_sv: Optional[str] = None,
    street_number: Optional[str] = None,
    postal_code: Optional[str] = None,
    post_office: Optional[str] = None,
    post_office_sv: Optional[str] = None,
    point: Optional[Tuple[float, float]] = None,  # WGS84 (lat, lon); written as EPSG:3067
    area_codes: Sequence[str] = (),
    nationwide: bool = False,
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    web: Sequence[str] = (),
    languages: Sequence[str] = ("fi",),
    hours: Sequence[Dict[str, Any]] = (),
    services: Sequence[Tuple[str, str]] = (),
    accessibility: Sequence[str] = (),
    modified: str = "2025-01-01T00:00:00Z",
    status: str = "Published",
) -> Dict[str, Any]:
    """One service channel in PTV v11 shape."""
    addresses = []
    if street or point or postal_code:
        northing, easting = wgs84_to_etrs(*point) if point else (None, None)
        municipality_json = (
            {"code": municipality[0], "name": _lang(municipality[1])} if municipality else None
        )
        addresses.append(
            {
                "type": "Location",
                "subType": "Single",
                "streetAddress": {
                    "street": [*_lang(street), *_lang(street_sv, "sv")],
                    "streetNumber": street_number,
                    "postalCode": postal_code,
                    "postOffice": [*_lang(post_office), *_lang(post_office_sv, "sv")],
                    "municipality": municipality_json,
                    "additionalInformation": [],
                    "latitude": None if northing is None else f"{northing:.3f}",
                    "longitude": None if easting is None else f"{easting:.3f}",
                    "coordinateState": "Ok" if point else "NotReceived",
                },
                "entrances": [
                    {
                        "isMainEntrance": True,
                        "accessibilitySentences": [
                            {
                                "sentenceGroup": _lang("Sisäänkäynti"),
                                "sentences": [{"sentence": _lang(text)} for text in accessibility],
                            }
                        ],
                    }
                ]
                if accessibility
                else [],
                "country": "FI",
            }
        )
    if nationwide:
        area_type, areas = "Nationwide", []
    elif area_codes:
        area_type = "LimitedType"
        areas = [{"type": "Municipality", "code": code, "name": []} for code in area_codes]
    else:
        area_type, areas = "LimitedType", []
    return {
        "id": channel_id,
        "serviceChannelType": channel_type,
        "organizationId": organisation_id,
        "serviceChannelNames": [
            *_lang(name_fi, type="Name"),
            *_lang(name_sv, "sv", type="Name"),
            *_lang(name_en, "en", type="Name"),
        ],
        "serviceChannelDescriptions": [
            *_lang(summary_fi, type="Summary"),
            *_lang(summary_sv, "sv", type="Summary"),
            *_lang(summary_en, "en", type="Summary"),
        ],
        "areaType": area_type,
        "areas": areas,
        "phoneNumbers": [
            {
                "type": "Phone",
                "prefixNumber": "+358",
                "number": number,
                "serviceChargeType": "Chargeable",
                "chargeDescription": None,
                "additionalInformation": None,
                "isFinnishServiceNumber": False,
                "language": "fi",
            }
            for number in phones
        ],
        "emails": [{"value": email, "language": "fi"} for email in emails],
        "webPages": [{"url": url, "value": None, "language": "fi"} for url in web],
        "languages": list(languages),
        "addresses": addresses,
        "serviceHours": list(hours),
        "services": [
            {"service": {"id": service_id, "name": name}, "serviceChargeType": None}
            for service_id, name in services
        ],
        "publishingStatus": status,
        "modified": modified,
    }


# --- bulk generation (benchmark) ----------------------------------------------------------------

#: (kind, service name, PTV service classes) of the generated services
GENERATED_SERVICES: Tuple[Tuple[str, str, Tuple[str, ...]], ...] = (
    ("library", "ESIMERKKI (generoitu): Kirjaston digiopastus", ("P25.1",)),
    ("service_point", "ESIMERKKI (generoitu): Asiointipisteen palvelut", ("P9.4",)),
    ("ngo", "ESIMERKKI (generoitu): Järjestön digitukitoiminta", ("P8.4",)),
    ("course", "ESIMERKKI (generoitu): Kansalaisopiston tietotekniikkakurssit", ("P25.7",)),
    ("advice", "ESIMERKKI (generoitu): Yleinen neuvonta", ("P9.6",)),
)
_KIND_NAMES = {
    "library": "kirjaston digiopastus",
    "service_point": "asiointipiste",
    "ngo": "digitukipiste",
    "course": "kansalaisopiston digikurssi",
    "advice": "neuvonta",
}
_TYPES = (("ServiceLocation", 0.75), ("Phone", 0.15), ("EChannel", 0.10))


def generated_services() -> List[Dict[str, Any]]:
    return [
        service_json(stable_id("generated-service", key), name, classes)
        for key, name, classes in GENERATED_SERVICES
    ]


def generate_channels(
    count: int,
    municipalities: Sequence[Tuple[str, str, float, float]],
    *,
    seed: int = 2024,
    spread_km: float = 6.0,
) -> Iterator[Dict[str, Any]]:
    """`count` channels spread over `municipalities` [(code, name, lat, lon)], reproducibly."""
    rng = random.Random(seed)
    services = [(stable_id("generated-service", key), name) for key, name, _ in GENERATED_SERVICES]
    types, weights = zip(*_TYPES, strict=True)
    for number in range(count):
        code, name, lat, lon = municipalities[number % len(municipalities)]
        kind_index = rng.randrange(len(GENERATED_SERVICES))
        kind = GENERATED_SERVICES[kind_index][0]
        channel_type = rng.choices(types, weights)[0]
        # ~111 km per degree of latitude; longitude degrees shrink with the cosine
        d_lat = rng.gauss(0, spread_km) / 111.0
        d_lon = rng.gauss(0, spread_km) / (111.0 * max(0.3, _cos_deg(lat)))
        point = (lat + d_lat, lon + d_lon) if channel_type == "ServiceLocation" else None
        opens = rng.choice(("09:00", "10:00", "12:00"))
        yield channel_json(
            channel_id=stable_id("generated-channel", seed, number),
            channel_type=channel_type,
            name_fi=f"ESIMERKKI (generoitu): {name}, {_KIND_NAMES[kind]} {number}",
            organisation_id=stable_id("generated-organisation", code),
            municipality=(code, name) if point else None,
            street="Esimerkkikatu" if point else None,
            street_number=str(1 + number % 99) if point else None,
            point=point,
            area_codes=(code,),
            phones=(FAKE_NUMBER,) if channel_type != "EChannel" else (),
            web=(f"https://{FAKE_DOMAIN}/{number}",),
            hours=[
                weekly_hours([("Monday", "Friday", opens, "16:00")]),
                exceptional_closed(date(2025, 12, 6), note="Itsenäisyyspäivä"),
            ],
            services=[services[kind_index]],
        )


def _cos_deg(degrees: float) -> float:
    return math.cos(math.radians(degrees))


def write_jsonl(path: Path, items: Iterable[Dict[str, Any]]) -> int:
    """Write one JSON object per line; returns the number written."""
    written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
            handle.write("\n")
            written += 1
    return written


def page_object(
    items: Sequence[Dict[str, Any]], page_number: int = 1, page_count: int = 1
) -> Dict[str, Any]:
    """The API's page envelope around `items`."""
    return {
        "pageNumber": page_number,
        "pageSize": len(items),
        "pageCount": page_count,
        "itemList": list(items),
    }


def municipality_points() -> List[Tuple[str, str, float, float]]:
    """(code, Finnish name, lat, lon) of every municipality, from bot.places."""
    from bot.places import get_index

    return [(m.code, m.name_fi, m.latitude, m.longitude) for m in get_index().all()]
