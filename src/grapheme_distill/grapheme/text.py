"""Plain text ↔ GRAPHEME character chains, and the JSON spelling of GRAPHEME nodes and edges.

GRAPHEME (grapheme-core's ``GraphemeGraph``) has no tokenizer: text is a directed chain with one
``Input`` node per Unicode scalar value, joined by ``Sequential`` edges of weight 1.0 and listed in
``input_nodes`` in order.  :func:`from_text` builds exactly that layout as the serde JSON document
grapheme-core loads (a plain ``dict``, so it can go straight to :func:`json.dump` and to a JSON
Schema validator), and :func:`to_text` reads it back by walking ``input_nodes``.  Walking scalar
values rather than grapheme clusters is what makes the round trip exact for *every* string: a
combining accent, an emoji with skin-tone modifier or a flag is several nodes in a row, never a
normalised or merged one.  (The knowledge-graph writer in :mod:`.convert` additionally *marks*
multi-code-point clusters with ``Pattern`` nodes; :func:`grapheme_clusters` finds them.)

The node/edge JSON fragments used by the streaming writer live here too, so that the in-memory
builder and the streaming writer spell nodes identically (a test checks that both load equal).
Lone surrogates (possible in Python strings, impossible in Rust's ``char``) are refused with an
:class:`~grapheme_distill.errors.ExportError` instead of producing a file grapheme-core cannot read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import regex

from grapheme_distill.errors import ExportError

__all__ = [
    "ACTIVATION_FUNCTIONS",
    "EDGE_TYPES",
    "GraphemeJSON",
    "char_node",
    "check_text",
    "from_text",
    "grapheme_clusters",
    "other_node",
    "to_text",
]

#: A GRAPHEME graph in grapheme-core's serde JSON layout (see ``shared/grapheme_graph.schema.json``).
GraphemeJSON = dict[str, Any]

EDGE_TYPES: Final = ("Sequential", "Semantic", "Structural", "Clique", "Skip")
ACTIVATION_FUNCTIONS: Final = ("Linear", "ReLU", "Sigmoid", "Tanh", "LeakyReLU")

_CLUSTER = regex.compile(r"\X")
# Every UAX #29 rule that keeps two code points in one cluster (GB3, GB6-9c, GB11-13) needs one
# of these classes on one side, so a text without any of them has only one-point clusters; the
# search is a cheap C-level pre-check before the full segmentation.
_MAY_JOIN = regex.compile(
    r"[\r\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=ZWJ}"
    r"\p{Grapheme_Cluster_Break=SpacingMark}\p{Grapheme_Cluster_Break=Prepend}"
    r"\p{Grapheme_Cluster_Break=Regional_Indicator}\p{Grapheme_Cluster_Break=L}"
    r"\p{Grapheme_Cluster_Break=V}\p{Grapheme_Cluster_Break=T}\p{Grapheme_Cluster_Break=LV}"
    r"\p{Grapheme_Cluster_Break=LVT}]"
)


def check_text(text: str, *, what: str = "text") -> None:
    """Refuse strings GRAPHEME cannot hold (lone surrogates), naming the offending position.

    Raises:
        ExportError: ``text`` contains a UTF-16 surrogate code point.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ExportError(
            f"{what} {text[:40]!r} has a lone surrogate at index {exc.start} (U+{ord(text[exc.start]):04X}); "
            "GRAPHEME nodes hold Unicode scalar values only: repair the string (e.g. decode the "
            "source with errors='replace') and export again"
        ) from exc


def grapheme_clusters(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` code-point offsets of every extended grapheme cluster (UAX #29) that spans
    more than one code point: "e + combining acute", "👍🏽", "🇫🇷", "\\r\\n"."""
    if text.isascii() and "\r\n" not in text:  # the only multi-code-point ASCII cluster is CR LF
        return []
    if _MAY_JOIN.search(text) is None:
        return []
    clusters = _CLUSTER.findall(text)
    if len(clusters) == len(text):
        return []
    spans: list[tuple[int, int]] = []
    offset = 0
    for cluster in clusters:
        if len(cluster) > 1:
            spans.append((offset, offset + len(cluster)))
        offset += len(cluster)
    return spans


def char_node(char: str, position: int) -> dict[str, Any]:
    """The node of one character: ``value`` is its byte when ASCII, activation 1.0, Linear."""
    code = ord(char)
    return {
        "value": code if code < 128 else None,
        "activation": 1.0,
        "node_type": {"Input": char},
        "position": position,
        "pre_activation": 1.0,
        "activation_fn": "Linear",
    }


def other_node(node_type: Any) -> dict[str, Any]:
    """A non-character node (concept, keyword, pattern …): no value, activation 0.0, ReLU."""
    return {
        "value": None,
        "activation": 0.0,
        "node_type": node_type,
        "position": None,
        "pre_activation": 0.0,
        "activation_fn": "ReLU",
    }


def edge(src: int, dst: int, edge_type: str, weight: float = 1.0) -> list[Any]:
    """One petgraph edge ``[source, target, {"weight", "edge_type"}]``."""
    return [src, dst, {"weight": weight, "edge_type": edge_type}]


def from_text(text: str) -> GraphemeJSON:
    """The GRAPHEME graph of ``text`` exactly as grapheme-core's ``from_text`` builds it.

    One ``Input`` node per code point at ``position`` i, a ``Sequential`` edge (weight 1.0) from
    each character to the next, every character in ``input_nodes`` in order, no cliques.

    Raises:
        ExportError: the text contains a lone surrogate.
    """
    check_text(text)
    n = len(text)
    return {
        "graph": {
            "nodes": [char_node(c, i) for i, c in enumerate(text)],
            "node_holes": [],
            "edge_property": "directed",
            "edges": [edge(i, i + 1, "Sequential") for i in range(n - 1)],
        },
        "input_nodes": list(range(n)),
        "cliques": [],
    }


def to_text(graph: Mapping[str, Any]) -> str:
    """The text of a GRAPHEME graph: the ``Input`` characters of ``input_nodes``, in order.

    Works on any graph in the serde layout (from :func:`from_text`, from grapheme-core, or the
    knowledge-graph writer, where it yields every label's characters one after another).

    Raises:
        ExportError: the document is not a GRAPHEME graph or an input node is not a character.
    """
    try:
        nodes = graph["graph"]["nodes"]
        order = graph["input_nodes"]
    except (KeyError, TypeError) as exc:
        raise ExportError(
            f"not a GRAPHEME graph (missing {exc}); expected the serde layout with "
            "'graph.nodes' and 'input_nodes'"
        ) from exc
    chars: list[str] = []
    for index in order:
        node = nodes[index] if 0 <= index < len(nodes) else None
        node_type = node.get("node_type") if isinstance(node, dict) else None
        if not isinstance(node_type, dict) or not isinstance(node_type.get("Input"), str):
            raise ExportError(
                f"input_nodes lists node {index}, which is not an Input character node"
            )
        chars.append(node_type["Input"])
    return "".join(chars)


def dumps(value: Any) -> str:
    """Compact JSON as the writer spells it (UTF-8 kept, control characters escaped)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
