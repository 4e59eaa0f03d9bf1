"""Reading a client's turn: every malformed request is refused with a reason, nothing crashes."""

import json

import pytest

from bot.guard.limits import REPLACEMENT_CHARACTER, allowed_metadata, message_too_long_text
from bot.web.incoming import (
    ChatTurn,
    OverLongTurn,
    RejectedRequest,
    check_sender_id,
    read_json_object,
    read_message_id,
    read_turn,
)
from bot.web.session_ids import SessionIdSigner

SENDER = "test-1234abcd5678efgh"


@pytest.mark.parametrize(
    "body, code",
    [
        (b"", "empty_body"),
        (None, "empty_body"),
        (b"  \n", "empty_body"),
        (b"hei", "invalid_json"),
        (b'{"sender": "x"', "invalid_json"),
        (b"\xff\xfe\xfd", "invalid_json"),
        (b"[" * 20_000, "invalid_json"),  # deeper than Python's recursion limit
        (b'{"n": 1' + b"0" * 5000 + b"}", "invalid_json"),  # past Python's int digit limit
        (b"[1, 2]", "not_an_object"),
        (b'"hei"', "not_an_object"),
        (b"null", "not_an_object"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(body, code) -> None:
    with pytest.raises(RejectedRequest) as refused:
        read_json_object(body)
    assert refused.value.status == 400 and refused.value.code == code
    assert refused.value.body["message"]


def test_a_json_object_is_read() -> None:
    assert read_json_object(b'{"sender": "a", "message": "hei"}') == {
        "sender": "a",
        "message": "hei",
    }


@pytest.mark.parametrize(
    "sender, code",
    [
        (None, "missing_sender"),
        ("", "missing_sender"),
        (1234567890123456789, "invalid_sender"),
        (["abcdefghijklmnopq"], "invalid_sender"),
        ("lyhyt", "invalid_sender"),
        ("x" * 129, "invalid_sender"),
        ("default conversation", "invalid_sender"),
        ("ääkkösiäääääääääääää", "invalid_sender"),
        ("abcdefghijklmnop\ud800", "invalid_sender"),
        ("131052-308T-abcdefgh", "personal_data_in_sender"),
        ("4111111111111111", "personal_data_in_sender"),
        ("web_4111_1111_1111_1111", "personal_data_in_sender"),
        ("FI2112345600000785", "personal_data_in_sender"),
    ],
)
def test_a_sender_id_must_be_present_safe_and_free_of_personal_data(sender, code) -> None:
    with pytest.raises(RejectedRequest) as refused:
        check_sender_id(sender)
    assert refused.value.status == 400 and refused.value.code == code
    if isinstance(sender, str) and sender:
        assert sender not in json.dumps(refused.value.body)  # never repeated back


def test_safe_sender_ids_pass_unchanged() -> None:
    for sender in (SENDER, "a" * 16, "A-b_C" * 25 + "xyz"):
        assert check_sender_id(sender) == sender


def test_with_a_signer_only_the_ids_it_issued_pass() -> None:
    signer = SessionIdSigner(b"k" * 32)
    issued = signer.issue()
    assert check_sender_id(issued, signer) == issued
    for other in (SENDER, SessionIdSigner(b"o" * 32).issue(), issued[:-1] + "A"):
        if other == issued:
            continue
        with pytest.raises(RejectedRequest) as refused:
            check_sender_id(other, signer)
        assert refused.value.status == 403 and refused.value.code == "unknown_conversation"


@pytest.mark.parametrize(
    "payload, code",
    [
        ({}, "missing_message"),
        ({"message": None}, "missing_message"),
        ({"message": 5}, "invalid_message"),
        ({"message": ["hei"]}, "invalid_message"),
        ({"message": {"text": "hei"}}, "invalid_message"),
        ({"message": ""}, "empty_message"),
        ({"message": " \n\t"}, "empty_message"),
    ],
)
def test_a_message_must_be_a_non_empty_string(payload, code) -> None:
    with pytest.raises(RejectedRequest) as refused:
        read_turn(payload, SENDER, 1000)
    assert refused.value.status == 400 and refused.value.code == code


def test_a_message_over_the_limit_keeps_only_whom_to_answer() -> None:
    assert read_turn({"message": "a" * 1000}, SENDER, 1000) == ChatTurn(SENDER, "a" * 1000, {})
    over = read_turn({"message": "hetu 131052-308T " + "a" * 1000}, SENDER, 1000)
    assert over == OverLongTurn(SENDER)
    assert "131052-308T" not in repr(over)


def test_an_over_long_message_keeps_what_tells_the_language_of_the_answer() -> None:
    metadata = {"metadata": {"language": "en"}}
    swedish = read_turn(
        {"message": "jag behöver hjälp med nätbanken " * 50, **metadata}, SENDER, 1000
    )
    assert swedish == OverLongTurn(SENDER, said="sv", page_language="en")
    assert swedish.language("en") == "sv"  # the message beats the conversation
    silent = read_turn({"message": "a" * 1001, **metadata}, SENDER, 1000)
    assert (
        silent.language("sv") == "sv"
        and silent.language() == "en"
        and OverLongTurn(SENDER).language() == "fi"
    )


def test_lone_surrogates_are_replaced_and_the_rest_kept() -> None:
    payload = json.loads('{"message": "hei \\ud800 apua \\udfff \\ud83d\\ude00"}')
    turn = read_turn(payload, SENDER, 1000)
    assert turn.text == f"hei {REPLACEMENT_CHARACTER} apua {REPLACEMENT_CHARACTER} \U0001f600"
    turn.text.encode("utf-8")  # would raise with a lone surrogate left in


def test_the_text_stays_out_of_the_turns_repr() -> None:
    turn = read_turn({"message": "salasana on Kissa123!"}, SENDER, 1000)
    assert "Kissa123" not in repr(turn) and SENDER in repr(turn)


def test_metadata_keeps_only_known_keys_with_bounded_values() -> None:
    raw = {
        "location": {"latitude": 65.0123456, "longitude": 24.56789, "accuracy": 5},
        "language": "fi",
        "redacted": ["identity_code"],
        "blob": "x" * 100_000,
        "text": "hetu 131052-308T",
    }
    assert allowed_metadata(raw) == {
        "location": {"latitude": 65.012, "longitude": 24.568},
        "language": "fi",
    }


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "location",
        [1, 2],
        {"location": {"latitude": 91, "longitude": 24}},
        {"location": {"latitude": "65", "longitude": 24}},
        {"location": {"latitude": True, "longitude": 24}},
        {"location": {"latitude": float("nan"), "longitude": 24}},
        {"location": {"latitude": 10**400, "longitude": 24}},
        {"location": [65, 24]},
        {"language": "x" * 100},
        {"language": "fi; DROP TABLE"},
        {"language": 5},
    ],
)
def test_bad_metadata_values_are_dropped_without_error(raw) -> None:
    assert allowed_metadata(raw) == {}


def test_metadata_goes_through_the_allow_list_in_a_turn() -> None:
    turn = read_turn({"message": "hei", "metadata": {"language": "sv-FI", "x": 1}}, SENDER, 1000)
    assert turn.metadata == {"language": "sv-FI"}


def test_the_too_long_reply_comes_from_the_domain_with_the_limit() -> None:
    text = message_too_long_text(750)
    assert "750" in text and "{limit}" not in text
    assert text.startswith("Viestisi on liian pitkä")


def test_a_message_id_is_optional_but_must_be_safe() -> None:
    assert read_message_id({}) is None
    assert read_message_id({"message_id": "m0123456789abcdef"}) == "m0123456789abcdef"
    for bad, code in (
        ("lyhyt", "invalid_message_id"),
        (["m0123456789"], "invalid_message_id"),
        ("m" * 65, "invalid_message_id"),
        ("id_4111_1111_1111_1111", "personal_data_in_message_id"),
    ):
        with pytest.raises(RejectedRequest) as refused:
            read_message_id({"message_id": bad})
        assert (refused.value.status, refused.value.code) == (400, code)
        assert str(bad) not in json.dumps(refused.value.body)
