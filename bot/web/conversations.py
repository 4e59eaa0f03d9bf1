"""What the web chat decides from a stored conversation: ended, expired, or a message seen before.

The page is used on shared computers (a library's desk, a service point), so a conversation
must end when the person says so ("Aloita alusta") or walks away, and a message sent again
after a lost answer must not be processed twice. WHY everything is read from Rasa's tracker
store and nothing is kept in the process: every process behind one address shares that store
(and the conversation lock), so two processes, or one restarted, decide alike.

- **Ending** (``POST /webhooks/webchat/restart``): Rasa's own ``restart`` event is appended to
  the old conversation under its lock (as Rasa's HTTP API appends events), carrying
  :data:`ENDED_BY_PERSON` in its metadata. A conversation that holds such an event is ended:
  every later message with its id is refused (403 ``conversation_ended``), on any process.
  The page gets a new signed id in the same answer. A "/restart" typed by a person is Rasa's
  ordinary restart and does not end anything.
- **Idle expiry** (``DIGITUKI_CHAT_IDLE_MINUTES``): the last activity is the newest stored
  event's time, or the id's issue time (signed into the id, bot.web.session_ids) for a
  conversation that has none yet. Older than the idle time, the id is refused (403
  ``conversation_expired``); time only moves on, so nothing needs to be written for it.
- **Retries**: the page names each message (``message_id``, stored by Rasa with the message).
  When a message with a stored id comes again, the channel first waits for the conversation's
  lock (the first attempt may still be running on another process), then replays the replies
  stored after it instead of running the turn again. A turn that was undone (Rasa's ``rewind``
  after it: given up or cut short by a crash, bot.runtime.turns) or never finished is
  processed anew, which is what the person's resend asks for.

- **The conversation's language**: the channel's own replies (the personal-data warning, "too
  long", "send it again") are said in the message's language, else the conversation's `language`
  slot, else the page's (bot.guard.reply_language). The slot comes with the read every message
  makes anyway (:attr:`StoredConversation.language`), so it costs nothing more.

- **The text as stored**: the page shows the person's message as the assistant keeps it. The
  guarded channel passes Rasa the redacted text; the conversation store screens it once more
  with what the previous message left open (bot.guard.tracker_store). :func:`text_as_stored`
  runs the store's own function on those two messages instead of reading the conversation back.

Costs: one read of the conversation per message (about 10-20 ms for a 25-turn conversation on
SQLite, mostly Rasa turning rows into events), and a lock wait only for a retry.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.lock_store import LockStore
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.events import (
    BotUttered,
    Event,
    Restarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.domain_files import LANGUAGE_SLOT
from bot.guard.tracker_store import redact_event_dicts
from bot.web.incoming import RejectedRequest
from bot.web.session_ids import SessionIdSigner

#: Metadata of the ``restart`` event that ends a conversation for good.
ENDED_BY_PERSON = {"digituki_conversation": "ended"}
#: Seconds between looks at a busy conversation's lock while a retry waits for its first try.
LOCK_POLL_SECONDS = 0.2


class MessageState(Enum):
    """What became of a message id in the stored conversation."""

    NOT_STORED = "not_stored"  # never arrived, or its turn was undone: process it
    UNFINISHED = "unfinished"  # stored, no reply yet: running now, or its process died
    ANSWERED = "answered"  # stored with the replies that followed it


@dataclass(frozen=True)
class StoredConversation:
    """The events stored for one conversation (none for an id not used yet)."""

    events: Sequence[Event]
    #: The conversation's `language` slot as Rasa restores it (None: unset, or not in the domain).
    language: Optional[str] = None

    @classmethod
    def of(cls, tracker: Optional[DialogueStateTracker]) -> StoredConversation:
        """The stored conversation of a retrieved tracker (None: nothing stored yet)."""
        if tracker is None:
            return cls(())
        slot = tracker.slots.get(LANGUAGE_SLOT)
        language = slot.value if slot is not None else None
        return cls(tuple(tracker.events), language if isinstance(language, str) else None)

    @property
    def ended(self) -> bool:
        return any(
            isinstance(event, Restarted) and event.metadata == ENDED_BY_PERSON
            for event in self.events
        )

    @property
    def last_event_time(self) -> Optional[float]:
        return max((event.timestamp for event in self.events), default=None)

    @property
    def last_user_text(self) -> Optional[str]:
        texts = (e.text for e in reversed(self.events) if isinstance(e, UserUttered))
        return next(texts, None)

    def message(self, message_id: str) -> Optional[UserUttered]:
        """The latest stored message with this id (a retry processed anew stores it again)."""
        position = self._position(message_id)
        return None if position is None else self.events[position]  # type: ignore[return-value]

    def state_of(self, message_id: str) -> MessageState:
        position = self._position(message_id)
        if position is None:
            return MessageState.NOT_STORED
        turn = self._turn_after(position)
        if any(isinstance(event, UserUtteranceReverted) for event in turn):
            return MessageState.NOT_STORED
        return MessageState.ANSWERED if turn else MessageState.UNFINISHED

    def replies_to(self, message_id: str) -> List[BotUttered]:
        position = self._position(message_id)
        if position is None:
            return []
        return [event for event in self._turn_after(position) if isinstance(event, BotUttered)]

    def _position(self, message_id: str) -> Optional[int]:
        for index in range(len(self.events) - 1, -1, -1):
            event = self.events[index]
            if isinstance(event, UserUttered) and event.message_id == message_id:
                return index
        return None

    def _turn_after(self, position: int) -> List[Event]:
        turn: List[Event] = []
        for event in list(self.events)[position + 1 :]:
            if isinstance(event, UserUttered):
                break
            turn.append(event)
        return turn


def text_as_stored(passed_on: str, previous: Optional[str]) -> str:
    """The text the conversation store keeps of a message the guard passed on to Rasa."""
    events = [{"event": "user", "text": text} for text in (previous, passed_on) if text is not None]
    return str(redact_event_dicts(events)[-1]["text"])


async def replayed_messages(sender_id: str, replies: Sequence[BotUttered]) -> List[Dict[str, Any]]:
    """Stored replies in the very shape a live turn's collector gives them to the channel."""
    collector = CollectingOutputChannel()
    for reply in replies:
        data = {key: value for key, value in (reply.data or {}).items() if value is not None}
        await collector.send_response(sender_id, {"text": reply.text, **data})
    return collector.messages


class Conversations:
    """The web chat's access to the shared conversation and lock stores."""

    def __init__(
        self,
        tracker_store: TrackerStore,
        lock_store: LockStore,
        signer: SessionIdSigner,
        idle_minutes: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._trackers = tracker_store
        self._locks = lock_store
        self._signer = signer
        self._idle_seconds = idle_minutes * 60
        self._clock = clock

    async def load(self, sender_id: str) -> StoredConversation:
        return StoredConversation.of(await self._trackers.retrieve(sender_id))

    async def load_with_slots(self, sender_id: str) -> Tuple[StoredConversation, Dict[str, Any]]:
        """The events and the slot values Rasa restores from them (the advisor view's note)."""
        tracker = await self._trackers.retrieve(sender_id)
        slots = tracker.current_slot_values() if tracker is not None else {}
        return StoredConversation.of(tracker), slots

    async def set_slot_between_turns(self, sender_id: str, name: str, value: Any) -> bool:
        """Append ``SlotSet`` to a started conversation after any running turn, as Rasa's HTTP
        API appends events; False (nothing written) before the first turn or if already set."""
        async with self._locks.lock(sender_id, wait_time_in_seconds=LOCK_POLL_SECONDS):
            tracker = await self._trackers.retrieve(sender_id)
            if tracker is None or not tracker.events or tracker.get_slot(name) == value:
                return False
            tracker.update(SlotSet(name, value))
            await self._trackers.save(tracker)
            return True

    async def load_after_current_turn(self, sender_id: str) -> StoredConversation:
        """The conversation once the turn running on it (on any process) has finished."""
        async with self._locks.lock(sender_id, wait_time_in_seconds=LOCK_POLL_SECONDS):
            pass
        return await self.load(sender_id)

    def refusal(self, sender_id: str, stored: StoredConversation) -> Optional[RejectedRequest]:
        """Why a message may no longer be taken for this (signed) id, or None."""
        if stored.ended:
            return RejectedRequest(
                403, "conversation_ended", "This conversation was ended; ask for a new id."
            )
        issued = self._signer.issued_at(sender_id) or 0.0
        last_activity = max(issued, stored.last_event_time or 0.0)
        if self._clock() - last_activity > self._idle_seconds:
            return RejectedRequest(
                403,
                "conversation_expired",
                "This conversation expired after inactivity; ask for a new id.",
            )
        return None

    async def end(self, sender_id: str) -> None:
        """Append the ending ``restart`` event, after any turn running on the conversation."""
        async with self._locks.lock(sender_id, wait_time_in_seconds=LOCK_POLL_SECONDS):
            tracker = await self._trackers.retrieve(sender_id)
            if tracker is None:
                tracker = self._trackers.init_tracker(sender_id)
            tracker.update(Restarted(metadata=dict(ENDED_BY_PERSON)))
            await self._trackers.save(tracker)
