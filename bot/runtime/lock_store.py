"""The conversation lock shared by several server processes: Rasa's Redis ticket lock, made safe.

Rasa serialises the turns of one conversation with a ticket lock (``rasa.core.lock_store``):
each message takes a numbered ticket and waits until it is first in line. ``RedisLockStore``
keeps the tickets in Redis, so two server processes behind one address wait for each other.
Three things in it are not good enough for that job, and this subclass changes only those:

* Issuing and returning a ticket is read-modify-write (GET, change, SET). Two processes that
  take a ticket for the same conversation in the same millisecond can both read the same line,
  both append "ticket 3", and both be served at once. Here every change runs in a Redis
  transaction (WATCH/MULTI/EXEC, repeated when another process got in between).
* A Redis restart fails the turn at once. Here connection errors are retried a few times with
  growing pauses and then reported as :class:`LockStoreUnavailable`, naming ``REDIS_URL``.
* A waiting ticket can expire while it waits (its lifetime runs from when it was taken), so a
  message queued behind a killed process's ticket failed with "Could not acquire lock". Here
  a waiting ticket is renewed each time it polls.

A process killed while holding a ticket leaves it behind; the conversation's next message waits
until the ticket expires (Rasa's ``TICKET_LOCK_LIFETIME``, 60 s by default). The key itself
expires with its last ticket, so a crash leaves nothing in Redis for ever.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Callable, Optional, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.runtime.retry import DependencyUnavailable, retry_async

logger = logging.getLogger(__name__)

T = TypeVar("T")

WHAT = "the conversation lock (Redis)"
SETTING = "REDIS_URL"


class LockStoreUnavailable(DependencyUnavailable, LockError):
    """Redis stayed unreachable: a LockError for Rasa, with the setting to fix for people."""


class RedisConversationLockStore(RedisLockStore):
    """Rasa's RedisLockStore with atomic ticket changes and retried connection errors."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **settings: Any) -> None:
        # Rasa builds a custom lock store as `cls(endpoint_config=...)`; code builds it by name.
        if endpoint_config is not None:
            settings = {"host": endpoint_config.url, **endpoint_config.kwargs, **settings}
        super().__init__(**settings)

    def ping(self) -> None:
        """Raise unless Redis answers (start-up and readiness checks)."""
        self.red.ping()

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's lock, each Redis step retried while Redis is briefly away."""

        async def issue() -> int:
            return self.issue_ticket(conversation_id, lock_lifetime)

        ticket = await self._retrying(issue)
        try:
            yield await self._retrying(
                lambda: self._wait_for_turn(
                    conversation_id, ticket, lock_lifetime, wait_time_in_seconds
                )
            )
        finally:
            await self._return_ticket(conversation_id, ticket)

    async def _wait_for_turn(
        self, conversation_id: str, ticket: int, lifetime: float, pause: float
    ) -> TicketLock:
        """Poll until ``ticket`` is first in line, keeping it alive while it waits.

        Rasa's wait lets a waiting ticket expire: behind a ticket left by a killed process,
        both run out at about the same moment and the turn fails with "Could not acquire
        lock". A waiting ticket is renewed at each poll instead, and once served it has its
        whole lifetime for the turn.
        """
        while True:
            lock = self._change(conversation_id, lambda lock: _renewed(lock, ticket, lifetime))
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(pause)

    async def _return_ticket(self, conversation_id: str, ticket: int) -> None:
        """Give the ticket back; if Redis is gone, it simply expires (the turn is done)."""

        async def cleanup() -> None:
            self.cleanup(conversation_id, ticket)

        try:
            await self._retrying(cleanup)
        except LockStoreUnavailable as error:
            logger.warning("Conversation lock ticket not returned, it will expire: %s", error)

    async def _retrying(self, operation: Callable[[], Any]) -> Any:
        return await retry_async(
            operation, what=WHAT, setting=SETTING, raise_as=LockStoreUnavailable
        )

    # Every change of a conversation's tickets, as one Redis transaction.

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))

    def update_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # Rasa's cleanup reads "is anyone waiting?" and deletes in two steps, which can delete
        # a ticket another process has just taken; removing the last ticket deletes the key.
        self.finish_serving(conversation_id, ticket_number)

    def _change(self, conversation_id: str, change: Callable[[TicketLock], T]) -> T:
        """Apply ``change`` to the stored lock atomically; no tickets left deletes the key."""
        key = self.key_prefix + conversation_id

        def update(pipe: Any) -> T:
            stored = pipe.get(key)
            lock = (
                TicketLock.from_dict(json.loads(stored))
                if stored
                else self.create_lock(conversation_id)
            )
            result = change(lock)
            lock.remove_expired_tickets()
            pipe.multi()
            if lock.tickets:
                expires_in = max(ticket.expires for ticket in lock.tickets) - time.time()
                pipe.set(key, lock.dumps(), px=max(1, int(expires_in * 1000)) + 1000)
            else:
                pipe.delete(key)
            return result

        return self.red.transaction(update, key, value_from_callable=True)


def _renewed(lock: TicketLock, ticket: int, lifetime: float) -> TicketLock:
    """``lock`` with ``ticket`` expiring ``lifetime`` from now (a live process is waiting)."""
    lock.remove_expired_tickets()
    mine = next((held for held in lock.tickets if held.number == ticket), None)
    if mine is None:
        raise LockError(
            f"Ticket {ticket} expired before its turn came; the message was not handled"
        )
    mine.expires = max(mine.expires, time.time() + lifetime)
    return lock
