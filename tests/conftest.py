"""Shared pytest configuration. Helpers may append fixtures here."""

import os
import socket
import uuid
from typing import Any, AsyncIterator, Callable, List, Tuple

import pytest
from sanic import Sanic

# Rasa phones home on import unless told not to; tests must never touch the network.
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
# The tests' directories hold the shipped ESIMERKKI sample: asked for here, as `make test` and
# `make run` ask for it (bot/ingest/prepare.py); a deployment never gets it by default.
os.environ.setdefault("DIGITUKI_PROVIDER_SAMPLE", "1")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[Any, Any], Any]]:
    """Start a real Sanic server with one channel's blueprint, as `rasa run` mounts it."""
    servers: List[Any] = []

    async def start(channel: Any, on_new_message: Any) -> Tuple[str, Any]:
        Sanic.test_mode = True
        app = Sanic(f"test_{uuid.uuid4().hex}")
        app.blueprint(
            channel.blueprint(on_new_message), url_prefix=f"/webhooks/{channel.url_prefix()}"
        )
        port = _free_port()
        server = await app.create_server(
            host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
        )
        await server.startup()
        servers.append(server)
        return f"http://127.0.0.1:{port}", server

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()
