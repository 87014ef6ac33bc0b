"""The recording layer: every real exchange goes to a store (``record_call``) or a callable, such
as :class:`TranscriptWriter`, which leaves a JSONL transcript that ``replay`` serves offline.

Only requests and answers are written, never headers or configuration, so no API key can reach a
store or a transcript.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers.base import TeacherWrapper, resolve_request
from grapheme_distill.teachers.wrappers.caching import store_lock

if TYPE_CHECKING:  # the store slices, for typing only: teachers do not depend on stores
    from grapheme_distill.store.base import CallRecorder

__all__ = ["RecordingTeacher", "TranscriptWriter"]


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
