"""Load benchmark: concurrent residents against real server processes on loopback.

    .venv/bin/python benchmarks/load.py                       # everything, about 7 minutes
    .venv/bin/python benchmarks/load.py --configs digituki-sqlite --concurrency 1,10

Configurations (--configs, comma-separated; default all):

    digituki-sqlite     `python -m bot run --no-chat`, one process, embedded SQLite store
    digituki-pg-redis   two such processes sharing PostgreSQL (a fresh database, dropped
                        afterwards) through TRACKER_DATABASE_URL and Redis through REDIS_URL;
                        the turns of a conversation alternate between them
    stock               Rasa's own `rasa init` assistant, `rasa run`, one process (in-memory)
    stock-pg-redis      two stock processes sharing the same kind of PostgreSQL + Redis

Each configuration starts its servers once (DIGITUKI_LOCAL_DIR in a temp dir, so a
developer's data is never touched), warms them up, and then runs every --concurrency level for
at most --duration seconds and --max-turns turns. The table goes to stdout and to
results/load_benchmark.md. Figures only; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence
from urllib.parse import urlparse

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

import yaml  # noqa: E402

from benchmarks import servers as server_processes  # noqa: E402
from benchmarks.model_check import current_model  # noqa: E402
from benchmarks.report import Row, load_average, machine_note, table, write_markdown  # noqa: E402
from benchmarks.residents import lost_turns, run_load  # noqa: E402
from benchmarks.stock_rasa import stock_project, write_endpoints  # noqa: E402
from benchmarks.stores import fresh_postgres_database, stored_user_turns  # noqa: E402

VENV_BIN = PROJECT_ROOT / ".venv" / "bin"
CONVERSATIONS_FILE = Path(__file__).resolve().parent / "conversations.yml"
RESULTS_FILE = PROJECT_ROOT / "results" / "load_benchmark.md"
# Settings a developer's shell may carry that would point the servers at their own data.
INHERITED_SETTINGS = ("TRACKER_DATABASE_URL", "DATABASE_URL", "REDIS_URL", "DIGITUKI_LOCAL_DIR")
WARMUP_TURNS_PER_SERVER = 6


@dataclass(frozen=True)
class Configuration:
    name: str
    processes: int
    stock: bool
    shared_store: bool  # PostgreSQL + Redis; otherwise the configuration's embedded default


CONFIGURATIONS = {
    config.name: config
    for config in (
        Configuration("digituki-sqlite", 1, stock=False, shared_store=False),
        Configuration("digituki-pg-redis", 2, stock=False, shared_store=True),
        Configuration("stock", 1, stock=True, shared_store=False),
        Configuration("stock-pg-redis", 2, stock=True, shared_store=True),
    )
}


@dataclass
class Started:
    """Servers of one configuration, and where its conversations can be counted (if anywhere)."""

    servers: List[server_processes.Server]
    store_url: Optional[str]


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", default=",".join(CONFIGURATIONS), help="comma-separated")
    parser.add_argument("--concurrency", default="1,10,50", help="resident counts, comma-sep.")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per level")
    parser.add_argument("--max-turns", type=int, default=2000, help="turns per level at most")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one turn may take")
    parser.add_argument("--startup-timeout", type=float, default=300.0)
    parser.add_argument(
        "--postgres-url",
        default="postgresql://postgres@127.0.0.1:5432/test",
        help="a database to connect to while creating and dropping the fresh one",
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/13",
        help="the lock store of the two-process configurations",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=Path.home() / ".cache" / "digituki",
        help="where the stock Rasa assistant is kept between runs",
    )
    parser.add_argument("--output", type=Path, default=RESULTS_FILE)
    parser.add_argument(
        "--logs", type=Path, help="keep the servers' logs here (default: removed with the run)"
    )
    args = parser.parse_args(argv)
    args.configs = [name.strip() for name in args.configs.split(",") if name.strip()]
    unknown = [name for name in args.configs if name not in CONFIGURATIONS]
    if unknown:
        parser.error(f"unknown configuration(s) {unknown}; choose from {list(CONFIGURATIONS)}")
    try:
        args.concurrency = [int(level) for level in args.concurrency.split(",")]
    except ValueError:
        parser.error(f"--concurrency takes whole numbers, e.g. 1,10,50, not {args.concurrency!r}")
    if any(level < 1 for level in args.concurrency) or args.duration <= 0 or args.max_turns < 1:
        parser.error("--concurrency levels, --duration and --max-turns must be positive")
    return args


def base_env() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in INHERITED_SETTINGS}
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env["PYTHONUNBUFFERED"] = "1"
    env["DIGITUKI_PROVIDER_SAMPLE"] = "1"  # the answers measured name the sample's providers
    return env


@dataclass(frozen=True)
class Place:
    """Where one configuration runs: its temp dir, its logs, and the shared stores if any."""

    workdir: Path
    log_dir: Path
    store_url: Optional[str]  # the fresh PostgreSQL database, for shared-store configurations
    redis_url: str


def start_digituki(config: Configuration, place: Place) -> Started:
    current_model()  # checked before every start: `bot run` would train if the inputs changed
    env = base_env()
    env["DIGITUKI_LOCAL_DIR"] = str(place.workdir / "local")
    if place.store_url:
        env["TRACKER_DATABASE_URL"] = place.store_url
        env["REDIS_URL"] = place.redis_url
    # Fill the provider directory once, before any server: two processes starting on an
    # empty directory would both import it, and no resident should wait for the import.
    subprocess.run(
        [str(VENV_BIN / "python"), "-c", _PREPARE_PROVIDERS], cwd=PROJECT_ROOT, env=env, check=True
    )
    servers = [
        _start(config, index, ["-m", "bot", "run", "--no-chat"], VENV_BIN / "python", env,
               PROJECT_ROOT, place)
        for index in range(config.processes)
    ]  # fmt: skip
    sqlite_store = f"sqlite:///{place.workdir / 'local' / 'tracker.sqlite3'}"
    return Started(servers, place.store_url or sqlite_store)


_PREPARE_PROVIDERS = (
    "from bot.directory.db import get_engine\n"
    "from bot.ingest.prepare import prepare_directory\n"
    "prepare_directory(get_engine(), with_sample=True)\n"
)


def start_stock(config: Configuration, place: Place, cache: Path) -> Started:
    env = base_env()
    project = stock_project(cache, VENV_BIN / "rasa", env)
    redis = urlparse(place.redis_url)
    endpoints = write_endpoints(
        place.workdir / f"{config.name}-endpoints.yml",
        place.store_url,
        redis_host=redis.hostname or "127.0.0.1",
        redis_port=redis.port or 6379,
        redis_db=int(redis.path.lstrip("/") or 0),
    )
    arguments = ["run", "--endpoints", str(endpoints), "--credentials", "credentials.yml",
                 "--model", "models"]  # fmt: skip
    servers = [
        _start(config, index, arguments, VENV_BIN / "rasa", env, project, place)
        for index in range(config.processes)
    ]
    return Started(servers, place.store_url)


def _start(
    config: Configuration, index: int, arguments: List[str], program: Path,
    env: Dict[str, str], cwd: Path, place: Place,
) -> server_processes.Server:  # fmt: skip
    port = server_processes.free_port()
    command = [str(program), *arguments, "--port", str(port)]
    name = f"{config.name}-{index}"
    return server_processes.start(name, command, port, env, cwd, place.log_dir)


def load_scripts() -> Dict[str, List[List[str]]]:
    loaded = yaml.safe_load(CONVERSATIONS_FILE.read_text(encoding="utf-8"))
    return {"digituki": loaded["digituki"], "stock": loaded["stock_rasa"]}


def run_configuration(
    config: Configuration, args: argparse.Namespace, scripts: Sequence[Sequence[str]],
    on_row: Callable[[Row], None],
) -> None:  # fmt: skip
    run_id = f"r{uuid.uuid4().hex[:6]}"
    with ExitStack() as cleanup:
        workdir = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="digituki-load-")))
        store_url = None
        if config.shared_store:
            purpose = "stock" if config.stock else "digituki"
            store_url = cleanup.enter_context(
                fresh_postgres_database(args.postgres_url, f"bench_{purpose}")
            )
        log_dir = args.logs or workdir
        log_dir.mkdir(parents=True, exist_ok=True)
        place = Place(workdir, log_dir, store_url, args.redis_url)
        print(f"[{config.name}] starting {config.processes} process(es) ...", flush=True)
        if config.stock:
            started = start_stock(config, place, args.cache_dir)
        else:
            started = start_digituki(config, place)
        cleanup.callback(server_processes.stop, started.servers)
        server_processes.wait_until_ready(started.servers, args.startup_timeout)
        urls = [server.base_url for server in started.servers]
        for url in urls:  # the first turns load lazily built parts; no resident should pay
            asyncio.run(run_load([url], scripts, 1, args.timeout, WARMUP_TURNS_PER_SERVER,
                                 args.timeout, f"warmup-{run_id}"))  # fmt: skip
        for concurrency in args.concurrency:
            prefix = f"{config.name}-c{concurrency}-{run_id}"
            result = asyncio.run(
                run_load(
                    urls, scripts, concurrency, args.duration, args.max_turns, args.timeout, prefix
                )  # fmt: skip
            )
            stored = stored_user_turns(started.store_url, prefix) if started.store_url else None
            on_row(
                Row(
                    configuration=config.name,
                    processes=config.processes,
                    concurrency=concurrency,
                    result=result,
                    lost=lost_turns(result, stored),
                    store_checked=stored is not None,
                    peak_memory_mb=[server.peak_memory_mb() for server in started.servers],
                )
            )


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    if any(not CONFIGURATIONS[name].stock for name in args.configs):
        current_model()  # before anything starts
    machine = machine_note()
    print(f"Machine: {machine}", flush=True)
    scripts = load_scripts()
    rows: List[Row] = []

    def on_row(row: Row) -> None:
        rows.append(row)
        print(table([row]).splitlines()[-1], flush=True)

    for name in args.configs:
        config = CONFIGURATIONS[name]
        run_configuration(config, args, scripts["stock" if config.stock else "digituki"], on_row)
    settings = (
        f"concurrency {args.concurrency}, at most {args.duration:.0f} s and {args.max_turns} "
        f"turns per level, turn timeout {args.timeout:.0f} s, {WARMUP_TURNS_PER_SERVER} warm-up "
        "turns per process before measuring"
    )
    notes = [
        "Each resident waits for the reply before its next turn (no think time); with two "
        "processes the turns of one conversation alternate between them (no stickiness).",
        "Lost turns: a turn without a reply, or missing from the conversation store afterwards "
        "(`stock` keeps conversations in memory, so only replies are checked there).",
        "Peak memory is VmHWM of each server process at the end of that level.",
        "The load generator runs on the same machine and takes CPU from the servers.",
    ]
    machine += f", after the run {load_average()}"
    print()
    print(table(rows))
    write_markdown(args.output, rows, machine, settings, notes)
    print(f"\nWritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
