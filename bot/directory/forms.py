"""The forms of help a provider offers, and how they are ordered for one person.

A person at AUTA level 3 or 4 whose nearest in-person help is a long way off is better served
first by a phone line or a home visit (bot.auta.forms_when_far); a person who asked for a form
(bot/triage/help_form.py) gets providers offering it first. The search finds what fits the
need level; this orders what it found and says when in-person help is far.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence, Set, Tuple

from bot.auta import FORMS_WHEN_FAR, forms_when_far
from bot.directory.search import ProviderHit, SearchResult

#: Beyond this, in-person help is "far" and the distance is said plainly.
FAR_KM = 50.0
FACE_TO_FACE = frozenset({"in_person", "course"})
SHOWN = 3
# A wish for paper is served by people who hand out forms or take the errand by phone.
FORMS_FOR_WISH = {"paper": ("phone", "in_person"), "remote": ("remote", "phone")}


def forms_of(hit: ProviderHit) -> Set[str]:
    forms = set(hit.forms)
    if hit.channel_type == "Phone":
        forms.add("phone")
    return forms


def nearest_face_to_face_km(hits: Sequence[ProviderHit]) -> Optional[float]:
    distances = [
        hit.distance_km
        for hit in hits
        if hit.distance_km is not None and forms_of(hit) & FACE_TO_FACE
    ]
    return min(distances) if distances else None


def arrange(
    result: SearchResult, help_form: Optional[str], need_level: Optional[str]
) -> Tuple[SearchResult, Optional[float]]:
    """The result with the forms this person needs first; and the km when in person is far."""
    nearest = nearest_face_to_face_km(result.providers)
    far = nearest is not None and nearest > FAR_KM
    wanted: Tuple[str, ...] = FORMS_FOR_WISH.get(help_form or "", (help_form,) if help_form else ())
    if far and help_form != "in_person":
        wanted = (*wanted, *forms_when_far(need_level))
    if not wanted:
        return result, None
    pool = list(result.providers)
    if far or not any(forms_of(hit) & set(wanted) for hit in pool):
        pool += [hit for hit in result.national if forms_of(hit) & set(wanted)]

    def rank(hit: ProviderHit) -> int:
        matching = [i for i, form in enumerate(wanted) if form in forms_of(hit)]
        return min(matching) if matching else len(wanted)

    ordered = sorted(pool, key=rank)[:SHOWN]  # stable: nearest first within a form
    national = [hit for hit in result.national if hit not in ordered]
    return replace(result, providers=ordered, national=national), nearest if far else None


def phone_first(result: SearchResult) -> bool:
    """Whether the first provider helps by phone or at home (what the far notice promises)."""
    return bool(result.providers) and bool(forms_of(result.providers[0]) & set(FORMS_WHEN_FAR))
