"""A negated place in Swedish and English ("int Vasa", "not Helsinki"), with the places found
by the real place index as the municipality extractor finds them."""

import pytest

from bot.places import get_index
from bot.triage.state import is_negated, understood_from_entities


def places(text):
    return [
        {"entity": "municipality", "value": m.municipality.name_fi, "start": m.start}
        for m in get_index().find_in_text(text)
    ]


def negations(text):
    return [(place["value"], is_negated(text, place["start"])) for place in places(text)]


@pytest.mark.parametrize(
    ("text", "expected", "chosen"),
    [
        (
            "nej int Vasa, ja bor i Korsholm",
            [("Vaasa", True), ("Mustasaari", False)],
            "Mustasaari",
        ),
        ("inte Vasa utan Korsholm", [("Vaasa", True), ("Mustasaari", False)], "Mustasaari"),
        ("jag bor inte i Esbo utan i Vanda", [("Espoo", True), ("Vantaa", False)], "Vantaa"),
        ("no I meant Espoo not Helsinki", [("Espoo", False), ("Helsinki", True)], "Espoo"),
        ("not Vasa but Korsholm", [("Vaasa", True), ("Mustasaari", False)], "Mustasaari"),
        ("I live in Espoo, not Helsinki", [("Espoo", False), ("Helsinki", True)], "Espoo"),
        (
            "I never lived in Vantaa, I live in Espoo",
            [("Vantaa", True), ("Espoo", False)],
            "Espoo",
        ),
    ],
)
def test_the_negated_place_is_passed_over(text, expected, chosen):
    assert negations(text) == expected
    assert understood_from_entities(places(text), text).municipality == chosen


@pytest.mark.parametrize(("text", "place"), [("nej, Vasa", "Vaasa"), ("no, Espoo", "Espoo")])
def test_a_no_answering_the_question_does_not_negate_the_place_after_it(text, place):
    assert negations(text) == [(place, False)]
    assert understood_from_entities(places(text), text).municipality == place


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("int Vasa", "Vasa"),
        ("inte Esbo", "Esbo"),
        ("not Helsinki", "Helsinki"),
        ("never Helsinki", "Helsinki"),
        ("ei Helsinki", "Helsinki"),
    ],
)
def test_a_negation_right_before_the_name_negates_it(text, word):
    assert is_negated(text, text.index(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("inte i Vasa men i Korsholm", "Korsholm"),
        ("inte Vasa och Korsholm", "Korsholm"),  # "och" ends the negation too
        ("not Vasa but Korsholm", "Korsholm"),
        ("not that, Espoo", "Espoo"),  # a comma ends the clause
    ],
)
def test_a_negation_does_not_reach_past_a_clause_break(text, word):
    assert not is_negated(text, text.index(word))
