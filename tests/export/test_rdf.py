"""RDF exports read back by rdflib with the same triples, and SPARQL answering questions."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from grapheme_distill.errors import ExportError
from grapheme_distill.export import export_graph
from grapheme_distill.export.rdf import DEFAULT_BASE_IRI, literal, to_rdf_graph, typed_literal
from grapheme_distill.export.sparql import sparql_query
from grapheme_distill.store import SQLiteStore

PARSER = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
BASE = "https://kg.test/base/"


@pytest.mark.parametrize("fmt", sorted(PARSER))
def test_rdf_round_trip_gives_the_same_triples(
    distilled: SQLiteStore, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"g.{fmt}"
    report = export_graph(distill := distilled, fmt, out, options={"base_iri": BASE})
    graph = distill.to_knowledge_graph()
    back = rdflib.Graph().parse(out, format=PARSER[fmt])
    expected = to_rdf_graph(graph, BASE)
    assert report.nodes == len(graph.entities) and report.details["triples"] >= len(back)
    assert len(back) == len(expected) > 200
    # a second, independent reader (Oxigraph, Rust) reads the same number of triples
    ox_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[fmt]
    assert len(list(ox.parse(path=str(out), format=ox_format))) >= len(back)
    # blank nodes differ between the two graphs; everything else must be equal
    named = {t for t in back if not any(isinstance(x, rdflib.BNode) for x in t)}
    assert named == {t for t in expected if not any(isinstance(x, rdflib.BNode) for x in t)}
    # counts per kind of thing survive
    gd = rdflib.Namespace(BASE + "vocab#")
    assert len(set(back.subjects(RDF.type, gd.Entity))) == len(graph.entities)
    assert len(set(back.subjects(RDF.type, RDF.Statement))) == (
        len(graph.relations) + len(graph.attributes) + len(graph.hierarchy) + len(graph.linguistic)
    )
    assert len(list(back.objects(None, gd.evidence))) == graph.observation_count()


def test_mapping_uses_standard_vocabularies(distilled: SQLiteStore) -> None:
    graph = distilled.to_knowledge_graph()
    rdf = to_rdf_graph(graph)
    ent = rdflib.Namespace(DEFAULT_BASE_IRI + "entity/")
    names = {str(o) for o in rdf.objects(None, RDFS.label)}
    assert {"Paris", "France", "Python"} <= names
    aliases = {str(o) for o in rdf.objects(None, SKOS.altLabel)}
    assert {a for e in graph.entities.values() for a in e.aliases} <= aliases
    assert len(list(rdf.objects(None, SKOS.definition))) == sum(
        li.relation.value == "definition" for li in graph.linguistic.values()
    )
    paris = next(e for e in graph.entities.values() if e.name == "Paris")
    france = next(e for e in graph.entities.values() if e.name == "France")
    capital = rdflib.URIRef(DEFAULT_BASE_IRI + "relation/capital_of")
    assert (ent[paris.id.split(":")[1]], capital, ent[france.id.split(":")[1]]) in rdf


def test_typed_literals_only_for_valid_lexical_forms() -> None:
    assert typed_literal("1991", "date") == ("1991", str(XSD.gYear))
    assert typed_literal("1991-02-24", "date")[1] == str(XSD.date)
    assert typed_literal("-3.5", "number")[1] == str(XSD.decimal)
    assert typed_literal("42", "number")[1] == str(XSD.integer)
    assert typed_literal("2.1 million", "number")[1] is None
    assert typed_literal("42", "string")[1] is None


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        'q"uote',
        "back\\slash",
        "new\nline\r\n",
        "\x00\x01\x7f",
        "\ufffe\uffff \u2028 é 😀",
        "\\u0041 not an escape",
    ],
)
def test_literals_read_back_exactly(text: str) -> None:
    graph = rdflib.Graph().parse(data=f"<urn:a> <urn:b> {literal(text)} .\n", format="nt")
    assert [str(o) for o in graph.objects()] == [text]


def test_negated_relation_is_described_not_asserted(tmp_path: Path) -> None:
    from grapheme_distill.model.graph import KnowledgeGraph
    from grapheme_distill.model.knowledge import Entity, Relation

    graph = KnowledgeGraph()
    a, b = Entity(name="Whale"), Entity(name="Fish")
    graph.add_entity(a)
    graph.add_entity(b)
    graph.add_item(
        Relation(subject=a.id, predicate="is_a", object=b.id, negated=True, confidence=0.9),
        source="sha256:ab",
        extractor="x@1",
    )
    rdf = to_rdf_graph(graph, BASE)
    is_a = rdflib.URIRef(BASE + "relation/is_a")
    assert not list(rdf.triples((None, is_a, None)))
    gd = rdflib.Namespace(BASE + "vocab#")
    assert list(rdf.subjects(gd.negated, rdflib.Literal(True)))


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_sparql_answers_a_question_about_a_distilled_entity(
    distilled: SQLiteStore, engine: str
) -> None:
    result = sparql_query(
        distilled,
        """
        SELECT ?country ?confidence WHERE {
          ?city rdfs:label "Paris" ; rel:capital_of ?c . ?c rdfs:label ?country .
          ?st rdf:subject ?city ; rdf:predicate rel:capital_of ; gd:confidence ?confidence .
        }""",
        engine=engine,
    )  # type: ignore[arg-type]
    assert result.variables == ["country", "confidence"]
    assert [r["country"] for r in result.rows] == ["France"]
    assert 0 < float(result.rows[0]["confidence"] or 0) <= 1
    ask = sparql_query(distilled, 'ASK { ?e rdfs:label "Atlantis" }', engine=engine)  # type: ignore[arg-type]
    assert ask.kind == "ask" and ask.boolean is False


def test_sparql_reports_a_bad_query(distilled: SQLiteStore) -> None:
    with pytest.raises(ExportError, match="SPARQL query failed"):
        sparql_query(distilled, "SELECT WHERE {")


def test_sparql_command(distilled: SQLiteStore, capsys: pytest.CaptureFixture[str]) -> None:
    from grapheme_distill.cli import main

    main(
        [
            "sparql",
            "SELECT ?n WHERE { ?e rdfs:label ?n ; rel:capital_of ?c }",
            "--store",
            distilled.path,
            "--json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert {r["n"] for r in data["rows"]} == {"Paris"}


def test_bad_base_iri_is_refused(distilled: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="base IRI"):
        export_graph(distilled, "turtle", tmp_path / "g.ttl", options={"base_iri": "kg"})
    assert not (tmp_path / "g.ttl").exists()


def test_options_are_refused_by_formats_without_them(
    distilled: SQLiteStore, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="takes no options"):
        export_graph(distilled, "json", tmp_path / "g.json", options={"base_iri": BASE})
