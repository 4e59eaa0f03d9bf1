"""Whole conversations through the chat page, as people hold them, each checked by axe-core."""

from __future__ import annotations

import json
from typing import List

import pytest
from playwright.sync_api import Page, Route, expect

from bot.guard.limits import message_too_long_text
from bot.guard.warning import personal_data_warning
from tests.browser.chat_page import Assistant, ChatPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IDENTITY_CODE = "131052-308T"
MARKUP = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script><b>lihava</b>'


def test_a_relative_with_a_place_gets_providers_and_spent_choices_go_quiet(open_chat) -> None:
    chat: ChatPage = open_chat()
    answer = chat.say("äitini tarvitsee apua verkkopankin kanssa, hän asuu Hailuodossa")
    assert any("Hailuoto" in text for text in answer)
    offered = chat.page.locator("#log .choices button")
    assert offered.count() == 4

    answer = chat.choose("Hän ei ole käyttänyt, tarvitsee opastusta")
    assert any("Hailuodon kirjasto" in text for text in answer)
    assert chat.my_texts()[-1] == "Hän ei ole käyttänyt, tarvitsee opastusta"
    expect(chat.input).to_be_focused()  # after a choice the person can type on
    for index in range(4):
        expect(offered.nth(index)).to_be_disabled()
    chosen = chat.page.locator("#log .choices button.chosen")
    expect(chosen).to_have_count(1)

    mine = chat.my_bubbles.count()
    chosen.click(force=True)  # a spent choice sends nothing again
    offered.nth(0).click(force=True)
    chat.wait_for_turn()
    assert chat.my_bubbles.count() == mine

    links = chat.page.locator("#log a[href='https://esimerkki.invalid/hailuoto-library']")
    expect(links.first).to_have_attribute("rel", "noopener")
    expect(links.first).to_have_attribute("target", "_blank")
    assert chat.page.locator("#log a[href^='tel:+358000']").count() == 0  # a sample's number
    _tab_reaches_only_live_choices(chat.page)
    chat.assert_accessible()


def _tab_reaches_only_live_choices(page: Page) -> None:
    """Walking the page with Tab never stops on a spent choice."""
    page.locator("#start-over").focus()
    stops: List[str] = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return e.closest('.choices') ? (e.disabled ? 'spent' : 'live') : e.id || e.tagName;"
            " })()"
        )
        stops.append(stop)
        if stop == "message":
            break
    assert "message" in stops and "spent" not in stops, stops
    assert "live" in stops  # the last turn's "Kerro lisää" is reachable


def test_a_question_is_answered_with_the_rule(open_chat) -> None:
    chat: ChatPage = open_chat()
    answer = chat.say("saako digitukihenkilö käyttää äidin pankkitunnuksia?")
    assert answer[0].startswith("Digitukihenkilö ei saa nähdä eikä käyttää")
    expect(chat.page.locator("#announcer")).to_have_text(" ".join(answer))
    chat.assert_accessible()


def test_an_identity_code_never_shows_in_the_persons_own_bubble(
    open_chat, assistant: Assistant
) -> None:
    chat: ChatPage = open_chat()
    answer = chat.say(f"hetuni on {IDENTITY_CODE}, en osaa käyttää suomi.fi-viestejä")
    assert (
        chat.my_texts()[-1]
        == "hetuni on [henkilötunnus poistettu], en osaa käyttää suomi.fi-viestejä"
    )
    assert answer[0] == personal_data_warning()
    assert IDENTITY_CODE not in chat.page.content()
    assert IDENTITY_CODE not in json.dumps(assistant.stored_user_texts(chat.sender()))
    chat.assert_accessible()


def test_markup_is_shown_as_text_and_never_runs(open_chat) -> None:
    chat: ChatPage = open_chat()
    chat.say(MARKUP)
    assert chat.my_texts()[-1] == MARKUP
    assert chat.page.locator("#log img, #log script, #log b").count() == 0
    assert chat.page.evaluate("window.hacked === undefined")
    chat.assert_accessible()


def test_urgent_steps_make_the_phone_and_the_addresses_links(open_chat) -> None:
    chat: ChatPage = open_chat()
    answer = chat.say("annoin pankkitunnukset huijarille puhelimessa")
    assert "020 333" in answer[0]
    phone = chat.page.locator("#log a[href='tel:020333']")
    expect(phone).to_have_text("020 333")
    for address in ("poliisi.fi", "kyberturvallisuuskeskus.fi"):
        link = chat.page.locator(f"#log a[href='https://{address}/']")
        expect(link).to_contain_text(address)
        expect(link).to_have_attribute("rel", "noopener")
    chat.assert_accessible()


def test_start_over_gives_a_fresh_conversation_and_the_old_id_is_refused(
    open_chat, assistant: Assistant
) -> None:
    chat: ChatPage = open_chat()
    chat.say("äitini tarvitsee apua verkkopankin kanssa, hän asuu Hailuodossa")
    old = chat.sender()
    chat.page.get_by_role("button", name="Aloita alusta").click()
    expect(chat.status).to_have_text("Aloitit alusta. Edellinen keskustelu on päättynyt.")
    chat.wait_for_turn()
    assert chat.my_texts() == ["Hei"] and len(chat.bot_texts()) == 1  # only the new greeting
    assert chat.sender() not in (None, old)
    expect(chat.input).to_be_focused()
    refused = assistant.post("turn", {"sender": old, "message": "jatketaan"})
    assert (refused.status_code, refused.json()["error"]) == (403, "conversation_ended")
    answer = chat.say("missä kunnassa äiti asui?")
    assert not any("Hailuoto" in text for text in answer)  # nothing carried over
    chat.assert_accessible()


def test_a_too_long_message_is_flagged_before_sending(open_chat) -> None:
    chat: ChatPage = open_chat()
    notice = chat.page.locator("#too-long")
    chat.input.fill("a" * 1000)
    expect(notice).to_have_text("")
    chat.input.fill("a" * 1001)
    expect(notice).to_have_text(message_too_long_text(1000))
    expect(chat.input).to_have_attribute("aria-invalid", "true")
    chat.input.press("Enter")
    assert chat.my_bubbles.count() == 1  # only the greeting's "Hei": nothing was sent
    assert len(chat.input.input_value()) == 1001  # nothing cut off either
    chat.assert_accessible()


def test_the_servers_own_refusal_of_a_too_long_message_is_shown(open_chat) -> None:
    def larger_limit(route: Route) -> None:  # a page that believes in a larger limit
        config = route.fetch().json()
        route.fulfill(json={**config, "max_message_chars": 5000})

    chat: ChatPage = open_chat(
        before_load=lambda page: page.route("**/webhooks/webchat/config", larger_limit)
    )
    text = "apua " * 300
    answer = chat.say(text, kept=False)
    assert answer == [message_too_long_text(1000)]
    assert chat.my_texts() == ["Hei"]  # nothing of it was kept, so no bubble
    assert chat.input.input_value() == text.strip()  # the text is back to be shortened
    chat.assert_accessible()
