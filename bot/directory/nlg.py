"""Rasa's response generator, able to say a provider's message (endpoints.yml: `nlg`).

Rasa's template generator with two additions. Of the variations whose conditions hold, only the
most specific are chosen from (the conversation's language and the asker's voice). And the
response `utter_provider` is said as the provider's name and then one domain response per line
the provider has, and its card is built from the same lines (bot/directory/speech.py,
bot/directory/cards.py). Every line, label and variation is chosen by Rasa from the domain,
with the conversation's slots, exactly as for any other response; values named `forms` and
`weekday` are said as their labels for every response. A deployment that prefers an NLG server
points `nlg` at it instead and gets the same response names and values.
"""

from __future__ import annotations

import random
from typing import Any, Dict, Mapping, Optional

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from bot.directory.cards import provider_card
from bot.directory.speech import PROVIDER, Say, provider_text, with_labels
from bot.language.variations import MostSpecificVariationFilter


class DirectoryNLG(TemplatedNaturalLanguageGenerator):
    """The domain's responses, with provider messages composed of their lines."""

    def __init__(
        self,
        endpoint_config: Optional[EndpointConfig] = None,
        domain: Optional[Domain] = None,
        responses: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(responses if responses is not None else _responses(domain))

    def _random_response_for(
        self, utter_action: str, output_channel: str, filled_slots: Dict[str, Any]
    ) -> Optional[Dict[str, Any]]:
        """A random one of the most specific suitable variations (the conversation's language
        and the asker's voice: bot/language/variations.py)."""
        if utter_action not in self.responses:
            return None
        suitable = MostSpecificVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, filled_slots
        )
        return random.choice(suitable) if suitable else None

    def generate_from_slots(
        self,
        utter_action: str,
        filled_slots: Dict[str, Any],
        output_channel: str,
        **kwargs: Any,
    ) -> Optional[Dict[str, Any]]:
        say = self._sayer(filled_slots, output_channel)
        if utter_action == PROVIDER:
            message: Dict[str, Any] = {"text": provider_text(say, kwargs)}
            card = provider_card(say, kwargs)
            if card is not None:
                message["custom"] = card
            return message
        return super().generate_from_slots(
            utter_action, filled_slots, output_channel, **with_labels(say, kwargs)
        )

    def _sayer(self, filled_slots: Dict[str, Any], output_channel: str) -> Say:
        """One response's text, chosen and filled by Rasa's template generator."""

        def say(name: str, values: Mapping[str, Any]) -> str:
            said = super(DirectoryNLG, self).generate_from_slots(
                name, filled_slots, output_channel, **values
            )
            if said is None or said.get("text") is None:
                raise KeyError(f"The domain has no text response named {name!r}")
            return str(said["text"])

        return say


def _responses(domain: Optional[Domain]) -> Dict[str, Any]:
    return dict(domain.responses) if domain is not None else {}
