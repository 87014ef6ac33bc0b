"""``replay``: a teacher that answers from recorded exchanges instead of asking an LLM.

Replay is just another teacher: the pipeline, the extractors and the CLI run unchanged against
recorded transcripts or a store's call log, offline and deterministically.  A request is looked up
by its content hash (:meth:`TeacherRequest.content_hash` — messages, model, sampling parameters), so
a recording is only served for the request that produced it.  ``strict`` replay raises
:class:`ReplayMiss` on an unknown request; lenient replay answers with an empty response
(``finish_reason="replay_miss"``), and counts and lists the misses so a caller can report them.
With ``match_prompt`` a miss by hash falls back to the prompt text alone (any model and sampling
parameters), for recordings made with settings that no longer match exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from grapheme_distill.errors import ReplayMiss
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.transcripts import Exchange, TranscriptReader

if TYPE_CHECKING:  # typing only: teachers do not depend on stores
    from grapheme_distill.store.base import CallLog

__all__ = ["ReplayTeacher"]


class ReplayTeacher:
    """Serves recorded responses by request hash.

    Args:
        exchanges: recorded exchanges, or (request, response) pairs.  When one request was recorded
            more than once, the first answer is served (as a store keeps it).
        strict: raise :class:`ReplayMiss` on a miss (default); otherwise count it and answer "".
        match_prompt: on a hash miss, serve the first recording with the same prompt text.
    """

    name = "replay"
    supports_logprobs = True

    def __init__(
        self,
        exchanges: Iterable[Exchange | tuple[TeacherRequest, TeacherResponse]],
        *,
        strict: bool = True,
        match_prompt: bool = False,
    ) -> None:
        self.strict = strict
        self.match_prompt = match_prompt
        self._by_hash: dict[str, TeacherResponse] = {}
        self._by_prompt: dict[str, TeacherResponse] = {}
        for ex in exchanges:
            request, response = (ex.request, ex.response) if isinstance(ex, Exchange) else ex
            self._by_hash.setdefault(request.content_hash(), response)
            self._by_prompt.setdefault(request.text, response)
        self.hits = 0
        self.misses: list[str] = []

    @classmethod
    def from_transcripts(
        cls,
        paths: Iterable[str | Path],
        *,
        strict: bool = True,
        skip_bad: bool = False,
        match_prompt: bool = False,
    ) -> ReplayTeacher:
        """Replay JSONL transcripts (any shape :mod:`grapheme_distill.transcripts` reads)."""
        return cls(
            TranscriptReader(paths, skip_bad=skip_bad), strict=strict, match_prompt=match_prompt
        )

    @classmethod
    def from_store(
        cls, store: CallLog, *, strict: bool = True, match_prompt: bool = False
    ) -> ReplayTeacher:
        """Replay every call a store has recorded."""
        return cls(store.iter_calls(), strict=strict, match_prompt=match_prompt)

    def __len__(self) -> int:
        return len(self._by_hash)

    def complete(self, request: TeacherRequest) -> TeacherResponse:
        """The recorded answer to ``request``.

        Raises:
            ReplayMiss: strict replay has no recording of this request.
        """
        key = request.content_hash()
        found = self._by_hash.get(key)
        if found is None and self.match_prompt:
            found = self._by_prompt.get(request.text)
        if found is None:
            if self.strict:
                raise ReplayMiss(key)
            self.misses.append(key)
            return TeacherResponse(
                text="", model=request.model, finish_reason="replay_miss", request_hash=key
            )
        self.hits += 1
        return found.model_copy(update={"request_hash": key, "cached": True, "latency_s": 0.0})

    async def acomplete(self, request: TeacherRequest) -> TeacherResponse:
        """Async twin of :meth:`complete` (nothing to wait for)."""
        return self.complete(request)

    def report(self) -> dict[str, int]:
        """Hits and misses so far (lenient replay reports misses here instead of failing)."""
        return {"recordings": len(self._by_hash), "hits": self.hits, "misses": len(self.misses)}
