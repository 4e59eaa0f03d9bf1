"""The urgent facts file: every fact names its source, a broken file names itself."""

import pytest
import yaml

from bot.triage.urgent_steps import (
    REQUIRED,
    URGENT_FILE,
    UrgentStepsError,
    load_facts,
    urgent_facts,
)


def fact(value="x", **changes):
    entry = {"value": value, "says": "what it says", "source": "https://example.fi", "reviewed": 1}
    entry.update(changes)
    return {key: val for key, val in entry.items() if val is not ...}


def complete_facts():
    return {
        "blocking_phone": fact("020 333"),
        "police_report": fact("poliisi.fi"),
        "read_more": fact("kyberturvallisuuskeskus.fi"),
    }


def write(tmp_path, content):
    path = tmp_path / "urgent_steps.yml"
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_has_every_required_fact_with_a_value():
    facts = load_facts()
    assert set(REQUIRED) <= set(facts)
    assert facts["blocking_phone"] == "020 333"
    assert facts["police_report"] == "poliisi.fi"
    assert facts["read_more"] == "kyberturvallisuuskeskus.fi"


def test_the_shipped_file_names_a_source_for_every_fact():
    raw = yaml.safe_load(URGENT_FILE.read_text(encoding="utf-8"))["facts"]
    for name, entry in raw.items():
        assert str(entry["source"]).strip(), name
        assert str(entry["says"]).strip(), name
        assert entry["reviewed"], name


def test_urgent_facts_is_the_shipped_file():
    assert urgent_facts() == load_facts(URGENT_FILE)


def test_a_complete_file_loads(tmp_path):
    path = write(tmp_path, {"version": 1, "facts": complete_facts()})
    assert load_facts(path) == {
        "blocking_phone": "020 333",
        "police_report": "poliisi.fi",
        "read_more": "kyberturvallisuuskeskus.fi",
    }


def test_an_extra_fact_without_a_value_is_allowed(tmp_path):
    facts = {**complete_facts(), "never_asked": fact("")}
    assert load_facts(write(tmp_path, {"facts": facts}))["never_asked"] == ""


@pytest.mark.parametrize("missing", REQUIRED)
def test_a_missing_fact_names_the_file_and_the_fact(tmp_path, missing):
    facts = complete_facts()
    del facts[missing]
    path = write(tmp_path, {"facts": facts})
    with pytest.raises(UrgentStepsError) as error:
        load_facts(path)
    assert str(path) in str(error.value)
    assert missing in str(error.value)


@pytest.mark.parametrize("field", ["says", "source", "reviewed"])
@pytest.mark.parametrize("blank", [..., "", None])
def test_a_missing_or_empty_field_names_the_file_the_fact_and_the_field(tmp_path, field, blank):
    facts = complete_facts()
    facts["police_report"] = fact("poliisi.fi", **{field: blank})
    path = write(tmp_path, {"facts": facts})
    with pytest.raises(UrgentStepsError) as error:
        load_facts(path)
    message = str(error.value)
    assert str(path) in message
    assert "police_report" in message
    assert field in message


def test_an_extra_fact_without_a_source_is_refused_too(tmp_path):
    facts = {**complete_facts(), "never_asked": fact("", source=...)}
    path = write(tmp_path, {"facts": facts})
    with pytest.raises(UrgentStepsError, match="never_asked.*source"):
        load_facts(path)


def test_a_fact_that_is_only_a_string_is_refused(tmp_path):
    facts = {**complete_facts(), "blocking_phone": "020 333"}
    path = write(tmp_path, {"facts": facts})
    with pytest.raises(UrgentStepsError, match="blocking_phone.*source"):
        load_facts(path)


@pytest.mark.parametrize(
    "content",
    [
        "version: 1\n",  # no facts at all
        "facts: [unclosed\n",  # not YAML
        "- just\n- a list\n",
        "",
    ],
)
def test_an_unreadable_file_names_itself(tmp_path, content):
    path = write(tmp_path, content)
    with pytest.raises(UrgentStepsError) as error:
        load_facts(path)
    assert str(path) in str(error.value)


def test_a_missing_file_names_itself(tmp_path):
    path = tmp_path / "nowhere.yml"
    with pytest.raises(UrgentStepsError) as error:
        load_facts(path)
    assert str(path) in str(error.value)


def test_the_error_is_a_value_error():
    assert issubclass(UrgentStepsError, ValueError)
