"""Direct questions are matched to the right limit; the NLU examples are usable."""

from pathlib import Path

import pytest

from bot.limits import default_limits, match_question
from bot.paths import DATA_DIR
from bot.triage.labels import LABEL_VALUES

NLU_FILE: Path = DATA_DIR / "nlu" / "helper_limits.yml"


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("voiko digitukihenkilö kirjautua puolestani?", "act_on_behalf"),
        ("saako kirjaston työntekijä käyttää äitini pankkitunnuksia?", "handle_credentials"),
        ("voitteko korjata koneeni?", "device_repair"),
        ("voiko neuvoja kertoa mitä kirjoitan hakemukseen?", "application_content"),
        ("hoitaako digituki asiat minun puolestani", "act_on_behalf"),
        ("saako tukihenkilö nähdä mun tunnusluvut", "handle_credentials"),
        ("asennatteko whatsappin kännykkään", "device_repair"),
        ("täytättekö kela-lomakkeen", "application_content"),
        ("mua huijattiin, voitteko perua maksun", "fraud_response"),
        # typos and colloquial forms
        ("voiks digitukihenkilo kirjautua mun puolest", "act_on_behalf"),
        ("korjaatteko mun läppärin", "device_repair"),
        ("saako kirjastonhoitaja kayttaa mun pankkitunnareita", "handle_credentials"),
    ],
)
def test_direct_questions_match_the_right_limit_first(question: str, limit: str) -> None:
    assert match_question(question)[0] == limit


def test_logging_in_with_someones_codes_is_about_both_limits() -> None:
    assert set(match_question("voiko digitukija kirjautua mun tunnuksilla")) == {
        "act_on_behalf",
        "handle_credentials",
    }


@pytest.mark.parametrize("question", ["mitä te oikein teette", "mitä digitukihenkilö ei saa tehdä"])
def test_general_questions_match_nothing(question: str) -> None:
    assert match_question(question) == []


def test_guard_placeholders_do_not_count_as_cues() -> None:
    from bot.guard import PLACEHOLDER_IDENTITY_CODE, PLACEHOLDER_SECRET

    question = f"voiko tukihenkilö kirjautua puolestani? {PLACEHOLDER_IDENTITY_CODE}"
    assert match_question(question) == ["act_on_behalf"]
    assert match_question(f"{PLACEHOLDER_SECRET} korjaatteko koneen") == ["device_repair"]


def test_lemmas_can_be_given_directly() -> None:
    assert match_question(["voida", "korjata", "kone"]) == ["device_repair"]
    assert match_question(["Hakemus"]) == ["application_content"]


def test_nlu_examples_are_many_valid_and_mostly_matched() -> None:
    from rasa.shared.nlu.training_data.loading import load_data

    examples = load_data(str(NLU_FILE)).intent_examples
    assert len(examples) >= 50
    assert {m.get("intent") for m in examples} == {"ask_helper_limits"}
    askers = set()
    for message in examples:
        for entity in message.get("entities") or []:
            assert entity["entity"] in LABEL_VALUES, entity
            assert entity["value"] in LABEL_VALUES[entity["entity"]], entity
            if entity["entity"] == "asker":
                askers.add(entity["value"])
    assert askers == {"relative", "advisor"}  # self is the default for this intent
    config = default_limits()
    matched = [m for m in examples if match_question(m.get("text"), config)]
    assert len(matched) / len(examples) >= 0.9
