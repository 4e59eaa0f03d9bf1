"""Thanks and farewells in their spoken forms: "kiitti, moikka" ends a conversation.

"moi" and "moikka" are both hello and goodbye in Finnish; the difference is where they come.
After the person has already talked with the assistant, a greeting word together with a thank
or an ending word ("kiitti moikka", "ok kiitos hei hei") is a farewell, and answering it with
the opening greeting reads as if the assistant had forgotten the whole conversation.

Swedish and English work the same way ("tack hej", "hej hej" after a talk, "thats all
thanks"); in a conversation in either (`language` "sv" or "en") their cues
(bot/triage/cues_sv.py, cues_en.py) are read beside the Finnish ones.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Optional

from bot.triage import foreign

_THANKS = (
    r"kiitos|kiitti|kiitoksia|kiitokset|kitos|kiitoksii|kiits|kiitsi|kiitoo|"
    r"thanks|thänks|tänks|tenks|thx|tnx|tack"
)
_BYE = (
    r"hei\s*hei|heippa|heipat|moikka|moikat|moi\s*moi|moido|nähdään|näkemiin|kuulemiin|"
    r"hyvää\s+(?:päivän\s*jatkoa|jatkoa|illanjatkoa|päivää|yötä|viikonloppua)|bye|hejdå|"
    r"tää\s+riittää|riittää\s+tää|se\s+oli\s+siinä|mä\s+meen|lopetan|moro|moikkelis"
)
_FAREWELL = re.compile(rf"\b(?:{_BYE})\b")
_THANK = re.compile(rf"\b(?:{_THANKS})\w*")
# "ei muuta" ends a conversation only at its end: "ei muuta kuin että en pääse..." goes on.
_NOTHING_ELSE = re.compile(r"\bei\s+muuta(?:\s+(?:kiitos|kiitti|tällä\s+kertaa))?[\s.!]*$")
# A question in the same message carries the conversation on: "moikka! miten saan...".
_QUESTION = re.compile(r"\?|\b(?:miten|mitä|missä|mistä|miksi|voiko|saako|kuinka)\b")
_GREETING = re.compile(r"\b(?:moi|hei|terve|moro|heippa|moikka|hello|hi|hej)\b")


def is_farewell(text: str, conversation_started: bool, language: Optional[str] = "fi") -> bool:
    """Whether `text` ends the conversation, given whether anything was discussed before.

    `language`: the conversation's language (None is Finnish)."""
    table = foreign.cues(language)
    if table is None:
        return _finnish_is_farewell(text, conversation_started)
    if _QUESTION.search(text.lower()) or _f_question(text, table):
        return False
    return _finnish_is_farewell(text, conversation_started) or _f_is_farewell(
        text, conversation_started, table
    )


def _finnish_is_farewell(text: str, conversation_started: bool) -> bool:
    lowered = text.lower()
    if _QUESTION.search(lowered):
        return False
    if _NOTHING_ELSE.search(lowered):
        return True
    if _FAREWELL.search(lowered) and not lowered.strip().startswith(("hei hei", "moi moi")):
        return conversation_started or bool(_THANK.search(lowered))
    if lowered.strip().startswith(("hei hei", "moi moi")) and conversation_started:
        return True
    # "kiitti moi": a thank with a greeting word is a goodbye once the talk has begun.
    return conversation_started and bool(_THANK.search(lowered)) and bool(_GREETING.search(lowered))


def is_thanks(text: str, language: Optional[str] = "fi") -> bool:
    """A thank-you with no question in it ("kiitos nopeesta vastauksesta")."""
    lowered = text.lower()
    table = foreign.cues(language)
    if table is None:
        return bool(_THANK.search(lowered)) and not _QUESTION.search(lowered)
    thanks = bool(_THANK.search(lowered)) or foreign.found_in(text, table.THANKS)
    return thanks and not _QUESTION.search(lowered) and not _f_question(text, table)


# ------------------------------------------------------------------ Swedish and English


def _f_is_farewell(text: str, conversation_started: bool, table: ModuleType) -> bool:
    words = foreign.tokens(text)
    if _f_nothing_else(words, table):
        return True  # "tack det var allt", "thats all thanks"
    thanks = foreign.has(words, table.THANKS)
    twice = any(start == 0 for start, _end in foreign.spans(words, table.GREETING_TWICE))
    if foreign.has(words, table.BYE) and not twice:
        return conversation_started or thanks
    if twice and conversation_started:
        return True  # "hej hej" after a talk
    return conversation_started and thanks and foreign.has(words, table.GREETINGS)


def _f_nothing_else(words: list, table: ModuleType) -> bool:
    """ "det var allt", "nothing else thanks": only at the end ("thats all i know, but...")."""
    return any(
        all(word in table.NOTHING_ELSE_TAIL for word in words[end:])
        for _start, end in foreign.spans(words, table.NOTHING_ELSE)
    )


def _f_question(text: str, table: ModuleType) -> bool:
    """A question goes on: a question word opening a clause ("thanks, how do i…", "tack men
    kan jag…"); not one inside it ("thats what i needed", "det var allt")."""
    for part in re.split(r"[.,!;:\n]+", text):
        words = foreign.tokens(part)
        for index, word in enumerate(words):
            if word in table.QUESTION_WORDS and (
                index == 0 or words[index - 1] in table.QUESTION_JOINERS
            ):
                return True
    return False
