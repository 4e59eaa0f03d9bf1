"""The provider a conversation chose (slot ``provider_id``), read back from the directory.

WHY read it again instead of keeping what was shown: the note is built on demand and stores
nothing, and the slot holds only the provider's id. The directory is the one source of the
provider's name, contacts, sample flag and own limits, the same rows the search showed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Tuple

from sqlalchemy.engine import Engine
from sqlalchemy.orm import selectinload

from bot.directory.db import session_scope
from bot.directory.models import ProviderLimitInfo, ProviderLocation
from bot.directory.search import first_contact, phone_text


@dataclass(frozen=True)
class ChosenProvider:
    """What the note says of the chosen provider; ``is_sample`` marks invented sample data."""

    id: int
    name: str
    address: Optional[str]
    phone: Optional[str]
    web: Optional[str]
    is_sample: bool
    limits: Tuple[ProviderLimitInfo, ...] = ()


def chosen_provider(provider_id: Any, engine: Optional[Engine] = None) -> Optional[ChosenProvider]:
    """The provider with this slot value, or None (no choice yet, or no longer in the directory).

    Blocking: call it in a thread from async code.
    """
    try:
        key = int(provider_id)
    except (TypeError, ValueError):
        return None
    with session_scope(engine) as session:
        location = session.get(
            ProviderLocation,
            key,
            options=[
                selectinload(ProviderLocation.contacts),
                selectinload(ProviderLocation.limits),
            ],
        )
        if location is None:
            return None
        web = first_contact(location, "web")
        return ChosenProvider(
            id=location.id,
            name=location.name_fi,
            address=", ".join(p for p in (location.street_address, location.post_office) if p)
            or None,
            phone=phone_text(first_contact(location, "phone")),
            web=web.value if web else None,
            is_sample=bool(location.is_sample),
            limits=tuple(
                ProviderLimitInfo(limit.key, limit.direction, limit.note)
                for limit in sorted(location.limits, key=lambda limit: limit.key)
            ),
        )
