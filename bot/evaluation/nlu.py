"""Our Finnish NLU pipeline against the baseline, on the same data and the same held-out set.

The baseline is the configuration Finnish public-sector Rasa bots have used (whitespace tokens,
word and character 1-4 count vectors, DIET). Both are trained on data/nlu and scored on
tests/heldout/, which neither has seen; the same triage classifier head sits on each so the
triage figures compare the features alone.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from bot.evaluation.heldout import HeldOutMessage, load_heldout
from bot.evaluation.metrics import macro_f1, score
from bot.paths import DOMAIN_DIR, MODELS_DIR, PROJECT_ROOT, RESULTS_DIR
from bot.runtime.training import (
    PIPELINE_CODE,
    inputs_hash,
    library_versions,
    reuse_cached,
    store_in_cache,
)
from bot.triage.labels import ASKER, MUNICIPALITY, NEED_LEVEL, TOPIC

NLU_DATA = PROJECT_ROOT / "data" / "nlu"
PIPELINES = {
    "ours": PROJECT_ROOT / "config.yml",
    "baseline": PROJECT_ROOT / "evaluation" / "config_baseline.yml",
}
SLOTS = (TOPIC, NEED_LEVEL, ASKER, MUNICIPALITY)


@dataclass(frozen=True)
class Prediction:
    intent: Optional[str]
    slots: Dict[str, Optional[str]]


def train_nlu_model(name: str, config: Path) -> Path:
    """An NLU-only model for `config`, reused from the cache when nothing changed."""
    from rasa.model_training import train_nlu

    inputs = [config, NLU_DATA, DOMAIN_DIR, *PIPELINE_CODE]
    model_name = f"nlu-{name}-{inputs_hash(inputs, libraries=library_versions())}"
    cached = reuse_cached(model_name)
    if cached:
        return cached
    output = MODELS_DIR / "evaluation"
    trained = train_nlu(
        config=str(config),
        nlu_data=str(NLU_DATA),
        output=str(output),
        fixed_model_name=model_name,
        domain=str(DOMAIN_DIR),
    )
    if not trained:
        raise RuntimeError(f"Training the {name} NLU model failed")
    return store_in_cache(Path(trained), model_name)


async def predict(model: Path, messages: List[HeldOutMessage]) -> List[Prediction]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    predictions = []
    for message in messages:
        parsed = await agent.parse_message(message.text)
        slots: Dict[str, Optional[str]] = {slot: None for slot in SLOTS}
        for entity in parsed.get("entities", []):
            if entity.get("entity") in slots and slots[entity["entity"]] is None:
                slots[entity["entity"]] = entity.get("value")
        predictions.append(Prediction((parsed.get("intent") or {}).get("name"), slots))
    return predictions


def evaluate(messages: List[HeldOutMessage], predictions: List[Prediction]) -> Dict[str, object]:
    expected_intents = [message.intent for message in messages]
    predicted_intents = [prediction.intent or "None" for prediction in predictions]
    intent = score("intent", expected_intents, predicted_intents)
    report: Dict[str, object] = {
        "intent_accuracy": round(intent.accuracy, 4),
        "intent_macro_f1": round(macro_f1(expected_intents, predicted_intents), 4),
        "intent_confusions": intent.as_dict()["confusions"],
    }
    for slot in SLOTS:
        slot_score = score(
            slot,
            [getattr(message, slot) for message in messages],
            [prediction.slots[slot] for prediction in predictions],
            only_stated=slot == NEED_LEVEL,
        )
        report[f"{slot}_accuracy"] = round(slot_score.accuracy, 4)
    return report


def run() -> Dict[str, Dict[str, object]]:
    messages = load_heldout()
    reports = {}
    for name, config in PIPELINES.items():
        model = train_nlu_model(name, config)
        reports[name] = evaluate(messages, asyncio.run(predict(model, messages)))
        reports[name]["examples"] = len(messages)
    write_report(reports)
    return reports


def write_report(reports: Dict[str, Dict[str, object]]) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "nlu_evaluation.json").write_text(json.dumps(reports, indent=2))
    ours, baseline = reports["ours"], reports["baseline"]
    rows = [
        "| metric | ours | baseline | difference |",
        "|---|---|---|---|",
    ]
    for metric in ("intent_accuracy", "intent_macro_f1", *(f"{s}_accuracy" for s in SLOTS)):
        difference = float(ours[metric]) - float(baseline[metric])  # type: ignore[arg-type]
        rows.append(
            f"| {metric} | {ours[metric]:.3f} | {baseline[metric]:.3f} | {difference:+.3f} |"
        )
    text = "\n".join(
        [
            "# NLU evaluation on held-out messages",
            "",
            f"{ours['examples']} held-out messages (tests/heldout/triage.jsonl), never trained on.",
            "Ours: Voikko tokenizer (spaCy fi tokens, Voikko base forms), base-form 1-2 grams,",
            "word forms, raw-text char 1-5 grams, DIET, level-4 cue rules, municipality extractor.",
            "Baseline: whitespace tokens, word + char 1-4 count vectors, DIET. Both carry the same",
            "triage classifier head; need_level is scored on messages that state it; municipality",
            "needs our extractor (the baseline has none).",
            "",
            *rows,
            "",
        ]
    )
    path = RESULTS_DIR / "nlu_evaluation.md"
    path.write_text(text)
    return path
