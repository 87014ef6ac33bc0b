"""Every export carries the contradiction flag (issue 13): the functional property whose other
value an item contradicts ("birth_date"), or "negation" for an asserted/negated pair."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
import rdflib

from grapheme_distill import Entity, EntityType
from grapheme_distill.export import export_graph
from grapheme_distill.export.viewer import viewer_data
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Attribute, Relation

CURIE = Entity(name="Marie Curie", type=EntityType.PERSON)
PARIS = Entity(name="Paris", type=EntityType.LOCATION)
FRANCE = Entity(name="France", type=EntityType.LOCATION)
BORN_1867 = Attribute(entity=CURIE.id, name="birth_date", value="1867", datatype="date")
BORN_1868 = Attribute(entity=CURIE.id, name="birth_date", value="1868", datatype="date")
AGREED = Attribute(entity=CURIE.id, name="occupation", value="physicist")
CAPITAL = Relation(subject=PARIS.id, predicate="capital_of", object=FRANCE.id)
NOT_CAPITAL = Relation(subject=PARIS.id, predicate="capital_of", object=FRANCE.id, negated=True)
#: item id -> the flag every format must carry ("" for an item in no conflict)
EXPECTED = {
    BORN_1867.id: "birth_date",
    BORN_1868.id: "birth_date",
    CAPITAL.id: "negation",
    NOT_CAPITAL.id: "negation",
    AGREED.id: "",
}


def _graph() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    for entity in (CURIE, PARIS, FRANCE):
        graph.add_entity(entity)
    items: list[Attribute | Relation] = [BORN_1867, BORN_1868, AGREED, CAPITAL, NOT_CAPITAL]
    for n, item in enumerate(items):
        graph.add_item(item, source=f"call{n}")
    return graph


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _csv(out: Path) -> dict[str, str]:
    rows = _rows(out / "relations.csv") + _rows(out / "attributes.csv")
    return {r["id"]: r["conflict"] for r in rows}


def _parquet(out: Path) -> dict[str, str]:
    flags: dict[str, str] = {}
    for table in ("relations", "attributes"):
        data = pq.read_table(out / f"{table}.parquet").to_pydict()
        flags.update(zip(data["id"], data["conflict"], strict=True))
    return flags


def _rdf(fmt: str) -> Callable[[Path], dict[str, str]]:
    def read(out: Path) -> dict[str, str]:
        graph = rdflib.Graph().parse(out, format={"ntriples": "nt"}.get(fmt, fmt))
        flags = {}
        for node, predicate, value in graph:
            if str(predicate).endswith("conflict"):
                flags["sha256:" + str(node).rsplit("/", 1)[1]] = str(value)
        kinds = {
            "sha256:" + str(node).rsplit("/", 1)[1]
            for node, p, _ in graph
            if str(p).endswith("kind") and "/item/" in str(node)
        }
        return {item: flags.get(item, "") for item in kinds}

    return read


def _neo4j(out: Path) -> dict[str, str]:
    rows = _rows(out / "relations.csv") + _rows(out / "attributes.csv")
    key = next(k for k in rows[0] if k.startswith("conflict"))
    ids = next(k for k in rows[0] if k.startswith("id"))
    assert "conflict: '" in (out / "graph.cypher").read_text(encoding="utf-8")
    return {r[ids]: r[key] for r in rows}


def _graphml(out: Path) -> dict[str, str]:
    graph = nx.read_graphml(out)
    return {d["id"]: d.get("conflict", "") for _, _, d in graph.edges(data=True) if "id" in d}


def _json(out: Path) -> dict[str, str]:
    data = json.loads(out.read_text(encoding="utf-8"))
    flags = {i: "negation" for pair in data["contradictions"] for i in pair}
    for conflict in data["functional_conflicts"]:
        for side in conflict["sides"]:
            flags.update(dict.fromkeys(side["items"], conflict["property"]))
    return flags


READERS: dict[str, tuple[str, Callable[[Path], dict[str, str]]]] = {
    "csv": ("out", _csv),
    "parquet": ("out", _parquet),
    "turtle": ("g.ttl", _rdf("turtle")),
    "ntriples": ("g.nt", _rdf("ntriples")),
    "jsonld": ("g.jsonld", _rdf("json-ld")),
    "neo4j": ("neo", _neo4j),
    "graphml": ("g.graphml", _graphml),
    "json": ("g.json", _json),
}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_each_format_carries_the_flag(fmt: str, tmp_path: Path) -> None:
    name, read = READERS[fmt]
    export_graph(_graph(), fmt, tmp_path / name)
    flags = read(tmp_path / name)
    assert {i: flags.get(i, "") for i in EXPECTED} == EXPECTED


def test_the_viewer_marks_both_kinds_of_conflict() -> None:
    edges = {e["id"]: e for e in viewer_data(_graph())["edges"]}
    for item_id, flag in EXPECTED.items():
        edge = next(e for i, e in edges.items() if i.startswith(item_id))
        assert edge["conflict"] == flag
        assert edge["contradiction"] is bool(flag)  # drawn red either way


def test_the_grapheme_sidecar_carries_the_flags(tmp_path: Path) -> None:
    export_graph(_graph(), "grapheme", tmp_path / "g.grapheme.json")
    sidecar = json.loads((tmp_path / "g.sidecar.json").read_text(encoding="utf-8"))
    flags = sidecar["conflicts"]
    assert {i: flags.get(i, "") for i in EXPECTED} == EXPECTED
    from grapheme_distill.grapheme.reader import read_grapheme

    assert set(read_grapheme(tmp_path / "g.grapheme.json").relations) == {
        CAPITAL.id,
        NOT_CAPITAL.id,
    }  # the reader still reads the sidecar


def test_student_arrays_mark_conflicting_relations() -> None:
    from grapheme_distill.student import build_student_arrays

    graph = _graph()
    graph.add_item(Relation(subject=PARIS.id, predicate="located_in", object=FRANCE.id))
    arrays, manifest = build_student_arrays(graph, [], temperature=2.0, alpha=0.5)
    assert "relation_conflict" in manifest["arrays"]
    vocabulary = [str(v) for v in arrays["relation_vocabulary"]]
    marked = {
        (vocabulary[t], bool(n), bool(c))
        for t, n, c in zip(
            arrays["relation_type"],
            arrays["relation_negated"],
            arrays["relation_conflict"],
            strict=True,
        )
    }
    assert marked == {
        ("capital_of", False, True),
        ("capital_of", True, True),
        ("located_in", False, False),
    }
