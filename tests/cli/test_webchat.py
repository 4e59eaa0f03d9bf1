"""The web chat page: served by the assistant, strict headers, nothing outside its folder."""

import aiohttp

from bot.web.channel import WebChatPage


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
            assert "/webhooks/webchat/webhook" in await script.text()


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
