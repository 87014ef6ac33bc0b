"""Confidence that means what it says: a calibration map from what produced an item to how often
such items are right.

A reader's raw score says little by itself: a key-value bullet ("**Born:** 1815") and a relation
guessed from a long sentence both came out at 0.8, and were right at very different rates.  So
every item keeps the *signals* its confidence is computed from (``Extraction.item_signals``: the
construction — which reader and pattern produced it —, the raw score, hedging, agreement, and what
its arguments are: their entity types, whether the subject is the answer's topic, where in the
answer it was read; :func:`annotate`) and gets one calibrated confidence: the expected precision of
items like it on unseen answers, fitted on the development set
(``benchmarks/data/answers/dev.jsonl``) by ``benchmarks/fit_calibration.py``.  The fitted map
ships as package data (``calibration/<extractor>.json``), so nothing is fitted at run time and
scikit-learn is only needed to re-fit.

With calibrated confidences ``min_confidence`` reads as an expected precision: every item kept at
a threshold t is expected right at least t of the time, so at the default 0.65 about 79 % of the
items kept were right on truly unseen reads, held out (82 % at 0.70, the lowest threshold whose
held-out precision there is at least 0.80; the default stays 0.65 for the main job's sake:
``DistillationConfig.min_confidence``, docs/benchmarks.md, thirty-sixth and thirty-seventh sessions).
"Unseen" is meant literally: the readers are tuned on the development answers (the gates'
aggregates included) and are more precise there, so the map is fitted with a ``seen`` feature on
today's reads of every development answer and none on the *unseen reads* — each later batch read by
the code of the commit just before the batch was merged, which had never seen it
(``fit_calibration.py --unseen-reads``, ``benchmarks/unseen_reads.py``); :func:`features` never
produces it, so an answer met at run time gets the precision of an unseen read, moved 0.4 of the way
towards a seen one (``--seen-share 0.4``: fully unseen kept too few items on the gates).  The seen
term is one per kind and construction (``--seen-terms cell``): the learned relation reader and the
table rows read far higher on the answers they were fitted or tuned on than on unseen ones.  Left out
one batch at a time on fifteen unseen reads (batches 26…40): relation ECE 0.101 (mean of the
batches; pooled 0.055), item ECE 0.083, P@0.65 0.784 (pooled 0.783), P@0.70 0.814 pooled (the
earlier ``--seen-before`` recipe: 0.132, 0.101, 0.748 at 0.65; docs/benchmarks.md).  Refit:
``benchmarks/refit_calibration.sh``.

The map also carries an output *floor* (``floor`` in the file, written by ``fit_calibration.py
--floor``): :meth:`CalibrationMap.apply` drops every item (not entities) whose calibrated confidence
is under it.  Headline micro F1 scores all that is output, and an item right with probability c
raises its expected F1 only when c > F/2 (F the micro F1: adding it adds c to the true positives
and 1 to the predictions, and 2·TP/(P+G) rises when c > TP/(P+G) = F/2); on new writers F is about
0.55–0.60, so an item under about 0.28 costs more than it brings.  The floor is a map's, because
only a map calibrated on unseen reads says c.  The shipped map carries **no** floor: the floor
rule (the floor on 0 … 0.40 with the best held-out micro F1 on the unseen reads, today's reads of
the other sets within 0.001) picked 0.30 on batches 26…36 (held out micro 0.5657 → 0.5693) and
again on 26…37 (0.5670 → 0.5701), 26…38 (0.5669 → 0.5704), 26…39 (0.5654 → 0.5686) and 26…40
(0.5649 → 0.5682), at
the cost of relations, whose own F1 of about 0.25 items at 0.15–0.30 still raised; but on
WebNLG's single sentences, where the map does not hold, it cut normalised F1 0.460 → 0.394,
under the 0.45 the extractor keeps (docs/benchmarks.md, thirty-sixth session).  For chat answers
it is one setting away: ``SpacyExtractor(floor=0.3)``, ``distill --set extractor.floor=0.3``, ``eval --set floor=0.3``.

Three map methods are read (the file says which, ``format`` versions the layout):

* ``logistic`` (format v2, what ships): a regularised logistic regression on a handful of sparse
  features (:func:`features`): the kind, the kind and construction (L2-shrunk towards the kind,
  so a construction seen five times stays near its kind's rate), hedging, and for facts whether
  the subject is the topic and a proper name, and whether the object is a common noun, a date or
  number; for every kind whether the subject is a long phrase (a clause cut as a name), whether a
  value also names an entity, and whether a definition's gloss opens without an article (a verb
  phrase cut from a bullet) — the three that separated wrong items above 0.6 on unseen dev
  answers (eighth session).  Chosen because it was the best *cross-validated* method on the development set: the
  per-construction isotonic curves it replaced were right on the answers they were fitted on and
  optimistic on others (see docs/benchmarks.md, "calibration method, cross-validated on dev").
* ``pooled``: one precision per cell, each shrunk towards its parent cell (construction → kind →
  all) by a beta prior; ``cells`` holds them.
* ``isotonic`` (format v1): monotone curves of the raw score per key, ``curves`` holds them.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from grapheme_distill.errors import ConfigError
from grapheme_distill.model.hashing import normalise_name

__all__ = [
    "FORMAT",
    "CalibrationMap",
    "annotate",
    "calibration_key",
    "cell_keys",
    "features",
    "load_calibration",
]

#: The map file layout this module writes; v1 (isotonic curves only) is still read.
FORMAT = "grapheme-distill.calibration.v2"
_FORMATS = ("grapheme-distill.calibration.v1", FORMAT)

_LAYOUT = ("format", "method_id", "curves", "cells", "weights")  # the rest of a file is meta
Signals = Mapping[str, str | float]


def calibration_key(kind: str, construction: str) -> str:
    """The specific key of an item: its kind and the first two parts of its construction
    (``list.lead.part_of`` → ``hierarchy:list.lead``)."""
    return f"{kind}:{'.'.join(construction.split('.')[:2])}"


def cell_keys(kind: str, construction: str) -> tuple[str, ...]:
    """An item's cells from the most specific to the least: ``hierarchy:list.lead.part_of``,
    ``hierarchy:list.lead``, ``hierarchy``, ``*`` (what the pooled method backs off through)."""
    parts = construction.split(".")
    keys = [f"{kind}:{'.'.join(parts[:depth])}" for depth in range(len(parts), 1, -1)]
    if len(parts) == 1:
        keys.append(f"{kind}:{construction}")
    return (*dict.fromkeys(keys), kind, "*")


# ------------------------------------------------------------------ signals of an item

_VALUE_TYPES = {"date": "DATETIME", "number": "NUMBER", "string": "STRING"}


def _entity(extraction: Any, entity_id: object) -> tuple[str, str] | None:
    entity = extraction.entities.get(entity_id) if isinstance(entity_id, str) else None
    if entity is None:
        return None
    return entity.name, str(getattr(entity.type, "value", entity.type))


_ODD = re.compile(r"[:()\[\]\"“”–—|]|^\W|\b(?:it|they|this|that|which|what)$", re.IGNORECASE)


def _odd(name: str) -> bool:
    """A name no careful reader would give a thing: markup or sentence punctuation left in it
    ("Headquarters: Geneva", "cat family (Felidae"), a dash or bullet opening it, a pronoun or
    relative word closing it ("What it") — the mark of a name cut from the wrong span."""
    return bool(_ODD.search(name.strip()))


#: A definition's gloss opens with an article or a count ("a fortified city …"); one that opens
#: with a verb or participle ("runs the controllers", "built as a cathedral in 537") is a
#: description cut from a bullet, and right less often (``linguistic.definition_bare``).
_ARTICLE = re.compile(r"(?i)^(?:a|an|the|one|any|some|each|two|three)\b")


def annotate(extraction: Any, *, text: str, prompt: str = "", topic: str | None = None) -> None:
    """Add to every item's ``extraction.item_signals`` what its arguments are (names and types
    from the finished extraction, the answer's topic, the item's place in ``text``), so that the
    map — and ``benchmarks/fit_calibration.py`` when it fits one — reads them from the signals
    alone.  Items without signals (no reader recorded a construction) are left alone."""
    topic_key = normalise_name(topic) if topic else ""
    prompt_key = f" {normalise_name(prompt)} " if prompt else ""
    length = max(1, len(text))
    names = {entity.name for entity in extraction.entities.values()}
    for item in extraction.items:
        signals = extraction.item_signals.get(item.id)
        if signals is None:
            continue
        kind = item.kind
        subject = _entity(
            extraction, getattr(item, "subject", None) or getattr(item, "entity", None)
        )
        if kind == "hierarchy":
            subject = _entity(extraction, item.parent)
        obj: tuple[str, str] | None = None
        if kind == "relation":
            obj = _entity(extraction, item.object)
        elif kind == "attribute":
            obj = (item.value, _VALUE_TYPES.get(item.datatype, "STRING"))
        elif kind == "hierarchy":
            obj = _entity(extraction, item.child)
        elif kind == "linguistic":
            obj = (item.value, "STRING")
        if subject is not None:
            key = normalise_name(subject[0])
            signals["subject_type"] = subject[1]
            signals["subject_proper"] = 1.0 if subject[0][:1].isupper() else 0.0
            signals["subject_topic"] = (
                1.0 if key and (key == topic_key or f" {key} " in prompt_key) else 0.0
            )
            signals["subject_odd"] = 1.0 if _odd(subject[0]) else 0.0
            signals["subject_words"] = float(len(subject[0].split()))
        if obj is not None:
            signals["object_type"] = obj[1]
            signals["object_words"] = float(len(obj[0].split()))
            signals["object_comma"] = 1.0 if "," in obj[0] else 0.0
            signals["object_odd"] = 1.0 if _odd(obj[0]) else 0.0
            signals["object_article"] = 1.0 if _ARTICLE.match(obj[0].strip()) else 0.0
            if kind in ("attribute", "linguistic"):  # a value that also names an entity
                signals["object_entity"] = 1.0 if obj[0] in names else 0.0
        predicate = _reader_predicate(item)
        if kind in ("relation", "attribute") and isinstance(predicate, str):
            signals["predicate_words"] = float(
                len([w for w in re.split(r"[_\s]+", predicate) if w])
            )
        if item.span is not None:
            signals["position"] = round(min(1.0, item.span[0] / length), 4)


def _reader_predicate(item: Any) -> str | None:
    """The predicate a reader gave ``item``, before any rename: the ``source_predicate``
    qualifier where a reader's canonical form or the predicate chooser renamed it, else its own
    predicate (or attribute name).  The map's predicate feature (``fact.predicate_long``) is
    counted on it so that a rename is neutral to the map: a convention's name says nothing of
    how sure the reading is, and counted on the new name a rename (``born_in_year`` ->
    ``born_on``) moved confidences where it only meant to move names (docs/benchmarks.md,
    twenty-first session, "relpred")."""
    qualifiers = getattr(item, "qualifiers", None) or {}
    source = qualifiers.get("source_predicate")
    if isinstance(source, str) and source:
        return source
    predicate = getattr(item, "predicate", None) or getattr(item, "name", None)
    return predicate if isinstance(predicate, str) else None


_FACTS = ("relation", "attribute")
_NAMED = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "EVENT", "OTHER"})


def features(kind: str, signals: Signals) -> dict[str, float]:
    """The sparse feature vector of an item for the ``logistic`` method, from its kind and
    signals.  Every feature names what it tests; a feature absent from the map weighs nothing, so
    a construction the map never saw falls back to its kind's weights.  What an item's arguments
    are is read per family (facts — relations and attributes —, hierarchy, linguistic,
    procedure), since a lower-case subject says something else of a definition than of a fact."""
    construction = str(signals.get("construction", "clause"))
    out: dict[str, float] = {
        "bias": 1.0,
        f"kind={kind}": 1.0,
        f"cell={calibration_key(kind, construction)}": 1.0,
    }
    if float(signals.get("hedged", 0.0)) > 0:
        out["hedged"] = 1.0
    if float(signals.get("agreement", 1.0)) > 1:
        out["agreement>1"] = 1.0
    family = "fact" if kind in _FACTS else kind
    flags = {
        "subject_topic": float(signals.get("subject_topic", 0.0)) > 0,
        "subject_lower": "subject_proper" in signals and float(signals["subject_proper"]) == 0,
        "subject_odd": float(signals.get("subject_odd", 0.0)) > 0,
        "object_odd": float(signals.get("object_odd", 0.0)) > 0,
        "object_long": family in ("fact", "hierarchy")
        and float(signals.get("object_words", 0.0)) >= 4,
        "subject_long": float(signals.get("subject_words", 0.0)) >= 4,
        "object_entity": float(signals.get("object_entity", 0.0)) > 0,
        "definition_bare": kind == "linguistic"
        and "definition" in construction
        and float(signals.get("object_article", 1.0)) == 0,
    }
    out.update({f"{family}.{name}": 1.0 for name, on in flags.items() if on})
    if "position" in signals:
        out[f"{family}.position"] = float(signals["position"])
    # A learned reader's own probability (``signals["model_p"]``, extractors.learned) is kept on
    # the item but is no feature: the reader models are fitted on the same development answers
    # as this map, so there it reads far surer than it is on unseen answers.  Held out on the
    # sixth batch's 19 dev answers, the map with it as a logit feature had item ECE 0.124 and
    # relation ECE 0.146, without it 0.070 and 0.065 (docs/benchmarks.md, sixth session).
    if family != "fact":
        return out
    object_type = str(signals.get("object_type", ""))
    if object_type == "CONCEPT":
        out["fact.object_concept"] = 1.0
    elif object_type in ("DATETIME", "NUMBER"):
        out["fact.object_value"] = 1.0
    elif object_type in _NAMED:
        out["fact.object_named"] = 1.0
    if float(signals.get("object_comma", 0.0)) > 0:
        out["fact.object_comma"] = 1.0
    if float(signals.get("predicate_words", 0.0)) >= 3:
        out["fact.predicate_long"] = 1.0
    return out


# ------------------------------------------------------------------ the map


@dataclass(frozen=True)
class _Curve:
    """A monotone step-linear map: ``x`` breakpoints (raw score), ``y`` precision at each."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    n: int = 0

    def __call__(self, raw: float) -> float:
        if not self.x:
            return raw
        if raw <= self.x[0]:
            return self.y[0]
        if raw >= self.x[-1]:
            return self.y[-1]
        i = bisect_right(self.x, raw) - 1
        x0, x1, y0, y1 = self.x[i], self.x[i + 1], self.y[i], self.y[i + 1]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1


@dataclass(frozen=True)
class CalibrationMap:
    """A fitted map from an item's kind and signals to its calibrated confidence.

    ``method`` says which of ``curves`` (isotonic), ``cells`` (pooled) or ``weights``
    (logistic) it reads; an empty map leaves raw scores as they are."""

    method: str = "isotonic"
    curves: dict[str, _Curve] = field(default_factory=dict)
    cells: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.curves or self.cells or self.weights)

    @property
    def floor(self) -> float:
        """The map's output floor (``floor`` in the file; 0 when it has none): items calibrated
        under it are dropped by :meth:`apply`, since an item right less often than half the micro
        F1 lowers the expected F1 (module docstring)."""
        return float(self.meta.get("floor", 0.0))

    def confidence(self, kind: str, signals: Signals) -> float:
        """The calibrated confidence of an item of ``kind`` with ``signals`` (rounded to 4
        places, within [0, 1]); the raw score when the map has nothing for it."""
        construction = str(signals.get("construction", "clause"))
        raw = float(signals.get("raw", 0.5))
        value: float | None = None
        if self.method == "logistic" and self.weights:
            z = sum(self.weights.get(f, 0.0) * v for f, v in features(kind, signals).items())
            value = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        elif self.method == "pooled" and self.cells:
            value = next(
                (self.cells[k] for k in cell_keys(kind, construction) if k in self.cells), None
            )
        else:
            for key in (calibration_key(kind, construction), kind):
                curve = self.curves.get(key)
                if curve is not None:
                    value = curve(raw)
                    break
        return round(min(1.0, max(0.0, raw if value is None else value)), 4)

    def calibrate(self, kind: str, construction: str, raw: float) -> float:
        """The calibrated confidence from the construction and raw score alone (the v1 call)."""
        return self.confidence(kind, {"construction": construction, "raw": raw})

    def apply(self, extraction: Any, floor: float | None = None) -> None:
        """Give every item of ``extraction`` with signals its calibrated confidence (in place;
        the value is also kept as the ``calibrated`` signal), then drop the items whose confidence
        is under ``floor`` (default: the map's :attr:`floor`; 0 keeps every item) with their
        signals.  Entities are not items and stay: an item under the break-even costs expected
        micro F1 (module docstring), an entity is scored on its own."""
        if self.empty:
            return
        for i, item in enumerate(extraction.items):
            signals = extraction.item_signals.get(item.id)
            if signals is None:
                continue
            value = self.confidence(item.kind, signals)
            signals["calibrated"] = value
            extraction.items[i] = item.model_copy(update={"confidence": value})
        floor = self.floor if floor is None else floor
        if floor <= 0.0:
            return
        kept = []
        for item in extraction.items:
            if item.confidence >= floor or _entity_states(extraction, item):
                kept.append(item)
            else:
                extraction.item_signals.pop(item.id, None)
        extraction.items = kept

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "calibration map") -> CalibrationMap:
        """Read a map file's content (v1 or v2).

        Raises:
            ConfigError: an unknown format or method, or a malformed entry (naming ``source``).
        """
        fmt = data.get("format", _FORMATS[0])
        method = data.get("method_id", "isotonic" if fmt == _FORMATS[0] else data.get("method"))
        if fmt not in _FORMATS or method not in ("isotonic", "pooled", "logistic"):
            raise ConfigError(f"{source}: unknown calibration format {fmt!r} / method {method!r}")
        try:
            curves = {
                k: _Curve(tuple(map(float, v["x"])), tuple(map(float, v["y"])), int(v.get("n", 0)))
                for k, v in data.get("curves", {}).items()
            }
            cells = {k: float(v["p"]) for k, v in data.get("cells", {}).items()}
            weights = {k: float(v) for k, v in data.get("weights", {}).items()}
            if not 0.0 <= float(data.get("floor", 0.0)) < 1.0:
                raise ValueError(f"floor {data['floor']!r} outside [0, 1)")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{source}: malformed calibration map ({exc})") from exc
        meta = {k: v for k, v in data.items() if k not in _LAYOUT}
        return cls(str(method), curves, cells, weights, meta)

    def to_dict(self) -> dict[str, Any]:
        counts = self.meta.get("cell_counts", {})
        out: dict[str, Any] = {"format": FORMAT, "method_id": self.method, **self.meta}
        if self.curves:
            out["curves"] = {
                k: {"x": list(c.x), "y": list(c.y), "n": c.n}
                for k, c in sorted(self.curves.items())
            }
        if self.cells:
            out["cells"] = {
                k: {"p": p, "n": counts.get(k, 0)} for k, p in sorted(self.cells.items())
            }
        if self.weights:
            out["weights"] = dict(sorted(self.weights.items()))
        return out


def _entity_states(extraction: Any, item: Any) -> bool:
    """Whether ``item`` is a linguistic item (an alias, an abbreviation …) whose value its entity
    carries among its aliases: the entity still says it when the item is dropped (it is output
    as an alias without a confidence, kept at every threshold), so the floor leaves the item, and
    its confidence, in place."""
    if item.kind != "linguistic":
        return False
    entity = extraction.entities.get(item.entity)
    value = str(item.value).casefold()
    return entity is not None and any(a.casefold() == value for a in entity.aliases)


@cache
def load_calibration(name: str = "spacy") -> CalibrationMap:
    """The shipped map for extractor ``name`` (an empty map — raw scores — when none ships)."""
    resource = files("grapheme_distill.extractors").joinpath("calibration", f"{name}.json")
    if not resource.is_file():
        return CalibrationMap()
    data = json.loads(resource.read_text(encoding="utf-8"))
    return CalibrationMap.from_dict(data, f"calibration/{name}.json")
