"""Source-neutral records: what an importer hands to the classifier and the writer.

`ptv_v11` turns PTV JSON into `ChannelRecord`/`ServiceRecord`; a future `ptv_v12` (or any other
source) only has to produce the same values. `ProviderRecord` is the complete, validated content
of one provider as it will be stored; its `content_hash` makes re-imports idempotent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Optional, Tuple, Union

from bot.providers.hours import ExceptionalHours, WeeklyHours


class RecordError(ValueError):
    """A record is malformed; the message says why (shown in the import report)."""


@dataclass(frozen=True)
class ContactRecord:
    kind: str  # phone | email | web
    value: str
    prefix: Optional[str] = None
    charge_type: Optional[str] = None
    charge_description: Optional[str] = None
    language: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True)
class HoursRecord:
    """One stored opening-hours row; see models.OpeningHours and hours.py for the meaning."""

    kind: str  # weekly | exception
    day_from: Optional[int] = None
    day_to: Optional[int] = None
    opens_minute: Optional[int] = None
    closes_minute: Optional[int] = None
    over_midnight: bool = False
    is_closed: bool = False
    is_always_open: bool = False
    valid_from: Optional[date] = None
    valid_to: Optional[date] = None
    note: Optional[str] = None

    def to_rule(self) -> Union[WeeklyHours, ExceptionalHours, None]:
        if self.kind == "exception":
            if self.valid_from is None:
                return None
            return ExceptionalHours(
                date_from=self.valid_from,
                date_to=self.valid_to,
                is_closed=self.is_closed or self.opens_minute is None,
                opens=self.opens_minute,
                closes=self.closes_minute,
                note=self.note,
            )
        if self.is_closed:
            return None
        if self.is_always_open:
            return WeeklyHours(
                day_from=0 if self.day_from is None else self.day_from,
                day_to=6 if self.day_from is None else self.day_to,
                always_open=True,
                valid_from=self.valid_from,
                valid_to=self.valid_to,
            )
        if self.day_from is None or self.opens_minute is None or self.closes_minute is None:
            return None
        return WeeklyHours(
            day_from=self.day_from,
            day_to=self.day_to,
            opens=self.opens_minute,
            closes=self.closes_minute,
            over_midnight=self.over_midnight,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )


@dataclass(frozen=True)
class ChannelRecord:
    """A service channel as read from the source, before we decide what support it gives."""

    source_id: str
    channel_type: str
    name_fi: str
    name_sv: Optional[str] = None
    name_en: Optional[str] = None
    organisation_source_id: Optional[str] = None
    summary_fi: Optional[str] = None
    street_address: Optional[str] = None
    postal_code: Optional[str] = None
    post_office: Optional[str] = None
    municipality_code: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    area_type: Optional[str] = None
    is_nationwide: bool = False
    area_municipalities: Tuple[str, ...] = ()
    languages: Tuple[str, ...] = ()
    contacts: Tuple[ContactRecord, ...] = ()
    hours: Tuple[HoursRecord, ...] = ()
    service_ids: Tuple[str, ...] = ()
    service_names: Tuple[str, ...] = ()
    accessibility_notes: Optional[str] = None
    modified: Optional[datetime] = None
    #: False for channels the source has withdrawn (deleted, archived): they must be removed.
    is_published: bool = True


@dataclass(frozen=True)
class ServiceRecord:
    source_id: str
    name_fi: Optional[str]
    class_codes: Tuple[str, ...]
    modified: Optional[datetime] = None


@dataclass(frozen=True)
class OfferRecord:
    topic: str
    forms: Tuple[str, ...]
    levels: Tuple[str, ...]
    languages: Tuple[str, ...] = ()


@dataclass(frozen=True)
class LimitRecord:
    key: str
    direction: str  # does_more | does_less
    note: Optional[str] = None


@dataclass(frozen=True)
class ProviderRecord:
    """Everything stored about one provider; written as a whole or not at all."""

    source: str  # ptv | curated | sample
    channel: ChannelRecord
    offers: Tuple[OfferRecord, ...]
    limits: Tuple[LimitRecord, ...] = ()
    is_sample: bool = False
    coordinates_approximate: bool = False
    #: The point actually stored (the channel's, or the municipality centre when it had none).
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    area_municipalities: Tuple[str, ...] = field(default=())

    @property
    def key(self) -> Tuple[str, str]:
        return self.source, self.channel.source_id

    @cached_property
    def content_hash(self) -> str:
        """Fingerprint of everything stored about the provider (equal = nothing to write).

        The repr of these frozen dataclasses is deterministic (fields in declaration order,
        tuples, floats, dates) and ~10x cheaper than serialising them to JSON; a change in the
        repr format (e.g. a new Python) only causes one round of harmless rewrites.
        """
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()
