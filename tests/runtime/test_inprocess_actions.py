"""The in-process action endpoint answers exactly as the HTTP action server would."""

import json

import pytest
from rasa.utils.endpoints import ClientResponseError

from bot.paths import DOMAIN_DIR
from bot.runtime.inprocess_actions import InProcessActionEndpoint


def action_call(name, entities):
    from rasa.shared.core.domain import Domain

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
        "domain": Domain.load(str(DOMAIN_DIR)).as_dict(),
        "version": "3.6.21",
    }


async def test_runs_a_project_action_and_returns_its_events():
    endpoint = InProcessActionEndpoint()
    entities = [{"entity": "asker", "value": "relative", "start": 0, "end": 6}]
    response = await endpoint.request(json=action_call("action_update_triage", entities))
    assert response["events"] == [
        {"event": "slot", "timestamp": None, "name": "asker", "value": "relative"}
    ]


async def test_an_unknown_action_is_a_404_like_over_http():
    endpoint = InProcessActionEndpoint()
    with pytest.raises(ClientResponseError) as raised:
        await endpoint.request(json=action_call("action_does_not_exist", []))
    assert raised.value.status == 404
    assert json.loads(raised.value.text)["action_name"] == "action_does_not_exist"


def test_copy_keeps_the_package():
    assert InProcessActionEndpoint("actions").copy().package == "actions"
