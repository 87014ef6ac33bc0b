"""explain_losses puts every gold and predicted triple in one loss class (normalised rules)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from grapheme_distill.evaluation import LossReport, explain_losses
from grapheme_distill.evaluation.datasets import Triple as T
from grapheme_distill.evaluation.losses import GOLD_CLASSES, PREDICTED_CLASSES
from grapheme_distill.evaluation.scoring import score_fuzzy

# one text whose gold triples each fall into a different class
GOLD = [
    T("Trane", "location", "Swords,_Dublin"),  # matched (punctuation, underscores)
    T("Trane", "country", "Ireland"),  # subject + object right, predicate wrong
    T("Trane", "industry", "HVAC"),  # swapped
    T("Trane", "foundingYear", "1913"),  # subject + predicate right, object wrong
    T("Alan_Bean", "nationality", "United_States"),  # subject found, rest wrong
    T("Paris", "capital", "France"),  # subject never a subject
    T("Acme", "ceo", "Bob"),  # subject never a subject (only an object)
]
PREDICTED = [
    T("Trane", "location", "Swords, Dublin"),  # matched
    T("Trane", "founding_year", "1914"),  # object wrong (dates/numbers must be equal)
    T("HVAC", "industry", "Trane"),  # swapped
    T("Trane", "location", "Ireland"),  # predicate wrong
    T("Alan Bean", "birthPlace", "Ohio"),  # subject is a gold subject, rest wrong
    T("Bob", "ceo", "Joe"),  # not a gold subject, predicate in gold
    T("Moon", "crew", "Bean"),  # not a gold subject, predicate not in gold
]


def explained(**kw: int) -> LossReport:
    return explain_losses([GOLD], [PREDICTED], ids=["Id9"], texts=["The text."], **kw)


def test_every_gold_class_on_literal_triples() -> None:
    r = explained()
    assert r.gold == {
        "matched": 1,
        "predicate_wrong": 1,
        "swapped": 1,
        "object_wrong": 1,
        "subject_only": 1,
        "subject_missing": 2,
        "repeated": 0,
    }
    assert list(r.gold) == list(GOLD_CLASSES)  # the table's order
    assert r.gold_triples == 7 and r.texts == 1
    assert r.gold_shares["subject_missing"] == pytest.approx(2 / 7)
    by_class = {k: [s.triple for s in v] for k, v in r.gold_samples.items()}
    assert by_class["predicate_wrong"] == [GOLD[1]]
    assert by_class["swapped"] == [GOLD[2]]
    assert by_class["object_wrong"] == [GOLD[3]]
    assert by_class["subject_only"] == [GOLD[4]]
    assert by_class["subject_missing"] == [GOLD[5], GOLD[6]]


def test_every_predicted_class_on_literal_triples() -> None:
    r = explained()
    assert r.predicted == {
        "matched": 1,
        "predicate_wrong": 1,
        "swapped": 1,
        "object_wrong": 1,
        "subject_only": 1,
        "wrong_subject": 1,
        "off_gold": 1,
        "redundant": 0,
    }
    assert list(r.predicted) == list(PREDICTED_CLASSES)
    by_class = {k: [s.triple for s in v] for k, v in r.predicted_samples.items()}
    assert by_class["predicate_wrong"] == [PREDICTED[3]]
    assert by_class["object_wrong"] == [PREDICTED[1]]
    assert by_class["wrong_subject"] == [PREDICTED[5]]
    assert by_class["off_gold"] == [PREDICTED[6]]
    # the closest gold triple of a wrong-predicate prediction is the one it nearly is
    assert r.predicted_samples["predicate_wrong"][0].closest[0] == GOLD[1]


def test_matched_is_exactly_the_normalised_modes_true_positives() -> None:
    gold = [GOLD, [T("A", "p", "B")], []]
    pred = [PREDICTED, [], [T("X", "q", "Y")]]
    r = explain_losses(gold, pred)
    fuzzy, _ = score_fuzzy(gold, pred)
    assert r.gold["matched"] == r.predicted["matched"] == fuzzy.matched
    assert r.gold_triples == fuzzy.gold_triples and r.predicted_triples == fuzzy.candidate_triples
    assert r.gold_shares["matched"] == pytest.approx(fuzzy.recall)
    assert r.predicted_shares["matched"] == pytest.approx(fuzzy.precision)
    assert r.gold["subject_missing"] == 7 - 5 + 1  # the text without predictions loses its gold
    assert r.predicted["off_gold"] == 2


def test_a_duplicate_on_either_side_is_repeated_or_redundant() -> None:
    gold = [[T("Acme", "ceo", "Bob"), T("The Acme", "ceo", "Bob.")]]  # normalise to the same
    r = explain_losses(gold, [[T("Acme", "ceo", "Bob")]])
    assert r.gold["matched"] == 1 and r.gold["repeated"] == 1
    r = explain_losses(
        [[T("Acme", "ceo", "Bob")]], [[T("Acme", "ceo", "Bob"), T("ACME", "CEO", "bob")]]
    )
    assert r.predicted["matched"] == 1 and r.predicted["redundant"] == 1


def test_predicate_confusions_are_counted_and_ranked() -> None:
    gold = [
        [T("A", "country", "X"), T("B", "city", "Y")],
        [T("C", "country", "Z")],
        [T("D", "city", "W"), T("D", "location", "W")],
    ]
    pred = [
        [T("A", "location", "X"), T("B", "location", "Y")],
        [T("C", "location", "Z")],
        [T("D", "location", "W")],
    ]
    r = explain_losses(gold, pred)
    # D city W: the only close prediction matched D location W; it still shows the confusion
    assert r.confusions == [
        ("country", "location", 2),
        ("city", "location", 2),
    ] or r.confusions == [("city", "location", 2), ("country", "location", 2)]
    assert r.confusions[0][0] == "city"  # ties break alphabetically: deterministic
    assert explain_losses(gold, pred, confusions=1).confusions == [("city", "location", 2)]
    assert "2  city -> location" in r.table()


def test_closest_predictions_prefer_unmatched_ones() -> None:
    gold = [[T("D", "location", "W"), T("D", "city", "W")]]
    pred = [[T("D", "location", "W"), T("D", "country", "W")]]
    r = explain_losses(gold, pred)
    sample = r.gold_samples["predicate_wrong"][0]
    assert sample.triple == T("D", "city", "W")
    assert sample.closest[0] == T("D", "country", "W")  # the free one, not the matched one
    assert r.confusions == [("city", "country", 1)]


def test_samples_are_capped_and_spread_over_the_run() -> None:
    gold = [[T(f"S{i}", "p", "O")] for i in range(20)]
    pred: list[list[T]] = [[] for _ in range(20)]
    r = explain_losses(
        gold, pred, ids=[f"Id{i}" for i in range(20)], texts=["x" * 2000] * 20, samples=4
    )
    got = r.gold_samples["subject_missing"]
    assert [s.id for s in got] == ["Id0", "Id5", "Id10", "Id15"]
    assert len(got[0].text) == 500 and got[0].closest == ()
    assert explain_losses(gold, pred, samples=0).gold_samples["subject_missing"] == []
    assert r.gold_samples["matched"] == []


def test_json_round_trip_and_determinism() -> None:
    r = explained(samples=3)
    data = json.loads(json.dumps(r.to_dict()))
    assert LossReport.from_dict(data) == r
    assert data["gold"]["swapped"] == {
        "label": "subject/object swapped",
        "count": 1,
        "share": pytest.approx(1 / 7),
    }
    assert data["predicate_confusions"] == [
        {"gold": "country", "predicted": "location", "count": 1}
    ]
    assert data["samples"]["gold"]["swapped"][0]["triple"] == list(GOLD[2])
    assert explained(samples=3).to_dict() == r.to_dict()


def test_table_and_samples_text() -> None:
    r = explained()
    table = r.table()
    assert "where the 7 gold triples of 1 texts went" in table
    assert "subject never a subject of any prediction" in table and "28.6 %" in table
    assert "subject not a gold subject, predicate not in gold" in table
    text = r.samples_text(1)
    assert "[gold: subject/object swapped]" in text
    assert "Id9  gold (Trane | industry | HVAC)" in text
    assert "closest predicted: (HVAC | industry | Trane)" in text
    assert text.count("[gold: subject never a subject of any prediction]") == 1
    assert "gold (Paris | capital | France)" in text
    assert "gold (Acme | ceo | Bob)" not in text  # per_class=1 shows only the first of the two
    assert "gold (Acme | ceo | Bob)" in r.samples_text()


def test_mismatched_lengths_raise() -> None:
    with pytest.raises(ValueError, match="1 gold entries but 2 predicted"):
        explain_losses([GOLD], [PREDICTED, []])
    with pytest.raises(ValueError, match="ids"):
        explain_losses([GOLD], [PREDICTED], ids=[])


def test_eval_explain_prints_the_breakdown_and_the_report_carries_it(
    shared_data: Path, tmp_path: Path, run_cli: Callable[[list[str]], tuple[int, str]]
) -> None:
    out = tmp_path / "r.json"
    code, stdout = run_cli(
        [
            "eval",
            "--dataset",
            "webnlg2020-seen",
            "--extractor",
            "spacy",
            "--limit",
            "20",
            "--data-dir",
            str(shared_data),
            "--output",
            str(out),
            "--explain",
            "2",
        ]
    )
    assert code == 0
    data = json.loads(out.read_text())
    losses = LossReport.from_dict(data["losses"])
    assert losses.texts == 20
    assert losses.gold_triples == data["normalised"]["gold_triples"]
    assert losses.gold["matched"] == data["normalised"]["matched"] > 0
    assert sum(losses.gold.values()) == losses.gold_triples
    assert sum(losses.predicted.values()) == data["normalised"]["candidate_triples"]
    assert losses.table() in stdout
    assert "[gold: subject never a subject of any prediction]" in stdout
    for samples in losses.gold_samples.values():
        assert len(samples) <= 2
        for s in samples:
            assert s.id.startswith("Id") and s.text
    # without --explain the table is not printed, the report still has the section
    out = tmp_path / "r2.json"
    code, stdout = run_cli(
        [
            "eval",
            "--dataset",
            "webnlg2020-seen",
            "--extractor",
            "baseline",
            "--limit",
            "5",
            "--data-dir",
            str(shared_data),
            "--output",
            str(out),
        ]
    )
    assert code == 0 and "official (WebNLG Exact)" in stdout and "where the" not in stdout
    assert json.loads(out.read_text())["losses"]["texts"] == 5
