"""The README's "Embedding the chat" section, read by the tests that prove its snippets work."""

from __future__ import annotations

import re
from typing import List

from bot.paths import PROJECT_ROOT

SECTION = "Embedding the chat"
#: How the README writes the assistant's address in its snippets.
ASSISTANT = "https://ASSISTANT"


def readme_section(title: str = SECTION) -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", readme, re.S | re.M)
    assert match, f"README has no section '{title}'"
    return match.group(1)


def html_snippets() -> List[str]:
    """The section's ```html blocks, in order: the script tag, then the iframe."""
    return re.findall(r"```html\n(.*?)```", readme_section(), re.S)


def script_snippet() -> str:
    return next(s for s in html_snippets() if "<script" in s)


def iframe_snippet() -> str:
    return next(s for s in html_snippets() if "<iframe" in s)
