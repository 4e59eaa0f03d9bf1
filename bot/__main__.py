"""`python -m bot <command>`: run, train, triage, evaluate and the provider directory."""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

# Set before Rasa is imported anywhere: no telemetry, and TensorFlow's start-up chatter off.
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def build_parser() -> argparse.ArgumentParser:
    from bot.cli import evaluate, providers, report, run, train, triage, validate

    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Digituki triage assistant (Finnish, Rasa 3.6)."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (run, train, triage, evaluate, validate, providers, report):
        module.add_parser(commands)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
