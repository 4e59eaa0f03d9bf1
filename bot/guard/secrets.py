"""Secrets typed after a code or password cue: "salasana on X", "PIN-koodi 4321".

Codes and passwords have no shape to validate, so they are recognised by what precedes them:
a cue word (salasana, tunnusluku, PIN, pankkitunnus, koodi ...) followed by a value.

Rules, in order of trust:
- cue + explicit separator ("on", "ovat", ":", "=") + value: the value is redacted unless it is
  an ordinary word that describes the code instead of being it ("salasana on unohtunut",
  "tunnusluku on väärä"). The benign list is deliberately small: when in doubt, redact. A
  needless warning costs a sentence; a stored password costs trust.
- cue + value without a separator ("PIN-koodi 4321", "tunnusluku 1234"): only values containing
  a digit, because "salasana unohtui" is far more common than a bare word password.
- Several cues joined by "ja" ("käyttäjätunnus ja salasana ovat X Y") expect as many values;
  further values are taken while they look like codes (digits, symbols, odd capitals).
- A bare secret (the whole message is one or a few code-like tokens, e.g. "1234" or
  "123456 ja 9876") is only recognised when the previous message talked about codes; see
  bot.guard.memory. A plain word on its own ("Oulu") is never taken for a password.

Pure regular expressions, no Voikko: this runs on every message and on every log record, from
any thread.
"""

from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

from bot.guard.findings import PLACEHOLDERS, SECRET, Finding

_CUE_WORD = (
    r"(?<![\w])(?:"
    r"pin(?:[- ]?(?:kood[ie]\w*|lu(?:ku|vu)\w*))?(?![\w])"
    r"|puk(?:[- ]?kood[ie]\w*)?(?![\w])"
    r"|\w*tunnu[sk]\w*"  # tunnus, pankkitunnukset, käyttäjätunnus, tunnusluku, henkilötunnus
    r"|\w*tunnar\w*"  # colloquial "tunnarit", "pankkitunnarit"
    r"|\w*salasan\w*"  # salasana, kertakäyttösalasanat
    r"|\w*kood[ie]\w*"  # koodi, turvakoodi, vahvistuskoodin, koodeja
    r"|avainlu\w*|turvalu\w*|passwor\w*|passcode\w*|cv[cv]\d?"
    r")"
)
#: A cue, or several joined by "ja"/"sekä"/"tai"/","/"/" ("käyttäjätunnus ja salasana").
_CUE_CHAIN = re.compile(
    _CUE_WORD + r"(?:\s*(?:,|/|&|\s(?:ja|sekä|tai|and|or))\s*" + _CUE_WORD + r")*",
    re.IGNORECASE,
)
_CUE_SINGLE = re.compile(_CUE_WORD, re.IGNORECASE)

#: Words that may sit between the cue and the separator or value ("salasana mulla on siis X").
_FILLER = (
    r"(?:mulla|minulla|mun|sulla|sinulla|hänellä|siis|nyt|sitten|muuten|tässä|tämä|tää"
    r"|vaan|niinku|just|seuraava|seuraavat)(?![\w])"
)
_SEPARATOR = re.compile(
    r"(?:\s+" + _FILLER + r")*"
    r"(?:\s*[:=]|\s+(?:on|ovat|oli|olivat|olis|olisi|ois|oisi|is|are|was)(?![\w])(?:\s*:)?"
    r"|\s+[-\u2013]\s)"
    r"(?:\s+" + _FILLER + r"(?:\s*:)?)*",
    re.IGNORECASE,
)
_DIRECT = re.compile(r"(?:\s*[,.]?\s+|\s*$)", re.IGNORECASE)
_CONNECTOR = re.compile(r"\s*(?:[,;/&+]\s*|\s(?:ja|sekä|and)\s+|\s+)", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_QUOTES = "\"'\u201c\u201d\u00ab\u00bb\u2018\u2019"
_TRAILING = ".,;:!?)"
MAX_VALUES = 8
MAX_QUOTED = 80

#: Whole words after a cue that describe a code instead of being one.
BENIGN_WORDS = frozenset(
    """
    jo ei en eikä enää ja että kun jos mutta vai tai ihan tosi aina myös vielä niin kai ehkä
    se ne sama eri oma uusi mun minun sun sinun hänen mulla sulla ok okei mikä mitä missä mistä
    mihin miten joku jokin jotain jotakin vain pois auki kiinni liian hyvä huono heikko vahva
    pitkä lyhyt väärin oikein oikea väärä vanha ollut olemassa annettu tullut mennyt pakko
    sellainen semmoinen tämmöinen hän he me te minä sinä mä sä tämä tää toi tuo nää nämä
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
    "tilat", "nollat", "jäädy", "mitätö",
)  # fmt: skip


def mentions_secret(text: str) -> bool:
    """True when the text talks about codes or passwords (sets the two-message memory)."""
    return bool(text) and _CUE_SINGLE.search(text) is not None


def is_placeholder_at(text: str, position: int) -> bool:
    return any(text.startswith(p, position) for p in PLACEHOLDERS.values())


def _is_benign(token: str) -> bool:
    word = token.lower()
    if not word.replace("-", "").isalpha():
        return False
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


def _values_after(text: str, position: int, expected: int, explicit: bool) -> List[Tuple[int, int]]:
    """Spans of the values following a cue (chain) whose separator ends at ``position``."""
    spans: List[Tuple[int, int]] = []
    while len(spans) < MAX_VALUES:
        value = _value_at(text, position)
        if value is None:
            break
        start, end, token = value
        quoted = token[0] in _QUOTES
        if _CUE_SINGLE.match(text, start) and spans:
            break  # the next cue starts: "tunnus: matti77, salasana: X" is two findings
        if not quoted:
            if not spans:
                if _is_benign(token) or (not explicit and not any(c.isdigit() for c in token)):
                    break
            elif not looks_code_like(token) and (len(spans) >= expected or _is_benign(token)):
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
        expected = len(_CUE_SINGLE.findall(cue.group()))
        separator = _SEPARATOR.match(text, cue.end())
        if separator is not None:
            spans = _values_after(text, _skip_space(text, separator.end()), expected, True)
        else:
            direct = _DIRECT.match(text, cue.end())
            if direct is None:
                continue
            spans = _values_after(text, direct.end(), expected, False)
        if spans:
            yield Finding(SECRET, spans[0][0], spans[-1][1])


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


_BARE_CONNECTORS = frozenset({"ja", "sekä", "and", "&", "+", "/"})


def find_bare_secret(text: str) -> Optional[Finding]:
    """The whole message as a code list: "1234", "Kissa123!", "123456 ja 9876".

    Only meaningful right after a message about codes (the caller decides). A lone ordinary
    word is not a bare secret: it is far more often an answer such as a municipality name.
    """
    tokens = [(m.start(), m.start() + len(m.group().rstrip(_TRAILING)), m.group().rstrip(_TRAILING))
              for m in re.finditer(r"[^\s,;]+", text)]  # fmt: skip
    tokens = [t for t in tokens if t[2]]
    values = [t for t in tokens if t[2].lower() not in _BARE_CONNECTORS]
    if not values or len(values) > MAX_VALUES:
        return None
    for start, _end, token in values:
        if is_placeholder_at(text, start) or token.startswith("["):
            return None
        digits_only = token.isdigit()
        if digits_only and len(token) < 3:
            return None
        if not digits_only and not looks_code_like(token):
            return None
    return Finding(SECRET, values[0][0], values[-1][1])
