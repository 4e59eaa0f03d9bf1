"""Trackers built the way Rasa sends them to the action server."""

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker


def make_tracker(
    text: str = "",
    intent: Optional[str] = "ask_help",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    events_after_user: Optional[List[Dict[str, Any]]] = None,
    sender_id: str = "test-user",
    events_before: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    """A tracker whose latest user message is `text`, followed by `events_after_user`."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "entities": entities or [],
    }
    events = [
        *(events_before or []),
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": latest},
        *(events_after_user or []),
    ]
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


def entity(kind: str, value: str) -> Dict[str, Any]:
    return {"entity": kind, "value": value, "start": 0, "end": 1}


def slot_event(name: str, value: Any) -> Dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}
