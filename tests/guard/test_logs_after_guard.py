"""Whatever fails after the guard, the log holds neither a secret nor what the person wrote.

The real assistant (trained model, in-process actions, SQLite conversation store) serves the
real guarded REST channel on a real Sanic server. Five messages full of secrets are sent, and
for each one a different stage after the guard fails: NLU parse, policy prediction, an action,
the tracker store's save, the output channel. Each failure is made by overriding that one real
component, nothing else is replaced.

WHY a separate process: the log must be exactly what ``bot run`` would write, from a process
whose logging ``bot.cli.logs.configure_logging`` set up before anything logged (structlog
freezes each logger's configuration at its first use, so a pytest process that already logged
through Rasa would show a different, stale picture). The test reads that process's whole
stdout and stderr at DEBUG level: every line any logger wrote.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import subprocess
import sys
from typing import Any, Dict, Iterator

import pytest

from bot.paths import PROJECT_ROOT

STAGES = ("nlu", "policy", "action", "tracker_store", "output")
#: A place-name-like word that appears in no training data, response or code: if any form of
#: it shows up in the log, message text got there.
MARKER = "Pelikaanipuistossa"
MESSAGE = (
    f"Äitini ei osaa käyttää verkkopankkia {MARKER}, hänen hetunsa on 131052-308T, "
    "kortti 4111 1111 1111 1111 ja salasana on Kissa123!"
)
SECRETS = ("131052-308T", "4111 1111 1111 1111", "4111111111111111", "Kissa123")
STAGE_LINE = "### stage "
FAILURE = "simulated failure at stage "


def failure(stage: str) -> RuntimeError:
    return RuntimeError(FAILURE + stage)


# ------------------------------------------------------------------ the scenario process


@contextlib.contextmanager
def overridden(target: Any, name: str, replacement: Any) -> Iterator[None]:
    """``target.name`` is ``replacement`` inside the block (an instance or a class)."""
    had_own = name in vars(target)
    original = vars(target).get(name)
    setattr(target, name, replacement)
    try:
        yield
    finally:
        if had_own:
            setattr(target, name, original)
        else:
            delattr(target, name)


def failing_stage(stage: str, agent: Any) -> contextlib.AbstractContextManager:
    """Make one real component of ``agent`` fail the way an outage would."""
    from rasa.core.channels.channel import CollectingOutputChannel

    from bot.runtime.inprocess_actions import InProcessActionEndpoint

    processor = agent.processor

    async def fail_async(*_: Any, **__: Any) -> Any:
        raise failure(stage)

    def fail_sync(*_: Any, **__: Any) -> Any:
        raise failure(stage)

    class FailingActionEndpoint(InProcessActionEndpoint):
        async def request(self, *_: Any, **__: Any) -> Any:
            raise failure(stage)

    overrides: Dict[str, contextlib.AbstractContextManager] = {
        "nlu": overridden(processor, "parse_message", fail_async),
        "policy": overridden(processor, "_predict_next_with_tracker", fail_sync),
        "action": overridden(processor, "action_endpoint", FailingActionEndpoint()),
        "tracker_store": overridden(processor.tracker_store, "save", fail_async),
        "output": overridden(CollectingOutputChannel, "send_response", fail_async),
    }
    return overrides[stage]


async def scenario() -> None:
    """Run every failing stage once; print a marker line before each stage's log lines."""
    import aiohttp
    from sanic import Sanic

    from bot.cli.logs import configure_logging

    configure_logging(logging.DEBUG)  # first, exactly as `bot run` does
    from bot.guard.channels import GuardedRestInput
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained
    from tests.conftest import _free_port

    agent = await load(str(ensure_trained()))
    channel = GuardedRestInput()
    app = Sanic("logs_after_guard")
    app.blueprint(channel.blueprint(agent.handle_message), url_prefix="/webhooks/rest")
    port = _free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    await server.startup()
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    try:
        async with aiohttp.ClientSession() as client:
            for number, stage in enumerate(STAGES):
                print(STAGE_LINE + stage, flush=True)
                with failing_stage(stage, agent):
                    payload = {"sender": f"logs-after-guard-{number:04d}", "message": MESSAGE}
                    async with client.post(url, json=payload) as response:
                        print(f"{STAGE_LINE}{stage} status {response.status}", flush=True)
                sys.stdout.flush()
                sys.stderr.flush()
    finally:
        server.close()
        await server.wait_closed()
    print(STAGE_LINE + "end", flush=True)


# ------------------------------------------------------------------ the tests


@pytest.fixture(scope="module")
def stage_logs(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, str]:
    """Each stage's log lines (stdout and stderr of the scenario process, in order)."""
    env = {
        **os.environ,
        "DIGITUKI_LOCAL_DIR": str(tmp_path_factory.mktemp("local")),
        "RASA_TELEMETRY_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("TRACKER_DATABASE_URL", None)
    env.pop("LOG_LEVEL", None)
    finished = subprocess.run(
        [sys.executable, "-m", "tests.guard.test_logs_after_guard"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        timeout=1800,
        check=False,
    )
    output = finished.stdout
    assert finished.returncode == 0, output[-5000:]
    parts = output.split(STAGE_LINE)
    segments = {"start": parts[0]}
    for part in parts[1:]:
        name = part.split(maxsplit=1)[0]
        segments[name] = segments.get(name, "") + part
    return segments


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_the_failure_is_logged_without_secrets_or_message_text(
    stage_logs: Dict[str, str], stage: str
) -> None:
    log = stage_logs[stage]
    assert "Personal data removed from a user message" in log  # the guard ran first, at INFO
    assert FAILURE + stage in log, log[-3000:]  # the stage did fail, and its error was logged
    assert "Traceback" in log or '"exception"' in log
    for secret in SECRETS:
        assert secret not in log, f"{secret!r} logged at stage {stage}"
    assert MARKER[:10].lower() not in log.lower(), f"message text logged at stage {stage}"
    assert "äitini" not in log.lower()


@pytest.mark.slow
def test_the_capture_holds_debug_lines_from_rasa(stage_logs: Dict[str, str]) -> None:
    everything = "".join(stage_logs.values())
    assert '"level": "debug"' in everything  # Rasa's structlog, rendered as JSON
    assert "processor" in everything
    assert "[not logged]" in everything  # message text keys were there and were replaced


if __name__ == "__main__":
    asyncio.run(scenario())
