"""Permission and obligation questions are told from polite requests and other questions."""

import pytest

from bot.triage.permission import is_permission_question


@pytest.mark.parametrize(
    "text",
    [
        "saanko mä käyttää isän pankkitunnuksia, hän antaa luvan",
        "Saanko käyttää äidin tunnuksia?",
        "SAAKO tehdä valtakirjan toisen puolesta",
        "saako auttaja kirjautua mummon puolesta",
        "saaks tytär hoitaa mun asiat",
        "voiko digitukihenkilö kirjautua mun puolesta",
        "voiks mun puolesta hoitaa asioita",
        "voinko antaa tunnukset neuvojalle",
        "pitääkö mun antaa tunnukset neuvojalle",
        "pitäiskö mun soittaa pankkiin",
        "täytyykö mun tulla paikan päälle",
        "kuuluuko teidän auttaa",
        "korjaatteko tietokoneita",
        "asennatteko sovelluksia",
        "hoidatteko pankkiasioita mun puolesta",
        "täytättekö hakemuksen mun puolesta",
    ],
)
def test_permission_and_obligation_questions(text):
    assert is_permission_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "onko lupa käyttää äidin tunnuksia",
        "onko ok jos tytär hoitaa mun asiat",
        "onko okei et mä kirjaudun isän puolesta",
        "onko se sallittua että kirjaudun isän tunnuksilla",
        "onko laillista käyttää toisen pankkitunnuksia",
    ],
)
def test_onko_asks_permission_with_a_permission_word(text):
    assert is_permission_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "voisiko joku auttaa",
        "voisitko auttaa mua",
        "onko tää viesti huijaus",
        "onko teillä aukioloaikoja",
        "onko mahdollista saada apua",
        "onko kirjasto auki huomenna",
        "miten kirjaudun omakantaan",
        "tarviin apua pankkitunnusten kanssa",
        "mun äiti ei osaa käyttää pankkia",
        "",
    ],
)
def test_requests_and_other_questions_are_not_permission_questions(text):
    assert not is_permission_question(text)


def test_onko_with_another_permission_word_is_a_permission_question():
    assert is_permission_question("onko pakko, pitääkö mun tulla sinne")


@pytest.mark.parametrize(
    "text",
    [
        "voisko joku siellä asiointipisteessä vaan tehdä sen mun puolesta",
        "voisitteko hoitaa sen äidin puolesta kun se ei osaa",
    ],
)
def test_a_polite_request_to_act_on_someones_behalf_asks_what_helpers_may_do(text):
    assert is_permission_question(text)


def test_a_polite_request_for_help_is_still_a_request():
    assert not is_permission_question("voisko joku auttaa mua verkkopankin kanssa")
