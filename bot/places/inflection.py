"""Rule-based inflected forms of place names, for names Voikko does not know.

WHY: Voikko's lexicon knows ~303 of the 311 municipality names; for the rest (Åland names such
as "Lemland", "Saltvik", odd official forms such as "Virrat") and for people's spelling variants
we need some way to recognise "Lemlandissa" or "Virroilla". libvoikko has no word-form
generator, so this module over-generates plausible case forms from the base name: both vowel
harmonies, with and without consonant gradation. Over-generation is harmless because forms are
only looked up for tokens Voikko could not tie to a place, and a generated form that is also an
ordinary Finnish word is filtered by the same ambiguity rules as Voikko's analyses.
"""

from __future__ import annotations

import re
from typing import Dict, FrozenSet, Iterable, List, Set

_VOWELS = "aeiouyäöå"
_STEM_SHAPE = re.compile(rf"^(.*[{_VOWELS}])([^{_VOWELS}]+)([{_VOWELS}]+)$")

#: Weak grades of the consonant(s) before a stem's final vowel: Helsinki -> Helsingissä,
#: Turku -> Turussa, Hailuoto -> Hailuodossa, Rautalampi -> Rautalammella, joki -> joella.
_WEAK_GRADES: Dict[str, List[str]] = {
    "kk": ["k"],
    "pp": ["p"],
    "tt": ["t"],
    "nk": ["ng"],
    "nt": ["nn"],
    "mp": ["mm"],
    "lt": ["ll"],
    "rt": ["rr"],
    "ht": ["hd"],
    "lk": ["lj", "l"],
    "rk": ["r", "rj"],
    "hk": ["h"],
    "lp": ["lv"],
    "rp": ["rv"],
    "k": ["", "v", "j"],
    "p": ["v"],
    "t": ["d"],
}

#: Strong grades for "-as/-äs" names whose stem strengthens: Pihtipudas -> Pihtiputaalla,
#: Kangas -> Kankaalla.
_STRONG_GRADES: Dict[str, str] = {
    "d": "t",
    "v": "p",
    "ng": "nk",
    "nn": "nt",
    "mm": "mp",
    "ll": "lt",
    "rr": "rt",
    "k": "kk",
    "p": "pp",
    "t": "tt",
}

#: Endings added to every stem, in both vowel harmonies: genitive, locatives, translative,
#: essive, partitive.
_ENDINGS_BACK = ("n", "ssa", "sta", "lla", "lta", "lle", "ksi", "na", "a", "ta", "han", "seen")
_ENDINGS = tuple(sorted(set(_ENDINGS_BACK) | {e.replace("a", "ä") for e in _ENDINGS_BACK}))

#: First parts that inflect together with the rest in standard Finnish:
#: "Uusikaarlepyy" -> "Uudessakaarlepyyssä", "Isokyrö" -> "Isossakyrössä".
_INFLECTING_PREFIXES: Dict[str, str] = {"uusi": "uude", "iso": "iso"}
_PREFIX_CASES = ("n", "ssa", "sta", "lla", "lta", "lle", "ksi", "na")

#: Forms no rule produces: plural names with irregular stems.
IRREGULAR_FORMS: Dict[str, FrozenSet[str]] = {
    "virrat": frozenset(
        {"virroilla", "virroille", "virroilta", "virtain", "virroissa", "virroista", "virtoihin"}
    ),
}


def _weak_variants(stem: str) -> Set[str]:
    match = _STEM_SHAPE.match(stem)
    if not match:
        return set()
    head, cluster, tail = match.groups()
    variants = set()
    for size in (2, 1):
        if len(cluster) >= size and cluster[-size:] in _WEAK_GRADES:
            for weak in _WEAK_GRADES[cluster[-size:]]:
                variants.add(head + cluster[:-size] + weak + tail)
            break
    return variants


def _stems(name: str) -> Set[str]:
    """Stems that case endings attach to, for a lower-case base name."""
    stems: Set[str] = {name}
    if name[-1] not in _VOWELS:
        if name.endswith("nen"):
            return {name[:-3] + "se", name[:-3] + "si"}  # Kaustisella, Ikaalisissa
        stems.add(name + "i")  # Lemland -> Lemlandissa, Korsnäs -> Korsnäsissä
        if name.endswith("s"):
            stems |= {name[:-1] + "kse", name[:-1] + "de"}  # Nurmeksessa, Alavudella
            if name[-2:] in ("as", "äs"):
                head = name[:-2]
                for weak, strong in _STRONG_GRADES.items():
                    if head.endswith(weak):
                        stems.add(head[: -len(weak)] + strong + name[-2] * 2)
                        break
                stems.add(head + name[-2] * 2)
        return stems
    if name.endswith("si"):
        stems.add(name[:-2] + "de")  # Haapavesi -> Haapavedellä
    if name.endswith("i"):
        stems.add(name[:-1] + "e")  # Seinäjoki -> Seinäjoe-, Rovaniemi -> Rovanieme-
    if name.endswith("e") and not name.endswith("ee"):
        stems.add(name + "e")  # Kempele -> Kempeleellä
    for stem in list(stems):
        stems |= _weak_variants(stem)
    return stems


def inflected_forms(name: str) -> FrozenSet[str]:
    """Plausible lower-case case forms of a (possibly multi-part) place name.

    Only the last word of a multi-word name inflects ("Koski Tl" is left alone: its
    qualifier is never inflected in practice). Hyphenated names inflect their last part.
    """
    lower = name.lower().strip()
    if not lower or " " in lower:
        return frozenset({lower} if lower else ())
    if lower in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[lower] | {lower}
    forms: Set[str] = {lower} | _internally_inflected(lower)
    for stem in _stems(lower):
        if stem[-1] not in _VOWELS:
            continue
        forms.update(stem + ending for ending in _ENDINGS)
        forms.add(stem + stem[-1] + "n")  # illative: Ouluun, Lemlandiin
    return frozenset(forms)


def _internally_inflected(name: str) -> Set[str]:
    """Forms where a "Uusi-"/"Iso-" prefix takes the same case ending as the rest."""
    for prefix, prefix_stem in _INFLECTING_PREFIXES.items():
        rest = name[len(prefix) :]
        if name.startswith(prefix) and len(rest) > 2:
            rest_forms = inflected_forms(rest)
            forms = set()
            for case in _PREFIX_CASES:
                for rest_case in {case, case.replace("a", "ä")}:
                    for prefix_case in {case, case.replace("a", "ä")}:
                        ending_forms = {f for f in rest_forms if f.endswith(rest_case)}
                        forms.update(prefix_stem + prefix_case + f for f in ending_forms)
            return forms
    return set()


def build_form_table(names: Iterable[str]) -> Dict[str, Set[str]]:
    """Lower-case form -> the base names it may come from."""
    table: Dict[str, Set[str]] = {}
    for name in names:
        for form in inflected_forms(name):
            table.setdefault(form, set()).add(name)
    return table
