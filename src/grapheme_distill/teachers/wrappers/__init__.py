"""Engineering around any teacher: concurrency, retries, rate limits, caching, cost, recording.

Each concern is one wrapper that is itself a :class:`~grapheme_distill.teachers.base.Teacher`, so
they compose around any provider (HTTP, embedded, replay) and can be tested alone.
:func:`wrap_teacher` builds the standard stack, outermost first::

    AccountingTeacher        tokens, cost (PriceTable), hits, failures        -> RunAccount
      CachingTeacher         identical request (content hash) answered once   -> CacheBackend
        RecordingTeacher     every real exchange -> store.record_call(...)
          ConcurrencyLimit   at most C requests in flight (backoff holds the slot: fewer 429s)
            RetryingTeacher  tenacity: exponential backoff + full jitter, Retry-After honoured
              FailFast       N systemic failures in a row (bad key, refused): stop (failfast.py)
                RateLimited  aiolimiter: requests/minute and tokens/minute, per attempt
                  provider

Why this order: cache hits must cost nothing and be recorded once, so the cache sits above
recording and the network; a retry is a new attempt and must pass the rate limiter again; a
request waiting out a Retry-After keeps its concurrency slot, so a 429 storm slows the whole run
down instead of being hammered by the other slots.

Async primitives (semaphores, limiters, in-flight futures) belong to one event loop, and the sync
twin or ``asyncio.run`` may bring another, so they are kept per loop; the sync twins use threading
equivalents.  aiolimiter is asyncio-only, so the sync rate limit is a small leaky bucket with the
same arithmetic (``limits._SyncLeakyBucket``).

One module per layer, all built on ``base`` (the shared :class:`TeacherWrapper`):
``accounting`` (:class:`RunAccount`, which the retry layer counts into), ``caching`` (backends
and :func:`store_lock`, which the recording layer holds too), ``recording``
(:class:`TranscriptWriter` too), ``limits`` (concurrency and rate limits), ``retrying``;
``failfast`` sits beside the package (``teachers/failfast.py``).  This module builds
the stack and re-exports every layer, so ``grapheme_distill.teachers.wrappers`` stays the one
import path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from grapheme_distill.teachers.base import (
    DEFAULT_CONCURRENCY,
    Teacher,
    TeacherRequest,
    TeacherResponse,
)
from grapheme_distill.teachers.pricing import PriceTable
from grapheme_distill.teachers.wrappers.accounting import (
    AccountingTeacher,
    ModelAccount,
    RunAccount,
)
from grapheme_distill.teachers.wrappers.base import (
    FREE_TEACHERS,
    TeacherWrapper,
    resolve_request,
    runs_locally,
)
from grapheme_distill.teachers.wrappers.caching import (
    CacheBackend,
    CachingTeacher,
    MemoryCache,
    StoreCache,
    store_lock,
)
from grapheme_distill.teachers.wrappers.limits import (
    ConcurrencyLimit,
    RateLimitedTeacher,
    estimate_tokens,
)
from grapheme_distill.teachers.wrappers.recording import RecordingTeacher, TranscriptWriter
from grapheme_distill.teachers.wrappers.retrying import RetryingTeacher

if TYPE_CHECKING:  # the store slices, for typing only: teachers do not depend on stores
    from grapheme_distill.store.base import CallRecorder

__all__ = [
    "FREE_TEACHERS",
    "AccountingTeacher",
    "CacheBackend",
    "CachingTeacher",
    "ConcurrencyLimit",
    "MemoryCache",
    "ModelAccount",
    "RateLimitedTeacher",
    "RecordingTeacher",
    "RetryingTeacher",
    "RunAccount",
    "StoreCache",
    "TeacherStack",
    "TeacherWrapper",
    "TranscriptWriter",
    "estimate_tokens",
    "resolve_request",
    "runs_locally",
    "store_lock",
    "wrap_teacher",
]


class TeacherStack(AccountingTeacher):
    """What :func:`wrap_teacher` returns: the outermost layer, with handles on the others."""

    cache: CachingTeacher | None
    retrying: RetryingTeacher | None
    concurrency: ConcurrencyLimit | None
    recording: RecordingTeacher | None

    @property
    def provider(self) -> Teacher:
        """The innermost (unwrapped) teacher."""
        teacher: Teacher = self.inner
        while isinstance(teacher, TeacherWrapper):
            teacher = teacher.inner
        return teacher

    @property
    def max_concurrency(self) -> int | None:
        return self.concurrency.max_concurrency if self.concurrency is not None else None


def wrap_teacher(
    teacher: Teacher,
    *,
    concurrency: int | None = DEFAULT_CONCURRENCY,
    max_attempts: int = 6,
    backoff_initial: float = 0.5,
    backoff_max: float = 30.0,
    max_retry_after: float = 120.0,
    requests_per_minute: float | None = None,
    tokens_per_minute: float | None = None,
    cache: bool | CacheBackend = True,
    prices: PriceTable | None = None,
    recorder: CallRecorder | Callable[[TeacherRequest, TeacherResponse], object] | None = None,
    run_id: str | None = None,
    account: RunAccount | None = None,
    free: bool | None = None,
    fail_fast_after: int | None = 5,
) -> TeacherStack:
    """The standard stack around ``teacher`` (see the module docstring for the order and why).

    Args:
        concurrency: requests in flight at most (``None``: unbounded); the one default,
            :data:`~grapheme_distill.teachers.base.DEFAULT_CONCURRENCY`.
        max_attempts: attempts per request including the first (1 disables retries).
        requests_per_minute / tokens_per_minute: provider limits to stay under (``None``: none).
        cache: ``True`` for an in-memory cache, a :class:`CacheBackend` (e.g.
            :class:`StoreCache`) for a persistent one, ``False`` for none.
        prices: price table for the cost accounting (default prices when ``None``).
        recorder: a store (``record_call``) or callable that receives every real exchange.
        run_id: passed to ``record_call``.
        account: a :class:`RunAccount` to add to (several stacks can share one).
        free: force the calls to cost nothing (default: local providers are free).
        fail_fast_after: attempts in a row failing the same teacher-wide way (bad key, refused
            connection, unknown model) after which every call raises ``TeacherUnavailable``
            (``None``: never).

    Returns:
        A teacher; ``.account.summary()`` tells tokens, cost, hits, retries and failures.
    """
    account = account or RunAccount()
    layer: Teacher = teacher
    if requests_per_minute is not None or tokens_per_minute is not None:
        layer = RateLimitedTeacher(
            layer, requests_per_minute=requests_per_minute, tokens_per_minute=tokens_per_minute
        )
    if fail_fast_after is not None:
        from grapheme_distill.teachers.failfast import FailFastTeacher  # it subclasses ours

        layer = FailFastTeacher(layer, fail_fast_after)
    retrying = None
    if max_attempts > 1:
        layer = retrying = RetryingTeacher(
            layer,
            max_attempts=max_attempts,
            backoff_initial=backoff_initial,
            backoff_max=backoff_max,
            max_retry_after=max_retry_after,
            account=account,
        )
    limit = None
    if concurrency is not None:
        layer = limit = ConcurrencyLimit(layer, concurrency)
    recording = None
    if recorder is not None:
        layer = recording = RecordingTeacher(layer, recorder, run_id=run_id)
    caching = None
    if cache is not False:
        backend = None if cache is True else cache
        layer = caching = CachingTeacher(layer, backend)
    stack = TeacherStack(layer, prices=prices, account=account, free=free)
    stack.cache, stack.retrying, stack.concurrency, stack.recording = (
        caching,
        retrying,
        limit,
        recording,
    )
    return stack
