"""Soft-target laws, as property tests."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grapheme_distill import InvalidConfig, SoftTarget, distillation_loss
from grapheme_distill.soft_targets import log_softmax, softmax

logit_lists = st.lists(
    st.floats(min_value=-30, max_value=30, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=40,
)
temperatures = st.floats(min_value=0.05, max_value=50)


def _target(logits: list[float], t: float = 1.0) -> SoftTarget:
    return SoftTarget.from_logits(
        "slot", [f"c{i}" for i in range(len(logits))], logits, temperature=t
    )


@given(logit_lists, temperatures)
def test_probabilities_sum_to_one(logits: list[float], t: float) -> None:
    p = _target(logits, t).probabilities
    assert np.all(p >= 0)
    assert math.isclose(float(p.sum()), 1.0, abs_tol=1e-9)


@given(st.lists(st.floats(min_value=-10, max_value=10), min_size=2, max_size=20))
def test_large_temperature_tends_to_uniform(logits: list[float]) -> None:
    p = _target(logits, 1e6).probabilities
    assert np.allclose(p, 1.0 / len(logits), atol=1e-4)


@given(st.lists(st.integers(min_value=-50, max_value=50), min_size=2, max_size=20, unique=True))
def test_small_temperature_tends_to_one_hot(ints: list[int]) -> None:
    logits = [float(i) for i in ints]
    target = _target(logits, 1e-3)
    p = target.probabilities
    assert p[int(np.argmax(logits))] > 1 - 1e-6
    assert target.argmax() == f"c{int(np.argmax(logits))}"


@given(logit_lists, temperatures, temperatures)
def test_retempering_is_identity(logits: list[float], t1: float, t2: float) -> None:
    target = _target(logits, t1)
    back = target.with_temperature(t2).with_temperature(t1)
    assert np.allclose(back.probabilities, target.probabilities, atol=1e-6)


@given(logit_lists, temperatures, temperatures)
def test_retempering_round_trip_through_observed_probabilities(
    logits: list[float], t1: float, t2: float
) -> None:
    """Probabilities observed at T1, viewed at T2, re-read as probabilities observed at T2 and
    viewed at T1 again give back the T1 probabilities (as long as nothing underflowed to 0)."""
    cands = [f"c{i}" for i in range(len(logits))]
    p1 = softmax(logits, t1)
    at_t1 = SoftTarget.from_probabilities("s", cands, p1, temperature=t1)
    p2 = at_t1.with_temperature(t2).probabilities
    assume(float(p1.min()) > 1e-200 and float(p2.min()) > 1e-200)
    back = SoftTarget.from_probabilities("s", cands, p2, temperature=t2).with_temperature(t1)
    assert np.allclose(back.probabilities, p1, atol=1e-6)


@given(st.integers(min_value=1, max_value=500), temperatures)
def test_entropy_of_uniform_is_ln_n(n: int, t: float) -> None:
    target = _target([0.0] * n, t)
    assert math.isclose(target.entropy(), math.log(n), rel_tol=1e-9, abs_tol=1e-12)


@given(logit_lists, temperatures)
def test_kl_of_itself_is_zero(logits: list[float], t: float) -> None:
    target = _target(logits, t)
    assert target.kl_divergence(target) == pytest.approx(0.0, abs=1e-9)


@given(logit_lists, temperatures, st.data())
def test_kl_is_non_negative_and_scales_with_t_squared(
    logits: list[float], t: float, data: st.DataObject
) -> None:
    student = data.draw(
        st.lists(st.floats(min_value=-30, max_value=30), min_size=len(logits), max_size=len(logits))
    )
    teacher = _target(logits, t)
    kl = teacher.kl_divergence(student)
    assert kl >= 0.0
    p, q = softmax(logits, t), log_softmax(student, t)
    raw = float(np.sum(p * (np.log(np.clip(p, 1e-300, None)) - q)))
    assert kl == pytest.approx(t * t * max(raw, 0.0), rel=1e-6, abs=1e-9)


def test_softmax_is_numerically_stable_for_huge_logits() -> None:
    p = softmax([1e308, 1e308 - 1e292, -1e308])
    assert np.all(np.isfinite(p)) and math.isclose(float(p.sum()), 1.0)


def test_top_logprobs_keep_the_tail_mass() -> None:
    target = SoftTarget.from_top_logprobs(
        "The capital of France is", {" Paris": math.log(0.6), " Lyon": math.log(0.2)}
    )
    assert target.tail_mass == pytest.approx(0.2)
    assert target.as_dict()[" Paris"] == pytest.approx(0.75)  # 0.6 / 0.8
    with_tail = target.probabilities_with_tail()
    assert with_tail.tolist() == pytest.approx([0.6, 0.2, 0.2])


def test_top_logprobs_duplicates_keep_the_best() -> None:
    target = SoftTarget.from_top_logprobs("s", [("a", -1.0), ("a", -0.5), ("b", -2.0)])
    assert target.candidates == ("a", "b")


@pytest.mark.parametrize("bad", [0.0, -1.0, float("inf"), float("nan")])
def test_bad_temperature(bad: float) -> None:
    with pytest.raises(InvalidConfig):
        _target([1.0, 2.0]).with_temperature(bad)


def test_mismatched_candidates_rejected() -> None:
    with pytest.raises(ValueError):
        SoftTarget(slot="s", candidates=("a",), logits=(0.0, 1.0))


def test_distillation_loss_blends_soft_and_hard() -> None:
    teacher = _target([2.0, 1.0, 0.1], 2.0)
    student = [0.5, 0.3, 0.2]
    soft = teacher.kl_divergence(student)
    ce = -float(log_softmax(student)[0])
    assert distillation_loss(teacher, student, 0, alpha=1.0) == pytest.approx(soft)
    assert distillation_loss(teacher, student, 0, alpha=0.0) == pytest.approx(ce)
    assert distillation_loss(teacher, student, 0, alpha=0.5) == pytest.approx(0.5 * soft + 0.5 * ce)
    with pytest.raises(InvalidConfig):
        distillation_loss(teacher, student, 0, alpha=1.5)


@settings(max_examples=50)
@given(logit_lists)
def test_argmax_invariant_under_temperature(logits: list[float]) -> None:
    target = _target(logits)
    assert target.with_temperature(7.0).argmax() == target.argmax()
