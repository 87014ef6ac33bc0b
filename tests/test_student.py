"""Student-training export: arrays match the GRAPHEME graph, splits are seeded and disjoint, soft
labels are re-tempered exactly, the manifest describes every array, PyG with and without torch."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from grapheme_distill.cli import cli
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import InvalidConfig, MissingDependency
from grapheme_distill.grapheme import read_grapheme, to_grapheme
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    Provenance,
    Relation,
)
from grapheme_distill.soft_targets import SoftTarget
from grapheme_distill.store import open_store
from grapheme_distill.student import build_student_arrays, export_student, to_pyg_data


def make_graph(n: int = 40) -> tuple[KnowledgeGraph, list[SoftTarget]]:
    kg = KnowledgeGraph()
    types = list(EntityType)
    ents = [Entity(name=f"entité {i} 👍🏽", type=types[i % len(types)]) for i in range(n)]
    for e in ents:
        kg.add_entity(e)
    for i in range(n):
        kg.add_item(
            Relation(
                subject=ents[i].id,
                predicate=["located_in", "part_of", "owns"][i % 3],
                object=ents[(i * 7 + 1) % n].id,
                confidence=0.5 + i / (4 * n),
                negated=i % 9 == 0,
            ),
            source=f"call-{i}",
            extractor="rules@1",
        )
    targets = [
        SoftTarget.from_logits(
            f"slot {i}", ["a", "b", "c"][: 2 + i % 2], [2.0, 1.0, 0.0][: 2 + i % 2]
        ).model_copy(update={"metadata": {"call_hash": f"call-{i}"} if i % 2 else {}})
        for i in range(12)
    ]
    return kg, targets


def test_arrays_describe_the_grapheme_graph(tmp_path: Path) -> None:
    kg, targets = make_graph(6)
    arrays, manifest = build_student_arrays(kg, targets, temperature=2.0, alpha=0.3)
    doc = json.loads(to_grapheme(kg, tmp_path / "g").graph_path.read_text(encoding="utf-8"))
    nodes, edges = doc["graph"]["nodes"], doc["graph"]["edges"]
    assert arrays["x"].shape == (len(nodes), 8)
    assert arrays["edge_index"].tolist() == [[e[0] for e in edges], [e[1] for e in edges]]
    assert np.allclose(arrays["edge_weight"], [e[2]["weight"] for e in edges])
    kinds = manifest["node_kinds"]
    for i, node in enumerate(nodes):
        nt = node["node_type"]
        kind = nt if isinstance(nt, str) else next(iter(nt))
        assert kinds[arrays["node_kind"][i]] == kind
        if kind == "Input":
            assert arrays["node_code_point"][i] == ord(nt["Input"])
            assert arrays["node_position"][i] == node["position"]
    assert [manifest["edge_types"][t] for t in arrays["edge_type"]] == [
        e[2]["edge_type"] for e in edges
    ]
    for ent_index, node in enumerate(arrays["entity_node"]):
        eid = str(arrays["entity_id"][ent_index])
        assert nodes[node]["node_type"] == {"Clique": doc["cliques"][ent_index]}
        assert manifest["entity_types"][arrays["node_y"][node]] == kg.entities[eid].type.value
    rels = list(kg.relations.values())
    vocab = arrays["relation_vocabulary"].tolist()
    assert [vocab[t] for t in arrays["relation_type"]] == [r.predicate for r in rels]
    assert arrays["relation_negated"].tolist() == [r.negated for r in rels]
    for node, rel in zip(arrays["relation_node"], rels, strict=True):
        assert nodes[node]["node_type"] == {"Call": rel.predicate}


def test_soft_labels_are_the_targets_at_the_chosen_temperature() -> None:
    kg, targets = make_graph(10)
    arrays, manifest = build_student_arrays(kg, targets, temperature=3.0, alpha=0.25)
    assert float(arrays["temperature"]) == 3.0 and float(arrays["alpha"]) == 0.25
    assert manifest["alpha"] == 0.25
    vocab = arrays["soft_candidate_vocabulary"].tolist()
    for row, target in enumerate(targets):
        k = len(target.candidates)
        expected = target.with_temperature(3.0).probabilities
        assert np.allclose(arrays["soft_probs"][row, :k], expected, atol=1e-6)
        assert arrays["soft_mask"][row].sum() == k
        assert [vocab[c] for c in arrays["soft_candidates"][row, :k]] == list(target.candidates)
        assert arrays["soft_hard_label"][row] == target.candidates.index(target.argmax())
    assert np.allclose(arrays["soft_probs"].sum(axis=1), 1.0, atol=1e-5)
    # softer at higher temperature: the top probability falls
    cold, _ = build_student_arrays(kg, targets, temperature=1.0, alpha=0.25)
    assert (arrays["soft_probs"].max(axis=1) < cold["soft_probs"].max(axis=1)).all()


def test_splits_are_seeded_disjoint_and_by_entity() -> None:
    kg, targets = make_graph(40)
    a, _ = build_student_arrays(kg, targets, temperature=2.0, alpha=0.5, seed=7)
    b, _ = build_student_arrays(kg, targets, temperature=2.0, alpha=0.5, seed=7)
    c, _ = build_student_arrays(kg, targets, temperature=2.0, alpha=0.5, seed=8)
    for name in a:
        assert np.array_equal(a[name], b[name]), name
    assert not np.array_equal(a["entity_split"], c["entity_split"])
    train, valid, test = (set(a[f"{s}_entities"].tolist()) for s in ("train", "valid", "test"))
    assert (len(train), len(valid), len(test)) == (32, 4, 4)
    assert not (train & valid or train & test or valid & test)
    assert train | valid | test == set(range(40))
    assert (
        not (a["train_mask"] & a["valid_mask"]).any()
        and not (a["train_mask"] & a["test_mask"]).any()
    )
    assert a["train_mask"].sum() == 32 and set(np.flatnonzero(a["test_mask"])) == set(
        a["entity_node"][list(test)]
    )
    # relations follow their subject; soft targets linked through their call follow its entity
    assert np.array_equal(a["relation_split"], a["entity_split"][a["relation_subject"]])
    linked = a["soft_entity"] >= 0
    assert linked.sum() == 6
    assert np.array_equal(a["soft_split"][linked], a["entity_split"][a["soft_entity"][linked]])


def test_split_does_not_depend_on_insertion_order() -> None:
    kg, targets = make_graph(30)
    reversed_kg = KnowledgeGraph()
    for e in reversed(list(kg.entities.values())):
        reversed_kg.add_entity(e)
    reversed_kg.relations = dict(kg.relations)
    reversed_kg.evidence = dict(kg.evidence)
    a, _ = build_student_arrays(kg, targets, temperature=2.0, alpha=0.5, seed=1)
    b, _ = build_student_arrays(reversed_kg, targets, temperature=2.0, alpha=0.5, seed=1)
    split_a = dict(zip(a["entity_id"].tolist(), a["entity_split"].tolist(), strict=True))
    split_b = dict(zip(b["entity_id"].tolist(), b["entity_split"].tolist(), strict=True))
    assert split_a == split_b


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"temperature": 0.0}, "temperature"),
        ({"alpha": 1.5}, "distillation_weight"),
        ({"split": (0.5, 0.6, 0.1)}, "split"),
    ],
)
def test_bad_settings_name_the_field(kwargs: dict[str, object], field: str) -> None:
    kg, targets = make_graph(3)
    args: dict[str, object] = {"temperature": 2.0, "alpha": 0.5, **kwargs}
    with pytest.raises(InvalidConfig, match=field):
        build_student_arrays(kg, targets, **args)  # type: ignore[arg-type]


def test_files_and_manifest_describe_every_array(tmp_path: Path) -> None:
    kg, targets = make_graph(10)
    result = export_student(
        kg,
        targets,
        tmp_path / "student",
        config=DistillationConfig(temperature=4.0, distillation_weight=0.7),
        pyg=False,
    )
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert (manifest["temperature"], manifest["alpha"]) == (4.0, 0.7)
    with np.load(result.npz_path, allow_pickle=False) as npz:
        assert set(npz.files) == set(manifest["arrays"])
        for name, spec in manifest["arrays"].items():
            assert list(npz[name].shape) == spec["shape"], name
            assert str(npz[name].dtype) == spec["dtype"], name
            assert spec["meaning"]
    assert result.pyg_path is None and not (tmp_path / "student.pt").exists()


def test_pyg_data_when_torch_is_installed(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    pytest.importorskip("torch_geometric")
    kg, targets = make_graph(10)
    result = export_student(kg, targets, tmp_path / "s.npz", temperature=2.0, alpha=0.5)
    data = result.data
    assert data.num_nodes == result.arrays["x"].shape[0]
    assert torch.equal(data.edge_index, torch.from_numpy(result.arrays["edge_index"]))
    assert torch.equal(data.y, torch.from_numpy(result.arrays["node_y"]))
    assert int(data.val_mask.sum()) == len(result.arrays["valid_entities"])
    loaded = torch.load(result.pyg_path, weights_only=False)
    assert torch.equal(loaded.x, data.x)


def test_without_torch_arrays_are_written_and_the_message_says_how(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)
    monkeypatch.setitem(sys.modules, "torch_geometric", None)
    monkeypatch.setitem(sys.modules, "torch_geometric.data", None)
    kg, targets = make_graph(5)
    result = export_student(kg, targets, tmp_path / "s", temperature=2.0, alpha=0.5)
    assert result.data is None and result.npz_path.is_file()
    assert "pip install 'grapheme-distill[torch]'" in result.notes[0]
    with pytest.raises(MissingDependency, match=r"\[torch\]"):
        export_student(kg, targets, tmp_path / "t", temperature=2.0, alpha=0.5, pyg=True)
    with pytest.raises(MissingDependency):
        to_pyg_data(result.arrays)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "kg.db"
    store = open_store(path)
    paris, france = Entity(name="Paris", type="LOCATION"), Entity(name="Françe 🇫🇷", type="LOCATION")
    store.add_knowledge(
        DistilledKnowledge(
            knowledge_type="relational",
            prompt="Where is Paris?",
            response="Paris is in France.",
            entities=(paris, france),
            relations=(
                Relation(
                    subject=paris.id, predicate="located_in", object=france.id, confidence=0.9
                ),
            ),
            confidence=Confidence(value=0.9),
            provenance=Provenance(call_hash="call-1", extractor="rules@1"),
        )
    )
    store.add_soft_target(
        SoftTarget.from_logits(
            "The capital of France is", ["Paris", "Lyon"], [3.0, 1.0]
        ).model_copy(update={"metadata": {"call_hash": "call-1"}})
    )
    store.close()
    return path


def test_cli_exports_grapheme_from_a_store(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "kg.grapheme.json"
    out.parent.mkdir()
    res = CliRunner().invoke(
        cli, ["export", "--store", str(store_path), "--format", "grapheme", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    store = open_store(store_path)
    try:
        assert read_grapheme(out) == store.to_knowledge_graph()
    finally:
        store.close()
    assert (tmp_path / "out" / "kg.sidecar.json").is_file()


def test_cli_exports_student_data_from_a_store(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "student.npz"
    res = CliRunner().invoke(
        cli, ["export", "--store", str(store_path), "--format", "student", "-o", str(out), "--json"]
    )
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["details"]["soft_targets"] == 1 and report["details"]["entities"] == 2
    with np.load(out, allow_pickle=False) as npz:
        assert npz["soft_entity"].tolist() == [0]  # linked to Paris through call-1
        assert np.isclose(float(npz["temperature"]), DistillationConfig().temperature)


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_graphs_without_soft_targets(tmp_path: Path, n: int) -> None:
    kg, _ = make_graph(n) if n else (KnowledgeGraph(), [])
    result = export_student(kg, [], tmp_path / "tiny", temperature=2.0, alpha=0.5, pyg=False)
    counts = result.manifest["counts"]
    assert counts["entities"] == n and counts["soft_targets"] == 0
    # the hubs in use (entity type, knowledge:relational, negated: the one relation is negated) +
    # characters + concept + the 👍🏽 Pattern node + the (self-)relation node; nothing when empty
    assert counts["nodes"] == (len("entité 0 👍🏽") + 6 if n else 0)
    with np.load(result.npz_path, allow_pickle=False) as npz:
        assert npz["soft_probs"].shape == (0, 0)
        assert npz["edge_index"].shape[0] == 2
        assert npz["train_entities"].tolist() == ([0] if n else [])


def test_cli_student_export_takes_temperature_and_alpha_from_the_config(
    store_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "student.npz"
    res = CliRunner().invoke(
        cli,
        [
            "export",
            "--store",
            str(store_path),
            "--format",
            "student",
            "-o",
            str(out),
            "--preset",
            "quality",
            "--set",
            "temperature=4.5",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["details"]["temperature"] == 4.5
    assert report["details"]["alpha"] == DistillationConfig.quality().distillation_weight
    with np.load(out, allow_pickle=False) as npz:
        assert np.isclose(float(npz["temperature"]), 4.5)
