"""A small PTV v11 API on a real local aiohttp server, with scripted trouble.

It serves the municipality listing in pages, the change listing, channels and services by id,
and can answer a given request with 429 (with Retry-After) or 5xx a few times first, or hold a
request forever (to interrupt a sync at a known point). It records every request.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.ingest.generate import page_object

#: What PTV answers for a listing with nothing in it: page 0 of 0, and no list at all.
EMPTY_LISTING = {"pageCount": 0, "pageNumber": 0, "pageSize": 1000, "itemList": None}


class FakePtv:
    def __init__(
        self,
        channels: Dict[str, List[Dict[str, Any]]],
        services: List[Dict[str, Any]],
        page_size: int = 2,
    ) -> None:
        self.channels = channels  # municipality code -> channels
        self.services = {service["id"]: service for service in services}
        self.page_size = page_size
        #: request key ("muni:091:2", "services", "changed:1", ...) -> statuses to answer first
        self.trouble: Dict[str, List[int]] = {}
        self.retry_after = "7"
        self.hold: Optional[str] = None  # a request key that never gets an answer
        self.reached_hold = asyncio.Event()
        self.changed_ids: List[str] = []
        self.requests: List[Tuple[str, Dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.server: Optional[TestServer] = None
        self.delay = 0.005  # long enough for concurrent requests to overlap

    # --- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/api/v11/ServiceChannel/list/area/Municipality/code/{code}", self._area)
        app.router.add_get("/api/v11/ServiceChannel/list", self._channels_by_id)
        app.router.add_get("/api/v11/ServiceChannel", self._changed)
        app.router.add_get("/api/v11/Service/list", self._services_by_id)
        self.server = TestServer(app)
        await self.server.start_server()
        return str(self.server.make_url("")).rstrip("/")

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    # --- helpers -----------------------------------------------------------------------------

    def all_channels(self) -> Dict[str, Dict[str, Any]]:
        return {c["id"]: c for items in self.channels.values() for c in items}

    def keys(self, prefix: str) -> List[str]:
        return [key for key, _ in self.requests if key.startswith(prefix)]

    async def _answer(self, key: str, request: web.Request, body: Any) -> web.Response:
        self.requests.append((key, dict(request.query)))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            if self.hold == key:
                self.reached_hold.set()
                await asyncio.Event().wait()  # never answers; the client gets cancelled
            planned = self.trouble.get(key)
            if planned:
                status = planned.pop(0)
                headers = {"Retry-After": self.retry_after} if status == 429 else {}
                return web.json_response({"error": "busy"}, status=status, headers=headers)
            return web.json_response(body)
        finally:
            self.in_flight -= 1

    # --- routes ------------------------------------------------------------------------------

    async def _area(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        page = int(request.query.get("page", "1"))
        items = self.channels.get(code, [])
        count = (len(items) + self.page_size - 1) // self.page_size
        chunk = items[(page - 1) * self.page_size : page * self.page_size]
        body = page_object(chunk, page, count) if items else EMPTY_LISTING
        return await self._answer(f"muni:{code}:{page}", request, body)

    async def _changed(self, request: web.Request) -> web.Response:
        datetime.strptime(request.query["date"], "%Y-%m-%dT%H:%M:%S")  # the documented format
        page = int(request.query.get("page", "1"))
        body = page_object([{"id": i, "name": "x"} for i in self.changed_ids], page, 1)
        return await self._answer(f"changed:{page}", request, body)

    async def _channels_by_id(self, request: web.Request) -> web.Response:
        known = self.all_channels()
        ids = request.query["guids"].split(",")
        assert len(ids) <= 100
        return await self._answer("channels", request, [known[i] for i in ids if i in known])

    async def _services_by_id(self, request: web.Request) -> web.Response:
        ids = request.query["guids"].split(",")
        assert len(ids) <= 100
        body = [self.services[i] for i in ids if i in self.services]
        return await self._answer("services", request, body)
