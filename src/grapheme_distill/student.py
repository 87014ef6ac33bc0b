"""Student-training export: the GRAPHEME graph as arrays, soft labels, α and seeded splits.

The arrays describe *the same graph* the GRAPHEME writer produces — :func:`build_student_arrays`
runs the one layout walk (:func:`grapheme_distill.grapheme.layout.walk`) into an array sink, so
node ``i`` of the ``.npz`` is node ``i`` of the ``.grapheme.json`` — plus the targets a graph
student learns from: entity types (node classification on concept nodes), relations (typed,
weighted links between entity concepts, with a relation vocabulary) and the teacher's soft
targets re-viewed at the chosen temperature (``SoftTarget.with_temperature``) together with the
distillation weight α of the loss ``α·T²·KL + (1−α)·CE``.  Splits are by entity: entity ids are
sorted (so the order the graph was built in does not matter) and shuffled by a seeded generator;
relations follow their subject's split and soft targets the split of the entity their teacher call
produced knowledge about, so nothing about a held-out entity leaks into training.

Files: ``<name>.npz`` (numpy only, no pickles), ``<name>.manifest.json`` describing every array
(shape, dtype, meaning) and, when the optional ``[torch]`` extra is installed, ``<name>.pt`` holding
a PyTorch Geometric ``Data`` object.  Without the extra the arrays are still written and the
result says how to get the ``Data`` object; asking for it explicitly raises
:class:`~grapheme_distill.errors.MissingDependency`.
"""

from __future__ import annotations

import json
import math
import os
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import ExportError, InvalidConfig, MissingDependency
from grapheme_distill.grapheme.layout import HUBS, Edge, walk
from grapheme_distill.grapheme.text import EDGE_TYPES, check_text, grapheme_clusters
from grapheme_distill.model.functional import conflict_flags
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    EntityType,
    HierarchyEdge,
    Item,
    LinguisticItem,
    Procedure,
    Relation,
)
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.store.base import GraphStore

__all__ = [
    "NODE_KINDS",
    "STUDENT_FORMAT",
    "StudentExport",
    "build_student_arrays",
    "export_student",
    "export_student_format",
    "to_pyg_data",
]

STUDENT_FORMAT: Final = "grapheme-distill.student.v1"
#: node kind codes of ``node_kind`` (GRAPHEME node type variants used by the layout)
NODE_KINDS: Final = ("Input", "Clique", "Pattern", "Keyword", "Call", "Hidden")
SPLITS: Final = ("train", "valid", "test")
_ENTITY_TYPES: Final = tuple(t.value for t in EntityType)
_KIND_CODE: Final = {kind: code for code, kind in enumerate(NODE_KINDS)}
_EDGE_CODE: Final = {kind: code for code, kind in enumerate(EDGE_TYPES)}
_MAX_CODE_POINT: Final = 0x10FFFF

Array = NDArray[Any]


class _ArraySink:
    """A :class:`~grapheme_distill.grapheme.layout.GraphSink` that fills typed arrays.

    Edges come in the JSON writer's order: every text's ``Clique`` then ``Sequential`` edges, text
    by text (``text_*``), then all other edges in walk order."""

    def __init__(self) -> None:
        self.kind = array("b")
        self.code_point = array("i")
        self.position = array("i")
        self.label = array("i")
        self.labels: dict[str, int] = {}
        self.text_src, self.text_dst, self.text_type = array("q"), array("q"), array("b")
        self.src = array("q")
        self.dst = array("q")
        self.edge_type = array("b")
        self.weight = array("f")
        self.entity_nodes: list[int] = []
        self.entity_ids: list[str] = []
        self.unresolved_nodes: dict[str, int] = {}
        self.item_nodes: dict[str, int] = {}

    @property
    def nodes(self) -> int:
        return len(self.kind)

    def add_text(self, text: str) -> int:
        check_text(text)
        start, n = self.nodes, len(text)
        concept = start + n
        self.kind.extend([0] * n + [1])
        self.code_point.extend([*map(ord, text), -1])
        self.position.extend([*range(n), -1])
        self.label.extend([-1] * (n + 1))
        self.text_src.extend([concept] * n)
        self.text_dst.extend(range(start, concept))
        self.text_type.extend([_EDGE_CODE["Clique"]] * n)
        self.text_src.extend(range(start, concept - 1))
        self.text_dst.extend(range(start + 1, concept))
        self.text_type.extend([_EDGE_CODE["Sequential"]] * max(n - 1, 0))
        for a, b in grapheme_clusters(text):
            pattern = self.nodes
            self.kind.append(2)
            self.code_point.append(-1)
            self.position.append(-1)
            self.label.append(-1)
            self.add_edges([(pattern, start + i, "Clique", 1.0) for i in range(a, b)])
        return concept

    def edge_arrays(self) -> tuple[Array, Array, Array]:
        """``(edge_index, edge_type, edge_weight)`` in file order."""
        src = np.concatenate(
            [np.frombuffer(self.text_src, dtype=np.int64), np.frombuffer(self.src, dtype=np.int64)]
        )
        dst = np.concatenate(
            [np.frombuffer(self.text_dst, dtype=np.int64), np.frombuffer(self.dst, dtype=np.int64)]
        )
        kind = np.concatenate(
            [
                np.frombuffer(self.text_type, dtype=np.int8),
                np.frombuffer(self.edge_type, dtype=np.int8),
            ]
        )
        weight = np.concatenate(
            [
                np.ones(len(self.text_src), dtype=np.float32),
                np.frombuffer(self.weight, dtype=np.float32),
            ]
        )
        return np.stack([src, dst]), kind.astype(np.int64), weight

    def add_node(self, kind: str, label: str | None) -> int:
        self.kind.append(_KIND_CODE[kind])
        self.code_point.append(-1)
        self.position.append(-1)
        self.label.append(-1 if label is None else self.labels.setdefault(label, len(self.labels)))
        return self.nodes - 1

    def add_edges(self, edges: list[Edge]) -> None:
        for src, dst, edge_type, weight in edges:
            self.src.append(src)
            self.dst.append(dst)
            self.edge_type.append(_EDGE_CODE[edge_type])
            self.weight.append(weight)

    def add_item(self, kind: str, label: str, item: Item) -> int:
        node = self.add_node(kind, label)
        self.item_nodes[item.id] = node
        return node

    def entity(self, node: int, entity_id: str) -> None:
        self.entity_nodes.append(node)
        self.entity_ids.append(entity_id)

    def unresolved(self, node: int, entity_id: str) -> None:
        self.unresolved_nodes[entity_id] = node


def _strings(values: Sequence[str]) -> Array:
    """A fixed-width unicode array (``np.savez`` stores it without pickling)."""
    return np.array(list(values), dtype=str) if values else np.zeros(0, dtype="<U1")


def _split_order(keys: Sequence[str], seed: int, fractions: tuple[float, float, float]) -> Array:
    """Split code (0 train, 1 valid, 2 test) per key: sorted keys, seeded permutation, cut by
    ``fractions``.  Independent of the order ``keys`` come in."""
    n = len(keys)
    codes = np.zeros(n, dtype=np.int8)
    if n == 0:
        return codes
    order = np.argsort(np.array(keys, dtype=object), kind="stable")
    perm = order[np.random.default_rng(seed).permutation(n)]
    n_train = round(n * fractions[0])
    n_valid = min(n - n_train, round(n * fractions[1]))
    codes[perm[n_train : n_train + n_valid]] = 1
    codes[perm[n_train + n_valid :]] = 2
    return codes


def _touched_entities(item: Item) -> list[str]:
    if isinstance(item, Relation):
        return [item.subject, item.object]
    if isinstance(item, HierarchyEdge):
        return [item.child, item.parent]
    if isinstance(item, (Attribute, LinguisticItem)):
        return [item.entity]
    if isinstance(item, Procedure) and item.entity is not None:
        return [item.entity]
    return []


def build_student_arrays(
    graph: KnowledgeGraph,
    soft_targets: Iterable[SoftTarget],
    *,
    temperature: float,
    alpha: float,
    seed: int = 0,
    split: tuple[float, float, float] = (0.8, 0.1, 0.1),
) -> tuple[dict[str, Array], dict[str, Any]]:
    """The student arrays and their manifest (see the module docstring; the manifest says what
    every array is).

    Args:
        graph: the knowledge graph (``store.to_knowledge_graph()``).
        soft_targets: the teacher's stored distributions (``store.iter_soft_targets()``).
        temperature: T at which soft labels are computed (``softmax(logits / T)``).
        alpha: distillation weight α of ``α·T²·KL + (1−α)·CE``.
        seed: seed of the entity split; the same seed gives the same split.
        split: train/valid/test fractions (non-negative, summing to 1).

    Raises:
        InvalidConfig: temperature, α or the split fractions are out of range.
    """
    if not (math.isfinite(temperature) and 0 < temperature <= 100):
        raise InvalidConfig("temperature", temperature, "a number > 0 and <= 100")
    if not 0.0 <= alpha <= 1.0:
        raise InvalidConfig("distillation_weight", alpha, "0.0 to 1.0")
    if len(split) != 3 or min(split) < 0 or abs(sum(split) - 1.0) > 1e-9:
        raise InvalidConfig(
            "split", split, "three non-negative fractions summing to 1, e.g. 0.8,0.1,0.1"
        )

    sink = _ArraySink()
    walk(graph, sink)
    n = sink.nodes
    kind = np.frombuffer(sink.kind, dtype=np.int8).astype(np.int64)
    code_point = np.frombuffer(sink.code_point, dtype=np.int32).copy()
    position = np.frombuffer(sink.position, dtype=np.int32).copy()
    x = np.zeros((n, len(NODE_KINDS) + 2), dtype=np.float32)
    x[np.arange(n), kind] = 1.0
    x[:, len(NODE_KINDS)] = np.where(code_point >= 0, code_point / _MAX_CODE_POINT, 0.0)
    x[:, len(NODE_KINDS) + 1] = np.where(position >= 0, np.log1p(np.maximum(position, 0)), 0.0)

    entity_index = {eid: i for i, eid in enumerate(sink.entity_ids)}
    entity_split = _split_order(sink.entity_ids, seed, split)
    entity_type = np.array(
        [_ENTITY_TYPES.index(graph.entities[eid].type.value) for eid in sink.entity_ids],
        dtype=np.int64,
    )
    entity_node = np.array(sink.entity_nodes, dtype=np.int64)
    node_y = np.full(n, -1, dtype=np.int64)
    node_y[entity_node] = entity_type
    masks = {name: np.zeros(n, dtype=bool) for name in SPLITS}
    for code, name in enumerate(SPLITS):
        masks[name][entity_node[entity_split == code]] = True

    relations = list(graph.relations.values())
    vocabulary = sorted({r.predicate for r in relations})
    predicate_index = {p: i for i, p in enumerate(vocabulary)}
    rel_subject = np.array([entity_index.get(r.subject, -1) for r in relations], dtype=np.int64)
    rel_split = np.zeros(len(relations), dtype=np.int8)
    resolved = rel_subject >= 0
    rel_split[resolved] = entity_split[rel_subject[resolved]]

    # soft targets: link to an entity through the teacher call that produced knowledge about it
    call_entities: dict[str, int] = {}
    for item in graph.iter_items():
        touched = [entity_index[e] for e in _touched_entities(item) if e in entity_index]
        if not touched:
            continue
        for source in graph.evidence.get(item.id, {}):
            call_entities[source] = min(
                touched + ([call_entities[source]] if source in call_entities else [])
            )
    targets = [t.with_temperature(temperature) for t in soft_targets]
    width = max((len(t.candidates) for t in targets), default=0)
    cand_vocab: dict[str, int] = {}
    soft_probs = np.zeros((len(targets), width), dtype=np.float32)
    soft_cand = np.full((len(targets), width), -1, dtype=np.int64)
    soft_entity = np.full(len(targets), -1, dtype=np.int64)
    for row, target in enumerate(targets):
        k = len(target.candidates)
        soft_probs[row, :k] = target.probabilities
        soft_cand[row, :k] = [cand_vocab.setdefault(c, len(cand_vocab)) for c in target.candidates]
        call = target.metadata.get("call_hash") or target.metadata.get("request_hash")
        if isinstance(call, str) and call in call_entities:
            soft_entity[row] = call_entities[call]
    soft_split = _split_order([t.id for t in targets], seed, split)
    linked = soft_entity >= 0
    if len(entity_split):
        soft_split[linked] = entity_split[soft_entity[linked]]
    for text in (*vocabulary, *cand_vocab, *sink.labels):
        check_text(text, what="vocabulary entry")

    edge_index, edge_type, edge_weight = sink.edge_arrays()
    flags = conflict_flags(graph)  # the contradiction flag every export carries
    arrays: dict[str, Array] = {
        "x": x,
        "node_kind": kind,
        "node_code_point": code_point,
        "node_position": position,
        "node_label": np.frombuffer(sink.label, dtype=np.int32).copy(),
        "node_label_vocabulary": _strings(list(sink.labels)),
        "node_y": node_y,
        "train_mask": masks["train"],
        "valid_mask": masks["valid"],
        "test_mask": masks["test"],
        "edge_index": edge_index,
        "edge_type": edge_type,
        "edge_weight": edge_weight,
        "entity_id": _strings(sink.entity_ids),
        "entity_node": entity_node,
        "entity_type": entity_type,
        "entity_split": entity_split,
        "train_entities": np.flatnonzero(entity_split == 0).astype(np.int64),
        "valid_entities": np.flatnonzero(entity_split == 1).astype(np.int64),
        "test_entities": np.flatnonzero(entity_split == 2).astype(np.int64),
        "relation_node": np.array([sink.item_nodes[r.id] for r in relations], dtype=np.int64),
        "relation_subject": rel_subject,
        "relation_object": np.array(
            [entity_index.get(r.object, -1) for r in relations], dtype=np.int64
        ),
        "relation_type": np.array(
            [predicate_index[r.predicate] for r in relations], dtype=np.int64
        ),
        "relation_vocabulary": _strings(vocabulary),
        "relation_negated": np.array([r.negated for r in relations], dtype=bool),
        "relation_confidence": np.array([r.confidence for r in relations], dtype=np.float32),
        "relation_conflict": np.array([r.id in flags for r in relations], dtype=bool),
        "relation_split": rel_split,
        "soft_probs": soft_probs,
        "soft_candidates": soft_cand,
        "soft_mask": soft_cand >= 0,
        "soft_candidate_vocabulary": _strings(list(cand_vocab)),
        "soft_hard_label": np.array([int(np.argmax(t.logits)) for t in targets], dtype=np.int64),
        "soft_tail_mass": np.array([t.tail_mass for t in targets], dtype=np.float32),
        "soft_slot": _strings([t.slot for t in targets]),
        "soft_entity": soft_entity,
        "soft_split": soft_split,
        "temperature": np.array(temperature, dtype=np.float64),
        "alpha": np.array(alpha, dtype=np.float64),
        "seed": np.array(seed, dtype=np.int64),
    }
    manifest = _manifest(arrays, temperature=temperature, alpha=alpha, seed=seed, split=split)
    return arrays, manifest


_MEANING: Final[dict[str, str]] = {
    "x": "node features: one-hot node kind (columns 0-5 in NODE_KINDS order), code point / 0x10FFFF "
    "(characters, else 0), log(1 + position) (characters, else 0)",
    "node_kind": "node kind code, index into node_kinds",
    "node_code_point": "Unicode code point of an Input (character) node, -1 for other nodes",
    "node_position": "index of a character in its text (label, alias, value, step), -1 otherwise",
    "node_label": "index into node_label_vocabulary for Keyword hubs and Call item nodes (predicates, "
    "attribute names, kinds), -1 otherwise",
    "node_label_vocabulary": "strings of Keyword/Call nodes",
    "node_y": "entity type (index into entity_types) on entity concept nodes, -1 elsewhere",
    "train_mask": "entity concept nodes in the train split",
    "valid_mask": "entity concept nodes in the valid split",
    "test_mask": "entity concept nodes in the test split",
    "edge_index": "directed edges [source; target] as node indices (same order as the .grapheme.json)",
    "edge_type": "edge type code, index into edge_types",
    "edge_weight": "edge weight: 1.0 for structure, the item's confidence on role edges",
    "entity_id": "entity id (content hash) per entity, in graph order",
    "entity_node": "node index of each entity's Clique concept node",
    "entity_type": "entity type per entity, index into entity_types",
    "entity_split": "split per entity: 0 train, 1 valid, 2 test (seeded)",
    "train_entities": "indices of train entities (into the entity_* arrays)",
    "valid_entities": "indices of valid entities",
    "test_entities": "indices of test entities",
    "relation_node": "node index of each relation's predicate (Call) node",
    "relation_subject": "subject entity index, -1 if the id has no entity in the graph",
    "relation_object": "object entity index, -1 if the id has no entity in the graph",
    "relation_type": "predicate, index into relation_vocabulary",
    "relation_vocabulary": "sorted distinct predicates",
    "relation_negated": "the relation is asserted as false",
    "relation_confidence": "confidence of the relation (noisy-or over its evidence)",
    "relation_conflict": "the relation contradicts another: its negation, or another value of "
    "a functional property (grapheme-distill show lists which)",
    "relation_split": "split of the relation's subject entity (train when the subject is unresolved)",
    "soft_probs": "teacher probabilities softmax(logits / T) at `temperature`, zero-padded per row",
    "soft_candidates": "candidate per column, index into soft_candidate_vocabulary, -1 padding",
    "soft_mask": "true where soft_candidates is a real candidate",
    "soft_candidate_vocabulary": "candidate strings (tokens or answers) of all soft targets",
    "soft_hard_label": "column of the teacher's most probable candidate (the hard label for CE)",
    "soft_tail_mass": "probability (T = 1) the teacher gave to unlisted outcomes",
    "soft_slot": "what each distribution is about (cloze text or answer prefix)",
    "soft_entity": "entity index the target's teacher call taught about (lowest index), -1 if none",
    "soft_split": "split of the soft target: its entity's split, else a seeded split of target ids",
    "temperature": "T used for soft_probs",
    "alpha": "distillation weight: loss = alpha * T^2 * KL(teacher || student) + (1 - alpha) * CE",
    "seed": "seed of the splits",
}


def _manifest(
    arrays: dict[str, Array],
    *,
    temperature: float,
    alpha: float,
    seed: int,
    split: tuple[float, float, float],
) -> dict[str, Any]:
    return {
        "format": STUDENT_FORMAT,
        "temperature": temperature,
        "alpha": alpha,
        "loss": "alpha * T^2 * KL(p_teacher,T || p_student,T) + (1 - alpha) * CE(student, soft_hard_label)",
        "seed": seed,
        "split_fractions": dict(zip(SPLITS, split, strict=True)),
        "node_kinds": list(NODE_KINDS),
        "edge_types": list(EDGE_TYPES),
        "entity_types": list(_ENTITY_TYPES),
        "hubs": list(HUBS),
        "counts": {
            "nodes": int(arrays["x"].shape[0]),
            "edges": int(arrays["edge_index"].shape[1]),
            "entities": int(arrays["entity_node"].shape[0]),
            "relations": int(arrays["relation_node"].shape[0]),
            "soft_targets": int(arrays["soft_probs"].shape[0]),
            **{f"{name}_entities": int(arrays[f"{name}_entities"].shape[0]) for name in SPLITS},
        },
        "arrays": {
            name: {"shape": list(value.shape), "dtype": str(value.dtype), "meaning": _MEANING[name]}
            for name, value in arrays.items()
        },
    }


def to_pyg_data(arrays: dict[str, Array]) -> Any:
    """A PyTorch Geometric ``Data`` object from :func:`build_student_arrays`' arrays.

    ``x``, ``edge_index``, ``edge_type``, ``edge_weight``, ``y`` (= ``node_y``) and the split masks
    (``train_mask``/``val_mask``/``test_mask``) use PyG's names; every other numeric array is
    attached under its own name, strings are left to the ``.npz``/manifest.

    Raises:
        MissingDependency: torch or torch_geometric is not installed (extra ``[torch]``).
    """
    try:
        import torch
        from torch_geometric.data import Data
    except ImportError as exc:
        raise MissingDependency(
            "the PyTorch Geometric Data object of the student export", "torch"
        ) from exc
    renamed = {"node_y": "y", "valid_mask": "val_mask"}
    tensors = {
        renamed.get(name, name): torch.from_numpy(np.ascontiguousarray(value))
        for name, value in arrays.items()
        if value.dtype.kind != "U"
    }
    return Data(**tensors)


@dataclass
class StudentExport:
    """What :func:`export_student` wrote and built."""

    npz_path: Path
    manifest_path: Path
    arrays: dict[str, Array]
    manifest: dict[str, Any]
    pyg_path: Path | None = None
    data: Any = None
    notes: list[str] = field(default_factory=list)


def student_paths(path: str | os.PathLike[str]) -> tuple[Path, Path, Path]:
    """``(npz, manifest, pt)`` for ``out/name`` or ``out/name.npz``."""
    p = Path(path)
    stem = p.name.removesuffix(".npz")
    if not stem:
        raise ExportError(f"{path}: give the student export a file name, e.g. out/student.npz")
    return (
        p.with_name(stem + ".npz"),
        p.with_name(stem + ".manifest.json"),
        p.with_name(stem + ".pt"),
    )


def export_student(
    graph: KnowledgeGraph,
    soft_targets: Iterable[SoftTarget],
    path: str | os.PathLike[str],
    *,
    config: DistillationConfig | None = None,
    temperature: float | None = None,
    alpha: float | None = None,
    seed: int = 0,
    split: tuple[float, float, float] = (0.8, 0.1, 0.1),
    pyg: bool | None = None,
) -> StudentExport:
    """Write ``<name>.npz`` + ``<name>.manifest.json`` (+ ``<name>.pt`` with PyG).

    Args:
        graph: the knowledge graph.
        soft_targets: the stored teacher distributions.
        path: ``out/name`` or ``out/name.npz``.
        config: source of T (``temperature``) and α (``distillation_weight``); defaults to
            :meth:`DistillationConfig.load` (defaults plus ``GRAPHEME_DISTILL_*`` variables).
        temperature: overrides ``config.temperature``.
        alpha: overrides ``config.distillation_weight``.
        seed: split seed.
        split: train/valid/test fractions.
        pyg: True requires the PyG ``Data`` object (raises without the extra), False skips it,
            None (default) writes it when torch and torch_geometric are installed.

    Raises:
        MissingDependency: ``pyg=True`` without the ``[torch]`` extra.
        InvalidConfig: bad temperature, α or split.
        ExportError: the files cannot be written.
    """
    cfg = config if config is not None else DistillationConfig.load()
    t = cfg.temperature if temperature is None else temperature
    a = cfg.distillation_weight if alpha is None else alpha
    npz_path, manifest_path, pt_path = student_paths(path)
    arrays, manifest = build_student_arrays(
        graph, soft_targets, temperature=t, alpha=a, seed=seed, split=split
    )
    result = StudentExport(
        npz_path=npz_path, manifest_path=manifest_path, arrays=arrays, manifest=manifest
    )
    if pyg is not False:
        try:
            result.data = to_pyg_data(arrays)
        except MissingDependency as exc:
            if pyg:
                raise
            result.notes.append(f"no {pt_path.name}: {exc}")
    manifest["files"] = {
        "arrays": npz_path.name,
        "pyg": pt_path.name if result.data is not None else None,
    }
    try:
        npz_path.parent.mkdir(parents=True, exist_ok=True)
        with open(npz_path, "wb") as fh:
            np.savez_compressed(fh, allow_pickle=False, **arrays)
        manifest_path.write_text(
            json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        if result.data is not None:
            import torch

            torch.save(result.data, pt_path)
            result.pyg_path = pt_path
    except OSError as exc:
        raise ExportError(f"cannot write the student export {npz_path}: {exc}") from exc
    return result


def export_student_format(
    graph: KnowledgeGraph,
    path: Path,
    *,
    store: GraphStore | None = None,
    config: DistillationConfig | None = None,
) -> Any:
    """The ``student`` format of :func:`grapheme_distill.export.export_graph`: soft targets come
    from ``store`` (none when exporting an in-memory graph)."""
    from grapheme_distill.export import ExportReport

    targets = store.iter_soft_targets() if store is not None else ()
    result = export_student(graph, targets, path, config=config)
    counts = result.manifest["counts"]
    return ExportReport(
        format="student",
        path=str(result.npz_path),
        nodes=counts["nodes"],
        edges=counts["edges"],
        details={
            "manifest": str(result.manifest_path),
            "pyg": str(result.pyg_path) if result.pyg_path else None,
            "temperature": result.manifest["temperature"],
            "alpha": result.manifest["alpha"],
            **{k: v for k, v in counts.items() if k not in ("nodes", "edges")},
            "notes": result.notes,
        },
    )
