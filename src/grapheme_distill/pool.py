"""One bounded pool of in-flight teacher requests, shared by every job of a run.

Why one pool: a run asks about many topics (or entities, samples, teachers) and each has a few
questions; bounding each group separately leaves the server idle while one group's slowest answer
is awaited (200 topics at ``--concurrency 64`` kept at most 5 requests in flight and took 14.5x
the latency floor).  Every job submits its requests to the one :class:`RequestPool`, which keeps
up to ``concurrency`` of them in flight whichever group they belong to.

:data:`DEFAULT_CONCURRENCY` (defined with the teacher protocol, re-exported here) is the one default
of the command line, the library entry points (``distill --topics``, ``distill --documents``,
``crawl``), ``wrap_teacher``, ``open_teacher`` and the ``llm`` extractor; the teacher stack is
opened with the same number, so no layer silently caps another.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from grapheme_distill.teachers.base import (
    DEFAULT_CONCURRENCY,
    Teacher,
    TeacherRequest,
    TeacherResponse,
)

__all__ = ["DEFAULT_CONCURRENCY", "RequestPool"]


class RequestPool:
    """At most ``concurrency`` requests in flight through :meth:`complete`, across all callers.

    Attributes:
        in_flight / max_in_flight: requests being answered now, and the most at once (what the
            benchmarks check against the limit).
    """

    def __init__(self, concurrency: int = DEFAULT_CONCURRENCY) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        self.concurrency = concurrency
        self.in_flight = 0
        self.max_in_flight = 0
        self._gate: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._gate is None or self._loop is not loop:  # semaphores are bound to one loop
            self._gate, self._loop = asyncio.Semaphore(self.concurrency), loop
        return self._gate

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the slots (for work that asks a teacher in its own way, e.g. clozes)."""
        async with self._semaphore():
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                yield
            finally:
                self.in_flight -= 1

    async def complete(self, teacher: Teacher, request: TeacherRequest) -> TeacherResponse:
        """``teacher.acomplete(request)`` once a slot is free."""
        async with self.slot():
            return await teacher.acomplete(request)
