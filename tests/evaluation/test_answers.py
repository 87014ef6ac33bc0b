"""``evaluate_answers`` / ``eval --dataset answers``: scoring all five types on annotated answers
with the reference scorer (``../shared/eval/score_answers.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import InputError
from grapheme_distill.evaluation.answers import (
    CORRECT,
    NEUTRAL,
    WRONG,
    PredictedAnswer,
    at_threshold,
    evaluate_answers,
    extraction_to_pred,
    load_scorer,
    missed_gold,
    prediction_outcomes,
    read_gold,
    unit_confidences,
)
from grapheme_distill.extractors import Extraction, best_available_extractor, get_extractor
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

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score_answers.py"
DEV = ROOT / "benchmarks" / "data" / "answers" / "dev.jsonl"


@pytest.fixture
def scorer_path() -> Path:
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_answers.py is not beside the project")
    return SCORER


@pytest.fixture
def gold3(tmp_path: Path) -> Path:
    """A 3-answer gold file: the first three answers of the development set."""
    lines = DEV.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "gold3.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _reference(scorer: Path, gold: Path, preds: Path) -> dict[str, Any]:
    """What the reference scorer prints for the same predictions (run as its own process)."""
    out = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), str(preds), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def test_extraction_to_pred_maps_every_kind_to_the_gold_shape() -> None:
    ada = Entity(name="Ada Lovelace", type=EntityType.PERSON, aliases=("Augusta Ada Byron",))
    london = Entity(name="London", type=EntityType.LOCATION)
    engine = Entity(name="Analytical Engine", type=EntityType.OTHER)
    parts = Entity(name="mill", type=EntityType.OTHER)
    ex = Extraction(extractor="test")
    for e in (ada, london, engine, parts):
        ex.add_entity(e)
    ex.add(
        Relation(subject=ada.id, predicate="born in", object=london.id, confidence=0.8),
        Relation(
            subject=ada.id, predicate="attended", object=london.id, negated=True, confidence=0.6
        ),
        Attribute(
            entity=ada.id, name="born on", value="10 December 1815", datatype="date", confidence=0.9
        ),
        Attribute(
            entity=engine.id, name="weight", value="15 tons", datatype="number", confidence=0.5
        ),
        HierarchyEdge(
            parent=engine.id, child=parts.id, relation=HierarchyKind.PART_OF, confidence=0.7
        ),
        LinguisticItem(entity=ada.id, relation=LinguisticKind.ALIAS, value="Ada", confidence=0.75),
        Procedure(
            goal="run a program", steps=("punch the cards", "turn the crank"), confidence=0.65
        ),
        Relation(subject=ada.id, predicate="knew", object="no-such-entity", confidence=0.9),
    )
    pred, conf = extraction_to_pred(ex)
    assert pred == {
        "entities": [
            {"name": "Ada Lovelace", "type": "PERSON"},
            {"name": "London", "type": "LOCATION"},
            {"name": "Analytical Engine", "type": "OTHER"},
            {"name": "mill", "type": "OTHER"},
            {"name": "10 December 1815", "type": "DATE"},
            {"name": "15 tons", "type": "NUMBER"},
        ],
        "relations": [
            {
                "subject": "Ada Lovelace",
                "predicate": "born_in",
                "object": "London",
                "negated": False,
            },
            {
                "subject": "Ada Lovelace",
                "predicate": "attended",
                "object": "London",
                "negated": True,
            },
            {
                "subject": "Ada Lovelace",
                "predicate": "born_on",
                "object": "10 December 1815",
                "negated": False,
            },
            {
                "subject": "Analytical Engine",
                "predicate": "weight",
                "object": "15 tons",
                "negated": False,
            },
        ],
        "procedures": [{"goal": "run a program", "steps": ["punch the cards", "turn the crank"]}],
        "hierarchy": [{"parent": "Analytical Engine", "child": "mill", "relation": "part_of"}],
        "linguistic": [
            {"term": "Ada Lovelace", "kind": "alias", "value": "Ada"},
            {"term": "Ada Lovelace", "kind": "alias", "value": "Augusta Ada Byron"},
        ],
    }
    assert conf == {
        "entities": [None] * 6,
        "relations": [0.8, 0.6, 0.9, 0.5],
        "procedures": [0.65],
        "hierarchy": [0.7],
        "linguistic": [0.75, None],
    }


def test_a_datetime_entity_is_a_gold_date() -> None:
    ex = Extraction(extractor="test")
    ex.add_entity(Entity(name="1848", type=EntityType.DATETIME))
    assert extraction_to_pred(ex)[0]["entities"] == [{"name": "1848", "type": "DATE"}]


def test_scores_agree_with_the_reference_scorer(
    scorer_path: Path, gold3: Path, tmp_path: Path
) -> None:
    preds = tmp_path / "preds.jsonl"
    report = evaluate_answers(gold3, "rules", scorer=scorer_path, predictions=preds)
    reference = _reference(scorer_path, gold3, preds)
    assert report.answers == 3
    assert report.scores["types"] == reference["types"]
    assert report.scores["micro"] == reference["micro"]
    assert report.scores["macro_f1"] == reference["macro_f1"]
    assert report.scores["diagnostics"] == reference["diagnostics"]
    assert report.scores["micro"]["tp_p"] > 0  # the rules extractor finds something here


def test_the_predictions_file_carries_each_items_confidence(
    scorer_path: Path, gold3: Path, tmp_path: Path
) -> None:
    """Each line's ``confidence`` lists run parallel to its ``pred`` lists: stated items carry
    the extractor's confidence, entities none (they state none)."""
    preds = tmp_path / "preds.jsonl"
    evaluate_answers(gold3, "rules", scorer=scorer_path, predictions=preds)
    lines = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    stated = []
    for line in lines:
        assert set(line) == {"id", "pred", "confidence"}
        for kind, items in line["pred"].items():
            assert len(line["confidence"][kind]) == len(items)
            if kind != "entities":
                stated += [c for c in line["confidence"][kind] if c is not None]
        assert all(c is None for c in line["confidence"]["entities"])
    assert stated and all(0.0 < c <= 1.0 for c in stated)


def test_each_scored_unit_has_its_confidence_and_the_threshold_keeps_the_unrated() -> None:
    """``unit_confidences`` lists a confidence per unit the scorer scores, as
    ``prediction_outcomes`` lists outcomes (a procedure once per step); ``at_threshold`` keeps the
    units at or above the threshold and those without a confidence (entities, aliases)."""
    answer = PredictedAnswer(
        "a",
        {
            "entities": [{"name": "Ada", "type": "PERSON"}],
            "relations": [
                {"subject": "Ada", "predicate": "p", "object": "B", "negated": False},
                {"subject": "Ada", "predicate": "q", "object": "C", "negated": False},
            ],
            "procedures": [{"goal": "g", "steps": ["one", "two", "three"]}],
            "hierarchy": [],
            "linguistic": [{"term": "Ada", "kind": "alias", "value": "A."}],
        },
        {
            "entities": [None],
            "relations": [0.9, 0.5],
            "procedures": [0.7],
            "hierarchy": [],
            "linguistic": [None],
        },
    )
    assert unit_confidences(answer) == {
        "entities": [None],
        "relations": [0.9, 0.5],
        "procedures": [0.7, 0.7, 0.7],
        "hierarchy": [],
        "linguistic": [None],
    }
    kept = at_threshold(answer, 0.65)
    assert [r["predicate"] for r in kept["relations"]] == ["p"]
    assert kept["entities"] == answer.pred["entities"]
    assert kept["linguistic"] == answer.pred["linguistic"]
    assert kept["procedures"] == answer.pred["procedures"]
    assert at_threshold(answer, 0.75)["procedures"] == []


def test_per_prediction_outcomes_add_up_to_the_reference_counts(scorer_path: Path) -> None:
    """Classifying each prediction alone gives exactly the scorer's fp / neutral / matched counts
    on the whole development set — what the calibration table and --explain rely on."""
    scorer = load_scorer(scorer_path)
    items = read_gold(DEV, scorer)
    extractor = get_extractor("rules")
    totals = {
        k: {CORRECT: 0, WRONG: 0, NEUTRAL: 0}
        for k in ("entities", "relations", "procedures", "hierarchy", "linguistic")
    }
    preds = {}
    for item in items:
        pred, _ = extraction_to_pred(extractor.extract(item["response"], prompt=item["prompt"]))
        preds[item["id"]] = pred
        for kind, outcomes in prediction_outcomes(scorer, item["gold"], pred).items():
            for outcome in outcomes:
                totals[kind][outcome] += 1
    scores = scorer.score(items, preds)
    for kind, counts in totals.items():
        ref = scores["types"][kind]
        assert counts[WRONG] == ref["fp"], kind
        assert counts[CORRECT] == ref["tp_p"] + (ref["duplicates"] if kind != "procedures" else 0)
        assert counts[NEUTRAL] == ref["neutral"], kind
    assert sum(c[WRONG] for c in totals.values()) > 0


def test_cli_end_to_end_reports_what_the_reference_scorer_says(
    scorer_path: Path, gold3: Path, tmp_path: Path, run_cli: Callable[[list[str]], tuple[int, str]]
) -> None:
    preds, out = tmp_path / "p.jsonl", tmp_path / "report.json"
    code, text = run_cli(
        [
            "eval",
            "--dataset",
            "answers",
            "--gold",
            str(gold3),
            "--extractor",
            "rules",
            "--scorer",
            str(scorer_path),
            "--predictions",
            str(preds),
            "-o",
            str(out),
            "--explain",
            "2",
        ]
    )
    assert code == 0
    reference = _reference(scorer_path, gold3, preds)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["scores"]["types"] == reference["types"]
    micro = reference["micro"]
    assert f"micro F1 {micro['f1']:.3f}" in text
    rel = reference["types"]["relations"]
    assert f"relations   {rel['precision']:>6.3f} {rel['recall']:>6.3f} {rel['f1']:>6.3f}" in text
    assert "relation confidence:" in text and "ECE" in text
    assert "== hierarchy:" in text  # --explain
    for kind, ref in reference["types"].items():
        assert report["explain"][kind]["missed"] == ref["fn"]
        assert report["explain"][kind]["false_positives"] == ref["fp"]
    assert report["calibration"]["relations"]["items"] >= 0
    assert report["at_min_confidence"]["threshold"] == DistillationConfig().min_confidence

    code, text = run_cli(
        [
            "eval",
            "--dataset",
            "answers",
            "--gold",
            str(gold3),
            "--scorer",
            str(scorer_path),
            "--json",
        ]
    )
    assert code == 0
    # without --extractor: the best installed reader, as distill uses
    assert json.loads(text)["extractor"].startswith(best_available_extractor() + "@")


def test_bad_gold_file_is_named_with_line_and_reason(
    scorer_path: Path, gold3: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from grapheme_distill.cli import main

    lines = gold3.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[1])
    broken["gold"]["relations"].append(
        {"subject": "Nobody", "predicate": "knows", "object": "Nothing", "negated": False}
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], json.dumps(broken), "{not json"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: .*relation node not an entity: 'Nobody'"):
        evaluate_answers(bad, "rules", scorer=scorer_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", "--dataset", "answers", "--gold", str(bad), "--scorer", str(scorer_path)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 1
    assert "bad.jsonl:2:" in err and "Traceback" not in err
    bad.write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: invalid JSON"):
        evaluate_answers(bad, "rules", scorer=scorer_path)


def test_a_missing_scorer_is_a_clear_error(gold3: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="reference scorer not found; pass --scorer PATH"):
        evaluate_answers(gold3, "rules", scorer=tmp_path / "nowhere.py")


def test_a_definition_recalled_under_an_alias_is_not_listed_as_missed(scorer_path: Path) -> None:
    """``--explain``'s missed samples keep the gold's alias links: a definition predicted under
    the long form recalls the gold's definition of its abbreviation, as the scorer counts it."""
    scorer = load_scorer(scorer_path)
    gold = {
        "entities": [{"name": "API", "type": "CONCEPT"}],
        "linguistic": [
            {"term": "API", "kind": "abbreviation", "value": "application programming interface"},
            {
                "term": "API",
                "kind": "definition",
                "value": "a set of rules for talking to a program",
            },
        ],
    }
    pred: dict[str, list[dict[str, Any]]] = {
        "entities": [{"name": "API", "type": "CONCEPT"}],
        "relations": [],
        "procedures": [],
        "hierarchy": [],
        "linguistic": [
            {
                "term": "application programming interface",
                "kind": "definition",
                "value": "a set of rules for talking to a program",
            }
        ],
    }
    reference = scorer.ItemScorer(scorer.coerce(gold), scorer.coerce(pred), 0.85, 0.6, 0.5, False)
    assert reference.linguistic()["tp_r"] == 1  # the scorer recalls the definition
    missed = missed_gold(scorer, gold, pred)["linguistic"]
    assert [u["kind"] for u in missed] == ["abbreviation"]
