"""What joins the frontier: named things an answer mentions, resolved against the store.

Only entities worth asking about are crawled: the endpoints of relations and hierarchy edges whose
type is not a literal (dates, numbers, quantities are values, not things a teacher can be asked
"what do you know about"), and whose name is short and not a number or a date.  Each candidate is
resolved against the store (:meth:`~grapheme_distill.store.base.GraphReader.find_entities`:
normalised name, aliases, redirects of merged entities), and its key is the normalised *canonical*
name, so "NYC" found after "New York City" (its alias) is the same frontier entry, asked once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import DistilledKnowledge, Entity, EntityType
from grapheme_distill.store import FrontierEntry
from grapheme_distill.store.base import GraphReader

__all__ = ["LITERAL_TYPES", "canonical", "crawlable", "discovered"]

#: entity types that are values, never crawled
LITERAL_TYPES = frozenset({EntityType.DATETIME, EntityType.NUMBER})
_LITERAL = re.compile(r"^[\s\d.,:/%+\-–$€£]+$|^\d{3,4}s?$")
_MAX_NAME = 100


def crawlable(entity: Entity) -> bool:
    """Whether ``entity`` is a thing to ask about (not a literal, not a runaway name)."""
    name = entity.name.strip()
    return (
        entity.type not in LITERAL_TYPES
        and 0 < len(name) <= _MAX_NAME
        and not _LITERAL.match(name)
        and bool(normalise_name(name))
    )


def canonical(store: GraphReader, name: str) -> tuple[str, str]:
    """(frontier key, display name) of ``name`` after resolution against the store."""
    found = store.entity_name(name)
    display = found if found is not None else name.strip()
    return normalise_name(display), display


def discovered(
    store: GraphReader,
    records: Sequence[DistilledKnowledge],
    *,
    depth: int,
    parent: str,
    seen: Iterable[str] = (),
) -> list[FrontierEntry]:
    """Frontier entries (at ``depth``) for the crawlable entities the records name (``seen``:
    keys already on the frontier; a set is used as it is, not copied)."""
    skip = seen if isinstance(seen, set | frozenset) else set(seen)
    out: dict[str, FrontierEntry] = {}
    for record in records:
        by_id = {e.id: e for e in record.entities}
        ids: list[str] = []
        for rel in record.relations:
            ids += [rel.subject, rel.object]
        for edge in record.hierarchy:
            ids += [edge.parent, edge.child]
        for eid in ids:
            entity = by_id.get(eid)
            if entity is None or normalise_name(entity.name) in skip or not crawlable(entity):
                continue  # (a name already on the frontier needs no store lookup)
            key, display = canonical(store, entity.name)
            if key and key not in skip and key not in out:
                out[key] = FrontierEntry(key, display, depth, parent)
    return list(out.values())
