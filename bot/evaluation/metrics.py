"""Accuracy and confusion figures shared by the NLU and triage reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple


@dataclass(frozen=True)
class SlotScore:
    name: str
    correct: int
    total: int
    confusions: List[Tuple[Tuple[str, str], int]]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> Dict[str, object]:
        return {
            "accuracy": round(self.accuracy, 4),
            "correct": self.correct,
            "total": self.total,
            "confusions": [
                {"expected": expected, "predicted": predicted, "count": count}
                for (expected, predicted), count in self.confusions
            ],
        }


def score(
    name: str,
    expected: Sequence[Optional[str]],
    predicted: Sequence[Optional[str]],
    only_stated: bool = False,
) -> SlotScore:
    """Exact-match accuracy; `only_stated` scores only messages whose expected value is set."""
    pairs = [
        (exp, pred)
        for exp, pred in zip(expected, predicted, strict=True)
        if not (only_stated and exp is None)
    ]
    mistakes = Counter((str(exp), str(pred)) for exp, pred in pairs if exp != pred)
    return SlotScore(
        name=name,
        correct=sum(1 for exp, pred in pairs if exp == pred),
        total=len(pairs),
        confusions=mistakes.most_common(),
    )


def macro_f1(expected: Sequence[str], predicted: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(expected, predicted, average="macro", zero_division=0))
