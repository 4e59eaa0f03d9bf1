"""No message text, bot text, sender id or free-text value reaches any report file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import List

from bot.coordinators.report import Request, run
from tests.coordinators.known import BOT_TEXT, FREE_TEXT_PLACE, SECRET_TEXT, known_conversations

#: What the known conversations hold that is not a category: words of the messages and of the
#: bot's texts, the free-text place, the postal code, and the conversation ids.
TEXT_WORDS: List[str] = [
    *[word for word in SECRET_TEXT.split() if len(word) > 3],
    *[word for word in BOT_TEXT.split() if len(word) > 5],
]
FORBIDDEN: List[str] = [
    *TEXT_WORDS,
    *FREE_TEXT_PLACE.split(),
    "90440",
    "q7w8e9r0t1y2",
    "kayttaja",
    *[known.sender_id for known, _ in known_conversations()],
]


def report_text(out: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8-sig") for path in sorted(out.iterdir()))


def test_no_personal_value_in_any_output_file(known_store: str, out: Path) -> None:
    run(Request(store=known_store, since=date(2025, 1, 1), out=out))
    assert {path.suffix for path in out.iterdir()} == {".html", ".md", ".csv"}
    text = report_text(out).casefold()
    leaked = [word for word in FORBIDDEN if word.casefold() in text]
    assert leaked == []


def test_the_words_would_be_found_if_they_were_there(known_store: str, out: Path) -> None:
    run(Request(store=known_store, since=date(2025, 1, 1), out=out))
    (out / "extra.csv").write_text(f"x;{SECRET_TEXT}\n", encoding="utf-8")
    assert "kissa123" in report_text(out)


def test_the_database_never_sends_texts(known_store: str) -> None:
    """Texts stay in the database; slot values come out only to be checked against the
    official lists in records.py (see test_each_conversation_is_read_once_...)."""
    from bot.coordinators.regions import load_regions as regions
    from bot.coordinators.store import Period, _query, open_read_only, read_records
    from tests.coordinators.known import at

    engine = open_read_only(known_store)
    with engine.connect() as connection:
        rows = connection.execute(_query("sqlite", Period(at((2025, 1, 1), 0)))).fetchall()
    engine.dispose()
    values = {str(value) for row in rows for value in row[1:]}
    assert not [word for word in TEXT_WORDS if any(word in value for value in values)]
    assert FREE_TEXT_PLACE in values  # it does come out of the query, and stops here:
    records = read_records(open_read_only(known_store), Period(at((2025, 1, 1), 0)), regions())
    assert FREE_TEXT_PLACE not in {value for record in records for value in vars(record).values()}
