"""The chat page's own words in Swedish and English, in Chromium against the real assistant.

A Swedish or English site sets the page's language (widget.js's ``data-language``, here the
same ``?language=`` query; the advisor view by its document's ``lang``). The page's buttons,
labels and status lines then follow that language, ``<html lang>`` says it to screen readers,
and the too-long notice is the domain's sentence in it (bot/web/page_config.py). The Finnish
page is the other browser tests' business: it must read as it always has.
"""

from __future__ import annotations

from typing import Dict, List

import pytest
from playwright.sync_api import Page, Route, expect

from bot.web.page_config import national_contacts_texts, too_long_texts
from tests.browser.chat_page import TURN_TIMEOUT_MS, Assistant, ChatPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TURN = "**/webhooks/webchat/turn"
#: The page's words these tests look for (chat.js's tables say them; written here on their own).
WORDS: Dict[str, Dict[str, str]] = {
    "sv": {
        "title": "Guide till digitalt stöd – chatt",
        "heading": "Guide till digitalt stöd",
        "start_over": "Börja om",
        "send": "Skicka",
        "location": "Använd min plats",
        "retry": "Försök igen",
        "message": "Ditt meddelande",
        "log": "Samtal",
        "greeting": "Hej",
        "counter": "0 / 1000 tecken",
        "over": "1001 / 1000 tecken",
        "sending": "Skickas…",
        "timeout": "Guiden svarade inte i tid. Ditt meddelande finns kvar: försök igen.",
        "network": "Anslutningen bröts. Ditt meddelande finns kvar: försök igen.",
        "started_over": "Du började om. Det förra samtalet har avslutats.",
        "ongoing": "Ett samtal pågår",
        "continue": "Fortsätt samtalet",
        "continuing": "Det tidigare samtalet fortsätter. Dess tidigare meddelanden visas inte här.",
        "new_started": "Ett nytt samtal har börjat.",
    },
    "en": {
        "title": "Digital support guide – chat",
        "heading": "Digital support guide",
        "start_over": "Start over",
        "send": "Send",
        "location": "Use my location",
        "retry": "Try again",
        "message": "Your message",
        "log": "Conversation",
        "greeting": "Hello",
        "counter": "0 / 1000 characters",
        "over": "1001 / 1000 characters",
        "sending": "Sending…",
        "timeout": "The guide did not answer in time. Your message is kept: try again.",
        "network": "The connection was lost. Your message is kept: try again.",
        "started_over": "You started over. The previous conversation has ended.",
        "ongoing": "A conversation is open",
        "continue": "Continue the conversation",
        "continuing": "Continuing the earlier conversation. Its earlier messages are not shown here.",
        "new_started": "A new conversation was started.",
    },
}
QUESTION = {"sv": "jag kan inte använda nätbanken", "en": "I cannot use online banking"}
FINNISH_WORDS = ["Aloita alusta", "Lähetä", "Viestisi", "merkkiä", "Opas", "Keskustelu"]


def _button(chat: ChatPage, name: str):
    return chat.page.get_by_role("button", name=name, exact=True)


def _no_finnish_left(page: Page) -> None:
    """None of the page's Finnish words is in it or names a part of it; the server's words
    (the bot's answers, the advisor's referral note) aside."""
    shown = page.locator("body").evaluate(
        "body => { const copy = body.cloneNode(true);"
        " copy.querySelectorAll('#log, #referral-note').forEach(node => node.remove());"
        " return copy.textContent + ' ' + Array.from(body.querySelectorAll('[aria-label]'))"
        ".map(node => node.getAttribute('aria-label')).join(' '); }"
    )
    assert [word for word in FINNISH_WORDS if word in shown] == [], shown


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_speaks_the_sites_language(open_chat, language) -> None:
    words = WORDS[language]
    chat: ChatPage = open_chat(language=language)
    expect(chat.page.locator("html")).to_have_attribute("lang", language)
    expect(chat.page).to_have_title(words["title"])
    expect(chat.page.get_by_role("heading", level=1)).to_have_text(words["heading"])
    for name in ("start_over", "send", "location"):
        expect(_button(chat, words[name])).to_be_visible()
    expect(chat.page.get_by_label(words["message"], exact=True)).to_be_visible()
    expect(chat.page.get_by_role("list", name=words["log"], exact=True)).to_be_visible()
    expect(chat.page.locator("#counter")).to_have_text(words["counter"])
    assert chat.my_texts() == [words["greeting"]]  # the greeting's own bubble
    _no_finnish_left(chat.page)
    chat.assert_accessible()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_too_long_notice_is_in_the_sites_language(open_chat, language) -> None:
    chat: ChatPage = open_chat(language=language)
    notice = chat.page.locator("#too-long")
    chat.input.fill("a" * 1001)
    expect(notice).to_have_text(too_long_texts(1000)[language])
    expect(chat.page.locator("#counter")).to_have_text(WORDS[language]["over"])
    expect(chat.input).to_have_attribute("aria-invalid", "true")
    chat.input.press("Enter")
    assert chat.my_bubbles.count() == 1  # nothing was sent
    chat.assert_accessible()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_status_lines_and_buttons_are_in_the_sites_language(open_chat, language) -> None:
    words = WORDS[language]
    chat: ChatPage = open_chat(language=language, clock=True)

    # A hung server: the page says so, with the national contacts in the same language.
    held: List[Route] = []
    chat.page.route(TURN, lambda route: held.append(route))  # never answered
    chat.input.fill(QUESTION[language])
    chat.input.press("Enter")
    expect(chat.page.locator("#log li.me.pending")).to_have_count(1)
    assert chat.my_texts()[-1] == words["sending"]
    chat.page.clock.fast_forward(21_000)  # past the page's 20 s
    expect(chat.status).to_contain_text(words["timeout"])
    expect(chat.status).to_contain_text(national_contacts_texts()[language])
    expect(_button(chat, words["retry"])).to_be_visible()
    chat.page.unroute(TURN)

    # A lost connection, then the retry button sends the message once more.
    chat.page.route(TURN, lambda route: route.abort("connectionreset"))
    _button(chat, words["retry"]).click()
    expect(chat.status).to_have_text(words["network"])
    chat.page.unroute(TURN)
    _button(chat, words["retry"]).click()
    expect(chat.kept_bubbles).to_have_count(2, timeout=TURN_TIMEOUT_MS)
    chat.wait_for_turn()
    chat.assert_accessible()

    _button(chat, words["start_over"]).click()
    expect(chat.status).to_have_text(words["started_over"])
    expect(chat.kept_bubbles).to_have_count(1, timeout=TURN_TIMEOUT_MS)
    chat.wait_for_turn()
    assert chat.my_texts() == [words["greeting"]]
    chat.assert_accessible()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_ongoing_notice_is_in_the_sites_language(open_chat, language) -> None:
    words = WORDS[language]
    chat: ChatPage = open_chat(language=language)
    chat.page.reload()
    expect(chat.page.locator("#ongoing")).to_be_visible()
    expect(chat.page.locator("#ongoing-title")).to_have_text(words["ongoing"])
    expect(chat.page.locator("html")).to_have_attribute("lang", language)
    _no_finnish_left(chat.page)
    chat.assert_accessible()
    _button(chat, words["continue"]).click()
    expect(chat.status).to_have_text(words["continuing"])
    chat.page.reload()
    expect(chat.page.locator("#ongoing")).to_be_visible()
    chat.say(QUESTION[language])  # typed without choosing: a new conversation
    expect(chat.status).to_have_text(words["new_started"])


def test_the_advisor_view_speaks_its_documents_language(
    browser, assistant: Assistant, axe_source: str
) -> None:
    """An operator who serves advisor.html with lang="sv-FI" gets a Swedish advisor view."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    advisor_url = f"{assistant.url}/webhooks/webchat/advisor"

    def swedish(route: Route) -> None:
        reply = route.fetch()
        route.fulfill(response=reply, body=reply.text().replace('lang="fi"', 'lang="sv-FI"', 1))

    page.route(advisor_url, swedish)
    chat = ChatPage(context, page, axe_source)
    try:
        page.goto(advisor_url)
        expect(chat.bot_bubbles).to_have_count(1, timeout=TURN_TIMEOUT_MS)
        chat.wait_for_turn()
        expect(page.locator("html")).to_have_attribute("lang", "sv")
        expect(page).to_have_title("Guide till digitalt stöd – rådgivarens vy")
        expect(page.get_by_role("heading", name="Remiss", exact=True)).to_be_visible()
        for name in ("Börja om", "Skicka", "Skriv ut", "Kopiera"):
            expect(_button(chat, name)).to_be_visible()
        expect(page.locator("#referral-note dl")).to_be_visible(timeout=TURN_TIMEOUT_MS)
        assert chat.my_texts() == ["Hej"]
        _no_finnish_left(page)
        chat.assert_accessible()
    finally:
        context.close()
