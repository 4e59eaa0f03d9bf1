"""Which limits a question is really about, for questions the classifier did not route.

The limits catalogue lists device words ("puhelin", "kone") as cues of the repair limit, which
is right inside a question already known to be about limits ("voitteko korjata koneeni?"), but
"voiko kirjastossa saada apua puhelimen kanssa" is a question about help, not about repairs. So
outside the limits intent a limit counts only with a cue that is not a mere device name.

The catalogue's cues are Finnish base forms; in a Swedish or English conversation (`language`
"sv" or "en") the limits are also found from that language's cue table
(bot/triage/cues_sv.py, cues_en.py LIMIT_CUES: "logga in åt mig", "fix my computer"), scored
the same way: the number of distinct cues, ties in the catalogue's order.
"""

from __future__ import annotations

from types import ModuleType
from typing import Dict, List, Optional

from bot.limits.config import LimitsConfig
from bot.limits.questions import match_question, message_forms
from bot.triage import foreign

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


#: The same for the Swedish and English cues of the catalogue (data/limits/helper_limits.yml),
#: in a Swedish or English conversation: "can i get help with my phone" asks for help.
FOREIGN_CONTEXT_ONLY_CUES = frozenset(
    {"dator", "telefon", "surfplatta", "computer", "laptop", "phone", "tablet", "logga", "log",
     "login", "inloggning"}
)  # fmt: skip


def limits_asked_about(
    text: str, config: LimitsConfig, language: Optional[str] = "fi"
) -> List[str]:
    """The limits a question is about, best first, each with a cue that is not a mere thing."""
    table = foreign.cues(language)
    context_only = (
        CONTEXT_ONLY_CUES if table is None else CONTEXT_ONLY_CUES | FOREIGN_CONTEXT_ONLY_CUES
    )
    forms = message_forms(text)
    found = [
        key
        for key in match_question(forms, config)
        if (forms & set(config.limits[key].cues)) - context_only
    ]
    if table is None:
        return found
    foreign_found = _foreign_limits(text, config, table, context_too=False)
    return list(dict.fromkeys([*foreign_found, *found]))


def match_question_in(text: str, config: LimitsConfig, language: Optional[str] = "fi") -> List[str]:
    """bot.limits.match_question in the conversation's language: every cue counts, device
    names too (for a question already known to be about limits: "can you fix my laptop")."""
    found = match_question(text, config)
    table = foreign.cues(language)
    if table is None:
        return found
    return list(dict.fromkeys([*_foreign_limits(text, config, table, context_too=True), *found]))


def _foreign_limits(
    text: str, config: LimitsConfig, table: ModuleType, context_too: bool
) -> List[str]:
    words = foreign.tokens(text)
    context_only = set(table.LIMIT_CONTEXT_ONLY)
    scores: Dict[str, int] = {}
    for key, cue_list in table.LIMIT_CUES.items():
        if key not in config.limits:
            continue
        matched = [cue for cue in cue_list if foreign.has(words, (cue,))]
        if matched and (context_too or set(matched) - context_only):
            scores[key] = len(matched)
    order = {key: index for index, key in enumerate(config.limits)}
    return sorted(scores, key=lambda key: (-scores[key], order[key]))
