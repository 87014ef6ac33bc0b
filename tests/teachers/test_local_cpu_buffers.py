"""llama.cpp's extra CPU buffer types are off where the CPU reports AMX (they segfault there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from grapheme_distill.teachers.local.cpu_buffers import (
    ENV,
    extra_buffers_wanted,
    model_defaults,
    reports_amx,
)

AMX = "processor\t: 0\nflags\t\t: fpu sse2 avx512f amx_bf16 amx_tile amx_int8\n"
NO_AMX = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f\nbugs\t\t: amx_tile_like\n"


def test_amx_is_read_from_the_flags_line_only() -> None:
    assert reports_amx(AMX)
    assert not reports_amx(NO_AMX)
    assert not reports_amx("")


def test_extra_buffers_are_off_on_an_amx_cpu_unless_the_environment_says(tmp_path: Path) -> None:
    amx, plain = tmp_path / "amx", tmp_path / "plain"
    amx.write_text(AMX)
    plain.write_text(NO_AMX)
    assert not extra_buffers_wanted({}, amx)
    assert extra_buffers_wanted({}, plain)
    assert extra_buffers_wanted({ENV: "1"}, amx)
    assert not extra_buffers_wanted({ENV: "0"}, plain)
    assert extra_buffers_wanted({}, tmp_path / "missing")  # no cpuinfo: llama.cpp's defaults


def test_the_real_default_parameters_are_swapped_only_inside_the_block() -> None:
    module = pytest.importorskip("llama_cpp.llama_cpp")
    if not hasattr(module.llama_model_default_params(), "use_extra_bufts"):
        pytest.skip("this llama-cpp-python has no extra buffer types to turn off")
    before = module.llama_model_default_params
    assert module.llama_model_default_params().use_extra_bufts
    with model_defaults(module, extra_buffers=False):
        assert not module.llama_model_default_params().use_extra_bufts
    assert module.llama_model_default_params is before
    with model_defaults(module, extra_buffers=True):
        assert module.llama_model_default_params is before


def test_the_swap_is_undone_when_the_constructor_fails() -> None:
    module = pytest.importorskip("llama_cpp.llama_cpp")
    before = module.llama_model_default_params
    with pytest.raises(RuntimeError), model_defaults(module, extra_buffers=False):
        raise RuntimeError("model did not load")
    assert module.llama_model_default_params is before
