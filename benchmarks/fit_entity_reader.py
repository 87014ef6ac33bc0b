"""Fit the learned entity decision (``extractors/spacy/entity_choice.py``) on annotated answers
and ship it as ``src/grapheme_distill/extractors/models/entities.json`` (issue 11).

The ``spacy`` extractor reads each answer with the candidate collector on
(:func:`~grapheme_distill.extractors.spacy.entity_choice.collect_candidates`): every name the
readers saw, with its features, whether the hand rules made it an entity and whether a kept item
refers to it.  Each candidate is labelled right or wrong by the reference scorer's own entity
matching (``../shared/eval/score_answers.py``: ``name_sim``, aliases, one-to-one assignment),
scored alone against its answer's gold.  Candidates an item refers to are kept whatever the
model says, so the model is fitted on the others.  The threshold is chosen out of fold (folds by
answer, :func:`learned_fit.out_of_fold`): for each threshold, the kept names of every answer
(the referred ones plus the candidates at or above it) are scored together by the reference
scorer, so duplicates and gold that no candidate reaches count as they will at read time.

Usage::

    .venv/bin/python benchmarks/fit_entity_reader.py --gold /work/sets/dev75.jsonl          # figures
    .venv/bin/python benchmarks/fit_entity_reader.py --gold /work/sets/dev75.jsonl --write  # + ship

The shipped model (thirteenth session: fitted on all 238 devtrain answers, given as its two
parts so that ``--cv 5`` reports each out of fold; the threshold chosen out of fold by micro F1
on all of them; it decides on the noun chunks it adds and on the common nouns the rules made
that nothing but relations refers to)::

    .venv/bin/python benchmarks/fit_entity_reader.py --gold /work/sets/devread.jsonl \
        /work/sets/gate10.jsonl --chunks --without= --c 2.0 --objective micro \
        --decide-relations --base-predictions devtrain_pred.jsonl --write [--cv 5]

(``devtrain_pred.jsonl``: ``eval --predictions`` on devtrain.)  Fourteenth session: the same
command, the candidates now carrying their noun chunk's syntax cues (``dep=``, ``dephead=``,
``tag1=``; ``--cache`` pickles made before them lack them: delete them); out of fold at the
chosen threshold (0.3) entity F1 0.7378 -> 0.7452, micro 0.6125.  The twelfth session's model was
fitted on devread's 158 answers alone (``--tune-last`` on its 83 newer ones); choosing the
threshold on the newer 163 devtrain answers only (``--tune-last`` after the 75 oldest) chose
the same threshold as on all 238, so the same model; C 1 / 2 / 4 read out-of-fold micro 0.5991 /
0.5997 / 0.6002 (noise: C stays 2).
Fifteenth session: the same command, the noun chunk candidates also carrying how they are
determined and which preposition governs them (``det=``, ``prep=``); nested out of fold (5
folds by answer) entity F1 0.7459 -> 0.7479, micro 0.6198 -> 0.6209 (both parts up); the
threshold chosen out of fold is now 0.35 (0.3 before).  Refitted without the two cues
(``--without=det=,prep=``, also 0.35) the unseen gates read lower micro on all four than with
them (val12 0.5457 against 0.5500), so the gain is the cues', not the threshold's.
Seventeenth session: ``--groups batch`` chooses the threshold on out-of-fold probabilities that
hold out one annotation batch at a time (``fit_relation_reader.batch_of``; ten batches in
devtrain) and prints each batch's figure at 0.25-0.45.  Refitted so on devtrain's candidates it
chose 0.275 (pooled held-out micro 0.6307): recall up, precision down, and micro fell on five of
six gates against the shipped model (val14 0.5390 -> 0.5340); the shipped model stays.
Eighteenth session: ``--count-relations`` (with ``--base-predictions``): a dropped name takes
its relations with it at read time, so the micro F1 now scores, for each set of kept names, the
rules' relations whose ends stay (collected with the candidates; ``--cache`` pickles made before
lack them: delete them), the other types still from the base predictions.  On devtrain it chose
0.3 as before (pooled batch-held-out micro 0.6305 / 0.6311 / 0.6309 at 0.275 / 0.3 / 0.325: flat);
the per-batch line now ends with the pooled figure.  The refit lowered devtrain (0.6640 ->
0.6597) and three of seven gates; at the shipped 0.35 it lowered two: the shipped model stays.
Nineteenth session: ``--cue-report det=,bold=`` prints each such cue's right rate beside the
mean batch-held-out probability of its candidates (the residual, and in how many batches it is
positive): a count or quantifier first, a relational head, list and heading membership
(one-off cues) read residuals within +-0.035 (the model weighs them already); cues of the
answer's text (a name's repetition, bold, table, brackets) read +0.04 to +0.15 ("such as":
+0.35, 25 names), and a model with them (the answer's ``Document`` passed to the decision)
raised entity precision on all eight gates but micro on five: not shipped (docs/benchmarks.md,
nineteenth session).
Twentieth session: the noun chunks whose root is a proper noun NER left unlabelled are candidates
too (``chunk=propn``: "Equifax and TransUnion" after "Experian", "Bluetooth"; the ceiling recall
0.877 -> 0.885, 197 such candidates right 53 %); refitted with the shipped command, pooled
batch-held-out micro 0.6347 -> 0.6358 at 0.35 (0.6351 -> 0.6363 at the chosen 0.325).
The eleventh session's adding model (``--add-only --decide-named --c 0.5``) read 0.717 out of
fold on devread against 0.735 for the rules alone: its threshold had been chosen in-sample.

``--base-predictions`` (``eval --predictions`` files of the extractor on the same answers) adds
micro F1 with the kept names swapped in, and ``--objective micro`` chooses the threshold by it:
an added name right a third of the time lowers entity F1 but raises micro F1 (about 0.5), so a
refit tuned on entity F1 adds fewer names than the shipped model and loses micro on unseen
answers (ninth session, docs/benchmarks.md).

It prints the recall ceiling (gold entities no candidate reaches), the false positives of the
hand rules by the reader that proposed them, and the out-of-fold entity F1 of the rules and of
the model.  Fit only on development answers, never on the held-out ones it is judged by.
"""

from __future__ import annotations

import argparse
import functools
import json
import pickle
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_relation_reader import batch_of  # noqa: E402
from learned_fit import Sample, fit_linear, out_of_fold, write_model  # noqa: E402

from grapheme_distill.evaluation.answers import (  # noqa: E402
    extraction_to_pred,
    load_scorer,
    missed_gold,
    prediction_outcomes,
    read_gold,
)
from grapheme_distill.extractors import get_extractor  # noqa: E402
from grapheme_distill.extractors.base import Extraction  # noqa: E402
from grapheme_distill.extractors.learned import LinearModel  # noqa: E402
from grapheme_distill.extractors.spacy.entity_choice import (  # noqa: E402
    MODEL_NAME,
    Candidate,
    collect_candidates,
)
from grapheme_distill.model.knowledge import Attribute, Relation  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "grapheme_distill" / "extractors" / "models" / f"{MODEL_NAME}.json"
TYPES = ("entities", "relations", "procedures", "hierarchy", "linguistic")


def _etype(c: Candidate) -> str:
    t = next((f[5:] for f in c.features if f.startswith("type=")), "OTHER")
    return "DATE" if t == "DATETIME" else t


def _pred(names: Sequence[Candidate]) -> dict[str, list[dict[str, Any]]]:
    pred: dict[str, list[dict[str, Any]]] = {t: [] for t in TYPES}
    pred["entities"] = [{"name": c.name, "type": _etype(c)} for c in names]
    return pred


#: answer id -> the relations the rules made while the candidates were collected (the gold
#: ``pred`` shape), each with the names of its two ends (``None`` for an attribute's value)
Relations = dict[str, list[tuple[dict[str, Any], tuple[str | None, str | None]]]]


def rule_relations(
    extraction: Extraction,
) -> list[tuple[dict[str, Any], tuple[str | None, str | None]]]:
    """The relations of ``extraction`` as :func:`extraction_to_pred` writes them, each with the
    entity names of its ends: which name a dropped entity takes its relations with."""
    names = {eid: e.name for eid, e in extraction.entities.items()}
    ends: list[tuple[str | None, str | None]] = []
    for item in extraction.items:
        if isinstance(item, Relation) and item.subject in names and item.object in names:
            ends.append((names[item.subject], names[item.object]))
        elif isinstance(item, Attribute) and item.entity in names:
            ends.append((names[item.entity], None))
    pred, _ = extraction_to_pred(extraction)
    return list(zip(pred["relations"], ends, strict=True))


def candidates(
    items: list[dict[str, Any]], extractor: Any, chunks: bool = False
) -> tuple[dict[str, list[Candidate]], Relations]:
    """Every answer's candidates and relations (the rules' verdict standing while they are
    collected: no name dropped, so every relation a kept name would bring is there)."""
    found: dict[str, list[Candidate]] = {}
    rels: Relations = {}
    for item in items:
        with collect_candidates(chunks=chunks) as sink:
            out = extractor.extract(item["response"], prompt=item["prompt"])
        found[item["id"]] = list(sink)
        rels[item["id"]] = rule_relations(out)
    return found, rels


def label(
    scorer: Any, items: list[dict[str, Any]], found: dict[str, list[Candidate]]
) -> dict[str, list[str]]:
    """Each candidate's outcome (correct / wrong / neutral) scored alone against its gold."""
    return {
        item["id"]: prediction_outcomes(scorer, item["gold"], _pred(found[item["id"]]))["entities"]
        for item in items
    }


#: answer id -> the other four types' counts (tp_p, tp_r, fp, fn) of the extractor's own
#: predictions (``--base-predictions``): with them, a set of kept names has a micro F1 too
OTHER_COUNTS: dict[str, Counter[str]] = {}
#: the figure the threshold is chosen by: entity ``f1`` or ``micro`` (``--objective``)
OBJECTIVE = "f1"
_COUNTS = ("tp_p", "tp_r", "fp", "fn")


#: answer id -> the relations the rules made (``--count-relations``): the micro F1 then scores,
#: for each set of kept names, the relations whose ends are all kept (a dropped name takes its
#: relations with it at read time, :func:`entity_choice.decided_with`), instead of the fixed
#: relation counts of ``--base-predictions``
RELATIONS: Relations = {}
_REL_COUNTS: dict[tuple[str, frozenset[int]], Counter[str]] = {}


def other_counts(scorer: Any, items: list[dict[str, Any]], paths: Sequence[Path]) -> None:
    """Fill :data:`OTHER_COUNTS` from ``eval --predictions`` files of these answers: each answer
    scored alone (the scorer pools counts, so the sum over any answers is their figure); the
    relations left out when :data:`RELATIONS` counts them."""
    preds: dict[str, Any] = {}
    for path in paths:
        preds.update(scorer.load_preds(path))
    skip = {"entities", "relations"} if RELATIONS else {"entities"}
    for item in items:
        if item["id"] not in preds:
            continue
        types = scorer.score([item], {item["id"]: preds[item["id"]]})["types"]
        counts: Counter[str] = Counter()
        for kind, fig in types.items():
            if kind not in skip:
                counts.update({f: int(fig[f]) for f in _COUNTS})
        OTHER_COUNTS[item["id"]] = counts


def relation_counts(scorer: Any, item: dict[str, Any], kept: list[Candidate]) -> Counter[str]:
    """The relation counts of one answer with ``kept`` its names: a relation stays when each
    end the rules made an entity of is a kept name (an end no candidate names stays)."""
    rels = RELATIONS.get(item["id"], [])
    made = {c.name for c in item_candidates(item["id"]) if c.made}
    names = {c.name for c in kept}
    held = frozenset(
        k
        for k, (_, ends) in enumerate(rels)
        if all(e is None or e not in made or e in names for e in ends)
    )
    key = (item["id"], held)
    if key not in _REL_COUNTS:
        pred: dict[str, list[dict[str, Any]]] = {t: [] for t in TYPES}
        pred["relations"] = [rels[k][0] for k in sorted(held)]
        fig = scorer.score([item], {item["id"]: pred})["types"]["relations"]
        _REL_COUNTS[key] = Counter({f: int(fig[f]) for f in _COUNTS})
    return _REL_COUNTS[key]


#: answer id -> its candidates (set in :func:`main`; :func:`relation_counts` reads which names
#: the rules made)
FOUND: dict[str, list[Candidate]] = {}


def item_candidates(answer_id: str) -> list[Candidate]:
    return FOUND.get(answer_id, [])


def entity_f1(
    scorer: Any, items: list[dict[str, Any]], kept: dict[str, list[Candidate]]
) -> dict[str, float]:
    """The reference scorer's entity figures for the kept names of every answer, and the micro
    F1 with the other types' counts of :data:`OTHER_COUNTS` when it holds every answer."""
    preds = {i["id"]: _pred(kept.get(i["id"], [])) for i in items}
    e = scorer.score(items, preds)["types"]["entities"]
    out = {k: round(float(e[k]), 4) for k in ("precision", "recall", "f1")}
    if items and all(i["id"] in OTHER_COUNTS for i in items):
        tot = Counter({f: int(e[f]) for f in _COUNTS})
        for i in items:
            tot.update(OTHER_COUNTS[i["id"]])
            if RELATIONS:
                tot.update(relation_counts(scorer, i, kept.get(i["id"], [])))
        p = tot["tp_p"] / max(tot["tp_p"] + tot["fp"], 1)
        r = tot["tp_r"] / max(tot["tp_r"] + tot["fn"], 1)
        out["micro"] = round(2 * p * r / max(p + r, 1e-9), 4)
    return out


def report_ceiling(
    scorer: Any,
    items: list[dict[str, Any]],
    found: dict[str, list[Candidate]],
    outcomes: dict[str, list[str]],
) -> None:
    """How much gold the candidates can reach, and where the rules' false positives come from."""
    gold = sum(len(i["gold"].get("entities", [])) for i in items)
    missed_rules = missed_all = 0
    fp_by: Counter[str] = Counter()
    tp_by: Counter[str] = Counter()
    for item in items:
        cands = found[item["id"]]
        made = [c for c in cands if c.made]
        missed_rules += len(missed_gold(scorer, item["gold"], _pred(made))["entities"])
        missed_all += len(missed_gold(scorer, item["gold"], _pred(cands))["entities"])
        for c, o in zip(cands, outcomes[item["id"]], strict=True):
            if not c.made:
                continue
            kinds = sorted({f.split(":")[0][5:] for f in c.features if f.startswith("rule=")})
            tag = ("referred " if c.referred else "alone ") + "+".join(kinds or ["seen"])
            (tp_by if o == "correct" else fp_by)[tag] += int(o != "neutral")
    print(
        f"gold entities {gold}; missed by the rules {missed_rules}; "
        f"missed by every candidate {missed_all} "
        f"(ceiling recall {1 - missed_all / max(gold, 1):.3f})"
    )
    n_cand = sum(len(v) for v in found.values())
    n_made = sum(c.made for v in found.values() for c in v)
    print(f"candidates {n_cand}, of them made by the rules {n_made}")
    print("rules' entities by proposing reader: right / wrong")
    for tag in sorted(set(fp_by) | set(tp_by), key=lambda t: -fp_by[t]):
        print(f"  {tag:40s} {tp_by[tag]:5d} {fp_by[tag]:5d}")


def kept_at(
    found: dict[str, list[Candidate]],
    probs: dict[int, float],
    threshold: float,
    decided: frozenset[str],
) -> dict[str, list[Candidate]]:
    """Per answer: the candidates an item needs, plus the others reaching ``threshold``."""
    kept: dict[str, list[Candidate]] = {}
    for aid, cands in found.items():
        kept[aid] = [
            c
            for c in cands
            if (probs.get(id(c), 0.0) >= threshold if decides(c, decided) else c.made)
        ]
    return kept


NAMED = False  # whether the model decides on named things too (``--decide-named``)
ADD_ONLY = False  # whether the model only adds names the rules did not make (``--add-only``)


def decides(c: Candidate, decided: frozenset[str]) -> bool:
    """Whether the model decides on ``c`` (else it stays as the rules made it)."""
    if c.referred - decided or (ADD_ONLY and c.made):
        return False
    return NAMED or not c.named


def newest(answer_id: str) -> bool:
    """The answers the second annotation batch added to dev (``w-055`` …, ``local-14`` …): a
    time split inside the development answers, the situation of an unseen style."""
    m = re.match(r"w-(\d+)$", answer_id) or re.match(r"local-(\d+)", answer_id)
    if m is None:
        return False
    return int(m.group(1)) >= (55 if answer_id.startswith("w-") else 14)


def choose_threshold(
    scorer: Any,
    items: list[dict[str, Any]],
    found: dict[str, list[Candidate]],
    probs: dict[int, float],
    decided: frozenset[str],
) -> tuple[float, dict[str, float]]:
    """The threshold whose kept names score the best entity F1 on ``items``, and its figures."""
    best_t, best = 0.5, {"f1": -1.0, "micro": -1.0}
    for t in [x / 40 for x in range(2, 37)]:
        fig = entity_f1(scorer, items, kept_at(found, probs, t, decided))
        if fig.get(OBJECTIVE, fig["f1"]) > best.get(OBJECTIVE, best["f1"]):
            best_t, best = t, fig
    return best_t, best


def fit_tuned(
    scorer: Any,
    train: list[tuple[Candidate, Sample]],
    tune_items: list[dict[str, Any]],
    found: dict[str, list[Candidate]],
    c: float,
    decided: frozenset[str],
) -> LinearModel:
    """A model fitted on ``train``, its threshold the best out of fold (folds by answer, inside
    ``train``) for the kept names of ``tune_items``."""
    oof = out_of_fold([s for _, s in train], c=c)
    probs = {id(k): p for (k, _), p in zip(train, oof, strict=True)}
    t, _ = choose_threshold(scorer, tune_items, found, probs, decided)
    return fit_linear([s for _, s in train], MODEL_NAME, c=c, threshold=t)


def time_split(
    scorer: Any,
    items: list[dict[str, Any]],
    found: dict[str, list[Candidate]],
    rows: list[tuple[Candidate, Sample]],
    c: float,
    decided: frozenset[str],
) -> None:
    """Fit on the older answers (threshold out of fold there), score the newest ones."""
    old = [(cand, s) for cand, s in rows if not newest(s.group)]
    new_items = [i for i in items if newest(i["id"])]
    if not old or not new_items:
        return
    old_items = [i for i in items if not newest(i["id"])]
    model = fit_tuned(scorer, old, old_items, found, c, decided)
    t = model.threshold
    probs = {id(k): model.probability(k.features) for i in new_items for k in found[i["id"]]}
    rules = {i["id"]: [k for k in found[i["id"]] if k.made] for i in new_items}
    print(
        f"time split ({len(new_items)} newest answers): rules", entity_f1(scorer, new_items, rules)
    )
    print(f"  model at {t:.3f}:", entity_f1(scorer, new_items, kept_at(found, probs, t, decided)))
    for x in (0.2, 0.3, 0.4, 0.5):
        print(
            f"  model at {x:.3f}:", entity_f1(scorer, new_items, kept_at(found, probs, x, decided))
        )


def fast_scorer(scorer: Any) -> Any:
    """The reference scorer with its pure name functions memoised: the nested threshold choice
    scores the same names against the same gold hundreds of times; the figures are unchanged."""
    for fn in ("name_sim", "norm_name"):
        setattr(scorer, fn, functools.lru_cache(maxsize=None)(getattr(scorer, fn)))
    return scorer


def fold_of(items_by_file: Sequence[list[dict[str, Any]]], folds: int) -> dict[str, int]:
    """Each answer's fold: round robin within each gold file, so every fold holds answers of
    every file (and of every batch, the files being in annotation order)."""
    return {item["id"]: k % folds for items in items_by_file for k, item in enumerate(items)}


def nested_cv(
    scorer: Any,
    items: list[dict[str, Any]],
    found: dict[str, list[Candidate]],
    rows: list[tuple[Candidate, Sample]],
    c: float,
    decided: frozenset[str],
    folds: dict[str, int],
    tune_on: frozenset[str] | None = None,
) -> tuple[dict[str, list[Candidate]], list[float]]:
    """Out-of-fold kept names of every answer: for each fold, a model fitted on the other folds,
    its threshold chosen out of fold *inside* them (nested), applied to the fold's answers; with
    ``tune_on``, the threshold is the best for those of the training answers only."""
    kept: dict[str, list[Candidate]] = {}
    thresholds: list[float] = []
    for f in sorted(set(folds.values())):
        train = [(k, s) for k, s in rows if folds[s.group] != f]
        train_items = [
            i for i in items if folds[i["id"]] != f and (tune_on is None or i["id"] in tune_on)
        ]
        model = fit_tuned(scorer, train, train_items, found, c, decided)
        t = model.threshold
        thresholds.append(t)
        test = {i["id"]: found[i["id"]] for i in items if folds[i["id"]] == f}
        probs = {id(k): model.probability(k.features) for v in test.values() for k in v}
        kept.update(kept_at(test, probs, t, decided))
    return kept, thresholds


def report_cv(
    scorer: Any,
    items_by_file: dict[str, list[dict[str, Any]]],
    found: dict[str, list[Candidate]],
    kept: dict[str, list[Candidate]],
    outcomes: dict[str, list[str]],
    base: Path | None,
) -> None:
    """Per gold file: the rules' and the out-of-fold model's entity figures (aggregates only),
    the right rate of the names the model dropped and added, and with ``base`` (an ``eval
    --json`` report of the rules on the last file) the micro F1 with the entities swapped in."""
    for path, file_items in items_by_file.items():
        rules = {i["id"]: [k for k in found[i["id"]] if k.made] for i in file_items}
        got = {i["id"]: kept[i["id"]] for i in file_items}
        preds = {aid: _pred(v) for aid, v in got.items()}
        res = scorer.score(file_items, preds)["types"]["entities"]
        micro = entity_f1(scorer, file_items, got).get("micro")
        dropped, added = Counter[str](), Counter[str]()
        for i in file_items:
            keep_ids = {id(k) for k in got[i["id"]]}
            for k, o in zip(found[i["id"]], outcomes[i["id"]], strict=True):
                if k.made and id(k) not in keep_ids:
                    dropped[o] += 1
                elif not k.made and id(k) in keep_ids:
                    added[o] += 1
        print(f"{Path(path).name} ({len(file_items)} answers)")
        print("  rules:", entity_f1(scorer, file_items, rules))
        print(
            "  model out of fold (nested):",
            {k: round(float(res[k]), 4) for k in ("precision", "recall", "f1")},
            {k: res[k] for k in ("tp_p", "fp", "fn")},
            ""
            if micro is None
            else f"micro {micro} (rules {entity_f1(scorer, file_items, rules).get('micro')})",
        )
        print(f"  dropped rules' names: {dict(dropped)}; added names: {dict(added)}")
        if base is not None and path == list(items_by_file)[-1]:
            scores = json.loads(base.read_text("utf-8"))["scores"]
            tot = Counter[str]()
            for kind, fig in scores["types"].items():
                src = res if kind == "entities" else fig
                tot.update({f: int(src[f]) for f in ("tp_p", "tp_r", "fp", "fn")})
            p = tot["tp_p"] / max(tot["tp_p"] + tot["fp"], 1)
            r = tot["tp_r"] / max(tot["tp_r"] + tot["fn"], 1)
            print(
                f"  micro: rules {scores['micro']['f1']}, with the model's entities "
                f"{2 * p * r / max(p + r, 1e-9):.4f} (relations unchanged)"
            )


def report_batches(
    scorer: Any,
    items: list[dict[str, Any]],
    found: dict[str, list[Candidate]],
    probs: dict[int, float],
    decided: frozenset[str],
) -> None:
    """Each annotation batch's figures with its names decided by the model that never saw it
    (leave one batch out), at a few thresholds: what the threshold does on a new writer's
    answers, batch by batch, beside the pooled choice."""
    by_batch: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_batch.setdefault(batch_of(item["id"]), []).append(item)
    for t in (0.25, 0.275, 0.3, 0.325, 0.35, 0.375, 0.4, 0.45, 0.5):
        kept = kept_at(found, probs, t, decided)
        figs = [
            entity_f1(scorer, b_items, kept).get(OBJECTIVE, 0.0) for b_items in by_batch.values()
        ]
        pooled = entity_f1(scorer, items, kept).get(OBJECTIVE, 0.0)
        print(
            f"held out by batch at {t:.3f} ({OBJECTIVE}):",
            " ".join(f"{f:.4f}" for f in figs),
            f"| pooled {pooled:.4f}",
        )


def report_cues(
    rows: Sequence[tuple[Candidate, Sample]], probs: Sequence[float], prefixes: Sequence[str]
) -> list[str]:
    """For each cue starting with one of ``prefixes``: how many decided candidates carry it, how
    often they are right, the mean out-of-fold probability the model gave them, and the residual
    (right rate minus mean probability) with the number of batches where it is positive /
    negative (batches of five candidates or more).  Why (nineteenth session): a cue the model
    lacks shows as a residual of one sign in most batches; one whose residual is near zero is
    already weighed through the other cues, however clean its right rate looks."""
    stat: dict[str, dict[str, list[float]]] = {}
    for (_, sample), p in zip(rows, probs, strict=True):
        for f in sample.features:
            if f.startswith(tuple(prefixes)):
                st = stat.setdefault(f, {}).setdefault(sample.group, [0.0, 0.0, 0.0])
                st[0] += 1
                st[1] += sample.label
                st[2] += p
    lines = []
    for f in sorted(stat):
        n, right, mean_p = (sum(v[i] for v in stat[f].values()) for i in range(3))
        res = [(v[1] - v[2]) / v[0] for v in stat[f].values() if v[0] >= 5]
        lines.append(
            f"cue {f}: n {int(n)} right {right / n:.3f} held-out p {mean_p / n:.3f} "
            f"residual {(right - mean_p) / n:+.3f} batches +{sum(r > 0 for r in res)}"
            f"/-{sum(r < 0 for r in res)}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", required=True, help="annotated answers (gold JSONL)")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument(
        "--decide-relations",
        action="store_true",
        help="let the model drop entities only relations refer to (and those relations)",
    )
    ap.add_argument(
        "--without",
        default="head=",
        help="comma-separated feature prefixes left out (default: the head noun, which names "
        "the development answers' topics rather than a layout)",
    )
    ap.add_argument(
        "--decide-named",
        action="store_true",
        help="let the model drop named things (NER spans, proper nouns) too",
    )
    ap.add_argument(
        "--chunks",
        action="store_true",
        help="add the common noun chunks no rule named as candidates (the model then asks the "
        "extractor for them at read time)",
    )
    ap.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="K",
        help="score the model by nested K-fold cross-validation by answer, per gold file",
    )
    ap.add_argument(
        "--base",
        type=Path,
        help="with --cv: an `eval --json` report of the rules on the last gold file, to print "
        "the micro F1 with the model's entities in place of the rules'",
    )
    ap.add_argument(
        "--cache",
        type=Path,
        help="pickle the answers' candidates here (read it when present: delete it after the "
        "readers or the gold change)",
    )
    ap.add_argument(
        "--add-only",
        action="store_true",
        help="let the model only add names the rules did not make (with --chunks: noun chunks)",
    )
    ap.add_argument(
        "--tune-last",
        action="store_true",
        help="choose the threshold on the answers of the last gold file only (the convention "
        "the answers are scored by), still out of fold",
    )
    ap.add_argument(
        "--base-predictions",
        type=Path,
        nargs="+",
        default=[],
        help="`eval --predictions` files of the extractor on the gold answers: the other types' "
        "counts, so that the figures include micro F1 (the entities swapped in)",
    )
    ap.add_argument(
        "--objective",
        choices=("f1", "micro"),
        default="f1",
        help="choose the threshold by entity F1 or by micro F1 (needs --base-predictions for "
        "the answers it is chosen on): an added name right a third of the time lowers entity "
        "F1 but raises micro F1, the figure the answers are judged by",
    )
    ap.add_argument(
        "--groups",
        choices=("answer", "batch"),
        default="answer",
        help="what the threshold's out-of-fold probabilities hold out: five folds of answers, or "
        "one annotation batch at a time (fit_relation_reader.batch_of: what carries over to a "
        "new writer's answers, what the gates measure; not with --cv)",
    )
    ap.add_argument(
        "--count-relations",
        action="store_true",
        help="with --base-predictions: score the relations each set of kept names keeps (a "
        "dropped name takes its relations with it) instead of the base predictions' fixed "
        "relation counts, so that the threshold counts what a kept name brings",
    )
    ap.add_argument(
        "--cue-report",
        default="",
        metavar="PREFIXES",
        help="comma-separated feature prefixes (e.g. det=,head=): print each such cue's right "
        "rate and its residual against the held-out probabilities, per batch with --groups batch",
    )
    ap.add_argument(
        "--threshold",
        type=float,
        help="ship this threshold instead of the one chosen out of fold (a recipe judged end to "
        "end with one annotation batch held out at a time keeps the threshold it was judged at)",
    )
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    scorer = fast_scorer(load_scorer())
    by_file = {str(path): read_gold(path, scorer) for path in args.gold}
    items = [i for file_items in by_file.values() for i in file_items]
    if args.cache is not None and args.cache.is_file():
        found, outcomes, *more = pickle.loads(args.cache.read_bytes())
        rels: Relations = more[0] if more else {}
    else:
        found, rels = candidates(items, get_extractor("spacy"), args.chunks)
        outcomes = label(scorer, items, found)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps((found, outcomes, rels)))
    if args.count_relations:
        if not rels:
            ap.error("--count-relations needs candidates collected with their relations")
        RELATIONS.update(rels)
        FOUND.update(found)
    report_ceiling(scorer, items, found, outcomes)

    global NAMED, ADD_ONLY, OBJECTIVE
    NAMED, ADD_ONLY, OBJECTIVE = args.decide_named, args.add_only, args.objective
    other_counts(scorer, items, args.base_predictions)
    tune_on = frozenset(i["id"] for i in by_file[str(args.gold[-1])]) if args.tune_last else None
    decided = frozenset({"relation"} if args.decide_relations else ())
    without = tuple(p for p in args.without.split(",") if p)
    if args.groups == "batch" and args.cv:
        ap.error("--groups batch holds out batches for the threshold; --cv folds answers")
    group = batch_of if args.groups == "batch" else str
    rows: list[tuple[Candidate, Sample]] = [
        (
            c,
            Sample(
                [f for f in c.features if not f.startswith(without)], o == "correct", group(aid)
            ),
        )
        for aid, cands in found.items()
        for c, o in zip(cands, outcomes[aid], strict=True)
        if decides(c, decided) and o != "neutral"
    ]
    samples = [s for _, s in rows]
    if len({s.label for s in samples}) < 2 or len({s.group for s in samples}) < 2:
        print("nothing to fit: the model needs right and wrong candidates of two answers or more")
        return 1
    oof = out_of_fold(samples, c=args.c, folds=0 if args.groups == "batch" else 5)
    probs = {id(c): p for (c, _), p in zip(rows, oof, strict=True)}
    if args.groups == "batch":
        report_batches(scorer, items, found, probs, decided)
    if args.cue_report:
        print("\n".join(report_cues(rows, oof, [p for p in args.cue_report.split(",") if p])))
    rules = {aid: [c for c in cands if c.made] for aid, cands in found.items()}
    if args.cv:
        kept, thresholds = nested_cv(
            scorer,
            items,
            found,
            rows,
            args.c,
            decided,
            fold_of(list(by_file.values()), args.cv),
            tune_on,
        )
        print("thresholds chosen inside the training folds:", thresholds)
        report_cv(scorer, by_file, found, kept, outcomes, args.base)
    elif args.groups == "answer":  # (the time split folds answers; batches are held out above)
        time_split(scorer, items, found, rows, args.c, decided)
    tune_items = [i for i in items if tune_on is None or i["id"] in tune_on]
    rules_fig = entity_f1(scorer, tune_items, rules)  # the answers the threshold is chosen on
    print("rules (in-sample):", rules_fig)
    best_t, best = choose_threshold(scorer, tune_items, found, probs, decided)
    print(f"model (out of fold) at threshold {best_t:.3f}:", best)
    if args.threshold is not None:
        best_t = args.threshold
        best = entity_f1(scorer, tune_items, kept_at(found, probs, best_t, decided))
        print(f"model (out of fold) at the given threshold {best_t:.3f}:", best)

    fitted_on = ", ".join(Path(p).name for p in args.gold)
    model = fit_linear(
        samples,
        MODEL_NAME,
        c=args.c,
        threshold=best_t,
        meta={
            "fitted_on": f"{fitted_on} ({len(items)} answers, {len(samples)} candidates)",
            "out_of_fold_entity_f1": best["f1"],
            "rules_entity_f1": rules_fig["f1"],
            "c": args.c,
            "without": list(without),
            "decided_with": sorted(decided),
            "chunks": args.chunks,
            "named": args.decide_named,
            "add_only": args.add_only,
            "objective": args.objective,
        },
    )
    if args.write:
        write_model(model, args.out)
        print(f"wrote {args.out} ({len(model.weights)} weights)")
    else:
        print(json.dumps({k: v for k, v in model.to_dict().items() if k != "weights"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
