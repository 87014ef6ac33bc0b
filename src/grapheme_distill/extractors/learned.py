"""Small learned decisions that ship as data: a linear model over named features.

Why.  Five sessions of hand-written rules lifted the readers a lot on the answers their authors
read and little on answers nobody read: a rule encodes one layout, while whether a candidate pair
is a relation, or a noun phrase an entity, depends on many weak cues at once (the dependency path,
the entity labels, the block it sits in, the verb).  A logistic model weighs those cues from the
annotated development answers instead.  It is fitted offline by a script under ``benchmarks/``
(scikit-learn, a dev dependency) and shipped as a JSON file of feature weights, so the runtime
needs nothing beyond the standard library: a prediction is a sum over the features present.

Features are plain strings (``"path=nsubj<flow>prep>pobj"``, ``"verb=flow"``, ``"block=list"``);
a feature the model never saw weighs nothing.  The file records what it was fitted on, so a
figure measured with it can say which answers the model had seen.

File layout (``format: "linear-v1"``)::

    {"format": "linear-v1", "name": "relations", "bias": -1.2, "threshold": 0.5,
     "weights": {"verb=flow": 0.8, ...}, "fitted_on": "...", ...}
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Iterable, Mapping
from importlib.resources import files
from itertools import repeat
from pathlib import Path
from typing import Any

from grapheme_distill.errors import ConfigError

__all__ = ["FORMAT", "LinearModel", "load_linear_model", "shipped_model"]

FORMAT = "linear-v1"
_LAYOUT = frozenset({"format", "name", "bias", "threshold", "weights"})


@dataclasses.dataclass(frozen=True)
class LinearModel:
    """A fitted logistic model: ``P(yes) = sigmoid(bias + sum of the present features' weights)``.

    ``threshold`` is the probability at which the fitting script found the reader's F1 best on
    its development answers; a reader keeps a candidate at or above it.
    """

    name: str
    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5
    meta: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def logit(self, features: Iterable[str]) -> float:
        """The model's score before the sigmoid; each distinct feature counts once.

        ``math.fsum`` because the features come as a set, whose order follows the process's hash
        seed: a plain ``sum`` rounds differently in another process (a Ray worker), so one answer
        got confidences differing in the last bits and the store's digests differed between a
        distributed and a single-process run.  fsum is exact, so the order cannot matter."""
        # (``map`` over the weights' ``get`` rather than a generator: the same values summed, a
        # third less time on the ~270,000 lookups of a devread run)
        return self.bias + math.fsum(map(self.weights.get, set(features), repeat(0.0)))

    def probability(self, features: Iterable[str]) -> float:
        """The fitted probability that the candidate described by ``features`` is right."""
        z = self.logit(features)
        # Both branches are exact; the split only avoids overflow of exp() for large |z|.
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def accepts(self, features: Iterable[str]) -> bool:
        """Whether the candidate clears the model's fitted threshold."""
        return self.probability(features) >= self.threshold

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "linear model") -> LinearModel:
        """Read a model file's content.

        Raises:
            ConfigError: an unknown format or a malformed field, naming ``source``.
        """
        if data.get("format") != FORMAT:
            raise ConfigError(f"{source}: unknown model format {data.get('format')!r}")
        try:
            weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
            model = cls(
                name=str(data["name"]),
                bias=float(data["bias"]),
                weights=weights,
                threshold=float(data.get("threshold", 0.5)),
                meta={k: v for k, v in data.items() if k not in _LAYOUT},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: malformed linear model ({exc!r})") from exc
        if not 0.0 <= model.threshold <= 1.0 or not all(map(math.isfinite, weights.values())):
            raise ConfigError(f"{source}: threshold outside [0, 1] or a non-finite weight")
        return model

    def to_dict(self) -> dict[str, Any]:
        """The file content; weights sorted so a refit shows as a readable diff."""
        return {
            "format": FORMAT,
            "name": self.name,
            "bias": self.bias,
            "threshold": self.threshold,
            **self.meta,
            "weights": dict(sorted(self.weights.items())),
        }


def load_linear_model(path: str | Path) -> LinearModel:
    """Read a model file from disk.

    Raises:
        ConfigError: the file is missing, is not JSON, or is not a linear model.
    """
    where = Path(path)
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read the model file ({exc.strerror})") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: line {exc.lineno}: not JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a model file holds one JSON object")
    return LinearModel.from_dict(data, str(where))


@functools.cache
def shipped_model(name: str) -> LinearModel | None:
    """The model shipped as ``extractors/models/<name>.json``, or None when none ships.

    Cached: readers ask for it once per answer, the file is read once per process.
    """
    resource = files("grapheme_distill.extractors").joinpath("models", f"{name}.json")
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    return LinearModel.from_dict(data, f"extractors/models/{name}.json")
