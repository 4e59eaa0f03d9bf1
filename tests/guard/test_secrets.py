"""Secrets after a code/password cue, the two-message case, and the guard's public contract."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.guard import (
    PLACEHOLDER_IDENTITY_CODE,
    PLACEHOLDER_SECRET,
    SECRET,
    Finding,
    PersonalDataGuard,
    Screened,
    redact_text,
)
from bot.guard.memory import NOTHING, CarryOver, CarryOverMemory
from bot.guard.secrets import find_bare_secret, mentions_secret

#: No deadline: the machine is shared, and a timed assertion would fail for the wrong reason.
NO_DEADLINE = settings(deadline=None)

S = PLACEHOLDER_SECRET


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("salasana on Kissa123", f"salasana on {S}"),
        ("mun salasana on kissa", f"mun salasana on {S}"),
        ("tunnusluku: 1234", f"tunnusluku: {S}"),
        ("PIN-koodi 4321", f"PIN-koodi {S}"),
        ("pin koodi on 4321, mitä nyt", f"pin koodi on {S}, mitä nyt"),
        ("pankkitunnukseni ovat 123456 ja 9876", f"pankkitunnukseni ovat {S}"),
        ("käyttäjätunnus ja salasana ovat matti kissa", f"käyttäjätunnus ja salasana ovat {S}"),
        (
            "tunnukseni: matti77, salasana: Kissa123!",
            f"tunnukseni: {S}, salasana: {S}!",
        ),
        ('salasana on "minun koirani nimi" ok?', f"salasana on {S} ok?"),
        ("salasanani on siis: Qwerty#1", f"salasanani on siis: {S}"),
        ("tunnusluvut 1234 5678 9012", f"tunnusluvut {S}"),
        ("mobiiliavaimen PIN on 24680.", f"mobiiliavaimen PIN on {S}."),
        ("tunnarit on 12345678 ja 4321", f"tunnarit on {S}"),
    ],
)
def test_values_after_cues_are_removed(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "salasana on unohtunut",
        "mun salasana on hukassa",
        "mun verkkopankin tunnukset on naapurilla",  # where the codes are, not what
        "tunnuslukusovellus oli tässä ja pyysi koodia",
        "tunnusluku on väärä, mitä teen",
        "pankkitunnukset ovat vanhentuneet",
        "salasana on liian pitkä",
        "mikä on salasana?",
        "en muista pin-koodia",
        "unohdin pankkitunnukset",
        "pin-koodi lukittui",
        "salasanan pitää olla vahva",
        "tunnukset on äidillä",
        "salasanat on kaikissa samat, onko vaarallista",
        "mistä saan uudet tunnusluvut",
        "älä kerro tunnuslukuja kenellekään",
    ],
)
def test_talk_about_codes_without_a_value_is_left_alone(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish
        ("mitt lösenord är hemligt1", f"mitt lösenord är {S}"),
        ("PIN-koden är 1234", f"PIN-koden är {S}"),
        ("lösenordet: Sommar2024!", f"lösenordet: {S}!"),
        ("mina bankkoder är 123456 och 9876", f"mina bankkoder är {S}"),
        ("mitt användarnamn är kalle77", f"mitt användarnamn är {S}"),
        # English
        ("my password is kissa123", f"my password is {S}"),
        ("the code is 4321", f"the code is {S}"),
        ("username: matti77, password: Kissa123!", f"username: {S}, password: {S}!"),
        ("PIN 2580 thanks", f"PIN {S} thanks"),
        # colloquial Finnish
        ("passu on kissa", f"passu on {S}"),
        ("mun passu o Kissa123", f"mun passu o {S}"),
        ("avain on 4821", f"avain on {S}"),
        ("avainluku on kissa", f"avainluku on {S}"),  # a strong cue, though it holds "avain"
        ("mobiiliavaimen pinni on 1357", f"mobiiliavaimen pinni on {S}"),
        ("tunnari on matti77", f"tunnari on {S}"),
        ("koodit on 1234 ja 5678", f"koodit on {S}"),
        ("hetu on 131052", f"hetu on {S}"),  # half an identity code after its cue
        ("hetuni131052", f"hetuni{S}"),
        ("kortin numero on 4111 1111", f"kortin numero on {S}"),
    ],
)
def test_cues_in_swedish_english_and_colloquial_finnish(text: str, expected: str) -> None:
    assert redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "lösenordet är fel",
        "mitt lösenord är glömt",
        "koden är inte rätt",
        "my password is wrong",
        "the code is not working",
        "my password was stolen",
        "passu unohtui",
        "passu on hukassa",
        "avain on pöydällä",  # a weak cue: four digits or nothing
        "kortin sain 2 viikkoa sitten",
        "kortilla maksoin 1200 euroa",
        "kortti vanheni 12/25",
        "my zip code is 90100",  # no cue: a zip code
        "the qr code is on the letter",
        "postkod 00100",
        "PIN-koodi tuli postissa 12.3.",  # a date after a cue without separator
        "tunnusluvut piti hakea 12.3.2025 mennessä",
    ],
)
def test_talk_about_codes_in_other_languages_is_left_alone(text: str) -> None:
    assert redact_text(text) == text


def test_a_placeholder_is_not_found_again() -> None:
    text = f"salasana on {S} ja tunnusluku {S}"
    assert redact_text(text) == text


# ------------------------------------------------------------------ two messages


def test_bare_code_after_a_question_about_codes_is_removed() -> None:
    guard = PersonalDataGuard()
    first = guard.screen("anna", "mikä mun pin koodi pitäis olla?")
    assert first.text == "mikä mun pin koodi pitäis olla?" and not first.redacted
    second = guard.screen("anna", "1234")
    assert second.text == S and [f.kind for f in second.findings] == [SECRET]
    # The memory lasts one message: a later bare number is an ordinary message again.
    assert guard.screen("anna", "1234").text == "1234"


def test_code_list_after_talk_about_bank_codes() -> None:
    guard = PersonalDataGuard()
    guard.screen("ben", "äidin pankkitunnukset ei toimi")
    assert guard.screen("ben", "123456 ja 9876").text == S


def test_memory_is_per_sender() -> None:
    guard = PersonalDataGuard()
    guard.screen("a", "mikä salasana pitää laittaa")
    assert guard.screen("b", "Kissa123").text == "Kissa123"
    assert guard.screen("a", "Kissa123").text == S


@pytest.mark.parametrize("answer", ["Oulu", "kyllä", "en tiedä", "kiitos paljon", "ok"])
def test_ordinary_answers_after_code_talk_are_kept(answer: str) -> None:
    guard = PersonalDataGuard()
    guard.screen("c", "unohdin pankkitunnukset")
    assert guard.screen("c", answer).text == answer


@pytest.mark.parametrize(
    "answer",
    [
        "90100",  # the postal code the assistant asks for
        "asun 90100 oulu",
        "90100 Oulu",
        "040 123 4567",
        "+358 40 1234567",
        "09-310 1234",
        "0401234567",
        "12.3.2025",
        "12.3.",
        "klo 14.30",
        "250 €",
        "250€",
        "1 200 euroa",
        "12/27",
    ],
)
def test_everyday_values_after_code_talk_are_kept(answer: str) -> None:
    guard = PersonalDataGuard()
    guard.screen("p", "unohdin tunnusluvun")
    assert guard.screen("p", answer).text == answer


@pytest.mark.parametrize("answer", ["1234", "2025", "123456", "Kissa123", "9876 ja 1234"])
def test_codes_after_code_talk_are_still_removed(answer: str) -> None:
    # Four digits are a PIN's shape even when they could be a year (decision in secrets.py).
    guard = PersonalDataGuard()
    guard.screen("q", "unohdin tunnusluvun")
    assert guard.screen("q", answer).text == S


def test_without_sender_id_there_is_no_memory() -> None:
    guard = PersonalDataGuard()
    guard.screen(None, "mikä on pin-koodi")
    assert guard.screen(None, "1234").text == "1234"


@pytest.mark.parametrize(
    ("text", "found"),
    [("1234", True), ("Kissa123!", True), ("12", False), ("kissa", False), ("1234 ja 56", False)],
)
def test_bare_secret_shapes(text: str, found: bool) -> None:
    assert (find_bare_secret(text) is not None) is found


def test_memory_keeps_only_a_bounded_set_of_sender_ids() -> None:
    memory = CarryOverMemory(max_senders=2)
    talked = CarryOver(secret_talk=True)
    for sender in ("s1", "s2", "s3"):
        memory.remember(sender, talked)
    assert len(memory) == 2
    assert not memory.expects_secret("s1")
    assert memory.expects_secret("s2") and memory.expects_secret("s3")
    memory.remember("s2", NOTHING)
    assert not memory.expects_secret("s2")
    # Nothing but sender ids and flags is stored: no message text, no values.
    assert list(memory._open) == ["s3"]
    assert all(isinstance(carry, CarryOver) for carry in memory._open.values())


def test_cue_detection() -> None:
    assert mentions_secret("en muista tunnuslukua")
    assert mentions_secret("PIN?")
    assert not mentions_secret("missä on lähin kirjasto")
    assert not mentions_secret("tarvitsen apua tunnistautumisessa")


# ------------------------------------------------------------------ the public contract


def test_finding_carries_no_value() -> None:
    assert [f.name for f in dataclasses.fields(Finding)] == ["kind", "start", "end"]


def test_screen_reports_kinds_and_spans_in_the_original_text() -> None:
    guard = PersonalDataGuard()
    text = "hetu 131052-308T ja salasana on Kissa123"
    screened = guard.screen("d", text)
    assert isinstance(screened, Screened)
    assert screened.text == f"hetu {PLACEHOLDER_IDENTITY_CODE} ja salasana on {S}"
    assert screened.kinds == ["identity_code", "secret"]
    assert [text[f.start : f.end] for f in screened.findings] == ["131052-308T", "Kissa123"]


def test_empty_and_missing_text() -> None:
    guard = PersonalDataGuard()
    assert guard.screen("e", "").text == ""
    assert guard.screen("e", None).text == ""


@NO_DEADLINE
@given(st.text(max_size=120), st.text(max_size=120))
def test_screening_never_grows_a_value_back(first: str, second: str) -> None:
    guard = PersonalDataGuard()
    for text in (first, second):
        screened = guard.screen("h", text)
        assert redact_text(screened.text) == screened.text
