"""The strict validation: which of Rasa's warnings are explained, which fail the build."""

from bot.cli.validate import problems_in, referenced_responses


def test_a_response_only_an_action_utters_is_explained():
    names, prefixes = {"utter_ask_correction"}, set()
    message = "The utterance 'utter_ask_correction' is not used in any story or rule."
    assert problems_in([message], names, prefixes) == []


def test_a_response_completed_at_run_time_is_explained_by_its_prefix():
    message = "The utterance 'utter_label_topic_banking' is not used in any story or rule."
    assert problems_in([message], set(), {"utter_label_topic_"}) == []


def test_a_response_nobody_refers_to_fails():
    message = "The utterance 'utter_forgotten' is not used in any story or rule."
    assert problems_in([message], {"utter_other"}, {"utter_label_"}) == [message]


def test_any_other_warning_fails():
    message = "The intent 'ask_human' is used in your stories, but it is not listed"
    assert problems_in([message], set(), set()) == [message]


def test_references_are_found_in_code_and_in_fstring_prefixes(tmp_path):
    code = tmp_path / "action.py"
    code.write_text(
        'dispatcher.utter_message(response="utter_reflect")\nname = f"utter_label_topic_{topic}"\n'
    )
    names, prefixes = referenced_responses([tmp_path])
    assert "utter_reflect" in names
    assert prefixes == {"utter_label_topic_"}
