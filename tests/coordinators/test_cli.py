"""`python -m bot report`: clear refusals that write nothing, and a clear empty report."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

from bot.__main__ import main


def report(*args: str) -> int:
    try:
        return main(["report", *args])
    except SystemExit as exit:  # argparse refuses bad dates itself
        return int(exit.code or 0)


def test_a_bad_date_is_refused_and_nothing_is_written(
    known_store: str, out: Path, capsys: pytest.CaptureFixture
) -> None:
    assert report("--since", "2026-02-30", "--out", str(out), "--store", known_store) == 2
    assert "VVVV-KK-PP" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    "arguments, said",
    [
        (["--since", "2026-02-01", "--until", "2026-01-01"], "on ennen --since-päivää"),
        (
            ["--since", "2026-01-01", "--region", "Pohjois-Pohjamaa"],
            "Tarkoititko: Pohjois-Pohjanmaa",
        ),
        (["--since", "2026-01-01", "--municipality", "Hailuotto"], "Tarkoititko: Hailuoto"),
    ],
)
def test_refused_with_a_clear_message_and_nothing_written(
    arguments: List[str], said: str, known_store: str, out: Path, capsys
) -> None:
    assert report(*arguments, "--out", str(out), "--store", known_store) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_store_is_refused_and_an_earlier_report_kept(out: Path, capsys) -> None:
    out.mkdir()
    (out / "raportti.html").write_text("edellinen", encoding="utf-8")
    code = report("--since", "2026-01-01", "--out", str(out), "--store", str(out / "ei.sqlite3"))
    assert code == 1
    assert "ei löydy" in capsys.readouterr().err
    assert (out / "raportti.html").read_text(encoding="utf-8") == "edellinen"


def test_an_empty_period_says_so(known_store: str, out: Path, capsys) -> None:
    code = report("--since", "2027-01-01", "--out", str(out), "--store", known_store, "--quiet")
    assert code == 0
    assert "ei ole yhtään keskustelua" in capsys.readouterr().out
    assert "ei ole yhtään keskustelua" in (out / "raportti.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["raportti.html", "yhteenveto.md"]


def test_a_municipality_report(known_store: str, out: Path, capsys) -> None:
    code = report(
        "--since",
        "2026-01-01",
        "--until",
        "2026-01-31",
        "--municipality",
        "oulu",
        "--out",
        str(out),
        "--store",
        known_store,
        "--quiet",
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("13 keskustelua")
    html = (out / "raportti.html").read_text(encoding="utf-8")
    assert '<html lang="fi">' in html and "<script" not in html
    assert html.count("<svg") == html.count("<desc") >= 8
    assert html.count("<caption>") == 8  # no conversation without help near: no such table
    assert "Katvealueet" in html
