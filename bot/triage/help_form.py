"""The form of help a person asks for: phone, chat or video, in person, a home visit, paper.

"en halua chattia, haluan mennä paikan päälle" says two things: not remote, in person. The
last form the message wants wins; a form it refuses is never chosen. Words that only name a
device ("puhelin ei toimi") are not a wish for phone help: phone help is asked for with a call
("soittaa", "puhelimitse", "puhelimessa" + help).

In a Swedish or English conversation (`language` "sv" or "en") the forms are read from that
language's cues (bot/triage/cues_sv.py, cues_en.py: "hembesök", "per telefon", "in person",
"i dont want a chat") first; a message they find nothing in is read as Finnish.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Dict, List, Optional, Tuple

from bot.triage import foreign

PHONE = "phone"
REMOTE = "remote"
IN_PERSON = "in_person"
HOME_VISIT = "home_visit"
PAPER = "paper"
HELP_FORMS = (PHONE, REMOTE, IN_PERSON, HOME_VISIT, PAPER)

# Each form's phrases as regular expressions over the lower-cased message (spoken forms too).
_PATTERNS: Dict[str, str] = {
    HOME_VISIT: r"kotikäyn\w*|kott?iin\s+(?:asti|apua|tuleva\w*)|tul\w*\s+"
    r"(?:\w+\s+){0,2}kott?iin|kotona\s+(?:käy\w*|käv\w*|auttama\w*|opastama\w*|neuvoma\w*)|"
    r"kotiapu\w*|kotiin\s+vietävä\w*|(?:käy|käv)\w*\s+(?:\w+\s+){0,2}kotona\b|"
    # the spoken order: "kottiin pitäs tulla", "kotiin joku tulis"
    r"kott?iin\s+(?:\w+\s+){0,2}tul\w*",
    IN_PERSON: r"paikan\s*päälle|paikan\s*päällä|kasvokkain|kasvotusten|henkilökohtaisesti|"
    r"(?:mennä|menis\w*|mennään|käydä|käymään|tulla)\s+(?:\w+\s+){0,2}(?:käymään|paikalle|"
    r"toimistolle|kirjastoon|pisteeseen|konttoriin)|paikalle|tiskille|"
    r"(?:mennä|käydä|pääsis\w*|pääsee)\s+(?:\w+\s+){0,1}(?:paikan|jonnekin|johonkin)|"
    r"ihmisen\s+luo|käydä\s+kysymässä|kädestä\s+pitäen|"
    # "tarvis henkilökohtaista ohjausta", "äiti tulee mukaan" (along to the place)
    r"henkilökohtai\w*\s+(?:ohjau\w*|ohjaus\w*|opastu\w*|opastus\w*|apu\w*|neuvon\w*)|"
    r"tul\w*\s+(?:itse\s+|ite\s+)?mukaan\b|"
    # someone at one's side: "tarviin jonkun istumaan viereen", "joku vieressä näyttämässä"
    r"istu\w*\s+(?:\w+\s+){0,1}viere\w*|(?:jonkun|joku)\s+(?:\w+\s+){0,1}viere(?:en|ssä)|"
    # "onko oulus mitään paikkaa mihin vois mennä", "minne voin mennä kysymään"
    r"paikka\w*\s+(?:\w+\s+){0,2}(?:mihin|minne|jonne|johon)\s+(?:\w+\s+){0,2}"
    r"(?:mennä|menis\w*|pääs\w*)|(?:mihin|minne)\s+(?:vois|voi|voisin|voin)\s+mennä",
    PHONE: r"puhelimitse|puhelimessa\s+(?:apua|neuvo\w*|opast\w*|joku)|"
    # "voisko joku neuvoa mua puhelimessa": helping said first, the phone after
    r"(?:neuvo|opast|autta|auta)\w*\s+(?:\w+\s+){0,2}puhelimessa\b|soittaa\s+(?:mulle|"
    r"minulle|hänelle|sille|äidille|isälle)|soitta\w*\s+(?:jonnekin|johonkin|numeroon)|"
    r"puhelinneuvon\w*|puhelinpalvel\w*|puhelinapu\w*|puhelintuk\w*|joku\s+soittais\w*|"
    r"(?:voi|vois\w*|saa|pystyy)\s+soittaa|numero\w*\s+(?:johon|mihin)\s+(?:\w+\s+){0,2}soit\w*|"
    # spoken conditional: "joku ihminen sois mulle", "jos joku soittais"
    r"joku\s+(?:\w+\s+){0,1}(?:sois|soittais\w*)\b|"
    r"soittakaa|soittaisitte|soita\s+(?:mulle|minulle)|soittamalla|"
    r"soittais\w*\s+(?:sille|hänelle|mulle|minulle|äidille|isälle)|"
    r"(?:halu\w*|vois\w*|pitäis\w*|mieluiten|mieluummin)\s+(?:\w+\s+){0,5}puhelim(?:ella|itse)\b|"
    r"puhelimella\s+(?:mieluiten|mieluummin|soittamalla)|"
    r"(?:mieluiten|mieluummin|ennemmin)\s+(?:\w+\s+){0,1}puhelim\w*|"
    r"(?:haluu?n|haluaisin|haluisin|haluais)\s+(?:\w+\s+){0,4}puhelim(?:essa|itse|ella)",
    # A chat wished for, or refused ("en halua chattia"); not a chat that is the problem.
    REMOTE: r"chatissa|chatilla|chatin\s+kautta|chattiin|chätissä|chattail\w*|"
    r"\bchat\b(?!\s+(?:ei|on\s+rikki))|chättäil\w*|videopuhelu(?:lla|n\s+kautta)\b|"
    r"videolla|videon\s+kautta|etänä|etäyhtey\w*lla|etäopast\w*|etätu\w*|ruudun\s*jak\w*|"
    r"näk\w*\s+(?:\w+\s+){0,2}ruudu\w*|"
    r"(?:onko|onks|olisko|oisko|löytyykö|löytyyks)\s+(?:\w+\s+){0,2}(?:chat\w*|chät\w*)",
    # Paper as the way to do the errand; not "paperit hukassa" or a printer out of paper.
    PAPER: r"paperilla|paperisen\w*|paperinen|paperise\w*|paperilomak\w*|paperiversi\w*|"
    r"paperist\w*\s+(?:lomak|hakemu|versio)\w*|"
    r"paperihakemu\w*|paperipost\w*|lomake\s+postissa|postitse|kirjeellä|"
    r"paperi\w*\s+(?:\w+\s+){0,2}postissa|"
    r"ilman\s+(?:nettiä|tietokonetta|konetta)",
}
_COMPILED = {form: re.compile(pattern) for form, pattern in _PATTERNS.items()}
# Words that name a form only when refused ("ei mitään chattia", "en halua videopuheluita");
# otherwise they name the topic ("miten soitetaan videopuheluita").
_REFUSABLE = {REMOTE: re.compile(r"chattia|chättiä|videopuhelu(?:ita|ja|a)\b")}
# "mieluummin puhelimessa ku chatissa": what follows "ku(in)" after a preference is refused.
_RATHER_THAN = re.compile(r"\b(?:mieluummin|mieluiten|ennemmin)\b.*?\bku(?:in)?\s+(?:\w+\s+){0,2}$")
# Asking for a person rather than the bot.
_PERSON = re.compile(
    r"(?:puhua|jutella|keskustella|asioida)\s+(?:\w+\s+){0,2}ihmisen\s+kanssa|"
    r"oike\w*\s+ihmi\w*|ihmisen\s+kanssa\s+(?:eikä|enkä|ei)|ei\s+(?:halua\s+)?"
    r"(?:jutella\s+)?botin|joku\s+(?:vois\w*\s+)?soitta\w*\s+(?:mulle|minulle|sille|hänelle)|"
    r"voisko\s+joku\s+(?:ihminen\s+)?soittaa|joku\s+(?:ihminen\s+)?(?:sois|soittais\w*)\s+"
    r"(?:mulle|minulle|sille|hänelle|niille|heille|äidille|isälle)"
)
_REFUSAL = re.compile(r"\b(?:en|ei|enkä|eikä|emme|eivät)\s+(?:\w+\s+){0,2}$")


# "hoitanu laskut paperilla" is a habit; paper is a wish only with a word of wishing or asking.
_PAPER_WISH = re.compile(
    r"\b(?:halu\w*|vois\w*|saa\w*|saisi\w*|pitäis\w*|mieluiten|mieluummin|onko|onks|"
    r"kiitos|pyytää|pyydä\w*|tilata|tulis\w*|edelleen|jatkossa|vaan|enää|tarvi\w*|tarvits\w*)\b"
)


def help_form(text: str, language: Optional[str] = "fi") -> Tuple[Optional[str], Tuple[str, ...]]:
    """(the form wanted or None, the forms refused) in `text`.

    `language`: the conversation's language (None is Finnish)."""
    table = foreign.cues(language)
    if table is None:
        return _finnish_help_form(text)
    wanted, refused = _f_help_form(text, table)
    if wanted or refused or foreign.found_in(text, table.FORM_NOT_A_WISH):
        return wanted, tuple(refused)
    # Nothing in the language's own cues: a message in Finnish ("paperilla kiitos") is read
    # as Finnish; a form the language's cues discarded ("the chat doesnt work") is not.
    return _finnish_help_form(text)


def _finnish_help_form(text: str) -> Tuple[Optional[str], Tuple[str, ...]]:
    lowered = text.lower()
    wanted: Dict[str, int] = {}
    refused = []
    for form, pattern in _COMPILED.items():
        for match in pattern.finditer(lowered):
            before = lowered[max(0, match.start() - 30) : match.start()]
            if _REFUSAL.search(before) or _RATHER_THAN.search(lowered[: match.start()]):
                refused.append(form)
            elif form != PAPER or _PAPER_WISH.search(lowered) or len(lowered.split()) <= 3:
                wanted[form] = max(wanted.get(form, -1), match.start())
    for form, pattern in _REFUSABLE.items():
        for match in pattern.finditer(lowered):
            if _REFUSAL.search(lowered[max(0, match.start() - 30) : match.start()]):
                refused.append(form)
    choices = [form for form in wanted if form not in refused]
    best = max(choices, key=lambda form: wanted[form]) if choices else None
    return best, tuple(dict.fromkeys(refused))


def wants_a_person(text: str, language: Optional[str] = "fi") -> bool:
    """ "haluun puhua oikeen ihmisen kanssa", "voisko joku soittaa mulle": a person, not a bot.

    In Swedish and English also "riktig människa", "can someone call me"."""
    table = foreign.cues(language)
    if table is not None and foreign.found_in(text, table.PERSON):
        return True
    return _PERSON.search(text.lower()) is not None


# ------------------------------------------------------------------ Swedish and English


def _f_help_form(text: str, table: ModuleType) -> Tuple[Optional[str], List[str]]:
    """The same reading on a cue table: the last form wanted wins, a refused one never."""
    lowered, words, offsets = foreign.tokens_with_offsets(text)
    no_wish = {
        index
        for start, end in foreign.spans(words, table.FORM_NOT_A_WISH)
        for index in range(start, end)
    }
    paper_wished = foreign.has(words, table.FORM_PAPER_WISH) or len(words) <= 3
    wanted: Dict[str, int] = {}
    refused: List[str] = []
    for form, cue_list in table.FORMS.items():
        for start, end in foreign.spans(words, cue_list):
            if no_wish.intersection(range(start, end)):
                continue  # "the chat doesnt work"
            before = lowered[max(0, offsets[start] - 40) : offsets[start]]
            if foreign.ends_with_one_of(before, table.FORM_REFUSAL) or foreign.ends_with_one_of(
                before, table.FORM_RATHER_THAN
            ):
                refused.append(form)
            elif form != PAPER or paper_wished:
                wanted[form] = max(wanted.get(form, -1), start)
    choices = [form for form in wanted if form not in refused]
    best = max(choices, key=lambda form: wanted[form]) if choices else None
    return best, list(dict.fromkeys(refused))


# Paper as the only way, not a habit: "se haluu kaikki paperilla", "eikä aio opetella".
_PAPER_ONLY = re.compile(
    r"\b(?:halu\w*|tahto\w*)\s+(?:\w+\s+){0,3}paper\w*|\b(?:eikä|ei|en)\s+(?:\w+\s+){0,1}aio\b"
)


def insists_on_paper(text: str) -> bool:
    """A Finnish message that wants the matter on paper or will not go digital at all: level 4
    beside "never used", where "aina oon tehny kaiken paperilla" (a habit) is not."""
    return bool(_PAPER_ONLY.search(text.lower()))
