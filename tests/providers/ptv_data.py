"""PTV v11-shaped test channels, built with the same builders as the shipped sample."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.ingest.generate import (
    channel_json,
    exceptional_closed,
    page_object,
    service_json,
    stable_id,
    weekly_hours,
)

LIBRARY_SERVICE = stable_id("test-service", "library")
POINT_SERVICE = stable_id("test-service", "service-point")
SWIM_SERVICE = stable_id("test-service", "swimming")

SERVICES = [
    service_json(LIBRARY_SERVICE, "Kirjaston palvelut (testi)", ["P25.1"]),
    service_json(POINT_SERVICE, "Asiointipalvelut (testi)", ["P9.4"]),
    service_json(SWIM_SERVICE, "Uimahalli (testi)", ["P26.1"]),
]

WEEKDAYS_9_16 = weekly_hours([("Monday", "Friday", "09:00", "16:00")])
INDEPENDENCE_DAY = exceptional_closed(date(2025, 12, 6), note="Itsenäisyyspäivä")

# (code, name, lat, lon) of a few municipalities, as in data/reference
HELSINKI = ("091", "Helsinki", 60.166640739, 24.943536799)
ESPOO = ("049", "Espoo", 60.2052, 24.6522)
OULU = ("564", "Oulu", 65.013784817, 25.47209907)
HAILUOTO = ("072", "Hailuoto", 65.008596339, 24.71112636)


def channel_id(name: str) -> str:
    return stable_id("test-channel", name)


def location(
    name: str,
    where: Tuple[str, str, float, float],
    *,
    offset: Tuple[float, float] = (0.0, 0.0),
    service: str = POINT_SERVICE,
    hours: Sequence[Dict[str, Any]] = (WEEKDAYS_9_16, INDEPENDENCE_DAY),
    label: Optional[str] = None,
    **extra: Any,
) -> Dict[str, Any]:
    code, municipality, lat, lon = where
    return channel_json(
        channel_id=channel_id(name),
        channel_type="ServiceLocation",
        name_fi=label or f"Testikirjasto {name}",
        organisation_id=stable_id("test-organisation", code),
        municipality=(code, municipality),
        street="Testikatu",
        street_number="1",
        postal_code=extra.pop("postal_code", None),
        point=(lat + offset[0], lon + offset[1]),
        area_codes=(code,),
        phones=("000 0000 (testi)",),
        web=(f"https://testi.invalid/{name}",),
        hours=hours,
        services=[(service, "Palvelu")],
        **extra,
    )


def phone_line(name: str, area_codes: Sequence[str], **extra: Any) -> Dict[str, Any]:
    return channel_json(
        channel_id=channel_id(name),
        channel_type="Phone",
        name_fi=f"Testipuhelin {name}",
        area_codes=area_codes,
        phones=("000 0000 (testi)",),
        hours=[WEEKDAYS_9_16],
        services=[(POINT_SERVICE, "Palvelu")],
        **extra,
    )


def write_page(path: Path, items: List[Dict[str, Any]]) -> Path:
    path.write_text(json.dumps(page_object(items), ensure_ascii=False), encoding="utf-8")
    return path
