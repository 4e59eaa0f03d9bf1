"""Serves the web chat page at /webhooks/webchat/.

A Rasa input channel is the supported way to add routes to the Rasa server, so the page ships
with the assistant and needs no separate web server. The page talks to the guarded REST
channel, so everything typed there passes the personal-data guard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

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


class WebChatPage(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "webchat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        page = Blueprint("webchat_page", __name__)

        @page.route("/", methods=["GET"])
        async def index(request: Request) -> HTTPResponse:
            # The page loads its assets by relative URL, so it must be served from ".../".
            return response.redirect(request.path.rstrip("/") + "/")

        @page.route("/<name>", methods=["GET"])
        async def asset(request: Request, name: str) -> HTTPResponse:
            return _static(name or "index.html")

        return page


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
