"""Reflow at 320 px and at 200 % zoom, the input in view, focus, motion and announcements.

640 CSS px is a 1280 px window at 200 % zoom; 320 px is WCAG 1.4.10's reflow width (1280 px at
400 %). Screenshots of whole conversations go to results/browser/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.chat_page import ChatPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The need level is left open on purpose, so that the assistant asks it with buttons.
PLACE = "äitini tarvitsee apua verkkopankin kanssa, hän asuu Hailuodossa"
LEVEL = "Hän ei ole käyttänyt, tarvitsee opastusta"
#: The right edge of the widest element inside the page, in CSS px.
WIDEST = (
    "Math.max(...Array.from(document.querySelectorAll('main *'))"
    ".filter(e => e.getClientRects().length && !e.closest('.sr-only'))"
    ".map(e => e.getBoundingClientRect().right))"
)


@pytest.mark.parametrize("width", [320, 640, 1280])
def test_nothing_is_cut_off_and_the_input_stays_in_view(
    open_chat, screenshots: Path, width: int
) -> None:
    chat: ChatPage = open_chat(width=width, height=700)
    chat.say(PLACE)
    chat.choose(LEVEL)  # the longest turn: providers with addresses and links
    expect(chat.input).to_be_in_viewport()  # after a choice too
    chat.say("kerro lisää")
    expect(chat.input).to_be_in_viewport()  # after Enter the person sees where to type
    expect(chat.input).to_be_focused()

    assert chat.page.evaluate("document.documentElement.scrollWidth") <= width
    assert chat.page.evaluate(WIDEST) <= width
    for control in ("#start-over", "#message", "#composer button[type=submit]"):
        box = chat.page.locator(control).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, control
    chat.page.screenshot(path=str(screenshots / f"chat-{width}px.png"), full_page=True)
    chat.assert_accessible()


def test_one_announcement_per_bot_turn_and_the_log_stays_quiet(open_chat) -> None:
    chat: ChatPage = open_chat()
    assert chat.page.locator("#log").get_attribute("aria-live") is None
    announcer = chat.page.locator("#announcer")
    expect(announcer).to_have_text(chat.bot_texts()[0])  # the greeting's, before counting
    chat.page.evaluate(
        "(() => { const region = document.getElementById('announcer');"
        " window.announced = [];"
        " new MutationObserver(() => { if (region.textContent) window.announced.push("
        "region.textContent); }).observe(region, {childList: true, subtree: true,"
        " characterData: true}); })()"
    )
    chat.say(PLACE)
    answer = chat.choose(LEVEL)
    assert len(answer) >= 4  # several messages in this turn...
    expect(announcer).to_contain_text(answer[0])
    announced = chat.page.evaluate("window.announced")
    assert len(announced) == 2  # ...and one announcement for each of the two turns
    assert answer[-1] in announced[-1] and "Vaihtoehdot: Kerro lisää." in announced[-1]
    chat.assert_accessible()


def test_focus_is_visible_on_every_control(open_chat) -> None:
    chat: ChatPage = open_chat()
    chat.say("annoin pankkitunnukset huijarille puhelimessa")  # a turn with links
    chat.page.locator("#start-over").focus()
    seen = set()
    for _ in range(40):
        chat.page.keyboard.press("Tab")
        style = chat.page.evaluate(
            "(() => { const e = document.activeElement, s = getComputedStyle(e);"
            " return [e.tagName, s.outlineStyle, s.outlineWidth]; })()"
        )
        assert style[1] == "solid" and style[2] == "3px", style
        seen.add(style[0])
        if chat.page.evaluate("document.activeElement.id") == "share-location":
            break
    assert {"A", "BUTTON", "INPUT"} <= seen


@pytest.mark.parametrize("motion, animation", [("reduce", "none"), ("no-preference", "pulse")])
def test_the_typing_indicator_moves_only_when_motion_is_welcome(
    open_chat, motion: str, animation: str
) -> None:
    chat: ChatPage = open_chat(reduced_motion=motion)
    dots = chat.page.locator("#typing .dots")
    assert dots.evaluate("e => getComputedStyle(e).animationName") == animation
