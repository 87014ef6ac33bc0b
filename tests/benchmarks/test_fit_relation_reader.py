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
    preds: dict[str, dict[str, list[Any]]] = {"a": {"relations": [], "entities": []}}
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


class _CountingScorer:
    """Scores every prediction set alike and counts how often it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def score(self, items: list[dict[str, Any]], preds: dict[str, Any]) -> dict[str, Any]:
        self.calls += 1
        figures = {"precision": 0.5, "recall": 0.5, "f1": 0.5}
        return {"types": {"relations": figures, "entities": figures}, "micro": figures}


def test_fixed_thresholds_are_kept_and_score_no_curve() -> None:
    pytest.importorskip("sklearn")
    script = benchmark_script("fit_relation_reader")
    rows = [("a", _row("Loire", "rise_in", "Massif Central", "sk=pronoun"), "correct")]
    preds: dict[str, dict[str, list[Any]]] = {"a": {"relations": [], "entities": []}}
    scorer = _CountingScorer()
    rule_t, t, st, rule_curve, curve = script.choose(
        scorer, [{"id": "a"}], preds, rows, [0.9], 0.1, structure_floor=1.01, fixed=0.3
    )
    # the threshold judged apart (one batch held out) is the model's, not the curve's best
    assert (rule_t, t, st) == (0.1, 0.3, 2.0)
    assert list(rule_curve) == [0.1] and list(curve) == [0.3]
    assert scorer.calls == 4  # the rules, one rule point, one candidate point, the layout off
    assert "--threshold" in _printed_help(script)
