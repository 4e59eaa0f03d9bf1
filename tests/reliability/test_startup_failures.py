"""`bot run` with a wrong setting stops: non-zero exit, one clear paragraph, nothing served.

All the processes start at once (each pays for Python and Rasa's imports) and are waited for
with a generous bound; the time each took is printed as a figure, not asserted.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Dict, Iterator

import pytest

from bot.paths import PROJECT_ROOT
from tests.reliability.servers import base_environment, free_port

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

#: The bound within which a refused start must have ended (imports included, 2 busy cores).
EXIT_TIMEOUT = 180

CASES = {
    "tracker database down": {"TRACKER_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/test"},
    "tracker database missing": {
        "TRACKER_DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/digituki_ei_ole_olemassa"
    },
    "provider database down": {"DATABASE_URL": "postgresql://postgres:salainen@127.0.0.1:1/x"},
    "redis down": {"REDIS_URL": "redis://127.0.0.1:1/0"},
    "not a url": {"TRACKER_DATABASE_URL": "postgresql//postgres@127.0.0.1/test"},
}


@dataclass
class Outcome:
    returncode: int
    output: str
    seconds: float


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, Outcome]]:
    started = {}
    for name, settings in CASES.items():
        environment = base_environment(tmp_path_factory.mktemp("local"), **settings)
        started[name] = (
            subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--no-chat", "--port", str(free_port())],
                cwd=PROJECT_ROOT,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ),
            time.monotonic(),
        )
    results = {}
    try:
        for name, (process, began) in started.items():
            output, _ = process.communicate(timeout=EXIT_TIMEOUT)
            results[name] = Outcome(process.returncode, output, time.monotonic() - began)
            print(f"\n{name}: exit {process.returncode} after {results[name].seconds:.1f} s")
        yield results
    finally:
        for process, _began in started.values():
            if process.poll() is None:
                process.kill()


def _refusal(outcome: Outcome) -> str:
    lines = [line for line in outcome.output.splitlines() if "Digituki did not start" in line]
    assert lines, f"no refusal in the output:\n{outcome.output[-3000:]}"
    return lines[-1]


@pytest.mark.parametrize(
    ("case", "named"),
    [
        ("tracker database down", "TRACKER_DATABASE_URL=postgresql://postgres@127.0.0.1:1/test"),
        ("tracker database missing", 'database "digituki_ei_ole_olemassa" does not exist'),
        ("provider database down", "DATABASE_URL=postgresql://postgres:***@127.0.0.1:1/x"),
        ("redis down", "REDIS_URL=redis://127.0.0.1:1/0"),
        ("not a url", "TRACKER_DATABASE_URL set to something that is not a URL"),
    ],
)
def test_a_wrong_setting_stops_start_up_with_the_setting_named(outcomes, case, named):
    outcome = outcomes[case]
    assert outcome.returncode != 0
    message = _refusal(outcome)
    assert named in message
    assert "salainen" not in outcome.output  # a password is never printed
    assert "Starting Rasa server" not in outcome.output  # refused before serving
