"""Secrets typed after a code or password cue: "salasana on X", "PIN-koodi 4321".

Codes and passwords have no shape to validate, so they are recognised by what precedes them:
a cue word followed by a value. Cues are Finnish, colloquial Finnish, Swedish and English,
because a municipality's chat hears all of them: salasana, tunnusluku, PIN, pankkitunnus,
koodi, hetu / passu, tunnari, pinni, sotu / lösenord, PIN-kod, säkerhetskod, personnummer /
password, passcode, code, username. A zip, postal, area, bar or QR code is no cue, nor a
Swedish "postkod".

Rules, in order of trust:
- cue + explicit separator ("on", "ovat", "är", "is", ":", "=") + value: the value is
  redacted unless it is an ordinary word that describes the code instead of being it
  ("salasana on unohtunut", "tunnusluku on väärä", "lösenordet är fel", "my password is
  wrong"). The benign list is deliberately small: when in doubt, redact. A needless warning
  costs a sentence; a stored password costs trust.
- cue + value without a separator ("PIN-koodi 4321", "tunnusluku 1234", "hetuni131052"):
  only values containing a digit, because "salasana unohtui" / "passu unohtui" is far more
  common than a bare word password; and not a date, time or amount ("tunnusluvut tulivat
  12.3.", "PIN-kirje 5 €"; bot.guard.everyday).
- Weak cues are words that as often mean something else: "avain" (a door key as much as the
  mobile key app) and "kortti" / "card" / "kort" (the card, not its number). Their first value
  must hold at least four digits ("avain on 4821", "kortti 4111 1111", not "kortin 2
  viikkoa") and be no date, time or amount, whatever the separator.
- Half of an identity code after its cue ("mun hetu on 131052") is a value like any other: it
  is redacted at its own turn, and bot.guard.split_turns catches the other half in the next
  message.
- Several cues joined by "ja" ("käyttäjätunnus ja salasana ovat X Y") expect as many values;
  further values are taken while they look like codes (digits, symbols, odd capitals).
- A bare secret (the whole message is one or a few code-like tokens, e.g. "1234" or
  "123456 ja 9876") is only recognised when the previous message talked about codes; see
  bot.guard.memory. A plain word on its own ("Oulu") is never taken for a password, nor an
  everyday value: a postal code, phone number, date, time or amount ("90100", "040 123 4567").
  Four digits stay a code even when they could be a year: that is a PIN's shape.

Pure regular expressions, no Voikko: this runs on every message and on every log record, from
any thread. Cue words match letters only ("hetuni131052" is the cue "hetuni" and a value), and
every value token is bounded (MAX_TOKEN), so a 100 kB message stays linear.
"""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

from bot.guard.everyday import everyday_value_end, is_everyday_message
from bot.guard.findings import PLACEHOLDERS, SECRET, Finding

#: "{rest}" in a cue below: the rest of a word, letters only (a value glued to a cue stays a
#: value); "{end}": the word ends here.
_REST = r"[^\W\d_]*"
_END = r"(?![^\W\d_])"


def _alternatives(*patterns: str) -> str:
    return "|".join(patterns).replace("{rest}", _REST).replace("{end}", _END)


#: Cues whose value may be any word after a separator ("salasana on kissa").
_STRONG_CUE = _alternatives(
    r"pin(?:[- ]?(?:kood[ie]|kod|lu(?:ku|vu)){rest})?{end}",
    r"pinni{rest}",
    r"puk(?:[- ]?kood[ie]{rest})?{end}",
    r"{rest}tunnu[sk]{rest}",  # tunnus, pankkitunnukset, henkilötunnus
    r"{rest}tunnar{rest}",  # colloquial "tunnarit", "pankkitunnari"
    r"{rest}salasan{rest}",  # salasana, kertakäyttösalasanat
    r"{rest}kood[ie]{rest}",  # koodi, turvakoodi, vahvistuskoodin, koodit
    r"avainlu{rest}",
    r"turvalu{rest}",
    r"passu{rest}",  # colloquial
    r"salis{end}",
    r"hetu{rest}",  # identity code: half of one is a secret too
    r"sotu{rest}",
    r"kirjautumistie{rest}",
    # Swedish: lösenord(et), PIN-kod(en), bankkoder, säkerhetskod; not "postkod"
    r"{rest}lösen(?:ord{rest})?",
    r"(?!post){rest}kod(?:en|er|erna)?{end}",
    r"personnummer{rest}",
    r"användar(?:namn|-?id){rest}",
    # English: password, passcode, (security) code; not a zip, post, area, bar or QR code
    r"passwor{rest}",
    r"passcode{rest}",
    r"cv[cv]2?{end}",
    r"(?<!zip )(?<!post )(?<!postal )(?<!area )(?<!bar )(?<!qr )codes?{end}",
    r"user ?(?:name|id){end}",
    r"login{end}",
)
#: Cues that are ordinary words as often as they introduce a code: their first value must hold
#: at least MIN_WEAK_DIGITS digits ("avain on 4821", "kortti 4111 1111", not "kortin 2 viikkoa").
_WEAK_CUE = _alternatives(
    r"{rest}avai(?:n|me){rest}",  # avain, mobiiliavaimen
    r"kort(?:ti|in)(?: ?numero{rest})?{end}",
    r"kortinnumero{rest}",
    r"korttinumero{rest}",
    r"kort(?:et|nummer{rest})?{end}",  # Swedish
    r"card(?: ?(?:number|no))?{end}",
)
MIN_WEAK_DIGITS = 4
_CUE_WORD = r"(?<![\w])(?:" + _STRONG_CUE + r"|" + _WEAK_CUE + r")"
#: A cue, or several joined by "ja"/"sekä"/"tai"/","/"/" ("käyttäjätunnus ja salasana").
_CUE_CHAIN = re.compile(
    _CUE_WORD + r"(?:\s*(?:,|/|&|\s(?:ja|sekä|tai|and|or|och|eller))\s*" + _CUE_WORD + r")*",
    re.IGNORECASE,
)
_CUE_SINGLE = re.compile(_CUE_WORD, re.IGNORECASE)
_STRONG_SINGLE = re.compile(_STRONG_CUE, re.IGNORECASE)

#: Words that may sit between the cue and the separator or value ("salasana mulla on siis X").
_FILLER = (
    r"(?:mulla|minulla|mun|sulla|sinulla|hänellä|siis|nyt|sitten|muuten|tässä|tämä|tää"
    r"|vaan|niinku|just|seuraava|seuraavat|now|still|actually|nu|alltså)(?![\w])"
)
_SEPARATOR = re.compile(
    r"(?:\s+" + _FILLER + r")*"
    r"(?:\s*[:=]|\s+(?:on|o|ovat|oli|olivat|olis|olisi|ois|oisi|is|are|was|är|var)(?![\w])"
    r"(?:\s*:)?|\s+[-\u2013]\s)"
    r"(?:\s+" + _FILLER + r"(?:\s*:)?)*",
    re.IGNORECASE,
)
_DIRECT = re.compile(r"(?:\s*[,.]?\s+|\s*$|(?=[0-9]))", re.IGNORECASE)
_CONNECTOR = re.compile(r"\s*(?:[,;/&+]\s*|\s(?:ja|sekä|and|och)\s+|\s+)", re.IGNORECASE)
#: One value: a token, at most this long (a longer "token" is no password, and an unbounded
#: match after every cue would make a 100 kB message quadratic).
MAX_TOKEN = 128
_TOKEN = re.compile(r"\S{1," + str(MAX_TOKEN) + r"}")
_QUOTES = "\"'\u201c\u201d\u00ab\u00bb\u2018\u2019"
_TRAILING = ".,;:!?)"
MAX_VALUES = 8
MAX_QUOTED = 80

#: Whole words after a cue that describe a code instead of being one (Finnish, English, Swedish).
BENIGN_WORDS = frozenset(
    """
    jo ei en eikä enää ja että kun jos mutta vai tai ihan tosi aina myös vielä niin kai ehkä
    se ne sama eri oma uusi mun minun sun sinun hänen mulla sulla ok okei mikä mitä missä mistä
    mihin miten joku jokin jotain jotakin vain pois auki kiinni liian hyvä huono heikko vahva
    pitkä lyhyt väärin oikein oikea väärä vanha ollut olemassa annettu tullut mennyt pakko
    sellainen semmoinen tämmöinen hän he me te minä sinä mä sä tämä tää toi tuo nää nämä
    not no none the a an in on at to of for from by with my your his her our their it its is
    was this that what which where how why wrong incorrect invalid correct right expired
    locked blocked forgotten forgot lost missing gone changed new old same different too very
    also already required needed needs working valid secret safe strong weak long short saved
    stored sent coming case sensitive reset stolen compromised
    fel rätt inte ej borta ny nytt nya gammal gamla gammalt samma olika för också redan hemlig
    hemligt hemliga kvar min mitt din ditt det den en ett på i till och eller vad hur glömt
    glömde glömd glömda tappat låst låste spärrat spärrad ogiltigt ogiltig giltigt giltig
    ändrat bytt utgånget utgått förlorat stulet skickat korrekt säkert svagt starkt långt
    """.split()
)
#: Word beginnings with the same role ("unohtunut", "vanhentunut", "lukossa", "äidillä").
BENIGN_STEMS = (
    "unohtu", "unohd", "unoht", "huka", "hukku", "hävi", "kadon", "kadot", "kadok", "kateis",
    "vanhe", "vanhen", "lukit", "lukkiu", "lukos", "vaihd", "vaihtu", "muuttu", "muutet",
    "umpeu", "väärä", "vääri", "turvalli", "helppo", "vaikea", "salai", "tärkeä", "muistis",
    "kirjoitet", "estet", "poistet", "kelvo", "toimi", "käytös", "pakollin", "lähetet",
    "henkilökoht", "yksityi", "väliaikai", "erilai", "samanlai", "sopiva", "tekstivies",
    "sähköpos", "kirjee", "paperi", "vihko", "vihos", "puhelime", "äidil", "isäl", "hänel",
    "minul", "sinul", "meil", "teil", "heil", "voimas", "tallel", "talles", "kunnos", "numero",
    "merkki", "kirjai", "kaik", "jokai", "usei", "usea", "molem", "mones", "sama", "huono",
    "heiko", "vahvo", "pitk", "lyhy", "suljet", "sulkeu", "sulje", "peruu", "perut", "uusit",
    "tilat", "nollat", "jäädy", "mitätö", "forgott", "expire", "glömm", "spärr",
)  # fmt: skip


def mentions_secret(text: str) -> bool:
    """True when the text talks about codes or passwords (sets the two-message memory)."""
    return bool(text) and _CUE_SINGLE.search(text) is not None


def is_placeholder_at(text: str, position: int) -> bool:
    return any(text.startswith(p, position) for p in PLACEHOLDERS.values())


#: "tunnukset on kaverilla", "sovellus oli siinä": a lower-case word in a place case says where
#: the code is, not what it is. A password typed as one inflected lower-case word is rare, and
#: losing "kaverilla" loses the fact that someone else holds the codes.
_WHERE = re.compile(
    r"(?:siinä|tässä|täällä|siellä|tuolla|kotona|mukana|jossain|jollain\w*)$"
    r"|[a-zåäö]{3,}(?:lla|llä|ssa|ssä|lle|lta|ltä)$"
)


def _is_benign(token: str) -> bool:
    word = token.lower()
    if not word.replace("-", "").isalpha():
        return False
    if token == word and _WHERE.fullmatch(word):
        return True
    return word in BENIGN_WORDS or word.startswith(BENIGN_STEMS)


def looks_code_like(token: str) -> bool:
    """Digits, symbols or capitals inside the word: the look of a code, not of a word."""
    if any(char.isdigit() for char in token):
        return True
    if any(not (char.isalpha() or char == "-") for char in token):
        return True
    inner = token[1:]
    return any(char.isupper() for char in inner) and any(char.islower() for char in token)


def _value_at(text: str, position: int) -> Optional[Tuple[int, int, str]]:
    """The value starting at ``position``: a quoted phrase or one token (no trailing punctuation).

    Returns (start, end, token) or None at the end of the text or at a placeholder.
    """
    if position >= len(text) or is_placeholder_at(text, position):
        return None
    if text[position] in _QUOTES:
        window = text[position + 1 : position + 1 + MAX_QUOTED]
        closing = next((i for i, char in enumerate(window) if char in _QUOTES), None)
        if closing is not None and closing > 0:
            end = position + closing + 2
            return position, end, text[position:end]
    match = _TOKEN.match(text, position)
    if match is None:
        return None
    token = match.group().rstrip(_TRAILING)
    if not token:
        return None
    return position, position + len(token), token


def _first_value_is_secret(text: str, start: int, token: str, explicit: bool, weak: bool) -> bool:
    """The rules for the value right after a cue (see the module docstring)."""
    if token[0] in _QUOTES:
        return True
    if _is_benign(token):
        return False
    if explicit and not weak:
        return True
    digits = sum(map(str.isdigit, token))
    needed = MIN_WEAK_DIGITS if weak else 1
    return digits >= needed and everyday_value_end(text, start) is None


def _values_after(
    text: str, position: int, expected: int, explicit: bool, weak: bool = False
) -> List[Tuple[int, int]]:
    """Spans of the values following a cue (chain) whose separator ends at ``position``."""
    spans: List[Tuple[int, int]] = []
    while len(spans) < MAX_VALUES:
        value = _value_at(text, position)
        if value is None:
            break
        start, end, token = value
        if _CUE_SINGLE.match(text, start) and spans:
            break  # the next cue starts: "tunnus: matti77, salasana: X" is two findings
        if not spans:
            if not _first_value_is_secret(text, start, token, explicit, weak):
                break
        elif token[0] not in _QUOTES and not looks_code_like(token):
            if len(spans) >= expected or _is_benign(token):
                break
        spans.append((start, end))
        # Values continue only after a space, comma or "ja": punctuation ends the sentence.
        connector = _CONNECTOR.match(text, end)
        if connector is None:
            break
        position = connector.end()
    return spans


def find_cue_secrets(text: str) -> Iterator[Finding]:
    """Values typed right after a code/password cue."""
    for cue in _CUE_CHAIN.finditer(text):
        cues = [single.group() for single in _CUE_SINGLE.finditer(cue.group())]
        # Weak only if no word is a strong cue ("avainluku" is strong, though it holds "avain").
        weak = not any(_STRONG_SINGLE.fullmatch(word) for word in cues)
        separator = _SEPARATOR.match(text, cue.end())
        if separator is not None:
            start = _skip_space(text, separator.end())
            spans = _values_after(text, start, len(cues), True, weak)
        else:
            direct = _DIRECT.match(text, cue.end())
            if direct is None:
                continue
            spans = _values_after(text, direct.end(), len(cues), False, weak)
        if spans:
            yield Finding(SECRET, spans[0][0], spans[-1][1])


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


_BARE_TOKEN = re.compile(r"[^\s,;]+")
_BARE_CONNECTORS = frozenset({"ja", "sekä", "and", "och", "&", "+", "/"})
#: A bare number shorter than this is an answer ("2", "12"), not a code.
MIN_BARE_DIGITS = 3


def _bare_code_like(token: str) -> bool:
    if token.isdigit():
        return len(token) >= MIN_BARE_DIGITS
    return looks_code_like(token)


def find_bare_secret(text: str) -> Optional[Finding]:
    """The whole message as a code list: "1234", "Kissa123!", "123456 ja 9876".

    Only meaningful right after a message about codes (the caller decides). A lone ordinary
    word is not a bare secret: it is far more often an answer such as a municipality name; nor
    is an everyday value (bot.guard.everyday): "90100" answers the question where one lives.
    """
    if is_everyday_message(text):
        return None
    values: List[Tuple[int, int]] = []
    for match in _BARE_TOKEN.finditer(text):
        token = match.group().rstrip(_TRAILING)
        if not token or token.lower() in _BARE_CONNECTORS:
            continue
        start = match.start()
        if len(values) == MAX_VALUES or is_placeholder_at(text, start) or token.startswith("["):
            return None
        if not _bare_code_like(token):
            return None
        values.append((start, start + len(token)))
    if not values:
        return None
    return Finding(SECRET, values[0][0], values[-1][1])
