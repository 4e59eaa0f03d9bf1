"""Run the project's custom actions inside the Rasa process.

Rasa 3.6 talks to custom actions over HTTP. For a chat window on a municipality's site, the
terminal chat and batch triage, a second server is only latency and one more thing to start, so
this endpoint hands Rasa's action call straight to rasa_sdk's executor. The JSON that goes in
and out is exactly what the HTTP action server would exchange, so the actions cannot tell the
difference and `rasa run actions` remains a valid deployment.

Speed (issue 10): Rasa checks each result against its action-result schema; for this endpoint
that check uses a validator built once (bot/runtime/fast_action_results.py) instead of
re-validating the schema itself on every call, and the call is copied as JSON, with the
domain's JSON made once (HttpCopier), instead of deep-copied.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from bot.runtime.fast_action_results import validate_in_process_results

ACTIONS_PACKAGE = "actions"
DOMAIN_KEY = "domain"


class InProcessActionEndpoint(EndpointConfig):
    """An action endpoint whose requests are answered by an in-process ActionExecutor."""

    def __init__(self, package: str = ACTIONS_PACKAGE) -> None:
        super().__init__(url=f"inprocess://{package}")
        self.package = package
        self._executor: Optional[ActionExecutor] = None
        self._copier = HttpCopier()
        validate_in_process_results(InProcessActionEndpoint)

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
        action_call = self._copier.as_sent_over_http(kwargs.get("json") or {})
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


class HttpCopier:
    """The action call as the action server would decode it: a copy that shares nothing with
    Rasa's tracker or domain (``Domain.as_dict()`` is Rasa's own dict, not a copy), and that
    fails, as HTTP would, on a value JSON cannot carry.

    A JSON round trip costs half a deep copy. The domain, 42 of a call's typical 53 kB, is the
    same dict until a new model is loaded (Rasa never changes a loaded Domain), so its JSON text
    is made once and only decoded per call: each action still gets a fresh domain of its own.
    """

    def __init__(self) -> None:
        self._domain: Optional[Dict[str, Any]] = None
        self._domain_json = ""

    def as_sent_over_http(self, action_call: Dict[str, Any]) -> Dict[str, Any]:
        domain = action_call.get(DOMAIN_KEY)
        if domain is None:
            return _json_copy(action_call)
        if domain is not self._domain:  # a reference is kept, so an id is never reused
            self._domain_json = json.dumps(domain)
            self._domain = domain
        copied = _json_copy({key: value for key, value in action_call.items() if key != DOMAIN_KEY})
        copied[DOMAIN_KEY] = json.loads(self._domain_json)
        return copied


def _json_copy(value: Any) -> Any:
    return json.loads(json.dumps(value))


def _error_body(error: ActionExecutionRejection | ActionNotFoundException) -> str:
    return json.dumps({"error": error.message, "action_name": error.action_name})
