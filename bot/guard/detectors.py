"""Detectors for structured personal data: identity codes, bank card numbers, IBANs.

Each detector only reports values that pass the value's own check (date + check character,
Luhn, mod-97). WHY validate instead of matching shapes: phone numbers, dates, postal codes,
order and reference numbers look like these values, and a guard that redacts them would damage
the conversation (a municipality's postal code, a date of an appointment) for no privacy gain.

Decisions (documented in tests/guard/):
- Identity codes are matched case-insensitively ("131052-308t") and with one optional space on
  either side of the century sign ("131052 - 308T"); typographic dashes (en dash, minus) count as
  "-" because phone keyboards substitute them. A code without a century sign is not matched:
  its ten characters are too close to order numbers.
- An identity-code-shaped string with a wrong check character is NOT flagged (the issue asks for
  validation by the check character). It is most likely a typo of a real code, so a person may
  see it pass; the cue-based secret detector still catches it after "henkilötunnus on".
- Individual numbers 900-999 (temporary identity codes) are flagged: they identify a person too.
"""

from __future__ import annotations

import datetime
import re
from typing import Dict, Iterator, List, Optional, Tuple

from bot.guard.findings import CARD_NUMBER, IBAN, IDENTITY_CODE, Finding

# ---------------------------------------------------------------- personal identity code (hetu)

HETU_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

#: Century signs, including the additional ones in use since 2023 (Y X W V U and B C D E F).
CENTURY_SIGNS: Dict[str, int] = {
    "+": 1800,
    "-": 1900,
    **{sign: 1900 for sign in "YXWVU"},
    **{sign: 2000 for sign in "ABCDEF"},
}

_DASHES = "\u2010\u2011\u2012\u2013\u2212"  # hyphen, nb-hyphen, figure dash, en dash, minus

_HETU = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(?P<date>\d{6}) ?(?P<sign>[-+YXWVUABCDEF" + _DASHES + r"]) ?"
    r"(?P<individual>\d{3})(?P<check>[0-9A-Za-z])"
    r"(?![0-9A-Za-z])",
    re.IGNORECASE,
)


def hetu_check_char(date_digits: str, individual: str) -> str:
    """The check character of DDMMYY + ZZZ: the nine digits as a number, mod 31."""
    return HETU_CHECK_CHARS[int(date_digits + individual) % 31]


def is_valid_hetu(code: str) -> bool:
    """True for a complete, valid identity code (spacing and case as in find_identity_codes)."""
    match = _HETU.fullmatch(code.strip())
    return match is not None and _hetu_match_is_valid(match)


def _hetu_match_is_valid(match: re.Match) -> bool:
    date_digits = match.group("date")
    sign = match.group("sign").upper()
    if sign in _DASHES:
        sign = "-"
    individual = match.group("individual")
    day, month, year = int(date_digits[:2]), int(date_digits[2:4]), int(date_digits[4:])
    try:
        datetime.date(CENTURY_SIGNS[sign] + year, month, day)
    except ValueError:
        return False
    if int(individual) < 2:  # 000 and 001 are never assigned
        return False
    return hetu_check_char(date_digits, individual) == match.group("check").upper()


def find_identity_codes(text: str) -> Iterator[Finding]:
    for match in _HETU.finditer(text):
        if _hetu_match_is_valid(match):
            yield Finding(IDENTITY_CODE, match.start(), match.end())


# ---------------------------------------------------------------- bank card numbers (Luhn)

CARD_MIN_DIGITS = 13
CARD_MAX_DIGITS = 19

# A run of digit groups joined by single spaces or hyphens ("4111 1111-1111 1111").
_DIGIT_RUN = re.compile(r"(?<![\w])\d+(?:[ -]\d+)*(?![\w])")
_GROUP = re.compile(r"\d+")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _is_card(digits: str) -> bool:
    return CARD_MIN_DIGITS <= len(digits) <= CARD_MAX_DIGITS and luhn_valid(digits)


def _card_subruns(groups: List[Tuple[int, int, str]]) -> Iterator[Tuple[int, int]]:
    """Card-shaped parts of a longer digit run, leftmost-longest, without overlaps.

    A card inside a longer run ("0401234567 4111 1111 1111 1111") is either a single group of
    13-19 digits or printed in groups of four (the last group shorter). Other splits are not
    tried: two phone numbers in a row would otherwise pass Luhn one time in ten.
    """
    index = 0
    while index < len(groups):
        best: Optional[int] = None
        digits = ""
        for last in range(index, len(groups)):
            group = groups[last][2]
            if last > index and len(groups[last - 1][2]) != 4:
                break
            digits += group
            if len(digits) > CARD_MAX_DIGITS:
                break
            if _is_card(digits):
                best = last
        if best is None:
            index += 1
            continue
        yield groups[index][0], groups[best][1]
        index = best + 1


def find_card_numbers(text: str) -> Iterator[Finding]:
    for run in _DIGIT_RUN.finditer(text):
        digits = re.sub(r"\D", "", run.group())
        if _is_card(digits):
            yield Finding(CARD_NUMBER, run.start(), run.end())
        elif len(digits) > CARD_MAX_DIGITS:
            groups = [
                (run.start() + g.start(), run.start() + g.end(), g.group())
                for g in _GROUP.finditer(run.group())
            ]
            for start, end in _card_subruns(groups):
                yield Finding(CARD_NUMBER, start, end)


# ---------------------------------------------------------------- IBAN (mod 97)

#: IBAN lengths by country (SWIFT IBAN registry). Only these countries are detected: an
#: unknown two-letter prefix would make every "AB12..." product code a candidate.
IBAN_LENGTHS: Dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
    "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
    "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
    "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

_IBAN_START = re.compile(r"(?<![0-9A-Za-z])([A-Za-z]{2})(\d{2})")


def iban_valid(compact: str) -> bool:
    """Mod-97 check of an IBAN without spaces (ISO 13616)."""
    compact = compact.upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


def _iban_end(text: str, start: int, length: int) -> Optional[int]:
    """End of an IBAN of ``length`` characters starting at ``start``, single spaces allowed."""
    count, position = 0, start
    while count < length and position < len(text):
        char = text[position]
        if char.isascii() and char.isalnum():
            count += 1
        elif not (char == " " and count >= 2 and position + 1 < len(text)):
            return None
        elif text[position + 1] == " ":
            return None
        position += 1
    if count < length:
        return None
    if position < len(text) and text[position].isascii() and text[position].isalnum():
        return None
    return position


def find_ibans(text: str) -> Iterator[Finding]:
    for match in _IBAN_START.finditer(text):
        length = IBAN_LENGTHS.get(match.group(1).upper())
        if length is None:
            continue
        end = _iban_end(text, match.start(), length)
        if end is not None and iban_valid(text[match.start() : end].replace(" ", "")):
            yield Finding(IBAN, match.start(), end)


def find_structured(text: str) -> List[Finding]:
    """All identity codes, IBANs and card numbers, without overlaps (in that priority)."""
    found: List[Finding] = []
    for detector in (find_identity_codes, find_ibans, find_card_numbers):
        for finding in detector(text):
            if not any(f.overlaps(finding.start, finding.end) for f in found):
                found.append(finding)
    return sorted(found, key=lambda f: f.start)
