"""Signed conversation ids: only this server's secret makes one, and they look like sender ids."""

import logging

import pytest

from bot.web.incoming import SENDER_ID
from bot.web.session_ids import ID_CHARS, SessionIdSigner, signer_for
from bot.web.settings import HttpSettings


def test_issued_ids_are_valid_distinct_and_of_the_safe_sender_format() -> None:
    signer = SessionIdSigner(b"s" * 32)
    ids = {signer.issue() for _ in range(1000)}
    assert len(ids) == 1000
    for issued in ids:
        assert len(issued) == ID_CHARS and SENDER_ID.fullmatch(issued)
        assert signer.is_valid(issued)


def test_ids_of_another_secret_or_altered_ids_are_not_valid() -> None:
    signer = SessionIdSigner(b"s" * 32)
    issued = signer.issue()
    assert not SessionIdSigner(b"t" * 32).is_valid(issued)
    flipped = issued[:-1] + ("A" if issued[-1] != "A" else "B")
    assert not signer.is_valid(flipped)
    swapped = issued[24:] + issued[:24]
    assert not signer.is_valid(swapped)


@pytest.mark.parametrize(
    "value", [None, 5, "", "a" * 48, "a" * 47, "ä" * 48, "\ud800" * 48, "a" * 200]
)
def test_anything_else_is_not_valid(value) -> None:
    assert not SessionIdSigner(b"s" * 32).is_valid(value)


def test_the_same_secret_recognises_ids_across_signers() -> None:
    secret = "a-long-enough-operator-secret-0123456789"
    issued = signer_for(HttpSettings(session_secret=secret)).issue()
    assert signer_for(HttpSettings(session_secret=secret)).is_valid(issued)


def test_without_a_secret_each_signer_has_its_own_key_and_says_so(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.web.session_ids"):
        first = signer_for(HttpSettings())
    assert "DIGITUKI_SESSION_SECRET is not set" in caplog.text
    assert not signer_for(HttpSettings()).is_valid(first.issue())


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        SessionIdSigner(b"short")


def test_an_id_carries_the_second_it_was_issued() -> None:
    signer = SessionIdSigner(b"s" * 32, clock=lambda: 1_800_000_000.7)
    issued = signer.issue()
    assert signer.issued_at(issued) == 1_800_000_000.0
    assert SessionIdSigner(b"s" * 32).issued_at(issued) == 1_800_000_000.0  # any process


def test_the_issue_time_cannot_be_changed_without_breaking_the_signature() -> None:
    signer = SessionIdSigner(b"s" * 32, clock=lambda: 1_800_000_000)
    issued = signer.issue()
    later = SessionIdSigner(b"s" * 32, clock=lambda: 1_900_000_000).issue()
    forged = issued[:24] + later[24:32] + issued[32:]  # a newer time on an old id
    assert signer.issued_at(forged) is None and not signer.is_valid(forged)
    assert signer.issued_at("A" * 48) is None  # the old 48-character format is gone
