"""Find the providers nearest to a person for a topic and a need level.

Order of scopes, and the result says which one answered so the bot can be honest about it:
1. "municipality": providers serving the person's municipality (their address or PTV area);
2. "nearby": visiting places within 25, then 60 km of the person's point, then wider (150,
   400 km) - phone lines and e-channels of other municipalities are not offered, they usually
   serve only their own residents; level 1 (self-service) skips this scope, a link fits it;
3. "national": nationwide channels (curated, see data/providers/national_channels.yml).
A scope answers when it has a provider whose form fits the need level (bot.auta says which
forms fit which level); otherwise the next scope is tried, and if none has a fitting one, the
first scope with any provider answers. Within a scope fitting forms come first, then nearest
first. When nothing at all is found, one more look-up tells an empty directory (nothing imported
yet) from a search that found nothing, so the bot can say which it is.

Language (issue 13): the search is made in the conversation's language (fi, sv, en). Names,
summaries, addresses and municipality names come in that language when the directory has them
(else the Finnish ones). For sv and en, providers that list the language among their service
languages come first among comparable ones: equally fitting, and equally near, where "equally
near" is the same distance band, the rings the nearby scope widens through (within 25, 60, 150,
400 km, see `_band`); lines and web services without a distance are compared among themselves.
So a Swedish-speaking library 12 km away comes before a Finnish-only one 3 km away, but never a
Swedish one 40 km away before a Finnish one 10 km away, and never one whose form does not fit the
need level before one whose form does. Finnish ranks as it always has (nearest first).

Speed: every scope is an index look-up on one table. The nearby scope is a range scan of the
(topic, latitude, longitude) index on support_offer over a bounding box, with exact haversine
distances computed in Python only for the candidates in the box; the municipality and national
scopes first collect provider ids (provider_area, is_nationwide), then their offers by the
(provider_id, topic) key. Details (hours, contacts, limits) are loaded for the final few only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import select, true
from sqlalchemy.orm import Session, selectinload

from bot.auta import (
    FITTING_FORMS,
    LINK_LEVELS,
    ONLINE_CHANNEL,
    ONLINE_CHANNEL_ALWAYS,
    ONLINE_CHANNEL_NEVER,
)
from bot.directory.geo import bounding_box, haversine_km, in_finland
from bot.directory.hours import HELSINKI, HoursRecord, Schedule, as_helsinki, opening_status
from bot.directory.models import (
    ProviderArea,
    ProviderLimitInfo,
    ProviderLocation,
    SupportOffer,
    in_language,
)
from bot.directory.vocab import (
    CHANNEL_TYPES,
    FINNISH,
    FORM_BITS,
    LEVEL_BITS,
    SWEDISH,
    TOPICS,
    decode_mask,
    encode_mask,
    language_code,
)

SCOPE_MUNICIPALITY = "municipality"
SCOPE_NEARBY = "nearby"
SCOPE_NATIONAL = "national"
NEARBY_RADII_KM: Tuple[float, ...] = (25.0, 60.0)
WIDER_RADII_KM: Tuple[float, ...] = (150.0, 400.0)
#: Coordinates farther than this from the stated municipality's centre win over the municipality.
MUNICIPALITY_SANITY_KM = 80.0
NATIONAL_EXTRAS = 2
_IN_CHUNK = 500
#: Upper edges (km) of the distance bands within which places count as equally near when the
#: conversation's language orders them: the rings the nearby scope widens through.
LANGUAGE_BANDS_KM: Tuple[float, ...] = (*NEARBY_RADII_KM, *WIDER_RADII_KM)
#: Municipalities whose Swedish name English uses too: the Åland Islands are Swedish-speaking
#: by law, and Mariehamn (Maarianhamina) is the only one of them with a separate Finnish name.
#: Elsewhere English uses the official Finnish name.
ENGLISH_USES_SWEDISH_NAME = frozenset({"478"})


def _fit_rule(need_level: str, channel_type: str) -> Tuple[bool, int]:
    """(fits whatever its forms, else the mask of fitting forms): bot.auta.fits on a mask."""
    if need_level not in FITTING_FORMS:
        raise ValueError(f"unknown need level {need_level!r}")
    if channel_type == ONLINE_CHANNEL and need_level in ONLINE_CHANNEL_ALWAYS:
        return True, 0
    if channel_type == ONLINE_CHANNEL and need_level in ONLINE_CHANNEL_NEVER:
        return False, 0
    return False, encode_mask(FITTING_FORMS[need_level], FORM_BITS)


#: The rules for every level and channel type, worked out once: the test runs per candidate.
_FIT_RULES = {
    (level, channel_type): _fit_rule(level, channel_type)
    for level in FITTING_FORMS
    for channel_type in CHANNEL_TYPES
}


def fits_need_level(need_level: Optional[str], channel_type: str, forms_mask: int) -> bool:
    """Does a provider's form fit the AUTA need level? (bot.auta.fits, on a stored mask.)"""
    if need_level is None:
        return True
    always, mask = _FIT_RULES.get((need_level, channel_type)) or _fit_rule(need_level, channel_type)
    return always or bool(forms_mask & mask)


@dataclass(frozen=True)
class Origin:
    """Where the person is, as far as we know, and how we know it."""

    kind: str  # coordinates | postal_code | municipality | none
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    municipality_code: Optional[str] = None
    municipality_name: Optional[str] = None
    postal_code: Optional[str] = None

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class ProviderHit:
    id: int
    source: str
    is_sample: bool
    channel_type: str
    name: str
    summary: Optional[str]
    street_address: Optional[str]
    postal_code: Optional[str]
    post_office: Optional[str]
    municipality_code: Optional[str]
    municipality_name: Optional[str]
    #: km from the origin point; None for phone lines, e-channels and national channels.
    distance_km: Optional[float]
    forms: List[str]
    need_levels: List[str]
    fits_need_level: bool
    languages: List[str]
    phone: Optional[str]
    phone_charge_type: Optional[str]
    web: Optional[str]
    email: Optional[str]
    hours_known: bool
    open_now: Optional[bool]
    closes_at: Optional[datetime]
    next_opening: Optional[datetime]
    accessibility: Optional[str]
    limits: List[ProviderLimitInfo] = field(default_factory=list)
    #: The place's own point (WGS84), for a map link; None when the record gave no point.
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    #: The point is only the municipality's centre (the record had no coordinates).
    coordinates_approximate: bool = False

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        for key in ("closes_at", "next_opening"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass(frozen=True)
class SearchResult:
    scope: Optional[str]  # municipality | nearby | national | None (nothing at all)
    origin: Origin
    topic: Optional[str]
    need_level: Optional[str]
    providers: List[ProviderHit]
    #: Radius of the ring that answered in the nearby scope.
    radius_km: Optional[float] = None
    #: A couple of national channels for the topic, offered alongside local results.
    national: List[ProviderHit] = field(default_factory=list)
    #: Nothing has been imported yet: not "nothing fits", but "nothing to search".
    directory_empty: bool = False
    #: The conversation's language (fi, sv, en) the names, places and order are in.
    language: str = FINNISH

    @property
    def location_known(self) -> bool:
        return self.origin.kind != "none"

    @property
    def any_sample(self) -> bool:
        return any(hit.is_sample for hit in [*self.providers, *self.national])

    def to_dict(self) -> Dict[str, Any]:
        return {
            "scope": self.scope,
            "radius_km": self.radius_km,
            "topic": self.topic,
            "need_level": self.need_level,
            "origin": asdict(self.origin),
            "location_known": self.location_known,
            "providers": [hit.to_dict() for hit in self.providers],
            "national": [hit.to_dict() for hit in self.national],
            "directory_empty": self.directory_empty,
            "language": self.language,
        }


@dataclass
class _Candidate:
    id: int
    channel_type: str
    latitude: Optional[float]
    longitude: Optional[float]
    forms_mask: int
    languages: FrozenSet[str] = frozenset()
    distance_km: Optional[float] = None
    fits: bool = False


class _Places:
    """The bits of bot.places the search needs (injectable for tests and the benchmark)."""

    def __init__(self, index: Any = None) -> None:
        if index is None:
            from bot.places import get_index

            index = get_index()
        self.index = index

    def centre(self, code: Optional[str]) -> Optional[Tuple[float, float]]:
        municipality = self.index.by_code(code) if code else None
        return (municipality.latitude, municipality.longitude) if municipality else None

    def name(self, code: Optional[str], language: str = FINNISH) -> Optional[str]:
        """The municipality's name in `language`, uninflected (see municipality_name)."""
        municipality = self.index.by_code(code) if code else None
        return municipality_name(municipality, language) if municipality else None

    def post_office(self, postal_code: Optional[str], language: str) -> Optional[str]:
        """The post office of a postal code in Swedish ("Helsingfors"); None for other languages."""
        if language != SWEDISH or not postal_code:
            return None
        area = self.index.postal_area(postal_code)
        return area.title_sv if area and area.name_sv else None

    def postal_municipality(self, postal_code: Optional[str]) -> Optional[str]:
        area = self.index.postal_area(postal_code) if postal_code else None
        return area.municipality_code if area else None


def municipality_name(municipality: Any, language: str = FINNISH) -> str:
    """The name to say: Swedish in sv ("Helsingfors", "Vasa"), Finnish in fi, and in en the
    Finnish one too except where only the Swedish name is used (ENGLISH_USES_SWEDISH_NAME)."""
    swedish = language == SWEDISH or (
        language != FINNISH and municipality.code in ENGLISH_USES_SWEDISH_NAME
    )
    return (municipality.name_sv if swedish else None) or municipality.name_fi


def resolve_origin(
    places: _Places,
    *,
    municipality_code: Optional[str] = None,
    postal_code: Optional[str] = None,
    latitude: Optional[float] = None,
    longitude: Optional[float] = None,
    language: str = FINNISH,
) -> Origin:
    """Coordinates if plausible, else the postal area's municipality, else the municipality.

    The municipality's name is in `language` (the conversation's).
    """
    code = municipality_code if places.centre(municipality_code) else None
    postal_municipality = places.postal_municipality(postal_code)
    code = code or postal_municipality
    if latitude is not None and longitude is not None and in_finland(latitude, longitude):
        centre = places.centre(code)
        if centre and haversine_km(latitude, longitude, *centre) > MUNICIPALITY_SANITY_KM:
            code = None  # the person is clearly somewhere else now
        name = places.name(code, language)
        return Origin("coordinates", latitude, longitude, code, name, postal_code)
    if postal_municipality:
        centre = places.centre(postal_municipality)
        return Origin(
            "postal_code",
            *centre,
            postal_municipality,
            places.name(postal_municipality, language),
            postal_code,
        )
    if code:
        return Origin("municipality", *places.centre(code), code, places.name(code, language))
    return Origin("none")


def find_providers(
    session: Session,
    *,
    topic: Optional[str],
    need_level: Optional[str],
    municipality_code: Optional[str] = None,
    postal_code: Optional[str] = None,
    latitude: Optional[float] = None,
    longitude: Optional[float] = None,
    now: Optional[datetime] = None,
    limit: int = 3,
    places: Any = None,
    language: Optional[str] = FINNISH,
) -> SearchResult:
    """The best `limit` providers for the person, with the scope they came from.

    `language` is the conversation's (None or unknown: Finnish); see the module docstring.
    """
    if need_level is not None and need_level not in LEVEL_BITS:
        raise ValueError(f"unknown need level {need_level!r}")
    language = language_code(language)
    places = places if isinstance(places, _Places) else _Places(places)
    origin = resolve_origin(
        places,
        municipality_code=municipality_code,
        postal_code=postal_code,
        latitude=latitude,
        longitude=longitude,
        language=language,
    )
    now = as_helsinki(now or datetime.now(HELSINKI))
    scope, radius, chosen = _choose(session, origin, topic, need_level, limit, language)
    national: List[_Candidate] = []
    if scope != SCOPE_NATIONAL:
        national = _rank(_national(session, topic, need_level), NATIONAL_EXTRAS, language)
    details = _details(session, [c.id for c in chosen + national])
    hits = [_hit(details[c.id], c, topic, now, places, language) for c in chosen]
    extras = [_hit(details[c.id], c, topic, now, places, language) for c in national]
    return SearchResult(
        scope=scope if hits else None,
        origin=origin,
        topic=topic,
        need_level=need_level,
        providers=hits,
        radius_km=radius,
        national=extras,
        directory_empty=not hits and not extras and _is_empty(session),
        language=language,
    )


def _is_empty(session: Session) -> bool:
    """No provider at all (one indexed row at most is read)."""
    return session.scalar(select(ProviderLocation.id).limit(1)) is None


def _choose(
    session: Session,
    origin: Origin,
    topic: Optional[str],
    need_level: Optional[str],
    limit: int,
    language: str = FINNISH,
) -> Tuple[Optional[str], Optional[float], List[_Candidate]]:
    """Walk the scopes; return (scope, radius, ranked candidates) of the one that answers."""
    fallback: Optional[Tuple[str, Optional[float], List[_Candidate]]] = None

    def consider(scope: str, radius: Optional[float], found: List[_Candidate]) -> bool:
        nonlocal fallback
        if not found:
            return False
        if any(candidate.fits for candidate in found):
            fallback = (scope, radius, _rank(found, limit, language))
            return True
        if fallback is None:
            fallback = (scope, radius, _rank(found, limit, language))
        return False

    if origin.municipality_code:
        found = _municipality(session, origin, topic, need_level)
        if consider(SCOPE_MUNICIPALITY, None, found):
            return fallback  # type: ignore[return-value]
    if origin.has_point and need_level not in LINK_LEVELS:
        for radius in (*NEARBY_RADII_KM, *WIDER_RADII_KM):
            found = _nearby(session, origin, topic, need_level, radius)
            enough = sum(candidate.fits for candidate in found) >= limit
            last_near = radius == NEARBY_RADII_KM[-1]
            if (enough or last_near or radius in WIDER_RADII_KM) and consider(
                SCOPE_NEARBY, radius, found
            ):
                return fallback  # type: ignore[return-value]
    if consider(SCOPE_NATIONAL, None, _national(session, topic, need_level)):
        return fallback  # type: ignore[return-value]
    return fallback or (None, None, [])


def _band(distance_km: Optional[float]) -> int:
    """The distance band (index into LANGUAGE_BANDS_KM) of a distance; 0 without one."""
    if distance_km is None:
        return 0
    for band, edge in enumerate(LANGUAGE_BANDS_KM):
        if distance_km <= edge:
            return band
    return len(LANGUAGE_BANDS_KM)


def _rank(candidates: List[_Candidate], limit: int, language: str = FINNISH) -> List[_Candidate]:
    """Fitting first, located places before lines, then (sv, en) the person's language first
    within a distance band, then nearest first (see the module docstring)."""
    prefer = language != FINNISH
    return sorted(
        candidates,
        key=lambda c: (
            not c.fits,
            c.distance_km is None,
            _band(c.distance_km),
            prefer and language not in c.languages,
            c.distance_km or 0.0,
            c.id,
        ),
    )[:limit]


def _offer_query(topic: Optional[str], need_level: Optional[str]) -> Any:
    """Offers of `topic` (any topic when None) that serve `need_level`: one table, no join."""
    query = select(
        SupportOffer.provider_id,
        SupportOffer.channel_type,
        SupportOffer.latitude,
        SupportOffer.longitude,
        SupportOffer.forms_mask,
        SupportOffer.languages,
    )
    if topic is not None:
        query = query.where(SupportOffer.topic == topic)
    else:  # keeps the (topic, latitude, longitude) index usable
        query = query.where(SupportOffer.topic.in_(TOPICS))
    if need_level is not None:
        query = query.where(SupportOffer.levels_mask.op("&")(LEVEL_BITS[need_level]) != 0)
    return query


def _offers_of(
    session: Session, ids: Sequence[int], topic: Optional[str], need_level: Optional[str]
) -> List[Any]:
    rows: List[Any] = []
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        query = _offer_query(topic, need_level).where(SupportOffer.provider_id.in_(chunk))
        rows.extend(session.execute(query))
    return rows


def _collect(
    rows: Iterable[Any], need_level: Optional[str], origin: Optional[Origin]
) -> List[_Candidate]:
    """Merge offer rows per provider (several topics when topic is None) and measure them."""
    by_id: Dict[int, _Candidate] = {}
    for row_id, channel_type, lat, lon, forms_mask, languages in rows:
        codes = frozenset(code for code in (languages or "").split(",") if code)
        candidate = by_id.get(row_id)
        if candidate is None:
            by_id[row_id] = _Candidate(row_id, channel_type, lat, lon, forms_mask, codes)
        else:
            candidate.forms_mask |= forms_mask
            candidate.languages |= codes
    for candidate in by_id.values():
        candidate.fits = fits_need_level(need_level, candidate.channel_type, candidate.forms_mask)
        visiting = candidate.channel_type == "ServiceLocation" and candidate.latitude is not None
        if origin is not None and origin.has_point and visiting:
            candidate.distance_km = haversine_km(
                origin.latitude, origin.longitude, candidate.latitude, candidate.longitude
            )
    return list(by_id.values())


def _municipality(
    session: Session, origin: Origin, topic: Optional[str], need_level: Optional[str]
) -> List[_Candidate]:
    """Providers whose address or PTV area is the municipality (two indexed look-ups)."""
    ids = list(
        session.scalars(
            select(ProviderArea.provider_id).where(
                ProviderArea.municipality_code == origin.municipality_code
            )
        )
    )
    return _collect(_offers_of(session, ids, topic, need_level), need_level, origin)


def _nearby(
    session: Session,
    origin: Origin,
    topic: Optional[str],
    need_level: Optional[str],
    radius_km: float,
) -> List[_Candidate]:
    """Visiting places within `radius_km`: index range scan on the box, then exact distance."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(origin.latitude, origin.longitude, radius_km)
    query = _offer_query(topic, need_level).where(
        SupportOffer.latitude.between(min_lat, max_lat),
        SupportOffer.longitude.between(min_lon, max_lon),
        SupportOffer.channel_type == "ServiceLocation",
    )
    found = _collect(session.execute(query), need_level, origin)
    return [c for c in found if c.distance_km is not None and c.distance_km <= radius_km]


def _national(
    session: Session, topic: Optional[str], need_level: Optional[str]
) -> List[_Candidate]:
    ids = list(
        # "= true", not "IS true": PostgreSQL can use an index only for the former
        session.scalars(select(ProviderLocation.id).where(ProviderLocation.is_nationwide == true()))
    )
    return _collect(_offers_of(session, ids, topic, need_level), need_level, None)


def _details(session: Session, ids: Sequence[int]) -> Dict[int, ProviderLocation]:
    if not ids:
        return {}
    query = (
        select(ProviderLocation)
        .where(ProviderLocation.id.in_(list(ids)))
        .options(
            selectinload(ProviderLocation.hours),
            selectinload(ProviderLocation.contacts),
            selectinload(ProviderLocation.limits),
            selectinload(ProviderLocation.offers),
        )
    )
    return {location.id: location for location in session.scalars(query)}


def schedule_of(location: ProviderLocation) -> Schedule:
    """The hours.py schedule of a stored provider."""
    weekly, exceptions = [], []
    for row in location.hours:
        rule = HoursRecord(
            kind=row.kind,
            day_from=row.day_from,
            day_to=row.day_to,
            opens_minute=row.opens_minute,
            closes_minute=row.closes_minute,
            over_midnight=row.over_midnight,
            is_closed=row.is_closed,
            is_always_open=row.is_always_open,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            note=row.note,
        ).to_rule()
        if rule is None:
            continue
        (exceptions if row.kind == "exception" else weekly).append(rule)
    return Schedule(weekly=tuple(weekly), exceptions=tuple(exceptions))


def first_contact(location: ProviderLocation, kind: str, language: str = FINNISH) -> Optional[Any]:
    """The contact of this kind in the conversation's language first (a Swedish web page for a
    Swedish speaker), then a Finnish or language-neutral one, as every answer shows it."""
    contacts = [c for c in location.contacts if c.kind == kind]
    own = language != FINNISH  # Finnish orders as it always has: Finnish and neutral ones alike
    contacts.sort(
        key=lambda c: (own and c.language != language, c.language not in (None, "fi"), c.id)
    )
    return contacts[0] if contacts else None


def phone_text(phone: Optional[Any]) -> Optional[str]:
    """A phone contact as shown: its prefix and number."""
    return " ".join(p for p in (phone.prefix, phone.value) if p) if phone else None


def _hit(
    location: ProviderLocation,
    candidate: _Candidate,
    topic: Optional[str],
    now: datetime,
    places: _Places,
    language: str = FINNISH,
) -> ProviderHit:
    """What the answer shows of a provider, in `language` where the directory has it."""
    offers = [o for o in location.offers if topic is None or o.topic == topic]
    forms_mask = 0
    levels_mask = 0
    languages: List[str] = []
    for offer in offers:
        forms_mask |= offer.forms_mask
        levels_mask |= offer.levels_mask
        languages.extend(code for code in offer.language_list if code not in languages)
    status = opening_status(schedule_of(location), now)
    phone, web, email = (
        first_contact(location, kind, language) for kind in ("phone", "web", "email")
    )
    post_office = location.post_office_sv if language == SWEDISH else None
    if location.street_address and not post_office:  # the official list's Swedish name
        post_office = places.post_office(location.postal_code, language)
    return ProviderHit(
        id=location.id,
        source=location.source,
        is_sample=location.is_sample,
        channel_type=location.channel_type,
        name=in_language(location, "name", language),
        summary=in_language(location, "summary", language),
        street_address=in_language(location, "street_address", language),
        postal_code=location.postal_code,
        post_office=post_office or location.post_office,
        municipality_code=location.municipality_code,
        municipality_name=places.name(location.municipality_code, language),
        distance_km=None if candidate.distance_km is None else round(candidate.distance_km, 1),
        forms=decode_mask(forms_mask, FORM_BITS),
        need_levels=decode_mask(levels_mask, LEVEL_BITS),
        fits_need_level=candidate.fits,
        languages=languages,
        phone=phone_text(phone),
        phone_charge_type=phone.charge_type if phone else None,
        web=web.value if web else None,
        email=email.value if email else None,
        hours_known=status.known,
        open_now=status.open_now,
        closes_at=status.closes_at,
        next_opening=status.next_opening,
        accessibility=location.accessibility_notes,
        limits=[
            ProviderLimitInfo(limit.key, limit.direction, limit.note)
            for limit in sorted(location.limits, key=lambda limit: limit.key)
        ],
        latitude=location.latitude,
        longitude=location.longitude,
        coordinates_approximate=bool(location.coordinates_approximate),
    )
