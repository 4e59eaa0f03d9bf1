"""Real `python -m bot run --no-chat` server processes for the reliability tests.

Each process is the assistant exactly as an operator starts it: its own Python, TensorFlow and
model, its settings in environment variables, its log in a file that a failing test prints.
Start-up costs 20-40 s, so the tests start processes once per module and share them.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import requests

from bot.paths import PROJECT_ROOT

#: Seconds a process may take to become ready (TensorFlow import and model load, 2 shared cores).
START_TIMEOUT = 300
#: Seconds one HTTP turn may take; a turn waiting for a dead process's lock ticket needs ~10 s.
TURN_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_environment(local_dir: Path, **settings: str) -> Dict[str, str]:
    """The parent's environment without our settings, plus ``settings``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("TRACKER_DATABASE_URL", "DATABASE_URL", "REDIS_URL", "REDIS_KEY_PREFIX")
    }
    environment.update(
        RASA_TELEMETRY_ENABLED="false",
        PYTHONUNBUFFERED="1",
        DIGITUKI_LOCAL_DIR=str(local_dir),
        **settings,
    )
    return environment


class ServerProcess:
    """One assistant process on its own port."""

    def __init__(self, name: str, environment: Dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.environment = environment
        self.port = free_port()
        self.log_path = log_dir / f"{name}.log"
        self.process: Optional[subprocess.Popen] = None
        self.started_at = 0.0
        self.start_seconds: Optional[float] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        log = open(self.log_path, "a", encoding="utf-8")
        log.write(f"\n===== starting {self.name} on port {self.port}\n")
        log.flush()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--no-chat", "--port", str(self.port)],
            cwd=PROJECT_ROOT,
            env=self.environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self.started_at = time.monotonic()
        self.start_seconds = None
        return self

    def wait_until_ready(self, timeout: float = START_TIMEOUT) -> float:
        """Seconds from start to the first 200 from /webhooks/health/ready."""
        deadline = self.started_at + timeout
        while time.monotonic() < deadline:
            if not self.is_running():
                raise AssertionError(f"{self.name} exited while starting:\n{self.log_tail()}")
            try:
                response = requests.get(f"{self.url}/webhooks/health/ready", timeout=5)
                if response.status_code == 200:
                    self.start_seconds = time.monotonic() - self.started_at
                    return self.start_seconds
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise AssertionError(f"{self.name} not ready after {timeout} s:\n{self.log_tail()}")

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def say(self, sender: str, text: str, timeout: float = TURN_TIMEOUT) -> List[str]:
        """The texts the assistant answers ``text`` with, over the REST channel."""
        response = self.post({"sender": sender, "message": text}, timeout=timeout)
        assert response.status_code == 200, (response.status_code, response.text[:300])
        return [message.get("text") or "" for message in response.json()]

    def post(self, body: Any = None, data: Optional[bytes] = None, **kwargs: Any) -> Any:
        """A raw request to the REST channel (bodies of any shape, for the limit tests)."""
        kwargs.setdefault("timeout", TURN_TIMEOUT)
        url = f"{self.url}/webhooks/rest/webhook"
        if data is not None:
            return requests.post(url, data=data, **kwargs)
        return requests.post(url, json=body, **kwargs)

    def get(self, path: str) -> Any:
        return requests.get(f"{self.url}{path}", timeout=30)

    def kill(self) -> None:
        """kill -9: no shutdown code runs, exactly like a crash or an OOM kill."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if not self.is_running():
            return
        assert self.process is not None
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def rss_megabytes(self) -> float:
        """Resident memory (VmRSS) of the process, from /proc."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024

    def log_tail(self, lines: int = 60) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
