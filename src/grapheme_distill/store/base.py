"""The store seam: a persistent, incremental knowledge graph with the evidence behind it.

:class:`GraphStore` is what the pipeline, the CLI and the exporters talk to; SQLite is the default
backend and others can follow behind the same protocol.  A store keeps every teacher call (by the
content hash of its request), every observation (which item, which call, which extractor@version,
which span, what confidence) and the items they support, so that confidence is recomputable
(noisy-or over independent sources) and ingesting the same evidence twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import DistilledKnowledge, Entity
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse

__all__ = ["GraphStore", "StoreStats"]


class StoreStats(BaseModel):
    entities: int
    aliases: int
    relations: int
    attributes: int
    procedures: int
    hierarchy: int
    linguistic: int
    observations: int
    teacher_calls: int
    soft_targets: int
    runs: int
    failures: int
    contradictions: int
    schema_version: int


@runtime_checkable
class GraphStore(Protocol):
    """A persistent knowledge graph.  All writes are transactional: a failure or a kill leaves the
    store as it was after the last committed call."""

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; commits on success, rolls back on error (nestable)."""
        ...

    def record_call(
        self,
        request: TeacherRequest,
        response: TeacherResponse,
        *,
        prompt_template: str | None = None,
        prompt_template_hash: str | None = None,
        run_id: str | None = None,
    ) -> str:
        """Keep one teacher exchange; returns its call hash.  A deterministic request
        (temperature 0) is keyed by its content hash and keeps its first answer; a sampled one
        keeps each distinct answer under its own hash (``exchange_key``), the same answer once."""
        ...

    def get_call(self, call_hash: str) -> tuple[TeacherRequest, TeacherResponse] | None: ...

    def add_knowledge(self, knowledge: DistilledKnowledge, *, run_id: str | None = None) -> int:
        """Upsert entities and items and add one observation per item; returns how many
        observations were new (0 when this evidence was already stored)."""
        ...

    def add_soft_target(self, target: SoftTarget, *, call_hash: str | None = None) -> bool: ...

    def iter_soft_targets(self) -> Iterator[SoftTarget]: ...

    def begin_run(self, kind: str, params: dict[str, Any]) -> str: ...

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None: ...

    def record_failure(self, run_id: str | None, source: str, reason: str, raw: str = "") -> None:
        """Keep a failed document/request with its reason (it is retried on resume)."""
        ...

    def find_entities(self, name: str) -> list[Entity]: ...

    def neighbourhood(self, entity_id: str) -> KnowledgeGraph:
        """The entity, every item touching it and the entities at their other ends."""
        ...

    def to_knowledge_graph(self) -> KnowledgeGraph:
        """Everything, with evidence, as an in-memory graph."""
        ...

    def stats(self) -> StoreStats: ...

    def close(self) -> None: ...
