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
same arithmetic (:class:`_SyncLeakyBucket`).
"""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import random
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, runtime_checkable
from urllib.parse import urlsplit

from aiolimiter import AsyncLimiter
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
from grapheme_distill.teachers.base import (
    DEFAULT_CONCURRENCY,
    Teacher,
    TeacherRequest,
    TeacherResponse,
)
from grapheme_distill.teachers.pricing import PriceTable

if TYPE_CHECKING:  # the store slices, for typing only: teachers do not depend on stores
    from grapheme_distill.store.base import CallLog, CallRecorder

__all__ = [
    "AccountingTeacher",
    "CacheBackend",
    "CachingTeacher",
    "ConcurrencyLimit",
    "MemoryCache",
    "RateLimitedTeacher",
    "RecordingTeacher",
    "RetryingTeacher",
    "RunAccount",
    "StoreCache",
    "TeacherWrapper",
    "TranscriptWriter",
    "wrap_teacher",
]

logger = logging.getLogger("grapheme_distill.teachers")

T = TypeVar("T")

#: teachers that run on this machine: their calls cost no money (tokens are still counted).
FREE_TEACHERS = frozenset({"local", "replay", "ollama"})


class _PerLoop(Generic[T]):
    """One object per running event loop, made on first use (asyncio primitives are loop-bound)."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._items: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T]
        self._items = weakref.WeakKeyDictionary()

    def get(self) -> T:
        loop = asyncio.get_running_loop()
        item = self._items.get(loop)
        if item is None:
            item = self._items[loop] = self._factory()
        return item


def runs_locally(teacher: Teacher) -> bool:
    """Whether the provider is a server on this machine (``localhost``/``127.0.0.1``: vLLM,
    llama.cpp, LM Studio, Ollama behind any preset), looking through wrappers."""
    while True:
        base_url = getattr(teacher, "base_url", None)
        if isinstance(base_url, str):
            return (urlsplit(base_url).hostname or "") in {"localhost", "127.0.0.1", "::1"}
        inner = getattr(teacher, "inner", None)
        if inner is None:
            return False
        teacher = inner


def resolve_request(teacher: Teacher, request: TeacherRequest) -> TeacherRequest:
    """The request with the model filled in from the teacher's default.

    Why: the cache key and the recorded call must say which model answered; a request that leaves
    the model to the teacher would otherwise share a hash across models.
    """
    if request.model is None:
        model = getattr(teacher, "model", None)
        if isinstance(model, str) and model:
            return request.model_copy(update={"model": model})
    return request


class TeacherWrapper:
    """A teacher around another one; passes name, capabilities and model through."""

    def __init__(self, inner: Teacher) -> None:
        self.inner = inner
        self.name: str = inner.name
        self.supports_logprobs: bool = inner.supports_logprobs

    @property
    def model(self) -> str | None:
        model = getattr(self.inner, "model", None)
        return model if isinstance(model, str) else None

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        return await self.inner.acomplete(request)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        return self.inner.complete(request)

    async def aclose(self) -> None:
        closer = getattr(self.inner, "aclose", None)
        if closer is not None:
            await closer()

    def close(self) -> None:
        closer = getattr(self.inner, "close", None)
        if closer is not None:
            closer()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.inner!r})"


# ---------------------------------------------------------------------------- accounting
@dataclass
class ModelAccount:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    priced: bool = True


@dataclass
class RunAccount:
    """Per-run counters, shared by the wrappers of one stack (thread-safe).

    ``cost_usd`` sums the priced calls only; ``unpriced_models`` lists the models whose calls are
    not in it, so an incomplete total is never mistaken for a complete one.
    """

    requests: int = 0
    responses: int = 0
    cache_hits: int = 0
    retries: int = 0
    failures: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    saved_usd: float = 0.0
    latency_s: float = 0.0
    per_model: dict[str, ModelAccount] = field(default_factory=dict)
    unpriced_models: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add_retry(self) -> None:
        with self._lock:
            self.retries += 1

    def add_failure(self) -> None:
        with self._lock:
            self.requests += 1
            self.failures += 1

    def add_response(self, response: TeacherResponse, cost: float | None, model: str) -> None:
        with self._lock:
            self.requests += 1
            self.responses += 1
            if response.cached:
                self.cache_hits += 1
                self.saved_usd += cost or 0.0
                return
            usage = response.usage
            self.prompt_tokens += usage.prompt_tokens
            self.completion_tokens += usage.completion_tokens
            self.latency_s += response.latency_s
            entry = self.per_model.setdefault(model, ModelAccount())
            entry.calls += 1
            entry.prompt_tokens += usage.prompt_tokens
            entry.completion_tokens += usage.completion_tokens
            if cost is None:
                entry.priced = False
                self.unpriced_models.add(model)
            else:
                entry.cost_usd += cost
                self.cost_usd += cost

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary (what the CLI prints and a run records)."""
        with self._lock:
            return {
                "requests": self.requests,
                "responses": self.responses,
                "cache_hits": self.cache_hits,
                "retries": self.retries,
                "failures": self.failures,
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "cost_usd": round(self.cost_usd, 6),
                "cost_complete": not self.unpriced_models,
                "saved_by_cache_usd": round(self.saved_usd, 6),
                "unpriced_models": sorted(self.unpriced_models),
                "per_model": {
                    name: {
                        "calls": m.calls,
                        "prompt_tokens": m.prompt_tokens,
                        "completion_tokens": m.completion_tokens,
                        "cost_usd": round(m.cost_usd, 6) if m.priced else None,
                    }
                    for name, m in sorted(self.per_model.items())
                },
            }


class AccountingTeacher(TeacherWrapper):
    """Counts tokens and cost of every answer and failure into a :class:`RunAccount`.

    Args:
        prices: the price table (default: :class:`PriceTable` with the default prices).
        account: the account to add to (default: a new one, at ``.account``).
        free: calls cost nothing (default: the local, replay and ollama providers).  A server
            on this machine (:func:`runs_locally`) is charged only for models the table prices.
    """

    def __init__(
        self,
        inner: Teacher,
        *,
        prices: PriceTable | None = None,
        account: RunAccount | None = None,
        free: bool | None = None,
    ) -> None:
        super().__init__(inner)
        self.prices = prices or PriceTable()
        self.account = account or RunAccount()
        self.free = (inner.name in FREE_TEACHERS) if free is None else free
        self.local = runs_locally(inner)

    def _add(self, request: TeacherRequest, response: TeacherResponse) -> None:
        model = response.model or request.model or self.model or "unknown"
        cost = 0.0 if self.free else self.prices.cost(model, response.usage)
        if cost is None and self.local:
            cost = 0.0  # an unpriced model on this machine costs nothing, it is not "unknown"
        self.account.add_response(response, cost, model)

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        try:
            response = await self.inner.acomplete(request)
        except Exception:
            self.account.add_failure()
            raise
        self._add(request, response)
        return response

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        try:
            response = self.inner.complete(request)
        except Exception:
            self.account.add_failure()
            raise
        self._add(request, response)
        return response


# ---------------------------------------------------------------------------- caching
@runtime_checkable
class CacheBackend(Protocol):
    """Where cached answers live, keyed by the request's content hash.

    ``put`` gets the request too, so that a store-backed cache can keep the full exchange.
    """

    def get(self, key: str) -> TeacherResponse | None: ...

    def put(self, key: str, request: TeacherRequest, response: TeacherResponse) -> None: ...


class MemoryCache:
    """An in-process LRU cache (``max_entries=None``: unbounded)."""

    def __init__(self, max_entries: int | None = None) -> None:
        self.max_entries = max_entries
        self._data: collections.OrderedDict[str, TeacherResponse] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> TeacherResponse | None:
        with self._lock:
            response = self._data.get(key)
            if response is not None:
                self._data.move_to_end(key)
            return response

    def put(self, key: str, request: TeacherRequest, response: TeacherResponse) -> None:
        with self._lock:
            self._data[key] = response
            self._data.move_to_end(key)
            if self.max_entries is not None:
                while len(self._data) > self.max_entries:
                    self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


_STORE_LOCKS: weakref.WeakKeyDictionary[object, threading.RLock] = weakref.WeakKeyDictionary()
_STORE_LOCKS_GUARD = threading.Lock()


def store_lock(store: object) -> threading.RLock:
    """The one lock of ``store`` that every teacher wrapper touching it holds (cache, recorder).

    Why one lock rather than a connection per thread: a store is one SQLite connection whose
    transaction depth is per connection, so two threads writing through it corrupt each other's
    transaction ("cannot start a transaction within a transaction" after ~80 requests at
    concurrency 64).  SQLite admits one writer at a time anyway, a cache lookup or a call record
    takes well under a millisecond against a request's hundreds, and the wrappers only see the
    store's protocol (a MemoryStore has no file to open a second connection to) — so serialising
    the store calls costs nothing measurable and needs no second connection, no busy retries.
    """
    with _STORE_LOCKS_GUARD:
        lock = _STORE_LOCKS.get(store)
        if lock is None:
            lock = _STORE_LOCKS[store] = threading.RLock()
        return lock


class StoreCache:
    """A persistent cache on a :class:`~grapheme_distill.store.base.GraphStore`: answers recorded
    in earlier runs (``get_call``) are not asked again, new ones are recorded (``record_call``).

    This is what makes an interrupted run resumable without paying twice.  Safe from many threads
    (the llm extractor's): every store call holds the store's one lock (:func:`store_lock`).
    """

    def __init__(self, store: CallLog) -> None:
        self.store = store
        self._lock = store_lock(store)

    def get(self, key: str) -> TeacherResponse | None:
        with self._lock:
            found = self.store.get_call(key)
        return None if found is None else found[1]

    def put(self, key: str, request: TeacherRequest, response: TeacherResponse) -> None:
        with self._lock:
            self.store.record_call(request, response)


class CachingTeacher(TeacherWrapper):
    """Answers an identical request (same content hash) from the cache instead of the teacher.

    Concurrent identical requests are coalesced: the first asks, the others wait for its answer
    (counted as hits).  Failures are never cached.  Hits come back with ``cached=True`` and
    ``latency_s=0``.

    Attributes:
        hits / misses: counts since construction.
    """

    def __init__(self, inner: Teacher, backend: CacheBackend | None = None) -> None:
        super().__init__(inner)
        self.backend: CacheBackend = backend if backend is not None else MemoryCache()
        self.hits = 0
        self.misses = 0
        self._inflight: _PerLoop[dict[str, asyncio.Future[TeacherResponse | None]]]
        self._inflight = _PerLoop(dict)

    def _hit(self, response: TeacherResponse) -> TeacherResponse:
        self.hits += 1
        return response.model_copy(update={"cached": True, "latency_s": 0.0})

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        request = resolve_request(self.inner, request)
        key = request.content_hash()
        cached = self.backend.get(key)
        if cached is not None:
            return self._hit(cached)
        inflight = self._inflight.get()
        leader = inflight.get(key)
        if leader is not None:
            shared = await asyncio.shield(leader)
            if shared is not None:
                return self._hit(shared)
            # the first asker failed: ask ourselves (its error is its own to report)
        future: asyncio.Future[TeacherResponse | None] = asyncio.get_running_loop().create_future()
        inflight[key] = future
        self.misses += 1
        response: TeacherResponse | None = None
        try:
            response = await self.inner.acomplete(request)
            self.backend.put(key, request, response)
            return response
        finally:
            inflight.pop(key, None)
            future.set_result(response)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        request = resolve_request(self.inner, request)
        key = request.content_hash()
        cached = self.backend.get(key)
        if cached is not None:
            return self._hit(cached)
        self.misses += 1
        response = self.inner.complete(request)
        self.backend.put(key, request, response)
        return response


# ---------------------------------------------------------------------------- recording
class RecordingTeacher(TeacherWrapper):
    """Hands every real exchange to ``recorder.record_call`` (a store) or to a callable.

    The prompt template and its hash are taken from ``request.metadata`` keys ``prompt_template``
    and ``prompt_template_hash`` (or ``template`` and ``template_hash``, as the topic job writes
    them) when present.  Only the request and the response are recorded —
    never headers or the teacher's configuration, so no API key can reach the store.
    """

    def __init__(
        self,
        inner: Teacher,
        recorder: CallRecorder | Callable[[TeacherRequest, TeacherResponse], object],
        *,
        run_id: str | None = None,
    ) -> None:
        super().__init__(inner)
        self.recorder = recorder
        self.run_id = run_id
        self.recorded = 0

    def _record(self, request: TeacherRequest, response: TeacherResponse) -> None:
        if hasattr(self.recorder, "record_call"):  # a store (CallRecorder), else a callable
            meta = request.metadata
            template = meta.get("prompt_template", meta.get("template"))
            template_hash = meta.get("prompt_template_hash", meta.get("template_hash"))
            with store_lock(self.recorder):  # threads share the store's one connection
                self.recorder.record_call(
                    request,
                    response,
                    prompt_template=str(template) if template is not None else None,
                    prompt_template_hash=str(template_hash) if template_hash is not None else None,
                    run_id=self.run_id,
                )
        else:
            self.recorder(request, response)
        self.recorded += 1

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        request = resolve_request(self.inner, request)
        response = await self.inner.acomplete(request)
        self._record(request, response)
        return response

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        request = resolve_request(self.inner, request)
        response = self.inner.complete(request)
        self._record(request, response)
        return response


class TranscriptWriter:
    """Appends every exchange it is given to a JSONL transcript, in the native format that
    :class:`~grapheme_distill.transcripts.TranscriptReader` reads (and ``replay`` serves).

    Use it as ``recorder=`` of :class:`RecordingTeacher`/:func:`wrap_teacher`: a live run then
    leaves a file that replays offline, request hash for request hash.  One line per exchange,
    flushed at once, so a killed run loses nothing it was told.  Only the request (messages,
    model, sampling parameters) and the answer are written — never headers or configuration.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._file = self.path.open("a", encoding="utf-8")
        self._lock = threading.Lock()
        self.written = 0

    def __call__(self, request: TeacherRequest, response: TeacherResponse) -> None:
        line: dict[str, Any] = {}
        if request.messages is not None:
            line["messages"] = [{"role": m.role, "content": m.content} for m in request.messages]
        else:
            line["prompt"] = request.prompt
        line["model"] = request.model or response.model
        line["params"] = request.sampling_params()
        line["response"] = response.text
        if response.logprobs is not None:
            line["logprobs"] = [t.model_dump() for t in response.logprobs]
        line["usage"] = {
            "prompt_tokens": response.usage.prompt_tokens,
            "completion_tokens": response.usage.completion_tokens,
        }
        text = json.dumps(line, ensure_ascii=False) + "\n"
        with self._lock:
            self._file.write(text)
            self._file.flush()
            self.written += 1

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------- concurrency
class ConcurrencyLimit(TeacherWrapper):
    """At most ``max_concurrency`` requests in flight (per event loop, and separately for threads
    using the sync twin)."""

    def __init__(self, inner: Teacher, max_concurrency: int) -> None:
        super().__init__(inner)
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be >= 1")
        self.max_concurrency = max_concurrency
        self._semaphores = _PerLoop(lambda: asyncio.Semaphore(max_concurrency))
        self._threads = threading.BoundedSemaphore(max_concurrency)

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        async with self._semaphores.get():
            return await self.inner.acomplete(request)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        with self._threads:
            return self.inner.complete(request)


# ---------------------------------------------------------------------------- retries
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


# ---------------------------------------------------------------------------- rate limits
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
        self._arpm = _PerLoop(lambda: AsyncLimiter(*rpm_args) if rpm_args else None)
        self._atpm = _PerLoop(lambda: AsyncLimiter(*tpm_args) if tpm_args else None)
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


# ---------------------------------------------------------------------------- the stack
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
