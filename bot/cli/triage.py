"""`python -m bot triage --jsonl`: one JSON result per input message (stdin to stdout)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time

from bot.cli.logs import configure_logging


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "triage", help="triage messages from stdin, each as a new conversation"
    )
    parser.add_argument(
        "--jsonl",
        action="store_true",
        required=True,
        help='write one JSON object per message: {"text", "topic", "need_level", "asker", '
        '"municipality"}',
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    configure_logging(logging.WARNING)
    return asyncio.run(_run())


async def _run() -> int:
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained
    from bot.triage.batch import triage_lines

    agent = await load(str(ensure_trained()), in_memory=True)
    started = time.perf_counter()
    count = 0
    async for result in triage_lines(agent, sys.stdin):
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        count += 1
    elapsed = time.perf_counter() - started
    print(f"triaged {count} messages in {elapsed:.1f} s", file=sys.stderr)
    return 0
