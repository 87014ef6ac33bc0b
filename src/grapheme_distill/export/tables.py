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
alone).  Parquet holds the text exactly, since no spreadsheet reads it.  The graph is read a
chunk of entities at a time (:mod:`._source`) and every table grows by that chunk's rows, all ten
files open at once, so memory holds one chunk (and, for Parquet, one batch per table).
"""

from __future__ import annotations

import csv
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from grapheme_distill.errors import MissingDependency
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphChunk, GraphStore

from . import ExportReport
from ._files import atomic_dir, atomic_file, spreadsheet_text
from ._source import GraphSource, as_source

__all__ = ["TABLES", "export_csv", "export_parquet", "table_rows"]

Row = tuple[Any, ...]
#: table -> ((column, type) ..., row generator); types: str, float, int, bool
TableSpec = tuple[tuple[tuple[str, str], ...], Callable[[GraphChunk, GraphSource], Iterator[Row]]]
BATCH = 20_000


def _namer(chunk: GraphChunk) -> Callable[[str | None], str | None]:
    def name(entity_id: str | None) -> str | None:
        return None if entity_id is None else chunk.names.get(entity_id)

    return name


def _sources(graph: KnowledgeGraph, item_id: str) -> int:
    return len(graph.evidence.get(item_id, ())) or 1


def _entities(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    for e in g.entities.values():
        yield e.id, e.name, e.type.value, len(e.aliases)


def _aliases(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    for e in g.entities.values():
        for alias in e.aliases:
            yield e.id, e.name, alias


def _relations(c: GraphChunk, source: GraphSource) -> Iterator[Row]:
    g = c.graph
    name = _namer(c)
    flags = source.conflict_flags
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
            flags.get(r.id, ""),
        )


def _attributes(c: GraphChunk, source: GraphSource) -> Iterator[Row]:
    g = c.graph
    name = _namer(c)
    flags = source.conflict_flags
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
            flags.get(a.id, ""),
        )


def _hierarchy(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    name = _namer(c)
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


def _linguistic(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    name = _namer(c)
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


def _procedures(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    name = _namer(c)
    for p in g.procedures.values():
        yield p.id, p.goal, p.entity, name(p.entity), len(p.steps), p.confidence, _sources(g, p.id)


def _steps(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    for p in g.procedures.values():
        for n, step in enumerate(p.steps, 1):
            yield p.id, p.goal, n, step


def _evidence(c: GraphChunk, _: GraphSource) -> Iterator[Row]:
    g = c.graph
    for item in g.iter_items():
        for ev in g.evidence.get(item.id, {}).values():
            start, end = ev.span if ev.span is not None else (None, None)
            yield item.id, item.kind, ev.source, ev.extractor, ev.confidence, start, end


def _contradictions(c: GraphChunk, source: GraphSource) -> Iterator[Row]:
    """The contradictions whose asserted relation is in this chunk (so each comes once)."""
    name = _namer(c)
    for asserted, negated in source.contradictions:
        if asserted.id not in c.graph.relations:
            continue
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
            ("conflict", _S),
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
            ("conflict", _S),
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


def table_rows(graph: KnowledgeGraph | GraphSource, table: str) -> Iterator[Row]:
    """The rows of one table (columns as in :data:`TABLES`)."""
    source = as_source(graph)
    for chunk in source.chunks():
        yield from TABLES[table][1](chunk, source)


class _CsvTable:
    """One CSV file being written (formula cells made inert)."""

    def __init__(self, table: str, path: Path, stack: ExitStack) -> None:
        columns = TABLES[table][0]
        self.text_columns = [kind == _S for _, kind in columns]
        self.writer = csv.writer(stack.enter_context(path.open("w", encoding="utf-8", newline="")))
        self.writer.writerow([name for name, _ in columns])

    def write(self, rows: list[Row]) -> None:
        self.writer.writerows(
            [
                spreadsheet_text(v) if is_text and isinstance(v, str) else v
                for v, is_text in zip(row, self.text_columns, strict=True)
            ]
            for row in rows
        )

    def close(self) -> None:
        pass


class _ParquetTable:
    """One Parquet file being written, a batch of rows at a time."""

    def __init__(self, table: str, path: Path, stack: ExitStack) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise MissingDependency("Parquet export", "tables") from exc
        types = {_S: pa.string(), _F: pa.float64(), _I: pa.int64(), _B: pa.bool_()}
        self.schema = pa.schema([(name, types[kind]) for name, kind in TABLES[table][0]])
        self.writer = stack.enter_context(pq.ParquetWriter(path, self.schema))
        self.pending: list[Row] = []
        self.written = 0
        self.table = pa.Table

    def write(self, rows: list[Row]) -> None:
        self.pending += rows
        if len(self.pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        names = self.schema.names
        batch = [dict(zip(names, row, strict=True)) for row in self.pending]
        self.writer.write_table(self.table.from_pylist(batch, schema=self.schema))
        self.written += len(self.pending)
        self.pending = []

    def close(self) -> None:
        if self.pending:
            self._flush()
        if self.written == 0:
            self.writer.write_table(self.schema.empty_table())


def _export(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    fmt: str,
    table_type: type[_CsvTable] | type[_ParquetTable],
) -> ExportReport:
    counts = dict.fromkeys(TABLES, 0)
    source = as_source(graph)

    def write_all(folder: Path) -> list[Path]:
        files = {table: folder / f"{table}.{fmt}" for table in TABLES}
        with ExitStack() as stack:
            out = {table: table_type(table, file, stack) for table, file in files.items()}
            for chunk in source.chunks():
                for table, (_, produce) in TABLES.items():
                    rows = list(produce(chunk, source))
                    out[table].write(rows)
                    counts[table] += len(rows)
            for table_out in out.values():
                table_out.close()
        return list(files.values())

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
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """A directory (or ``.zip``) of CSV tables, one per kind."""
    return _export(graph, path, "csv", _CsvTable)


def export_parquet(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """A directory (or ``.zip``) of Parquet tables, one per kind (extra ``[tables]``)."""
    return _export(graph, path, "parquet", _ParquetTable)
