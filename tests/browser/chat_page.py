"""The chat page as a person uses it: type, press Enter, choose, read; and axe-core's verdict.

Waits are on what the page shows (Playwright's locators retry until a timeout that only
bounds a hang); nothing is asserted about how long anything took.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Union
from urllib.parse import urlencode

import requests
from playwright.sync_api import Browser, BrowserContext, Frame, Locator, Page, expect

#: Milliseconds one turn may take before a wait gives up (a hang, never a speed check).
TURN_TIMEOUT_MS = 60_000
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(document: Union[Page, Frame], axe_source: str) -> List[Dict[str, Any]]:
    """axe-core's violations in one document (a page, or a frame on its own: each is tested
    where it runs, so a frame is not waited for from its parent)."""
    if not document.evaluate("typeof window.axe !== 'undefined'"):
        document.evaluate(axe_source)
    return document.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: false})"
        ".then(result => result.violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )


@dataclass(frozen=True)
class Assistant:
    """The running assistant: its address and the SQLite file its conversations go to."""

    url: str
    tracker_db: Path
    log_path: Optional[Path] = None

    def log_tail(self, lines: int = 40) -> str:
        """The server's last log lines, for a failure message."""
        if self.log_path is None or not self.log_path.exists():
            return "(no server log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    @property
    def page_url(self) -> str:
        return f"{self.url}/webhooks/webchat/"

    def post(self, route: str, body: Dict[str, Any]) -> requests.Response:
        return requests.post(f"{self.url}/webhooks/webchat/{route}", json=body, timeout=60)

    def stored_user_texts(self, sender: str) -> List[str]:
        with sqlite3.connect(self.tracker_db) as connection:
            rows = connection.execute(
                "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
                (sender,),
            ).fetchall()
        return [json.loads(data)["text"] for (data,) in rows]


class ChatPage:
    """One browser tab on the chat page."""

    def __init__(self, context: BrowserContext, page: Page, axe_source: str) -> None:
        self.context = context
        self.page = page
        self.axe_source = axe_source
        self.errors: List[str] = []
        #: What the page asked the server and got: printed when a wait fails, never asserted.
        self.exchanges: List[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("response", lambda reply: self.exchanges.append(f"{reply.status} {reply.url}"))
        page.on("requestfailed", lambda request: self.exchanges.append(f"failed {request.url}"))

    @classmethod
    def open(
        cls,
        browser: Browser,
        assistant: Assistant,
        axe_source: str,
        width: int = 1280,
        height: int = 900,
        reduced_motion: str = "reduce",
        clock: bool = False,
        before_load: Optional[Callable[[Page], None]] = None,
        language: Optional[str] = None,
    ) -> ChatPage:
        """``language``: the page's language as an embedding site sets it (``?language=sv``,
        what widget.js sends for ``data-language``); by default none, the page's Finnish."""
        context = browser.new_context(
            viewport={"width": width, "height": height},
            reduced_motion=reduced_motion,  # type: ignore[arg-type]
            locale="fi-FI",
        )
        page = context.new_page()
        if clock:
            page.clock.install()
        if before_load is not None:
            before_load(page)
        chat = cls(context, page, axe_source)
        query = f"?{urlencode({'language': language})}" if language else ""
        page.goto(assistant.page_url + query)
        try:
            expect(chat.bot_bubbles).to_have_count(1, timeout=TURN_TIMEOUT_MS)  # the greeting
        except AssertionError as error:
            raise AssertionError(chat.diagnosis(assistant)) from error
        chat.wait_for_turn()
        return chat

    def diagnosis(self, assistant: Assistant) -> str:
        """What the page showed and exchanged, and the server's log: why a wait ran out."""
        return "\n".join(
            [
                f"status shown: {self.status.text_content()!r}",
                f"page errors: {self.errors}",
                "exchanges:",
                *self.exchanges,
                "server log:",
                assistant.log_tail(),
            ]
        )

    @property
    def bot_bubbles(self) -> Locator:
        return self.page.locator("#log li.bot")

    @property
    def my_bubbles(self) -> Locator:
        return self.page.locator("#log li.me")

    @property
    def input(self) -> Locator:
        return self.page.locator("#message")

    @property
    def status(self) -> Locator:
        return self.page.locator("#status")

    def bot_texts(self) -> List[str]:
        return self._texts("#log li.bot .text")

    def my_texts(self) -> List[str]:
        return self._texts("#log li.me .text")

    def _texts(self, selector: str) -> List[str]:
        """The texts as the server sent them: links' hidden "opens a new tab" notes left out."""
        return self.page.locator(selector).evaluate_all(
            "nodes => nodes.map(node => { const copy = node.cloneNode(true);"
            " copy.querySelectorAll('.sr-only').forEach(note => note.remove());"
            " return copy.textContent; })"
        )

    @property
    def kept_bubbles(self) -> Locator:
        """The person's bubbles that show a message the assistant stored."""
        return self.page.locator("#log li.me:not(.pending)")

    def say(self, text: str, kept: bool = True) -> List[str]:
        """Type ``text``, press Enter, and return the bot's answer to it.

        ``kept=False``: the assistant is expected to refuse the message (no bubble of it).
        """
        mine, before = self.kept_bubbles.count(), self.bot_bubbles.count()
        self.input.fill(text)
        self.input.press("Enter")
        if kept:
            expect(self.kept_bubbles).to_have_count(mine + 1, timeout=TURN_TIMEOUT_MS)
        else:
            expect(self.bot_bubbles).not_to_have_count(before, timeout=TURN_TIMEOUT_MS)
        self.wait_for_turn()
        return self.bot_texts()[before:]

    def choose(self, title: str) -> List[str]:
        before = self.bot_bubbles.count()
        self.page.get_by_role("button", name=title, exact=True).click()
        self.wait_for_turn()
        return self.bot_texts()[before:]

    def wait_for_turn(self) -> None:
        expect(self.page.locator("#typing")).to_be_hidden(timeout=TURN_TIMEOUT_MS)

    def sender(self) -> Optional[str]:
        stored = self.page.evaluate("sessionStorage.getItem('digituki-conversation')")
        return json.loads(stored)["sender"] if stored else None

    def axe_violations(self) -> List[Dict[str, Any]]:
        return axe_violations(self.page, self.axe_source)

    def assert_accessible(self) -> None:
        """axe-core finds nothing, and the page's script raised nothing."""
        violations = self.axe_violations()
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
        assert self.errors == []

    def close(self) -> None:
        self.context.close()
