"""Confidence that means what it says: a calibration map from what produced an item to how often
such items are right.

A reader's raw score says little by itself: a key-value bullet ("**Born:** 1815") and a relation
guessed from a long sentence both came out at 0.8, and were right at very different rates.  So
every item keeps the *signals* its confidence is computed from (``Extraction.item_signals``: the
construction — which reader and pattern produced it —, the raw score, hedging) and gets one
calibrated confidence: the precision that items of its kind and construction reached at that raw
score on the development set (``benchmarks/data/answers/dev.jsonl``), read off a monotone map
fitted with isotonic regression by ``benchmarks/fit_calibration.py``.  The fitted map ships as
package data (``calibration/<extractor>.json``: breakpoints per key), so nothing is fitted at run
time and scikit-learn is only needed to re-fit.

With calibrated confidences ``min_confidence`` reads as an expected precision: at the default 0.7,
about 70 % or more of the items kept are right (on answers like the development set).

Keys back off from the most specific to the least: ``relation:kv`` → ``relation`` → the raw score
itself, so a construction seen too rarely to fit keeps the kind's map.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["CalibrationMap", "calibration_key", "load_calibration"]


def calibration_key(kind: str, construction: str) -> str:
    """The specific key of an item: its kind and the first two parts of its construction
    (``list.lead.part_of`` → ``hierarchy:list.lead``)."""
    return f"{kind}:{'.'.join(construction.split('.')[:2])}"


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
    """Per-key curves; :meth:`calibrate` applies the most specific one that was fitted."""

    curves: dict[str, _Curve] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def calibrate(self, kind: str, construction: str, raw: float) -> float:
        for key in (calibration_key(kind, construction), kind):
            curve = self.curves.get(key)
            if curve is not None:
                return round(min(1.0, max(0.0, curve(raw))), 4)
        return round(raw, 4)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CalibrationMap:
        curves = {
            k: _Curve(tuple(v["x"]), tuple(v["y"]), int(v.get("n", 0)))
            for k, v in data.get("curves", {}).items()
        }
        return cls(curves, {k: v for k, v in data.items() if k != "curves"})

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.meta,
            "curves": {
                k: {"x": list(c.x), "y": list(c.y), "n": c.n}
                for k, c in sorted(self.curves.items())
            },
        }


@cache
def load_calibration(name: str = "spacy") -> CalibrationMap:
    """The shipped map for extractor ``name`` (an empty map — raw scores — when none ships)."""
    resource = files("grapheme_distill.extractors").joinpath("calibration", f"{name}.json")
    if not resource.is_file():
        return CalibrationMap()
    return CalibrationMap.from_dict(json.loads(resource.read_text(encoding="utf-8")))
