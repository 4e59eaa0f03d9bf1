"""`python -m bot report`: the coordinators' report of digital-support need (issue 14).

    .venv/bin/python -m bot report --since 2026-01-01 [--until 2026-03-31] \
        [--region Pohjois-Pohjanmaa | --municipality Hailuoto] --out raportti/

Reads the conversation store read-only (``--store``, else ``TRACKER_DATABASE_URL``, else the
SQLite file under data/local/) and writes raportti.html, yhteenveto.md and a CSV per table.
Bad dates, an unknown region or municipality and an unreadable store are refused before any
file is written (exit status 2 for arguments, 1 for the store).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from datetime import date
from typing import List, Optional

from bot.paths import LOCAL_DIR_ENV, ensure_local_dir


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"päivämäärä {text!r} ei kelpaa: anna muodossa VVVV-KK-PP, esim. 2026-01-01"
        ) from None


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report", help="coordinators' report: anonymous statistics of the conversations"
    )
    parser.add_argument("--since", type=_day, required=True, help="first day, YYYY-MM-DD")
    parser.add_argument("--until", type=_day, help="last day (included), YYYY-MM-DD")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--region", help="one region (maakunta), e.g. Pohjois-Pohjanmaa")
    where.add_argument("--municipality", help="one municipality, e.g. Hailuoto")
    parser.add_argument("--out", required=True, help="directory for the report files")
    parser.add_argument(
        "--store",
        help="conversation store: SQLite path or SQLAlchemy URL "
        f"(default: $TRACKER_DATABASE_URL, else tracker.sqlite3 in ${LOCAL_DIR_ENV})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=handle)


def _refuse(message: str, code: int = 2) -> int:
    print(f"virhe: {message}", file=sys.stderr)
    return code


def _suggest(text: str, names: List[str]) -> str:
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.6)
    return f" Tarkoititko: {', '.join(close)}?" if close else ""


def default_store() -> str:
    return os.environ.get("TRACKER_DATABASE_URL") or str(ensure_local_dir() / "tracker.sqlite3")


def handle(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.coordinators.regions import load_regions
    from bot.coordinators.report import Request, run
    from bot.coordinators.store import StoreError

    if args.until is not None and args.until < args.since:
        return _refuse(f"--until ({args.until}) on ennen --since-päivää ({args.since}).")
    regions = load_regions()
    region: Optional[str] = None
    municipality: Optional[str] = None
    if args.region:
        region = regions.find_region(args.region)
        if region is None:
            return _refuse(
                f"maakuntaa {args.region!r} ei ole."
                + _suggest(args.region, regions.region_names)
                + f" Maakunnat: {', '.join(regions.region_names)}."
            )
    if args.municipality:
        municipality = regions.find_municipality(args.municipality)
        if municipality is None:
            return _refuse(
                f"kuntaa {args.municipality!r} ei ole virallisessa kuntaluettelossa."
                + _suggest(args.municipality, sorted(regions.by_name))
            )
    request = Request(
        store=args.store or default_store(),
        since=args.since,
        until=args.until,
        region=region,
        municipality=municipality,
        out=Path(args.out),
        progress=not args.quiet,
    )
    try:
        outcome = run(request, regions)
    except StoreError as error:
        return _refuse(str(error), code=1)
    if outcome.empty:
        print("Valitulla ajanjaksolla ja alueella ei ole yhtään keskustelua.")
    print(
        f"{outcome.conversations} keskustelua, {len(outcome.files)} tiedostoa hakemistossa "
        f"{request.out} ({outcome.seconds:.1f} s)"
    )
    return 0
