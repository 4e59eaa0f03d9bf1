"""One conversation served by two processes: it continues exactly as it would in one.

The processes share the PostgreSQL tracker store and the Redis lock (see conftest.py). What is
compared is what the store holds: the responses each turn uttered (by response name; texts
may vary at random between variations) and the slots, turn by turn.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any, Dict, List, Tuple

import pytest

from tests.reliability.conftest import Cluster, stored_slots, user_texts

pytestmark = [pytest.mark.reliability, pytest.mark.slow, pytest.mark.postgres]

CONVERSATION = [
    "tarvitsen apua suomi.fi-viestien kanssa",
    '/inform{"need_level": "demanding_support"}',
    "asun Hailuodossa",
    "kerro lisää",
]


def _sender() -> str:
    return f"reliability-{uuid.uuid4().hex}"


def turns(events: List[Dict[str, Any]], sender: str) -> List[Tuple[str, List[str], Dict]]:
    """Per user message: the responses uttered after it and the slots once it was answered."""
    found: List[Tuple[str, List[str], Dict]] = []
    for index, event in enumerate(events):
        if event["event"] != "user":
            continue
        later = events[index + 1 :]
        end = next((i for i, e in enumerate(later) if e["event"] == "user"), len(later))
        said = [
            e.get("metadata", {}).get("utter_action") for e in later[:end] if e["event"] == "bot"
        ]
        slots = stored_slots(events[: index + 1 + end], sender)
        found.append((event.get("text"), said, slots))
    return found


def _assert_each_event_once(events: List[Dict[str, Any]]) -> None:
    fingerprints = [(e["event"], e.get("timestamp"), e.get("name"), e.get("text")) for e in events]
    assert len(fingerprints) == len(set(fingerprints)), "an event was stored twice"


def test_alternating_processes_continue_the_conversation_as_one_process_would(cluster: Cluster):
    alternating, single = _sender(), _sender()
    for number, text in enumerate(CONVERSATION):
        process = cluster.a if number % 2 == 0 else cluster.b
        assert process.say(alternating, text), f"no answer to {text!r} from {process.name}"
        assert cluster.a.say(single, text)

    shared, alone = cluster.events(alternating), cluster.events(single)
    assert user_texts(shared) == CONVERSATION
    _assert_each_event_once(shared)
    assert [e["event"] for e in shared] == [e["event"] for e in alone]
    assert turns(shared, alternating) == turns(alone, single)
    final = cluster.slots(alternating)
    assert (final["topic"], final["need_level"], final["municipality"]) == (
        "suomifi_messages",
        "demanding_support",
        "Hailuoto",
    )


def test_two_messages_at_once_are_answered_one_after_the_other(cluster: Cluster):
    sender = _sender()
    cluster.a.say(sender, CONVERSATION[0])
    replies: Dict[str, List[str]] = {}

    def send(process_name: str, text: str) -> None:
        process = getattr(cluster, process_name)
        replies[process_name] = process.say(sender, text)

    both = [
        threading.Thread(target=send, args=("a", CONVERSATION[1])),
        threading.Thread(target=send, args=("b", "asun Hailuodossa")),
    ]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join()

    assert replies["a"] and replies["b"]
    events = cluster.events(sender)
    _assert_each_event_once(events)
    assert sorted(user_texts(events)[1:]) == sorted([CONVERSATION[1], "asun Hailuodossa"])
    # Turns did not interleave: every message is answered and listened after before the next.
    kinds = [(e["event"], e.get("name")) for e in events]
    bounds = [i for i, (kind, _name) in enumerate(kinds) if kind == "user"] + [len(kinds)]
    for number in range(len(bounds) - 1):
        turn = kinds[bounds[number] + 1 : bounds[number + 1]]
        assert ("bot", None) in turn, "a message without an answer"
        assert turn[-1] == ("action", "action_listen"), "a turn cut into by another"
