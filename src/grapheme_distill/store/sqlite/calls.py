"""The teacher-call log: every exchange once, and which extractor already processed it.

A call is keyed by :func:`~grapheme_distill.model.hashing.exchange_key` (the request's hash when
the teacher is deterministic, request and answer when it sampled), which is also the evidence
source of what the call taught.  Only the request and the response are kept — never headers or a
teacher's configuration, so no API key can reach the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from grapheme_distill.model.hashing import exchange_key
from grapheme_distill.store.sqlite.connection import SQLiteConnection, now
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, TokenLogprob, Usage

__all__ = ["CallsMixin"]


class CallsMixin(SQLiteConnection):
    """:class:`~grapheme_distill.store.base.CallLog` over ``teacher_calls`` and ``processed``."""

    def call_key(self, request: TeacherRequest, response: TeacherResponse) -> str:
        """The key this exchange is (or will be) recorded under: :func:`exchange_key`, except that
        a sampled answer recorded before schema version 4 (keyed by its request alone) keeps its
        old key, so re-reading an old transcript line stays a no-op."""
        request_hash = request.content_hash()
        key = exchange_key(request_hash, request.temperature, response.text, request.recorded_as)
        if key == request_hash:
            return key
        if request.recorded_as is not None:  # the same answer read before lines had identities
            old = self._rows(
                "SELECT 1 FROM teacher_calls WHERE call_hash = ? AND response = ?",
                (request_hash, response.text),
            )
            return request_hash if old else key
        rows = self._rows(
            "SELECT call_hash FROM teacher_calls WHERE request_hash = ? AND response = ? LIMIT 1",
            (request_hash, response.text),
        )
        return str(rows[0][0]) if rows else key

    def record_call(
        self,
        request: TeacherRequest,
        response: TeacherResponse,
        *,
        prompt_template: str | None = None,
        prompt_template_hash: str | None = None,
        run_id: str | None = None,
        source: str | None = None,
    ) -> str:
        """Keep one teacher exchange; returns its key (:meth:`call_key`).

        A deterministic request (temperature 0) has one answer: the first recorded one is kept and
        a later one is the same call.  A sampled request keeps every distinct answer as its own
        call, so two samples are two independent sources of evidence, while the same answer read
        again (the same transcript line, in any file) is the same call.
        """
        call_hash = self.call_key(request, response)
        logprobs = (
            json.dumps([t.model_dump() for t in response.logprobs])
            if response.logprobs is not None
            else None
        )
        row = (
            call_hash,
            response.model or request.model,
            prompt_template,
            prompt_template_hash,
            json.dumps(request.sampling_params(), sort_keys=True),
            request.model_dump_json(),
            request.text,
            response.text,
            logprobs,
            response.latency_s,
            response.usage.prompt_tokens,
            response.usage.completion_tokens,
            response.finish_reason,
            source,
            run_id,
            now(),
            request.content_hash(),
        )
        self._write(
            "INSERT OR IGNORE INTO teacher_calls(call_hash, model, prompt_template, "
            "template_hash, params, request, prompt, response, logprobs, latency_s, "
            "prompt_tokens, completion_tokens, finish_reason, source, run_id, created_at, "
            "request_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        return call_hash

    def call_sources(self, call_hashes: Sequence[str]) -> dict[str, str]:
        """Where each call came from (``file:line`` for transcripts), for provenance display."""
        return {
            h: src
            for h, src in self._chunked_rows(
                "SELECT call_hash, source FROM teacher_calls WHERE call_hash IN ({ids})",
                list(call_hashes),
            )
            if src
        }

    def has_call(self, call_hash: str) -> bool:
        return bool(self._rows("SELECT 1 FROM teacher_calls WHERE call_hash = ?", (call_hash,)))

    def get_call(self, call_hash: str) -> tuple[TeacherRequest, TeacherResponse] | None:
        """The exchange recorded under ``call_hash``; given a request's hash, its first recorded
        answer (what a cache or a replay of that request serves, sampled or not)."""
        columns = (
            "SELECT request, response, model, logprobs, latency_s, prompt_tokens, "
            "completion_tokens, finish_reason, request_hash FROM teacher_calls "
        )
        # one query (a crawl asks this before every request, and it usually finds nothing): the
        # call itself if recorded, else the request's first answer
        rows = self._rows(
            columns + "WHERE call_hash = ?1 OR request_hash = ?1 "
            "ORDER BY call_hash = ?1 DESC, rowid LIMIT 1",
            (call_hash,),
        )
        if not rows:
            return None
        req, text, model, logprobs, latency, p_tok, c_tok, finish, request_hash = rows[0]
        response = TeacherResponse(
            text=text,
            model=model,
            logprobs=(
                tuple(TokenLogprob.model_validate(t) for t in json.loads(logprobs))
                if logprobs is not None
                else None
            ),
            usage=Usage(prompt_tokens=p_tok, completion_tokens=c_tok),
            latency_s=latency,
            finish_reason=finish,
            request_hash=request_hash,
        )
        return TeacherRequest.model_validate_json(req), response

    def iter_calls(self) -> Iterator[tuple[TeacherRequest, TeacherResponse]]:
        """Every recorded exchange, oldest first (what a replay teacher can serve)."""
        for (call_hash,) in self._rows(
            "SELECT call_hash FROM teacher_calls ORDER BY created_at, rowid"
        ):
            pair = self.get_call(call_hash)
            if pair is not None:
                yield pair

    def is_processed(self, call_hash: str, extractor: str) -> bool:
        """Whether ``extractor`` (``name@version``) already turned this call into knowledge."""
        return bool(
            self._rows(
                "SELECT 1 FROM processed WHERE call_hash = ? AND extractor = ?",
                (call_hash, extractor),
            )
        )

    def mark_processed(self, call_hash: str, extractor: str, run_id: str | None = None) -> None:
        """Remember that ``extractor`` processed this call (commit it with the knowledge)."""
        self._write(
            "INSERT OR IGNORE INTO processed(call_hash, extractor, run_id) VALUES (?, ?, ?)",
            (call_hash, extractor, run_id),
        )

    def usage_totals(self) -> dict[str, float]:
        """Calls, tokens and teacher latency recorded so far (cost visibility)."""
        row = self._rows(
            "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0),"
            " COALESCE(SUM(latency_s), 0) FROM teacher_calls"
        )[0]
        return {
            "calls": row[0],
            "prompt_tokens": row[1],
            "completion_tokens": row[2],
            "latency_s": row[3],
        }
