"""Benchmarks measure the trained model; they must never start an 11-minute training."""

from __future__ import annotations

from pathlib import Path

from bot.paths import MODELS_DIR
from bot.runtime.training import (
    MODEL_PREFIX,
    cached_model_path,
    inputs_hash,
    library_versions,
    model_inputs,
)


def current_model() -> Path:
    """The model `bot run` would load without training (models/ or the cache), or an error."""
    name = f"{MODEL_PREFIX}-{inputs_hash(model_inputs(), libraries=library_versions())}"
    for candidate in (MODELS_DIR / f"{name}.tar.gz", cached_model_path(name)):
        if candidate.exists():
            return candidate
    raise SystemExit(
        f"No trained model {name} for the current inputs (models/ or the cache). "
        "Train first (`make train`); benchmarks do not train."
    )
