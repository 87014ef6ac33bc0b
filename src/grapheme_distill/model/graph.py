"""The in-memory knowledge graph: entities, items and the evidence behind each item.

Confidence grows as *independent* evidence agrees.  Evidence is keyed by its source (the teacher
call hash, or the knowledge id when there was no recorded call): the same answer seen twice is one
source, two different answers asserting the same triple are two.  An item's confidence is the
noisy-or of its sources' confidences, ``1 − Π(1 − cᵢ)``, recomputable at any time from the kept
evidence (the store does the same in SQL).  Negated and asserted versions of a relation are
distinct items and are reported by :meth:`KnowledgeGraph.contradictions`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import (
    ITEM_CLASSES,
    Attribute,
    DistilledKnowledge,
    Entity,
    HierarchyEdge,
    Item,
    LinguisticItem,
    Procedure,
    Relation,
    Span,
)

__all__ = ["Evidence", "GraphStats", "KnowledgeGraph", "noisy_or"]


def noisy_or(confidences: Iterable[float]) -> float:
    """``1 − Π(1 − cᵢ)``: the probability that at least one independent source is right."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - c
    return 1.0 - miss


class Evidence(BaseModel):
    """One independent observation of an item."""

    model_config = ConfigDict(frozen=True)

    source: str  # teacher call hash or knowledge id
    extractor: str
    confidence: float
    span: Span | None = None


class GraphStats(BaseModel):
    entities: int
    relations: int
    attributes: int
    procedures: int
    hierarchy: int
    linguistic: int
    observations: int
    contradictions: int
    average_confidence: float


@dataclass
class KnowledgeGraph:
    """Entities plus items keyed by id, with per-item evidence.  Cheap to build and to merge."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    attributes: dict[str, Attribute] = field(default_factory=dict)
    procedures: dict[str, Procedure] = field(default_factory=dict)
    hierarchy: dict[str, HierarchyEdge] = field(default_factory=dict)
    linguistic: dict[str, LinguisticItem] = field(default_factory=dict)
    evidence: dict[str, dict[str, Evidence]] = field(default_factory=dict)
    _miss: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------------ building
    def add_entity(self, entity: Entity) -> bool:
        """Add or merge (aliases are unioned).  Returns True when the entity is new."""
        old = self.entities.get(entity.id)
        if old is None:
            self.entities[entity.id] = entity
            return True
        if entity.aliases and not set(entity.aliases) <= set(old.aliases):
            merged = tuple(dict.fromkeys((*old.aliases, *entity.aliases)))
            self.entities[entity.id] = old.model_copy(update={"aliases": merged})
        return False

    def _table(self, item: Item) -> dict[str, Any]:
        return getattr(self, _TABLE_OF[item.kind])  # type: ignore[no-any-return]

    def add_item(
        self, item: Item, *, source: str | None = None, extractor: str = "unknown@0"
    ) -> bool:
        """Add one observation of ``item``; returns True when the item itself is new.

        ``source`` identifies the independent piece of evidence; without one, the item's
        confidence is taken as it is (no aggregation).
        """
        table = self._table(item)
        new = item.id not in table
        if source is None:
            if new or item.confidence > table[item.id].confidence:
                table[item.id] = item
            return new
        per_source = self.evidence.setdefault(item.id, {})
        old = per_source.get(source)
        if old is not None and item.confidence <= old.confidence:
            return new
        miss = self._miss.get(item.id)
        if miss is None:  # evidence set by a reader or a copy, not by add_item: derive it once
            miss = 1.0 - noisy_or(e.confidence for e in per_source.values()) if per_source else 1.0
        # model_construct: every field comes from already-validated models (hot path)
        per_source[source] = Evidence.model_construct(
            source=source, extractor=extractor, confidence=item.confidence, span=item.span
        )
        # Incremental noisy-or: keep Π(1 − cᵢ) per item so a popular item costs O(1) per
        # observation, not O(sources); recompute only when a factor of 0 cannot be divided out.
        if old is None:
            miss *= 1.0 - item.confidence
        elif old.confidence < 1.0:
            miss = miss / (1.0 - old.confidence) * (1.0 - item.confidence)
        else:
            miss = 1.0 - noisy_or(e.confidence for e in per_source.values())
        self._miss[item.id] = miss
        value = 1.0 - miss
        base = item if new else table[item.id]
        table[item.id] = (
            base if base.confidence == value else base.model_copy(update={"confidence": value})
        )
        return new

    def remove_item(self, item_id: str) -> Item | None:
        """Remove an item with all its evidence; returns the removed item, or None if unknown.

        The incremental noisy-or product is dropped with the evidence, so an item added again
        later starts from its new sources only instead of inheriting the removed ones.  Entities
        stay: they may be shared by other items, and an entity no item touches is still a known
        name.  An unknown id is a no-op (returning None) rather than an error, like
        :meth:`SQLiteStore.delete_items <grapheme_distill.store.sqlite.SQLiteStore.delete_items>`
        on a store, so that removing a set of ids (a REPLACE merge, a caller pruning) is
        idempotent and the same on both kinds of target; callers that must know can test the
        result.
        """
        item = self.get_item(item_id)
        if item is not None:
            del self._table(item)[item_id]
        self.evidence.pop(item_id, None)
        self._miss.pop(item_id, None)
        return item

    def add_knowledge(self, knowledge: DistilledKnowledge) -> tuple[int, int]:
        """Add everything a knowledge record carries.  Returns (new entities, new items)."""
        source = knowledge.provenance.call_hash or knowledge.id
        extractor = knowledge.provenance.extractor
        new_entities = sum(self.add_entity(e) for e in knowledge.entities)
        new_items = sum(
            self.add_item(item, source=source, extractor=extractor) for item in knowledge.items
        )
        return new_entities, new_items

    def merge(self, other: KnowledgeGraph) -> None:
        """Fold ``other`` into this graph, combining evidence source by source."""
        for entity in other.entities.values():
            self.add_entity(entity)
        for item in other.iter_items():
            sources = other.evidence.get(item.id)
            if not sources:
                self.add_item(item)
                continue
            for ev in sources.values():
                self.add_item(
                    item.model_copy(update={"confidence": ev.confidence, "span": ev.span}),
                    source=ev.source,
                    extractor=ev.extractor,
                )

    # ------------------------------------------------------------------ reading
    def iter_items(self) -> Iterator[Item]:
        yield from self.relations.values()
        yield from self.attributes.values()
        yield from self.procedures.values()
        yield from self.hierarchy.values()
        yield from self.linguistic.values()

    def get_item(self, item_id: str) -> Item | None:
        for table in (
            self.relations,
            self.attributes,
            self.procedures,
            self.hierarchy,
            self.linguistic,
        ):
            if item_id in table:
                return table[item_id]
        return None

    def find_entities(self, name: str) -> list[Entity]:
        """Entities whose normalised name or an alias matches ``name``."""
        key = normalise_name(name)
        return [
            e
            for e in self.entities.values()
            if e.key == key or any(normalise_name(a) == key for a in e.aliases)
        ]

    def neighbourhood(self, entity_id: str) -> list[Item]:
        """Every item that touches ``entity_id``, most confident first."""
        touching: list[Item] = [
            *(r for r in self.relations.values() if entity_id in (r.subject, r.object)),
            *(h for h in self.hierarchy.values() if entity_id in (h.parent, h.child)),
            *(a for a in self.attributes.values() if a.entity == entity_id),
            *(li for li in self.linguistic.values() if li.entity == entity_id),
            *(p for p in self.procedures.values() if p.entity == entity_id),
        ]
        return sorted(touching, key=lambda i: -i.confidence)

    def contradictions(self) -> list[tuple[Relation, Relation]]:
        """Pairs (asserted, negated) of relations with the same subject, predicate and object."""
        by_triple: dict[tuple[str, str, str], dict[bool, Relation]] = defaultdict(dict)
        for rel in self.relations.values():
            by_triple[rel.triple_key][rel.negated] = rel
        return [(d[False], d[True]) for d in by_triple.values() if len(d) == 2]

    def observation_count(self) -> int:
        """Independent observations behind the items (items without evidence count once)."""
        return sum(len(self.evidence.get(i.id) or (0,)) for i in self.iter_items())

    def stats(self) -> GraphStats:
        confidences = [i.confidence for i in self.iter_items()]
        return GraphStats(
            entities=len(self.entities),
            relations=len(self.relations),
            attributes=len(self.attributes),
            procedures=len(self.procedures),
            hierarchy=len(self.hierarchy),
            linguistic=len(self.linguistic),
            observations=self.observation_count(),
            contradictions=len(self.contradictions()),
            average_confidence=(sum(confidences) / len(confidences)) if confidences else 0.0,
        )

    # ------------------------------------------------------------------ shaping
    def compress(self, ratio: float, raw_observations: int | None = None) -> KnowledgeGraph:
        """Keep the most confident items so that the graph holds at most ``ratio`` × the raw
        observations it was built from (``compression_ratio``); entities no kept item touches are
        dropped.  Ties are broken by evidence count, then id, so the result is deterministic."""
        raw = raw_observations if raw_observations is not None else self.observation_count()
        budget = max(1, math.ceil(ratio * raw)) if raw else 0
        ranked = sorted(
            self.iter_items(),
            key=lambda i: (-i.confidence, -len(self.evidence.get(i.id, ())), i.id),
        )
        out = KnowledgeGraph()
        for item in ranked[:budget]:
            out._table(item)[item.id] = item
            if item.id in self.evidence:
                out.evidence[item.id] = dict(self.evidence[item.id])
                out._miss[item.id] = self._miss.get(item.id, 1.0 - item.confidence)
        for ent_id in out.referenced_entities():
            if ent_id in self.entities:
                out.entities[ent_id] = self.entities[ent_id]
        return out

    def referenced_entities(self) -> set[str]:
        ids: set[str] = set()
        for r in self.relations.values():
            ids.update((r.subject, r.object))
        for h in self.hierarchy.values():
            ids.update((h.parent, h.child))
        ids.update(a.entity for a in self.attributes.values())
        ids.update(li.entity for li in self.linguistic.values())
        ids.update(p.entity for p in self.procedures.values() if p.entity)
        return ids

    # ------------------------------------------------------------------ serialisation
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` restores an equal graph."""
        return {
            "format": "grapheme-distill.knowledge-graph.v1",
            "entities": [e.model_dump(mode="json") for e in self.entities.values()],
            "items": [i.model_dump(mode="json") for i in self.iter_items()],
            "evidence": {
                item_id: [e.model_dump(mode="json") for e in per.values()]
                for item_id, per in self.evidence.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KnowledgeGraph:
        graph = cls()
        for e in data.get("entities", []):
            ent = Entity.model_validate(e)
            graph.entities[ent.id] = ent
        for raw in data.get("items", []):
            model = ITEM_CLASSES[raw["kind"]]
            item: Item = model.model_validate(raw)
            graph._table(item)[item.id] = item
        for item_id, evs in data.get("evidence", {}).items():
            graph.evidence[item_id] = {ev["source"]: Evidence.model_validate(ev) for ev in evs}
            graph._miss[item_id] = 1.0 - noisy_or(
                e.confidence for e in graph.evidence[item_id].values()
            )
        return graph

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KnowledgeGraph):
            return NotImplemented
        return (
            self.entities == other.entities
            and self.relations == other.relations
            and self.attributes == other.attributes
            and self.procedures == other.procedures
            and self.hierarchy == other.hierarchy
            and self.linguistic == other.linguistic
            and self.evidence == other.evidence
        )


_TABLE_OF = {
    "relation": "relations",
    "attribute": "attributes",
    "procedure": "procedures",
    "hierarchy": "hierarchy",
    "linguistic": "linguistic",
}
