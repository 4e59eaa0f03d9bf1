"""Counting records into the report's two-way tables, with their margins.

WHY: a coordinator reads cross-tabulations (region × topic, topic × need level, ...), each with
its row and column totals. The full seven-way cube (week × municipality × topic × level ×
asker × language × ending) would be almost all small cells, and with published totals its
suppressed cells could be worked out, so the report publishes two-way tables only; each one is
a margin of the cube. Tables that share a dimension share its totals (the same numbers), which
`suppression.py` relies on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.coordinators.records import (
    ASKERS,
    ENDINGS,
    HELP_FORMS,
    LANGUAGES,
    NEED_LEVELS,
    TOPICS,
    UNKNOWN,
    UNMET,
    ConversationRecord,
)

ALL = "kaikki"  # the family of tables counting every conversation
UNMET_FAMILY = "katve"  # the family counting conversations where help was far or none fitted

DIMENSION_TITLES: Dict[str, str] = {
    "week": "Viikko",
    "region": "Maakunta",
    "municipality": "Kunta",
    "topic": "Aihe",
    "need_level": "Tuen taso",
    "asker": "Kysyjä",
    "language": "Kieli",
    "ending": "Miten keskustelu päättyi",
    "help_form": "Toivottu avun muoto",
    "unmet": "Katve",
}
LABELS: Dict[str, Dict[str, str]] = {
    "topic": {
        "banking": "Verkkopankki ja laskut",
        "suomifi_messages": "Suomi.fi-viestit",
        "identification": "Tunnistautuminen",
        "authorizations": "Valtuudet",
        "e_services": "Sähköiset palvelut",
        "device": "Laitteet",
        "communication": "Sähköposti ja viestit",
        "security": "Huijaukset ja tietoturva",
    },
    "need_level": {
        "self_service": "1 Itsenäinen",
        "light_support": "2 Kevyt tuki",
        "demanding_support": "3 Vaativa tuki",
        "non_digital": "4 Ei digitaalisesti",
    },
    "asker": {"self": "Henkilö itse", "relative": "Läheinen", "advisor": "Neuvoja"},
    "language": {"fi": "suomi", "sv": "ruotsi", "en": "englanti"},
    "ending": {
        "urgent_steps": "Kiireelliset ohjeet annettu",
        "human_asked": "Pyysi ihmistä",
        "provider_shown": "Lähipalvelu näytetty",
        "national_channel": "Puhelin- tai valtakunnallinen palvelu",
        "none_fitted": "Sopivaa ei löytynyt",
        "out_of_scope": "Aiheen ulkopuolella",
        "abandoned": "Jäi kesken",
    },
    "help_form": {
        "phone": "Puhelin",
        "remote": "Etänä",
        "in_person": "Kasvokkain",
        "home_visit": "Kotikäynti",
        "paper": "Paperilla",
    },
    "unmet": {"far": "Lähin sopiva kaukana", "none_near": "Ei sopivaa lähellä"},
}
UNKNOWN_LABEL = "Ei tiedossa"
CLOSED: Dict[str, Tuple[str, ...]] = {
    "topic": TOPICS,
    "need_level": NEED_LEVELS,
    "asker": ASKERS,
    "language": LANGUAGES,
    "ending": ENDINGS,
    "help_form": HELP_FORMS,
    "unmet": UNMET,
}


def label(dimension: str, value: str) -> str:
    if value == UNKNOWN:
        return UNKNOWN_LABEL
    return LABELS.get(dimension, {}).get(value, value)


@dataclass
class Table:
    """A two-way table of conversation counts with its row and column totals."""

    name: str
    title: str
    family: str
    row_dim: str
    col_dim: str
    rows: List[str]
    cols: List[str]
    cells: List[List[int]]
    #: Filled by suppression.protect: (row, col) of hidden cells, None for a row/column total.
    hidden: Dict[Tuple[Optional[int], Optional[int]], str] = field(default_factory=dict)

    @property
    def row_totals(self) -> List[int]:
        return [sum(row) for row in self.cells]

    @property
    def col_totals(self) -> List[int]:
        return (
            [sum(column) for column in zip(*self.cells, strict=True)]
            if self.cells
            else [0] * len(self.cols)
        )

    @property
    def total(self) -> int:
        return sum(self.row_totals)


@dataclass(frozen=True)
class Spec:
    name: str
    title: str
    row_dim: str
    col_dim: str
    family: str = ALL


def categories(
    dimension: str, records: Sequence[ConversationRecord], orders: Mapping[str, Sequence[str]]
) -> List[str]:
    """The categories a table shows: a closed list or the given order (all of it, zeros too),
    else the values seen; plus 'unknown' if seen."""
    seen = {getattr(record, dimension) for record in records}
    if dimension in CLOSED:
        base = list(CLOSED[dimension])
    elif orders.get(dimension):
        base = list(orders[dimension])
    else:
        base = sorted(value for value in seen if value != UNKNOWN)
    return base + ([UNKNOWN] if UNKNOWN in seen else [])


def build(
    spec: Spec,
    records: Sequence[ConversationRecord],
    orders: Mapping[str, Sequence[str]],
    keep: Callable[[ConversationRecord], bool] = lambda record: True,
) -> Table:
    chosen = [record for record in records if keep(record)]
    rows = categories(spec.row_dim, chosen, orders)
    cols = categories(spec.col_dim, chosen, orders)
    counts = Counter((getattr(r, spec.row_dim), getattr(r, spec.col_dim)) for r in chosen)
    cells = [[counts.get((row, col), 0) for col in cols] for row in rows]
    return Table(spec.name, spec.title, spec.family, spec.row_dim, spec.col_dim, rows, cols, cells)


def report_tables(
    records: Sequence[ConversationRecord],
    regions: Sequence[str],
    municipalities: Sequence[str] = (),
) -> List[Table]:
    """The report's tables. With `municipalities` (a report on one region or municipality)
    places are municipalities, all of them shown; otherwise the `regions`, all shown."""
    by_municipality = bool(municipalities)
    place = "municipality" if by_municipality else "region"
    place_title = "kunnittain" if by_municipality else "maakunnittain"
    specs = [
        Spec("viikot", "Keskustelut viikoittain ja aiheittain", "week", "topic"),
        Spec("alueet", f"Keskustelut {place_title} ja aiheittain", place, "topic"),
        Spec("alueet_taso", f"Tuen taso {place_title}", place, "need_level"),
        Spec("tuen_taso", "Aiheet ja tuen taso", "topic", "need_level"),
        Spec("kysyja", "Kuka kysyy, ja kuinka paljon apua tarvitaan", "asker", "need_level"),
        Spec("kieli", "Keskustelun kieli ja kysyjä", "language", "asker"),
        Spec("paattyminen", "Miten keskustelut päättyivät, aiheittain", "ending", "topic"),
        Spec("avun_muoto", "Toivottu avun muoto ja tuen taso", "help_form", "need_level"),
    ]
    orders = {"region": regions, "municipality": municipalities}
    tables = [build(spec, records, orders) for spec in specs]
    unmet = Spec(
        "katvealueet",
        "Katvealueet: lähin sopiva apu kaukana tai ei sopivaa lähellä",
        "municipality",
        "topic",
        UNMET_FAMILY,
    )
    # Only the municipalities where it happened: a national list of 309 would be mostly zeros.
    seen = {"municipality": ()}
    tables.append(build(unmet, records, seen, keep=lambda r: r.unmet in UNMET))
    return tables
