from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from grapheme_distill import DistillationConfig, InputError, InvalidConfig


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("default", (2.0, 0.5, 0.65, 1000, True, 0.1)),
        ("fast", (1.5, 0.7, 0.8, 100, False, 0.05)),
        ("quality", (3.0, 0.3, 0.5, 5000, True, 0.2)),
    ],
)
def test_presets(preset: str, expected: tuple[object, ...]) -> None:
    cfg = getattr(DistillationConfig, preset)()
    got = (
        cfg.temperature,
        cfg.distillation_weight,
        cfg.min_confidence,
        cfg.max_items_per_session,
        cfg.preserve_structure,
        cfg.compression_ratio,
    )
    assert got == expected
    assert DistillationConfig.preset(preset) == cfg


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("temperature", 0.0, "> 0"),
        ("temperature", -1.0, "> 0"),
        ("temperature", 1000.0, "<= 100"),
        ("distillation_weight", 1.5, "0.0 to 1.0"),
        ("distillation_weight", -0.1, "0.0 to 1.0"),
        ("min_confidence", 2.0, "0.0 to 1.0"),
        ("max_items_per_session", 0, ">= 1"),
        ("compression_ratio", 0.0, "> 0"),
        ("compression_ratio", 1.5, "<= 1"),
        ("temperature", "hot", "> 0"),
        ("preserve_structure", "maybe", "true or false"),
        ("no_such_field", 1, "one of"),
    ],
)
def test_invalid_values_name_field_and_range(field: str, value: object, allowed: str) -> None:
    with pytest.raises(InvalidConfig) as info:
        DistillationConfig(**{field: value})
    assert info.value.field == field
    assert field in str(info.value) and allowed in str(info.value)


def test_unknown_preset() -> None:
    with pytest.raises(InvalidConfig, match="preset"):
        DistillationConfig.preset("turbo")


def test_frozen() -> None:
    cfg = DistillationConfig()
    with pytest.raises(ValidationError):
        cfg.temperature = 5.0  # type: ignore[misc]


def test_precedence_preset_file_env_override(tmp_path: Path) -> None:
    path = tmp_path / "distill.toml"
    path.write_text(
        "[distillation]\ntemperature = 4.0\nmin_confidence = 0.5\nmax_items_per_session = 7\n"
    )
    env = {"GRAPHEME_DISTILL_MIN_CONFIDENCE": "0.55", "GRAPHEME_DISTILL_PRESERVE_STRUCTURE": "off"}
    cfg = DistillationConfig.load(
        path, preset="quality", environ=env, overrides={"max_items_per_session": "9"}
    )
    assert cfg.temperature == 4.0  # file over preset
    assert cfg.min_confidence == 0.55  # env over file
    assert cfg.preserve_structure is False  # env
    assert cfg.max_items_per_session == 9  # override over everything
    assert cfg.distillation_weight == 0.3  # from the preset


def test_top_level_toml(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("temperature = 1.25\n")
    assert DistillationConfig.load(path, environ={}).temperature == 1.25


def test_bad_toml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("temperature = 2\n[distillation\n")
    with pytest.raises(InputError) as info:
        DistillationConfig.load(path, environ={})
    assert str(path) in str(info.value) and ":2" in str(info.value)


def test_bad_env_value_is_invalid_config() -> None:
    with pytest.raises(InvalidConfig, match="temperature"):
        DistillationConfig.load(environ={"GRAPHEME_DISTILL_TEMPERATURE": "warm"})


def test_out_of_range_in_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("compression_ratio = 3\n")
    with pytest.raises(InvalidConfig, match="compression_ratio"):
        DistillationConfig.load(path, environ={})
