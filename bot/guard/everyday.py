"""Everyday values that look like codes: postal codes, phone numbers, dates, times, amounts.

The secret detectors take digits after a code cue, and a message of digits right after talk
about codes, for a code. These values are the common exceptions: the assistant ASKS for a place
("asun 90100", "90100") and people give phone numbers, appointment dates and sums in the same
conversations where they talk about codes. Losing them costs the triage its place or its date,
and they do not identify anyone on their own.

- postal code: five digits ("90100"). Only for a whole message: after an explicit cue
  ("PIN on 12345") five digits are a code, and bank codes are four digits anyway;
- phone number: "040 123 4567", "040-1234567", "+358 40 1234567", "09-310 1234",
  "0401234567": starts with 0 or +, 7-15 digits. Only for a whole message: after a cue, a
  number starting with 0 may be a code;
- date: "12.3.2025", "12.3.", "2025-03-12", "12/27" (as an expiry it matters only next to a
  card number, see bot.guard.cards), with a day 1-31 and a month 1-12;
- time: "14.30", "14:30", "klo 9.15";
- amount: digits with a currency ("250 €", "250€", "1 200 euroa", "12,50 e", "€ 40"); not
  with a leading zero, and "e" only in lower case ("010100E" is half an identity code).

Years ("1952", "2025") are NOT everyday values here: four digits are the shape of a PIN, and a
bare four-digit message right after talk about codes is taken for one. In a sentence ("vuonna
1952") no detector touches a year.
"""

from __future__ import annotations

import re
from typing import List, Optional

_END = r"(?![0-9A-Za-z])"
_DATE = re.compile(
    r"(?P<day>[0-3]?[0-9])\.(?P<month>[01]?[0-9])\.(?:[0-9]{4}|[0-9]{2})?" + _END
    + r"|[0-9]{4}-(?P<iso_month>[01][0-9])-(?P<iso_day>[0-3][0-9])" + _END
    + r"|(?P<slash_a>[0-9]{1,2})/(?P<slash_b>[0-9]{1,2})(?:/(?:[0-9]{4}|[0-9]{2}))?" + _END
)  # fmt: skip
_TIME = re.compile(r"(?:klo\.? ?)?(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9]" + _END, re.IGNORECASE)
_CURRENCY = (
    r"(?:€|(?-i:e)(?![\w])|eur(?:o|oa|oja|on)?(?![\w])|snt(?![\w])|senttiä(?![\w])|kr(?![\w]))"
)
_EUROS = r"(?:0|[1-9][0-9]*)"  # no leading zero: "010100e" is a code, not a sum
_AMOUNT = re.compile(
    r"(?:€ ?" + _EUROS + r"(?:[,.][0-9]{1,2})?"
    r"|[1-9][0-9]{0,2}(?:[ .][0-9]{3})+(?:,[0-9]{1,2})? ?" + _CURRENCY
    + r"|" + _EUROS + r"(?:,[0-9]{1,2})? ?" + _CURRENCY + r")",
    re.IGNORECASE,
)  # fmt: skip
_POSTAL_CODE = re.compile(r"[0-9]{5}" + _END)
_PHONE = re.compile(r"\+?[0-9]+(?:[ -][0-9]+){0,4}" + _END)
PHONE_DIGITS = (7, 15)


def _valid_date(match: re.Match) -> bool:
    day, month = match.group("day"), match.group("month")
    if day is None:
        day, month = match.group("iso_day"), match.group("iso_month")
    if day is None:  # a/b: day/month or month/year
        first, second = int(match.group("slash_a")), int(match.group("slash_b"))
        return (1 <= first <= 31 and 1 <= second <= 12) or 1 <= first <= 12
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _phone_end(text: str, start: int) -> Optional[int]:
    if not text.startswith(("0", "+"), start):
        return None
    match = _PHONE.match(text, start)
    if match is None:
        return None
    digits = sum(char.isdigit() for char in match.group())
    return match.end() if PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1] else None


def everyday_value_end(text: str, start: int, whole_message: bool = False) -> Optional[int]:
    """End of the longest date, time or amount at ``start`` (and, for a whole message, postal
    code or phone number), or None if none starts there ("01.01.2000" is a date, not "01.01")."""
    ends: List[int] = []
    for pattern in (_AMOUNT, _TIME):
        match = pattern.match(text, start)
        if match is not None:
            ends.append(match.end())
    match = _DATE.match(text, start)
    if match is not None and _valid_date(match):
        ends.append(match.end())
    if whole_message:
        match = _POSTAL_CODE.match(text, start)
        if match is not None:
            ends.append(match.end())
        phone_end = _phone_end(text, start)
        if phone_end is not None:
            ends.append(phone_end)
    return max(ends) if ends else None


def is_everyday_message(text: str) -> bool:
    """The whole message (trailing punctuation aside) is one everyday value."""
    stripped = text.strip()
    if not stripped:
        return False
    end = everyday_value_end(stripped, 0, whole_message=True)
    return end is not None and not stripped[end:].strip(" .,!?;")
