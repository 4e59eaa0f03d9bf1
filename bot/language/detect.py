"""Which of the assistant's languages (fi, sv, en) a message is written in, or asks for.

Why these rules:

* A person may write in Finnish, Swedish or English, and the assistant answers in the
  conversation's language. The language of one message is a weak signal when the message is
  short: "ok", "ja" (Swedish yes, Finnish and), "no" (English no, Finnish well) or a place name
  say nothing, so they never change the conversation's language.
* A longer message is read by Lingua (`lingua-language-detector`), which ships its own models
  and is accurate on short text. Only the three languages are compared, and a message counts
  only when Lingua is clearly sure.
* Place names and the names of Finnish services are taken out before Lingua reads the text:
  "I live in turku", "im in espoo" and "kela online" read as Finnish otherwise, and Swedish and
  English writers use the Finnish names all the time.
* A few one-word openers and thanks are unambiguous ("hej", "tack", "kiitos", "thanks") and
  count even alone, so a Swedish "hej" as the first message gets a Swedish answer.
* A request for a language ("på svenska", "in English", "suomeksi kiitos", "voitko puhua
  ruotsia") is stronger than the language it is written in.
* The personal-data guard's placeholders ("[henkilötunnus poistettu]") are its own Finnish
  words, not the person's: they are left out, or "mitt personnummer är [henkilötunnus
  poistettu], kan du hjälpa mej" would turn a Swedish conversation Finnish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Optional, Tuple

from bot.guard.findings import PLACEHOLDERS

FINNISH = "fi"
SWEDISH = "sv"
ENGLISH = "en"
LANGUAGES: Tuple[str, ...] = (FINNISH, SWEDISH, ENGLISH)

#: Words a message needs, once names are taken out, before Lingua's reading of it counts.
MIN_WORDS = 2
#: Lingua's confidence the best language needs, and its lead over the second.
MIN_CONFIDENCE = 0.5
MIN_LEAD = 0.2
#: Finnish service, bank and app names that people write in any language (lower case).
NAMES_IN_EVERY_LANGUAGE = frozenset(
    "kela omakanta omavero vero suomi suomifi valtuudet valtuus edunvalvonta "
    "edunvalvontavaltuutus mobiilivarmenne pankkitunnukset pankkitunnus digituki kiitos moi "
    "hei kiitti nordea op osuuspankki s-pankki danske aktia whatsapp facebook bankid "
    "mobilepay".split()
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A web address or service name with a dot ("suomi.fi", "Suomi.fi-viestit"): not a language.
_DOTTED = re.compile(r"\S*\w\.\w\S*")

#: Whole short messages that are unambiguous on their own (lower case, punctuation removed).
SHORT_MESSAGES: Mapping[str, str] = {
    **dict.fromkeys(
        ("moi", "moikka", "terve", "hei hei", "kiitos", "kiitti", "kiitos paljon", "heippa"),
        FINNISH,
    ),
    **dict.fromkeys(
        ("hej", "hejsan", "tjena", "tack", "tack så mycket", "tack tack", "hej då", "god dag"),
        SWEDISH,
    ),
    **dict.fromkeys(
        ("hi", "hello", "thanks", "thank you", "thank you so much", "bye", "goodbye", "hi there"),
        ENGLISH,
    ),
}

# Names of the languages in the three languages, as people ask for them.
_NAMES = {
    SWEDISH: r"svenska|på svenska|swedish|in swedish|ruotsi(?:a|ksi)?|ruottiks|ruotsin kielellä",
    ENGLISH: r"english|in english|engelska|på engelska|englanti(?:a|ksi)?|enkuks|englanniksi",
    FINNISH: r"finnish|in finnish|finska|på finska|suomi(?:ksi)?|suomeksi|suomea|suomeks",
}
_NAME_PATTERNS = {
    code: re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.IGNORECASE) for code, names in _NAMES.items()
}
# Words that make a language name a request to use that language, not a mention of it.
_REQUEST = re.compile(
    r"(?<!\w)(?:på|in|kan du|can you|could you|do you|talar du|pratar du|speak|svara|answer|"
    r"reply|write|skriv|please|tack|puhu|puhutko|puhua|vastaa|vastata|vastaisitko|voitko|"
    r"voisitko|osaatko|kirjoita|kiitos|jatketaan|continue|fortsätt|byt|switch|change|vaihda)"
    r"(?!\w)",
    re.IGNORECASE,
)
#: A request is short: a language name in a long story is a mention ("the Swedish name").
MAX_REQUEST_WORDS = 9


@dataclass(frozen=True)
class LanguageReading:
    """What one message says about the conversation's language.

    `requested` is a language the person asks for; `written` the language the message is
    clearly written in; either may be None.
    """

    requested: Optional[str]
    written: Optional[str]

    @property
    def language(self) -> Optional[str]:
        """The language the conversation should continue in after this message, if it says."""
        return self.requested or self.written


def words_of(text: str) -> list:
    return _WORD.findall(text.lower())


def requested_language(text: str) -> Optional[str]:
    """The language a short request asks for ("kan du svara på svenska?"), if any."""
    text = _DOTTED.sub(" ", text)  # "hjälp med suomi.fi" names the service, not Finnish
    words = words_of(text)
    if not words or len(words) > MAX_REQUEST_WORDS:
        return None
    named = [code for code, pattern in _NAME_PATTERNS.items() if pattern.search(text)]
    if len(named) != 1:
        return None  # none, or "not in Finnish but in Swedish": left to the written language
    # A bare name ("svenska", "English?") is a request too: an answer to "which language?".
    if len(words) <= 2 or _REQUEST.search(text):
        return named[0]
    return None


@lru_cache(maxsize=1)
def _detector() -> Any:
    """Lingua over the three languages, models loaded once (they ship with the package)."""
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.FINNISH, Language.SWEDISH, Language.ENGLISH)
        .with_preloaded_language_models()
        .build()
    )


def confidences(text: str) -> dict:
    """Lingua's confidence per language code for the text."""
    return {
        value.language.iso_code_639_1.name.lower(): value.value
        for value in _detector().compute_language_confidence_values(text)
    }


def without_names(text: str) -> str:
    """The text without place names, web addresses and the names of Finnish services."""
    from bot.places import get_index

    for match in sorted(get_index().find_in_text(text), key=lambda m: m.start, reverse=True):
        text = text[: match.start] + " " + text[match.end :]
    return " ".join(
        chunk
        for chunk in text.split()
        if re.sub(r"\W", "", chunk.lower()) not in NAMES_IN_EVERY_LANGUAGE
        and not re.search(r"\.\w", chunk)
    )


def written_language(text: str) -> Optional[str]:
    """The language the message is clearly written in, or None when it does not say."""
    words = words_of(text)
    if not words:
        return None
    short = " ".join(words)
    if short in SHORT_MESSAGES:
        return SHORT_MESSAGES[short]
    rest = without_names(text)
    if len(words_of(rest)) < MIN_WORDS:
        return None
    ranked = sorted(confidences(rest).items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= MIN_CONFIDENCE and top - second >= MIN_LEAD:
        return best
    return None


_PLACEHOLDER = re.compile("|".join(re.escape(text) for text in PLACEHOLDERS.values()))


def read_language(text: str) -> LanguageReading:
    """What the message says about the language: asked for, written in, or nothing."""
    persons_words = _PLACEHOLDER.sub(" ", text)
    return LanguageReading(
        requested=requested_language(persons_words), written=written_language(persons_words)
    )


def normalise(code: Any) -> Optional[str]:
    """A language code from a page or widget ("sv-FI", "EN") as one of ours, or None."""
    if not isinstance(code, str):
        return None
    short = code.strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else None
