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

In a Swedish or English conversation (`language` "sv" or "en") the same three situations are
read from the language's cues as well (bot/triage/cues_sv.py, cues_en.py): "jag gav mina
bankkoder till en som ringde", "money is gone from my account". Swedish and English mark no
tense on a base form to look up, so the tables list the past forms themselves, and the person
from the subject before the verb ("i called the bank and asked" is the person's own call).
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import List, Optional, Sequence

from bot.triage import foreign
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


#: The situations, most urgent first: when two are told, the steps of the first are said.
SITUATIONS = (GAVE_SECRETS, MONEY_GONE, CALLER_ASKING)


def urgent_situation(
    text: str, scam_context: bool = False, language: Optional[str] = "fi"
) -> Optional[str]:
    """Which urgent situation the message describes, or None.

    `scam_context`: the conversation is already about a scam, so money paid is money gone.
    `language`: the conversation's language (None is Finnish); in Swedish and English the
    message is read with that language's cues too, and the more urgent reading wins.
    """
    found = _finnish_situation(text, scam_context)
    table = foreign.cues(language)
    if table is None:
        return found
    told = {found, _foreign_situation(text, scam_context, table)}
    return next((situation for situation in SITUATIONS if situation in told), None)


def _finnish_situation(text: str, scam_context: bool) -> Optional[str]:
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
#: Any program, when a caller had it installed: "soitti joku microsoftilta ja pyys asentaan
#: ohjelman" names no program, but a stranger on the phone wanted it on the computer.
ANY_PROGRAM = ("ohjelm", "sovellu", "appi", "äppi", "softa")


def _remote_access(words: Sequence[Word]) -> bool:
    """A remote-control program installed, or installed on a stranger's command, not negated:
    "asensin anydeskin", "mies käski asentaa jonku anydeskin"; not "voiko anydeskin asentaa"."""
    program = [i for i, word in enumerate(words) if word.starts_with(REMOTE_ACCESS)]
    if not program and _someone_called(words):
        program = [i for i, word in enumerate(words) if word.starts_with(ANY_PROGRAM)]
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


def _someone_called(words: Sequence[Word]) -> bool:
    """A call from someone else ("joku soitti"), not the person's own ("soitin pankkiin")."""
    return any(
        (word.is_(CALLING) or word.surface.startswith(CALLING_STEMS))
        and not FIRST_PERSON.search(word.surface)
        for word in words
    )


def _caller_asking(words: Sequence[Word]) -> bool:
    """Someone calls and asks for a secret: not the person's own call, nor a "how" question."""
    calling = _someone_called(words)
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


# ------------------------------------------------------------------ Swedish and English
# The same three situations on the cue tables of bot/triage/cues_sv.py and cues_en.py.


def _foreign_situation(text: str, scam_context: bool, table: ModuleType) -> Optional[str]:
    words = foreign.tokens(text)
    link_seen = foreign.has(words, table.LINKS)
    parts = [foreign.tokens(sentence) for sentence in foreign.sentences(text)]
    if (
        _f_approved(words, table)
        or _f_remote_access(words, table)
        or any(_f_account_taken(part, table) for part in parts)
        or any(_f_gave_secrets(part, link_seen, table) for part in parts)
    ):
        return GAVE_SECRETS
    clauses = foreign.clauses(text, table.BUT)
    if any(_f_money_gone(clause, scam_context, table) for clause in clauses):
        return MONEY_GONE
    if _f_caller_asking(words, table):
        return CALLER_ASKING
    return None


def _f_hypothetical(words: Sequence[str], index: int, table: ModuleType) -> bool:
    """ "if i gave", "om jag ger": a worry, not a story (Swedish "om" only before a subject)."""
    start = max(0, index - NEGATION_WINDOW)
    return any(
        word in table.HYPOTHETICAL
        or (
            word in table.HYPOTHETICAL_WITH_SUBJECT
            and position + 1 < len(words)
            and words[position + 1] in table.SUBJECTS
        )
        for position, word in enumerate(words[start:index], start)
    )


def _f_told(words: Sequence[str], index: int, table: ModuleType) -> bool:
    """Not negated, not a worry: something that happened."""
    return not foreign.negated_by(words, index, table, NEGATION_WINDOW) and not _f_hypothetical(
        words, index, table
    )


def _f_first_person(words: Sequence[str], index: int, table: ModuleType) -> bool:
    """The person themself does it: "i called the bank and asked", "jag tog ut pengar"."""
    return foreign.nearest_subject(words, index, table.SUBJECTS) in table.FIRST_PERSON


def _f_giving_verbs(words: Sequence[str], table: ModuleType) -> List[int]:
    """Past giving or typing ("gave", "skrev in"), not reported speech ("said he was")."""
    verbs = set(foreign.positions(words, table.GIVING))
    for index in foreign.positions(words, table.GIVING_AMBIGUOUS):
        before = words[max(0, index - 2) : index]
        modal = bool(before) and (
            before[-1] in table.NON_PAST_BEFORE
            or (
                len(before) == 2
                and before[0] in table.NON_PAST_BEFORE
                and before[1] in table.SUBJECTS
            )
        )
        if not modal:
            verbs.add(index)
    for index in foreign.positions(words, table.GIVING_INFINITIVE):
        before = words[max(0, index - 4) : index]
        if foreign.has(before, table.GIVING_AUX):
            verbs.add(index)  # "råkade skriva in", "managed to type"
    reported = {start - 1 for start in foreign.positions(words, table.REPORTED)} | {
        start - 1
        for start in foreign.positions(words, table.REPORTED_SPEECH)
        if start and words[start - 1] in table.SPEECH_VERBS
    }
    return [
        i
        for i in sorted(verbs - reported)
        if _f_told(words, i, table) and not _f_given_to_writer(words, i, table)
    ]


def _f_given_to_writer(words: Sequence[str], index: int, table: ModuleType) -> bool:
    """ "han har ju gett dom åt mig", "dad gave me his codes": the writer received them."""
    after = words[index + 1 : index + 5]
    return bool(after) and (after[0] in table.GIVEN_TO_ME or foreign.has(after, table.TO_WRITER))


def _f_gave_secrets(words: Sequence[str], link_seen: bool, table: ModuleType) -> bool:
    """A past giving near a secret; not a code typed wrong, nor codes typed into the real
    service with no sign of a scam in the sentence ("i entered my codes in the online bank")."""
    verbs = _f_giving_verbs(words, table)
    if not verbs:
        return False
    if (
        not link_seen
        and foreign.has(words, table.LEGIT_SERVICES)
        and not foreign.has(words, table.SCAM_SIGNS)
    ):
        return False
    scam_told = link_seen or foreign.has(words, table.SCAM_SIGNS)
    cards = foreign.positions(words, table.CARDS) if scam_told else []
    secrets = [
        i
        for i in foreign.positions(words, table.SECRETS) + cards
        if not table.WRONG & set(words[max(0, i - 2) : i])
    ]
    if link_seen:
        secrets += foreign.positions(words, table.DETAILS)
    return foreign.near(verbs, secrets, NEARBY)


def _f_approved(words: Sequence[str], table: ModuleType) -> bool:
    """ "approved the login in the app", "godkände i appen": what someone else started."""
    verbs = [i for i in foreign.positions(words, table.APPROVING) if _f_told(words, i, table)]
    return foreign.near(verbs, foreign.positions(words, table.APPROVED), 4)


def _f_remote_access(words: Sequence[str], table: ModuleType) -> bool:
    """ "i installed anydesk", "he told me to download teamviewer", "bad mig installera"."""
    programs = foreign.positions(words, table.REMOTE_ACCESS)
    if not programs:
        return False
    installed = [
        i
        for i in foreign.positions(words, table.INSTALLING)
        if _f_told(words, i, table)
        and not any(word in table.INSTALL_QUESTION for word in words[max(0, i - 4) : i])
    ]
    commanded = [
        i
        for i in foreign.positions(words, table.INSTALL)
        if any(foreign.is_word(word, table.COMMANDED) for word in words[max(0, i - 4) : i])
        and not foreign.negated_by(words, i, table, NEGATION_WINDOW)
    ]
    return foreign.near(installed + commanded, programs, NEARBY)


def _f_account_taken(words: Sequence[str], table: ModuleType) -> bool:
    """ "my facebook was hacked", "nån har tagit över mitt konto"; not "is my email hacked"."""
    if not words:
        return False
    asked = words[0] in table.QUESTION_START
    taken = [
        i
        for i in foreign.positions(words, table.HIJACKED)
        if not asked
        and _f_told(words, i, table)
        and not any(word in table.WONDERING for word in words[:i])
    ]
    return foreign.near(taken, foreign.positions(words, table.ACCOUNT_WORDS), NEARBY)


_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?(?:e|eur|euro|euros|€|kr)?")


def _f_is_amount(word: str) -> bool:
    return _AMOUNT.fullmatch(word) is not None and (not word.isdigit() or len(word) >= 2)


def _f_money_gone(words: Sequence[str], scam_context: bool, table: ModuleType) -> bool:
    """Money and a past taking near it in one clause: "money is gone from my account",
    "pengarna har försvunnit från kontot"; in a scam conversation money paid too."""
    accounts = set(foreign.positions(words, table.ACCOUNTS))
    amounts = [i for i, word in enumerate(words) if _f_is_amount(word)]
    money = sorted(set(foreign.positions(words, table.MONEY) + amounts))
    real_money = [i for i in money if i not in accounts]  # "lost access to my account" is no loss
    taken = []
    for i in foreign.positions(words, table.TAKING):
        after = words[i + 1 : i + 4]
        if after[:1] and after[0] in table.TAKING_NOT_BEFORE:
            continue  # "took over", "tog hand om"
        if table.TIME_WORDS & set(after):
            continue  # "it took a long time"
        if _f_first_person(words, i, table) and not (i and words[i - 1] in table.PASSIVE):
            continue  # "i transferred money to savings", "jag tog ut pengar"
        taken.append(i)
    if accounts:
        taken += foreign.positions(words, table.LEAVING)
    taken += foreign.positions(words, table.MISSING)
    if scam_context:
        taken += foreign.positions(words, table.PAYING)
        taken += [
            i
            for i in foreign.positions(words, table.PAYING_INFINITIVE)
            if foreign.has(words[max(0, i - 4) : i], table.GIVING_AUX)
        ]
    taken = [i for i in taken if _f_told(words, i, table)]
    losing = [i for i in foreign.positions(words, table.LOSING) if _f_told(words, i, table)]
    return foreign.near(taken, money, 5) or foreign.near(losing, real_money, 5)


def _f_caller_asking(words: Sequence[str], table: ModuleType) -> bool:
    """Someone calls and asks for a secret: not the person's own call, nor a "how" question."""
    calling = foreign.has(words, table.CALLING_NOUNS) or any(
        not _f_first_person(words, i, table) and _f_told(words, i, table)
        for i in foreign.positions(words, table.CALLING_VERBS)
    )
    asking = [
        i
        for i in foreign.positions(words, table.ASKING)
        if not any(word in table.MODALS for word in words[max(0, i - 4) : i])
        and not _f_first_person(words, i, table)
        and not foreign.negated_by(words, i, table, NEGATION_WINDOW)
        and not (i + 1 < len(words) and words[i + 1] in table.HOW)
    ]
    return calling and bool(asking) and foreign.has(words, table.SECRETS)
