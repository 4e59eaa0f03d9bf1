"""Inline SVG bar charts that need no JavaScript and say in words what they show.

WHY: the report is opened from a shared drive or an e-mail attachment on a municipality's
locked-down computer and read with a screen reader too. Each chart is an ``<svg role="img">``
with a ``<title>`` and a ``<desc>`` listing every bar's value as printed; a suppressed value
gets no bar (its length would give it away) and its mark ("<5" or "x") is written in its place.
Colours pass WCAG AA against white (bars #1f5f8b: 6.6:1, text #1a1a1a).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import List, Optional, Sequence

BAR = "#1f5f8b"
TEXT = "#1a1a1a"
GRID = "#6b6b6b"
FONT = 'font-family="system-ui, sans-serif" font-size="13"'


@dataclass(frozen=True)
class Bar:
    label: str
    value: Optional[int]  # None when suppressed
    shown: str  # the value as printed: "12", "<5" or "x"


def describe(title: str, bars: Sequence[Bar]) -> str:
    parts = [f"{bar.label}: {bar.shown}" for bar in bars]
    return f"{title}. " + "; ".join(parts) + "."


def horizontal(chart_id: str, title: str, bars: Sequence[Bar]) -> str:
    """Bars from left to right, one row per category, values written after each bar."""
    label_width, bar_area, row = 250, 380, 26
    width = label_width + bar_area + 60
    height = row * len(bars) + 16
    top = max([bar.value or 0 for bar in bars] + [1])
    items: List[str] = []
    for n, bar in enumerate(bars):
        y = 8 + n * row
        items.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" fill="{TEXT}" {FONT}>'
            f"{escape(bar.label)}</text>"
        )
        length = 0 if bar.value is None else round(bar_area * bar.value / top)
        if length:
            items.append(
                f'<rect x="{label_width}" y="{y + 4}" width="{length}" height="{row - 8}" '
                f'fill="{BAR}"/>'
            )
        items.append(
            f'<text x="{label_width + length + 6}" y="{y + 17}" fill="{TEXT}" {FONT}>'
            f"{escape(bar.shown)}</text>"
        )
    axis = _line(label_width, 4, label_width, height - 4)
    return _svg(chart_id, title, bars, width, height, [axis, *items])


def columns(chart_id: str, title: str, bars: Sequence[Bar]) -> str:
    """Columns side by side (weeks), labels below, values above each column."""
    column, plot, bottom, left = 34, 200, 70, 60
    width = max(400, column * len(bars) + left + 20)
    height = plot + bottom + 24
    top = max([bar.value or 0 for bar in bars] + [1])
    items: List[str] = []
    for n, bar in enumerate(bars):
        x = left + n * column
        length = 0 if bar.value is None else round(plot * bar.value / top)
        base = 20 + plot
        if length:
            items.append(
                f'<rect x="{x + 4}" y="{base - length}" width="{column - 8}" height="{length}" '
                f'fill="{BAR}"/>'
            )
        items.append(
            f'<text x="{x + column / 2}" y="{base - length - 5}" text-anchor="middle" '
            f'fill="{TEXT}" {FONT}>{escape(bar.shown)}</text>'
        )
        items.append(
            f'<text x="{x + column / 2}" y="{base + 16}" text-anchor="end" fill="{TEXT}" '
            f'{FONT} transform="rotate(-45 {x + column / 2} {base + 16})">'
            f"{escape(bar.label)}</text>"
        )
    axis = _line(left - 2, 20 + plot, width - 8, 20 + plot)
    return _svg(chart_id, title, bars, width, height, [axis, *items])


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{GRID}" stroke-width="1"/>'


def _svg(
    chart_id: str, title: str, bars: Sequence[Bar], width: int, height: int, body: List[str]
) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(describe(title, bars))}</desc>' + "".join(body) + "</svg>"
    )
