"""Concurrent residents: each runs whole conversations, waiting for every reply, no think time.

A resident sends a turn, waits for the answer and sends the next one at once, so `concurrency`
is the number of conversations in flight. With several server ports, the turns of one
conversation go round the ports in turn, as a load balancer without sticky sessions would.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Sequence

import aiohttp

REST_PATH = "/webhooks/rest/webhook"


@dataclass
class LoadResult:
    """What one load run produced, per turn and per conversation."""

    latencies_s: List[float] = field(default_factory=list)  # turns that got a reply
    errors: int = 0  # transport failures and non-200 answers
    no_reply: Counter = field(default_factory=Counter)  # sender -> turns without a reply
    sent: Counter = field(default_factory=Counter)  # sender -> turns sent
    elapsed_s: float = 0.0

    @property
    def turns(self) -> int:
        return sum(self.sent.values())


@dataclass
class Budget:
    """Bounds a run by turns started and by wall time, whichever comes first."""

    max_turns: int
    deadline: float
    started: int = 0

    def take(self) -> bool:
        if self.started >= self.max_turns or time.monotonic() >= self.deadline:
            return False
        self.started += 1
        return True


async def run_load(
    base_urls: Sequence[str],
    scripts: Sequence[Sequence[str]],
    concurrency: int,
    duration_s: float,
    max_turns: int,
    timeout_s: float,
    sender_prefix: str,
) -> LoadResult:
    """Drive `concurrency` residents against the servers until the budget is spent."""
    result = LoadResult()
    budget = Budget(max_turns=max_turns, deadline=time.monotonic() + duration_s)
    conversation_numbers = itertools.count()
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def resident() -> None:
            while True:
                number = next(conversation_numbers)
                script = scripts[number % len(scripts)]
                sender = conversation_id(sender_prefix, number)
                for turn, text in enumerate(script):
                    if not budget.take():
                        return
                    url = base_urls[(number + turn) % len(base_urls)] + REST_PATH
                    await _one_turn(session, url, sender, text, result)

        await asyncio.gather(*(resident() for _ in range(concurrency)))
    result.elapsed_s = time.perf_counter() - started
    return result


def conversation_id(prefix: str, number: int) -> str:
    """A fresh conversation id under `prefix` that any channel accepts.

    Every digit run follows a letter: the channels refuse ids that look like an identity code
    or a card number, and a random "120385-1234" could.
    """
    return f"{prefix}-n{number}-t{uuid.uuid4().hex[:8]}"


async def _one_turn(
    session: aiohttp.ClientSession, url: str, sender: str, text: str, result: LoadResult
) -> None:
    result.sent[sender] += 1
    began = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            replies = await response.json(content_type=None) if response.status == 200 else None
            if response.status != 200:
                result.errors += 1
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        result.errors += 1
        replies = None
    if replies:
        result.latencies_s.append(time.perf_counter() - began)
    else:
        result.no_reply[sender] += 1


def lost_turns(result: LoadResult, stored: Dict[str, int] | None) -> int:
    """Turns without a reply, or (when the store was read) missing from it, per conversation."""
    lost = 0
    for sender, sent in result.sent.items():
        missing = sent - stored.get(sender, 0) if stored is not None else 0
        lost += max(result.no_reply[sender], missing)
    return lost
