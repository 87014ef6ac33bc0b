"""The unseen-reads tools (issue 11): collected reads score exactly as ``eval`` scores a live read,
give the samples ``fit_calibration.collect`` gives, and the fit's unseen-reads recipe follows them."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score_answers.py"
DEV = ROOT / "benchmarks" / "data" / "answers" / "dev.jsonl"


def _module(name: str) -> Any:
    return benchmark_script(name)


@pytest.fixture
def gold3(tmp_path: Path) -> Path:
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score_answers.py is not beside the project")
    lines = DEV.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "gold3.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_collected_read_scores_as_eval_and_gives_the_fits_samples(
    gold3: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sklearn")
    monkeypatch.setenv("GRAPHEME_DISTILL_ANSWER_SCORER", str(SCORER))
    ur = _module("unseen_reads")
    fc = _module("fit_calibration")
    from grapheme_distill.evaluation.answers import evaluate_answers

    out = tmp_path / "reads" / "head_gold3.jsonl"
    assert ur.collect([gold3], [out]) == 0
    reads = ur.load(out)
    # the judge's figures are at 0.65 (its summaries say so); eval's at the config's default
    report = evaluate_answers(gold3, "spacy", scorer=SCORER)
    figures = ur.score(reads, gold3, None, threshold=report.at_min_confidence["threshold"])
    assert figures["micro"] == report.scores["micro"]["f1"]
    assert figures["f1_at"] == report.at_min_confidence["scores"]["micro"]["f1"]
    assert figures["p_at"] == pytest.approx(report.at_min_confidence["precision_items"])
    assert figures["item_ece"] == pytest.approx(report.item_calibration.ece)
    assert figures["rel_ece"] == pytest.approx(report.relation_calibration.ece)
    live = fc.collect(gold3)
    assert sorted(map(repr, ur.samples(reads))) == sorted(map(repr, live))
    # one read for both: the fit's live samples are the collected read's, in the fit's order
    assert list(map(repr, fc.samples(reads, item_order=True))) == list(map(repr, live))
    assert [dict(r) for r in fc.read_answers(gold3)] == reads
    # any map can be scored on the same reads: one that puts everything at 0.99 keeps it all
    everything = ur.score(reads, gold3, lambda kind, signals: 0.99)
    assert everything["f1_at"] == figures["micro"]


def _sample(fc: Any, group: str, right: bool, seen: bool) -> Any:
    return fc.Sample(group, "relation", {"construction": "kv"}, right, seen)


def test_the_seen_term_can_be_one_offset_or_per_kind() -> None:
    pytest.importorskip("sklearn")
    fc = _module("fit_calibration")
    seen = _sample(fc, "a", True, True)
    assert set(fc._seen_features(seen)) == {"seen", "seen|kind=relation", "seen|cell=relation:kv"}
    assert set(fc._seen_features(seen, "kind")) == {"seen", "seen|kind=relation"}
    assert set(fc._seen_features(seen, "one")) == {"seen"}
    assert fc._seen_features(dataclasses.replace(seen, seen=False), "one") == {}


def test_the_unseen_reads_teach_the_map_the_precision_of_unseen_answers(tmp_path: Path) -> None:
    """Today's reads (seen) are right 90 % of the time, the old code's reads of a batch it never
    saw 50 %: the shipped map (no ``seen`` at run time) gives about 0.5; a greater unseen weight
    pulls the shared weights towards the unseen items."""
    pytest.importorskip("sklearn")
    fc = _module("fit_calibration")
    samples = [_sample(fc, f"s{a}", i < 9, True) for a in range(30) for i in range(10)]
    samples += [_sample(fc, f"u{a}", i < 5, False) for a in range(10) for i in range(10)]
    kv = {"construction": "kv"}
    cmap = fc.fit("logistic", samples, c=1.0, prior_weight=10.0, seen_terms="one")
    assert cmap.confidence("relation", kv) == pytest.approx(0.5, abs=0.08)
    assert "seen" in cmap.weights and "seen|kind=relation" not in cmap.weights
    weighted = [dataclasses.replace(s, weight=3.0) if not s.seen else s for s in samples]
    heavier = fc.fit("logistic", weighted, c=1.0, prior_weight=10.0, seen_terms="one")
    assert abs(heavier.confidence("relation", kv) - 0.5) <= abs(
        cmap.confidence("relation", kv) - 0.5
    )


def test_unseen_samples_read_a_directory_of_collected_reads(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    fc = _module("fit_calibration")
    read = {
        "id": "w-1",
        "pred": {
            "entities": [{"name": "A", "type": "PERSON"}],
            "relations": [{"subject": "A", "predicate": "p", "object": "B", "negated": False}] * 2,
            "procedures": [{"goal": "g", "steps": ["one", "two"]}],
            "hierarchy": [],
            "linguistic": [{"term": "A", "kind": "alias", "value": "Ay"}],
        },
        "units": {
            "entities": [None],
            "relations": [0, 1],
            "procedures": [2],
            "hierarchy": [],
            "linguistic": [None],
        },
        "items": [
            {"kind": "relation", "raw": 0.8, "own": 0.7, "signals": {"construction": "kv"}},
            {"kind": "attribute", "raw": 0.8, "own": 0.6, "signals": {"construction": "kv"}},
            {"kind": "procedure", "raw": 0.9, "own": 0.9, "signals": None},
        ],
        "outcomes": {
            "entities": ["correct"],
            "relations": ["correct", "neutral"],
            "procedures": ["correct", "wrong"],
            "hierarchy": [],
            "linguistic": ["correct"],
        },
    }
    import json

    (tmp_path / "cal9_val9.jsonl").write_text(json.dumps(read) + "\n", encoding="utf-8")
    (tmp_path / "head_val9.jsonl").write_text(json.dumps(read) + "\n", encoding="utf-8")
    got = fc.unseen_samples(tmp_path, 2.0)
    # the neutral attribute and the units no item made (entities, an entity's alias) are left out;
    # a procedure counts once per step; only the cal<K>_val<K> files are unseen reads
    assert [(s.kind, s.correct, s.seen, s.weight) for s in got] == [
        ("relation", True, False, 2.0),
        ("procedure", True, False, 2.0),
        ("procedure", False, False, 2.0),
    ]


def test_a_share_of_the_seen_terms_moves_the_map_part_way_to_the_seen_reads() -> None:
    """``--seen-share s`` folds s of each seen term into the weight it modifies: 0 leaves the
    unseen confidence, 1 gives the confidence of a read the readers were tuned on."""
    pytest.importorskip("sklearn")
    fc = _module("fit_calibration")
    samples = [_sample(fc, f"s{a}", i < 9, True) for a in range(30) for i in range(10)]
    samples += [_sample(fc, f"u{a}", i < 5, False) for a in range(10) for i in range(10)]
    kv = {"construction": "kv"}
    conf = {
        share: fc.fit("logistic", samples, c=1.0, prior_weight=10.0, seen_share=share).confidence(
            "relation", kv
        )
        for share in (0.0, 0.5, 1.0)
    }
    assert conf[0.0] == pytest.approx(0.5, abs=0.08)
    assert conf[1.0] == pytest.approx(0.9, abs=0.05)
    assert conf[0.0] < conf[0.5] < conf[1.0]
    folded = fc.fold_seen({"bias": 1.0, "seen": 2.0, "seen|kind=relation": -1.0}, 0.5)
    assert folded["bias"] == 2.0 and folded["kind=relation"] == -0.5


def _read() -> dict[str, Any]:
    """One collected read: a definition (item 0) before a relation (item 1) and a procedure (2)."""
    return {
        "id": "w-1",
        "pred": {
            "entities": [],
            "relations": [{"subject": "A", "predicate": "p", "object": "B", "negated": False}],
            "procedures": [{"goal": "g", "steps": ["one", "two"]}],
            "hierarchy": [],
            "linguistic": [{"term": "A", "kind": "definition", "value": "a thing"}],
        },
        "units": {
            "entities": [],
            "relations": [1],
            "procedures": [2],
            "hierarchy": [],
            "linguistic": [0],
        },
        "items": [
            {"kind": "linguistic", "raw": 0.7, "own": 0.7, "signals": {"construction": "gloss"}},
            {"kind": "relation", "raw": 0.8, "own": 0.7, "signals": {"construction": "kv"}},
            {"kind": "procedure", "raw": 0.9, "own": 0.9, "signals": {"construction": "list"}},
        ],
        "outcomes": {
            "entities": [],
            "relations": ["wrong"],
            "procedures": ["correct", "correct"],
            "hierarchy": [],
            "linguistic": ["correct"],
        },
    }


def test_samples_come_in_the_fits_two_orders() -> None:
    """A live read's samples follow its items (the definition first), the unseen reads' the
    confident types in order: the fit has always seen them so, and lbfgs ends where the order
    leads it — the refit reproduces the shipped map weight for weight only in these orders."""
    fc = _module("fit_calibration")
    kinds = [s.kind for s in fc.samples([_read()], item_order=True)]
    assert kinds == ["linguistic", "relation", "procedure", "procedure"]
    assert [s.kind for s in fc.samples([_read()])] == [
        "relation",
        "procedure",
        "procedure",
        "linguistic",
    ]


def test_the_scripts_load_fit_calibration_once(tmp_path: Path) -> None:
    """The fit run as a script (not registered as ``fit_calibration``) builds its unseen samples
    itself: they are its own ``Sample``s, and no second copy of it is loaded; ``unseen_reads``
    takes the copy already loaded."""
    import json

    spec = importlib.util.spec_from_file_location(
        "fit_as_main", ROOT / "benchmarks" / "fit_calibration.py"
    )
    assert spec is not None and spec.loader is not None
    main = importlib.util.module_from_spec(spec)
    sys.modules["fit_as_main"] = main  # as ``__main__`` is when run as a script
    spec.loader.exec_module(main)
    sys.modules.pop("fit_calibration", None)
    (tmp_path / "cal9_val9.jsonl").write_text(json.dumps(_read()) + "\n", encoding="utf-8")
    got = main.unseen_samples(tmp_path)
    assert got and all(isinstance(s, main.Sample) for s in got)
    assert "fit_calibration" not in sys.modules
    del sys.modules["fit_as_main"]
    sys.modules.pop("unseen_reads", None)  # loaded anew, with the fit_calibration just loaded
    fc = _module("fit_calibration")
    ur = _module("unseen_reads")
    assert ur.fc is fc and ur.samples is fc.samples


def test_the_fit_takes_the_seen_part_from_todays_reads(tmp_path: Path) -> None:
    """``--seen-reads``: the gold file's answers from the reads already collected, in the gold
    file's order (as a fresh read lists them); an answer with no read is an error."""
    import json

    fc = _module("fit_calibration")
    first, second = _read(), dict(_read(), id="w-2")
    (tmp_path / "head_val9.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")
    (tmp_path / "head_val10.jsonl").write_text(json.dumps(second) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "w-2"}\n\n{"id": "w-1"}\n', encoding="utf-8")
    got = fc.read_samples(gold, tmp_path)
    assert got == fc.samples([second, first], item_order=True)
    assert [s.group for s in got] == ["w-2"] * 4 + ["w-1"] * 4
    gold.write_text('{"id": "w-3"}\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        fc.read_samples(gold, tmp_path)


def test_the_judge_takes_the_sets_whose_reads_are_there(tmp_path: Path) -> None:
    """``calibration_unseen.py`` reads today's reads of whichever sets the directory holds (devtrain
    first, then the gates by batch), so a batch can stand in for the next unseen one."""
    cu = _module("calibration_unseen")
    for name in ("head_val12", "head_val9", "head_devtrain", "head_val11", "cal34_val34"):
        (tmp_path / f"{name}.jsonl").write_text("", encoding="utf-8")
    assert cu.head_sets(tmp_path) == ["devtrain", "val9", "val11", "val12"]


def _rows(ps: dict[float, dict[str, float]]) -> dict[float, dict[str, Any]]:
    return {
        t: {
            "p_at": batches["pooled"],
            "batches": {k: v for k, v in batches.items() if k != "pooled"},
        }
        for t, batches in ps.items()
    }


def test_the_default_threshold_rule() -> None:
    """The lowest threshold whose held-out pooled precision is at least 0.80; a batch under 0.70
    there is reported, and only chooses with ``batch_floor`` (the rule as first written)."""
    cu = _module("calibration_unseen")
    rows = _rows(
        {
            0.6: {"pooled": 0.76, "val1": 0.80, "val2": 0.72},
            0.65: {"pooled": 0.81, "val1": 0.90, "val2": 0.69},
            0.7: {"pooled": 0.82, "val1": 0.90, "val2": 0.71},
            0.75: {"pooled": 0.84, "val1": 0.90, "val2": 0.75},
        }
    )
    assert cu.default_threshold(rows) == 0.65
    assert cu.weak_batches(rows[0.65]) == {"val2": 0.69}
    assert cu.default_threshold(rows, batch_floor=0.70) == 0.7
    assert cu.default_threshold(rows, pooled_floor=0.9) is None
    assert cu.pooled_se([{"p_tp": 8, "p_fp": 2}]) == 0.0
    spread = [{"p_tp": 9, "p_fp": 1}, {"p_tp": 5, "p_fp": 5}]
    assert 0.05 < cu.pooled_se(spread) < 0.3


def test_only_the_seen_before_recipe_reads_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """The judge asks git for the dev file at ``--seen-before`` only when that recipe is run: the
    shipped recipe alone runs from an archived tree (no ``.git``)."""
    cu = _module("calibration_unseen")

    def no_git(gold: Path, rev: str) -> set[str]:
        raise SystemExit("no git here")

    monkeypatch.setattr(cu.fc, "groups_since", no_git)
    head = {"devtrain": [_sample(cu.fc, "a", True, True)]}
    cell = [r for r in cu.recipes() if r.name == "unseen C=0.333 terms=cell share=0.4"]
    assert cu.seen_groups(cell, head, "a8219f2") is None
    with pytest.raises(SystemExit):
        cu.seen_groups(cu.recipes()[:1], head, "a8219f2")


def test_score_takes_one_gold_file_and_refuses_the_blind_part(tmp_path: Path) -> None:
    """``score --gold FILE`` is one path (it raised a TypeError in the blind check); a blind gold
    file is refused before anything is read."""
    ur = _module("unseen_reads")
    reads = tmp_path / "cal34_val34.jsonl"
    reads.write_text("", encoding="utf-8")
    assert ur.main(["score", str(reads), "--gold", str(tmp_path / "blind.jsonl")]) == 2


def test_the_fit_writes_the_floor_into_the_map_file(tmp_path: Path) -> None:
    """``fit_calibration.py --floor F``: the map file carries the output floor (what
    ``CalibrationMap.apply`` drops under), refitted with the map; without it the file has none."""
    import json

    pytest.importorskip("sklearn")
    from grapheme_distill.extractors.confidence import CalibrationMap

    fc = _module("fit_calibration")
    second = dict(_read(), id="w-2")
    (tmp_path / "head_val9.jsonl").write_text(
        json.dumps(_read()) + "\n" + json.dumps(second) + "\n", encoding="utf-8"
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "w-1"}\n{"id": "w-2"}\n', encoding="utf-8")
    base = ["--gold", str(gold), "--seen-reads", str(tmp_path)]
    out = tmp_path / "map.json"
    assert fc.main([*base, "--out", str(out), "--floor", "0.3"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["floor"] == 0.3 and CalibrationMap.from_dict(data).floor == 0.3
    assert fc.main([*base, "--out", str(out)]) == 0
    assert "floor" not in json.loads(out.read_text(encoding="utf-8"))
    assert fc.main([*base, "--out", str(out), "--floor", "1.2"]) == 2


def _floor_rows(
    rows: dict[float, tuple[float, float, float, list[float]]],
) -> dict[float, dict[str, Any]]:
    return {
        f: {
            "micro": micro,
            "seen_gates": seen,
            "devtrain": dev,
            "batches": {f"val{i}": v for i, v in enumerate(batches, 26)},
        }
        for f, (micro, seen, dev, batches) in rows.items()
    }


def test_the_output_floor_rule() -> None:
    """The floor with the best held-out pooled micro F1 whose seen sets fall by at most 0.001 and
    under which at most 3 unseen batches fall; none when the best gains under 0.001."""
    cu = _module("calibration_unseen")
    up, flat = [0.51] * 5, [0.50] * 5
    rows = _floor_rows(
        {
            0.0: (0.570, 0.606, 0.679, flat),
            0.2: (0.572, 0.607, 0.679, up),
            0.3: (0.574, 0.6045, 0.679, up),  # the seen gates fall 0.0015: not taken
            0.35: (0.575, 0.606, 0.679, [0.49] * 4 + [0.51]),  # four batches fall: not taken
        }
    )
    assert cu.output_floor(rows) == 0.2
    assert "floor 0.20" in cu.floor_table(rows)
    small = _floor_rows({0.0: (0.570, 0.606, 0.679, flat), 0.2: (0.5709, 0.606, 0.679, up)})
    assert cu.output_floor(small) == 0.0


def test_the_floor_rows_score_unseen_reads_held_out_and_the_seen_sets_with_the_full_map(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each unseen batch under its held-out map, devtrain and the gates without an unseen read
    (pooled) under the map fitted on everything, at every floor of the grid."""
    cu = _module("calibration_unseen")
    calls: list[tuple[str, Any, float]] = []

    def score(reads: Any, gold: Path, conf: Any, threshold: float, full: bool) -> dict[str, Any]:
        calls.append((gold.parent.name, conf, threshold))
        f1 = 0.5 + threshold / 10
        return {"f1_at": f1, "tp_p": 5, "tp_r": 5, "fp": 5, "fn": 5, "p_tp": 1, "p_fp": 1}

    class Map:
        def __init__(self, name: str) -> None:
            self.confidence = name

    monkeypatch.setattr(cu.ur, "score", score)
    monkeypatch.setattr(cu.ur, "pooled", lambda rows: {"f1_at": max(r["f1_at"] for r in rows)})
    reads = {"val26": [], "val27": []}
    head = {"devtrain": [], "val11": [], "val12": [], "val26": []}
    rows = cu.floor_rows({"val26": Map("m26"), "val27": Map("m27")}, reads, Map("all"), head)
    assert sorted(rows) == list(cu.FLOOR_GRID)
    assert rows[0.2] == {
        "micro": 0.52,
        "batches": {"val26": 0.52, "val27": 0.52},
        "seen_gates": 0.52,
        "devtrain": 0.52,
    }
    at = {(s, c) for s, c, t in calls if t == 0.2}
    assert at == {
        ("val26", "m26"),
        ("val27", "m27"),
        ("val11", "all"),
        ("val12", "all"),
        ("devtrain", "all"),
    }
