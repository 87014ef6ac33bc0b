"""SPARQL over a store: the graph mapped to RDF (:mod:`.rdf`) and queried by a real engine.

Two engines answer the same query over the same triples: rdflib's pure-Python engine (the
``[rdf]`` extra) and Oxigraph (``pyoxigraph``, Rust).  ``engine="auto"`` takes Oxigraph when it is
installed: on a mid-size store it loads and answers many times faster (docs/benchmarks.md, "SPARQL
engines").  The prefixes of the mapping (``gd:``, ``ent:``, ``rel:``, ``attr:``, ``item:``,
``call:``) and the usual ``rdf: rdfs: skos: dcterms: xsd:`` are predeclared, so a query can start
at ``SELECT``.
"""

from __future__ import annotations

import io
from typing import Any, Literal

from pydantic import BaseModel, Field

from grapheme_distill.errors import ExportError, MissingDependency
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.store.base import GraphStore

from ._source import GraphSource
from .rdf import DEFAULT_BASE_IRI, RdfMapping, to_rdf_graph, write_ntriples

__all__ = ["SparqlResult", "engines", "sparql_query"]

Engine = Literal["auto", "rdflib", "oxigraph"]


class SparqlResult(BaseModel):
    """A query's answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: Literal["select", "ask", "graph"]
    engine: str
    variables: list[str] = Field(default_factory=list)
    rows: list[dict[str, str | None]] = Field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[str, str, str]] = Field(default_factory=list)


def engines() -> list[str]:
    """The engines installed here, best first."""
    found = []
    try:
        import pyoxigraph  # noqa: F401

        found.append("oxigraph")
    except ImportError:
        pass
    try:
        import rdflib  # noqa: F401

        found.append("rdflib")
    except ImportError:
        pass
    return found


def prefixes(mapping: RdfMapping) -> dict[str, str]:
    """The prefixes every query may use without declaring them."""
    return dict(mapping.namespaces)


def _rdflib(graph: GraphSource, mapping: RdfMapping, query: str) -> SparqlResult:
    rdf = to_rdf_graph(graph, mapping.base)
    try:
        result = rdf.query(query, initNs=prefixes(mapping))
    except Exception as exc:  # pyparsing and rdflib raise their own, unrelated classes
        raise ExportError(f"SPARQL query failed: {exc}") from exc
    if result.type == "ASK":
        return SparqlResult(kind="ask", engine="rdflib", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return SparqlResult(
            kind="graph", engine="rdflib", triples=[(str(s), str(p), str(o)) for s, p, o in result]
        )
    names = [str(v) for v in result.vars or ()]
    rows = [
        {name: (None if row[i] is None else str(row[i])) for i, name in enumerate(names)}
        for row in result
    ]
    return SparqlResult(kind="select", engine="rdflib", variables=names, rows=rows)


def _term(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _oxigraph(graph: GraphSource, mapping: RdfMapping, query: str) -> SparqlResult:
    import pyoxigraph as ox

    store = ox.Store()
    for chunk in mapping.chunks(graph, size=20_000):  # bounded: one chunk of text at a time
        text = io.StringIO()
        write_ntriples([chunk], text)
        store.load(text.getvalue().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    try:
        result = store.query(query, prefixes=prefixes(mapping))
    except SyntaxError as exc:
        raise ExportError(f"SPARQL query failed: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return SparqlResult(kind="ask", engine="oxigraph", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        return SparqlResult(
            kind="graph",
            engine="oxigraph",
            triples=[
                (str(_term(t.subject)), str(_term(t.predicate)), str(_term(t.object)))
                for t in result
            ],
        )
    names = [v.value for v in result.variables]
    rows = [{name: _term(sol[name]) for name in names} for sol in result]
    return SparqlResult(kind="select", engine="oxigraph", variables=names, rows=rows)


def sparql_query(
    source: KnowledgeGraph | GraphStore,
    query: str,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    engine: Engine = "auto",
) -> SparqlResult:
    """Answer a SPARQL 1.1 query over ``source`` (a store or a graph) mapped to RDF.

    Raises:
        ExportError: the query does not parse or fails.
        MissingDependency: no SPARQL engine is installed (``pip install 'grapheme-distill[rdf]'``).
    """
    available = engines()
    chosen = (available[0] if available else None) if engine == "auto" else engine
    if chosen is None or chosen not in available:
        raise MissingDependency(f"SPARQL with {engine}", "rdf")
    mapping = RdfMapping(base_iri)
    run = _oxigraph if chosen == "oxigraph" else _rdflib
    return run(GraphSource(source), mapping, query)  # a store is read a chunk at a time
