"""Reliability table and expected calibration error."""

from __future__ import annotations

import pytest

from grapheme_distill.evaluation.calibration import calibration


def test_perfectly_calibrated_items_have_zero_ece() -> None:
    conf = [0.25] * 4 + [0.75] * 4
    correct = [True, False, False, False, True, True, True, False]
    rep = calibration(conf, correct)
    assert rep.ece == pytest.approx(0.0)
    assert rep.items == 8 and rep.accuracy == 0.5
    row = rep.bins[2]
    assert (row.count, row.mean_confidence, row.accuracy) == (4, 0.25, 0.25)


def test_overconfident_items_have_a_large_ece() -> None:
    rep = calibration([0.9] * 10, [True] * 3 + [False] * 7)
    assert rep.ece == pytest.approx(0.6)
    assert rep.mce == pytest.approx(0.6)


def test_ece_weights_bins_by_count() -> None:
    # 8 items at 0.55 all right (gap 0.45), 2 items at 0.05 all right (gap 0.95)
    rep = calibration([0.55] * 8 + [0.05] * 2, [True] * 10, n_bins=10)
    assert rep.ece == pytest.approx(0.8 * 0.45 + 0.2 * 0.95)
    assert rep.mce == pytest.approx(0.95)


def test_edges_and_empty_input() -> None:
    rep = calibration([0.0, 1.0], [False, True], n_bins=5)
    assert rep.bins[0].count == 1 and rep.bins[-1].count == 1
    assert rep.ece == 0.0
    empty = calibration([], [])
    assert empty.items == 0 and empty.ece == 0.0 and len(empty.bins) == 10
    assert "ECE" in empty.table()


@pytest.mark.parametrize(("conf", "correct"), [([0.5], []), ([1.5], [True]), ([-0.1], [True])])
def test_bad_input_is_refused(conf: list[float], correct: list[bool]) -> None:
    with pytest.raises(ValueError):
        calibration(conf, correct)
