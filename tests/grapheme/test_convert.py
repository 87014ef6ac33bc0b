"""KnowledgeGraph → GRAPHEME (+ sidecar) → KnowledgeGraph is lossless, and the files are valid."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme import from_text, read_grapheme, to_grapheme, to_text
from grapheme_distill.grapheme.layout import HUBS
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)

SCHEMA_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "grapheme_graph.schema.json"
TRICKY = [
    "e\u0301",
    "👩\u200d👩\u200d👧",
    "👍🏽",
    "🇫🇷",
    "\x00",
    "\x07",
    "\r\n",
    "\t",
    "Zoë",
    "東京",
    "Ångström",
    '"',
    "\\",
    "\u2028",
    "\U0001f600",
]

texts = st.lists(st.sampled_from(TRICKY) | st.text(max_size=4), max_size=5).map("".join)
confidences = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
spans = st.none() | st.tuples(st.integers(0, 500), st.integers(0, 500))


@st.composite
def knowledge_graphs(draw: st.DrawFn) -> KnowledgeGraph:
    """Graphs with every item kind, tricky text everywhere, evidence and dangling ids."""
    kg = KnowledgeGraph()
    for _ in range(draw(st.integers(0, 5))):
        kg.add_entity(
            Entity(
                name=draw(texts),
                type=draw(st.sampled_from(list(EntityType))),
                aliases=tuple(draw(st.lists(texts, max_size=3))),
            )
        )
    ids = list(kg.entities) + ["sha256:dangling-entity"]
    ref = st.sampled_from(ids)
    sources = st.none() | st.sampled_from(["call-a", "call-b", "knowledge-c"])

    def add(item: Any) -> None:
        kg.add_item(
            item, source=draw(sources), extractor=draw(st.sampled_from(["rules@1", "llm@2"]))
        )

    for _ in range(draw(st.integers(0, 4))):
        add(
            Relation(
                subject=draw(ref),
                predicate=draw(texts) or "related_to",
                object=draw(ref),
                negated=draw(st.booleans()),
                confidence=draw(confidences),
                span=draw(spans),
                qualifiers=draw(st.dictionaries(texts, texts, max_size=2)),
            )
        )
    for _ in range(draw(st.integers(0, 3))):
        add(
            Attribute(
                entity=draw(ref),
                name=draw(texts),
                value=draw(texts),
                datatype=draw(st.sampled_from(["string", "number", "date"])),
                confidence=draw(confidences),
                span=draw(spans),
            )
        )
    for _ in range(draw(st.integers(0, 2))):
        add(
            Procedure(
                goal=draw(texts),
                steps=tuple(draw(st.lists(texts, max_size=4))),
                entity=draw(st.none() | ref),
                confidence=draw(confidences),
            )
        )
    for _ in range(draw(st.integers(0, 3))):
        add(
            HierarchyEdge(
                parent=draw(ref),
                child=draw(ref),
                relation=draw(st.sampled_from(list(HierarchyKind))),
                confidence=draw(confidences),
                span=draw(spans),
            )
        )
    for _ in range(draw(st.integers(0, 3))):
        add(
            LinguisticItem(
                entity=draw(ref),
                relation=draw(st.sampled_from(list(LinguisticKind))),
                value=draw(texts),
                confidence=draw(confidences),
            )
        )
    return kg


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip("../shared/grapheme_graph.schema.json is not beside the project")
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@given(kg=knowledge_graphs())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_export_then_read_gives_an_equal_graph(
    kg: KnowledgeGraph, validator: jsonschema.Draft202012Validator
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = to_grapheme(kg, Path(tmp) / "kg")
        doc = json.loads(result.graph_path.read_text(encoding="utf-8"))
        validator.validate(doc)
        assert len(doc["graph"]["nodes"]) == result.nodes
        assert len(doc["graph"]["edges"]) == result.edges
        back = read_grapheme(result.graph_path)
    assert back == kg
    assert back.contradictions() == kg.contradictions()


def _sample() -> tuple[KnowledgeGraph, Entity, Entity]:
    kg = KnowledgeGraph()
    paris = Entity(name="Paris", type=EntityType.LOCATION, aliases=("Lutèce",))
    france = Entity(name="Franc\u0327e 🇫🇷", type=EntityType.LOCATION)
    kg.add_entity(paris)
    kg.add_entity(france)
    kg.add_item(
        Relation(subject=paris.id, predicate="located in", object=france.id, confidence=0.9),
        source="call-1",
        extractor="rules@1",
    )
    kg.add_item(
        Relation(
            subject=paris.id, predicate="located in", object=france.id, negated=True, confidence=0.2
        )
    )
    kg.add_item(Procedure(goal="visit", steps=("fly", "walk"), entity=paris.id, confidence=0.5))
    return kg, paris, france


def test_graph_itself_carries_labels_types_predicates_and_confidences(tmp_path: Path) -> None:
    """What the docs promise lives in GRAPHEME's own types, checked on the raw file."""
    kg, paris, france = _sample()
    result = to_grapheme(kg, tmp_path / "kg.grapheme.json")
    doc = json.loads(result.graph_path.read_text(encoding="utf-8"))
    nodes, edges = doc["graph"]["nodes"], doc["graph"]["edges"]
    hub = {n["node_type"]["Keyword"]: i for i, n in enumerate(nodes) if "Keyword" in n["node_type"]}
    # only the hubs the graph uses, each classifying at least one node
    assert set(hub) == {
        "entity_type:LOCATION",
        "knowledge:relational",
        "knowledge:procedural",
        "negated",
    }
    assert set(hub) <= set(HUBS)
    # every text is a chain of single code points, a Clique over it, listed in cliques
    labels = [
        "".join(nodes[m]["node_type"]["Input"] for m in members) for members in doc["cliques"]
    ]
    assert labels == ["Paris", "Lutèce", "Franc\u0327e 🇫🇷", "visit", "fly", "walk"]
    assert to_text(doc) == "".join(labels)
    concept = {
        label: next(i for i, n in enumerate(nodes) if n["node_type"] == {"Clique": members})
        for label, members in zip(labels, doc["cliques"], strict=True)
    }
    # the multi-code-point clusters are marked with their UTF-8 bytes
    patterns = [
        n["node_type"]["Pattern"]
        for n in nodes
        if isinstance(n["node_type"], dict) and "Pattern" in n["node_type"]
    ]
    assert sorted(patterns) == sorted([list("c\u0327".encode()), list("🇫🇷".encode())])
    # entity type: a Structural edge from its hub to the concept
    assert [
        hub["entity_type:LOCATION"],
        concept["Paris"],
        {"weight": 1.0, "edge_type": "Structural"},
    ] in edges
    # relation: subject -> Call(predicate) -> object, weight = confidence, negation hub -> it
    predicate_nodes = [i for i, n in enumerate(nodes) if n["node_type"] == {"Call": "located_in"}]
    assert len(predicate_nodes) == 2
    asserted = kg.relations[Relation(subject=paris.id, predicate="located_in", object=france.id).id]
    weights = {(s, d): e["weight"] for s, d, e in edges}
    negated = [p for p in predicate_nodes if (hub["negated"], p) in weights]
    (pos,) = set(predicate_nodes) - set(negated)
    assert weights[(concept["Paris"], pos)] == asserted.confidence
    assert weights[(pos, concept["Franc\u0327e 🇫🇷"])] == asserted.confidence
    # procedure steps are ordered concepts joined by a Sequential edge
    assert weights[(concept["fly"], concept["walk"])] == 1.0
    # character nodes: value only for ASCII, positions within the text
    for members in doc["cliques"]:
        for pos_in_text, m in enumerate(members):
            assert nodes[m]["position"] == pos_in_text
            assert nodes[m]["activation_fn"] == "Linear"


def test_streamed_nodes_equal_from_text(tmp_path: Path) -> None:
    """The streaming writer spells a text's nodes exactly as from_text builds them."""
    kg = KnowledgeGraph()
    text = 'ab"\\\x00é👍🏽'
    kg.add_entity(Entity(name=text))
    doc = json.loads(to_grapheme(kg, tmp_path / "one").graph_path.read_text(encoding="utf-8"))
    chain = doc["graph"]["nodes"][1 : 1 + len(text)]  # after the one entity-type hub
    assert chain == from_text(text)["graph"]["nodes"]


def test_lone_surrogate_fails_without_leaving_files(tmp_path: Path) -> None:
    kg = KnowledgeGraph()
    kg.add_entity(Entity(name="fine"))
    # Entity() itself refuses surrogates (its id hashes UTF-8), but alias lists read from a
    # damaged source can still carry one; construct it unchecked to get past validation
    kg.add_entity(
        Entity.model_construct(
            id="sha256:x", name="bad", type=EntityType.OTHER, aliases=("ok", "bad \udc80 alias")
        )
    )
    with pytest.raises(ExportError, match="lone surrogate"):
        to_grapheme(kg, tmp_path / "kg")
    assert list(tmp_path.iterdir()) == []


def test_empty_graph_round_trips(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    result = to_grapheme(KnowledgeGraph(), tmp_path / "empty")
    validator.validate(json.loads(result.graph_path.read_text(encoding="utf-8")))
    assert read_grapheme(tmp_path / "empty") == KnowledgeGraph()


@pytest.mark.parametrize("n", [1025, 2100])
def test_large_graph_crosses_every_buffer_boundary(
    tmp_path: Path, n: int, validator: jsonschema.Draft202012Validator
) -> None:
    """Thousands of texts and evidence records: batched writes and spool copies stay exact."""
    kg = KnowledgeGraph()
    ents = [
        Entity(name=f"{TRICKY[i % len(TRICKY)]} {i}", type=list(EntityType)[i % 8])
        for i in range(n)
    ]
    for e in ents:
        kg.add_entity(e)
    for i, e in enumerate(ents):
        kg.add_item(
            Relation(
                subject=e.id, predicate="related_to", object=ents[(i + 1) % n].id, confidence=i / n
            ),
            source=f"call-{i % 3}",
            extractor="rules@1",
        )
    result = to_grapheme(kg, tmp_path / "big")
    doc = json.loads(result.graph_path.read_text(encoding="utf-8"))
    if n == 1025:  # schema validation is slow on big documents: once is enough
        validator.validate(doc)
    assert len(doc["graph"]["nodes"]) == result.nodes and len(doc["graph"]["edges"]) == result.edges
    assert len(doc["cliques"]) == n
    assert to_text(doc) == "".join(e.name for e in ents)
    assert read_grapheme(result.graph_path) == kg
