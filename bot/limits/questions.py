"""Which limit a direct question is about: "voiko digitukihenkilö kirjautua puolestani?".

The intent classifier already decided the message asks about helpers' limits; this only picks
WHICH limit(s), from the cue words of data/limits/helper_limits.yml. Each word of the message
is compared in several forms: as typed (lower case), as its Voikko base form (with spelling
correction, people type in a hurry), as its compound parts ("pankkitunnuksia" ->
pankkitunnus, pankki, tunnus) and as its Swedish and English base forms ("koderna" -> kod),
so a Swedish or English question finds the same limit. A limit's score is the number of
distinct cues found; limits are returned best first, ties in the catalogue's order.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Mapping, Set, Union

from bot.guard.findings import PLACEHOLDERS
from bot.language.lemmas import foreign_lemma
from bot.language.voikko import get_analyzer
from bot.limits.config import LimitsConfig

_WORD = re.compile(r"\w+(?:[-.]\w+)*")


def message_forms(text: str) -> Set[str]:
    """Every form under which a cue may appear in ``text``.

    The guard's placeholders are removed first: "[henkilötunnus poistettu]" is not a question
    about credentials.
    """
    for placeholder in PLACEHOLDERS.values():
        text = text.replace(placeholder, " ")
    analyzer = get_analyzer()
    forms: Set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        forms.add(word.lower())
        forms.add(analyzer.base_form(word, correct_spelling=True).lower())
        forms.update(part.lower() for part in analyzer.compound_parts(word))
        forms.update(foreign_lemma(word, language) for language in ("sv", "en"))
    return forms


def score_limits(forms: Iterable[str], config: LimitsConfig) -> Mapping[str, int]:
    found = set(forms)
    return {key: len(found.intersection(spec.cues)) for key, spec in config.limits.items()}


def match_question(text_or_lemmas: Union[str, Iterable[str]], config: LimitsConfig) -> List[str]:
    """Limit keys the question is about, best first; empty when nothing matches.

    Accepts the message text (analysed with Voikko here) or already computed forms / lemmas
    (used as given, lower-cased).
    """
    if isinstance(text_or_lemmas, str):
        forms = message_forms(text_or_lemmas)
    else:
        forms = {form.lower() for form in text_or_lemmas}
    scores = score_limits(forms, config)
    order = {key: index for index, key in enumerate(config.limits)}
    matched = [key for key, score in scores.items() if score > 0]
    return sorted(matched, key=lambda key: (-scores[key], order[key]))
