"""Building the agent the way every entry point runs it: in-process actions, guarded store."""

from __future__ import annotations

import os
from typing import Optional
from urllib.parse import urlparse

from rasa.core.agent import Agent, load_agent
from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig

from bot.paths import PROJECT_ROOT, ensure_local_dir
from bot.runtime.inprocess_actions import InProcessActionEndpoint

ENDPOINTS_FILE = PROJECT_ROOT / "endpoints.yml"
TRACKER_STORE_TYPE = "bot.guard.tracker_store.RedactingSQLTrackerStore"


def tracker_store_config(database_url: Optional[str] = None) -> EndpointConfig:
    """The conversation store: SQLite under data/local/, or the database in the URL."""
    url = database_url or os.environ.get("TRACKER_DATABASE_URL")
    if not url:
        db_file = ensure_local_dir() / "tracker.sqlite3"
        return EndpointConfig(type=TRACKER_STORE_TYPE, dialect="sqlite", db=str(db_file))
    parsed = urlparse(url)
    dialect = parsed.scheme.split("+")[0]
    if dialect not in ("postgresql", "sqlite"):
        raise ValueError(f"TRACKER_DATABASE_URL: unsupported database {parsed.scheme!r}")
    return EndpointConfig(
        type=TRACKER_STORE_TYPE,
        dialect=dialect,
        url=parsed.hostname,
        port=parsed.port,
        db=parsed.path.lstrip("/"),
        username=parsed.username,
        password=parsed.password,
    )


def endpoints(database_url: Optional[str] = None) -> AvailableEndpoints:
    """endpoints.yml with actions in-process and the conversation store resolved."""
    configured = AvailableEndpoints.read_endpoints(str(ENDPOINTS_FILE))
    configured.action = InProcessActionEndpoint()
    configured.tracker_store = tracker_store_config(database_url)
    return configured


async def load(model_path: str, in_memory: bool = False) -> Agent:
    """The agent for `model_path`; `in_memory` keeps no conversation anywhere (batch use)."""
    available = endpoints()
    if in_memory:
        available.tracker_store = None  # Rasa then keeps conversations in memory only
    return await load_agent(model_path=model_path, endpoints=available)
