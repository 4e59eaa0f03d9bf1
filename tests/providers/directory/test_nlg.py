"""The response generator endpoints.yml configures says a provider's message from the domain.

Built the way Rasa builds it (NaturalLanguageGenerator.create with endpoints.yml's `nlg`) over
the real merged domain, and asked through Rasa's own `generate` with a tracker, so response
selection and the `asker` variations are Rasa's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict

import pytest
from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.directory.hours import HELSINKI
from bot.directory.nlg import DirectoryNLG
from bot.directory.present import DIRECTORY_EMPTY, plan_reply, render_plan
from bot.directory.service import PersonQuery, find_for_person
from bot.directory.speech import PROVIDER
from bot.paths import DOMAIN_DIR
from bot.runtime.agent import endpoints

NOW = datetime(2025, 12, 5, 17, 0, tzinfo=HELSINKI)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_DIR))


@pytest.fixture(scope="module")
def nlg(domain: Domain) -> NaturalLanguageGenerator:
    return NaturalLanguageGenerator.create(endpoints().nlg, domain)


def tracker(domain: Domain, **slots: Any) -> DialogueStateTracker:
    events = [SlotSet(name, value) for name, value in slots.items()]
    return DialogueStateTracker.from_events("nlg-test", events, slots=domain.slots)


async def say(nlg, domain, response: str, values: Dict[str, Any], **slots: Any) -> Dict:
    generated = await nlg.generate(response, tracker(domain, **slots), "rest", **values)
    assert generated is not None, response
    return generated


def test_endpoints_yml_names_the_project_generator(nlg):
    assert isinstance(nlg, DirectoryNLG)


async def test_a_provider_is_said_line_by_line_with_its_card(nlg, domain, sample_engine):
    query = PersonQuery(topic="banking", need_level="demanding_support", municipality="Hailuoto")
    plan = plan_reply(find_for_person(query, now=NOW, engine=sample_engine), NOW)
    (library, *_) = [m for m in plan if m.response == PROVIDER]
    said = await say(nlg, domain, PROVIDER, dict(library.values), asker="self")
    lines = said["text"].split("\n")
    assert lines[0] == "ESIMERKKI: Hailuodon kirjasto, digiopastus"
    assert "Apua: opastus paikan päällä, kotikäynti, kurssi" in lines  # the domain's labels
    assert "Aukeaa seuraavan kerran tiistaina 9.12. klo 10.00." in lines  # weekday label
    card = said["custom"]["provider"]
    assert card["hours_text"] in lines and card["distance_text"] in lines
    assert card["kinds_of_help"] == ["opastus paikan päällä", "kotikäynti", "kurssi"]
    # The command line says exactly what Rasa says (the same domain responses, the same lines).
    texts = render_plan(domain.responses, plan, {"asker": "self"})
    assert said["text"] in texts


@pytest.mark.parametrize(
    ("asker", "start"),
    [("self", "Palveluhakemisto on vielä tyhjä"), ("advisor", "Palveluhakemisto on tyhjä")],
)
async def test_whole_messages_keep_rasas_variations(nlg, domain, asker, start):
    said = await say(nlg, domain, DIRECTORY_EMPTY, {}, asker=asker)
    assert said["text"].startswith(start) and "custom" not in said


async def test_a_line_without_its_response_in_the_domain_fails_loudly(nlg, domain):
    values = {"name": "x", "lines": [{"kind": "note", "response": "utter_no_such", "values": {}}]}
    with pytest.raises(KeyError, match="utter_no_such"):
        await say(nlg, domain, PROVIDER, values)


async def test_rasa_turns_the_actions_message_into_one_event_with_text_and_card(
    nlg, domain, sample_engine
):
    """Rasa's own path for a custom action's messages (RemoteAction._utter_responses, as the
    in-process action endpoint uses it), then the output channel: one text, then the card."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa_sdk.executor import CollectingDispatcher

    query = PersonQuery(topic="banking", need_level="demanding_support", municipality="Hailuoto")
    plan = plan_reply(find_for_person(query, now=NOW, engine=sample_engine), NOW)
    library = next(m for m in plan if m.response == PROVIDER)
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(response=library.response, **library.values)
    channel = CollectingOutputChannel()
    (event,) = await RemoteAction._utter_responses(
        dispatcher.messages, channel, nlg, tracker(domain, asker="self")
    )
    assert event.text.startswith("ESIMERKKI: Hailuodon kirjasto, digiopastus\nOsoite: ")
    assert event.data["custom"]["type"] == "provider_card"
    assert event.metadata["utter_action"] == PROVIDER
    await channel.send_response("x", event.message())
    text, card = channel.messages
    assert text == {"recipient_id": "x", "text": event.text}
    assert card["custom"] == event.data["custom"]
