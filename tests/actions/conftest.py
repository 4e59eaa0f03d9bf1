"""Fixtures for action tests: the real, merged domain."""

from typing import Any, Dict

import pytest

from bot.paths import DOMAIN_DIR


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(DOMAIN_DIR)).as_dict()
