"""Streamed exports equal whole-graph exports.

Every format in ``export.STREAMING`` reads a store a range of ids at a time
(:class:`~grapheme_distill.export._source.GraphSource`).  Here the sample store is read two
entities at a time, so nearly every item's entities lie in other chunks than the item, and each
format's output is compared, read back with the tool it is meant for, with the same format
written from the whole graph read into memory (the way every export worked before streaming).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from grapheme_distill import KnowledgeGraph
from grapheme_distill.export import STREAMING, export_graph, get_exporter
from grapheme_distill.export._source import GraphSource
from grapheme_distill.export.neo4j import cypher_statements
from grapheme_distill.export.viewer import viewer_data
from grapheme_distill.store import SQLiteStore

CHUNK = 2  # entities per chunk: the sample store's 12 entities in 6 chunks


def _both(store: SQLiteStore, fmt: str, tmp_path: Path) -> tuple[Path, Path]:
    """(whole-graph export, streamed export) of ``fmt``."""
    chunks = list(store.iter_graph(CHUNK))
    assert len(chunks) == 6
    crossing = [
        i
        for c in chunks
        for i in c.graph.iter_items()
        if any(ref not in c.graph.entities for ref in i.entity_refs())
    ]
    assert len(crossing) > 10  # items whose entities are in other chunks
    whole, streamed = tmp_path / f"whole.{fmt}", tmp_path / f"streamed.{fmt}"
    exporter = get_exporter(fmt)
    exporter(store.to_knowledge_graph(), whole, store=store)
    exporter(GraphSource(store, CHUNK), streamed, store=store)  # type: ignore[arg-type]
    return whole, streamed


def _csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, sorted(rows)


@pytest.mark.parametrize("fmt", ["ntriples", "turtle", "jsonld"])
def test_rdf(distilled: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    whole, streamed = _both(distilled, fmt, tmp_path)
    rdf_format = {"ntriples": "nt", "turtle": "turtle", "jsonld": "json-ld"}[fmt]
    a, b = Graph().parse(whole, format=rdf_format), Graph().parse(streamed, format=rdf_format)
    assert len(a) > 200 and len(a) == len(b)
    assert isomorphic(a, b)  # equal up to blank node labels


def test_csv(distilled: SQLiteStore, tmp_path: Path) -> None:
    whole, streamed = _both(distilled, "csv", tmp_path)
    files = sorted(p.name for p in whole.iterdir())
    assert files == sorted(p.name for p in streamed.iterdir()) and len(files) == 10
    for name in files:
        assert _csv_rows(whole / name) == _csv_rows(streamed / name), name
    assert len(_csv_rows(streamed / "contradictions.csv")[1]) == 1
    names = {r[2] for r in _csv_rows(streamed / "relations.csv")[1]}
    assert "Eiffel Tower" in names  # subjects named though their entity is in another chunk


def test_parquet(distilled: SQLiteStore, tmp_path: Path) -> None:
    whole, streamed = _both(distilled, "parquet", tmp_path)
    for file in whole.iterdir():
        a, b = pq.read_table(file), pq.read_table(streamed / file.name)
        assert a.schema == b.schema, file.name

        def rows(table: Any) -> list[str]:
            return sorted(json.dumps(r, sort_keys=True) for r in table.to_pylist())

        assert rows(a) == rows(b), file.name


def _cypher_rows(script: str) -> list[tuple[str, str]]:
    """(statement template, one row literal) for every row of every UNWIND statement."""
    out = []
    for statement in cypher_statements(script):
        match = re.fullmatch(r"UNWIND \[(.*)\] AS row (.*)", statement, re.DOTALL)
        assert match, statement
        out += [(match.group(2), row) for row in re.split(r"(?<=\}), (?=\{)", match.group(1))]
    return sorted(out)


def test_neo4j(distilled: SQLiteStore, tmp_path: Path) -> None:
    whole, streamed = _both(distilled, "neo4j", tmp_path)
    assert sorted(p.name for p in whole.iterdir()) == sorted(p.name for p in streamed.iterdir())
    for file in whole.glob("*.csv"):
        assert _csv_rows(file) == _csv_rows(streamed / file.name), file.name
    a = _cypher_rows((whole / "graph.cypher").read_text(encoding="utf-8"))
    b = _cypher_rows((streamed / "graph.cypher").read_text(encoding="utf-8"))
    assert len(a) > 30 and a == b
    # nodes first: every relationship statement after the last node statement
    kinds = [
        s.split(" AS row ")[1][:6]
        for s in cypher_statements((streamed / "graph.cypher").read_text(encoding="utf-8"))
    ]
    assert kinds.index("MATCH ") > max(i for i, k in enumerate(kinds) if k == "CREATE")


def test_json(distilled: SQLiteStore, tmp_path: Path) -> None:
    whole, streamed = _both(distilled, "json", tmp_path)
    a = json.loads(whole.read_text(encoding="utf-8"))
    b = json.loads(streamed.read_text(encoding="utf-8"))
    assert sorted(a) == sorted(b)
    assert KnowledgeGraph.from_dict(a) == KnowledgeGraph.from_dict(b)
    assert sorted(a["contradictions"]) == sorted(b["contradictions"]) != []
    assert a["functional_conflicts"] == b["functional_conflicts"]


def test_json_of_a_graph_is_what_it_always_was(distilled: SQLiteStore, tmp_path: Path) -> None:
    """One chunk (an in-memory graph): byte for byte ``json.dumps(indent=1, sort_keys=True)``."""
    from grapheme_distill.model.functional import find_conflicts

    graph = distilled.to_knowledge_graph()
    data = graph.to_dict()
    data["contradictions"] = [[a.id, n.id] for a, n in graph.contradictions()]
    data["functional_conflicts"] = [c.model_dump() for c in find_conflicts(graph)]
    export_graph(graph, "json", tmp_path / "g.json")
    expected = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == expected


def test_graphml(distilled: SQLiteStore, tmp_path: Path) -> None:
    whole, streamed = _both(distilled, "graphml", tmp_path)
    a = nx.read_graphml(whole, force_multigraph=True)
    b = nx.read_graphml(streamed, force_multigraph=True)
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges = sorted(a.edges(keys=True, data=True), key=str)
    assert len(edges) > 15 and edges == sorted(b.edges(keys=True, data=True), key=str)
    assert {d["conflict"] for _, _, d in b.edges(data=True)} >= {"negation"}


@pytest.mark.parametrize("max_items", [3000, 5])
def test_viewer(distilled: SQLiteStore, max_items: int) -> None:
    """The same page data, in the same order: the most confident items are chosen across
    chunks exactly as from the whole graph."""
    whole = viewer_data(distilled.to_knowledge_graph(), distilled, max_items=max_items)
    streamed = viewer_data(GraphSource(distilled, CHUNK), distilled, max_items=max_items)
    assert streamed == whole
    assert len(streamed["edges"]) >= min(max_items, 15)
    assert streamed["contradictions"] == 1


def test_a_store_export_never_reads_the_store_whole(
    distilled: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``export_graph(store, fmt)`` takes the streaming path for every format in STREAMING."""

    def whole() -> KnowledgeGraph:
        raise AssertionError("read whole")

    monkeypatch.setattr(distilled, "to_knowledge_graph", whole)
    assert {"turtle", "ntriples", "jsonld", "csv", "parquet", "neo4j", "html"} <= STREAMING
    for fmt in sorted(STREAMING):
        report = export_graph(distilled, fmt, tmp_path / f"out.{fmt}")
        assert report.nodes >= 12, fmt
    with pytest.raises(AssertionError, match="read whole"):
        export_graph(distilled, "grapheme", tmp_path / "out.grapheme")
