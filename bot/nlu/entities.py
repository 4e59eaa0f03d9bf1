"""Entities from our extractors, attached to a message the way Rasa's own extractors do it.

WHY one place: three components add entities (triage labels, level-4 cues, municipalities), and
each must keep what earlier components found, mark itself as the extractor and put the entities
in the parse output. Doing that in one function keeps them consistent.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message


def message_entity(
    message: Message, entity_type: str, value: str, confidence: float
) -> Dict[str, Any]:
    """An entity spanning the whole text: its evidence is scattered over the message."""
    return {
        ENTITY_ATTRIBUTE_TYPE: entity_type,
        ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: 0,
        ENTITY_ATTRIBUTE_END: len(message.get(TEXT) or ""),
        ENTITY_ATTRIBUTE_CONFIDENCE: confidence,
    }


def attach_entities(
    extractor: EntityExtractorMixin,
    message: Message,
    entities: List[Dict[str, Any]],
    replacing: Optional[str] = None,
) -> None:
    """Add `entities` after those already found; drop earlier ones of type `replacing`."""
    kept = [
        entity
        for entity in message.get(ENTITIES, [])
        if replacing is None or entity.get(ENTITY_ATTRIBUTE_TYPE) != replacing
    ]
    message.set(ENTITIES, kept + extractor.add_extractor_name(entities), add_to_output=True)
