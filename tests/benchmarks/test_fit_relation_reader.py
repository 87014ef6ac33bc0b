"""benchmarks/fit_relation_reader.py: the fit scores what the extractor would offer."""

from __future__ import annotations

import contextlib
import io
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


def test_the_layout_floor_needs_a_least_number_of_kept_candidates() -> None:
    pytest.importorskip("sklearn")
    script = benchmark_script("fit_relation_reader")
    # one layout candidate passes 0.5 and it is right: "right every time" on one row
    outcomes = ["correct", "wrong", "wrong", "correct", "wrong"]
    rows = [("a", _row("X", "value", f"Y{i}", STRUCTURE), o) for i, o in enumerate(outcomes)]
    probs = [0.9, 0.3, 0.3, 0.3, 0.3]
    assert script.structure_precision(rows, probs, 0.5) == 1.0
    assert script.structure_precision(rows, probs, 0.5, min_kept=3) is None
    assert script.structure_precision(rows, probs, 0.3, min_kept=3) == 0.4
    assert "--structure-min-kept" in _printed_help(script)


def _printed_help(script: Any) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        script.main(["--help"])
    return out.getvalue()
