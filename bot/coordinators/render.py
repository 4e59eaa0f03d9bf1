"""Writing the report: one HTML page, a CSV file per table, and a short summary.

WHY: the coordinator forwards the page, pastes the summary into a status report and opens the
CSV files in a spreadsheet. All three print the same protected numbers (``suppression.shown``),
so nothing in one file undoes the suppression in another. The page works without JavaScript:
inline SVG charts (``charts.py``) each followed by the table behind it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from bot.coordinators.charts import Bar, columns, horizontal
from bot.coordinators.suppression import PRIMARY, SECONDARY, shown
from bot.coordinators.tables import DIMENSION_TITLES, Table, label

TOTAL = "Yhteensä"
#: Which margin of which table is drawn: (table, "rows" or "cols", chart title, column chart?).
CHARTS: Tuple[Tuple[str, str, str, bool], ...] = (
    ("viikot", "rows", "Keskustelut viikoittain", True),
    ("alueet", "rows", "Keskustelut alueittain", False),
    ("tuen_taso", "rows", "Keskustelut aiheittain", False),
    ("tuen_taso", "cols", "Keskustelut tuen tason mukaan", False),
    ("kysyja", "rows", "Kuka kysyy", False),
    ("kieli", "rows", "Keskustelun kieli", False),
    ("paattyminen", "rows", "Miten keskustelut päättyivät", False),
    ("avun_muoto", "rows", "Toivottu avun muoto", False),
    ("katvealueet", "rows", "Katvealueet kunnittain (suurimmat)", False),
)
MOST_BARS = 20
NOTHING = "Ei yhtään keskustelua tällä jaksolla."
STYLE = """
body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:84rem;margin:0 auto;
padding:1rem 1.5rem;line-height:1.5}
h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:2px solid #1f5f8b}
table{border-collapse:collapse;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #8a8a8a;padding:.25rem .5rem}td{text-align:right}
th[scope=row]{text-align:left;font-weight:normal}thead th{background:#e8eef3}
tr.total th,tr.total td,td.total{font-weight:700}
.note{background:#f3f6f8;border-left:4px solid #1f5f8b;padding:.5rem 1rem}
figure{margin:1rem 0;overflow-x:auto}.wide{overflow-x:auto}
.wide:focus{outline:3px solid #1f5f8b}figcaption{font-size:.95rem}
"""


@dataclass(frozen=True)
class ReportInfo:
    """What the report covers, in words for its heading."""

    period: str
    scope: str
    conversations: int
    made: str


def margin_bars(table: Table, axis: str) -> List[Bar]:
    if axis == "rows":
        return [
            Bar(label(table.row_dim, row), _value(table, i, None), shown(table, i, None))
            for i, row in enumerate(table.rows)
        ]
    return [
        Bar(label(table.col_dim, col), _value(table, None, j), shown(table, None, j))
        for j, col in enumerate(table.cols)
    ]


def _value(table: Table, i: Optional[int], j: Optional[int]) -> Optional[int]:
    if (i, j) in table.hidden:
        return None
    return table.row_totals[i] if i is not None else table.col_totals[j]  # type: ignore[index]


def grid(table: Table) -> List[List[str]]:
    """The table as printed, header row first, totals last."""
    header = [DIMENSION_TITLES[table.row_dim]] + [label(table.col_dim, c) for c in table.cols]
    lines = [header + [TOTAL]]
    for i, row in enumerate(table.rows):
        cells = [shown(table, i, j) for j in range(len(table.cols))]
        lines.append([label(table.row_dim, row), *cells, shown(table, i, None)])
    totals = [shown(table, None, j) for j in range(len(table.cols))]
    lines.append([TOTAL, *totals, shown(table, None, None)])
    return lines


def write_csv(table: Table, directory: Path) -> Path:
    """Semicolon-separated UTF-8 with a byte order mark: opens as columns in Finnish Excel."""
    path = directory / f"{table.name}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(grid(table))
    return path


def html_table(table: Table) -> str:
    lines = grid(table)
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in lines[0])
    body = []
    for line in lines[1:]:
        css = ' class="total"' if line[0] == TOTAL else ""
        cells = "".join(f"<td>{escape(cell)}</td>" for cell in line[1:-1])
        body.append(
            f'<tr{css}><th scope="row">{escape(line[0])}</th>{cells}'
            f'<td class="total">{escape(line[-1])}</td></tr>'
        )
    return (
        f'<div class="wide" role="region" tabindex="0" aria-label="{escape(table.title)}">'
        f"<table><caption>{escape(table.title)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
        f'<p><a href="{escape(table.name)}.csv">{escape(table.name)}.csv</a></p>'
    )


def chart(table: Table, axis: str, title: str, vertical: bool, number: int) -> str:
    bars = margin_bars(table, axis)
    if not vertical and len(bars) > MOST_BARS:
        bars = sorted(bars, key=lambda bar: -(bar.value or 0))[:MOST_BARS]
    if not vertical and len(bars) > MOST_BARS // 2:
        # A long list (regions, municipalities): the chart shows where there is something;
        # the zeros are in the table below.
        bars = [bar for bar in bars if bar.value != 0]
        title = f"{title} (nollat vain taulukossa)"
    draw = columns if vertical else horizontal
    svg = draw(f"kuvio{number}", title, bars)
    return (
        f"<figure>{svg}<figcaption>Kuvio {number}. {escape(title)}. "
        f"Luvut ovat taulukossa alla; merkinnät {PRIMARY} ja {SECONDARY}: katso Tietosuoja."
        "</figcaption></figure>"
    )


def page(info: ReportInfo, tables: Sequence[Table], summary: Sequence[str]) -> str:
    by_name: Dict[str, Table] = {table.name: table for table in tables}
    sections: List[str] = []
    number = 0
    drawn = set()
    for name, axis, title, vertical in CHARTS:
        table = by_name.get(name)
        if table is None:
            continue
        if not table.rows:
            sections.append(f"<section><h2>{escape(title)}</h2><p>{NOTHING}</p></section>")
            continue
        number += 1
        part = [f"<h2>{escape(title)}</h2>", chart(table, axis, title, vertical, number)]
        if name not in drawn:
            part.append(html_table(table))
            drawn.add(name)
        sections.append("<section>" + "".join(part) + "</section>")
    for table in tables:
        if table.name not in drawn and table.rows:
            sections.append(f"<section><h2>{escape(table.title)}</h2>{html_table(table)}</section>")
    bullets = "".join(f"<li>{escape(line)}</li>" for line in summary)
    return f"""<!doctype html>
<html lang="fi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Digituen tarve: {escape(info.scope)}, {escape(info.period)}</title>
<style>{STYLE}</style></head>
<body><main>
<h1>Digituen tarve keskusteluissa</h1>
<p><strong>Alue:</strong> {escape(info.scope)}. <strong>Ajanjakso:</strong> {escape(info.period)}.
<strong>Keskusteluja:</strong> {escape(shown_total(tables, info.conversations))}.
Laadittu {escape(info.made)}.</p>
<section><h2>Yhteenveto</h2><ul>{bullets}</ul></section>
<section><h2>Tietosuoja</h2><p class="note">Raportissa ei ole viestien tekstejä, keskustelujen
tunnisteita eikä muita henkilötietoja: vain luokiteltuja tietoja (aihe, tuen taso, kysyjä,
kunta virallisesta kuntaluettelosta). Jokainen keskustelu lasketaan kerran, sen ensimmäisen
viestin viikolle. Alle viiden keskustelun luvut näkyvät merkinnällä {PRIMARY}. Jotta
piilotettua lukua ei voisi laskea rivi- tai sarakesummista, myös joitain suurempia lukuja on
piilotettu merkinnällä {SECONDARY} (5 tai enemmän).</p></section>
{"".join(sections)}
</main></body></html>
"""


def shown_total(tables: Sequence[Table], conversations: int) -> str:
    first = next((table for table in tables if table.family == "kaikki"), None)
    return shown(first, None, None) if first else str(conversations)


def empty_page(info: ReportInfo, message: str) -> str:
    return f"""<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Digituen tarve: ei keskusteluja</title>
<style>{STYLE}</style></head><body><main><h1>Digituen tarve keskusteluissa</h1>
<p><strong>Alue:</strong> {escape(info.scope)}.
<strong>Ajanjakso:</strong> {escape(info.period)}.</p>
<p class="note">{escape(message)}</p></main></body></html>
"""
