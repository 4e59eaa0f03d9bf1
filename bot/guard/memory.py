"""Per-conversation memory for the two-message secret case.

"Mikä mun PIN-koodi pitäis olla?" followed by "1234": the second message has no cue, but it is
the answer to the first. The guard therefore remembers, per sender id, ONE boolean: did the
previous message talk about codes? Nothing else is kept, never any text or value, and the
memory is bounded (least recently used senders are forgotten) so a long-running process cannot
grow without limit. It lives in process memory only: after a restart the flag is simply gone,
which at worst lets one bare code through to the tracker store, whose own redaction
(bot.guard.tracker_store) still catches it by looking at the previous stored message.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

DEFAULT_MAX_SENDERS = 10_000


class SecretCueMemory:
    """A bounded LRU set of sender ids whose last message mentioned codes or passwords."""

    def __init__(self, max_senders: int = DEFAULT_MAX_SENDERS) -> None:
        if max_senders < 1:
            raise ValueError("max_senders must be at least 1")
        self._max = max_senders
        self._flagged: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def expects_secret(self, sender_id: str) -> bool:
        with self._lock:
            return sender_id in self._flagged

    def remember(self, sender_id: str, mentioned_secret: bool) -> None:
        """Record whether this sender's latest message talked about codes."""
        with self._lock:
            if not mentioned_secret:
                self._flagged.pop(sender_id, None)
                return
            self._flagged[sender_id] = None
            self._flagged.move_to_end(sender_id)
            while len(self._flagged) > self._max:
                self._flagged.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._flagged)
