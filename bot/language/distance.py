"""Edit distance used to decide whether a spelling suggestion is safe to accept."""

from __future__ import annotations


def damerau_levenshtein(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions.

    WHY this variant: typing errors are mostly one missing, doubled or swapped letter
    ("pankkitunnkset", "tunnsuket"); counting a swap as one edit keeps such words within the
    acceptance threshold while unrelated words stay far apart.
    """
    if a == b:
        return 0
    if not a or not b:
        return max(len(a), len(b))
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]
