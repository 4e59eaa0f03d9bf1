"""Providers as cards on the chat page, through the real assistant, each page checked by axe-core.

A card is the provider message's structured payload (bot/directory/cards.py) drawn by chat.js;
its plain text is what the turn's announcement says. Screenshots of a card at 320 px (WCAG
reflow) and 1280 px go to results/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
from typing import Any, Dict

import pytest
from playwright.sync_api import Locator, Route, expect

from bot.paths import PROJECT_ROOT
from tests.browser.chat_page import ChatPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
PLACE = "tarvitsen apua verkkopankin kanssa, asun Kuopiossa"
LEVEL = "En ole käyttänyt, tarvitsen opastusta"
SAMPLE_PHONE = "+358 000 0000 (esimerkki)"
CARDS = "#log li.card"


def reach_providers(chat: ChatPage) -> Locator:
    """Ask for help in Kuopio; answer the level question if the assistant asks it."""
    chat.say(PLACE)
    if chat.page.get_by_role("button", name=LEVEL, exact=True).count():
        chat.choose(LEVEL)
    cards = chat.page.locator(CARDS)
    expect(cards.first).to_be_visible()
    return cards


@pytest.mark.parametrize("width", [320, 1280])
def test_providers_come_as_cards_with_a_map_a_web_link_and_a_sample_mark(
    open_chat, width: int
) -> None:
    chat: ChatPage = open_chat(width=width)
    cards = reach_providers(chat)
    first = cards.first
    heading = first.get_by_role("heading", level=2)
    expect(heading).to_contain_text("ESIMERKKI: Kuopion")
    expect(first.locator("article")).to_have_accessible_name(heading.inner_text())
    expect(first.locator(".sample-mark")).to_be_visible()
    expect(first.locator(".sample-mark")).to_contain_text("ESIMERKKI")
    labels = first.locator("dt").all_inner_texts()
    assert {"Apua", "Aukiolo", "Osoite", "Matka", "Puhelin", "Verkossa"} <= set(labels), labels
    expect(first.locator("dd", has_text="Esimerkkikatu")).to_contain_text("70100 Kuopio")

    map_link = first.get_by_role("link", name="Näytä kartalla", exact=False)
    expect(map_link).to_have_attribute(
        "href", re.compile(r"^https://www\.openstreetmap\.org/\?mlat=62\.")
    )
    expect(map_link).to_have_attribute("target", "_blank")
    expect(map_link).to_have_attribute("rel", "noopener")
    expect(map_link.locator(".sr-only")).to_contain_text("(avautuu uuteen välilehteen)")
    web = first.locator("a[href^='https://esimerkki.invalid/kuopio-']")
    expect(web).to_have_attribute("rel", "noopener")

    # A sample's made-up number is shown, never offered for dialling.
    expect(first.locator("dd", has_text=SAMPLE_PHONE)).to_have_count(1)
    expect(chat.page.locator(f"{CARDS} a[href^='tel:']")).to_have_count(0)
    # The card replaces its text bubble; the text is what the screen reader hears.
    expect(chat.page.locator("#log li.bot:not(.card)", has_text="Osoite: ")).to_have_count(0)
    expect(chat.page.locator("#announcer")).to_contain_text(f"Puhelin: {SAMPLE_PHONE}")

    assert chat.page.evaluate("document.documentElement.scrollWidth") <= width
    for index in range(cards.count()):
        box = cards.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    first.screenshot(path=str(SCREENSHOTS / f"provider-card-{width}px.png"))
    chat.assert_accessible()


def test_quick_replies_after_the_cards_go_quiet_once_used(open_chat) -> None:
    chat: ChatPage = open_chat()
    reach_providers(chat)
    more = chat.page.get_by_role("button", name="Kerro lisää", exact=True)
    expect(more).to_be_enabled()
    mine = chat.my_bubbles.count()
    chat.choose("Kerro lisää")
    assert chat.my_texts()[-1] == "Kerro lisää" and chat.my_bubbles.count() == mine + 1
    expect(chat.page.locator("#log .choices button:not([disabled])")).to_have_count(
        chat.page.locator("#log li.bot:last-child .choices button").count()
    )
    spent = chat.page.locator("#log .choices button.chosen", has_text="Kerro lisää")
    expect(spent).to_be_disabled()
    spent.click(force=True)  # a spent choice sends nothing again
    chat.wait_for_turn()
    assert chat.my_bubbles.count() == mine + 1
    chat.assert_accessible()


def test_a_dialable_number_of_a_listed_place_becomes_a_tel_link(open_chat) -> None:
    """The shipped data has only sample numbers, so the real answer's first card is turned
    into a non-sample place with a number (a test value) on its way to the page."""

    def listed_place(route: Route) -> None:
        answer: Dict[str, Any] = route.fetch().json()
        for message in answer.get("messages", []):
            provider = (message.get("custom") or {}).get("provider")
            if provider:
                provider.update(is_sample=False, phone="+358 9 123 4567", tel="tel:+35891234567")
                break
        route.fulfill(json=answer)

    chat: ChatPage = open_chat()
    chat.page.route("**/webhooks/webchat/turn", listed_place)
    cards = reach_providers(chat)
    phone = cards.locator("a[href='tel:+35891234567']")
    expect(phone.first).to_have_text("+358 9 123 4567")
    expect(cards.first.locator(".sample-mark")).to_have_count(0)
    chat.assert_accessible()
