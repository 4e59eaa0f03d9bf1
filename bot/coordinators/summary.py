"""The report's short summary in plain Finnish, built only from numbers the tables print.

WHY: a coordinator pastes these lines into a status report. They quote the protected tables
(visible numbers only, never a hidden one), so the summary cannot undo the suppression.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from bot.coordinators.records import UNKNOWN
from bot.coordinators.render import ReportInfo, margin_bars
from bot.coordinators.suppression import shown
from bot.coordinators.tables import Table


def _percent(value: int, total: Optional[int]) -> str:
    return f" ({round(100 * value / total)} %)" if total else ""


def _listing(table: Optional[Table], axis: str, total: Optional[int], most: int = 8) -> str:
    if table is None:
        return ""
    categories = table.rows if axis == "rows" else table.cols
    bars = [
        bar
        for bar, value in zip(margin_bars(table, axis), categories, strict=True)
        if value != UNKNOWN and bar.value
    ]
    bars.sort(key=lambda bar: -(bar.value or 0))
    return ", ".join(
        f"{bar.label} {bar.shown}{_percent(bar.value or 0, total)}" for bar in bars[:most]
    )


def lines(info: ReportInfo, tables: Sequence[Table]) -> List[str]:
    by_name: Dict[str, Table] = {table.name: table for table in tables}
    first = by_name.get("tuen_taso")
    total = None if first is None or (None, None) in first.hidden else first.total
    printed = shown(first, None, None) if first is not None else str(info.conversations)
    said = [f"Keskusteluja {printed} ({info.scope}, {info.period})."]
    for name, axis, lead in (
        ("tuen_taso", "rows", "Aiheet"),
        ("tuen_taso", "cols", "Tuen taso"),
        ("kysyja", "rows", "Kysyjä"),
        ("paattyminen", "rows", "Päättyminen"),
        ("avun_muoto", "rows", "Toivottu avun muoto"),
    ):
        listed = _listing(by_name.get(name), axis, total, most=4 if name == "tuen_taso" else 8)
        if listed:
            said.append(f"{lead}: {listed}.")
    unmet = by_name.get("katvealueet")
    if unmet is not None and unmet.rows:
        count = shown(unmet, None, None)
        places = _listing(unmet, "rows", None, most=5)
        said.append(
            f"Katvealueet: {count} keskustelua, joissa lähin sopiva apu oli kaukana tai sopivaa "
            f"ei löytynyt lähellä" + (f"; eniten {places}." if places else ".")
        )
    small = sum(1 for t in tables for mark in t.hidden.values() if mark == "<5")
    other = sum(1 for t in tables for mark in t.hidden.values() if mark == "x")
    said.append(
        f"Tietosuoja: {small} taulukon lukua on alle viisi (<5) ja {other} lukua on piilotettu "
        "niiden suojaksi (x)."
    )
    return said


def markdown(info: ReportInfo, tables: Sequence[Table]) -> str:
    body = "\n".join(f"- {line}" for line in lines(info, tables))
    return f"# Digituen tarve: {info.scope}, {info.period}\n\n{body}\n"
