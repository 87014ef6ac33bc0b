"""Score an extractor on annotated chat-assistant answers (``eval --dataset answers``).

A gold file (format and annotation conventions: ``../shared/eval/README.md``) holds one answer per
line with everything a careful reader should take out of it, for all five knowledge types.  This
module runs any registered extractor over each answer (prompt and response), turns its
:class:`~grapheme_distill.extractors.base.Extraction` into the gold file's ``pred`` shape
(:func:`extraction_to_pred`) and scores it with the *reference scorer itself*,
``score_answers.py``, loaded by path (:func:`load_scorer`).  Calling the reference scorer rather
than re-implementing it means a figure printed here is, by construction, the figure the reference
scorer gives for the same predictions (``--predictions FILE`` writes them, so anyone can check).

Calibration needs to know, per predicted item, whether it was right.  In the reference scorer's
default (non-strict) mode whether a prediction is a false positive, a neutral one or a correct one
depends only on the gold, never on the other predictions (only *which* of two correct repeats is
the match and which the duplicate does), so each prediction is classified by scoring it alone
against its item's gold: correct (a match or a repeat of one), wrong (a false positive), or
neutral (a fact filed under a neighbouring type: left out of calibration, as it is of precision).
The reliability table and ECE then come from :func:`~grapheme_distill.evaluation.calibration
.calibration`, and "precision at ``min_confidence``" is the reference scorer's precision over the
predictions at or above the threshold — what ``min_confidence`` should mean.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import InputError
from grapheme_distill.evaluation.calibration import CalibrationReport, calibration
from grapheme_distill.extractors import (
    Extraction,
    Extractor,
    best_available_extractor,
    get_extractor,
)
from grapheme_distill.model.knowledge import (
    Attribute,
    HierarchyEdge,
    LinguisticItem,
    Procedure,
    Relation,
    normalise_predicate,
)

__all__ = [
    "SCORER_ENV",
    "AnswersReport",
    "PredictedAnswer",
    "at_threshold",
    "default_scorer_path",
    "describe_unit",
    "evaluate_answers",
    "extraction_to_pred",
    "load_scorer",
    "missed_gold",
    "prediction_outcomes",
    "read_gold",
    "unit_confidences",
]

#: Environment variable naming the reference scorer when it is not at ``../shared/eval``.
SCORER_ENV = "GRAPHEME_DISTILL_ANSWER_SCORER"
_SCORER_NAME = "score_answers.py"


def default_scorer_path() -> Path | None:
    """Where the reference scorer is: ``$GRAPHEME_DISTILL_ANSWER_SCORER``, else
    ``../shared/eval/score_answers.py`` seen from the working directory or from the checkout."""
    env = os.environ.get(SCORER_ENV)
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[3]
    for base in (Path.cwd(), checkout):
        candidate = base.parent / "shared" / "eval" / _SCORER_NAME
        if candidate.is_file():
            return candidate
    return None


def load_scorer(path: str | Path | None = None) -> ModuleType:
    """Import the reference scorer ``score_answers.py`` from ``path`` (default:
    :func:`default_scorer_path`).

    Raises:
        InputError: the file is missing or cannot be imported (naming it and what to pass).
    """
    where = Path(path) if path is not None else default_scorer_path()
    if where is None or not where.is_file():
        shown = str(where) if where is not None else f"../shared/eval/{_SCORER_NAME}"
        raise InputError(
            shown,
            None,
            f"reference scorer not found; pass --scorer PATH or set "
            f"{SCORER_ENV} to the {_SCORER_NAME} of the gold format",
        )
    key = f"_grapheme_distill_score_answers_{abs(hash(str(where.resolve())))}"
    cached = sys.modules.get(key)
    if cached is not None:
        return cached
    spec = importlib.util.spec_from_file_location(key, where)
    if spec is None or spec.loader is None:
        raise InputError(str(where), None, "not an importable Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken scorer file: say which and why, not a traceback
        del sys.modules[key]
        raise InputError(str(where), None, f"could not import the reference scorer: {exc}") from exc
    for name in ("score", "validate_gold", "ItemScorer", "coerce"):
        if not hasattr(module, name):
            del sys.modules[key]
            raise InputError(str(where), None, f"not the reference scorer (no {name}())")
    return module


# --------------------------------------------------------------------------- gold and predictions

TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")
#: the model's entity types that the gold format spells differently
_ENTITY_TYPE = {"DATETIME": "DATE"}
_VALUE_TYPE = {"date": "DATE", "number": "NUMBER"}


def read_gold(path: str | Path, scorer: ModuleType) -> list[dict[str, Any]]:
    """The gold items of ``path``, each checked by the reference scorer's ``validate_gold``.

    Raises:
        InputError: ``file:line: reason`` for the first unreadable or invalid line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), None, f"cannot read the gold file: {exc}") from exc
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), n, f"invalid JSON ({exc.msg})") from exc
        if not isinstance(item, dict):
            raise InputError(str(path), n, "each line must be a JSON object")
        problems = scorer.validate_gold([item])
        if problems:
            raise InputError(str(path), n, str(problems[0]))
        if item["id"] in seen:
            raise InputError(str(path), n, f"duplicate id {item['id']!r}")
        seen.add(item["id"])
        items.append(item)
    if not items:
        raise InputError(str(path), None, "no gold items")
    return items


@dataclass
class PredictedAnswer:
    """One answer's predictions in the gold format's ``pred`` shape, with the confidence of each
    predicted item (parallel lists; ``None`` where the extractor states none, as for entities)."""

    id: str
    pred: dict[str, list[dict[str, Any]]]
    confidences: dict[str, list[float | None]]
    failures: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The predictions-file line the reference scorer reads, with each item's confidence in
        ``confidence`` (lists parallel to ``pred``'s; the scorer reads ``id`` and ``pred`` only).
        Carried so that a file says what ``--min-confidence`` would keep and so that two runs
        whose files are byte-identical agree on confidences too, not only on items."""
        return {"id": self.id, "pred": self.pred, "confidence": self.confidences}


def extraction_to_pred(
    extraction: Extraction,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[float | None]]]:
    """An :class:`Extraction` in the gold format's ``pred`` shape, and each item's confidence.

    Entities keep their name and type (``DATETIME`` is the gold format's ``DATE``).  An attribute
    is an attribute fact: a relation from its entity to a value node named by the value, typed
    ``DATE``/``NUMBER`` by its datatype (``OTHER`` for strings).  Hierarchy edges, procedures and
    linguistic items map one to one; an alias an entity carries but no linguistic item states
    becomes an ``alias`` item.  Items whose entity ids are not in the extraction are dropped.
    """
    names = {eid: e.name for eid, e in extraction.entities.items()}
    pred: dict[str, list[dict[str, Any]]] = {t: [] for t in TYPES}
    conf: dict[str, list[float | None]] = {t: [] for t in TYPES}
    seen_entities: set[tuple[str, str]] = set()

    def entity(name: str, etype: str) -> None:
        key = (name.casefold(), etype)
        if name.strip() and key not in seen_entities:
            seen_entities.add(key)
            pred["entities"].append({"name": name, "type": etype})
            conf["entities"].append(None)

    for e in extraction.entities.values():
        etype = str(e.type.value if hasattr(e.type, "value") else e.type)
        entity(e.name, _ENTITY_TYPE.get(etype, etype))
    stated_aliases: set[tuple[str, str]] = set()
    for item in extraction.items:
        if isinstance(item, Relation):
            if item.subject in names and item.object in names:
                pred["relations"].append(
                    {
                        "subject": names[item.subject],
                        "predicate": item.predicate,
                        "object": names[item.object],
                        "negated": item.negated,
                    }
                )
                conf["relations"].append(item.confidence)
        elif isinstance(item, Attribute):
            if item.entity in names:
                entity(item.value, _VALUE_TYPE.get(item.datatype, "OTHER"))
                pred["relations"].append(
                    {
                        "subject": names[item.entity],
                        "predicate": normalise_predicate(item.name),
                        "object": item.value,
                        "negated": False,
                    }
                )
                conf["relations"].append(item.confidence)
        elif isinstance(item, Procedure):
            pred["procedures"].append({"goal": item.goal, "steps": list(item.steps)})
            conf["procedures"].append(item.confidence)
        elif isinstance(item, HierarchyEdge):
            if item.parent in names and item.child in names:
                pred["hierarchy"].append(
                    {
                        "parent": names[item.parent],
                        "child": names[item.child],
                        "relation": item.relation.value,
                    }
                )
                conf["hierarchy"].append(item.confidence)
        elif isinstance(item, LinguisticItem) and item.entity in names:
            pred["linguistic"].append(
                {"term": names[item.entity], "kind": item.relation.value, "value": item.value}
            )
            conf["linguistic"].append(item.confidence)
            stated_aliases.add((item.entity, item.value.casefold()))
    for eid, e in extraction.entities.items():
        for alias in e.aliases:
            if (
                eid,
                alias.casefold(),
            ) not in stated_aliases and alias.casefold() != e.name.casefold():
                stated_aliases.add((eid, alias.casefold()))
                pred["linguistic"].append({"term": e.name, "kind": "alias", "value": alias})
                conf["linguistic"].append(None)
    return pred, conf


# --------------------------------------------------------------------------- per-item outcomes

CORRECT, WRONG, NEUTRAL = "correct", "wrong", "neutral"


def _alone(kind: str, element: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {t: ([element] if t == kind else []) for t in TYPES}


def prediction_outcomes(
    scorer: ModuleType, gold: dict[str, Any], pred: dict[str, list[dict[str, Any]]]
) -> dict[str, list[str]]:
    """Per type, whether each predicted unit is ``correct``, ``wrong`` or ``neutral`` under the
    reference scorer (non-strict mode), scoring it alone against the item's gold (see the module
    docstring for why that is exact).  Procedures are scored per step, in order."""
    g = scorer.coerce(gold)
    out: dict[str, list[str]] = {t: [] for t in TYPES}
    for kind in TYPES:
        units: list[dict[str, Any]] = []
        if kind == "procedures":
            for proc in pred["procedures"]:
                units.extend({"goal": proc["goal"], "steps": [s]} for s in proc["steps"])
        else:
            units = pred[kind]
        for unit in units:
            counts = getattr(
                scorer.ItemScorer(g, scorer.coerce(_alone(kind, unit)), 0.85, 0.6, 0.5, False), kind
            )()
            out[kind].append(WRONG if counts["fp"] else CORRECT if counts["tp_p"] else NEUTRAL)
    return out


def missed_gold(
    scorer: ModuleType, gold: dict[str, Any], pred: dict[str, list[dict[str, Any]]]
) -> dict[str, list[dict[str, Any]]]:
    """Per type, the gold units no prediction recalls (each scored as the only unit of its type;
    procedures per step).

    The scorer's name clusters (aliases, abbreviations) are built once from the whole gold and
    kept while each unit is scored alone: built from a gold cut down to one linguistic unit, they
    would lose the very alias links that let "API —definition→" recall a definition predicted
    under "application programming interface", and ``--explain`` listed such units as missed."""
    g = scorer.coerce(gold)
    p = scorer.coerce(pred)
    judge = scorer.ItemScorer(g, p, 0.85, 0.6, 0.5, False)  # its ``names`` from the whole gold
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TYPES}
    for kind in TYPES:
        units: list[dict[str, Any]] = []
        if kind == "procedures":
            for proc in g["procedures"]:
                units.extend({"goal": proc["goal"], "steps": [s]} for s in proc["steps"])
        else:
            units = g[kind]
        for unit in units:
            judge.g = {**g, kind: [unit]}
            counts = getattr(judge, kind)()
            if not counts["tp_r"]:
                out[kind].append(unit)
    return out


def describe_unit(kind: str, unit: dict[str, Any]) -> str:
    """One line for a gold or predicted unit (``--explain``)."""
    if kind == "entities":
        return f"{unit['name']} [{unit.get('type', '')}]"
    if kind == "relations":
        neg = "NOT " if unit.get("negated") else ""
        return f"{unit['subject']} —{neg}{unit['predicate']}→ {unit['object']}"
    if kind == "hierarchy":
        return f"{unit['child']} —{unit.get('relation', '')}→ {unit['parent']}"
    if kind == "linguistic":
        return f"{unit['term']} —{unit.get('kind', '')}→ {unit['value']}"
    return f"{unit.get('goal', '')}: {' | '.join(unit.get('steps', []))}"


# --------------------------------------------------------------------------- the report

_CONFIDENT_TYPES = ("relations", "procedures", "hierarchy", "linguistic")


@dataclass
class AnswersReport:
    """What one run over a gold file of answers measured; ``to_dict`` is the ``-o`` JSON.

    Attributes:
        scores: the reference scorer's result for all predictions (per type, micro, macro F1,
            diagnostics), exactly as ``score_answers.py --json`` prints it.
        at_min_confidence: the reference scorer's result for the predictions whose confidence
            reaches ``min_confidence`` (entities, which carry none, are all kept), plus
            ``precision_items``: precision pooled over relations, procedure steps, hierarchy and
            linguistic items — what ``min_confidence`` should read as.
        relation_calibration / item_calibration: reliability tables of relation confidence and of
            every item with a confidence, against correctness (neutral predictions left out).
        failures: answers on which the extractor raised (scored as empty predictions).
        recorded: the failures extractors recorded in their extractions (``Extraction.failures``,
            e.g. sentences addressed to the model that were not read).
        explain: per type, the scorer's count of misses and of false positives, up to N gold
            units that no prediction recalls and up to N false positives (``--explain N``).
    """

    gold: str
    extractor: str
    answers: int
    scores: dict[str, Any]
    at_min_confidence: dict[str, Any]
    relation_calibration: CalibrationReport
    item_calibration: CalibrationReport
    settings: dict[str, Any] = field(default_factory=dict)
    timing: dict[str, float] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)
    recorded: list[dict[str, str]] = field(default_factory=list)
    explain: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "grapheme-distill.answers-report.v1",
            "gold": self.gold,
            "extractor": self.extractor,
            "answers": self.answers,
            "scores": self.scores,
            "at_min_confidence": self.at_min_confidence,
            "calibration": {
                "relations": self.relation_calibration.to_dict(),
                "items": self.item_calibration.to_dict(),
            },
            "settings": self.settings,
            "timing": self.timing,
            "failures": self.failures,
            "recorded_extraction_failures": self.recorded,
            **({"explain": self.explain} if self.explain is not None else {}),
        }

    def summary(self) -> str:
        """The per-type table, averages, diagnostics and the threshold figures."""
        s = self.scores
        lines = [
            f"answers: {self.answers} in {self.gold}, extractor {self.extractor}"
            + (f" ({len(self.failures)} raised)" if self.failures else "")
            + (f", {len(self.recorded)} extraction failures recorded" if self.recorded else ""),
            (
                f"{'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} "
                f"{'neutral':>8} {'dup':>5}"
            ),
        ]
        for name, v in [*s["types"].items(), ("micro", s["micro"])]:
            lines.append(
                f"{name:<11} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f} "
                f"{v['tp_r']:>5} {v['fp']:>5} {v['fn']:>5} {v['neutral']:>8} "
                f"{v['duplicates']:>5}"
            )
        lines.append(f"macro F1 {s['macro_f1']:.3f}   micro F1 {s['micro']['f1']:.3f}")
        lines.append("diagnostics: " + ", ".join(f"{k}={v}" for k, v in s["diagnostics"].items()))
        t = self.at_min_confidence
        rel = t["scores"]["types"]["relations"]
        lines.append(
            f"at min_confidence {t['threshold']:.2f}: item precision "
            f"{t['precision_items']:.3f} ({t['kept']} of {t['kept'] + t['dropped']} "
            f"items kept), relation precision {rel['precision']:.3f}, "
            f"micro F1 {t['scores']['micro']['f1']:.3f}"
        )
        lines.append(
            f"calibration: relation ECE {self.relation_calibration.ece:.3f} over "
            f"{self.relation_calibration.items} relations, item ECE "
            f"{self.item_calibration.ece:.3f} over {self.item_calibration.items} items"
        )
        return "\n".join(lines)

    def calibration_text(self) -> str:
        return (
            "relation confidence:\n"
            + self.relation_calibration.table()
            + "\nall items with a confidence:\n"
            + self.item_calibration.table()
        )

    def explain_text(self) -> str:
        if not self.explain:
            return ""
        lines: list[str] = []
        for kind in TYPES:
            part = self.explain[kind]
            lines.append(
                f"== {kind}: {part['missed']} missed, {part['false_positives']} false positives"
            )
            lines.extend(f"  miss  {m['id']}: {m['gold']}" for m in part["missed_samples"])
            lines.extend(
                f"  fp    {f['id']}: {f['pred']}"
                + (f"  (conf {f['confidence']:.2f})" if f["confidence"] is not None else "")
                for f in part["fp_samples"]
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------- the run


@dataclass
class _Losses:
    """Where one type's units went wrong (``--explain``)."""

    missed: int = 0  # the reference scorer's fn (greedy one-to-one assignment)
    false_positives: int = 0
    missed_samples: list[dict[str, Any]] = field(default_factory=list)
    fp_samples: list[dict[str, Any]] = field(default_factory=list)


def _extract_all(
    extractor: Extractor, items: list[dict[str, Any]], failures: list[dict[str, str]]
) -> list[PredictedAnswer]:
    """Each answer's predictions; an answer that makes the extractor raise is recorded as a
    failure with its id and reason and scored as an empty prediction (the run goes on)."""
    out = []
    for item in items:
        notes: list[str] = []
        try:
            extraction = extractor.extract(item["response"], prompt=item["prompt"])
        except Exception as exc:  # noqa: BLE001 - one bad answer must not end the run; recorded
            failures.append({"id": item["id"], "reason": f"{type(exc).__name__}: {exc}"})
            extraction = Extraction(extractor=getattr(extractor, "name", "?"))
        notes.extend(f.reason for f in extraction.failures)
        pred, conf = extraction_to_pred(extraction)
        out.append(PredictedAnswer(item["id"], pred, conf, notes))
    return out


def at_threshold(answer: PredictedAnswer, threshold: float) -> dict[str, list[dict[str, Any]]]:
    """The predictions whose confidence reaches ``threshold`` (those without one are kept): what
    ``min_confidence`` keeps, scored for the "precision at min_confidence" figures."""
    return {
        kind: [
            unit
            for unit, c in zip(answer.pred[kind], answer.confidences[kind], strict=True)
            if c is None or c >= threshold
        ]
        for kind in TYPES
    }


def unit_confidences(answer: PredictedAnswer) -> dict[str, list[float | None]]:
    """Per type, the confidence of each unit the scorer scores, parallel to
    :func:`prediction_outcomes`' lists: a procedure's once per step.  With the outcomes, what the
    calibration figures are computed from (also ``benchmarks/unseen_reads.py score``, which
    re-scores collected reads under another map)."""
    return {
        kind: [
            c
            for proc, c in zip(answer.pred[kind], answer.confidences[kind], strict=True)
            for _ in proc["steps"]
        ]
        if kind == "procedures"
        else list(answer.confidences[kind])
        for kind in TYPES
    }


def evaluate_answers(
    gold: str | Path,
    extractor: str | Extractor | None = None,
    *,
    scorer: str | Path | None = None,
    min_confidence: float | None = None,
    explain: int | None = None,
    output: str | Path | None = None,
    predictions: str | Path | None = None,
    extractor_options: dict[str, Any] | None = None,
) -> AnswersReport:
    """Run ``extractor`` over every answer of the gold file ``gold`` and score it with the
    reference scorer (``eval --dataset answers`` is the command-line twin).

    Args:
        gold: a gold JSONL file (``../shared/eval/README.md`` format).
        extractor: a registered extractor name (built with ``extractor_options``) or an instance;
            None: the best installed offline reader (what ``distill`` uses).
        scorer: the reference ``score_answers.py`` (default: :func:`default_scorer_path`).
        min_confidence: the threshold for the "precision at min_confidence" figures (default:
            ``DistillationConfig().min_confidence``, what a session uses).
        explain: keep up to N missed gold units and N false positives per type.
        output: write the JSON report here.
        predictions: write the predictions (``{"id", "pred", "confidence"}`` lines) here, for
            the reference scorer to score directly (it reads ``id`` and ``pred``).

    Raises:
        InputError: a missing scorer or a bad gold file (``file:line: reason``).
    """
    module = load_scorer(scorer)
    items = read_gold(gold, module)
    if extractor is None:
        extractor = best_available_extractor()
    ex = (
        get_extractor(extractor, **(extractor_options or {}))
        if isinstance(extractor, str)
        else extractor
    )
    threshold = DistillationConfig().min_confidence if min_confidence is None else min_confidence
    failures: list[dict[str, str]] = []
    started = time.perf_counter()
    answers = _extract_all(ex, items, failures)
    seconds = time.perf_counter() - started

    scores = module.score(items, {a.id: a.pred for a in answers})
    kept = {a.id: at_threshold(a, threshold) for a in answers}
    at = module.score(items, kept)
    n_kept = sum(len(p[k]) for p in kept.values() for k in _CONFIDENT_TYPES)
    n_all = sum(len(a.pred[k]) for a in answers for k in _CONFIDENT_TYPES)
    tp = sum(at["types"][k]["tp_p"] for k in _CONFIDENT_TYPES)
    fp = sum(at["types"][k]["fp"] for k in _CONFIDENT_TYPES)

    rel_conf: list[float] = []
    rel_ok: list[bool] = []
    all_conf: list[float] = []
    all_ok: list[bool] = []
    keep = explain if explain is not None else 0
    detail = {k: _Losses() for k in TYPES}
    for item, answer in zip(items, answers, strict=True):
        outcomes = prediction_outcomes(module, item["gold"], answer.pred)
        unit_conf = unit_confidences(answer)
        for kind in TYPES:
            confs = unit_conf[kind]
            units = (
                [
                    {"goal": p["goal"], "steps": [s]}
                    for p in answer.pred["procedures"]
                    for s in p["steps"]
                ]
                if kind == "procedures"
                else answer.pred[kind]
            )
            for unit, c, outcome in zip(units, confs, outcomes[kind], strict=True):
                if outcome == WRONG:
                    part = detail[kind]
                    part.false_positives += 1
                    if len(part.fp_samples) < keep:
                        part.fp_samples.append(
                            {"id": item["id"], "pred": describe_unit(kind, unit), "confidence": c}
                        )
                if c is None or outcome == NEUTRAL:
                    continue
                all_conf.append(c)
                all_ok.append(outcome == CORRECT)
                if kind == "relations":
                    rel_conf.append(c)
                    rel_ok.append(outcome == CORRECT)
        if explain is not None:
            for kind, units in missed_gold(module, item["gold"], answer.pred).items():
                part = detail[kind]
                for unit in units:
                    if len(part.missed_samples) < keep:
                        part.missed_samples.append(
                            {"id": item["id"], "gold": describe_unit(kind, unit)}
                        )

    for kind in TYPES:  # the headline is the scorer's own count; samples: units nothing recalls
        detail[kind].missed = scores["types"][kind]["fn"]
    report = AnswersReport(
        gold=str(gold),
        extractor=f"{getattr(ex, 'name', '?')}@{getattr(ex, 'version', '?')}",
        answers=len(items),
        scores=scores,
        at_min_confidence={
            "threshold": threshold,
            "scores": at,
            "kept": n_kept,
            "dropped": n_all - n_kept,
            "precision_items": tp / (tp + fp) if tp + fp else 0.0,
        },
        relation_calibration=calibration(rel_conf, rel_ok),
        item_calibration=calibration(all_conf, all_ok),
        settings={
            "scorer": str(module.__file__),
            "min_confidence": threshold,
            "calibration": "non-strict outcomes; neutral predictions left out",
            "extractor_options": extractor_options or {},
        },
        timing={
            "extract_seconds": round(seconds, 3),
            "answers_per_second": round(len(items) / seconds, 3) if seconds else 0.0,
        },
        failures=failures,
        recorded=[{"id": a.id, "reason": r} for a in answers for r in a.failures],
        explain={k: dataclasses.asdict(v) for k, v in detail.items()}
        if explain is not None
        else None,
    )
    if predictions is not None:
        Path(predictions).write_text(
            "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in answers),
            encoding="utf-8",
        )
    if output is not None:
        Path(output).write_text(
            json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return report
