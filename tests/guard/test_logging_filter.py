"""No identity code, card number or typed secret survives into a log line."""

import io
import logging
from typing import Callable, Iterator, Tuple

import pytest
import structlog

from bot.cli.logs import OMITTED
from bot.guard import PLACEHOLDER_CARD_NUMBER, PLACEHOLDER_IDENTITY_CODE, PLACEHOLDER_SECRET
from bot.guard.logging_filter import (
    RedactingLogFilter,
    install_personal_data_filter,
    uninstall_personal_data_filter,
)

HETU = "131052-308T"
CARD = "4111 1111 1111 1111"


def _capture(name: str) -> Tuple[logging.Logger, logging.Handler, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    logger = logging.getLogger(name)
    logger.setLevel(logging.DEBUG)
    return logger, handler, stream


@pytest.fixture
def installed() -> Iterator[None]:
    install_personal_data_filter()
    yield
    uninstall_personal_data_filter()


def test_filter_on_a_handler_redacts_message_and_arguments() -> None:
    logger, handler, stream = _capture("guardtest.handler")
    handler.addFilter(RedactingLogFilter())
    logger.addHandler(handler)
    try:
        logger.info("Received user message '%s' with card %s", f"hetu {HETU}", CARD)
        logger.info("salasana on %s", "Kissa123")
        logger.info({"text": HETU})
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert HETU not in output and CARD not in output and "Kissa123" not in output
    assert PLACEHOLDER_IDENTITY_CODE in output and PLACEHOLDER_CARD_NUMBER in output
    assert PLACEHOLDER_SECRET in output


def test_messages_without_personal_data_keep_their_arguments() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "value %d", (5,), None)
    RedactingLogFilter().filter(record)
    assert record.args == (5,) and record.getMessage() == "value 5"


def test_traceback_text_is_redacted() -> None:
    logger, handler, stream = _capture("guardtest.exc")
    handler.addFilter(RedactingLogFilter())
    logger.addHandler(handler)
    try:
        try:
            raise ValueError(f"bad input {HETU}")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert "ValueError" in output and HETU not in output


def test_install_covers_child_loggers_and_handlers_added_later(installed: None) -> None:
    # A filter on a logger is not run for records propagated from its children; the record
    # factory installed by install_personal_data_filter covers them anyway.
    _, handler, stream = _capture("root-capture")
    root = logging.getLogger()
    root.addHandler(handler)
    child = logging.getLogger("rasa.core.processor.guardtest")
    child.setLevel(logging.DEBUG)
    try:
        child.debug("Received user message 'kortti %s'", CARD)
    finally:
        root.removeHandler(handler)
    output = stream.getvalue()
    assert "Received user message" in output
    assert CARD not in output and PLACEHOLDER_CARD_NUMBER in output


def test_structlog_through_stdlib_is_redacted(installed: None) -> None:
    stdlib_logger, handler, stream = _capture("rasa.guardtest.structlog")
    stdlib_logger.addHandler(handler)
    logger = structlog.wrap_logger(
        stdlib_logger,
        processors=[structlog.processors.JSONRenderer()],
        wrapper_class=structlog.stdlib.BoundLogger,
    )
    try:
        logger.error("rest.message.received.failure", text=f"hetu {HETU}")
    finally:
        stdlib_logger.removeHandler(handler)
    output = stream.getvalue()
    assert "rest.message.received.failure" in output
    assert HETU not in output and PLACEHOLDER_IDENTITY_CODE in output


def test_install_is_idempotent(installed: None) -> None:
    factory = logging.getLogRecordFactory()
    install_personal_data_filter()
    assert logging.getLogRecordFactory() is factory
    root_filters = [f for f in logging.getLogger().filters if isinstance(f, RedactingLogFilter)]
    assert len(root_filters) == 1


# ------------------------------------------------------------------ bot.cli.logs: structlog


@pytest.fixture
def rasa_structlog_chain(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bool], list]]:
    """Rasa's own structlog processors for a terminal (True) or a pipe (False); restored after."""
    import sys

    from rasa.utils.log_utils import configure_structlog

    saved = structlog.get_config()

    def chain(terminal: bool) -> list:
        monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal, raising=False)
        configure_structlog(logging.DEBUG)
        return list(structlog.get_config()["processors"])

    yield chain
    structlog.configure(**saved)


def _log_failure_with_secret_locals(processors: list) -> str:
    """Log an exception the way Rasa's REST channel did, from a frame holding secrets."""
    stdlib_logger, handler, stream = _capture("rasa.guardtest.locals")
    stdlib_logger.addHandler(handler)
    logger = structlog.wrap_logger(
        stdlib_logger,
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),  # as Rasa does
    )
    removed_values = [("Kissa123!", "[salasana]")]  # what the guard found, as it once was kept
    raw_text = "asun Pelikaanipuistossa, salasana on Kissa123!"
    try:
        try:
            raise RuntimeError("simulated failure")
        except RuntimeError:
            logger.exception("rest.message.received.failure", text=raw_text)
    finally:
        stdlib_logger.removeHandler(handler)
        del removed_values
    return stream.getvalue()


@pytest.mark.parametrize("terminal", [False, True])
def test_rasa_chain_prints_locals_and_ours_does_not(
    rasa_structlog_chain: Callable[[bool], list], terminal: bool
) -> None:
    from bot.cli.logs import safe_processors

    rasa_chain = rasa_structlog_chain(terminal)
    leaked = _log_failure_with_secret_locals(rasa_chain)
    assert "Kissa123" in leaked  # the leak this guards against is real

    safe = _log_failure_with_secret_locals(safe_processors(rasa_chain))
    assert "simulated failure" in safe and "RuntimeError" in safe
    assert "Kissa123" not in safe and "Pelikaanipuisto" not in safe
    assert "removed_values" not in safe
    assert OMITTED in safe


def test_message_text_keys_are_replaced_at_every_level() -> None:
    from bot.cli.logs import drop_message_text

    event = {"event": "processor.message.parse", "parse_data_text": "hei", "intent": "greet"}
    assert drop_message_text(None, "debug", event) == {
        "event": "processor.message.parse",
        "parse_data_text": OMITTED,
        "intent": "greet",
    }
