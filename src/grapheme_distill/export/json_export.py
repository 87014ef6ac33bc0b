"""``json``: the lossless export, :meth:`KnowledgeGraph.to_dict` as one JSON document.

Entities, every item with its confidence, and the per-source evidence are kept, so the file can
be merged into a store (``grapheme-distill merge FILE --into STORE``) or loaded back with
:meth:`KnowledgeGraph.from_dict` into an equal graph.  Contradictions are listed as well, by id,
so a reader does not need to recompute them, and so are conflicting values of functional
properties (``functional_conflicts``: :mod:`grapheme_distill.model.functional`).

Streaming: a store is read a chunk of entities at a time (:mod:`._source`).  The document's
three large members (``entities``, ``items``, ``evidence``) are written element by element to
part files beside the output while the chunks go by, and joined into the one document at the end
(keys in sorted order, indented like ``json.dumps(…, indent=1, sort_keys=True)``), so memory holds
one chunk, the contradiction ids and the functional conflicts rather than the whole graph.
"""

from __future__ import annotations

import json
import shutil
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_text
from ._source import GraphSource, as_source

__all__ = ["export_json"]

FORMAT = KnowledgeGraph().to_dict()["format"]


def _dump(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=1, sort_keys=True)`` writes it ``depth`` levels down.
    Text JSON cannot carry as UTF-8 (a lone surrogate) becomes its ``\\uXXXX`` escape."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return " " * depth + text.replace("\n", "\n" + " " * depth)


class _Part:
    """One member of the document (a list or an object), written element by element."""

    def __init__(self, handle: TextIO, *, mapping: bool = False) -> None:
        self.handle, self.mapping, self.count = handle, mapping, 0

    def add(self, value: Any, key: str | None = None) -> None:
        self.handle.write(",\n" if self.count else "")
        if self.mapping:
            self.handle.write(f"  {json.dumps(key, ensure_ascii=False)}: {_dump(value, 2)[2:]}")
        else:
            self.handle.write(_dump(value, 2))
        self.count += 1


def export_json(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """Write the graph as JSON (UTF-8, stable key order), atomically: a full disk or a crash
    never leaves a truncated file under ``path``."""
    source = as_source(graph)
    names = ("entities", "items", "evidence")
    with atomic_text(path) as out:
        scratch = [path.parent / f".{path.name}.{name}.part" for name in names]
        try:
            with ExitStack() as stack:
                handles = [stack.enter_context(p.open("w+", encoding="utf-8")) for p in scratch]
                entities, items, evidence = (
                    _Part(handles[0]),
                    _Part(handles[1]),
                    _Part(handles[2], mapping=True),
                )
                for chunk in source.chunks():
                    g = chunk.graph
                    for e in g.entities.values():
                        entities.add(e.model_dump(mode="json"))
                    for item in g.iter_items():
                        items.add(item.model_dump(mode="json"))
                    for item_id, per in sorted(g.evidence.items()):  # as sort_keys would
                        evidence.add([e.model_dump(mode="json") for e in per.values()], item_id)
                contradictions = [[a.id, n.id] for a, n in source.contradictions]
                conflicts = [c.model_dump() for c in source.functional_conflicts]

                def member(
                    key: str, part: _Part | None, value: Any = None, last: bool = False
                ) -> None:
                    out.write(f' "{key}": ')
                    if part is None:
                        out.write(_dump(value, 1)[1:])
                    elif part.count == 0:
                        out.write("{}" if part.mapping else "[]")
                    else:
                        out.write("{\n" if part.mapping else "[\n")
                        part.handle.seek(0)
                        shutil.copyfileobj(part.handle, out)
                        out.write("\n }" if part.mapping else "\n ]")
                    out.write("\n" if last else ",\n")

                out.write("{\n")
                member("contradictions", None, contradictions)
                member("entities", entities)
                member("evidence", evidence)
                member("format", None, FORMAT)
                member("functional_conflicts", None, conflicts)
                member("items", items, last=True)
                out.write("}")
        finally:
            for p in scratch:
                p.unlink(missing_ok=True)
    return ExportReport(format="json", path=str(path), nodes=entities.count, edges=items.count)
