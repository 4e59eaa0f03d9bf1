"""Helpers every action module shares."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.types import DomainDict


def response_text(domain: DomainDict, name: str, **values: Any) -> str:
    """The unconditional text of a domain response, with `values` filled in.

    Actions compose some sentences from smaller domain texts (labels in a summary), and all of
    them must stay in the domain files where reviewers of the Finnish find them.
    """
    variants: List[Dict[str, Any]] = domain.get("responses", {}).get(name) or []
    for variant in variants:
        if not variant.get("condition") and "text" in variant:
            return str(variant["text"]).format(**values)
    raise KeyError(f"The domain has no unconditional text response named {name!r}")


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def slots_set_since_last_user_message(tracker: Tracker) -> Dict[str, Any]:
    """Slot events that happened after the person's latest message, oldest first."""
    changes: Dict[str, Any] = {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") not in changes:
            changes[event["name"]] = event.get("value")
    return changes
