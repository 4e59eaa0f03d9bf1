"""The services a message names, weighed against the classifier's guess of its topic.

WHY: the topic classifier reads the whole message as a bag of words, so in a long story the
problem's service can lose to the words around it: "mulla on kysyttävää siitä mobiilivarmenteesta"
with "soittaa" and "viestejä" was read as a scam, a tablet that will not start as public
e-services because it was bought for Yle Areena. People name the service their problem is about
("omakanta", "mobiilivarmenne", "valtuutus"), in lower case and inflected, and that name is
better evidence than any word around it. A name is also the best sign that a later message is
still about the same problem ("en oo ikinä käyttäny omakantaa, pankkitunnarit kyl on") and not
about whatever else it mentions in passing.

Two kinds of mention are not evidence of the problem:
- a service the person says they manage ("käytän kyl puhelinta joka päivä ja pankkiakin",
  "osaan käyttää suomi.fi sivuja"): that tells the need level, not the topic;
- the device a service is used on ("pankin sovellus puhelimessa"): the service is the topic
  whenever one is named; the device is the topic only when nothing else is.

The rules (``weigh_topic``) only ever choose between what the classifier said, what the message
names and what was already known; they never invent a topic from nothing but a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Optional, Sequence, Set, Tuple

from bot.triage.contrast import rejected_spans
from bot.triage.words import NEGATIONS, Word, words_of

DEVICE = "device"
SECURITY = "security"

#: Word starts that name a topic's service, matched on the lower-case word and its base form.
#: Chosen so that one stem names one topic: "pankkitunnu" is identification, "verkkopank" banking.
TOPIC_STEMS: Dict[str, Tuple[str, ...]] = {
    "banking": (
        "verkkopank", "nettipank", "mobiilipank", "pankkisovel", "pankkiappi", "pankkiasi",
        "lasku", "e-lasku", "elasku", "tilisiir", "tiliote", "eräpäiv", "maksupalv",
    ),
    "identification": (
        "pankkitunnu", "pankkitunnar", "mobiilivarm", "varmen", "tunnuslu", "tunnistau",
        "tunnistus", "tunnistaut", "henkilökort", "sirukort", "tunnuslukusovel",
    ),
    "suomifi_messages": ("viranomaisviest", "suomifiviest"),
    "authorizations": ("valtuu", "valtakirj", "edunvalv", "asiointivaltuu"),
    "e_services": (
        "omakan", "omakela", "kela", "omavero", "verottaj", "veroilmo", "verokort", "veronpalau",
        "verohallin", "resept", "te-palvel", "työmarkkinator", "asumistu", "eläkehakem",
        "hakemu", "ajanvarau", "traficom", "toimeentulotu", "etuus", "etuud", "etuut",
    ),
    "communication": (
        "sähköpost", "sposti", "meili", "gmail", "outlook", "hotmail", "whatsap", "whatsup",
        "watsap", "wattsap", "vatsap", "videopuhel", "facebook", "messenger", "instagram",
        "tekstivies", "tekstari",
    ),
    SECURITY: (
        "huija", "kalastel", "tietojenkalast", "virus", "hakker", "haittaohj", "epäilyttäv",
        "feikki", "valepoliis", "rikosilmo", "tietoturv", "kaapat", "kaappa",
    ),
    DEVICE: (
        "puhelin", "puhelim", "kännyk", "kännä", "älypuhel", "tabletti", "tabletin", "tabletil",
        "ipad", "iphone", "android", "tietokon", "läppär", "näyttö", "laturi", "akku",
        "laite", "laitte", "päivity", "wifi", "modeemi", "reititin", "tulostin",
    ),
}  # fmt: skip
#: Exact base forms that name a topic but whose stems would catch other words.
TOPIC_BASES: Dict[str, FrozenSet[str]] = {
    "banking": frozenset({"pankki"}),
    DEVICE: frozenset({"kone"}),
}
#: Several words: "suomi.fi viestit", "suomi fi -viesti", "oma kanta".
TOPIC_PHRASES: Dict[str, re.Pattern] = {
    "suomifi_messages": re.compile(r"suomi\W{0,2}fi\W{0,3}viest", re.IGNORECASE),
    "e_services": re.compile(r"\boma\s+kanta|kanta\.fi", re.IGNORECASE),
}
#: Forms of help that start like a device ("puhelinneuvonta" is a way to be helped).
NOT_DEVICE = (
    "puhelinnum",
    "puhelinneuvo",
    "puhelinpalvel",
    "puhelinapu",
    "puhelinaik",
    "puhelimitse",
)

# Saying one manages something: an ability verb, or "käyttää" with a word that affirms it.
ABILITY_FORMS = frozenset(
    {"osaan", "osaa", "osataan", "osaavat", "pärjään", "pärjää", "hallitsen", "hallitsee"}
)
USE_BASE = "käyttää"
AFFIRMERS = frozenset({"kyl", "kyllä", "joka", "päivittäin", "hyvin", "sujuvasti", "aina"})
#: Verbs of wanting to learn: beside them, a service merely used is the setting, not the need
#: ("käyttää verkkopankkia, haluaa oppia omakannan").
LEARNING = frozenset({"oppia", "opetella", "opettaa", "opastaa"})
# Lacking a device is a circumstance (the need level), not a problem with one: "ei mitään
# laitteita", "ei oo tietokonetta", "en omista älypuhelinta".
HAVING = frozenset({"olla", "oo", "ole", "omistaa", "omista", "mitään"})
BE = frozenset({"olla", "oo", "ole", "on"})
# "etten" and "ettei" say "that I/he do not": a negation as much as "en".
CLAUSE_NEGATIONS = NEGATIONS | {"etten", "ettei"}
# Commas too: "kyl se verkkopankkia käyttää joka päivä, ei vaan tajunnu tätä" manages the bank.
_CLAUSE_BREAK = re.compile(r"[,;:.!?]+(?=\s|$)|\n+|\b(?:mut|mutta|vaan|ku|kun|koska)\b")

# A classifier guess needs at least this probability to move a topic already known when the
# message names no service of it: a weaker guess is a passing word, not a new problem.
CHANGE_WITHOUT_NAME = 0.8


@dataclass(frozen=True)
class NamedTopics:
    """The topics a message names as its problem, and those it names as managed."""

    named: FrozenSet[str]
    managed: FrozenSet[str]

    @property
    def services(self) -> FrozenSet[str]:
        """What the message names, the device dropped when a service is named too."""
        services = self.named - {DEVICE}
        return services if services else self.named


def word_topic(word: Word) -> Optional[str]:
    """The topic one word names, if any."""
    if word.surface.startswith(NOT_DEVICE):
        return None
    for topic, stems in TOPIC_STEMS.items():
        if word.starts_with(stems):
            return topic
    for topic, bases in TOPIC_BASES.items():
        if word.is_(bases):
            return topic
    return None


def _is_negated(words: Sequence[Word]) -> bool:
    return any(word.surface in CLAUSE_NEGATIONS for word in words)


def _is_managed(words: Sequence[Word]) -> bool:
    """ "osaan käyttää puhelinta", "käytän kyl pankkiakin": said without a negation."""
    if _is_negated(words):
        return False
    if any(word.surface in ABILITY_FORMS for word in words):
        return True
    uses = any(USE_BASE in word.bases for word in words)
    return uses and any(word.surface in AFFIRMERS for word in words)


def _named_in(words: Sequence[Word]) -> Set[str]:
    """Topics the words name, except those a negation sets aside ("eikä pankki", "ei se oo
    pankki"): a negation that reaches the name without another verb between rejects it, while
    "en saa verkkopankkia auki" names the problem."""
    topics = set()
    for index, word in enumerate(words):
        topic = word_topic(word)
        if topic and not _set_aside(words[max(0, index - 3) : index]):
            topics.add(topic)
    return topics


def _set_aside(before: Sequence[Word]) -> bool:
    for word in reversed(before):
        if word.surface in CLAUSE_NEGATIONS:
            return True
        if word.verb and not word.is_(BE):
            return False
    return False


def _lacks_something(words: Sequence[Word]) -> bool:
    return _is_negated(words) and any(word.is_(HAVING) for word in words)


def _unrejected(text: str) -> str:
    """The text with what a contrast rejects blanked out ("ei [pankki] vaan kela")."""
    for start, end in rejected_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def named_topics(text: str) -> NamedTopics:
    """The topics `text` names, clause by clause, outside what a contrast rejects."""
    named: Set[str] = set()
    managed: Set[str] = set()
    used: Set[str] = set()
    learned: Set[str] = set()
    for clause in _CLAUSE_BREAK.split(_unrejected(text).lower()):
        words = words_of(clause)
        topics = _named_in(words)
        topics |= {topic for topic, phrase in TOPIC_PHRASES.items() if phrase.search(clause)}
        if DEVICE in topics and _lacks_something(words):
            topics.discard(DEVICE)
        (managed if _is_managed(words) else named).update(topics)
        if not _is_negated(words) and any(USE_BASE in word.bases for word in words):
            used |= topics
        if any(word.is_(LEARNING) for word in words):
            learned |= topics
    if learned - used:
        # What is to be learned is the need; what is used already is where the person stands.
        managed |= used - learned
        named -= used - learned
    return NamedTopics(frozenset(named), frozenset(managed - named))


def weigh_topic(
    previous: Optional[str],
    stated: Optional[str],
    confidence: float,
    names: NamedTopics,
) -> Optional[str]:
    """The topic this message states once what it names is weighed in; None: it states none.

    A guess of at least CHANGE_WITHOUT_NAME is sure; a weaker one is a hint.
    1. A known topic the message still names stays: other names in it are passing words.
    2. A new topic the message names only as something the person manages is no new problem
       ("käytän kyl pankkiakin"); in a first message it is the problem's setting ("käytän
       sähköpostia joka päivä mutta en osaa liittää kuvaa"), so it stands there.
    3. One service named, and the guess is another but only a hint, or nothing: the service.
       The device is weaker evidence: it only corrects a hint in a first message, never fills
       in a topic nobody guessed nor replaces a known one ("haluun sittenkin puhelimessa").
    4. A known topic is not moved by a hint that names no service of its own.
    """
    services = names.services
    sure = confidence >= CHANGE_WITHOUT_NAME
    if previous is not None and previous in services:
        return previous
    if previous is not None and stated in names.managed and stated not in names.named:
        stated = None
    only = next(iter(services)) if len(services) == 1 else None
    # A scam names the service it abuses ("sähköposti jossa väitetään että tili suljetaan"):
    # a guess of a scam is never traded for the service, as the urgent steps depend on it.
    # A sure guess of something the message says is managed is still not the need.
    guess_stands = stated and sure and stated not in names.managed
    if only and stated != only and stated != SECURITY and not guess_stands:
        if only != DEVICE or (previous is None and stated is not None):
            return only
    if previous is not None and stated not in (None, previous) and stated not in services:
        return stated if sure else None
    return stated
