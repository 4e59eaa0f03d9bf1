"""The advisor view's referral note: a conversation's triage as a note to print or paste.

An advisor (library, service point) holds the triage with a client beside them; the page
(/webhooks/webchat/advisor) shows the note beside the chat and asks the server for it after
every turn. The note is built on demand from the conversation's slots and stored nowhere
(no table, no log line, no event): printing or copying it is the only way it leaves.

- :mod:`bot.referral.note` builds it (``build_note``) from slot values, the chosen provider and
  the domain's responses; :mod:`bot.referral.labels` holds its form labels;
- :mod:`bot.referral.provider` reads the chosen provider back from the directory;
- :mod:`bot.referral.plain_text` renders it as plain text.

The route is in bot.web.referral.
"""

from bot.referral.note import ReferralNote, Section, build_note
from bot.referral.plain_text import note_as_text
from bot.referral.provider import ChosenProvider, chosen_provider

__all__ = [
    "ChosenProvider",
    "ReferralNote",
    "Section",
    "build_note",
    "chosen_provider",
    "note_as_text",
]
