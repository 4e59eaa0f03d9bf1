"""A polite JSON client for the PTV open API: few requests at a time, patient retries.

PTV answers HTTP 429 when too many requests run at once, and any public API has bad minutes.
So: at most `concurrency` requests in flight (asyncio.Semaphore), and on 429, 5xx, connection
errors, timeouts and truncated bodies a retry after exponential back-off with jitter, or after
the server's Retry-After when it sends one. Other 4xx answers are our mistake and fail at once.
"""

from __future__ import annotations

import asyncio
import json
import random
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Awaitable, Callable, Mapping, Optional

import aiohttp

from bot.ingest.report import ImportReport

USER_AGENT = "digituki-bot provider directory (+https://www.suomi.fi/ohjeet-ja-tuki)"
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


class ApiError(RuntimeError):
    """The API did not give a usable answer (after retries, or a non-retryable status)."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    base_delay: float = 1.0
    max_delay: float = 120.0
    #: The back-off is scaled by a random factor in [1 - jitter, 1] so clients spread out.
    jitter: float = 0.5

    def backoff(self, attempt: int, rng: Callable[[], float] = random.random) -> float:
        delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return delay * (1 - self.jitter * rng())


def retry_after_seconds(value: Optional[str], now: Optional[datetime] = None) -> Optional[float]:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class PoliteClient:
    """Use as `async with PoliteClient(base_url) as client: await client.get_json(path, params)`."""

    def __init__(
        self,
        base_url: str,
        *,
        concurrency: int = 2,
        retry: Optional[RetryPolicy] = None,
        timeout_seconds: float = 60.0,
        report: Optional[ImportReport] = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.report = report or ImportReport()
        self._semaphore = asyncio.Semaphore(concurrency)
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._sleep = sleep
        self._session: Optional[aiohttp.ClientSession] = None

    async def __aenter__(self) -> PoliteClient:
        self._session = aiohttp.ClientSession(
            timeout=self._timeout,
            headers={"Accept": "application/json", "User-Agent": USER_AGENT},
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get_json(self, path: str, params: Optional[Mapping[str, str]] = None) -> Any:
        if self._session is None:
            raise RuntimeError("use PoliteClient inside 'async with'")
        url = f"{self.base_url}{path}"
        last_problem = ""
        for attempt in range(1, self.retry.max_attempts + 1):
            delay: Optional[float] = None
            async with self._semaphore:
                self.report.requests += 1
                try:
                    async with self._session.get(url, params=params) as response:
                        if response.status == 200:
                            return json.loads(await response.read())
                        last_problem = f"HTTP {response.status}"
                        if response.status not in RETRYABLE_STATUS:
                            raise ApiError(f"{url}: {last_problem}", response.status)
                        delay = retry_after_seconds(response.headers.get("Retry-After"))
                except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as error:
                    last_problem = f"{type(error).__name__}: {error}"
                except asyncio.TimeoutError:
                    last_problem = "timeout"
                except ValueError as error:  # truncated or garbled body
                    last_problem = f"invalid JSON: {error}"
            if attempt == self.retry.max_attempts:
                break
            if delay is None:
                delay = self.retry.backoff(attempt)
            self.report.retries += 1
            await self._sleep(min(delay, self.retry.max_delay))
        raise ApiError(f"{url}: gave up after {self.retry.max_attempts} attempts ({last_problem})")
