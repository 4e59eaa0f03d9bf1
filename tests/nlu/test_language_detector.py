"""LanguageDetector on real messages (real Lingua, real place index; nothing trained)."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language_detector import (
    LANGUAGE_ENTITY,
    MESSAGE_LANGUAGE,
    LanguageDetector,
    page_language,
)


@pytest.fixture(scope="module")
def detector(tmp_path_factory):
    storage = LocalModelStorage.create(tmp_path_factory.mktemp("language"))
    context = ExecutionContext(GraphSchema({}), "language")
    return LanguageDetector.create({}, storage, Resource("language"), context)


def processed(detector, text, metadata=None, entities=None):
    data = {TEXT: text}
    if metadata is not None:
        data["metadata"] = metadata
    if entities is not None:
        data[ENTITIES] = entities
    message = Message(data=data)
    [out] = detector.process([message])
    assert out is message
    return message


def languages(message):
    return [e["value"] for e in message.get(ENTITIES, []) if e["entity"] == LANGUAGE_ENTITY]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jag behöver hjälp med nätbanken", "sv"),
        ("min mamma i Esbo kan int logga in på kela", "sv"),
        ("I need help with my online bank", "en"),
        ("I live in turku and my bank codes do not work", "en"),
        ("Tarvitsen apua verkkopankin kanssa", "fi"),
        ("hej", "sv"),
    ],
)
def test_a_clear_message_emits_its_language(detector, text, language):
    message = processed(detector, text)
    assert languages(message) == [language]
    assert message.get(MESSAGE_LANGUAGE) == language
    [entity] = message.get(ENTITIES)
    assert entity["extractor"] == "LanguageDetector"
    assert (entity["start"], entity["end"]) == (0, len(text))


@pytest.mark.parametrize("text", ["ok", "ja", "Helsinki", "90100"])
def test_a_message_that_does_not_say_emits_nothing_and_its_words_count_as_finnish(detector, text):
    message = processed(detector, text)
    assert message.get(ENTITIES, []) == []
    assert message.get(MESSAGE_LANGUAGE) == "fi"


@pytest.mark.parametrize(("page", "language"), [("sv", "sv"), ("en-GB", "en"), ("sv-FI", "sv")])
def test_the_page_language_decides_when_the_text_does_not(detector, page, language):
    message = processed(detector, "ok", metadata={"language": page})
    assert languages(message) == [language]
    assert message.get(MESSAGE_LANGUAGE) == language


@pytest.mark.parametrize("metadata", [{"language": "de"}, {"language": 5}, {}, "sv", None])
def test_an_unusable_page_language_is_ignored(detector, metadata):
    message = processed(detector, "ok", metadata=metadata)
    assert languages(message) == []
    assert message.get(MESSAGE_LANGUAGE) == "fi"


def test_the_text_beats_the_page_language(detector):
    message = processed(detector, "Tarvitsen apua verkkopankin kanssa", metadata={"language": "sv"})
    assert languages(message) == ["fi"]
    assert message.get(MESSAGE_LANGUAGE) == "fi"


def test_a_request_sets_the_conversation_language_but_the_words_stay_in_their_own(detector):
    message = processed(detector, "voitko puhua ruotsia")
    assert languages(message) == ["sv"]
    assert message.get(MESSAGE_LANGUAGE) == "fi"  # Finnish words: Voikko lemmas


def test_earlier_entities_are_kept_and_an_earlier_language_entity_is_replaced(detector):
    earlier = [
        {"entity": "municipality", "value": "Espoo", "start": 12, "end": 16},
        {"entity": LANGUAGE_ENTITY, "value": "fi", "start": 0, "end": 3},
    ]
    message = processed(detector, "min mamma i Esbo kan int logga in på kela", entities=earlier)
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [
        ("municipality", "Espoo"),
        (LANGUAGE_ENTITY, "sv"),
    ]


def test_page_language_reads_the_metadata():
    assert page_language(Message(data={TEXT: "x", "metadata": {"language": "EN"}})) == "en"
    assert page_language(Message(data={TEXT: "x"})) is None


def test_training_examples_are_marked_without_new_entities(detector):
    examples = [
        Message(data={TEXT: "Jag behöver hjälp med nätbanken", INTENT: "ask_help"}),
        Message(data={TEXT: "I need help with my online bank", INTENT: "ask_help"}),
        Message(data={TEXT: "Tarvitsen apua verkkopankin kanssa", INTENT: "ask_help"}),
        Message(data={TEXT: "ok", INTENT: "affirm"}),
    ]
    data = detector.process_training_data(TrainingData(examples))
    assert [m.get(MESSAGE_LANGUAGE) for m in data.training_examples] == ["sv", "en", "fi", "fi"]
    assert all(not m.get(ENTITIES) for m in data.training_examples)


def test_the_component_needs_lingua():
    assert LanguageDetector.required_packages() == ["lingua"]
