"""Serves the web chat page at /webhooks/webchat/ and is the channel the page talks to.

A Rasa input channel is the supported way to add routes to the Rasa server, so the page ships
with the assistant and needs no separate web server. Routes:

- ``GET /webhooks/webchat/`` the page and its assets;
- ``POST /webhooks/webchat/session`` a new conversation id signed by this server (HMAC, see
  bot.web.session_ids), with the message length limit for the page's text field;
- ``POST /webhooks/webchat/webhook`` a message, bounded and guarded like the REST channel
  (bot.guard.channels) but taken ONLY with an id this server issued, whatever
  ``DIGITUKI_PUBLIC`` says: the page is public by nature, so nobody may join a conversation
  by guessing an id or by leaving it out.
"""

from __future__ import annotations

from pathlib import Path

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.guard.channels import GuardedRestInput, OnNewMessage

STATIC_DIR = Path(__file__).parent / "static"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
# The page loads nothing from elsewhere and may only talk back to this server.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class WebChatPage(GuardedRestInput):
    @classmethod
    def name(cls) -> str:
        return "webchat"

    def requires_signed_ids(self) -> bool:
        return True

    def add_routes(self, blueprint: Blueprint, handle: OnNewMessage) -> None:
        @blueprint.route("/", methods=["GET"])
        async def index(request: Request) -> HTTPResponse:
            # The page loads its assets by relative URL, so it must be served from ".../".
            return response.redirect(request.path.rstrip("/") + "/")

        @blueprint.route("/<name>", methods=["GET"])
        async def asset(request: Request, name: str) -> HTTPResponse:
            return _static(name or "index.html")

        self.add_conversation_routes(blueprint, handle)


def _static(name: str) -> HTTPResponse:
    path = (STATIC_DIR / name).resolve()
    if (
        path.parent != STATIC_DIR.resolve()
        or path.suffix not in CONTENT_TYPES
        or not path.is_file()
    ):
        return response.text("Not found", status=404)
    return response.text(
        path.read_text(encoding="utf-8"),
        content_type=CONTENT_TYPES[path.suffix],
        headers=SECURITY_HEADERS,
    )
