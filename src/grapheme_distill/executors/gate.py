"""One rate limit, concurrency bound and budget for the teacher requests of every Ray worker.

Why an actor.  A provider's limits (requests and tokens per minute, requests in flight) and a
run's budget are *global*: 32 workers each holding their own ``RateLimitedTeacher`` at the
provider's limit would send 32 times too much, and 32 budgets would spend 32 times the money.  So
the limiter state lives in one Ray actor, :class:`TeacherGate`, and each worker's teacher is
wrapped in a :class:`GatedTeacher` that asks the gate before every request and tells it after.
The actor is asynchronous: a waiting request costs the actor a coroutine, not a thread, and the
gate's own arithmetic is aiolimiter's leaky bucket (the same one the single-process stack uses).

Budget.  Tokens are reserved when a request is let through (its estimate:
:func:`~grapheme_distill.teachers.wrappers.estimate_tokens`) and corrected to what the answer
really used when it is done, so requests in flight together cannot overshoot the budget; a
request the budget cannot cover is refused (:class:`~grapheme_distill.errors.FatalTeacherError`,
kind ``budget spent``, systemic: the fail-fast layer stops the run instead of refusing every
remaining request one by one).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from aiolimiter import AsyncLimiter

from grapheme_distill.errors import FatalTeacherError
from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers import TeacherWrapper, estimate_tokens

__all__ = ["GatedTeacher", "TeacherGate", "TeacherLimits", "start_gate"]

#: requests an actor may hold waiting at once (each a coroutine in the actor's event loop)
_MAX_WAITING = 10_000


@dataclass(frozen=True)
class TeacherLimits:
    """Limits shared by every worker of a run (None: no limit)."""

    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    concurrency: int | None = None
    max_requests: int | None = None  # budget: requests in the whole run
    max_tokens: int | None = None  # budget: tokens (prompt + completion) in the whole run

    def __post_init__(self) -> None:
        for name in (
            "requests_per_minute",
            "tokens_per_minute",
            "concurrency",
            "max_requests",
            "max_tokens",
        ):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be > 0 (or None for no limit)")


class TeacherGate:
    """The shared limiter state (run as a Ray actor by :func:`start_gate`; a plain object
    in-process, which is how its arithmetic is tested without a cluster)."""

    def __init__(self, limits: TeacherLimits) -> None:
        self.limits = limits
        self.requests = 0
        self.tokens = 0  # reserved for requests in flight + used by finished ones
        self.refused = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self._gates: tuple[Any, Any, Any] | None = None

    def _loop_gates(self) -> tuple[Any, Any, Any]:
        """Semaphore and limiters, made inside the actor's event loop (they bind to it)."""
        if self._gates is None:
            lim = self.limits
            rpm = tpm = None
            if lim.requests_per_minute is not None:  # bursts of one second's worth, as the stack
                burst = max(1.0, lim.requests_per_minute / 60.0)
                rpm = AsyncLimiter(burst, burst * 60.0 / lim.requests_per_minute)
            if lim.tokens_per_minute is not None:
                tpm = AsyncLimiter(lim.tokens_per_minute, 60.0)
            sem = asyncio.Semaphore(lim.concurrency) if lim.concurrency is not None else None
            self._gates = (sem, rpm, tpm)
        return self._gates

    async def acquire(self, estimated_tokens: int) -> bool:
        """Wait for a slot and the rate limits; False (nothing waited) when the budget cannot
        cover the request."""
        lim = self.limits
        if (lim.max_requests is not None and self.requests >= lim.max_requests) or (
            lim.max_tokens is not None and self.tokens + estimated_tokens > lim.max_tokens
        ):
            self.refused += 1
            return False
        self.requests += 1
        self.tokens += estimated_tokens
        sem, rpm, tpm = self._loop_gates()
        if sem is not None:
            await sem.acquire()
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        if rpm is not None:
            await rpm.acquire()
        if tpm is not None:
            await tpm.acquire(min(float(estimated_tokens), tpm.max_rate))
        return True

    async def release(self, estimated_tokens: int, used_tokens: int | None) -> None:
        """A request let through is done: free its slot and charge what it really used (its
        estimate stays charged when the usage is unknown, e.g. it failed)."""
        if used_tokens is not None:
            self.tokens += used_tokens - estimated_tokens
        self.in_flight -= 1
        sem = self._loop_gates()[0]
        if sem is not None:
            sem.release()

    def state(self) -> dict[str, int]:
        """Requests let through, tokens charged, refusals, and requests in flight (now, most)."""
        return {
            "requests": self.requests,
            "tokens": self.tokens,
            "refused": self.refused,
            "in_flight": self.in_flight,
            "max_in_flight": self.max_in_flight,
        }


def start_gate(limits: TeacherLimits) -> Any:
    """A :class:`TeacherGate` actor in the current Ray cluster (its handle pickles into tasks)."""
    import ray

    actor = ray.remote(TeacherGate).options(num_cpus=0, max_concurrency=_MAX_WAITING)
    return actor.remote(limits)


class GatedTeacher(TeacherWrapper):
    """A teacher whose every request passes the run's :class:`TeacherGate` actor first."""

    def __init__(self, inner: Teacher, gate: Any) -> None:
        super().__init__(inner)
        self.gate = gate

    def _refused(self) -> FatalTeacherError:
        return FatalTeacherError(
            "the run's teacher budget is spent (TeacherLimits.max_requests / max_tokens)",
            systemic=True,
            kind="budget spent",
        )

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        estimate = estimate_tokens(request)
        if not await self.gate.acquire.remote(estimate):
            raise self._refused()
        used: int | None = None
        try:
            response = await self.inner.acomplete(request)
            used = response.usage.total_tokens
            return response
        finally:
            await self.gate.release.remote(estimate, used)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        import ray

        estimate = estimate_tokens(request)
        if not ray.get(self.gate.acquire.remote(estimate)):
            raise self._refused()
        used: int | None = None
        try:
            response = self.inner.complete(request)
            used = response.usage.total_tokens
            return response
        finally:
            ray.get(self.gate.release.remote(estimate, used))
