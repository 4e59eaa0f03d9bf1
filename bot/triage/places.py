"""A place typed as the answer to "Missä kunnassa?", typos included ("tampre", "jyväskyläs").

The municipality extractor is strict on purpose: in free text many words look like small
municipalities' names. As the answer to the place question, a short message is a place, so
each word may also be read through Voikko's spelling suggestion.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.language import get_analyzer
from bot.places import get_index

_WORD = re.compile(r"[^\W\d_]{3,}")
MAX_ANSWER_WORDS = 8


def place_answer(text: str) -> Optional[str]:
    """The municipality (base-form name) a short place answer names, or None."""
    words = _WORD.findall(text)
    if not words or len(words) > MAX_ANSWER_WORDS:
        return None
    index = get_index()
    analyzer = get_analyzer()
    for word in words:
        for candidate in (
            word,
            analyzer.base_form(word, correct_spelling=True),
            analyzer.suggest(word),
        ):
            if not candidate:
                continue
            found = index.by_name(candidate)
            if found:
                return found.name_fi
    return None
