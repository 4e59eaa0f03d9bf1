"""The evaluation sets: well-formed, labelled with the slots' own values, and never trained on."""

import json
import re
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.evaluation.heldout import HELDOUT_FILE, HELDOUT_FILES, load_heldout
from bot.evaluation.metrics import score
from bot.evaluation.triage import report_name
from bot.paths import PROJECT_ROOT
from bot.places.index import get_index
from bot.triage.labels import ASKERS, NEED_LEVELS, TOPICS

DEV_FILE = PROJECT_ROOT / "evaluation" / "dev.jsonl"
FRESH_FILES = sorted((PROJECT_ROOT / "evaluation").glob("fresh20*.jsonl")) + sorted(
    (PROJECT_ROOT / "evaluation").glob("triage_*_blind*.jsonl")
)
EVALUATION_SETS = [*HELDOUT_FILES.values(), DEV_FILE]
MIN_WORDS = 4


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def training_texts():
    data = load_data(str(PROJECT_ROOT / "data" / "nlu"))
    return {_normalised(message.get("text")) for message in data.intent_examples}


@pytest.mark.parametrize("path", EVALUATION_SETS, ids=lambda path: path.name)
def test_labels_are_slot_values(path):
    known_places = {municipality.name_fi for municipality in get_index().all()}
    for message in load_heldout(path):
        assert message.topic in (None, *TOPICS), message.text
        assert message.need_level in (None, *NEED_LEVELS), message.text
        assert message.asker in (None, *ASKERS), message.text
        assert message.municipality is None or message.municipality in known_places


@pytest.mark.parametrize("path", [*EVALUATION_SETS, *FRESH_FILES], ids=lambda path: path.name)
def test_no_evaluation_message_is_trained_on(path, training_texts):
    texts = [_normalised(json.loads(line)["text"]) for line in path.read_text().splitlines()]
    assert len(texts) == len(set(texts)), "duplicate messages"
    # "moi" or "Oulu" may well be written the same way twice; a sentence may not.
    sentences = [text for text in texts if len(text.split()) >= MIN_WORDS]
    assert not [text for text in sentences if text in training_texts]


def test_a_broken_line_names_its_file_and_line(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"text": "moi", "intent": "greet"}\n{"text": "hei"\n')
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        load_heldout(data)


def test_report_names():
    assert report_name(HELDOUT_FILE) == "triage_evaluation"
    assert report_name(Path("evaluation/dev.jsonl")) == "triage_evaluation_dev"
    assert report_name(HELDOUT_FILES["sv"]) == "triage_evaluation_triage_sv"


def test_need_level_is_scored_only_where_the_message_states_it():
    result = score(
        "need_level",
        [None, "light_support", "non_digital"],
        ["x", "light_support", None],
        only_stated=True,
    )
    assert (result.correct, result.total) == (1, 2)
    assert result.confusions == [(("non_digital", "None"), 1)]


def test_nlu_evaluation_models_ignore_response_texts_but_not_intents(tmp_path):
    """A changed response retrains the assistant, not the two NLU evaluation models as well."""
    from bot.evaluation.nlu import domain_for_nlu

    domain = tmp_path / "domain"
    domain.mkdir()
    file = domain / "core.yml"
    file.write_text("intents: [greet]\nresponses:\n  utter_hi:\n  - text: Moi\n")
    before = domain_for_nlu(domain)
    file.write_text("intents: [greet]\nresponses:\n  utter_hi:\n  - text: Hei vaan\n")
    assert domain_for_nlu(domain) == before
    file.write_text("intents: [greet, goodbye]\nresponses:\n  utter_hi:\n  - text: Hei vaan\n")
    assert domain_for_nlu(domain) != before


def test_the_paired_test_tells_noise_from_a_real_difference():
    from bot.evaluation.nlu import p_worse

    assert p_worse(0, 0) == 1.0
    assert p_worse(3, 3) > 0.5  # as many misses each way: no evidence either way
    assert 0.1 < p_worse(9, 4) < 0.2  # a few more misses: within noise
    assert p_worse(15, 2) < 0.01  # far more misses: ours is worse


def _reports(ours_triage: float, p_value: float) -> dict:
    def report(accuracy: float) -> dict:
        return {
            "topic_accuracy": accuracy,
            "need_level_accuracy": accuracy,
            "asker_accuracy": accuracy,
        }

    comparison = {"ours_only_wrong": 9, "baseline_only_wrong": 4, "p_ours_worse": p_value}
    return {"ours": report(ours_triage), "baseline": report(0.93), "comparison": comparison}


def test_the_nlu_gate_wants_better_triage_and_intents_not_significantly_worse():
    from bot.evaluation.nlu import gate_failures

    assert gate_failures(_reports(0.95, 0.13)) == []
    assert "triage" in gate_failures(_reports(0.93, 0.13))[0]
    assert "significantly worse" in gate_failures(_reports(0.95, 0.01))[0]
