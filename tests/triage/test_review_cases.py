"""Inputs a reviewer found the readers getting wrong; each must stay fixed."""

import pytest

from bot.triage.answers import need_level_answer
from bot.triage.farewell import is_farewell
from bot.triage.help_form import help_form
from bot.triage.permission import is_permission_question
from bot.triage.urgency import urgent_situation
from bot.triage.words import analyse_word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kirjotin salasanan tekstiviestin linkkiin", "gave_secrets"),
        ("näppäsin pin koodin", "gave_secrets"),
        ("annoin eilen illalla jollekin tuntemattomalle miehelle puhelimessa kaikki mun "
         "pankkitunnukset", "gave_secrets"),
        ("mulle soitti joku poliisi ja pyys pankkitunnuksia", "caller_asking"),
        ("joku soitti pankista ja halus mun tunnusluvut", "caller_asking"),
        ("joku soittelee ja kyselee pankkitunnuksia", "caller_asking"),
        ("en ole kyllä ikinä antanut tunnuksia kenellekään", None),
        ("mitä jos mä antais mun tunnukset sille", None),
        ("jos mä laittais kortin numeron sinne niin toimisko", None),
        ("soitin pankkiin ja kysyin tunnuksista", None),
        ("voinko soittaa pankkiin ja kysyä tunnuksista", None),
        ("mummo soitti mulle ja kysyi miten pankkitunnukset toimii", None),
        ("rahat olis viety jos en olis huomannut", None),
    ],
)  # fmt: skip
def test_urgency(text, expected):
    assert urgent_situation(text) == expected


@pytest.mark.parametrize("word", ["antais", "laittais", "olis", "vois"])
def test_spoken_conditionals_are_not_past(word):
    assert not analyse_word(word).past


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ohje ei riitä", None),
        ("linkki ei kyllä riitä", None),
        ("en tarvii paljon apua", "light_support"),
        ("taso kolme", "demanding_support"),
        ("en mä yhtään osaa", "demanding_support"),
    ],
)
def test_need_level_answers_respect_negation(text, expected):
    assert need_level_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tuli outo soitto pankista", None),
        ("huijaussoitto tuli eilen", None),
        ("tulostimesta loppu paperi", None),
        ("paperit on hukassa", None),
        ("chatti ei toimi mun koneella", None),
        ("teamsissa ei kuulu ääni", None),
        ("soittakaa mulle", "phone"),
    ],
)
def test_things_mentioned_are_not_wishes(text, expected):
    assert help_form(text)[0] == expected


@pytest.mark.parametrize(
    "text", ["moikka! miten saan suomi.fi viestit", "ei muuta kuin että en pääse kirjautumaan"]
)
def test_a_message_that_goes_on_is_no_farewell(text):
    assert not is_farewell(text, conversation_started=True)


def test_saisinko_is_a_polite_request():
    assert not is_permission_question("saisinko apua pankkitunnusten kanssa")
