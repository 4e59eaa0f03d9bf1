"""The Swedish and English reading layer: words, the cue pattern language, the two tables."""

import pytest

from bot.triage import cues_en, cues_sv, foreign


def test_words_are_lower_case_without_apostrophes():
    assert foreign.tokens("I DON'T know, it's 500€") == ["i", "dont", "know", "its", "500", "€"]


def test_service_names_and_compounds_stay_one_word():
    assert foreign.tokens("Suomi.fi-fullmakter och e-post") == [
        "suomi.fi-fullmakter",
        "och",
        "e-post",
    ]


@pytest.mark.parametrize(
    ("cue", "text", "found"),
    [
        ("code*", "my codes", True),
        ("code*", "postcode", False),
        ("bank code*", "my bank codes", True),
        ("her/his home", "to his home", True),
        ("come to ~ home", "come to my mums home", True),
        ("come to ~ home", "come to my old mums home", False),  # three words: too far
        ("come to ~3 home", "come to my old mums home", True),
    ],
)
def test_the_pattern_language(cue, text, found):
    assert foreign.has(foreign.tokens(text), (cue,)) is found


def test_spans_give_where_each_match_starts_and_ends():
    words = foreign.tokens("ring me or call me")
    assert foreign.spans(words, ("ring/call me",)) == [(0, 2), (3, 5)]


@pytest.mark.parametrize(("language", "table"), [("sv", cues_sv), ("en", cues_en)])
def test_swedish_and_english_have_a_table(language, table):
    assert foreign.cues(language) is table
    assert foreign.cues(language.upper()) is table


@pytest.mark.parametrize("language", ["fi", None, "", "de"])
def test_finnish_and_unknown_languages_have_none(language):
    assert foreign.cues(language) is None


def test_both_tables_name_the_same_cues():
    def names(module):
        return {name for name in vars(module) if name.isupper()}

    assert names(cues_sv) == names(cues_en)


def test_both_tables_cover_the_same_forms_and_limits():
    assert set(cues_sv.FORMS) == set(cues_en.FORMS)
    assert set(cues_sv.LIMIT_CUES) == set(cues_en.LIMIT_CUES)


def test_swedish_negation_may_follow_the_verb():
    words = foreign.tokens("jag använder inte nätbanken")
    assert foreign.negated_by(words, 1, cues_sv)
    words = foreign.tokens("i use it, not")
    assert not foreign.negated_by(words, 1, cues_en)


def test_an_interjection_is_no_negation_before_a_subject():
    assert not foreign.negated_by(foreign.tokens("no i gave them"), 2, cues_en)
    assert foreign.negated_by(foreign.tokens("no money was taken"), 3, cues_en)


def test_looking_back_for_a_negation_stops_at_and():
    words = foreign.tokens("i didnt think and gave my codes")
    assert not foreign.negated_by(words, 4, cues_en, before=5)
