"""The limits file: complete, consistent with the domain, and loud when broken."""

import re
import shutil
from pathlib import Path
from typing import Callable, Dict, List

import pytest
import yaml

from bot.domain_files import load_responses, variation_language
from bot.limits import LIMITS_FILE, LimitsConfigError, default_limits, load_limits
from bot.paths import DOMAIN_DIR
from bot.triage.labels import TOPICS

KNOWN_ADDRESSES = {
    "suomi.fi/valtuudet",
    "dvv.fi/edunvalvonta",
    "kansalaisneuvonta.fi",
    "poliisi.fi",
    "kyberturvallisuuskeskus.fi",
}


def test_the_project_file_is_valid_and_covers_every_topic() -> None:
    config = default_limits()
    assert list(config.topics) == list(TOPICS)
    for topic, limits in config.topics.items():
        assert limits, topic
        for key, alternatives in limits.items():
            assert key in config.limits
            assert alternatives, f"{topic}.{key} has no alternative"


def test_the_issue_limits_and_alternatives_are_all_there() -> None:
    config = default_limits()
    assert {"act_on_behalf", "handle_credentials", "application_content", "device_repair"} <= set(
        config.limits
    )
    referenced = {name for _, name in config.references()}
    for name in (
        "utter_alt_suomifi_mandate",
        "utter_alt_guardianship",
        "utter_alt_authority_advice",
        "utter_alt_paper_and_phone",
        "utter_alt_bank_service",
        "utter_alt_repair_service",
        "utter_alt_other_identification",
    ):
        assert name in referenced


# ------------------------------------------------------------------ the texts behind the names


def _referenced_voiced_responses() -> List[str]:
    config = default_limits()
    names = {config.intro, config.general, config.provider_topic_not_covered}
    for spec in config.limits.values():
        names.add(spec.response)
        names.update(spec.default_alternatives)
    for limits in config.topics.values():
        for alternatives in limits.values():
            names.update(alternatives)
    for situation in config.situations:
        names.update(situation.add)
    return sorted(names)


def _variations(name: str, language: str = "fi") -> Dict[str, str]:
    """Voice -> text in `language`: "self" for the variation with no asker condition, else the
    asker value."""
    voices: Dict[str, str] = {}
    for variation in load_responses()[name]:
        if variation_language(variation) != language:
            continue
        condition = [c for c in variation.get("condition") or [] if c.get("name") != "language"]
        if not condition:
            voices["self"] = variation["text"]
            continue
        (only,) = condition
        assert only["type"] == "slot" and only["name"] == "asker", name
        voices[only["value"]] = variation["text"]
    return voices


@pytest.mark.parametrize("name", _referenced_voiced_responses())
def test_every_limit_text_exists_in_three_voices(name: str) -> None:
    voices = _variations(name)
    assert set(voices) == {"self", "relative", "advisor"}, name
    assert voices["advisor"].startswith("Kerro asiakkaalle"), name
    assert not voices["self"].startswith("Kerro asiakkaalle"), name
    assert not voices["relative"].startswith("Kerro asiakkaalle"), name
    assert re.search(r"\b(läheis\w*|hän\w*|häne\w*|hänel\w*)\b", voices["relative"], re.I), name
    assert len({voices["self"], voices["relative"], voices["advisor"]}) == 3, name


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", _referenced_voiced_responses())
def test_every_limit_text_has_three_voices_in_swedish_and_english(name: str, language: str) -> None:
    voices = _variations(name, language)
    assert set(voices) == {"self", "relative", "advisor"}, name
    assert len(set(voices.values())) == 3, name


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("name", _referenced_voiced_responses())
def test_no_invented_numbers_and_only_known_addresses(name: str, language: str) -> None:
    for text in _variations(name, language).values():
        assert not re.search(r"\d{3}[ -]?\d{3}", text), f"{name}: looks like a phone number"
        assert not re.search(r"\bklo\b|\d{1,2}[.:]\d{2}\s*[-–]", text), f"{name}: opening hours?"
        addresses = set(re.findall(r"\b[\w.-]+\.fi(?:/[\w-]+)?", text))
        addresses -= {"Suomi.fi"}
        assert addresses <= KNOWN_ADDRESSES, f"{name}: {addresses - KNOWN_ADDRESSES}"


def test_the_duty_to_advise_is_cited() -> None:
    voices = _variations("utter_alt_authority_advice")
    assert "hallintolaki 8 §" in voices["self"]
    assert "5 §" in voices["self"] and "maksutta" in voices["self"]
    assert "434/2003" in voices["advisor"] and "306/2019" in voices["advisor"]


# ------------------------------------------------------------------ broken copies fail loudly


@pytest.fixture
def broken_copy(tmp_path: Path) -> Callable[..., tuple]:
    """Copies of the limits file and the domain directory, edited by the test."""

    def make(edit_limits: Callable[[dict], None] = lambda d: None, edit_domain=None) -> tuple:
        domain_dir = tmp_path / "domain"
        shutil.copytree(DOMAIN_DIR, domain_dir)
        if edit_domain is not None:
            edit_domain(domain_dir)
        data = yaml.safe_load(LIMITS_FILE.read_text(encoding="utf-8"))
        edit_limits(data)
        limits_file = tmp_path / "helper_limits.yml"
        limits_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return limits_file, domain_dir

    return make


def test_an_unedited_copy_loads(broken_copy: Callable[..., tuple]) -> None:
    limits_file, domain_dir = broken_copy()
    assert list(load_limits(limits_file, domain_dir).topics) == list(TOPICS)


def test_a_missing_topic_fails_naming_file_and_topic(broken_copy: Callable[..., tuple]) -> None:
    limits_file, domain_dir = broken_copy(lambda d: d["topics"].pop("device"))
    with pytest.raises(LimitsConfigError) as error:
        load_limits(limits_file, domain_dir)
    assert str(limits_file) in str(error.value)
    assert "topics" in str(error.value) and "device" in str(error.value)


def test_an_unknown_topic_fails(broken_copy: Callable[..., tuple]) -> None:
    limits_file, domain_dir = broken_copy(lambda d: d["topics"].update(pets={}))
    with pytest.raises(LimitsConfigError, match="unknown topic.*pets"):
        load_limits(limits_file, domain_dir)


def test_an_unknown_limit_key_fails(broken_copy: Callable[..., tuple]) -> None:
    def edit(data: dict) -> None:
        data["topics"]["banking"]["act_on_behalff"] = ["utter_alt_bank_service"]

    limits_file, domain_dir = broken_copy(edit)
    with pytest.raises(LimitsConfigError) as error:
        load_limits(limits_file, domain_dir)
    assert "topics.banking.act_on_behalff" in str(error.value)
    assert "unknown limit key" in str(error.value)


def test_a_broken_response_reference_in_the_limits_file_fails(
    broken_copy: Callable[..., tuple],
) -> None:
    def edit(data: dict) -> None:
        data["topics"]["device"]["device_repair"] = ["utter_alt_repair_servise"]

    limits_file, domain_dir = broken_copy(edit)
    with pytest.raises(LimitsConfigError) as error:
        load_limits(limits_file, domain_dir)
    message = str(error.value)
    assert str(limits_file) in message and "topics.device.device_repair" in message
    assert "utter_alt_repair_servise" in message


def test_a_response_removed_from_the_domain_fails(broken_copy: Callable[..., tuple]) -> None:
    def edit_domain(domain_dir: Path) -> None:
        path = domain_dir / "limits.yml"
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        del content["responses"]["utter_alt_guardianship"]
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")

    limits_file, domain_dir = broken_copy(edit_domain=edit_domain)
    with pytest.raises(LimitsConfigError, match="utter_alt_guardianship.*not defined"):
        load_limits(limits_file, domain_dir)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: d["limits"]["device_repair"].pop("cues"),
            r"limits\.device_repair: missing cues",
        ),
        (lambda d: d["limits"]["device_repair"].update(cues=[]), r"device_repair\.cues"),
        (lambda d: d.pop("intro"), r"intro: expected a response name"),
        (
            lambda d: d["situations"].append({"when": {"need_level": "level4"}, "add": []}),
            r"situations\[\d+\]\.when\.need_level: unknown value 'level4'",
        ),
        (
            lambda d: d["situations"].append({"when": {"mood": "sad"}, "add": []}),
            r"unknown key 'mood'",
        ),
        (lambda d: d["topics"].update(device="oops"), r"topics\.device: expected a mapping"),
    ],
)
def test_other_mistakes_fail_with_the_entry_named(
    broken_copy: Callable[..., tuple], edit: Callable[[dict], None], expected: str
) -> None:
    limits_file, domain_dir = broken_copy(edit)
    with pytest.raises(LimitsConfigError, match=expected):
        load_limits(limits_file, domain_dir)


def test_invalid_yaml_and_missing_file_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("topics: [unclosed", encoding="utf-8")
    with pytest.raises(LimitsConfigError, match="not valid YAML"):
        load_limits(bad)
    with pytest.raises(LimitsConfigError, match="file not found"):
        load_limits(tmp_path / "missing.yml")
