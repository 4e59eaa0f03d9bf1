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
    parser.add_argument(
        "--enable-api",
        action="store_true",
        help="also expose Rasa's HTTP API (needs --auth-token or --jwt-secret)",
    )
    parser.add_argument(
        "--auth-token",
        help="token the HTTP API requires (else DIGITUKI_API_TOKEN, RASA_AUTH_TOKEN)",
    )
    parser.add_argument("--jwt-secret", help="key that verifies the HTTP API's JWTs")
    parser.add_argument("--jwt-method", default="HS256", help="JWT algorithm (default HS256)")
    parser.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        help="an origin allowed by CORS, e.g. https://www.kunta.fi (repeatable; else "
        "DIGITUKI_CORS_ORIGINS; default none)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    configure_logging()
    from bot.web.settings import HttpSettings, SettingsError, api_access, warn_if_exposed

    try:  # refuse a bad setting or an open API before spending a minute on the model
        access = api_access(
            args.enable_api, args.auth_token, args.jwt_secret, args.jwt_method, args.cors_origin
        )
        warn_if_exposed(args.host, HttpSettings.from_environment())
    except SettingsError as error:
        print(f"bot run: {error}", file=sys.stderr)
        return 2
    from bot.runtime.startup import prepare_serving

    serving = prepare_serving()  # exits, naming the setting to fix, if a store is unreachable
    from rasa.core.run import serve_application

    from bot.limits import default_limits
    from bot.runtime.training import ensure_trained
    from bot.web.session_ids import default_signer

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
        endpoints=serving.endpoints,
        enable_api=access.enabled,
        auth_token=access.auth_token,
        jwt_secret=access.jwt_secret,
        jwt_method=access.jwt_method,
        cors=list(access.cors_origins) or None,
        conversation_id=default_signer().issue(),  # the terminal chat's id, valid everywhere
        server_listeners=serving.listeners,
    )
    return 0
