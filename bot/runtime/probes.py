"""Is a database there? One cheap round trip, for start-up and readiness checks."""

from __future__ import annotations

from typing import Any, Dict, Sequence, Type, Union

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from bot.runtime.retry import STARTUP_DELAYS, DependencyUnavailable, retry_blocking

#: Seconds a probe waits for PostgreSQL to accept a connection.
PROBE_CONNECT_TIMEOUT = 5


def probe_database(url: Union[str, URL]) -> None:
    """Connect and run ``SELECT 1``; raise whatever the driver raises when that fails.

    A throw-away engine without a pool, with a connect timeout even when the URL has none, so
    an address that swallows packets fails in seconds instead of minutes.
    """
    parsed = make_url(url)
    connect_args: Dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = PROBE_CONNECT_TIMEOUT
    engine = create_engine(parsed, poolclass=NullPool, connect_args=connect_args, future=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()


def wait_until_reachable(
    url: Union[str, URL],
    *,
    what: str,
    setting: str,
    delays: Sequence[float] = STARTUP_DELAYS,
    raise_as: Type[DependencyUnavailable] = DependencyUnavailable,
) -> None:
    """Probe ``url`` a few times; raise ``raise_as`` naming ``setting`` if it never answers."""
    retry_blocking(
        lambda: probe_database(url), what=what, setting=setting, delays=delays, raise_as=raise_as
    )
