"""The caching layer: an identical request (same content hash) is answered once.

The backend is in memory (:class:`MemoryCache`) or a store (:class:`StoreCache`, what makes an
interrupted run resumable without paying twice).  Every wrapper that touches a store holds that
store's one lock (:func:`store_lock`), which the recording layer uses too.
"""

from __future__ import annotations

import asyncio
import collections
import threading
import weakref
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers.base import PerLoop, TeacherWrapper, resolve_request

if TYPE_CHECKING:  # the store slices, for typing only: teachers do not depend on stores
    from grapheme_distill.store.base import CallLog

__all__ = ["CacheBackend", "CachingTeacher", "MemoryCache", "StoreCache", "store_lock"]


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
        self._inflight: PerLoop[dict[str, asyncio.Future[TeacherResponse | None]]]
        self._inflight = PerLoop(dict)

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
