"""A SQLite store of exactly known conversations, written once for this directory's tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.coordinators.known import known_conversations, save


@pytest.fixture(scope="session")
def known_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("known") / "tracker.sqlite3"
    conversations = [known for known, _ in known_conversations()]
    asyncio.run(save(conversations, dialect="sqlite", db=str(path)))
    return str(path)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "raportti"
