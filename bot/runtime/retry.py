"""Riding out a brief outage of a database or Redis, then failing loudly.

Rasa's own answer to an unreachable conversation store is to carry on in memory (its agent wraps
every store in ``FailSafeTrackerStore``): the person keeps chatting, nothing is stored, and the
conversation is gone at the next restart or on the other server process. Ours is: retry a
connection error a few times with growing pauses (a PostgreSQL restart or a fail-over takes a
second or two), and when that does not help raise :class:`DependencyUnavailable`, which names
the dependency and the setting to check, so the turn fails visibly instead of silently.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Awaitable, Callable, Optional, Sequence, Tuple, Type, TypeVar

from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Pauses between attempts while serving: four attempts within about 2.6 s.
RUNTIME_DELAYS: Tuple[float, ...] = (0.2, 0.6, 1.8)
#: Pauses between attempts at start-up: a database started alongside us may need a moment.
STARTUP_DELAYS: Tuple[float, ...] = (1.0, 2.0)


class DependencyUnavailable(RasaException):
    """A database or Redis could not be reached, even after retrying.

    ``what`` names the dependency in words ("the conversation store") and ``setting`` the
    environment variable or file that points at it, so that whoever reads the log knows what
    to fix without reading code.
    """

    def __init__(self, what: str, setting: str, cause: BaseException) -> None:
        self.what = what
        self.setting = setting
        self.cause = cause
        super().__init__(f"{what} cannot be reached ({setting}): {describe(cause)}")


def describe(error: BaseException) -> str:
    """The first line of an error, without SQLAlchemy's "Background on this error" footer."""
    text = str(getattr(error, "orig", None) or error).strip() or error.__class__.__name__
    return text.splitlines()[0]


#: SQLite's words for "the file cannot be used right now" (its OperationalError also covers
#: "no such table", which no retry can fix).
SQLITE_UNAVAILABLE = ("database is locked", "unable to open database file", "disk I/O error")


def is_connection_error(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) says a database or Redis was unreachable.

    Only these are worth retrying; a programming error would fail the same way every time, and
    a :class:`DependencyUnavailable` has been retried already.
    """
    import redis.exceptions

    seen: Optional[BaseException] = error
    while seen is not None and not isinstance(seen, DependencyUnavailable):
        if isinstance(
            seen,
            (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, ConnectionError),
        ) or _is_unavailable_database(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _is_unavailable_database(error: BaseException) -> bool:
    import sqlite3

    import sqlalchemy.exc

    if not isinstance(error, sqlalchemy.exc.DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError)):
        return False
    if isinstance(error.orig, sqlite3.Error):
        return any(words in str(error.orig) for words in SQLITE_UNAVAILABLE)
    return True  # PostgreSQL: refused, reset, server gone, database renamed away, timeouts


async def retry_async(
    operation: Callable[[], Awaitable[T]],
    *,
    what: str,
    setting: str,
    delays: Sequence[float] = RUNTIME_DELAYS,
    raise_as: Type[DependencyUnavailable] = DependencyUnavailable,
) -> T:
    """``await operation()``, again after each pause in ``delays`` while it fails to connect.

    When the last attempt fails to connect too, ``raise_as(what, setting, error)`` is raised.
    """
    for pause in delays:
        try:
            return await operation()
        except Exception as error:
            _log_or_raise(error, what, pause)
        await asyncio.sleep(pause)
    try:
        return await operation()
    except Exception as error:
        _raise_named_if_unreachable(error, what, setting, raise_as)
        raise


def retry_blocking(
    operation: Callable[[], T],
    *,
    what: str,
    setting: str,
    delays: Sequence[float] = STARTUP_DELAYS,
    raise_as: Type[DependencyUnavailable] = DependencyUnavailable,
) -> T:
    """The same for code that may block (start-up, before any event loop serves people)."""
    for pause in delays:
        try:
            return operation()
        except Exception as error:
            _log_or_raise(error, what, pause)
        time.sleep(pause)
    try:
        return operation()
    except Exception as error:
        _raise_named_if_unreachable(error, what, setting, raise_as)
        raise


def _log_or_raise(error: Exception, what: str, pause: float) -> None:
    """Re-raise an error that retrying cannot help; otherwise say that we wait and retry."""
    if not is_connection_error(error):
        raise error
    logger.warning("%s unreachable (%s); retrying in %.1f s", what, describe(error), pause)


def _raise_named_if_unreachable(
    error: Exception, what: str, setting: str, raise_as: Type[DependencyUnavailable]
) -> None:
    """After the last attempt: an unreachable dependency is named, anything else re-raised."""
    if is_connection_error(error):
        raise raise_as(what, setting, error) from error
