"""Run the project's custom actions inside the Rasa process.

Rasa 3.6 talks to custom actions over HTTP. For a chat window on a municipality's site, the
terminal chat and batch triage, a second server is only latency and one more thing to start, so
this endpoint hands Rasa's action call straight to rasa_sdk's executor. The JSON that goes in
and out is exactly what the HTTP action server would exchange, so the actions cannot tell the
difference and `rasa run actions` remains a valid deployment.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Optional

from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

ACTIONS_PACKAGE = "actions"


class InProcessActionEndpoint(EndpointConfig):
    """An action endpoint whose requests are answered by an in-process ActionExecutor."""

    def __init__(self, package: str = ACTIONS_PACKAGE) -> None:
        super().__init__(url=f"inprocess://{package}")
        self.package = package
        self._executor: Optional[ActionExecutor] = None

    @property
    def executor(self) -> ActionExecutor:
        if self._executor is None:
            executor = ActionExecutor()
            executor.register_package(self.package)
            self._executor = executor
        return self._executor

    async def request(
        self,
        method: str = "post",
        subpath: Optional[str] = None,
        content_type: Optional[str] = "application/json",
        compress: bool = False,
        **kwargs: Any,
    ) -> Optional[Any]:
        # The executor may keep references into the call; give it its own copy, as HTTP would.
        action_call = copy.deepcopy(kwargs.get("json") or {})
        try:
            return await self.executor.run(action_call)
        except ActionExecutionRejection as error:
            # The same status and body the HTTP action server answers with, so Rasa handles
            # a rejection (e.g. a form validation) exactly as it would over HTTP.
            raise ClientResponseError(400, "Bad Request", _error_body(error)) from error
        except ActionNotFoundException as error:
            raise ClientResponseError(404, "Not Found", _error_body(error)) from error

    def copy(self) -> InProcessActionEndpoint:
        return InProcessActionEndpoint(self.package)


def _error_body(error: ActionExecutionRejection | ActionNotFoundException) -> str:
    return json.dumps({"error": error.message, "action_name": error.action_name})
