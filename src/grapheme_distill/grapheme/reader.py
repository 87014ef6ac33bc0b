"""Reader: ``<name>.grapheme.json`` + ``<name>.sidecar.json`` → an equal KnowledgeGraph, streaming.

The reader inverts :func:`~grapheme_distill.grapheme.layout.walk`.  Everything that *is* knowledge
comes from the GRAPHEME graph: labels and values are re-read from the ``Input`` characters of each
concept's ``Clique`` members, entity types, knowledge types, datatypes and negation from the
``Structural`` edges of the hub ``Keyword`` nodes, predicates, attribute names and kinds from the
item nodes, confidences from role-edge weights, order (aliases, steps) from edge order.  The sidecar
only says which node is which id and adds what GRAPHEME cannot hold (spans, qualifiers, evidence).
Every inconsistency is an :class:`~grapheme_distill.errors.ExportError` naming the file and the
node, because a reader that guessed would silently turn a damaged file into a different graph.

**Memory.**  An export holds ~270 bytes of JSON per character; ``json.load`` of it costs several
kilobytes per character (tens of GB for 10 M characters).  The graph file is therefore parsed with
ijson (yajl's C parser) one node and one edge at a time, in two passes, and only what the layout
needs is kept, in typed arrays: per node a kind byte and one 32-bit number (the code point of a
character, the offset of a concept's member list, the index of a label), the member lists, and the
edges that carry knowledge (``Semantic`` and ``Structural``; the texts' ``Clique``/``Sequential``
edges and ``Skip`` back-edges are only counted), and adjacency is a CSR index over the kept
edges (numpy, 4-byte offsets): ~35 bytes per character at peak, measured (``docs/benchmarks.md``).
The sidecar is streamed the same way, and
:class:`GraphemeReader` hands entities, items and evidence out one at a time, so a caller that
stores them elsewhere never holds the whole :class:`KnowledgeGraph`.

**Versions.**  Sidecar format v2 is the current layout (hubs are the sources of their edges, items
are ``Call`` nodes).  v1 files, written before grapheme-core compatibility was checked (hubs were
edge targets, relations and attributes ``SemanticUnit`` nodes), are still read.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final

import ijson
import numpy as np
from numpy.typing import NDArray

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme.convert import SIDECAR_FORMAT, grapheme_paths
from grapheme_distill.grapheme.layout import HUBS, ITEM_NODE, NEGATED
from grapheme_distill.model.graph import Evidence, KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    HierarchyEdge,
    Item,
    LinguisticItem,
    Procedure,
    Relation,
)

__all__ = ["SIDECAR_V1", "GraphemeReader", "read_grapheme"]

SIDECAR_V1: Final = "grapheme-distill.grapheme-sidecar.v1"

# node kinds in the index
_INPUT, _CLIQUE, _KEYWORD, _CALL, _SEMANTIC_UNIT, _HIDDEN, _OTHER = range(7)
_LABELLED: Final = {"Keyword": _KEYWORD, "Call": _CALL, "SemanticUnit": _SEMANTIC_UNIT}
_KIND_NAME: Final = {
    _INPUT: "Input",
    _CLIQUE: "Clique",
    _KEYWORD: "Keyword",
    _CALL: "Call",
    _SEMANTIC_UNIT: "SemanticUnit",
    _HIDDEN: "Hidden",
    _OTHER: "other",
}
# edges that carry knowledge; every other edge type is derived (texts) or a back-reference
_SEMANTIC, _STRUCTURAL = 0, 1
_KEPT: Final = {"Semantic": _SEMANTIC, "Structural": _STRUCTURAL}
_HUB_NAMES: Final = frozenset(HUBS)
_ITEM_KIND: Final = _LABELLED[ITEM_NODE]
_BUF: Final = 1 << 16  # ijson builds a whole buffer's objects at once: keep it small
_MAX_INDEX: Final = 2**31 - 1

_Edge = tuple[int, int, float]  # (other end, edge type code, weight)


def _open(path: Path, what: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise ExportError(
            f"{path}: {what} not found; a GRAPHEME export is two files written together "
            "(<name>.grapheme.json and <name>.sidecar.json) — export again or copy both"
        ) from exc
    except OSError as exc:
        raise ExportError(f"{path}: cannot read the {what}: {exc}") from exc


def _stream(path: Path, what: str, prefix: str, kv: bool = False) -> Iterator[Any]:
    """ijson ``items`` (or ``kvitems``) at ``prefix``; a parse error becomes an ExportError with
    the byte offset (exports are one line, so the offset is the position)."""
    with _open(path, what) as fh:
        parse = ijson.kvitems if kv else ijson.items
        try:
            yield from parse(fh, prefix, use_float=True, buf_size=_BUF)
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise ExportError(
                f"{path}: {what} is not valid JSON (error at or before byte {fh.tell()}: "
                f"{str(exc).strip()[:200]}); the file is truncated or damaged, export again"
            ) from exc


class _Index:
    """The compact, indexed view of a GRAPHEME graph file (see the module docstring)."""

    def __init__(self, path: Path, hubs_are_sources: bool) -> None:
        self.path = path
        self.hubs_are_sources = hubs_are_sources
        self.kind = array("b")
        self.ref = array("i")
        self.members = array("i")  # per concept: member count, then the members
        self.labels: list[str] = []
        self._read_nodes()
        self.nodes = len(self.kind)
        self._read_edges()

    def fail(self, node: int, reason: str) -> ExportError:
        return ExportError(
            f"{self.path}: node {node}: {reason}; the export is damaged, export again"
        )

    def _read_nodes(self) -> None:
        kind, ref, members, labels = self.kind, self.ref, self.members, self.labels
        label_index: dict[str, int] = {}
        add_kind, add_ref = kind.append, ref.append
        for node_type in _stream(self.path, "GRAPHEME graph", "graph.nodes.item.node_type"):
            try:
                if type(node_type) is dict and len(node_type) == 1:
                    ((name, payload),) = node_type.items()
                    if name == "Input":
                        add_ref(ord(payload))
                        add_kind(_INPUT)
                    elif name == "Clique":
                        add_ref(len(members))
                        members.append(len(payload))
                        members.extend(payload)
                        add_kind(_CLIQUE)
                    elif name in _LABELLED and isinstance(payload, str):
                        index = label_index.get(payload)
                        if index is None:
                            index = label_index[payload] = len(labels)
                            labels.append(payload)
                        add_ref(index)
                        add_kind(_LABELLED[name])
                    else:
                        add_ref(-1)
                        add_kind(_OTHER)
                else:
                    add_ref(-1)
                    add_kind(_HIDDEN if node_type == "Hidden" else _OTHER)
            except (TypeError, OverflowError) as exc:
                raise self.fail(len(kind), f"malformed node type {node_type!r} ({exc})") from exc
        if len(kind) > _MAX_INDEX:
            raise ExportError(f"{self.path}: more than {_MAX_INDEX} nodes; too large to read")

    def _read_edges(self) -> None:
        src, dst, etype, weight = array("i"), array("i"), array("b"), array("d")
        count = 0
        n = self.nodes
        for edge in _stream(self.path, "GRAPHEME graph", "graph.edges.item"):
            if edge is None:  # a petgraph edge hole
                continue
            count += 1
            try:
                code = _KEPT.get(edge[2]["edge_type"])
                if code is not None:
                    s, d = edge[0], edge[1]
                    if not (0 <= s < n and 0 <= d < n):
                        raise ValueError(f"endpoint out of range (graph has {n} nodes)")
                    src.append(s)
                    dst.append(d)
                    etype.append(code)
                    weight.append(float(edge[2]["weight"]))
            except (TypeError, KeyError, IndexError, ValueError) as exc:
                raise ExportError(
                    f"{self.path}: edge {count - 1} is not [source, target, {{weight, edge_type}}]: "
                    f"{edge!r} ({exc}); the export is damaged, export again"
                ) from exc
        self.edge_count = count
        self.src, self.dst, self.etype, self.weight = src, dst, etype, weight
        self.out_order, self.out_ptr = self._adjacency(src)
        self.in_order, self.in_ptr = self._adjacency(dst)

    def _adjacency(self, ends: array[int]) -> tuple[NDArray[np.int32], NDArray[np.int32]]:
        """Edge indices sorted by ``ends`` (stable: file order within a node) and per-node start
        offsets into them (CSR), 4 bytes each; the offsets are computed a slice of nodes at a
        time so that no 8-byte-per-node temporary exists."""
        keys = np.frombuffer(ends, dtype=np.int32) if len(ends) else np.zeros(0, dtype=np.int32)
        if len(keys) > _MAX_INDEX:
            raise ExportError(
                f"{self.path}: more than {_MAX_INDEX} knowledge edges; too large to read"
            )
        order = np.argsort(keys, kind="stable").astype(np.int32)
        ordered = keys[order]
        ptr = np.empty(self.nodes + 1, dtype=np.int32)
        step = 1 << 16  # 64 Ki nodes: 0.75 MiB of temporaries
        for lo in range(0, self.nodes + 1, step):
            hi = min(lo + step, self.nodes + 1)
            ptr[lo:hi] = np.searchsorted(ordered, np.arange(lo, hi, dtype=np.int32))
        return order, ptr

    # ------------------------------------------------------------------ queries
    def check(self, node: Any) -> int:
        if type(node) is not int or not 0 <= node < self.nodes:
            raise ExportError(
                f"{self.path}: the sidecar names node {node!r}, which the graph lacks"
            )
        return node

    def out_edges(self, node: int) -> list[_Edge]:
        a, b = int(self.out_ptr[node]), int(self.out_ptr[node + 1])
        dst, etype, weight = self.dst, self.etype, self.weight
        return [(dst[i], etype[i], weight[i]) for i in self.out_order[a:b].tolist()]

    def in_edges(self, node: int) -> list[_Edge]:
        a, b = int(self.in_ptr[node]), int(self.in_ptr[node + 1])
        src, etype, weight = self.src, self.etype, self.weight
        return [(src[i], etype[i], weight[i]) for i in self.in_order[a:b].tolist()]

    def is_hub(self, node: int) -> bool:
        return self.kind[node] == _KEYWORD and self.labels[self.ref[node]] in _HUB_NAMES

    def label(self, node: int, kind: int) -> str:
        if self.kind[node] != kind:
            raise self.fail(
                node, f"expected a {_KIND_NAME[kind]} node, found {_KIND_NAME[self.kind[node]]}"
            )
        return self.labels[self.ref[node]]

    def text(self, concept: int) -> str:
        """The label of a concept: the Input characters of its Clique members."""
        if self.kind[concept] != _CLIQUE:
            raise self.fail(
                concept, f"expected a Clique concept, found {_KIND_NAME[self.kind[concept]]}"
            )
        start = self.ref[concept] + 1
        kind, ref = self.kind, self.ref
        chars = []
        for m in self.members[start : start + self.members[start - 1]]:
            if not 0 <= m < self.nodes or kind[m] != _INPUT:
                raise self.fail(concept, f"member {m} is not an Input character")
            chars.append(ref[m])
        try:
            return "".join(map(chr, chars))
        except ValueError as exc:
            raise self.fail(concept, f"a member is not a Unicode character ({exc})") from exc

    def hubs(self, node: int, prefix: str) -> list[str]:
        """The ``prefix`` hubs classifying ``node`` (v2: hub → node; v1: node → hub)."""
        edges = self.in_edges(node) if self.hubs_are_sources else self.out_edges(node)
        labels, ref = self.labels, self.ref
        return [
            labels[ref[other]][len(prefix) :]
            for other, code, _ in edges
            if code == _STRUCTURAL and self.is_hub(other) and labels[ref[other]].startswith(prefix)
        ]

    def one_hub(self, node: int, prefix: str) -> str:
        found = self.hubs(node, prefix)
        if len(found) != 1:
            raise self.fail(node, f"expected one edge to a '{prefix}' hub, found {len(found)}")
        return found[0]

    def role_out(self, node: int, code: int) -> list[tuple[int, float]]:
        return [(d, w) for d, c, w in self.out_edges(node) if c == code and not self.is_hub(d)]

    def role_in(self, node: int, code: int) -> list[tuple[int, float]]:
        return [(s, w) for s, c, w in self.in_edges(node) if c == code and not self.is_hub(s)]

    def single(self, edges: list[tuple[int, float]], node: int, role: str) -> tuple[int, float]:
        if len(edges) != 1:
            raise self.fail(node, f"expected one {role} edge, found {len(edges)}")
        return edges[0]


class GraphemeReader:
    """Streams a GRAPHEME export back: :meth:`entities`, :meth:`items` and :meth:`evidence` yield
    one object at a time, in the order they were written.

    Opening indexes the graph file (two ijson passes, ~35 bytes per character at peak) and checks
    the two files against each other; each generator then streams the sidecar.  :func:`read_grapheme`
    collects all three into a :class:`KnowledgeGraph`.

    Raises:
        ExportError: a file is missing, not JSON, not a GRAPHEME export, or inconsistent with the
            other (raised by the constructor or by the generators, naming file and node).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.graph_path, self.sidecar_path = grapheme_paths(path)
        fmt = next(_stream(self.sidecar_path, "sidecar", "format"), None)
        if fmt not in (SIDECAR_FORMAT, SIDECAR_V1):
            raise ExportError(
                f"{self.sidecar_path}: not a grapheme-distill sidecar (format {fmt!r}, expected "
                f"{SIDECAR_FORMAT!r} or {SIDECAR_V1!r})"
            )
        self.version = 1 if fmt == SIDECAR_V1 else 2
        self._g = _Index(self.graph_path, hubs_are_sources=self.version >= 2)
        g = self._g
        if g.nodes == 0:  # an empty export, or no GRAPHEME graph at all?
            layout = next(_stream(self.graph_path, "GRAPHEME graph", "graph.edge_property"), None)
            if layout is None:
                raise ExportError(
                    f"{self.graph_path}: not a GRAPHEME graph (no 'graph' with nodes and edges)"
                )
        counts = next(_stream(self.sidecar_path, "sidecar", "counts"), None) or {}
        if counts.get("nodes") != g.nodes or counts.get("edges") != g.edge_count:
            raise ExportError(
                f"{self.sidecar_path}: written for a graph of {counts.get('nodes')} nodes and "
                f"{counts.get('edges')} edges, but {self.graph_path.name} has {g.nodes} and "
                f"{g.edge_count}; the two files are from different exports — export again"
            )
        self._ids: dict[int, str] | None = None

    def _records(self) -> Iterator[list[Any]]:
        for record in _stream(self.sidecar_path, "sidecar", "records.item"):
            if not isinstance(record, list) or not record or record[0] not in _RECORD_TAGS:
                raise ExportError(f"{self.sidecar_path}: unknown sidecar record {record!r}")
            yield record

    def _mismatch(self, exc: Exception) -> ExportError:
        return ExportError(
            f"{self.sidecar_path}: does not match {self.graph_path.name}: {exc!r}; export again"
        )

    def entities(self) -> Iterator[Entity]:
        """The entities, in graph order (records the node → id map that :meth:`items` needs)."""
        g = self._g
        ids: dict[int, str] = {}
        for record in self._records():
            tag = record[0]
            try:
                if tag == "entity":
                    node, entity_id = g.check(record[1]), record[2]
                    ids[node] = entity_id
                    aliases = tuple(
                        g.text(dst)
                        for dst, _ in g.role_out(node, _SEMANTIC)
                        if g.kind[dst] == _CLIQUE
                    )
                    yield Entity(
                        id=entity_id,
                        name=g.text(node),
                        type=g.one_hub(node, "entity_type:"),
                        aliases=aliases,
                    )
                elif tag == "unresolved":
                    node = g.check(record[1])
                    if g.kind[node] != _HIDDEN:
                        raise g.fail(node, "expected the Hidden node of an unresolved entity id")
                    ids[node] = record[2]
            except ExportError:
                raise
            except (IndexError, TypeError, ValueError) as exc:
                raise self._mismatch(exc) from exc
        self._ids = ids

    def items(self) -> Iterator[Item]:
        """The items, in the order they were written (by kind, then graph order)."""
        g = self._g
        ids = self._ids
        if ids is None:  # entities() was not run to the end: only the node → id map is needed
            ids = {}
            for record in self._records():
                if record[0] in ("entity", "unresolved"):
                    try:
                        ids[g.check(record[1])] = record[2]
                    except IndexError as exc:
                        raise self._mismatch(exc) from exc

        def entity_at(node: int) -> str:
            if node not in ids:
                raise g.fail(node, "an item refers to a node that is not an entity")
            return ids[node]

        for record in self._records():
            if record[0] != "item":
                continue
            try:
                node, item_id, span, extra = g.check(record[1]), record[2], record[3], record[4]
                common: dict[str, Any] = {
                    "id": item_id,
                    "span": tuple(span) if span is not None else None,
                }
                kind = g.one_hub(node, "knowledge:")
                build = _READ.get(kind)
                if build is None:
                    raise g.fail(node, f"unknown knowledge type {kind!r}")
                yield build(_At(g, node, common, extra or {}, entity_at, self.version))
            except ExportError:
                raise
            except (IndexError, TypeError, ValueError) as exc:
                raise self._mismatch(exc) from exc

    def evidence(self) -> Iterator[tuple[str, dict[str, Evidence]]]:
        """``(item id, {source: Evidence})`` per item with evidence, in the graph's order."""
        for item_id, records in _stream(self.sidecar_path, "sidecar", "evidence", kv=True):
            try:
                yield (
                    item_id,
                    {
                        rec["source"]: Evidence.model_validate(
                            {**rec, "span": tuple(rec["span"]) if rec["span"] is not None else None}
                        )
                        for rec in records
                    },
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise self._mismatch(exc) from exc


_RECORD_TAGS: Final = frozenset({"entity", "unresolved", "item"})


@dataclass(frozen=True)
class _At:
    """One item record being read: the index, the item node, and what the sidecar adds."""

    g: _Index
    node: int
    common: dict[str, Any]  # id and span
    extra: dict[str, Any]  # qualifiers
    entity_at: Callable[[int], str]
    version: int

    def label(self, v1_kind: int) -> str:
        """The item node's label: a ``Call`` node (v2), or the v1 node type of that kind."""
        return self.g.label(self.node, _ITEM_KIND if self.version >= 2 else v1_kind)

    def one(self, code: int, out: bool, role: str) -> tuple[int, float]:
        g, node = self.g, self.node
        return g.single(g.role_out(node, code) if out else g.role_in(node, code), node, role)


def _read_relation(at: _At) -> Relation:
    subject, weight = at.one(_SEMANTIC, False, "subject")
    obj, _ = at.one(_SEMANTIC, True, "object")
    return Relation(
        **at.common,
        subject=at.entity_at(subject),
        predicate=at.label(_SEMANTIC_UNIT),
        object=at.entity_at(obj),
        negated=bool(at.g.hubs(at.node, NEGATED)),
        qualifiers=at.extra.get("qualifiers", {}),
        confidence=weight,
    )


def _read_attribute(at: _At) -> Attribute:
    owner, weight = at.one(_SEMANTIC, False, "entity")
    value, _ = at.one(_SEMANTIC, True, "value")
    return Attribute(
        **at.common,
        entity=at.entity_at(owner),
        name=at.label(_SEMANTIC_UNIT),
        value=at.g.text(value),
        datatype=at.g.one_hub(at.node, "datatype:"),
        confidence=weight,
    )


def _read_procedure(at: _At) -> Procedure:
    g, node = at.g, at.node
    owners = g.role_in(node, _SEMANTIC)
    goal, weight = at.one(_SEMANTIC, True, "goal")
    steps = tuple(g.text(dst) for dst, _ in g.role_out(node, _STRUCTURAL))
    if at.label(_KEYWORD) != "procedure" or len(owners) > 1:
        raise g.fail(node, "not a procedure node")
    return Procedure(
        **at.common,
        goal=g.text(goal),
        steps=steps,
        entity=at.entity_at(owners[0][0]) if owners else None,
        confidence=weight,
    )


def _read_hierarchy(at: _At) -> HierarchyEdge:
    child, weight = at.one(_STRUCTURAL, False, "child")
    parent, _ = at.one(_STRUCTURAL, True, "parent")
    return HierarchyEdge(
        **at.common,
        child=at.entity_at(child),
        parent=at.entity_at(parent),
        relation=at.label(_KEYWORD),
        confidence=weight,
    )


def _read_linguistic(at: _At) -> LinguisticItem:
    owner, weight = at.one(_SEMANTIC, False, "entity")
    value, _ = at.one(_SEMANTIC, True, "value")
    return LinguisticItem(
        **at.common,
        entity=at.entity_at(owner),
        relation=at.label(_KEYWORD),
        value=at.g.text(value),
        confidence=weight,
    )


#: knowledge type (the item's ``knowledge:*`` hub) → the function that reads one such item.
_READ: Final[dict[str, Callable[[_At], Item]]] = {
    "relational": _read_relation,
    "factual": _read_attribute,
    "procedural": _read_procedure,
    "structural": _read_hierarchy,
    "linguistic": _read_linguistic,
}


def read_grapheme(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """Rebuild the :class:`KnowledgeGraph` that :func:`~.convert.to_grapheme` wrote to ``path``.

    Args:
        path: ``out/name`` or ``out/name.grapheme.json``; ``out/name.sidecar.json`` must be beside it.

    Raises:
        ExportError: a file is missing, not JSON, or inconsistent with the other.
    """
    reader = GraphemeReader(path)
    kg = KnowledgeGraph()
    for entity in reader.entities():
        kg.entities[entity.id] = entity
    for item in reader.items():
        kg.add_item(item)
    for item_id, evidence in reader.evidence():
        kg.evidence[item_id] = evidence
    return kg
