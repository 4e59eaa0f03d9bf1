"""MunicipalityEntityExtractor: deterministic `municipality` / `postal_code` entities.

WHY not DIET: there are 309 municipalities and thousands of inflected forms; training examples
cannot cover them, while Voikko base forms plus the official list can (see
:mod:`bot.places.text_search` for the rules on ambiguous names and numbers). The entity value
is the official Finnish name (``Municipality.name_fi``), which is also the `municipality` slot
value; a postal code also yields a `postal_code` entity with its five digits.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.entities import attach_entities
from bot.places import MunicipalityIndex, PlaceMatch, get_index

MUNICIPALITY_ENTITY = "municipality"
POSTAL_CODE_ENTITY = "postal_code"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class MunicipalityEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Finds municipality names (any case form), postal codes and post offices in text."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            # also emit `postal_code` entities for five-digit postal codes
            "emit_postal_codes": True,
        }

    @staticmethod
    def supported_languages() -> Optional[List[str]]:
        """Finnish only: names are resolved with a Finnish dictionary."""
        return ["fi"]

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages this component needs."""
        return ["libvoikko"]

    def __init__(self, config: Dict[str, Any], index: Optional[MunicipalityIndex] = None) -> None:
        """Create the extractor over the shared municipality index."""
        self._config = {**self.get_default_config(), **config}
        self._index = index or get_index()

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MunicipalityEntityExtractor:
        """Creates a new component (see parent class for full docstring)."""
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to learn; training data passes through unchanged."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Append `municipality` (and `postal_code`) entities to each message."""
        for message in messages:
            attach_entities(self, message, self.extract(message.get(TEXT) or ""))
        return messages

    def extract(self, text: str) -> List[Dict[str, Any]]:
        """Entity dicts for ``text`` (without the extractor name)."""
        entities: List[Dict[str, Any]] = []
        for match in self._index.find_in_text(text):
            entities.append(_entity(MUNICIPALITY_ENTITY, match.municipality.name_fi, match))
            if match.via == "postal_code" and self._config["emit_postal_codes"]:
                entities.append(_entity(POSTAL_CODE_ENTITY, match.matched_text, match))
        return entities


def _entity(entity_type: str, value: str, match: PlaceMatch) -> Dict[str, Any]:
    return {
        ENTITY_ATTRIBUTE_TYPE: entity_type,
        ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: match.start,
        ENTITY_ATTRIBUTE_END: match.end,
        ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
    }
