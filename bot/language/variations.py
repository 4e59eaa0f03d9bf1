"""The response variation for the conversation's language and the asker's voice.

Rasa chooses at random among all conditional variations whose conditions hold. With languages
that is wrong: a Swedish relative matches both the Finnish relative's variation
(`asker: relative`) and the Swedish one (`language: sv`, `asker: relative`). Every Swedish and
English variation repeats its Finnish variation's conditions and adds `language`, so the most
specific matching variations are the right ones; only they are kept.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.shared.constants import RESPONSE_CONDITION


class MostSpecificVariationFilter(ResponseVariationFilter):
    """Rasa's filter, narrowed to the matching variations with the most conditions."""

    def responses_for_utter_action(
        self, utter_action: str, output_channel: str, filled_slots: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        """The suitable variations (see the parent), the most specific ones only."""
        suitable = super().responses_for_utter_action(utter_action, output_channel, filled_slots)
        if not suitable:
            return suitable
        most = max(len(variation.get(RESPONSE_CONDITION) or []) for variation in suitable)
        return [v for v in suitable if len(v.get(RESPONSE_CONDITION) or []) == most]
