"""VoikkoTokenizer: spaCy's Finnish tokenizer with Voikko base forms as token lemmas.

WHY: Finnish packs case, number, possession and clitics into one word, so "pankkitunnuksillani",
"pankkitunnukset" and "pankkitunnuksia" would be three unrelated features for a word-level
featurizer. Setting ``token.lemma`` to the Voikko base form makes Rasa's CountVectorsFeaturizer
(``use_lemma: true``, its default) see one feature "pankkitunnus", while a ``char_wb``
CountVectorsFeaturizer with ``use_lemma: false`` still sees the raw text (typos, chat spelling).

Lemmas are lower-case and produced after colloquial normalisation ("mä" -> "minä") and, for
unknown words, a close Voikko spelling suggestion ("pankkitunnkset" -> "pankkitunnus"). Each token
also carries its compound parts under ``token.get("compound_parts")`` (["pankki", "tunnus"]) for
components that want them; they are not mixed into the lemma.

Offsets are spaCy's, so ``text[token.start:token.end] == token.text`` always holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.guard.findings import PLACEHOLDERS
from bot.language.detect import FINNISH
from bot.language.lemmas import foreign_lemma
from bot.language.voikko import FinnishAnalyzer, get_analyzer
from bot.nlu.language_detector import MESSAGE_LANGUAGE

#: Token data key under which the compound parts of a word are stored.
COMPOUND_PARTS = "compound_parts"

# A token worth keeping has at least one letter or digit; pure punctuation and emoji are
# dropped, as Rasa's WhitespaceTokenizer does.
_HAS_WORD_CHAR = re.compile(r"[^\W_]")
# The guard's placeholders ("[henkilötunnus poistettu]") are not the person's words: each is one
# neutral token, so the word "henkilötunnus" in a placeholder never votes for a topic.
_PLACEHOLDER = re.compile("|".join(re.escape(text) for text in PLACEHOLDERS.values()))
REDACTED_TOKEN = "__poistettu__"


@lru_cache(maxsize=1)
def _finnish_tokenizer() -> Any:
    """spaCy's rule-based Finnish tokenizer (no model download needed; built once)."""
    import spacy

    return spacy.blank("fi").tokenizer


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class VoikkoTokenizer(Tokenizer):
    """Tokenizer whose token lemmas are Finnish base forms from Voikko."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            # Flag to check whether to split intents
            "intent_tokenization_flag": False,
            # Symbol on which intent should be split
            "intent_split_symbol": "_",
            # Regular expression to detect tokens
            "token_pattern": None,
            # Symbol on which prefix should be split
            "prefix_separator_symbol": None,
            # Replace unknown words by a close Voikko spelling suggestion in the lemma
            "correct_spelling": True,
            # Keep punctuation / emoji tokens ("?", ":)") instead of dropping them
            "keep_punctuation": False,
        }

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages this component needs."""
        return ["spacy", "libvoikko"]

    @staticmethod
    def supported_languages() -> Optional[List[str]]:
        """Finnish only: the lemmas come from a Finnish dictionary."""
        return ["fi"]

    def __init__(self, config: Dict[str, Any], analyzer: Optional[FinnishAnalyzer] = None) -> None:
        """Create the tokenizer; the config must contain the keys of the default config."""
        config = {**self.get_default_config(), **config}
        super().__init__(config)
        self._analyzer = analyzer or get_analyzer()
        self._correct_spelling = bool(config["correct_spelling"])
        self._keep_punctuation = bool(config["keep_punctuation"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> VoikkoTokenizer:
        """Creates a new component (see parent class for full docstring)."""
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        """Tokenizes the text of ``attribute`` and sets Voikko lemmas and compound parts."""
        text = message.get(attribute)
        if not text:
            return []
        redacted = [match.span() for match in _PLACEHOLDER.finditer(text)]
        tokens = [
            Token(t.text, t.idx)
            for t in _finnish_tokenizer()(text)
            if t.text.strip()
            and (self._keep_punctuation or _HAS_WORD_CHAR.search(t.text))
            and not any(start <= t.idx < end for start, end in redacted)
        ]
        tokens += [Token(REDACTED_TOKEN, start, end=end) for start, end in redacted]
        tokens.sort(key=lambda token: token.start)
        if not tokens:
            # Only punctuation or emoji (":)"): keep the whole text as one token, like
            # WhitespaceTokenizer, so the message still has a feature.
            stripped = text.strip()
            tokens = [Token(stripped, text.index(stripped))] if stripped else []
        tokens = self._apply_token_pattern(tokens)
        language = message.get(MESSAGE_LANGUAGE) or FINNISH
        for token in tokens:
            self._annotate(token, language)
        return tokens

    def _annotate(self, token: Token, language: str = FINNISH) -> None:
        """Set lemma and compound parts (token pattern splits are annotated afterwards, so a
        split token gets its own lemma rather than its parent's). A Swedish or English
        message's words get their own language's base forms and no Finnish compound parts."""
        if token.text == REDACTED_TOKEN:
            token.lemma = REDACTED_TOKEN
            token.set(COMPOUND_PARTS, [])
            return
        if language != FINNISH:
            token.lemma = foreign_lemma(token.text, language)
            token.set(COMPOUND_PARTS, [])
            return
        token.lemma = self.lemma(token.text)
        token.set(COMPOUND_PARTS, self._analyzer.compound_parts(token.text))

    def lemma(self, word: str) -> str:
        """The lower-case base form used as the token lemma."""
        base = self._analyzer.base_form(word, correct_spelling=self._correct_spelling)
        return base.lower() or word
