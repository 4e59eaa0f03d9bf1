"""Puts a message on AUTA level 4 when it states a cause that prevents digital use.

Runs after TriageClassifier and overrides its need-level guess when bot.triage.cues finds an
explicit cause (memory illness, blindness, no computer and no smartphone...): see that module
for why these are rules and not learnt.
"""

from __future__ import annotations

from typing import Any, Dict, List, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entities import attach_entities, message_entity
from bot.nlu.triage_classifier import TriageClassifier
from bot.triage.contrast import affirmed_span
from bot.triage.cues import NON_DIGITAL, non_digital_cue
from bot.triage.labels import NEED_LEVEL


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class NeedLevelCues(GraphComponent, EntityExtractorMixin):
    @classmethod
    def required_components(cls) -> List[Type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "ignore_intents": TriageClassifier.get_default_config()["ignore_intents"],
        }

    def __init__(self, config: Dict[str, Any]) -> None:
        self._config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NeedLevelCues:
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            if intent in self._config["ignore_intents"]:
                continue
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            # In a contrast only the affirmed part counts: "ei se oo puhelin vaan WhatsApp"
            # says nothing about lacking a phone.
            span = affirmed_span(message.get(TEXT) or "")
            if span is not None:
                tokens = [token for token in tokens if span[0] <= token.start < span[1]]
            words = [(token.text.lower(), (token.lemma or token.text).lower()) for token in tokens]
            if non_digital_cue(words):
                cue = message_entity(message, NEED_LEVEL, NON_DIGITAL, confidence=1.0)
                attach_entities(self, message, [cue], replacing=NEED_LEVEL)
        return messages
