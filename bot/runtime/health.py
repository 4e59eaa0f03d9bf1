"""Liveness and readiness for a proxy or an orchestrator: /webhooks/health/live and /ready.

* ``GET /webhooks/health/live``: 200 while the process serves HTTP at all.
* ``GET /webhooks/health/ready``: 200 when this process can hold a conversation - the model is
  loaded (with the durable-turn processor) and the conversation store, the lock (when
  ``REDIS_URL`` is set) and the provider directory each answer one cheap query; otherwise 503.
  A proxy stops sending people to a process that is not ready.

The body names each check and its state and nothing else: no addresses, no error texts, no
conversation data (the errors go to the server's log). A Rasa input channel is the supported
way to add routes to Rasa's server; list it in credentials.yml as
``bot.runtime.health.HealthChannel: {}``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.runtime.dependencies import DEPENDENCIES, OpenDependencies
from bot.runtime.retry import describe, retry_blocking

logger = logging.getLogger(__name__)

#: Seconds one check may take before it counts as down (a proxy polls every few seconds).
CHECK_TIMEOUT_SECONDS = 3.0
#: A pooled connection that died with a database restart fails once; one quick retry.
CHECK_RETRY_DELAYS = (0.1,)

UP, DOWN, NOT_CONFIGURED = "up", "down", "not_configured"
MODEL = "model"


class HealthChannel(InputChannel):
    """Health routes under /webhooks/health/; it receives no messages."""

    @classmethod
    def name(cls) -> str:
        return "health"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        health = Blueprint("digituki_health", __name__)

        @health.route("/live", methods=["GET"])
        async def live(request: Request) -> HTTPResponse:
            return response.json({"status": UP})

        @health.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            checks = await readiness(request.app.ctx)
            is_ready = all(state in (UP, NOT_CONFIGURED) for state in checks.values())
            body = {"status": "ready" if is_ready else "not_ready", "checks": checks}
            return response.json(body, status=200 if is_ready else 503)

        return health


async def readiness(ctx: Any) -> Dict[str, str]:
    """Each dependency's state, and whether the model is loaded and durable turns in place."""
    from bot.runtime.turns import DurableTurnProcessor

    agent = getattr(ctx, "agent", None)
    processor = getattr(agent, "processor", None)
    states: Dict[str, str] = {MODEL: UP if isinstance(processor, DurableTurnProcessor) else DOWN}
    opened: Optional[OpenDependencies] = getattr(ctx, "dependencies", None)
    if opened is None:  # not started by `bot run`, or still starting
        states.update({key: DOWN for key in DEPENDENCIES})
        return states
    checked = await asyncio.gather(*(_state(key, check) for key, check in opened.checks().items()))
    states.update(checked)
    return states


async def _state(key: str, check: Optional[Callable[[], None]]) -> Tuple[str, str]:
    """``(key, state)``: the check run off the event loop, bounded in time."""
    if check is None:
        return key, NOT_CONFIGURED
    dependency = DEPENDENCIES[key]
    loop = asyncio.get_running_loop()

    def attempt() -> None:
        retry_blocking(
            check, what=dependency.what, setting=dependency.setting, delays=CHECK_RETRY_DELAYS
        )

    try:
        await asyncio.wait_for(loop.run_in_executor(None, attempt), CHECK_TIMEOUT_SECONDS)
        return key, UP
    except Exception as error:
        logger.warning("Readiness: %s is down: %s", dependency.what, describe(error))
        return key, DOWN
