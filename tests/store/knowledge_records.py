"""Builders shared by the store tests: entities, knowledge records, and a store of either kind."""

from __future__ import annotations

from pathlib import Path

from grapheme_distill import (
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    KnowledgeType,
    LinguisticItem,
    Provenance,
    Relation,
)
from grapheme_distill.store import GraphStore, MemoryStore, open_store

#: The GraphStore implementations every protocol test runs against.
STORE_KINDS = ("sqlite", "memory")


def make_store(
    kind: str, tmp_path: Path, *, fuzzy_threshold: float | None = None, name: str = "g.db"
) -> GraphStore:
    if kind == "sqlite":
        return open_store(tmp_path / name, fuzzy_threshold=fuzzy_threshold)
    return MemoryStore(fuzzy_threshold=fuzzy_threshold)


def ent(name: str, etype: EntityType = EntityType.CONCEPT, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(name=name, type=etype, aliases=aliases)


def record(
    triples: list[tuple[Entity, str, Entity, float]],
    *,
    source: str,
    extractor: str = "rules@1",
    negated: bool = False,
    extra_entities: tuple[Entity, ...] = (),
    linguistic: tuple[LinguisticItem, ...] = (),
) -> DistilledKnowledge:
    rels = tuple(
        Relation(subject=s.id, predicate=p, object=o.id, confidence=c, negated=negated, span=(0, 5))
        for s, p, o, c in triples
    )
    ents = {e.id: e for s, _, o, _ in triples for e in (s, o)}
    ents.update({e.id: e for e in extra_entities})
    return DistilledKnowledge(
        knowledge_type=KnowledgeType.RELATIONAL,
        prompt=f"prompt {source}",
        response=f"answer {source} {negated}",
        entities=tuple(ents.values()),
        items=(*rels, *linguistic),
        confidence=Confidence(value=0.9),
        provenance=Provenance(extractor=extractor, call_hash=source),
    )


PARIS, FRANCE = ent("Paris", EntityType.LOCATION), ent("France", EntityType.LOCATION)
