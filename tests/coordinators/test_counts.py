"""Every count of the report, on a store whose conversations are known event by event."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Dict, List

from bot.coordinators.records import UNKNOWN, UNMET
from bot.coordinators.regions import load_regions
from bot.coordinators.report import Request, run
from bot.coordinators.store import Period, open_read_only, read_records
from bot.coordinators.tables import report_tables
from tests.coordinators.known import at, known_conversations

EXPECTED = [record for _, record in known_conversations() if record is not None]


def read(known_store: str, **period: object) -> list:
    engine = open_read_only(known_store)
    try:
        return list(read_records(engine, Period(**period), load_regions()))  # type: ignore[arg-type]
    finally:
        engine.dispose()


def csv_rows(path: Path) -> Dict[str, List[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    return {row[0]: row[1:] for row in rows}


def test_each_conversation_is_read_once_as_its_expected_record(known_store: str) -> None:
    records = read(known_store, since=at((2026, 1, 1), 0))
    assert len(records) == 37
    assert Counter(records) == Counter(EXPECTED)


def test_the_period_counts_a_conversation_by_its_first_message(known_store: str) -> None:
    january_second_week = read(known_store, since=at((2026, 1, 5), 0), until=at((2026, 1, 12), 0))
    assert len(january_second_week) == 19
    assert {record.week for record in january_second_week} == {"2026-W02"}
    everything = read(known_store, since=at((2025, 1, 1), 0))
    assert len(everything) == 38  # the December one too; never the one without a message


def test_every_cell_of_every_table_is_the_exact_count(known_store: str) -> None:
    regions = load_regions()
    tables = report_tables(read(known_store, since=at((2026, 1, 1), 0)), regions.region_names)
    assert [table.name for table in tables][-1] == "katvealueet"
    for table in tables:
        chosen = [r for r in EXPECTED if table.family != "katve" or r.unmet in UNMET]
        for i, row in enumerate(table.rows):
            for j, col in enumerate(table.cols):
                expected = sum(
                    1
                    for r in chosen
                    if getattr(r, table.row_dim) == row and getattr(r, table.col_dim) == col
                )
                assert table.cells[i][j] == expected, (table.name, row, col)


def test_known_figures_as_numbers(known_store: str) -> None:
    regions = load_regions()
    tables = {
        t.name: t
        for t in report_tables(read(known_store, since=at((2026, 1, 1), 0)), regions.region_names)
    }
    weeks = tables["viikot"]
    assert dict(zip(weeks.rows, weeks.row_totals, strict=True)) == {
        "2026-W02": 19,
        "2026-W03": 16,
        "2026-W04": 2,
    }
    places = tables["alueet"]
    north = places.rows.index("Pohjois-Pohjanmaa")
    by_topic = dict(zip(places.cols, places.cells[north], strict=True))
    assert (by_topic["banking"], by_topic["device"], by_topic["e_services"]) == (19, 6, 3)
    assert places.row_totals[places.rows.index("Uusimaa")] == 6
    assert places.row_totals[places.rows.index(UNKNOWN)] == 3
    endings = dict(zip(tables["paattyminen"].rows, tables["paattyminen"].row_totals, strict=True))
    assert endings == {
        "urgent_steps": 6,
        "human_asked": 3,
        "provider_shown": 20,
        "national_channel": 5,
        "none_fitted": 0,
        "out_of_scope": 2,
        "abandoned": 1,
    }
    unmet = tables["katvealueet"]
    assert dict(zip(unmet.rows, unmet.row_totals, strict=True)) == {"Hailuoto": 7, "Helsinki": 6}


def test_printed_numbers_are_exact_or_marked(known_store: str, out: Path) -> None:
    run(Request(store=known_store, since=date(2026, 1, 1), out=out))
    regions = load_regions()
    tables = report_tables(read(known_store, since=at((2026, 1, 1), 0)), regions.region_names)
    for table in tables:
        printed = list(csv_rows(out / f"{table.name}.csv").values())[1:]
        exact = [row + [sum(row)] for row in table.cells]
        exact.append([*table.col_totals, table.total])
        for printed_row, exact_row in zip(printed, exact, strict=True):
            for shown, value in zip(printed_row, exact_row, strict=True):
                if shown == "<5":
                    assert 0 < value < 5, table.name
                elif shown == "x":
                    assert value >= 5, table.name
                else:
                    assert int(shown) == value, table.name
                    assert value == 0 or value >= 5, table.name


def test_a_region_report_lists_its_municipalities(known_store: str, out: Path) -> None:
    outcome = run(
        Request(store=known_store, since=date(2026, 1, 1), region="Pohjois-Pohjanmaa", out=out)
    )
    assert outcome.conversations == 12 + 7 + 5 + 3 + 1
    rows = csv_rows(out / "alueet.csv")
    assert len(rows) == 2 + len(load_regions().municipalities_in("Pohjois-Pohjanmaa"))
    assert rows["Muhos"][-1] == "<5"  # 3 conversations
    totals = {name: rows[name][-1] for name in ("Oulu", "Hailuoto", "Kempele")}
    assert all(totals[name] in {str(n), "x"} for name, n in (("Oulu", 13), ("Hailuoto", 7)))
    assert totals["Kempele"] in {"5", "x"}
    # The region's total is printed, so another municipality's total hides Muhos' 3.
    assert "x" in totals.values()
