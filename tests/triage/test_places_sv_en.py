"""Place answers in Swedish and English: Swedish names give the Finnish municipality."""

import pytest

from bot.triage.places import place_answer


@pytest.mark.parametrize(
    ("text", "municipality"),
    [
        ("i Esbo", "Espoo"),
        ("jag bor i Jakobstad", "Pietarsaari"),
        ("Helsingfors", "Helsinki"),
        ("hon bor i vasa", "Vaasa"),
        ("mamma bor i borgå", "Porvoo"),
        ("åbo", "Turku"),
        ("kyrkslätt", "Kirkkonummi"),
        ("raseborg", "Raasepori"),
        ("närpes", "Närpiö"),
        ("in Helsinki", "Helsinki"),
        ("I live in espoo", "Espoo"),
        ("my mother lives in turku", "Turku"),
        ("we live in tampere", "Tampere"),
    ],
)
def test_a_short_answer_names_the_municipality(text, municipality):
    assert place_answer(text) == municipality


@pytest.mark.parametrize(
    "text",
    [
        "vet inte",
        "det vill jag inte säga",
        "spelar ingen roll",
        "var som helst",
        "tack",
        "i dont know",
        "i would rather not say",
        "does not matter",
        "not sure",
        "thanks",
    ],
)
def test_answers_without_a_place(text):
    assert place_answer(text) is None
