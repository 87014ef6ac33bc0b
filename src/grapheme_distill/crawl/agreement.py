"""Several teachers on one frontier: who asserted what, where they agree, where they disagree.

Every observation's source is a call, and every crawl call keeps its source
``crawl:<teacher>:<entity>#s<sample>``, so each item knows which teachers asserted it.  Two kinds
of disagreement are flagged (kept in ``crawl_disagreements``, shown by ``show`` and
``crawl``'s report):

* **attribute values**: one entity's attribute (same normalised name) given different values by
  different teachers ("population: 2.1M (a) vs 2.2M (b)");
* **negation**: a relation one teacher asserts and another negates (the store's contradictions,
  split by teacher).

Agreement per teacher is the share of its items that at least one other teacher asserted too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.store import SQLiteStore

__all__ = ["AgreementReport", "flag_disagreements", "teachers_of"]

_PREFIX = "crawl:"


@dataclass
class AgreementReport:
    agreement: dict[str, dict[str, float]] = field(default_factory=dict)
    flags: list[tuple[str, str, str, str, list[str]]] = field(default_factory=list)


def teachers_of(store: SQLiteStore) -> dict[str, set[str]]:
    """Item id → labels of the crawl teachers whose answers taught it."""
    out: dict[str, set[str]] = defaultdict(set)
    for item_id, source in store.observation_sources(_PREFIX):
        out[item_id].add(source[len(_PREFIX) :].split(":", 1)[0])
    return out


def flag_disagreements(store: SQLiteStore, crawl: str) -> AgreementReport:
    """Compute agreement per teacher and store the flagged disagreements of ``crawl``."""
    by_item = teachers_of(store)
    report = AgreementReport()
    labels = sorted({t for ts in by_item.values() for t in ts})
    for label in labels:
        mine = [ts for ts in by_item.values() if label in ts]
        shared = sum(1 for ts in mine if len(ts) > 1)
        report.agreement[label] = {
            "items": float(len(mine)),
            "shared": float(shared),
            "agreement": round(shared / len(mine), 4) if mine else 0.0,
        }

    def name(entity_id: str) -> str:
        entity = store.get_entity(entity_id)
        return entity.name if entity else entity_id

    groups: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for item_id, entity, attr, value in store.crawl_attributes(list(by_item)):
        groups[(entity, normalise_name(attr))].append((item_id, attr, value))
    for (entity, _), rows in groups.items():
        values = {normalise_name(v) for _, _, v in rows}
        speakers = [by_item[i] for i, _, _ in rows]
        if len(values) < 2 or len(set().union(*speakers)) < 2:
            continue
        detail = f"{name(entity)} {rows[0][1]}: " + " vs ".join(
            f"{v} ({', '.join(sorted(by_item[i]))})" for i, _, v in rows
        )
        for (item_id, _, _), who in zip(rows, speakers, strict=True):
            report.flags.append((item_id, entity, "attribute_value", detail, sorted(who)))
    for positive, negative in store.contradictions():
        yes, no = by_item.get(positive.id, set()), by_item.get(negative.id, set())
        if not yes or not no or yes == no:
            continue
        detail = (
            f"{name(positive.subject)} {positive.predicate} {name(positive.object)}: "
            f"asserted by {', '.join(sorted(yes))}, negated by {', '.join(sorted(no))}"
        )
        report.flags.append((positive.id, positive.subject, "negation", detail, sorted(yes)))
        report.flags.append((negative.id, negative.subject, "negation", detail, sorted(no)))
    store.set_disagreements(crawl, report.flags)
    return report
