"""Whether a message's words back the classifier's guess of who is asking."""

import pytest

from bot.triage.asker_evidence import analysed, names_helper, opens_with_close_person, weigh_asker


@pytest.mark.parametrize(
    "text",
    [
        "mummo haluis nähdä lapsenlapsia videopuhelussa",
        "mun mies klikkas jotain linkkiä",
        "no meidän isä ei saa pankkia auki",
        "äiti laitto just korttinsa numerot johonki postin sivulle",  # she did it herself
    ],
)
def test_a_story_opening_with_a_close_person_as_subject_is_a_relatives(text):
    assert opens_with_close_person(text)
    assert weigh_asker(None, "self", text) == "relative"


@pytest.mark.parametrize(
    "text",
    [
        "tytär laitto whatsappiin viestin uudesta numerosta",  # sent to the writer
        "poika sano et mun pitäis ottaa mobiilivarmenne",
        "mun mies hoiti aina laskut mut nyt en tiiä mistä aloittaa",  # used to help the writer
        "äidille pitäis saada valtuus",  # not the subject
        "mä en osaa",
    ],
)
def test_other_openings_leave_the_guess_alone(text):
    assert weigh_asker(None, "self", text) == "self"


def test_a_first_person_story_with_no_client_or_role_is_not_an_advisors():
    text = "kädet tärisee niin pahasti parkinsonin takia etten osu puhelimen nappeihin"
    assert weigh_asker(None, "advisor", text) == "self"


@pytest.mark.parametrize(
    "text",
    [
        "asiakas 92v, muistisairaus, ei laitteita",
        "olen kansalaisopiston opettaja ja kurssilainen kysyi zoomista",
        "oon tukihenkilö ja autan yhtä nuorta hakemaan etuutta",
    ],
)
def test_a_client_or_a_helpers_role_keeps_the_advisor(text):
    assert weigh_asker(None, "advisor", text) == "advisor"


def test_a_known_relative_becomes_self_only_in_the_first_person():
    assert weigh_asker("relative", "self", "kyl se verkkopankkia käyttää joka päivä") is None
    assert weigh_asker("relative", "self", "ei kun mä itse tarviin apua") == "self"
    assert weigh_asker("relative", "self", "siis mä ja äiti molemmat") is None


def test_names_helper_reads_first_person_helping_verbs():
    assert names_helper(analysed("ohjaan asiakasta"))
    assert not names_helper(analysed("äiti ohjaa mua"))


@pytest.mark.parametrize(
    "text",
    [
        "saako sen viedä kirjastoon ja voiko siellä joku tehdä sen päivityksen mun puolesta? "
        "asun lappeenrannas",
        "voinko valtuuttaa jonkun hoitamaan mun kela-asiat",
        "mun whatsapp on kaapattu!! annoin jollekin koodin ja nyt mun kaverit saa multa viestejä",
    ],
)
def test_a_first_person_story_about_nobody_else_is_not_a_relatives(text):
    assert weigh_asker(None, "relative", text) == "self"


@pytest.mark.parametrize(
    "text",
    [
        "voinko hoitaa hänen asiansa",  # a third person by pronoun
        "miten saan valtuudet hoitaa äidin asioita",  # a close person named
        "annoin isän koodit huijarille",  # what was given was the father's
        "isä antoi koodit soittajalle",
    ],
)
def test_a_relative_guess_stands_when_someone_else_is_named(text):
    assert weigh_asker(None, "relative", text) == "relative"


def test_a_relative_known_from_before_is_not_reweighed_here():
    assert weigh_asker("relative", "relative", "asun itse lappeenrannassa") == "relative"
