"""Pairs a card with its text again, so the chat page shows one card instead of text + card.

A provider's message is uttered once with both a plain text and a card payload
(bot/directory/cards.py). Rasa's output channels send such a message as two: the text, then a
message with only ``custom`` (rasa.core.channels.channel.OutputChannel.send_response). REST
clients keep that shape (text for those that show text, the payload for those that draw it).
The chat page's own answer (``/turn``) gets them as ONE message ``{"text", "custom"}``: the page
draws the card and keeps the text as what the screen reader's announcement says. The terminal
chat and Socket.IO widgets get text only (:class:`TextOnlyOutput`): Rasa's console would print
a payload as a "Custom json:" block, and Rasa's Socket.IO output passes a payload's keys to
``emit()`` as arguments, which fails for any payload not shaped for it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Sequence

from rasa.core.channels.channel import OutputChannel

from bot.directory.cards import CARD_TYPE

#: Keys of a message that is text only (what a card's text arrives as).
_TEXT_ONLY_KEYS = frozenset({"recipient_id", "text"})


def is_card(message: Mapping[str, Any]) -> bool:
    """A message that carries a provider card payload (and nothing else to show)."""
    custom = message.get("custom")
    return isinstance(custom, Mapping) and custom.get("type") == CARD_TYPE


def pair_cards(messages: Sequence[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """The messages with each card joined to the text message just before it.

    A card without a text right before it (a text with buttons, or none) stays as it is.
    """
    paired: List[Dict[str, Any]] = []
    for message in messages:
        previous = paired[-1] if paired else None
        if (
            is_card(message)
            and "text" not in message
            and previous is not None
            and set(previous) <= _TEXT_ONLY_KEYS
            and previous.get("text")
            and previous.get("recipient_id") == message.get("recipient_id")
        ):
            previous["custom"] = message["custom"]
            continue
        paired.append(dict(message))
    return paired


class TextOnlyOutput(OutputChannel):
    """Another output channel without custom payloads: for channels that can only show text."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner

    def name(self) -> str:  # type: ignore[override]
        # The inner channel's name: Rasa picks channel-specific response variations by it.
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        shown = {key: value for key, value in message.items() if key != "custom"}
        await self.inner.send_response(recipient_id, shown)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.inner.send_text_message(recipient_id, text, **kwargs)

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        """Nothing: the text sent with the payload already says it all."""
