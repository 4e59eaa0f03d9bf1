"""`bot run` as a public website would run it: a real server process with the trained model.

One server for the module (loading the model takes a while): the HTTP API on with a token, one
CORS origin allowed, signed conversation ids required. The checks are the attacks that were
found: oversized bodies and messages, malformed requests, missing or personal sender ids, an
open API and CORS that reflected any origin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterator, Tuple

import pytest
import requests

from bot.guard.limits import message_too_long_text
from bot.paths import PROJECT_ROOT
from bot.web import settings
from tests.conftest import _free_port

TOKEN = "test-api-token-0123456789"
ALLOWED_ORIGIN = "https://www.kunta.fi"
FOREIGN_ORIGIN = "https://evil.example"
HTTP_SETTINGS = (
    settings.MAX_MESSAGE_CHARS,
    settings.MAX_REQUEST_BYTES,
    settings.PUBLIC,
    settings.SESSION_SECRET,
    settings.CORS_ORIGINS,
    *settings.API_TOKEN_VARIABLES,
)
START_TIMEOUT = 900  # seconds; training would only happen if the model inputs changed


def _environment(local_dir: Path, **extra: str) -> Dict[str, str]:
    """This machine's environment without any HTTP setting or database choice, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in HTTP_SETTINGS}
    env.pop("TRACKER_DATABASE_URL", None)
    env.update(RASA_TELEMETRY_ENABLED="false", DIGITUKI_LOCAL_DIR=str(local_dir), **extra)
    return env


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = _environment(
        tmp_path_factory.mktemp("local"),
        DIGITUKI_API_TOKEN=TOKEN,
        DIGITUKI_CORS_ORIGINS=ALLOWED_ORIGIN,
        DIGITUKI_PUBLIC="1",
        DIGITUKI_SESSION_SECRET="a-test-secret-of-at-least-32-characters",
    )
    log = tmp_path_factory.mktemp("log") / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--no-chat", "--port", str(port), "--enable-api"],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"bot run exited with {process.returncode}:\n{log.read_text()[-5000:]}")
            try:
                # Ready, not merely listening: while it warms up (bot.runtime.warm_up) a busy
                # machine may hold even /version past a short timeout.
                if requests.get(f"{url}/webhooks/health/ready", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"bot run did not start:\n{log.read_text()[-5000:]}")
            time.sleep(1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def _post(url: str, **kwargs: Any) -> Tuple[int, Any]:
    response = requests.post(url, timeout=120, **kwargs)
    kind = response.headers.get("Content-Type", "")
    return response.status_code, response.json() if "json" in kind else response.text


def _session(base: str) -> str:
    status, body = _post(f"{base}/webhooks/webchat/session")
    assert status == 200
    return body["sender"]


def test_the_api_refuses_to_start_without_a_credential(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--no-chat", "--enable-api"],
        cwd=PROJECT_ROOT,
        env=_environment(tmp_path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 2
    assert "--enable-api needs a credential" in finished.stderr


@pytest.mark.slow
def test_the_api_needs_the_token(base: str) -> None:
    assert requests.get(f"{base}/status", timeout=30).status_code == 401
    wrong = requests.get(f"{base}/status", params={"token": "x" * 24}, timeout=30)
    assert wrong.status_code == 401
    tracker = requests.get(f"{base}/conversations/someone-else-0001/tracker", timeout=30)
    assert tracker.status_code == 401
    right = requests.get(f"{base}/status", params={"token": TOKEN}, timeout=30)
    assert right.status_code == 200 and "model_id" in right.json()


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/status", "/version"])
def test_cors_allows_only_the_listed_origin(base: str, path: str) -> None:
    preflight = {"Access-Control-Request-Method": "POST"}
    foreign = requests.options(
        f"{base}{path}", headers={"Origin": FOREIGN_ORIGIN, **preflight}, timeout=30
    )
    assert "Access-Control-Allow-Origin" not in foreign.headers
    assert "Access-Control-Allow-Credentials" not in foreign.headers
    allowed = requests.options(
        f"{base}{path}", headers={"Origin": ALLOWED_ORIGIN, **preflight}, timeout=30
    )
    assert allowed.headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
    simple = requests.get(f"{base}/version", headers={"Origin": FOREIGN_ORIGIN}, timeout=30)
    assert "Access-Control-Allow-Origin" not in simple.headers


@pytest.mark.slow
@pytest.mark.parametrize(
    "body, status",
    [
        (json.dumps({"sender": "x" * 20, "message": "a" * 100_000}).encode(), 413),
        (b"x" * 10_000_000, 413),
        (json.dumps({"sender": "x" * 20, "message": "hei", "metadata": "m" * 1_000_000}), 413),
        (b"[1, 2, 3]", 400),
        (b"", 400),
        (json.dumps({"message": "hei"}).encode(), 400),
        (json.dumps({"sender": "131052-308T-abcdefgh", "message": "hei"}).encode(), 400),
        (json.dumps({"sender": "test-1234abcd5678efgh", "message": "hei"}).encode(), 403),
    ],
)
def test_the_boundary_of_the_public_rest_channel(base: str, body: bytes, status: int) -> None:
    code, answer = _post(f"{base}/webhooks/rest/webhook", data=body)
    assert code == status
    if status != 413:
        assert set(answer) == {"error", "message"}


@pytest.mark.slow
def test_a_web_chat_conversation_with_an_issued_id(base: str) -> None:
    sender = _session(base)
    url = f"{base}/webhooks/webchat/webhook"
    code, replies = _post(url, json={"sender": sender, "message": "äiti ei osaa verkkopankkia"})
    assert code == 200 and replies and all(r["recipient_id"] == sender for r in replies)
    code, replies = _post(url, json={"sender": sender, "message": "apua " * 300})
    assert (code, [r["text"] for r in replies]) == (200, [message_too_long_text(1000)])
    body = '{"sender": "' + sender + '", "message": "moi \\ud800 apua"}'  # JSON escape
    code, replies = _post(url, data=body.encode())
    assert code == 200 and replies
    code, answer = _post(url, json={"sender": "A" * 48, "message": "hei"})
    assert (code, answer["error"]) == (403, "unknown_conversation")
