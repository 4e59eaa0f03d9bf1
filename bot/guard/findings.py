"""What the guard reports: the kind and place of a finding, never its value.

WHY no value field: a Finding travels further than the text it came from (metadata, logs,
analytics counts). If it carried the value, every consumer would become a place where an
identity code could leak. Positions refer to the ORIGINAL text and are only useful to whoever
already holds that text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict

#: Kinds of personal data the guard detects (stable strings: they go into message metadata).
IDENTITY_CODE = "identity_code"
CARD_NUMBER = "card_number"
IBAN = "iban"
SECRET = "secret"

KINDS = (IDENTITY_CODE, CARD_NUMBER, IBAN, SECRET)

#: What replaces a found value in the text Rasa, the tracker store and the logs see.
PLACEHOLDER_IDENTITY_CODE = "[henkilötunnus poistettu]"
PLACEHOLDER_CARD_NUMBER = "[kortin numero poistettu]"
PLACEHOLDER_IBAN = "[tilinumero poistettu]"
PLACEHOLDER_SECRET = "[salainen tieto poistettu]"

PLACEHOLDERS: Dict[str, str] = {
    IDENTITY_CODE: PLACEHOLDER_IDENTITY_CODE,
    CARD_NUMBER: PLACEHOLDER_CARD_NUMBER,
    IBAN: PLACEHOLDER_IBAN,
    SECRET: PLACEHOLDER_SECRET,
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and its span ``[start, end)`` in the original text."""

    kind: str
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
