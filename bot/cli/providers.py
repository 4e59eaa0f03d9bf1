"""`python -m bot providers ...`: import, search and inspect the provider directory.

    providers import --file PATH [--file PATH ...]     PTV JSON / JSON Lines files
    providers import --api [--base-url URL] [--municipality CODE ...] [--full | --incremental]
    providers import --sample | --national             the shipped sample / national channels
    providers near "Hailuodossa" --topic banking [--need-level L] [--postal-code C]
                   [--lat X --lon Y] [--asker A] [--limit N] [--json]
    providers stats [--json]
    providers remove-sample

`near --json` prints the search result and the planned messages: the same data the bot's
action uses. Every command takes --database-url (default: DATABASE_URL or the local SQLite).
`import` and `remove-sample` are the ingest wing's (bot.ingest): `import` migrates the database
first; `near` and `stats` only read (bot.directory), so on a database nobody has set up they
report an empty directory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.triage.labels import ASKERS, NEED_LEVELS, TOPICS

DEFAULT_API = "https://api.palvelutietovaranto.suomi.fi"


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("providers", help="the provider directory (PTV import, search)")
    sub = parser.add_subparsers(dest="providers_command", required=True, metavar="ACTION")

    imp = sub.add_parser("import", help="import providers from files, the PTV API or shipped data")
    source = imp.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", type=Path, action="append", help="PTV v11 JSON or JSONL file")
    source.add_argument("--api", action="store_true", help="sync from the PTV open API v11")
    source.add_argument("--sample", action="store_true", help="the shipped ESIMERKKI sample")
    source.add_argument("--national", action="store_true", help="national_channels.yml")
    imp.add_argument("--base-url", default=DEFAULT_API, help=f"API root (default {DEFAULT_API})")
    imp.add_argument("--municipality", action="append", metavar="CODE", help="limit the sync")
    mode = imp.add_mutually_exclusive_group()
    mode.add_argument("--full", action="store_const", const="full", dest="mode")
    mode.add_argument("--incremental", action="store_const", const="incremental", dest="mode")
    imp.add_argument("--concurrency", type=int, default=2, help="parallel API requests (2)")
    imp.add_argument("--batch-size", type=int, default=500, help="records per transaction")
    imp.add_argument("--no-progress", action="store_true", help="no progress bar")
    _common(imp)
    imp.set_defaults(handler=handle_import, mode="auto")

    near = sub.add_parser("near", help="nearest providers, as the bot would answer")
    near.add_argument("place", nargs="?", help='where, in any form: "Hailuodossa", "90100"')
    near.add_argument("--topic", choices=TOPICS)
    near.add_argument("--need-level", choices=NEED_LEVELS)
    near.add_argument("--asker", choices=ASKERS, help="whose voice the texts use")
    near.add_argument("--postal-code")
    near.add_argument("--lat", type=float)
    near.add_argument("--lon", type=float)
    near.add_argument("--limit", type=int, default=3)
    near.add_argument("--at", type=datetime.fromisoformat, help="pretend it is this time")
    _common(near)
    near.set_defaults(handler=handle_near)

    stats = sub.add_parser("stats", help="what the directory holds")
    _common(stats)
    stats.set_defaults(handler=handle_stats)

    remove = sub.add_parser("remove-sample", help="delete the ESIMERKKI sample records")
    _common(remove)
    remove.set_defaults(handler=handle_remove_sample)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="default: DATABASE_URL or data/local SQLite")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _engine(args: argparse.Namespace) -> Any:
    from bot.directory.db import get_engine

    return get_engine(args.database_url)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- import -----------------------------------------------------------------------------------


def handle_import(args: argparse.Namespace) -> int:
    from bot.ingest.importer import ProviderImporter
    from bot.ingest.migrate import upgrade_to_head
    from bot.ingest.report import ImportReport

    engine = _engine(args)
    upgrade_to_head(engine)
    importer = ProviderImporter(
        engine, batch_size=args.batch_size, progress=False if args.no_progress else None
    )
    reports: List[ImportReport] = []
    if args.file:
        reports.extend(importer.import_file(path) for path in args.file)
    elif args.sample:
        reports.append(importer.import_sample())
    elif args.national:
        reports.append(importer.import_national_channels())
    else:
        reports.append(
            asyncio.run(
                importer.sync(
                    args.base_url,
                    municipalities=args.municipality,
                    mode=args.mode,
                    concurrency=args.concurrency,
                )
            )
        )
    if not args.national:
        reports.append(importer.import_national_channels())
    if args.json:
        _print_json([report.to_dict() for report in reports])
    else:
        for report in reports:
            print(report.summary(), file=sys.stderr)
            for issue in report.errors[:20]:
                print(f"  skipped {issue.record_id}: {issue.reason}", file=sys.stderr)
            if len(report.errors) > 20:
                print(f"  ... and {len(report.errors) - 20} more", file=sys.stderr)
    return 0 if all(report.completed for report in reports) else 1


# --- near -------------------------------------------------------------------------------------


def resolve_place(text: Optional[str]) -> Dict[str, Optional[str]]:
    """{"municipality": code, "postal_code": code} from free text ("Hailuodossa", "90100")."""
    if not text:
        return {"municipality": None, "postal_code": None}
    from bot.places import get_index

    index = get_index()
    stripped = text.strip()
    if stripped.isdigit() and len(stripped) == 5 and index.postal_area(stripped):
        return {"municipality": None, "postal_code": stripped}
    matches = index.find_in_text(text)
    municipality = matches[0].municipality if matches else index.by_name(text)
    if municipality is None:
        raise SystemExit(f"Unknown place: {text!r} (give a municipality or a postal code)")
    return {"municipality": municipality.code, "postal_code": None}


def handle_near(args: argparse.Namespace) -> int:
    from bot.directory.hours import HELSINKI, as_helsinki
    from bot.directory.present import ASK_LOCATION, PlannedMessage, plan_reply, render_plan
    from bot.directory.service import PersonQuery, find_for_person
    from bot.domain_files import load_responses

    place = resolve_place(args.place)
    query = PersonQuery(
        topic=args.topic,
        need_level=args.need_level,
        municipality=place["municipality"],
        postal_code=args.postal_code or place["postal_code"],
        latitude=args.lat,
        longitude=args.lon,
    )
    now = as_helsinki(args.at) if args.at else datetime.now(HELSINKI)
    if not query.has_location:
        result = None
        plan = [PlannedMessage(response=ASK_LOCATION)]
    else:
        result = find_for_person(query, now=now, limit=args.limit, engine=_engine(args))
        plan = plan_reply(result, now)
    texts = render_plan(load_responses(), plan, {"asker": args.asker})
    if args.json:
        _print_json(
            {
                "query": {**query.__dict__, "asker": args.asker, "now": now.isoformat()},
                "result": result.to_dict() if result else None,
                "messages": [message.to_dict() for message in plan],
                "texts": texts,
            }
        )
    else:
        print("\n\n".join(texts))
    return 0


# --- stats and maintenance --------------------------------------------------------------------


def directory_stats(engine: Any) -> Dict[str, Any]:
    from sqlalchemy import func, select

    from bot.directory.db import reading
    from bot.directory.models import ProviderLocation, SupportOffer, SyncState
    from bot.directory.service import has_directory_tables

    if not has_directory_tables(engine):
        return {"providers": 0, "by_source": {}, "by_channel_type": {}, "offers_by_topic": {},
                "municipalities_with_address": 0, "syncs": []}  # fmt: skip
    with reading(engine) as session:
        by_source = dict(
            session.execute(
                select(ProviderLocation.source, func.count()).group_by(ProviderLocation.source)
            ).all()
        )
        by_type = dict(
            session.execute(
                select(ProviderLocation.channel_type, func.count()).group_by(
                    ProviderLocation.channel_type
                )
            ).all()
        )
        by_topic = dict(
            session.execute(
                select(SupportOffer.topic, func.count()).group_by(SupportOffer.topic)
            ).all()
        )
        municipalities = session.scalar(
            select(func.count(func.distinct(ProviderLocation.municipality_code)))
        )
        syncs = [
            {
                "name": state.name,
                "last_full_completed_at": state.last_full_completed_at,
                "last_incremental_at": state.last_incremental_at,
                "full_sync_running": bool(state.full_progress),
            }
            for state in session.scalars(select(SyncState))
        ]
    return {
        "providers": sum(by_source.values()),
        "by_source": by_source,
        "by_channel_type": by_type,
        "offers_by_topic": by_topic,
        "municipalities_with_address": municipalities,
        "syncs": syncs,
    }


def handle_stats(args: argparse.Namespace) -> int:
    stats = directory_stats(_engine(args))
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return 0


def handle_remove_sample(args: argparse.Namespace) -> int:
    from bot.directory.service import has_directory_tables
    from bot.ingest.importer import ProviderImporter

    engine = _engine(args)
    removed = (
        ProviderImporter(engine, progress=False).remove_sample()
        if has_directory_tables(engine)
        else 0
    )
    print(f"removed {removed} sample providers", file=sys.stderr)
    return 0
