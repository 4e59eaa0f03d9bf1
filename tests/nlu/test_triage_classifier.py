"""TriageClassifier trained through the real tokenizer and featurizer, then persisted."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.triage_classifier import NOT_STATED, TriageClassifier, training_label
from bot.nlu.voikko_tokenizer import VoikkoTokenizer

TRAINING = """
version: "3.1"
nlu:
- intent: ask_help
  examples: |
    - en osaa maksaa laskuja [verkkopankissa]{"entity": "topic", "value": "banking"}
    - [verkkopankki]{"entity": "topic", "value": "banking"} ei aukea
    - miten maksan [e-laskun]{"entity": "topic", "value": "banking"}
    - [pankin sovellus]{"entity": "topic", "value": "banking"} on muuttunut
    - [äitini]{"entity": "asker", "value": "relative"} ei osaa [maksaa laskuja]{"entity": "topic", "value": "banking"}
    - [isäni]{"entity": "asker", "value": "relative"} tarvitsee apua [verkkopankissa]{"entity": "topic", "value": "banking"}
    - [mummo]{"entity": "asker", "value": "relative"} ei saa [pankkisovellusta]{"entity": "topic", "value": "banking"} auki
    - en saa [suomi.fi-viestejä]{"entity": "topic", "value": "suomifi_messages"} auki
    - missä näen [viranomaisten viestit]{"entity": "topic", "value": "suomifi_messages"}
    - [suomi.fi-viestit]{"entity": "topic", "value": "suomifi_messages"} ei toimi
    - miten otan [suomi.fi-viestit]{"entity": "topic", "value": "suomifi_messages"} käyttöön
    - [äiti]{"entity": "asker", "value": "relative"} ei löydä [suomi.fi-viestejä]{"entity": "topic", "value": "suomifi_messages"}
    - [en ole koskaan käyttänyt]{"entity": "need_level", "value": "demanding_support"} [verkkopankkia]{"entity": "topic", "value": "banking"}
    - [en ole ikinä käyttänyt]{"entity": "need_level", "value": "demanding_support"} [suomi.fi-viestejä]{"entity": "topic", "value": "suomifi_messages"}
    - tarvitsen apua
    - voitko auttaa
- intent: greet
  examples: |
    - hei
    - moi
    - hyvää päivää
    - terve
"""


@pytest.fixture()
def storage(tmp_path):
    return LocalModelStorage.create(tmp_path)


def context():
    return ExecutionContext(GraphSchema({}), "test")


def featurize(tokenizer, featurizer, messages):
    tokenizer.process(messages)
    featurizer.process(messages)
    return messages


@pytest.fixture()
def trained(storage):
    data = RasaYAMLReader().reads(TRAINING)
    tokenizer = VoikkoTokenizer.create(
        VoikkoTokenizer.get_default_config(), storage, None, context()
    )
    tokenizer.process_training_data(data)
    featurizer_config = {
        **CountVectorsFeaturizer.get_default_config(),
        "analyzer": "char_wb",
        "min_ngram": 2,
        "max_ngram": 5,
        "use_lemma": False,
    }
    featurizer = CountVectorsFeaturizer.create(
        featurizer_config, storage, Resource("cvf"), context()
    )
    featurizer.train(data)
    featurizer.process_training_data(data)
    resource = Resource("triage")
    classifier = TriageClassifier.create({}, storage, resource, context())
    classifier.train(data)
    return tokenizer, featurizer, resource


def parse(text, intent, tokenizer, featurizer, classifier):
    message = Message({"text": text, "intent": {"name": intent, "confidence": 0.9}})
    featurize(tokenizer, featurizer, [message])
    classifier.process([message])
    return {e["entity"]: e["value"] for e in message.get("entities", [])}


def test_training_label_is_the_first_annotation():
    data = RasaYAMLReader().reads(TRAINING)
    labels = [training_label(m, "topic") for m in data.intent_examples]
    assert labels[0] == "banking"
    assert labels.count(NOT_STATED) == 6  # two vague requests and four greetings


def test_predicts_labels_for_unseen_inflected_text_after_reload(trained, storage):
    tokenizer, featurizer, resource = trained
    classifier = TriageClassifier.load({}, storage, resource, context())
    found = parse(
        "äitini ei osaa käyttää verkkopankkia", "ask_help", tokenizer, featurizer, classifier
    )
    assert found["topic"] == "banking"
    assert found["asker"] == "relative"


def test_a_help_request_naming_nobody_else_is_the_writers_own(trained, storage):
    tokenizer, featurizer, resource = trained
    classifier = TriageClassifier.load({}, storage, resource, context())
    found = parse("suomi.fi-viestit ei aukea", "ask_help", tokenizer, featurizer, classifier)
    assert found == {"topic": "suomifi_messages", "asker": "self"}


def test_small_talk_gets_no_triage_labels(trained, storage):
    tokenizer, featurizer, resource = trained
    classifier = TriageClassifier.load({}, storage, resource, context())
    assert parse("moikka", "greet", tokenizer, featurizer, classifier) == {}


def test_a_misspelt_label_value_fails_training(storage):
    data = RasaYAMLReader().reads(TRAINING.replace('"value": "banking"', '"value": "bank"'))
    tokenizer = VoikkoTokenizer.create(
        VoikkoTokenizer.get_default_config(), storage, None, context()
    )
    tokenizer.process_training_data(data)
    featurizer = CountVectorsFeaturizer.create(
        CountVectorsFeaturizer.get_default_config(), storage, Resource("cvf2"), context()
    )
    featurizer.train(data)
    featurizer.process_training_data(data)
    classifier = TriageClassifier.create({}, storage, Resource("t2"), context())
    with pytest.raises(ValueError, match="unknown values \\['bank'\\]"):
        classifier.train(data)


def test_class_weights_are_balanced_but_capped(storage):
    classifier = TriageClassifier.create(
        {"max_class_weight": 5.0}, storage, Resource("w"), context()
    )
    targets = [NOT_STATED] * 96 + ["relative"] * 3 + ["self"] * 1
    weights = classifier._sample_weights(targets)
    assert weights[0] == pytest.approx(100 / (3 * 96))
    assert weights[96] == pytest.approx(5.0)  # balanced would be 11.1
    assert weights[-1] == pytest.approx(5.0)  # balanced would be 33.3


def test_a_correction_is_read_from_its_affirmed_part(trained, storage):
    # Both messages hold the same words: only the contrast tells them apart.
    tokenizer, featurizer, resource = trained
    classifier = TriageClassifier.load({}, storage, resource, context())
    cases = {
        "ei se ole verkkopankki vaan suomi.fi-viestit": "suomifi_messages",
        "ei se ole suomi.fi-viestit vaan verkkopankki": "banking",
    }
    for text, topic in cases.items():
        found = parse(text, "correct", tokenizer, featurizer, classifier)
        assert found.get("topic") == topic, text


def test_only_annotations_in_the_affirmed_part_are_training_labels():
    data = RasaYAMLReader().reads(
        """
version: "3.1"
nlu:
- intent: correct
  examples: |
    - ei [äidille]{"entity": "asker", "value": "relative"} vaan [itselleni]{"entity": "asker", "value": "self"}
    - ei [äidille]{"entity": "asker", "value": "relative"} vaan kysyn vain
"""
    )
    first, second = data.intent_examples
    assert training_label(first, "asker") == "self"
    assert training_label(second, "asker") == NOT_STATED


def test_a_saved_classifier_loads_back(trained, storage, tmp_path):
    import skops.io as sio

    from bot.nlu.triage_classifier import load_classifier

    _, _, resource = trained
    with storage.read_from(resource) as directory:
        saved = sorted(directory.glob("*.skops"))
        assert saved
        for path in saved:
            assert sio.get_untrusted_types(file=path) == []
            assert load_classifier(path).classes_.size >= 2


def test_a_classifier_file_with_a_foreign_type_is_refused(tmp_path):
    import skops.io as sio

    from bot.nlu.triage_classifier import UntrustedModelFile, load_classifier

    crafted = tmp_path / "asker.skops"
    sio.dump({"payload": OrderedDictSubclass(a=1)}, crafted)
    assert sio.get_untrusted_types(file=crafted)  # skops itself would not trust it
    with pytest.raises(UntrustedModelFile, match="refusing"):
        load_classifier(crafted)


def test_a_classifier_file_with_another_trusted_object_is_refused(tmp_path):
    import skops.io as sio
    from sklearn.tree import DecisionTreeClassifier

    from bot.nlu.triage_classifier import UntrustedModelFile, load_classifier

    other = tmp_path / "topic.skops"
    sio.dump(DecisionTreeClassifier(), other)
    with pytest.raises(UntrustedModelFile, match="not the LogisticRegression"):
        load_classifier(other)


class OrderedDictSubclass(dict):
    """A type no skops allow-list knows: stands for anything a crafted file could smuggle in."""
