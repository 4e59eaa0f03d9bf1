"""The most specific variation: the conversation's language and the asker's voice together."""

import re

import pytest
from rasa.core.nlg.generator import ResponseVariationFilter

from bot.directory.nlg import DirectoryNLG
from bot.domain_files import load_responses
from bot.language.variations import MostSpecificVariationFilter


def slot(name, value):
    return {"type": "slot", "name": name, "value": value}


RESPONSES = {
    "utter_intro": [
        {"text": "fi self"},
        {"condition": [slot("asker", "relative")], "text": "fi relative"},
        {"condition": [slot("language", "sv")], "text": "sv self"},
        {"condition": [slot("language", "sv"), slot("asker", "relative")], "text": "sv relative"},
        {"condition": [slot("language", "en")], "text": "en self"},
        {"condition": [slot("language", "en"), slot("asker", "relative")], "text": "en relative"},
    ],
    "utter_plain": [
        {"text": "fi plain"},
        {"condition": [slot("language", "sv")], "text": "sv plain"},
    ],
}


def texts(slots, name="utter_intro"):
    chosen = MostSpecificVariationFilter(RESPONSES).responses_for_utter_action(name, "rest", slots)
    return sorted(variation["text"] for variation in chosen)


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ({"language": "sv", "asker": "relative"}, ["sv relative"]),
        ({"language": "fi", "asker": "relative"}, ["fi relative"]),
        ({"asker": "relative"}, ["fi relative"]),
        ({"language": "sv", "asker": "self"}, ["sv self"]),
        ({"language": "sv"}, ["sv self"]),
        ({"language": "en", "asker": "relative"}, ["en relative"]),
        ({"language": "en", "asker": "advisor"}, ["en self"]),  # no advisor variation
        ({"language": "fi", "asker": "self"}, ["fi self"]),
        ({}, ["fi self"]),
    ],
)
def test_the_most_specific_matching_variation_is_chosen(slots, expected):
    assert texts(slots) == expected


def test_rasas_own_filter_would_mix_the_languages():
    """Why the narrowing exists: Rasa keeps every matching conditional variation."""
    slots = {"language": "sv", "asker": "relative"}
    mixed = ResponseVariationFilter(RESPONSES).responses_for_utter_action(
        "utter_intro", "rest", slots
    )
    assert sorted(v["text"] for v in mixed) == ["fi relative", "sv relative", "sv self"]
    assert texts(slots) == ["sv relative"]


def test_a_language_without_a_translation_falls_back_to_the_finnish_text():
    assert texts({"language": "en"}, "utter_plain") == ["fi plain"]
    assert texts({"language": "sv"}, "utter_plain") == ["sv plain"]


def test_the_generator_says_the_chosen_variation_and_nothing_for_an_unknown_response():
    generator = DirectoryNLG(responses=RESPONSES)
    slots = {"language": "en", "asker": "relative"}
    assert generator.generate_from_slots("utter_intro", slots, "rest")["text"] == "en relative"
    assert generator.generate_from_slots("utter_nothing", slots, "rest") is None


# ------------------------------------------------------------------ the real domain

LANGUAGES = ("fi", "sv", "en")
ASKERS = ("self", "relative", "advisor")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def responses():
    return load_responses()


@pytest.fixture(scope="module")
def nlg(responses):
    return DirectoryNLG(responses=dict(responses))


def expected_variations(variations, language, asker):
    """The variations written for exactly this language and asker (self: no asker condition);
    an asker without variations of their own hears the plain ones."""

    def conditions(variation):
        return {(c["name"], c["value"]) for c in variation.get("condition") or []}

    base = {("language", language)} if language != "fi" else set()
    wanted = [v for v in variations if conditions(v) == base | {("asker", asker)}]
    return wanted or [v for v in variations if conditions(v) == base]


def said(nlg, name, language, asker, values):
    slots = {"language": language, "asker": asker}
    return nlg.generate_from_slots(name, slots, "rest", **values)["text"]


INTRO = {
    ("fi", "self"): "Digituessa sinua neuvotaan",
    ("fi", "relative"): "Digituessa läheistäsi neuvotaan",
    ("fi", "advisor"): "Kerro asiakkaalle",
    ("sv", "self"): "I digistödet får du råd",
    ("sv", "relative"): "I digistödet får din närstående råd",
    ("sv", "advisor"): "Berätta för kunden",
    ("en", "self"): "In digital support, the helper guides you ",
    ("en", "relative"): "In digital support, the helper guides your relative",
    ("en", "advisor"): "Tell the client",
}


@pytest.mark.parametrize(("language", "asker"), sorted(INTRO))
def test_the_limits_intro_is_said_in_each_language_and_voice(nlg, responses, language, asker):
    text = said(nlg, "utter_limits_intro", language, asker, {})
    assert text.startswith(INTRO[(language, asker)])
    [variation] = expected_variations(responses["utter_limits_intro"], language, asker)
    assert text == variation["text"]


def test_the_nine_limits_intros_are_all_different(nlg):
    nine = {said(nlg, "utter_limits_intro", lang, asker, {}) for lang, asker in INTRO}
    assert len(nine) == 9


def test_no_language_slot_is_finnish(nlg):
    text = nlg.generate_from_slots("utter_limits_intro", {"asker": "relative"}, "rest")["text"]
    assert text.startswith(INTRO[("fi", "relative")])


def _voiced_responses():
    return sorted(
        name
        for name, variations in load_responses().items()
        if any(c.get("name") == "asker" for v in variations for c in v.get("condition") or [])
    )


@pytest.mark.parametrize("name", _voiced_responses())
def test_every_voiced_response_is_said_in_its_own_language_and_voice(nlg, responses, name):
    variations = responses[name]
    for language in LANGUAGES:
        for asker in ASKERS:
            wanted = expected_variations(variations, language, asker)
            assert wanted, f"{name}: no variation for {language}/{asker}"
            values = {
                key: f"<{key}>"
                for v in wanted
                for key in _PLACEHOLDER.findall(str(v.get("text") or ""))
            }
            text = said(nlg, name, language, asker, values)
            filled = [_PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", v["text"]) for v in wanted]
            assert text in filled, f"{name} ({language}, {asker})"
