"""Base forms of Swedish and English words, for the tokenizer's lemmas.

Voikko knows Finnish only; Swedish inflects too ("bankkoderna", "fullmakter" -> "fullmakt"), so
Swedish and English tokens get their base forms from simplemma, which ships its dictionaries
in the package (no download at run time).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=50_000)
def foreign_lemma(word: str, language: str) -> str:
    """The lower-case base form of a Swedish ("sv") or English ("en") word."""
    import simplemma

    return simplemma.lemmatize(word.lower(), lang=language).lower() or word.lower()
