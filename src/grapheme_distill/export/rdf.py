"""``turtle``, ``ntriples``, ``jsonld``: the knowledge graph as RDF.

The mapping (argued in docs/exports.md), under a configurable base IRI ``B`` (default
:data:`DEFAULT_BASE_IRI`; ``export --base-iri``):

* an entity is ``B entity/<hash>``, ``a gd:Entity, gd:<Type>``, with ``rdfs:label`` and
  ``skos:altLabel`` for its aliases;
* an asserted relation is the triple ``<subject> B relation/<predicate> <object>``; a negated one
  is *not* asserted (it would say the opposite), only described;
* an attribute is ``<entity> B attribute/<name> "value"``, typed (``xsd:integer``, ``xsd:gYear``
  …) when its text is a valid lexical form of the type the extractor gave (:func:`typed_literal`);
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

Writing.  A million observations are some ten million triples; building an rdflib (or Oxigraph)
term object for each costs microseconds apiece, minutes in all, and rdflib's Turtle and JSON-LD
serialisers cost ten times more again.  So :class:`RdfMapping` produces every term directly in
N-Triples syntax — IRIs it builds itself from percent-encoded names, literals escaped as the
N-Triples grammar says (``\\``, ``"``, line ends and every other control character escaped) —
and the three writers stream them, a chunk of the store at a time (:mod:`._source`): N-Triples
line by line, Turtle grouped by subject with prefixed names (every N-Triples term is a Turtle
term), expanded JSON-LD as one array of node objects (JSON escaping by :mod:`json`).  rdflib
and Oxigraph read every file back in the tests (equal graphs, for hostile labels too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from grapheme_distill.errors import ExportError
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
from ._source import GraphSource, as_source

__all__ = [
    "DEFAULT_BASE_IRI",
    "RdfMapping",
    "export_jsonld",
    "export_ntriples",
    "export_turtle",
    "literal",
    "to_rdf_graph",
    "typed_literal",
]

#: The default base IRI: example.org is reserved for documentation, so an unconfigured export is
#: recognisably unconfigured; set your own with ``--base-iri``.
DEFAULT_BASE_IRI = "https://example.org/grapheme-distill/"
#: Entities or items per chunk: bounds the triples held in memory at once.
CHUNK = 2000

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"

#: a triple as three N-Triples terms
Triple = tuple[str, str, str]

_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\\ufffe\uffff]')
_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or f"\\u{ord(char):04X}"


def literal(text: str, datatype: str | None = None) -> str:
    """``text`` as an N-Triples (and Turtle) literal, optionally typed by the IRI ``datatype``."""
    body = _ESCAPE.sub(_escape_char, text) if _ESCAPE.search(text) else text
    return f'"{body}"^^<{datatype}>' if datatype else f'"{body}"'


_TYPED = (
    ("number", re.compile(r"[+-]?\d+"), XSD + "integer"),
    ("number", re.compile(r"[+-]?(\d+\.\d*|\.\d+)"), XSD + "decimal"),
    ("number", re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"), XSD + "double"),
    ("date", re.compile(r"\d{4}-\d{2}-\d{2}"), XSD + "date"),
    ("date", re.compile(r"\d{4}-\d{2}"), XSD + "gYearMonth"),
    ("date", re.compile(r"\d{4}"), XSD + "gYear"),
)


def typed_literal(value: str, datatype: str) -> tuple[str, str | None]:
    """(lexical form, XSD datatype IRI or None) of an attribute value: typed when the text is a
    valid lexical form of the type (``1991`` → ``xsd:gYear``, ``-3.5`` → ``xsd:decimal``); a
    number or date kept in words (``2.1 million``) stays a plain string, since a typed literal
    with an invalid lexical form is an error for every RDF reader."""
    for kind, pattern, xsd in _TYPED:
        if kind == datatype and pattern.fullmatch(value):
            return value, xsd
    return value, None


class RdfMapping:
    """IRIs and triples (as N-Triples terms) for one base IRI."""

    def __init__(self, base_iri: str = DEFAULT_BASE_IRI) -> None:
        if not base_iri.startswith(("http://", "https://", "urn:", "tag:", "file:")) or re.search(
            r'[\s<>"{}|\\^`]', base_iri
        ):
            raise ExportError(f"base IRI {base_iri!r} must be an absolute IRI (http://…, urn:…)")
        if not base_iri.endswith(("/", "#", ":")):
            base_iri += "/"
        self.base = base_iri
        self.namespaces = {
            "gd": base_iri + "vocab#",
            "ent": base_iri + "entity/",
            "rel": base_iri + "relation/",
            "attr": base_iri + "attribute/",
            "item": base_iri + "item/",
            "call": base_iri + "call/",
            "rdf": RDF,
            "rdfs": RDFS,
            "skos": SKOS,
            "dcterms": DCTERMS,
            "xsd": XSD,
        }
        self._blank = 0
        #: entities and items :meth:`chunks` has produced (what an export reports)
        self.entities_written = self.items_written = 0
        gd = self.namespaces["gd"]
        self.v = {
            name: f"<{gd}{name}>"
            for name in (
                "Entity",
                "Procedure",
                "kind",
                "confidence",
                "negated",
                "datatype",
                "linguisticKind",
                "goal",
                "about",
                "step",
                "position",
                "evidence",
                "source",
                "extractor",
                "spanStart",
                "spanEnd",
                "memberOf",
                "conflict",
            )
        }
        self.type, self.label = f"<{RDF}type>", f"<{RDFS}label>"
        self.alt_label, self.definition = f"<{SKOS}altLabel>", f"<{SKOS}definition>"
        self.statement = (
            f"<{RDF}Statement>",
            f"<{RDF}subject>",
            f"<{RDF}predicate>",
            f"<{RDF}object>",
        )
        self.hierarchy = {
            HierarchyKind.SUBCLASS_OF: f"<{RDFS}subClassOf>",
            HierarchyKind.PART_OF: f"<{DCTERMS}isPartOf>",
            HierarchyKind.CONTAINS: f"<{DCTERMS}hasPart>",
            HierarchyKind.MEMBER_OF: self.v["memberOf"],
        }

    @staticmethod
    def _local(value: str) -> str:
        """An IRI-safe local name: hashes lose their ``sha256:`` tag, anything else is
        percent-encoded (predicates are snake_case words, but in any script)."""
        return quote(value.removeprefix("sha256:"), safe="")

    def iri(self, prefix: str, local: str) -> str:
        return f"<{self.namespaces[prefix]}{self._local(local)}>"

    def blank(self) -> str:
        self._blank += 1
        return f"_:b{self._blank}"

    def entity_triples(self, graph: KnowledgeGraph, ids: Iterable[str]) -> Iterator[Triple]:
        gd_type = f"<{self.namespaces['gd']}"
        for entity_id in ids:
            e = graph.entities[entity_id]
            node = self.iri("ent", e.id)
            yield node, self.type, self.v["Entity"]
            yield node, self.type, f"{gd_type}{e.type.value.capitalize()}>"
            yield node, self.label, literal(e.name)
            for alias in e.aliases:
                yield node, self.alt_label, literal(alias)

    def _statement(self, item: Item) -> tuple[str, str, str, bool] | None:
        """(subject, predicate, object, asserted) of the triple an item states, if one."""
        if isinstance(item, Relation):
            return (
                self.iri("ent", item.subject),
                self.iri("rel", item.predicate),
                self.iri("ent", item.object),
                not item.negated,
            )
        if isinstance(item, Attribute):
            return (
                self.iri("ent", item.entity),
                self.iri("attr", item.name),
                literal(*typed_literal(item.value, item.datatype)),
                True,
            )
        if isinstance(item, HierarchyEdge):
            child, parent = self.iri("ent", item.child), self.iri("ent", item.parent)
            if item.relation is HierarchyKind.CONTAINS:
                return parent, self.hierarchy[item.relation], child, True
            return child, self.hierarchy[item.relation], parent, True
        if isinstance(item, LinguisticItem):
            prop = self.definition if item.relation is LinguisticKind.DEFINITION else self.alt_label
            return self.iri("ent", item.entity), prop, literal(item.value), True
        return None

    def item_triples(
        self, item: Item, graph: KnowledgeGraph, conflict: str = ""
    ) -> Iterator[Triple]:
        """The item's own triple (when asserted), its statement node and its evidence; with
        ``gd:conflict`` the contradiction flag (:attr:`~._source.GraphSource.conflict_flags`)."""
        node, v = self.iri("item", item.id), self.v
        double = XSD + "double"
        yield node, v["kind"], literal(item.kind)
        yield node, v["confidence"], literal(repr(round(item.confidence, 6)), double)
        if conflict:
            yield node, v["conflict"], literal(conflict)
        statement = self._statement(item)
        if statement is not None:
            s, p, o, asserted = statement
            if asserted:
                yield s, p, o
            kind, subject, predicate, obj = self.statement
            yield node, self.type, kind
            yield node, subject, s
            yield node, predicate, p
            yield node, obj, o
            if isinstance(item, Relation):
                yield (
                    node,
                    v["negated"],
                    literal("true" if item.negated else "false", XSD + "boolean"),
                )
            if isinstance(item, Attribute):
                yield node, v["datatype"], literal(item.datatype)
            if isinstance(item, LinguisticItem):
                yield node, v["linguisticKind"], literal(item.relation.value)
        if isinstance(item, Procedure):
            yield node, self.type, v["Procedure"]
            yield node, v["goal"], literal(item.goal)
            if item.entity:
                yield node, v["about"], self.iri("ent", item.entity)
            for n, text in enumerate(item.steps, 1):
                step = self.blank()
                yield node, v["step"], step
                yield step, v["position"], literal(str(n), XSD + "integer")
                yield step, self.label, literal(text)
        for ev in graph.evidence.get(item.id, {}).values():
            evidence = self.blank()
            yield node, v["evidence"], evidence
            yield evidence, v["source"], self.iri("call", ev.source)
            yield evidence, v["extractor"], literal(ev.extractor)
            yield evidence, v["confidence"], literal(repr(round(ev.confidence, 6)), double)
            if ev.span is not None:
                yield evidence, v["spanStart"], literal(str(ev.span[0]), XSD + "integer")
                yield evidence, v["spanEnd"], literal(str(ev.span[1]), XSD + "integer")

    def chunks(
        self, graph: KnowledgeGraph | GraphSource, size: int = CHUNK
    ) -> Iterator[list[Triple]]:
        """The whole graph's triples, ``size`` entities or items at a time; a store is read a
        chunk of entities at a time (:class:`~._source.GraphSource`)."""
        source = as_source(graph)
        flags = source.conflict_flags
        for part in source.chunks():
            entities = iter(part.graph.entities)
            while batch := list(islice(entities, size)):
                self.entities_written += len(batch)
                yield list(self.entity_triples(part.graph, batch))
            items = part.graph.iter_items()
            while batch_items := list(islice(items, size)):
                self.items_written += len(batch_items)
                yield [
                    t
                    for item in batch_items
                    for t in self.item_triples(item, part.graph, flags.get(item.id, ""))
                ]


def write_ntriples(chunks: Iterable[list[Triple]], handle: TextIO) -> int:
    """N-Triples, one triple a line."""
    count = 0
    for chunk in chunks:
        handle.write("".join(f"{s} {p} {o} .\n" for s, p, o in chunk))
        count += len(chunk)
    return count


_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_%-]*[A-Za-z0-9_])?")


def _turtle_term(term: str, prefixes: list[tuple[str, str]]) -> str:
    """An N-Triples term, shortened to a prefixed name when its local part is plainly safe."""
    if term.startswith("<"):
        iri = term[1:-1]
        for prefix, namespace in prefixes:
            if iri.startswith(namespace) and _PN_LOCAL.fullmatch(iri[len(namespace) :]):
                return f"{prefix}:{iri[len(namespace) :]}"
    return term


def write_turtle(mapping: RdfMapping, chunks: Iterable[list[Triple]], handle: TextIO) -> int:
    """Turtle: ``@prefix`` lines, then each subject's triples as one ``;`` block."""
    prefixes = sorted(mapping.namespaces.items(), key=lambda kv: -len(kv[1]))
    handle.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in mapping.namespaces.items()))
    rdf_type = mapping.type
    count = 0
    for chunk in chunks:
        out = []
        for subject, triples in groupby(chunk, key=lambda t: t[0]):
            lines = [
                f"{'a' if p == rdf_type else _turtle_term(p, prefixes)} {_turtle_term(o, prefixes)}"
                for _, p, o in triples
            ]
            count += len(lines)
            out.append(f"\n{_turtle_term(subject, prefixes)} " + " ;\n    ".join(lines) + " .\n")
        handle.write("".join(out))
    return count


def _jsonld_value(term: str) -> dict[str, str]:
    """An N-Triples term as a JSON-LD value.  A literal's body holds no unescaped ``"``, so the
    last ``"^^<`` starts its datatype; its escapes are JSON escapes, decoded only when present
    (most literals have none: ten million of them at a million observations)."""
    if term[0] == "<":
        return {"@id": term[1:-1]}
    if term[0] == "_":
        return {"@id": term}
    if term[-1] == '"':
        body, datatype = term[1:-1], ""
    else:
        cut = term.rindex('"^^<')
        body, datatype = term[1:cut], term[cut + 4 : -1]
    text = json.loads('"' + body + '"') if "\\" in body else body
    return {"@value": text, "@type": datatype} if datatype else {"@value": text}


def write_jsonld(chunks: Iterable[list[Triple]], handle: TextIO) -> int:
    """Expanded JSON-LD: one array of node objects, a subject's triples in one object (a subject
    may recur in a later chunk: JSON-LD processors merge node objects with the same ``@id``)."""
    count, first = 0, True
    handle.write("[")
    for chunk in chunks:
        for subject, triples in groupby(chunk, key=lambda t: t[0]):
            node: dict[str, Any] = {"@id": subject[1:-1] if subject.startswith("<") else subject}
            for _, p, o in triples:
                count += 1
                if p == "<" + RDF + "type>":
                    node.setdefault("@type", []).append(o[1:-1])
                else:
                    node.setdefault(p[1:-1], []).append(_jsonld_value(o))
            handle.write(("\n" if first else ",\n") + json.dumps(node, ensure_ascii=False))
            first = False
    handle.write("\n]\n")
    return count


def to_rdf_graph(graph: KnowledgeGraph | GraphSource, base_iri: str = DEFAULT_BASE_IRI) -> Any:
    """The whole knowledge graph as one in-memory rdflib ``Graph`` (needs the ``[rdf]`` extra)."""
    import io

    from rdflib import Graph

    text = io.StringIO()
    mapping = RdfMapping(base_iri)
    write_ntriples(mapping.chunks(graph), text)
    out = Graph()
    for prefix, namespace in mapping.namespaces.items():
        out.bind(prefix, namespace)
    return out.parse(data=text.getvalue(), format="nt")


def _export(
    graph: KnowledgeGraph | GraphSource, path: Path, fmt: str, options: dict[str, str] | None
) -> ExportReport:
    mapping = RdfMapping((options or {}).get("base_iri", DEFAULT_BASE_IRI))
    with atomic_text(path) as handle:
        if fmt == "ntriples":
            triples = write_ntriples(mapping.chunks(graph), handle)
        elif fmt == "turtle":
            triples = write_turtle(mapping, mapping.chunks(graph), handle)
        else:
            triples = write_jsonld(mapping.chunks(graph), handle)
    return ExportReport(
        format=fmt,
        path=str(path),
        nodes=mapping.entities_written,
        edges=mapping.items_written,
        details={"triples": triples},
    )


def export_turtle(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
    options: dict[str, str] | None = None,
) -> ExportReport:
    """Turtle (``options``: ``base_iri``)."""
    return _export(graph, path, "turtle", options)


def export_ntriples(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
    options: dict[str, str] | None = None,
) -> ExportReport:
    """N-Triples, one triple a line (``options``: ``base_iri``)."""
    return _export(graph, path, "ntriples", options)


def export_jsonld(
    graph: KnowledgeGraph | GraphSource,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: object | None = None,
    options: dict[str, str] | None = None,
) -> ExportReport:
    """Expanded JSON-LD, one array of node objects (``options``: ``base_iri``)."""
    return _export(graph, path, "jsonld", options)
