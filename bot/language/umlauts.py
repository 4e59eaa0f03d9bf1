"""Restoring ä and ö that were typed as a and o.

WHY: people write from phones and computers with non-Finnish keyboard layouts, or skip the
umlauts to save effort ("en osaa kayttaa", "mita teen"). Voikko does not know such words,
and the spelling suggester only sometimes finds them. Trying every a/ä and o/ö combination is
cheap for short words and safe when exactly one combination is a real word.
"""

from __future__ import annotations

from itertools import product
from typing import Callable, List, Optional

_SWAPS = {"a": "ä", "o": "ö"}
#: More a/o letters than this would mean too many combinations (2**n) to try.
MAX_POSITIONS = 6


def restore_umlauts(word: str, is_word: Callable[[str], bool]) -> Optional[str]:
    """The one real word obtained by turning some a -> ä and o -> ö, or ``None``.

    ``word`` must be lower case and must not already contain ä/ö (then the writer clearly
    has umlauts available and the word is misspelt some other way).
    """
    if "ä" in word or "ö" in word:
        return None
    positions = [i for i, ch in enumerate(word) if ch in _SWAPS]
    if not positions or len(positions) > MAX_POSITIONS:
        return None
    found: List[str] = []
    for choice in product((False, True), repeat=len(positions)):
        if not any(choice):
            continue
        letters = list(word)
        for position, swap in zip(positions, choice, strict=True):
            if swap:
                letters[position] = _SWAPS[letters[position]]
        candidate = "".join(letters)
        if is_word(candidate):
            found.append(candidate)
            if len(found) > 1:
                return None  # ambiguous: leave it alone
    return found[0] if found else None
