"""Where llama.cpp may put the model's weights on the CPU, and the placement that crashes.

llama.cpp (as built by llama-cpp-python 0.3.x) places weights in "extra" CPU buffer types when the
CPU supports them: Intel AMX tiles and repacked layouts for the wider SIMD kernels. On CPUs that
report AMX (Sapphire Rapids and later, the machines this project is developed and tested on) the
AMX buffer type segfaults on the first decode with llama-cpp-python 0.3.36 — with one thread and a
one-line prompt — and a segfault kills the whole process: no exception reaches the teacher, the
session or a test. Turning the extra buffer types off (``use_extra_bufts``) decodes correctly.

``Llama`` takes no argument for it: its constructor builds its model parameters from
``llama_cpp.llama_model_default_params()``. So :func:`model_defaults` swaps that function for the
few lines of the constructor call, under a lock, and puts it back. Off only where the CPU reports
AMX (elsewhere the repacked kernels are faster and work), or as ``$GRAPHEME_DISTILL_LLAMA_EXTRA_BUFFERS``
says (``0`` off, ``1`` on) for a CPU this check misjudges.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ENV = "GRAPHEME_DISTILL_LLAMA_EXTRA_BUFFERS"
_AMX_FLAGS = frozenset({"amx_tile", "amx_int8", "amx_bf16"})
_SWAP = threading.Lock()


def reports_amx(cpuinfo: str) -> bool:
    """Whether a ``/proc/cpuinfo`` text lists an AMX feature among a processor's flags."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags" and _AMX_FLAGS.intersection(value.split()):
            return True
    return False


def extra_buffers_wanted(
    env: dict[str, str] | None = None, cpuinfo: Path = Path("/proc/cpuinfo")
) -> bool:
    """Whether llama.cpp may use its extra CPU buffer types here (see the module docstring)."""
    setting = (os.environ if env is None else env).get(ENV, "").strip()
    if setting in {"0", "1"}:
        return setting == "1"
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: no AMX check, llama.cpp's defaults
        return True
    return not reports_amx(text)


@contextmanager
def model_defaults(llama_module: Any, *, extra_buffers: bool) -> Iterator[None]:
    """Within the block, ``llama_module.llama_model_default_params()`` (the function ``Llama``
    builds its parameters from) returns parameters with ``use_extra_bufts`` as asked."""
    if extra_buffers:
        yield
        return
    with _SWAP:
        original: Callable[[], Any] = llama_module.llama_model_default_params

        def without_extra_buffers() -> Any:
            params = original()
            params.use_extra_bufts = False
            return params

        llama_module.llama_model_default_params = without_extra_buffers
        try:
            yield
        finally:
            llama_module.llama_model_default_params = original
