"""An in-memory :class:`~grapheme_distill.store.base.GraphStore`: the protocol without SQL.

Why it exists: a protocol with one implementation is a description of that implementation.  The
store tests run against :class:`MemoryStore` and :class:`~grapheme_distill.store.sqlite.SQLiteStore`
alike (tests/store/test_protocol.py), so anything the pipeline, merging or the CLI needs from a
store is in the protocol, and the two give the same graph for the same input.  It is also a
throw-away store for tests and notebooks that want no file.

It keeps the same facts as the SQLite store, in dicts: entities through the same resolution
(:mod:`grapheme_distill.resolution`, over a
:class:`~grapheme_distill.resolution.index.MemoryEntityIndex`), items in a
:class:`~grapheme_distill.model.graph.KnowledgeGraph`, every (item, source, extractor)
observation, and the confidence the stores share (:func:`~grapheme_distill.store.base.stored_noisy_or`).
Items keep what a store row keeps (no span: spans live with the observations).  Transactions
snapshot the state and put it back on error — simple and exact, at the cost of a copy per
transaction, which is fine for what this store is for; use SQLite for real volumes.
"""

from __future__ import annotations

import bisect
import copy
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Self

from grapheme_distill.errors import StoreError
from grapheme_distill.model.functional import (
    DEFAULT_PROPERTIES,
    Conflict,
    FunctionalProperty,
    find_conflicts,
)
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.hashing import exchange_key, normalise_name
from grapheme_distill.model.knowledge import (
    DistilledKnowledge,
    Entity,
    Item,
    LinguisticItem,
    Relation,
)
from grapheme_distill.model.references import ALIAS_KINDS, owner, remap_item, types_compatible
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.store.base import (
    GraphChunk,
    Observation,
    StoreStats,
    alias_pairs,
    best_evidence,
    stored_noisy_or,
)
from grapheme_distill.store.migrations import SCHEMA_VERSION
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage

__all__ = ["MemoryStore"]


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _json_round_trip(value: dict[str, Any]) -> dict[str, Any]:
    """What a store that keeps ``value`` as JSON gives back."""
    out: dict[str, Any] = json.loads(json.dumps(value, sort_keys=True, default=str))
    return out


@dataclass
class _Call:
    request: TeacherRequest
    response: TeacherResponse
    source: str | None


@dataclass
class _State:
    """Everything the store holds (one object, so a transaction can snapshot it)."""

    index: MemoryEntityIndex = field(default_factory=MemoryEntityIndex)
    entities: dict[str, Entity] = field(default_factory=dict)  # canonical entities, no aliases
    graph: KnowledgeGraph = field(default_factory=KnowledgeGraph)  # items, no evidence
    #: (item id, source, extractor) -> (span start, span end, confidence); the first one stays
    observations: dict[tuple[str, str, str], tuple[int | None, int | None, float]] = field(
        default_factory=dict
    )
    calls: dict[str, _Call] = field(default_factory=dict)
    processed: set[tuple[str, str]] = field(default_factory=set)
    soft_targets: dict[str, tuple[str | None, int | None, SoftTarget]] = field(default_factory=dict)
    runs: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    #: the merge log (as SQLite's ``merges``), each entry with what unmerge needs in ``_undo``
    merges: list[dict[str, Any]] = field(default_factory=list)


class MemoryStore:
    """A :class:`~grapheme_distill.store.base.GraphStore` in memory (see the module docstring).

    Args:
        fuzzy_threshold: as for :class:`~grapheme_distill.store.sqlite.SQLiteStore`.
    """

    def __init__(self, *, fuzzy_threshold: float | None = None) -> None:
        self.fuzzy_threshold = fuzzy_threshold
        self._state = _State()

    # ------------------------------------------------------------------ plumbing
    @property
    def schema_version(self) -> int:
        """The SQLite schema version whose facts this store keeps."""
        return SCHEMA_VERSION

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: on any error the state goes back to what it was (nestable)."""
        snapshot = copy.deepcopy(self._state)
        try:
            yield
        except BaseException:
            self._state = snapshot
            raise

    def close(self) -> None:
        """Nothing to release; kept for the protocol."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ calls
    def call_key(self, request: TeacherRequest, response: TeacherResponse) -> str:
        return exchange_key(
            request.content_hash(), request.temperature, response.text, request.recorded_as
        )

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
        key = self.call_key(request, response)
        if key not in self._state.calls:
            # what a store row keeps of the response, so both stores give back the same one
            kept = TeacherResponse(
                text=response.text,
                model=response.model or request.model,
                logprobs=response.logprobs,
                usage=Usage(
                    prompt_tokens=response.usage.prompt_tokens,
                    completion_tokens=response.usage.completion_tokens,
                ),
                latency_s=response.latency_s,
                finish_reason=response.finish_reason,
                request_hash=request.content_hash(),
            )
            self._state.calls[key] = _Call(request, kept, source)
        return key

    def get_call(self, call_hash: str) -> tuple[TeacherRequest, TeacherResponse] | None:
        call = self._state.calls.get(call_hash)
        if call is None:
            call = next(
                (c for c in self._state.calls.values() if c.response.request_hash == call_hash),
                None,
            )
        return None if call is None else (call.request, call.response)

    def has_call(self, call_hash: str) -> bool:
        return call_hash in self._state.calls

    def iter_calls(self) -> Iterator[tuple[TeacherRequest, TeacherResponse]]:
        for call in list(self._state.calls.values()):
            yield call.request, call.response

    def call_sources(self, call_hashes: Sequence[str]) -> dict[str, str]:
        calls = self._state.calls
        return {h: src for h in call_hashes if h in calls and (src := calls[h].source)}

    def usage_totals(self) -> dict[str, float]:
        calls = self._state.calls.values()
        return {
            "calls": len(calls),
            "prompt_tokens": sum(c.response.usage.prompt_tokens for c in calls),
            "completion_tokens": sum(c.response.usage.completion_tokens for c in calls),
            "latency_s": sum(c.response.latency_s for c in calls),
        }

    def is_processed(self, call_hash: str, extractor: str) -> bool:
        return (call_hash, extractor) in self._state.processed

    def mark_processed(self, call_hash: str, extractor: str, run_id: str | None = None) -> None:
        self._state.processed.add((call_hash, extractor))

    # ------------------------------------------------------------------ entities
    def _resolver(self) -> EntityResolver:
        return EntityResolver(self._state.index, self.fuzzy_threshold)

    def _entity_rows(self) -> dict[str, Entity]:
        for entity in self._state.index.added_entities[len(self._state.entities) :]:
            self._state.entities[entity.id] = entity
        return self._state.entities

    def resolve_existing(self, entity: Entity) -> str | None:
        return self._resolver().find(entity)

    def upsert_entity(self, entity: Entity) -> tuple[str, bool]:
        with self.transaction():
            return self._resolver().upsert(entity)

    def _canonical(self, entity_id: str) -> str:
        return self._state.index.redirects.get(entity_id, entity_id)

    def get_entity(self, entity_id: str) -> Entity | None:
        return self._entity(self._canonical(entity_id))

    def _entity(self, entity_id: str) -> Entity | None:
        row = self._entity_rows().get(entity_id)
        if row is None:
            return None
        return Entity(
            id=row.id, name=row.name, type=row.type, aliases=self._state.index.aliases_of(row.id)
        )

    def entity_name(self, name: str) -> str | None:
        found = self.find_entities(name)
        return found[0].name if found else None

    def find_entities(self, name: str) -> list[Entity]:
        key = normalise_name(name)
        index = self._state.index
        ids = {eid for eid in index.by_key.get(key, ())}
        ids.update(index.by_alias.get(key, ()))
        if name in self._entity_rows():
            ids.add(name)
        if name in index.redirects:
            ids.add(index.redirects[name])
        found = [e for e in map(self._entity, ids) if e is not None]
        degree = {e.id: self._degree(e.id) for e in found}
        return sorted(found, key=lambda e: (-degree[e.id], e.name, e.id))

    def _degree(self, entity_id: str) -> int:
        return sum(
            ref == entity_id
            for item in self._state.graph.iter_items()
            for ref in item.entity_refs()
        )

    # ------------------------------------------------------------------ knowledge
    def add_knowledge(self, knowledge: DistilledKnowledge, *, run_id: str | None = None) -> int:
        return self.add_knowledge_many([knowledge], run_id=run_id)

    def add_knowledge_many(
        self, records: Iterable[DistilledKnowledge], *, run_id: str | None = None
    ) -> int:
        entities: list[Entity] = []
        observations: list[Observation] = []
        for record in records:
            source = record.provenance.call_hash or record.id
            entities.extend(record.entities)
            observations.extend(
                Observation(item, source, record.provenance.extractor, item.confidence, item.span)
                for item in record.items
            )
        return self.add_observations(entities, observations)

    def add_observations(
        self, entities: Sequence[Entity], observations: Sequence[Observation]
    ) -> int:
        with self.transaction():
            state = self._state
            resolver = self._resolver()
            mapping: dict[str, str] = {}
            for entity in entities:
                canon, _ = resolver.upsert(entity)
                if canon != entity.id:
                    mapping[entity.id] = canon
            new = 0
            touched: set[str] = set()
            for obs in observations:
                refs = obs.item.entity_refs()
                for ref in refs:
                    if ref not in mapping and self._canonical(ref) != ref:
                        mapping[ref] = self._canonical(ref)
                item = obs.item
                if mapping and any(r in mapping for r in refs):
                    item = remap_item(item, mapping)
                table = state.graph._table(item)
                if item.id not in table:
                    table[item.id] = item.model_copy(update={"span": None})
                    if isinstance(item, LinguisticItem) and item.relation in ALIAS_KINDS:
                        state.index.add_alias(item.entity, item.value)
                key = (item.id, obs.source, obs.extractor)
                if key not in state.observations:
                    span = obs.span
                    state.observations[key] = (
                        span[0] if span else None,
                        span[1] if span else None,
                        obs.confidence,
                    )
                    new += 1
                touched.add(item.id)
            self._recompute(touched)
            self._merge_by_aliases(alias_pairs(entities, observations))
        return new

    # ------------------------------------------------------------------ late merges
    def _merge_by_aliases(self, aliased: Iterable[tuple[str, str]]) -> list[int]:
        """As :meth:`SQLiteStore._merge_by_aliases`: entities *named* a new alias join its
        owner."""
        made: list[int] = []
        index = self._state.index
        for entity_id, alias in dict.fromkeys(aliased):
            owner_id = self._canonical(entity_id)
            if owner_id not in self._entity_rows():
                continue
            for other in list(index.by_key.get(normalise_name(alias), ())):
                if other != owner_id and types_compatible(
                    index.types[owner_id], index.types[other]
                ):
                    made.append(self.merge_entities(other, owner_id, reason=f"alias {alias!r}"))
        return made

    def merge_entities(self, from_id: str, into_id: str, *, reason: str = "") -> int:
        with self.transaction():
            state, index = self._state, self._state.index
            from_id, into_id = self._canonical(from_id), self._canonical(into_id)
            rows = self._entity_rows()
            if from_id not in rows or into_id not in rows:
                raise StoreError(
                    f"memory store: cannot merge {from_id} into {into_id}: both "
                    "must be stored entities"
                )
            if from_id == into_id:
                raise StoreError(f"memory store: {from_id} is already {into_id}")
            entity = rows.pop(from_id)
            index.added_entities = [e for e in index.added_entities if e.id != from_id]
            index.by_key[entity.key].remove(from_id)
            for table in (index.types, index.keys, index.names):
                table.pop(from_id, None)
            index._variants = None
            moved = []
            for (eid, key), alias in list(index.added_aliases.items()):
                if eid != from_id:
                    continue
                had = (into_id, key) in index.added_aliases
                moved.append((key, alias, had))
                self._drop_alias(from_id, key)
                if not had:
                    index.add_alias(into_id, alias)
            added = (into_id, entity.key) not in index.added_aliases
            index.add_alias(into_id, entity.name)
            redirected = [f for f, t in index.redirects.items() if t == from_id]
            index.redirects.update(dict.fromkeys(redirected, into_id))
            index.redirects[from_id] = into_id
            log = []
            naming = [i for i in state.graph.iter_items() if from_id in i.entity_refs()]
            for item in sorted(naming, key=lambda i: i.id):  # the order SQLite moves them in
                new = remap_item(item, {from_id: into_id})
                existed = state.graph.get_item(new.id) is not None
                if not existed:
                    state.graph._table(new)[new.id] = new
                obs = []
                for okey in [k for k in state.observations if k[0] == item.id]:
                    nkey = (new.id, okey[1], okey[2])
                    fresh = nkey not in state.observations
                    if fresh:
                        state.observations[nkey] = state.observations[okey]
                    obs.append((okey[1], okey[2], state.observations.pop(okey), fresh))
                state.graph.remove_item(item.id)
                log.append((item, new.id, existed, obs))
            self._recompute(new_id for _, new_id, _, _ in log)
            merge_id = len(state.merges) + 1
            state.merges.append(
                {
                    "id": merge_id,
                    "from_id": from_id,
                    "into_id": into_id,
                    "name": entity.name,
                    "type": entity.type.value,
                    "reason": reason,
                    "at": _now(),
                    "items": len(log),
                    "undone_at": None,
                    "_undo": (entity, moved, added, redirected, log),
                }
            )
        return merge_id

    def _drop_alias(self, entity_id: str, key: str) -> None:
        index = self._state.index
        alias = index.added_aliases.pop((entity_id, key))
        index._alias_texts[entity_id].remove(alias)
        index.by_alias[key].remove(entity_id)

    def merges(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in m.items() if k != "_undo"} for m in self._state.merges]

    def unmerge(self, merge_id: int) -> dict[str, Any]:
        with self.transaction():
            state, index = self._state, self._state.index
            found = [m for m in state.merges if m["id"] == merge_id]
            if not found:
                raise StoreError(f"memory store: no merge {merge_id} (see `merges`)")
            merge = found[0]
            if merge["undone_at"]:
                raise StoreError(
                    f"memory store: merge {merge_id} was undone at {merge['undone_at']}"
                )
            ends = {merge["from_id"], merge["into_id"]}
            later = [
                m["id"]
                for m in state.merges
                if m["id"] > merge_id and not m["undone_at"] and ends & {m["from_id"], m["into_id"]}
            ]
            if later:
                raise StoreError(
                    f"memory store: merge {merge_id} is followed by merges "
                    f"{', '.join(map(str, later))} of the same entities; "
                    "unmerge those first"
                )
            entity, moved, added, redirected, log = merge["_undo"]
            from_id, into_id = merge["from_id"], merge["into_id"]
            self._entity_rows()
            index.add_entity(entity)
            state.entities[from_id] = entity
            index._variants = None
            if added:
                self._drop_alias(into_id, entity.key)
            for key, alias, had in moved:
                if not had:
                    self._drop_alias(into_id, key)
                index.add_alias(from_id, alias)
            del index.redirects[from_id]
            index.redirects.update(dict.fromkeys(redirected, from_id))
            for item, new_id, existed, obs in log:
                for source, extractor, value, fresh in obs:
                    if fresh:
                        del state.observations[(new_id, source, extractor)]
                    state.observations[(item.id, source, extractor)] = value
                state.graph._table(item)[item.id] = item
                if not existed and not any(k[0] == new_id for k in state.observations):
                    state.graph.remove_item(new_id)
            self._recompute({i for item, new_id, _, _ in log for i in (item.id, new_id)})
            merge["undone_at"] = _now()
        return {k: v for k, v in merge.items() if k != "_undo"}

    def _recompute(self, item_ids: Iterable[str]) -> int:
        wanted = set(item_ids)
        best: dict[str, dict[str, float]] = defaultdict(dict)
        for (item_id, source, _), (_, _, conf) in sorted(self._state.observations.items()):
            if item_id in wanted:
                per = best[item_id]
                per[source] = max(conf, per.get(source, conf))
        changed = 0
        for item_id, per in best.items():
            item = self._state.graph.get_item(item_id)
            if item is None:
                continue
            value = stored_noisy_or(per)
            if abs(item.confidence - value) > 1e-12:
                self._state.graph._table(item)[item_id] = item.model_copy(
                    update={"confidence": value}
                )
                changed += 1
        return changed

    def recompute_confidence(self) -> int:
        with self.transaction():
            return self._recompute(i.id for i in self._state.graph.iter_items())

    def existing_items(self, item_ids: Sequence[str]) -> set[str]:
        graph = self._state.graph
        return {i for i in item_ids if graph.get_item(i) is not None}

    def fact_ids(self, entity_id: str) -> list[str]:
        return [i.id for i in self._state.graph.iter_items() if owner(i) == entity_id]

    def delete_items(self, item_ids: Sequence[str]) -> int:
        with self.transaction():
            state = self._state
            doomed = set(item_ids)
            removed = sum(state.graph.remove_item(i) is not None for i in doomed)
            state.observations = {k: v for k, v in state.observations.items() if k[0] not in doomed}
        return removed

    # ------------------------------------------------------------------ soft targets
    def add_soft_target(self, target: SoftTarget, *, call_hash: str | None = None) -> bool:
        position = target.metadata.get("position")
        key = target.id if call_hash is None else f"{call_hash}/{target.id}/{position}"
        if key in self._state.soft_targets:
            return False
        self._state.soft_targets[key] = (
            call_hash,
            position if isinstance(position, int) else None,
            target,
        )
        return True

    def iter_soft_targets(self, call_hash: str | None = None) -> Iterator[SoftTarget]:
        def order(kv: tuple[str, tuple[str | None, int | None, SoftTarget]]) -> tuple[Any, ...]:
            key, (call, position, _) = kv
            # as SQL orders them: NULLs first
            return (call is not None, call or "", position is not None, position or 0, key)

        rows = sorted(self._state.soft_targets.items(), key=order)
        for _, (call, _, target) in rows:
            if call_hash is None or call == call_hash:
                yield target

    # ------------------------------------------------------------------ runs and failures
    def begin_run(self, kind: str, params: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex
        self._state.runs[run_id] = {
            "id": run_id,
            "kind": kind,
            "params": _json_round_trip(params),
            "started_at": _now(),
            "finished_at": None,
            "summary": None,
        }
        return run_id

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        run = self._state.runs.get(run_id)
        if run is not None:
            run.update(finished_at=_now(), summary=_json_round_trip(summary))

    def runs(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._state.runs.values()]

    def record_failure(self, run_id: str | None, source: str, reason: str, raw: str = "") -> None:
        self._state.failures.append(
            {"run_id": run_id, "source": source, "reason": reason, "raw": raw, "created_at": _now()}
        )

    def failures(self, run_id: str | None = None) -> list[dict[str, Any]]:
        return [dict(f) for f in self._state.failures if not run_id or f["run_id"] == run_id]

    def clear_failures(self, source: str) -> None:
        self._state.failures = [f for f in self._state.failures if f["source"] != source]

    # ------------------------------------------------------------------ reading
    def _graph_of(self, items: Iterable[Item], entity_ids: Iterable[str]) -> KnowledgeGraph:
        graph = KnowledgeGraph()
        ids: set[str] = set()
        for item in items:
            graph._table(item)[item.id] = item
            ids.add(item.id)
        for eid in sorted(set(entity_ids)):
            entity = self._entity(eid)
            if entity is not None:
                graph.entities[eid] = entity
        graph.evidence.update(best_evidence(r for r in self.observations() if r[0] in ids))
        return graph

    def neighbourhood(self, entity_id: str) -> KnowledgeGraph:
        entity_id = self._canonical(entity_id)
        items = [i for i in self._state.graph.iter_items() if entity_id in i.entity_refs()]
        return self._graph_of(items, {entity_id, *(r for i in items for r in i.entity_refs())})

    def to_knowledge_graph(self) -> KnowledgeGraph:
        return self._graph_of(self._state.graph.iter_items(), self._entity_rows())

    def iter_graph(self, chunk_size: int = 2000) -> Iterator[GraphChunk]:
        """As :meth:`SQLiteStore.iter_graph <grapheme_distill.store.sqlite.SQLiteStore.iter_graph>`:
        ranges of ids, each starting at an entity id and holding ``chunk_size`` entities, and the
        items whose ids fall in each range."""
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
        ids = sorted(self._entity_rows())
        starts = ids[::chunk_size]
        items: dict[int, list[Item]] = defaultdict(list)
        for item in self._state.graph.iter_items():
            items[max(bisect.bisect_right(starts, item.id) - 1, 0)].append(item)
        rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in self.observations():
            rows[row[0]].append(row)
        names = {eid: entity.name for eid, entity in self._entity_rows().items()}
        for n in range(max(len(starts), 1 if items else 0)):
            graph = KnowledgeGraph()
            for eid in ids[n * chunk_size : (n + 1) * chunk_size]:
                entity = self._entity(eid)
                if entity is not None:
                    graph.entities[eid] = entity
            for item in sorted(items.get(n, ()), key=lambda i: i.id):
                graph._table(item)[item.id] = item
            graph.evidence.update(
                best_evidence(r for i in graph.iter_items() for r in rows.get(i.id, ()))
            )
            yield GraphChunk(graph, names)

    def observations(self, item_id: str | None = None) -> list[tuple[Any, ...]]:
        return [
            (i, source, extractor, s0, s1, conf)
            for (i, source, extractor), (s0, s1, conf) in sorted(self._state.observations.items())
            if item_id is None or i == item_id
        ]

    def functional_conflicts(
        self, properties: Sequence[FunctionalProperty] = DEFAULT_PROPERTIES
    ) -> list[Conflict]:
        return find_conflicts(self.to_knowledge_graph(), properties)

    def contradictions(self) -> list[tuple[Relation, Relation]]:
        relations = self._state.graph.relations.values()
        negated = {r.triple_key: r for r in relations if r.negated}
        pairs = [
            (r, negated[r.triple_key])
            for r in relations
            if not r.negated and r.triple_key in negated
        ]
        return sorted(pairs, key=lambda pair: pair[0].id)

    def stats(self) -> StoreStats:
        state, graph = self._state, self._state.graph
        return StoreStats(
            entities=len(self._entity_rows()),
            aliases=len(state.index.added_aliases),
            relations=len(graph.relations),
            attributes=len(graph.attributes),
            procedures=len(graph.procedures),
            hierarchy=len(graph.hierarchy),
            linguistic=len(graph.linguistic),
            observations=len(state.observations),
            teacher_calls=len(state.calls),
            soft_targets=len(state.soft_targets),
            runs=len(state.runs),
            failures=len(state.failures),
            contradictions=len(self.contradictions()),
            schema_version=self.schema_version,
        )
