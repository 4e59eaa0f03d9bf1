"""Word classes that tell whose need a message is about: mine, a close person's or a client's.

WHY: the asker classifier learns from word forms and base forms, so a kin word it has seen twice
("appiukko", "veli") carries little weight, and "mun" is learnt as a sign of a relative because
relatives are so often written "mun äiti". Grouping the words into a few classes lets every kin
word, client word and first-person form share what the others taught, and separates "mun äiti"
(a close person of mine) from "mun puhelin" (a thing of mine).

These are features for the classifier, not rules: "äitini auttoi minua" names a mother but is
the writer's own need, and only the learnt weights can balance such evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from bot.language.voikko import FinnishAnalyzer

#: Family members, friends and neighbours: the people a relative asks for.
CLOSE_PEOPLE = frozenset(
    {
        "äiti", "äippä", "äiskä", "mutsi", "isä", "iskä", "isi", "faija", "fatsi",
        "mummo", "mummi", "mumma", "mummu", "isoäiti", "isomummo", "mamma",
        "pappa", "vaari", "ukki", "isoisä",
        "veli", "velipoika", "isoveli", "pikkuveli", "sisko", "isosisko", "pikkusisko", "sisar",
        "siskonpoika", "veljenpoika",
        "puoliso", "mies", "vaimo", "avomies", "avovaimo", "aviomies", "aviopuoliso",
        "kumppani", "elämänkumppani",
        "poika", "tytär", "lapsi", "lapsenlapsi", "lastenlapsi", "tyttärentytär", "pojanpoika",
        "täti", "setä", "eno", "serkku", "kummi", "kummitäti", "kummisetä",
        "anoppi", "appiukko", "appivanhempi", "miniä", "vävy", "käly", "lanko",
        "naapuri", "naapurinrouva", "naapurinmies", "kaveri", "ystävä", "tuttu", "tuttava",
        "omainen", "läheinen", "sukulainen", "vanhempi", "isovanhempi",
    }
)  # fmt: skip

#: Compound parts that name a close person whatever precedes them ("isomummo", "kummitäti").
#: Words that also end job titles or app names ("virkamies", "pankkiappi") are left out.
CLOSE_PERSON_PARTS = frozenset(
    {"äiti", "isä", "mummo", "mummi", "pappa", "vaari", "veli", "sisko", "sisar", "naapuri",
     "täti", "setä", "eno", "anoppi", "kummi", "serkku", "lapsenlapsi"}
)  # fmt: skip

#: The people an advisor helps.
CLIENT_WORDS = frozenset({"asiakas", "kuntalainen", "asukas", "ohjattava", "kävijä", "potilas"})

#: Workplaces and roles of people who help clients as their work or as volunteers.
HELPER_ROLES = frozenset(
    {
        "kirjasto", "kirjastovirkailija", "kirjastonhoitaja", "palvelupiste", "asiointipiste",
        "virkailija", "neuvoja", "palveluneuvoja", "digineuvoja", "digituutori", "digitukija",
        "digitukihenkilö", "digiopastaja", "opastaja", "ohjaaja", "sosiaaliohjaaja",
        "sosiaalityöntekijä", "kotihoito", "hoitaja", "lähihoitaja", "sairaanhoitaja",
        "vapaaehtoinen", "vapaaehtoistyö", "diakoni", "diakonissa", "diakoniatyö",
        "diakoniatyöntekijä", "työntekijä", "työskennellä", "järjestö", "yhdistys",
    }
)  # fmt: skip

FIRST_PERSON_PRONOUN = "minä"
#: Verbs and the negation verb ("en osaa"), whose person ending says who acts.
VERB_CLASSES = frozenset({"teonsana", "kieltosana"})
THIRD_PERSON_PRONOUNS = frozenset({"hän", "he"})
OWN = frozenset({"oma", "itse"})

# The cue names, in the order of the feature vector.
CLOSE_PERSON = "close_person"
MY_CLOSE_PERSON = "my_close_person"
CLIENT = "client"
HELPER_ROLE = "helper_role"
FIRST_PERSON = "first_person"
MY_THING = "my_thing"
THIRD_PERSON = "third_person"
CUES: Tuple[str, ...] = (
    CLOSE_PERSON,
    MY_CLOSE_PERSON,
    CLIENT,
    HELPER_ROLE,
    FIRST_PERSON,
    MY_THING,
    THIRD_PERSON,
)
CUE_INDEX: Dict[str, int] = {cue: index for index, cue in enumerate(CUES)}

#: Chat words for kin that Voikko does not know in every case ("äiskälle", "mummalla").
SLANG_KIN = ("äiskä", "äippä", "mutsi", "faija", "fatsi", "iskä", "mumma", "mummu", "isi")
_MAX_ENDING = 5  # "-ltakin" is longer, but case endings with a clitic are rare in chat

# A genitive "mun"/"minun" owns what follows it within this many words ("mun vanha puhelin").
_OWNER_REACH = 2


@dataclass(frozen=True)
class Word:
    """What the cues need to know of one word."""

    base: str
    parts: Tuple[str, ...] = ()
    #: Every base form Voikko allows ("vanhempien" is both "older" and "parents").
    readings: Tuple[str, ...] = ()
    first_person_possessive: bool = False
    first_person_verb: bool = False
    is_noun: bool = False

    @property
    def names_close_person(self) -> bool:
        return (
            self.base in CLOSE_PEOPLE
            or any(reading in CLOSE_PEOPLE for reading in self.readings)
            or any(part in CLOSE_PERSON_PARTS for part in self.parts)
        )

    @property
    def names_client(self) -> bool:
        return self.base in CLIENT_WORDS or (bool(self.parts) and self.parts[-1] in CLIENT_WORDS)

    @property
    def names_helper_role(self) -> bool:
        return self.base in HELPER_ROLES or (bool(self.parts) and self.parts[-1] in HELPER_ROLES)

    @property
    def is_my(self) -> bool:
        """ "minun"/"mun", the genitive that makes the next words mine."""
        return self.base == FIRST_PERSON_PRONOUN and not self.first_person_verb


def analyse_word(analyzer: FinnishAnalyzer, text: str, base: Optional[str] = None) -> Word:
    """The Word for a token, its colloquial form read as standard Finnish ("mulla" -> "minulla").

    `base` is the lemma a tokenizer already chose; Voikko's own best base is used otherwise.
    """
    standard = analyzer.standard_form(text)
    analyses = analyzer.analyses(standard)
    # The verb person comes from the best reading only: "puhelin" is a phone, though Voikko
    # also reads it as "I was chatting". A possessive reading counts even when it is not the
    # best one, because best_analysis deliberately ranks possessive readings last.
    best = analyzer.best_analysis(standard) or {}
    readings = tuple(a.get("BASEFORM", "").lower() for a in analyses)
    return Word(
        base=(base or analyzer.base_form(text)).lower(),
        readings=readings or _slang_kin_stem(standard),
        parts=tuple(analyzer.compound_parts(text)),
        first_person_possessive=any(a.get("POSSESSIVE") == "1s" for a in analyses),
        first_person_verb=(
            best.get("CLASS") in VERB_CLASSES
            and best.get("PERSON") == "1"
            and best.get("NUMBER") == "singular"
        ),
        is_noun=best.get("CLASS") == "nimisana",
    )


def _slang_kin_stem(word: str) -> Tuple[str, ...]:
    """ "faijalla" -> ("faija",): a chat word for kin that Voikko cannot inflect, plus an ending."""
    for stem in SLANG_KIN:
        ending = word[len(stem) :]
        if word.startswith(stem) and len(ending) <= _MAX_ENDING:
            return (stem,)
    return ()


def _owned_by_me(words: Sequence[Word], index: int) -> bool:
    word = words[index]
    if word.first_person_possessive:
        return True
    before = words[max(0, index - _OWNER_REACH) : index]
    return any(other.is_my for other in before)


def word_cues(words: Sequence[Word]) -> List[FrozenSet[str]]:
    """The cues each word gives, in context (a possessor before it counts)."""
    cues: List[FrozenSet[str]] = []
    for index, word in enumerate(words):
        found = set()
        if word.names_close_person:
            found.add(CLOSE_PERSON)
            if _owned_by_me(words, index):
                found.add(MY_CLOSE_PERSON)
        elif word.names_client:
            found.add(CLIENT)
        elif word.is_noun and _owned_by_me(words, index):
            found.add(MY_THING)
        if word.names_helper_role:
            found.add(HELPER_ROLE)
        if word.base == FIRST_PERSON_PRONOUN or word.first_person_verb:
            found.add(FIRST_PERSON)
        if word.base in OWN and any(other.base == FIRST_PERSON_PRONOUN for other in words):
            found.add(MY_THING)
        if word.base in THIRD_PERSON_PRONOUNS:
            found.add(THIRD_PERSON)
        cues.append(frozenset(found))
    return cues


def message_cues(words: Sequence[Word]) -> FrozenSet[str]:
    """Every cue anywhere in the message."""
    return frozenset().union(*word_cues(words)) if words else frozenset()
