"""Fixtures for action tests: the real, merged domain."""

from typing import Any, Dict

import pytest

from bot.directory import db
from bot.ingest.prepare import prepare_directory
from bot.paths import DOMAIN_DIR


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(DOMAIN_DIR)).as_dict()


@pytest.fixture
def sample_database(tmp_path, monkeypatch):
    """A provider directory in a temporary SQLite file: national channels and the sample,
    set up as start-up does (the actions' lookups only read)."""
    url = f"sqlite:///{tmp_path / 'providers.sqlite3'}"
    monkeypatch.setenv(db.DATABASE_URL_ENV, url)
    assert prepare_directory(db.get_engine(url), with_sample=True)
    yield url
    db.dispose_engines()
