"""The referral note as plain text, to paste into another system (a case record, an e-mail).

WHY plain text: the systems a note is pasted into differ (case management, a ticketing form,
an e-mail), and plain lines with "Heading: value" or a heading and "- " lines paste cleanly
into all of them. The same labels and texts as the page's note (bot.referral.note), in the
note's language.
"""

from __future__ import annotations

from typing import List

from bot.referral.note import ReferralNote


def note_as_text(note: ReferralNote) -> str:
    labels = note.labels
    lines: List[str] = [labels.title, f"{labels.date}: {note.date_text}"]
    for section in note.sections:
        if not section.items:
            lines.append(f"{section.label}: {labels.not_known}")
        elif len(section.items) == 1:
            lines.append(f"{section.label}: {_one_line(section.items[0])}")
        else:
            lines.append(f"{section.label}:")
            lines += [f"- {_one_line(item)}" for item in section.items]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """Line breaks inside a domain text (a folded YAML string) would break the list."""
    return " ".join(text.split())
