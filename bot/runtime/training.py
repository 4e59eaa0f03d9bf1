"""Train a Rasa model only when something that shapes it has changed.

Training takes minutes on two cores; starting the assistant or running the tests must not pay
for it twice. A model is named by a hash of everything that can change its behaviour (pipeline
and policies, domain, training data, the code of our own NLU components, pinned library
versions) and kept in a cache outside the work tree, so a fresh clone on the same machine (as
in CI) reuses it.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence

from bot.paths import DOMAIN_DIR, MODELS_DIR, PROJECT_ROOT

logger = logging.getLogger(__name__)

CONFIG_FILE = PROJECT_ROOT / "config.yml"
TRAINING_DATA = [
    PROJECT_ROOT / "data" / "nlu",
    PROJECT_ROOT / "data" / "stories",
    PROJECT_ROOT / "data" / "rules",
]
# Code that shapes what the pipeline learns: the tokens and base forms the featurizers see, and
# the label set. Non-trainable components (the municipality extractor over bot/places, the
# level-4 cues) run the current code at parse time, so changing them needs no retraining.
PIPELINE_CODE = [
    PROJECT_ROOT / "bot" / "nlu",
    PROJECT_ROOT / "bot" / "language",
    PROJECT_ROOT / "bot" / "triage" / "labels.py",
    PROJECT_ROOT / "bot" / "triage" / "asker_cues.py",
    PROJECT_ROOT / "bot" / "triage" / "contrast.py",
    PROJECT_ROOT / "bot" / "guard" / "findings.py",
]
# Libraries whose version changes what training produces. WHY not the whole constraints file: a
# test-only or server-only dependency (pytest, python-stdnum, redis) must not cost a retraining.
MODEL_LIBRARIES = ("rasa", "tensorflow", "scikit-learn", "numpy", "spacy", "scipy", "libvoikko")
MODEL_PREFIX = "digituki"
#: How many models the cache keeps (about 70 MB each): the most recently used ones. Three are
#: in use at a time (the full model and the two evaluation models), so this spans a few changes.
CACHE_KEEP = 12
_HASHED_SUFFIXES = {".yml", ".yaml", ".py", ".json", ".txt", ".md"}


def cache_dir() -> Path:
    """Where trained models outlive a work tree (overridable for tests and CI)."""
    configured = os.environ.get("DIGITUKI_CACHE_DIR")
    base = Path(configured) if configured else Path.home() / ".cache" / "digituki"
    return base / "models"


def _files_under(paths: Iterable[Path]) -> List[Path]:
    files: List[Path] = []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(
                candidate
                for candidate in path.rglob("*")
                if candidate.is_file()
                and candidate.suffix in _HASHED_SUFFIXES
                and "__pycache__" not in candidate.parts
            )
    return sorted(files)


def library_versions(names: Sequence[str] = MODEL_LIBRARIES) -> str:
    """ "name==version" lines of the installed libraries that shape a model ("absent" if not)."""
    lines = []
    for name in names:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        lines.append(f"{name}=={version}")
    return "\n".join(lines)


def inputs_hash(
    paths: Sequence[Path], root: Path = PROJECT_ROOT, libraries: str = "", extra: str = ""
) -> str:
    """A short content hash of the files under `paths` (names relative to `root`), of the
    `libraries` versions text and of `extra` (inputs that are not whole files)."""
    digest = hashlib.sha256()
    digest.update(libraries.encode())
    digest.update(extra.encode())
    for file in _files_under(paths):
        digest.update(str(file.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_inputs(config: Path = CONFIG_FILE) -> List[Path]:
    return [config, DOMAIN_DIR, *TRAINING_DATA, *PIPELINE_CODE]


def cached_model_path(name: str) -> Path:
    return cache_dir() / f"{name}.tar.gz"


def reuse_cached(name: str) -> Optional[Path]:
    """The cached model `name`, marked as just used, or None."""
    cached = cached_model_path(name)
    if not cached.exists():
        return None
    cached.touch()
    return cached


def store_in_cache(model: Path, name: str) -> Path:
    """Keep a copy of a newly trained model, then let the oldest unused ones go."""
    cached = cached_model_path(name)
    cached.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(model, cached)
    cached.touch()
    prune_cache()
    return cached


def prune_cache(keep: int = CACHE_KEEP) -> List[Path]:
    """Delete all but the `keep` most recently used models; returns what was deleted."""
    models = sorted(
        cache_dir().glob("*.tar.gz"), key=lambda path: path.stat().st_mtime, reverse=True
    )
    for stale in models[keep:]:
        stale.unlink(missing_ok=True)
    return models[keep:]


@contextmanager
def training_lock(name: str) -> Iterator[None]:
    """Only one process trains a given model at a time.

    WHY: the assistant, the test run and the evaluations all call `ensure_trained`; two of them
    started together used to train the same model twice on two cores, each taking twice as long.
    The second one now waits and then finds the first one's model in the cache.
    """
    lock_path = cache_dir() / f"{name}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.info(f"Another process is training {name}; waiting for it to finish.")
            fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def ensure_trained(force: bool = False) -> Path:
    """The path of an up-to-date full model in models/, training it only if needed."""
    name = f"{MODEL_PREFIX}-{inputs_hash(model_inputs(), libraries=library_versions())}"
    local = MODELS_DIR / f"{name}.tar.gz"
    if not force and local.exists():
        logger.info(f"Model is up to date: {local.name}")
        return local
    with training_lock(name):
        cached = None if force else reuse_cached(name)
        if cached:
            logger.info(f"Reusing cached model {cached}")
            MODELS_DIR.mkdir(exist_ok=True)
            shutil.copy2(cached, local)
            return local
        trained = _train(name)
        store_in_cache(trained, name)
    _remove_stale_models(keep=trained)
    return trained


def _remove_stale_models(keep: Path) -> None:
    """Older models in models/ are 70 MB each and never used again (the cache keeps them)."""
    for model in MODELS_DIR.glob(f"{MODEL_PREFIX}-*.tar.gz"):
        if model.resolve() != keep.resolve():
            model.unlink()


def _train(name: str) -> Path:
    from rasa.api import train

    logger.info("Training the model (inputs changed); this takes a few minutes.")
    result = train(
        domain=str(DOMAIN_DIR),
        config=str(CONFIG_FILE),
        training_files=[str(path) for path in TRAINING_DATA],
        output=str(MODELS_DIR),
        fixed_model_name=name,
        force_training=True,
    )
    if result.code != 0 or not result.model:
        raise RuntimeError(f"Training failed (exit code {result.code}); see the log above.")
    return Path(result.model)
