"""The chat page's own words (bot/web/static/chat.js, one table per language) against the HTML.

The pages' texts carry ``data-text`` / ``data-label`` keys and keep their Finnish text in the
HTML; chat.js replaces them at start-up from the table of the page's language. These checks
keep the tables whole: the same keys and the same ``{slots}`` in Finnish, Swedish and English,
every key the pages and scripts ask for present, and the Finnish table saying exactly what the
HTML says, so a Finnish page reads as it did before the tables.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from typing import Dict, List, Optional, Tuple

import pytest

from bot.web.channel import STATIC_DIR

PAGES = ("index.html", "advisor.html")
SCRIPTS = ("chat.js", "advisor.js")
LANGUAGES = ("fi", "sv", "en")
VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "wbr"}
_SLOT = re.compile(r"\{(\w+)\}")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]")


@pytest.fixture(scope="module")
def tables() -> Dict[str, Dict[str, str]]:
    """chat.js's TEXTS, evaluated by Node (the object is plain literals and '+')."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it for the browser tests)")
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    found = re.search(r"\n  var TEXTS = (\{.*?\n  \});\n", script, re.DOTALL)
    assert found, "chat.js: no 'var TEXTS = {...};' table"
    program = f"process.stdout.write(JSON.stringify({found.group(1)}));"
    output = subprocess.run(
        ["node", "-e", program], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return json.loads(output)


class Element:
    def __init__(self, tag: str, attributes: Dict[str, Optional[str]]) -> None:
        self.tag = tag
        self.attributes = attributes
        self.children: List[object] = []  # Element or str

    def template(self) -> str:
        """The element's text with each data-slot child as "{name}", spaces collapsed."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.attributes.get("data-slot"):
                parts.append("{" + str(child.attributes["data-slot"]) + "}")
            else:
                parts.append(child.template())
        return _SPACES.sub(" ", "".join(parts)).strip()


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open: List[Element] = [self.root]
        self.all: List[Element] = []

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        element = Element(tag, dict(attrs))
        self.open[-1].children.append(element)
        self.all.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while len(self.open) > 1:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def _elements(page: str) -> List[Element]:
    tree = _Tree()
    tree.feed((STATIC_DIR / page).read_text(encoding="utf-8"))
    return tree.all


def _used_keys() -> Dict[str, str]:
    """Every key the pages and scripts ask for -> where."""
    used = {}
    for page in PAGES:
        for element in _elements(page):
            for attribute in ("data-text", "data-label"):
                if element.attributes.get(attribute):
                    used[str(element.attributes[attribute])] = page
    for name in SCRIPTS:
        script = (STATIC_DIR / name).read_text(encoding="utf-8")
        for key in re.findall(r"\b(?:uiText|say)\(\s*\"(\w+)\"", script):
            used[key] = name
        for key in re.findall(r"uiText\(kind === \"me\" \? \"(\w+)\" : \"(\w+)\"\)", script):
            used.update(dict.fromkeys(key, name))
    return used


def test_every_language_has_the_same_keys(tables) -> None:
    assert set(tables) == set(LANGUAGES)
    for language in ("sv", "en"):
        assert sorted(tables[language]) == sorted(tables["fi"]), language


def test_every_translation_keeps_the_slots_and_is_a_translation(tables) -> None:
    for key, finnish in tables["fi"].items():
        for language in ("sv", "en"):
            text = tables[language][key]
            assert set(_SLOT.findall(text)) == set(_SLOT.findall(finnish)), (language, key)
            assert text.strip() and text != finnish, (language, key)


def test_every_key_asked_for_is_in_the_tables_and_none_is_left_over(tables) -> None:
    used = _used_keys()
    missing = {key: where for key, where in used.items() if key not in tables["fi"]}
    assert missing == {}
    assert sorted(set(tables["fi"]) - set(used)) == []


@pytest.mark.parametrize("page", PAGES)
def test_the_finnish_table_says_what_the_html_says(tables, page) -> None:
    for element in _elements(page):
        key = element.attributes.get("data-text")
        if key:
            assert element.template() == tables["fi"][key], (page, key)
        label = element.attributes.get("data-label")
        if label:
            assert element.attributes.get("aria-label") == tables["fi"][label], (page, label)


@pytest.mark.parametrize("page", PAGES)
def test_the_html_has_no_untranslated_text_of_its_own(page) -> None:
    """Every element with words of its own in the body has a key (or is filled by a script)."""
    in_body = False
    for element in _elements(page):
        in_body = in_body or element.tag == "body"
        if not in_body or element.tag in ("script", "style"):
            continue
        own = "".join(c for c in element.children if isinstance(c, str)).strip()
        if _WORD.search(own) and not element.attributes.get("data-text"):  # not "15", "…"
            pytest.fail(f"{page}: <{element.tag}> says {own!r} without data-text")
