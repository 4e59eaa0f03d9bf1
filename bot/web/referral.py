"""The advisor view's two server routes, mounted by the web chat channel (bot.web.channel).

- ``POST /webhooks/webchat/referral`` ``{"sender": id}`` answers the conversation's referral
  note, built from its slots at this moment (bot.referral): ``{"note": {...}, "text": "..."}``,
  the structured note for the page and the same note as plain text for pasting elsewhere;
  ``{"sender": id, "format": "text"}`` answers the plain text alone (``text/plain``). It stores
  nothing: no event is appended, so asking for the note is not activity either (idle expiry
  still counts from the last turn), and the answer is marked ``no-store`` for caches.
- ``POST /webhooks/webchat/advisor-mode`` ``{"sender": id}`` tells the assistant that an
  advisor is typing (slot ``asker`` = ``advisor``), so it speaks the staff script ("Kysy
  asiakkaalta: ...") from the next message on. WHY a route and not message metadata: the
  asker slot is set by action_update_triage from what a message says, and a relative or an
  advisor once known stays so unless corrected (bot.triage.state); setting it once between
  turns, as Rasa's HTTP API appends events, needs no change to the actions, the guard's
  metadata allow-list or the trained model. The page calls it after the first turn of each
  conversation; before any turn there is nothing to set it in (``{"set": false}``).

Both take only ids this server issued and refuse ended or idle conversations, as ``/turn``
does, so nobody reads or changes another person's conversation.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from functools import lru_cache
from typing import Any, Mapping, Optional, Protocol

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.directory.hours import HELSINKI
from bot.domain_files import load_responses
from bot.limits import default_limits
from bot.referral import ReferralNote, build_note, chosen_provider, note_as_text
from bot.triage.urgent_steps import urgent_facts
from bot.web.conversations import Conversations, StoredConversation
from bot.web.incoming import RejectedRequest, read_json_object

logger = logging.getLogger(__name__)

ADVISOR = "advisor"
NO_STORE = {"Cache-Control": "no-store"}


class AdvisorChannel(Protocol):
    """What the routes need of the web chat channel."""

    def check_sender(self, value: Any) -> str: ...

    def conversations(self, request: Request) -> Conversations: ...

    def refused(self, rejected: RejectedRequest) -> HTTPResponse: ...


@lru_cache(maxsize=1)
def _responses() -> Mapping[str, Any]:
    """The domain's responses, read once per process (they change only with a new release)."""
    return load_responses()


def add_referral_routes(blueprint: Blueprint, channel: AdvisorChannel) -> None:
    _responses()  # a broken domain file stops start-up, not the first note

    @blueprint.route("/referral", methods=["POST"])
    async def referral(request: Request) -> HTTPResponse:
        try:
            payload = read_json_object(request.body)
            sender = channel.check_sender(payload.get("sender"))
            note = await current_note(channel.conversations(request), sender)
        except RejectedRequest as rejected:
            return channel.refused(rejected)
        if payload.get("format") == "text":
            return response.text(note_as_text(note), headers=NO_STORE)
        return response.json({"note": note.as_json(), "text": note_as_text(note)}, headers=NO_STORE)

    @blueprint.route("/advisor-mode", methods=["POST"])
    async def advisor_mode(request: Request) -> HTTPResponse:
        try:
            sender = channel.check_sender(read_json_object(request.body).get("sender"))
            conversations = channel.conversations(request)
            _refuse_if_closed(conversations, sender, await conversations.load(sender))
            written = await conversations.set_slot_between_turns(sender, "asker", ADVISOR)
        except RejectedRequest as rejected:
            return channel.refused(rejected)
        return response.json({"set": written}, headers=NO_STORE)


def _refuse_if_closed(
    conversations: Conversations, sender: str, stored: StoredConversation
) -> None:
    """Ended or idle conversations are refused here as on ``/turn``."""
    refusal = conversations.refusal(sender, stored)
    if refusal is not None:
        raise refusal


async def current_note(
    conversations: Conversations, sender: str, now: Optional[datetime] = None
) -> ReferralNote:
    """The note of a conversation that may still be used; reads the stores, writes nothing."""
    stored, slots = await conversations.load_with_slots(sender)
    _refuse_if_closed(conversations, sender, stored)
    try:
        provider = await asyncio.to_thread(chosen_provider, slots.get("provider_id"))
    except SQLAlchemyError:
        logger.warning("The provider directory did not answer for a referral note.")
        raise RejectedRequest(
            503, "directory_unavailable", "The provider directory is not reachable; try again."
        ) from None
    day = (now or datetime.now(HELSINKI)).date()
    return build_note(slots, provider, _responses(), default_limits(), urgent_facts(), day)
