"""The limit layers: how many requests are in flight (:class:`ConcurrencyLimit`) and how many
requests and tokens go out per minute (:class:`RateLimitedTeacher`).

Async primitives belong to one event loop, so they are kept per loop (:class:`PerLoop`); the sync
twins use threading equivalents.  aiolimiter is asyncio-only, so the sync rate limit is a small
leaky bucket with the same arithmetic (:class:`_SyncLeakyBucket`).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

from aiolimiter import AsyncLimiter

from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers.base import PerLoop, TeacherWrapper

__all__ = ["ConcurrencyLimit", "RateLimitedTeacher", "estimate_tokens"]


class ConcurrencyLimit(TeacherWrapper):
    """At most ``max_concurrency`` requests in flight (per event loop, and separately for threads
    using the sync twin)."""

    def __init__(self, inner: Teacher, max_concurrency: int) -> None:
        super().__init__(inner)
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be >= 1")
        self.max_concurrency = max_concurrency
        self._semaphores = PerLoop(lambda: asyncio.Semaphore(max_concurrency))
        self._threads = threading.BoundedSemaphore(max_concurrency)

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        async with self._semaphores.get():
            return await self.inner.acomplete(request)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        with self._threads:
            return self.inner.complete(request)


class _SyncLeakyBucket:
    """Thread-safe leaky bucket with aiolimiter's semantics (capacity ``max_rate`` per
    ``time_period``), for the sync twin; aiolimiter itself only works inside an event loop."""

    def __init__(self, max_rate: float, time_period: float) -> None:
        self.max_rate = max_rate
        self._rate_per_sec = max_rate / time_period
        self._level = 0.0
        self._last = time.monotonic()
        self._lock = threading.Lock()

    def acquire(self, amount: float = 1.0) -> None:
        amount = min(amount, self.max_rate)
        while True:
            with self._lock:
                now = time.monotonic()
                self._level = max(self._level - (now - self._last) * self._rate_per_sec, 0.0)
                self._last = now
                if self._level + amount <= self.max_rate:
                    self._level += amount
                    return
                wait = (self._level + amount - self.max_rate) / self._rate_per_sec
            time.sleep(wait)


def estimate_tokens(request: TeacherRequest) -> int:
    """Tokens a request may use before it is sent: ~4 characters per prompt token plus the
    completion budget (``max_tokens``, or 256 when unbounded), times ``n``."""
    chars = sum(len(m.content) for m in request.chat_messages())
    return (chars // 4 + 1 + (request.max_tokens or 256)) * max(request.n, 1)


class RateLimitedTeacher(TeacherWrapper):
    """Requests-per-minute and tokens-per-minute limits (leaky buckets, aiolimiter).

    Requests may burst by one second's worth (``rpm / 60``, at least 1) — providers enforce RPM
    on short windows too; tokens may burst by a whole minute's budget, as providers count them.
    The token cost of a request is estimated before it is sent (:func:`estimate_tokens`) and
    capped at the per-minute budget, so one huge request still goes through, alone.
    """

    def __init__(
        self,
        inner: Teacher,
        *,
        requests_per_minute: float | None = None,
        tokens_per_minute: float | None = None,
        estimate: Callable[[TeacherRequest], int] = estimate_tokens,
    ) -> None:
        super().__init__(inner)
        for label, value in (
            ("requests_per_minute", requests_per_minute),
            ("tokens_per_minute", tokens_per_minute),
        ):
            if value is not None and value <= 0:
                raise ValueError(f"{label} must be > 0 (or None for no limit)")
        self.requests_per_minute = requests_per_minute
        self.tokens_per_minute = tokens_per_minute
        self.estimate = estimate
        self._rpm_args: tuple[float, float] | None = None
        if requests_per_minute is not None:
            burst = max(1.0, requests_per_minute / 60.0)
            self._rpm_args = (burst, burst * 60.0 / requests_per_minute)
        self._tpm_args = (tokens_per_minute, 60.0) if tokens_per_minute is not None else None
        rpm_args, tpm_args = self._rpm_args, self._tpm_args
        self._arpm = PerLoop(lambda: AsyncLimiter(*rpm_args) if rpm_args else None)
        self._atpm = PerLoop(lambda: AsyncLimiter(*tpm_args) if tpm_args else None)
        self._srpm = _SyncLeakyBucket(*rpm_args) if rpm_args else None
        self._stpm = _SyncLeakyBucket(*tpm_args) if tpm_args else None

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        rpm = self._arpm.get()
        if rpm is not None:
            await rpm.acquire()
        tpm = self._atpm.get()
        if tpm is not None:
            await tpm.acquire(min(float(self.estimate(request)), tpm.max_rate))
        return await self.inner.acomplete(request)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        if self._srpm is not None:
            self._srpm.acquire()
        if self._stpm is not None:
            self._stpm.acquire(float(self.estimate(request)))
        return self.inner.complete(request)
