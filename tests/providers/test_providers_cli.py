"""`python -m bot providers ...` (bot/cli/providers.py)."""

import argparse
import json

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.providers import ActionFindProviders
from bot.cli import providers as cli
from bot.directory import db
from bot.directory.hours import HELSINKI
from bot.directory.present import render_response
from bot.domain_files import load_responses
from tests.actions.trackers import make_tracker

AT = "2025-12-05T17:00:00"


def parse(*argv):
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["providers", *argv])


def run(capsys, *argv):
    args = parse(*argv)
    code = args.handler(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    yield url
    db.dispose_engines()


def test_import_sample_stats_and_remove(capsys, database):
    code, _, err = run(capsys, "import", "--sample", "--database-url", database)
    assert code == 0 and "sample: 32 created" in err and "national: 3 created" in err
    code, out, _ = run(capsys, "stats", "--json", "--database-url", database)
    stats = json.loads(out)
    assert stats["providers"] == 35 and stats["by_source"] == {"curated": 3, "sample": 32}
    code, _, err = run(capsys, "remove-sample", "--database-url", database)
    assert "removed 32" in err


def test_import_file_reports_skipped_records(capsys, database, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "serviceChannelType": "Phone"}\n', encoding="utf-8")
    code, _, err = run(capsys, "import", "--file", str(bad), "--database-url", database)
    assert code == 0 and "1 malformed" in err and "skipped x: id is not a GUID" in err


def test_near_understands_inflected_place_names(capsys, database):
    run(capsys, "import", "--sample", "--database-url", database)
    code, out, _ = run(
        capsys, "near", "Hailuodossa", "--topic", "banking", "--at", AT, "--database-url", database
    )
    assert code == 0 and out.startswith("Näistä paikoista saat apua (Hailuoto):")
    assert "ESIMERKKI: Hailuodon kirjasto" in out


async def test_near_json_is_what_the_action_says(capsys, database, monkeypatch):
    run(capsys, "import", "--sample", "--database-url", database)
    _, out, _ = run(
        capsys,
        "near",
        "Hailuodossa",
        "--topic",
        "banking",
        "--need-level",
        "demanding_support",
        "--asker",
        "relative",
        "--at",
        AT,
        "--json",
        "--database-url",
        database,
    )
    cli_answer = json.loads(out)
    assert cli_answer["result"]["scope"] == "municipality"
    assert cli_answer["result"]["providers"][0]["is_sample"] is True

    class AtSameTime(ActionFindProviders):
        def now(self):
            from datetime import datetime

            return datetime.fromisoformat(AT).replace(tzinfo=HELSINKI)

    monkeypatch.setenv(db.DATABASE_URL_ENV, database)
    dispatcher = CollectingDispatcher()
    slots = {
        "topic": "banking",
        "need_level": "demanding_support",
        "asker": "relative",
        "municipality": "Hailuoto",
    }
    responses = load_responses()
    events = await AtSameTime().run(
        dispatcher, make_tracker("apua", slots=slots), {"responses": responses}
    )
    said = [
        render_response(responses, m["response"], m, slots) if m.get("response") else m["text"]
        for m in dispatcher.messages
    ]
    assert said == cli_answer["texts"]
    assert events[0]["value"] == str(cli_answer["result"]["providers"][0]["id"])


def test_near_without_a_place_asks_for_one(capsys, database):
    code, out, _ = run(capsys, "near", "--topic", "banking", "--database-url", database)
    assert out.startswith("Missä kunnassa asut?")


def test_unknown_place_is_an_error(capsys, database):
    with pytest.raises(SystemExit, match="Unknown place"):
        run(capsys, "near", "Atlantis", "--database-url", database)
