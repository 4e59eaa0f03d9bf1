"""A lookup only reads: on an empty directory it reads nothing but its query, writes nothing,
and says the directory is empty, so the bot can say it plainly."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator, List

from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot.directory.hours import HELSINKI
from bot.directory.present import DIRECTORY_EMPTY, plan_reply
from bot.directory.service import PersonQuery, find_for_person
from bot.places import get_index
from tests.providers.conftest import snapshot, table_names

NOW = datetime(2025, 12, 5, 17, 0, tzinfo=HELSINKI)
QUERY = PersonQuery(topic="banking", need_level="demanding_support", municipality="Oulu")
READS = ("SELECT", "BEGIN", "PRAGMA", "SET", "SHOW")

_opened: List[str] = []
_recording = [False]


def _audit(name: str, args: tuple) -> None:
    if name == "open" and _recording[0]:
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; it records only inside `recorded`


@contextmanager
def recorded(engine: Engine) -> Iterator[List[str]]:
    """The SQL statements run on `engine` and (in `_opened`) the files opened meanwhile."""
    statements: List[str] = []

    def note(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        statements.append(statement)

    get_index()  # the reference lists load once per process, not per lookup
    _opened.clear()
    event.listen(engine, "before_cursor_execute", note)
    _recording[0] = True
    try:
        yield statements
    finally:
        _recording[0] = False
        event.remove(engine, "before_cursor_execute", note)


def test_a_lookup_on_an_empty_directory_only_reads_and_says_so(engine):
    before = snapshot(engine)
    with recorded(engine) as statements:
        result = find_for_person(QUERY, now=NOW, engine=engine)
    assert result.directory_empty and result.providers == [] and result.national == []
    assert statements, "the lookup ran its query"
    written = [s for s in statements if not s.lstrip().upper().startswith(READS)]
    assert written == []
    assert _opened == []  # no sample, no national channels, no curation file
    assert snapshot(engine) == before
    assert [m.response for m in plan_reply(result, NOW)] == [DIRECTORY_EMPTY]


def test_a_database_nobody_set_up_is_an_empty_directory_and_stays_untouched(empty_engine):
    with recorded(empty_engine) as statements:
        result = find_for_person(QUERY, now=NOW, engine=empty_engine)
    assert result.directory_empty and not result.providers
    assert not [s for s in statements if s.lstrip().upper().startswith(("CREATE", "INSERT"))]
    assert table_names(empty_engine) == []  # no migration ran


def test_a_directory_with_providers_is_not_empty_even_when_nothing_fits(sample_engine):
    far_away = PersonQuery(topic="banking", need_level="demanding_support", municipality="Utsjoki")
    result = find_for_person(far_away, now=NOW, engine=sample_engine)
    assert not result.directory_empty
