"""Batch triage: each message alone in a new conversation, through the live assistant's path.

Advisors' tooling and the evaluation both need to know what the assistant would have
understood from one message. Running the real agent (same model, same custom actions, same
personal-data guard) rather than the NLU alone keeps that answer honest: the slots are what the
conversation would hold.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, AsyncIterator, Dict, Iterable, Optional

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.guard.redactor import PersonalDataGuard
from bot.triage.labels import ASKER, MUNICIPALITY, NEED_LEVEL, TOPIC

OUTPUT_SLOTS = (TOPIC, NEED_LEVEL, ASKER, MUNICIPALITY)


def message_text(line: str) -> Optional[str]:
    """The message on one input line: plain text, or a JSON object with a "text" field."""
    stripped = line.strip()
    if not stripped:
        return None
    if stripped.startswith("{"):
        try:
            record = json.loads(stripped)
        except json.JSONDecodeError:
            return stripped
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            return record["text"]
    return stripped


async def triage_message(agent: Agent, guard: PersonalDataGuard, text: str) -> Dict[str, Any]:
    sender_id = f"batch-{uuid.uuid4().hex}"
    screened = guard.screen(sender_id, text)
    await agent.handle_message(UserMessage(screened.text, CollectingOutputChannel(), sender_id))
    tracker = await agent.tracker_store.retrieve(sender_id)
    result: Dict[str, Any] = {"text": screened.text}
    result.update({slot: tracker.get_slot(slot) for slot in OUTPUT_SLOTS})
    return result


async def triage_lines(
    agent: Agent, lines: Iterable[str], guard: Optional[PersonalDataGuard] = None
) -> AsyncIterator[Dict[str, Any]]:
    guard = guard or PersonalDataGuard()
    for line in lines:
        text = message_text(line)
        if text is not None:
            yield await triage_message(agent, guard, text)
