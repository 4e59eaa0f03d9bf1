"""The conversation lock on the real Redis, as two server processes would share it.

Each store instance stands for one process (its own Redis client); keys live under a fresh
prefix that is deleted afterwards.
"""

import asyncio
import json
import threading
from typing import List

import pytest
from rasa.core.lock_store import LockError, RedisLockStore

from bot.runtime.lock_store import LockStoreUnavailable, RedisConversationLockStore
from tests.runtime.services import fresh_redis_prefix

CONVERSATION = "keskustelu-1234567890"


@pytest.fixture
def prefix():
    with fresh_redis_prefix() as name:
        yield name


def _process(prefix: str) -> RedisConversationLockStore:
    return RedisConversationLockStore(host="127.0.0.1", port=6379, db=0, key_prefix=prefix)


async def test_two_processes_take_turns_on_one_conversation(prefix):
    first, second = _process(prefix), _process(prefix)
    log: List[str] = []
    first_inside = asyncio.Event()

    async def turn(store: RedisConversationLockStore, name: str) -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.05):
            log.append(f"{name} in")
            if name == "first":
                first_inside.set()
            await asyncio.sleep(0.3)  # a turn in progress; the other process must wait
            log.append(f"{name} out")

    async def later_turn() -> None:
        await first_inside.wait()
        await turn(second, "second")

    await asyncio.gather(turn(first, "first"), later_turn())
    assert log == ["first in", "first out", "second in", "second out"]
    assert first.red.exists(first.key_prefix + CONVERSATION) == 0  # nothing left behind


def test_tickets_taken_at_the_same_moment_by_many_processes_are_all_different(prefix):
    stores = [_process(prefix) for _ in range(6)]
    tickets: List[int] = []
    guard = threading.Lock()
    start = threading.Barrier(len(stores))

    def take(store: RedisConversationLockStore) -> None:
        start.wait()
        for _ in range(25):
            ticket = store.issue_ticket(CONVERSATION, 30)
            with guard:
                tickets.append(ticket)

    threads = [threading.Thread(target=take, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(tickets) == 150
    assert len(set(tickets)) == 150  # Rasa's GET-then-SET can hand out one number twice
    stored = json.loads(stores[0].red.get(stores[0].key_prefix + CONVERSATION))
    assert len(stored["tickets"]) == 150


def test_a_ticket_left_by_a_killed_process_expires_with_its_key(prefix):
    store = _process(prefix)
    store.issue_ticket(CONVERSATION, 10)  # taken, never returned: the process died
    ttl_ms = store.red.pttl(store.key_prefix + CONVERSATION)
    assert 0 < ttl_ms <= 11_000


async def test_a_turn_queued_behind_a_killed_process_is_served_when_that_ticket_expires(prefix):
    killed, alive = _process(prefix), _process(prefix)
    killed.issue_ticket(CONVERSATION, 2)  # taken, never returned
    # Queued at once with the same lifetime: Rasa's wait let this ticket run out together
    # with the dead one ("Could not acquire lock"); ours is kept alive while it waits.
    async with alive.lock(CONVERSATION, lock_lifetime=2, wait_time_in_seconds=1) as lock:
        assert [ticket.number for ticket in lock.tickets] == [1]


async def test_a_ticket_is_returned_even_when_the_turn_fails(prefix):
    store = _process(prefix)
    with pytest.raises(RuntimeError):
        async with store.lock(CONVERSATION):
            raise RuntimeError("the turn failed")
    assert store.red.exists(store.key_prefix + CONVERSATION) == 0


async def test_redis_gone_fails_the_turn_with_the_setting_named():
    store = RedisConversationLockStore(host="127.0.0.1", port=1, socket_timeout=1)
    with pytest.raises(LockStoreUnavailable) as raised:
        async with store.lock(CONVERSATION):
            pytest.fail("the turn must not run without its lock")
    assert isinstance(raised.value, LockError)  # what Rasa's callers expect from a lock store
    assert "REDIS_URL" in str(raised.value)


def test_rasas_own_store_reads_our_tickets(prefix):
    # Same key layout and JSON as Rasa's RedisLockStore: nothing else reading them is confused.
    ours = _process(prefix)
    ours.issue_ticket(CONVERSATION, 30)
    rasas = RedisLockStore(host="127.0.0.1", port=6379, db=0, key_prefix=prefix)
    lock = rasas.get_lock(CONVERSATION)
    assert lock is not None and lock.last_issued == 0
