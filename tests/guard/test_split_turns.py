"""Identity codes and card numbers split over two messages of the same person."""

import dataclasses
from typing import List

import pytest
from rasa.shared.core.events import UserUttered

from bot.guard import (
    PLACEHOLDER_CARD_NUMBER,
    PLACEHOLDER_IDENTITY_CODE,
    PLACEHOLDER_SECRET,
    PersonalDataGuard,
)
from bot.guard.memory import IDENTITY_DATE, IDENTITY_DATE_AND_SIGN, CarryOver
from bot.guard.redactor import carry_over_of
from bot.guard.tracker_store import redact_event_dicts

H, C, S = PLACEHOLDER_IDENTITY_CODE, PLACEHOLDER_CARD_NUMBER, PLACEHOLDER_SECRET


def _screen_all(*messages: str) -> List[str]:
    guard = PersonalDataGuard()
    return [guard.screen("split", message).text for message in messages]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # The first half after an identity-code cue is redacted at its own turn (cue rule) ...
        ("mun hetu on 131052", "308T", [f"mun hetu on {S}", H]),
        ("mun hetu on 131052", "-308T", [f"mun hetu on {S}", H]),
        ("henkilötunnus 131052-", "308T kiitos", [f"henkilötunnus {S}", f"{H} kiitos"]),
        # ... without a cue the first half is only a date and stays: the second goes.
        ("syntymäaika 131052", "- 308 T", ["syntymäaika 131052", H]),
        ("13.10.52", "-308T", ["13.10.52", H]),
        ("131052", "A308T", ["131052", H]),
        ("131052\u200b", "\u00a0-308t", ["131052\u200b", f"\u00a0{H}"]),
    ],
)
def test_identity_code_over_two_messages(first: str, second: str, expected: List[str]) -> None:
    assert _screen_all(first, second) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected_second"),
    [
        ("kortti 4111 1111", "1111 1111", C),
        ("kortti 4111 1111", "1111 1111 12/27 123", C),
        ("4111 1111 1111", "1111 exp 12/27 cvc 123, kiitos", f"{C}, kiitos"),
        ("numero 4111111111", "111111", C),
        ("3782 8224", "6310 005", C),
        ("kortti 4111 1111 1111 1111", "12/27 123", C),  # the details of a complete number
        ("46064001134446", "00", C),  # 14 digits pass Luhn, and the number still goes on
    ],
)
def test_card_number_over_two_messages(first: str, second: str, expected_second: str) -> None:
    assert _screen_all(first, second)[1] == expected_second


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("syntymäaika 131052", "100 e"),  # a sum, not "100E"
        ("syntymäaika 131052", "1234"),  # no sign and a digit: a number
        ("syntymäaika 131052", "308 T"),  # no sign: the check letter must be glued
        ("syntymäaika 131052", "kiitos"),
        ("vuonna 2020", "0401234567"),  # a phone number is no card's second half
        ("4111 1111", "040 123 4567"),
        ("4111 1111", "90100"),
        ("4111 1111 1111", "11111 1111"),  # the groups of four do not go on
        ("puhelin 0401234567", "1234 5678"),  # 0 is no card issuer
    ],
)
def test_what_does_not_complete_a_half_is_kept(first: str, second: str) -> None:
    assert _screen_all(first, second)[1] == second


def test_the_carry_over_lasts_one_message() -> None:
    assert _screen_all("syntymäaika 131052", "kiitos", "-308T")[2] == "-308T"


def test_without_sender_id_nothing_carries_over() -> None:
    guard = PersonalDataGuard()
    guard.screen(None, "syntymäaika 131052")
    assert guard.screen(None, "-308T").text == "-308T"


def test_carry_over_holds_kinds_and_counts_only() -> None:
    assert carry_over_of("mun hetu on 131052") == CarryOver(True, IDENTITY_DATE, 0, False)
    assert carry_over_of("131052-") == CarryOver(False, IDENTITY_DATE_AND_SIGN, 0, False)
    assert carry_over_of("kortti 4111 1111") == CarryOver(True, "", 8, True)
    # A complete number may still go on (its expiry and code, or a 19-digit number).
    assert carry_over_of("4111 1111 1111 1111") == CarryOver(False, "", 16, True, True)
    assert carry_over_of("131352") == CarryOver()  # month 13: no date (and 1 is no issuer)
    fields = {f.name: f.type for f in dataclasses.fields(CarryOver)}
    assert fields == {
        "secret_talk": "bool",
        "identity_start": "str",
        "card_digits": "int",
        "card_grouped": "bool",
        "card_complete": "bool",
    }


def test_guard_memory_keeps_no_digit_of_the_first_half() -> None:
    guard = PersonalDataGuard()
    guard.screen("m", "kortti 4111 1111 1111")
    guard.screen("n", "syntymäaika 131052")
    remembered = repr(list(guard._memory._open.items()))
    assert "4111" not in remembered and "131052" not in remembered
    assert guard._memory.recall("n").identity_start == IDENTITY_DATE


def test_tracker_store_redaction_joins_the_halves_without_the_memory() -> None:
    events = [
        UserUttered("syntymäaika 131052", intent={"name": "inform"}).as_dict(),
        UserUttered("-308T", intent={"name": "inform"}, metadata={"typed": "-308T"}).as_dict(),
        UserUttered("4111 1111 1111", intent={"name": "inform"}).as_dict(),
        UserUttered("1111 12/27", intent={"name": "inform"}).as_dict(),
    ]
    texts = [event["text"] for event in redact_event_dicts(events)]
    assert texts == ["syntymäaika 131052", H, "4111 1111 1111", C]
    assert redact_event_dicts(events)[1]["metadata"] == {"typed": H}
