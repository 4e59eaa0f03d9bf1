"""Fixtures for action tests: the real, merged domain."""

from typing import Any, Dict

import pytest

from bot.paths import DOMAIN_DIR
from bot.providers import db
from bot.providers.importer import ProviderImporter


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(DOMAIN_DIR)).as_dict()


@pytest.fixture
def sample_database(tmp_path, monkeypatch):
    """A provider directory in a temporary SQLite file: national channels and the sample."""
    url = f"sqlite:///{tmp_path / 'providers.sqlite3'}"
    monkeypatch.setenv(db.DATABASE_URL_ENV, url)
    importer = ProviderImporter(db.get_engine(url), progress=False)
    importer.import_national_channels()
    importer.import_sample()
    yield url
    db.dispose_engines()
