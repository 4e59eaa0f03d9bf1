"""Bank account numbers in free text: IBANs of every registry country, old Finnish numbers.

IBAN: the countries, their lengths and their BBAN layouts come from python-stdnum's copy of the
SWIFT IBAN registry (``stdnum.iban``), not from a table of our own (ours had missed twelve
countries, whose valid IBANs then passed). Validation is ``stdnum.iban.is_valid`` with
``check_country=False``: ISO 7064 mod 97-10 plus the registry's BBAN layout. WHY not the
national checks as well: they can only reject MORE strings, and a string that already passes
mod 97 with the right length and layout is an account number for the guard's purpose; being
stricter than needed would only let a rarer real account through.

Spellings: upper or lower case; one separator between any two characters after the country
code: a space, a hyphen, or a line break (with at most one extra space: "FI21 1234\\n5600 0007
85" is how an IBAN wraps in a narrow chat box); glued to a word on the left
("tilinumeroFI2112345600000785", "tili:FI21..."); on the right, a letter may follow a final
digit but nothing alphanumeric may follow a final letter.

Old Finnish account numbers ("123456-785", "Nordea 500001-234"): six digits, a hyphen (spaces
allowed around it), 2-8 digits. stdnum has no module for them, so they are converted by the
banks' own rule (Finance Finland, "The structure of Finnish bank account numbers"): the first
digit is the bank group (1-2 Nordea, 3x several banks, 4 savings and POP banks and Aktia, 5 OP,
6 Ålandsbanken, 7 smaller banks, 8 Danske Bank); zeros are inserted to make 14 digits, after the
SEVENTH digit for groups 4 and 5 and after the sixth for the others; the last digit is a Luhn
check over the 14 digits (``stdnum.luhn``). The 14 digits are the IBAN's BBAN, so the IBAN
``FI`` + check digits + BBAN is always valid by construction: the domestic check digit is the
only check there is, and a number passing it is redacted as an IBAN (same placeholder).
Bank group 0 and 9 do not exist, which keeps "09-..." phone numbers and such out.
"""

from __future__ import annotations

import re
from typing import Dict, Iterator, NamedTuple, Optional

from stdnum import iban as stdnum_iban
from stdnum import luhn, numdb

from bot.guard.findings import IBAN, Finding

_BBAN_PART = re.compile(r"([0-9]+)!([nac])")


class IbanLayout(NamedTuple):
    """One registry country: the IBAN's length and the BBAN's layout ("3!n11!n")."""

    length: int
    bban: str


def _registry() -> Dict[str, IbanLayout]:
    layouts: Dict[str, IbanLayout] = {}
    for _length, low, high, properties, _children in numdb.get("iban").prefixes:
        bban = properties.get("bban")
        if bban and low == high and len(low) == 2:
            length = 4 + sum(int(count) for count, _kind in _BBAN_PART.findall(bban))
            layouts[low] = IbanLayout(length, bban)
    return layouts


#: Country code -> layout, for every country in stdnum's IBAN registry.
IBAN_COUNTRIES: Dict[str, IbanLayout] = _registry()
#: Country code -> IBAN length (the previous public name of this table).
IBAN_LENGTHS: Dict[str, int] = {cc: layout.length for cc, layout in IBAN_COUNTRIES.items()}

_IBAN_START = re.compile(r"(?<![0-9])[A-Za-z]{2}[0-9]{2}")


def iban_valid(compact: str) -> bool:
    """A complete IBAN without separators passes mod 97 and its country's layout."""
    compact = compact.upper()
    layout = IBAN_COUNTRIES.get(compact[:2])
    return (
        layout is not None
        and len(compact) == layout.length
        and compact.isascii()
        and stdnum_iban.is_valid(compact, check_country=False)
    )


#: The characters of an IBAN after its first four, each after an optional separator ("-", or
#: one or two spaces / line breaks), for every length in the registry. One compiled pattern per
#: length: a regular expression walks them in C, and without any choice to backtrack into.
_IBAN_BODY: Dict[int, re.Pattern] = {
    length: re.compile(r"(?:(?:-|[ \n]{1,2})?[0-9A-Za-z]){" + str(length - 4) + "}")
    for length in {layout.length for layout in IBAN_COUNTRIES.values()}
}


def _iban_end(text: str, start: int, length: int) -> Optional[int]:
    """End of the ``length`` IBAN characters starting at ``start`` (separators between), or None."""
    body = _IBAN_BODY[length].match(text, start + 4)
    if body is None:
        return None
    position = body.end()
    if position < len(text) and text[position].isalnum():
        if text[position - 1].isalpha() or text[position].isdigit():
            return None  # the IBAN would go on: it is some other, longer string
    return position


def find_ibans(text: str) -> Iterator[Finding]:
    """Valid IBANs in ``text`` (a scan view: see bot.guard.normalize)."""
    for match in _IBAN_START.finditer(text):
        layout = IBAN_COUNTRIES.get(match.group()[:2].upper())
        if layout is None:
            continue
        end = _iban_end(text, match.start(), layout.length)
        if end is None:
            continue
        compact = "".join(char for char in text[match.start() : end] if char.isalnum())
        if iban_valid(compact):
            yield Finding(IBAN, match.start(), end)


# ---------------------------------------------------------------- old Finnish account numbers

#: Not part of a longer number ("3701-120657-00002" is a card in the American Express layout).
_DOMESTIC = re.compile(
    r"(?<![0-9])(?<![0-9][ .\-/])(?P<head>[1-8][0-9]{5}) ?- ?(?P<tail>[0-9]{2,8})"
    r"(?![0-9A-Za-z])(?![ .\-/][0-9])"
)
#: Bank groups whose numbers get the zeros after the seventh digit, not the sixth.
_ZEROS_AFTER_SEVENTH = ("4", "5")


def domestic_bban(head: str, tail: str) -> str:
    """The 14-digit machine form (= the IBAN's BBAN) of an old account number."""
    fill = "0" * (14 - len(head) - len(tail))
    if head[0] in _ZEROS_AFTER_SEVENTH:
        return head + tail[0] + fill + tail[1:]
    return head + fill + tail


def domestic_to_iban(head: str, tail: str) -> str:
    """The IBAN of an old account number (FI + mod-97 check digits + BBAN)."""
    bban = domestic_bban(head, tail)
    return "FI" + stdnum_iban.calc_check_digits("FI00" + bban) + bban


def is_valid_domestic(head: str, tail: str) -> bool:
    """The old number's own check: Luhn over the 14-digit machine form."""
    return luhn.is_valid(domestic_bban(head, tail))


def find_domestic_accounts(text: str) -> Iterator[Finding]:
    """Old-format Finnish account numbers whose check digit is right."""
    for match in _DOMESTIC.finditer(text):
        if is_valid_domestic(match.group("head"), match.group("tail")):
            yield Finding(IBAN, match.start(), match.end())
