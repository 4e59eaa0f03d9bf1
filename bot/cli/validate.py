"""`python -m bot validate`: Rasa's data validation, strict, knowing what our actions say.

`rasa data validate --fail-on-warnings` fails on every response that no story or rule names,
but most of ours are uttered by custom actions (the dialogue's decisions live there). This
runs the same checks and fails on every warning, except "not used in any story or rule" for a
response that our code or the limits data demonstrably refers to: a response nobody refers to
still fails the build. It also fails when a response lacks its Swedish or English variations
(bot/language/coverage.py).
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path
from typing import Iterable, List, Set, Tuple

from bot.language.coverage import missing_translations
from bot.paths import DATA_DIR, DOMAIN_DIR, PROJECT_ROOT

TRAINING_PATHS = [DATA_DIR / "nlu", DATA_DIR / "stories", DATA_DIR / "rules"]
CODE_REFERENCES = [PROJECT_ROOT / "actions", PROJECT_ROOT / "bot", DATA_DIR / "limits"]
UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule")
# Entity annotations carry the slot value ({"value": "banking"}), which Rasa also records as
# synonyms; no synonym mapper runs in our pipeline, so conflicting synonyms change nothing.
# Rasa 3.6 prints its "auto-fill removed" notice for every domain that has slots at all.
HARMLESS = (
    re.compile(r"Found inconsistent entity synonyms"),
    re.compile(r"^Slot auto-fill has been removed in 3\.0"),
)
RESPONSE_NAME = re.compile(r"utter_[a-z0-9_]*")
# Uttered by Rasa itself: action_default_fallback (config.yml's core fallback) says utter_default.
RASA_UTTERED = frozenset({"utter_default"})


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("validate", help="validate domain and training data (strict)")
    parser.set_defaults(handler=handle)


def referenced_responses(paths: Iterable[Path] = CODE_REFERENCES) -> Tuple[Set[str], Set[str]]:
    """Response names written in code or data, and name prefixes completed at run time
    (f"utter_label_topic_{topic}")."""
    names: Set[str] = set()
    prefixes: Set[str] = set()
    for root in paths:
        for file in [root] if root.is_file() else root.rglob("*"):
            if file.suffix not in (".py", ".yml", ".yaml") or "__pycache__" in file.parts:
                continue
            text = file.read_text(encoding="utf-8")
            for match in RESPONSE_NAME.finditer(text):
                follows = text[match.end() : match.end() + 1]
                (prefixes if follows == "{" else names).add(match.group())
    return names, prefixes


def is_referenced(name: str, names: Set[str], prefixes: Set[str]) -> bool:
    return (
        name in RASA_UTTERED or name in names or any(name.startswith(prefix) for prefix in prefixes)
    )


def problems_in(messages: Iterable[str], names: Set[str], prefixes: Set[str]) -> List[str]:
    problems = []
    for message in messages:
        unused = UNUSED.search(message)
        if unused and is_referenced(unused.group(1), names, prefixes):
            continue
        if any(pattern.search(message) for pattern in HARMLESS):
            continue
        problems.append(message.strip())
    return problems


def handle(args: argparse.Namespace) -> int:
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.validator import Validator

    importer = TrainingDataImporter.load_from_config(
        str(PROJECT_ROOT / "config.yml"),
        str(DOMAIN_DIR),
        [str(path) for path in TRAINING_PATHS],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        validator = Validator.from_importer(importer)
        checks = {
            "domain": validator.verify_domain_validity(),
            "actions in rules": validator.verify_actions_in_stories_rules(),
            "slot mappings": validator.verify_slot_mappings(),
            "nlu": validator.verify_nlu(True),
            "story structure": validator.verify_story_structure(True),
            "utterances": validator.verify_utterances_in_stories(True),
        }
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    problems = problems_in(messages, *referenced_responses())
    problems += missing_translations(validator.domain.responses)
    for name, passed in checks.items():
        if not passed:
            problems.append(f"Rasa's {name} check failed (see the log above).")
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    if problems:
        print(f"Validation failed: {len(problems)} problem(s).", file=sys.stderr)
        return 1
    print(f"Validation passed ({len(messages)} warnings, all explained).")
    return 0
