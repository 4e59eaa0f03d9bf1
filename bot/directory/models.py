"""The provider directory's tables (SQLAlchemy 1.4 declarative, used 2.0-style).

Portable column types only (no ARRAY, no JSONB, no PostGIS) so the same schema and migrations
run on the embedded SQLite file and on PostgreSQL 15. Multi-valued attributes that the search
filters on (forms, need levels) are bit masks on one row per (provider, topic), see vocab.py.
Times are stored as naive UTC.

Names, summaries and visiting addresses have a column per language the bot speaks where the
source has them (PTV publishes them per language); `in_language` reads one with the Finnish
value as the fallback, so a record without a Swedish name is shown by its Finnish one.

Nearest-provider queries use a bounding-box prefilter on (latitude, longitude), the municipality
scope goes through `provider_area`, and topic filtering through `support_offer(topic, ...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Union

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Session, declarative_base, relationship

from bot.directory.vocab import FORM_BITS, LEVEL_BITS, decode_mask

#: Deterministic constraint names: Alembic needs them to alter constraints, and SQLite batch
#: migrations need them to recreate tables.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))

_CASCADE = "all, delete-orphan"


class Organisation(Base):
    """The organisation responsible for channels (PTV `organizationId`)."""

    __tablename__ = "organisation"
    __table_args__ = (UniqueConstraint("source", "source_id"),)

    id = Column(Integer, primary_key=True)
    source = Column(String(16), nullable=False)
    source_id = Column(String(64), nullable=False)
    name_fi = Column(String(300))
    name_sv = Column(String(300))
    name_en = Column(String(300))

    locations = relationship("ProviderLocation", back_populates="organisation")


class ProviderLocation(Base):
    """One place or line people can turn to: a PTV service channel, a curated or sample record."""

    __tablename__ = "provider_location"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        Index("ix_provider_location_lat_lon", "latitude", "longitude"),
    )

    id = Column(Integer, primary_key=True)
    organisation_id = Column(Integer, ForeignKey("organisation.id", ondelete="SET NULL"))
    source = Column(String(16), nullable=False)  # ptv | curated | sample
    source_id = Column(String(64), nullable=False)  # PTV channel guid, or curated key
    channel_type = Column(String(20), nullable=False)  # ServiceLocation | Phone | EChannel
    name_fi = Column(String(300), nullable=False)
    name_sv = Column(String(300))
    name_en = Column(String(300))
    summary_fi = Column(Text)
    summary_sv = Column(Text)
    summary_en = Column(Text)
    street_address = Column(String(300))  # Finnish (or the only) version
    street_address_sv = Column(String(300))
    postal_code = Column(String(5))
    post_office = Column(String(100))  # Finnish (or the only) version
    post_office_sv = Column(String(100))
    municipality_code = Column(String(3), index=True)
    latitude = Column(Float)  # WGS84
    longitude = Column(Float)
    #: True when the point is the municipality centre because the record had no coordinates.
    coordinates_approximate = Column(Boolean, nullable=False, default=False)
    accessibility_notes = Column(Text)
    area_type = Column(String(40))
    is_nationwide = Column(Boolean, nullable=False, default=False, index=True)
    is_sample = Column(Boolean, nullable=False, default=False)
    modified = Column(DateTime)  # PTV's modification time of the channel
    last_imported_at = Column(DateTime, nullable=False)  # when this content was last written
    last_seen_at = Column(DateTime)  # last full API sync that listed the record
    content_hash = Column(String(64), nullable=False)

    organisation = relationship("Organisation", back_populates="locations")
    offers = relationship(
        "SupportOffer", back_populates="provider", cascade=_CASCADE, passive_deletes=True
    )
    areas = relationship(
        "ProviderArea", back_populates="provider", cascade=_CASCADE, passive_deletes=True
    )
    hours = relationship(
        "OpeningHours", back_populates="provider", cascade=_CASCADE, passive_deletes=True
    )
    contacts = relationship(
        "Contact", back_populates="provider", cascade=_CASCADE, passive_deletes=True
    )
    limits = relationship(
        "ProviderLimit", back_populates="provider", cascade=_CASCADE, passive_deletes=True
    )


class SupportOffer(Base):
    """What support a provider gives on one topic: forms and need levels as bit masks.

    `channel_type`, `latitude` and `longitude` repeat the provider's values (the writer always
    replaces offers together with their provider) so that "providers of topic T near a point"
    is one range scan of the (topic, latitude, longitude) index, with no join, on both SQLite
    and PostgreSQL.
    """

    __tablename__ = "support_offer"
    __table_args__ = (
        UniqueConstraint("provider_id", "topic"),
        Index("ix_support_offer_topic_lat_lon", "topic", "latitude", "longitude"),
    )

    id = Column(Integer, primary_key=True)
    provider_id = Column(
        Integer, ForeignKey("provider_location.id", ondelete="CASCADE"), nullable=False
    )
    topic = Column(String(32), nullable=False)
    forms_mask = Column(Integer, nullable=False)
    levels_mask = Column(Integer, nullable=False)
    languages = Column(String(60), nullable=False, default="")  # "fi,sv"
    channel_type = Column(String(20), nullable=False)  # copy of the provider's
    latitude = Column(Float)  # copy of the provider's point (WGS84)
    longitude = Column(Float)

    provider = relationship("ProviderLocation", back_populates="offers")

    @property
    def forms(self) -> List[str]:
        return decode_mask(self.forms_mask, FORM_BITS)

    @property
    def need_levels(self) -> List[str]:
        return decode_mask(self.levels_mask, LEVEL_BITS)

    @property
    def language_list(self) -> List[str]:
        return [code for code in self.languages.split(",") if code]


class ProviderArea(Base):
    """A municipality the provider serves (its address and PTV `areas`): the municipality scope."""

    __tablename__ = "provider_area"
    __table_args__ = (Index("ix_provider_area_municipality", "municipality_code", "provider_id"),)

    provider_id = Column(
        Integer, ForeignKey("provider_location.id", ondelete="CASCADE"), primary_key=True
    )
    municipality_code = Column(String(3), primary_key=True)

    provider = relationship("ProviderLocation", back_populates="areas")


class OpeningHours(Base):
    """A weekly rule (`kind` weekly) or an exception for dates (`kind` exception); see hours.py."""

    __tablename__ = "opening_hours"

    id = Column(Integer, primary_key=True)
    provider_id = Column(
        Integer, ForeignKey("provider_location.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind = Column(String(10), nullable=False)  # weekly | exception
    day_from = Column(SmallInteger)  # 0 = Monday
    day_to = Column(SmallInteger)
    opens_minute = Column(SmallInteger)  # minutes after local midnight
    closes_minute = Column(SmallInteger)  # may be 1440; <= opens means after midnight
    over_midnight = Column(Boolean, nullable=False, default=False)
    is_closed = Column(Boolean, nullable=False, default=False)
    is_always_open = Column(Boolean, nullable=False, default=False)
    valid_from = Column(Date)
    valid_to = Column(Date)
    note = Column(String(500))

    provider = relationship("ProviderLocation", back_populates="hours")


class Contact(Base):
    """A phone number (with prefix and charge type), an e-mail address or a web page."""

    __tablename__ = "contact"

    id = Column(Integer, primary_key=True)
    provider_id = Column(
        Integer, ForeignKey("provider_location.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind = Column(String(10), nullable=False)  # phone | email | web
    value = Column(String(500), nullable=False)
    prefix = Column(String(10))
    charge_type = Column(String(20))  # PTV: Chargeable | FreeOfCharge | Other
    charge_description = Column(String(500))
    language = Column(String(5))
    note = Column(String(500))

    provider = relationship("ProviderLocation", back_populates="contacts")


class ProviderLimit(Base):
    """Where this provider differs from what digital-support helpers generally do or don't do."""

    __tablename__ = "provider_limit"
    __table_args__ = (UniqueConstraint("provider_id", "key"),)

    id = Column(Integer, primary_key=True)
    provider_id = Column(
        Integer, ForeignKey("provider_location.id", ondelete="CASCADE"), nullable=False
    )
    key = Column(String(40), nullable=False)  # vocab.LIMIT_KEYS
    direction = Column(String(10), nullable=False)  # does_more | does_less
    note = Column(Text)

    provider = relationship("ProviderLocation", back_populates="limits")


class PtvService(Base):
    """A PTV service with its service classes: how channels are recognised as digital support."""

    __tablename__ = "ptv_service"

    id = Column(Integer, primary_key=True)
    source_id = Column(String(64), nullable=False, unique=True)
    name_fi = Column(String(300))
    class_codes = Column(String(300), nullable=False, default="")  # "P9.4,P25.1"
    modified = Column(DateTime)
    last_imported_at = Column(DateTime, nullable=False)  # when this content was last written
    last_seen_at = Column(DateTime)  # last time the API returned it (no refetch within a sync)


class SyncState(Base):
    """Progress of API syncs, one row per API base URL, so an interrupted sync can resume."""

    __tablename__ = "sync_state"

    name = Column(String(200), primary_key=True)
    last_full_started_at = Column(DateTime)
    last_full_completed_at = Column(DateTime)
    last_incremental_at = Column(DateTime)
    #: JSON: the running full sync's municipality -> last completed page (or "done").
    full_progress = Column(Text)
    #: JSON: the running incremental sync's `since` and last completed page.
    incremental_progress = Column(Text)
    updated_at = Column(DateTime)


CHILD_MODELS = (SupportOffer, ProviderArea, OpeningHours, Contact, ProviderLimit)

#: The language versions of a provider's texts: value -> {language: column}; "fi" is the
#: fallback. Street addresses and post offices have Swedish versions only (English uses the
#: official Finnish ones).
LANGUAGE_VERSIONS: Dict[str, Dict[str, str]] = {
    "name": {"fi": "name_fi", "sv": "name_sv", "en": "name_en"},
    "summary": {"fi": "summary_fi", "sv": "summary_sv", "en": "summary_en"},
    "street_address": {"fi": "street_address", "sv": "street_address_sv"},
    "post_office": {"fi": "post_office", "sv": "post_office_sv"},
}


def in_language(location: Any, value: str, language: str) -> Optional[str]:
    """A provider's `value` ("name", "summary", ...) in `language`, else its Finnish one.

    `location` is a ProviderLocation or any object with the same attributes (a record).
    """
    columns = LANGUAGE_VERSIONS[value]
    column = columns.get(language)
    found = getattr(location, column, None) if column else None
    return found or getattr(location, columns["fi"])


# --- read helpers other parts of the bot use (the limits actions) -----------------------------


@dataclass(frozen=True)
class ProviderLimitInfo:
    """Where one provider differs from the default of what digital-support helpers do."""

    key: str  # act_on_behalf | handle_credentials | application_content | device_repair | topic
    direction: str  # does_more | does_less
    note: Optional[str]

    @property
    def does_more(self) -> bool:
        return self.direction == "does_more"

    @property
    def does_less(self) -> bool:
        return self.direction == "does_less"


def get_provider_limits(session: Session, provider_id: Union[int, str]) -> List[ProviderLimitInfo]:
    """The provider's limits, ordered by key; [] for an unknown id or a non-numeric slot value.

    `provider_id` is the value of the `provider_id` slot (a string) or the integer id.
    """
    try:
        key = int(provider_id)
    except (TypeError, ValueError):
        return []
    rows = session.scalars(
        select(ProviderLimit).where(ProviderLimit.provider_id == key).order_by(ProviderLimit.key)
    )
    return [ProviderLimitInfo(row.key, row.direction, row.note) for row in rows]
