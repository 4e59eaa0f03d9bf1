"""Keep identity codes, card numbers, IBANs and typed secrets out of every log line.

Two ways to install, and WHY both exist:
- :class:`RedactingLogFilter` is a standard ``logging.Filter``. Attached to a HANDLER it sees
  every record that handler writes. Attached to a LOGGER it only sees records logged on exactly
  that logger: Python does not run a parent logger's filters for records propagated from
  children ("rasa.core.processor" -> "rasa" -> root). So installing it on the root and "rasa"
  loggers alone would miss almost everything Rasa logs.
- :func:`install_personal_data_filter` therefore wraps the global LogRecord factory, so every record
  is redacted when it is created, whatever logger, handler or later logging configuration
  (Rasa's ``configure_structlog`` calls ``basicConfig``) is involved; it also attaches the filter
  to the handlers and loggers that exist at that moment. Rasa's structlog output goes through
  stdlib logging (``structlog.stdlib.LoggerFactory``), so it is covered as well.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Iterable, Optional

from bot.guard.redactor import redact_text

#: Loggers that get the filter attached directly (in addition to the record factory).
DEFAULT_LOGGERS = ("", "rasa", "rasa_sdk", "sanic", "sanic.root", "sanic.access", "bot", "actions")

_FORMATTER = logging.Formatter()


class RedactingLogFilter(logging.Filter):
    """Redacts personal data from a record's message, arguments, traceback and stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Redact ``record`` in place. The formatted message replaces msg/args when it changes."""
    if getattr(record, "_personal_data_redacted", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # a broken %-format must not hide the record; redact the parts instead
        message = None
    if message is not None:
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
    else:
        record.msg = redact_text(str(record.msg))
        record.args = _redact_args(record.args)
    if record.exc_info and not record.exc_text:
        record.exc_text = _FORMATTER.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact_text(record.exc_text)
    if record.stack_info:
        record.stack_info = redact_text(record.stack_info)
    record._personal_data_redacted = True  # type: ignore[attr-defined]
    return record


def _redact_args(args: Any) -> Any:
    if isinstance(args, tuple):
        return tuple(redact_text(a) if isinstance(a, str) else a for a in args)
    if isinstance(args, dict):
        return {k: redact_text(v) if isinstance(v, str) else v for k, v in args.items()}
    return args


_INSTALL_LOCK = threading.Lock()
_original_factory: Optional[Callable[..., logging.LogRecord]] = None


def install_personal_data_filter(
    logger_names: Iterable[str] = DEFAULT_LOGGERS,
) -> RedactingLogFilter:
    """Redact every log record of this process from now on. Safe to call more than once."""
    global _original_factory
    log_filter = RedactingLogFilter()
    with _INSTALL_LOCK:
        if _original_factory is None:
            original = logging.getLogRecordFactory()
            _original_factory = original

            def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
                return redact_record(original(*args, **kwargs))

            logging.setLogRecordFactory(factory)
    for name in logger_names:
        logger = logging.getLogger(name)
        _add_once(logger, log_filter)
        for handler in logger.handlers:
            _add_once(handler, log_filter)
    return log_filter


def uninstall_personal_data_filter() -> None:
    """Restore the original record factory (tests). Attached filters stay: they are harmless."""
    global _original_factory
    with _INSTALL_LOCK:
        if _original_factory is not None:
            logging.setLogRecordFactory(_original_factory)
            _original_factory = None


def _add_once(target: logging.Filterer, log_filter: RedactingLogFilter) -> None:
    if not any(isinstance(f, RedactingLogFilter) for f in target.filters):
        target.addFilter(log_filter)
