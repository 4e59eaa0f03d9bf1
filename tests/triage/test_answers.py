"""Answers to "Kuinka paljon apua tarvitset?" as people type them."""

import pytest

from bot.triage.answers import need_level_answer, says_cannot
from bot.triage.labels import NEED_LEVELS


@pytest.mark.parametrize(
    "text, level",
    [
        ("1", "self_service"),
        ("2", "light_support"),
        ("3", "demanding_support"),
        ("4", "non_digital"),
        ("1.", "self_service"),
        ("4!", "non_digital"),
        (" 2 ", "light_support"),
        ("taso 2", "light_support"),
        ("Taso 1", "self_service"),
        ("tasolla 3", "demanding_support"),
        ("tasolle 2", "light_support"),
        ("level 1", "self_service"),
        ("luulisin että taso 3 sopii", "demanding_support"),
    ],
)
def test_level_numbers(text, level):
    assert need_level_answer(text) == level


@pytest.mark.parametrize(
    "text, level",
    [
        ("ykkönen", "self_service"),
        ("yks", "self_service"),
        ("kakkonen", "light_support"),
        ("kaks", "light_support"),
        ("kolmonen", "demanding_support"),
        ("kolme", "demanding_support"),
        ("nelonen", "non_digital"),
        ("neljä", "non_digital"),
    ],
)
def test_a_number_word_alone(text, level):
    assert need_level_answer(text) == level


@pytest.mark.parametrize("text", ["0", "5", "22", "taso 5", "100 %"])
def test_numbers_outside_the_levels_state_nothing(text):
    assert need_level_answer(text) is None


@pytest.mark.parametrize(
    "text, level",
    [
        ("ohje riittää", "self_service"),
        ("pelkkä linkki riittää", "self_service"),
        ("ohjeet kelpaa", "self_service"),
        ("vähän apua", "light_support"),
        ("tarviin vähän apua", "light_support"),
        ("pikkasen apua riittäis", "light_support"),
        ("oon käyttäny vähän", "light_support"),
        ("käytän kyllä mut tarviin apua", "light_support"),
        ("en oo ikinä käyttäny", "demanding_support"),
        ("en ole koskaan käyttänyt tietokonetta", "demanding_support"),
        ("en oo koskaan ollu netissä", "demanding_support"),
        ("en osaa käyttää", "demanding_support"),
        ("tarviin paljon apua", "demanding_support"),
        ("kädestä pitäen", "demanding_support"),
        ("alusta asti pitäis neuvoa", "demanding_support"),
        ("en mä yhtään osaa", "demanding_support"),
        ("en pysty", "non_digital"),
        ("ei pysty käyttämään ollenkaan", "non_digital"),
        ("äiti ei pysty käyttämään konetta", "non_digital"),
    ],
)
def test_everyday_phrasings(text, level):
    assert need_level_answer(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "osaan kyl käyttää puhelinta",  # a passing word, not a need
        "osaan aika hyvin",
        "en tiedä",
        "en oo ihan varma",
        "moi",
        "tampere",
        "",
        # a long story is left to the classifier
        "mun äiti on 85 ja sen kanssa me ollaan aina käyty yhdessä kaupassa ja apteekissa "
        "ja nyt se haluis oppia jotain uutta mut en tiiä yhtään mistä aloittaa sen kanssa "
        "ja kuka sitä vois neuvoa",
    ],
)
def test_messages_that_state_no_level(text):
    assert need_level_answer(text) is None


def test_every_answer_is_a_known_level():
    answers = {need_level_answer(text) for text in ("1", "2", "3", "4")}
    assert answers == set(NEED_LEVELS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Isä käyttää OmaKantaa mut ei löydä laboratoriotuloksia", "light_support"),
        ("äiti käyttää omakelaa mutta tarvii apua liitteen kanssa", "light_support"),
        ("asiakas ei käytä lainkaan digipalveluita", "demanding_support"),
        ("en oo koskaan käyttäny omakantaa", "demanding_support"),
        ("äiti ei osaa käyttää verkkopankkia", None),  # 2 or 3: whether she uses it decides
        ("osaan käyttää mut en löydä", None),  # skill, not use
        ("käytän whatsappia", None),  # no trouble told
    ],
)
def test_story_level_reads_only_the_auta_phrasings(text, expected):
    from bot.triage.answers import story_level

    assert story_level(text) == expected


@pytest.mark.parametrize(
    ("text", "cannot"),
    [
        ("en osaa käyttää suomi.fi viestejä", True),
        ("äiti ei ite pääse sinne eikä varmaan opikaan enää", True),
        ("en ymmärrä noista tunnuksista mitään", True),
        ("osaan itse, tarviin vain linkin", False),
        ("en tarvii apua, linkki riittää", False),
    ],
)
def test_a_negated_ability_is_read_as_cannot(text, cannot):
    assert says_cannot(text) is cannot
