"""MunicipalityEntityExtractor on real Rasa messages."""

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.municipality_extractor import MunicipalityEntityExtractor


@pytest.fixture(scope="module")
def extractor():
    return MunicipalityEntityExtractor(MunicipalityEntityExtractor.get_default_config())


def entities_of(extractor, text):
    message = Message(data={TEXT: text})
    extractor.process([message])
    return message.get(ENTITIES)


def summary(entities):
    return [(e["entity"], e["value"], e["start"], e["end"]) for e in entities]


def test_inflected_name(extractor):
    entities = entities_of(extractor, "Asun Hailuodossa ja tarvitsen apua")
    assert entities == [
        {
            "entity": "municipality",
            "value": "Hailuoto",
            "start": 5,
            "end": 16,
            "confidence": 1.0,
            "extractor": "MunicipalityEntityExtractor",
        }
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mun äiti asuu vantaalla", [("municipality", "Vantaa", 14, 23)]),
        ("Olen Lahdessa", [("municipality", "Lahti", 5, 13)]),
        ("Pedersören kunnassa", [("municipality", "Pedersören kunta", 0, 19)]),
        ("Valtimossa", [("municipality", "Nurmes", 0, 10)]),
        (
            "90100",
            [("municipality", "Oulu", 0, 5), ("postal_code", "90100", 0, 5)],
        ),
        (
            "postinumero on 00100",
            [("municipality", "Helsinki", 15, 20), ("postal_code", "00100", 15, 20)],
        ),
    ],
)
def test_entities(extractor, text, expected):
    assert summary(entities_of(extractor, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "soita 040 123 4567",
        "järven lahdessa on mökki",
        "12345",
        "tilinumero FI21 1234 5600 0007 85",
        "puhelin 0401234567",
        "Päivämäärä 12.10.2023",
        "",
    ],
)
def test_no_entities(extractor, text):
    assert entities_of(extractor, text) == []


def test_existing_entities_are_kept(extractor):
    topic = {"entity": "topic", "value": "banking", "start": 0, "end": 5, "extractor": "X"}
    message = Message(data={TEXT: "pankki Oulussa", ENTITIES: [topic]})
    extractor.process([message])
    assert [e["entity"] for e in message.get(ENTITIES)] == ["topic", "municipality"]


def test_postal_code_entities_can_be_switched_off():
    extractor = MunicipalityEntityExtractor({"emit_postal_codes": False})
    assert [e["entity"] for e in entities_of(extractor, "90100")] == ["municipality"]


def test_message_without_text(extractor):
    message = Message(data={"intent": "greet"})
    extractor.process([message])
    assert message.get(ENTITIES) == []


def test_training_data_passes_through(extractor):
    data = TrainingData([Message(data={TEXT: "Asun Oulussa", "intent": "inform"})])
    assert extractor.process_training_data(data) is data
    assert data.training_examples[0].get(ENTITIES) is None


def test_registered_as_rasa_entity_extractor():
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe

    registered = DefaultV1Recipe._registered_components["MunicipalityEntityExtractor"]
    assert registered.clazz is MunicipalityEntityExtractor
    assert DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR in registered.types
    assert registered.is_trainable is False
