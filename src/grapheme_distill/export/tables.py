"""``csv`` and ``parquet``: the graph as flat tables that pandas, DuckDB or a spreadsheet load as is.

One table per kind of thing, each row naming its entities by id *and* by name, so a table reads
without a join (docs/exports.md lists the columns)::

    entities, aliases, relations, attributes, hierarchy, linguistic, procedures,
    procedure_steps, evidence, contradictions

``-o DIR`` writes ``DIR/<table>.csv`` (or ``.parquet``); ``-o FILE.zip`` writes the same files
into one zip.  ``pandas.read_csv(DIR / "relations.csv")`` or
``pandas.read_parquet(DIR / "relations.parquet")`` give a frame with typed columns (confidence
float, negated bool, span ints).

Spreadsheets run a cell starting with ``= + - @`` as a formula; CSV text cells that start so get a
leading apostrophe (:func:`~._files.spreadsheet_text`; plain numbers such as ``-5`` are left
alone).  Parquet holds the text exactly, since no spreadsheet reads it.  Rows are written as they
are generated, in batches, so memory holds one batch beside the graph.
"""

from __future__ import annotations

import csv
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from grapheme_distill.errors import MissingDependency
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_dir, atomic_file, spreadsheet_text

__all__ = ["TABLES", "export_csv", "export_parquet", "table_rows"]

Row = tuple[Any, ...]
#: table -> ((column, type) ..., row generator); types: str, float, int, bool
TableSpec = tuple[tuple[tuple[str, str], ...], Callable[[KnowledgeGraph], Iterator[Row]]]
BATCH = 50_000


def _namer(graph: KnowledgeGraph) -> Callable[[str | None], str | None]:
    def name(entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        entity = graph.entities.get(entity_id)
        return entity.name if entity else None

    return name


def _sources(graph: KnowledgeGraph, item_id: str) -> int:
    return len(graph.evidence.get(item_id, ())) or 1


def _entities(g: KnowledgeGraph) -> Iterator[Row]:
    for e in g.entities.values():
        yield e.id, e.name, e.type.value, len(e.aliases)


def _aliases(g: KnowledgeGraph) -> Iterator[Row]:
    for e in g.entities.values():
        for alias in e.aliases:
            yield e.id, e.name, alias


def _relations(g: KnowledgeGraph) -> Iterator[Row]:
    name = _namer(g)
    for r in g.relations.values():
        yield (
            r.id,
            r.subject,
            name(r.subject),
            r.predicate,
            r.object,
            name(r.object),
            r.negated,
            r.confidence,
            _sources(g, r.id),
        )


def _attributes(g: KnowledgeGraph) -> Iterator[Row]:
    name = _namer(g)
    for a in g.attributes.values():
        yield (
            a.id,
            a.entity,
            name(a.entity),
            a.name,
            a.value,
            a.datatype,
            a.confidence,
            _sources(g, a.id),
        )


def _hierarchy(g: KnowledgeGraph) -> Iterator[Row]:
    name = _namer(g)
    for h in g.hierarchy.values():
        yield (
            h.id,
            h.child,
            name(h.child),
            h.relation.value,
            h.parent,
            name(h.parent),
            h.confidence,
            _sources(g, h.id),
        )


def _linguistic(g: KnowledgeGraph) -> Iterator[Row]:
    name = _namer(g)
    for li in g.linguistic.values():
        yield (
            li.id,
            li.entity,
            name(li.entity),
            li.relation.value,
            li.value,
            li.confidence,
            _sources(g, li.id),
        )


def _procedures(g: KnowledgeGraph) -> Iterator[Row]:
    name = _namer(g)
    for p in g.procedures.values():
        yield p.id, p.goal, p.entity, name(p.entity), len(p.steps), p.confidence, _sources(g, p.id)


def _steps(g: KnowledgeGraph) -> Iterator[Row]:
    for p in g.procedures.values():
        for n, step in enumerate(p.steps, 1):
            yield p.id, p.goal, n, step


def _evidence(g: KnowledgeGraph) -> Iterator[Row]:
    for item in g.iter_items():
        for ev in g.evidence.get(item.id, {}).values():
            start, end = ev.span if ev.span is not None else (None, None)
            yield item.id, item.kind, ev.source, ev.extractor, ev.confidence, start, end


def _contradictions(g: KnowledgeGraph) -> Iterator[Row]:
    name = _namer(g)
    for asserted, negated in g.contradictions():
        yield (
            asserted.id,
            negated.id,
            name(asserted.subject),
            asserted.predicate,
            name(asserted.object),
            asserted.confidence,
            negated.confidence,
        )


_S, _F, _I, _B = "str", "float", "int", "bool"
TABLES: dict[str, TableSpec] = {
    "entities": ((("id", _S), ("name", _S), ("type", _S), ("aliases", _I)), _entities),
    "aliases": ((("entity_id", _S), ("entity", _S), ("alias", _S)), _aliases),
    "relations": (
        (
            ("id", _S),
            ("subject_id", _S),
            ("subject", _S),
            ("predicate", _S),
            ("object_id", _S),
            ("object", _S),
            ("negated", _B),
            ("confidence", _F),
            ("sources", _I),
        ),
        _relations,
    ),
    "attributes": (
        (
            ("id", _S),
            ("entity_id", _S),
            ("entity", _S),
            ("name", _S),
            ("value", _S),
            ("datatype", _S),
            ("confidence", _F),
            ("sources", _I),
        ),
        _attributes,
    ),
    "hierarchy": (
        (
            ("id", _S),
            ("child_id", _S),
            ("child", _S),
            ("relation", _S),
            ("parent_id", _S),
            ("parent", _S),
            ("confidence", _F),
            ("sources", _I),
        ),
        _hierarchy,
    ),
    "linguistic": (
        (
            ("id", _S),
            ("entity_id", _S),
            ("entity", _S),
            ("relation", _S),
            ("value", _S),
            ("confidence", _F),
            ("sources", _I),
        ),
        _linguistic,
    ),
    "procedures": (
        (
            ("id", _S),
            ("goal", _S),
            ("entity_id", _S),
            ("entity", _S),
            ("steps", _I),
            ("confidence", _F),
            ("sources", _I),
        ),
        _procedures,
    ),
    "procedure_steps": (
        (("procedure_id", _S), ("goal", _S), ("position", _I), ("step", _S)),
        _steps,
    ),
    "evidence": (
        (
            ("item_id", _S),
            ("kind", _S),
            ("source", _S),
            ("extractor", _S),
            ("confidence", _F),
            ("span_start", _I),
            ("span_end", _I),
        ),
        _evidence,
    ),
    "contradictions": (
        (
            ("asserted_id", _S),
            ("negated_id", _S),
            ("subject", _S),
            ("predicate", _S),
            ("object", _S),
            ("asserted_confidence", _F),
            ("negated_confidence", _F),
        ),
        _contradictions,
    ),
}


def table_rows(graph: KnowledgeGraph, table: str) -> Iterator[Row]:
    """The rows of one table (columns as in :data:`TABLES`)."""
    return TABLES[table][1](graph)


def _write_csv(graph: KnowledgeGraph, table: str, path: Path) -> int:
    columns, rows = TABLES[table]
    text_columns = [kind == _S for _, kind in columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in columns])
        for row in rows(graph):
            writer.writerow(
                [
                    spreadsheet_text(v) if is_text and isinstance(v, str) else v
                    for v, is_text in zip(row, text_columns, strict=True)
                ]
            )
            count += 1
    return count


def _write_parquet(graph: KnowledgeGraph, table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependency("Parquet export", "tables") from exc
    columns, rows = TABLES[table]
    types = {_S: pa.string(), _F: pa.float64(), _I: pa.int64(), _B: pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        generated = rows(graph)
        while batch := list(islice(generated, BATCH)):
            writer.write_table(
                pa.Table.from_pylist(
                    [dict(zip(schema.names, row, strict=True)) for row in batch], schema=schema
                )
            )
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _export(
    graph: KnowledgeGraph, path: Path, fmt: str, write: Callable[[KnowledgeGraph, str, Path], int]
) -> ExportReport:
    counts: dict[str, int] = {}

    def write_all(folder: Path) -> list[Path]:
        files = []
        for table in TABLES:
            file = folder / f"{table}.{fmt}"
            counts[table] = write(graph, table, file)
            files.append(file)
        return files

    if path.suffix.lower() == ".zip":
        with (
            tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path.parent) as scratch,
            atomic_file(path) as tmp,
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as bundle,
        ):
            for file in write_all(Path(scratch)):
                bundle.write(file, arcname=file.name)
                file.unlink()
    else:
        with atomic_dir(path) as folder:
            write_all(folder)
    return ExportReport(
        format=fmt,
        path=str(path),
        nodes=counts["entities"],
        edges=sum(
            counts[t] for t in ("relations", "attributes", "hierarchy", "linguistic", "procedures")
        ),
        details={"tables": counts},
    )


def export_csv(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """A directory (or ``.zip``) of CSV tables, one per kind."""
    return _export(graph, path, "csv", _write_csv)


def export_parquet(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """A directory (or ``.zip``) of Parquet tables, one per kind (extra ``[tables]``)."""
    return _export(graph, path, "parquet", _write_parquet)
