"""Profile real turns through the real agent: where does one resident's wait go?

    .venv/bin/python benchmarks/profile_turns.py                 # 60 turns, top 25 cumulative
    .venv/bin/python benchmarks/profile_turns.py --turns 200 --sort tottime --top 40

Loads the trained model from models/ as bot.runtime.agent.load builds the agent (in-process
actions, the redacting SQLite store, here in a temporary DIGITUKI_LOCAL_DIR), configures
logging as `bot run` does, screens each message with the personal-data guard as the channels
do, and runs the conversations of benchmarks/conversations.yml one turn after the other.
Warm-up turns are not timed. Prints the per-turn latency (p50 / p95) and CPU time without the
profiler, then the profile of the same number of turns. `bot run` adds the HTTP channel and
the durable-turn processor (a second save per turn); benchmarks/load.py measures that path.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
os.environ["RASA_TELEMETRY_ENABLED"] = "false"
os.environ["DIGITUKI_LOCAL_DIR"] = tempfile.mkdtemp(prefix="digituki-profile-")
for setting in ("TRACKER_DATABASE_URL", "DATABASE_URL", "REDIS_URL"):
    os.environ.pop(setting, None)

import yaml  # noqa: E402

from benchmarks.model_check import current_model  # noqa: E402
from benchmarks.report import percentile  # noqa: E402
from benchmarks.residents import conversation_id  # noqa: E402

CONVERSATIONS_FILE = Path(__file__).resolve().parent / "conversations.yml"


def turns(count: int) -> Iterator[Tuple[str, str]]:
    """(sender, text) for `count` turns of whole conversations, a new sender per conversation."""
    scripts = yaml.safe_load(CONVERSATIONS_FILE.read_text(encoding="utf-8"))["digituki"]
    produced = 0
    number = 0
    while True:
        sender = conversation_id("profile", number)
        for text in scripts[number % len(scripts)]:
            if produced >= count:
                return
            yield sender, text
            produced += 1
        number += 1


async def run_turns(agent: Any, guard: Any, count: int) -> List[float]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    latencies = []
    for sender, text in turns(count):
        began = time.perf_counter()
        screened = guard.screen(sender, text)
        channel = CollectingOutputChannel()
        await agent.handle_message(UserMessage(screened.text, channel, sender))
        latencies.append(time.perf_counter() - began)
        if not channel.messages:
            raise RuntimeError(f"no reply to {text!r}")
    return latencies


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=60, help="turns to time and to profile")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--output", type=Path, help="also save the raw profile (pstats)")
    parser.add_argument("--no-profile", action="store_true", help="only time the turns")
    args = parser.parse_args(argv)

    from bot.cli.logs import configure_logging
    from bot.guard.redactor import PersonalDataGuard
    from bot.runtime.agent import load

    configure_logging()  # as `bot run` does: Rasa's DEBUG output would be timed otherwise
    loop = asyncio.new_event_loop()
    agent = loop.run_until_complete(load(str(current_model())))
    guard = PersonalDataGuard()
    loop.run_until_complete(run_turns(agent, guard, args.warmup))

    cpu_before = time.process_time()
    timed = loop.run_until_complete(run_turns(agent, guard, args.turns))
    cpu_ms = (time.process_time() - cpu_before) / len(timed) * 1000
    print(
        f"{len(timed)} turns without profiler: p50 {percentile(timed, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(timed, 0.95) * 1000:.1f} ms, mean "
        f"{statistics.mean(timed) * 1000:.1f} ms, {len(timed) / sum(timed):.1f} turns/s, "
        f"CPU {cpu_ms:.1f} ms/turn (all threads; less sensitive to a busy machine), "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    if args.no_profile:
        loop.close()
        return 0
    profiler = cProfile.Profile()
    profiler.enable()
    loop.run_until_complete(run_turns(agent, guard, args.turns))
    profiler.disable()
    if args.output:
        profiler.dump_stats(str(args.output))
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report).strip_dirs().sort_stats(args.sort)
    stats.print_stats(args.top)
    print(report.getvalue())
    loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
