"""RedactingSQLTrackerStore: no personal data in the conversation database, whatever the channel.

The guarded channels already redact user text before Rasa sees it. This store is the second
line of defence for any path that is not wrapped (a new channel, the HTTP API's
``/conversations/<id>/messages``, a test script): before a tracker is saved or streamed to the
event broker, every user event's text, parse data, entities and metadata, and every slot value,
are screened. Texts the bot wrote are screened only for structured values (identity codes,
cards, IBANs), because the bot's own sentences mention "tunnusluku" and "salasana" freely.

The two-message cases ("mikä PIN pitäisi olla?" then "1234"; "mun hetu on 131052" then
"-308T") are handled without any memory: a user event is screened with what the previous user
event in the same tracker left open (bot.guard.split_turns.carry_over of its text).

Storage never degrades silently. Rasa's factory replaces a store whose constructor raises an
ImportError or AttributeError with an in-memory one, and Rasa's SQL store waits for ever for a
database that does not answer; this store checks the database a few times within seconds and
then raises :class:`TrackerStoreUnavailable`, which neither of them swallows. Reads and writes
retry connection errors a few times (a database restart) and then raise the same error.

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

import json
from typing import (
    Any,
    Awaitable,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    Tuple,
    TypeVar,
)

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, validate_port
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.guard.memory import NOTHING, CarryOver
from bot.guard.redactor import (
    apply_redaction,
    carry_over_of,
    find_personal_data,
    found_values,
    redact_structure,
)
from bot.runtime.probes import wait_until_reachable
from bot.runtime.retry import DependencyUnavailable, retry_async

T = TypeVar("T")

USER_EVENT = "user"
SLOT_EVENT = "slot"
BOT_EVENT = "bot"


def _redact_user_event(
    event: Dict[str, Any], carry: CarryOver
) -> Tuple[Dict[str, Any], List[Tuple[str, str]]]:
    """A user event with every value found in its text removed from ALL of its fields, and the
    values found (for the events that follow it, see :func:`redact_event_dicts`)."""
    text = event.get("text")
    if not isinstance(text, str) or not text:
        return redact_structure(event, cues=True), []
    findings = find_personal_data(text, cues=True, carry=carry)
    known = found_values(text, findings)
    copy = redact_structure(event, cues=True, known=known)
    if findings:
        # The text itself by position (replacing substrings could leave overlaps behind).
        copy["text"] = apply_redaction(text, findings)
        if isinstance(copy.get("parse_data"), dict):
            copy["parse_data"]["text"] = copy["text"]
    return copy, known


def redact_event_dicts(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Redacted copies of serialised events (``Event.as_dict()`` output), in order.

    The values found in a user event are also removed from the events after it, up to the next
    user event: a slot filled from it or a reply echoing it ("1234" is no secret alone). They
    are held only while this function runs.
    """
    redacted: List[Dict[str, Any]] = []
    carry = NOTHING
    known: List[Tuple[str, str]] = []
    for event in events:
        kind = event.get("event")
        if kind == USER_EVENT:
            copy, known = _redact_user_event(event, carry)
            redacted.append(copy)
            text = event.get("text")
            carry = carry_over_of(text if isinstance(text, str) else None)
        elif kind == SLOT_EVENT:
            value = redact_structure(event.get("value"), cues=True, known=known)
            redacted.append({**event, "value": value})
        else:
            redacted.append(redact_structure(event, cues=False, known=known))
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


WHAT = "the conversation store"
SETTING = "TRACKER_DATABASE_URL"


class TrackerStoreUnavailable(DependencyUnavailable):
    """The conversation database could not be used; nothing falls back to memory."""


class RedactingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store that never writes (or streams) personal data, nor loses a turn."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        dialect: str = "sqlite",
        host: Optional[str] = None,
        port: Optional[int] = None,
        db: str = "rasa.db",
        username: Optional[str] = None,
        password: Optional[str] = None,
        event_broker: Optional[EventBroker] = None,
        login_db: Optional[str] = None,
        query: Optional[Dict] = None,
        **kwargs: Any,
    ) -> None:
        try:
            url = self.get_db_url(
                dialect, host, validate_port(port), db, username, password, login_db, query
            )
            wait_until_reachable(url, what=WHAT, setting=SETTING, raise_as=TrackerStoreUnavailable)
            super().__init__(
                domain,
                dialect,
                host,
                port,
                db,
                username,
                password,
                event_broker,
                login_db,
                query,
                **kwargs,
            )
        except (AttributeError, ImportError) as error:
            # Rasa's factory would swallow exactly these and keep conversations in memory.
            raise TrackerStoreUnavailable(WHAT, SETTING, error) from error

    def ping(self) -> None:
        """Raise unless the events table can be read (start-up and readiness checks)."""
        with self.engine.connect() as connection:
            connection.execute(sa.select(self.SQLEvent.id).limit(1)).all()

    async def save(self, tracker: DialogueStateTracker) -> None:
        redacted = redacted_tracker(tracker, list(self.domain.slots))
        save = super().save
        await self._retrying(lambda: save(redacted))

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        retrieve = super().retrieve
        return await self._retrying(lambda: retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: str) -> Optional[DialogueStateTracker]:
        retrieve_full = super().retrieve_full_tracker
        return await self._retrying(lambda: retrieve_full(conversation_id))

    async def keys(self) -> Iterable[str]:
        return await self._retrying(super().keys)

    async def _retrying(self, operation: Callable[[], Awaitable[T]]) -> T:
        return await retry_async(
            operation, what=WHAT, setting=SETTING, raise_as=TrackerStoreUnavailable
        )

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events after the last event stored for this conversation.

        Rasa skips as many events as the store holds for the latest session. That is right
        only when the tracker holds exactly those, i.e. with one save per turn. We save twice
        per turn (bot.runtime.turns): after the first save of a turn that opened a new
        session, the store's latest session is the new one while the tracker still holds the
        old one, and counting would store old events again. Finding the last stored event
        in the tracker is right either way.
        """
        last = (
            session.query(self.SQLEvent.data)
            .filter(self.SQLEvent.sender_id == tracker.sender_id)
            .order_by(self.SQLEvent.id.desc())
            .first()
        )
        if last is None:
            return iter(tracker.events)
        stored = json.loads(last.data)
        events = list(tracker.events)
        for index in range(len(events) - 1, -1, -1):
            if json.loads(json.dumps(events[index].as_dict())) == stored:
                return iter(events[index + 1 :])
        return super()._additional_events(session, tracker)
