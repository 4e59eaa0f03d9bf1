"""Which channels are digital support, and what support: classes, curated ids, names."""

import pytest
import yaml

from bot.directory.vocab import TOPICS
from bot.ingest.classify import CURATED_FILE, classify, load_curation
from bot.ingest.records import ChannelRecord

CURATION = load_curation([CURATED_FILE])
SERVICE = "11111111-1111-1111-1111-111111111111"
CHANNEL = "22222222-2222-2222-2222-222222222222"


def channel(name="Kulttuuritalo", channel_type="ServiceLocation", services=(), **extra):
    return ChannelRecord(
        source_id=CHANNEL,
        channel_type=channel_type,
        name_fi=name,
        service_ids=tuple(sid for sid, _ in services),
        service_names=tuple(n for _, n in services),
        **extra,
    )


def offers(classification):
    return {o.topic: (o.forms, o.levels) for o in classification.offers}


def test_unrelated_channel_is_not_support():
    assert classify(channel("Uimahalli"), CURATION) is None


def test_library_service_class_makes_a_provider():
    result = classify(channel(services=[(SERVICE, "Palvelu")]), CURATION, {SERVICE: ("P25.1",)})
    assert set(offers(result)) == set(TOPICS)
    forms, levels = offers(result)["banking"]
    assert forms == ("in_person", "course")
    assert levels == ("light_support", "demanding_support")


def test_name_pattern_recognises_a_library():
    assert classify(channel("Pikkukylän kirjasto"), CURATION) is not None


def test_broad_ngo_class_needs_a_digital_word():
    classes = {SERVICE: ("P8.4",)}
    assert classify(
        channel("Kyläyhdistys", services=[(SERVICE, "Toiminta")]), CURATION, classes
    ) is (None)
    digital = channel("Kyläyhdistyksen digikahvila", services=[(SERVICE, "Toiminta")])
    assert classify(digital, CURATION, classes) is not None


def test_forms_fit_the_channel_type():
    phone = classify(channel("Kirjaston neuvontapuhelin", channel_type="Phone"), CURATION)
    assert {forms for forms, _ in offers(phone).values()} == {("phone",)}


def test_e_channel_never_serves_level_4_and_always_level_1():
    result = classify(channel("Asiointipisteen chat", channel_type="EChannel"), CURATION)
    for _, levels in offers(result).values():
        assert "non_digital" not in levels and "self_service" in levels


def test_curated_channel_rules(tmp_path):
    curated = tmp_path / "c.yml"
    curated.write_text(
        yaml.safe_dump(
            {
                "channels": {
                    CHANNEL: {
                        "override": True,
                        "sample": True,
                        "topics": ["device"],
                        "forms": ["home_visit"],
                        "levels": ["non_digital"],
                        "limits": [{"key": "device_repair", "direction": "does_more", "note": "n"}],
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    result = classify(channel("Pikkukylän kirjasto"), load_curation([CURATED_FILE, curated]))
    assert offers(result) == {"device": (("home_visit",), ("non_digital",))}
    assert result.is_sample and [limit.key for limit in result.limits] == ["device_repair"]


def test_exclude_drops_a_false_match(tmp_path):
    curated = tmp_path / "c.yml"
    curated.write_text(yaml.safe_dump({"channels": {CHANNEL: {"exclude": True}}}), "utf-8")
    assert classify(channel("Kirjastoauto"), load_curation([CURATED_FILE, curated])) is None


def test_sample_prefix_marks_sample():
    assert classify(channel("ESIMERKKI: Kirjasto"), CURATION).is_sample
    assert not classify(channel("Kirjasto"), CURATION).is_sample


@pytest.mark.parametrize(
    "spec, problem",
    [
        ({"topics": ["pankki"]}, "unknown topics"),
        ({"topics": "all", "forms": ["walk"]}, "unknown forms"),
        ({"topics": "all", "limits": [{"key": "x", "direction": "does_less"}]}, "bad limit"),
    ],
)
def test_curated_file_errors_name_the_problem(tmp_path, spec, problem):
    curated = tmp_path / "bad.yml"
    curated.write_text(yaml.safe_dump({"channels": {CHANNEL: spec}}), encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_curation([curated])
