"""PersonCueFeaturizer: sparse features for the classes of words that tell whose need it is.

WHY a featurizer of its own: the word classes of bot.triage.asker_cues (a close person, a close
person of mine, a client, a helper's role, first person, a thing of mine, "hän") must reach the
asker classifier as features it can weigh, next to the word counts. As a Rasa featurizer they
are also seen by DIET, and they need no training: the vocabulary is fixed.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Type

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language.voikko import FinnishAnalyzer, get_analyzer
from bot.triage.asker_cues import CUE_INDEX, CUES, analyse_word, word_cues


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class PersonCueFeaturizer(SparseFeaturizer, GraphComponent):
    """One-hot cue features per token, and their union for the whole message."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {**SparseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Nothing to configure but the alias."""

    def __init__(
        self,
        config: Dict[str, Any],
        execution_context: ExecutionContext,
        analyzer: Optional[FinnishAnalyzer] = None,
    ) -> None:
        super().__init__(execution_context.node_name, {**self.get_default_config(), **config})
        self._analyzer = analyzer or get_analyzer()

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PersonCueFeaturizer:
        return cls(config, execution_context)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            tokens = message.get(TOKENS_NAMES[TEXT])
            if tokens:
                sequence = self.cue_matrix(tokens)
                sentence = scipy.sparse.coo_matrix(sequence.max(axis=0))
                self.add_features_to_message(sequence, sentence, TEXT, message)
        return messages

    def cue_matrix(self, tokens: List[Token]) -> scipy.sparse.coo_matrix:
        """Row t marks the cues of token t."""
        words = [analyse_word(self._analyzer, token.text, token.lemma) for token in tokens]
        rows, columns = [], []
        for row, cues in enumerate(word_cues(words)):
            for cue in cues:
                rows.append(row)
                columns.append(CUE_INDEX[cue])
        return scipy.sparse.coo_matrix(
            (np.ones(len(rows)), (rows, columns)), shape=(len(tokens), len(CUES))
        )
