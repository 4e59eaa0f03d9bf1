"""PTV open API version 11: paths and JSON field names. The only module that knows them.

PTV (Palvelutietovaranto) publishes service channels as JSON; this module turns one channel or
service object into the source-neutral records of `records.py` and knows the API's URL layout.
Version 12 can get a sibling module with the same functions. Validation happens here, before
anything is written: a malformed channel raises `RecordError` with a reason for the report.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from bot.directory.geo import etrs_to_wgs84, in_finland
from bot.directory.hours import HELSINKI, HoursRecord, parse_hhmm
from bot.directory.vocab import CHANNEL_TYPES
from bot.ingest.records import (
    ChannelRecord,
    ContactRecord,
    RecordError,
    ServiceRecord,
)

API_PREFIX = "/api/v11"
#: Full channels per page of the municipality listing, and ids per page of the change listing.
CHANNELS_PER_PAGE = 100
MAX_GUIDS_PER_REQUEST = 100
FIRST_PAGE = 1

WEEKDAYS: Dict[str, int] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
NATIONWIDE_AREA_TYPES = frozenset({"Nationwide", "NationwideExceptAlandIslands"})
#: Hours for given dates (a holiday closed, special hours): v11 says "Exceptional", records
#: written under older versions still say "Exception".
EXCEPTIONAL_HOUR_TYPES = frozenset({"Exceptional", "Exception"})
#: Statuses under which a channel is shown to the public; anything else means "remove it".
PUBLISHED = frozenset({"Published"})
_POSTAL_CODE = re.compile(r"^\d{5}$")
_MUNICIPALITY_CODE = re.compile(r"^\d{3}$")
_FRACTION = re.compile(r"\.(\d+)")
PREFERRED_LANGUAGES = ("fi", "sv", "en")


class UnsupportedRecord(RecordError):
    """A well-formed object the directory does not keep (e.g. a printable-form channel)."""


# --- API layout -------------------------------------------------------------------------------


def municipality_channels_path(code: str) -> str:
    return f"{API_PREFIX}/ServiceChannel/list/area/Municipality/code/{code}"


def changed_channels_path() -> str:
    return f"{API_PREFIX}/ServiceChannel"


def channels_by_ids_path() -> str:
    return f"{API_PREFIX}/ServiceChannel/list"


def services_by_ids_path() -> str:
    return f"{API_PREFIX}/Service/list"


def page_params(page: int, since: Optional[datetime] = None) -> Dict[str, str]:
    params = {"page": str(page)}
    if since is not None:
        params["date"] = since.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return params


def guid_params(ids: Sequence[str]) -> Dict[str, str]:
    return {"guids": ",".join(ids)}


def page_items(payload: Any) -> List[Any]:
    """The items of a page object; a bare list is returned as it is."""
    if isinstance(payload, list):
        return payload
    if isinstance(payload, Mapping):
        items = payload.get("itemList")
        return list(items) if isinstance(items, list) else []
    raise RecordError(f"expected a page object or a list, got {type(payload).__name__}")


def page_count(payload: Any) -> int:
    if isinstance(payload, Mapping):
        value = payload.get("pageCount")
        if isinstance(value, int):
            return value
    return FIRST_PAGE


def is_page(payload: Any) -> bool:
    return isinstance(payload, Mapping) and "itemList" in payload


def changed_ids(payload: Any) -> List[str]:
    """Ids from a page of the change listing (items are {id, name} objects or bare ids)."""
    ids = []
    for item in page_items(payload):
        value = item.get("id") if isinstance(item, Mapping) else item
        if isinstance(value, str) and value:
            ids.append(value)
    return ids


def item_kind(item: Any) -> Optional[str]:
    """ "channel", "service", or None for an object that is neither."""
    if not isinstance(item, Mapping):
        return None
    if "serviceChannelType" in item or "serviceChannelNames" in item:
        return "channel"
    if "serviceNames" in item or "serviceClasses" in item:
        return "service"
    return None


def item_id(item: Any) -> str:
    """The id of an item for error reports, even when the item is malformed."""
    if isinstance(item, Mapping) and isinstance(item.get("id"), str):
        return item["id"]
    return "(no id)"


# --- value helpers ----------------------------------------------------------------------------


def _text(value: Any) -> Optional[str]:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def _localized(values: Any, language: str = "fi", type_: Optional[str] = None) -> Optional[str]:
    """The value in `language` from PTV's [{language, value, type}] lists, else another one."""
    if not isinstance(values, list):
        return None
    candidates = [
        item
        for item in values
        if isinstance(item, Mapping) and (type_ is None or item.get("type") in (None, type_))
    ]
    for wanted in (language, *PREFERRED_LANGUAGES):
        for item in candidates:
            if item.get("language") == wanted and _text(item.get("value")):
                return _text(item.get("value"))
    for item in candidates:
        if _text(item.get("value")):
            return _text(item.get("value"))
    return None


def _exact_language(values: Any, language: str, type_: str) -> Optional[str]:
    """The value in exactly `language` (no fallback); items without a type always qualify."""
    if not isinstance(values, list):
        return None
    for item in values:
        if (
            isinstance(item, Mapping)
            and item.get("language") == language
            and item.get("type", type_) == type_
        ):
            text = _text(item.get("value"))
            if text:
                return text
    return None


def _parse_iso(value: Any, what: str) -> Optional[datetime]:
    """An ISO 8601 instant as PTV writes it ("Z", .NET's 7-digit fractions), offset kept."""
    text = _text(value)
    if text is None:
        return None
    text = text.replace("Z", "+00:00")
    text = _FRACTION.sub(lambda match: "." + match.group(1)[:6].ljust(6, "0"), text, count=1)
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise RecordError(f"bad {what} {value!r}") from error


def parse_timestamp(value: Any) -> Optional[datetime]:
    """PTV timestamps ("2020-02-06T12:36:23.554Z", .NET's 7-digit fractions) as naive UTC."""
    moment = _parse_iso(value, "timestamp")
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def parse_local_date(value: Any) -> Optional[date]:
    """A validity date. An instant with an offset is read as the Helsinki date it falls on."""
    moment = _parse_iso(value, "date")
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(HELSINKI)
    return moment.date()


def _coordinate(value: Any, what: str) -> Optional[float]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise RecordError(f"{what} is not a number: {value!r}") from error
    return number or None  # PTV writes "0" for "no coordinates"


def _weekday(value: Any, what: str) -> int:
    if value not in WEEKDAYS:
        raise RecordError(f"{what} is not a weekday: {value!r}")
    return WEEKDAYS[value]


def _minute(value: Any, what: str) -> int:
    if not isinstance(value, str):
        raise RecordError(f"{what} missing")
    try:
        return parse_hhmm(value)
    except ValueError as error:
        raise RecordError(f"{what}: {error}") from error


# --- channels ---------------------------------------------------------------------------------


def parse_channel(item: Mapping[str, Any]) -> ChannelRecord:
    """Validate one v11 service channel and convert it; raises RecordError with a reason."""
    if not isinstance(item, Mapping):
        raise RecordError("not a JSON object")
    channel_id = _guid(item.get("id"), "id")
    channel_type = item.get("serviceChannelType")
    if not isinstance(channel_type, str):
        raise RecordError("serviceChannelType missing")
    status = item.get("publishingStatus")
    if channel_type not in CHANNEL_TYPES:
        raise UnsupportedRecord(f"channel type {channel_type} is not kept")
    names = item.get("serviceChannelNames")
    name_fi = _exact_language(names, "fi", "Name") or _localized(names, "fi", "Name")
    if name_fi is None:
        raise RecordError("no name in any language")
    address = _visiting_address(item.get("addresses"))
    area_type = _text(item.get("areaType"))
    area_codes = _area_municipalities(item.get("areas"))
    services = _linked_services(item.get("services"))
    descriptions = item.get("serviceChannelDescriptions")
    return ChannelRecord(
        source_id=channel_id,
        channel_type=channel_type,
        name_fi=name_fi,
        name_sv=_exact_language(names, "sv", "Name"),
        name_en=_exact_language(names, "en", "Name"),
        organisation_source_id=_optional_guid(item.get("organizationId"), "organizationId"),
        summary_fi=_exact_language(descriptions, "fi", "Summary"),
        summary_sv=_exact_language(descriptions, "sv", "Summary"),
        summary_en=_exact_language(descriptions, "en", "Summary"),
        area_type=area_type,
        is_nationwide=area_type in NATIONWIDE_AREA_TYPES,
        area_municipalities=area_codes,
        languages=tuple(
            code for code in item.get("languages") or () if isinstance(code, str) and code
        ),
        contacts=_contacts(item),
        hours=_hours(item.get("serviceHours")),
        service_ids=tuple(service_id for service_id, _ in services),
        service_names=tuple(name for _, name in services if name),
        modified=parse_timestamp(item.get("modified")),
        is_published=status is None or status in PUBLISHED,
        **address,
    )


def _guid(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise RecordError(f"{what} missing")
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise RecordError(f"{what} is not a GUID: {value!r}") from error


def _optional_guid(value: Any, what: str) -> Optional[str]:
    return None if value in (None, "") else _guid(value, what)


def _visiting_address(addresses: Any) -> Dict[str, Any]:
    """Street address, postal code, municipality and WGS84 point of the first visiting address."""
    if not isinstance(addresses, list):
        return {}
    for address in addresses:
        if not isinstance(address, Mapping) or address.get("type") not in ("Location", "Visiting"):
            continue
        street = address.get("streetAddress") or address.get("otherAddress")
        if not isinstance(street, Mapping):
            continue
        postal_code = _text(street.get("postalCode"))
        if postal_code is not None and not _POSTAL_CODE.match(postal_code):
            raise RecordError(f"postal code is not five digits: {postal_code!r}")
        municipality = street.get("municipality")
        code = _text(municipality.get("code")) if isinstance(municipality, Mapping) else None
        if code is not None and not _MUNICIPALITY_CODE.match(code):
            raise RecordError(f"municipality code is not three digits: {code!r}")
        latitude, longitude = _wgs84_point(street)
        street_name = _localized(street.get("street"))
        street_sv = _exact_language(street.get("street"), "sv", "")
        number = _text(street.get("streetNumber"))
        return {
            "street_address": " ".join(part for part in (street_name, number) if part) or None,
            "street_address_sv": " ".join(p for p in (street_sv, number) if p)
            if street_sv
            else None,
            "postal_code": postal_code,
            "post_office": _localized(street.get("postOffice")),
            "post_office_sv": _exact_language(street.get("postOffice"), "sv", ""),
            "municipality_code": code,
            "latitude": latitude,
            "longitude": longitude,
            "accessibility_notes": _accessibility(address.get("entrances")),
        }
    return {}


def _wgs84_point(street: Mapping[str, Any]) -> Tuple[Optional[float], Optional[float]]:
    northing = _coordinate(street.get("latitude"), "latitude (northing)")
    easting = _coordinate(street.get("longitude"), "longitude (easting)")
    if northing is None or easting is None:
        return None, None
    latitude, longitude = etrs_to_wgs84(northing, easting)
    if not in_finland(latitude, longitude):
        raise RecordError(
            f"coordinates N {northing} E {easting} (EPSG:3067) are not in Finland; swapped?"
        )
    return round(latitude, 7), round(longitude, 7)


def _accessibility(entrances: Any, limit: int = 12) -> Optional[str]:
    sentences: List[str] = []
    for entrance in entrances if isinstance(entrances, list) else ():
        groups = entrance.get("accessibilitySentences") if isinstance(entrance, Mapping) else None
        for group in groups if isinstance(groups, list) else ():
            for sentence in group.get("sentences") or () if isinstance(group, Mapping) else ():
                text = _localized(sentence.get("sentence")) if isinstance(sentence, dict) else None
                if text and text not in sentences:
                    sentences.append(text)
    return "\n".join(sentences[:limit]) or None


def _area_municipalities(areas: Any) -> Tuple[str, ...]:
    codes: List[str] = []
    for area in areas if isinstance(areas, list) else ():
        if not isinstance(area, Mapping):
            continue
        if area.get("type") == "Municipality" and _text(area.get("code")):
            candidates: Iterable[Any] = [area.get("code")]
        else:
            candidates = [
                municipality.get("code")
                for municipality in area.get("municipalities") or ()
                if isinstance(municipality, Mapping)
            ]
        for code in candidates:
            if isinstance(code, str) and _MUNICIPALITY_CODE.match(code) and code not in codes:
                codes.append(code)
    return tuple(codes)


def linked_service_ids(item: Any) -> List[str]:
    """The ids of the services a channel item links to (none for other items)."""
    if item_kind(item) != "channel":
        return []
    return [service_id for service_id, _ in _linked_services(item.get("services"))]


def _linked_services(services: Any) -> List[Tuple[str, Optional[str]]]:
    linked = []
    for link in services if isinstance(services, list) else ():
        service = link.get("service") if isinstance(link, Mapping) else None
        if isinstance(service, Mapping) and isinstance(service.get("id"), str):
            name = service.get("name")
            linked.append((service["id"].lower(), _text(name) if isinstance(name, str) else None))
    return linked


def _contacts(item: Mapping[str, Any]) -> Tuple[ContactRecord, ...]:
    contacts: List[ContactRecord] = []
    for phone in item.get("phoneNumbers") or ():
        number = _text(phone.get("number")) if isinstance(phone, Mapping) else None
        if number:
            contacts.append(
                ContactRecord(
                    kind="phone",
                    value=number,
                    prefix=_text(phone.get("prefixNumber")),
                    charge_type=_text(phone.get("serviceChargeType")),
                    charge_description=_text(phone.get("chargeDescription")),
                    language=_text(phone.get("language")),
                    note=_text(phone.get("additionalInformation")),
                )
            )
    for email in item.get("emails") or ():
        value = _text(email.get("value")) if isinstance(email, Mapping) else None
        if value:
            contacts.append(
                ContactRecord(kind="email", value=value, language=_text(email.get("language")))
            )
    for page in item.get("webPages") or ():
        url = _text(page.get("url")) if isinstance(page, Mapping) else None
        if url:
            contacts.append(
                ContactRecord(
                    kind="web",
                    value=url,
                    language=_text(page.get("language")),
                    note=_text(page.get("value")),
                )
            )
    unique = list(dict.fromkeys(contacts))  # the same number is often listed per language
    return tuple(unique)


def _hours(service_hours: Any) -> Tuple[HoursRecord, ...]:
    rows: List[HoursRecord] = []
    for entry in service_hours if isinstance(service_hours, list) else ():
        if not isinstance(entry, Mapping):
            raise RecordError("serviceHours entry is not an object")
        kind = entry.get("serviceHourType")
        valid_from = parse_local_date(entry.get("validFrom"))
        valid_to = parse_local_date(entry.get("validTo"))
        note = _localized(entry.get("additionalInformation"))
        opening = [oh for oh in entry.get("openingHour") or () if isinstance(oh, Mapping)]
        closed, always = bool(entry.get("isClosed")), bool(entry.get("isAlwaysOpen"))
        common = {"valid_from": valid_from, "valid_to": valid_to, "note": note}
        if kind in EXCEPTIONAL_HOUR_TYPES:
            if valid_from is None:
                raise RecordError("exceptional hours without validFrom")
            rows.extend(_exception_rows(opening, closed, always, common))
        elif kind in ("DaysOfTheWeek", "OverMidnight", "Special"):
            over_midnight = kind != "DaysOfTheWeek"
            if always or closed:
                rows.append(
                    HoursRecord(kind="weekly", is_always_open=always, is_closed=closed, **common)
                )
                continue
            for hour in opening:
                rows.append(
                    HoursRecord(
                        kind="weekly",
                        day_from=_weekday(hour.get("dayFrom"), "dayFrom"),
                        day_to=None
                        if _text(hour.get("dayTo")) is None
                        else _weekday(hour.get("dayTo"), "dayTo"),
                        opens_minute=_minute(hour.get("from"), "from"),
                        closes_minute=_minute(hour.get("to"), "to"),
                        over_midnight=over_midnight,
                        **common,
                    )
                )
        # other hour types (none in v11 today) are ignored rather than guessed at
    return tuple(rows)


def _exception_rows(
    opening: List[Mapping[str, Any]], closed: bool, always: bool, common: Dict[str, Any]
) -> List[HoursRecord]:
    if always:
        return [HoursRecord(kind="exception", opens_minute=0, closes_minute=1440, **common)]
    if closed or not opening:
        return [HoursRecord(kind="exception", is_closed=True, **common)]
    return [
        HoursRecord(
            kind="exception",
            opens_minute=_minute(hour.get("from"), "from"),
            closes_minute=_minute(hour.get("to"), "to"),
            **common,
        )
        for hour in opening
    ]


# --- services ---------------------------------------------------------------------------------


def parse_service(item: Mapping[str, Any]) -> ServiceRecord:
    """A v11 service with its service classes (`serviceClasses[].code`, e.g. "P9.4")."""
    if not isinstance(item, Mapping):
        raise RecordError("not a JSON object")
    service_id = _guid(item.get("id"), "id")
    codes: List[str] = []
    for service_class in item.get("serviceClasses") or ():
        if not isinstance(service_class, Mapping):
            continue
        code = _text(service_class.get("code"))
        if code is None and isinstance(service_class.get("uri"), str):
            code = service_class["uri"].rstrip("/").rsplit("/", 1)[-1]
        if code and code not in codes:
            codes.append(code)
    return ServiceRecord(
        source_id=service_id,
        name_fi=_localized(item.get("serviceNames"), "fi", "Name"),
        class_codes=tuple(codes),
        modified=parse_timestamp(item.get("modified")),
    )
