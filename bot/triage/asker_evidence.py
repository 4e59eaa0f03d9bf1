"""Whether a message's words back the classifier's guess of who is asking.

WHY: the asker classifier learns word weights, so a story dense with illness words ("kädet
tärisee parkinsonin takia") can look like an advisor's note about a client, and a later reply
about the relative ("kyl se verkkopankkia käyttää joka päivä") can look like the writer's own
need. Both guesses contradict what the words plainly say: an advisor names a client or their
own role, and a person who corrects a relative into themself speaks in the first person. The
classifier stays the judge wherever the words leave room; these checks only stop a guess the
words rule out, and one they plainly state: a story that opens with a close person as its
subject ("mummo haluis nähdä…", "mun mies klikkas…") is a relative's, whoever else it mentions.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from bot.language import get_analyzer
from bot.triage.asker_cues import (
    CLIENT,
    CLOSE_PERSON,
    FIRST_PERSON,
    HELPER_ROLE,
    analyse_word,
    message_cues,
)
from bot.triage.asker_cues import Word as CueWord
from bot.triage.words import Word, words_of

ADVISOR, RELATIVE, SELF = "advisor", "relative", "self"
_WORD = re.compile(r"\w+")


def analysed(text: str) -> List[CueWord]:
    """The words of `text` as bot.triage.asker_cues reads them, analysed once for every check."""
    analyzer = get_analyzer()
    return [analyse_word(analyzer, word) for word in _WORD.findall(text.lower())]


#: Helpers by trade or role that bot.triage.asker_cues does not list, and first-person verbs of
#: helping: "olen kansalaisopiston opettaja", "autan yhtä nuorta", "ohjaan asiakasta".
MORE_ROLES = frozenset({"opettaja", "tukihenkilö", "kurssilainen", "tukija", "vertaistukija"})
HELPING_VERBS = frozenset({"auttaa", "neuvoa", "ohjata", "opastaa", "tukea"})
#: A close person who used to do it for the writer: "mun mies hoiti aina laskut", "äiti auttoi".
USED_TO_HELP = ("hoit", "autt")
#: Words that may stand before the subject: "mun mies", "no meidän äiti", "siis isä".
_OPENERS = frozenset({"mun", "minun", "meidän", "meiän", "no", "siis", "ja", "nyt", "hei", "moi"})
NOMINATIVE = "nimento"
GENITIVE = "omanto"
#: A close person who tells, sends or gives the writer something is not the one in need:
#: "tytär laitto viestin…", "poika sano et mun pitäis…", "äiti osti mulle tabletin". Verb
#: starts, as chat forms ("laitto", "pyys") are often unknown to Voikko.
TO_THE_WRITER = (
    "laitt", "lähett", "soitt", "pyy", "kirjoit", "kirjot", "sano", "kerto", "kerro", "neuvo",
    "käsk", "ehdott", "anto", "anta", "ost", "suosit", "tekstas", "tekstat", "viesti", "lahjoit",
)  # fmt: skip


#: What the close person sent or told the writer, or the writer as the recipient.
MESSAGES = ("viest", "tekstar", "whatsap", "sähköpost", "meili", "kirje", "linkki")
RECIPIENT = frozenset({"mulle", "minulle", "mua", "minua", "mun", "minun", "meille", "meitä"})


def _to_me(words: Sequence[Word]) -> bool:
    """ "laitto mulle", "laitto whatsappiin viestin": sent to the writer, not "laitto
    korttinsa numerot johonki sivulle" (did it herself)."""
    return any(w.surface in RECIPIENT or w.starts_with(MESSAGES) for w in words)


def opens_with_close_person(text: str) -> bool:
    """Whether the message's first words make a close person its subject: "mummo haluis…",
    "mun mies klikkas…", "äitini ei osaa…"; not "äidille pitäis…" (not the subject)."""
    analyzer = get_analyzer()
    words = _WORD.findall(text.lower())
    for index, word in enumerate(words[:3]):
        if word in _OPENERS:
            continue
        subject = _reads_in_case(word, NOMINATIVE)
        after = words_of(" ".join(words[index + 1 : index + 5]))
        tells = after[:1] != [] and after[0].starts_with(TO_THE_WRITER) and _to_me(after)
        helped = any(verb.past and verb.starts_with(USED_TO_HELP) for verb in after)
        close_person = analyse_word(analyzer, word).names_close_person
        return subject and close_person and not (tells or helped)
    return False


def names_helper(words: Sequence[CueWord]) -> bool:
    """A helper's role or a first-person verb of helping ("autan", "ohjaan") among `words`."""
    return any(
        word.base in MORE_ROLES
        or (word.parts and word.parts[-1] in MORE_ROLES)
        or (word.first_person_verb and word.base in HELPING_VERBS)
        for word in words
    )


#: First-person past acts of giving something away: "annoin", "laitoin", "painoin", "hyväksyin".
WRITER_GAVE = frozenset(
    {
        "annoin", "antoin", "laitoin", "painoin", "painelin", "klikkasin", "klikkailin",
        "näppäilin", "syötin", "kerroin", "kirjotin", "kirjoitin", "hyväksyin", "vahvistin",
        "asensin", "latasin",
    }
)  # fmt: skip
#: Someone else named by a pronoun: "voinko hoitaa hänen asiansa" is about that person.
THIRD_PERSON = frozenset({"hän", "hänen", "häntä", "hänet", "hänelle", "hänellä", "häneltä"})


def writer_gave_it_away(text: str) -> bool:
    """ "annoin jollekin koodin", "painoin linkkiä": the writer did it, so it is the writer's."""
    return bool(WRITER_GAVE.intersection(_WORD.findall(text.lower())))


def weigh_relative(stated: str, text: str) -> str:
    """A first message guessed to be a relative's that names nobody else and speaks in the first
    person ("voiko siellä joku tehdä sen päivityksen mun puolesta? asun lappeenrannas"), or
    tells what the writer gave away ("annoin jollekin koodin… nyt mun kaverit saa viestejä"),
    is the writer's own."""
    if THIRD_PERSON.intersection(_WORD.findall(text.lower())):
        return stated
    words = analysed(text)
    cues = message_cues(words)
    if FIRST_PERSON in cues and not cues & {CLOSE_PERSON, CLIENT}:
        return SELF
    if writer_gave_it_away(text) and not opens_with_close_person(text):
        return stated if _close_persons_thing(text) else SELF
    return stated


def _close_persons_thing(text: str) -> bool:
    """ "annoin isän koodit": a close person in the genitive owns what was given away."""
    analyzer = get_analyzer()
    return any(
        _reads_in_case(word, GENITIVE) and analyse_word(analyzer, word).names_close_person
        for word in _WORD.findall(text.lower())
    )


def _reads_in_case(word: str, case: str) -> bool:
    """Whether Voikko reads the (chat-form) word in `case` in any of its readings."""
    analyzer = get_analyzer()
    readings = analyzer.analyses(analyzer.standard_form(word))
    return any(reading.get("SIJAMUOTO") == case for reading in readings)


def weigh_asker(previous: Optional[str], stated: Optional[str], text: str) -> Optional[str]:
    """The asker this message states once its words are weighed in; None: it states none.

    - A first message guessed to be a relative's is the writer's own when it names no one else
      in the first person, or tells what the writer gave away.
    - A first message that opens with a close person as its subject is a relative's.
    - An advisor is someone who names a client or a helper's role; a first-person story that
      names neither is the writer's own.
    - A relative or an advisor already known becomes "self" only in the first person and
      without a close person named: "se käyttää sitä joka päivä" is still about the relative.
    """
    if stated == RELATIVE and previous is None:
        return weigh_relative(stated, text)
    if stated not in (ADVISOR, SELF):
        return stated
    if stated == SELF and previous is None and opens_with_close_person(text):
        return RELATIVE
    words = analysed(text)
    cues = message_cues(words)
    if stated == ADVISOR and not cues & {CLIENT, HELPER_ROLE} and not names_helper(words):
        return SELF if FIRST_PERSON in cues and CLOSE_PERSON not in cues else stated
    if stated == SELF and previous in (RELATIVE, ADVISOR):
        if FIRST_PERSON not in cues or CLOSE_PERSON in cues:
            return None
    return stated
