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

A Swedish or English conversation names its services in its own words ("nätbanken", "bank
codes", "mobilcertifikat") and in Finnish ("omakanta", "mobiilivarmenne"), and says what it
manages its own way ("min mobil fungerar bra", "i use my phone every day no problem"): its
reading (cue tables TOPIC_STEMS, MANAGED, BASIC_USE of bot/triage/cues_sv.py and cues_en.py,
matched on lower-case words as bot/triage/foreign.py does) feeds the same ``weigh_topic``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from bot.triage import foreign
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


@dataclass(frozen=True)
class _Clause:
    """What one clause names, and how it speaks of it."""

    topics: FrozenSet[str]
    managed: FrozenSet[str]  # of `topics`, those the clause says the person manages
    used: bool  # it says they are used, without a negation
    learned: bool  # it speaks of learning them


def named_topics(text: str, language: Optional[str] = None) -> NamedTopics:
    """The topics `text` names, clause by clause, outside what a contrast rejects.

    `language`: the conversation's; "sv" and "en" are read with their cue tables, anything else
    as Finnish."""
    table = foreign.cues(language)
    clauses = _finnish_clauses(text) if table is None else _foreign_clauses(text, table)
    return _combined(clauses)


def _combined(clauses: Iterable[_Clause]) -> NamedTopics:
    named: Set[str] = set()
    managed: Set[str] = set()
    used: Set[str] = set()
    learned: Set[str] = set()
    for clause in clauses:
        managed |= clause.managed
        named |= clause.topics - clause.managed
        if clause.used:
            used |= clause.topics
        if clause.learned:
            learned |= clause.topics
    if learned - used:
        # What is to be learned is the need; what is used already is where the person stands.
        managed |= used - learned
        named -= used - learned
    return NamedTopics(frozenset(named), frozenset(managed - named))


def _phrase_topics(clause: str) -> Set[str]:
    return {topic for topic, phrase in TOPIC_PHRASES.items() if phrase.search(clause)}


def _finnish_clauses(text: str) -> Iterator[_Clause]:
    for clause in _CLAUSE_BREAK.split(_unrejected(text).lower()):
        words = words_of(clause)
        topics = _named_in(words) | _phrase_topics(clause)
        if DEVICE in topics and _lacks_something(words):
            topics.discard(DEVICE)
        yield _Clause(
            topics=frozenset(topics),
            managed=frozenset(topics) if _is_managed(words) else frozenset(),
            used=not _is_negated(words) and any(USE_BASE in word.bases for word in words),
            learned=any(word.is_(LEARNING) for word in words),
        )


# ------------------------------------------------------------------ Swedish and English
# Sentence punctuation and commas end a clause; "suomi.fi" keeps its dot.
_FOREIGN_BREAK = re.compile(r"[,;:.!?]+(?=\s|$)|\n+")


def _foreign_clauses(text: str, table: ModuleType) -> Iterator[_Clause]:
    after_managed = False
    for part in _FOREIGN_BREAK.split(text):
        part_words = foreign.tokens(part)
        # "har en telefon men bara för att ringa", "has a phone but only calls with it".
        basic_use = _said(part_words, table.BASIC_USE, table)
        for words, turned in _foreign_clause_words(part_words, table):
            if turned and after_managed and words[0] in table.NEGATIONS and len(words) > 1:
                # "hon kan använda mobilen men inte nätbanken": what she cannot is the problem.
                words = words[1:]
            topics = _foreign_named_in(words, table) | _phrase_topics(" ".join(words))
            after_managed = _said(words, table.MANAGED, table)
            if after_managed:
                managed = topics
            else:
                managed = topics & {DEVICE} if basic_use else set()
            yield _Clause(
                topics=frozenset(topics),
                managed=frozenset(managed),
                used=foreign.has(words, table.USING)
                and not any(word in table.NEGATIONS for word in words),
                learned=foreign.has(words, table.LEARNING),
            )


def _foreign_clause_words(
    words: Sequence[str], table: ModuleType
) -> Iterator[Tuple[List[str], bool]]:
    """The words of each clause, cut at TOPIC_CLAUSE_BREAKS, and whether the clause turns from
    the one before ("but", "men")."""
    clause: List[str] = []
    turned = False
    for word in words:
        if word in table.TOPIC_CLAUSE_BREAKS:
            if clause:
                yield clause, turned
            clause, turned = [], True
        else:
            clause.append(word)
    if clause:
        yield clause, turned


@cache
def _foreign_stems(table: ModuleType) -> Dict[str, Tuple[str, ...]]:
    """The table's cues of each topic and the Finnish names as cues: a Swedish or English
    speaker writes "omakanta", "mobiilivarmenne" and "kela" too."""
    return {
        topic: (
            *table.TOPIC_STEMS.get(topic, ()),
            *(f"{stem}*" for stem in TOPIC_STEMS.get(topic, ())),
            *TOPIC_BASES.get(topic, ()),
        )
        for topic in dict.fromkeys((*table.TOPIC_STEMS, *TOPIC_STEMS))
    }


@cache
def _foreign_not_device(table: ModuleType) -> Tuple[str, ...]:
    """Cues of a way to be helped that name a device: "telefonnumret", "by phone", "screen
    sharing" are no device problem."""
    return (
        *table.NOT_DEVICE,
        *table.FORMS["phone"],
        *table.FORMS["remote"],
        *(f"{stem}*" for stem in NOT_DEVICE),
    )


#: A name cue: the alternative of its first word, the cue, its topic and its length.
_Head = Tuple[str, str, str, int]


@cache
def _foreign_heads(table: ModuleType) -> Dict[str, Tuple[_Head, ...]]:
    """Every name cue by the first two letters of its first word's alternatives, so that a
    word is tried only against the cues that may start with it."""
    heads: Dict[str, List[_Head]] = {}
    for topic, cue_list in _foreign_stems(table).items():
        for cue in cue_list:
            length = len(cue) - cue.count("*")
            for alternative in cue.split()[0].split("/"):
                heads.setdefault(alternative[:2], []).append((alternative, cue, topic, length))
    return {key: tuple(found) for key, found in heads.items()}


def _foreign_names(words: Sequence[str], table: ModuleType) -> Dict[int, str]:
    """The topic each word names. The most specific cue covering a word wins it, more words
    first, then a longer cue: "bank codes" is identification, "nätbankskoder" not banking."""
    best: Dict[int, Tuple[Tuple[int, int], str]] = {}
    heads = _foreign_heads(table)
    for start, word in enumerate(words):
        for alternative, cue, topic, length in heads.get(word[:2], ()):
            if not foreign.is_word(word, (alternative,)):
                continue
            ends = [start + 1] if " " not in cue else _ends_from(words, start, cue)
            for end in ends:
                for index in range(start, end):
                    if index not in best or (end - start, length) > best[index][0]:
                        best[index] = ((end - start, length), topic)
    return {index: topic for index, (_weight, topic) in best.items()}


def _ends_from(words: Sequence[str], start: int, cue: str) -> List[int]:
    """Where the matches of `cue` that start at `start` end."""
    tail = words[start : start + 12]
    return [start + end for begin, end in foreign.spans(tail, (cue,)) if begin == 0]


def _foreign_named_in(words: Sequence[str], table: ModuleType) -> Set[str]:
    """Topics the words name, except what a negation sets aside and a device that is a way to
    be helped or one the person lacks ("ingen dator", "doesnt have a smartphone")."""
    names = _foreign_names(words, table)
    helped_by = {
        index
        for start, end in foreign.spans(words, _foreign_not_device(table))
        for index in range(start, end)
    }
    topics = set()
    for index, topic in names.items():
        if topic == DEVICE and (index in helped_by or _foreign_lacks(words, index, table)):
            continue
        if not _foreign_set_aside(words, index, names, table):
            topics.add(topic)
    return topics


def _foreign_set_aside(
    words: Sequence[str], index: int, names: Dict[int, str], table: ModuleType
) -> bool:
    """ "det är inte banken utan fpa", "its not the bank": a negation before the name with at
    most two DETERMINERS between. Where the negation follows the verb (Swedish: "hittar ja int
    kontoutdraget" names the problem), only at a clause's start, after another name or after
    a word of SET_ASIDE_AFTER."""
    position = index - 1
    while position >= 0 and names.get(position) == names[index]:
        position -= 1  # the name's own first words: "online [bank]"
    for _filler in range(2):
        if position >= 0 and words[position] in table.DETERMINERS:
            position -= 1
    if position < 0 or words[position] not in table.NEGATIONS:
        return False
    before = position - 1
    return (
        not table.NEGATION_AFTER
        or before < 0
        or before in names
        or words[before] in table.SET_ASIDE_AFTER
    )


def _foreign_lacks(words: Sequence[str], index: int, table: ModuleType) -> bool:
    """A lack ("har ingen", "doesnt have") at most two words before the device, none of them
    a word of experience ("has never used a computer" lacks experience, not the device)."""
    return any(
        0 <= index - end <= 2
        and not any(foreign.is_word(word, table.NOT_POSSESSION) for word in words[end:index])
        for _start, end in foreign.spans(words, table.LACKING)
    )


def _said(words: Sequence[str], cue_list: Iterable[str], table: ModuleType) -> bool:
    """A cue said without a negation before it or inside it ("jag kan inte använda")."""
    return any(
        not foreign.negated_by(words, start, table)
        and not any(word in table.NEGATIONS for word in words[start + 1 : end])
        for start, end in foreign.spans(words, cue_list)
    )


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
