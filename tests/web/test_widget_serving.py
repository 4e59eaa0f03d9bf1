"""The widget's side of the server: DIGITUKI_FRAME_ORIGINS, the framing header, widget.js, the
theme route and the demo municipality page, on a real Sanic server with the real channel.

The browser itself (the launcher, the conversation in the frame, a refused frame) is in
tests/browser/test_widget.py; the launcher's language is checked here by running widget.js in
Node on a stand-in DOM (tests/web/widget_dom.js).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Dict, List, Optional

import aiohttp
import pytest

from bot.cli import run
from bot.web.channel import STATIC_DIR, WebChatPage, security_headers
from bot.web.settings import HttpSettings, SettingsError
from tests.web.embedding_readme import readme_section, script_snippet

KUNTA = "https://www.hailuoto.fi"


async def ignore(message):
    return None


# ---- the setting ---------------------------------------------------------------------------


def test_only_the_assistant_itself_may_frame_the_page_by_default() -> None:
    assert HttpSettings.from_environment({}).frame_origins == ()
    policy = security_headers()["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and policy.endswith("frame-ancestors 'self'")


def test_listed_sites_are_read_with_commas_or_spaces() -> None:
    settings = HttpSettings.from_environment(
        {
            "DIGITUKI_FRAME_ORIGINS": "https://www.hailuoto.fi/, https://hailuoto.fi:8443  "
            "http://localhost:8080 http://kunta.localhost"
        }
    )
    assert settings.frame_origins == (
        "https://www.hailuoto.fi",
        "https://hailuoto.fi:8443",
        "http://localhost:8080",
        "http://kunta.localhost",
    )


@pytest.mark.parametrize(
    "value",
    [
        "*",
        "https://*.hailuoto.fi",
        "'self'",
        "www.hailuoto.fi",
        "https://www.hailuoto.fi/digituki",
        "http://www.hailuoto.fi",  # plain http only on the developer's own machine
        "http://192.168.1.10",
        "https://www.hailuoto.fi;script-src *",
    ],
)
def test_a_bad_frame_origin_stops_the_start_up_naming_the_setting(value: str) -> None:
    with pytest.raises(SettingsError, match="DIGITUKI_FRAME_ORIGINS"):
        HttpSettings.from_environment({"DIGITUKI_FRAME_ORIGINS": value})


def test_bot_run_refuses_a_bad_frame_origin_before_loading_anything(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DIGITUKI_FRAME_ORIGINS", "https://*.hailuoto.fi")
    parser = argparse.ArgumentParser()
    run.add_parser(parser.add_subparsers())
    assert run.handle(parser.parse_args(["run", "--no-chat"])) == 2
    assert "DIGITUKI_FRAME_ORIGINS" in capsys.readouterr().err


def test_listed_sites_may_frame_the_page_and_show_their_logo() -> None:
    headers = security_headers([KUNTA, "https://digituki.hailuoto.fi"])
    policy = headers["Content-Security-Policy"]
    listed = f"{KUNTA} https://digituki.hailuoto.fi"
    assert f"frame-ancestors 'self' {listed}" in policy
    assert f"img-src 'self' data: {listed};" in policy
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert "X-Frame-Options" not in headers  # it cannot list origins; it would only conflict


# ---- what the server sends ---------------------------------------------------------------------


@pytest.fixture
async def server(serve) -> str:
    page = WebChatPage().use_settings(HttpSettings(frame_origins=(KUNTA,)))
    base, _ = await serve(page, ignore)
    return f"{base}/webhooks/webchat"


async def _get(url: str, **options) -> aiohttp.ClientResponse:
    async with aiohttp.ClientSession() as session:
        async with session.get(url, **options) as answer:
            await answer.read()
            return answer


async def test_the_page_says_who_may_frame_it(server: str) -> None:
    answer = await _get(f"{server}/?name=Hailuodon+kunta")
    assert answer.status == 200
    policy = answer.headers["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {KUNTA}" in policy
    assert "https://muu.example" not in policy  # an unlisted site's frame is refused
    assert "X-Frame-Options" not in answer.headers


async def test_widget_js_is_a_script_any_site_may_load(server: str) -> None:
    answer = await _get(f"{server}/widget.js", headers={"Origin": "https://muu.example"})
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("text/javascript")
    assert "Cross-Origin-Resource-Policy" not in answer.headers


async def test_the_theme_route_gives_only_checked_values(server: str) -> None:
    query = {
        "name": "Hailuodon kunta",
        "color": "#3399ff",  # too light for white text
        "logo": "https://muu.example/logo.png",
        "municipality": "Hailuoto",
        "language": "sv-FI; x",
    }
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{server}/theme", params=query) as answer:
            assert answer.status == 200
            assert await answer.json() == {
                "name": "Hailuodon kunta",
                "color": None,
                "logo": None,
                "municipality": "Hailuoto",
                "municipality_shown": "Hailuoto",
                "language": "fi",
            }


async def test_the_theme_route_names_the_municipality_in_the_pages_language(server: str) -> None:
    query = {"municipality": "Pietarsaari", "language": "sv"}
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{server}/theme", params=query) as answer:
            theme = await answer.json()
    assert (theme["municipality"], theme["municipality_shown"]) == ("Pietarsaari", "Jakobstad")


async def test_the_address_without_a_slash_keeps_the_iframes_settings(server: str) -> None:
    answer = await _get(f"{server}?name=Hailuodon+kunta&color=%2300528a", allow_redirects=False)
    assert answer.status in (301, 302)
    assert answer.headers["Location"].endswith(
        "/webhooks/webchat/?name=Hailuodon+kunta&color=%2300528a"
    )


async def test_the_demo_page_and_its_logo_are_served(server: str) -> None:
    page = await _get(f"{server}/demo")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    logo = await _get(f"{server}/esimerkkila-logo.svg")
    assert logo.status == 200 and logo.headers["Content-Type"].startswith("image/svg+xml")


# ---- the README's tag is the demo page's tag ---------------------------------------------------


class _ScriptTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: List[Dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "script":
            self.tags.append({name: value or "" for name, value in attrs})


def _widget_tags(html: str) -> List[Dict[str, str]]:
    parser = _ScriptTags()
    parser.feed(html)
    return [tag for tag in parser.tags if tag.get("src", "").endswith("/widget.js")]


def test_the_demo_page_embeds_the_widget_with_the_readmes_one_tag() -> None:
    (readme_tag,) = _widget_tags(script_snippet())
    (demo_tag,) = _widget_tags((STATIC_DIR / "demo.html").read_text(encoding="utf-8"))
    assert readme_tag["src"] == "https://ASSISTANT/webhooks/webchat/widget.js"
    assert demo_tag["src"] == "/webhooks/webchat/widget.js"  # the same assistant's address
    assert set(readme_tag) == set(demo_tag)
    assert {"data-name", "data-color", "data-logo", "data-municipality", "data-language"} <= set(
        demo_tag
    )
    assert "defer" in demo_tag


def test_the_readme_documents_every_setting_the_widget_reads() -> None:
    section = readme_section()
    script = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    read = re.search(r"var SETTINGS = \[([^\]]*)\]", script).group(1)
    for setting in re.findall(r'"(\w+)"', read):
        assert f"| `{setting}` |" in section, setting  # a row of the settings table
    assert "DIGITUKI_FRAME_ORIGINS" in section and "<iframe" in section


def test_the_widget_scripts_never_parse_text_as_html() -> None:
    for name in ("widget.js", "embed.js"):
        script = (STATIC_DIR / name).read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in script, (name, sink)


# ---- the launcher's language (widget.js in Node, on a stand-in DOM) ----------------------------

WIDGET_DOM = Path(__file__).with_name("widget_dom.js")
WIDGET_WORDS = {
    "fi": ("Digituen opas", "Sulje", "Sulje opas"),
    "sv": ("Guide till digitalt stöd", "Stäng", "Stäng guiden"),
    "en": ("Digital support guide", "Close", "Close the guide"),
}


def _launcher(dataset: Dict[str, str], page_lang: str = "") -> Dict[str, Any]:
    """What widget.js built on a page whose ``<html lang>`` is ``page_lang``, opened once."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed (scripts/setup.sh installs it for the browser tests)")
    setup = {"path": str(STATIC_DIR / "widget.js"), "dataset": dataset, "lang": page_lang}
    output = subprocess.run(
        ["node", str(WIDGET_DOM), json.dumps(setup)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return json.loads(output)


def _language_in_frame(built: Dict[str, Any]) -> Optional[str]:
    query = dict(re.findall(r"[?&](\w+)=([^&]*)", built["frame"]))
    return query.get("language")


@pytest.mark.parametrize(
    ("dataset", "page_lang", "language"),
    [
        ({"language": "sv"}, "fi", "sv"),  # the tag's setting first
        ({"language": "en"}, "", "en"),
        ({}, "sv-FI", "sv"),  # else the host page's language
        ({"language": ""}, "en-GB", "en"),
        ({}, "", "fi"),  # else Finnish
        ({"language": "de"}, "sv", "fi"),  # one the assistant does not speak: as the server
        ({}, "de", "fi"),
    ],
)
def test_the_launcher_speaks_the_tags_or_the_pages_language(dataset, page_lang, language) -> None:
    built = _launcher(dataset, page_lang)
    title, close, close_label = WIDGET_WORDS[language]
    assert built["lang"] == language
    assert built["launcher"] == built["region"] == built["dialog"] == built["frame_title"] == title
    assert (built["close"], built["close_label"]) == (close, close_label)


def test_the_chat_in_the_frame_gets_the_launchers_language_tag() -> None:
    assert _language_in_frame(_launcher({"language": "sv"}, "fi")) == "sv"
    assert _language_in_frame(_launcher({"municipality": "Espoo"}, "sv-FI")) == "sv-FI"
    built = _launcher({}, "")
    assert _language_in_frame(built) is None and built["frame"].endswith("/webhooks/webchat/")


def test_the_launcher_names_the_chat_as_the_chats_heading_does() -> None:
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    headings = re.findall(r'^      assistant: "([^"]+)",$', script, re.MULTILINE)
    assert headings == [WIDGET_WORDS[language][0] for language in ("fi", "sv", "en")]
