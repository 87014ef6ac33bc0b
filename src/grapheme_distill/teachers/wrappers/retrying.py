"""The retry layer: :class:`RetryableError` is retried with tenacity (exponential backoff with
full jitter), a server's Retry-After is honoured and holds back every other request too.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from typing import Any

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)
from tenacity.stop import stop_base
from tenacity.wait import wait_base

from grapheme_distill.errors import RetryableError
from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers.accounting import RunAccount
from grapheme_distill.teachers.wrappers.base import TeacherWrapper

__all__ = ["RetryingTeacher"]

logger = logging.getLogger("grapheme_distill.teachers")


class _WaitRetryAfter(wait_base):
    """Full-jitter exponential backoff, unless the server said how long to wait (Retry-After):
    then exactly that, plus up to 10 % jitter so that the waiting requests do not return at once."""

    def __init__(self, initial: float, maximum: float) -> None:
        self._backoff = wait_random_exponential(multiplier=initial, max=maximum)

    def __call__(self, retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(retry_after, (int, float)):
            return float(retry_after) + random.uniform(0.0, 0.1 * float(retry_after))
        return float(self._backoff(retry_state))


class _StopOnLongRetryAfter(stop_base):
    """Give up when the server asks for a longer wait than we accept (a day-long quota reset is
    better reported than slept through)."""

    def __init__(self, max_retry_after: float) -> None:
        self.max_retry_after = max_retry_after

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        retry_after = getattr(exc, "retry_after", None)
        return isinstance(retry_after, (int, float)) and retry_after > self.max_retry_after


class RetryingTeacher(TeacherWrapper):
    """Retries :class:`RetryableError` (429, 5xx, time-outs, dropped connections, malformed
    bodies) with tenacity: exponential backoff with full jitter, Retry-After honoured.

    Args:
        max_attempts: attempts in all (1 = no retry).
        backoff_initial / backoff_max: seconds; the n-th wait is uniform in
            ``[0, min(backoff_max, backoff_initial * 2**n)]``.
        max_retry_after: a Retry-After longer than this is not waited for; the error is raised.
        account: where retries are counted.

    A Retry-After also pauses every *other* request going through this wrapper until it has
    passed: the server spoke about itself, and the requests that keep arriving meanwhile would
    only earn more 429s (the storm users complain about).  The last error is re-raised unchanged
    (a note says how many attempts were made); fatal errors are never retried.
    """

    def __init__(
        self,
        inner: Teacher,
        *,
        max_attempts: int = 6,
        backoff_initial: float = 0.5,
        backoff_max: float = 30.0,
        max_retry_after: float = 120.0,
        account: RunAccount | None = None,
    ) -> None:
        super().__init__(inner)
        self.max_attempts = max_attempts
        self.max_retry_after = max_retry_after
        self.account = account
        self.retries = 0
        self._resume_at = 0.0  # monotonic time before which no attempt starts (Retry-After)
        common: dict[str, Any] = {
            "retry": retry_if_exception_type(RetryableError),
            "wait": _WaitRetryAfter(backoff_initial, backoff_max),
            "stop": stop_after_attempt(max_attempts) | _StopOnLongRetryAfter(max_retry_after),
            "before_sleep": self._before_sleep,
            "reraise": True,
        }
        self._async = AsyncRetrying(**common)
        self._sync = Retrying(**common)

    def _before_sleep(self, state: RetryCallState) -> None:
        self.retries += 1
        if self.account is not None:
            self.account.add_retry()
        exc = state.outcome.exception() if state.outcome is not None else None
        wait = state.next_action.sleep if state.next_action is not None else 0.0
        logger.warning(
            "%s: attempt %d failed (%s); retrying in %.2fs",
            self.name,
            state.attempt_number,
            exc,
            wait,
        )

    @staticmethod
    def _note(exc: BaseException, attempts: int) -> None:
        exc.add_note(f"gave up after {attempts} attempt(s)")

    def _cool_down(self, exc: RetryableError) -> None:
        """A Retry-After is about the server, not one request: hold back every new attempt."""
        retry_after = getattr(exc, "retry_after", None)
        if isinstance(retry_after, (int, float)) and 0 < retry_after <= self.max_retry_after:
            self._resume_at = max(self._resume_at, time.monotonic() + float(retry_after))

    async def _attempt(self, request: TeacherRequest) -> TeacherResponse:
        pause = self._resume_at - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)
        try:
            return await self.inner.acomplete(request)
        except RetryableError as exc:
            self._cool_down(exc)
            raise

    def _attempt_sync(self, request: TeacherRequest) -> TeacherResponse:
        pause = self._resume_at - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        try:
            return self.inner.complete(request)
        except RetryableError as exc:
            self._cool_down(exc)
            raise

    # Most calls succeed at once, and setting tenacity up costs ~50 µs of CPU per call, so the
    # first attempt runs bare; after a failure tenacity takes over and is handed that failure as
    # its own first attempt, so waits, stops, logging and counts are exactly tenacity's.
    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        try:
            return await self._attempt(request)
        except RetryableError as exc:
            first = exc
        replayed = False

        async def attempt(req: TeacherRequest) -> TeacherResponse:
            nonlocal replayed
            if not replayed:
                replayed = True
                raise first
            return await self._attempt(req)

        retrying = self._async.copy()  # per call: tenacity keeps call state on the instance
        try:
            return await retrying(attempt, request)
        except RetryableError as exc:
            self._note(exc, retrying.statistics.get("attempt_number", 1))
            raise

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        try:
            return self._attempt_sync(request)
        except RetryableError as exc:
            first = exc
        replayed = False

        def attempt(req: TeacherRequest) -> TeacherResponse:
            nonlocal replayed
            if not replayed:
                replayed = True
                raise first
            return self._attempt_sync(req)

        retrying = self._sync.copy()
        try:
            return retrying(attempt, request)
        except RetryableError as exc:
            self._note(exc, retrying.statistics.get("attempt_number", 1))
            raise
