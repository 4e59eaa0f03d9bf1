"""Payment card numbers in free text, together with the expiry date and security code after them.

Validation is python-stdnum's ``stdnum.luhn`` on 13-19 digits; finding the number is ours, and
it is the GROUPING that keeps phone numbers, dates and amounts out: a card is written as

- one run of 13-19 digits ("4111111111111111"),
- groups of four with a shorter last group ("4111 1111 1111 1111", "4222 2222 2222 2",
  "6759 6498 2643 8453 123"),
- the American Express / Diners layouts 4-6-5 and 4-6-4 ("3782 822463 10005"),

with one kind of separator: spaces, hyphens or line breaks (mixed, as phone keyboards do), or
only dots, or only slashes. "040 123 4567" (3-3-4), "12.3.2025" (2-1-4) or "1 200 000" (1-3-3)
never take part in a card, so two phone numbers in a row cannot pass Luhn together by chance.
A card may be glued to a word on its left ("kortti:4111...", "korttinro4111...") but never to
a digit. No issuer-prefix check: Luhn and the layout are the check (a card from an unusual
issuer is still a card).

Card details: the expiry (MM/YY, MM/YYYY, MM-YY, MM.YY; optionally labelled "exp", "voimassa",
"valid thru", "giltig") and the security code (3-4 digits; optionally labelled "cvc", "cvv",
"turvakoodi", "security code") that FOLLOW the number, in either order, are part of the
finding: "4111 1111 1111 1111 12/27 123" becomes one placeholder. Alone, "12/27" is a date and
"123" a number: they are card details only next to a card. An unlabelled 3-4 digit number
followed by a currency ("250 €") is an amount, not a security code.
"""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Sequence, Tuple

from stdnum import luhn

from bot.guard.findings import CARD_NUMBER, Finding

CARD_MIN_DIGITS = 13
CARD_MAX_DIGITS = 19
#: Layouts other than "fours and a shorter last group": American Express, Diners Club.
SPECIAL_LAYOUTS = ((4, 6, 5), (4, 6, 4))

_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[ .\-/\n][0-9]+)*(?![0-9])")
_GROUP = re.compile(r"[0-9]+")
_LOOSE_SEPARATORS = frozenset(" -\n")

_JOIN = r"[ \n]*[,;]?[ \n]*(?:(?:ja|and|och|&)[ \n]+)?"
_LABEL_TAIL = r"[ \n]*(?:(?:[:=]|(?:on|is|är)(?![\w]))[ \n]*)?"
_EXPIRY_LABEL = (
    r"(?:exp(?:iry|ires|\.)?(?:\s+date)?|valid(?:\s+(?:thru|through|until))?"
    r"|voimassa(?:olo(?:aika)?)?(?:\s+asti)?|vanhenee|voim\.|giltig(?:\s+(?:till|t\.?o\.?m\.?))?"
    r"|mm\s?/\s?(?:vv|yy|åå))"
)
_EXPIRY = r"(?:0?[1-9]|1[0-2])\s?[/.\-]\s?(?:20)?[0-9]{2}(?![./\-]?[0-9])"
_CVC_LABEL = (
    r"(?:cvc2?|cvv2?|cv2|csc|cid|turvakoodi\w*|turvanumero\w*|tarkiste(?:numero|koodi)\w*"
    r"|security\s+code|säkerhetskod\w*)"
)
_CURRENCY = r"\s?(?:€|(?-i:e)(?![\w])|eur|euro|kr(?![\w])|%)"
_AMOUNT_AFTER = r"(?!" + _CURRENCY + r")"
_CURRENCY_AFTER = re.compile(_CURRENCY, re.IGNORECASE)
_EXPIRY_DETAIL = re.compile(
    _JOIN + r"(?:" + _EXPIRY_LABEL + _LABEL_TAIL + r")?" + _EXPIRY, re.IGNORECASE
)
_CVC_DETAIL = re.compile(
    _JOIN + r"(?:" + _CVC_LABEL + _LABEL_TAIL + r")?[0-9]{3,4}(?![0-9])" + _AMOUNT_AFTER,
    re.IGNORECASE,
)

Group = Tuple[int, int, str]  # start, end, digits


def is_card_number(digits: str) -> bool:
    """13-19 digits passing the Luhn check."""
    return CARD_MIN_DIGITS <= len(digits) <= CARD_MAX_DIGITS and luhn.is_valid(digits)


def is_card_layout(lengths: Sequence[int]) -> bool:
    """Group lengths a card is printed or typed in (see the module docstring)."""
    if len(lengths) == 1:
        return True
    if tuple(lengths) in SPECIAL_LAYOUTS:
        return True
    return all(length == 4 for length in lengths[:-1]) and 1 <= lengths[-1] <= 4


def separators_agree(separators: Sequence[str]) -> bool:
    """Spaces, hyphens and line breaks mix; dots or slashes only with themselves."""
    kinds = set(separators)
    return kinds <= _LOOSE_SEPARATORS or kinds == {"."} or kinds == {"/"}


def details_end(text: str, end: int) -> int:
    """Where the expiry date and security code following a card number (at ``end``) end."""
    pending = [_EXPIRY_DETAIL, _CVC_DETAIL]
    while pending:
        for detail in pending:
            match = detail.match(text, end)
            if match is not None:
                end = match.end()
                pending.remove(detail)
                break
        else:
            break
    return end


def _groups(text: str, run: re.Match) -> Tuple[List[Group], List[str]]:
    groups = [
        (run.start() + g.start(), run.start() + g.end(), g.group())
        for g in _GROUP.finditer(run.group())
    ]
    separators = [text[groups[i][1] : groups[i + 1][0]] for i in range(len(groups) - 1)]
    return groups, separators


def _may_grow(lengths: Sequence[int]) -> bool:
    """Can one more group still make a card layout out of groups of these lengths?"""
    if all(length == 4 for length in lengths):
        return True
    return any(
        len(layout) > len(lengths) and layout[: len(lengths)] == tuple(lengths)
        for layout in SPECIAL_LAYOUTS
    )


def _ends_in_detail(
    text: str, groups: List[Group], separators: List[str], first: int, last: int
) -> bool:
    """Group ``last`` reads as the expiry month ("1111 12/27") or an amount ("1111 250 €")."""
    after = separators[last] if last < len(separators) else ""
    return (after == "/" and set(separators[first:last]) != {"/"}) or (
        _CURRENCY_AFTER.match(text, groups[last][1]) is not None
    )


def _longest_card_from(
    text: str, groups: List[Group], separators: List[str], first: int
) -> Optional[int]:
    """Index of the last group of the longest card starting at group ``first``, if any."""
    first_length = len(groups[first][2])
    if first_length != 4 and not CARD_MIN_DIGITS <= first_length <= CARD_MAX_DIGITS:
        return None  # every layout starts with four digits, or is one run of 13-19
    best: Optional[int] = None
    digits = ""
    lengths: List[int] = []
    for last in range(first, len(groups)):
        if lengths and not _may_grow(lengths):
            break
        digits += groups[last][2]
        lengths.append(len(groups[last][2]))
        if len(digits) > CARD_MAX_DIGITS:
            break
        joins = separators[first:last]
        if not (is_card_layout(lengths) and separators_agree(joins) and is_card_number(digits)):
            continue
        if last > first and _ends_in_detail(text, groups, separators, first, last):
            continue
        best = last
    return best


def find_card_numbers(text: str) -> Iterator[Finding]:
    """Card numbers (with their details) in ``text`` (a scan view: see bot.guard.normalize)."""
    for run in _DIGIT_RUN.finditer(text):
        if run.end() - run.start() < CARD_MIN_DIGITS:
            continue  # too short to hold a card, whatever its digits ("040 123 4567")
        groups, separators = _groups(text, run)
        index = 0
        while index < len(groups):
            last = _longest_card_from(text, groups, separators, index)
            if last is None:
                index += 1
                continue
            end = details_end(text, groups[last][1])
            yield Finding(CARD_NUMBER, groups[index][0], end)
            while index < len(groups) and groups[index][0] < end:
                index += 1
