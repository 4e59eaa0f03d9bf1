"""Oversized and malformed requests leave the server up, answering, and its memory bounded.

One server process of its own (default SQLite stores): what these requests do to it must not
spill over into the other tests. Memory is the process's VmRSS before and after, with a
generous bound; both figures are printed.
"""

from __future__ import annotations

import json
import uuid
from typing import Iterator

import pytest
import requests

from tests.reliability.servers import ServerProcess, base_environment

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

#: Growth of resident memory allowed over the whole barrage (MB).
MEMORY_BOUND_MB = 300
REPEATS = 10
MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    from bot.runtime.training import ensure_trained

    ensure_trained()
    process = ServerProcess(
        "limits",
        base_environment(tmp_path_factory.mktemp("local")),
        tmp_path_factory.mktemp("logs"),
    ).start()
    try:
        process.wait_until_ready()
        print(f"\nlimits server ready in {process.start_seconds:.1f} s")
        yield process
    finally:
        process.stop()


def _sender() -> str:
    return f"limits-{uuid.uuid4().hex}"


BAD_REQUESTS = {
    "5 MB message": lambda: {"data": _json({"sender": _sender(), "message": "a" * 5 * MEGABYTE})},
    "200 kB message": lambda: {"data": _json({"sender": _sender(), "message": "hei " * 50_000})},
    "5 kB message": lambda: {"data": _json({"sender": _sender(), "message": "apua " * 1_000})},
    "20 MB body": lambda: {"data": b"{" + b" " * 20 * MEGABYTE + b"}"},
    "not JSON": lambda: {"data": b"sender=x&message=hei"},
    "not UTF-8": lambda: {"data": b'{"sender": "' + b"\xff\xfe" * 10 + b'", "message": "hei"}'},
    "a list": lambda: {"data": b"[1, 2, 3]"},
    "no sender": lambda: {"data": _json({"message": "hei"})},
    "message not text": lambda: {"data": _json({"sender": _sender(), "message": {"a": [1] * 9}})},
    "deep nesting": lambda: {"data": b'{"sender": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"},
    "empty body": lambda: {"data": b""},
}


def _json(body: object) -> bytes:
    return json.dumps(body).encode()


def _status(server: ServerProcess, request: dict) -> int:
    """The status, or 413 when the server closed the connection on an oversized body."""
    try:
        return server.post(headers={"Content-Type": "application/json"}, **request).status_code
    except requests.ConnectionError:
        return 413  # Sanic may answer 413 and close before the client finished sending


def test_bad_requests_get_an_answer_and_the_server_stays_up_and_small(server: ServerProcess):
    assert server.say(_sender(), "hei")  # warm: the first turn loads lazily built parts
    before = server.rss_megabytes()
    statuses = {}
    for _ in range(REPEATS):
        for name, build in BAD_REQUESTS.items():
            statuses[name] = _status(server, build())
    after = server.rss_megabytes()
    print(f"\nVmRSS before {before:.0f} MB, after {after:.0f} MB; statuses {statuses}")

    assert server.is_running()
    assert server.get("/webhooks/health/live").status_code == 200
    assert server.say(_sender(), "tarvitsen apua verkkopankin kanssa")  # still answering
    assert all(status < 500 for status in statuses.values()), statuses
    assert after - before < MEMORY_BOUND_MB
