"""Logging for every command: quiet libraries, and personal data filtered out of every record."""

from __future__ import annotations

import logging


def configure_logging(level: int = logging.INFO) -> None:
    from bot.guard.logging_filter import install_personal_data_filter

    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("tensorflow", "absl", "matplotlib", "urllib3", "asyncio", "sanic.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_personal_data_filter()
