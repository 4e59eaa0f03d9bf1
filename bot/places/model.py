"""Value objects of the place index (immutable so they can be shared and cached freely)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: How a place was found in text: its name, a five-digit postal code, or a post office name.
MatchVia = Literal["name", "postal_code", "post_office"]


@dataclass(frozen=True)
class Municipality:
    """A current Finnish municipality with its official names and a WGS84 centre point."""

    code: str
    name_fi: str
    name_sv: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class PostalArea:
    """A postal code area.

    ``name_fi``/``name_sv`` are the post office names exactly as published (UPPER CASE, e.g.
    "HEINÄVESI"); use :attr:`title_fi` for display. ``municipality_code`` is the *current*
    municipality (codes of merged municipalities are replaced by their successor's code).
    """

    code: str
    name_fi: str
    name_sv: str
    municipality_code: str

    @property
    def title_fi(self) -> str:
        """The Finnish post office name in title case ("ALA-HONKAJOKI" -> "Ala-Honkajoki")."""
        return _title(self.name_fi)

    @property
    def title_sv(self) -> str:
        """The Swedish post office name in title case."""
        return _title(self.name_sv)


@dataclass(frozen=True)
class PlaceMatch:
    """A municipality mentioned in text; ``start``/``end`` are character offsets of the mention."""

    municipality: Municipality
    start: int
    end: int
    matched_text: str
    via: MatchVia


def _title(name: str) -> str:
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in name.split("-"))
