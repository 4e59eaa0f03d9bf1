"""A scam or compromise in progress: the one case where every triage question must wait.

Someone who has just typed their card number into a fake page, given their codes to a caller
or seen money leave their account loses money by the minute: the urgent steps (close the card
and codes, report to the police) must come in the first reply, whatever else is going on. The
situations are few and their words are concrete, so they are matched on Voikko base forms and
tense, and the cost of a miss decides the balance: a story in the past that gave something
secret away counts, a question about what might happen ("voiko huijari viedä rahat jos...")
does not.

Three situations:
- something secret was given or typed: a past verb of giving or typing and a secret (codes,
  card number, password; or "tiedot" after a link was opened), not negated;
- money left the account: money and a past verb of taking or disappearing, not negated;
- a caller asks for codes: calling, asking and a secret, in any tense ("joku soittaa ja kysyy
  tunnuslukuja").

An account taken over ("sähköposti kaapattu, salasana vaihdettu", "mun whatsapp on
hakkeroitu") is someone else holding the password right now, sending in the person's name: it
is read as secrets given too.

A remote-control program put on the computer at a stranger's request ("mies käski asentaa
anydeskin ja se on nyt mun koneella") hands over everything typed on it, codes included: it is
read as secrets given, and gets the same steps.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from bot.triage.permission import PERMISSION_WORDS
from bot.triage.words import Word, clauses, negated, sentences, words_of

GAVE_SECRETS = "gave_secrets"
MONEY_GONE = "money_gone"
CALLER_ASKING = "caller_asking"

GIVING = frozenset(
    {
        "antaa",
        "antanut",
        "annettu",
        "laittaa",
        "laittanut",
        "näppäillä",
        "näppäillyt",
        "näpätä",
        "näpännyt",
        "syöttää",
        "syöttänyt",
        "kirjoittaa",
        "kirjoittanut",
        "kertoa",
        "kertonut",
        "lähettää",
        "lähettänyt",
        "luovuttaa",
        "luovuttanut",
        "täyttää",
        "täyttänyt",
        "vahvistaa",
        "vahvistanut",
        "hyväksyä",
        "hyväksynyt",
        "tunnistautua",
        "tunnistautunut",
        "kirjautua",
        "kirjautunut",
        "paljastaa",
        "paljastanut",
    }
)
# Surface stems of the colloquial past ("antanu", "laittanu", "kerroin", "syötin").
# Spoken past forms that Voikko reads as nouns ("anto" = antoi, "laitto" = laittoi).
SPOKEN_GIVING = frozenset({"anto", "laitto", "kerto", "syötti", "näpytti", "kirjotti", "hyväksy"})
GIVING_STEMS = (
    "antan",
    "annoi",
    "antoi",
    "laito",
    "laitt",
    "näppäil",
    "näpä",
    "syöt",
    "kerro",
    "kerto",
    "kirjot",
    "kirjoit",
)
SECRETS = frozenset(
    {
        "tunnus",
        "pankkitunnus",
        "verkkopankkitunnus",
        "tunnusluku",
        "tunnuslukukortti",
        "avainluku",
        "avainlukulista",
        "kortti",
        "pankkikortti",
        "luottokortti",
        "korttinumero",
        "kortinnumero",
        "pin",
        "pin-koodi",
        "pinkoodi",
        "salasana",
        "koodi",
        "vahvistuskoodi",
        "turvakoodi",
        "tarkistusnumero",
        "cvc",
        "cvv",
        "tunnari",
        "pankkitunnari",
        "tilitieto",
        "pankkitieto",
        "korttitieto",
    }
)
# "laitoin tiedot" is a secret only after a link or a page: "painoin linkkiä ja laitoin tiedot".
DETAILS = frozenset({"tieto", "tiedot", "henkilötieto", "yhteystieto"})
LINKS = frozenset({"linkki", "sivu", "sivusto", "nettisivu", "viesti", "tekstiviesti", "tekstari"})
# Approving in the bank's app what someone else started is giving the codes away.
APPROVING = frozenset({"hyväksyä", "hyväksynyt", "vahvistaa", "vahvistanut", "painaa", "painanut"})
APPROVED = frozenset(
    {
        "hyväksy",
        "sovellus",
        "tunnuslukusovellus",
        "pankkisovellus",
        "mobiilisovellus",
        "kirjautuminen",
        "kirjautumispyyntö",
        "pyyntö",
        "maksu",
        "tapahtuma",
        "tunnistautuminen",
        "vahvistus",
    }
)
MONEY = frozenset({"raha", "euro", "säästö", "tili", "pankkitili", "rahat", "e", "€"})
TAKING = frozenset(
    {
        "viedä",
        "viety",
        "vienyt",
        "hävitä",
        "hävinnyt",
        "kadota",
        "kadonnut",
        "lähteä",
        "lähtenyt",
        "veloittaa",
        "veloitettu",
        "siirtää",
        "siirretty",
        "nostaa",
        "nostettu",
        "tyhjentää",
        "tyhjennetty",
        "varastaa",
        "varastettu",
        "huijata",
        "huijattu",
    }
)
# Going is money gone only from an account: "tililtä on menny rahaa", not "rahaa meni laskuihin".
LEAVING = frozenset({"mennä", "mennyt"})
ACCOUNTS = frozenset({"tili", "pankkitili", "käyttötili", "säästötili"})
# Money that is missing now: "tililtä puuttuu 2000 euroa" (any tense).
MISSING = frozenset({"puuttua"})
# Paying is money gone only where the conversation is about a scam ("maksoin jo 480e").
PAYING = frozenset({"maksaa", "maksanut", "siirtää", "siirtänyt", "lähettää", "lähettänyt"})
CALLING = frozenset(
    {"soittaa", "soitella", "soittaja", "puhelu", "soitto", "puhelin", "linja", "langalla"}
)
CALLING_STEMS = ("soitt", "soitel")
ASKING = frozenset(
    {"kysyä", "pyytää", "vaatia", "haluta", "tivata", "udella", "kysellä", "tarvita", "käskeä"}
)
ASKING_STEMS = ("pyys", "pyyt", "halus", "kysy", "kysel", "tiva", "vaati", "tarvi", "käsk")
# The person's own call or question ("soitin pankkiin ja kysyin") is no caller asking for codes.
FIRST_PERSON = re.compile(r"(?:in|imme|n)$")
# A hypothetical ("jos mä antais...", "mitä jos") is a worry, not something that happened.
HYPOTHETICAL = frozenset({"jos", "jospa", "josko", "olis", "olisi", "ois", "oisi", "olisko"})
# Spoken past forms Voikko reads as something else ("kirjotin" as a noun).
SPOKEN_PAST_ENDING = re.compile(r"(?:in|i|nu|ny|neet|imme|itte|ivat)$")
MODALS = frozenset({"voi", "vois", "voisi", "pitää", "pitäis", "täytyy", "saa", "pitäisi"})
HOW = frozenset({"miten", "mitenkä", "kuinka", "miksi", "mitä", "mistä"})
NEGATION_WINDOW = 5
NEARBY = 10


def urgent_situation(text: str, scam_context: bool = False) -> Optional[str]:
    """Which urgent situation the message describes, or None.

    `scam_context`: the conversation is already about a scam, so money paid is money gone.
    """
    words = words_of(text)
    link_seen = any(word.is_(LINKS) for word in words)
    # Per sentence: in "saanko kirjautua äidin tunnuksilla? se on antanu luvan" what was given
    # is the permission, and the codes belong to the question before it.
    if (
        _approved(words)
        or _remote_access(words)
        or any(_account_taken(words_of(sentence)) for sentence in sentences(text))
        or any(_gave_secrets(words_of(sentence), link_seen) for sentence in sentences(text))
    ):
        return GAVE_SECRETS
    if any(_money_gone(words_of(clause), scam_context) for clause in clauses(text)):
        return MONEY_GONE
    if _caller_asking(words):
        return CALLER_ASKING
    return None


#: Remote-control programs scammers have people install, and the words for such a connection.
REMOTE_ACCESS = (
    "anydesk", "teamviewer", "supremo", "quicksupport", "rustdesk", "ultraviewer",
    "etäyhtey", "etäohjelm", "etäkäyt",
)  # fmt: skip
INSTALLING = ("asent", "asens", "latas", "ladat", "lataa", "avas")
#: Told to install it: "käski asentaa", "pyys lataamaan" (a past command, then the infinitive).
COMMANDED = ("käski", "käsk", "pyys", "pyysi", "neuvoi", "ohjas", "ohjasi", "ohjeisti")


def _remote_access(words: Sequence[Word]) -> bool:
    """A remote-control program installed, or installed on a stranger's command, not negated:
    "asensin anydeskin", "mies käski asentaa jonku anydeskin"; not "voiko anydeskin asentaa"."""
    program = [i for i, word in enumerate(words) if word.starts_with(REMOTE_ACCESS)]
    installed = [
        i
        for i, word in enumerate(words)
        if word.starts_with(INSTALLING)
        and (word.past or (i > 0 and words[i - 1].surface.startswith(COMMANDED)))
        and not negated(words, i, NEGATION_WINDOW)
        and not any(w.surface in HOW for w in words[max(0, i - 4) : i])  # "mistä saan … ladattua"
    ]
    return bool(program) and any(abs(i - j) <= NEARBY for i in installed for j in program)


#: Taken over, broken into: "kaapattu", "kaappas", "hakkeroitiin", "murtauduttu".
HIJACKING = ("kaapat", "kaappa", "hakkeroi", "murrett", "murtaut", "murtaud")
#: What can be taken over.
ACCOUNT_STEMS = (
    "tili", "sähköpost", "sposti", "meili", "gmail", "outlook", "hotmail", "whatsap",
    "whatsup", "watsap", "facebook", "fb", "instagram", "insta", "messenger", "tunnu", "profiil",
)  # fmt: skip
#: "onko mun tili kaapattu": a worry asked about, not a takeover that is known.
WONDERING = frozenset({"onko", "onks", "oisko", "voiko", "voiks", "voisko", "miten", "mistä"})
#: Done, not feared: "kaapattu", "kaappas", "hakkeroitiin", "murtauduttu" (not "kaapata").
TAKEN_ENDING = re.compile(r"(?:ttu|tty|ttiin|tiin|as|äs|si|i|nut|nyt|nu|ny)$")


def _account_taken(words: Sequence[Word]) -> bool:
    """An account taken over, said as a fact: not negated, feared or wondered about."""
    taken = [
        i
        for i, word in enumerate(words)
        if word.starts_with(HIJACKING)
        and (word.past or TAKEN_ENDING.search(word.surface) is not None)
        and not negated(words, i, NEGATION_WINDOW)
        and not _hypothetical(words, i)
        and not any(w.surface in WONDERING for w in words[:i])
    ]
    accounts = [i for i, word in enumerate(words) if word.starts_with(ACCOUNT_STEMS)]
    return any(abs(t - a) <= NEARBY for t in taken for a in accounts)


def _giving_verbs(words: Sequence[Word]) -> List[int]:
    """Past giving, also "ehdin kertoa" (I had time to tell): a past "ehtiä" and an infinitive."""
    return [
        index
        for index, word in enumerate(words)
        if (_gave(word) or (word.is_(GIVING) and _after_past_ehtia(words, index)))
        and not negated(words, index, NEGATION_WINDOW)
        and not _hypothetical(words, index)
    ]


def _gave(word: Word) -> bool:
    if (word.past and word.is_(GIVING)) or word.surface in SPOKEN_GIVING:
        return True
    return word.surface.startswith(GIVING_STEMS) and (
        word.past or SPOKEN_PAST_ENDING.search(word.surface) is not None
    )


def _after_modal(words: Sequence[Word], index: int) -> bool:
    return any(
        word.surface in PERMISSION_WORDS or word.surface in MODALS
        for word in words[max(0, index - 4) : index]
    )


def _after_past_ehtia(words: Sequence[Word], index: int) -> bool:
    """ "ehdin kertoa", "oli jo ehtiny painaa linkkiä ja syöttää tunnukset": done in time."""
    return any(w.past and w.is_({"ehtiä", "ehtinyt"}) for w in words[max(0, index - 5) : index])


def _approved(words: Sequence[Word]) -> bool:
    """ "hyväksyin sovelluksessa", "painoin vahingossa hyväksy": a login or payment approved."""
    verbs = [
        i
        for i, word in enumerate(words)
        if (word.past or word.surface in SPOKEN_GIVING)
        and word.is_(APPROVING)
        and not negated(words, i, NEGATION_WINDOW)
        and not _hypothetical(words, i)
    ]
    objects = [i for i, word in enumerate(words) if word.is_(APPROVED)]
    return any(abs(v - o) <= 4 for v in verbs for o in objects)


def _hypothetical(words: Sequence[Word], index: int) -> bool:
    return any(word.surface in HYPOTHETICAL for word in words[max(0, index - 5) : index])


def _gave_secrets(words: Sequence[Word], link_seen: bool) -> bool:
    """A past giving or typing next to a secret; `link_seen`: a link or page in the message."""
    verbs = _giving_verbs(words)
    if not verbs:
        return False
    for index, word in enumerate(words):
        secret = word.is_(SECRETS) or word.starts_with(("pankkitun", "tunnuslu", "korttinum"))
        details = link_seen and word.is_(DETAILS)
        if (secret or details) and any(abs(index - verb) <= NEARBY for verb in verbs):
            return True
    return False


def _money_gone(words: Sequence[Word], scam_context: bool = False) -> bool:
    money = [i for i, word in enumerate(words) if word.is_(MONEY) or _is_amount(word.surface)]
    from_account = any(word.is_(ACCOUNTS) for word in words)
    taken = [
        i
        for i, word in enumerate(words)
        if (
            (word.past and word.is_(TAKING))
            or (from_account and word.past and word.is_(LEAVING))
            or word.is_(MISSING)
            or (
                scam_context
                and word.is_(PAYING)
                and (word.past or _after_past_ehtia(words, i))  # "ehti jo maksaa sille 800e"
            )
        )
        and not negated(words, i, NEGATION_WINDOW)
        and not _hypothetical(words, i)
    ]
    return bool(money and taken and any(abs(m - t) <= 5 for m in money for t in taken))


def _is_amount(surface: str) -> bool:
    """ "480e", "2000", "3000€": a sum of money as people type it."""
    return re.fullmatch(r"\d+(?:[.,]\d+)?(?:e|eur|euroa|€)?", surface) is not None and (
        not surface.isdigit() or len(surface) >= 2
    )


def _caller_asking(words: Sequence[Word]) -> bool:
    """Someone calls and asks for a secret: not the person's own call, nor a "how" question."""
    calling = any(
        (word.is_(CALLING) or word.surface.startswith(CALLING_STEMS))
        and not FIRST_PERSON.search(word.surface)
        for word in words
    )
    asking = [
        i
        for i, word in enumerate(words)
        if (word.is_(ASKING) or word.surface.startswith(ASKING_STEMS))
        and not _after_modal(words, i)  # "voinko soittaa ja kysyä": a question, not a caller
        and not FIRST_PERSON.search(word.surface)
        and not negated(words, i, NEGATION_WINDOW)
        and not (i + 1 < len(words) and words[i + 1].surface in HOW)
    ]
    secret = any(word.is_(SECRETS) or word.starts_with(("pankkitun", "tunnuslu")) for word in words)
    return calling and bool(asking) and secret
