"""The store seam: a persistent, incremental knowledge graph with the evidence behind it.

:class:`GraphStore` is what the pipeline, the CLI and the exporters talk to; SQLite is the default
backend (:mod:`grapheme_distill.store.sqlite`) and :class:`~grapheme_distill.store.memory.MemoryStore`
implements the same protocol in memory, which is what keeps the protocol honest: the store tests
run against both.  A store keeps every teacher call (by :func:`~grapheme_distill.model.hashing.exchange_key`),
every observation (which item, which source, which extractor@version, which span, what confidence)
and the items they support, so that confidence is recomputable (noisy-or over independent sources)
and ingesting the same evidence twice changes nothing.

One protocol, cut in slices.  :class:`GraphStore` is the sum of narrow protocols — :class:`CallLog`
(teacher exchanges and which extractor processed them; its :class:`CallRecorder` part is all a
recording teacher needs), :class:`KnowledgeWriter` (entities, items
and observations), :class:`SoftTargetLog`, :class:`RunLog` (runs and failures) and
:class:`GraphReader` — so that a caller type-hints only what it uses (a replay teacher needs a
:class:`CallLog`, a merge a :class:`KnowledgeWriter`) and a new backend can be written, and tested,
one slice at a time.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple, Protocol, runtime_checkable

from pydantic import BaseModel

from grapheme_distill.model.functional import DEFAULT_PROPERTIES, Conflict, FunctionalProperty
from grapheme_distill.model.graph import Evidence, KnowledgeGraph
from grapheme_distill.model.knowledge import DistilledKnowledge, Entity, Item, Relation, Span
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse

__all__ = [
    "CallLog",
    "CallRecorder",
    "GraphChunk",
    "GraphReader",
    "GraphStore",
    "KnowledgeWriter",
    "Observation",
    "RunLog",
    "SoftTargetLog",
    "StoreStats",
    "Transactional",
    "best_evidence",
    "stored_noisy_or",
]


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


class Observation(NamedTuple):
    """One piece of evidence for one item, as it is stored (a tuple: built a million times)."""

    item: Item
    source: str
    extractor: str
    confidence: float
    span: Span | None = None


def stored_noisy_or(per_source: dict[str, float]) -> float:
    """The confidence a store keeps for an item whose sources gave ``per_source`` (each source's
    best observation): one source keeps its value exactly; otherwise ``1 − exp(Σ ln(1 − cₛ))``,
    which is how SQLite computes it, so every backend stores the same numbers for the same
    evidence (:func:`~grapheme_distill.model.graph.noisy_or` is the same rule as a product)."""
    values = list(per_source.values())
    if len(values) == 1:
        return values[0]
    if max(values) >= 1.0:
        return 1.0
    return 1.0 - math.exp(sum(math.log(1.0 - c) for c in values))


def best_evidence(rows: Iterable[Sequence[Any]]) -> dict[str, dict[str, Evidence]]:
    """Per item and source, the most confident of the observation rows ``(item_id, source,
    extractor, span_start, span_end, confidence)`` (the first of equals): the evidence a
    :class:`~grapheme_distill.model.graph.KnowledgeGraph` keeps for an item."""
    out: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for item_id, source, extractor, s0, s1, conf in rows:
        old = out[item_id].get(source)
        if old is None or conf > old.confidence:
            out[item_id][source] = Evidence(
                source=source,
                extractor=extractor,
                confidence=conf,
                span=(s0, s1) if s0 is not None else None,
            )
    return dict(out)


def alias_pairs(
    entities: Iterable[Entity], observations: Iterable[Observation]
) -> list[tuple[str, str]]:
    """``(entity id, alias)`` for every alias a batch teaches — its entities' aliases, then its
    alias, abbreviation and synonym items — in order: what late merges look up."""
    from grapheme_distill.model.knowledge import LinguisticItem
    from grapheme_distill.model.references import ALIAS_KINDS

    pairs = [(e.id, a) for e in entities for a in e.aliases]
    pairs += [
        (o.item.entity, o.item.value)
        for o in observations
        if isinstance(o.item, LinguisticItem) and o.item.relation in ALIAS_KINDS
    ]
    return pairs


class GraphChunk(NamedTuple):
    """One piece of a graph read a chunk at a time (:meth:`GraphReader.iter_graph`).

    The chunks cut the id space into consecutive ranges: ``graph`` holds the entities whose ids
    fall in this chunk's range, the items whose ids fall in the same range, and those items'
    evidence.  Entity and item ids are content hashes spread evenly over one space, so a range
    holds its share of both, and a store reads each range sequentially (entities, each item
    table and the observations are all keyed by id).  An item's entities are usually in other
    chunks: ``names`` (shared by all chunks of one read, not copied) maps every stored entity id
    to its name, so a writer can name both ends of an item; an id it lacks is no stored entity.
    Contradictions span chunks (an asserted and a negated relation have different ids): read them
    with :meth:`GraphReader.contradictions`.
    """

    graph: KnowledgeGraph
    names: Mapping[str, str]


@runtime_checkable
class Transactional(Protocol):
    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; commits on success, rolls back on error (nestable)."""
        ...


@runtime_checkable
class CallRecorder(Protocol):
    """The narrowest slice: somewhere to keep exchanges (what a recording teacher needs)."""

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
        """Keep one teacher exchange; returns its key (:meth:`CallLog.call_key`).  A
        deterministic request (temperature 0) keeps its first answer; a sampled one keeps each
        distinct answer under its own key, the same answer once."""
        ...


@runtime_checkable
class CallLog(CallRecorder, Protocol):
    """Teacher exchanges, keyed by :func:`~grapheme_distill.model.hashing.exchange_key`, and
    which extractor@version already turned each into knowledge (what a resumed run skips)."""

    def call_key(self, request: TeacherRequest, response: TeacherResponse) -> str:
        """The key this exchange is (or will be) recorded under."""
        ...

    def get_call(self, call_hash: str) -> tuple[TeacherRequest, TeacherResponse] | None:
        """The exchange recorded under ``call_hash``; given a request's hash, its first answer."""
        ...

    def has_call(self, call_hash: str) -> bool: ...

    def iter_calls(self) -> Iterator[tuple[TeacherRequest, TeacherResponse]]:
        """Every recorded exchange, oldest first."""
        ...

    def call_sources(self, call_hashes: Sequence[str]) -> dict[str, str]:
        """Where each call came from (``file:line``), for the calls that have a source."""
        ...

    def usage_totals(self) -> dict[str, float]:
        """``calls``, ``prompt_tokens``, ``completion_tokens`` and ``latency_s`` recorded."""
        ...

    def is_processed(self, call_hash: str, extractor: str) -> bool: ...

    def mark_processed(self, call_hash: str, extractor: str, run_id: str | None = None) -> None: ...


@runtime_checkable
class KnowledgeWriter(Transactional, Protocol):
    """Entities (resolved on the way in), items and their observations."""

    def add_knowledge(self, knowledge: DistilledKnowledge, *, run_id: str | None = None) -> int:
        """Upsert entities and items and add one observation per item; returns how many
        observations were new (0 when this evidence was already stored)."""
        ...

    def add_knowledge_many(
        self, records: Iterable[DistilledKnowledge], *, run_id: str | None = None
    ) -> int: ...

    def add_observations(
        self, entities: Sequence[Entity], observations: Sequence[Observation]
    ) -> int:
        """Upsert ``entities``, then the observed items (references rewritten to canonical
        entities) and their observations; returns how many observations were new."""
        ...

    def upsert_entity(self, entity: Entity) -> tuple[str, bool]:
        """Resolve and insert ``entity``; returns (canonical id, whether it is new)."""
        ...

    def resolve_existing(self, entity: Entity) -> str | None:
        """The stored entity ``entity`` would merge into, or None (nothing is written)."""
        ...

    def existing_items(self, item_ids: Sequence[str]) -> set[str]: ...

    def fact_ids(self, entity_id: str) -> list[str]:
        """Ids of the items that state facts *about* ``entity_id`` (it is their owner)."""
        ...

    def delete_items(self, item_ids: Sequence[str]) -> int:
        """Remove items and their observations; returns how many items were removed."""
        ...

    def recompute_confidence(self) -> int:
        """Recompute every item's confidence from its observations; returns how many changed."""
        ...

    def merge_entities(self, from_id: str, into_id: str, *, reason: str = "") -> int:
        """Merge a stored entity into another after the fact (items, observations, aliases and
        redirects rewritten in one transaction, logged); returns the merge's id.  Adding knowledge
        does this by itself when a new alias is the name of another stored entity."""
        ...

    def merges(self) -> list[dict[str, Any]]:
        """The merge log, oldest first (id, from_id, into_id, name, type, reason, at, items,
        undone_at)."""
        ...

    def unmerge(self, merge_id: int) -> dict[str, Any]:
        """Take a merge back exactly; raises StoreError when a later merge of the same entities
        is still in force."""
        ...


@runtime_checkable
class SoftTargetLog(Protocol):
    """The teacher's distributions, kept for training."""

    def add_soft_target(self, target: SoftTarget, *, call_hash: str | None = None) -> bool:
        """Keep a teacher distribution; returns False when it was already stored."""
        ...

    def iter_soft_targets(self, call_hash: str | None = None) -> Iterator[SoftTarget]: ...


@runtime_checkable
class RunLog(Protocol):
    """Runs (what was asked, what it did) and failed inputs (retried on resume)."""

    def begin_run(self, kind: str, params: dict[str, Any]) -> str: ...

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None: ...

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first: ``id``, ``kind``, ``params``, ``started_at``,
        ``finished_at``, ``summary``."""
        ...

    def record_failure(self, run_id: str | None, source: str, reason: str, raw: str = "") -> None:
        """Keep a failed document/request with its reason (it is retried on resume)."""
        ...

    def failures(self, run_id: str | None = None) -> list[dict[str, Any]]: ...

    def clear_failures(self, source: str) -> None:
        """Forget earlier failures of ``source`` (it has now been processed)."""
        ...


@runtime_checkable
class GraphReader(Protocol):
    """Reading the graph back, with its evidence."""

    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose id, normalised name or alias matches ``name`` (best connected first)."""
        ...

    def entity_name(self, name: str) -> str | None:
        """The name of ``find_entities(name)``'s first entity (None: none matches) — what a
        crawl asks of every name an answer discovers, so a store may answer it more cheaply."""
        ...

    def get_entity(self, entity_id: str) -> Entity | None: ...

    def neighbourhood(self, entity_id: str) -> KnowledgeGraph:
        """The entity, every item touching it and the entities at their other ends."""
        ...

    def to_knowledge_graph(self) -> KnowledgeGraph:
        """Everything, with evidence, as an in-memory graph."""
        ...

    def iter_graph(self, chunk_size: int = 2000) -> Iterator[GraphChunk]:
        """Everything :meth:`to_knowledge_graph` returns, a range of ids at a time: ``chunk_size``
        entities (in id order) and the items whose ids fall in the same range, with their
        evidence (:class:`GraphChunk`) — every entity and every item exactly once.  What exports
        of a large store read, so memory holds one chunk and the entity names, not the graph."""
        ...

    def observations(self, item_id: str | None = None) -> list[tuple[Any, ...]]:
        """Raw observation rows ``(item_id, source, extractor, span_start, span_end,
        confidence)``, sorted."""
        ...

    def contradictions(self) -> list[tuple[Relation, Relation]]: ...

    def functional_conflicts(
        self, properties: Sequence[FunctionalProperty] = DEFAULT_PROPERTIES
    ) -> list[Conflict]:
        """Different values of one functional property of one entity (a second birth date, a
        second capital), each side with its evidence: :mod:`grapheme_distill.model.functional`."""
        ...

    def stats(self) -> StoreStats: ...


@runtime_checkable
class GraphStore(CallLog, KnowledgeWriter, SoftTargetLog, RunLog, GraphReader, Protocol):
    """A persistent knowledge graph: every slice above.  All writes are transactional: a failure
    or a kill leaves the store as it was after the last committed call."""

    def close(self) -> None: ...
