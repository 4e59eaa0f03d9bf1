"""Per-conversation memory for what one message leaves open for the next.

Two cases need the previous message of the same person:

- "Mikä mun PIN-koodi pitäis olla?" followed by "1234": the second message has no cue, but it is
  the answer to the first (a bare secret, bot.guard.secrets);
- "mun hetu on 131052" followed by "-308T", "kortti 4111 1111" followed by "1111 1111 12/27":
  a value split over two messages (bot.guard.split_turns).

So the guard remembers, per sender id, one :class:`CarryOver`: whether codes were talked about,
the KIND of a value the message ended half-way through, and, for a card, how many digits that
half had, whether they were typed in groups and whether they already made a valid number (whose
expiry and security code may then come in the next message). Never any text, digit or checksum
of a value: the second half is recognised by its shape alone, and a flag cannot leak what it
flags. (A Luhn or mod-31 residue of the first half would let the second half be validated, but
it is derived from the value, so it is not kept.)

The memory is bounded (least recently used senders are forgotten) so a long-running process
cannot grow without limit, and lives in process memory only: after a restart it is simply gone,
which at worst lets one bare code or one second half through to the tracker store, whose own
redaction (bot.guard.tracker_store) still catches it by looking at the previous stored message.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

DEFAULT_MAX_SENDERS = 10_000

#: Kinds of half-typed values (CarryOver.identity_start).
IDENTITY_DATE = "date"  # "...131052": the date part, the century sign still to come
IDENTITY_DATE_AND_SIGN = "date_and_sign"  # "...131052-": only the individual number to come


@dataclass(frozen=True)
class CarryOver:
    """What a message leaves open for the next message of the same person: kinds and counts."""

    #: The message talked about codes or passwords.
    secret_talk: bool = False
    #: The message ended with the start of an identity code: IDENTITY_DATE(_AND_SIGN) or "".
    identity_start: str = ""
    #: The message ended with this many digits that could start a card number (0: none) ...
    card_digits: int = 0
    #: ... typed in groups of four ("4111 1111") rather than in one run ("41111111").
    card_grouped: bool = False
    #: The message ended with a valid card number: its expiry and security code may follow.
    card_complete: bool = False

    def __bool__(self) -> bool:
        return (
            self.secret_talk
            or bool(self.identity_start)
            or self.card_digits > 0
            or self.card_complete
        )


NOTHING = CarryOver()


class CarryOverMemory:
    """A bounded LRU map from sender id to the CarryOver of that sender's latest message."""

    def __init__(self, max_senders: int = DEFAULT_MAX_SENDERS) -> None:
        if max_senders < 1:
            raise ValueError("max_senders must be at least 1")
        self._max = max_senders
        self._open: OrderedDict[str, CarryOver] = OrderedDict()
        self._lock = threading.Lock()

    def recall(self, sender_id: str) -> CarryOver:
        with self._lock:
            return self._open.get(sender_id, NOTHING)

    def expects_secret(self, sender_id: str) -> bool:
        return self.recall(sender_id).secret_talk

    def remember(self, sender_id: str, carry: CarryOver) -> None:
        """Record what this sender's latest message left open (nothing: forget the sender)."""
        with self._lock:
            if not carry:
                self._open.pop(sender_id, None)
                return
            self._open[sender_id] = carry
            self._open.move_to_end(sender_id)
            while len(self._open) > self._max:
                self._open.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._open)
