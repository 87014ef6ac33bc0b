"""Fail fast: stop asking a teacher that cannot answer anyone.

A wrong key, a server that is not running or a misspelt model fails *every* request the same way.
Left alone, a run asks all of them anyway, and the retry layer retries each one (a run of 200
requests against a refused port spent 1,000 attempts and 526 s, then exited 0 with the reason
buried in the failures table).  :class:`FailFastTeacher` counts consecutive attempts that failed
with an error marked ``systemic`` (401/403, 404, no API key, connection refused — see
:mod:`grapheme_distill.teachers._http`); after ``threshold`` in a row it raises
:class:`~grapheme_distill.errors.TeacherUnavailable` for that attempt and for every later call
without touching the network.  Any answer, or any other kind of failure, resets the count, so a
flaky but working server never trips it.

It sits *under* the retry layer (:func:`~grapheme_distill.teachers.wrappers.wrap_teacher`), so it
sees attempts, not requests, and because ``TeacherUnavailable`` is not retryable the retry layer
stops at once.  Callers that must stop the run on it (topic runs, :func:`complete_many`) let it
through instead of recording it as one request's failure.
"""

from __future__ import annotations

import threading

from grapheme_distill.errors import TeacherError, TeacherUnavailable
from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers import TeacherWrapper

__all__ = ["DEFAULT_FAIL_FAST_AFTER", "FailFastTeacher"]

#: systemic failures in a row that stop a run: enough to ride out one blip, few enough to be fast
DEFAULT_FAIL_FAST_AFTER = 5


class FailFastTeacher(TeacherWrapper):
    """Raises :class:`TeacherUnavailable` after ``threshold`` systemic failures in a row.

    Attributes:
        tripped: the error every call now raises, once it has tripped (``None`` before).
    """

    def __init__(self, inner: Teacher, threshold: int = DEFAULT_FAIL_FAST_AFTER) -> None:
        super().__init__(inner)
        self.threshold = max(1, threshold)
        self.streak = 0
        self.tripped: TeacherUnavailable | None = None
        self._lock = threading.Lock()  # the sync twin may be called from several threads

    def _refuse(self) -> None:
        if self.tripped is not None:  # a fresh instance: one shared object would pile up tracebacks
            raise TeacherUnavailable(self.tripped.teacher, self.tripped.count, self.tripped.last)

    def _failed(self, exc: TeacherError) -> None:
        with self._lock:
            if not exc.systemic:
                self.streak = 0
                return
            self.streak += 1
            if self.streak >= self.threshold and self.tripped is None:
                self.tripped = TeacherUnavailable(self.name, self.streak, exc)
        self._refuse()

    def _answered(self) -> None:
        with self._lock:
            self.streak = 0

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        self._refuse()
        try:
            response = await self.inner.acomplete(request)
        except TeacherError as exc:
            self._failed(exc)
            raise
        self._answered()
        return response

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        self._refuse()
        try:
            response = self.inner.complete(request)
        except TeacherError as exc:
            self._failed(exc)
            raise
        self._answered()
        return response
