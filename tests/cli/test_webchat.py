"""The web chat page: served by the assistant, strict headers, nothing outside its folder."""

import aiohttp

from bot.web.channel import STATIC_DIR, WebChatPage


async def ignore(message):
    return None


async def test_the_page_and_its_assets_are_served_with_a_strict_policy(serve):
    base, _ = await serve(WebChatPage(), ignore)
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/webhooks/webchat/") as page:
            assert page.status == 200
            assert '<html lang="fi">' in await page.text()
            assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        async with session.get(f"{base}/webhooks/webchat/chat.js") as script:
            assert script.status == 200
            assert '"/webhooks/webchat/"' in await script.text()


def test_the_page_script_never_parses_server_text_as_html() -> None:
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink


async def test_the_page_config_is_served_as_json(serve):
    base, _ = await serve(WebChatPage(), ignore)
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/webhooks/webchat/config") as answer:
            assert answer.status == 200 and answer.headers["Cache-Control"] == "no-store"
            assert set(await answer.json()) == {
                "max_message_chars",
                "idle_minutes",
                "request_timeout_seconds",
                "too_long_text",
                "too_long_texts",
                "national_contacts",
                "national_contacts_texts",
            }


async def test_the_address_without_a_slash_redirects_so_relative_assets_load(serve):
    base, _ = await serve(WebChatPage(), ignore)
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/webhooks/webchat", allow_redirects=False) as answer:
            assert answer.status in (301, 302)
            assert answer.headers["Location"].endswith("/webhooks/webchat/")


async def test_nothing_outside_the_static_folder_is_served(serve):
    base, _ = await serve(WebChatPage(), ignore)
    async with aiohttp.ClientSession() as session:
        for name in ("..%2Fchannel.py", "channel.py", "missing.html"):
            async with session.get(f"{base}/webhooks/webchat/{name}") as answer:
                assert answer.status == 404, name
