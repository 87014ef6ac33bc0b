"""Ask a teacher many things at once without letting one failure cost the others.

:func:`complete_many` runs a fixed pool of workers over the requests (memory stays flat for a
million requests, unlike one task per request) and returns one :class:`BatchResult` per request,
in input order: the response, or the error with its reason.  A permanent failure — a 400, a
retry budget spent — is *recorded*, never raised, so the rest of the batch is kept; the caller
decides what to do with failures (the pipeline stores them with ``record_failure`` and retries
them on resume).  The one failure that is raised is
:class:`~grapheme_distill.errors.TeacherUnavailable` (the teacher can answer no one: a bad key, a
refused connection): asking the rest would only fail them all, slowly.  ``on_result`` sees each
result as soon as it exists, so work can be persisted
incrementally and an interrupted batch loses only what was in flight.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from grapheme_distill.errors import RetryableError, TeacherUnavailable
from grapheme_distill.teachers.base import (
    DEFAULT_CONCURRENCY,
    Teacher,
    TeacherRequest,
    TeacherResponse,
)

__all__ = ["BatchResult", "complete_many", "complete_many_sync"]


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one request of a batch.

    Attributes:
        index: position of the request in the input.
        response: the answer, or ``None`` when the request failed.
        error: why it failed (the exception's message), ``None`` on success.
        error_type: the exception's class name (``FatalTeacherError`` ...).
        retryable: whether asking again later may succeed (the retries were already spent).
    """

    index: int
    request: TeacherRequest
    response: TeacherResponse | None = None
    error: str | None = None
    error_type: str | None = None
    retryable: bool = False

    @property
    def ok(self) -> bool:
        return self.response is not None


async def complete_many(
    teacher: Teacher,
    requests: Iterable[TeacherRequest],
    *,
    concurrency: int | None = None,
    on_result: Callable[[BatchResult], None] | None = None,
) -> list[BatchResult]:
    """Answer every request; failures are returned, not raised.

    Args:
        teacher: any teacher (wrap it with :func:`~grapheme_distill.teachers.wrappers.wrap_teacher`
            for retries, limits and caching).
        requests: the requests (consumed lazily).
        concurrency: workers; default the teacher's ``max_concurrency`` if it has one, else
            :data:`~grapheme_distill.teachers.base.DEFAULT_CONCURRENCY`.
        on_result: called with each result as it completes (e.g. to store it at once).

    Returns:
        One result per request, in input order.

    Cancellation (Ctrl-C) propagates: results already passed to ``on_result`` are kept.

    Raises:
        TeacherUnavailable: the teacher failed fast (see :mod:`~grapheme_distill.teachers.failfast`).
    """
    workers = concurrency or getattr(teacher, "max_concurrency", None) or DEFAULT_CONCURRENCY
    results: dict[int, BatchResult] = {}
    source: Iterator[tuple[int, TeacherRequest]] = enumerate(requests)

    async def work() -> None:
        for index, request in source:  # one shared iterator: each request goes to one worker
            try:
                result = BatchResult(index, request, await teacher.acomplete(request))
            except TeacherUnavailable:
                raise  # stops every worker (see the finally below); stored results are kept
            except Exception as exc:  # noqa: BLE001 - a failure belongs to its request, not the batch
                result = BatchResult(
                    index,
                    request,
                    None,
                    str(exc) or type(exc).__name__,
                    type(exc).__name__,
                    isinstance(exc, RetryableError),
                )
            results[index] = result
            if on_result is not None:
                on_result(result)

    tasks = [asyncio.create_task(work()) for _ in range(workers)]
    try:
        await asyncio.gather(*tasks)
    finally:  # an on_result error or a cancellation stops every worker, not just one
        for task in tasks:
            task.cancel()
    return [results[i] for i in sorted(results)]


def complete_many_sync(
    teacher: Teacher,
    requests: Iterable[TeacherRequest],
    *,
    concurrency: int | None = None,
    on_result: Callable[[BatchResult], None] | None = None,
) -> list[BatchResult]:
    """Sync twin of :func:`complete_many` (runs its own event loop)."""
    return asyncio.run(
        complete_many(teacher, requests, concurrency=concurrency, on_result=on_result)
    )
