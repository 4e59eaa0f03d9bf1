"""Checking in-process action results against Rasa's schema without re-checking the schema.

Rasa's ``RemoteAction`` validates every custom action's result with ``jsonschema.validate``,
which first validates Rasa's constant event schema against the JSON Schema meta-schema and only
then the result: about 35 ms of meta-schema work, on this 2-core machine, for 1 ms of real
checking, two to four times a turn. That was most of a turn's time.

For actions run by an in-process endpoint, the schema is checked once, its validator is kept,
and every result is validated with it. Only the valid path is shortened: a result the cached
validator refuses goes through Rasa's own method, which raises exactly the ``ValidationError``
(and message) it always did. Results from any other endpoint (an HTTP action server) take
Rasa's path untouched. Rasa's installed files are not modified; the method is wrapped at run
time, once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Dict, Tuple, Type

from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

_MARKER = "_digituki_cached_result_validation"


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """A validator of Rasa's action-result schema, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def is_valid_action_result(result: Any) -> bool:
    return bool(action_result_validator().is_valid(result))


def validate_in_process_results(endpoint_class: Type[EndpointConfig]) -> None:
    """Make RemoteAction check the results of `endpoint_class` endpoints with the cached
    validator. Idempotent; endpoint classes add up."""
    current = RemoteAction._validate_action_result
    fast_endpoints: Tuple[type, ...] = getattr(current, _MARKER, ())
    if endpoint_class in fast_endpoints:
        return
    rasa_validate: Callable[[RemoteAction, Dict[str, Any]], bool] = getattr(
        current, "__wrapped__", current
    )
    fast_endpoints = (*fast_endpoints, endpoint_class)

    def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
        if isinstance(self.action_endpoint, fast_endpoints) and is_valid_action_result(result):
            return True
        return rasa_validate(self, result)  # Rasa's check, and its error for a bad result

    validate_action_result.__wrapped__ = rasa_validate  # type: ignore[attr-defined]
    setattr(validate_action_result, _MARKER, fast_endpoints)
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
