"""Confidence calibration: does an item's confidence say how often such items are right?

Items are binned by confidence into equal-width bins over [0, 1]; for each bin the reliability
table gives the count, the mean confidence and the observed accuracy.  The expected calibration
error (ECE) is the count-weighted mean gap ``Σ (n_b / N) · |accuracy_b − confidence_b|``, and the
maximum calibration error (MCE) the largest gap of a non-empty bin.  A well-calibrated extractor
has accuracy ≈ confidence in every bin; an extractor that says 0.9 for everything and is right
30 % of the time has an ECE near 0.6.  Equal-width bins are the usual choice (Guo et al., 2017) and
keep the table readable; empty bins are reported with zero count rather than hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CalibrationBin", "CalibrationReport", "calibration"]


@dataclass(frozen=True)
class CalibrationBin:
    """One row of the reliability table: items whose confidence falls in [lower, upper)."""

    lower: float
    upper: float
    count: int
    mean_confidence: float
    accuracy: float


@dataclass
class CalibrationReport:
    """Reliability table plus expected and maximum calibration error."""

    bins: list[CalibrationBin] = field(default_factory=list)
    ece: float = 0.0
    mce: float = 0.0
    items: int = 0
    mean_confidence: float = 0.0
    accuracy: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "ece": self.ece,
            "mce": self.mce,
            "items": self.items,
            "mean_confidence": self.mean_confidence,
            "accuracy": self.accuracy,
            "bins": [vars(b) for b in self.bins],
        }

    def table(self) -> str:
        """The reliability table as aligned text (for the CLI)."""
        lines = ["  bin          n   mean conf  accuracy"]
        for b in self.bins:
            lines.append(
                f"  [{b.lower:.1f}, {b.upper:.1f})  {b.count:6d}  {b.mean_confidence:9.3f}  "
                f"{b.accuracy:8.3f}"
            )
        lines.append(f"  ECE {self.ece:.3f}   MCE {self.mce:.3f}   items {self.items}")
        return "\n".join(lines)


def calibration(
    confidences: Sequence[float], correct: Sequence[bool], *, n_bins: int = 10
) -> CalibrationReport:
    """Reliability table and ECE of ``confidences`` against ``correct`` (same length).

    Raises:
        ValueError: if the sequences differ in length, ``n_bins`` < 1 or a confidence is outside
            [0, 1] (a bug in the extractor that produced it, not something to clip silently).
    """
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} correctness flags")
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    sums = [[0, 0.0, 0] for _ in range(n_bins)]  # count, confidence sum, correct count
    for c, ok in zip(confidences, correct, strict=True):
        if not 0.0 <= c <= 1.0:
            raise ValueError(f"confidence {c!r} is outside [0, 1]")
        i = min(int(c * n_bins), n_bins - 1)  # 1.0 falls in the last bin
        sums[i][0] += 1
        sums[i][1] += c
        sums[i][2] += int(ok)
    n = len(confidences)
    bins: list[CalibrationBin] = []
    ece = mce = 0.0
    for i, (count, conf_sum, hits) in enumerate(sums):
        mean_c = conf_sum / count if count else 0.0
        acc = hits / count if count else 0.0
        bins.append(CalibrationBin(i / n_bins, (i + 1) / n_bins, int(count), mean_c, acc))
        if count:
            gap = abs(acc - mean_c)
            ece += count / n * gap
            mce = max(mce, gap)
    return CalibrationReport(
        bins=bins,
        ece=ece,
        mce=mce,
        items=n,
        mean_confidence=(sum(confidences) / n) if n else 0.0,
        accuracy=(sum(bool(x) for x in correct) / n) if n else 0.0,
    )
