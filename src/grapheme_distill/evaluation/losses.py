"""Where an extractor loses: every gold and every predicted triple put into one loss class.

A precision/recall figure says how much is lost, not where; improving an extractor needs the
where.  :func:`explain_losses` takes the same gold and predicted triples the normalised mode scores
(:func:`~grapheme_distill.evaluation.scoring.score_fuzzy`) and uses the same rules, so its
``matched`` count *is* that mode's true positives: triples are compared through
:func:`~grapheme_distill.evaluation.scoring.normalise_triple` and
:func:`~grapheme_distill.evaluation.scoring.same_entity`, and the one-to-one match comes from
:func:`~grapheme_distill.evaluation.scoring.fuzzy_match_triples`.  Every gold triple the match
leaves over is then compared, element by element, with *all* predictions of its text (a
prediction that matched another gold triple still shows what the extractor made of this one —
e.g. one relation where the gold has two), and put into the closest class, tried in this order:
subject and object right but predicate wrong; subject and object swapped (any predicate); subject
and predicate right, object wrong; subject found, the rest wrong; the gold subject is not the
subject of any prediction.  Every unmatched prediction is classified the same way against its
text's gold, and when its subject is no gold subject at all, by whether its predicate is one the
text's gold uses (a wrong entity) or not (nothing the gold asserts).  Predicate confusions count
gold label → predicted label over the "predicate wrong" gold triples (the closest prediction,
unmatched ones preferred); they are what a predicate mapper gets wrong.  Samples of every class are
spread evenly over its occurrences (not the first N, which would all come from the first category)
and everything is deterministic: same input, same report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from grapheme_distill.evaluation.datasets import Triple
from grapheme_distill.evaluation.scoring import fuzzy_match_triples, normalise_triple, same_entity

__all__ = [
    "GOLD_CLASSES",
    "PREDICTED_CLASSES",
    "LossReport",
    "LossSample",
    "explain_losses",
]

#: loss classes of a gold triple, closest first, with the label the table prints.
GOLD_CLASSES: dict[str, str] = {
    "matched": "matched",
    "predicate_wrong": "subject + object right, predicate wrong",
    "swapped": "subject/object swapped",
    "object_wrong": "subject + predicate right, object wrong",
    "subject_only": "subject found, rest wrong",
    "subject_missing": "subject never a subject of any prediction",
    "repeated": "repeats a gold triple whose prediction matched",
}

#: loss classes of a predicted triple, closest first, with the label the table prints.
PREDICTED_CLASSES: dict[str, str] = {
    "matched": "matched",
    "predicate_wrong": "subject + object of a gold triple, predicate wrong",
    "swapped": "subject/object of a gold triple swapped",
    "object_wrong": "subject + predicate of a gold triple, object wrong",
    "subject_only": "subject is a gold subject, rest wrong",
    "wrong_subject": "subject not a gold subject, predicate in gold",
    "off_gold": "subject not a gold subject, predicate not in gold",
    "redundant": "repeats a gold triple another prediction matched",
}

# how one gold triple relates to one predicted triple, closest first
_SAME, _PREDICATE, _SWAPPED, _OBJECT, _SUBJECT, _NONE = range(6)
_GOLD_BY_RELATION = (
    "repeated",
    "predicate_wrong",
    "swapped",
    "object_wrong",
    "subject_only",
    "subject_missing",
)
_PRED_BY_RELATION = ("redundant", "predicate_wrong", "swapped", "object_wrong", "subject_only")
_TEXT_CHARS = 500  # a sample's text is cut here so a report of long documents stays readable
_CLOSEST = 3

_Key = tuple[str, str, str]


def _relation(g: _Key, p: _Key) -> int:
    """How close prediction ``p`` comes to gold ``g`` (normalised keys): one of ``_SAME`` ..."""
    subject = same_entity(g[0], p[0])
    obj = same_entity(g[2], p[2])
    predicate = g[1] == p[1]
    if subject and obj:
        return _SAME if predicate else _PREDICATE
    if same_entity(g[0], p[2]) and same_entity(g[2], p[0]):
        return _SWAPPED
    if subject:
        return _OBJECT if predicate else _SUBJECT
    return _NONE


def _similarity(a: _Key, b: _Key) -> float:
    """Element-wise string similarity, only to order equally close triples in samples."""
    return sum(fuzz.ratio(x, y) for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class LossSample:
    """One classified triple with its text and the closest triples of the other side.

    Attributes:
        id: the example id (``Id17``) or ``#<index>`` when no ids were given.
        text: the input text (cut at 500 characters).
        triple: the gold triple (gold classes) or the predicted one (predicted classes).
        closest: up to three triples of the other side, closest first.
    """

    id: str
    text: str
    triple: Triple
    closest: tuple[Triple, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "triple": list(self.triple),
            "closest": [list(t) for t in self.closest],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LossSample:
        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            triple=Triple(*data["triple"]),
            closest=tuple(Triple(*t) for t in data["closest"]),
        )


def _shares(counts: Mapping[str, int], total: int) -> dict[str, float]:
    return {k: (v / total if total else 0.0) for k, v in counts.items()}


@dataclass
class LossReport:
    """Counts, shares, predicate confusions and samples of the loss classes.

    ``gold`` shares are over all gold triples (``matched`` is the normalised recall),
    ``predicted`` shares over all predicted triples (``matched`` is the normalised precision).
    """

    texts: int
    gold_triples: int
    predicted_triples: int
    gold: dict[str, int]
    predicted: dict[str, int]
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    gold_samples: dict[str, list[LossSample]] = field(default_factory=dict)
    predicted_samples: dict[str, list[LossSample]] = field(default_factory=dict)

    @property
    def gold_shares(self) -> dict[str, float]:
        return _shares(self.gold, self.gold_triples)

    @property
    def predicted_shares(self) -> dict[str, float]:
        return _shares(self.predicted, self.predicted_triples)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; :meth:`from_dict` reads it back."""

        def side(
            counts: dict[str, int], total: int, labels: dict[str, str]
        ) -> dict[str, dict[str, Any]]:
            shares = _shares(counts, total)
            return {
                k: {"label": labels[k], "count": v, "share": shares[k]} for k, v in counts.items()
            }

        return {
            "mode": "normalised",
            "texts": self.texts,
            "gold_triples": self.gold_triples,
            "predicted_triples": self.predicted_triples,
            "gold": side(self.gold, self.gold_triples, GOLD_CLASSES),
            "predicted": side(self.predicted, self.predicted_triples, PREDICTED_CLASSES),
            "predicate_confusions": [
                {"gold": g, "predicted": p, "count": n} for g, p, n in self.confusions
            ],
            "samples": {
                "gold": {k: [s.to_dict() for s in v] for k, v in self.gold_samples.items()},
                "predicted": {
                    k: [s.to_dict() for s in v] for k, v in self.predicted_samples.items()
                },
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LossReport:
        """The report :meth:`to_dict` wrote (e.g. the ``losses`` section of an eval report)."""
        samples = data.get("samples", {})
        return cls(
            texts=int(data["texts"]),
            gold_triples=int(data["gold_triples"]),
            predicted_triples=int(data["predicted_triples"]),
            gold={k: int(v["count"]) for k, v in data["gold"].items()},
            predicted={k: int(v["count"]) for k, v in data["predicted"].items()},
            confusions=[
                (str(c["gold"]), str(c["predicted"]), int(c["count"]))
                for c in data.get("predicate_confusions", [])
            ],
            gold_samples={
                k: [LossSample.from_dict(s) for s in v] for k, v in samples.get("gold", {}).items()
            },
            predicted_samples={
                k: [LossSample.from_dict(s) for s in v]
                for k, v in samples.get("predicted", {}).items()
            },
        )

    def table(self, confusions: int = 10) -> str:
        """The breakdown as aligned text: both sides, then the top predicate confusions."""
        head = f"where the {self.gold_triples:,} gold triples of {self.texts:,} texts went"
        lines = [f"{head} (normalised mode)"]
        for k, share in self.gold_shares.items():
            lines.append(f"  {GOLD_CLASSES[k]:<52}{self.gold[k]:>7,}  {100 * share:5.1f} %")
        lines.append(f"where the {self.predicted_triples:,} predicted triples went")
        for k, share in self.predicted_shares.items():
            lines.append(
                f"  {PREDICTED_CLASSES[k]:<52}{self.predicted[k]:>7,}  {100 * share:5.1f} %"
            )
        if self.confusions and confusions > 0:
            lines.append("top predicate confusions (gold -> predicted)")
            lines += [f"  {n:>5}  {g} -> {p}" for g, p, n in self.confusions[:confusions]]
        return "\n".join(lines)

    def samples_text(self, per_class: int | None = None) -> str:
        """The samples, class by class (at most ``per_class`` each), for a terminal."""

        def show(t: Triple) -> str:
            return f"({t.subject} | {t.predicate} | {t.object})"

        lines: list[str] = []
        for side, labels, other, by_class in (
            ("gold", GOLD_CLASSES, "predicted", self.gold_samples),
            ("predicted", PREDICTED_CLASSES, "gold", self.predicted_samples),
        ):
            for k, samples in by_class.items():
                if not samples:
                    continue
                lines.append(f"[{side}: {labels[k]}]")
                for s in samples[:per_class]:
                    lines.append(f"  {s.id}  {side} {show(s.triple)}")
                    lines.append(f"      text: {s.text}")
                    closest = "; ".join(show(t) for t in s.closest) or "(none)"
                    lines.append(f"      closest {other}: {closest}")
        return "\n".join(lines)


def _spread(items: list[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """``k`` items spread evenly over ``items`` (deterministic)."""
    n = len(items)
    k = min(k, n)
    return [items[(i * n) // k] for i in range(k)] if k > 0 else []


def explain_losses(
    gold: Sequence[Sequence[Triple]],
    predicted: Sequence[Sequence[Triple]],
    *,
    ids: Sequence[str] | None = None,
    texts: Sequence[str] | None = None,
    samples: int = 5,
    confusions: int = 20,
) -> LossReport:
    """Classify every gold and every predicted triple (see the module docstring for the rules).

    Args:
        gold: the gold triples of each text.
        predicted: each text's predicted triples, most confident first (as scored: the order
            decides the one-to-one match exactly as in ``score_fuzzy``).
        ids: example ids for the samples (default ``#0``, ``#1`` ...).
        texts: the input texts for the samples (default empty).
        samples: keep up to this many samples per class, spread over the run.
        confusions: keep this many of the most frequent predicate confusions.

    Returns:
        The :class:`LossReport`.

    Raises:
        ValueError: when the sequences do not have one entry per text.
    """
    n = len(gold)
    for name, seq in (("predicted", predicted), ("ids", ids), ("texts", texts)):
        if seq is not None and len(seq) != n:
            raise ValueError(f"{n} gold entries but {len(seq)} {name} entries")
    gold_counts = dict.fromkeys(GOLD_CLASSES, 0)
    pred_counts = dict.fromkeys(PREDICTED_CLASSES, 0)
    gold_where: dict[str, list[tuple[int, int]]] = {k: [] for k in GOLD_CLASSES}
    pred_where: dict[str, list[tuple[int, int]]] = {k: [] for k in PREDICTED_CLASSES}
    pairs: Counter[tuple[str, str]] = Counter()
    closest_gold: dict[tuple[int, int], tuple[Triple, ...]] = {}
    closest_pred: dict[tuple[int, int], tuple[Triple, ...]] = {}

    for i, (g_triples, p_triples) in enumerate(zip(gold, predicted, strict=True)):
        g_keys = [normalise_triple(t) for t in g_triples]
        p_keys = [normalise_triple(t) for t in p_triples]
        match = fuzzy_match_triples(g_triples, p_triples, labelled=True)
        matched_gold = {j for j in match if j is not None}
        free = [m is None for m in match]  # predictions the one-to-one match left unused
        rel = [[_relation(g, p) for p in p_keys] for g in g_keys]  # rel[gold][pred]
        gold_predicates = {g[1] for g in g_keys}

        for j, g in enumerate(g_keys):
            cls = "matched" if j in matched_gold else _GOLD_BY_RELATION[min(rel[j], default=_NONE)]
            gold_counts[cls] += 1
            gold_where[cls].append((i, j))
            order = sorted(
                range(len(p_keys)),
                key=lambda q: (rel[j][q], not free[q], -_similarity(g, p_keys[q]), q),
            )
            closest_pred[(i, j)] = tuple(p_triples[q] for q in order[:_CLOSEST])
            if cls == "predicate_wrong":
                pairs[(g_triples[j].predicate, p_triples[order[0]].predicate)] += 1

        for q, p in enumerate(p_keys):
            if match[q] is not None:
                cls = "matched"
            else:
                best = min((rel[j][q] for j in range(len(g_keys))), default=_NONE)
                if best != _NONE:
                    cls = _PRED_BY_RELATION[best]
                else:
                    cls = "wrong_subject" if p[1] in gold_predicates else "off_gold"
            pred_counts[cls] += 1
            pred_where[cls].append((i, q))
            order = sorted(
                range(len(g_keys)), key=lambda j: (rel[j][q], -_similarity(g_keys[j], p), j)
            )
            closest_gold[(i, q)] = tuple(g_triples[j] for j in order[:_CLOSEST])

    def sample(where: tuple[int, int], triple: Triple, closest: tuple[Triple, ...]) -> LossSample:
        i = where[0]
        return LossSample(
            id=ids[i] if ids is not None else f"#{i}",
            text=(texts[i] if texts is not None else "")[:_TEXT_CHARS],
            triple=triple,
            closest=closest,
        )

    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    return LossReport(
        texts=n,
        gold_triples=sum(gold_counts.values()),
        predicted_triples=sum(pred_counts.values()),
        gold=gold_counts,
        predicted=pred_counts,
        confusions=[(g, p, c) for (g, p), c in ranked[:confusions]],
        gold_samples={
            k: [sample(w, gold[w[0]][w[1]], closest_pred[w]) for w in _spread(v, samples)]
            for k, v in gold_where.items()
        },
        predicted_samples={
            k: [sample(w, predicted[w[0]][w[1]], closest_gold[w]) for w in _spread(v, samples)]
            for k, v in pred_where.items()
        },
    )
