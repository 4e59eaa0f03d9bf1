"""Identity codes, card numbers and IBANs: valid ones are found, look-alikes are not."""

import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.guard import PLACEHOLDER_CARD_NUMBER, PLACEHOLDER_IBAN, PLACEHOLDER_IDENTITY_CODE
from bot.guard.detectors import (
    CENTURY_SIGNS,
    HETU_CHECK_CHARS,
    find_card_numbers,
    find_ibans,
    find_identity_codes,
    find_structured,
    hetu_check_char,
    iban_valid,
    is_valid_hetu,
    luhn_valid,
)
from bot.guard.findings import CARD_NUMBER, IBAN, IDENTITY_CODE
from bot.guard.redactor import redact_text


def make_hetu(day: datetime.date, individual: int, sign: str) -> str:
    date_digits = day.strftime("%d%m") + f"{day.year % 100:02d}"
    number = f"{individual:03d}"
    return f"{date_digits}{sign}{number}{hetu_check_char(date_digits, number)}"


@st.composite
def hetus(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(sorted(CENTURY_SIGNS)))
    century = CENTURY_SIGNS[sign]
    day = draw(st.dates(datetime.date(century, 1, 1), datetime.date(century + 99, 12, 31)))
    return make_hetu(day, draw(st.integers(2, 999)), sign)


# ------------------------------------------------------------------ identity codes


def test_the_published_example_code_is_found() -> None:
    text = "henkilötunnukseni on 131052-308T, kiitos"
    assert redact_text(text) == f"henkilötunnukseni on {PLACEHOLDER_IDENTITY_CODE}, kiitos"


@pytest.mark.parametrize("sign", sorted(CENTURY_SIGNS))
def test_every_century_sign_is_accepted(sign: str) -> None:
    century = CENTURY_SIGNS[sign]
    code = make_hetu(datetime.date(century + 52, 10, 13), 308, sign)
    assert is_valid_hetu(code)
    assert [f.kind for f in find_identity_codes(f"koodi {code}.")] == [IDENTITY_CODE]


@given(hetus())
def test_generated_valid_codes_are_found_and_removed(code: str) -> None:
    text = f"mun hetu on {code} ok"
    findings = list(find_identity_codes(text))
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == code
    redacted = redact_text(text)
    assert code not in redacted
    assert PLACEHOLDER_IDENTITY_CODE in redacted


@given(hetus())
def test_lower_case_and_spacing_around_the_sign_are_accepted(code: str) -> None:
    spaced = f"{code[:6]} {code[6]} {code[7:]}".lower()
    assert is_valid_hetu(code.lower())
    assert list(find_identity_codes(f"tässä {spaced}"))


@given(hetus(), st.sampled_from(HETU_CHECK_CHARS))
def test_a_wrong_check_character_is_not_flagged(code: str, wrong: str) -> None:
    # Decision (bot/guard/detectors.py): only codes valid by their check character are flagged.
    assume(wrong != code[-1])
    assert not list(find_identity_codes(code[:-1] + wrong))


def test_typographic_dash_counts_as_hyphen() -> None:
    assert is_valid_hetu("131052\u2013308T")


@pytest.mark.parametrize(
    ("day", "sign", "valid"),
    [
        (datetime.date(2000, 2, 29), "A", True),  # 2000 is a leap year
        (datetime.date(2004, 2, 29), "B", True),
        (datetime.date(1896, 2, 29), "+", True),
        (datetime.date(1952, 2, 29), "Y", True),
    ],
)
def test_leap_days(day: datetime.date, sign: str, valid: bool) -> None:
    assert is_valid_hetu(make_hetu(day, 123, sign)) is valid


@pytest.mark.parametrize(
    "code",
    [
        # 29 February in years that are not leap years (check character computed correctly)
        "290200-" + "123" + hetu_check_char("290200", "123"),  # 1900
        "290200+" + "123" + hetu_check_char("290200", "123"),  # 1800
        "290201A" + "123" + hetu_check_char("290201", "123"),  # 2001
        "311152-" + "308" + hetu_check_char("311152", "308"),  # 31 November
        "001052-" + "308" + hetu_check_char("001052", "308"),  # day 0
        "131352-" + "308" + hetu_check_char("131352", "308"),  # month 13
        "131052-" + "000" + hetu_check_char("131052", "000"),  # individual numbers 000, 001
        "131052-" + "001" + hetu_check_char("131052", "001"),
        "131052G308T",  # G is not a century sign
    ],
)
def test_impossible_codes_are_not_flagged(code: str) -> None:
    assert not list(find_identity_codes(code))


def test_temporary_identity_codes_are_flagged() -> None:
    code = make_hetu(datetime.date(1985, 6, 1), 912, "-")
    assert list(find_identity_codes(code))


def test_code_inside_a_longer_token_is_not_flagged() -> None:
    assert not list(find_identity_codes("X131052-308T"))
    assert not list(find_identity_codes("131052-308T7"))


# ------------------------------------------------------------------ card numbers


@pytest.mark.parametrize(
    "number",
    [
        "4111 1111 1111 1111",
        "4111111111111111",
        "4111-1111-1111-1111",
        "5555555555554444",
        "3782 822463 10005",  # American Express test number, 15 digits in 4-6-5
        "4222222222222",  # 13 digits
    ],
)
def test_luhn_valid_card_numbers_are_found(number: str) -> None:
    text = f"kortin numero on {number}."
    assert redact_text(text) == f"kortin numero on {PLACEHOLDER_CARD_NUMBER}."


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    body = draw(st.text("0123456789", min_size=12, max_size=18))
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("one check digit always fits")


@given(card_numbers())
def test_generated_card_numbers_are_found(number: str) -> None:
    grouped = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    for form in (number, grouped):
        assert [f.kind for f in find_card_numbers(f"kortti {form}")] == [CARD_NUMBER]


@given(card_numbers(), st.integers(0, 18), st.integers(1, 9))
def test_one_wrong_digit_breaks_the_card_number(number: str, position: int, delta: int) -> None:
    position %= len(number)
    wrong = str((int(number[position]) + delta) % 10)
    broken = number[:position] + wrong + number[position + 1 :]
    assert not list(find_card_numbers(broken))


def test_card_after_a_phone_number_in_the_same_digit_run() -> None:
    text = "0401234567 4111111111111111"
    assert redact_text(text) == f"0401234567 {PLACEHOLDER_CARD_NUMBER}"
    text = "040 123 4567 4111 1111 1111 1111"
    assert redact_text(text) == f"040 123 4567 {PLACEHOLDER_CARD_NUMBER}"


# ------------------------------------------------------------------ IBANs


@pytest.mark.parametrize(
    "iban",
    [
        "FI21 1234 5600 0007 85",
        "FI2112345600000785",
        "fi21 1234 5600 0007 85",
        "GB82 WEST 1234 5698 7654 32",
        "DE89 3704 0044 0532 0130 00",
    ],
)
def test_valid_ibans_are_found(iban: str) -> None:
    text = f"tilille {iban} kiitos"
    assert redact_text(text) == f"tilille {PLACEHOLDER_IBAN} kiitos"


@st.composite
def finnish_ibans(draw: st.DrawFn) -> str:
    bban = draw(st.text("0123456789", min_size=14, max_size=14))
    number = int("".join(str(int(c, 36)) for c in bban + "FI00"))
    return f"FI{98 - number % 97:02d}{bban}"


@given(finnish_ibans())
def test_generated_finnish_ibans_are_found(iban: str) -> None:
    assert iban_valid(iban)
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    assert [f.kind for f in find_ibans(f"tili {spaced}, maksa")] == [IBAN]


@pytest.mark.parametrize(
    "text",
    [
        "FI22 1234 5600 0007 85",  # wrong check digits
        "FI21 1234 5600 0007 8",  # too short
        "FI21 1234 5600 0007 856",  # too long
        "ZZ21 1234 5600 0007 85",  # no such country
    ],
)
def test_invalid_ibans_are_not_flagged(text: str) -> None:
    assert not list(find_ibans(text))


def test_iban_wins_over_a_card_number_inside_it() -> None:
    findings = find_structured("FI21 1234 5600 0007 85")
    assert [f.kind for f in findings] == [IBAN]


# ------------------------------------------------------------------ borderline: must NOT be flagged


@pytest.mark.parametrize(
    "text",
    [
        "soita 040 123 4567",
        "+358 40 1234567",
        "0401234567",
        "vaihde 0295 000 000",
        "aika 1.12.2025 klo 10",
        "syntynyt 12.01.1950",
        "syntymäaika 120150",
        "2025-12-01",
        "postinumero 00100",
        "tilausnumero 1234567890",
        "131052-308X",  # an identity code with a wrong check character (see decision above)
        "4111 1111 1111 1112",  # Luhn-invalid 16 digits
        "1200 euroa",
        "1 200 000 euroa",
        "040 123 4567 050 765 4321",  # two phone numbers in a row
        "viitenumero 12345 67890 12345 67891",
    ],
)
def test_borderline_values_are_left_alone(text: str) -> None:
    assert find_structured(text) == []
    assert redact_text(text) == text


@given(st.text(max_size=200))
def test_redaction_is_idempotent(text: str) -> None:
    once = redact_text(text)
    assert redact_text(once) == once
