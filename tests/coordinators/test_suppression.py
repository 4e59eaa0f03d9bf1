"""Small cells are hidden, and so are enough others that no total gives them away."""

from __future__ import annotations

from typing import List

from bot.coordinators.suppression import protect, recoverable, shown
from bot.coordinators.tables import Table


def table(name: str, cells: List[List[int]], row_dim: str = "topic", col_dim: str = "asker"):
    rows = [f"r{i}" for i in range(len(cells))]
    cols = [f"c{j}" for j in range(len(cells[0]))]
    return Table(name, name, "kaikki", row_dim, col_dim, rows, cols, cells)


def printed(t: Table) -> List[List[str]]:
    body = [
        [shown(t, i, j) for j in range(len(t.cols))] + [shown(t, i, None)]
        for i in range(len(t.rows))
    ]
    return body + [[shown(t, None, j) for j in range(len(t.cols))] + [shown(t, None, None)]]


def test_one_small_cell_takes_three_complementary_cells_with_it() -> None:
    t = table("a", [[20, 3, 10], [15, 12, 9], [8, 7, 30]])
    protect([t])
    assert printed(t) == [
        ["20", "<5", "x", "33"],
        ["15", "12", "9", "36"],
        ["8", "x", "x", "45"],
        ["43", "22", "49", "114"],
    ]
    assert recoverable([t]) == []


def test_a_lone_hidden_cell_is_found_recoverable() -> None:
    t = table("a", [[20, 3], [15, 12]])
    t.hidden = {(0, 1): "<5"}
    assert recoverable([t]) == [("cell", "a", 0, 1)]


def test_no_hidden_value_follows_from_totals_even_across_tables() -> None:
    # Both tables show the topic totals; topic r2 has only 4 conversations.
    by_asker = table("a", [[30, 12, 6], [25, 9, 7], [2, 2, 0]])
    by_level = table("b", [[20, 20, 8], [21, 10, 10], [1, 0, 3]], col_dim="need_level")
    marks = protect([by_asker, by_level])
    assert marks[("margin", "kaikki", "topic", "r2")] == "<5"
    assert shown(by_asker, 2, None) == shown(by_level, 2, None) == "<5"
    # Another topic total is hidden with it, or the grand total would give r2's away.
    hidden_topics = [i for i in range(3) if (i, None) in by_asker.hidden]
    assert len(hidden_topics) >= 2
    assert recoverable([by_asker, by_level]) == []


def test_zeros_and_large_numbers_stay_visible_when_nothing_is_small() -> None:
    t = table("a", [[0, 12], [7, 0]])
    protect([t])
    assert printed(t) == [["0", "12", "12"], ["7", "0", "7"], ["7", "12", "19"]]


def test_random_tables_are_always_protected() -> None:
    import random

    rng = random.Random(5)
    for _ in range(40):
        cells = [[rng.choice([0, 1, 2, 4, 6, 9, 15, 30]) for _ in range(5)] for _ in range(6)]
        other = [[rng.choice([0, 3, 8, 20]) for _ in range(3)] for _ in range(6)]
        first, second = table("a", cells), table("b", other, col_dim="need_level")
        # The two tables must agree on the shared topic totals, as report tables do.
        for i in range(6):
            second.cells[i][0] += sum(cells[i]) - sum(second.cells[i])
            if second.cells[i][0] < 0:
                second.cells[i] = [sum(cells[i]), 0, 0]
        protect([first, second])
        assert recoverable([first, second]) == []
        for t in (first, second):
            for (i, j), mark in t.hidden.items():
                value = (
                    t.total
                    if i is None and j is None
                    else t.col_totals[j]
                    if i is None
                    else t.row_totals[i]
                    if j is None
                    else t.cells[i][j]
                )
                assert (0 < value < 5) if mark == "<5" else value >= 5
