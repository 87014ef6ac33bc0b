"""A content hash of what a store knows: the test of "the same store" across runs and backends.

Two stores are the same when they hold the same entities (with aliases), the same items (every
field, confidence included), the same observations (item, source, extractor, span, confidence),
the same teacher calls and the same soft targets — whatever order they were written in, whichever
backend holds them and whatever run ids or timestamps they carry (those differ on every run and
are left out on purpose).  :func:`store_fingerprint` hashes exactly that; the parts are hashed
apart (:func:`fingerprint_parts`) so a test that fails says *what* differs.

Cost: one pass over the store, in memory (the graph is built once); meant for tests, benchmarks
and checking a merge, not for a request path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, Protocol

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse

__all__ = ["fingerprint_parts", "store_fingerprint"]

_ITEM_TABLES = ("relations", "attributes", "procedures", "hierarchy", "linguistic")


class _Fingerprintable(Protocol):
    """The slices a fingerprint reads (every :class:`~grapheme_distill.store.GraphStore`)."""

    def to_knowledge_graph(self) -> KnowledgeGraph: ...

    def observations(self, item_id: str | None = None) -> list[tuple[Any, ...]]: ...

    def call_key(self, request: TeacherRequest, response: TeacherResponse) -> str: ...

    def iter_calls(self) -> Iterable[tuple[TeacherRequest, TeacherResponse]]: ...

    def iter_soft_targets(self, call_hash: str | None = None) -> Iterable[SoftTarget]: ...


def _digest(lines: Iterable[str]) -> str:
    h = hashlib.sha256()
    for line in sorted(lines):
        h.update(line.encode("utf-8", "backslashreplace"))
        h.update(b"\n")
    return h.hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def fingerprint_parts(store: _Fingerprintable) -> dict[str, str]:
    """One sha256 per part: ``entities``, one per item table, ``observations``, ``calls``,
    ``soft_targets``.  Floats are written exactly (``repr``), so a confidence that differs in the
    last bit differs here."""
    graph = store.to_knowledge_graph()
    parts = {
        "entities": _digest(
            _json([e.id, e.name, str(e.type), sorted(e.aliases)]) for e in graph.entities.values()
        ),
    }
    for table in _ITEM_TABLES:
        items = getattr(graph, table)
        parts[table] = _digest(_json(item.model_dump(mode="json")) for item in items.values())
    parts["observations"] = _digest(
        _json([repr(v) if isinstance(v, float) else v for v in row]) for row in store.observations()
    )
    parts["calls"] = _digest(
        _json(
            [
                store.call_key(req, resp),
                req.model_dump(mode="json"),
                resp.text,
                resp.model,
                resp.finish_reason,
            ]
        )
        for req, resp in store.iter_calls()
    )
    parts["soft_targets"] = _digest(
        _json(t.model_dump(mode="json")) for t in store.iter_soft_targets()
    )
    return parts


def store_fingerprint(store: _Fingerprintable) -> str:
    """``sha256:<hex>`` over :func:`fingerprint_parts`: equal exactly when the stores hold the
    same knowledge, evidence and calls."""
    parts = fingerprint_parts(store)
    return "sha256:" + _digest(f"{name}={value}" for name, value in parts.items())
