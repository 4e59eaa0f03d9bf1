"""Reading a response's language from the domain files (bot.domain_files), real domain too."""

import pytest

from bot.domain_files import language_text, load_responses, variation_language


def slot(name, value):
    return {"type": "slot", "name": name, "value": value}


VARIATIONS = [
    {"condition": [slot("asker", "relative")], "text": "Läheisellesi."},
    {"text": "Sinulle."},
    {"condition": [slot("language", "sv"), slot("asker", "relative")], "text": "Din närstående."},
    {"condition": [slot("language", "sv")], "text": "Till dig."},
    {"condition": [slot("language", "en")], "text": "For you."},
]


@pytest.mark.parametrize(
    ("variation", "language"),
    [
        ({"text": "Hei."}, "fi"),
        ({"condition": [slot("asker", "relative")], "text": "Hei."}, "fi"),
        ({"condition": [slot("language", "sv")], "text": "Hej."}, "sv"),
        ({"condition": [slot("asker", "advisor"), slot("language", "en")], "text": "Hi."}, "en"),
        ({"condition": None, "text": "Hei."}, "fi"),
    ],
)
def test_variation_language_is_its_language_condition_else_finnish(variation, language):
    assert variation_language(variation) == language


@pytest.mark.parametrize(
    ("language", "text"), [("fi", "Sinulle."), ("sv", "Till dig."), ("en", "For you.")]
)
def test_language_text_is_what_every_asker_may_hear(language, text):
    assert language_text(VARIATIONS, language) == text


def test_language_text_without_a_plain_variation_is_none():
    voiced_only = VARIATIONS[:1] + VARIATIONS[2:3]
    assert language_text(voiced_only, "fi") is None
    assert language_text(voiced_only, "sv") is None
    assert language_text(VARIATIONS, "de") is None
    assert language_text([], "en") is None


def test_the_real_language_changed_response_in_three_languages():
    variations = load_responses()["utter_language_changed"]
    assert language_text(variations, "fi") == "Selvä, jatketaan suomeksi."
    assert language_text(variations, "sv") == "Visst, vi fortsätter på svenska."
    assert language_text(variations, "en") == "Sure, let's continue in English."
    assert sorted(variation_language(v) for v in variations) == ["en", "fi", "sv"]


def test_every_real_response_has_a_plain_text_in_each_language_it_has_one_in_finnish():
    for name, variations in load_responses().items():
        if language_text(variations, "fi") is None:
            continue
        for language in ("sv", "en"):
            assert language_text(variations, language), f"{name} has no plain {language} text"
