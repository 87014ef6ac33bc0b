"""Streaming writer: KnowledgeGraph → ``<name>.grapheme.json`` + ``<name>.sidecar.json``.

A GRAPHEME graph of a large knowledge graph has one node per character, so the JSON document is
several hundred bytes per character; building it as Python dicts first would cost kilobytes per
character.  The writer therefore never holds the document: :func:`~.layout.walk` feeds a sink that
writes each node as soon as its index is known.  JSON wants every node before the first edge, so
edges are deferred: the edges of items, hubs, aliases and clusters go to a temporary spool file
beside the output (appended with a kernel-side copy at the end), while the ``Clique`` and
``Sequential`` edges of the texts — two thirds of all edges — are not stored at all but written at
the end from each text's member indices, which are kept as one short string per text (~13 bytes per
character) and also give ``input_nodes`` and ``cliques``.  Character nodes are spelled from
per-character templates (one ``json.dumps`` per distinct character, not per node), indices are
formatted with C-level ``str.join``/``map``, and all output is ASCII (non-ASCII escaped), which
Python joins and encodes several times faster than mixed text.  Both files are written under
temporary names and renamed into place only when complete, so a failed export never leaves a half
file that looks valid.

The sidecar carries only what GRAPHEME's types cannot: ids, evidence spans, qualifiers and the
per-source evidence; ``docs/grapheme.md`` lists which part of the knowledge lives where.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from operator import add
from pathlib import Path
from typing import IO, Any, Final, cast

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme.layout import Edge, walk
from grapheme_distill.grapheme.text import EDGE_TYPES, grapheme_clusters
from grapheme_distill.model.functional import conflict_flags
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Item, Relation

__all__ = [
    "GRAPHEME_SUFFIX",
    "SIDECAR_FORMAT",
    "SIDECAR_SUFFIX",
    "GraphemeExport",
    "export_grapheme_format",
    "grapheme_paths",
    "to_grapheme",
]

GRAPHEME_SUFFIX: Final = ".grapheme.json"
SIDECAR_SUFFIX: Final = ".sidecar.json"
#: v2: hubs point at what they classify, items are ``Call`` nodes (v1, read too: hubs received
#: edges, relations and attributes were ``SemanticUnit`` nodes, which grapheme-core cannot load).
SIDECAR_FORMAT: Final = "grapheme-distill.grapheme-sidecar.v2"

_CHAR_END: Final = ',"pre_activation":1.0,"activation_fn":"Linear"}'
_OTHER_START: Final = ',{"value":null,"activation":0.0,"node_type":'
_OTHER_END: Final = ',"position":null,"pre_activation":0.0,"activation_fn":"ReLU"}'
_SEQUENTIAL: Final = ',{"weight":1.0,"edge_type":"Sequential"}]'
_CLIQUE: Final = ',{"weight":1.0,"edge_type":"Clique"}]'
_SEQ_JOIN: Final = _SEQUENTIAL + ",["
_EDGE_TAIL: Final = {t: f',"edge_type":"{t}"}}]' for t in EDGE_TYPES}


@dataclass(frozen=True)
class GraphemeExport:
    """What :func:`to_grapheme` wrote."""

    graph_path: Path
    sidecar_path: Path
    nodes: int
    edges: int
    characters: int
    texts: int


def grapheme_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """``(graph file, sidecar file)`` for ``path``: ``out/kg`` and ``out/kg.grapheme.json`` both
    give ``out/kg.grapheme.json`` and ``out/kg.sidecar.json``."""
    p = Path(path)
    stem = p.name.removesuffix(GRAPHEME_SUFFIX)
    if not stem:
        raise ExportError(
            f"{path}: give the export a file name, e.g. out/knowledge{GRAPHEME_SUFFIX}"
        )
    return p.with_name(stem + GRAPHEME_SUFFIX), p.with_name(stem + SIDECAR_SUFFIX)


def _ascii(value: object) -> str:
    """Compact JSON, ASCII only: the whole output stays 1-byte text, which Python joins and
    encodes several times faster than text with a single non-ASCII character in it."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def _check(text: str) -> None:
    """``json.dumps`` would happily escape a lone surrogate; GRAPHEME (Rust ``char``) cannot
    hold one, so refuse it here (the writer turns this into an :class:`ExportError`)."""
    if not text.isascii():
        text.encode("utf-8")


def _js(text: str) -> str:
    """A JSON string literal, skipping ``json.dumps`` for the common plain-ASCII case."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    _check(text)
    return _ascii(text)


class _JsCache(dict[str, str]):
    """``_js`` for strings that repeat (predicates, extractors, call hashes); capped in size."""

    def __missing__(self, text: str) -> str:
        if len(self) > 65536:
            self.clear()
        literal = self[text] = _js(text)
        return literal


class _CharTemplates(dict[str, str]):
    """Character → the JSON of its node up to (excluding) the position number."""

    def __missing__(self, char: str) -> str:
        code = ord(char)
        value = code if code < 128 else "null"
        text = f',{{"value":{value},"activation":1.0,"node_type":{{"Input":{_ascii(char)}}},"position":'
        self[char] = text
        return text


class _Spool:
    """Text fragments bound for one temporary file, written (ASCII) in batches."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.parts: list[str] = []

    def flush(self) -> None:
        if self.parts:
            self.file.write("".join(self.parts).encode("ascii"))
            self.parts.clear()

    def append_to(self, out: io.TextIOWrapper) -> None:
        """Copy the spooled bytes into ``out``, dropping the leading comma of the first fragment."""
        self.flush()
        self.file.flush()
        size = self.file.seek(0, os.SEEK_END)
        self.file.seek(0)
        if size and self.file.read(1) == b",":
            out.flush()
            _copy_bytes(self.file, cast(IO[bytes], out.buffer), 1, size - 1)


def _copy_bytes(src: IO[bytes], dst: IO[bytes], offset: int, count: int) -> None:
    """Append ``count`` bytes of ``src`` from ``offset`` to ``dst``: in the kernel when the OS
    can (``copy_file_range``, no trip through Python buffers), else by ``shutil``."""
    dst.flush()
    out_fd, in_fd = dst.fileno(), src.fileno()
    try:
        while count > 0:
            done = os.copy_file_range(in_fd, out_fd, min(count, 1 << 30), offset)
            if done == 0:
                break
            offset += done
            count -= done
    except (AttributeError, OSError):
        pass
    if count > 0:
        src.seek(offset)
        shutil.copyfileobj(src, dst, 1 << 22)


class _JsonSink:
    """Writes nodes to ``out`` and sidecar records to ``side``, spools the edges of items, hubs,
    aliases and clusters to ``edges``, and keeps each text's member indices (formatted once, ~13
    bytes per character) to write the texts' own edges, ``input_nodes`` and ``cliques`` at the end.

    The ``Clique`` and ``Sequential`` edges of a text (two thirds of all edges) are not spooled:
    they follow from the member indices, so :func:`_write_text_edges` writes them straight into the
    output.  On disk-backed page cache every spooled byte costs a write and a copy, so this halves
    the kernel work of the edges.  Per character there is no Python bytecode: node text is
    ``template[char] + position`` joined by C-level ``map``/``str.join``.
    """

    _BATCH: Final = 2048

    def __init__(self, out: IO[str], side: IO[str], edges: IO[bytes]) -> None:
        self._out_file = out
        self._nodes_started = False
        self._side = side.write
        self._template = _CharTemplates().__getitem__
        self._labels = _JsCache()
        self._positions: list[str] = []
        self._node_buf: list[str] = []
        self.edge_spool = _Spool(edges)
        self._edge_buf = self.edge_spool.parts
        self.chains: list[str] = []  # per text: its member indices joined by ","
        self._side_buf: list[str] = []
        self._records_started = False
        self.nodes = 0
        self.edges = 0
        self.characters = 0

    def flush(self) -> None:
        """Write the buffered node text and sidecar records; spool the buffered edges."""
        self._flush_records()
        if self._node_buf:
            text = "".join(self._node_buf)
            # every node fragment starts with a comma; the document's first node must not
            self._out_file.write(text if self._nodes_started else text[1:])
            self._nodes_started = True
            self._node_buf.clear()
        self.edge_spool.flush()

    # -------------------------------------------------------------- GraphSink
    def add_text(self, text: str) -> int:
        if text.isascii():  # O(1) in CPython
            clusters = grapheme_clusters(text) if "\r\n" in text else None
        else:
            text.encode("utf-8")  # a lone surrogate raises here, before anything is written
            clusters = grapheme_clusters(text)
        start = self.nodes
        length = len(text)
        concept = start + length
        nodes = self._node_buf
        if length:
            positions = self._positions
            if length > len(positions):
                positions = self._positions = [
                    str(i) for i in range(max(length, 2 * len(positions), 256))
                ]
            joined = ",".join(map(str, range(start, concept)))
            # ',{…"position":' + 'i' per character, joined by the node's tail
            nodes.append(_CHAR_END.join(map(add, map(self._template, text), positions)))
            nodes.append(f'{_CHAR_END}{_OTHER_START}{{"Clique":[{joined}]}}{_OTHER_END}')
            self.edges += 2 * length - 1
        else:
            joined = ""
            nodes.append(f'{_OTHER_START}{{"Clique":[]}}{_OTHER_END}')
        self.chains.append(joined)
        self.nodes = concept + 1
        self.characters += length
        if clusters:
            for a, b in clusters:
                pattern = self.nodes
                data = ",".join(map(str, text[a:b].encode("utf-8")))
                nodes.append(f'{_OTHER_START}{{"Pattern":[{data}]}}{_OTHER_END}')
                self.nodes += 1
                self._edge_buf.append(
                    "".join([f",[{pattern},{start + i}{_CLIQUE}" for i in range(a, b)])
                )
                self.edges += b - a
        if len(nodes) > self._BATCH:
            self.flush()
        return concept

    def add_node(self, kind: str, label: str | None) -> int:
        node_type = f'{{"{kind}":{_js(label)}}}' if label is not None else f'"{kind}"'
        self._node_buf.append(f"{_OTHER_START}{node_type}{_OTHER_END}")
        self.nodes += 1
        if len(self._node_buf) > self._BATCH:
            self.flush()
        return self.nodes - 1

    def add_edges(self, edges: list[Edge]) -> None:
        tail = _EDGE_TAIL
        self._edge_buf.append(
            "".join([f',[{s},{d},{{"weight":{w!r}{tail[t]}' for s, d, t, w in edges])
        )
        self.edges += len(edges)

    def add_item(self, kind: str, label: str, item: Item) -> int:
        node = self.nodes
        self._node_buf.append(f'{_OTHER_START}{{"{kind}":{self._labels[label]}}}{_OTHER_END}')
        self.nodes = node + 1
        span = "null" if item.span is None else f"[{item.span[0]},{item.span[1]}]"
        extra = "null"
        if isinstance(item, Relation) and item.qualifiers:
            for key, value in item.qualifiers.items():
                _check(key)
                _check(value)
            extra = _ascii({"qualifiers": item.qualifiers})
        self._side_buf.append(f'["item",{node},{_js(item.id)},{span},{extra}]')
        if len(self._node_buf) > self._BATCH or len(self._side_buf) > self._BATCH:
            self.flush()
        return node

    def entity(self, node: int, entity_id: str) -> None:
        self._side_buf.append(f'["entity",{node},{_js(entity_id)}]')  # flushed with the nodes

    def unresolved(self, node: int, entity_id: str) -> None:
        self._record(f'["unresolved",{node},{_js(entity_id)}]')

    def _record(self, text: str) -> None:
        buf = self._side_buf
        buf.append(text)
        if len(buf) >= self._BATCH:
            self._flush_records()

    def _flush_records(self) -> None:
        if self._side_buf:
            self._side(("," if self._records_started else "") + ",".join(self._side_buf))
            self._records_started = True
            self._side_buf.clear()


@contextmanager
def _atomic(path: Path) -> Iterator[io.TextIOWrapper]:
    """Open ``path``'s temporary twin for writing; rename into place only on success."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="", buffering=1 << 20) as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def to_grapheme(graph: KnowledgeGraph, path: str | os.PathLike[str]) -> GraphemeExport:
    """Write ``graph`` as a GRAPHEME graph plus its sidecar, streaming (memory does not grow with
    the document); :func:`~grapheme_distill.grapheme.reader.read_grapheme` reads both back into an
    equal :class:`KnowledgeGraph`.

    Args:
        graph: the knowledge graph (e.g. ``store.to_knowledge_graph()``).
        path: ``out/name`` or ``out/name.grapheme.json``; the sidecar is ``out/name.sidecar.json``.

    Raises:
        ExportError: a text cannot be a GRAPHEME node (lone surrogate) or the files cannot be
            written; no partial file is left behind.
    """
    graph_path, sidecar_path = grapheme_paths(path)
    graph_path.parent.mkdir(parents=True, exist_ok=True)
    spool = graph_path.with_name(f".{graph_path.name}.{os.getpid()}.edges.tmp")
    try:
        with _atomic(graph_path) as out, _atomic(sidecar_path) as side, open(spool, "w+b") as edges:
            side.write(
                f'{{"format":"{SIDECAR_FORMAT}","grapheme_file":{_ascii(graph_path.name)},'
                '"records":['
            )
            out.write('{"graph":{"nodes":[')
            sink = _JsonSink(out, side, edges)
            walk(graph, sink)
            sink.flush()
            out.write('],"node_holes":[],"edge_property":"directed","edges":[')
            wrote = _write_text_edges(out, sink.chains)
            if wrote and sink.edge_spool.file.tell():
                out.write(",")
            sink.edge_spool.append_to(out)
            _write_chains(out, sink.chains)
            side.write('],"evidence":{')
            _write_evidence(side, graph)
            # the contradiction flag every export carries: item id -> property or "negation"
            side.write('},"conflicts":' + _ascii(dict(sorted(conflict_flags(graph).items()))))
            side.write(
                f',"counts":{{"nodes":{sink.nodes},"edges":{sink.edges},'
                f'"characters":{sink.characters},"entities":{len(graph.entities)}}}}}'
            )
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start] if isinstance(exc.object, str) else "?"
        raise ExportError(
            f"{graph_path}: a text contains a lone surrogate (U+{ord(bad):04X}), which GRAPHEME "
            "nodes cannot hold; repair the label in the store (decode its source with "
            "errors='replace') and export again"
        ) from exc
    except OSError as exc:
        raise ExportError(f"{graph_path}: cannot write the GRAPHEME export: {exc}") from exc
    finally:
        if spool.exists():
            spool.unlink()
    return GraphemeExport(
        graph_path=graph_path,
        sidecar_path=sidecar_path,
        nodes=sink.nodes,
        edges=sink.edges,
        characters=sink.characters,
        texts=len(sink.chains),
    )


_TEXT_BATCH: Final = 1024


def _write_text_edges(out: IO[str], chains: list[str]) -> bool:
    """Each text's ``Clique`` edges (concept → member) then ``Sequential`` edges (member → next),
    text by text, from the kept member indices.  Returns whether anything was written."""
    write = out.write
    first = True
    for lo in range(0, len(chains), _TEXT_BATCH):
        parts: list[str] = []
        for joined in chains[lo : lo + _TEXT_BATCH]:
            if not joined:
                continue
            members = joined.split(",")
            head = f",[{int(members[-1]) + 1},"
            parts.append(head + (_CLIQUE + head).join(members) + _CLIQUE)
            if len(members) > 1:
                parts.append(",[" + _SEQ_JOIN.join(map(",".join, pairwise(members))) + _SEQUENTIAL)
        if parts:
            text = "".join(parts)
            write(text[1:] if first else text)
            first = False
    return not first


def _write_chains(out: IO[str], chains: list[str]) -> None:
    """``input_nodes`` (every text's characters, in order) and ``cliques`` (one list per text)."""
    write = out.write
    write(']},"input_nodes":[')
    first = True
    for lo in range(0, len(chains), _TEXT_BATCH):
        part = ",".join(filter(None, chains[lo : lo + _TEXT_BATCH]))
        if part:
            write(part if first else "," + part)
            first = False
    write('],"cliques":[')
    for lo in range(0, len(chains), _TEXT_BATCH):
        write(("[" if lo == 0 else ",[") + "],[".join(chains[lo : lo + _TEXT_BATCH]) + "]")
    write("]}")


def _write_evidence(side: IO[str], graph: KnowledgeGraph) -> None:
    """``item id → [evidence, …]`` in the graph's order, written a batch of items at a time."""
    parts: list[str] = []
    started = False
    literal = _JsCache()
    for item_id, per_source in graph.evidence.items():
        records = ",".join(
            f'{{"source":{literal[ev.source]},"extractor":{literal[ev.extractor]},'
            f'"confidence":{float(ev.confidence)!r},'
            f'"span":{"null" if ev.span is None else f"[{ev.span[0]},{ev.span[1]}]"}}}'
            for ev in per_source.values()
        )
        parts.append(f"{_js(item_id)}:[{records}]")
        if len(parts) >= 1024:
            side.write(("," if started else "") + ",".join(parts))
            started = True
            parts.clear()
    if parts:
        side.write(("," if started else "") + ",".join(parts))


def export_grapheme_format(
    graph: KnowledgeGraph, path: Path, *, store: object | None = None, config: object | None = None
) -> Any:
    """The ``grapheme`` format of :func:`grapheme_distill.export.export_graph` (the store is not
    needed: everything is in the graph)."""
    from grapheme_distill.export import ExportReport

    result = to_grapheme(graph, path)
    return ExportReport(
        format="grapheme",
        path=str(result.graph_path),
        nodes=result.nodes,
        edges=result.edges,
        details={
            "sidecar": str(result.sidecar_path),
            "characters": result.characters,
            "texts": result.texts,
            "entities": len(graph.entities),
        },
    )
