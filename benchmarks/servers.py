"""Server processes under load: start them on free loopback ports, wait, read their peak memory.

WHY real processes and not an in-process agent: what a resident waits for includes Sanic, the
channel, the tracker store and the lock store, and the peak memory of a process is a figure a
municipality needs when it sizes the machine.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

#: Rasa's REST channel answers GET on its blueprint root once the server listens; the agent is
#: loaded before Sanic starts listening, so a 200 here means the model is in memory.
HEALTH_PATH = "/webhooks/rest/"
LOG_TAIL_CHARS = 3000


@dataclass
class Server:
    """One server process and where its output goes."""

    name: str
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_memory_mb(self) -> Optional[float]:
        """VmHWM (peak resident set) of the process so far, or None once it has gone."""
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None

    def log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-LOG_TAIL_CHARS:]
        except OSError:
            return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(
    name: str, command: Sequence[str], port: int, env: Dict[str, str], cwd: Path, log_dir: Path
) -> Server:
    """Start `command` in its own process group (so stopping it stops any child it forks)."""
    log_path = log_dir / f"{name}.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    return Server(name, port, process, log_path)


def wait_until_ready(servers: List[Server], timeout_s: float) -> None:
    """Block until every server answers its health URL; raise with its log if one cannot."""
    deadline = time.monotonic() + timeout_s
    waiting = list(servers)
    while waiting:
        for server in list(waiting):
            if server.process.poll() is not None:
                raise RuntimeError(
                    f"{server.name} exited with {server.process.returncode} while starting:\n"
                    f"{server.log_tail()}"
                )
            if _answers(server.base_url + HEALTH_PATH):
                waiting.remove(server)
        if waiting and time.monotonic() > deadline:
            names = ", ".join(server.name for server in waiting)
            raise TimeoutError(
                f"{names} not ready after {timeout_s:.0f} s:\n{waiting[0].log_tail()}"
            )
        if waiting:
            time.sleep(1.0)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def stop(servers: List[Server], grace_s: float = 15.0) -> None:
    """SIGTERM each server's process group, then SIGKILL whatever is still there."""
    for server in servers:
        if server.process.poll() is None:
            os.killpg(server.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for server in servers:
        try:
            server.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
