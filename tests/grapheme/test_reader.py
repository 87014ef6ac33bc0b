"""read_grapheme: damaged, truncated or mismatched exports are errors naming the file, never a
silently different graph."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme import GraphemeReader, read_grapheme, to_grapheme
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


def _sample() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    paris, france = Entity(name="Paris", type=EntityType.LOCATION), Entity(name="France 🇫🇷")
    kg.add_entity(paris)
    kg.add_entity(france)
    kg.add_item(
        Relation(subject=paris.id, predicate="located_in", object=france.id, confidence=0.9),
        source="call-1",
        extractor="rules@1",
    )
    return kg


def test_missing_sidecar_is_named(tmp_path: Path) -> None:
    kg = _sample()
    result = to_grapheme(kg, tmp_path / "kg")
    result.sidecar_path.unlink()
    with pytest.raises(ExportError, match=r"kg\.sidecar\.json: sidecar not found"):
        read_grapheme(result.graph_path)


def test_truncated_graph_is_reported_not_read_as_empty(tmp_path: Path) -> None:
    kg = _sample()
    result = to_grapheme(kg, tmp_path / "kg")
    data = result.graph_path.read_text(encoding="utf-8")
    result.graph_path.write_text(data[: len(data) // 2], encoding="utf-8")
    with pytest.raises(ExportError, match="not valid JSON"):
        read_grapheme(result.graph_path)


def test_sidecar_from_another_graph_is_refused(tmp_path: Path) -> None:
    kg = _sample()
    other = KnowledgeGraph()
    other.add_entity(Entity(name="x"))
    a = to_grapheme(kg, tmp_path / "a")
    b = to_grapheme(other, tmp_path / "b")
    a.sidecar_path.write_bytes(b.sidecar_path.read_bytes())
    with pytest.raises(ExportError, match="from different exports"):
        read_grapheme(a.graph_path)


def test_wrong_sidecar_format_is_refused(tmp_path: Path) -> None:
    result = to_grapheme(_sample(), tmp_path / "kg")
    result.sidecar_path.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ExportError, match="not a grapheme-distill sidecar"):
        read_grapheme(tmp_path / "kg")


def test_edited_graph_is_refused(tmp_path: Path) -> None:
    """An item node whose knowledge-type edge was removed cannot be read as some other item."""
    result = to_grapheme(_sample(), tmp_path / "kg")
    doc = json.loads(result.graph_path.read_text(encoding="utf-8"))
    nodes = doc["graph"]["nodes"]
    for edge in doc["graph"][
        "edges"
    ]:  # retype the hub edge into the predicate node (counts unchanged)
        if edge[2]["edge_type"] == "Structural" and nodes[edge[1]]["node_type"] == {
            "Call": "located_in"
        }:
            edge[2]["edge_type"] = "Skip"
    result.graph_path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ExportError, match="expected one edge to a 'knowledge:' hub"):
        read_grapheme(result.graph_path)


DATA = Path(__file__).parent / "data"


# The knowledge graph of the checked-in v1 fixture ``data/v1.grapheme.json`` (+ sidecar).
#
# The fixture was written by the first GRAPHEME writer (sidecar format v1: 17 hub ``Keyword`` nodes
# first, hubs as edge *targets*, relations and attributes as ``SemanticUnit`` nodes), which
# grapheme-core cannot load; the reader must still read such files.  It was generated once with that
# writer from :func:`v1_sample` (``src/grapheme_distill/grapheme/convert.py`` as of commit fd1d07e) and
# is kept as data, so the test does not depend on the old code.


def v1_sample() -> KnowledgeGraph:
    """Every item kind, negation, qualifiers, an empty value, an alias and a dangling id."""
    kg = KnowledgeGraph()
    paris = Entity(name="Paris", type=EntityType.LOCATION, aliases=("Lutèce",))
    france = Entity(name="Franc\u0327e 🇫🇷", type=EntityType.LOCATION)
    dna = Entity(name="DNA", type=EntityType.CONCEPT)
    for entity in (paris, france, dna):
        kg.add_entity(entity)
    kg.add_item(
        Relation(
            subject=paris.id,
            predicate="located in",
            object=france.id,
            confidence=0.9,
            qualifiers={"since": "508"},
            span=(0, 12),
        ),
        source="call-1",
        extractor="rules@1",
    )
    kg.add_item(
        Relation(
            subject=paris.id, predicate="located in", object=france.id, negated=True, confidence=0.2
        )
    )
    kg.add_item(
        Relation(subject=paris.id, predicate="twinned_with", object="sha256:gone", confidence=0.4)
    )
    kg.add_item(
        Attribute(
            entity=paris.id,
            name="population",
            value="2.1 million",
            datatype="number",
            confidence=0.7,
        ),
        source="call-1",
        extractor="rules@1",
    )
    kg.add_item(Attribute(entity=dna.id, name="note", value="", confidence=0.5))
    kg.add_item(Procedure(goal="visit", steps=("fly", "walk"), entity=paris.id, confidence=0.5))
    kg.add_item(
        HierarchyEdge(
            parent=france.id, child=paris.id, relation=HierarchyKind.PART_OF, confidence=0.8
        )
    )
    kg.add_item(
        LinguisticItem(
            entity=dna.id,
            relation=LinguisticKind.ABBREVIATION,
            value="Deoxyribonucleic acid",
            confidence=0.95,
        ),
        source="call-2",
        extractor="spacy@1",
    )
    return kg


def test_reads_files_of_the_first_layout() -> None:
    """A v1 export (hubs as edge targets, ``SemanticUnit`` predicates) still reads back exactly."""
    doc = json.loads((DATA / "v1.grapheme.json").read_text(encoding="utf-8"))
    kinds = {
        next(iter(n["node_type"])) if isinstance(n["node_type"], dict) else n["node_type"]
        for n in doc["graph"]["nodes"]
    }
    assert {"SemanticUnit", "Keyword", "Hidden"} <= kinds  # really the old layout
    assert read_grapheme(DATA / "v1") == v1_sample()


def test_current_layout_of_the_same_graph_reads_back(tmp_path: Path) -> None:
    kg = v1_sample()
    to_grapheme(kg, tmp_path / "v2")
    assert json.loads((tmp_path / "v2.sidecar.json").read_text(encoding="utf-8"))[
        "format"
    ].endswith("v2")
    assert read_grapheme(tmp_path / "v2") == kg


# Peak RSS of the reading alone: Linux's high-water mark (VmHWM) is reset after the imports
# (writing 5 to clear_refs), so a peak while importing (e.g. compiling .pyc files) does not count.
_MEASURE = """
import gc, json, re, sys
from pathlib import Path
from grapheme_distill.grapheme import GraphemeReader
def hwm():
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text())[1]) * 1024
def rss():
    return int(re.search(r"VmRSS:\\s+(\\d+) kB", Path("/proc/self/status").read_text())[1]) * 1024
gc.collect()
Path("/proc/self/clear_refs").write_text("5")
base = rss()
reader = GraphemeReader(sys.argv[1])
counts = [sum(1 for _ in reader.entities()), sum(1 for _ in reader.items()),
          sum(1 for _ in reader.evidence())]
print(json.dumps({"grown": hwm() - base, "counts": counts}))
"""


@pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc peak RSS reset"
)
def test_reading_back_streams_in_a_fraction_of_the_file_size(tmp_path: Path) -> None:
    """The reader never holds the document: reading a ~40 MB export grows the process by less
    than a quarter of the file (``json.load`` alone needs several times the file)."""
    kg = KnowledgeGraph()
    ents = [Entity(name=f"entity number {i} with a long label, Zoë 👍🏽 {i}") for i in range(3000)]
    for e in ents:
        kg.add_entity(e)
    for i, e in enumerate(ents):
        kg.add_item(
            Relation(subject=e.id, predicate="related_to", object=ents[i - 1].id, confidence=0.5),
            source=f"call-{i}",
            extractor="rules@1",
        )
    result = to_grapheme(kg, tmp_path / "big")
    size = result.graph_path.stat().st_size
    assert size > 30 * 2**20
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(result.graph_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(done.stdout)
    assert measured["counts"] == [3000, 3000, 3000]
    assert measured["grown"] < size / 4, (measured["grown"], size)


def test_items_stream_without_reading_entities_first(tmp_path: Path) -> None:
    kg = v1_sample()
    to_grapheme(kg, tmp_path / "kg")
    reader = GraphemeReader(tmp_path / "kg")
    assert list(reader.items()) == list(kg.iter_items())
    assert list(reader.entities()) == list(kg.entities.values())
    assert dict(reader.evidence()) == kg.evidence
