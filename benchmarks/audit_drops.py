"""Where the ``spacy`` extractor loses items it had read right (issue 11, drop audit).

The extractor reads an answer in stages: the document readers' facts
(:func:`grapheme_distill.extractors.readers.read_document`), the records the walk over the parse
collects beside them (clauses, lists, the facts turned into records), the learned relation
reader's additions, the items :func:`grapheme_distill.extractors.spacy.items.finish_items` makes
of the records (generic, loose and word-pair records dropped, short names folded into long ones,
names given the gold's surface, predicates made canonical), the learned filter
(``drop_unlikely_relations``) and the last touches (predicate choice, calibration).  A gold unit
some stage recalls that the output does not is an item read right and lost on the way out: such
bugs carry over to unseen answers, unlike rules written for one miss.

This script runs the extractor over a gold file with each stage's output recorded (by wrapping the
stage functions in this process only), scores each stage's units against the gold with the
reference scorer's matching (:func:`grapheme_distill.evaluation.answers.missed_gold`), and counts,
per type, the gold units recalled at some stage and not at the end, by the stage that lost them
and why (for the records ``finish_items`` drops or renames, the reason is worked out again from
the same checks).  Only readable sets (devtrain, devread, gate10) may be audited this way: it
prints items.

Run:  GRAPHEME_DISTILL_ANSWER_SCORER=/work/shared/eval/score_answers.py \\
      .venv/bin/python benchmarks/audit_drops.py --gold /work/sets/devtrain.jsonl [--show 40]
      [--json out.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from typing import Any

from grapheme_distill import extractors
from grapheme_distill.evaluation.answers import (
    extraction_to_pred,
    load_scorer,
    missed_gold,
    prediction_outcomes,
    read_gold,
)
from grapheme_distill.extractors import spacy_extractor as sx
from grapheme_distill.extractors.predicates import canonical_predicate
from grapheme_distill.extractors.readers.hierarchy_names import plausible_edge
from grapheme_distill.extractors.spacy import answer as walk
from grapheme_distill.extractors.spacy import items as items_mod
from grapheme_distill.extractors.spacy.records import is_generic, is_loose, short_names
from grapheme_distill.model.hashing import normalise_name

TYPES = ("relations", "hierarchy", "linguistic")
STAGES = ("readers", "records", "learned", "made", "finish", "filter", "final")


def _empty() -> dict[str, list[dict[str, Any]]]:
    return {t: [] for t in ("entities", "relations", "procedures", "hierarchy", "linguistic")}


def _units(items: list[Any], *, records: bool) -> dict[str, list[dict[str, Any]]]:
    """The scorer's prediction units of the readers' facts or of the walk's records (which say
    their object's type as ``label``, and are kept on their units as ``_rec`` for the reasons)."""
    pred = _empty()
    for x in items:
        if x.subject is None:
            continue
        extra: dict[str, Any] = {"_src": x.construction}
        if records:
            extra["_rec"] = x
        if x.kind == "relation" and x.object is not None:
            label = x.object.label if records else x.object.type
            for p in {x.predicate, _canon(x.predicate, label, x.object.text)}:
                pred["relations"].append(
                    {
                        "subject": x.subject.text,
                        "predicate": p,
                        "object": x.object.text,
                        "negated": x.negated,
                        **extra,
                    }
                )
        elif x.kind == "hierarchy" and x.object is not None:
            pred["hierarchy"].append(
                {"parent": x.subject.text, "child": x.object.text, "relation": "part_of", **extra}
            )
        elif x.kind == "linguistic" and x.linguistic is not None:
            pred["linguistic"].append(
                {"term": x.subject.text, "kind": x.linguistic.value, "value": x.value, **extra}
            )
    return pred


def _fact_units(facts: list[Any]) -> dict[str, list[dict[str, Any]]]:
    return _units(facts, records=False)


def _record_units(records: list[Any]) -> dict[str, list[dict[str, Any]]]:
    return _units(records, records=True)


def _canon(raw: str, label: str, text: str) -> str:
    etype = items_mod.ner_entity_type(label, proper=bool(text[:1].isupper()))
    canon = canonical_predicate(raw, etype, text)
    return canon[0] if canon is not None and not canon[1] else raw


class Recorder:
    """Wraps the stage functions of the extractor; one answer's snapshots at a time."""

    def __init__(self) -> None:
        self.snap: dict[str, Any] = {}
        self.made: list[tuple[Any, list[dict[str, Any]]]] = []
        self.state: Any = None
        read_document, add_learned = sx.read_document, walk.add_learned_relations
        finish, drop = walk.finish_items, walk.drop_unlikely_relations
        relation = items_mod._relation

        def read_document_(doc: Any, prompt: str = "") -> Any:
            ctx, facts = read_document(doc, prompt)
            self.snap["readers"] = _fact_units(facts)
            return ctx, facts

        def add_learned_(state: Any, candidates: Any, model: Any) -> Any:
            self.snap["records"] = _record_units([dataclasses.replace(r) for r in state.records])
            result = add_learned(state, candidates, model)
            return result

        def finish_(state: Any, types: Any, out: Any, *args: Any, **kw: Any) -> Any:
            self.snap["learned"] = _record_units(list(state.records))
            self.state = state
            result = finish(state, types, out, *args, **kw)
            pred = _empty()
            for _, units in self.made:
                pred["relations"].extend(units)
            for item in out.items:  # hierarchy / linguistic straight from the items
                if item.kind == "hierarchy":
                    pred["hierarchy"].append(
                        {
                            "parent": self.names.get(item.parent, "?"),
                            "child": self.names.get(item.child, "?"),
                            "relation": "part_of",
                        }
                    )
                elif item.kind == "linguistic":
                    pred["linguistic"].append(
                        {
                            "term": self.names.get(item.entity, "?"),
                            "kind": item.relation.value,
                            "value": item.value,
                        }
                    )
            self.snap["made"] = pred
            self.snap["finish"], _ = extraction_to_pred(out)
            return result

        def relation_(r: Any, entity: Any, *args: Any) -> list[str]:
            ids = relation(r, entity, *args)
            relations, attributes = args[1], args[2]
            units = []
            for i in ids:
                item = relations.get(i) or attributes.get(i)
                if item is None:
                    continue
                if item.kind == "relation":
                    units.append(
                        {
                            "subject": self.names[item.subject],
                            "predicate": item.predicate,
                            "object": self.names[item.object],
                            "negated": item.negated,
                            "_rec": r,
                        }
                    )
            self.made.append((r, units))
            return ids

        def drop_(out: Any, model: Any) -> Any:
            result = drop(out, model)
            self.snap["filter"], _ = extraction_to_pred(out)
            return result

        self.names: dict[str, str] = _Names()
        sx.read_document = read_document_
        walk.add_learned_relations = add_learned_
        walk.finish_items = finish_
        walk.drop_unlikely_relations = drop_
        items_mod._relation = relation_

    def reset(self) -> None:
        self.snap = {}
        self.made = []
        self.state = None
        self.names.clear()


class _Names(dict):  # type: ignore[type-arg]
    """Entity id -> name, filled from every entity the extraction ever held (a relation whose
    entity was deleted later still shows what it was made of)."""


def _install_name_hook(recorder: Recorder) -> None:
    from grapheme_distill.extractors.base import Extraction

    add_entity = Extraction.add_entity

    def add_entity_(self: Any, entity: Any) -> Any:
        made = add_entity(self, entity)
        recorder.names[made.id] = made.name
        return made

    Extraction.add_entity = add_entity_  # type: ignore[method-assign]


def _recalled(
    scorer: Any, gold: dict[str, Any], pred: dict[str, list[dict[str, Any]]], kind: str
) -> set[int]:
    """The positions of the gold units of ``kind`` that ``pred`` recalls (each scored alone, the
    rest of the gold kept for names and aliases, as :func:`missed_gold` does)."""
    clean = _empty()
    clean[kind] = [{k: v for k, v in u.items() if not k.startswith("_")} for u in pred[kind]]
    if not clean[kind]:
        return set()
    g = scorer.coerce(gold)
    p = scorer.coerce(clean)
    hits = set()
    for i, unit in enumerate(g[kind]):
        counts = getattr(scorer.ItemScorer({**g, kind: [unit]}, p, 0.85, 0.6, 0.5, False), kind)()
        if counts["tp_r"]:
            hits.add(i)
    return hits


def _matching(
    scorer: Any, gold: dict[str, Any], unit: dict[str, Any], kind: str, units: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The units of ``units`` that recall the gold ``unit`` alone."""
    out = []
    one = {**gold, kind: [unit]}
    for u in units:
        clean = _empty()
        clean[kind] = [{k: v for k, v in u.items() if not k.startswith("_")}]
        if not missed_gold(scorer, one, clean)[kind]:
            out.append(u)
    return out


def _loose_rule(r: Any, about: set[str]) -> str:
    """Which of :func:`is_loose`'s cases dropped ``r`` (its order)."""
    s, o = r.subject, r.object
    if s.definite and normalise_name(s.text) not in about:
        return "definite" + ("_named_object" if (o.proper or o.label) else "")
    if r.voice == "copula" and r.predicate == "is_a":
        return "copula_is_a"
    if r.voice == "noun":
        return "noun"
    return "common_pair"


def _why_record(r: Any, state: Any, made: dict[int, list[dict[str, Any]]]) -> str:
    """Why ``finish_items`` made no right relation of record ``r``."""
    about = set(state.keep) or {
        normalise_name(x.subject.text) for x in state.records[:1] if x.subject is not None
    }
    if r.kind == "relation":
        if is_generic(r.subject) or is_generic(r.object):
            return "generic"
        pair = frozenset((normalise_name(r.subject.text), normalise_name(r.object.text)))
        words = {
            frozenset((normalise_name(x.subject.text), normalise_name(x.value)))
            for x in state.records
            if x.kind == "linguistic"
            and x.subject is not None
            and x.linguistic is not None
            and x.linguistic.value != "definition"
        }
        if pair in words:
            return "word_pair"
        if is_loose(r, about):
            return "loose." + _loose_rule(r, about)
        units = made.get(id(r))
        if units is None:
            return "not_made"
        if not units:
            return "same_entity"
        u = units[0]
        short = short_names(state)
        parts = []
        if normalise_name(u["subject"]) != normalise_name(r.subject.text):
            folded = short.get(normalise_name(r.subject.text))
            parts.append("subject_folded" if folded else "subject_renamed")
        if normalise_name(u["object"]) != normalise_name(r.object.text):
            folded = short.get(normalise_name(r.object.text))
            parts.append("object_folded" if folded else "object_renamed")
        return "+".join(parts) or "predicate"
    if r.kind == "hierarchy":
        if r.negated or r.hierarchy is None:
            return "negated"
        if not plausible_edge(r.subject.text, r.object.text):
            return "implausible_edge"
        return "renamed_or_same"
    return "renamed"


def _count_dropped(
    scorer: Any,
    gold: dict[str, Any],
    state: Any,
    made: dict[int, list[dict[str, Any]]],
    dropped: dict[str, Counter[str]],
) -> None:
    """The outcome (correct / wrong / neutral under the reference scorer, each unit alone) of
    every relation record ``finish_items`` made nothing of, by the reason: what each filter
    costs and saves."""
    seen: set[tuple[str, str, str, str]] = set()
    for r in state.records:
        if r.kind != "relation" or r.subject is None or r.object is None or id(r) in made:
            continue
        reason = _why_record(r, state, made)
        units = _record_units([r])["relations"]
        key = (reason, r.subject.text, r.predicate, r.object.text)
        if key in seen:
            continue
        seen.add(key)
        pred = _empty()
        pred["relations"] = [{k: v for k, v in u.items() if not k.startswith("_")} for u in units]
        outcomes = prediction_outcomes(scorer, gold, pred)["relations"]
        best = "correct" if "correct" in outcomes else "wrong" if "wrong" in outcomes else "neutral"
        dropped.setdefault(reason, Counter())[best] += 1


def _count_removed(
    scorer: Any,
    gold: dict[str, Any],
    before: Any,
    after: Any,
    why: str,
    dropped: dict[str, Counter[str]],
) -> None:
    """The outcomes of the relation units in ``before`` and not in ``after``."""
    if before is None or after is None:
        return

    def key(u: dict[str, Any]) -> tuple[Any, ...]:
        return (u["subject"], u["predicate"], u["object"], u["negated"])

    kept = {key(u) for u in after["relations"]}
    gone = {key(u): u for u in before["relations"] if key(u) not in kept}
    if not gone:
        return
    pred = _empty()
    pred["relations"] = [
        {k: v for k, v in u.items() if not k.startswith("_")} for u in gone.values()
    ]
    for outcome in prediction_outcomes(scorer, gold, pred)["relations"]:
        dropped.setdefault(why, Counter())[outcome] += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--scorer", default=None)
    ap.add_argument("--show", type=int, default=30, help="lost units to print per type")
    ap.add_argument("--json", default=None, help="write every lost unit here")
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    gold_items = read_gold(args.gold, scorer)
    recorder = Recorder()
    _install_name_hook(recorder)
    ex = extractors.get_extractor("spacy")
    by_stage: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    by_reason: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    reached = Counter[str]()
    lost_units: list[dict[str, Any]] = []
    dropped: dict[str, Counter[str]] = {}  # drop reason -> outcomes of the records it dropped
    for item in gold_items:
        recorder.reset()
        extraction = ex.extract(item["response"], prompt=item["prompt"])
        final, _ = extraction_to_pred(extraction)
        snaps = {**recorder.snap, "final": final}
        state = recorder.state
        made = {id(r): units for r, units in recorder.made}
        g = scorer.coerce(item["gold"])
        if state is not None:
            _count_dropped(scorer, item["gold"], state, made, dropped)
        for before, after, why in (
            ("made", "finish", "entity_choice"),
            ("finish", "filter", "learned_filter"),
            ("filter", "final", "last_touches"),
        ):
            _count_removed(scorer, item["gold"], snaps.get(before), snaps.get(after), why, dropped)
        for kind in TYPES:
            stage_hits = {
                s: _recalled(scorer, item["gold"], snaps.get(s, _empty()), kind) for s in STAGES
            }
            for gi, unit in enumerate(g[kind]):
                seen = [s for s in STAGES if gi in stage_hits[s]]
                if not seen:
                    continue
                reached[kind] += 1
                if gi in stage_hits["final"]:
                    continue
                last = max(STAGES.index(s) for s in seen)
                stage = STAGES[last + 1]
                reason = stage
                if stage == "made" and state is not None:
                    recs = _matching(scorer, item["gold"], unit, kind, snaps["learned"][kind])
                    reasons = sorted({_why_record(u["_rec"], state, made) for u in recs})
                    reason = ",".join(reasons) or "?"
                elif stage == "records":
                    reason = "fact_not_recorded"
                elif stage == "finish":
                    reason = "entity_or_item_dropped"
                elif stage == "filter":
                    reason = "learned_filter"
                elif stage == "final":
                    reason = "predicate_choice_or_calibration"
                by_stage[kind][stage] += 1
                by_reason[kind][f"{stage}:{reason}"] += 1
                src = sorted(
                    {
                        str(u.get("_src", ""))
                        for s in seen
                        for u in _matching(scorer, item["gold"], unit, kind, snaps[s][kind])
                        if s in ("readers", "records", "learned")
                    }
                )
                lost_units.append(
                    {
                        "id": item["id"],
                        "kind": kind,
                        "gold": unit,
                        "stage": stage,
                        "reason": reason,
                        "seen": seen,
                        "constructions": src,
                    }
                )
    report = {
        "dropped_outcomes": {k: dict(sorted(v.items())) for k, v in dropped.items()},
        "reached": dict(reached),
        "lost_by_stage": {k: dict(v) for k, v in by_stage.items()},
        "lost_by_reason": {k: dict(v.most_common()) for k, v in by_reason.items()},
        "lost_total": sum(sum(v.values()) for v in by_stage.values()),
    }
    print(json.dumps(report, indent=1))
    shown = Counter[str]()
    for lost in lost_units:
        if shown[lost["kind"]] >= args.show:
            continue
        shown[lost["kind"]] += 1
        print(
            lost["id"],
            lost["kind"],
            lost["reason"],
            lost["constructions"],
            "|",
            json.dumps(lost["gold"], ensure_ascii=False),
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({**report, "lost": lost_units}, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
