"""Turns that survive a crash: the message is stored first, a cut-short turn is owned up to.

What Rasa 3.6 stores when (``MessageProcessor.handle_message``): it reads the conversation,
adds the person's message, runs the whole turn (slot extraction, every action, every reply) and
saves once, at the very end. A process killed mid-turn therefore leaves no trace of the message
in the store, and the person, whose request simply died, is never told.

:class:`DurableTurnProcessor` changes the order of saving, nothing else:

1. The person's message is saved (redacted, by the store) *before* anything is predicted. Rasa's
   SQL store appends only the events it has not stored yet, so the end-of-turn save adds the
   rest and no event is stored twice.
2. A stored conversation whose last event is the person's message is therefore a turn that
   never finished (a finished turn always ends with the bot's actions after it). On the
   person's next message that turn is reverted with Rasa's ``UserUtteranceReverted`` followed
   by ``action_listen`` (the text stays in the store; the dialogue state goes back to before
   it) and the person is asked to send it again (``utter_resend_message``) - unless the new
   message *is* that message again, which is what a person whose request failed usually sends.
3. A turn that fails while running (a store that stays unreachable after its retries, an action
   that raises) is given up the same way at once: the replies collected for it are withdrawn,
   the person is asked to resend, the revert is stored if the store lets us, and the error is
   logged (naming the setting to check when a store was unreachable). The failure is not
   raised on: the person has been told, and a channel would only tell them a second time.

Nothing is guessed and nothing is completed behind the person's back: after a restart nobody is
listening for the lost reply (the HTTP request died with the process), so the next message is
where the person can be told.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUtteranceReverted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.domain_files import default_text
from bot.runtime.retry import DependencyUnavailable

logger = logging.getLogger(__name__)

RESEND_RESPONSE = "utter_resend_message"


def unfinished_message(tracker: DialogueStateTracker) -> Optional[UserUttered]:
    """The person's message that a cut-short turn left unanswered, if the tracker ends in one."""
    events = tracker.events
    last = events[-1] if events else None
    return last if isinstance(last, UserUttered) else None


class DurableTurnProcessor(MessageProcessor):
    """Rasa's message processor that stores the person's message before processing it."""

    def __init__(self, loaded: MessageProcessor, tracker_store: TrackerStore) -> None:
        """Take over a loaded processor's model (loading it again takes seconds).

        ``tracker_store`` replaces the loaded one: Rasa's agent hands its processor the store
        wrapped in ``FailSafeTrackerStore``, which would hide every storage error.
        """
        self._loaded = loaded
        super().__init__(
            model_path=loaded.model_path,
            tracker_store=tracker_store,
            lock_store=loaded.lock_store,
            generator=loaded.nlg,
            action_endpoint=loaded.action_endpoint,
            max_number_of_predictions=loaded.max_number_of_predictions,
            on_circuit_break=loaded.on_circuit_break,
            http_interpreter=loaded.http_interpreter,
        )
        del self._loaded  # it holds Rasa's wrapped store (and its connections): let both go

    def _load_model(self, model_path: Any) -> Any:  # type: ignore[override]
        loaded = self._loaded
        return loaded.model_filename, loaded.model_metadata, loaded.graph_runner

    async def handle_message(self, message: UserMessage) -> Optional[List[Dict[str, Any]]]:
        """Rasa's ``handle_message`` with the extra save and the unfinished-turn check."""
        already_sent = _collected_count(message.output_channel)
        logged: Optional[DialogueStateTracker] = None  # the tracker, once it holds the message
        try:
            tracker = await self.fetch_tracker_and_update_session(
                message.sender_id, message.output_channel, message.metadata
            )
            await self._settle_unfinished_turn(tracker, message)
            await self._handle_message_with_tracker(message, tracker)
            logged = tracker
            await self.save_tracker(tracker)  # the message is kept whatever happens next
            tracker = await self.run_action_extract_slots(message.output_channel, tracker)
            await self._run_prediction_loop(message.output_channel, tracker)
            await self.run_anonymization_pipeline(tracker)
            await self.save_tracker(tracker)
        except DependencyUnavailable as error:  # retried already; the setting is named
            logger.error("Turn not processed, the person is asked to resend: %s", error)
            await self._give_up_turn(logged, message, already_sent)
        except Exception:
            logger.exception("Turn not processed, the person is asked to resend")
            await self._give_up_turn(logged, message, already_sent)
        if isinstance(message.output_channel, CollectingOutputChannel):
            return message.output_channel.messages
        return None

    async def _settle_unfinished_turn(
        self, tracker: DialogueStateTracker, message: UserMessage
    ) -> None:
        """Revert a turn a crash cut short; ask for the message again unless this is it."""
        lost = unfinished_message(tracker)
        if lost is None:
            return
        notice = await self._ask_to_resend(message) if lost.text != message.text else None
        self._revert_last_message(tracker, notice)

    async def _give_up_turn(
        self, tracker: Optional[DialogueStateTracker], message: UserMessage, already_sent: int
    ) -> None:
        """Withdraw this turn's collected replies, ask to resend, store the revert if we can."""
        _withdraw_replies(message.output_channel, keep=already_sent)
        notice = await self._ask_to_resend(message)
        if tracker is None:
            return
        self._revert_last_message(tracker, notice)
        try:
            await self.save_tracker(tracker)
        except Exception as error:  # the store is the likely culprit; the next turn will tell
            logger.warning("The given-up turn could not be stored: %s", error)

    def _revert_last_message(
        self, tracker: DialogueStateTracker, notice: Optional[BotUttered]
    ) -> None:
        """Undo the last message's turn, say ``notice`` if any, and listen again.

        Rasa's revert also undoes the ``action_listen`` before the message, as its own
        fallback does before predicting ``action_listen`` anew; we add that listen directly.
        """
        tracker.update(UserUtteranceReverted(), self.domain)
        if notice is not None:
            tracker.update(notice, self.domain)
        tracker.update(ActionExecuted(ACTION_LISTEN_NAME), self.domain)

    async def _ask_to_resend(self, message: UserMessage) -> BotUttered:
        """Send ``utter_resend_message``; the event is returned for the caller's tracker."""
        notice = BotUttered(
            default_text(RESEND_RESPONSE), metadata={"utter_action": RESEND_RESPONSE}
        )
        if message.output_channel is not None:
            await message.output_channel.send_response(message.sender_id, notice.message())
        return notice


def _collected_count(output_channel: Optional[OutputChannel]) -> int:
    """How many messages the channel had collected before this turn (e.g. the guard's warning)."""
    if isinstance(output_channel, CollectingOutputChannel):
        return len(output_channel.messages)
    return 0


def _withdraw_replies(output_channel: Optional[OutputChannel], keep: int) -> None:
    """Drop replies collected during a turn that is given up: they describe a state not kept."""
    if isinstance(output_channel, CollectingOutputChannel):
        del output_channel.messages[keep:]
