"""Every project path in one place.

Paths are derived from this file's location (not from the working directory) so that the bot,
the tests and the CLI find the same files whether they are started from the repository root,
from ``tests/`` or from an installed entry point inside the venv.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Repository root: ``bot/paths.py`` lives one level below it.
PROJECT_ROOT: Path = Path(__file__).resolve().parent.parent

DATA_DIR: Path = PROJECT_ROOT / "data"
#: Read-only reference data copied from the shared material (municipalities, postal codes, ...).
REFERENCE_DIR: Path = DATA_DIR / "reference"
DOMAIN_DIR: Path = PROJECT_ROOT / "domain"
MODELS_DIR: Path = PROJECT_ROOT / "models"
RESULTS_DIR: Path = PROJECT_ROOT / "results"

#: Environment variable that moves the git-ignored local state (SQLite files) elsewhere,
#: e.g. to a tmp dir in tests or to a writable volume in a container.
LOCAL_DIR_ENV = "DIGITUKI_LOCAL_DIR"


def _local_dir() -> Path:
    override = os.environ.get(LOCAL_DIR_ENV)
    return Path(override).expanduser().resolve() if override else DATA_DIR / "local"


#: Git-ignored directory for databases created on first run. Resolved at import time; code
#: that must honour a later change of the env var should call :func:`ensure_local_dir`.
LOCAL_DIR: Path = _local_dir()


def ensure_local_dir() -> Path:
    """Create (if needed) and return the local state directory.

    Re-reads ``DIGITUKI_LOCAL_DIR`` so tests can point it at a temporary directory after
    this module has been imported.
    """
    path = _local_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path
