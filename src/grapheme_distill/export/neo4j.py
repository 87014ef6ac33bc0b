"""``neo4j``: a Cypher script and ``neo4j-admin database import`` CSV files, in one directory.

The property graph (one schema for both files, so either loads the same graph)::

    (:Entity {id, name, type, aliases})          aliases: a JSON list
    (:Value {id, text})                          a literal an attribute or linguistic item points at
    (:Procedure {id, goal, steps, confidence, sources, evidence})   steps: a JSON list
    (:Entity)-[:RELATION {id, predicate, negated, confidence, sources, evidence}]->(:Entity)
    (:Entity)-[:HIERARCHY {id, relation, ...}]->(:Entity)        child -> parent
    (:Entity)-[:ATTRIBUTE {id, name, value, datatype, ...}]->(:Value)
    (:Entity)-[:LINGUISTIC {id, relation, value, ...}]->(:Value)
    (:Procedure)-[:ABOUT]->(:Entity)

``evidence`` is a JSON list of ``{source, extractor, confidence, span}``: the teacher calls behind
the item (``grapheme-distill call HASH`` opens one).  Entity types are a property, not labels, and
predicates are a property, not relationship types: a fixed set of labels keeps the import schema
fixed, lets engines that need declared tables (kuzu, Memgraph's importer) load the same files, and
``MATCH (:Entity {type: 'PERSON'})-[r:RELATION {predicate: 'born_in'}]->()`` reads as well.

Files written:

* ``graph.cypher`` — ``UNWIND [...] AS row CREATE …`` statements, 500 rows each (fast in Neo4j,
  portable: kuzu runs it unchanged after ``schema.kuzu.cypher``).  Strings are single-quoted with
  ``\\`` and ``'`` escaped and every other character kept as is, which Neo4j's and kuzu's parsers
  both read back exactly (a label holding ``// comment``, ``*/`` or ``;`` stays inside its string);
* ``schema.neo4j.cypher`` — uniqueness constraints to run first in Neo4j;
* ``schema.kuzu.cypher`` — the same schema as kuzu node and relationship tables;
* ``entities.csv values.csv procedures.csv relations.csv hierarchy.csv attributes.csv
  linguistic.csv about.csv`` with ``neo4j-admin`` headers (``id:ID(Entity)``,
  ``:START_ID(Entity)``, ``confidence:double`` …), RFC 4180 quoting (quotes doubled; fields may
  hold newlines, hence ``--multiline-fields=true``), columns in schema order so kuzu's ``COPY``
  loads them too;
* ``neo4j-admin-import.sh`` — the import command.

A store is read a chunk of entities at a time (:mod:`._source`): each table's rows of a chunk go
to its CSV file and to its part of the script (nodes must be created before the relationships
that match them, so the parts are joined into ``graph.cypher`` at the end); what is remembered
across chunks is the set of value ids already written.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import Any

from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Item
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_dir
from ._source import GraphSource, as_source

__all__ = [
    "NODE_TABLES",
    "REL_TABLES",
    "cypher_statements",
    "cypher_string",
    "export_neo4j",
    "kuzu_schema",
]

BATCH = 500

#: label -> ((property, neo4j type), ...); the first property is the id
NODE_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "Entity": (("id", "string"), ("name", "string"), ("type", "string"), ("aliases", "string")),
    "Value": (("id", "string"), ("text", "string")),
    "Procedure": (
        ("id", "string"),
        ("goal", "string"),
        ("steps", "string"),
        ("confidence", "double"),
        ("sources", "int"),
        ("evidence", "string"),
        ("conflict", "string"),
    ),
}
#: ``conflict``: the contradiction flag (a functional property's name, ``negation`` or "")
_ITEM_PROPS = (
    ("confidence", "double"),
    ("sources", "int"),
    ("evidence", "string"),
    ("conflict", "string"),
)
#: type -> (from label, to label, ((property, neo4j type), ...))
REL_TABLES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "RELATION": (
        "Entity",
        "Entity",
        (("id", "string"), ("predicate", "string"), ("negated", "boolean"), *_ITEM_PROPS),
    ),
    "HIERARCHY": ("Entity", "Entity", (("id", "string"), ("relation", "string"), *_ITEM_PROPS)),
    "ATTRIBUTE": (
        "Entity",
        "Value",
        (
            ("id", "string"),
            ("name", "string"),
            ("value", "string"),
            ("datatype", "string"),
            *_ITEM_PROPS,
        ),
    ),
    "LINGUISTIC": (
        "Entity",
        "Value",
        (("id", "string"), ("relation", "string"), ("value", "string"), *_ITEM_PROPS),
    ),
    "ABOUT": ("Procedure", "Entity", ()),
}
_KUZU_TYPES = {"string": "STRING", "double": "DOUBLE", "int": "INT64", "boolean": "BOOLEAN"}
_CSV_NAMES = {
    "Entity": "entities",
    "Value": "values",
    "Procedure": "procedures",
    "RELATION": "relations",
    "HIERARCHY": "hierarchy",
    "ATTRIBUTE": "attributes",
    "LINGUISTIC": "linguistic",
    "ABOUT": "about",
}

Row = tuple[Any, ...]


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def cypher_statements(script: str) -> Iterator[str]:
    """The statements of a script this module wrote, one at a time (split on ``;`` outside
    string literals, ``//`` comments outside them dropped).  Engines that take one statement per call, or
    that normalise line ends when given a whole script (kuzu turns a CR LF inside a string into
    LF), get every statement exactly as written."""
    statements: list[str] = []
    current: list[str] = []
    i, quoted = 0, False
    while i < len(script):
        char = script[i]
        if quoted:
            if char == "\\":
                current.append(script[i : i + 2])
                i += 2
                continue
            quoted = char != "'"
        elif char == "'":
            quoted = True
        elif script.startswith("//", i):  # a comment: to the end of the line
            i = script.find("\n", i)
            i = len(script) if i < 0 else i
            continue
        elif char == ";":
            statements.append("".join(current).strip())
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    statements.append("".join(current).strip())
    yield from (s for s in statements if s)


def _cypher_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return cypher_string(str(value))


def kuzu_schema() -> str:
    """The schema as kuzu DDL (node tables keyed by ``id``, relationship tables)."""
    lines = []
    for label, props in NODE_TABLES.items():
        cols = ", ".join(f"{name} {_KUZU_TYPES[kind]}" for name, kind in props)
        lines.append(f"CREATE NODE TABLE {label}({cols}, PRIMARY KEY(id));")
    for rel, (start, end, props) in REL_TABLES.items():
        cols = "".join(f", {name} {_KUZU_TYPES[kind]}" for name, kind in props)
        lines.append(f"CREATE REL TABLE {rel}(FROM {start} TO {end}{cols});")
    return "\n".join(lines) + "\n"


def _value_id(text: str) -> str:
    return "value:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _item_props(
    graph: KnowledgeGraph, item: Item, flags: dict[str, str]
) -> tuple[float, int, str, str]:
    evidence = [
        {
            "source": ev.source,
            "extractor": ev.extractor,
            "confidence": ev.confidence,
            "span": list(ev.span) if ev.span else None,
        }
        for ev in graph.evidence.get(item.id, {}).values()
    ]
    return (
        item.confidence,
        len(evidence) or 1,
        json.dumps(evidence, ensure_ascii=False),
        flags.get(item.id, ""),
    )


def _rows(
    graph: KnowledgeGraph, seen_values: set[str], flags: dict[str, str]
) -> dict[str, list[Row]]:
    """table -> this graph's rows (node rows: properties; relationship rows: start id, end id,
    properties); a value already in ``seen_values`` is not written again (it is added)."""
    values: list[Row] = []
    texts = [a.value for a in graph.attributes.values()]
    texts += [li.value for li in graph.linguistic.values()]
    for text in texts:
        vid = _value_id(text)
        if vid not in seen_values:
            seen_values.add(vid)
            values.append((vid, text))
    return {
        "Entity": [
            (e.id, e.name, e.type.value, json.dumps(list(e.aliases), ensure_ascii=False))
            for e in graph.entities.values()
        ],
        "Value": values,
        "Procedure": [
            (
                p.id,
                p.goal,
                json.dumps(list(p.steps), ensure_ascii=False),
                *_item_props(graph, p, flags),
            )
            for p in graph.procedures.values()
        ],
        "RELATION": [
            (r.subject, r.object, r.id, r.predicate, r.negated, *_item_props(graph, r, flags))
            for r in graph.relations.values()
        ],
        "HIERARCHY": [
            (h.child, h.parent, h.id, h.relation.value, *_item_props(graph, h, flags))
            for h in graph.hierarchy.values()
        ],
        "ATTRIBUTE": [
            (
                a.entity,
                _value_id(a.value),
                a.id,
                a.name,
                a.value,
                a.datatype,
                *_item_props(graph, a, flags),
            )
            for a in graph.attributes.values()
        ],
        "LINGUISTIC": [
            (
                li.entity,
                _value_id(li.value),
                li.id,
                li.relation.value,
                li.value,
                *_item_props(graph, li, flags),
            )
            for li in graph.linguistic.values()
        ],
        "ABOUT": [(p.id, p.entity) for p in graph.procedures.values() if p.entity],
    }


def _cypher_batches(table: str, rows: Iterator[Row]) -> Iterator[str]:
    if table in NODE_TABLES:
        names = [name for name, _ in NODE_TABLES[table]]
        keys = names
        sets = ", ".join(f"{n}: row.{n}" for n in names)
        template = f"CREATE (:{table} {{{sets}}})"
    else:
        start, end, props = REL_TABLES[table]
        names = [name for name, _ in props]
        keys = ["s", "e", *names]
        sets = ", ".join(f"{n}: row.{n}" for n in names)
        template = (
            f"MATCH (a:{start} {{id: row.s}}), (b:{end} {{id: row.e}}) "
            f"CREATE (a)-[:{table}{' {' + sets + '}' if sets else ''}]->(b)"
        )
    while batch := list(islice(rows, BATCH)):
        data = ", ".join(
            "{"
            + ", ".join(f"{k}: {_cypher_value(v)}" for k, v in zip(keys, row, strict=True))
            + "}"
            for row in batch
        )
        yield f"UNWIND [{data}] AS row {template};\n"


def _csv_header(table: str) -> list[str]:
    def typed(name: str, kind: str) -> str:
        return name if kind == "string" else f"{name}:{kind}"

    if table in NODE_TABLES:
        props = NODE_TABLES[table]
        return [f"id:ID({table})", *(typed(n, k) for n, k in props[1:])]
    start, end, rel_props = REL_TABLES[table]
    return [f":START_ID({start})", f":END_ID({end})", *(typed(n, k) for n, k in rel_props)]


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _import_command() -> str:
    nodes = " ".join(f"--nodes={label}={_CSV_NAMES[label]}.csv" for label in NODE_TABLES)
    rels = " ".join(f"--relationships={rel}={_CSV_NAMES[rel]}.csv" for rel in REL_TABLES)
    return (
        "#!/bin/sh\n# Load into an empty Neo4j 5 database (stop it first); run from this "
        "directory.\nset -e\nneo4j-admin database import full --multiline-fields=true "
        f'--overwrite-destination {nodes} {rels} "${{1:-neo4j}}"\n'
    )


def export_neo4j(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
) -> ExportReport:
    """A directory with ``graph.cypher``, the schemas, ``neo4j-admin`` CSV files and the import
    command (see the module docstring)."""
    tables = [*NODE_TABLES, *REL_TABLES]
    counts = dict.fromkeys(tables, 0)
    seen_values: set[str] = set()
    with atomic_dir(path) as folder:
        with ExitStack() as stack:
            parts, writers = {}, {}
            for table in tables:
                part = folder / f".{table}.cypher.part"
                parts[table] = stack.enter_context(part.open("w", encoding="utf-8", newline="\n"))
                handle = (folder / f"{_CSV_NAMES[table]}.csv").open(
                    "w", encoding="utf-8", newline=""
                )
                writers[table] = csv.writer(stack.enter_context(handle))
                writers[table].writerow(_csv_header(table))
            source = as_source(graph)
            for chunk in source.chunks():
                for table, rows in _rows(chunk.graph, seen_values, source.conflict_flags).items():
                    parts[table].writelines(_cypher_batches(table, iter(rows)))
                    writers[table].writerows([_csv_cell(v) for v in row] for row in rows)
                    counts[table] += len(rows)
        with (folder / "graph.cypher").open("w", encoding="utf-8", newline="\n") as script:
            script.write("// grapheme-distill knowledge graph: run schema.neo4j.cypher first\n")
            for table in tables:
                part = folder / f".{table}.cypher.part"
                with part.open(encoding="utf-8", newline="") as written:
                    shutil.copyfileobj(written, script)
                part.unlink()
        (folder / "schema.neo4j.cypher").write_text(
            "".join(
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) "
                "REQUIRE n.id IS UNIQUE;\n"
                for label in NODE_TABLES
            ),
            encoding="utf-8",
        )
        (folder / "schema.kuzu.cypher").write_text(kuzu_schema(), encoding="utf-8")
        (folder / "neo4j-admin-import.sh").write_text(_import_command(), encoding="utf-8")
    return ExportReport(
        format="neo4j",
        path=str(path),
        nodes=sum(counts[t] for t in NODE_TABLES),
        edges=sum(counts[t] for t in REL_TABLES),
        details={"counts": counts},
    )
