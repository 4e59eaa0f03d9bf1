"""The web chat page in a real browser against the real assistant.

One ``python -m bot run --no-chat`` process serves every browser test (the model loads once),
with its conversations in a fresh SQLite file the tests can read. Debian's Chromium
(``/usr/bin/chromium``, installed by scripts/setup.sh) is driven by Playwright; no browser is
ever downloaded. axe-core comes from the npm registry (tests/browser/package.json, installed
by scripts/setup.sh with ``npm ci``) and is run on the page after each conversation.
Screenshots go to results/browser/ (git-ignored). Select these tests with ``-m browser``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, List

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from bot.paths import PROJECT_ROOT
from tests.browser.chat_page import Assistant, ChatPage
from tests.reliability.servers import ServerProcess, base_environment, free_port

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "results" / "browser"
SECRET = "browser-tests-secret-of-at-least-32-characters"
#: A municipality's site allowed to frame the chat (tests/browser/test_widget.py serves it there).
FRAMING_SITE = f"http://127.0.0.1:{free_port()}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: the web chat page in Chromium against the real assistant"
    )


@pytest.fixture(scope="package")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    from bot.runtime.training import ensure_trained

    ensure_trained()  # here, not inside the server's start-up time limit
    local = tmp_path_factory.mktemp("local")
    environment = base_environment(
        local, DIGITUKI_SESSION_SECRET=SECRET, DIGITUKI_FRAME_ORIGINS=FRAMING_SITE
    )
    process = ServerProcess("assistant", environment, tmp_path_factory.mktemp("logs")).start()
    try:
        seconds = process.wait_until_ready()
        print(f"\nassistant ready in {seconds:.1f} s")
        yield Assistant(process.url, local / "tracker.sqlite3", process.log_path)
    finally:
        process.stop()


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup.sh (apt-get install chromium)")
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
    yield chromium
    chromium.close()


@pytest.fixture(scope="package")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/setup.sh (npm ci in tests/browser)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="package")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def open_chat(
    browser: Browser, assistant: Assistant, axe_source: str
) -> Iterator[Callable[..., ChatPage]]:
    """Opens the chat page in a fresh browser context (a new person); closed after the test."""
    opened: List[ChatPage] = []

    def open_page(**options: Any) -> ChatPage:
        chat = ChatPage.open(browser, assistant, axe_source, **options)
        opened.append(chat)
        return chat

    yield open_page
    for chat in opened:
        chat.close()
