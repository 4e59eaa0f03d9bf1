"""The in-process action endpoint answers exactly as the HTTP action server would."""

import copy
import json

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk import Action

from bot.paths import DOMAIN_DIR
from bot.runtime.fast_action_results import is_valid_action_result
from bot.runtime.inprocess_actions import InProcessActionEndpoint

MALFORMED_RESULT = {"events": [{"event": "slot", "value": "relative"}]}  # a slot without a name


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(DOMAIN_DIR))


def action_call(name, entities, domain):
    return {
        "next_action": name,
        "sender_id": "test",
        "tracker": {
            "sender_id": "test",
            "slots": {},
            "latest_message": {
                "text": "äitini ei osaa",
                "intent": {"name": "ask_help", "confidence": 1.0},
                "entities": entities,
            },
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": domain.as_dict(),
        "version": "3.6.21",
    }


def tracker_after(domain, text, entities):
    tracker = DialogueStateTracker("test", domain.slots)
    tracker.update(UserUttered(text, {"name": "ask_help", "confidence": 1.0}, entities))
    return tracker


async def run_remote(action_name, endpoint, domain, tracker):
    """Rasa's own RemoteAction.run, as the processor calls it."""
    return await RemoteAction(action_name, endpoint).run(
        CollectingOutputChannel(),
        TemplatedNaturalLanguageGenerator(domain.responses),
        tracker,
        domain,
    )


async def test_runs_a_project_action_and_returns_its_events(domain):
    endpoint = InProcessActionEndpoint()
    entities = [{"entity": "asker", "value": "relative", "start": 0, "end": 6}]
    response = await endpoint.request(json=action_call("action_update_triage", entities, domain))
    assert response["events"] == [
        {"event": "slot", "timestamp": None, "name": "asker", "value": "relative"}
    ]


async def test_an_unknown_action_is_a_404_like_over_http(domain):
    endpoint = InProcessActionEndpoint()
    with pytest.raises(ClientResponseError) as raised:
        await endpoint.request(json=action_call("action_does_not_exist", [], domain))
    assert raised.value.status == 404
    assert json.loads(raised.value.text)["action_name"] == "action_does_not_exist"


def test_copy_keeps_the_package():
    assert InProcessActionEndpoint("actions").copy().package == "actions"


async def test_rasa_runs_a_project_action_through_the_endpoint(domain):
    entities = [{"entity": "asker", "value": "relative", "start": 0, "end": 6}]
    tracker = tracker_after(domain, "äitini ei osaa", entities)
    events = await run_remote("action_update_triage", InProcessActionEndpoint(), domain, tracker)
    assert events == [SlotSet("asker", "relative")]


async def test_a_malformed_action_result_is_refused_with_rasas_error(domain):
    class ActionMalformedResult(Action):
        def name(self) -> str:
            return "action_test_malformed_result"

        async def run(self, dispatcher, tracker, domain):
            return MALFORMED_RESULT["events"]

    tracker = tracker_after(domain, "hei", [])
    with pytest.raises(ValidationError) as refused:
        await run_remote("action_test_malformed_result", InProcessActionEndpoint(), domain, tracker)
    assert "is not valid under any of the given schemas" in refused.value.message
    assert "Failed to validate Action server response" in refused.value.message


@pytest.mark.parametrize(
    "result",
    [
        {"events": [], "responses": []},
        {"events": [{"event": "slot", "name": "topic", "value": "banking", "timestamp": None}]},
        {"events": [{"event": "followup", "name": "action_find_providers"}]},
        {"responses": [{"response": "utter_greet", "buttons": [], "custom": {}}]},
    ],
)
def test_the_cached_validator_accepts_what_rasas_schema_accepts(result):
    assert is_valid_action_result(result)
    RemoteAction("x", EndpointConfig("http://localhost"))._validate_action_result(result)


@pytest.mark.parametrize(
    "result",
    [
        MALFORMED_RESULT,
        {"events": [{"event": "no_such_event"}]},
        {"events": {"event": "slot"}},
        {"responses": ["just text"]},
    ],
)
def test_the_cached_validator_refuses_what_rasas_schema_refuses(result):
    assert not is_valid_action_result(result)
    with pytest.raises(ValidationError):
        RemoteAction("x", EndpointConfig("http://localhost"))._validate_action_result(result)


def test_validation_of_an_http_action_server_is_rasas_own():
    """Only in-process results take the cached path; an HTTP server's still get Rasa's."""
    InProcessActionEndpoint()
    wrapper = RemoteAction._validate_action_result
    assert wrapper.__wrapped__.__module__ == "rasa.core.actions.action"
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        RemoteAction("x", EndpointConfig("http://localhost"))._validate_action_result(
            MALFORMED_RESULT
        )


def test_creating_endpoints_wraps_rasas_validation_once():
    InProcessActionEndpoint()
    first = RemoteAction._validate_action_result
    InProcessActionEndpoint().copy()
    assert RemoteAction._validate_action_result is first


async def test_an_action_shares_nothing_with_rasas_tracker_and_domain(domain):
    seen_responses = []

    class ActionMutatingItsInput(Action):
        def name(self) -> str:
            return "action_test_mutates_its_input"

        async def run(self, dispatcher, tracker, domain):
            seen_responses.append(len(domain["responses"]))
            domain["responses"].clear()
            tracker.slots["topic"] = "banking"
            tracker.latest_message["entities"].append({"entity": "topic", "value": "banking"})
            return []

    endpoint = InProcessActionEndpoint()
    entities = [{"entity": "asker", "value": "relative", "start": 0, "end": 6}]
    call = action_call("action_test_mutates_its_input", entities, domain)
    before = copy.deepcopy(call)
    await endpoint.request(json=call)
    await endpoint.request(json=call)
    assert call == before
    assert seen_responses == [len(domain.responses)] * 2  # the second call got an intact copy


async def test_a_value_json_cannot_carry_fails_as_over_http(domain):
    call = action_call("action_update_triage", [], domain)
    call["tracker"]["slots"]["said_once"] = {"a set", "is not JSON"}
    with pytest.raises(TypeError):
        await InProcessActionEndpoint().request(json=call)
