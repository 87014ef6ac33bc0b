"""Merging new knowledge into an existing graph: in memory or into a store.

:class:`GraphKnowledgeApplier` applies an incoming :class:`KnowledgeGraph` to a target with one of
three strategies:

* ``ADD_ALL`` — everything is added; incoming entities that resolve to existing ones are merged.
* ``LINK_EXISTING`` — only items that touch at least one entity already present in the target are
  added (with the new entities at their other ends); the rest is skipped and counted.  This grows a
  curated graph around what it already knows without importing unrelated material.
* ``REPLACE`` — for every incoming entity that matches an existing one, the target's facts *about*
  that entity (the items it owns: relations it is the subject of, its attributes, linguistic items,
  procedures, and hierarchy edges it is the child of) are removed before the new ones are added: new
  knowledge supersedes old.

Resolution is the store's rule (same normalised name with a compatible type, then an alias), and
an in-memory target runs the very same resolver (:mod:`grapheme_distill.resolution`, over an index
of the graph's entities) instead of a look-alike, so the two kinds of target give the same graph.
Evidence travels with the
items, source by source, so confidences stay noisy-or aggregates.  :class:`ApplyResult` counts what
changed: nodes (entities) added, edges (items) added, nodes merged into existing entities, items
skipped and items replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel

from grapheme_distill.errors import InputError
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Entity, Item, LinguisticItem, Span
from grapheme_distill.model.references import ALIAS_KINDS, owner, remap_item
from grapheme_distill.resolution import EntityResolver, MemoryEntityIndex
from grapheme_distill.resolution.late import merge_by_aliases
from grapheme_distill.store import open_store
from grapheme_distill.store.base import KnowledgeWriter, Observation

__all__ = ["ApplyResult", "GraphKnowledgeApplier", "MergeStrategy", "load_graph", "merge_into"]

_MERGE_EXTRACTOR = "merge@1"


class MergeStrategy(StrEnum):
    ADD_ALL = "add_all"
    LINK_EXISTING = "link_existing"
    REPLACE = "replace"


class ApplyResult(BaseModel):
    """What applying knowledge changed in the target."""

    strategy: MergeStrategy
    nodes_added: int = 0
    edges_added: int = 0
    nodes_merged: int = 0
    edges_skipped: int = 0
    edges_replaced: int = 0
    observations_added: int = 0


def owns(item: Item, entity_id: str) -> bool:
    """Whether ``item`` states a fact *about* ``entity_id`` (what REPLACE supersedes)."""
    return owner(item) == entity_id


class GraphKnowledgeApplier:
    """Applies incoming knowledge to a target graph or store with one :class:`MergeStrategy`."""

    def __init__(self, strategy: MergeStrategy | str = MergeStrategy.ADD_ALL) -> None:
        try:
            self.strategy = MergeStrategy(strategy)
        except ValueError:
            raise InputError(
                "--strategy",
                None,
                f"unknown merge strategy {strategy!r}; use one of "
                f"{', '.join(s.value for s in MergeStrategy)}",
            ) from None

    def apply(
        self, incoming: KnowledgeGraph, target: KnowledgeGraph | KnowledgeWriter
    ) -> ApplyResult:
        """Merge ``incoming`` into ``target`` (modified in place) and count what changed."""
        if isinstance(target, KnowledgeGraph):
            return self._apply_memory(incoming, target)
        return self._apply_store(incoming, target)

    # ------------------------------------------------------------------ shared planning
    def _plan(
        self, incoming: KnowledgeGraph, resolve: Callable[[Entity], str | None]
    ) -> tuple[dict[str, str], list[Item], int, set[str]]:
        """Which incoming entities already exist, which items to add (LINK_EXISTING keeps those
        touching an existing entity), how many are skipped, and which entities are needed.

        Returns:
            (incoming id -> existing id, items to add, items skipped, incoming entity ids needed)
        """
        existing: dict[str, str] = {}
        for entity in incoming.entities.values():
            canon = resolve(entity)
            if canon is not None:
                existing[entity.id] = canon
        items = list(incoming.iter_items())
        skipped = 0
        if self.strategy is MergeStrategy.LINK_EXISTING:
            kept = [i for i in items if any(ref in existing for ref in i.entity_refs())]
            items, skipped = kept, len(items) - len(kept)
        needed = {ref for item in items for ref in item.entity_refs()}
        if self.strategy is not MergeStrategy.LINK_EXISTING:
            needed |= set(incoming.entities)
        return existing, items, skipped, needed

    @staticmethod
    def _evidence(
        incoming: KnowledgeGraph, item: Item
    ) -> list[tuple[str, str, float, Span | None]]:
        """Each observation of ``item`` as (source, extractor, confidence, span): the span is the
        observation's own (two answers quote one fact at different places), not the item's."""
        per = incoming.evidence.get(item.id)
        if not per:
            return [(f"merge:{item.id}", _MERGE_EXTRACTOR, item.confidence, item.span)]
        return [(ev.source, ev.extractor, ev.confidence, ev.span) for ev in per.values()]

    # ------------------------------------------------------------------ in memory
    def _apply_memory(self, incoming: KnowledgeGraph, target: KnowledgeGraph) -> ApplyResult:
        result = ApplyResult(strategy=self.strategy)
        index = MemoryEntityIndex.of_entities(target.entities.values())
        resolver = EntityResolver(index)  # the store's rule, so both targets give one graph
        existing, items, result.edges_skipped, needed = self._plan(incoming, resolver.find)
        if self.strategy is MergeStrategy.REPLACE:
            owners = {existing[e] for e in needed if e in existing}
            doomed = [i.id for i in target.iter_items() if any(owns(i, o) for o in owners)]
            for item_id in doomed:
                target.remove_item(item_id)
            result.edges_replaced = len(doomed)
        mapping: dict[str, str] = {}
        for eid in sorted(needed):
            found = incoming.entities.get(eid)
            if found is None:
                continue
            entity = found
            canon = resolver.find(entity)  # at upsert time, as a store resolves (upsert_entity)
            if canon is None:
                target.entities[entity.id] = entity
                index.add_entity(entity)
                for alias in entity.aliases:
                    index.add_alias(entity.id, alias)
                result.nodes_added += 1
                canon = entity.id
            else:
                if canon == existing.get(eid):
                    result.nodes_merged += 1
                old = target.entities[canon]
                aliases = tuple(
                    dict.fromkeys(
                        (
                            *old.aliases,
                            *entity.aliases,
                            *((entity.name,) if entity.key != old.key else ()),
                        )
                    )
                )
                if aliases != old.aliases:
                    target.entities[canon] = old.model_copy(update={"aliases": aliases})
                for alias in aliases:  # later names find it, as in a store
                    index.add_alias(canon, alias)
            if canon != eid:
                mapping[eid] = canon
        for original in items:
            item = remap_item(original, mapping) if mapping else original
            added_new = False
            for source, extractor, conf, span in self._evidence(incoming, original):
                before = len(target.evidence.get(item.id, {}))
                added_new |= target.add_item(
                    item.model_copy(update={"confidence": conf, "span": span}),
                    source=source,
                    extractor=extractor,
                )
                result.observations_added += len(target.evidence.get(item.id, {})) - before
            result.edges_added += int(added_new)
        # an alias learned now merges entities already named it, as a store does (late merges)
        taught = [
            (mapping.get(e, e), a)
            for e in sorted(needed)
            if e in incoming.entities
            for a in incoming.entities[e].aliases
        ]
        taught += [
            (mapping.get(i.entity, i.entity), i.value)
            for i in items
            if isinstance(i, LinguisticItem) and i.relation in ALIAS_KINDS
        ]
        merge_by_aliases(target, taught)
        return result

    # ------------------------------------------------------------------ store
    def _apply_store(self, incoming: KnowledgeGraph, store: KnowledgeWriter) -> ApplyResult:
        result = ApplyResult(strategy=self.strategy)
        with store.transaction():
            existing, items, result.edges_skipped, needed = self._plan(
                incoming, store.resolve_existing
            )
            if self.strategy is MergeStrategy.REPLACE:
                doomed = sorted(
                    {i for e in needed if e in existing for i in store.fact_ids(existing[e])}
                )
                store.delete_items(doomed)
                result.edges_replaced = len(doomed)
            mapping: dict[str, str] = {}
            entities: list[Entity] = []
            for eid in sorted(needed):
                found = incoming.entities.get(eid)
                if found is None:
                    continue
                entity = found
                canon, new = store.upsert_entity(entity)
                result.nodes_added += int(new)
                result.nodes_merged += int(eid in existing)
                entities.append(entity)
                if canon != eid:
                    mapping[eid] = canon
            observations: list[Observation] = []
            new_ids: set[str] = set()
            remapped = [remap_item(i, mapping) if mapping else i for i in items]
            present = store.existing_items([i.id for i in remapped])
            for original, item in zip(items, remapped, strict=True):
                if item.id not in present:
                    new_ids.add(item.id)
                for source, extractor, conf, span in self._evidence(incoming, original):
                    observations.append(
                        Observation(
                            original.model_copy(update={"confidence": conf, "span": span}),
                            source,
                            extractor,
                            conf,
                            span,
                        )
                    )
            result.edges_added = len(new_ids)
            result.observations_added = store.add_observations(entities, observations)
        return result


def load_graph(source: str | Path) -> KnowledgeGraph:
    """A graph to merge from: a store file, or a JSON export (``export --format json``)."""
    path = Path(source)
    if not path.is_file():
        raise InputError(str(path), None, "no such file; give a store or a JSON export")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(b"SQLite format 3"):
        store = open_store(path, read_only=True)  # a source is read, never changed
        try:
            return store.to_knowledge_graph()
        finally:
            store.close()
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            str(path), getattr(exc, "lineno", None), f"neither a store nor a JSON export: {exc}"
        ) from exc
    if not isinstance(data, dict) or "entities" not in data:
        raise InputError(str(path), None, "not a grapheme-distill JSON export (no 'entities')")
    try:
        return KnowledgeGraph.from_dict(data)
    except (KeyError, ValueError) as exc:
        raise InputError(str(path), None, f"invalid JSON export: {exc}") from exc


def merge_into(
    source: str | Path | KnowledgeGraph,
    target: KnowledgeWriter | KnowledgeGraph,
    strategy: MergeStrategy | str = MergeStrategy.ADD_ALL,
) -> ApplyResult:
    """Merge a store, a JSON export or a graph into ``target`` (the library twin of ``merge``)."""
    incoming = source if isinstance(source, KnowledgeGraph) else load_graph(source)
    return GraphKnowledgeApplier(strategy).apply(incoming, target)
