"""The yardstick: Rasa's own `rasa init` assistant, trained once and kept in a cache dir.

WHY a stock assistant: it runs the same Rasa, Sanic and tracker stores on the same machine
without any of our code, so the gap between its figures and ours is what our pipeline, actions
and guard cost.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Dict, Optional

import yaml

PROJECT_MARKER = "config.yml"


def stock_project(cache_dir: Path, rasa_executable: Path, env: Dict[str, str]) -> Path:
    """The `rasa init --no-prompt` project under `cache_dir`, created and trained if missing."""
    project = cache_dir / "stock-rasa"
    if (project / PROJECT_MARKER).exists() and any((project / "models").glob("*.tar.gz")):
        return project
    project.mkdir(parents=True, exist_ok=True)
    print(f"Creating and training the stock Rasa assistant in {project} (once) ...", flush=True)
    log_path = project.parent / "stock-rasa-init.log"
    with log_path.open("wb") as log:
        finished = subprocess.run(
            [str(rasa_executable), "init", "--no-prompt", "--init-dir", str(project)],
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if finished.returncode != 0 or not any((project / "models").glob("*.tar.gz")):
        tail = log_path.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"`rasa init` failed ({finished.returncode}):\n{tail}")
    return project


def write_endpoints(
    path: Path, database_url: Optional[str], redis_host: str, redis_port: int, redis_db: int
) -> Path:
    """endpoints.yml: nothing shared (in-memory store) or PostgreSQL + a Redis lock store."""
    endpoints: Dict[str, object] = {}
    if database_url:
        from sqlalchemy.engine import make_url

        url = make_url(database_url)
        endpoints["tracker_store"] = {
            "type": "SQL",
            "dialect": "postgresql",
            "url": url.host,
            "port": url.port or 5432,
            "db": url.database,
            "username": url.username,
            "password": url.password,
        }
        endpoints["lock_store"] = {
            "type": "redis",
            "url": redis_host,
            "port": redis_port,
            "db": redis_db,
        }
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path
