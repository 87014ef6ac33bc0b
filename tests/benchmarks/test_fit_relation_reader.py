"""benchmarks/fit_relation_reader.py: the fit scores what the extractor would offer."""

from __future__ import annotations

from typing import Any

import pytest

from grapheme_distill.extractors.spacy.structure_relations import STRUCTURE
from tests.conftest import benchmark_script


def _row(s: str, p: str, o: str, *features: str) -> dict[str, Any]:
    return {
        "subject": s,
        "predicate": p,
        "object": o,
        "negated": False,
        "source": "candidate",
        "features": ["source=candidate", *features],
    }


def _kept(script: Any, rows: list[tuple[str, dict[str, Any], str]], st: float | None) -> set[str]:
    preds = {"a": {"relations": [], "entities": []}}
    out = script.combined(preds, rows, [0.9] * len(rows), 0.1, 0.2, st)
    return {r["object"] for r in out["a"]["relations"]}


def test_with_the_layout_off_no_section_reading_or_layout_candidate_is_scored() -> None:
    pytest.importorskip("sklearn")
    script = benchmark_script("fit_relation_reader")
    rows = [
        ("a", _row("Loire", "rise_in", "Massif Central", "sk=pronoun"), "correct"),
        # the same clause read with its section's subject: offered only with the layout on
        ("a", _row("Paris", "rise_in", "Mont Gerbier", "sk=section_pronoun"), "wrong"),
        ("a", _row("Paris", "population", "2 million", STRUCTURE), "wrong"),
    ]
    # a model without a structure_threshold (None) reads no layout, nor does one whose
    # threshold keeps none (2.0): the extractor never offers those rows
    assert _kept(script, rows, None) == {"Massif Central"}
    assert _kept(script, rows, 2.0) == {"Massif Central"}
    assert _kept(script, rows, 0.5) == {"Massif Central", "Mont Gerbier", "2 million"}
