"""Place answers with typos and case endings; which limits a question is really about."""

import pytest

from bot.limits import default_limits
from bot.triage.places import MAX_ANSWER_WORDS, place_answer
from bot.triage.questions import limits_asked_about


@pytest.mark.parametrize(
    "text, municipality",
    [
        ("Tampere", "Tampere"),
        ("tampre", "Tampere"),  # a typo
        ("kuopio", "Kuopio"),
        ("Inari", "Inari"),
        ("pori", "Pori"),
        ("Oulussa", "Oulu"),
        ("oulus", "Oulu"),  # spoken inessive
        ("jyväskyläs", "Jyväskylä"),
        ("joensuusa", "Joensuu"),
        ("lahdes", "Lahti"),
        ("vantaal", "Vantaa"),
        ("rovaniemellä", "Rovaniemi"),
        ("asun helsingissä", "Helsinki"),
        ("mä asun turussa", "Turku"),
        ("Jakobstad", "Pietarsaari"),  # the Swedish name gives the Finnish one
    ],
)
def test_a_short_answer_names_the_municipality(text, municipality):
    assert place_answer(text) == municipality


@pytest.mark.parametrize(
    "text",
    [
        "en kerro",
        "en tiedä",
        "en halua kertoa",
        "ei kuulu sulle",
        "ihan sama",
        "kotona",
        "maalla",
        "pienessä kylässä",
        "kiitos",
        "joo",
        "2",
        "00100",
        "",
    ],
)
def test_answers_without_a_place(text):
    assert place_answer(text) is None


def test_a_long_message_is_not_a_place_answer():
    text = (
        "tarviin apua pankkitunnusten kanssa ja asun tampereella mutta mun äiti asuu "
        "kuopiossa ja se tarvii apua"
    )
    assert len(text.split()) > MAX_ANSWER_WORDS
    assert place_answer(text) is None


@pytest.fixture(scope="module")
def limits():
    return default_limits()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("voitteko korjata koneeni", ["device_repair"]),
        ("korjaatteko rikkinäisiä puhelimia", ["device_repair"]),
        ("asennatteko sovelluksen puhelimeen", ["device_repair"]),
        ("voitteko päivittää mun puhelimen", ["device_repair"]),
        ("voiko digitukihenkilö kirjautua puolestani", ["act_on_behalf"]),
        ("onko teillä valtakirja", ["act_on_behalf"]),
        ("saako neuvoja käyttää mun pankkitunnuksia", ["handle_credentials"]),
        ("voitteko täyttää hakemuksen puolestani", ["application_content", "act_on_behalf"]),
    ],
)
def test_limits_with_a_real_cue(text, expected, limits):
    assert limits_asked_about(text, limits) == expected


@pytest.mark.parametrize(
    "text",
    [
        "voiko kirjastossa saada apua puhelimen kanssa",
        "voiko teiltä saada apua tietokoneen kanssa",
        "voiko kirjastossa saada apua sovelluksen kanssa",
        "saako tabletin kanssa apua",
        "voiko asioida kirjastossa",
        "missä on lähin digituki",
        "",
    ],
)
def test_a_device_name_alone_makes_no_limit(text, limits):
    assert limits_asked_about(text, limits) == []


def test_a_device_name_still_counts_beside_a_real_cue(limits):
    # "korjata" carries the limit; the device words add to it, they do not remove it
    assert limits_asked_about("voitteko korjata mun läppärin näytön", limits) == ["device_repair"]
