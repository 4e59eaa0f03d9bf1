"""The facts the urgent steps quote (data/urgent/urgent_steps.yml), loaded and checked once.

The sentences are domain responses; the facts (the blocking line, where to report, where to
read more) are data with their sources, so a reviewer checks them in one place and a change of
number never needs a change of text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict

import yaml

from bot.paths import DATA_DIR

URGENT_FILE = DATA_DIR / "urgent" / "urgent_steps.yml"
REQUIRED = ("blocking_phone", "police_report", "read_more")
FIELDS = ("value", "says", "source", "reviewed")


class UrgentStepsError(ValueError):
    """The urgent steps file is missing a fact, a field or a source."""


def load_facts(path: Path = URGENT_FILE) -> Dict[str, str]:
    """Fact name -> value, after checking every fact names its source."""
    try:
        facts = (yaml.safe_load(path.read_text(encoding="utf-8")) or {})["facts"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise UrgentStepsError(f"{path}: cannot read the urgent facts ({error})") from None
    if not isinstance(facts, dict):
        raise UrgentStepsError(f"{path}: `facts` must map each fact's name to its fields")
    for name in REQUIRED:
        if name not in facts:
            raise UrgentStepsError(f"{path}: fact {name!r} is missing")
    for name, fact in facts.items():
        missing = [f for f in FIELDS if not isinstance(fact, dict) or fact.get(f) in (None, "")]
        if missing and missing != ["value"]:
            raise UrgentStepsError(f"{path}: fact {name!r} lacks {', '.join(missing)}")
        if name in REQUIRED and not str(fact.get("value") or "").strip():
            raise UrgentStepsError(f"{path}: fact {name!r} has no value to say")
    return {name: str(fact.get("value") or "") for name, fact in facts.items()}


@lru_cache(maxsize=1)
def urgent_facts() -> Dict[str, str]:
    return load_facts()
