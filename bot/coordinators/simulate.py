"""Synthetic conversations through the real assistant, for demos, tests and timing the report.

    .venv/bin/python -m bot.coordinators.simulate --count 200 --seed 14 \
        --store sqlite:////tmp/demo/tracker.sqlite3 --since 2026-01-05 --weeks 12

WHY: hand-made events would only show that the report counts what we wrote. Here simulated
residents (``residents.py``, seeded) write to the trained assistant in this process, exactly as
the scripted conversation tests do (``bot.evaluation.dialogue``: personal-data guard, model,
custom actions, the guarded tracker store), so the store holds what the assistant really
understood and said. Each finished conversation is then moved in time to a moment drawn over
the given weeks (working hours more likely), because the report is about when people ask.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from bot.coordinators.regions import load_regions
from bot.coordinators.residents import Resident, Town, make_resident

HELSINKI = ZoneInfo("Europe/Helsinki")
#: Hours of the day people write, with weights: mornings and early afternoons most.
HOURS = list(range(7, 23))
HOUR_WEIGHTS = [1, 3, 5, 6, 6, 5, 5, 5, 4, 4, 3, 3, 3, 2, 1, 1]
WEEKDAY_WEIGHTS = [6, 6, 6, 6, 5, 2, 2]


@dataclass
class Generated:
    conversations: int
    turns: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.conversations / self.seconds if self.seconds else 0.0


def towns() -> List[Town]:
    regions = load_regions()
    return [
        Town(place.name, place.population, regions.postal_codes_of(place.name))
        for place in regions.places
    ]


def moment(rng: random.Random, since: date, weeks: int) -> float:
    """A plausible time to write: a week, a weekday and an hour, as a UNIX timestamp."""
    day = since + timedelta(weeks=rng.randrange(weeks))
    day -= timedelta(days=day.weekday())
    day += timedelta(days=rng.choices(range(7), weights=WEEKDAY_WEIGHTS)[0])
    hour = rng.choices(HOURS, weights=HOUR_WEIGHTS)[0]
    at = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=HELSINKI)
    return at.timestamp()


@contextmanager
def _environment(settings: Dict[str, str]) -> Iterator[None]:
    """Settings for one generation run; the caller's environment is given back after it."""
    before = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _prepare_places(url: str) -> Path:
    """The directory of a SQLite store (created), or a temporary one for a server store."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        folder = Path(parsed.database).resolve().parent
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return Path(tempfile.mkdtemp(prefix="digituki-simulate-"))


def sqlalchemy_url(store: str) -> str:
    """A store given as a path is a SQLite file; otherwise it is a SQLAlchemy URL."""
    return store if "://" in store else f"sqlite:///{store}"


async def converse(agent: object, resident: Resident, sender_id: str) -> int:
    """One conversation through the live assistant; returns the number of user turns."""
    from bot.evaluation.dialogue import Dialogue

    dialogue = Dialogue(agent, sender_id)  # type: ignore[arg-type]
    text: Optional[str] = resident.opening()
    turns = 0
    while text:
        record = await dialogue.say(text)
        turns += 1
        text = resident.reply(record.slots.get("awaiting"), record.responses)
    return turns


def move_in_time(engine: sa.engine.Engine, sender_id: str, start: float) -> None:
    """Shift one stored conversation so that it starts at `start` (order and gaps kept): the
    timestamp column and the timestamp inside each event's JSON, so Rasa reads it the same."""
    with engine.begin() as connection:
        rows = connection.execute(
            sa.text("SELECT id, timestamp, data FROM events WHERE sender_id = :s ORDER BY id"),
            {"s": sender_id},
        ).fetchall()
        if not rows:
            return
        shift = start - min(row.timestamp for row in rows)
        moved = []
        for row in rows:
            event = json.loads(row.data)
            event["timestamp"] = event.get("timestamp", row.timestamp) + shift
            moved.append({"i": row.id, "t": row.timestamp + shift, "d": json.dumps(event)})
        connection.execute(
            sa.text("UPDATE events SET timestamp = :t, data = :d WHERE id = :i"), moved
        )


async def generate(
    count: int,
    seed: int,
    store: str,
    since: date,
    weeks: int,
    minutes: Optional[float] = None,
    progress: bool = True,
    model: Optional[str] = None,
) -> Generated:
    """`count` conversations (fewer if `minutes` run out) written to the store, by the model
    at `model` (default: the up-to-date one, trained if needed)."""
    from tqdm import tqdm

    from bot.runtime.agent import TRACKER_DATABASE_URL_ENV, load
    from bot.runtime.training import ensure_trained

    url = sqlalchemy_url(store)
    beside = _prepare_places(url)
    # The provider directory beside the store, with the marked sample providers unless told
    # otherwise: a demo needs places to point to, and other users' directory stays untouched.
    settings = {
        "DATABASE_URL": os.environ.get("DATABASE_URL")
        or f"sqlite:///{beside / 'providers.sqlite3'}",
        "DIGITUKI_PROVIDER_SAMPLE": os.environ.get("DIGITUKI_PROVIDER_SAMPLE", "1"),
        TRACKER_DATABASE_URL_ENV: url,
    }
    # The settings hold while the actions run: they look the directory up on each search.
    with _environment(settings):
        agent = await load(model or str(ensure_trained()))  # as `bot run` loads it
        engine = sa.create_engine(url)
        rng = random.Random(seed)
        places = towns()
        weights = [town.population for town in places]
        started = time.monotonic()
        turns = done = 0
        for number in tqdm(range(count), desc="keskustelut", unit="kpl", disable=not progress):
            if minutes is not None and time.monotonic() - started > minutes * 60:
                break
            resident = make_resident(random.Random(rng.getrandbits(64)), places, weights)
            sender_id = f"sim-{seed}-{number:07d}-{rng.getrandbits(40):010x}"
            turns += await converse(agent, resident, sender_id)
            move_in_time(engine, sender_id, moment(rng, since, weeks))
            done += 1
        engine.dispose()
    return Generated(done, turns, time.monotonic() - started)


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.coordinators.simulate",
        description="Simulated residents talk to the real assistant; the store keeps it all.",
    )
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--store", required=True, help="SQLite path or SQLAlchemy URL")
    parser.add_argument("--since", type=date.fromisoformat, default=date(2026, 1, 5))
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--minutes", type=float, help="stop after this long, whatever --count")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--model", help="a trained model (.tar.gz); default: the current one")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    from bot.cli.logs import configure_logging

    args = parse_args(argv)
    configure_logging(logging.WARNING)  # thousands of turns: Rasa's debug log would drown them
    result = asyncio.run(
        generate(
            args.count,
            args.seed,
            args.store,
            args.since,
            args.weeks,
            args.minutes,
            progress=not args.quiet,
            model=args.model,
        )
    )
    print(
        f"{result.conversations} keskustelua, {result.turns} viestiä, "
        f"{result.seconds:.1f} s: {result.per_second:.2f} keskustelua/s, "
        f"{result.turns / max(result.seconds, 1e-9):.2f} viestiä/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
