"""A hostile-label suite: markup, quotes, newlines, control characters, spreadsheet formulas,
Cypher comments and injections stay inert data in every export format — each file is
well-formed, read back by the tool it is meant for, and gives the labels back (exactly, or as the
format documents: U+FFFD for what XML cannot hold, an apostrophe before a CSV formula)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import kuzu
import networkx as nx
import pandas as pd
import pytest
import rdflib
from rdflib.namespace import RDFS

from grapheme_distill.export import available_formats, export_graph
from grapheme_distill.export._files import spreadsheet_text, xml_text
from grapheme_distill.export.neo4j import _CSV_NAMES, NODE_TABLES, REL_TABLES, cypher_statements
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    LinguisticItem,
    Procedure,
    Relation,
)

HOSTILE = [
    "<script>alert('x')</script>",
    "quote \" double and ' single",
    "line one\nline two\r\nthree\ttab",
    "ctrl \x01\x02\x1b\x1f\x7f end",
    "nul \x00 inside",
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-2+3 cmd",
    "@SUM(A1:A9)",
    "// cypher comment",
    "x'}) DETACH DELETE n //",
    "/* open comment",
    "; MATCH (n) DETACH DELETE n;",
    "]]> <![CDATA[ &amp; &lt;",
    "back\\slash \\n \\' \\u0041",
    "`backtick` ${x} {{y}}",
    "unicode é 😀 \u2028 \u2029 \ufffe",
    "@prefix x: <http://x> .",
    '_:b0 <a> "lit" .',
]


def hostile_graph() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    entities = [Entity(name=label, aliases=(f"alias {label}",)) for label in HOSTILE]
    for entity in entities:
        graph.add_entity(entity)
    for n, (a, b) in enumerate(pairwise(entities)):
        source = f"sha256:{n:032x}"
        graph.add_item(
            Relation(
                subject=a.id, predicate="related_to", object=b.id, confidence=0.9, span=(0, 5)
            ),
            source=source,
            extractor="x@1",
        )
        graph.add_item(
            Attribute(entity=a.id, name="note", value=b.name, confidence=0.8),
            source=source,
            extractor="x@1",
        )
        graph.add_item(
            LinguisticItem(entity=a.id, relation="definition", value=b.name, confidence=0.7),
            source=source,
            extractor="x@1",
        )
    graph.add_item(
        Procedure(
            goal=HOSTILE[0], steps=tuple(HOSTILE[1:6]), entity=entities[0].id, confidence=0.6
        ),
        source="sha256:" + "f" * 32,
        extractor="x@1",
    )
    return graph


def _rdf_labels(path: Path, fmt: str) -> set[str]:
    back = rdflib.Graph().parse(path, format=fmt)
    return {str(o) for o in back.objects(None, RDFS.label)}


def _kuzu_names(folder: Path, tmp: Path) -> tuple[set[str], set[str]]:
    script = kuzu.Connection(kuzu.Database(str(tmp / "a.kz")))
    script.execute((folder / "schema.kuzu.cypher").read_text())
    for statement in cypher_statements((folder / "graph.cypher").read_bytes().decode()):
        script.execute(statement)
    tables = kuzu.Connection(kuzu.Database(str(tmp / "b.kz")))
    tables.execute((folder / "schema.kuzu.cypher").read_text())
    for table in (*NODE_TABLES, *REL_TABLES):
        tables.execute(
            f"COPY {table} FROM '{folder / (_CSV_NAMES[table] + '.csv')}' "
            "(header=true, parallel=false)"
        )
    found = []
    for conn in (script, tables):
        result = conn.execute("MATCH (e:Entity) RETURN e.name")
        assert not isinstance(result, list)
        names = set()
        while result.has_next():
            names.add(next(iter(result.get_next())))
        found.append(names)
    return found[0], found[1]


def read_labels(fmt: str, path: Path, tmp: Path) -> set[str]:
    """The entity labels as the format's own reader gives them back."""
    if fmt == "json":
        return {e["name"] for e in json.loads(path.read_text())["entities"]}
    if fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
        return {d["label"] for _, d in g.nodes(data=True) if d["type"] != "VALUE"}
    if fmt in ("turtle", "ntriples", "jsonld"):
        return _rdf_labels(path, {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt])
    if fmt == "csv":
        frame = pd.read_csv(path / "entities.csv", keep_default_na=False)
        for table in path.iterdir():  # no text cell anywhere starts a formula
            for row in pd.read_csv(table, dtype=str, keep_default_na=False).itertuples(index=False):
                for cell in row:
                    assert spreadsheet_text(cell) == cell or cell.startswith("'"), (table, cell)
        return set(frame["name"])
    if fmt == "parquet":
        return set(pd.read_parquet(path / "entities.parquet")["name"])
    if fmt == "neo4j":
        script, tables = _kuzu_names(path, tmp)
        assert script == tables
        return script
    if fmt == "html":
        page = path.read_text()
        assert len(re.findall(r"<script\b", page)) == 2  # the data and the viewer, nothing else
        data = re.search(r'id="graph-data">(.*?)</script>', page, re.DOTALL)
        assert data is not None and "<" not in data.group(1)
        return {n["name"] for n in json.loads(data.group(1))["nodes"] if n["type"] != "VALUE"}
    if fmt == "grapheme":
        from grapheme_distill.grapheme.reader import read_grapheme

        return {e.name for e in read_grapheme(path).entities.values()}
    raise AssertionError(fmt)


def expected(fmt: str, label: str) -> str:
    if fmt == "graphml":  # XML parsers also normalise line ends (CR LF and CR become LF)
        return xml_text(label).replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "csv":
        return spreadsheet_text(label)
    return label


FORMATS = [
    "json",
    "graphml",
    "turtle",
    "ntriples",
    "jsonld",
    "csv",
    "parquet",
    "neo4j",
    "html",
    "grapheme",
]


def test_the_suite_covers_every_format() -> None:
    assert set(available_formats()) <= {*FORMATS, "dot", "png", "student"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_labels_stay_inert(fmt: str, tmp_path: Path) -> None:
    graph = hostile_graph()
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / f"hostile.{fmt}"
    export_graph(graph, fmt, out)
    labels = read_labels(fmt, out, tmp_path)
    assert labels == {expected(fmt, label) for label in HOSTILE}


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")
@pytest.mark.parametrize("fmt", ["dot", "png"])
def test_hostile_labels_stay_inert_in_graphviz(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"hostile.{fmt}"
    export_graph(hostile_graph(), fmt, out)
    if fmt == "png":
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        return
    svg = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, text=True, check=True)
    root = ET.fromstring(svg.stdout)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    text = " ".join(e.text or "" for e in root.iter() if e.tag.endswith("text"))
    text = text.replace("\xa0", " ")
    for label in HOSTILE:
        for word in xml_text(label).split():
            assert word in text, (label, word)
