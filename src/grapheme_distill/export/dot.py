"""``dot`` and ``png``: a neighbourhood drawn by graphviz (``export --entity NAME --format dot``).

Nodes are entities (filled by type) and literal values (boxes); edges are items, labelled with the
predicate, as wide as they are confident, dashed red when negated, red with a ⚠ and the reason
when in conflict (the contradiction flag: a functional property's other value, or a negation).
Graphviz gives ``\\n``, ``\\l`` and ``\\N`` in quoted labels a meaning of their own, so every label is an
HTML-like label (``label=<…>``) holding XML-escaped text instead, and node names are generated (``n0``, ``n1``
…), so no label can reach DOT syntax.  ``png`` runs graphviz's ``dot`` program on that text (it
must be installed: ``apt-get install graphviz``).
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

from grapheme_distill.errors import ExportError
from grapheme_distill.model.functional import conflict_flags
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    HierarchyEdge,
    LinguisticItem,
    Procedure,
    Relation,
)
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_file, atomic_text, xml_text

__all__ = ["TYPE_COLOURS", "export_dot", "export_png", "to_dot"]

#: fill colour per entity type (shared with the HTML viewer)
TYPE_COLOURS: dict[str, str] = {
    "PERSON": "#f4a261",
    "ORGANIZATION": "#2a9d8f",
    "LOCATION": "#8ab17d",
    "DATETIME": "#e9c46a",
    "NUMBER": "#b5838d",
    "CONCEPT": "#90b4ce",
    "EVENT": "#e76f51",
    "OTHER": "#cccccc",
    "VALUE": "#ffffff",
}
MAX_LABEL = 60


def _label(text: str) -> str:
    short = text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
    return (
        "<"
        + html.escape(xml_text(short), quote=True).replace("\n", "<BR/>").replace("\r", "")
        + ">"
    )


def to_dot(graph: KnowledgeGraph) -> str:
    """The graph as DOT text."""
    names: dict[str, str] = {}
    lines = [
        "digraph knowledge {",
        "  graph [rankdir=LR, fontname=Helvetica];",
        "  node [fontname=Helvetica, style=filled, shape=ellipse];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]

    def node(key: str, text: str, kind: str) -> str:
        if key not in names:
            names[key] = f"n{len(names)}"
            shape = ", shape=box" if kind == "VALUE" else ""
            lines.append(
                f"  {names[key]} [label={_label(text)}, "
                f'fillcolor="{TYPE_COLOURS.get(kind, "#cccccc")}"{shape}];'
            )
        return names[key]

    def entity(entity_id: str) -> str:
        e = graph.entities.get(entity_id)
        return node(entity_id, e.name if e else entity_id, e.type.value if e else "OTHER")

    flags = conflict_flags(graph)

    def edge(
        a: str, b: str, text: str, confidence: float, negated: bool = False, conflict: str = ""
    ) -> None:
        style = ', style=dashed, color="#c0392b"' if negated else ""
        if conflict:
            style += ', color="#c0392b"'
            text = f"\u26a0 {text}" + ("" if conflict == "negation" else f" ({conflict} conflict)")
        lines.append(
            f"  {a} -> {b} [label={_label(('NOT ' if negated else '') + text)}, "
            f"penwidth={0.5 + 3.5 * confidence:.2f}{style}];"
        )

    for e in graph.entities.values():
        entity(e.id)
    for item in graph.iter_items():
        if isinstance(item, Relation):
            edge(
                entity(item.subject),
                entity(item.object),
                item.predicate,
                item.confidence,
                item.negated,
                flags.get(item.id, ""),
            )
        elif isinstance(item, HierarchyEdge):
            edge(entity(item.child), entity(item.parent), item.relation.value, item.confidence)
        elif isinstance(item, Attribute | LinguisticItem):
            value = node("value:" + item.value, item.value, "VALUE")
            text = item.name if isinstance(item, Attribute) else item.relation.value
            edge(entity(item.entity), value, text, item.confidence, conflict=flags.get(item.id, ""))
        elif isinstance(item, Procedure):
            goal = (
                entity(item.entity)
                if item.entity
                else node("goal:" + item.goal, item.goal, "VALUE")
            )
            for n, step in enumerate(item.steps, 1):
                edge(
                    goal,
                    node(f"step:{item.id}:{n}", f"{n}. {step}", "VALUE"),
                    "step",
                    item.confidence,
                )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _report(fmt: str, path: Path, graph: KnowledgeGraph) -> ExportReport:
    return ExportReport(
        format=fmt,
        path=str(path),
        nodes=len(graph.entities),
        edges=sum(1 for _ in graph.iter_items()),
    )


def export_dot(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """Graphviz DOT text (best with ``--entity NAME``: a whole store is a hairball)."""
    with atomic_text(path) as handle:
        handle.write(to_dot(graph))
    return _report("dot", path, graph)


def export_png(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """A PNG drawn by graphviz's ``dot`` program.

    Raises:
        ExportError: ``dot`` is not installed, or it failed.
    """
    program = shutil.which("dot")
    if program is None:
        raise ExportError(
            "png needs graphviz's `dot` program (apt-get install graphviz, "
            "brew install graphviz); --format dot writes the text without it"
        )
    with atomic_file(path) as tmp:
        done = subprocess.run(
            [program, "-Tpng", "-o", str(tmp)],
            input=to_dot(graph),
            text=True,
            capture_output=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            raise ExportError(f"graphviz dot failed: {done.stderr.strip()[:500]}")
    return _report("png", path, graph)
