"""from_text / to_text: grapheme-core's character chain, exact for every string."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grapheme_distill.errors import ExportError
from grapheme_distill.grapheme import from_text, grapheme_clusters, to_text

SCHEMA_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "grapheme_graph.schema.json"

# characters that stress a text round trip: combining marks, ZWJ emoji, flags, controls, CR LF
TRICKY = [
    "e\u0301",
    "👩\u200d👩\u200d👧",
    "👍🏽",
    "🇫🇷",
    "\x00",
    "\x1b",
    "\r\n",
    "\u2028",
    "\ufeff",
    "한",
    "\u1100\u1161",
    "क्षि",
    "\U0010ffff",
    '"',
    "\\",
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip("../shared/grapheme_graph.schema.json is not beside the project")
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@given(st.text())
@settings(max_examples=300)
def test_to_text_inverts_from_text(text: str) -> None:
    assert to_text(from_text(text)) == text


@given(st.lists(st.sampled_from(TRICKY) | st.text(max_size=3)).map("".join))
@settings(max_examples=200)
def test_round_trip_through_json(text: str) -> None:
    """The graph survives a JSON encode/decode (what a file does) with the text intact."""
    doc = json.loads(json.dumps(from_text(text), ensure_ascii=False))
    assert to_text(doc) == text


@pytest.mark.parametrize("text", ["hi", "", "e\u0301 👍🏽 🇫🇷\x00\r\n"])
def test_layout_is_grapheme_core_chain(
    text: str, validator: jsonschema.Draft202012Validator
) -> None:
    doc = from_text(text)
    validator.validate(json.loads(json.dumps(doc)))
    nodes = doc["graph"]["nodes"]
    assert len(nodes) == len(text)  # one node per code point, clusters are not merged
    assert doc["input_nodes"] == list(range(len(text)))
    assert doc["cliques"] == []
    assert doc["graph"]["edges"] == [
        [i, i + 1, {"weight": 1.0, "edge_type": "Sequential"}] for i in range(len(text) - 1)
    ]
    for i, (char, node) in enumerate(zip(text, nodes, strict=True)):
        assert node["node_type"] == {"Input": char}
        assert node["position"] == i
        assert node["value"] == (ord(char) if ord(char) < 128 else None)
        assert (node["activation"], node["pre_activation"], node["activation_fn"]) == (
            1.0,
            1.0,
            "Linear",
        )


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("abc", []),
        ("a\r\nb", [(1, 3)]),
        ("cafe\u0301!", [(3, 5)]),
        ("👍🏽🇫🇷x", [(0, 2), (2, 4)]),
        ("Zoë München 東京", []),
        ("👩\u200d👩\u200d👧", [(0, 5)]),
        ("क्षि", [(0, 4)]),
    ],
)
def test_grapheme_clusters(text: str, clusters: list[tuple[int, int]]) -> None:
    assert grapheme_clusters(text) == clusters


def test_lone_surrogate_is_refused_with_position() -> None:
    with pytest.raises(ExportError, match="lone surrogate at index 2"):
        from_text("ab\ud800c")


@pytest.mark.parametrize(
    "doc",
    [
        {},
        {"graph": {"nodes": []}},
        {"graph": {"nodes": [{"node_type": "Hidden"}]}, "input_nodes": [0]},
        {"graph": {"nodes": []}, "input_nodes": [3]},
    ],
)
def test_to_text_rejects_non_graphs(doc: dict[str, object]) -> None:
    with pytest.raises(ExportError):
        to_text(doc)
