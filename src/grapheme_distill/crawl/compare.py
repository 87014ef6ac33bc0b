"""Reproducibility of two crawls: how much of their entities and facts overlap.

As the miniGPTKB study measures it, two runs (another seed, temperature, model or day) are
compared on what they hold, not on how they got there: entities by normalised name, facts as
name-level tuples (``subject predicate object`` with negation, ``entity attribute = value``,
hierarchy and linguistic items), since the two stores' ids are only equal when names are.
Jaccard is the headline; each side's share found in the other says which run knows more.
"""

from __future__ import annotations

from pydantic import BaseModel

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.store.base import GraphReader

__all__ = ["CrawlComparison", "Overlap", "compare_stores", "facts_of"]


class Overlap(BaseModel):
    a: int
    b: int
    both: int
    jaccard: float
    a_in_b: float  # share of A's found in B
    b_in_a: float


class CrawlComparison(BaseModel):
    entities: Overlap
    facts: Overlap


def _overlap(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> Overlap:
    both = len(a & b)
    union = len(a | b)
    return Overlap(
        a=len(a),
        b=len(b),
        both=both,
        jaccard=round(both / union, 4) if union else 1.0,
        a_in_b=round(both / len(a), 4) if a else 1.0,
        b_in_a=round(both / len(b), 4) if b else 1.0,
    )


def facts_of(graph: KnowledgeGraph) -> set[tuple[str, ...]]:
    """A graph's facts as name-level tuples (comparable across stores)."""
    names = {eid: normalise_name(e.name) for eid, e in graph.entities.items()}

    def n(eid: str | None) -> str:
        return names.get(eid or "", eid or "")

    facts: set[tuple[str, ...]] = set()
    for r in graph.relations.values():
        facts.add(("rel", n(r.subject), normalise_name(r.predicate), n(r.object), str(r.negated)))
    for a in graph.attributes.values():
        facts.add(("attr", n(a.entity), normalise_name(a.name), normalise_name(a.value)))
    for h in graph.hierarchy.values():
        facts.add(("hier", n(h.parent), h.relation.value, n(h.child)))
    for li in graph.linguistic.values():
        facts.add(("ling", n(li.entity), li.relation.value, normalise_name(li.value)))
    for p in graph.procedures.values():
        facts.add(("proc", normalise_name(p.goal), *(normalise_name(s) for s in p.steps)))
    return facts


def compare_stores(a: GraphReader, b: GraphReader) -> CrawlComparison:
    """Overlap of entities and facts between two stores (A and B)."""
    ga, gb = a.to_knowledge_graph(), b.to_knowledge_graph()
    ents_a: set[tuple[str, ...]] = {(normalise_name(e.name),) for e in ga.entities.values()}
    ents_b: set[tuple[str, ...]] = {(normalise_name(e.name),) for e in gb.entities.values()}
    return CrawlComparison(
        entities=_overlap(ents_a, ents_b), facts=_overlap(facts_of(ga), facts_of(gb))
    )
