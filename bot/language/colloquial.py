"""Spoken / chat Finnish word forms mapped to standard written forms.

WHY: people type to a chatbot the way they speak ("mä en tiiä miten mun pitäis"). Voikko only
knows standard Finnish, so without this step such words would stay unknown, get "corrected" into
unrelated words by the speller or simply be different features than their standard counterparts.

HOW IT IS USED: a colloquial word is replaced by a *standard word form* (not a base form); that
form then goes through Voikko as usual, so "mulla" -> "minulla" -> base form "minä" and
"oon" -> "olen" -> "olla". Keeping inflected standard forms (instead of base forms) makes the
table easy to review: every value must be a word Voikko accepts (a unit test checks this).

WHAT IS DELIBERATELY LEFT OUT: forms that are also frequent standard words with another meaning
("et" = you don't / that, "toi" = brought / that, "se", "sit" is fine but "sil" is not), because
a wrong normalisation is worse than an unknown word. Keys are lower case.
"""

from __future__ import annotations

from typing import Dict, List

COLLOQUIAL_FORMS: Dict[str, str] = {
    # Personal pronouns: the Helsinki/standard-spoken forms and the eastern "mie/sie" forms.
    "mä": "minä",
    "mää": "minä",
    "mie": "minä",
    "mnä": "minä",
    "sä": "sinä",
    "sää": "sinä",
    "sie": "sinä",
    "mun": "minun",
    "mulla": "minulla",
    "mul": "minulla",
    "mulle": "minulle",
    "multa": "minulta",
    "mua": "minua",
    "musta": "minusta",
    "mussa": "minussa",
    "sun": "sinun",
    "sulla": "sinulla",
    "sul": "sinulla",
    "sulle": "sinulle",
    "sulta": "sinulta",
    "sua": "sinua",
    "meiän": "meidän",
    "meil": "meillä",
    "teiän": "teidän",
    "teil": "teillä",
    "niil": "niillä",
    # Demonstratives.
    "tää": "tämä",
    "tän": "tämän",
    "tätä": "tätä",
    "nää": "nämä",
    "noi": "nuo",
    "tossa": "tuossa",
    "tosta": "tuosta",
    "siel": "siellä",
    "tääl": "täällä",
    "tänne": "tänne",
    # "olla" (to be): "ei oo" is tokenised as "ei" + "oo", so "oo" maps to the negative form.
    "oon": "olen",
    "oot": "olet",
    "oo": "ole",
    "ollaa": "ollaan",
    "ollu": "ollut",
    "ois": "olisi",
    "olis": "olisi",
    "oisko": "olisiko",
    "oliks": "oliko",
    "onks": "onko",
    "onko": "onko",
    # Other frequent verbs in help requests.
    "tiiä": "tiedä",
    "tiijä": "tiedä",
    "tieä": "tiedä",
    "tiiän": "tiedän",
    "tarttee": "tarvitsee",
    "tarvii": "tarvitsee",
    "tartten": "tarvitsen",
    "tarviin": "tarvitsen",
    "vois": "voisi",
    "voisko": "voisiko",
    "voiks": "voiko",
    "saisko": "saisiko",
    "saako": "saako",
    "pitäis": "pitäisi",
    "pitäiskö": "pitäisikö",
    "osais": "osaisi",
    "osaisko": "osaisiko",
    "pääse": "pääse",
    "emmä": "en",
    "emmää": "en",
    # Function words.
    "kans": "kanssa",
    "kaa": "kanssa",
    "sit": "sitten",
    "sitte": "sitten",
    "mut": "mutta",
    "ku": "kun",
    "vaa": "vain",
    "ees": "edes",
    "miks": "miksi",
    "mites": "miten",
    "mitäs": "mitä",
    "kiitti": "kiitos",
    "faija": "isä",
    "äippä": "äiti",
    "ootko": "oletko",
    "tuu": "tule",
    "tuut": "tulet",
    "kyl": "kyllä",
    "tarvittais": "tarvittaisiin",
    "haluttais": "haluttaisiin",
    "tekeeko": "tekeekö",
    # Spoken "-ee-" for written "-ea-"/"-eä-" and dropped "i" in "-ais-" (a general rule
    # would turn real words into wrong ones, so only frequent forms are listed).
    "vaikeeta": "vaikeata",
    "vaikee": "vaikea",
    "oikee": "oikea",
    "kauheesti": "kauheasti",
    "sellanen": "sellainen",
    "sellasen": "sellaisen",
    "tällanen": "tällainen",
    "tällasen": "tällaisen",
    "itelle": "itselle",
    "ite": "itse",
    "kirjotetaan": "kirjoitetaan",
    "kirjottaa": "kirjoittaa",
    "puolest": "puolesta",
    "iskä": "isä",
    # Thanks in chat form map to the standard word. Not "moikka", "moro", "tsau": they open
    # and close conversations in proportions of their own, and as "hei" a closing "moikka"
    # read like an opening greeting.
    "terveppä": "terve",
    "thx": "kiitos",
    "nope": "ei",
    "jep": "joo",
    "jees": "joo",
    "jepulis": "joo",
    # Digital vocabulary in chat form.
    "postinro": "postinumero",
    "näppis": "näppäimistö",
    "työkkäri": "työvoimatoimisto",
    "appit": "sovellukset",
    "tunnarit": "tunnukset",
    "tunnareilla": "tunnuksilla",
    "tunnareita": "tunnuksia",
    "tunnarei": "tunnuksia",
    "pankkitunnarit": "pankkitunnukset",
    "pankkitunnareilla": "pankkitunnuksilla",
    "pankkitunnareita": "pankkitunnuksia",
    "äppi": "sovellus",
    "äpin": "sovelluksen",
    "äppiä": "sovellusta",
    "äpissä": "sovelluksessa",
    "äppii": "sovellusta",
}

_BACK_VOWELS = frozenset("aou")


def _harmony_vowel(word: str) -> str:
    """The case-ending vowel a word takes: 'a' after back vowels, otherwise 'ä'."""
    return "a" if any(ch in _BACK_VOWELS for ch in word.lower()) else "ä"


_PARTICIPLE_ENDINGS = ("nu", "ny", "lu", "ly", "ru", "ry", "su", "sy")


def truncated_locative_candidates(word: str) -> List[str]:
    """Standard forms for a spoken word whose ending was shortened, most likely first.

    Spoken Finnish drops the end of -lla/-llä and -ssa/-ssä ("koneel" = koneella,
    "puhelimes" = puhelimessa), the final -i of the conditional ("tarvitsis" = tarvitsisi) and
    the -t of past participles ("käyttäny" = käyttänyt, "ollu" = ollut). The caller accepts a
    candidate only if Voikko knows it, so the rules cannot invent words. Short words are left
    alone ("sil", "mes" are too ambiguous).
    """
    if len(word) < 4:
        return []
    vowel = _harmony_vowel(word)
    if word.endswith("l") and len(word) >= 5:
        return [word + "l" + vowel]
    if word.endswith("s") and len(word) >= 5:
        return [word + "s" + vowel, word + "i"]
    if word.endswith(_PARTICIPLE_ENDINGS):
        return [word + "t"]
    return []
