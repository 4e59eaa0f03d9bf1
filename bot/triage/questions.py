"""Which limits a question is really about, for questions the classifier did not route.

The limits catalogue lists device words ("puhelin", "kone") as cues of the repair limit, which
is right inside a question already known to be about limits ("voitteko korjata koneeni?"), but
"voiko kirjastossa saada apua puhelimen kanssa" is a question about help, not about repairs. So
outside the limits intent a limit counts only with a cue that is not a mere device name.
"""

from __future__ import annotations

from typing import List

from bot.limits.config import LimitsConfig
from bot.limits.questions import match_question, message_forms

# Cues that name a thing, not an act: they support a limit but cannot make one on their own.
CONTEXT_ONLY_CUES = frozenset(
    {
        "kone",
        "tietokone",
        "läppäri",
        "puhelin",
        "kännykkä",
        "tabletti",
        "laite",
        "sovellus",
        "näyttö",
        "asioida",
        "asiointi",
        "kirjautua",
        "kirjautuminen",
    }
)


def limits_asked_about(text: str, config: LimitsConfig) -> List[str]:
    forms = message_forms(text)
    return [
        key
        for key in match_question(forms, config)
        if (forms & set(config.limits[key].cues)) - CONTEXT_ONLY_CUES
    ]
