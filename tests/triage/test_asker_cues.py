"""Asker cues on real Finnish, through Voikko: which word classes a message shows."""

import re

import pytest

from bot.language import get_analyzer
from bot.triage.asker_cues import (
    CLIENT,
    CLOSE_PERSON,
    FIRST_PERSON,
    HELPER_ROLE,
    MY_CLOSE_PERSON,
    MY_THING,
    THIRD_PERSON,
    analyse_word,
    message_cues,
    word_cues,
)


def cues_of(text):
    analyzer = get_analyzer()
    return message_cues([analyse_word(analyzer, word) for word in re.findall(r"\w+", text)])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mun puhelin on rikki", {FIRST_PERSON, MY_THING}),
        ("minun oma sähköposti ei aukea", {FIRST_PERSON, MY_THING}),
        ("mulla ei oo pankkitunnuksia", {FIRST_PERSON}),
        ("en osaa", {FIRST_PERSON}),
        ("mun äiti ei osaa", {CLOSE_PERSON, MY_CLOSE_PERSON, FIRST_PERSON}),
        ("äitini ei osaa", {CLOSE_PERSON, MY_CLOSE_PERSON}),
        ("veli ei osaa käyttää verkkopankkia", {CLOSE_PERSON}),
        ("mummon puhelin ei toimi", {CLOSE_PERSON}),
        ("isomummolla on alzheimer", {CLOSE_PERSON}),
        ("naapurintäti sai huijausviestin", {CLOSE_PERSON}),
        ("asiakas ei osaa kirjautua", {CLIENT}),
        ("kotihoidon asiakkaalla ei ole nettiä", {CLIENT, HELPER_ROLE}),
        ("työskentelen palvelupisteessä", {FIRST_PERSON, HELPER_ROLE}),
        ("hänellä ei ole pankkitunnuksia", {THIRD_PERSON}),
    ],
)
def test_message_cues(text, expected):
    assert cues_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pankkiappi ei aukea",  # an app, not a father-in-law
        "appi kaatuu",
        "virkamies sanoi että hakemus puuttuu",
        "miten haen vanhempainpäivärahaa",
        "isännöitsijä lähetti viestin",
    ],
)
def test_words_that_only_look_like_kin_are_not_close_people(text):
    assert CLOSE_PERSON not in cues_of(text)


def test_a_phone_is_not_a_first_person_verb():
    # Voikko also reads "puhelin" as "I was chatting"; only the best reading counts.
    assert FIRST_PERSON not in cues_of("mummon puhelin ei toimi")


def test_the_possessor_reaches_two_words_forward_only():
    analyzer = get_analyzer()
    words = [analyse_word(analyzer, w) for w in "mun vanha puhelin ja äiti".split()]
    cues = word_cues(words)
    assert MY_THING in cues[2]
    assert MY_CLOSE_PERSON not in cues[4]
    assert CLOSE_PERSON in cues[4]
