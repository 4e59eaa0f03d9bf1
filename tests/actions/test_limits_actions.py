"""action_explain_limits, action_explain_more and action_answer_limit_question, in each voice.

The actions run with a rasa_sdk Tracker and CollectingDispatcher; the response names they
utter are then rendered by Rasa's own NLG against the real merged domain, with the asker slot
set, so the conditional variations are exercised exactly as in a conversation.
"""

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.limits import (
    MAX_ANSWER_MESSAGES,
    SAID_ONCE,
    ActionAnswerLimitQuestion,
    ActionExplainLimits,
    ActionExplainMore,
)
from bot.domain_files import load_responses
from bot.limits import explain
from bot.paths import DOMAIN_DIR
from bot.triage.labels import ASKERS, TOPICS
from tests.actions.trackers import make_tracker

#: The sentence that tells a topic's main limit, per topic (what the person must hear).
MAIN_LIMIT = {
    "banking": "utter_limit_handle_credentials",
    "suomifi_messages": "utter_limit_act_on_behalf",
    "identification": "utter_limit_handle_credentials",
    "authorizations": "utter_limit_act_on_behalf",
    "e_services": "utter_limit_application_content",
    "device": "utter_limit_device_repair",
    "communication": "utter_limit_device_repair",
    "security": "utter_limit_fraud_response",
}
#: The words that show the voice: spoken to the person, about the relative's family member,
#: or as a script for the advisor.
VOICE = {
    "self": re.compile(r"\b(sinu\w*|voit|sinä|\w+si|\w+äsi|\w+asi|teet|kysy|näppäile)\b", re.I),
    "relative": re.compile(r"\b(läheis\w*|hän\w*|häne\w*)\b", re.I),
    "advisor": re.compile(r"^Kerro asiakkaalle"),
}


@dataclass(frozen=True)
class Limit:
    key: str
    does_more: bool
    note: Optional[str] = None


@pytest.fixture(scope="module")
def rasa_domain() -> Any:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(DOMAIN_DIR))


async def render(rasa_domain: Any, messages: List[Dict[str, Any]], asker: str) -> List[str]:
    """What the person sees: the uttered responses rendered by Rasa's NLG in this voice."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    nlg = TemplatedNaturalLanguageGenerator(rasa_domain.responses)
    tracker = DialogueStateTracker.from_events("t", [SlotSet("asker", asker)], rasa_domain.slots)
    texts = []
    for message in messages:
        variables = {k: v for k, v in message.items() if k == "provider_note"}
        rendered = await nlg.generate(message["response"], tracker, "rest", **variables)
        texts.append(rendered["text"])
    return texts


def written_text(name: str, asker: str) -> str:
    """The variation written for this asker in domain/*.yml (unconditional one for self)."""
    for variation in load_responses()[name]:
        condition = variation.get("condition") or []
        wanted = asker != "self" and [{"type": "slot", "name": "asker", "value": asker}]
        if condition == (wanted or []):
            return variation["text"]
    raise AssertionError(f"{name} has no variation for {asker}")


async def run(action: Any, tracker: Any, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The messages; the only event is the record of what was said, which must match them."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain)
    said = [m["response"] for m in dispatcher.messages if m["response"] != "utter_nothing_more"]
    assert [e["name"] for e in events] == [SAID_ONCE]
    before = tracker.get_slot(SAID_ONCE) or []
    assert events[0]["value"][len(before) :] == said
    return dispatcher.messages


async def run_full(explain: Any, tracker: Any, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The short note after the providers, then "kerro lisää": everything, each said once."""
    first = await run(explain, tracker, domain)
    said = [m["response"] for m in first]
    more = make_tracker("kerro lisää", intent="ask_more", slots={**tracker.slots, SAID_ONCE: said})
    rest = await run(ActionExplainMore(explain._source), more, domain)
    return [m for m in first + rest if m["response"] != "utter_nothing_more"]


def no_provider_lookup(provider_id: Any) -> Sequence[Limit]:
    raise AssertionError("no provider chosen: the directory must not be asked")


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("asker", ASKERS)
async def test_each_topic_in_each_voice(
    topic: str, asker: str, domain: Dict[str, Any], rasa_domain: Any
) -> None:
    tracker = make_tracker(
        "mitä digitukihenkilö ei tee",
        slots={"topic": topic, "need_level": "light_support", "asker": asker},
    )
    action = ActionExplainLimits(provider_limits_source=no_provider_lookup)
    messages = await run_full(action, tracker, domain)
    names = [m["response"] for m in messages]
    # Between the short note and "kerro lisää" everything is said, and nothing twice.
    assert sorted(names) == sorted(explain(topic, "light_support", asker))
    assert MAIN_LIMIT[topic] in names
    assert any(n.startswith("utter_alt_") for n in names)

    texts = await render(rasa_domain, messages, asker)
    assert texts == [written_text(name, asker) for name in names]
    for text in texts:
        assert VOICE[asker].search(text), f"{asker}: {text}"
        if asker != "advisor":
            assert not text.startswith("Kerro asiakkaalle")
    if asker == "relative":
        # A relative is told about the family member, not addressed as the one who uses codes.
        limit_text = texts[names.index(MAIN_LIMIT[topic])]
        assert re.search(r"läheise\w*|hänen", limit_text)


async def test_level_four_relative_about_mandates_sees_every_route(
    domain: Dict[str, Any], rasa_domain: Any
) -> None:
    tracker = make_tracker(
        "äiti ei pysty enää käyttämään nettiä",
        slots={"topic": "authorizations", "need_level": "non_digital", "asker": "relative"},
    )
    messages = await run_full(ActionExplainLimits(no_provider_lookup), tracker, domain)
    texts = await render(rasa_domain, messages, "relative")
    joined = "\n".join(texts)
    assert "Läheisesi voi antaa sinulle Suomi.fi-valtuuden" in joined
    assert "edunvalvoja" in joined and "dvv.fi/edunvalvonta" in joined
    assert "hallintolaki 8 §" in joined
    assert texts[-1].startswith("Läheisesi voi usein hoitaa asian myös ilman nettiä")


async def test_the_chosen_providers_own_limits_take_precedence(
    domain: Dict[str, Any], rasa_domain: Any
) -> None:
    asked: List[Any] = []

    def directory(provider_id: Any) -> Sequence[Limit]:
        asked.append(provider_id)
        return [Limit("device_repair", True, "Kotikäynnit, myös laitteen käyttöönotto.")]

    tracker = make_tracker(
        "mitä te teette",
        slots={"topic": "device", "need_level": "demanding_support", "asker": "self",
               "provider_id": "42"},
    )  # fmt: skip
    messages = await run(ActionExplainLimits(directory), tracker, domain)
    assert asked == ["42"]
    texts = await render(rasa_domain, messages, "self")
    assert not any("ei korjaa" in t for t in texts)
    assert texts == [
        "Valitsemasi tukipaikan tietojen mukaan se auttaa myös laitteiden käyttöönotossa, "
        "asennuksissa tai päivityksissä.",
        "Tukipaikan omissa tiedoissa lukee: Kotikäynnit, myös laitteen käyttöönotto.",
    ]


async def test_a_failing_directory_falls_back_to_the_general_rules(domain: Dict[str, Any]) -> None:
    def broken(provider_id: Any) -> Sequence[Limit]:
        raise ConnectionError("database is down")

    tracker = make_tracker("x", slots={"topic": "device", "asker": "self", "provider_id": "7"})
    messages = await run_full(ActionExplainLimits(broken), tracker, domain)
    assert sorted(m["response"] for m in messages) == sorted(explain("device", None, "self"))


@pytest.mark.parametrize(
    ("question", "asker", "expected_first", "must_contain"),
    [
        ("voiko digitukihenkilö kirjautua puolestani?", "self",
         "utter_limit_act_on_behalf", "ei voi kirjautua puolestasi"),
        ("saako kirjaston työntekijä käyttää äitini pankkitunnuksia?", "relative",
         "utter_limit_handle_credentials", "läheisesi pankkitunnuksia"),
        ("voitteko korjata koneeni?", "self",
         "utter_limit_device_repair", "ei korjaa"),
        ("voiko neuvoja kertoa mitä asiakkaan hakemukseen kirjoitetaan?", "advisor",
         "utter_limit_application_content", "Kerro asiakkaalle: tukihenkilö neuvoo lomakkeen"),
    ],
)  # fmt: skip
async def test_direct_questions_are_answered(
    question: str,
    asker: str,
    expected_first: str,
    must_contain: str,
    domain: Dict[str, Any],
    rasa_domain: Any,
) -> None:
    tracker = make_tracker(question, intent="ask_helper_limits", slots={"asker": asker})
    messages = await run(ActionAnswerLimitQuestion(no_provider_lookup), tracker, domain)
    assert messages[0]["response"] == expected_first
    assert any(m["response"].startswith("utter_alt_") for m in messages)
    texts = await render(rasa_domain, messages, asker)
    assert must_contain in texts[0]


async def test_relative_asking_about_bank_codes_hears_the_legal_routes(
    domain: Dict[str, Any], rasa_domain: Any
) -> None:
    tracker = make_tracker(
        "saako kirjaston työntekijä käyttää äitini pankkitunnuksia?",
        intent="ask_helper_limits",
        slots={"asker": "relative"},
    )
    messages = await run(ActionAnswerLimitQuestion(no_provider_lookup), tracker, domain)
    names = [m["response"] for m in messages]
    assert "utter_alt_bank_service" in names
    assert "utter_alt_suomifi_mandate" in names and "utter_alt_bank_authorization" in names


async def test_unmatched_question_gets_the_general_answer(
    domain: Dict[str, Any], rasa_domain: Any
) -> None:
    tracker = make_tracker("mitä digitukihenkilö ei saa tehdä", intent="ask_helper_limits")
    messages = await run(ActionAnswerLimitQuestion(no_provider_lookup), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_limits_general"]
    (text,) = await render(rasa_domain, messages, "self")
    assert "ei kirjaudu puolestasi" in text and "ei korjaa" in text


async def test_after_the_providers_one_short_note_then_more_on_request(
    domain: Dict[str, Any],
) -> None:
    tracker = make_tracker(
        "hän asuu Oulussa",
        slots={"topic": "banking", "need_level": "demanding_support", "asker": "relative"},
    )
    messages = await run(ActionExplainLimits(no_provider_lookup), tracker, domain)
    note = [m["response"] for m in messages]
    # One note, with a button that asks for the rest.
    assert note == ["utter_limit_act_on_behalf"]
    assert messages[0]["buttons"] == [{"title": "Kerro lisää", "payload": "/ask_more"}]
    again = make_tracker("hän asuu Oulussa", slots={**tracker.slots, SAID_ONCE: note})
    # The same triage answered again (a new place, a new form) says no limit twice.
    assert await run(ActionExplainLimits(no_provider_lookup), again, domain) == []
    more = make_tracker("kerro lisää", intent="ask_more", slots=again.slots)
    rest = [m["response"] for m in await run(ActionExplainMore(no_provider_lookup), more, domain)]
    assert rest and not set(rest) & set(note)
    done = make_tracker(
        "kerro lisää", intent="ask_more", slots={**more.slots, SAID_ONCE: note + rest}
    )
    last = await run(ActionExplainMore(no_provider_lookup), done, domain)
    assert [m["response"] for m in last] == ["utter_nothing_more"]


def test_action_names() -> None:
    assert ActionExplainMore().name() == "action_explain_more"
    assert ActionExplainLimits().name() == "action_explain_limits"
    assert ActionAnswerLimitQuestion().name() == "action_answer_limit_question"


async def test_provider_limits_come_from_the_real_directory(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, domain: Dict[str, Any]
) -> None:
    """The default source reads bot.directory (a fresh SQLite directory, migrated as start-up
    does: the directory itself never migrates)."""
    from datetime import datetime

    from bot.directory import db
    from bot.directory.models import ProviderLimit, ProviderLocation
    from bot.ingest.migrate import upgrade_to_head

    monkeypatch.setenv(db.DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'providers.sqlite3'}")
    upgrade_to_head(db.get_engine())
    with db.session_scope() as session:
        place = ProviderLocation(
            source="sample",
            source_id="limits-test",
            channel_type="ServiceLocation",
            name_fi="Esimerkkikylän kotikäynnit (esimerkki)",
            last_imported_at=datetime(2025, 1, 1),
            content_hash="x",
        )
        place.limits = [
            ProviderLimit(key="device_repair", direction="does_more", note="Kotikäynnit."),
            ProviderLimit(key="banking", direction="does_less", note=None),
        ]
        session.add(place)
        session.flush()
        provider_id = str(place.id)
    try:
        tracker = make_tracker("x", slots={"topic": "device", "provider_id": provider_id})
        names = [m["response"] for m in await run(ActionExplainLimits(), tracker, domain)]
        assert names == ["utter_provider_does_more_device_repair", "utter_provider_note"]
        banking = make_tracker("x", slots={"topic": "banking", "provider_id": provider_id})
        names = [m["response"] for m in await run(ActionExplainLimits(), banking, domain)]
        assert names[0] == "utter_provider_topic_not_covered"
    finally:
        db.dispose_engines()


async def test_a_place_heard_as_a_limits_question_goes_to_the_triage(
    domain: Dict[str, Any],
) -> None:
    """ "asun raahessa jos sillä on väliä" names a place; it asks nothing about limits."""
    tracker = make_tracker(
        "asun raahessa jos sillä on väliä",
        intent="ask_helper_limits",
        entities=[{"entity": "municipality", "value": "Raahe", "start": 5, "end": 13}],
        slots={"topic": "identification", "awaiting": "need_level"},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerLimitQuestion(no_provider_lookup).run(dispatcher, tracker, domain)
    names = [m["response"] for m in dispatcher.messages]
    assert "utter_limits_general" not in names
    assert {"event": "slot", "name": "municipality", "value": "Raahe", "timestamp": None} in events


async def test_a_device_word_does_not_add_the_repair_rule(domain: Dict[str, Any]) -> None:
    tracker = make_tracker(
        "se sano et mä saan käyttää sen pankkitunnareita, se kertois tunnusluvut puhelimessa. "
        "onks se ok?",
        slots={"asker": "relative"},
    )
    messages = await run(ActionAnswerLimitQuestion(no_provider_lookup), tracker, domain)
    names = [m["response"] for m in messages]
    assert names[0] == "utter_limit_handle_credentials"
    assert "utter_limit_device_repair" not in names


async def test_a_long_answer_fits_a_phone_screen_and_offers_the_rest(
    domain: Dict[str, Any], rasa_domain: Any
) -> None:
    tracker = make_tracker(
        "saanko käyttää äidin tunnuksia ja hoitaa sen kelan asiat, se on muistisairas",
        intent="ask_helper_limits",
        slots={"asker": "relative", "topic": "identification", "need_level": "non_digital"},
    )
    messages = await run(ActionAnswerLimitQuestion(no_provider_lookup), tracker, domain)
    assert messages[0]["response"].startswith("utter_limit_")
    assert len(messages) == MAX_ANSWER_MESSAGES, [m["response"] for m in messages]
    assert messages[-1]["buttons"][0]["payload"] == "/ask_more"


def _later_in_the_talk(text: str, intent: str, slots: Dict[str, Any]) -> Any:
    """A tracker where `text` follows an earlier message and help already given."""
    tracker = make_tracker(text, intent=intent, slots=slots)
    tracker.events.insert(0, {"event": "user", "text": "moi", "parse_data": {}})
    return tracker


@pytest.mark.parametrize(
    ("text", "intent", "action"),
    [
        ("no ok, sit mä soitan sinne ite. kiitos", "ask_helper_limits", "answer"),
        ("kiitos, kerron hänelle", "ask_helper_limits", "answer"),
        ("tänks", "ask_more", "more"),
    ],
)
async def test_a_thank_you_heard_as_a_limits_question_closes_the_talk(text, intent, action, domain):
    slots = {"topic": "authorizations", "asker": "self", "triage_completed": "x", SAID_ONCE: []}
    tracker = _later_in_the_talk(text, intent, slots)
    chosen = ActionAnswerLimitQuestion(no_provider_lookup) if action == "answer" else None
    chosen = chosen or ActionExplainMore(no_provider_lookup)
    dispatcher = CollectingDispatcher()
    events = await chosen.run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_goodbye"]
    assert events == []


async def test_thanks_with_a_permission_question_still_gets_the_rule(domain):
    slots = {"topic": "banking", "asker": "relative", "triage_completed": "x", SAID_ONCE: []}
    tracker = _later_in_the_talk(
        "kiitos, mut saanko mä sit naputella äidin koodit", "ask_helper_limits", slots
    )
    messages = await run(ActionAnswerLimitQuestion(no_provider_lookup), tracker, domain)
    assert "utter_goodbye" not in [m["response"] for m in messages]
    assert "utter_limit_handle_credentials" in [m["response"] for m in messages]


async def test_a_second_question_on_the_same_rule_gets_the_rule_without_the_alternatives_again(
    domain,
):
    slots = {"topic": "banking", "asker": "relative", SAID_ONCE: []}
    first = make_tracker(
        "saanko mä käyttää äidin pankkitunnuksia", "ask_helper_limits", slots=slots
    )
    answer = await run(ActionAnswerLimitQuestion(no_provider_lookup), first, domain)
    said = [m["response"] for m in answer]
    again = make_tracker(
        "entäs jos äiti näyttää ite ne koodit, saanko mä sit naputella ne",
        "ask_helper_limits",
        slots={**slots, SAID_ONCE: said},
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerLimitQuestion(no_provider_lookup).run(dispatcher, again, domain)
    second = [m["response"] for m in dispatcher.messages]
    assert second == ["utter_limit_handle_credentials"]
    assert len(said) > 1


async def test_the_general_answer_is_said_again_when_nothing_else_fits(domain):
    slots = {"topic": "banking", "asker": "self", SAID_ONCE: ["utter_limits_general"]}
    tracker = make_tracker("mitä te ette voi tehdä", "ask_helper_limits", slots=slots)
    dispatcher = CollectingDispatcher()
    await ActionAnswerLimitQuestion(no_provider_lookup).run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_limits_general"]


async def test_more_that_reveals_money_taken_gets_the_urgent_steps_first(domain) -> None:
    """'…isä ehti jo maksaa 800 euroa… ja se pyytää lisää' read as "kerro lisää": no triage
    update ran on it, so the action reads it for an urgent situation itself."""
    text = "no nyt selvis et isä ehti jo maksaa sille 800 euroa tänä aamuna ja se pyytää lisää"
    tracker = make_tracker(
        text, intent="ask_more", slots={"topic": "security", "asker": "relative"}
    )
    dispatcher = CollectingDispatcher()
    events = await ActionExplainMore(no_provider_lookup).run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_urgent_steps",
        "utter_urgent_then",
    ]
    assert {e["name"]: e["value"] for e in events} == {"urgent": "money_gone", "urgent_shown": True}
    shown = make_tracker(text, intent="ask_more", slots={**tracker.slots, "urgent_shown": True})
    again = CollectingDispatcher()
    await ActionExplainMore(no_provider_lookup).run(again, shown, domain)
    assert "utter_urgent_steps" not in [m["response"] for m in again.messages]
