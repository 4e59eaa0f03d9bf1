"""The benchmark's table: one row per configuration and concurrency, as Markdown."""

from __future__ import annotations

import math
import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import List, Optional, Sequence

from benchmarks.residents import LoadResult


@dataclass
class Row:
    configuration: str
    processes: int
    concurrency: int
    result: LoadResult
    lost: int
    store_checked: bool
    peak_memory_mb: List[Optional[float]]

    @property
    def messages_per_s(self) -> float:
        replied = len(self.result.latencies_s)
        return replied / self.result.elapsed_s if self.result.elapsed_s else 0.0

    def latency_ms(self, fraction: float) -> Optional[float]:
        latencies = self.result.latencies_s
        return percentile(latencies, fraction) * 1000 if latencies else None


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: a latency some resident really waited, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


HEADER = (
    "| configuration | processes | concurrent residents | turns | messages/s | p50 ms | p95 ms "
    "| p99 ms | errors | lost turns | peak memory per process (MB) |"
)
RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"


def table(rows: Sequence[Row]) -> str:
    lines = [HEADER, RULE]
    for row in rows:
        lost = f"{row.lost}" if row.store_checked else f"{row.lost} (replies only)"
        memory = " / ".join(_number(value, 0) for value in row.peak_memory_mb)
        lines.append(
            f"| {row.configuration} | {row.processes} | {row.concurrency} | {row.result.turns} "
            f"| {row.messages_per_s:.1f} | {_number(row.latency_ms(0.50))} "
            f"| {_number(row.latency_ms(0.95))} | {_number(row.latency_ms(0.99))} "
            f"| {row.result.errors} | {lost} | {memory} |"
        )
    return "\n".join(lines)


def _number(value: Optional[float], decimals: int = 0) -> str:
    return "–" if value is None else f"{value:.{decimals}f}"


def machine_note() -> str:
    """Where and under what load the figures were taken: they mean nothing without it."""
    return (
        f"{datetime.now().isoformat(timespec='seconds')}, {platform.node()}, "
        f"{os.cpu_count()} cores, load average before the run {load_average()}, "
        f"commit {_commit()}"
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as `uptime` prints them."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _commit() -> str:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        return found.stdout.strip() + (" (+ uncommitted changes)" if _dirty() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _dirty() -> bool:
    found = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
    return bool(found.stdout.strip())


def write_markdown(
    path: Path, rows: Sequence[Row], machine: str, settings: str, notes: Sequence[str]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = [
        "# Load benchmark",
        "",
        "Written by `benchmarks/load.py` (see `benchmarks/README.md` for what each column means).",
        "",
        f"Machine: {machine}.",
        "",
        f"Settings: {settings}.",
        "",
        table(rows),
        "",
        *[f"- {note}" for note in notes],
        "",
    ]
    path.write_text("\n".join(body))
