"""The directory as the bot uses it: from what the person said to a SearchResult.

One entry point for the actions and the CLI, so both give the same answer. It turns the slot
values into search arguments (a municipality's base-form name to its code, text to numbers) and
runs the search. It only reads: the database is migrated and filled by the ingest wing, at
`bot run` start-up or by `python -m bot providers import`, never here; on an empty directory the
result says so (`SearchResult.directory_empty`) and the bot says it plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Optional

from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from bot.directory.db import get_engine, reading
from bot.directory.hours import HELSINKI
from bot.directory.models import ProviderLocation
from bot.directory.search import Origin, SearchResult, find_providers
from bot.directory.vocab import FINNISH, language_code

_POSTAL_CODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class PersonQuery:
    """What is known about the person, as slot values."""

    topic: Optional[str] = None
    need_level: Optional[str] = None
    municipality: Optional[str] = None  # base-form Finnish name (slot) or a code
    postal_code: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    #: The conversation's language (slot `language`): names, places and order follow it.
    language: str = FINNISH

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> PersonQuery:
        return cls(
            topic=slots.get("topic") or None,
            need_level=slots.get("need_level") or None,
            municipality=slots.get("municipality") or None,
            postal_code=_postal_code(slots.get("postal_code")),
            latitude=_number(slots.get("latitude")),
            longitude=_number(slots.get("longitude")),
            language=language_code(slots.get("language")),
        )

    @property
    def has_location(self) -> bool:
        return bool(
            self.municipality
            or self.postal_code
            or (self.latitude is not None and self.longitude is not None)
        )


def _postal_code(value: Any) -> Optional[str]:
    text = str(value).strip() if value is not None else ""
    return text if _POSTAL_CODE.match(text) else None


def _number(value: Any) -> Optional[float]:
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


def municipality_code(name_or_code: Optional[str]) -> Optional[str]:
    """The official code for a base-form name (or an inflected one, or a code)."""
    if not name_or_code:
        return None
    from bot.places import get_index

    index = get_index()
    found = index.by_code(name_or_code) if name_or_code.strip().isdigit() else None
    found = found or index.by_name(name_or_code)
    return found.code if found else None


def find_for_person(
    query: PersonQuery,
    *,
    now: Optional[datetime] = None,
    limit: int = 3,
    engine: Optional[Engine] = None,
) -> SearchResult:
    """Nearest suitable providers for `query` (blocking: run it in a thread from async code).

    A database nobody has set up yet (no tables) is an empty directory too: the lookup says so
    instead of creating anything.
    """
    engine = engine or get_engine()
    try:
        with reading(engine) as session:
            return find_providers(
                session,
                topic=query.topic,
                need_level=query.need_level,
                municipality_code=municipality_code(query.municipality),
                postal_code=query.postal_code,
                latitude=query.latitude,
                longitude=query.longitude,
                now=now or datetime.now(HELSINKI),
                limit=limit,
                language=query.language,
            )
    except DBAPIError:
        if has_directory_tables(engine):
            raise
    return SearchResult(
        scope=None,
        origin=Origin("none"),
        topic=query.topic,
        need_level=query.need_level,
        providers=[],
        directory_empty=True,
        language=language_code(query.language),
    )


def has_directory_tables(engine: Engine) -> bool:
    """Whether the directory's tables exist (asked only after a lookup failed)."""
    return inspect(engine).has_table(ProviderLocation.__tablename__)
