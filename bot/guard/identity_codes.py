"""Finnish personal identity codes (henkilötunnus, "hetu") in free text.

Validation is python-stdnum's ``stdnum.fi.hetu`` (date, century sign, individual number, check
character); finding the candidates in what people type is ours. stdnum 2.2 accepts all century
signs in use: "+" (1800s), "-" and Y X W V U (1900s), A and B C D E F (2000s; the extra letters
since 2023). ``allow_temporary=True``: temporary codes (individual numbers 900-999) identify a
person as well.

Spellings found (scanned in bot.guard.normalize's view, so no-break and zero-width spaces and
typographic dashes are already plain):

- "131052-308T", "131052-308t", "131052 - 308T", "131052-308 T" (one optional space on either
  side of the century sign and before the check character);
- "13.10.52-308T", "13 10 52-308T": the date written as a date, one separator used twice,
  but then the century sign is required (a dotted date followed by four digits is far more often
  a date and a time or a number);
- "131052 308T": the century sign left out and replaced by a space (or a line break). The check
  character does not depend on the century, so the code is still checkable; it is accepted when
  the date exists in some century;
- "131052308T": nothing between the parts, accepted only with a LETTER as check character.
  WHY: ten digits in a row are a phone number ("0401234567") about one time in 31;
- glued to a word on the left ("hetu:131052-308T", "hetuni131052-308T") but never to a digit:
  inside a longer number it is something else. On the right only a non-alphanumeric may follow.

An identity-code-shaped string with a wrong check character is NOT flagged: it is most likely a
typo of a real code, and flagging by shape would also take order numbers; the cue-based secret
detector still catches it after "hetu on" / "henkilötunnus on".
"""

from __future__ import annotations

import datetime
import re
from typing import Iterator, Optional

from stdnum.fi import hetu as stdnum_hetu

from bot.guard.findings import IDENTITY_CODE, Finding
from bot.guard.normalize import scan_view

#: Century signs and the first year of their century (as stdnum.fi.hetu accepts them).
CENTURY_SIGNS = {
    "+": 1800,
    **{sign: 1900 for sign in "-YXWVU"},
    **{sign: 2000 for sign in "ABCDEF"},
}
HETU_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
SIGN_CLASS = r"[-+A-FU-Y]"
#: The check characters (no G, I, O, Q, Z), as a regular expression class.
CHECK_CLASS = r"[0-9A-FHJ-NPR-Y]"
#: Signs tried, in this order, when the person left the sign out.
_IMPLIED_SIGNS = ("-", "A", "+")

_DATE = r"(?P<day>[0-3][0-9])(?P<date_sep>[ .]?)(?P<month>[01][0-9])(?P=date_sep)(?P<year>[0-9]{2})"
_HETU = re.compile(
    r"(?<![0-9])" + _DATE + r"(?:[ \n]?(?P<sign>" + SIGN_CLASS + r")[ \n]?|(?P<gap>[ \n]?))"
    r"(?P<individual>[0-9]{3}) ?(?P<check>" + CHECK_CLASS + r")"
    r"(?![0-9A-Za-z])",
    re.IGNORECASE,
)


def hetu_check_char(date_digits: str, individual: str) -> str:
    """The check character of DDMMYY + ZZZ (the nine digits as a number, mod 31)."""
    return HETU_CHECK_CHARS[int(date_digits + individual) % 31]


def compact_is_valid(date_digits: str, sign: Optional[str], individual: str, check: str) -> bool:
    """True if the parts make a valid code; a missing sign may be any century's."""
    signs = (sign.upper(),) if sign else _IMPLIED_SIGNS
    return any(
        stdnum_hetu.is_valid(date_digits + s + individual + check.upper(), allow_temporary=True)
        for s in signs
    )


def date_exists(day: str, month: str, year: str, sign: Optional[str] = None) -> bool:
    """DDMMYY is a real date in the sign's century (any century when no sign is given)."""
    centuries = [CENTURY_SIGNS[sign.upper()]] if sign else sorted(set(CENTURY_SIGNS.values()))
    for century in centuries:
        try:
            datetime.date(century + int(year), int(month), int(day))
        except ValueError:
            continue
        return True
    return False


def _match_is_valid(match: re.Match) -> bool:
    sign = match.group("sign")
    if sign is None:
        if match.group("date_sep"):
            return False  # "13.10.52 308T": a dotted date needs the century sign
        if not match.group("gap") and not match.group("check").isalpha():
            return False  # "0401234567": ten digits in a row are a phone number
    date_digits = match.group("day") + match.group("month") + match.group("year")
    return compact_is_valid(date_digits, sign, match.group("individual"), match.group("check"))


def find_identity_codes(text: str) -> Iterator[Finding]:
    """Valid identity codes in ``text`` (a scan view: see bot.guard.normalize)."""
    position = 0
    while (match := _HETU.search(text, position)) is not None:
        if _match_is_valid(match):
            yield Finding(IDENTITY_CODE, match.start(), match.end())
            position = match.end()
        else:  # a failed candidate must not hide a valid code that starts inside it
            position = match.start() + 1


def is_valid_hetu(code: str) -> bool:
    """True for one complete, valid identity code in any of the spellings above."""
    match = _HETU.fullmatch(scan_view(code.strip()).text)
    return match is not None and _match_is_valid(match)
