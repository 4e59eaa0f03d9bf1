"""Helpers every action module shares."""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker
from rasa_sdk.types import DomainDict

from bot.domain_files import language_text
from bot.language.detect import FINNISH, normalise

# Slots more than one action reads or writes (declared in domain/dialogue.yml).
SAID_ONCE = "said_once"
# Slots that say where the person is.
LOCATION_SLOTS = ("municipality", "postal_code", "latitude", "longitude")
NON_DIGITAL_SHOWN = "non_digital_shown"


def conversation_language(tracker: Tracker) -> str:
    """The conversation's language (slot `language`), Finnish until something else is said."""
    return normalise(tracker.get_slot("language")) or FINNISH


def response_text(domain: DomainDict, name: str, language: str = FINNISH, **values: Any) -> str:
    """The plain text of a domain response in `language`, with `values` filled in.

    Actions compose some sentences from smaller domain texts (labels in a summary), and all of
    them must stay in the domain files where reviewers of each language find them.
    """
    text = language_text(domain.get("responses", {}).get(name) or [], language)
    if text is None:
        raise KeyError(f"The domain has no plain {language} text response named {name!r}")
    return str(text).format(**values)


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def slots_set_since_last_user_message(tracker: Tracker) -> Dict[str, Any]:
    """The slots set after the person's latest message, each with its newest value."""
    changes: Dict[str, Any] = {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") not in changes:
            changes[event["name"]] = event.get("value")
    return changes
