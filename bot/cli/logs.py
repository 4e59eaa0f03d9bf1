"""Logging for every command: quiet libraries, and no personal data in any record.

Three layers, each for a leak that was found:

- Rasa's structlog renders tracebacks WITH every frame's local variables (``dict_tracebacks``
  in JSON output, Rich's traceback on a terminal; both default to ``show_locals=True``). When a
  message failed after the guard, that printed the raw text and the guard's list of removed
  values. :func:`configure_logging` swaps both renderers for ones without locals.
- Rasa's structlog events carry message text, slots and events under fixed keys ("text",
  "parse_data_text", "rasa_events" ... Rasa's own list of what to anonymise, which it applies
  only with a paid plugin). :func:`drop_message_text` replaces those values at every level, so
  even DEBUG shows what happened, never what a person wrote.
- The personal-data filter (bot.guard.logging_filter) redacts identity codes, card numbers,
  IBANs and secrets from every record that still mentions one.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, MutableMapping

import structlog
from structlog.dev import ConsoleRenderer, RichTracebackFormatter, plain_traceback
from structlog.processors import ExceptionRenderer
from structlog.tracebacks import ExceptionDictTransformer

#: Keys whose values are (or contain) what a person wrote: Rasa's anonymisation list.
MESSAGE_TEXT_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
    }
)
OMITTED = "[not logged]"
NOISY_LOGGERS = ("tensorflow", "absl", "matplotlib", "urllib3", "asyncio", "sanic.access")
#: Our loggers get their level set explicitly, WHY: loading a model imports numpy.distutils,
#: which sets the ROOT logger to WARNING; loggers that inherit from the root then silently
#: lost every INFO line (the guard's "personal data removed", refused requests).
OWN_LOGGERS = ("bot", "actions")


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
    structlog.configure(processors=safe_processors(structlog.get_config()["processors"]))
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for own in OWN_LOGGERS:
        logging.getLogger(own).setLevel(level)
    install_personal_data_filter()


def drop_message_text(
    _: Any, __: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: what a person wrote never reaches the rendered line."""
    for key in MESSAGE_TEXT_KEYS.intersection(event_dict):
        event_dict[key] = OMITTED
    return event_dict


def safe_processors(processors: list) -> list:
    """Rasa's structlog chain with :func:`drop_message_text` first and renderers without locals.

    WHY edit Rasa's chain instead of writing our own: Rasa picks JSON or console output by
    whether stderr is a terminal, and adds Sentry; we keep all of that and change only what leaks.
    """
    return [drop_message_text, *(_without_locals(p) for p in processors)]


def _without_locals(processor: Callable) -> Callable:
    if isinstance(processor, ExceptionRenderer) and isinstance(
        processor.format_exception, ExceptionDictTransformer
    ):
        return ExceptionRenderer(ExceptionDictTransformer(show_locals=False))
    if isinstance(processor, ConsoleRenderer):
        return type(processor)(exception_formatter=_console_traceback())
    return processor


def _console_traceback() -> Callable:
    try:
        import rich  # noqa: F401
    except ImportError:
        return plain_traceback
    return RichTracebackFormatter(show_locals=False)
