"""``html`` / ``grapheme-distill view``: one self-contained HTML page to look at the graph.

The page holds its data, its script and its style inline: it opens from disk, offline, with no
CDN and nothing to install.  The renderer is a small hand-written canvas force layout
(``viewer_assets/viewer.js``, ~350 lines, no dependencies) rather than a vendored graph library:
what the page needs — search, expand a neighbourhood, colour by type, width by confidence, a
confidence slider, contradictions in red, click for provenance — is little code, while a library
(vis-network, cytoscape.js: 400-700 kB minified) would dominate every file written and bring a
licence and an update chore into the package.  It is auditable here and tested in headless
Chromium (tests/export/test_viewer.py).

Provenance: each edge carries its evidence (teacher call hash, extractor, confidence, span); when
written from a store, the page also holds each call's answer text, teacher, model and template, so
a click shows the answer with the span that taught the item highlighted.  Labels reach the page
only as JSON data (``<``, ``>``, ``&`` and the JavaScript line separators escaped, so no label can
close the script element) and are put on screen with ``textContent`` and canvas ``fillText``,
never as markup.

A store can be large and a browser cannot draw a million edges: the page keeps at most
``max_items`` items (the most confident; default 3,000) and says how many it left out;
``--entity NAME --hops N`` views one neighbourhood instead.  The store is read a chunk at a time
(:mod:`._source`), keeping the ``max_items`` most confident items seen so far with their
evidence; the entities they name are looked up at the end, so memory holds one chunk plus the
page's own data.
"""

from __future__ import annotations

import heapq
import json
from importlib import resources
from pathlib import Path
from typing import Any

from grapheme_distill.model.graph import Evidence, KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    HierarchyEdge,
    Item,
    LinguisticItem,
    Procedure,
    Relation,
)
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_text
from ._source import GraphSource, as_source
from .dot import TYPE_COLOURS

__all__ = ["MAX_ITEMS", "export_html", "viewer_data", "write_viewer"]

MAX_ITEMS = 3000
SHOW_ALL_BELOW = 300


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


#: an item kept for the page, with its evidence
_Kept = tuple[Item, dict[str, Evidence]]


def _rank(kept: _Kept) -> tuple[float, str]:
    return -kept[0].confidence, kept[0].id


def _most_confident(
    source: GraphSource, max_items: int
) -> tuple[list[_Kept], int, dict[str, Entity]]:
    """(the ``max_items`` most confident items, most confident first; how many items in all;
    the first ``max_items`` entities, for a graph without items) — read a chunk at a time."""
    kept: list[_Kept] = []
    total = 0
    first_entities: dict[str, Entity] = {}
    for chunk in source.chunks():
        g = chunk.graph
        for entity_id in list(g.entities)[: max(0, max_items - len(first_entities))]:
            first_entities[entity_id] = g.entities[entity_id]
        candidates = [(item, g.evidence.get(item.id, {})) for item in g.iter_items()]
        total += len(candidates)
        kept = heapq.nsmallest(max_items, [*kept, *candidates], key=_rank)
    return kept, total, first_entities


def viewer_data(
    graph: KnowledgeGraph | GraphSource,
    store: GraphStore | None = None,
    *,
    max_items: int = MAX_ITEMS,
) -> dict[str, Any]:
    """The page's data: nodes, edges with evidence, the calls behind them, the colours."""
    source = as_source(graph)
    kept, total, first_entities = _most_confident(source, max_items)
    truncated = max(0, total - max_items)
    flags = source.conflict_flags  # negation or a functional property's conflicting values
    known = {
        ref: e
        for ref in sorted({ref for item, _ in kept for ref in item.entity_refs()})
        if (e := source.entity(ref)) is not None
    }
    evidence = {item.id: ev for item, ev in kept}
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []

    def entity(entity_id: str) -> str:
        if entity_id not in nodes:
            e = known.get(entity_id)
            nodes[entity_id] = {
                "id": entity_id,
                "name": e.name if e else entity_id,
                "type": e.type.value if e else "OTHER",
                "aliases": list(e.aliases) if e else [],
            }
        return entity_id

    def value(text: str) -> str:
        key = "value:" + text
        nodes.setdefault(key, {"id": key, "name": text, "type": "VALUE", "aliases": []})
        return key

    def edge(s: str, t: str, item: Item, label: str, suffix: str = "") -> None:
        edges.append(
            {
                "id": item.id + suffix,
                "s": s,
                "t": t,
                "label": label,
                "kind": item.kind,
                "conf": round(item.confidence, 4),
                "negated": bool(getattr(item, "negated", False)),
                "contradiction": item.id in flags,
                "conflict": flags.get(item.id, ""),
                "evidence": [
                    {
                        "source": ev.source,
                        "extractor": ev.extractor,
                        "conf": round(ev.confidence, 4),
                        "span": list(ev.span) if ev.span else None,
                    }
                    for ev in evidence.get(item.id, {}).values()
                ],
            }
        )

    for item, _ in kept:
        if isinstance(item, Relation):
            edge(entity(item.subject), entity(item.object), item, item.predicate)
        elif isinstance(item, HierarchyEdge):
            edge(entity(item.child), entity(item.parent), item, item.relation.value)
        elif isinstance(item, Attribute):
            edge(entity(item.entity), value(item.value), item, item.name)
        elif isinstance(item, LinguisticItem):
            edge(entity(item.entity), value(item.value), item, item.relation.value)
        elif isinstance(item, Procedure):
            goal = entity(item.entity) if item.entity else value(item.goal)
            for n, step in enumerate(item.steps, 1):
                edge(goal, value(f"{n}. {step}"), item, "step", suffix=f"#{n}")
    if not kept:
        known = first_entities
        for entity_id in first_entities:
            entity(entity_id)
    calls: dict[str, dict[str, Any]] = {}
    if store is not None:
        from grapheme_distill.browse import source_labels

        sources = sorted({ev["source"] for e in edges for ev in e["evidence"]})
        labels = source_labels(store, sources)
        for call in sources:
            pair = store.get_call(call)
            if pair is not None:
                calls[call] = {**labels.get(call, {}), "answer": pair[1].text}
    return {
        "nodes": list(nodes.values()),
        "edges": edges,
        "calls": calls,
        "colours": TYPE_COLOURS,
        "truncated": truncated,
        "contradictions": len(source.contradictions),
        "show_all_below": SHOW_ALL_BELOW,
    }


def _asset(name: str) -> str:
    return (resources.files("grapheme_distill.export") / "viewer_assets" / name).read_text(
        encoding="utf-8"
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>grapheme-distill graph</title>
<style>{css}</style>
</head>
<body>
<div id="side">
  <input id="search" type="search" placeholder="Search entities and aliases…" autocomplete="off">
  <ul id="results"></ul>
  <div id="summary" class="meta"></div>
  <label>Minimum confidence <span id="threshold-value">0.00</span>
    <input id="threshold" type="range" min="0" max="1" step="0.01" value="0"></label>
  <button id="show-all">Show everything</button>
  <div id="legend"></div>
  <div id="details"><p class="meta">Search, or click a node. Double-click a node (or its
    Expand button) to reveal its neighbours; click an item to see the answer that taught it.</p>
  </div>
  <div id="provenance"></div>
</div>
<div id="main"><canvas id="graph"></canvas></div>
<script type="application/json" id="graph-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""


def write_viewer(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    store: GraphStore | None = None,
    *,
    max_items: int = MAX_ITEMS,
) -> dict[str, Any]:
    """Write the page; returns its data (for the report)."""
    data = viewer_data(graph, store, max_items=max_items)
    page = _PAGE.format(
        css=_asset("viewer.css"), js=_asset("viewer.js"), data=_json_for_script(data)
    )
    with atomic_text(path) as handle:
        handle.write(page)
    return data


def export_html(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
    options: dict[str, str] | None = None,
) -> ExportReport:
    """The viewer page (``options``: ``max_items``)."""
    max_items = int((options or {}).get("max_items", MAX_ITEMS))
    data = write_viewer(graph, path, store, max_items=max_items)
    return ExportReport(
        format="html",
        path=str(path),
        nodes=len(data["nodes"]),
        edges=len(data["edges"]),
        details={"left_out": data["truncated"]},
    )
