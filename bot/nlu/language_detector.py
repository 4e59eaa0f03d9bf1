"""LanguageDetector: the language a message is written in, or asks for, as an entity.

One model serves Finnish, Swedish and English (docs/ARCHITECTURE.md, "Languages"). This
component runs first, so the tokenizer can give Swedish and English words their own base forms,
and it tells the dialogue which language to answer in: an entity `language` (fi | sv | en)
whose value the domain maps into the slot `language` before any response is chosen.

No entity is emitted when the message does not say (a short "ok", a place name): the slot keeps
the conversation's language. The page's language, sent by the web chat as message metadata
(`{"language": "sv"}`), decides when the message itself does not.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language.detect import FINNISH, normalise, read_language
from bot.nlu.entities import attach_entities, message_entity

#: Message attribute with the language the message's words are in (for the tokenizer).
MESSAGE_LANGUAGE = "message_language"
#: The entity (and slot) that carries the conversation's language.
LANGUAGE_ENTITY = "language"
_METADATA = "metadata"


def page_language(message: Message) -> Optional[str]:
    """The language the web page or widget set for this message, if any."""
    metadata = message.get(_METADATA) or {}
    return normalise(metadata.get("language")) if isinstance(metadata, dict) else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(GraphComponent, EntityExtractorMixin):
    """Marks each message's language and emits the conversation language it implies."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        """Creates the component (nothing to train or load)."""
        return cls()

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages this component needs."""
        return ["lingua"]

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Marks the language of every training example, so its words get the right lemmas."""
        for example in training_data.training_examples:
            self._mark(example)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Marks each message's language and adds the `language` entity when it says one."""
        for message in messages:
            language = self._mark(message)
            if language is None:
                continue
            attach_entities(
                self,
                message,
                [message_entity(message, LANGUAGE_ENTITY, language, confidence=1.0)],
                replacing=LANGUAGE_ENTITY,
            )
        return messages

    @staticmethod
    def _mark(message: Message) -> Optional[str]:
        """Sets the words' language on the message; returns the conversation language it sets."""
        text = message.get(TEXT) or ""
        reading = read_language(text)
        page = page_language(message)
        message.set(MESSAGE_LANGUAGE, reading.written or page or FINNISH)
        return reading.language or page
