"""One user turn through the live assistant, as a record of what the person would see.

The scripted conversation tests and the conversation evaluation both need the same thing: send
a message exactly as a channel would (screened by the personal-data guard first), then read back
what the assistant understood (intent, slots) and what it said (response names and texts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered

from bot.guard.redactor import PersonalDataGuard


@dataclass
class Said:
    """One bot message: the domain response it came from (None for composed ones) and text."""

    response: Optional[str]
    text: str
    custom: Optional[Dict[str, Any]] = None


@dataclass
class TurnRecord:
    user: str
    stored: str  # the user text as the assistant keeps it (after the guard)
    intent: Optional[str]
    said: List[Said] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)
    events: List[Any] = field(default_factory=list)

    @property
    def responses(self) -> List[Optional[str]]:
        return [message.response for message in self.said]

    @property
    def text(self) -> str:
        return "\n".join(message.text for message in self.said)


class Dialogue:
    """A conversation with the agent under one sender id, turn by turn."""

    def __init__(self, agent: Agent, sender_id: str, guard: Optional[PersonalDataGuard] = None):
        self.agent = agent
        self.sender_id = sender_id
        self.guard = guard or PersonalDataGuard()
        self._seen = 0

    async def say(self, text: str) -> TurnRecord:
        screened = self.guard.screen(self.sender_id, text)
        await self.agent.handle_message(
            UserMessage(screened.text, CollectingOutputChannel(), self.sender_id)
        )
        tracker = await self.agent.tracker_store.retrieve(self.sender_id)
        events = list(tracker.events)[self._seen :]
        self._seen = len(tracker.events)
        users = [event for event in events if isinstance(event, UserUttered)]
        said = [
            Said(
                event.metadata.get("utter_action"),
                event.text or "",
                (event.data or {}).get("custom"),
            )
            for event in events
            if isinstance(event, BotUttered)
        ]
        return TurnRecord(
            user=text,
            stored=" ".join(event.text or "" for event in users),
            intent=users[-1].intent.get("name") if users else None,
            said=said,
            slots=dict(tracker.current_slot_values()),
            events=events,
        )
