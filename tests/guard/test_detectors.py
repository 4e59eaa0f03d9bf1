"""Identity codes, card numbers, IBANs and old account numbers: valid ones are found in the
spellings people type, look-alikes are not."""

import datetime
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban
from stdnum.fi import hetu as stdnum_hetu

from bot.guard import PLACEHOLDER_CARD_NUMBER, PLACEHOLDER_IBAN, PLACEHOLDER_IDENTITY_CODE
from bot.guard.detectors import (
    CENTURY_SIGNS,
    HETU_CHECK_CHARS,
    IBAN_COUNTRIES,
    domestic_to_iban,
    find_card_numbers,
    find_domestic_accounts,
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

#: No deadline: the machine is shared, and a timed assertion would fail for the wrong reason.
NO_DEADLINE = settings(deadline=None)


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


@NO_DEADLINE
@given(hetus())
def test_generated_valid_codes_are_found_and_removed(code: str) -> None:
    text = f"mun hetu on {code} ok"
    findings = list(find_identity_codes(text))
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == code
    redacted = redact_text(text)
    assert code not in redacted
    assert PLACEHOLDER_IDENTITY_CODE in redacted


@NO_DEADLINE
@given(hetus())
def test_lower_case_and_spacing_around_the_sign_are_accepted(code: str) -> None:
    spaced = f"{code[:6]} {code[6]} {code[7:]}".lower()
    assert is_valid_hetu(code.lower())
    assert list(find_identity_codes(f"tässä {spaced}"))


@NO_DEADLINE
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


def test_code_inside_a_longer_number_is_not_flagged() -> None:
    assert not list(find_identity_codes("9131052-308T"))
    assert not list(find_identity_codes("131052-308T7"))


@pytest.mark.parametrize("sign", sorted(CENTURY_SIGNS))
def test_our_century_signs_are_the_ones_stdnum_accepts(sign: str) -> None:
    century = CENTURY_SIGNS[sign]
    code = make_hetu(datetime.date(century + 52, 10, 13), 308, sign)
    assert stdnum_hetu.is_valid(code, allow_temporary=True)
    assert is_valid_hetu(code)


H = PLACEHOLDER_IDENTITY_CODE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("131052 308T", H),  # the sign left out
        ("13.10.52-308T", H),  # the date written as a date
        ("13 10 52-308T", H),
        ("131052-308 T", H),
        ("131052 - 308 T", H),
        ("131052\u00a0308T", H),  # no-break space
        ("131052-\u200b308T", H),  # zero-width space
        ("1310\u200b52-308T", H),
        ("131052\u2013308T", H),  # en dash
        ("131052308T", H),  # nothing between, a letter as the check character
        ("131052\n308T", H),
        ("hetu:131052-308T", f"hetu:{H}"),
        ("hetuni131052-308T", f"hetuni{H}"),
        ("äidin hetu 131052a308t.", f"äidin hetu {H}."),
        ("１３１０５２-３０８Ｔ", H),  # full-width digits
    ],
)
def test_identity_code_spellings_people_type(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0401234567",  # ten digits: a phone number, even when DDMMYY + ZZZ + C would check
        "13.10.52 3082",  # a dotted date without a century sign
        "131052-308X",  # wrong check character
    ],
)
def test_identity_code_look_alikes(text: str) -> None:
    assert not list(find_identity_codes(text))


def test_ten_digits_are_no_code_even_when_they_would_check() -> None:
    # DDMMYY + ZZZ + a check DIGIT typed without a sign: the shape of "0401234567".
    individual = next(
        f"{n:03d}" for n in range(100, 999) if hetu_check_char("040123", f"{n:03d}").isdigit()
    )
    code = "040123" + individual + hetu_check_char("040123", individual)
    assert stdnum_hetu.is_valid(f"{code[:6]}-{code[6:]}")
    assert not list(find_identity_codes(code))
    assert list(find_identity_codes(f"{code[:6]} {code[6:]}"))  # with a space it is checkable


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


@NO_DEADLINE
@given(card_numbers())
def test_generated_card_numbers_are_found(number: str) -> None:
    grouped = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    for form in (number, grouped):
        assert [f.kind for f in find_card_numbers(f"kortti {form}")] == [CARD_NUMBER]


@NO_DEADLINE
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


C = PLACEHOLDER_CARD_NUMBER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4111 1111 1111 1111 12/27 123", C),
        ("kortti 4111111111111111 exp 12/27 cvc 123", f"kortti {C}"),
        ("4111111111111111, voimassa 12/2027, CVV: 123.", f"{C}."),
        ("card 4111-1111-1111-1111 cvc 123 exp 1/27 thanks", f"card {C} thanks"),
        ("4111 1111 1111 1111 turvakoodi 123 ja 12/27", C),
        ("4111.1111.1111.1111", C),
        ("4111/1111/1111/1111", C),
        ("4111 1111\n1111 1111", C),
        ("3782 822463 10005 12/26 1234", C),  # American Express 4-6-5 with a four-digit code
        ("kortti4111111111111111", f"kortti{C}"),
    ],
)
def test_card_numbers_go_with_their_details(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4111 1111 1111 1111 250 €", f"{C} 250 €"),  # a sum after the number is no code
        ("4111 1111 1111 1111 maksoin 12.3.2025", f"{C} maksoin 12.3.2025"),
        ("voimassa 12/27 ja koodi puuttuu", "voimassa 12/27 ja koodi puuttuu"),  # no card
    ],
)
def test_card_details_are_details_only_next_to_a_card(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12.3.2025 040 123 4567",  # date + phone: 17 digits, but no card layout
        "040 123 4567 050 765 4321 09 310 1234",
        "1 200 000 1 200 000 euroa",
    ],
)
def test_other_numbers_never_add_up_to_a_card(text: str) -> None:
    assert not list(find_card_numbers(text))


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


@NO_DEADLINE
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


# The twelve countries our own table lacked before stdnum's registry was used.
NEW_COUNTRIES = ["BI", "DJ", "FK", "HN", "LY", "MN", "NI", "OM", "RU", "SD", "SO", "YE"]


def _example_iban(country: str) -> str:
    """A valid IBAN of ``country``: a BBAN of the registry's layout, real check digits."""
    fill = {"n": "7", "a": "Q", "c": "8"}
    bban = "".join(
        fill[kind] * int(count)
        for count, kind in re.findall(r"(\d+)!([nac])", IBAN_COUNTRIES[country].bban)
    )
    return country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban


def test_every_registry_country_is_known() -> None:
    assert set(NEW_COUNTRIES) <= set(IBAN_COUNTRIES)
    assert len(IBAN_COUNTRIES) >= 89


@pytest.mark.parametrize("country", sorted(IBAN_COUNTRIES))
def test_a_valid_iban_of_every_registry_country_is_found(country: str) -> None:
    iban = _example_iban(country)
    assert stdnum_iban.is_valid(iban, check_country=False)
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    for text in (f"tili {iban}.", f"tili {spaced}.", f"tili {spaced.lower()}."):
        assert redact_text(text) == f"tili {PLACEHOLDER_IBAN}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FI21 1234\n5600 0007 85", PLACEHOLDER_IBAN),
        ("FI21 1234\r\n5600 0007 85", PLACEHOLDER_IBAN),
        ("FI21 1234 \n5600 0007 85", PLACEHOLDER_IBAN),
        ("tilinumeroFI2112345600000785", f"tilinumero{PLACEHOLDER_IBAN}"),
        ("tili:FI21-1234-5600-0007-85", f"tili:{PLACEHOLDER_IBAN}"),
        ("FI21\u00a01234\u00a05600\u00a00007\u00a085", PLACEHOLDER_IBAN),
        ("FI21 1234 5600 0007 85kiitos", f"{PLACEHOLDER_IBAN}kiitos"),
    ],
)
def test_iban_spellings_people_type(text: str, expected: str) -> None:
    assert redact_text(text) == expected


# ------------------------------------------------------------------ old Finnish account numbers


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("123456-785", "FI2112345600000785"),  # Nordea: zeros after the sixth digit
        ("Nordea 123456-785", "FI2112345600000785"),
        ("423456 - 781", "FI5542345670000081"),  # savings banks: zeros after the seventh
        ("tili 500001-238 OP:lla", None),  # OP: zeros after the seventh
    ],
)
def test_old_domestic_account_numbers(text: str, iban: str) -> None:
    findings = list(find_domestic_accounts(text))
    assert [f.kind for f in findings] == [IBAN]
    head, tail = text[findings[0].start : findings[0].end].replace(" ", "").split("-")
    converted = domestic_to_iban(head, tail)
    assert stdnum_iban.is_valid(converted)
    if iban:
        assert converted == iban
    assert PLACEHOLDER_IBAN in redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "123456-784",  # wrong check digit
        "023456-785",  # no bank group 0
        "923456-785",  # nor 9
        "1234567-8",  # a business ID (Y-tunnus) has seven digits first
        "09-310 1234",
        "2025-12-01",
    ],
)
def test_old_domestic_look_alikes(text: str) -> None:
    assert not list(find_domestic_accounts(text))


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
        "12.3.2025",
        "12/27",
        "klo 14.30",
        "250 €",
        "1 200 euroa",
        "09-310 1234",
        "+358 40 1234567",
        "asun 90100 oulu",
        "vuonna 1952",
    ],
)
def test_borderline_values_are_left_alone(text: str) -> None:
    assert find_structured(text) == []
    assert redact_text(text) == text


@NO_DEADLINE
@given(st.text(max_size=200))
def test_redaction_is_idempotent(text: str) -> None:
    once = redact_text(text)
    assert redact_text(once) == once
