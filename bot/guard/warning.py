"""The one friendly sentence the person sees when the guard removed something."""

from __future__ import annotations

from pathlib import Path

from bot.domain_files import default_text
from bot.paths import DOMAIN_DIR

WARNING_RESPONSE = "utter_personal_data_warning"


def personal_data_warning(domain_dir: Path = DOMAIN_DIR) -> str:
    """Text of ``utter_personal_data_warning`` from domain/*.yml (no model needed)."""
    return default_text(WARNING_RESPONSE, domain_dir)
