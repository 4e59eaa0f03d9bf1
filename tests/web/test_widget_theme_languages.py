"""The embedding site's language (bot.web.widget_theme): fi, sv or en; anything else is fi."""

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
