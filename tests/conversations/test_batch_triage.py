"""`python -m bot triage --jsonl` as advisors' tooling calls it: a real subprocess, real model."""

import json
import os
import subprocess
import sys

import pytest

from bot.paths import PROJECT_ROOT

MESSAGES = [
    "hei",
    "äitini ei osaa käyttää verkkopankkia, hän asuu Hailuodossa",
    '{"text": "olen kirjastossa asiakkaan kanssa, hänellä ei ole tietokonetta eikä älypuhelinta"}',
    "",
    "henkilötunnukseni on 131052-308T, voiko joku auttaa omakannassa",
    "postinumero 90100, tarvitsen apua sähköpostin kanssa",
]


@pytest.mark.slow
def test_batch_triage_writes_one_redacted_object_per_message(tmp_path):
    environment = {**os.environ, "DIGITUKI_LOCAL_DIR": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "triage", "--jsonl"],
        input="\n".join(MESSAGES) + "\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=environment,
        timeout=600,
        check=True,
    )
    results = [json.loads(line) for line in completed.stdout.splitlines()]
    assert len(results) == 5  # the blank line is skipped
    for result in results:
        assert set(result) == {"text", "topic", "need_level", "asker", "municipality"}
    greeting, relative, advisor, identity, postal = results
    assert greeting == {
        "text": "hei",
        "topic": None,
        "need_level": None,
        "asker": None,
        "municipality": None,
    }
    assert (relative["topic"], relative["asker"], relative["municipality"]) == (
        "banking",
        "relative",
        "Hailuoto",
    )
    assert (advisor["asker"], advisor["need_level"]) == ("advisor", "non_digital")
    assert "131052-308T" not in completed.stdout + completed.stderr
    assert "[henkilötunnus poistettu]" in identity["text"]
    assert (postal["topic"], postal["municipality"]) == ("communication", "Oulu")
