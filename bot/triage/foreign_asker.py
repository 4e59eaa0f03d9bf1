"""Who is asking, weighed for Swedish and English messages.

The Finnish rules (bot.triage.asker_evidence) read Voikko's analysis of Finnish words. A Swedish
or English message gets the same three checks from its own words:

* Staff introduce themselves by their place or role ("jag jobbar på servicepunkten", "Biblioteket
  i Lovisa här", "I'm an integration coordinator", "at the library with an elderly gentleman")
  or by naming a client: that is an advisor, whatever the classifier guessed.
* A first message guessed to be a relative's that names nobody else and speaks in the first
  person is the writer's own ("ja ska söka bostadsbidrag men fattar int...").
* A first message that says a close person (or "hon", "she") cannot, has not or needs
  something ("Min svärmor på Kimitoön har ingen dator", "my uncle has a memory illness") is a
  relative's, whatever the classifier guessed; so is "kan ni hjälpa min man".
* A short first message with no asker guessed says it by its subject: "hon bor i Helsingfors",
  "he has no computer" (someone else's need), "ja har aldrig använt nätbank", "im in espoo" (the
  writer's own).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.triage.labels import ASKERS

SELF, RELATIVE, ADVISOR = ASKERS

_FLAGS = re.IGNORECASE
_APOSTROPHES = str.maketrans({"'": "", "’": ""})

#: Places and roles of people who help others with digital matters.
_HELPER_PLACES = {
    "sv": r"servicepunkt\w*|bibliotek\w*|hemvård\w*|hemtjänst\w*|medborgarinstitut\w*|arbis|"
    r"seniorcent\w*|dagcent\w*|församling\w*|socialbyrå\w*|socialarbet\w*|fpa|kela|"
    r"medborgarrådgivning\w*|integration\w*|digistöd\w*",
    "en": r"library|service point|service desk|seniors?'? (?:club|cent(?:re|er)|computer club)|"
    r"care home|home care|social services|day cent(?:re|er)|community cent(?:re|er)|church|"
    r"integration|digital support|citizens'? advice",
}
_HELPER_ROLES = {
    "sv": r"digistödjare|digistödsperson|socialhandledare|handledare|diakon\w*|bibliotekarie|"
    r"rådgivare|socialarbetare|hemvårdare|närvårdare|sjukskötare|sjuksköterska|"
    r"integrationshandledare|socionom|kurator|lärare",
    "en": r"librarian|social worker|(?:integration |digital )?coordinator|case worker|"
    r"caseworker|(?:home )?care worker|nurse|advis[eo]r|counsell?or|volunteer|tutor|"
    r"support worker|digital helper",
}
_CLIENT = {
    "sv": r"\b(?:min|vår|en|ett)\s+(?:klient|kund|kursdeltagare|brukare)\b|\bkunden\b|"
    r"\bklienten\b|\bkursdeltagaren\b",
    "en": r"\b(?:my|our|a|the)\s+(?:client|customer|member|participant)s?\b",
}
_FIRST_PERSON_WORK = {
    "sv": r"\b(?:jag|ja)\s+(?:jobbar|arbetar)\s+(?:på|i|inom|vid|som)\b",
    "en": r"\b(?:i\s*(?:'m|am)?\s*|im\s+)(?:work(?:ing)?|volunteer(?:ing)?)\s+(?:at|in|for|as)\b|"
    r"\bi run\b|^\W*(?:hi\W+|hello\W+)?(?:i'?m\s+|im\s+|we'?re\s+)?(?:here\s+)?at the\b",
}
_FIRST_PERSON_ROLE = {
    "sv": r"\b(?:jag|ja)\s+(?:e|är)\s+(?:en\s+)?",
    "en": r"\b(?:i\s*(?:'m|am)|im)\s+(?:an?\s+)?(?:\w+\s+)?",
}
_HERE_INTRO = {
    "sv": r"^\W*(?:hej\W*)?(?:{places})\b[^.!?]{{0,40}}\bhär\b",
    "en": r"^\W*(?:hi\W*|hello\W*)?(?:{places})\b[^.!?]{{0,40}}\bhere\b",
}
#: Words for close people and others one may ask for.
_OTHERS = {
    "sv": r"\b(?:mamma|mamman|pappa|pappan|mor|far|mormor|morfar|farmor|farfar|mommo|moffa|"
    r"fammo|faffa|son|sonen|dotter|dottern|bror|brodern|syster|systern|min man|mannen|fru|frun|"
    r"sambo|granne|grannen|vän|vännen|svärmor|svärfar|föräldrar|barnbarn\w*|moster|faster|"
    r"morbror|farbror|hon|han|hen|henne|honom|hans|hennes)\b",
    "en": r"\b(?:mum|mom|mother|dad|father|parents?|grand(?:ma|pa|mother|father|parents?)|nan|"
    r"son|daughter|brother|sister|husband|wife|partner|neighbou?r|friend|aunt|uncle|"
    r"mother-in-law|father-in-law|she|he|her|him|his|they|their)\b",
}
_FIRST_PERSON = {
    "sv": r"\b(?:jag|ja|mej|mig|min|mitt|mina)\b",
    "en": r"\b(?:i|i'm|im|i've|ive|me|my|mine)\b",
}
_THIRD_PERSON_START = {
    "sv": r"^\W*(?:nej\W+|ja\W+|jo\W+)?(?:hon|han|hen)\b",
    "en": r"^\W*(?:no\W+|yes\W+)?(?:she|he|they)(?:'s|'ve|s)?\b",
}
_FIRST_PERSON_START = {
    "sv": r"^\W*(?:nej\W+|jo\W+)?(?:jag|ja|vi)\s+(?!tack\b)\w+",
    "en": r"^\W*(?:no\W+|yes\W+)?(?:i|i'm|im|i've|ive|we)\b",
}
#: Close people who can be the one in need (the pronouns are in _THIRD_PERSON_NEED).
_KIN = {
    "sv": r"mamma|mamman|pappa|pappan|mor|far|mormor|morfar|farmor|farfar|mommo|moffa|fammo|"
    r"faffa|son|sonen|dotter|dottern|bror|brodern|syster|systern|man|mannen|fru|frun|make|maken|"
    r"maka|sambo|granne|grannen|svärmor|svärfar|föräldrar(?:na)?|moster|faster|morbror|farbror",
    "en": r"mum|mom|mother|dad|father|parents|grand(?:ma|pa|mother|father|parents)|nan|granny|"
    r"son|daughter|brother|sister|husband|wife|partner|neighbou?r|aunt|uncle|"
    r"mother-in-law|father-in-law",
}
#: Someone else stated as the one who cannot, has not or needs: a close person (or "hon", "he")
#: as the subject, a verb of having or being able, and within three words a sign of the need
#: ("Min svärmor på Kimitoön har ingen dator", "hon kan int", "my uncle has a memory illness"),
#: or got the call or message of a scam ("my dad got a weird call").
_THIRD_PERSON_NEED = {
    "sv": r"\b(?:hon|han|hen|(?:min|mitt|mina|vår)\s+(?:{kin})|(?:{kin}))\b"
    r"(?:\s+(?:på|i)\s+\w+)?\s+(?:e|är|har|hade|kan|klarar|vet|förstår|ser|hör|vill|behöver|"
    r"vågar|fick|använder|hittar|kommer)\b(?:\s+[\w-]+){{0,2}}?\s+(?:int|inte|ingen|inga|inget|"
    r"aldrig|dåligt|lära|\d+|demens|alzheimer\w*|minnes\w+|afasi|blind|döv|stroke|slaganfall|parkinson\w*|bara\s+en\s+gammal|samtal|sms|meddelande|mejl|brev)\b"
    r"(?!\s+(?:tid|här|hemma|där))",
    "en": r"\b(?:she|he|(?:my|our)\s+(?:{kin}))\b(?:\s+(?:in|from)\s+\w+)?\s+"
    r"(?:is|has|had|can|cant|cannot|does|doesnt|did|didnt|never|needs|wants|got|knows|sees|hears|uses)\b"
    r"(?:\s+[\w-]+){{0,2}}?\s*(?:not|no|never|cant|dont|doesnt|nothing|badly|poorly|learn|\d+|"
    r"dementia|alzheimers?|memory|aphasia|blind|deaf|stroke|parkinsons?|only\s+an?\s+old|call|calls|message|sms|text|email)\b"
    r"(?!\s+(?:here|home|there|around|available|time))",
}
#: Asking help for someone or to act for them: "kan ni hjälpa min man", "sköta min mans
#: skatteärenden", "can you help my mum", "handle my dad's bills" (apostrophes are dropped).
_HELP_FOR_KIN = {
    "sv": r"\bhjälpa\s+(?:min|mitt|mina|vår)\s+(?:{kin})\b|"
    r"\bsköta\s+(?:min|mitt|mina|vår)\s+(?:{kin})s\b",
    "en": r"\bhelp\s+(?:my|our)\s+(?:{kin})\b|"
    r"\b(?:handle|manage|take care of|do)\s+(?:my|our)\s+(?:{kin})s\b",
}
#: A short answer: longer messages are stories the classifier reads as a whole.
SHORT_ANSWER_WORDS = 10


def is_advisor(text: str, language: str) -> bool:
    """Whether the writer introduces themselves as staff helping a client."""
    places, roles = _HELPER_PLACES[language], _HELPER_ROLES[language]
    lower = text.lower()
    works_at = re.search(rf"(?:{_FIRST_PERSON_WORK[language]})[^.!?]{{0,30}}(?:{places})", lower)
    has_role = re.search(rf"(?:{_FIRST_PERSON_ROLE[language]})\w*(?:{roles})\b", lower)
    here = re.search(_HERE_INTRO[language].format(places=places), lower)
    return bool(works_at or has_role or here or re.search(_CLIENT[language], lower, _FLAGS))


def names_someone_else(text: str, language: str) -> bool:
    return bool(re.search(_OTHERS[language], text.lower()))


def states_someone_elses_need(text: str, language: str) -> bool:
    """Whether a close person (or "hon", "he") is said to be the one who cannot or needs."""
    kin = _KIN[language]
    lower = text.lower().translate(_APOSTROPHES)
    return bool(
        re.search(_THIRD_PERSON_NEED[language].format(kin=kin), lower)
        or re.search(_HELP_FOR_KIN[language].format(kin=kin), lower)
    )


def weigh_foreign_asker(
    previous: Optional[str], stated: Optional[str], text: str, language: str
) -> Optional[str]:
    """The asker a Swedish or English message states (see the module docstring)."""
    if language not in _HELPER_PLACES:
        return stated
    if previous in (None, SELF) and is_advisor(text, language):
        return ADVISOR
    if previous is not None:
        return stated
    lower = text.lower()
    if stated in (None, SELF) and states_someone_elses_need(text, language):
        return RELATIVE
    if stated == RELATIVE and not names_someone_else(text, language):
        return SELF if re.search(_FIRST_PERSON[language], lower) else stated
    if stated is None and len(lower.split()) <= SHORT_ANSWER_WORDS:
        if re.search(_THIRD_PERSON_START[language], lower):
            return RELATIVE
        if re.search(_FIRST_PERSON_START[language], lower) or (
            re.search(_FIRST_PERSON[language], lower) and not names_someone_else(text, language)
        ):
            return SELF
    return stated
