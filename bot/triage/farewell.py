"""Thanks and farewells in their spoken forms: "kiitti, moikka" ends a conversation.

"moi" and "moikka" are both hello and goodbye in Finnish; the difference is where they come.
After the person has already talked with the assistant, a greeting word together with a thank
or an ending word ("kiitti moikka", "ok kiitos hei hei") is a farewell, and answering it with
the opening greeting reads as if the assistant had forgotten the whole conversation.
"""

from __future__ import annotations

import re

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


def is_farewell(text: str, conversation_started: bool) -> bool:
    """Whether `text` ends the conversation, given whether anything was discussed before."""
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


def is_thanks(text: str) -> bool:
    """A thank-you with no question in it ("kiitos nopeesta vastauksesta")."""
    lowered = text.lower()
    return bool(_THANK.search(lowered)) and not _QUESTION.search(lowered)
