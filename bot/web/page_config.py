"""What the chat page learns from the server before the first message (``GET .../config``).

WHY from the server: the limits are the operator's settings (a page that assumed 1,000
characters would cut or refuse text the server takes), and the sentences the page shows for the
server's part are the bot's words, which live in the domain, not in the page's script. The
page's own labels (buttons, statuses) stay in the page (bot/web/static/chat.js, one table per
language).

- ``max_message_chars`` and ``too_long_texts`` (``utter_message_too_long`` with the limit, in
  each of the assistant's languages): the page warns while the person types, before anything
  is sent, in the page's language; ``too_long_text`` is the Finnish one, kept for pages that
  read only it;
- ``idle_minutes``: after so long without a turn the page wipes itself and starts afresh, as the
  server then refuses the old id (bot.web.conversations);
- ``request_timeout_seconds``: how long the page waits for an answer before it says so;
- ``national_contacts_texts``: the national help that answers without this assistant, said when
  the assistant does not answer, in each language. It is the sentence of ``utter_human_none``
  that names a web address (Kansalaisneuvonta), so the page never states a contact the bot does
  not; ``national_contacts`` is the Finnish one.

A language whose variation is missing stops start-up (the channel reads this once), like a
missing Finnish text: ``python -m bot validate`` already demands every response in every
language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict

from bot.domain_files import DomainFilesError, default_text, response_texts
from bot.guard.limits import TOO_LONG_RESPONSE, message_too_long_text
from bot.paths import DOMAIN_DIR
from bot.web.settings import HttpSettings

#: Seconds the page waits for one answer. A turn takes about a second; the proxy allows 90 s
#: (a turn waiting for a dead process's lock), and a retry then gets that turn's stored replies.
REQUEST_TIMEOUT_SECONDS = 20
CONTACTS_RESPONSE = "utter_human_none"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def too_long_texts(limit: int, domain_dir: Path = DOMAIN_DIR) -> Dict[str, str]:
    """``utter_message_too_long`` with ``{limit}`` filled in, per language."""
    texts = response_texts(TOO_LONG_RESPONSE, domain_dir)
    texts["fi"] = message_too_long_text(limit, domain_dir)  # the very text the channels send
    return {language: text.replace("{limit}", str(limit)) for language, text in texts.items()}


def _contact_sentences(text: str, domain_dir: Path, language: str) -> str:
    found = [s for s in _SENTENCE_END.split(text) if _WEB_ADDRESS.search(s)]
    if not found:
        raise DomainFilesError(
            f"{domain_dir}: '{CONTACTS_RESPONSE}' names no web address ({language})"
        )
    return " ".join(found)


def national_contacts_texts(domain_dir: Path = DOMAIN_DIR) -> Dict[str, str]:
    """The sentences of ``utter_human_none`` that give a web address, per language."""
    return {
        language: _contact_sentences(text, domain_dir, language)
        for language, text in response_texts(CONTACTS_RESPONSE, domain_dir).items()
    }


def national_contacts(domain_dir: Path = DOMAIN_DIR) -> str:
    """The sentences of ``utter_human_none`` that give a web address (Finnish)."""
    return _contact_sentences(default_text(CONTACTS_RESPONSE, domain_dir), domain_dir, "fi")


def page_config(settings: HttpSettings, domain_dir: Path = DOMAIN_DIR) -> Dict[str, Any]:
    too_long = too_long_texts(settings.max_message_chars, domain_dir)
    contacts = national_contacts_texts(domain_dir)
    return {
        "max_message_chars": settings.max_message_chars,
        "idle_minutes": settings.chat_idle_minutes,
        "request_timeout_seconds": REQUEST_TIMEOUT_SECONDS,
        "too_long_text": too_long["fi"],
        "too_long_texts": too_long,
        "national_contacts": contacts["fi"],
        "national_contacts_texts": contacts,
    }
