"""The embedding site's language (bot.web.widget_theme): fi, sv or en; anything else is fi. And
the default municipality as a reader of that language names it."""

import pytest

from bot.web.widget_theme import checked_language, widget_theme


@pytest.mark.parametrize("raw", ["fi", "sv", "en"])
def test_each_of_the_assistants_languages_is_accepted(raw):
    assert checked_language(raw) == raw


@pytest.mark.parametrize("raw", ["SV", "sv-FI", " sv", "sv "])
def test_a_language_tag_with_a_region_or_capitals_is_read(raw):
    assert checked_language(raw) == "sv"


@pytest.mark.parametrize("raw", ["", None, "de", "english", "fi-FI; drop table"])
def test_anything_else_is_finnish(raw):
    assert checked_language(raw) == "fi"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_theme_from_a_query_keeps_the_language(language):
    theme = widget_theme({"language": [language], "name": ["Esbo stad"]})
    assert theme["language"] == language
    assert theme["name"] == "Esbo stad"


def test_the_first_language_of_a_repeated_parameter_counts():
    assert widget_theme({"language": ["en", "sv"]})["language"] == "en"
    assert widget_theme({"language": ["de", "sv"]})["language"] == "fi"


@pytest.mark.parametrize(
    ("raw", "finnish", "swedish"),
    [
        ("Espoo", "Espoo", "Esbo"),
        ("Helsingfors", "Helsinki", "Helsingfors"),
        ("Pietarsaari", "Pietarsaari", "Jakobstad"),
        ("091", "Helsinki", "Helsingfors"),
    ],
)
def test_a_swedish_page_names_the_municipality_in_swedish(raw, finnish, swedish):
    theme = widget_theme({"municipality": [raw], "language": ["sv-FI"]})
    assert theme["municipality_shown"] == swedish
    assert theme["municipality"] == finnish  # the greeting's value: the slot's Finnish name


@pytest.mark.parametrize("language", ["fi", "en", "de"])
def test_finnish_and_english_pages_name_it_in_finnish(language):
    theme = widget_theme({"municipality": ["Esbo"], "language": [language]})
    assert theme["municipality"] == theme["municipality_shown"] == "Espoo"


def test_no_municipality_names_none_and_asks_for_no_name():
    asked = []
    theme = widget_theme(
        {"language": ["sv"]}, name_in_language=lambda *args: asked.append(args) or "x"
    )
    assert theme["municipality_shown"] is None and asked == []
