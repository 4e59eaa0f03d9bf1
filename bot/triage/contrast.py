"""The part of a message that is affirmed when it sets one thing against another.

WHY: a correction names both what is wrong and what is right: "ei se ole pankki vaan Kela",
"ei kun itselle, ei äidille". A classifier that reads the whole message sees both and may pick
the wrong one, which is the worst possible answer to a correction. Reading only the affirmed
part gives it the words that count. (Places have their own negation handling in
bot.triage.state, since a message may name several.)
"""

from __future__ import annotations

import re
from typing import Optional, Tuple

Span = Tuple[int, int]

# Not "et": in chat it is far more often "että" ("se sano et kaikki tulee vaan koneelle").
NEGATIONS = r"(?:ei|en|eikä|enkä|eivät|emme|ette)"
# Any character but a sentence end: a full stop inside "suomi.fi" does not end a sentence.
_IN_SENTENCE = r"(?:[^.!?]|[.!?](?!\s|$))"
_IN_CLAUSE = r"(?:[^,;.!?]|[.!?](?!\s|$))"
# "ei X vaan Y" or "ei X, vaan Y": "vaan" in the negation's own clause; Y runs to the sentence
# end. Not a contrast: "ei vain X vaan myös Y" (not only X but also Y) affirms both, and the
# spoken "vaan" for "vain" (only) after a clause break ("ei, tarvitsen vaan linkin") or at a
# clause end ("musta ruutu vaan, oon Hyvinkäältä").
_NOT_X_BUT_Y = re.compile(
    rf"\b{NEGATIONS}\b{_IN_CLAUSE}*?,?\s*\bvaan\b"
    r"(?!\s+(?:myös|lisäksi)\b)(?!\s*(?:[,;:!?]|$))\s*"
    rf"(?P<y>{_IN_SENTENCE}+)",
    re.IGNORECASE,
)
# "ei kun Y" / "eikun Y": spoken "no, actually Y" at the start.
_NO_ACTUALLY = re.compile(r"^\W*(?:ei\s*kun|eiku|eikä\s+kun)\b[\s,]*", re.IGNORECASE)
# "Y, ei X" / "Y eikä X": what follows is the rejected alternative.
_TRAILING_REJECTION = re.compile(rf"(?:,\s*{NEGATIONS}\b|\s+eikä\b)", re.IGNORECASE)


def affirmed_span(text: str) -> Optional[Span]:
    """(start, end) of the affirmed part, or None when the message sets nothing against another."""
    contrast = _NOT_X_BUT_Y.search(text)
    if contrast:
        return _trimmed(text, contrast.start("y"), contrast.end("y"))
    actually = _NO_ACTUALLY.match(text)
    if actually and actually.end() < len(text):
        start = actually.end()
        rejection = _TRAILING_REJECTION.search(text, start)
        return _trimmed(text, start, rejection.start() if rejection else len(text))
    return None


def _trimmed(text: str, start: int, end: int) -> Optional[Span]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if start < end else None
