"""NeedLevelCues through the real tokenizer: level 4 from explicit causes, and what it ignores."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.need_level_cues import NeedLevelCues
from bot.nlu.voikko_tokenizer import VoikkoTokenizer


@pytest.fixture()
def components(tmp_path):
    storage = LocalModelStorage.create(tmp_path)
    context = ExecutionContext(GraphSchema({}), "cues")
    tokenizer = VoikkoTokenizer.create(
        VoikkoTokenizer.get_default_config(), storage, Resource("tok"), context
    )
    return tokenizer, NeedLevelCues.create({}, storage, Resource("cues"), context)


def need_levels(components, text, intent="ask_help", entities=()):
    tokenizer, cues = components
    message = Message(
        {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": list(entities)}
    )
    tokenizer.process([message])
    cues.process([message])
    return [e["value"] for e in message.get("entities") if e["entity"] == "need_level"]


def test_an_explicit_cause_overrides_the_learnt_guess(components):
    guess = {"entity": "need_level", "value": "light_support", "start": 0, "end": 5}
    found = need_levels(components, "isällä on muistisairaus", entities=[guess])
    assert found == ["non_digital"]


def test_no_cause_leaves_the_guess_alone(components):
    guess = {"entity": "need_level", "value": "light_support", "start": 0, "end": 5}
    assert need_levels(components, "käytän mutta en löydä", entities=[guess]) == ["light_support"]


def test_the_rejected_part_of_a_contrast_is_not_a_cause(components):
    assert need_levels(components, "ei se oo puhelin vaan whatsapp", intent="correct") == []
    assert need_levels(components, "mulla ei oo puhelinta", intent="inform") == ["non_digital"]


def test_small_talk_is_ignored(components):
    assert need_levels(components, "kiitos, mulla ei oo puhelinta", intent="thank") == []
