"""RedactingSQLTrackerStore: no personal data in the conversation database, whatever the channel.

The guarded channels already redact user text before Rasa sees it. This store is the second
line of defence for any path that is not wrapped (a new channel, the HTTP API's
``/conversations/<id>/messages``, a test script): before a tracker is saved or streamed to the
event broker, every user event's text, parse data, entities and metadata, and every slot value,
are screened. Texts the bot wrote are screened only for structured values (identity codes,
cards, IBANs), because the bot's own sentences mention "tunnusluku" and "salasana" freely.

The two-message case ("mikä PIN pitäisi olla?" then "1234") is handled without any memory: a
user event is screened as a bare secret when the previous user event in the same tracker talked
about codes.

endpoints.yml::

    tracker_store:
      type: bot.guard.tracker_store.RedactingSQLTrackerStore
      dialect: "postgresql"      # or sqlite
      url: "127.0.0.1"
      port: 5432
      db: "rasa"
      username: "rasa"
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.guard.redactor import apply_redaction, find_personal_data, found_values, redact_structure
from bot.guard.secrets import mentions_secret

USER_EVENT = "user"
SLOT_EVENT = "slot"
BOT_EVENT = "bot"


def _redact_user_event(event: Dict[str, Any], expect_secret: bool) -> Dict[str, Any]:
    """A user event with every value found in its text removed from ALL of its fields."""
    text = event.get("text")
    known: List[Tuple[str, str]] = []
    if isinstance(text, str) and text:
        findings = find_personal_data(text, cues=True, expect_secret=expect_secret)
        known = found_values(text, findings)
    copy = redact_structure(event, cues=True, known=known)
    if isinstance(text, str) and known:
        # The text itself by position (replacing substrings could leave overlaps behind).
        findings = find_personal_data(text, cues=True, expect_secret=expect_secret)
        copy["text"] = apply_redaction(text, findings)
        if isinstance(copy.get("parse_data"), dict):
            copy["parse_data"]["text"] = copy["text"]
    return copy


def redact_event_dicts(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Redacted copies of serialised events (``Event.as_dict()`` output), in order."""
    redacted: List[Dict[str, Any]] = []
    previous_user_text: Optional[str] = None
    for event in events:
        kind = event.get("event")
        if kind == USER_EVENT:
            expect = previous_user_text is not None and mentions_secret(previous_user_text)
            redacted.append(_redact_user_event(event, expect))
            text = event.get("text")
            previous_user_text = text if isinstance(text, str) else None
        elif kind == SLOT_EVENT:
            redacted.append({**event, "value": redact_structure(event.get("value"), cues=True)})
        else:
            redacted.append(redact_structure(event, cues=False))
    return redacted


def redacted_tracker(tracker: DialogueStateTracker, slots: List[Any]) -> DialogueStateTracker:
    """``tracker`` itself if nothing needs redaction, else a redacted copy with the same events."""
    original = [event.as_dict() for event in tracker.events]
    cleaned = redact_event_dicts(original)
    if cleaned == original:
        return tracker
    return DialogueStateTracker.from_dict(
        tracker.sender_id, cleaned, slots, max_event_history=tracker._max_event_history
    )


class RedactingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store that never writes (or streams) personal data."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(redacted_tracker(tracker, list(self.domain.slots)))
