"""The Neo4j export loaded into kuzu (an embedded engine that speaks Cypher) both ways — the
Cypher script and the neo4j-admin CSV files — with the same counts and the same answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kuzu
import pytest

from grapheme_distill.export import export_graph
from grapheme_distill.export.neo4j import (
    _CSV_NAMES,
    NODE_TABLES,
    REL_TABLES,
    cypher_statements,
    cypher_string,
)
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store import SQLiteStore


def rows(conn: kuzu.Connection, query: str) -> list[list[Any]]:
    result = conn.execute(query)
    assert not isinstance(result, list)
    out: list[list[Any]] = []
    while result.has_next():
        out.append(list(result.get_next()))
    return out


def load_script(folder: Path, db: Path) -> kuzu.Connection:
    conn = kuzu.Connection(kuzu.Database(str(db)))
    conn.execute((folder / "schema.kuzu.cypher").read_text())
    for statement in cypher_statements((folder / "graph.cypher").read_bytes().decode()):
        conn.execute(statement)
    return conn


def load_csv(folder: Path, db: Path) -> kuzu.Connection:
    conn = kuzu.Connection(kuzu.Database(str(db)))
    conn.execute((folder / "schema.kuzu.cypher").read_text())
    for table in (*NODE_TABLES, *REL_TABLES):
        conn.execute(
            f"COPY {table} FROM '{folder / (_CSV_NAMES[table] + '.csv')}' "
            "(header=true, parallel=false)"
        )
    return conn


def counts(conn: kuzu.Connection) -> dict[str, int]:
    found = {label: rows(conn, f"MATCH (n:{label}) RETURN count(*)")[0][0] for label in NODE_TABLES}
    found.update(
        {rel: rows(conn, f"MATCH ()-[r:{rel}]->() RETURN count(*)")[0][0] for rel in REL_TABLES}
    )
    return found


def expected_counts(graph: KnowledgeGraph) -> dict[str, int]:
    values = {a.value for a in graph.attributes.values()}
    values |= {li.value for li in graph.linguistic.values()}
    return {
        "Entity": len(graph.entities),
        "Value": len(values),
        "Procedure": len(graph.procedures),
        "RELATION": len(graph.relations),
        "HIERARCHY": len(graph.hierarchy),
        "ATTRIBUTE": len(graph.attributes),
        "LINGUISTIC": len(graph.linguistic),
        "ABOUT": sum(1 for p in graph.procedures.values() if p.entity),
    }


def test_cypher_and_csv_load_into_kuzu_with_the_same_counts_and_answers(
    distilled: SQLiteStore, tmp_path: Path
) -> None:
    folder = tmp_path / "neo4j"
    report = export_graph(distilled, "neo4j", folder)
    graph = distilled.to_knowledge_graph()
    script, tables = load_script(folder, tmp_path / "a.kz"), load_csv(folder, tmp_path / "b.kz")
    expected = expected_counts(graph)
    assert counts(script) == counts(tables) == expected == report.details["counts"]
    query = (
        "MATCH (a:Entity {name: 'Paris'})-[r:RELATION]->(b:Entity) "
        "RETURN r.predicate, b.name, r.confidence, r.sources ORDER BY r.predicate, b.name"
    )
    answer = rows(script, query)
    assert answer == rows(tables, query)
    paris = next(e for e in graph.entities.values() if e.name == "Paris")
    assert answer == sorted(
        [r.predicate, graph.entities[r.object].name, r.confidence, len(graph.evidence[r.id])]
        for r in graph.relations.values()
        if r.subject == paris.id
    )
    assert ["capital_of", "France"] in [row[:2] for row in answer]
    evidence = rows(
        script,
        "MATCH (:Entity {name: 'Paris'})-[r:RELATION {predicate: "
        "'capital_of'}]->() RETURN r.evidence",
    )[0][0]
    assert '"source": "sha256:' in evidence and '"span": [' in evidence
    assert (folder / "neo4j-admin-import.sh").read_text().count("--nodes=") == len(NODE_TABLES)


@pytest.mark.parametrize(
    "text",
    ["plain", "it's", "back\\slash", "x'}) DETACH DELETE n //", "multi\nline; /* c */", "\\'"],
)
def test_cypher_strings_read_back_exactly(text: str, tmp_path: Path) -> None:
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "s.kz")))
    assert rows(conn, f"RETURN {cypher_string(text)}") == [[text]]
