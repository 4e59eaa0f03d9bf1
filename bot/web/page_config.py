"""What the chat page learns from the server before the first message (``GET .../config``).

WHY from the server: the limits are the operator's settings (a page that assumed 1,000
characters would cut or refuse text the server takes), and the sentences the page shows for the
server's part are the bot's words, which live in the domain, not in the page's script. The
page's own labels (buttons, statuses) stay in the page.

- ``max_message_chars`` and ``too_long_text`` (``utter_message_too_long`` with the limit): the
  page warns while the person types, before anything is sent;
- ``idle_minutes``: after so long without a turn the page wipes itself and starts afresh, as the
  server then refuses the old id (bot.web.conversations);
- ``request_timeout_seconds``: how long the page waits for an answer before it says so;
- ``national_contacts``: the national help that answers without this assistant, said when the
  assistant does not answer. It is the sentence of ``utter_human_none`` that names a web
  address (Kansalaisneuvonta), so the page never states a contact the bot does not.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict

from bot.domain_files import DomainFilesError, default_text
from bot.guard.limits import message_too_long_text
from bot.paths import DOMAIN_DIR
from bot.web.settings import HttpSettings

#: Seconds the page waits for one answer. A turn takes about a second; the proxy allows 90 s
#: (a turn waiting for a dead process's lock), and a retry then gets that turn's stored replies.
REQUEST_TIMEOUT_SECONDS = 20
CONTACTS_RESPONSE = "utter_human_none"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def national_contacts(domain_dir: Path = DOMAIN_DIR) -> str:
    """The sentences of ``utter_human_none`` that give a web address."""
    text = default_text(CONTACTS_RESPONSE, domain_dir)
    found = [s for s in _SENTENCE_END.split(text) if _WEB_ADDRESS.search(s)]
    if not found:
        raise DomainFilesError(f"{domain_dir}: '{CONTACTS_RESPONSE}' names no web address")
    return " ".join(found)


def page_config(settings: HttpSettings, domain_dir: Path = DOMAIN_DIR) -> Dict[str, Any]:
    return {
        "max_message_chars": settings.max_message_chars,
        "idle_minutes": settings.chat_idle_minutes,
        "request_timeout_seconds": REQUEST_TIMEOUT_SECONDS,
        "too_long_text": message_too_long_text(settings.max_message_chars, domain_dir),
        "national_contacts": national_contacts(domain_dir),
    }
