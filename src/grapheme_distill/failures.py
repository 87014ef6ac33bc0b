"""What failed, and why, most common first: the library side of ``grapheme-distill failures``.

A store keeps every failure with its source (``file:line``, ``topic:<topic>#<template>``,
``cloze:<text>``) and a reason.  A run of 200 requests against a wrong key leaves 200 rows that
all say the same thing in 200 slightly different words (URLs, request ids), so a list alone hides
the one fact a user needs.  :func:`failure_kind` folds a reason to a short, stable kind (``HTTP
401``, ``cannot connect``, ``bad line: invalid JSON``, ``no knowledge accepted`` ...) and
:func:`list_failures` counts them, commonest first, next to the rows themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Protocol

from pydantic import BaseModel, Field

from grapheme_distill.errors import printable

__all__ = ["FailureRecord", "FailureReport", "failure_kind", "list_failures", "reason_key"]

_HTTP = re.compile(r"\bHTTP (\d{3})\b")
#: kinds named inside teacher error messages (grapheme_distill.teachers._http)
_TEACHER_KINDS = (
    "no API key",
    "cannot connect",
    "timed out",
    "connection failed",
    "malformed answer",
    "is unusable",
)
_CLAUSE = re.compile(r"^([^:;(]{1,60})")


class _FailureSource(Protocol):
    def failures(self, run_id: str | None = None) -> list[dict[str, Any]]: ...


class FailureRecord(BaseModel):
    """One recorded failure."""

    source: str
    reason: str
    kind: str
    run_id: str | None = None
    created_at: str | None = None


class FailureReport(BaseModel):
    """The failures of a store (or of one run), with the commonest kinds first."""

    total: int = 0
    kinds: list[tuple[str, int]] = Field(default_factory=list)
    failures: list[FailureRecord] = Field(default_factory=list)


def reason_key(exc: BaseException) -> str:
    """The summary key of a failure: its class, plus its kind when the error names one
    (``RetryableTeacherError: HTTP 503``), so the commonest reasons can be counted."""
    kind = getattr(exc, "kind", "")
    return f"{type(exc).__name__}: {kind}" if isinstance(kind, str) and kind else type(exc).__name__


def failure_kind(reason: str) -> str:
    """A short, stable kind for a stored failure reason (see the module docstring)."""
    head, sep, rest = reason.partition(": ")
    if head == "bad line" and sep:
        clause = _CLAUSE.match(rest)
        return f"bad line: {clause.group(1).strip() if clause else 'unreadable'}"
    if reason.startswith("no knowledge accepted"):
        return "no knowledge accepted"
    status = _HTTP.search(reason)
    named = next((k for k in _TEACHER_KINDS if k in reason), None)
    detail = f"HTTP {status.group(1)}" if status else named
    if sep and head.isidentifier():  # "<ErrorClass>: message"
        return f"{head}: {detail}" if detail else head
    if detail:
        return detail
    clause = _CLAUSE.match(reason)
    return clause.group(1).strip() if clause else "unknown"


def list_failures(
    store: _FailureSource, *, run_id: str | None = None, limit: int | None = None
) -> FailureReport:
    """The store's failures (of ``run_id`` only, when given), newest last, and their kinds
    counted over all of them (``limit`` only shortens the list of rows)."""
    rows = store.failures(run_id)
    records = [
        FailureRecord(
            source=printable(str(r.get("source", ""))),
            reason=printable(str(r.get("reason", ""))),
            kind=failure_kind(printable(str(r.get("reason", "")))),
            run_id=r.get("run_id"),
            created_at=r.get("created_at"),
        )
        for r in rows
    ]
    kinds = Counter(r.kind for r in records).most_common()
    shown = records if limit is None else records[-limit:]
    return FailureReport(total=len(records), kinds=kinds, failures=shown)
