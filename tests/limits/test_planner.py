"""explain(): which limits and alternatives are said in which situation."""

from dataclasses import dataclass
from typing import Optional

import pytest

from bot.limits import default_limits, explain, plan_for_question, plan_for_topic
from bot.triage.labels import ASKERS, NEED_LEVELS, TOPICS


@dataclass(frozen=True)
class Limit:
    """The shape of bot.directory.models.ProviderLimitInfo."""

    key: str
    does_more: bool
    note: Optional[str] = None


#: What every topic must say (reviewed against DOMAIN.md "what they do not do").
EXPECTED = {
    "banking": ["utter_limit_act_on_behalf", "utter_alt_bank_authorization",
                "utter_limit_handle_credentials", "utter_alt_bank_service"],
    "suomifi_messages": ["utter_limit_act_on_behalf", "utter_alt_suomifi_mandate",
                         "utter_limit_handle_credentials", "utter_limit_application_content",
                         "utter_alt_authority_advice"],
    "identification": ["utter_limit_handle_credentials", "utter_alt_bank_service",
                       "utter_alt_other_identification", "utter_limit_act_on_behalf"],
    "authorizations": ["utter_limit_act_on_behalf", "utter_alt_suomifi_mandate",
                       "utter_alt_authority_advice"],
    "e_services": ["utter_limit_application_content", "utter_alt_authority_advice",
                   "utter_limit_act_on_behalf", "utter_alt_suomifi_mandate"],
    "device": ["utter_limit_device_repair", "utter_alt_repair_service"],
    "communication": ["utter_limit_device_repair", "utter_alt_repair_service",
                      "utter_limit_handle_credentials", "utter_alt_password_reset"],
    "security": ["utter_limit_fraud_response", "utter_alt_scam_help",
                 "utter_limit_handle_credentials", "utter_alt_password_reset"],
}  # fmt: skip


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("asker", ASKERS)
def test_every_topic_says_its_limits_with_a_real_alternative(topic: str, asker: str) -> None:
    names = explain(topic, "light_support", asker)
    assert names[0] == "utter_limits_intro"
    position = [names.index(n) for n in EXPECTED[topic]]
    assert position == sorted(position), names  # in this order
    assert len(names) == len(set(names))
    # every refusal is followed by at least one alternative
    for index, name in enumerate(names):
        if name.startswith("utter_limit_"):
            assert names[index + 1].startswith("utter_alt_"), names


def test_level_four_adds_the_paper_and_phone_channel_last() -> None:
    for topic in TOPICS:
        names = explain(topic, "non_digital", "self")
        assert names[-1] == "utter_alt_paper_and_phone"
        for level in set(NEED_LEVELS) - {"non_digital"}:
            assert "utter_alt_paper_and_phone" not in explain(topic, level, "self")


def test_relative_asking_about_mandates_gets_mandate_and_guardianship() -> None:
    names = explain("authorizations", "demanding_support", "relative")
    assert "utter_alt_suomifi_mandate" in names and "utter_alt_guardianship" in names
    assert "utter_alt_guardianship" not in explain("authorizations", "demanding_support", "self")


def test_relative_using_bank_codes_gets_the_banks_own_authorisation() -> None:
    names = explain("banking", "light_support", "relative")
    assert "utter_alt_bank_authorization" in names and "utter_alt_guardianship" in names
    # Suomi.fi mandates do not cover banks: not offered for banking.
    assert "utter_alt_suomifi_mandate" not in names


def test_provider_doing_more_replaces_the_refusal() -> None:
    home_visits = [Limit("device_repair", True, "Kotikäynnit, myös laitteen käyttöönotto.")]
    plan = plan_for_topic(default_limits(), "device", "demanding_support", "self", home_visits)
    assert "utter_limit_device_repair" not in plan.names
    assert "utter_alt_repair_service" not in plan.names
    assert "utter_provider_does_more_device_repair" in plan.names
    note = [r for r in plan.responses if r.name == "utter_provider_note"]
    assert [dict(r.variables) for r in note] == [
        {"provider_note": "Kotikäynnit, myös laitteen käyttöönotto."}
    ]
    # nothing left to refuse: no intro announcing refusals
    assert "utter_limits_intro" not in plan.names


def test_provider_doing_more_in_one_limit_keeps_the_others() -> None:
    names = explain("banking", "light_support", "self", [Limit("handle_credentials", True)])
    assert "utter_limit_act_on_behalf" in names
    assert "utter_limit_handle_credentials" not in names
    assert "utter_provider_does_more_handle_credentials" in names
    assert "utter_provider_note" not in names  # no note in the data


def test_provider_doing_less_adds_the_limit() -> None:
    names = explain("device", "light_support", "self", [Limit("application_content", False, "x")])
    assert names[:3] == [
        "utter_limits_intro",
        "utter_limit_device_repair",
        "utter_alt_repair_service",
    ]
    assert "utter_limit_application_content" in names
    assert names.index("utter_provider_note") > names.index("utter_limit_application_content")


def test_provider_not_covering_the_topic_is_said_first() -> None:
    plan = plan_for_topic(
        default_limits(), "banking", None, "self", [Limit("banking", False, "Ei pankkiasioita.")]
    )
    assert plan.names[:2] == ["utter_provider_topic_not_covered", "utter_provider_note"]
    # a topic key for another topic is irrelevant here, and not "unknown"
    other = plan_for_topic(default_limits(), "device", None, "self", [Limit("banking", False)])
    assert "utter_provider_topic_not_covered" not in other.names
    assert other.ignored_provider_keys == []


def test_unknown_provider_keys_are_ignored_and_reported() -> None:
    plan = plan_for_topic(default_limits(), "device", None, "self", [Limit("teleport", True)])
    assert plan.names == explain("device", None, "self")
    assert plan.ignored_provider_keys == ["teleport"]


def test_unknown_topic_says_the_general_rules() -> None:
    assert explain(None, None, "self") == ["utter_limits_general"]
    assert explain(None, "non_digital", "advisor") == [
        "utter_limits_general",
        "utter_alt_paper_and_phone",
    ]


def test_direct_question_uses_topic_alternatives_or_the_defaults() -> None:
    config = default_limits()
    banking = plan_for_question(config, ["handle_credentials"], "banking", None, "self")
    assert banking.names == ["utter_limit_handle_credentials", "utter_alt_bank_service"]
    unknown = plan_for_question(config, ["handle_credentials"], None, None, "self")
    assert unknown.names == [
        "utter_limit_handle_credentials",
        "utter_alt_bank_service",
        "utter_alt_other_identification",
    ]
    relative = plan_for_question(config, ["handle_credentials"], None, None, "relative")
    assert relative.names[-2:] == ["utter_alt_suomifi_mandate", "utter_alt_bank_authorization"]
    assert plan_for_question(config, [], "device", None, "self").names == ["utter_limits_general"]


def test_direct_question_respects_the_provider() -> None:
    plan = plan_for_question(
        default_limits(), ["device_repair"], "device", None, "self", [Limit("device_repair", True)]
    )
    assert plan.names == ["utter_provider_does_more_device_repair"]
