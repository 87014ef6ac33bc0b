"""Streaming writer: KnowledgeGraph → ``<name>.grapheme.json`` + ``<name>.sidecar.json``.

A GRAPHEME graph of a large knowledge graph has one node per character, so the JSON document is
several hundred bytes per character; building it as Python dicts first would cost kilobytes per
character.  The writer therefore never holds the document: :func:`~.layout.walk` feeds a sink that
writes each node as soon as its index is known, appends edges to a temporary file beside the output
(JSON wants every node before the first edge), and keeps only ``(start, length)`` of each character
chain (16 bytes per text) to write ``input_nodes`` and ``cliques`` at the end.  Character nodes are
spelled from per-character templates (one ``json.dumps`` per distinct character, not per node),
and positions and indices are formatted in bulk per text.  Both files are written under temporary
names and renamed into place only when complete, so a failed export never leaves a half file that
looks valid.

The sidecar carries only what GRAPHEME's types cannot: ids, evidence spans, qualifiers and the
per-source evidence; ``docs/grapheme.md`` lists which part of the knowledge lives where.
"""

from __future__ import annotations

import os
import re
import shutil
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme.layout import HUBS, walk
from grapheme_distill.grapheme.text import dumps, grapheme_clusters
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Item, Relation

__all__ = [
    "GRAPHEME_SUFFIX",
    "SIDECAR_FORMAT",
    "SIDECAR_SUFFIX",
    "GraphemeExport",
    "grapheme_paths",
    "to_grapheme",
]

GRAPHEME_SUFFIX: Final = ".grapheme.json"
SIDECAR_SUFFIX: Final = ".sidecar.json"
SIDECAR_FORMAT: Final = "grapheme-distill.grapheme-sidecar.v1"

_CHAR_END: Final = ',"pre_activation":1.0,"activation_fn":"Linear"}'
_OTHER_START: Final = ',{"value":null,"activation":0.0,"node_type":'
_OTHER_END: Final = ',"position":null,"pre_activation":0.0,"activation_fn":"ReLU"}'
_SEQUENTIAL: Final = ',{"weight":1.0,"edge_type":"Sequential"}]'
_CLIQUE: Final = ',{"weight":1.0,"edge_type":"Clique"}]'
_PLAIN_STRING = re.compile(r'[\x20-\x7e]*').fullmatch  # no escaping needed unless " or \


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
    stem = p.name[: -len(GRAPHEME_SUFFIX)] if p.name.endswith(GRAPHEME_SUFFIX) else p.name
    if not stem:
        raise ExportError(f"{path}: give the export a file name, e.g. out/knowledge{GRAPHEME_SUFFIX}")
    return p.with_name(stem + GRAPHEME_SUFFIX), p.with_name(stem + SIDECAR_SUFFIX)


def _js(text: str) -> str:
    """A JSON string literal, skipping ``json.dumps`` for the common plain-ASCII case."""
    if _PLAIN_STRING(text) and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return dumps(text)


class _CharTemplates(dict[str, str]):
    """Character → the JSON of its node up to (excluding) the position number."""

    def __missing__(self, char: str) -> str:
        code = ord(char)
        value = code if code < 128 else "null"
        text = f',{{"value":{value},"activation":1.0,"node_type":{{"Input":{dumps(char)}}},"position":'
        self[char] = text
        return text


class _JsonSink:
    """Writes nodes to ``out``, edges to ``edges`` (each prefixed by a comma) and sidecar records
    to ``side``; remembers the character chains for ``input_nodes``/``cliques``."""

    def __init__(self, out: IO[str], edges: IO[str], side: IO[str]) -> None:
        self._out = out.write
        self._edges = edges.write
        self._side = side.write
        self._templates = _CharTemplates()
        self.nodes = 0
        self.edges = 0
        self.characters = 0
        self.starts = array("q")
        self.lengths = array("q")
        self._first_record = True

    # -------------------------------------------------------------- GraphSink
    def add_text(self, text: str) -> int:
        start = self.nodes
        length = len(text)
        concept = start + length
        if length:
            t = self._templates
            self._out("".join([f"{t[c]}{i}{_CHAR_END}" for i, c in enumerate(text)]))
            members = ",".join(map(str, range(start, concept)))
            edges = "".join([f",[{i},{i + 1}{_SEQUENTIAL}" for i in range(start, concept - 1)])
            head = f",[{concept},"
            edges += "".join([f"{head}{m}{_CLIQUE}" for m in members.split(",")])
        else:
            members = edges = ""
        self._out(f'{_OTHER_START}{{"Clique":[{members}]}}{_OTHER_END}')
        self.nodes = concept + 1
        self.edges += 2 * length - 1 if length else 0
        self.characters += length
        self.starts.append(start)
        self.lengths.append(length)
        for a, b in grapheme_clusters(text):
            pattern = self.nodes
            data = ",".join(map(str, text[a:b].encode("utf-8")))
            self._out(f'{_OTHER_START}{{"Pattern":[{data}]}}{_OTHER_END}')
            self.nodes += 1
            edges += "".join([f",[{pattern},{start + i}{_CLIQUE}" for i in range(a, b)])
            self.edges += b - a
        if edges:
            self._edges(edges)
        return concept

    def add_node(self, kind: str, label: str | None) -> int:
        node_type = f'{{"{kind}":{_js(label)}}}' if label is not None else f'"{kind}"'
        if self.nodes == 0:
            self._out(f'{_OTHER_START[1:]}{node_type}{_OTHER_END}')
        else:
            self._out(f"{_OTHER_START}{node_type}{_OTHER_END}")
        self.nodes += 1
        return self.nodes - 1

    def add_edge(self, src: int, dst: int, edge_type: str, weight: float) -> None:
        self._edges(f',[{src},{dst},{{"weight":{float(weight)!r},"edge_type":"{edge_type}"}}]')
        self.edges += 1

    def entity(self, node: int, entity_id: str) -> None:
        self._record(f'["entity",{node},{_js(entity_id)}]')

    def unresolved(self, node: int, entity_id: str) -> None:
        self._record(f'["unresolved",{node},{_js(entity_id)}]')

    def item(self, node: int, item: Item) -> None:
        span = "null" if item.span is None else f"[{item.span[0]},{item.span[1]}]"
        extra = "null"
        if isinstance(item, Relation) and item.qualifiers:
            extra = dumps({"qualifiers": item.qualifiers})
        self._record(f'["item",{node},{_js(item.id)},{span},{extra}]')

    def _record(self, text: str) -> None:
        if self._first_record:
            self._first_record = False
            self._side(text)
        else:
            self._side("," + text)


@contextmanager
def _atomic(path: Path) -> Iterator[IO[str]]:
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
    edges_tmp = graph_path.with_name(f".{graph_path.name}.{os.getpid()}.edges.tmp")
    try:
        with _atomic(graph_path) as out, _atomic(sidecar_path) as side:
            with open(edges_tmp, "w+", encoding="utf-8", newline="", buffering=1 << 20) as edges:
                side.write(
                    f'{{"format":"{SIDECAR_FORMAT}","grapheme_file":{dumps(graph_path.name)},'
                    f'"hubs":{dumps(list(HUBS))},"records":['
                )
                out.write('{"graph":{"nodes":[')
                sink = _JsonSink(out, edges, side)
                walk(graph, sink)
                out.write('],"node_holes":[],"edge_property":"directed","edges":[')
                edges.flush()
                edges.seek(0)
                if edges.read(1) == ",":  # every edge was written with a leading comma
                    shutil.copyfileobj(edges, out, 1 << 22)
            _write_chains(out, sink)
            side.write('],"evidence":{')
            _write_evidence(side, graph)
            side.write(
                f'}},"counts":{{"nodes":{sink.nodes},"edges":{sink.edges},'
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
        if edges_tmp.exists():
            edges_tmp.unlink()
    return GraphemeExport(
        graph_path=graph_path,
        sidecar_path=sidecar_path,
        nodes=sink.nodes,
        edges=sink.edges,
        characters=sink.characters,
        texts=len(sink.starts),
    )


def _write_chains(out: IO[str], sink: _JsonSink) -> None:
    """``input_nodes`` (every chain, in order) and ``cliques`` (one member list per chain)."""
    write = out.write
    write(']},"input_nodes":[')
    first = True
    for start, length in zip(sink.starts, sink.lengths):
        if length:
            write(("" if first else ",") + ",".join(map(str, range(start, start + length))))
            first = False
    write('],"cliques":[')
    for i, (start, length) in enumerate(zip(sink.starts, sink.lengths)):
        write(("," if i else "") + f"[{','.join(map(str, range(start, start + length)))}]")
    write("]}")


def _write_evidence(side: IO[str], graph: KnowledgeGraph) -> None:
    """``item id → [evidence, …]`` in the graph's order, one item at a time."""
    first = True
    for item_id, per_source in graph.evidence.items():
        records = ",".join(
            f'{{"source":{_js(ev.source)},"extractor":{_js(ev.extractor)},'
            f'"confidence":{float(ev.confidence)!r},'
            f'"span":{"null" if ev.span is None else f"[{ev.span[0]},{ev.span[1]}]"}}}'
            for ev in per_source.values()
        )
        side.write(("" if first else ",") + f"{_js(item_id)}:[{records}]")
        first = False
