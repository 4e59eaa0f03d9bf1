"""The conversation evaluation: its data is sound and never trained on, and its scoring fails
exactly where a person would be let down."""

import re

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.domain_files import load_responses
from bot.evaluation.conversations import (
    BLIND_CONVERSATIONS_DIR,
    CONVERSATIONS_DIR,
    DEV2_CONVERSATIONS_DIR,
    DEV3_CONVERSATIONS_DIR,
    DEV4_CONVERSATIONS_DIR,
    DEV5_CONVERSATIONS_DIR,
    DEV_CONVERSATIONS_DIR,
    LANGUAGE_SETS,
    REPORT_ONLY_SETS,
    ConversationDataError,
    Expectation,
    ScriptedConversation,
    failing,
    load_conversations,
    report_name,
    score_conversation,
    summarise,
)
from bot.evaluation.dialogue import Said, TurnRecord
from bot.paths import PROJECT_ROOT

MIN_WORDS = 4


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def responses():
    return load_responses()


def test_the_set_is_large_and_covers_every_asker_and_case():
    conversations = load_conversations()
    assert len(conversations) >= 80
    assert {c.asker for c in conversations} == {"self", "relative", "advisor"}
    assert sum(c.expect.urgent for c in conversations) >= 10
    assert sum(bool(c.expect.questions) for c in conversations) >= 10
    assert sum(c.expect.farewell is not None for c in conversations) >= 10
    assert sum("non_digital" in c.expect.help for c in conversations) >= 10


@pytest.mark.parametrize(
    "directory",
    [
        CONVERSATIONS_DIR,
        DEV_CONVERSATIONS_DIR,
        DEV2_CONVERSATIONS_DIR,
        DEV3_CONVERSATIONS_DIR,
        *LANGUAGE_SETS.values(),
        *REPORT_ONLY_SETS.values(),
    ],
)
def test_no_conversation_turn_is_trained_on(directory):
    data = load_data(str(PROJECT_ROOT / "data" / "nlu"))
    trained = {_normalised(message.get("text")) for message in data.intent_examples}
    turns = [_normalised(t) for c in load_conversations(directory) for t in c.turns]
    sentences = [t for t in turns if len(t.split()) >= MIN_WORDS]
    assert not [t for t in sentences if t in trained]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ([CONVERSATIONS_DIR], DEV_CONVERSATIONS_DIR),
        ([CONVERSATIONS_DIR, DEV_CONVERSATIONS_DIR], DEV2_CONVERSATIONS_DIR),
        (
            [CONVERSATIONS_DIR, DEV_CONVERSATIONS_DIR, DEV2_CONVERSATIONS_DIR],
            DEV3_CONVERSATIONS_DIR,
        ),
        (
            [
                CONVERSATIONS_DIR,
                DEV_CONVERSATIONS_DIR,
                DEV2_CONVERSATIONS_DIR,
                DEV3_CONVERSATIONS_DIR,
            ],
            DEV4_CONVERSATIONS_DIR,
        ),
        (
            [
                CONVERSATIONS_DIR,
                DEV_CONVERSATIONS_DIR,
                DEV2_CONVERSATIONS_DIR,
                DEV3_CONVERSATIONS_DIR,
                DEV4_CONVERSATIONS_DIR,
            ],
            DEV5_CONVERSATIONS_DIR,
        ),
        (
            [
                CONVERSATIONS_DIR,
                DEV_CONVERSATIONS_DIR,
                DEV2_CONVERSATIONS_DIR,
                DEV3_CONVERSATIONS_DIR,
                DEV4_CONVERSATIONS_DIR,
                DEV5_CONVERSATIONS_DIR,
            ],
            BLIND_CONVERSATIONS_DIR,
        ),
    ],
)
def test_each_later_set_is_a_new_set_not_a_copy_of_the_earlier_ones(earlier, later):
    before = [c for directory in earlier for c in load_conversations(directory)]
    new = load_conversations(later)
    assert len(new) >= 40
    assert not {c.id for c in before} & {c.id for c in new}
    before_turns = {_normalised(t) for c in before for t in c.turns}
    shared = [t for c in new for t in c.turns if _normalised(t) in before_turns]
    assert not [t for t in shared if len(t.split()) >= MIN_WORDS]


def test_each_set_reports_under_its_own_name():
    assert report_name(CONVERSATIONS_DIR) == "conversation_evaluation"
    assert report_name(DEV_CONVERSATIONS_DIR) == "conversation_evaluation_dev"
    assert report_name(DEV2_CONVERSATIONS_DIR) == "conversation_evaluation_dev2"
    assert report_name(DEV3_CONVERSATIONS_DIR) == "conversation_evaluation_dev3"
    assert report_name(DEV4_CONVERSATIONS_DIR) == "conversation_evaluation_dev4"
    assert report_name(DEV5_CONVERSATIONS_DIR) == "conversation_evaluation_dev5"
    assert report_name(BLIND_CONVERSATIONS_DIR) == "conversation_evaluation_blind7"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_blind_language_sets_are_new_and_in_their_language(language):
    """Written apart from the language sets tuned against: no shared id or sentence."""
    earlier = load_conversations(LANGUAGE_SETS[language])
    new = load_conversations(REPORT_ONLY_SETS[f"{language}_blind"])
    assert len(new) >= 15
    assert {c.language for c in new} == {language}
    assert not {c.id for c in earlier} & {c.id for c in new}
    before_turns = {_normalised(t) for c in earlier for t in c.turns}
    assert not [
        t for c in new for t in c.turns if _normalised(t) in before_turns and len(t.split()) >= 4
    ]


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ({"id": "x", "asker": "self", "turns": ["moi"], "expect": {"help": ["magic"]}},
         "help kinds"),
        ({"id": "x", "asker": "self", "turns": ["moi"], "expect": {"slots": {"topic": "bank"}}},
         "topic='bank'"),
        ({"id": "x", "asker": "self", "turns": ["moi"], "expect": {"questions": [2]}}, "no turn 2"),
        ({"id": "x", "asker": "mother", "turns": ["moi"]}, "asker"),
        ({"id": "x", "asker": "self", "turns": []}, "turns"),
        ({"id": "x", "asker": "self", "turns": ["moi"], "expect": {"helps": []}}, "unknown"),
    ],
)  # fmt: skip
def test_a_malformed_conversation_names_its_file_and_id(tmp_path, item, problem):
    import yaml

    (tmp_path / "bad.yml").write_text(yaml.safe_dump({"conversations": [item]}))
    with pytest.raises(ConversationDataError, match=rf"bad\.yml: x.*{re.escape(problem)}"):
        load_conversations(tmp_path)


def test_an_id_used_twice_is_refused(tmp_path):
    one = "conversations:\n  - {id: a, asker: self, turns: [moi]}\n"
    (tmp_path / "one.yml").write_text(one)
    (tmp_path / "two.yml").write_text(one)
    with pytest.raises(ConversationDataError, match="also used in one.yml"):
        load_conversations(tmp_path)


def conversation(asker="self", **expect):
    return ScriptedConversation("c-1", asker, (), ("a", "b", "c"), Expectation(**expect), "x.yml")


def record(intent, *said, **slots):
    return TurnRecord("x", "x", intent, [Said(name, text) for name, text in said], slots)


URGENT = ("utter_urgent_steps", "Toimi heti! Sulje kortti.")
ASK_LEVEL = ("utter_ask_need_level", "Kuinka paljon apua tarvitset? Valitse lähin.")
ACK = ("utter_anything_else", "Hyvä. Voinko auttaa vielä jossain muussa?")
RULE = ("utter_limit_handle_credentials", "Digitukihenkilö ei saa nähdä …")
BYE = ("utter_goodbye", "Hei hei! Voit palata tänne milloin vain.")
HELLO = ("utter_greet", "Hei! Olen digituen opas.")
PROVIDERS = (
    "utter_providers_remote",
    "Tähän saat apua netissä tai puhelimessa, asuitpa missä tahansa:",
)


def test_a_conversation_that_reaches_the_help_counts_its_turns(responses):
    result = score_conversation(
        conversation(help=("providers",), slots={"topic": "banking"}),
        [record("ask_help", ASK_LEVEL), record("inform", PROVIDERS, topic="banking")],
        responses,
    )
    assert result.reached and result.turns_to_help == 2 and not result.failures


def test_wrong_slots_or_missing_help_are_misses(responses):
    result = score_conversation(
        conversation(help=("urgent",), slots={"topic": "security"}, limits=("fraud_response",)),
        [record("ask_help", PROVIDERS, topic="banking")],
        responses,
    )
    assert not result.reached and result.turns_to_help is None
    assert len(result.misses) == 3


def test_a_triage_question_before_the_urgent_steps_fails(responses):
    expect = {"help": ("urgent",), "urgent": True}
    late = score_conversation(
        conversation(**expect), [record("ask_help", ASK_LEVEL, URGENT)], responses
    )
    assert "urgent_first" in late.failures
    missing = score_conversation(conversation(**expect), [record("ask_help", ASK_LEVEL)], responses)
    assert "urgent_first" in missing.failures
    first = score_conversation(conversation(**expect), [record("ask_help", URGENT)], responses)
    assert "urgent_first" not in first.failures


def test_an_acknowledged_question_fails(responses):
    acked = score_conversation(conversation(questions=(1,)), [record("ask_help", ACK)], responses)
    assert "question_answered" in acked.failures
    assert "no_false_acknowledgement" in acked.failures
    answered = score_conversation(
        conversation(questions=(1,)), [record("ask_help", RULE)], responses
    )
    assert not {"question_answered", "no_false_acknowledgement"} & set(answered.failures)
    yes = score_conversation(conversation(), [record("affirm", ACK)], responses)
    assert "no_false_acknowledgement" not in yes.failures


def test_a_farewell_answered_with_the_greeting_fails(responses):
    greeted = score_conversation(conversation(farewell=1), [record("greet", HELLO)], responses)
    assert "farewell" in greeted.failures
    bye = score_conversation(conversation(farewell=1), [record("goodbye", BYE)], responses)
    assert "farewell" not in bye.failures


def test_a_text_in_the_wrong_voice_fails(responses):
    self_voice = ("utter_ask_municipality", "Missä kunnassa asut? Voit kertoa myös postinumeron. "
                  "Niin löydän apua läheltä.")  # fmt: skip
    relative_voice = ("utter_ask_municipality", "Missä kunnassa läheisesi asuu? Voit kertoa myös "
                      "postinumeron.")  # fmt: skip
    wrong = score_conversation(conversation("relative"), [record("inform", self_voice)], responses)
    assert "voice" in wrong.failures
    right = score_conversation(
        conversation("relative"), [record("inform", relative_voice)], responses
    )
    assert "voice" not in right.failures


def test_walls_of_text_and_repetition_fail(responses):
    wall = [("utter_x", "y" * 200)] * 9
    long = score_conversation(conversation(), [record("ask_help", *wall)], responses)
    assert "short_replies" in long.failures
    limit = ("utter_limit_act_on_behalf", "Digitukihenkilö ei voi kirjautua puolestasi " * 3)
    twice = score_conversation(
        conversation(), [record("inform", limit), record("inform", limit)], responses
    )
    assert "no_repetition" in twice.failures


def test_floors_fail_on_share_median_and_zero_tolerance_properties(responses):
    good = score_conversation(
        conversation(help=("providers",)), [record("ask_help", PROVIDERS)], responses
    )
    bad = score_conversation(
        conversation(help=("urgent",), urgent=True), [record("ask_help", ASK_LEVEL)], responses
    )
    summary = summarise([good, bad], 1.0)
    assert summary.reached == 0.5 and summary.median_turns == 1.0
    problems = failing(summary)
    assert any("reached" in p for p in problems)
    assert any("urgent_first" in p for p in problems)
    assert failing(summarise([good], 1.0)) == []


def test_the_conversation_files_live_apart_from_training_data():
    assert CONVERSATIONS_DIR.parent.name == "evaluation"
    config = (PROJECT_ROOT / "bot" / "runtime" / "training.py").read_text()
    assert "evaluation/conversations" not in config


def test_a_variation_conditioned_on_another_slot_is_the_self_voice(responses):
    """utter_urgent_steps varies by situation too: its caller variant with no asker condition
    is what a person asking for themselves should hear."""
    caller = next(
        v
        for v in responses["utter_urgent_steps"]
        if [c["name"] for c in v["condition"] or []] == ["urgent"]
    )
    text = caller["text"].format(blocking_phone="020 333", police_report="x", read_more="y")
    said = ("utter_urgent_steps", text)
    assert (
        "voice"
        not in score_conversation(
            conversation("self"), [record("ask_help", said)], responses
        ).failures
    )
    assert (
        "voice"
        in score_conversation(
            conversation("relative"), [record("ask_help", said)], responses
        ).failures
    )
