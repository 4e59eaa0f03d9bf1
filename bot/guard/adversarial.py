"""Inputs built to make the guard's scanners slow, shared by the test and the benchmark.

The guard runs on every message and every log record, so a pathological input must cost time
linear in its length: no nested quantifier that backtracks, no unbounded match repeated after
every cue. Each input here targets one scanner's worst case (a long digit run for the card
grouping, many cue words for the secret detector, invisible characters for the position map).
"""

from __future__ import annotations

from typing import Dict

#: Length of each adversarial input, in characters (a message is capped far below this).
ADVERSARIAL_LENGTH = 100_000


def _fill(unit: str, length: int = ADVERSARIAL_LENGTH) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def adversarial_inputs(length: int = ADVERSARIAL_LENGTH) -> Dict[str, str]:
    """Name -> a text of ``length`` characters."""
    return {
        "one digit run": _fill("1", length),
        "single-digit groups": _fill("1 ", length),
        "card-like groups": _fill("4111 ", length),
        "dotted dates": _fill("13.10.52-", length),
        "iban starts": _fill("FI21 ", length),
        "glued cues": _fill("salasana:", length),
        "cue then one long word": "salasana on " + _fill("a", length - 12),
        "cue chain": _fill("tunnus ja ", length),
        "cue and spaces": "tunnusluku" + _fill(" ", length - 11) + "1",
        "one long word": _fill("a", length),
        "spaces": _fill(" ", length),
        "zero-width between digits": _fill("1\u200b", length),
        "no-break spaces and digits": _fill("12\u00a0", length),
        "hetu-like": _fill("131052 308", length),
        "mixed": _fill("hetu 131052- kortti 4111 1111 PIN on 12.3. 250 € FI21 ", length),
    }
