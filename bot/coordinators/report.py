"""From the store to the files: read, filter, count, protect, write.

WHY one function: the CLI, the benchmark and the tests run the same path. Everything is checked
before anything is written, and the files are written to a temporary directory first and then
moved into place, so a failure never leaves a half-written report over an earlier one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import List, Optional

from bot.coordinators import render, summary
from bot.coordinators.records import HELSINKI, ConversationRecord
from bot.coordinators.regions import Regions, load_regions
from bot.coordinators.store import Period, open_read_only, read_records
from bot.coordinators.suppression import protect
from bot.coordinators.tables import report_tables

HTML_NAME = "raportti.html"
SUMMARY_NAME = "yhteenveto.md"
EMPTY = "Valitulla ajanjaksolla ja alueella ei ole yhtään keskustelua. Raportissa ei ole lukuja."


@dataclass(frozen=True)
class Request:
    store: str
    since: date
    until: Optional[date] = None  # inclusive
    region: Optional[str] = None  # official name, already checked
    municipality: Optional[str] = None
    out: Path = Path("raportti")
    progress: bool = False


@dataclass(frozen=True)
class Outcome:
    conversations: int
    files: List[Path]
    seconds: float
    empty: bool


def period_of(request: Request) -> Period:
    since = datetime(request.since.year, request.since.month, request.since.day, tzinfo=HELSINKI)
    if request.until is None:
        return Period(since)
    end = request.until + timedelta(days=1)
    return Period(since, datetime(end.year, end.month, end.day, tzinfo=HELSINKI))


def describe_period(request: Request) -> str:
    start = f"{request.since.day}.{request.since.month}.{request.since.year}"
    if request.until is None:
        return f"{start} alkaen"
    return f"{start}–{request.until.day}.{request.until.month}.{request.until.year}"


def scope_of(request: Request) -> str:
    return request.municipality or request.region or "koko Suomi"


def keep(request: Request, record: ConversationRecord) -> bool:
    if request.municipality:
        return record.municipality == request.municipality
    if request.region:
        return record.region == request.region
    return True


def run(request: Request, regions: Optional[Regions] = None) -> Outcome:
    started = time.monotonic()
    regions = regions or load_regions()
    engine = open_read_only(request.store)
    try:
        records = [
            record
            for record in read_records(engine, period_of(request), regions, request.progress)
            if keep(request, record)
        ]
    finally:
        engine.dispose()
    info = render.ReportInfo(
        period=describe_period(request),
        scope=scope_of(request),
        conversations=len(records),
        made=datetime.now(HELSINKI).strftime("%-d.%-m.%Y %H.%M"),
    )
    staging = Path(tempfile.mkdtemp(prefix=".raportti-", dir=_parent(request.out)))
    try:
        if records:
            tables = report_tables(records, regions.region_names, _municipalities(request, regions))
            protect(tables)
            for table in tables:
                render.write_csv(table, staging)
            (staging / HTML_NAME).write_text(
                render.page(info, tables, summary.lines(info, tables)), encoding="utf-8"
            )
            (staging / SUMMARY_NAME).write_text(summary.markdown(info, tables), encoding="utf-8")
        else:
            (staging / HTML_NAME).write_text(render.empty_page(info, EMPTY), encoding="utf-8")
            (staging / SUMMARY_NAME).write_text(
                f"# Digituen tarve: {info.scope}, {info.period}\n\n{EMPTY}\n", encoding="utf-8"
            )
        files = _move_into(staging, request.out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(len(records), files, time.monotonic() - started, not records)


def _municipalities(request: Request, regions: Regions) -> List[str]:
    """The municipalities a region's (or one municipality's) report lists; none nationally."""
    if request.municipality:
        return [request.municipality]
    return regions.municipalities_in(request.region) if request.region else []


def _parent(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    return out


def _move_into(staging: Path, out: Path) -> List[Path]:
    moved = []
    for path in sorted(staging.iterdir()):
        target = out / path.name
        os.replace(path, target)
        moved.append(target)
    return moved
