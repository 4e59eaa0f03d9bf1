"""The widget as a municipality's visitor meets it, in Chromium against the real assistant.

The demo municipality page (served by the assistant) embeds the widget with the README's one
tag; so does a second site on this machine (``FRAMING_SITE``, listed in DIGITUKI_FRAME_ORIGINS
by conftest), which also serves the README's iframe. The same server under another name
(``localhost`` instead of ``127.0.0.1``) is a site that is not listed: the browser must refuse to
show the chat there. axe-core runs on the host page and inside the frame, each on its own.
Screenshots at 320 and 1280 px go to results/screenshots/.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator, List
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Browser, BrowserContext, Frame, Locator, Page, expect

from bot.paths import PROJECT_ROOT
from tests.browser.chat_page import TURN_TIMEOUT_MS, Assistant, ChatPage, axe_violations
from tests.browser.conftest import FRAMING_SITE
from tests.web.embedding_readme import ASSISTANT, iframe_snippet, script_snippet

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
TITLE = "Digituen opas"
DEMO_COLOR = "rgb(0, 82, 138)"  # demo.html's data-color #00528a
DEFAULT_COLOR = "rgb(0, 71, 107)"  # chat.css --accent #00476b
LIGHT = "#3399ff"  # 2.9:1 with white text
#: Where the deep focus is: through shadow roots, and into a frame as its element.
DEEP_FOCUS = (
    "(() => { let e = document.activeElement;"
    " while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
    " return e ? e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') : null; })()"
)

#: Focuses the last control Tab reaches in a document.
FOCUS_LAST = (
    "(() => { const all = Array.from(document.querySelectorAll('button, input, a[href],"
    " [tabindex]')).filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length);"
    " all[all.length - 1].focus(); })()"
)


class FramedChat(ChatPage):
    """The chat page inside the widget's frame: ChatPage's steps (say, choose, read, axe) work
    on a frame as on a page, so the person's actions are the same code."""

    def __init__(self, context: BrowserContext, frame: Frame, axe_source: str) -> None:
        self.context = context
        self.page = frame  # type: ignore[assignment]
        self.axe_source = axe_source
        self.errors: List[str] = []

    def close(self) -> None:  # the host page's context is closed by its test
        pass


class HostPage:
    """A site's page with the widget: the launcher, the panel, the chat in it."""

    def __init__(self, page: Page, axe_source: str) -> None:
        self.page = page
        self.axe_source = axe_source
        self.errors: List[str] = []
        self.console: List[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.console.append(message.text))

    @property
    def launcher(self) -> Locator:
        """The launcher, also while a full-screen chat hides it."""
        return self.page.locator("button.launcher")

    @property
    def panel(self) -> Locator:
        return self.page.get_by_role("dialog", name=TITLE)

    def frame(self) -> Frame:
        handle = self.page.locator(f"iframe[title='{TITLE}']").element_handle()
        frame = handle.content_frame() if handle else None
        assert frame is not None
        return frame

    def chat(self) -> FramedChat:
        """The chat in the frame, once its greeting has come."""
        chat = FramedChat(self.page.context, self.frame(), self.axe_source)
        expect(chat.bot_bubbles).to_have_count(1, timeout=TURN_TIMEOUT_MS)
        chat.wait_for_turn()
        return chat

    def open_by_keyboard(self) -> None:
        for _ in range(10):  # the launcher is reached with Tab, whatever comes before it
            if self.focused() == "button.launcher":
                break
            self.page.keyboard.press("Tab")
        assert self.focused() == "button.launcher"
        self.page.keyboard.press("Enter")
        expect(self.launcher).to_have_attribute("aria-expanded", "true")
        expect(self.panel).to_be_visible()

    def focused(self) -> str:
        return self.page.evaluate(DEEP_FOCUS)

    def assert_accessible(self) -> None:
        violations = axe_violations(self.page, self.axe_source)
        assert violations == [], violations
        assert self.errors == []


@pytest.fixture
def visit(browser: Browser, axe_source: str) -> Iterator:
    """Opens a site's page at a window size; the contexts are closed after the test."""
    contexts: List[BrowserContext] = []

    def open_page(url: str, width: int = 1280, height: int = 900) -> HostPage:
        context = browser.new_context(
            viewport={"width": width, "height": height}, reduced_motion="reduce", locale="fi-FI"
        )
        contexts.append(context)
        host = HostPage(context.new_page(), axe_source)
        host.page.goto(url)
        expect(host.launcher).to_be_visible()
        return host

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def municipality_site(assistant: Assistant) -> Iterator[str]:
    """FRAMING_SITE with the README's snippets, ASSISTANT replaced by the running assistant:
    ``/`` the script tag, ``/iframe`` the iframe, ``/light`` the tag with a colour too light."""
    tag = script_snippet().replace(ASSISTANT, assistant.url)
    pages = {
        "/": _site_page(head=tag),
        "/iframe": _site_page(body=iframe_snippet().replace(ASSISTANT, assistant.url)),
        "/light": _site_page(head=tag.replace('data-color="#00528a"', f'data-color="{LIGHT}"')),
    }

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server calls it by this name
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "").encode("utf-8"))

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", urlsplit(FRAMING_SITE).port or 80), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield FRAMING_SITE
    finally:
        server.shutdown()
        server.server_close()


def _site_page(head: str = "", body: str = "") -> str:
    return (
        '<!doctype html><html lang="fi"><head><meta charset="utf-8">'
        f"<title>Hailuodon kunta</title>{head}</head><body><main><h1>Hailuodon kunta</h1>"
        f"<p>Tervetuloa kunnan sivuille.</p>{body}</main></body></html>"
    )


def _screenshot(host: HostPage, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.page.screenshot(path=str(SCREENSHOTS / name))


def _background(locator: Locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).backgroundColor")


def test_the_demo_page_opens_the_chat_by_keyboard_and_escape_closes_it(
    visit, assistant: Assistant
) -> None:
    host: HostPage = visit(f"{assistant.page_url}demo")
    host.assert_accessible()  # the closed widget on the municipality's page
    expect(host.page.get_by_role("button", name=TITLE, exact=True)).to_have_count(1)
    assert _background(host.launcher) == DEMO_COLOR

    host.open_by_keyboard()
    chat = host.chat()
    frame = chat.page
    assert frame.evaluate("document.activeElement.id") == "message"  # ready to type
    expect(frame.locator("#org-name")).to_have_text("Esimerkkilän kunta")
    logo = frame.locator("#org-logo")
    expect(logo).to_be_visible()
    assert logo.get_attribute("alt") == ""  # the name is written beside it
    assert frame.evaluate("document.getElementById('org-logo').naturalWidth") > 0
    assert _background(frame.locator("#composer button[type=submit]")) == DEMO_COLOR
    expect(frame.locator("#default-place-name")).to_have_text("Hailuoto")

    # A short conversation, typed as a keyboard user types: the place was never asked.
    host.page.keyboard.type("Isäni ei osaa maksaa laskuja verkkopankissa")
    host.page.keyboard.press("Enter")
    expect(chat.kept_bubbles).to_have_count(1, timeout=TURN_TIMEOUT_MS)
    chat.wait_for_turn()
    answers = chat.choose("Hän ei ole käyttänyt, tarvitsee opastusta")
    said = " ".join(chat.bot_texts())
    assert "Hailuoto" in " ".join(answers), answers
    assert "Missä kunnassa" not in said
    chat.assert_accessible()
    host.assert_accessible()
    _screenshot(host, "widget-1280px.png")

    # Escape in the chat closes it and focus returns to the launcher.
    frame.locator("#message").focus()
    host.page.keyboard.press("Escape")
    expect(host.panel).to_be_hidden()
    expect(host.launcher).to_have_attribute("aria-expanded", "false")
    assert host.focused() == "button.launcher"

    # Opened again: the same conversation, and the cursor where one types.
    bubbles = chat.bot_bubbles.count()
    host.page.keyboard.press("Enter")
    expect(host.panel).to_be_visible()
    expect(chat.bot_bubbles).to_have_count(bubbles)
    assert frame.evaluate("document.activeElement.id") == "message"

    # Escape on the panel's own close button too.
    host.page.get_by_role("button", name="Sulje opas").focus()
    host.page.keyboard.press("Escape")
    expect(host.panel).to_be_hidden()
    assert host.focused() == "button.launcher"


@pytest.mark.parametrize("width", [320, 640])
def test_on_a_narrow_screen_the_chat_fills_it_and_tab_stays_inside(
    visit, assistant: Assistant, width: int
) -> None:
    """320 px is WCAG's reflow width; 640 px is a 1280 px window at 200 % zoom."""
    host: HostPage = visit(f"{assistant.page_url}demo", width=width, height=640)
    expect(host.launcher).to_be_in_viewport(ratio=1)
    host.assert_accessible()
    host.open_by_keyboard()
    box = host.panel.bounding_box()
    assert box == {"x": 0, "y": 0, "width": width, "height": 640}
    assert host.panel.get_attribute("aria-modal") == "true"
    chat = host.chat()
    chat.say("Tarvitsen apua Suomi.fi-viestien kanssa")
    assert chat.page.evaluate("document.documentElement.scrollWidth") <= width
    chat.assert_accessible()
    host.assert_accessible()
    if width == 320:
        _screenshot(host, "widget-320px.png")

    # Tab and Shift+Tab go round inside the chat, never to the page hidden behind it.
    host.page.get_by_role("button", name="Sulje opas").focus()
    host.page.keyboard.press("Shift+Tab")
    assert host.focused() == "iframe.frame"
    chat.page.evaluate(FOCUS_LAST)
    host.page.keyboard.press("Tab")
    assert host.focused() == "button.close"
    host.page.keyboard.press("Escape")
    expect(host.panel).to_be_hidden()
    assert host.focused() == "button.launcher"


def test_a_listed_site_embeds_the_chat_with_the_readmes_tag(visit, municipality_site) -> None:
    host: HostPage = visit(municipality_site)
    assert _background(host.launcher) == DEMO_COLOR
    host.open_by_keyboard()
    chat = host.chat()
    expect(chat.page.locator("#org-name")).to_have_text("Hailuodon kunta")
    expect(chat.page.locator("#default-place-name")).to_have_text("Hailuoto")
    # The README's logo is on www.hailuoto.fi, which is not in DIGITUKI_FRAME_ORIGINS here.
    expect(chat.page.locator("#org-logo")).to_be_hidden()
    chat.assert_accessible()
    host.assert_accessible()


def test_the_readmes_iframe_shows_the_chat_on_a_listed_site(browser: Browser, municipality_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    try:
        page = context.new_page()
        page.goto(f"{municipality_site}/iframe")
        handle = page.locator(f"iframe[title='{TITLE}']").element_handle()
        frame = handle.content_frame() if handle else None
        assert frame is not None
        expect(frame.locator("#log li.bot")).to_have_count(1, timeout=TURN_TIMEOUT_MS)
        expect(frame.locator("#org-name")).to_have_text("Hailuodon kunta")
        assert _background(frame.locator("#composer button[type=submit]")) == DEMO_COLOR
    finally:
        context.close()


def test_a_site_that_is_not_listed_cannot_show_the_chat(
    visit, assistant: Assistant, municipality_site: str
) -> None:
    policy = requests.get(assistant.page_url, timeout=30).headers["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {municipality_site}" in policy
    unlisted = municipality_site.replace("127.0.0.1", "localhost")  # the same page, another origin
    assert unlisted not in policy

    host: HostPage = visit(unlisted)
    refused = lambda message: "frame-ancestors" in message.text  # noqa: E731
    with host.page.expect_console_message(refused, timeout=TURN_TIMEOUT_MS):
        host.launcher.click()
    expect(host.frame().locator("#message")).to_have_count(0)  # nothing of the chat shows


def test_a_colour_that_fails_contrast_is_replaced_by_the_default(visit, municipality_site) -> None:
    host: HostPage = visit(f"{municipality_site}/light")
    assert _background(host.launcher) == DEFAULT_COLOR
    host.launcher.click()
    chat = host.chat()
    assert _background(chat.page.locator("#composer button[type=submit]")) == DEFAULT_COLOR
    expect(chat.page.locator("#org-name")).to_have_text("Hailuodon kunta")  # the rest applies
