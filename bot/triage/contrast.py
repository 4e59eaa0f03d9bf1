"""The part of a message that is affirmed when it sets one thing against another.

WHY: a correction names both what is wrong and what is right: "ei se ole pankki vaan Kela",
"ei kun itselle, ei äidille". A classifier that reads the whole message sees both and may pick
the wrong one, which is the worst possible answer to a correction. Reading only the affirmed
part gives it the words that count. (Places have their own negation handling in
bot.triage.state, since a message may name several.)
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

Span = Tuple[int, int]
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")

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


def rejected_spans(text: str) -> List[Span]:
    """The parts a contrast rejects ("ei [se ole pankki] vaan Kela"), in order; [] if none.

    WHY this and not only the affirmed part: a contrast is about one thing, and the rest of the
    message still holds. In "mun äiti ei tarvii pankkia vaan kelan asiat" the correction is the
    topic; "mun äiti" before it still says who is asking, and a sentence after it still says
    where. Dropping only what is rejected keeps that evidence for the other labels.
    """
    contrast = _NOT_X_BUT_Y.search(text)
    if contrast:
        return [(contrast.start(), contrast.start("y"))]
    actually = _NO_ACTUALLY.match(text)
    if not actually or actually.end() >= len(text):
        return []
    spans = [(0, actually.end())]
    rejection = _TRAILING_REJECTION.search(text, actually.end())
    if rejection:
        sentence_end = _SENTENCE_END.search(text, rejection.end())
        spans.append((rejection.start(), sentence_end.start() if sentence_end else len(text)))
    return spans


def outside(spans: List[Span], position: int) -> bool:
    """True when `position` lies in none of `spans`."""
    return not any(start <= position < end for start, end in spans)


def _trimmed(text: str, start: int, end: int) -> Optional[Span]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if start < end else None
