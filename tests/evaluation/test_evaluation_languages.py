"""The evaluations in Swedish and English: the held-out set's language and its targets, the
conversations' language fields, and the rule that every reply is in the conversation's language."""

import re
import shutil

import pytest
import yaml

from bot.domain_files import language_text, load_responses
from bot.evaluation.conversations import (
    LANGUAGE_SETS,
    ConversationDataError,
    Expectation,
    ScriptedConversation,
    _in_language,
    load_conversations,
    score_conversation,
)
from bot.evaluation.dialogue import Said, TurnRecord
from bot.evaluation.heldout import HELDOUT_DIR, HELDOUT_FILE, HELDOUT_FILES, heldout_language
from bot.evaluation.triage import TARGETS, TARGETS_BY_LANGUAGE, report_name, targets_for
from bot.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def responses():
    return load_responses()


# ------------------------------------------------------------------ held-out sets


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_each_held_out_set_knows_its_language(language):
    assert heldout_language(HELDOUT_FILES[language]) == language


def test_the_language_is_found_however_the_path_is_spelt(monkeypatch):
    assert heldout_language(HELDOUT_DIR / ".." / "heldout" / "triage_sv.jsonl") == "sv"
    monkeypatch.chdir(PROJECT_ROOT)
    assert heldout_language(HELDOUT_FILES["en"].relative_to(PROJECT_ROOT)) == "en"


def test_another_file_has_no_held_out_language(tmp_path):
    copy = tmp_path / "triage_sv.jsonl"
    shutil.copy(HELDOUT_FILES["sv"], copy)
    assert heldout_language(copy) is None
    assert heldout_language(PROJECT_ROOT / "evaluation" / "dev.jsonl") is None


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_held_out_set_is_held_to_its_languages_targets(language):
    assert targets_for(HELDOUT_FILES[language]) == TARGETS_BY_LANGUAGE[language]
    assert targets_for(HELDOUT_FILES[language])["topic"] == 0.90


def test_the_finnish_set_and_other_files_are_held_to_the_finnish_targets(tmp_path):
    assert targets_for(HELDOUT_FILE) == TARGETS
    assert targets_for(tmp_path / "mine.jsonl") == TARGETS


def test_a_report_only_set_named_for_its_language_is_held_to_that_languages_targets(tmp_path):
    assert targets_for(tmp_path / "triage_sv_blind3.jsonl") == TARGETS_BY_LANGUAGE["sv"]
    assert targets_for(tmp_path / "triage_en_blind3.jsonl") == TARGETS_BY_LANGUAGE["en"]
    assert targets_for(tmp_path / "triage_se_blind3.jsonl") == TARGETS
    assert TARGETS["topic"] == 0.95


def test_each_held_out_set_reports_under_its_own_name():
    assert report_name(HELDOUT_FILE) == "triage_evaluation"
    assert report_name(HELDOUT_FILES["sv"]) == "triage_evaluation_triage_sv"
    assert report_name(HELDOUT_FILES["en"]) == "triage_evaluation_triage_en"


# ------------------------------------------------------------------ conversation files


def write(tmp_path, **item):
    conversation = {"id": "x", "asker": "self", "turns": ["hej", "på svenska"], **item}
    (tmp_path / "bad.yml").write_text(yaml.safe_dump({"conversations": [conversation]}))
    return tmp_path


def test_the_language_and_its_first_turn_are_read(tmp_path):
    [conversation] = load_conversations(write(tmp_path, language="sv", language_from=2))
    assert (conversation.language, conversation.language_from) == ("sv", 2)


def test_a_conversation_is_finnish_from_the_first_turn_unless_told(tmp_path):
    [conversation] = load_conversations(write(tmp_path))
    assert (conversation.language, conversation.language_from) == ("fi", 1)


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ({"language": "de"}, "language must be fi, sv or en"),
        ({"language": "SV"}, "language must be fi, sv or en"),
        ({"language": None}, "language must be fi, sv or en"),
        ({"language": "sv", "language_from": 3}, "no turn 3"),
        ({"language": "sv", "language_from": 0}, "no turn 0"),
        ({"language": "sv", "language_from": "2"}, "no turn 2"),
    ],
)
def test_a_bad_language_is_refused(tmp_path, item, problem):
    with pytest.raises(ConversationDataError, match=rf"bad\.yml: x: {re.escape(problem)}"):
        load_conversations(write(tmp_path, **item))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_language_sets_are_in_their_language(language):
    conversations = load_conversations(LANGUAGE_SETS[language])
    assert conversations
    assert {c.language for c in conversations} == {language}


# ------------------------------------------------------------------ replies in the language


def conversation(language="sv", language_from=1, asker="self"):
    return ScriptedConversation(
        "c-1", asker, (), ("a", "b"), Expectation(), "x.yml", language, language_from
    )


def record(*said):
    return TurnRecord("x", "x", "inform", [Said(name, text) for name, text in said], {})


def plain(responses, name, language):
    return name, language_text(responses[name], language)


def test_replies_in_the_conversations_language_pass(responses):
    records = [
        record(plain(responses, "utter_language_changed", "sv")),
        record(plain(responses, "utter_ask_municipality", "sv")),
    ]
    assert _in_language(conversation("sv"), records, responses) == []


def test_a_finnish_reply_in_a_swedish_conversation_fails_with_its_turn(responses):
    records = [
        record(plain(responses, "utter_language_changed", "sv")),
        record(plain(responses, "utter_ask_municipality", "fi")),
    ]
    assert _in_language(conversation("sv"), records, responses) == [
        "turn 2: utter_ask_municipality in fi, not sv"
    ]


def test_an_english_voice_variation_in_a_swedish_conversation_fails(responses):
    text = responses["utter_ask_municipality"]
    relative_en = next(
        v["text"]
        for v in text
        if {(c["name"], c["value"]) for c in v.get("condition") or []}
        == {("language", "en"), ("asker", "relative")}
    )
    records = [record(("utter_ask_municipality", relative_en))]
    assert _in_language(conversation("sv"), records, responses) == [
        "turn 1: utter_ask_municipality in en, not sv"
    ]


def test_turns_before_the_language_was_asked_for_are_not_checked(responses):
    records = [
        record(plain(responses, "utter_ask_municipality", "fi")),
        record(plain(responses, "utter_language_changed", "en")),
    ]
    assert _in_language(conversation("en", language_from=2), records, responses) == []
    assert _in_language(conversation("en", language_from=1), records, responses) == [
        "turn 1: utter_ask_municipality in fi, not en"
    ]


def test_values_in_a_text_still_show_its_language(responses):
    swedish = record(("utter_provider_distance", "Avstånd cirka 12 km."))
    finnish = record(("utter_provider_distance", "Matkaa noin 12 km."))
    assert _in_language(conversation("sv"), [swedish], responses) == []
    assert _in_language(conversation("sv"), [finnish], responses) == [
        "turn 1: utter_provider_distance in fi, not sv"
    ]


def test_a_text_the_same_in_every_language_or_composed_is_not_held_against_it(responses):
    records = [
        record(("utter_provider", "Esbo stadsbibliotek")),  # "{name}" in every language
        record((None, "Jokin koottu viesti")),  # composed by an action, no response
        record(("utter_not_in_the_domain", "Hei")),
    ]
    assert _in_language(conversation("sv"), records, responses) == []


def test_the_score_lists_a_reply_in_the_wrong_language(responses):
    wrong = [record(plain(responses, "utter_ask_municipality", "fi"))]
    right = [record(plain(responses, "utter_ask_municipality", "en"))]
    assert "in_language" in score_conversation(conversation("en"), wrong, responses).failures
    assert "in_language" not in score_conversation(conversation("en"), right, responses).failures
