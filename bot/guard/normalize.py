"""A scanning view of a message in which look-alike characters cannot hide a value.

Phones and copy-paste put characters into numbers that a person does not see: a no-break space
from a web form, a zero-width space from a chat app, an en dash from autocorrect, full-width
digits from an Asian keyboard layout. The detectors would have to list every such character in
every pattern; instead they scan this view, in which

- every horizontal space (no-break, narrow, thin, figure, tab ...) is a plain " ",
- every line break (LF, VT, FF, NEL, LS, PS, a lone CR) is "\\n", and the CR of CRLF is dropped,
- every dash or minus sign is "-",
- every decimal digit of any script is its ASCII digit, full-width Latin letters are ASCII,
- invisible format characters (zero-width spaces and joiners, word joiner, soft hyphen, BOM)
  are removed,

and :meth:`ScanView.original_span` maps a span found in the view back to the original text,
which is what gets redacted (so the invisible characters inside a value go with it).

WHY a translation table with ``__missing__`` instead of NFKC: NFKC changes lengths ("ﬁ" -> "fi")
and would need a full position map for every message; the table keeps one character for one
character, is filled lazily per code point (never per value) and runs in C for known ones.
Only removals need a map, and they are rare.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Tuple

_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"

#: Removed from the view: invisible characters anywhere, CR before LF.
_REMOVED = re.compile("[" + _INVISIBLE + "]|\r(?=\n)")


#: Code points remembered by the table at most (a message made of every code point of Unicode
#: must not grow the process by a hundred megabytes).
_MAX_TABLE = 65_536


class _OneForOne(Dict[int, str]):
    """Code point -> its one-character replacement; unknown code points are looked up once."""

    def __missing__(self, code_point: int) -> str:
        char = chr(code_point)
        digit = unicodedata.decimal(char, None)
        replacement = str(digit) if digit is not None else char
        if len(self) < _MAX_TABLE:
            self[code_point] = replacement
        return replacement


_TABLE = _OneForOne()
for _code_point in range(0x250):  # ASCII and Latin letters (ä, ö, å) without a Python call
    _TABLE[_code_point] = chr(_code_point)
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): "\n" for c in _LINE_BREAKS})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})  # full-width ASCII


@dataclass(frozen=True)
class ScanView:
    """The normalised text, and where each of its runs starts in the original."""

    text: str
    #: (start in view, start in original) of each run between removed characters; empty when
    #: nothing was removed (positions are then the same in both).
    _runs: Tuple[Tuple[int, int], ...] = ()

    def original_position(self, position: int) -> int:
        if not self._runs:
            return position
        index = bisect.bisect_right(self._runs, (position, float("inf"))) - 1
        view_start, original_start = self._runs[max(index, 0)]
        return original_start + position - view_start

    def original_span(self, start: int, end: int) -> Tuple[int, int]:
        """The span ``[start, end)`` of the view as a span of the original text."""
        if not self._runs or end <= start:
            return self.original_position(start), self.original_position(end)
        return self.original_position(start), self.original_position(end - 1) + 1


def scan_view(text: str) -> ScanView:
    """The view the detectors scan (plain ASCII without CR or tab is its own view)."""
    if text.isascii() and "\r" not in text and "\t" not in text and "\x0b" not in text:
        return ScanView(text)
    if _REMOVED.search(text) is None:
        return ScanView(text.translate(_TABLE))
    pieces: List[str] = []
    runs: List[Tuple[int, int]] = []
    view_length = original = 0
    for removed in _REMOVED.finditer(text):
        piece = text[original : removed.start()]
        runs.append((view_length, original))
        pieces.append(piece)
        view_length += len(piece)
        original = removed.end()
    runs.append((view_length, original))
    pieces.append(text[original:])
    return ScanView("".join(pieces).translate(_TABLE), tuple(runs))
