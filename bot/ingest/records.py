"""Source-neutral records: what an importer hands to the classifier and the writer.

`ptv_v11` turns PTV JSON into `ChannelRecord`/`ServiceRecord`; a future `ptv_v12` (or any other
source) only has to produce the same values. `ProviderRecord` is the complete, validated content
of one provider as it will be stored; its `content_hash` makes re-imports idempotent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Optional, Tuple

from bot.directory.hours import HoursRecord


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
    #: Language versions (None: the source has none; the Finnish value is shown instead).
    summary_sv: Optional[str] = None
    summary_en: Optional[str] = None
    street_address_sv: Optional[str] = None
    post_office_sv: Optional[str] = None


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
