"""Gold relations whose arguments a prediction finds but whose predicate (or negation) it misses.

Relation F1 counts a prediction only when the reference scorer calls its predicate equivalent to
the gold's; ``relation_relaxed_f1`` ignores the predicate.  The gap between the two is what
naming costs.  This lists, for one gold file and a predictions file written by
``grapheme-distill eval --dataset answers --predictions FILE``, every gold relation no
prediction recalls while some prediction matches its subject and object (either order) — with
the reference scorer's own functions (``ItemScorer._rel_match``, ``_pair_sim``), so a line here
is exactly a pair the scorer sees and rejects.  ``SWAP`` marks a pair found upside down.

Run it on development answers only (the validation answers are scored in aggregate)::

    .venv/bin/grapheme-distill eval --dataset answers --gold /work/sets/dev75.jsonl \\
        --extractor spacy --predictions /tmp/dev75.pred.jsonl
    .venv/bin/python benchmarks/relation_predicate_misses.py /work/sets/dev75.jsonl \\
        /tmp/dev75.pred.jsonl
    .venv/bin/python benchmarks/relation_predicate_misses.py GOLD PREDICTIONS --summary

``--summary`` counts the misses by ``gold predicate <- predicted predicate`` (with ``SWAP``), most
frequent first: a pattern that recurs across answers is a convention worth a rule in
``extractors/predicates.py`` (``conventional_predicate``); one-offs are not.  ``--by-type``
counts them by the gold object's entity type (DATE, NUMBER, ...; ``?`` where the gold lists no
such entity), each with its most frequent patterns: a naming rule is written for a class of
relations (a date's predicate, an attribute's key), not for one word.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from grapheme_distill.evaluation.answers import load_scorer, read_gold


def misses(
    gold_path: Path, pred_path: Path
) -> list[tuple[str, dict[str, Any], dict[str, Any], bool]]:
    """``(id, gold relation, prediction, same direction)`` for every relaxed-only pair."""
    scorer = load_scorer()
    preds = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            preds[row["id"]] = row["pred"]
    out = []
    for item in read_gold(gold_path, scorer):
        gold = scorer.coerce(item["gold"])
        pred = scorer.coerce(preds.get(item["id"], {}))
        judge = scorer.ItemScorer(gold, pred, 0.85, 0.6, 0.5, False)
        for gr in gold["relations"]:
            if any(judge._rel_match(gr, pr) >= 0.85 for pr in pred["relations"]):
                continue
            for pr in pred["relations"]:
                if judge._rel_match(gr, pr, relaxed=True) >= 0.85:
                    same = scorer._pair_sim(
                        judge.names, gr["subject"], gr["object"], pr["subject"], pr["object"], False
                    )
                    out.append((item["id"], gr, pr, same >= 0.85))
    return out


def _show(r: dict[str, Any]) -> str:
    neg = "NOT " if r["negated"] else ""
    return f"{r['subject']} |{neg}{r['predicate']}| {r['object']}"


def summary(
    found: list[tuple[str, dict[str, Any], dict[str, Any], bool]],
) -> list[tuple[str, int]]:
    """The misses counted by ``gold predicate <- predicted predicate`` (``SWAP`` when the pair was
    found upside down), most frequent first."""
    counts = Counter(
        f"{gr['predicate']} <- {pr['predicate']}{'' if same else ' SWAP'}"
        for _, gr, pr, same in found
    )
    return counts.most_common()


def by_object_type(
    gold_path: Path,
    found: list[tuple[str, dict[str, Any], dict[str, Any], bool]],
    top: int = 5,
) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """The misses counted by the gold object's entity type, most frequent first, each with its
    ``top`` most frequent ``gold <- predicted`` patterns (one count per gold relation and
    prediction, as :func:`summary`)."""
    scorer = load_scorer()
    types: dict[str, dict[str, str]] = {}
    for item in read_gold(gold_path, scorer):
        gold = scorer.coerce(item["gold"])
        types[item["id"]] = {scorer.norm_name(e["name"]): e["type"] for e in gold["entities"]}
    groups: dict[str, list[tuple[str, dict[str, Any], dict[str, Any], bool]]] = {}
    for row in found:
        kind = types.get(row[0], {}).get(scorer.norm_name(row[1]["object"]), "?")
        groups.setdefault(kind or "?", []).append(row)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(kind, len(rows), summary(rows)[:top]) for kind, rows in ranked]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--summary", action="store_true", help="counts by predicate pattern")
    parser.add_argument(
        "--by-type", action="store_true", help="counts by the gold object's entity type"
    )
    args = parser.parse_args(argv)
    found = misses(args.gold, args.predictions)
    print(f"gold relations found but misnamed: {len({(i, _show(g)) for i, g, _, _ in found})}")
    if args.by_type:
        for kind, n, patterns in by_object_type(args.gold, found):
            print(f"{n}\t{kind}\t" + "; ".join(f"{p} ({k})" for p, k in patterns))
        return 0
    if args.summary:
        for pattern, n in summary(found):
            print(f"{n}\t{pattern}")
        return 0
    for i, gr, pr, same in found:
        print(f"{i}\tG {_show(gr)}\tP {_show(pr)}\t{'same' if same else 'SWAP'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
