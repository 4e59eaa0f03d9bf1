"""Time the coordinators' report on a conversation store (issue 14: 10 000 in under a minute).

    .venv/bin/python scripts/bench_report.py --store /tmp/report10k/tracker.sqlite3
    .venv/bin/python scripts/bench_report.py --store /tmp/report10k/tracker.sqlite3 \
        --expand-to 10000 --expanded /tmp/report10k/expanded.sqlite3

WHY the expansion: generating 10 000 conversations through the real assistant takes longer
than a session has. ``--expand-to`` copies the generated conversations (every event as the
assistant stored it) under new ids, each copy moved by a random whole number of weeks, into a
separate store clearly named as expanded, until it holds the number asked for. Only the
timing uses it; the report's figures are measured on the generated store.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.coordinators.report import Request, run

WEEK = 7 * 24 * 3600


def expand(source: Path, target: Path, conversations: int, weeks: int, seed: int) -> int:
    """Copy `source`'s conversations under new ids until `target` holds `conversations`."""
    rng = random.Random(seed)
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as original:
        schema = original.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'"
        ).fetchone()[0]
        senders = [row[0] for row in original.execute("SELECT DISTINCT sender_id FROM events")]
        events = {sender: [] for sender in senders}
        for row in original.execute(
            "SELECT sender_id, type_name, timestamp, intent_name, action_name, data "
            "FROM events ORDER BY id"
        ):
            events[row[0]].append(row[1:])
    made = 0
    with sqlite3.connect(target) as copy:
        copy.execute(schema)
        copy.execute("CREATE INDEX ix_events_sender_id ON events (sender_id)")
        while made < conversations:
            sender = senders[made % len(senders)]
            shift = rng.randrange(-weeks // 2, weeks // 2 + 1) * WEEK if made >= len(senders) else 0
            new_id = f"laajennus-{made:07d}-{rng.getrandbits(40):010x}"
            copy.executemany(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, "
                "data) VALUES (?, ?, ?, ?, ?, ?)",
                [(new_id, t, (ts or 0) + shift, i, a, d) for t, ts, i, a, d in events[sender]],
            )
            made += 1
    return made


def bench(store: str, label: str) -> float:
    with tempfile.TemporaryDirectory() as out:
        outcome = run(Request(store=store, since=date(2025, 1, 1), out=Path(out), progress=False))
    rows = sqlite3.connect(store).execute("SELECT count(*) FROM events").fetchone()[0]
    print(
        f"{label}: {outcome.conversations} keskustelua, {rows} tapahtumariviä, "
        f"raportti {outcome.seconds:.2f} s"
    )
    return outcome.seconds


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="SQLite file of generated conversations")
    parser.add_argument("--expand-to", type=int, help="also time a store of this many copies")
    parser.add_argument("--expanded", help="where the expanded store goes (SQLite file)")
    parser.add_argument("--weeks", type=int, default=26, help="copies move within this span")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    bench(args.store, "generoitu (oikean avustajan kautta)")
    if args.expand_to:
        target = Path(args.expanded or Path(args.store).with_name("expanded.sqlite3"))
        started = time.monotonic()
        made = expand(Path(args.store), target, args.expand_to, args.weeks, args.seed)
        print(f"laajennettu kopioimalla {made} keskusteluun ({time.monotonic() - started:.1f} s)")
        seconds = bench(str(target), "LAAJENNETTU (uudelleenavainnetut kopiot)")
        print("alle minuutin" if seconds < 60 else "YLI MINUUTIN")
    return 0


if __name__ == "__main__":
    sys.exit(main())
