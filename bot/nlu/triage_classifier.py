"""Message-level triage: topic, need level and asker as entities.

Rasa gives a message one intent, but triage needs three more independent labels per message
(what it is about, how much help, for whom). Spans are a poor fit: "en ole koskaan käyttänyt"
or a possessive "äitini" are evidence scattered over the sentence, and inflected forms would
each need a synonym. So each label is a message-level classifier over the same sparse features
DIET uses (Voikko base forms and character n-grams), and its prediction is emitted as an entity
whose value is the slot value, which the domain maps straight into slots.

Labels are learnt from ordinary Rasa entity annotations on the evidence span (see
docs/ARCHITECTURE.md): the first annotation of a label in a message is that message's label,
and a message without one is a "nothing stated" example. That keeps the training data in
Rasa's own format, checked by `rasa data validate`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Type

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression

from bot.nlu.entities import attach_entities, message_entity
from bot.triage.contrast import outside, rejected_spans
from bot.triage.labels import ASKER, LABEL_VALUES

logger = logging.getLogger(__name__)

NOT_STATED = "__not_stated__"


def first_annotated_value(message: Message, label: str) -> Optional[str]:
    """The value of the first (leftmost) entity annotation of `label`, if any.

    In a contrast ("ei [pankki] vaan [Kela]") the rejected part does not count, as in prediction.
    """
    rejected = rejected_spans(message.get(TEXT) or "")
    annotated = [
        entity
        for entity in message.get(ENTITIES) or []
        if entity.get(ENTITY_ATTRIBUTE_TYPE) == label
        and outside(rejected, entity.get(ENTITY_ATTRIBUTE_START, 0))
    ]
    if not annotated:
        return None
    annotated.sort(key=lambda entity: entity.get(ENTITY_ATTRIBUTE_START, 0))
    return annotated[0].get(ENTITY_ATTRIBUTE_VALUE)


def training_label(message: Message, label: str) -> str:
    """The class a training example teaches for `label`: its annotation, or "nothing stated".

    An unannotated help request is the writer's own need, but that follows from the intent,
    not from the words, so it is not taught here: see `TriageClassifier._default_asker`.
    """
    value = first_annotated_value(message, label)
    return NOT_STATED if value is None else value


def sentence_features(message: Message) -> csr_matrix:
    """The sentence-level sparse and dense features the featurizers attached to the text."""
    sparse = message.get_sparse_features(TEXT)[1]
    dense = message.get_dense_features(TEXT)[1]
    parts = [csr_matrix(sparse.features)] if sparse is not None else []
    if dense is not None:
        parts.append(csr_matrix(dense.features))
    if not parts:
        raise ValueError("TriageClassifier needs sentence features: put a featurizer before it.")
    return hstack(parts).tocsr()


def unrejected_features(message: Message) -> Optional[csr_matrix]:
    """Features of the message without what a contrast rejects, or None when nothing is.

    "mun äiti ei tarvii pankkia vaan kelan asiat" is read as "mun äiti … kelan asiat": the
    correction replaces the topic, and "mun äiti" still says who asks. Built by adding up the
    token-level features of the kept tokens, which equals the sentence features of that text
    except for word pairs.
    """
    rejected = rejected_spans(message.get(TEXT) or "")
    if not rejected or message.get_dense_features(TEXT)[0] is not None:
        return None
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    rows = [index for index, token in enumerate(tokens) if outside(rejected, token.start)]
    sequence = message.get_sparse_features(TEXT)[0]
    if not rows or sequence is None:
        return None
    return csr_matrix(sequence.features.tocsr()[rows].sum(axis=0))


def classified_features(message: Message) -> csr_matrix:
    """What the labels are predicted from: the message without what a contrast rejects."""
    kept = unrejected_features(message)
    return kept if kept is not None else sentence_features(message)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class TriageClassifier(GraphComponent, EntityExtractorMixin):
    """Predicts topic, need level and asker for a whole message."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Featurizer]

    @staticmethod
    def required_packages() -> List[str]:
        return ["sklearn", "skops"]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # Which labels to learn; each must be a key of bot.triage.labels.LABEL_VALUES.
            "labels": list(LABEL_VALUES),
            # A label is emitted only when its best class beats "not stated" with at least
            # this probability: a wrong triage costs more than one clarifying question.
            # (Tuned by 5-fold cross-validation on the training data, never on held-out data.)
            "threshold": {"topic": 0.3, "need_level": 0.3, "asker": 0.3},
            # People describing their own problem rarely say "for myself": a message of these
            # intents with no other asker stated is the writer's own need.
            "self_intents": ["ask_help", "find_provider", "ask_helper_limits"],
            # Intents whose messages never carry triage labels (small talk, out of scope).
            "ignore_intents": [
                "greet",
                "goodbye",
                "thank",
                "affirm",
                "deny",
                "bot_challenge",
                "ask_capabilities",
                "out_of_scope",
                "nlu_fallback",
            ],
            "C": 10.0,
            # Rare classes (advisors, level 4) must not drown in "nothing stated": classes are
            # weighted inversely to their frequency, but no class more than this many times
            # (an explicit "for myself" has only a dozen examples and would otherwise count
            # twenty times over). Chosen by cross-validation on the training data.
            "max_class_weight": 5.0,
            "max_iter": 2000,
            "random_state": 42,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifiers: Optional[Dict[str, LogisticRegression]] = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._classifiers: Dict[str, LogisticRegression] = classifiers or {}
        unknown = set(self._config["labels"]) - set(LABEL_VALUES)
        if unknown:
            raise ValueError(f"TriageClassifier: unknown labels {sorted(unknown)}")

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TriageClassifier:
        return cls(config, model_storage, resource)

    def _new_classifier(self) -> LogisticRegression:
        return LogisticRegression(
            C=self._config["C"],
            max_iter=self._config["max_iter"],
            random_state=self._config["random_state"],
            solver="lbfgs",
        )

    def train(self, training_data: TrainingData) -> Resource:
        examples = [
            message
            for message in training_data.intent_examples
            if message.get(TEXT) and message.get(INTENT)
        ]
        if not examples:
            logger.warning("TriageClassifier: no training examples, nothing learnt.")
            return self._resource
        features = vstack([classified_features(message) for message in examples]).tocsr()
        for label in self._config["labels"]:
            targets = [training_label(message, label) for message in examples]
            self._check_values(label, targets)
            if len(set(targets)) < 2:
                logger.warning(f"TriageClassifier: only one class for {label}; skipped.")
                continue
            classifier = self._new_classifier()
            classifier.fit(features, targets, sample_weight=self._sample_weights(targets))
            self._classifiers[label] = classifier
        self.persist()
        return self._resource

    def _sample_weights(self, targets: Sequence[str]) -> np.ndarray:
        """Balanced class weights, capped, as per-example weights."""
        classes, counts = np.unique(targets, return_counts=True)
        balanced = len(targets) / (len(classes) * counts)
        weight = dict(
            zip(classes, np.minimum(balanced, self._config["max_class_weight"]), strict=True)
        )
        return np.array([weight[target] for target in targets])

    @staticmethod
    def _check_values(label: str, targets: Sequence[str]) -> None:
        """Fail training loudly on a misspelt value rather than learn a ghost class."""
        allowed = set(LABEL_VALUES[label]) | {NOT_STATED}
        wrong = sorted(set(targets) - allowed)
        if wrong:
            raise ValueError(
                f"Training data annotates {label} with unknown values {wrong}; "
                f"allowed: {sorted(LABEL_VALUES[label])}"
            )

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not message.get(TEXT) or not self._classifiers:
                continue
            entities = self._predict_entities(message)
            if entities:
                attach_entities(self, message, entities)
        return messages

    def _predict_entities(self, message: Message) -> List[Dict[str, Any]]:
        intent = (message.get(INTENT) or {}).get("name")
        if intent in self._config["ignore_intents"]:
            return []
        features = classified_features(message)
        predicted: Dict[str, Tuple[str, float]] = {}
        for label, classifier in self._classifiers.items():
            probabilities = classifier.predict_proba(features)[0]
            best = int(np.argmax(probabilities))
            value = str(classifier.classes_[best])
            confidence = float(probabilities[best])
            if value != NOT_STATED and confidence >= self._config["threshold"][label]:
                predicted[label] = (value, confidence)
        if ASKER in self._config["labels"] and ASKER not in predicted:
            default = self._default_asker(message)
            if default:
                predicted[ASKER] = default
        return [
            message_entity(message, label, value, confidence)
            for label, (value, confidence) in predicted.items()
        ]

    def _default_asker(self, message: Message) -> Optional[Tuple[str, float]]:
        """`self` for a help request that names nobody else, as sure as its intent is."""
        intent = message.get(INTENT) or {}
        if intent.get("name") in self._config["self_intents"]:
            return "self", float(intent.get("confidence") or 0.0)
        return None

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        # Training messages keep their gold annotations; predicting would duplicate them.
        return training_data

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            for label, classifier in self._classifiers.items():
                sio.dump(classifier, directory / f"{label}.skops")

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TriageClassifier:
        merged = {**cls.get_default_config(), **config}
        classifiers: Dict[str, LogisticRegression] = {}
        try:
            with model_storage.read_from(resource) as directory:
                for label in merged["labels"]:
                    path = directory / f"{label}.skops"
                    if path.exists():
                        classifiers[label] = load_classifier(path)
        except ValueError:
            logger.warning("TriageClassifier: no trained model found; predicting nothing.")
        return cls(config, model_storage, resource, classifiers)


class UntrustedModelFile(Exception):
    """A classifier file holds something this project never saves: it is not loaded."""


def load_classifier(path: Path) -> LogisticRegression:
    """A classifier saved by :meth:`TriageClassifier.persist`, and nothing else.

    WHY: a model archive is a file someone can swap. skops refuses to build any type outside
    its own trusted set (scikit-learn, NumPy and SciPy internals) unless the caller names it, so
    naming no extra type and checking what comes out means a crafted file cannot run code here.
    """
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    try:
        classifier = sio.load(path, trusted=False)
    except UntrustedTypesFoundException as error:
        raise UntrustedModelFile(f"{path.name}: refusing to load it ({error})") from error
    if not isinstance(classifier, LogisticRegression):
        raise UntrustedModelFile(
            f"{path.name}: holds a {type(classifier).__name__}, not the LogisticRegression "
            "this project saves; retrain the model"
        )
    return classifier
