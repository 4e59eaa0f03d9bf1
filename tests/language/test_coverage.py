"""Every response in every language: missing, extra and mismatched translations are named."""

import copy

import pytest

from bot.domain_files import load_responses
from bot.language.coverage import missing_translations


def slot(name, value):
    return {"type": "slot", "name": name, "value": value}


def complete():
    """One response in three languages, two voices, with a value in every text."""
    return {
        "utter_near": [
            {"text": "Lähin paikka on {place}."},
            {"condition": [slot("asker", "relative")], "text": "Läheisesi lähin on {place}."},
            {"condition": [slot("language", "sv")], "text": "Närmaste stället är {place}."},
            {
                "condition": [slot("language", "sv"), slot("asker", "relative")],
                "text": "Din närståendes närmaste är {place}.",
            },
            {"condition": [slot("language", "en")], "text": "The nearest place is {place}."},
            {
                "condition": [slot("asker", "relative"), slot("language", "en")],
                "text": "Your relative's nearest is {place}.",
            },
        ],
        "utter_ok": [
            {"text": "Selvä."},
            {"condition": [slot("language", "sv")], "text": "Okej."},
            {"condition": [slot("language", "en")], "text": "Okay."},
        ],
    }


def test_a_complete_set_has_no_problems():
    assert missing_translations(complete()) == []


def test_the_real_domain_is_complete():
    assert missing_translations(load_responses()) == []


def test_a_missing_swedish_variation_is_reported_with_the_response_name():
    responses = complete()
    del responses["utter_near"][3]  # the Swedish relative's text
    assert missing_translations(responses) == [
        "Response 'utter_near' has no 'sv' variation for asker=relative."
    ]


def test_a_missing_plain_translation_says_no_condition():
    responses = complete()
    responses["utter_ok"] = responses["utter_ok"][:2]  # no English
    assert missing_translations(responses) == [
        "Response 'utter_ok' has no 'en' variation for no condition."
    ]


def test_a_placeholder_mismatch_is_reported():
    responses = complete()
    responses["utter_near"][4]["text"] = "The nearest place is {municipality}."
    [problem] = missing_translations(responses)
    assert "'utter_near'" in problem
    assert "(en, no condition)" in problem
    assert "['municipality']" in problem and "['place']" in problem


def test_a_dropped_value_is_a_mismatch_too():
    responses = complete()
    responses["utter_near"][2]["text"] = "Närmaste stället finns nära dig."
    [problem] = missing_translations(responses)
    assert problem.startswith("Response 'utter_near' (sv, no condition) has the values []")


def test_an_orphan_english_variation_is_reported():
    responses = complete()
    responses["utter_ok"].append(
        {"condition": [slot("language", "en"), slot("asker", "advisor")], "text": "Okay, advisor."}
    )
    assert missing_translations(responses) == [
        "Response 'utter_ok' has a 'en' variation for asker=advisor but no Finnish one."
    ]


def test_an_unknown_language_is_reported():
    responses = complete()
    responses["utter_ok"].append({"condition": [slot("language", "de")], "text": "Gut."})
    assert missing_translations(responses) == [
        "Response 'utter_ok' has variations in an unknown language 'de'."
    ]


def test_a_response_only_in_finnish_misses_both_translations():
    problems = missing_translations({"utter_new": [{"text": "Uusi."}]})
    assert problems == [
        "Response 'utter_new' has no 'sv' variation for no condition.",
        "Response 'utter_new' has no 'en' variation for no condition.",
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_dropping_any_real_translation_is_caught(language):
    responses = copy.deepcopy(load_responses())
    name = "utter_limits_intro"
    responses[name] = [
        v
        for v in responses[name]
        if v.get("condition") != [slot("language", language), slot("asker", "advisor")]
    ]
    assert missing_translations(responses) == [
        f"Response '{name}' has no '{language}' variation for asker=advisor."
    ]
