"""Blueprints that cap the size of every request on the server they are mounted on.

WHY at blueprint registration: Rasa's ``serve_application`` builds the Sanic app itself and
offers no setting for the body size, but it registers each channel's blueprint on that app
before the server starts, and Sanic reads ``REQUEST_MAX_SIZE`` when a connection opens. So the
cap follows the channels wherever they are mounted (``bot run``, ``rasa run --credentials``, a
test server). Sanic compares Content-Length with the cap before reading the body, and counts a
chunked body while it arrives: an oversized request gets 413 without being held in memory.
The cap is app-wide (the HTTP API's routes get it too), and only ever lowered here: an
operator's smaller ``SANIC_REQUEST_MAX_SIZE`` stays.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.socketio import SocketBlueprint
from sanic import Blueprint, Sanic


def cap_request_size(app: Sanic, max_bytes: int) -> None:
    """Lower the app's body and WebSocket frame limits to ``max_bytes``."""
    app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, max_bytes)
    app.config.WEBSOCKET_MAX_SIZE = min(app.config.WEBSOCKET_MAX_SIZE, max_bytes)


class _CapsRequestSize:
    """Applies :func:`cap_request_size` when Sanic registers the blueprint.

    The cap lives in ``ctx``: Sanic gives its blueprint classes empty ``__slots__``.
    """

    __slots__ = ()
    ctx: Any

    def register(self, app: Sanic, options: Any) -> None:
        cap_request_size(app, self.ctx.max_request_bytes)
        super().register(app, options)  # type: ignore[misc]


class BoundedBlueprint(_CapsRequestSize, Blueprint):
    def __init__(self, max_request_bytes: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.max_request_bytes = max_request_bytes


class BoundedSocketBlueprint(_CapsRequestSize, SocketBlueprint):
    """Rasa's Socket.IO blueprint (attaches the Socket.IO server on registration), capped."""

    def __init__(self, max_request_bytes: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.max_request_bytes = max_request_bytes
