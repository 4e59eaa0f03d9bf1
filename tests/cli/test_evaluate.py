"""`python -m bot evaluate`: misuse gets a clear message and exit code 2, before any work."""

from argparse import Namespace
from pathlib import Path

from bot.cli.evaluate import handle


def run(capsys, **args):
    defaults = {
        "what": "triage",
        "strict": False,
        "no_regression": False,
        "data": None,
        "language": None,
        "set": "main",
    }
    code = handle(Namespace(**{**defaults, **args}))
    return code, capsys.readouterr().out


def test_a_missing_data_file_is_named(capsys):
    assert run(capsys, data=Path("no/such.jsonl")) == (2, "No such file: no/such.jsonl\n")


def test_floors_belong_to_the_held_out_set(capsys):
    code, out = run(capsys, data=Path("evaluation/dev.jsonl"), no_regression=True)
    assert code == 2
    assert "held-out sets only" in out


def test_data_and_language_are_one_or_the_other(capsys):
    code, out = run(capsys, data=Path("evaluation/dev.jsonl"), language="sv")
    assert code == 2
    assert "give one of them" in out


def test_the_language_sets_have_floors_and_the_dev_sets_do_not(capsys):
    code, out = run(capsys, what="conversations", set="dev", no_regression=True)
    assert code == 2
    assert "report only" in out


def test_other_data_is_for_the_triage_evaluation(capsys):
    code, out = run(capsys, what="nlu", data=Path("evaluation/dev.jsonl"))
    assert code == 2
    assert "evaluate triage" in out
