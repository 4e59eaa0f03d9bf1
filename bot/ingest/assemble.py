"""Build the complete `ProviderRecord`s that the writer stores.

Two inputs: a parsed channel plus its classification (from PTV JSON), and the curated national
channels (data/providers/national_channels.yml, written by hand with cited sources). A channel
without coordinates (PTV's coordinateState "NotReceived") gets the centre point of its
municipality, else of its postal code's municipality, else of its first service area, flagged as
approximate, so it still takes part in nearest-first searches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Tuple

import yaml

from bot.directory.vocab import CHANNEL_TYPES, FORMS, NEED_LEVELS
from bot.ingest.classify import PROVIDER_DATA_DIR, Classification, Rule, parse_rule
from bot.ingest.records import ChannelRecord, ContactRecord, OfferRecord, ProviderRecord

NATIONAL_CHANNELS_FILE = PROVIDER_DATA_DIR / "national_channels.yml"
CURATED_SOURCE = "curated"

#: A municipality code ("491") or a postal code ("50670") -> (latitude, longitude) of the
#: municipality's centre, or None when unknown.
CentreLookup = Callable[[str], Optional[Tuple[float, float]]]
_POSTAL_CODE_LENGTH = 5


def places_centre_lookup() -> CentreLookup:
    """Municipality centres from bot.places (the official lists shipped in data/reference); a
    postal code gives the centre of the municipality it belongs to."""
    from bot.places import get_index

    index = get_index()

    def lookup(code: str) -> Optional[Tuple[float, float]]:
        if len(code) == _POSTAL_CODE_LENGTH:
            area = index.postal_area(code)
            code = area.municipality_code if area is not None else ""
        municipality = index.by_code(code) if code else None
        if municipality is None or municipality.latitude is None:
            return None
        return municipality.latitude, municipality.longitude

    return lookup


def provider_record(
    channel: ChannelRecord,
    classification: Classification,
    source: str,
    centre_of: CentreLookup,
) -> ProviderRecord:
    latitude, longitude, approximate = channel.latitude, channel.longitude, False
    if latitude is None and not channel.is_nationwide:
        codes = [channel.municipality_code, channel.postal_code, *channel.area_municipalities]
        centre = next((centre_of(code) for code in codes if code and centre_of(code)), None)
        if centre is not None:
            (latitude, longitude), approximate = centre, True
    areas: List[str] = []
    if not channel.is_nationwide:
        for code in (channel.municipality_code, *channel.area_municipalities):
            if code and code not in areas:
                areas.append(code)
    return ProviderRecord(
        source="sample" if classification.is_sample else source,
        channel=channel,
        offers=classification.offers,
        limits=classification.limits,
        is_sample=classification.is_sample,
        coordinates_approximate=approximate,
        latitude=latitude,
        longitude=longitude,
        area_municipalities=tuple(areas),
    )


def load_national_channels(path: Path = NATIONAL_CHANNELS_FILE) -> List[ProviderRecord]:
    """The curated national channels as provider records (source "curated", nationwide)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    records = []
    for entry in data.get("channels") or ():
        records.append(_national_record(entry, f"{path}: {entry.get('key')}"))
    return records


def _national_record(entry: Mapping, where: str) -> ProviderRecord:
    if entry.get("channel_type") not in CHANNEL_TYPES or not entry.get("key"):
        raise ValueError(f"{where}: key and a channel_type in {CHANNEL_TYPES} are required")
    rule: Rule = parse_rule(entry, entry["key"], where)
    contacts = [ContactRecord(kind="web", value=url) for url in entry.get("web") or ()]
    phone: Optional[Dict] = entry.get("phone")
    if phone:
        contacts.insert(
            0,
            ContactRecord(
                kind="phone",
                value=str(phone["number"]),
                prefix=phone.get("prefix"),
                charge_type=phone.get("charge_type"),
            ),
        )
    languages = tuple(entry.get("languages") or ("fi",))
    channel = ChannelRecord(
        source_id=str(entry["key"]),
        channel_type=entry["channel_type"],
        name_fi=entry["name_fi"],
        name_sv=entry.get("name_sv"),
        name_en=entry.get("name_en"),
        summary_fi=entry.get("summary_fi"),
        summary_sv=entry.get("summary_sv"),
        summary_en=entry.get("summary_en"),
        area_type="Nationwide",
        is_nationwide=True,
        languages=languages,
        contacts=tuple(contacts),
    )
    offers = tuple(
        OfferRecord(
            topic=topic,
            forms=tuple(form for form in FORMS if form in rule.forms),
            levels=tuple(level for level in NEED_LEVELS if level in rule.levels),
            languages=languages,
        )
        for topic in rule.topics
    )
    return ProviderRecord(source=CURATED_SOURCE, channel=channel, offers=offers)
