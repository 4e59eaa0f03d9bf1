"""VoikkoTokenizer on real Finnish with real Voikko and spaCy."""

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, RESPONSE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.voikko_tokenizer import COMPOUND_PARTS, VoikkoTokenizer


def make(**overrides):
    return VoikkoTokenizer({**VoikkoTokenizer.get_default_config(), **overrides})


@pytest.fixture(scope="module")
def tokenizer():
    return make()


def tokens_of(tokenizer, text):
    return tokenizer.tokenize(Message(data={TEXT: text}), TEXT)


def lemmas(tokenizer, text):
    return [t.lemma for t in tokens_of(tokenizer, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pankkitunnuksillani", ["pankkitunnus"]),
        ("Hailuodossa", ["hailuoto"]),
        ("verkkopankkia", ["verkkopankki"]),
        ("mä oon", ["minä", "olla"]),
        ("mulla ei oo koneel", ["minä", "ei", "olla", "kone"]),
        ("pankkitunnkset", ["pankkitunnus"]),  # typo corrected via Voikko suggestion
        ("Suomi.fi-viesteihin", ["suomi.fi-viesti"]),
        ("Whatsappia en osaa", ["whatsapp", "ei", "osata"]),
        ("Soita minulle!", ["soittaa", "minä"]),
        ("OmaKantaan ja Kelaan", ["omakanta", "ja", "kela"]),
        ("90100", ["90100"]),
    ],
)
def test_lemmas_are_lower_case_base_forms(tokenizer, text, expected):
    assert lemmas(tokenizer, text) == expected


def test_raw_text_is_kept_for_char_featurizers(tokenizer):
    tokens = tokens_of(tokenizer, "Pankkitunnuksillani")
    assert tokens[0].text == "Pankkitunnuksillani"
    assert tokens[0].lemma == "pankkitunnus"


def test_offsets_match_the_original_text(tokenizer):
    text = "  Mä oon  Hailuodossa, enkä saa Suomi.fi-viesteihin yhteyttä 🙂 soita 040 123 4567!"
    tokens = tokens_of(tokenizer, text)
    assert tokens, "expected tokens"
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert [t.text for t in tokens][:3] == ["Mä", "oon", "Hailuodossa"]
    assert "🙂" not in [t.text for t in tokens]
    assert "," not in [t.text for t in tokens]


def test_punctuation_can_be_kept(tokenizer):
    assert [t.text for t in tokens_of(make(keep_punctuation=True), "Apua?")] == ["Apua", "?"]
    assert [t.text for t in tokens_of(tokenizer, "Apua?")] == ["Apua"]


def test_only_punctuation_becomes_one_token(tokenizer):
    tokens = tokens_of(tokenizer, " :) ")
    assert [(t.text, t.start, t.end) for t in tokens] == [(":)", 1, 3)]


def test_empty_text_gives_no_tokens(tokenizer):
    assert tokens_of(tokenizer, "") == []
    assert tokens_of(tokenizer, "   ") == []


def test_compound_parts_are_token_data(tokenizer):
    tokens = tokens_of(tokenizer, "pankkitunnuksillani verkkopankkia apua")
    assert [t.get(COMPOUND_PARTS) for t in tokens] == [
        ["pankki", "tunnus"],
        ["verkko", "pankki"],
        [],
    ]


def test_spelling_correction_can_be_switched_off():
    assert lemmas(make(correct_spelling=False), "pankkitunnkset") == ["pankkitunnkset"]


def test_token_pattern_splits_and_each_part_gets_its_own_lemma():
    tokenizer = make(token_pattern=r"[^-]+")
    tokens = tokens_of(tokenizer, "verkkopankki-tunnuksilla")
    assert [(t.text, t.lemma) for t in tokens] == [
        ("verkkopankki", "verkkopankki"),
        ("tunnuksilla", "tunnus"),
    ]
    assert [t.start for t in tokens] == [0, 13]


def test_process_sets_tokens_for_text_and_intent_names():
    tokenizer = make(intent_tokenization_flag=True, intent_split_symbol="_")
    message = Message(data={TEXT: "En osaa verkkopankkia", INTENT: "ask_banking_help"})
    tokenizer.process([message])
    assert [t.lemma for t in message.get(TOKENS_NAMES[TEXT])] == ["ei", "osata", "verkkopankki"]
    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == ["ask", "banking", "help"]


def test_process_training_data_handles_responses_and_retrieval_intents():
    tokenizer = make(intent_tokenization_flag=True)
    example = Message(
        data={
            TEXT: "Mikä on digituki?",
            INTENT: "faq",
            INTENT_RESPONSE_KEY: "faq/what_is_digituki",
            RESPONSE: "Digituki auttaa sinua verkkoasioinnissa.",
        }
    )
    tokenizer.process_training_data(TrainingData([example]))
    assert [t.lemma for t in example.get(TOKENS_NAMES[TEXT])] == ["mikä", "olla", "digituki"]
    assert [t.text for t in example.get(TOKENS_NAMES[INTENT_RESPONSE_KEY])] == [
        "faq",
        "what",
        "is",
        "digituki",
    ]
    response_lemmas = [t.lemma for t in example.get(TOKENS_NAMES[RESPONSE])]
    assert response_lemmas[:3] == ["digituki", "auttaa", "sinä"]


def test_registered_as_rasa_tokenizer():
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe

    registered = DefaultV1Recipe._registered_components["VoikkoTokenizer"]
    assert registered.clazz is VoikkoTokenizer
    assert DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER in registered.types
    assert registered.is_trainable is False


def test_count_vectors_featurizer_sees_base_forms_or_raw_text(tmp_path):
    """The point of the component: one word feature for every case form of a word."""
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )

    examples = [
        Message(data={TEXT: text, INTENT: "banking"})
        for text in ["pankkitunnuksillani", "Pankkitunnukset puhelimessa", "pankkitunnkset"]
    ]
    data = make().process_training_data(TrainingData(examples))
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")

    def vocabulary(**config):
        featurizer = CountVectorsFeaturizer.create(
            {**CountVectorsFeaturizer.get_default_config(), **config},
            storage,
            Resource(f"cvf{len(config)}"),
            context,
        )
        featurizer.train(data)
        return set(featurizer.vectorizers[TEXT].vocabulary_)

    assert vocabulary() == {"pankkitunnus", "puhelin"}
    raw = vocabulary(use_lemma=False)
    assert {"pankkitunnuksillani", "pankkitunnukset", "pankkitunnkset"} <= raw


def test_a_guard_placeholder_is_one_neutral_token():
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlu.voikko_tokenizer import REDACTED_TOKEN, VoikkoTokenizer

    tokenizer = VoikkoTokenizer(VoikkoTokenizer.get_default_config())
    text = "hetu on [henkilötunnus poistettu] ja omakanta ei aukea"
    tokens = tokenizer.tokenize(Message({"text": text}), "text")
    texts = [token.text for token in tokens]
    assert texts == ["hetu", "on", REDACTED_TOKEN, "ja", "omakanta", "ei", "aukea"]
    placeholder = tokens[2]
    assert text[placeholder.start : placeholder.end] == "[henkilötunnus poistettu]"
    assert placeholder.lemma == REDACTED_TOKEN
