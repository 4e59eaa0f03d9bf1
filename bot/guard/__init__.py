"""Personal-data guard: identity codes, card numbers, IBANs and typed secrets never get stored.

Public API (this package imports no Rasa; the Rasa pieces are imported by their module path):

- :class:`PersonalDataGuard` / :func:`default_guard`: ``screen(sender_id, text) -> Screened``
- :func:`redact_text`: stateless redaction (logs, stored events)
- :func:`install_personal_data_filter`, :class:`RedactingLogFilter` (bot.guard.logging_filter)
- :func:`personal_data_warning`: the warning sentence from domain/guard.yml
- ``bot.guard.channels``: ``guarded_on_new_message``, ``GuardedRestInput``,
  ``GuardedSocketIOInput``
- ``bot.guard.tracker_store``: ``RedactingSQLTrackerStore``
"""

from bot.guard.findings import (
    CARD_NUMBER,
    IBAN,
    IDENTITY_CODE,
    PLACEHOLDER_CARD_NUMBER,
    PLACEHOLDER_IBAN,
    PLACEHOLDER_IDENTITY_CODE,
    PLACEHOLDER_SECRET,
    PLACEHOLDERS,
    SECRET,
    Finding,
)
from bot.guard.logging_filter import RedactingLogFilter, install_personal_data_filter
from bot.guard.redactor import PersonalDataGuard, Screened, default_guard, redact_text
from bot.guard.warning import personal_data_warning

__all__ = [
    "CARD_NUMBER",
    "IBAN",
    "IDENTITY_CODE",
    "PLACEHOLDERS",
    "PLACEHOLDER_CARD_NUMBER",
    "PLACEHOLDER_IBAN",
    "PLACEHOLDER_IDENTITY_CODE",
    "PLACEHOLDER_SECRET",
    "SECRET",
    "Finding",
    "PersonalDataGuard",
    "RedactingLogFilter",
    "Screened",
    "default_guard",
    "install_personal_data_filter",
    "personal_data_warning",
    "redact_text",
]
