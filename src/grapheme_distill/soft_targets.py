"""Teacher soft targets: temperature-scaled distributions for Hinton-style distillation.

A :class:`SoftTarget` keeps the teacher's *log-probabilities at temperature 1* over a list of
candidates (tokens, answers, labels) plus the temperature at which it is viewed.  Keeping the
T = 1 logits rather than tempered probabilities makes re-tempering exact and lossless:
``p_T = softmax(logits / T)``.  When the teacher only offered its top-k log-probabilities, the
missing probability mass is kept explicitly in ``tail_mass`` (the candidates are renormalised among
themselves for the distribution, but nothing pretends the tail did not exist).

The student loss this feeds is ``α·T²·KL(p_teacher,T ‖ p_student,T) + (1−α)·CE(hard label)``
(:func:`distillation_loss`); ``α`` is ``DistillationConfig.distillation_weight``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pydantic import BaseModel, ConfigDict, Field, field_validator

from grapheme_distill.errors import InvalidConfig
from grapheme_distill.model.hashing import content_hash

__all__ = ["SoftTarget", "distillation_loss", "log_softmax", "softmax"]

FloatArray = NDArray[np.float64]


def log_softmax(logits: ArrayLike, temperature: float = 1.0) -> FloatArray:
    """Numerically stable ``log softmax(logits / T)`` (the max is subtracted first)."""
    if temperature <= 0 or not math.isfinite(temperature):
        raise InvalidConfig("temperature", temperature, "a finite number > 0")
    with np.errstate(over="ignore"):  # -inf after the shift is a correct zero probability
        z = np.asarray(logits, dtype=np.float64) / temperature
        z = z - np.max(z)
        return z - np.log(np.sum(np.exp(z)))  # type: ignore[no-any-return]


def softmax(logits: ArrayLike, temperature: float = 1.0) -> FloatArray:
    """Numerically stable ``softmax(logits / T)``."""
    return np.exp(log_softmax(logits, temperature))


class SoftTarget(BaseModel):
    """The teacher's distribution over ``candidates`` for one slot (a cloze, a label, a token).

    Attributes:
        slot: what the distribution is about, e.g. the cloze prompt "The capital of France is".
        candidates: the outcomes (tokens or answers), aligned with ``logits``.
        logits: log-probabilities at T = 1, normalised over the candidates.
        temperature: the temperature the distribution is viewed at (``probabilities``).
        tail_mass: probability (at T = 1) the teacher gave to outcomes not listed; 0 when the
            candidates are exhaustive.
    """

    model_config = ConfigDict(frozen=True)

    slot: str
    candidates: tuple[str, ...]
    logits: tuple[float, ...]
    temperature: float = Field(default=1.0, gt=0)
    tail_mass: float = Field(default=0.0, ge=0.0, le=1.0)
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("logits")
    @classmethod
    def _finite(cls, v: tuple[float, ...]) -> tuple[float, ...]:
        if not v:
            raise ValueError("a soft target needs at least one candidate")
        if not all(math.isfinite(x) for x in v):
            raise ValueError("logits must be finite")
        return v

    def model_post_init(self, __context: Any) -> None:
        if len(self.candidates) != len(self.logits):
            raise ValueError(
                f"{len(self.candidates)} candidates but {len(self.logits)} logits; they must align"
            )

    # ----------------------------------------------------------------- constructors
    @classmethod
    def from_logits(
        cls, slot: str, candidates: Sequence[str], logits: ArrayLike, temperature: float = 1.0
    ) -> SoftTarget:
        """From raw logits (any scale); stored as T = 1 log-probabilities, viewed at ``temperature``."""
        lp = log_softmax(logits, 1.0)
        return cls(
            slot=slot,
            candidates=tuple(candidates),
            logits=tuple(lp.tolist()),
            temperature=temperature,
        )

    @classmethod
    def from_probabilities(
        cls,
        slot: str,
        candidates: Sequence[str],
        probabilities: ArrayLike,
        temperature: float = 1.0,
    ) -> SoftTarget:
        """From probabilities that were produced *at* ``temperature``: the T = 1 logits are
        recovered as ``T · log p`` (up to a constant), so re-tempering is exact."""
        p = np.asarray(probabilities, dtype=np.float64)
        if np.any(p < 0) or not np.isclose(p.sum(), 1.0, atol=1e-6):
            raise ValueError("probabilities must be non-negative and sum to 1")
        with np.errstate(divide="ignore"):
            logp = np.log(np.clip(p, 1e-300, None)) * temperature
        return cls(
            slot=slot,
            candidates=tuple(candidates),
            logits=tuple(log_softmax(logp, 1.0).tolist()),
            temperature=temperature,
        )

    @classmethod
    def from_top_logprobs(
        cls,
        slot: str,
        top_logprobs: Mapping[str, float] | Sequence[tuple[str, float]],
        temperature: float = 1.0,
    ) -> SoftTarget:
        """From a teacher's top-k log-probabilities (OpenAI ``top_logprobs`` layout).

        The k candidates are renormalised among themselves; the mass the teacher put elsewhere,
        ``1 − Σ exp(lpᵢ)``, is kept in ``tail_mass``.  Duplicate tokens keep their best value.
        """
        pairs = (
            list(top_logprobs.items()) if isinstance(top_logprobs, Mapping) else list(top_logprobs)
        )
        best: dict[str, float] = {}
        for tok, lp in pairs:
            if tok not in best or lp > best[tok]:
                best[tok] = float(lp)
        if not best:
            raise ValueError("no top logprobs given")
        raw = np.array(list(best.values()), dtype=np.float64)
        listed = float(np.sum(np.exp(raw)))
        return cls(
            slot=slot,
            candidates=tuple(best),
            logits=tuple(log_softmax(raw, 1.0).tolist()),
            temperature=temperature,
            tail_mass=min(1.0, max(0.0, 1.0 - listed)),
        )

    # ----------------------------------------------------------------- views
    def with_temperature(self, temperature: float) -> SoftTarget:
        """The same teacher belief viewed at another temperature (exact; T1→T2→T1 is identity)."""
        if temperature <= 0 or not math.isfinite(temperature):
            raise InvalidConfig("temperature", temperature, "a finite number > 0")
        return self.model_copy(update={"temperature": float(temperature)})

    @property
    def probabilities(self) -> FloatArray:
        """``softmax(logits / T)`` over the candidates; sums to 1."""
        return softmax(self.logits, self.temperature)

    def probabilities_with_tail(self) -> FloatArray:
        """Probabilities at T = 1 with one extra last entry for the unlisted tail mass."""
        listed = softmax(self.logits, 1.0) * (1.0 - self.tail_mass)
        return np.append(listed, self.tail_mass)

    def as_dict(self) -> dict[str, float]:
        return dict(zip(self.candidates, self.probabilities.tolist(), strict=True))

    def entropy(self) -> float:
        """Shannon entropy of ``probabilities`` in nats."""
        lp = log_softmax(self.logits, self.temperature)
        p = np.exp(lp)
        return float(-np.sum(p * lp))

    def argmax(self) -> str:
        """The most probable candidate (temperature does not change it)."""
        return self.candidates[int(np.argmax(self.logits))]

    def kl_divergence(self, student: SoftTarget | ArrayLike) -> float:
        """``T² · KL(p_teacher,T ‖ p_student,T)``.

        ``student`` is another soft target over the same candidates (viewed at this target's
        temperature) or raw student logits aligned with ``candidates``.  The T² factor keeps
        gradient magnitudes comparable across temperatures (Hinton et al., 2015).
        """
        t = self.temperature
        if isinstance(student, SoftTarget):
            if student.candidates != self.candidates:
                raise ValueError("student and teacher must share candidates in the same order")
            s_logits: ArrayLike = student.logits
        else:
            s_logits = student
        lp_t = log_softmax(self.logits, t)
        lp_s = log_softmax(s_logits, t)
        if lp_s.shape != lp_t.shape:
            raise ValueError(f"student has {lp_s.shape[0]} logits for {lp_t.shape[0]} candidates")
        kl = float(np.sum(np.exp(lp_t) * (lp_t - lp_s)))
        return t * t * max(kl, 0.0)

    @property
    def id(self) -> str:
        return content_hash("soft_target", self.slot, list(self.candidates), list(self.logits))


def distillation_loss(
    teacher: SoftTarget, student_logits: ArrayLike, hard_label: int, alpha: float
) -> float:
    """``α·T²·KL(teacher ‖ student) + (1−α)·CE(student at T = 1, hard_label)``."""
    if not 0.0 <= alpha <= 1.0:
        raise InvalidConfig("distillation_weight", alpha, "0.0 to 1.0")
    soft = teacher.kl_divergence(student_logits)
    ce = -float(log_softmax(student_logits, 1.0)[hard_label])
    return alpha * soft + (1.0 - alpha) * ce
