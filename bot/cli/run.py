"""`python -m bot run`: the assistant over HTTP on localhost, with a terminal chat."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.logs import configure_logging
from bot.paths import PROJECT_ROOT

CREDENTIALS_FILE = PROJECT_ROOT / "credentials.yml"
TERMINAL_CREDENTIALS_FILE = PROJECT_ROOT / "bot" / "runtime" / "credentials_terminal.yml"


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "run", help="train if needed, then serve on localhost and chat in the terminal"
    )
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    parser.add_argument(
        "--no-chat",
        action="store_true",
        help="only serve HTTP (the default when standard input is not a terminal)",
    )
    parser.add_argument("--enable-api", action="store_true", help="also expose Rasa's HTTP API")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    configure_logging()
    from rasa.core.run import serve_application

    from bot.limits import default_limits
    from bot.runtime.agent import endpoints
    from bot.runtime.training import ensure_trained

    default_limits()  # the helpers' limits must be valid before anyone is told them
    model = ensure_trained()
    chat = not args.no_chat and sys.stdin.isatty()
    credentials: Path = TERMINAL_CREDENTIALS_FILE if chat else CREDENTIALS_FILE
    base = f"http://{args.host}:{args.port}/webhooks"
    print(f"Assistant on {base}/rest/webhook; chat page {base}/webchat/")
    serve_application(
        model_path=str(model),
        interface=args.host,
        port=args.port,
        credentials=str(credentials),
        endpoints=endpoints(),
        enable_api=args.enable_api,
        cors="*" if args.enable_api else None,
    )
    return 0
