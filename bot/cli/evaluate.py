"""`python -m bot evaluate {nlu,triage,conversations}`: evaluation, reports under results/."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import List, Optional

from bot.cli.logs import configure_logging


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("evaluate", help="score the assistant on held-out messages")
    parser.add_argument(
        "what",
        choices=("nlu", "triage", "conversations"),
        help="nlu: our pipeline against the baseline; triage: per-slot accuracy end to end; "
        "conversations: whole scripted conversations (evaluation/conversations/)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if ours does not beat the baseline (nlu) or misses a target (triage)",
    )
    parser.add_argument(
        "--no-regression",
        action="store_true",
        help="triage, conversations: exit 1 if a figure falls below its recorded floor "
        "(what CI checks)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        help="triage: score these JSONL messages instead of the held-out set "
        "(e.g. evaluation/dev.jsonl); the report is results/triage_evaluation_<name>.md",
    )
    parser.add_argument(
        "--language",
        choices=("fi", "sv", "en"),
        help="triage: the held-out set of this language (tests/heldout/triage_<language>.jsonl "
        "for sv and en), with its targets and floors",
    )
    parser.add_argument(
        "--set",
        choices=(
            "main",
            "sv",
            "en",
            "dev",
            "dev2",
            "dev3",
            "dev4",
            "dev5",
            "blind",
            "sv_blind",
            "en_blind",
        ),
        default="main",
        help="conversations: main (evaluation/conversations/, with floors), sv and en "
        "(evaluation/conversations_sv|en/, with floors; replies must be in that language), "
        "dev to dev5 "
        "(evaluation/conversations_dev*/, written apart, report only), blind "
        "(evaluation/conversations_blind7/, written apart and never used to choose a fix), "
        "sv_blind and en_blind (evaluation/conversations_sv|en_blind/, blind, report only)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    configure_logging(logging.WARNING)
    if args.what == "nlu":
        if args.data:
            print("--data applies to `evaluate triage` only")
            return 2
        return _nlu(args.strict)
    if args.what == "conversations":
        if args.data:
            print("--data applies to `evaluate triage` only")
            return 2
        return _conversations(args.strict, args.no_regression, args.set)
    if args.data and args.language:
        print("--data and --language: give one of them")
        return 2
    if args.data and not args.data.is_file():
        print(f"No such file: {args.data}")
        return 2
    return _triage(args.strict, args.no_regression, args.data, args.language)


def _nlu(strict: bool) -> int:
    from bot.evaluation import nlu

    reports = nlu.run()
    print((nlu.RESULTS_DIR / "nlu_evaluation.md").read_text())
    failures = nlu.gate_failures(reports)
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if strict and failures else 0


def _triage(
    strict: bool, no_regression: bool, data: Optional[Path], language: Optional[str] = None
) -> int:
    from bot.evaluation import triage
    from bot.evaluation.heldout import HELDOUT_FILES, heldout_language

    data = data or HELDOUT_FILES[language or "fi"]
    language = heldout_language(data)
    if no_regression and language is None:
        print("--no-regression compares with floors recorded for the held-out sets only")
        return 2
    try:
        scores = triage.run(data)
    except ValueError as error:
        print(f"Cannot evaluate: {error}")
        return 2
    print((triage.RESULTS_DIR / f"{triage.report_name(data)}.md").read_text())
    misses = triage.failing(scores, triage.targets_for(data))
    regressions = triage.failing(scores, triage.FLOORS_BY_LANGUAGE[language or "fi"])
    return _verdict(misses, regressions, strict=strict, no_regression=no_regression)


def _conversations(strict: bool, no_regression: bool, which: str) -> int:
    from bot.evaluation import conversations

    directory = conversations.CONVERSATIONS_DIR
    floors, zero_tolerance = conversations.FLOORS, conversations.ZERO_TOLERANCE
    if which in conversations.LANGUAGE_SETS:
        directory = conversations.LANGUAGE_SETS[which]
        floors, zero_tolerance = (
            conversations.LANGUAGE_FLOORS,
            conversations.LANGUAGE_ZERO_TOLERANCE,
        )
    if which in conversations.REPORT_ONLY_SETS:
        if no_regression or strict:
            print(f"--set {which} is a report only: it has no floors or targets to fail on")
            return 2
        directory = conversations.REPORT_ONLY_SETS[which]
    try:
        summary = conversations.run(directory)
    except conversations.ConversationDataError as error:
        print(f"Cannot evaluate: {error}")
        return 2
    report = conversations.RESULTS_DIR / f"{conversations.report_name(directory)}.md"
    print(report.read_text().split("## By")[0])
    print(f"Details: {report}")
    misses = conversations.failing(summary, conversations.TARGETS)
    regressions = conversations.failing(summary, floors, zero_tolerance)
    return _verdict(misses, regressions, strict=strict, no_regression=no_regression)


def _verdict(
    misses: List[str], regressions: List[str], *, strict: bool, no_regression: bool
) -> int:
    """Targets are reported; floors fail the build with --no-regression, targets with --strict."""
    if misses:
        print("Targets missed: " + "; ".join(misses))
    if no_regression and regressions:
        print("FAIL, below the recorded floor: " + "; ".join(regressions))
        return 1
    return 1 if strict and misses else 0
