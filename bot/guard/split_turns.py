"""Identity codes and card numbers split over two messages.

"mun hetu on 131052" then "308T"; "kortti 4111 1111" then "1111 1111 12/27 123". Neither half
passes a check on its own, so the guard remembers what the first message ENDED with, as a kind
and a digit count (bot.guard.memory.CarryOver, never a value), and takes the start of the next
message for the second half when its shape completes that kind:

- identity code: the first message ends with a date part DDMMYY (or DD.MM.YY) that exists, with
  or without its century sign; the next one starts with [century sign] + three digits + a check
  character ("308T", "-308T", "- 308 T", "A308T"). Without a century sign in either message, the
  check character must be a letter glued to the digits: "131052" then "1234" or "100 e" is far
  more often a date followed by a number or a sum;
- card number: the first message ends with up to four groups of four digits ("4111 1111"),
  or with a run of 6-18 digits, starting with an issuer digit 2-6 (Mastercard 2 and 5, American
  Express and Diners 3, Visa 4, Maestro and Discover 6); the next one starts with digits in the
  same style (groups of four and a shorter last group, or one run) that make 13-19 digits
  together. Its expiry date and security code go with it (bot.guard.cards.details_end). A run
  that is already a valid number may still go on (14 digits can pass Luhn and be the start of
  16), and after a valid number the next message may start with its details ("12/27 123");
  when both readings fit, the one that reaches further wins.

A value checked on its own in the second message (a whole card number, say) wins over a half
recognised by shape when they overlap.

WHY shape and not the check: the check needs both halves, and keeping the first half (or a
checksum residue of it) until the next message would be keeping personal data. The first half
has, at worst, already been stored: the guard cannot recall a message it let through. That is
why the cue rule redacts the first half where it can ("hetu on 131052", "kortin numero on 4111
1111": digits after an identity-code or card cue are a secret of their own, bot.guard.secrets).

Only the end of the first message is looked at (its last ``_TAIL`` characters, a little more for
a complete card number), so a 100 kB message is not scanned again.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.guard.cards import CARD_MAX_DIGITS, CARD_MIN_DIGITS, details_end, find_card_numbers
from bot.guard.findings import CARD_NUMBER, IDENTITY_CODE, Finding
from bot.guard.identity_codes import CHECK_CLASS, SIGN_CLASS, date_exists
from bot.guard.memory import IDENTITY_DATE, IDENTITY_DATE_AND_SIGN, CarryOver
from bot.guard.secrets import mentions_secret

_NOT_AFTER_A_NUMBER = r"(?<![0-9])(?<![0-9][ .\-/])"
_IDENTITY_START = re.compile(
    _NOT_AFTER_A_NUMBER + r"(?P<day>[0-3][0-9])(?P<sep>[ .]?)(?P<month>[01][0-9])(?P=sep)"
    r"(?P<year>[0-9]{2})(?:[ \n]?(?P<sign>" + SIGN_CLASS + r"))?\Z",
    re.IGNORECASE,
)
_IDENTITY_REST = re.compile(
    r"\A[ \n]*(?P<rest>(?:(?P<sign>" + SIGN_CLASS + r")[ \n]?)?(?P<individual>[0-9]{3})"
    r"(?P<gap> ?)(?P<check>" + CHECK_CLASS + r"))(?![0-9A-Za-z])",
    re.IGNORECASE,
)
#: The digits a message ends with (at most six groups: no card is typed in more).
_TRAILING_DIGITS = re.compile(_NOT_AFTER_A_NUMBER + r"[2-6][0-9]*(?:[ .\-/][0-9]+){0,5}\Z")
#: How far from the end the trailing digits are looked for (a card is shorter).
_TAIL = 80
_OUTSIDE_A_NUMBER = re.compile(r"[^0-9 .\-/\n]")
#: A run of digits shorter than this is no card's first half (a year, a PIN, a postal code).
MIN_RUN_START = 6
_CARD_REST = re.compile(r"\A[ \n]*(?P<digits>[0-9]+(?:[ .\-/][0-9]+)*)(?![0-9])")
_GROUP = re.compile(r"[0-9]+")


def _identity_start(text: str) -> str:
    match = _IDENTITY_START.search(text, max(0, len(text) - _TAIL))
    if match is None:
        return ""
    sign = match.group("sign")
    if not date_exists(match.group("day"), match.group("month"), match.group("year"), sign):
        return ""
    return IDENTITY_DATE_AND_SIGN if sign else IDENTITY_DATE


def _card_start(text: str) -> Tuple[int, bool]:
    """(digits, typed in groups) of a card number's first part ending ``text``, or (0, False)."""
    match = _TRAILING_DIGITS.search(text, max(0, len(text) - _TAIL))
    if match is None:
        return 0, False
    lengths = [len(group) for group in _GROUP.findall(match.group())]
    digits = sum(lengths)
    if digits >= CARD_MAX_DIGITS:
        return 0, False
    if len(lengths) == 1 and lengths[0] != 4:
        return (digits, False) if digits >= MIN_RUN_START else (0, False)
    return (digits, True) if all(length == 4 for length in lengths) else (0, False)


def carry_over(text: str) -> CarryOver:
    """What ``text`` (a scan view: see bot.guard.normalize) leaves open for the next message."""
    if not text:
        return CarryOver()
    stripped = text.rstrip(" \n")
    card_digits, grouped = _card_start(stripped)
    return CarryOver(
        secret_talk=mentions_secret(text),
        identity_start=_identity_start(stripped),
        card_digits=card_digits,
        card_grouped=grouped,
        card_complete=_ends_with_card(stripped),
    )


def _ends_with_card(text: str) -> bool:
    """``text`` ends with a valid card number (and maybe its details).

    Only the tail is scanned, from the first character after ``_TAIL`` * 2 from the end that
    cannot be inside a number: a 100 kB message must not be scanned for cards twice.
    """
    if not text or not text[-1].isdigit():
        return False  # a card number and its details end in a digit
    start = max(0, len(text) - 2 * _TAIL)
    if start:
        boundary = _OUTSIDE_A_NUMBER.search(text, start)
        if boundary is None:
            return False
        start = boundary.start()
    return any(f.end == len(text) - start for f in find_card_numbers(text[start:]))


def _identity_rest(text: str, start_kind: str) -> Optional[Finding]:
    match = _IDENTITY_REST.match(text)
    if match is None or int(match.group("individual")) < 2:
        return None
    signed = start_kind == IDENTITY_DATE_AND_SIGN
    if signed and match.group("sign"):
        return None  # "131052-" then "-308T": not a way anyone types
    if not signed and not match.group("sign"):
        if match.group("gap") or not match.group("check").isalpha():
            return None
    return Finding(IDENTITY_CODE, match.start("rest"), match.end("rest"))


def _card_rest(text: str, carry: CarryOver) -> Optional[Finding]:
    """The rest of a card number (and its details), or the details of a complete number.

    Both readings are tried and the one reaching further wins: after a complete 13-digit
    number, "009 12/27 123" is three more digits and the details, not a code and an expiry.
    """
    ends: List[Tuple[int, int]] = []
    if carry.card_complete:
        start = len(text) - len(text.lstrip(" \n"))
        end = details_end(text, start)
        if end > start:
            ends.append((end, start))
    match = _CARD_REST.match(text) if carry.card_digits else None
    if match is not None:
        digits_end = _card_digits_end(text, match, carry)
        if digits_end is not None:
            ends.append((details_end(text, digits_end), match.start("digits")))
    if not ends:
        return None
    end, start = max(ends)
    return Finding(CARD_NUMBER, start, end)


def _card_digits_end(text: str, match: re.Match, carry: CarryOver) -> Optional[int]:
    """End of the digit groups that complete the carried card digits, if they can."""
    groups = list(_GROUP.finditer(text, match.start("digits"), match.end("digits")))
    if not carry.card_grouped:
        groups = groups[:1]
    best: Optional[int] = None
    total = carry.card_digits
    lengths: List[int] = []
    for index, group in enumerate(groups):
        if lengths and lengths[-1] != 4:
            break
        lengths.append(len(group.group()))
        total += lengths[-1]
        if total > CARD_MAX_DIGITS:
            break
        if total < CARD_MIN_DIGITS or (carry.card_grouped and lengths[-1] > 4):
            continue
        if text.startswith("/", group.end()) and index > 0:
            continue  # "1111 12/27": the last group is the expiry month
        best = group.end()
    return best


def find_completion(text: str, carry: CarryOver) -> Optional[Finding]:
    """The second half of a value the previous message ended with, at the start of ``text``."""
    if carry.identity_start:
        finding = _identity_rest(text, carry.identity_start)
        if finding is not None:
            return finding
    if carry.card_digits or carry.card_complete:
        return _card_rest(text, carry)
    return None
