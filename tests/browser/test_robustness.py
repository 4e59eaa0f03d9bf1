"""A hung server, a lost answer, a reload and a person who walks away, through the real page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
from playwright.sync_api import Route, expect

from bot.web.page_config import national_contacts
from tests.browser.chat_page import Assistant, ChatPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TURN = "**/webhooks/webchat/turn"
QUESTION = "en osaa käyttää suomi.fi-viestejä"
PLACE = "äitini tarvitsee apua verkkopankin kanssa, hän asuu Hailuodossa"


def test_a_hung_server_gets_a_clear_message_and_a_retry(
    open_chat, assistant: Assistant, screenshots: Path
) -> None:
    chat: ChatPage = open_chat(clock=True, width=320)
    held: List[Route] = []
    chat.page.route(TURN, lambda route: held.append(route))  # never answered
    chat.input.fill(QUESTION)
    chat.input.press("Enter")
    expect(chat.page.locator("#typing")).to_be_visible()
    expect(chat.page.locator("#log li.me.pending")).to_have_count(1)
    chat.page.clock.fast_forward(21_000)  # past the page's 20 s

    expect(chat.status).to_contain_text("Opas ei vastannut ajoissa.")
    expect(chat.status).to_contain_text(national_contacts())
    contact = chat.status.locator("a[href='https://www.kansalaisneuvonta.fi/']")
    expect(contact).to_have_attribute("rel", "noopener")
    expect(chat.page.locator("#typing")).to_be_hidden()  # "Opas kirjoittaa…" is gone
    assert chat.my_texts() == ["Hei"] and chat.input.input_value() == QUESTION
    assert chat.page.evaluate("document.documentElement.scrollWidth") <= 320
    chat.page.screenshot(path=str(screenshots / "chat-timeout-320px.png"), full_page=True)

    chat.page.unroute(TURN)
    chat.page.get_by_role("button", name="Yritä uudelleen").click()
    expect(chat.kept_bubbles).to_have_count(2)
    chat.wait_for_turn()
    assert chat.my_texts() == ["Hei", QUESTION] and chat.input.input_value() == ""
    assert assistant.stored_user_texts(chat.sender()).count(QUESTION) == 1
    chat.assert_accessible()


def test_a_retry_after_a_lost_answer_shows_the_turn_once(open_chat, assistant: Assistant) -> None:
    chat: ChatPage = open_chat()
    first: Dict[str, Any] = {}

    def lose_the_first_answer(route: Route) -> None:
        if first:
            route.continue_()
            return
        first.update(route.fetch().json())  # the assistant runs the turn...
        route.abort("connectionreset")  # ...and its answer is lost on the way

    chat.page.route(TURN, lose_the_first_answer)
    chat.input.fill(QUESTION)
    chat.input.press("Enter")
    expect(chat.status).to_contain_text("Yhteys katkesi.")
    assert chat.input.input_value() == QUESTION
    chat.page.get_by_role("button", name="Yritä uudelleen").click()
    expect(chat.kept_bubbles).to_have_count(2)
    chat.wait_for_turn()

    assert chat.my_texts() == ["Hei", QUESTION]
    # Once each: a bubble shows its text, a provider's card its name (bot/web/rich_messages.py).
    wanted = [
        m["custom"]["provider"]["name"] if m.get("custom") else m["text"] for m in first["messages"]
    ]
    assert all(want in text for want, text in zip(wanted, chat.bot_texts()[1:], strict=True))
    assert assistant.stored_user_texts(chat.sender()).count(QUESTION) == 1
    chat.assert_accessible()


def test_a_reload_says_a_conversation_is_ongoing_and_continues_only_on_request(
    open_chat, screenshots: Path
) -> None:
    chat: ChatPage = open_chat(width=320)
    chat.say(PLACE)
    ongoing = chat.sender()
    chat.page.reload()
    notice = chat.page.locator("#ongoing")
    expect(notice).to_be_visible()
    expect(chat.page.locator("#ongoing-title")).to_be_focused()
    assert chat.bot_bubbles.count() == 0 and chat.my_bubbles.count() == 0  # nothing shown
    chat.page.screenshot(path=str(screenshots / "chat-ongoing-320px.png"), full_page=True)
    chat.assert_accessible()

    chat.page.get_by_role("button", name="Jatka keskustelua").click()
    expect(notice).to_be_hidden()
    expect(chat.input).to_be_focused()
    answer = chat.say("hän ei ole käyttänyt, tarvitsee opastusta")
    assert any("Hailuodon kirjasto" in text for text in answer)  # the same conversation
    assert chat.sender() == ongoing
    chat.assert_accessible()


def test_a_message_typed_after_a_reload_starts_a_new_conversation(
    open_chat, assistant: Assistant
) -> None:
    chat: ChatPage = open_chat()
    chat.say(PLACE)
    previous = chat.sender()
    chat.page.reload()
    expect(chat.page.locator("#ongoing")).to_be_visible()
    answer = chat.say("hän ei ole käyttänyt, tarvitsee opastusta")
    assert not any("Hailuoto" in text for text in answer)  # nothing inherited
    expect(chat.status).to_have_text("Aloitettiin uusi keskustelu.")
    assert chat.sender() != previous
    refused = assistant.post("turn", {"sender": previous, "message": "hei"})
    assert (refused.status_code, refused.json()["error"]) == (403, "conversation_ended")
    chat.assert_accessible()


def test_a_reload_after_the_idle_time_starts_afresh(open_chat) -> None:
    chat: ChatPage = open_chat()
    chat.say(PLACE)
    previous = chat.sender()
    stale = json.dumps({"sender": previous, "lastActivity": 0})  # the tab slept past it
    chat.page.evaluate("stale => sessionStorage.setItem('digituki-conversation', stale)", stale)
    chat.page.reload()
    expect(chat.bot_bubbles).to_have_count(1)  # a new greeting
    chat.wait_for_turn()
    expect(chat.page.locator("#ongoing")).to_be_hidden()
    assert chat.sender() != previous
    chat.assert_accessible()


def test_a_page_left_idle_wipes_itself_and_ends_the_conversation(
    open_chat, assistant: Assistant
) -> None:
    chat: ChatPage = open_chat(clock=True)
    chat.say(PLACE)
    previous = chat.sender()
    chat.input.fill("luonnos, jota ei lähetetty")
    with chat.page.expect_response("**/webhooks/webchat/restart"):
        chat.page.clock.fast_forward("16:00")
    expect(chat.status).to_contain_text("Keskustelu päättyi, koska sitä ei jatkettu 15 minuuttiin.")
    assert chat.bot_bubbles.count() == 0 and chat.my_bubbles.count() == 0
    assert chat.input.input_value() == "" and chat.sender() is None
    refused = assistant.post("turn", {"sender": previous, "message": "hei"})
    assert (refused.status_code, refused.json()["error"]) == (403, "conversation_ended")
    chat.assert_accessible()

    answer = chat.say("tarvitsen apua sähköpostin kanssa")
    assert answer and chat.sender() not in (None, previous)
    chat.assert_accessible()
