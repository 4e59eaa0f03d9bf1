"""Logging for every command: quiet libraries, and personal data filtered out of every record."""

from __future__ import annotations

import logging


def configure_logging(level: int = logging.INFO) -> None:
    """Set Rasa's loggers and its structlog output to `level`, then install the guard's filter.

    Left alone, Rasa's structlog logs at DEBUG, which prints every parsed message: the texts
    are already redacted by then, but a municipality's server log has no business holding
    what citizens wrote.
    """
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from bot.guard.logging_filter import install_personal_data_filter

    configure_logging_and_warnings(level)
    configure_structlog(level)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("tensorflow", "absl", "matplotlib", "urllib3", "asyncio", "sanic.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_personal_data_filter()
