"""The referral note's form labels: the headings and the few fixed values of the note.

WHY here and not in the domain: these are the labels of a form (like a page's button labels),
not sentences the assistant says in a conversation. Everything the note says beyond a label is
a domain response (bot.referral.note). They live on the server, not in the page, because the
plain-text note (copied into another system) needs them too.

The note is in the conversation's language (slot ``language``), like the domain texts in it:
one set of labels per language, Finnish when the slot is unset or unknown. The words follow the
domain's own ("stödställe", "support place", "kunden", "the client").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Mapping


@dataclass(frozen=True)
class NoteLabels:
    """One language's labels of the note."""

    title: str
    date: str
    need_level: str
    topic: str
    asker: str
    municipality: str
    provider: str
    limits: str
    next_steps: str
    #: Shown for whatever the conversation has not found out yet.
    not_known: str
    #: The AUTA level as a number before its plain name: "Taso 3 – ei vielä käytä, ...".
    level: str
    #: Who the need was told by (slot ``asker``).
    askers: Mapping[str, str]


FINNISH = NoteLabels(
    title="Lähete digitukeen",
    date="Päivämäärä",
    need_level="Tuen tarve",
    topic="Asia",
    asker="Kuka kysyy",
    municipality="Kunta",
    provider="Tukipaikka",
    limits="Mitä tukipaikka ei tee",
    next_steps="Seuraavat askeleet",
    not_known="ei vielä tiedossa",
    level="Taso {number} – {name}",
    askers={
        "self": "asiakas itse",
        "relative": "asiakkaan läheinen",
        "advisor": "neuvoja asiakkaan kanssa",
    },
)

SWEDISH = NoteLabels(
    title="Remiss till digistöd",
    date="Datum",
    need_level="Stödbehov",
    topic="Ärende",
    asker="Vem frågar",
    municipality="Kommun",
    provider="Stödställe",
    limits="Vad stödstället inte gör",
    next_steps="Nästa steg",
    not_known="inte känt ännu",
    level="Nivå {number} – {name}",
    askers={
        "self": "kunden själv",
        "relative": "kundens närstående",
        "advisor": "rådgivare med kunden",
    },
)

ENGLISH = NoteLabels(
    title="Referral to digital support",
    date="Date",
    need_level="Support needed",
    topic="Topic",
    asker="Who is asking",
    municipality="Municipality",
    provider="Support place",
    limits="What the support place does not do",
    next_steps="Next steps",
    not_known="not known yet",
    level="Level {number} – {name}",
    askers={
        "self": "the client themselves",
        "relative": "a relative of the client",
        "advisor": "an advisor with the client",
    },
)

#: The labels per language code of the slot ``language`` (bot.language.detect.LANGUAGES).
BY_LANGUAGE: Dict[str, NoteLabels] = {"fi": FINNISH, "sv": SWEDISH, "en": ENGLISH}


def labels_for(language: Any) -> NoteLabels:
    """The labels in ``language`` (the slot's value); Finnish for an unset or unknown one,
    as the assistant itself speaks Finnish until a message says otherwise."""
    return BY_LANGUAGE.get(language, FINNISH) if isinstance(language, str) else FINNISH
