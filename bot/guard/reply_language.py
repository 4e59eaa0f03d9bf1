"""The language a channel's own reply is said in, before Rasa has read the message.

WHY: the channels answer some messages themselves (a message over the length limit, the warning
that personal data was removed, "send it again" after a failure), before the model has read the
message. A Swedish speaker who types an identity number must be warned in Swedish. The order:

1. the message itself: a request ("på svenska") or the language it is clearly written in
   (bot.language.detect, the same reading the pipeline makes);
2. the conversation's `language` slot, where the channel keeps conversations (the web chat
   reads it from the stored tracker): a message that is only an identity number says nothing,
   and the conversation has been in Swedish for five turns;
3. the page's language sent with the message (the web chat sends it with the first message);
4. Finnish, when nothing says.

Only the first READ_CHARS characters are read, so an over-long message costs no more than a
normal one. The reading leaves the guard's placeholders out (bot.language.detect), which matters
here too: a stored (redacted) message is read again when its answer is replayed.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.language.detect import FINNISH, normalise, read_language

#: Characters of a message read for its language: enough for Lingua, bounded for long ones.
READ_CHARS = 500


def language_said(text: Optional[str]) -> Optional[str]:
    """What the message is written in or asks for (fi, sv, en); None when it does not say."""
    if not text:
        return None
    reading = read_language(text[:READ_CHARS])
    return reading.language


def page_language(metadata: Any) -> Optional[str]:
    """The page's language in `metadata` as a client sent it (not a mapping: says nothing)."""
    return normalise(metadata.get("language")) if isinstance(metadata, Mapping) else None


def chosen_language(
    said: Optional[str], conversation_language: Any = None, page: Optional[str] = None
) -> str:
    """The first of the message's, the conversation's and the page's language that is known."""
    return said or normalise(conversation_language) or normalise(page) or FINNISH


def reply_language(
    text: Optional[str], metadata: Any = None, conversation_language: Any = None
) -> str:
    """fi, sv or en for a channel's reply to `text` (see the module's order); a channel that
    keeps no conversations leaves `conversation_language` out."""
    return chosen_language(language_said(text), conversation_language, page_language(metadata))
