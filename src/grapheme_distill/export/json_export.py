"""``json``: the lossless export, :meth:`KnowledgeGraph.to_dict` as one JSON document.

Entities, every item with its confidence, and the per-source evidence are kept, so the file can
be merged into a store (``grapheme-distill merge FILE --into STORE``) or loaded back with
:meth:`KnowledgeGraph.from_dict` into an equal graph.  Contradictions are listed as well, by id,
so a reader does not need to recompute them, and so are conflicting values of functional
properties (``functional_conflicts``: :mod:`grapheme_distill.model.functional`).
"""

from __future__ import annotations

import json
from pathlib import Path

from grapheme_distill.model.functional import find_conflicts
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_text

__all__ = ["export_json"]


def export_json(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """Write the graph as JSON (UTF-8, stable key order), atomically: a full disk or a crash
    never leaves a truncated file under ``path``.  Text JSON cannot carry as UTF-8 (a lone
    surrogate) is written as its ``\\uXXXX`` escape instead of failing the export."""
    data = graph.to_dict()
    data["contradictions"] = [[a.id, n.id] for a, n in graph.contradictions()]
    data["functional_conflicts"] = [c.model_dump() for c in find_conflicts(graph)]
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    with atomic_text(path) as out:
        out.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))
    return ExportReport(
        format="json",
        path=str(path),
        nodes=len(graph.entities),
        edges=sum(1 for _ in graph.iter_items()),
    )
