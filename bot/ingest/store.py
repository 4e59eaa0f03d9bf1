"""Write provider records in batches: insert new, update changed, leave unchanged untouched.

Why Core statements and not ORM objects: a 50 000-location import writes ~400 000 rows, and
executemany over plain dicts is an order of magnitude faster than flushing ORM objects. Each
batch is one transaction. Children (offers, hours, contacts, areas, limits) of a changed
provider are deleted and re-inserted in the same transaction, so a reader never sees a mix of
old and new. If the database rejects something in a batch, the batch is rolled back and
replayed one record per SAVEPOINT, so only the offending record is skipped and reported.
Records are validated (`validate`) before they reach this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bot.directory.models import (
    CHILD_MODELS,
    Contact,
    OpeningHours,
    Organisation,
    ProviderArea,
    ProviderLimit,
    ProviderLocation,
    PtvService,
    SupportOffer,
)
from bot.directory.vocab import FORM_BITS, LEVEL_BITS, encode_mask
from bot.ingest.records import ProviderRecord, RecordError, ServiceRecord
from bot.ingest.report import ImportReport

IN_CHUNK = 500
PTV_SOURCES = ("ptv", "sample")

_location = ProviderLocation.__table__
_LOCATION_UPDATE = update(_location).where(_location.c.id == bindparam("b_id"))


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def add_to(self, report: ImportReport) -> None:
        report.created += self.created
        report.updated += self.updated
        report.unchanged += self.unchanged
        report.deleted += self.deleted


# --- validation -------------------------------------------------------------------------------


def _max_length(model: Any, column: str) -> int:
    return int(model.__table__.c[column].type.length)


def _check(value: Any, model: Any, column: str, what: str) -> None:
    if isinstance(value, str) and len(value) > _max_length(model, column):
        raise RecordError(f"{what} is longer than {_max_length(model, column)} characters")


def validate(record: ProviderRecord) -> None:
    """Reject a record the database would refuse, before anything is written."""
    channel = record.channel
    for column in (
        "name_fi",
        "name_sv",
        "name_en",
        "street_address",
        "street_address_sv",
        "post_office",
        "post_office_sv",
    ):
        _check(getattr(channel, column), ProviderLocation, column, column)
    _check(channel.area_type, ProviderLocation, "area_type", "areaType")
    for contact in channel.contacts:
        for column in ("value", "prefix", "charge_type", "charge_description", "language", "note"):
            _check(getattr(contact, column), Contact, column, f"{contact.kind} {column}")
    for hours in channel.hours:
        _check(hours.note, OpeningHours, "note", "opening hours note")
    for offer in record.offers:
        _check(",".join(offer.languages), SupportOffer, "languages", "languages")
    if not record.offers:
        raise RecordError("no support offered")


# --- batches ----------------------------------------------------------------------------------


def write_batch(
    session: Session,
    records: Sequence[ProviderRecord],
    report: ImportReport,
    *,
    now: datetime,
    removals: Sequence[str] = (),
    touch_seen: bool = False,
) -> None:
    """Store `records` and delete PTV channels `removals` (ids) in one transaction.

    The session must not be in a transaction. Counts and rejected records go to `report`.
    """
    unique: Dict[Tuple[str, str], ProviderRecord] = {}
    for record in records:
        if record.key in unique:
            report.duplicates += 1
        unique[record.key] = record  # the later copy of a duplicated record wins
    batch = list(unique.values())
    try:
        with session.begin():
            counts = _write(session, batch, now, touch_seen)
            counts.deleted += _remove(session, removals)
        counts.add_to(report)
    except DBAPIError:
        _write_one_by_one(session, batch, report, now=now, removals=removals, touch_seen=touch_seen)


def _write_one_by_one(
    session: Session,
    records: Sequence[ProviderRecord],
    report: ImportReport,
    *,
    now: datetime,
    removals: Sequence[str],
    touch_seen: bool,
) -> None:
    with session.begin():
        for record in records:
            try:
                with session.begin_nested():
                    counts = _write(session, [record], now, touch_seen)
                counts.add_to(report)
            except DBAPIError as error:
                reason = str(getattr(error, "orig", error)).splitlines()[0]
                report.error(record.channel.source_id, f"database rejected the record: {reason}")
        report.deleted += _remove(session, removals)


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _existing(session: Session, records: Sequence[ProviderRecord]) -> Dict[Tuple[str, str], Tuple]:
    by_source: Dict[str, List[str]] = {}
    for record in records:
        by_source.setdefault(record.source, []).append(record.channel.source_id)
    found: Dict[Tuple[str, str], Tuple] = {}
    for source, ids in by_source.items():
        for chunk in _chunks(ids):
            rows = session.execute(
                select(_location.c.id, _location.c.source_id, _location.c.content_hash).where(
                    _location.c.source == source, _location.c.source_id.in_(chunk)
                )
            )
            for row_id, source_id, content_hash in rows:
                found[(source, source_id)] = (row_id, content_hash)
    return found


def _write(
    session: Session, records: Sequence[ProviderRecord], now: datetime, touch_seen: bool
) -> Counts:
    counts = Counts()
    existing = _existing(session, records)
    hashes = {record.key: record.content_hash for record in records}
    new = [record for record in records if record.key not in existing]
    changed = [
        record
        for record in records
        if record.key in existing and existing[record.key][1] != hashes[record.key]
    ]
    unchanged_ids = [
        existing[record.key][0]
        for record in records
        if record.key in existing and existing[record.key][1] == hashes[record.key]
    ]
    organisations = _organisation_ids(session, [*new, *changed])
    if new:
        session.execute(
            insert(_location),
            [_location_row(r, hashes[r.key], organisations, now) for r in new],
        )
    if changed:
        rows = []
        for record in changed:
            row = _location_row(record, hashes[record.key], organisations, now)
            row["b_id"] = existing[record.key][0]
            rows.append(row)
        session.execute(_LOCATION_UPDATE, rows)
        changed_ids = [existing[record.key][0] for record in changed]
        for model in CHILD_MODELS:
            for chunk in _chunks(changed_ids):
                session.execute(
                    delete(model.__table__).where(model.__table__.c.provider_id.in_(chunk))
                )
    if new:
        existing.update(_existing(session, new))
    _insert_children(session, [(existing[r.key][0], r) for r in [*new, *changed]])
    if touch_seen and unchanged_ids:
        for chunk in _chunks(unchanged_ids):
            session.execute(
                update(_location).where(_location.c.id.in_(chunk)).values(last_seen_at=now)
            )
    counts.created, counts.updated = len(new), len(changed)
    counts.unchanged = len(unchanged_ids)
    return counts


def _organisation_ids(session: Session, records: Sequence[ProviderRecord]) -> Dict[str, int]:
    table = Organisation.__table__
    wanted = sorted({r.channel.organisation_source_id for r in records} - {None})
    ids: Dict[str, int] = {}
    for chunk in _chunks(wanted):
        query = select(table.c.id, table.c.source_id).where(
            table.c.source == "ptv", table.c.source_id.in_(chunk)
        )
        ids.update({source_id: row_id for row_id, source_id in session.execute(query)})
    missing = [source_id for source_id in wanted if source_id not in ids]
    if missing:
        session.execute(insert(table), [{"source": "ptv", "source_id": m} for m in missing])
        for chunk in _chunks(missing):
            query = select(table.c.id, table.c.source_id).where(
                table.c.source == "ptv", table.c.source_id.in_(chunk)
            )
            ids.update({source_id: row_id for row_id, source_id in session.execute(query)})
    return ids


def _location_row(
    record: ProviderRecord, content_hash: str, organisations: Mapping[str, int], now: datetime
) -> Dict[str, Any]:
    channel = record.channel
    return {
        "organisation_id": organisations.get(channel.organisation_source_id or ""),
        "source": record.source,
        "source_id": channel.source_id,
        "channel_type": channel.channel_type,
        "name_fi": channel.name_fi,
        "name_sv": channel.name_sv,
        "name_en": channel.name_en,
        "summary_fi": channel.summary_fi,
        "summary_sv": channel.summary_sv,
        "summary_en": channel.summary_en,
        "street_address": channel.street_address,
        "street_address_sv": channel.street_address_sv,
        "postal_code": channel.postal_code,
        "post_office": channel.post_office,
        "post_office_sv": channel.post_office_sv,
        "municipality_code": channel.municipality_code,
        "latitude": record.latitude,
        "longitude": record.longitude,
        "coordinates_approximate": record.coordinates_approximate,
        "accessibility_notes": channel.accessibility_notes,
        "area_type": channel.area_type,
        "is_nationwide": channel.is_nationwide,
        "is_sample": record.is_sample,
        "modified": channel.modified,
        "last_imported_at": now,
        "last_seen_at": now,
        "content_hash": content_hash,
    }


def _insert_children(session: Session, pairs: Sequence[Tuple[int, ProviderRecord]]) -> None:
    offers, areas, hours, contacts, limits = [], [], [], [], []
    for provider_id, record in pairs:
        for offer in record.offers:
            offers.append(
                {
                    "provider_id": provider_id,
                    "topic": offer.topic,
                    "forms_mask": encode_mask(offer.forms, FORM_BITS),
                    "levels_mask": encode_mask(offer.levels, LEVEL_BITS),
                    "languages": ",".join(offer.languages),
                    "channel_type": record.channel.channel_type,
                    "latitude": record.latitude,
                    "longitude": record.longitude,
                }
            )
        for code in record.area_municipalities:
            areas.append({"provider_id": provider_id, "municipality_code": code})
        for row in record.channel.hours:
            hours.append(
                {
                    "provider_id": provider_id,
                    "kind": row.kind,
                    "day_from": row.day_from,
                    "day_to": row.day_to,
                    "opens_minute": row.opens_minute,
                    "closes_minute": row.closes_minute,
                    "over_midnight": row.over_midnight,
                    "is_closed": row.is_closed,
                    "is_always_open": row.is_always_open,
                    "valid_from": row.valid_from,
                    "valid_to": row.valid_to,
                    "note": row.note,
                }
            )
        for contact in record.channel.contacts:
            contacts.append(
                {
                    "provider_id": provider_id,
                    "kind": contact.kind,
                    "value": contact.value,
                    "prefix": contact.prefix,
                    "charge_type": contact.charge_type,
                    "charge_description": contact.charge_description,
                    "language": contact.language,
                    "note": contact.note,
                }
            )
        for limit in record.limits:
            limits.append(
                {
                    "provider_id": provider_id,
                    "key": limit.key,
                    "direction": limit.direction,
                    "note": limit.note,
                }
            )
    for model, rows in (
        (SupportOffer, offers),
        (ProviderArea, areas),
        (OpeningHours, hours),
        (Contact, contacts),
        (ProviderLimit, limits),
    ):
        if rows:
            session.execute(insert(model.__table__), rows)


def _remove(session: Session, source_ids: Sequence[str]) -> int:
    """Delete PTV (or PTV-shaped sample) channels by id, children first."""
    removed = 0
    for chunk in _chunks(list(dict.fromkeys(source_ids))):
        ids = [
            row_id
            for (row_id,) in session.execute(
                select(_location.c.id).where(
                    _location.c.source.in_(PTV_SOURCES), _location.c.source_id.in_(chunk)
                )
            )
        ]
        removed += delete_providers(session, ids)
    return removed


def delete_providers(session: Session, provider_ids: Sequence[int]) -> int:
    """Delete providers and their children (explicitly: no reliance on ON DELETE support)."""
    for chunk in _chunks(list(provider_ids)):
        for model in CHILD_MODELS:
            session.execute(delete(model.__table__).where(model.__table__.c.provider_id.in_(chunk)))
        session.execute(delete(_location).where(_location.c.id.in_(chunk)))
    return len(provider_ids)


# --- services ---------------------------------------------------------------------------------


def write_services(
    session: Session, services: Sequence[ServiceRecord], now: datetime, *, touch_seen: bool = False
) -> int:
    """Upsert PTV services with their classes (inside the caller's transaction).

    Unchanged services are not written (idempotent re-imports) unless `touch_seen` records
    that the API has just returned them.
    """
    table = PtvService.__table__
    by_id = {service.source_id: service for service in services}
    existing: Dict[str, Tuple[int, Tuple]] = {}
    for chunk in _chunks(list(by_id)):
        query = select(
            table.c.id, table.c.source_id, table.c.name_fi, table.c.class_codes, table.c.modified
        ).where(table.c.source_id.in_(chunk))
        for row_id, source_id, name, codes, modified in session.execute(query):
            existing[source_id] = (row_id, (name, codes, modified))

    def content(service: ServiceRecord) -> Tuple:
        return (service.name_fi, ",".join(service.class_codes), service.modified)

    def row(service: ServiceRecord) -> Dict[str, Any]:
        name, codes, modified = content(service)
        return {
            "source_id": service.source_id,
            "name_fi": name,
            "class_codes": codes,
            "modified": modified,
            "last_imported_at": now,
            "last_seen_at": now,
        }

    new = [row(s) for sid, s in by_id.items() if sid not in existing]
    changed = [
        {**row(s), "b_id": existing[sid][0]}
        for sid, s in by_id.items()
        if sid in existing and existing[sid][1] != content(s)
    ]
    unchanged = [
        existing[sid][0]
        for sid, s in by_id.items()
        if sid in existing and existing[sid][1] == content(s)
    ]
    if new:
        session.execute(insert(table), new)
    if changed:
        session.execute(update(table).where(table.c.id == bindparam("b_id")), changed)
    if touch_seen and unchanged:
        for chunk in _chunks(unchanged):
            session.execute(update(table).where(table.c.id.in_(chunk)).values(last_seen_at=now))
    return len(by_id)


def service_classes(session: Session, service_ids: Iterable[str]) -> Dict[str, Tuple[str, ...]]:
    """Known service classes by service id (unknown services are absent)."""
    table = PtvService.__table__
    result: Dict[str, Tuple[str, ...]] = {}
    for chunk in _chunks(sorted(set(service_ids))):
        query = select(table.c.source_id, table.c.class_codes).where(table.c.source_id.in_(chunk))
        for source_id, codes in session.execute(query):
            result[source_id] = tuple(code for code in codes.split(",") if code)
    return result


def services_seen_since(session: Session, service_ids: Iterable[str], since: datetime) -> set:
    table = PtvService.__table__
    seen: set = set()
    for chunk in _chunks(sorted(set(service_ids))):
        query = select(table.c.source_id).where(
            table.c.source_id.in_(chunk), table.c.last_seen_at >= since
        )
        seen.update(source_id for (source_id,) in session.execute(query))
    return seen
