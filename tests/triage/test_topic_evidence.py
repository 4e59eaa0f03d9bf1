"""What a message names as its problem, and how that weighs against the topic classifier.

Sentences are written the way people type in the chat: lower case, colloquial, typos."""

import pytest

from bot.triage import cues_en, cues_sv
from bot.triage.labels import TOPICS
from bot.triage.topic_evidence import (
    CHANGE_WITHOUT_NAME,
    NamedTopics,
    named_topics,
    weigh_topic,
)

SURE, HINT = CHANGE_WITHOUT_NAME, CHANGE_WITHOUT_NAME / 2


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("mulla on kysyttävää siitä mobiilivarmenteesta", {"identification"}),
        ("en saa omakantaa auki", {"e_services"}),
        ("miten toi suomi.fi viesti toimii", {"suomifi_messages"}),
        ("tarttis tehä valtuutus pojalle", {"authorizations"}),
        ("ostin tabletin mut en saa sitä päälle", {"device"}),
        ("whatsupissa ei toimi videopuhelu", {"communication"}),
        ("onkohan tää joku huijausviesti", {"security"}),
        ("pankkisovellus kaatuu aina puhelimessa", {"banking", "device"}),
    ],
)
def test_services_are_found_inflected_and_in_lower_case(text, named):
    assert named_topics(text).named == frozenset(named)


def test_a_service_is_the_topic_rather_than_the_device_it_runs_on():
    assert named_topics("pankkisovellus kaatuu aina puhelimessa").services == {"banking"}


@pytest.mark.parametrize(
    "text",
    [
        "no käytän kyl puhelinta joka päivä ja pankkiakin, vähän apua riittää",
        "osaan käyttää verkkopankkia ihan hyvin",
    ],
)
def test_what_the_person_says_they_manage_is_not_named_as_the_problem(text):
    names = named_topics(text)
    assert not names.named and names.managed


def test_a_negated_ability_is_the_problem():
    assert named_topics("en osaa käyttää verkkopankkia").named == {"banking"}


@pytest.mark.parametrize(
    "text",
    [
        "ei se oo pankki vaan kela",
        "ei vaan se on kela eikä pankki, sori",
        "eiku ei pankki vaan kela",
    ],
)
def test_a_service_set_aside_is_not_named(text):
    assert named_topics(text).named == {"e_services"}


def test_not_having_a_device_is_a_circumstance_not_a_device_problem():
    assert named_topics("asiakas 92v, muistisairaus, ei mitään laitteita").named == frozenset()


def test_asking_for_a_phone_number_names_no_device():
    assert named_topics("onko teillä puhelinnumeroa johon voi soittaa").named == frozenset()


def names(named=(), managed=()):
    return NamedTopics(frozenset(named), frozenset(managed))


def test_a_known_topic_still_named_stays_against_a_sure_guess():
    assert (
        weigh_topic("e_services", "identification", 1.0, names({"e_services", "identification"}))
        == "e_services"
    )


def test_a_service_named_corrects_a_hint():
    assert weigh_topic(None, "e_services", HINT, names({"identification"})) == "identification"


def test_a_sure_guess_stands_against_a_service_named():
    assert weigh_topic(None, "banking", SURE, names({"identification"})) == "banking"


def test_a_scam_is_never_traded_for_the_service_it_abuses():
    assert weigh_topic(None, "security", HINT, names({"communication"})) == "security"


def test_a_service_named_fills_in_when_nothing_was_guessed():
    assert weigh_topic(None, None, 0.0, names({"suomifi_messages"})) == "suomifi_messages"


def test_the_device_alone_never_fills_in_nor_replaces_a_known_topic():
    assert weigh_topic(None, None, 0.0, names({"device"})) is None
    assert weigh_topic("identification", None, 0.0, names({"device"})) is None
    assert weigh_topic(None, "e_services", HINT, names({"device"})) == "device"


def test_a_managed_service_does_not_change_a_known_topic():
    assert weigh_topic("security", "banking", SURE, names(managed={"banking"})) is None


def test_a_managed_service_in_a_first_message_is_the_setting_of_the_problem():
    assert (
        weigh_topic(None, "communication", SURE, names(managed={"communication"}))
        == "communication"
    )


def test_a_known_topic_is_not_moved_by_a_hint_naming_nothing():
    assert weigh_topic("device", "security", HINT, names()) is None
    assert weigh_topic("device", "security", SURE, names()) == "security"


@pytest.mark.parametrize(
    ("text", "guess", "expected"),
    [
        (
            "asiakas 67v, taso 2, käyttää verkkopankkia, haluaa oppia omakannan",
            "banking",
            "e_services",
        ),
        ("käytän kyllä verkkopankkia mutta omakanta ei aukea", "banking", "e_services"),
    ],
)
def test_a_service_to_learn_beats_a_sure_guess_of_one_already_used(text, guess, expected):
    assert weigh_topic(None, guess, 0.95, named_topics(text)) == expected


def test_wanting_to_learn_the_service_one_uses_keeps_it():
    names = named_topics("käyttää verkkopankkia vähän, haluaa oppia verkkopankin paremmin")
    assert weigh_topic(None, "banking", 0.95, names) == "banking"


# ------------------------------------------------------------------ Swedish and English


def test_the_swedish_and_english_names_are_of_the_topics():
    assert set(cues_sv.TOPIC_STEMS) == set(cues_en.TOPIC_STEMS) == set(TOPICS)


FINNISH_TEXTS = [
    "mulla on kysyttävää siitä mobiilivarmenteesta",
    "pankkisovellus kaatuu aina puhelimessa",
    "no käytän kyl puhelinta joka päivä ja pankkiakin, vähän apua riittää",
    "ei se oo pankki vaan kela",
    "asiakas 92v, muistisairaus, ei mitään laitteita",
    "asiakas 67v, taso 2, käyttää verkkopankkia, haluaa oppia omakannan",
]


@pytest.mark.parametrize("text", FINNISH_TEXTS)
def test_a_finnish_conversation_is_read_as_before(text):
    assert named_topics(text, "fi") == named_topics(text) == named_topics(text, None)


@pytest.mark.parametrize(
    ("language", "text", "named"),
    [
        ("en", "suomi.fi messages", {"suomifi_messages"}),
        ("sv", "suomifi meddelanden", {"suomifi_messages"}),
        ("sv", "jag får inte upp suomi.fi-meddelanden", {"suomifi_messages"}),
        ("sv", "mobiilivarmenne", {"identification"}),
        ("en", "mobile certificate", {"identification"}),
        ("sv", "mobilcertifikatet funkar int", {"identification"}),
        ("sv", "bankkoder", {"identification"}),
        ("sv", "nätbankskoderna", {"identification"}),
        ("en", "online banking codes dont work", {"identification"}),
        ("en", "bank codes", {"identification"}),
        ("en", "kela", {"e_services"}),
        ("sv", "fpa:s sidor", {"e_services"}),
        ("sv", "omavero", {"e_services"}),
        ("sv", "skatteförvaltningen", {"e_services"}),
        ("en", "how do i use omakanta", {"e_services"}),
        ("sv", "fullmakt", {"authorizations"}),
        ("en", "valtuudet", {"authorizations"}),
        ("en", "authorization", {"authorizations"}),
        ("en", "whatsapp", {"communication"}),
        ("sv", "e-post", {"communication"}),
        ("en", "email", {"communication"}),
        ("sv", "bedrägeri", {"security"}),
        ("en", "scam", {"security"}),
        ("en", "phishing", {"security"}),
        ("sv", "jag har problem med min dator", {"device"}),
        ("en", "the bank app crashes on my phone", {"banking", "device"}),
    ],
)
def test_swedish_and_english_services_are_found_in_lower_case(language, text, named):
    assert named_topics(text, language).named == frozenset(named)


@pytest.mark.parametrize(
    ("language", "text", "service"),
    [
        (
            "sv",
            "hon har en telefon men bara för att ringa, hon behöver hjälp med nätbanken",
            "banking",
        ),
        (
            "en",
            "i use my phone every day no problem, but omakanta wont let me renew my prescription",
            "e_services",
        ),
        ("sv", "min mobil fungerar bra men bankkoderna funkar inte", "identification"),
        (
            "en",
            "i have a smartphone but i only call with it, now kela sends me letters",
            "e_services",
        ),
        ("en", "she can use her phone but not the bank app", "banking"),
    ],
)
def test_a_device_managed_in_passing_is_not_the_problem(language, text, service):
    names = named_topics(text, language)
    assert names.named == {service} and names.managed == {"device"}
    assert weigh_topic(None, "device", SURE, names) == service
    assert weigh_topic("device", "device", HINT, names) == service


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "jag använder nätbanken varje dag"),
        ("sv", "hon kan använda e-posten"),
        ("en", "i know how to use online banking"),
        ("en", "email works fine"),
    ],
)
def test_what_a_swedish_or_english_speaker_manages_is_not_the_problem(language, text):
    names = named_topics(text, language)
    assert not names.named and names.managed


@pytest.mark.parametrize(
    ("language", "text", "named"),
    [
        ("sv", "jag kan inte använda nätbanken", {"banking"}),
        ("sv", "jag använder inte e-posten varje dag", {"communication"}),
        ("en", "i dont use email every day", {"communication"}),
        ("en", "how can i use omakanta", {"e_services"}),
    ],
)
def test_a_negated_or_asked_ability_is_the_problem(language, text, named):
    assert named_topics(text, language).named == frozenset(named)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "det är inte banken utan fpa"),
        ("sv", "nej int banken utan omakanta"),
        ("en", "its not the bank, its kela"),
        ("en", "not the bank but kela"),
    ],
)
def test_a_swedish_or_english_service_set_aside_is_not_named(language, text):
    assert named_topics(text, language).named == {"e_services"}


@pytest.mark.parametrize(
    "text",
    [
        "ja använder nätbanken men idag hittar ja int kontoutdraget",
        "jag kommer inte in i nätbanken",
        "hon kan inte nätbanken",
    ],
)
def test_a_swedish_negation_after_the_verb_names_the_problem(text):
    assert "banking" in named_topics(text, "sv").named


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "min mamma har ingen dator"),
        ("en", "she doesnt have a smartphone"),
        ("sv", "kan jag få ert telefonnummer"),
        ("en", "can you help me by phone"),
        ("en", "can i get your phone number"),
    ],
)
def test_a_device_lacked_or_a_phone_line_names_no_device(language, text):
    assert named_topics(text, language).named == frozenset()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "använder nätbanken, vill lära sig omakanta"),
        ("en", "uses online banking, wants to learn omakanta"),
    ],
)
def test_a_service_to_learn_beats_one_used_in_swedish_and_english(language, text):
    assert weigh_topic(None, "banking", 0.95, named_topics(text, language)) == "e_services"
