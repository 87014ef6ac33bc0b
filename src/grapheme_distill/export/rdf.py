"""``turtle``, ``ntriples``, ``jsonld``: the knowledge graph as RDF, written by rdflib.

The mapping (argued in docs/exports.md), under a configurable base IRI ``B`` (default
:data:`DEFAULT_BASE_IRI`; ``export --base-iri``):

* an entity is ``B entity/<hash>``, ``a gd:Entity, gd:<Type>``, with ``rdfs:label`` and
  ``skos:altLabel`` for its aliases;
* an asserted relation is the triple ``<subject> B relation/<predicate> <object>``; a negated one
  is *not* asserted (it would say the opposite), only described;
* an attribute is ``<entity> B attribute/<name> "value"`` with ``xsd:decimal``/``xsd:date`` when
  the extractor typed it;
* hierarchy edges use the standard properties: ``rdfs:subClassOf``, ``dcterms:isPartOf``,
  ``dcterms:hasPart`` (contains), ``gd:memberOf``;
* linguistic items: definitions are ``skos:definition``; aliases, abbreviations and synonyms are
  ``skos:altLabel``;
* a procedure is ``B item/<hash> a gd:Procedure`` with ``gd:goal`` and numbered ``gd:step`` nodes;
* every item is also a node ``B item/<hash>``: an ``rdf:Statement`` (standard reification) with
  ``rdf:subject/predicate/object``, ``gd:confidence``, ``gd:negated`` and one ``gd:evidence`` node
  per independent source (``gd:source`` = ``B call/<hash>``, the teacher call
  ``grapheme-distill call HASH`` opens; ``gd:extractor``; ``gd:confidence``; ``gd:spanStart`` and
  ``gd:spanEnd`` into the answer).

Large graphs stream: items are turned into triples a chunk at a time and each chunk is serialised
and appended, so memory holds one chunk of triples beside the graph (Turtle repeats its
``@prefix`` lines per chunk, which Turtle allows; JSON-LD is one expanded array).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from grapheme_distill.errors import ExportError, MissingDependency
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    HierarchyEdge,
    HierarchyKind,
    Item,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)
from grapheme_distill.store.base import GraphStore

from . import ExportReport
from ._files import atomic_text

try:
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD
    from rdflib.plugins.serializers.nt import _nt_row
except ImportError as exc:  # pragma: no cover - the [rdf] extra is missing
    raise MissingDependency("RDF export and SPARQL", "rdf") from exc

__all__ = [
    "DEFAULT_BASE_IRI",
    "RdfMapping",
    "export_jsonld",
    "export_ntriples",
    "export_turtle",
    "to_rdf_graph",
]

#: The default base IRI: example.org is reserved for documentation, so an unconfigured export is
#: recognisably unconfigured; set your own with ``--base-iri``.
DEFAULT_BASE_IRI = "https://example.org/grapheme-distill/"
#: Items per serialised chunk: bounds the triples held in memory at once.
CHUNK = 2000

Triple = tuple[Any, Any, Any]


_TYPED = (
    ("number", re.compile(r"[+-]?\d+"), XSD.integer),
    ("number", re.compile(r"[+-]?(\d+\.\d*|\.\d+)"), XSD.decimal),
    ("number", re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"), XSD.double),
    ("date", re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    ("date", re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    ("date", re.compile(r"\d{4}"), XSD.gYear),
)


def typed_literal(value: str, datatype: str) -> Literal:
    """An attribute value as a typed literal when its text is a valid lexical form of the XSD
    type (``1991`` → ``xsd:gYear``, ``-3.5`` → ``xsd:decimal``); a number or date the extractor
    kept in words (``2.1 million``) stays a plain string, since a typed literal with an invalid
    lexical form is an error for every RDF reader."""
    for kind, pattern, xsd in _TYPED:
        if kind == datatype and pattern.fullmatch(value):
            return Literal(value, datatype=xsd)
    return Literal(value)


class RdfMapping:
    """IRIs and triples for one base IRI (the mapping in the module docstring)."""

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI) -> None:
        if not base_iri.startswith(("http://", "https://", "urn:", "tag:", "file:")):
            raise ExportError(f"base IRI {base_iri!r} must be absolute (http://…, urn:…)")
        if not base_iri.endswith(("/", "#", ":")):
            base_iri += "/"
        self.base = base_iri
        self.gd = Namespace(base_iri + "vocab#")
        self.entity_ns = Namespace(base_iri + "entity/")
        self.relation_ns = Namespace(base_iri + "relation/")
        self.attribute_ns = Namespace(base_iri + "attribute/")
        self.item_ns = Namespace(base_iri + "item/")
        self.call_ns = Namespace(base_iri + "call/")

    def bind(self, graph: Graph) -> None:
        for prefix, ns in (("gd", self.gd), ("ent", self.entity_ns), ("rel", self.relation_ns),
                           ("attr", self.attribute_ns), ("item", self.item_ns),
                           ("call", self.call_ns), ("skos", SKOS), ("dcterms", DCTERMS)):
            graph.bind(prefix, ns)

    @staticmethod
    def _local(value: str) -> str:
        """An IRI-safe local name: hashes lose their ``sha256:`` tag, anything else is
        percent-encoded (predicates are snake_case words, but in any script)."""
        return quote(value.split(":", 1)[1] if value.startswith("sha256:") else value, safe="")

    def entity(self, entity_id: str) -> URIRef:
        return self.entity_ns[self._local(entity_id)]

    def item(self, item_id: str) -> URIRef:
        return self.item_ns[self._local(item_id)]

    def call(self, source: str) -> URIRef:
        return self.call_ns[self._local(source)]

    def entity_triples(self, graph: KnowledgeGraph) -> Iterator[Triple]:
        for e in graph.entities.values():
            node = self.entity(e.id)
            yield node, RDF.type, self.gd.Entity
            yield node, RDF.type, self.gd[e.type.value.capitalize()]
            yield node, RDFS.label, Literal(e.name)
            for alias in e.aliases:
                yield node, SKOS.altLabel, Literal(alias)

    def _statement(self, item: Item) -> tuple[Any, Any, Any, bool] | None:
        """(subject, predicate, object, asserted) of the triple an item states, if one."""
        if isinstance(item, Relation):
            return (self.entity(item.subject), self.relation_ns[self._local(item.predicate)],
                    self.entity(item.object), not item.negated)
        if isinstance(item, Attribute):
            return (self.entity(item.entity), self.attribute_ns[self._local(item.name)],
                    typed_literal(item.value, item.datatype),
                    True)
        if isinstance(item, HierarchyEdge):
            child, parent = self.entity(item.child), self.entity(item.parent)
            if item.relation is HierarchyKind.CONTAINS:
                return parent, DCTERMS.hasPart, child, True
            prop = {HierarchyKind.SUBCLASS_OF: RDFS.subClassOf,
                    HierarchyKind.PART_OF: DCTERMS.isPartOf}.get(item.relation, self.gd.memberOf)
            return child, prop, parent, True
        if isinstance(item, LinguisticItem):
            prop = (SKOS.definition if item.relation is LinguisticKind.DEFINITION
                    else SKOS.altLabel)
            return self.entity(item.entity), prop, Literal(item.value), True
        return None

    def item_triples(self, item: Item, graph: KnowledgeGraph) -> Iterator[Triple]:
        """The item's own triple (when asserted), its statement node and its evidence."""
        node = self.item(item.id)
        gd = self.gd
        yield node, gd.kind, Literal(item.kind)
        yield node, gd.confidence, Literal(round(item.confidence, 6), datatype=XSD.double)
        statement = self._statement(item)
        if statement is not None:
            s, p, o, asserted = statement
            if asserted:
                yield s, p, o
            yield node, RDF.type, RDF.Statement
            yield node, RDF.subject, s
            yield node, RDF.predicate, p
            yield node, RDF.object, o
            if isinstance(item, Relation):
                yield node, gd.negated, Literal(item.negated)
            if isinstance(item, Attribute):
                yield node, gd.datatype, Literal(item.datatype)
            if isinstance(item, LinguisticItem):
                yield node, gd.linguisticKind, Literal(item.relation.value)
        if isinstance(item, Procedure):
            yield node, RDF.type, gd.Procedure
            yield node, gd.goal, Literal(item.goal)
            if item.entity:
                yield node, gd.about, self.entity(item.entity)
            for n, text in enumerate(item.steps, 1):
                step = BNode()
                yield node, gd.step, step
                yield step, gd.position, Literal(n)
                yield step, RDFS.label, Literal(text)
        for ev in graph.evidence.get(item.id, {}).values():
            evidence = BNode()
            yield node, gd.evidence, evidence
            yield evidence, gd.source, self.call(ev.source)
            yield evidence, gd.extractor, Literal(ev.extractor)
            yield evidence, gd.confidence, Literal(round(ev.confidence, 6), datatype=XSD.double)
            if ev.span is not None:
                yield evidence, gd.spanStart, Literal(ev.span[0])
                yield evidence, gd.spanEnd, Literal(ev.span[1])

    def chunks(self, graph: KnowledgeGraph, size: int = CHUNK) -> Iterator[list[Triple]]:
        """The whole graph's triples, ``size`` entities or items at a time."""
        entities = iter(graph.entities.values())
        while batch := list(islice(entities, size)):
            yield list(self.entity_triples(KnowledgeGraph(entities={e.id: e for e in batch})))
        items = graph.iter_items()
        while batch_items := list(islice(items, size)):
            yield [t for item in batch_items for t in self.item_triples(item, graph)]


def to_rdf_graph(graph: KnowledgeGraph, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The whole knowledge graph as one in-memory rdflib :class:`~rdflib.Graph`."""
    mapping = RdfMapping(base_iri)
    out = Graph()
    mapping.bind(out)
    for chunk in mapping.chunks(graph):
        for triple in chunk:
            out.add(triple)
    return out


def write_ntriples(chunks: Iterable[list[Triple]], handle: TextIO) -> int:
    """N-Triples, line by line (rdflib's own row writer, without building a graph)."""
    count = 0
    for chunk in chunks:
        handle.write("".join(_nt_row(t) for t in chunk))
        count += len(chunk)
    return count


def _write(graph: KnowledgeGraph, path: Path, fmt: str, options: dict[str, str] | None) -> int:
    mapping = RdfMapping((options or {}).get("base_iri", DEFAULT_BASE_IRI))
    count = 0
    with atomic_text(path) as handle:
        if fmt == "nt":
            return write_ntriples(mapping.chunks(graph), handle)
        first = True
        if fmt == "json-ld":
            handle.write("[\n")
        for chunk in mapping.chunks(graph):
            part = Graph()
            mapping.bind(part)
            for triple in chunk:
                part.add(triple)
            count += len(chunk)
            if fmt == "turtle":
                handle.write(part.serialize(format="turtle"))
                continue
            nodes = json.loads(part.serialize(format="json-ld"))
            for node in nodes:
                handle.write(("" if first else ",\n") + json.dumps(node, ensure_ascii=False))
                first = False
        if fmt == "json-ld":
            handle.write("\n]\n")
    return count


def _report(fmt: str, path: Path, graph: KnowledgeGraph, triples: int) -> ExportReport:
    return ExportReport(format=fmt, path=str(path), nodes=len(graph.entities),
                        edges=sum(1 for _ in graph.iter_items()), details={"triples": triples})


def export_turtle(graph: KnowledgeGraph, path: Path, *, store: GraphStore | None = None,
                  config: object | None = None,
                  options: dict[str, str] | None = None) -> ExportReport:
    """Turtle (``options``: ``base_iri``)."""
    return _report("turtle", path, graph, _write(graph, path, "turtle", options))


def export_ntriples(graph: KnowledgeGraph, path: Path, *, store: GraphStore | None = None,
                    config: object | None = None,
                    options: dict[str, str] | None = None) -> ExportReport:
    """N-Triples, one triple a line (``options``: ``base_iri``)."""
    return _report("ntriples", path, graph, _write(graph, path, "nt", options))


def export_jsonld(graph: KnowledgeGraph, path: Path, *, store: GraphStore | None = None,
                  config: object | None = None,
                  options: dict[str, str] | None = None) -> ExportReport:
    """Expanded JSON-LD, one array of node objects (``options``: ``base_iri``)."""
    return _report("jsonld", path, graph, _write(graph, path, "json-ld", options))
