"""Small-cell suppression that totals cannot undo.

WHY: a count of 1–4 conversations in, say, Hailuoto × scams could point at a person, so it is
shown as "<5" (primary suppression). Hiding it alone is not enough when row and column totals
are published: the hidden cell is the total minus the others. So more cells are hidden
(complementary or secondary suppression, shown as "x") until no hidden value can be worked
out from the published numbers.

"Worked out" is checked exactly, not by a rule of thumb. Every published relation is a linear
equation: each table's rows and columns sum to their totals, and each dimension's totals sum
to the grand total. Totals of a dimension are the same numbers in every table that shows it,
so they are one shared unknown when hidden, and an equation of one table can combine with
another's. A hidden value is determined exactly when its unit vector lies in the row space of
the equations over the hidden values, i.e. when every vector of their null space is zero at
it. While some hidden value is determined, the smallest visible non-zero number in one of its
equations is hidden too. (Bounds remain: a "<5" is 1–4 and an "x" is 5 or more.)
"""

from __future__ import annotations

from typing import AbstractSet, Callable, Dict, Hashable, List, Optional, Sequence, Set, Tuple

import numpy as np

from bot.coordinators.tables import Table

LIMIT = 5
PRIMARY = "<5"
SECONDARY = "x"
Key = Tuple[Hashable, ...]
Term = Tuple[Key, int]  # a quantity and its coefficient in an equation


def _equations(tables: Sequence[Table]) -> Tuple[List[List[Term]], Dict[Key, int]]:
    """Every published relation as a list of (quantity, coefficient), and every value."""
    values: Dict[Key, int] = {}
    equations: List[List[Term]] = []
    margins: Dict[Tuple[str, str], Dict[str, Key]] = {}
    for table in tables:
        row_keys = [("margin", table.family, table.row_dim, row) for row in table.rows]
        col_keys = [("margin", table.family, table.col_dim, col) for col in table.cols]
        for keys, totals, dim in (
            (row_keys, table.row_totals, table.row_dim),
            (col_keys, table.col_totals, table.col_dim),
        ):
            for key, value in zip(keys, totals, strict=True):
                values[key] = value
                margins.setdefault((table.family, dim), {})[key[-1]] = key
        values[("total", table.family)] = table.total
        for i in range(len(table.rows)):
            cells = [(_cell(table, i, j), table.cells[i][j]) for j in range(len(table.cols))]
            values.update(cells)
            equations.append([(key, 1) for key, _ in cells] + [(row_keys[i], -1)])
        for j in range(len(table.cols)):
            column = [(_cell(table, i, j), 1) for i in range(len(table.rows))]
            equations.append(column + [(col_keys[j], -1)])
    for (family, _), keys in margins.items():
        equations.append([(key, 1) for key in keys.values()] + [(("total", family), -1)])
    return equations, values


def _cell(table: Table, i: int, j: int) -> Key:
    return ("cell", table.name, i, j)


def _determined(equations: List[List[Term]], hidden: Set[Key]) -> List[Key]:
    """The hidden quantities whose value follows from the published numbers."""
    unknowns = sorted(hidden, key=repr)
    if not unknowns:
        return []
    index = {key: n for n, key in enumerate(unknowns)}
    rows = [eq for eq in equations if any(key in index for key, _ in eq)]
    matrix = np.zeros((max(len(rows), 1), len(unknowns)))
    for r, equation in enumerate(rows):
        for key, coefficient in equation:
            if key in index:
                matrix[r, index[key]] += coefficient
    _, singular, vt = np.linalg.svd(matrix, full_matrices=True)
    rank = int((singular > 1e-9).sum())
    null_space = vt[rank:]
    if null_space.size == 0:
        return unknowns
    free = np.abs(null_space).max(axis=0) > 1e-9
    return [key for key, is_free in zip(unknowns, free, strict=True) if not is_free]


def _cheapest(
    equations: List[List[Term]], values: Dict[Key, int], hidden: Set[Key], key: Key
) -> Optional[Key]:
    """The smallest visible non-zero quantity sharing an equation with `key`; cells first."""
    candidates = {
        other
        for equation in equations
        if any(k == key for k, _ in equation)
        for other, _ in equation
        if other not in hidden and values[other] > 0
    }
    if not candidates:
        return None
    return min(candidates, key=_order(values))


def _order(
    values: Dict[Key, int], partners: AbstractSet[Key] = frozenset()
) -> Callable[[Key], tuple]:
    """Which visible quantity to hide first: a cell (one that also fixes another equation,
    then the smallest), else the smallest total of a row or column; a grand total last."""
    rank = {"cell": 0, "margin": 1, "total": 2}
    return lambda key: (
        rank[key[0]],
        key[0] == "cell" and key not in partners,
        values[key],
        repr(key),
    )


def _lonely_pass(
    equations: List[List[Term]], values: Dict[Key, int], marks: Dict[Key, str]
) -> None:
    """The rule of thumb, fast: no equation may keep exactly one hidden quantity. A cell is
    hidden rather than a total; the cell is, if possible, also in another such equation (one
    fixes both), so a small cell costs a rectangle of four, not a chain across the table."""
    while True:
        lonely = [eq for eq in equations if sum(1 for key, _ in eq if key in marks) == 1]
        if not lonely:
            return
        partners = {key for eq in lonely[1:] for key, _ in eq}
        for equation in lonely:
            visible = [key for key, _ in equation if key not in marks and values[key] > 0]
            if visible:
                marks[min(visible, key=_order(values, partners))] = SECONDARY
                break
        else:
            return  # no lonely equation can be fixed here; the exact check decides


def protect(tables: Sequence[Table]) -> Dict[Key, str]:
    """Mark hidden cells and totals on the tables; returns every hidden quantity's mark."""
    equations, values = _equations(tables)
    marks: Dict[Key, str] = {k: PRIMARY for k, v in values.items() if 0 < v < LIMIT}
    while True:
        _lonely_pass(equations, values, marks)
        exposed = _determined(equations, set(marks))
        extra = next(
            (
                found
                for key in exposed
                if (found := _cheapest(equations, values, set(marks), key)) is not None
            ),
            None,
        )
        if extra is None:
            break  # nothing exposed, or nothing left to hide next to what is
        marks[extra] = SECONDARY
    _mark(tables, marks)
    return marks


def _mark(tables: Sequence[Table], marks: Dict[Key, str]) -> None:
    for table in tables:
        table.hidden = {}
        for i, row in enumerate(table.rows):
            for j in range(len(table.cols)):
                if _cell(table, i, j) in marks:
                    table.hidden[(i, j)] = marks[_cell(table, i, j)]
            key = ("margin", table.family, table.row_dim, row)
            if key in marks:
                table.hidden[(i, None)] = marks[key]
        for j, col in enumerate(table.cols):
            key = ("margin", table.family, table.col_dim, col)
            if key in marks:
                table.hidden[(None, j)] = marks[key]
        if ("total", table.family) in marks:
            table.hidden[(None, None)] = marks[("total", table.family)]


def shown(table: Table, i: Optional[int], j: Optional[int]) -> str:
    """A cell or total as printed: its number, "<5" or "x"."""
    if (i, j) in table.hidden:
        return table.hidden[(i, j)]
    if i is None and j is None:
        return str(table.total)
    if i is None:
        return str(table.col_totals[j])  # type: ignore[index]
    if j is None:
        return str(table.row_totals[i])
    return str(table.cells[i][j])


def recoverable(tables: Sequence[Table]) -> List[Key]:
    """Hidden quantities that the published numbers still determine (empty when protected)."""
    equations, _ = _equations(tables)
    hidden: Set[Key] = set()
    for table in tables:
        for i, j in table.hidden:
            if i is not None and j is not None:
                hidden.add(_cell(table, i, j))
            elif i is not None:
                hidden.add(("margin", table.family, table.row_dim, table.rows[i]))
            elif j is not None:
                hidden.add(("margin", table.family, table.col_dim, table.cols[j]))
            else:
                hidden.add(("total", table.family))
    return _determined(equations, hidden)
