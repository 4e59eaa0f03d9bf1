"""The held-out set: messages written apart from the training data, never trained on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from bot.paths import PROJECT_ROOT

HELDOUT_DIR = PROJECT_ROOT / "tests" / "heldout"
HELDOUT_FILE = HELDOUT_DIR / "triage.jsonl"
#: One held-out set per language the assistant serves, each written apart from training data.
HELDOUT_FILES = {
    "fi": HELDOUT_FILE,
    "sv": HELDOUT_DIR / "triage_sv.jsonl",
    "en": HELDOUT_DIR / "triage_en.jsonl",
}


@dataclass(frozen=True)
class HeldOutMessage:
    text: str
    intent: Optional[str]  # the triage evaluation does not need it; the NLU one does
    topic: Optional[str]
    need_level: Optional[str]
    asker: Optional[str]
    municipality: Optional[str]


def heldout_language(path: Path) -> Optional[str]:
    """The language whose held-out set `path` is, however it is spelt; None for other files."""
    resolved = path.resolve()
    return next((code for code, file in HELDOUT_FILES.items() if file.resolve() == resolved), None)


def is_heldout(path: Path) -> bool:
    """Whether `path` is one of the held-out sets, however it is spelt."""
    return heldout_language(path) is not None


def load_heldout(path: Path = HELDOUT_FILE) -> List[HeldOutMessage]:
    messages = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            messages.append(
                HeldOutMessage(
                    text=record["text"],
                    intent=record.get("intent"),
                    topic=record.get("topic"),
                    need_level=record.get("need_level"),
                    asker=record.get("asker"),
                    municipality=record.get("municipality"),
                )
            )
        except (json.JSONDecodeError, KeyError) as error:
            raise ValueError(f"{path}:{number}: not a held-out record ({error})") from error
    return messages
