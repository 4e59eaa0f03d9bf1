"""Drive the real assistant through scripted conversations and report every mismatch.

Rasa's own `rasa test` replays the gold events of a story and never executes custom actions or
their follow-ups, so it cannot test a dialogue whose decisions live in actions. This runner
sends each user turn through the loaded agent (model, rules, in-process actions, guard) and
checks the intent, the responses uttered (by response name) and the slots after the turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

import yaml
from rasa.core.agent import Agent

from bot.evaluation.dialogue import Dialogue, TurnRecord


@dataclass
class Turn:
    user: str
    # one intent, or several when the words cannot tell them apart and the dialogue treats
    # them alike (a situation stated in a first message reads like an answer: ask_help/inform)
    intent: Union[str, List[str], None] = None
    bot: Optional[List[str]] = None  # exactly these responses, in this order
    bot_includes: List[str] = field(default_factory=list)  # at least these, in any order
    bot_excludes: List[str] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)
    text_includes: List[str] = field(default_factory=list)  # substrings of what the bot said
    stored_includes: List[str] = field(default_factory=list)  # in the user text as stored
    stored_excludes: List[str] = field(default_factory=list)  # never in the stored user text


@dataclass
class Conversation:
    name: str
    turns: List[Turn]


def load_conversations(directory: Path) -> List[Conversation]:
    conversations = []
    for path in sorted(directory.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            turns = [Turn(**turn) for turn in item["turns"]]
            conversations.append(Conversation(f"{path.stem}: {item['name']}", turns))
    return conversations


async def run_conversation(agent: Agent, conversation: Conversation, sender_id: str) -> List[str]:
    """Every way the assistant departed from the script (empty when it followed it)."""
    dialogue = Dialogue(agent, sender_id)
    problems: List[str] = []
    for number, turn in enumerate(conversation.turns, start=1):
        record = await dialogue.say(turn.user)
        problems += [f"turn {number} ({turn.user!r}): {p}" for p in _check(turn, record)]
    return problems


def _check(turn: Turn, record: TurnRecord) -> List[str]:
    problems = []
    intent = record.intent
    expected = [turn.intent] if isinstance(turn.intent, str) else turn.intent or []
    if expected and intent not in expected:
        problems.append(f"intent {intent!r}, expected {' or '.join(expected)}")
    names = record.responses
    said = " ".join(message.text for message in record.said)
    if turn.bot is not None and names != turn.bot:
        problems.append(f"bot said {names}, expected {turn.bot}")
    missing = [name for name in turn.bot_includes if name not in names]
    if missing:
        problems.append(f"bot said {names}, missing {missing}")
    unwanted = [name for name in turn.bot_excludes if name in names]
    if unwanted:
        problems.append(f"bot said {names}, must not say {unwanted}")
    for fragment in turn.stored_includes:
        if fragment not in record.stored:
            problems.append(f"stored user text lacks {fragment!r}: {record.stored!r}")
    for fragment in turn.stored_excludes:
        if fragment in record.stored:
            problems.append(f"stored user text holds {fragment!r}")
    for fragment in turn.text_includes:
        if fragment not in said:
            problems.append(f"bot text lacks {fragment!r}: {said!r}")
    for slot, expected_value in turn.slots.items():
        actual = record.slots.get(slot)
        if actual != expected_value:
            problems.append(f"slot {slot}={actual!r}, expected {expected_value!r}")
    return problems
