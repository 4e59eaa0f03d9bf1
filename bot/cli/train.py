"""`python -m bot train`: train the model if its inputs changed."""

from __future__ import annotations

import argparse

from bot.cli.logs import configure_logging


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("train", help="train the model (only if its inputs changed)")
    parser.add_argument("--force", action="store_true", help="train even if up to date")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    configure_logging()
    from bot.runtime.training import ensure_trained

    print(ensure_trained(force=args.force))
    return 0
