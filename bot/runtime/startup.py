"""`bot run` start-up: refuse to serve without the conversation store, the lock and the directory.

Left to itself, Rasa starts with a conversation database it cannot reach and carries on in
memory (its factory falls back to ``InMemoryTrackerStore``, its agent wraps every store in
``FailSafeTrackerStore``), or waits for it for ever. People would chat with an assistant that
forgets them. :func:`prepare_serving` opens every dependency before the model is loaded, and
when one fails stops the process with one paragraph naming what failed and the setting to fix.

It returns the endpoints, and the Sanic listener that, once Rasa has loaded the agent, swaps
in what Rasa offers no setting for: the store itself instead of the fail-safe wrapper, and the
processor that stores each message before processing it (``bot.runtime.turns``). The
readiness endpoint finds the opened dependencies on ``app.ctx.dependencies``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Tuple, TypeVar

from rasa.core.utils import AvailableEndpoints
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.runtime.agent import SettingError, endpoints
from bot.runtime.dependencies import (
    DEPENDENCIES,
    LOCK_STORE,
    PROVIDER_DIRECTORY,
    TRACKER_STORE,
    Dependency,
    OpenDependencies,
    open_lock_store,
    open_provider_directory,
    open_tracker_store,
)
from bot.runtime.retry import DependencyUnavailable, describe
from bot.runtime.warm_up import warm_up

if TYPE_CHECKING:
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import TrackerStore

logger = logging.getLogger(__name__)

T = TypeVar("T")
Listener = Tuple[Callable[..., Any], str]


class NotServing(SystemExit):
    """Start-up refused: the message is printed and the process exits with status 1."""


@dataclass(frozen=True)
class Serving:
    """What ``serve_application`` needs from us: the endpoints and the take-over listener."""

    endpoints: AvailableEndpoints
    listeners: List[Listener]


def prepare_serving() -> Serving:
    """Read the settings and open every dependency, or exit with the reason."""
    problems: List[str] = []
    try:
        available = endpoints()
    except SettingError as error:
        problem = f"{error.setting}{_shown_setting(error.setting)} cannot be used: {error.problem}"
        raise NotServing(refusal([problem])) from error
    tracker_store = _open(
        DEPENDENCIES[TRACKER_STORE], problems, lambda: open_tracker_store(available.tracker_store)
    )
    lock_store = _open(
        DEPENDENCIES[LOCK_STORE], problems, lambda: open_lock_store(available.lock_store)
    )
    provider_engine = _open(DEPENDENCIES[PROVIDER_DIRECTORY], problems, open_provider_directory)
    if problems or tracker_store is None or provider_engine is None:
        raise NotServing(refusal(problems))
    opened = OpenDependencies(tracker_store, lock_store, provider_engine)
    return Serving(available, [(partial(take_over_agent, opened), "after_server_start")])


def _open(dependency: Dependency, problems: List[str], opener: Callable[[], T]) -> Optional[T]:
    """``opener()``, or None with the failure described in ``problems``."""
    try:
        return opener()
    except DependencyUnavailable as error:
        problems.append(f"{_named(dependency)} cannot be reached: {describe(error.cause)}")
    except ArgumentError:  # its text would repeat the whole setting, password and all
        problems.append(f"{_named(dependency)} is not a database URL")
    except Exception as error:
        problems.append(f"{_named(dependency)} failed: {describe(error)}")
    return None


def _named(dependency: Dependency) -> str:
    return f"{dependency.what} ({dependency.setting}{_shown_setting(dependency.setting)})"


def refusal(problems: List[str]) -> str:
    """The one paragraph printed when start-up is refused."""
    return (
        "Digituki did not start, because "
        + "; ".join(problems)
        + ". The assistant never serves without these (it would forget every conversation, "
        "or let two processes answer the same one): fix that setting or start the service it "
        "points at, then start the assistant again."
    )


def _shown_setting(setting: str) -> str:
    """`=<value>` with any password hidden, or that it is not set."""
    raw = os.environ.get(setting)
    if not raw:
        return " not set"
    try:
        return "=" + make_url(raw).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: say so without echoing what might be a secret
        return " set to something that is not a URL"


def take_over_agent(opened: OpenDependencies, app: Any, _loop: Any = None) -> None:
    """Sanic listener: warm up and harden the agent Rasa loaded, and publish the dependencies.

    Runs as Sanic's first "after_server_start" listener and awaits nothing, so no request is
    handled before it is done. Without a model there is nothing to serve: stop.
    """
    agent = app.ctx.agent
    if agent is None or agent.processor is None:
        logger.error("Digituki did not start: the model could not be loaded (see above)")
        app.stop()
        return
    warm_up(agent)  # before readiness: the first person does not pay for lazy loading
    harden_agent(agent, opened.tracker_store)
    app.ctx.dependencies = opened
    where = opened.tracker_store.engine.url.render_as_string(hide_password=True)
    logger.info("Conversations are stored in %s; each message before it is processed", where)


def harden_agent(agent: Agent, store: TrackerStore) -> None:
    """Our store instead of Rasa's fail-safe wrapper, and the durable-turn processor."""
    from bot.runtime.turns import DurableTurnProcessor

    store.domain = agent.domain
    agent.tracker_store = store
    agent.processor = DurableTurnProcessor(agent.processor, tracker_store=store)
