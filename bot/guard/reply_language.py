"""The language a channel's own reply is said in, before Rasa has read the message.

WHY: the channels answer some messages themselves (a message over the length limit, the warning
that personal data was removed, "send it again" after a failure), before the model has read the
message and without the conversation's `language` slot. A Swedish speaker who types an identity
number must be warned in Swedish. The message itself is the best evidence: a request ("på
svenska") or the language it is clearly written in (bot.language.detect, the same reading the
pipeline makes); then the page's language sent with the message; Finnish when nothing says.
Only the first READ_CHARS characters are read, so an over-long message costs no more than a
normal one.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.language.detect import FINNISH, normalise, read_language

#: Characters of a message read for its language: enough for Lingua, bounded for long ones.
READ_CHARS = 500


def reply_language(text: Optional[str], metadata: Any = None) -> str:
    """fi, sv or en: what the message is written in (or asks for), else the page's language
    (`metadata` as a client sent it: anything that is not a mapping says nothing)."""
    reading = read_language(text[:READ_CHARS]) if text else None
    said = reading.language if reading is not None else None
    page = metadata.get("language") if isinstance(metadata, Mapping) else None
    return said or normalise(page) or FINNISH
