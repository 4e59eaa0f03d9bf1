"""The referral note's form labels: the headings and the few fixed values of the note.

WHY here and not in the domain: these are the labels of a form (like a page's button labels),
not sentences the assistant says in a conversation. Everything the note says beyond a label is
a domain response (bot.referral.note). They live on the server, not in the page, because the
plain-text note (copied into another system) needs them too.
"""

from __future__ import annotations

from typing import Dict

TITLE = "Lähete digitukeen"
DATE = "Päivämäärä"
NEED_LEVEL = "Tuen tarve"
TOPIC = "Asia"
ASKER = "Kuka kysyy"
MUNICIPALITY = "Kunta"
PROVIDER = "Tukipaikka"
LIMITS = "Mitä tukipaikka ei tee"
NEXT_STEPS = "Seuraavat askeleet"

#: Shown for whatever the conversation has not found out yet.
NOT_KNOWN = "ei vielä tiedossa"
#: The AUTA level as a number before its plain name: "Taso 3 – ei vielä käytä, ...".
LEVEL = "Taso {number} – {name}"

#: Who the need was told by (slot ``asker``).
ASKERS: Dict[str, str] = {
    "self": "asiakas itse",
    "relative": "asiakkaan läheinen",
    "advisor": "neuvoja asiakkaan kanssa",
}
