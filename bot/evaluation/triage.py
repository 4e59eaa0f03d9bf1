"""Per-slot accuracy of the whole assistant (model + actions) on the held-out messages.

Each message is triaged alone in a new conversation exactly as `python -m bot triage --jsonl`
does, so the figures describe what a person would get, not what the NLU alone predicts.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path
from typing import Dict, List, Tuple

from bot.evaluation.heldout import HELDOUT_FILE, heldout_language, load_heldout
from bot.evaluation.metrics import SlotScore, score
from bot.paths import PROJECT_ROOT, RESULTS_DIR
from bot.triage.labels import ASKER, MUNICIPALITY, NEED_LEVEL, TOPIC

# What the issue asks of the held-out evaluation.
TARGETS = {TOPIC: 0.95, NEED_LEVEL: 0.90, ASKER: 0.95, MUNICIPALITY: 1.0}
# What the build guards against falling below, a little under what was measured (topic 0.954,
# need level 0.971, asker 0.954-0.958, municipality 1.0): training from scratch on another run
# moved one held-out message (asker 248 vs 249 of 260), so a floor exactly on a figure would
# fail at random. The report still says whether each target is met.
FLOORS = {TOPIC: 0.94, NEED_LEVEL: 0.95, ASKER: 0.94, MUNICIPALITY: 1.0}
# Swedish and English (issue 13): the targets the issue sets.
TARGETS_BY_LANGUAGE: Dict[str, Dict[str, float]] = {
    "fi": TARGETS,
    "sv": {TOPIC: 0.90, NEED_LEVEL: 0.85, ASKER: 0.90, MUNICIPALITY: 1.0},
    "en": {TOPIC: 0.90, NEED_LEVEL: 0.85, ASKER: 0.90, MUNICIPALITY: 1.0},
}
# Floors a little under the figures measured after the third round (2026-12-01: sv topic 0.911,
# need level 0.891, asker 0.911; en 0.974, 0.763, 0.948; municipality 1.0 in both): en need
# level is still under its target, which the report says.
FLOORS_BY_LANGUAGE: Dict[str, Dict[str, float]] = {
    "fi": FLOORS,
    "sv": {TOPIC: 0.89, NEED_LEVEL: 0.86, ASKER: 0.89, MUNICIPALITY: 1.0},
    "en": {TOPIC: 0.95, NEED_LEVEL: 0.72, ASKER: 0.93, MUNICIPALITY: 1.0},
}


#: A report-only set says its language in its name: evaluation/triage_sv_blind3.jsonl.
_NAMED_LANGUAGE = re.compile(r"^triage_(sv|en)_")


def targets_for(data: Path) -> Dict[str, float]:
    """The targets a report states: its language's (a held-out set, or a set whose name says
    it, as triage_sv_blind3.jsonl), else the Finnish ones."""
    named = _NAMED_LANGUAGE.match(data.name)
    return TARGETS_BY_LANGUAGE[heldout_language(data) or (named and named.group(1)) or "fi"]


async def _triage_all(texts: List[str]) -> Tuple[List[Dict[str, object]], float]:
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained
    from bot.triage.batch import triage_lines

    agent = await load(str(ensure_trained()), in_memory=True)
    started = time.perf_counter()
    results = [result async for result in triage_lines(agent, texts)]
    return results, time.perf_counter() - started


def report_name(data: Path) -> str:
    """The report's file name: "triage_evaluation" for the Finnish held-out set, else by data
    file ("triage_evaluation_triage_sv")."""
    return (
        "triage_evaluation" if heldout_language(data) == "fi" else f"triage_evaluation_{data.stem}"
    )


def run(data: Path = HELDOUT_FILE) -> Dict[str, SlotScore]:
    """Score the assistant on `data` (the held-out set unless told) and write its report."""
    messages = load_heldout(data)
    results, seconds = asyncio.run(_triage_all([message.text for message in messages]))
    scores = {
        slot: score(
            slot,
            [getattr(message, slot) for message in messages],
            [result[slot] for result in results],  # type: ignore[misc]
            only_stated=slot == NEED_LEVEL,
        )
        for slot in TARGETS
    }
    mistakes = [
        {
            "text": message.text,
            **{f"expected_{s}": getattr(message, s) for s in TARGETS},
            **{f"got_{s}": result[s] for s in TARGETS},
        }
        for message, result in zip(messages, results, strict=True)
        if any(getattr(message, s) != result[s] for s in TARGETS)
    ]
    write_report(scores, len(messages), seconds, mistakes, data)
    return scores


def failing(scores: Dict[str, SlotScore], limits: Dict[str, float] = TARGETS) -> List[str]:
    return [
        f"{slot} {scores[slot].accuracy:.3f} < {limit}"
        for slot, limit in limits.items()
        if scores[slot].accuracy < limit
    ]


def write_report(
    scores: Dict[str, SlotScore],
    count: int,
    seconds: float,
    mistakes: List[Dict[str, object]],
    data: Path = HELDOUT_FILE,
) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    name = report_name(data)
    payload = {
        "messages": count,
        "seconds": round(seconds, 2),
        "slots": {slot: slot_score.as_dict() for slot, slot_score in scores.items()},
        "mistakes": mistakes,
    }
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False))
    lines = [
        f"# Triage evaluation on {_relative(data)}",
        "",
        f"{count} messages, each a new conversation through the full assistant, "
        f"in {seconds:.1f} s.",
        "",
        "| slot | accuracy | correct / scored | target | met |",
        "|---|---|---|---|---|",
    ]
    targets = targets_for(data)
    for slot, slot_score in scores.items():
        met = "yes" if slot_score.accuracy >= targets[slot] else "**no**"
        lines.append(
            f"| {slot} | {slot_score.accuracy:.3f} | {slot_score.correct} / "
            f"{slot_score.total} | {targets[slot]} | {met} |"
        )
    lines += ["", "Most frequent confusions (expected → got):", ""]
    for slot, slot_score in scores.items():
        top = ", ".join(
            f"{expected}→{predicted} ×{count}"
            for (expected, predicted), count in slot_score.confusions[:6]
        )
        lines.append(f"- {slot}: {top or 'none'}")
    path = RESULTS_DIR / f"{name}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _relative(data: Path) -> str:
    try:
        return str(data.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(data)
