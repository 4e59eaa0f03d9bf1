"""Benchmark the provider directory: import throughput, idempotence and lookup latency.

    .venv/bin/python scripts/bench_providers.py                      # 50 000 locations, SQLite
    .venv/bin/python scripts/bench_providers.py --database-url postgresql+psycopg2://postgres@127.0.0.1/test

1. generates (or reuses) a PTV v11-shaped JSON Lines file of --count locations over all
   municipalities (scripts/generate_ptv_file.py);
2. imports it into a fresh database (SQLite file under data/local/bench/, or a fresh schema on
   PostgreSQL, dropped afterwards) and prints records/s;
3. imports it again and prints that throughput and whether every table kept its row count and
   content (idempotence);
4. runs --lookups nearest-provider searches at random points / topics / need levels, and as many
   by municipality, and prints p50 / p95 / p99 latency in ms.
Figures only; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Callable, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.directory.db import create_directory_engine
from bot.directory.hours import HELSINKI
from bot.directory.models import Base
from bot.directory.search import find_providers
from bot.directory.vocab import NEED_LEVELS, TOPICS
from bot.ingest.generate import municipality_points
from bot.ingest.importer import ProviderImporter
from bot.ingest.migrate import upgrade_to_head
from bot.paths import ensure_local_dir
from scripts.generate_ptv_file import generate_file


def fresh_engine(url: Optional[str], workdir: Path) -> tuple:
    """(engine, cleanup) for an empty, migrated database."""
    if not url:
        path = workdir / "bench.sqlite3"
        for stale in workdir.glob("bench.sqlite3*"):
            stale.unlink()
        engine = create_directory_engine(f"sqlite:///{path}")
        upgrade_to_head(engine)
        return engine, engine.dispose
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_directory_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_directory_engine(url, schema=schema)
    upgrade_to_head(engine)

    def cleanup() -> None:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return engine, cleanup


def table_fingerprint(engine: Engine) -> Dict[str, tuple]:
    """Row count and a cheap content checksum per table (ids and hashes, not full rows)."""
    result = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name == "sync_state":
                continue
            count = connection.scalar(select(func.count()).select_from(table))
            extra = None
            if "content_hash" in table.c:
                extra = (
                    connection.scalar(select(func.count(func.distinct(table.c.content_hash)))),
                    connection.scalar(select(func.max(table.c.last_imported_at))),
                )
            result[table.name] = (count, extra)
    return result


def percentiles(samples: List[float]) -> str:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return f"p50 {q[49]:.2f} ms  p95 {q[94]:.2f} ms  p99 {q[98]:.2f} ms  max {ordered[-1]:.2f} ms"


def timed_lookups(
    engine: Engine, count: int, make_query: Callable[[random.Random], dict]
) -> List[float]:
    rng = random.Random(99)
    now = datetime(2025, 12, 5, 12, 0, tzinfo=HELSINKI)
    from bot.places import get_index

    places = get_index()
    samples = []
    with Session(engine, future=True) as session:
        for _ in range(count):
            query = make_query(rng)
            started = time.perf_counter()
            find_providers(session, now=now, places=places, **query)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--lookups", type=int, default=2_000)
    parser.add_argument("--file", type=Path, help="reuse this JSONL file")
    parser.add_argument("--database-url", help="PostgreSQL URL (a fresh schema is used)")
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()

    workdir = ensure_local_dir() / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    path = args.file or workdir / f"ptv_{args.count}.jsonl"
    if not path.exists():
        started = time.perf_counter()
        generate_file(path, args.count)
        print(f"generated {path} in {time.perf_counter() - started:.1f} s")
    print(f"file: {path} ({path.stat().st_size / 1e6:.0f} MB)")

    engine, cleanup = fresh_engine(args.database_url, workdir)
    print(f"database: {engine.dialect.name}")
    try:
        importer = ProviderImporter(engine, batch_size=args.batch_size)
        first = importer.import_file(path)
        print(f"first import:  {first.summary()}")
        before = table_fingerprint(engine)
        second = importer.import_file(path)
        print(f"second import: {second.summary()}")
        after = table_fingerprint(engine)
        same = before == after and second.created == second.updated == 0
        print(
            f"idempotent: {'yes' if same else 'NO'}; rows: "
            + ", ".join(f"{name} {count}" for name, (count, _) in after.items())
        )

        points = municipality_points()
        levels = [*NEED_LEVELS, None]

        def at_point(rng: random.Random) -> dict:
            _, _, lat, lon = rng.choice(points)
            return {
                "topic": rng.choice(TOPICS),
                "need_level": rng.choice(levels),
                "latitude": lat + rng.gauss(0, 0.1),
                "longitude": lon + rng.gauss(0, 0.2),
            }

        def by_municipality(rng: random.Random) -> dict:
            return {
                "topic": rng.choice(TOPICS),
                "need_level": rng.choice(levels),
                "municipality_code": rng.choice(points)[0],
            }

        timed_lookups(engine, 50, at_point)  # warm caches and the place index
        print(
            f"{args.lookups} lookups at random points:   "
            + percentiles(timed_lookups(engine, args.lookups, at_point))
        )
        print(
            f"{args.lookups} lookups by municipality:    "
            + percentiles(timed_lookups(engine, args.lookups, by_municipality))
        )
    finally:
        cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
