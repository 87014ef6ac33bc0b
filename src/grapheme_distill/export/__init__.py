"""Exporters: one registry of formats, one front door :func:`export_graph`.

An exporter is any callable ``(graph, path, *, store=None) -> ExportReport``; it receives the whole
in-memory :class:`KnowledgeGraph` and, when the export started from a store, the store too (for
formats that need more than the graph, such as soft targets for student training data).  Formats
are registered by name in :data:`EXPORTERS`; adding a format is one :func:`register_exporter`
call (or one line in ``_BUILTIN``), and the CLI's ``--format`` choices follow the registry.
Built-ins are imported lazily, so a format with a heavy dependency costs nothing until used.

Formats in :data:`STREAMING` take a :class:`~grapheme_distill.export._source.GraphSource`
instead of a graph: exported from a store, they read it a chunk of entities at a time
(:meth:`~grapheme_distill.store.base.GraphReader.iter_graph`), so a million-observation store is
exported in well under the ~2 GB that reading it whole takes; docs/benchmarks.md has the figures.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any, Protocol, cast

from pydantic import BaseModel, Field

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import ExportError
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphStore

from ._source import GraphSource

__all__ = [
    "EXPORTERS",
    "STREAMING",
    "ExportReport",
    "Exporter",
    "available_formats",
    "export_graph",
    "get_exporter",
    "register_exporter",
]


class ExportReport(BaseModel):
    """What an export wrote."""

    format: str
    path: str
    nodes: int = 0
    edges: int = 0
    details: dict[str, Any] = Field(default_factory=dict)


class Exporter(Protocol):
    """Writes one format.  ``store`` gives formats that need more than the graph (soft targets)
    access to it; ``config`` carries the run's settings (temperature, α) to formats that use them."""

    def __call__(
        self,
        graph: KnowledgeGraph,
        path: Path,
        *,
        store: GraphStore | None = None,
        config: DistillationConfig | None = None,
    ) -> ExportReport: ...


#: name -> exporter (filled lazily from ``_BUILTIN`` and by :func:`register_exporter`)
EXPORTERS: dict[str, Exporter] = {}

#: built-in formats as ``"module:function"``, imported on first use
_BUILTIN: dict[str, str] = {
    "json": "grapheme_distill.export.json_export:export_json",
    "graphml": "grapheme_distill.export.graphml:export_graphml",
    "grapheme": "grapheme_distill.grapheme.convert:export_grapheme_format",
    "student": "grapheme_distill.student:export_student_format",
    "turtle": "grapheme_distill.export.rdf:export_turtle",
    "ntriples": "grapheme_distill.export.rdf:export_ntriples",
    "jsonld": "grapheme_distill.export.rdf:export_jsonld",
    "csv": "grapheme_distill.export.tables:export_csv",
    "parquet": "grapheme_distill.export.tables:export_parquet",
    "neo4j": "grapheme_distill.export.neo4j:export_neo4j",
    "dot": "grapheme_distill.export.dot:export_dot",
    "png": "grapheme_distill.export.dot:export_png",
    "html": "grapheme_distill.export.viewer:export_html",
}
#: formats whose exporter takes a :class:`GraphSource` (a store read in chunks) as its graph
STREAMING: set[str] = {
    "json",
    "graphml",
    "turtle",
    "ntriples",
    "jsonld",
    "csv",
    "parquet",
    "neo4j",
    "html",
}


def register_exporter(name: str, exporter: Exporter | str, *, streams: bool = False) -> None:
    """Register a format: a callable, or a lazy ``"module:function"`` string.  ``streams``: the
    exporter takes a :class:`GraphSource` (read it with ``as_source(graph).chunks()``) rather
    than a whole :class:`KnowledgeGraph`."""
    if streams:
        STREAMING.add(name)
    else:
        STREAMING.discard(name)
    if isinstance(exporter, str):
        _BUILTIN[name] = exporter
        EXPORTERS.pop(name, None)
    else:
        EXPORTERS[name] = exporter


def available_formats() -> list[str]:
    return sorted({*EXPORTERS, *_BUILTIN})


def get_exporter(name: str) -> Exporter:
    """The exporter registered as ``name``.

    Raises:
        ExportError: no such format (the message lists the available ones).
    """
    if name not in EXPORTERS:
        target = _BUILTIN.get(name)
        if target is None:
            raise ExportError(
                f"unknown export format {name!r}; available: {', '.join(available_formats())}"
            )
        module, _, attr = target.partition(":")
        EXPORTERS[name] = getattr(importlib.import_module(module), attr)
    return EXPORTERS[name]


def export_graph(
    source: KnowledgeGraph | GraphStore,
    fmt: str,
    path: str | Path,
    *,
    compress_ratio: float | None = None,
    config: DistillationConfig | None = None,
    options: dict[str, str] | None = None,
) -> ExportReport:
    """Write ``source`` (a graph or a store) to ``path`` in format ``fmt``.

    Args:
        source: an in-memory graph, or a store (read a chunk at a time by the formats in
            :data:`STREAMING`, whole by the others).
        fmt: a registered format name (:func:`available_formats`).
        path: the output file; its directory must exist.
        compress_ratio: keep only the most confident items, at most this share of the
            observations (:meth:`KnowledgeGraph.compress`); None keeps everything.
        config: run settings for formats that use them (``student``: temperature and α).
        options: format options (``base_iri`` for RDF, ``entity`` and ``hops`` to export one
            neighbourhood); a format that takes none refuses them.

    Raises:
        ExportError: unknown format, or the file cannot be written.
    """
    exporter = get_exporter(fmt)
    out = Path(path)
    if not out.parent.is_dir():
        raise ExportError(f"cannot write {out}: directory {out.parent} does not exist")
    store = None if isinstance(source, KnowledgeGraph) else source
    options = dict(options or {})
    entity, hops = options.pop("entity", None), options.pop("hops", "1")
    data: KnowledgeGraph | GraphSource
    if entity is not None:
        from grapheme_distill.export.subgraph import neighbourhood_graph

        data = neighbourhood_graph(source, entity, hops=hops)
    elif isinstance(source, KnowledgeGraph) or compress_ratio is not None:
        data = source if isinstance(source, KnowledgeGraph) else source.to_knowledge_graph()
    elif fmt in STREAMING:
        data = GraphSource(source)
    else:
        data = source.to_knowledge_graph()
    if compress_ratio is not None and isinstance(data, KnowledgeGraph):
        data = data.compress(compress_ratio)
    kwargs: dict[str, Any] = {"store": store, "config": config}
    if "options" in inspect.signature(exporter).parameters:
        kwargs["options"] = options
    elif options:
        raise ExportError(f"format {fmt!r} takes no options (got {', '.join(sorted(options))})")
    try:
        # a GraphSource only reaches the formats in STREAMING, whose exporters take one.
        # relaxed_gc: a streamed export allocates ~100,000 objects a chunk and frees them; the
        # collector's young-generation passes over them were a third of a viewer export's CPU
        with relaxed_gc():
            return exporter(cast(KnowledgeGraph, data), out, **kwargs)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
