"""Structured personal data: identity codes, IBANs and old account numbers, card numbers.

The design rule, kept by every detector: only a value that passes its own check is reported
(date + check character, mod 97, the domestic check digit, Luhn). WHY validate instead of
matching shapes: phone numbers, dates, postal codes, order and reference numbers look like
these values, and a guard that redacts them would damage the conversation (the place asked
for, the date of an appointment) for no privacy gain. The checks are python-stdnum's; finding
the candidates in what people really type is ours, one module per kind:

- bot.guard.identity_codes: henkilötunnus, with its spellings and century signs;
- bot.guard.accounts: IBANs of every country in stdnum's registry, old Finnish numbers;
- bot.guard.cards: card numbers and the expiry and security code after them.

All of them scan bot.guard.normalize's view of the text, where no-break and zero-width spaces,
typographic dashes and non-ASCII digits can no longer hide a value; :func:`find_structured`
maps what they find back to the original text. When findings overlap the earlier kind in
:data:`DETECTORS` wins (an IBAN's digits are not also a card number).
"""

from __future__ import annotations

import heapq
from typing import Callable, Iterable, Iterator, List

from stdnum import luhn

from bot.guard.accounts import (
    IBAN_COUNTRIES,
    IBAN_LENGTHS,
    domestic_to_iban,
    find_domestic_accounts,
    find_ibans,
    iban_valid,
)
from bot.guard.cards import find_card_numbers, is_card_number
from bot.guard.findings import Finding
from bot.guard.identity_codes import (
    CENTURY_SIGNS,
    HETU_CHECK_CHARS,
    find_identity_codes,
    hetu_check_char,
    is_valid_hetu,
)
from bot.guard.normalize import ScanView, scan_view

__all__ = [
    "CENTURY_SIGNS",
    "DETECTORS",
    "HETU_CHECK_CHARS",
    "IBAN_COUNTRIES",
    "IBAN_LENGTHS",
    "add_without_overlap",
    "domestic_to_iban",
    "find_card_numbers",
    "find_domestic_accounts",
    "find_ibans",
    "find_identity_codes",
    "find_structured",
    "hetu_check_char",
    "iban_valid",
    "is_card_number",
    "is_valid_hetu",
    "luhn_valid",
    "scan_structured",
    "to_original",
]

Detector = Callable[[str], Iterator[Finding]]

#: In order of priority.
DETECTORS: List[Detector] = [
    find_identity_codes,
    find_ibans,
    find_domestic_accounts,
    find_card_numbers,
]


def luhn_valid(digits: str) -> bool:
    """The Luhn check alone, any length (kept for callers of the earlier API)."""
    return luhn.is_valid(digits)


def add_without_overlap(found: List[Finding], candidates: Iterable[Finding]) -> None:
    """Add to ``found`` each candidate that overlaps nothing already there, keeping it sorted.

    ``found`` is sorted by start and free of overlaps, and stays so; earlier findings win. One
    merge pass: linear in the findings, however many a 100 kB message holds.
    """
    accepted: List[Finding] = []
    index = 0
    for candidate in sorted(candidates, key=lambda f: f.start):
        while index < len(found) and found[index].end <= candidate.start:
            index += 1
        if index < len(found) and found[index].overlaps(candidate.start, candidate.end):
            continue
        if accepted and accepted[-1].overlaps(candidate.start, candidate.end):
            continue
        accepted.append(candidate)
    if accepted:
        found[:] = list(heapq.merge(found, accepted, key=lambda f: f.start))


def scan_structured(view_text: str) -> List[Finding]:
    """All structured findings in a scan view, positions in the view, sorted."""
    found: List[Finding] = []
    for detector in DETECTORS:
        add_without_overlap(found, detector(view_text))
    return found


def to_original(view: ScanView, findings: Iterable[Finding]) -> List[Finding]:
    """The findings of a scan view with their spans in the original text."""
    return [Finding(f.kind, *view.original_span(f.start, f.end)) for f in findings]


def find_structured(text: str) -> List[Finding]:
    """All identity codes, IBANs, account and card numbers in ``text``, without overlaps."""
    view = scan_view(text)
    return to_original(view, scan_structured(view.text))
