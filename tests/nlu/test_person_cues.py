"""PersonCueFeaturizer through the real tokenizer: shapes, columns and a rare kin word."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.person_cues import PersonCueFeaturizer
from bot.nlu.voikko_tokenizer import VoikkoTokenizer
from bot.triage.asker_cues import CLOSE_PERSON, CUE_INDEX, CUES, FIRST_PERSON, MY_THING


@pytest.fixture()
def components(tmp_path):
    storage = LocalModelStorage.create(tmp_path)
    context = ExecutionContext(GraphSchema({}), "person_cues")
    tokenizer = VoikkoTokenizer.create(
        VoikkoTokenizer.get_default_config(), storage, Resource("tok"), context
    )
    featurizer = PersonCueFeaturizer.create({}, storage, Resource("cues"), context)
    return tokenizer, featurizer


def featurized(components, text):
    tokenizer, featurizer = components
    message = Message({"text": text})
    tokenizer.process([message])
    featurizer.process([message])
    return message


def test_sequence_and_sentence_features(components):
    message = featurized(components, "mun puhelin on rikki")
    sequence, sentence = message.get_sparse_features("text")
    assert sequence.features.shape == (4, len(CUES))
    assert sentence.features.shape == (1, len(CUES))
    marked = set(sentence.features.tocsr().indices)
    assert marked == {CUE_INDEX[FIRST_PERSON], CUE_INDEX[MY_THING]}
    # The thing is marked on the word "puhelin", the first person on "mun".
    rows = sequence.features.tocsr()
    assert CUE_INDEX[MY_THING] in rows[1].indices
    assert CUE_INDEX[FIRST_PERSON] in rows[0].indices


def test_a_rare_kin_word_gets_the_close_person_feature(components):
    message = featurized(components, "appiukko sai oudon tekstiviestin")
    sentence = message.get_sparse_features("text")[1].features.tocsr()
    assert set(sentence.indices) == {CUE_INDEX[CLOSE_PERSON]}


def test_training_data_is_featurized_too(components):
    tokenizer, featurizer = components
    data = TrainingData([Message({"text": "veli ei osaa", "intent": "ask_help"})])
    tokenizer.process_training_data(data)
    featurizer.process_training_data(data)
    sentence = data.training_examples[0].get_sparse_features("text")[1]
    assert CUE_INDEX[CLOSE_PERSON] in sentence.features.tocsr().indices


def test_a_message_without_tokens_gets_no_features(components):
    message = featurized(components, "")
    assert message.get_sparse_features("text") == (None, None)
