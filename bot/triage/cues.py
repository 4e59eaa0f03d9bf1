"""Explicit cues that put a message on AUTA level 4 (non-digital service).

The AUTA model says abilities and circumstances decide level 4: memory illness, blindness or
another disability, or having no computer and no smartphone. These cues are few, unambiguous
and costly to miss (a person who cannot use a device must not be sent to a web link), and a
single word such as "dementia" carries too little weight in a bag-of-words classifier, so
they are matched explicitly on Voikko base forms and override the learnt guess.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

NON_DIGITAL = "non_digital"

# Conditions that on their own prevent independent use.
CONDITIONS = frozenset(
    {
        "muistisairaus",
        "muistisairas",
        "alzheimer",
        "dementia",
        "dementoitua",
        "dementoitunut",
        "muistihäiriö",
        "sokea",
        "sokeutua",
        "näkövammainen",
        "heikkonäköinen",
        "kuurosokea",
        "kehitysvammainen",
        "halvaantua",
        "halvaus",
        "aivohalvaus",
        "parkinson",
        "parkinsonintauti",
        "sokee",
        "vapina",
    }
)
# "et" is left out: in chat it is far more often "että" ("se sanoo et...") than "you do not".
NEGATIONS = frozenset({"ei", "en", "eikä", "enkä", "emme", "eivät", "ette"})
# Having none of these is a circumstance that prevents use.
DEVICES = frozenset(
    {
        "tietokone",
        "kone",
        "läppäri",
        "älypuhelin",
        "puhelin",
        "kännykkä",
        "tabletti",
        "kosketuspuhelin",
        "kosketusnäyttöpuhelin",
        "älykännykkä",
        "netti",
        "nettiyhteys",
        "internet",
        "laite",
    }
)
HAVING = frozenset({"olla", "oo", "ole", "omistaa", "omista"})
# Words Voikko reads as a form of "olla" that say nothing of having: "ei toimi ollenkaan".
NOT_HAVING = frozenset({"ollenkaan", "ollenkana", "olleskaan"})
ABLE = frozenset({"pystyä", "pysty", "kyetä", "kykene"})
USING = frozenset({"käyttää", "asioida", "lukea", "hoitaa"})
# Verbs that make "ei ole ... tietokonetta" about experience, not possession:
# "en ole koskaan käyttänyt tietokonetta" is level 3, not 4.
NOT_POSSESSION = USING | frozenset({"käyttänyt", "opetella", "oppia", "saada", "osata"})
SIGHT = frozenset({"näkö"})
SIGHT_FAILING = frozenset({"ei", "huono", "heikko", "heikentyä", "mennä", "riittää"})

Token = Tuple[str, str]  # (lowercased surface form, lowercased base form)


def _has(token: Token, vocabulary: frozenset) -> bool:
    surface, base = token
    return surface in vocabulary or base in vocabulary


def _negated_before(tokens: Sequence[Token], index: int, window: int) -> bool:
    # Surface forms only: Voikko gives "et" the base "ei" too.
    return any(surface in NEGATIONS for surface, _base in tokens[max(0, index - window) : index])


# Having is said with the partitive ("ei ole nettiä"); a locative is about experience or place:
# "en ole ikinä ollut netissä" is someone who has never been online (level 3), not level 4.
LOCATIVE_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "seen", "hin")


def _lacks_device(tokens: Sequence[Token]) -> bool:
    """ "ei ole tietokonetta", "enkä omista älypuhelinta", "ei oo nettiä kotona eikä..."."""
    for index, token in enumerate(tokens):
        if not _has(token, DEVICES) or not _negated_before(tokens, index, 4):
            continue
        if token[0].endswith(LOCATIVE_ENDINGS):
            continue
        before = tokens[max(0, index - 4) : index]
        having = [i for i, t in enumerate(before) if _has(t, HAVING) and t[0] not in NOT_HAVING]
        if having and not any(_has(t, NOT_POSSESSION) for t in before[having[-1] + 1 :]):
            return True
    return False


#: Phones with buttons and no apps: having only one is having no smartphone.
BASIC_PHONES = frozenset({"peruspuhelin", "näppäinpuhelin", "nappulapuhelin", "nokia"})
ONLY = frozenset({"vaan", "vain", "pelkkä", "pelkästään", "ainoastaan"})


def _only_a_basic_phone(tokens: Sequence[Token]) -> bool:
    """ "sillä on vaan semmonen vanha nokia", "mulla on pelkkä peruspuhelin"."""
    return any(
        _has(token, BASIC_PHONES) and any(_has(t, ONLY) for t in tokens[max(0, index - 4) : index])
        for index, token in enumerate(tokens)
    )


def _cannot_use(tokens: Sequence[Token]) -> bool:
    """ "ei pysty käyttämään", "mummo ei itse pysty" (at the end), "en kykene asioimaan"."""
    for index, token in enumerate(tokens):
        if _has(token, ABLE) and _negated_before(tokens, index, 3):
            after = tokens[index + 1 : index + 4]
            if not after or any(_has(t, USING) for t in after):
                return True
    return False


def _sight_fails(tokens: Sequence[Token]) -> bool:
    """ "ei näe", "huono näkö", "näkö ei riitä"."""
    for index, (_surface, base) in enumerate(tokens):
        if (base == "nähdä" or _surface == "nää") and _negated_before(tokens, index, 2):
            return True  # "ei näe", spoken "en nää"
        if base in SIGHT:
            around = tokens[max(0, index - 2) : index + 3]
            if any(_has(t, SIGHT_FAILING) for t in around):
                return True
    return False


def non_digital_cue(tokens: Sequence[Token]) -> Optional[str]:
    """The cue that makes the message level 4 (for logs and tests), or None."""
    if any(_has(token, CONDITIONS) for token in tokens):
        return "condition"
    if _sight_fails(tokens):
        return "sight"
    if _lacks_device(tokens) or _only_a_basic_phone(tokens):
        return "no_device"
    if _cannot_use(tokens):
        return "cannot_use"
    return None


def tokens_of(text: str) -> List[Token]:
    """(surface, base form) pairs of a text, for callers without Rasa tokens."""
    import re

    from bot.language import get_analyzer

    analyzer = get_analyzer()
    words = re.findall(r"\w+", text.lower())
    return [(word, analyzer.base_form(word).lower()) for word in words]
