"""Every README command after the first two runs as written, in order, on a copy of the checkout.

The first two commands (set-up + main job, and the test command that runs this very test) are
run by users and CI themselves.  A line that needs something a test machine cannot have says so
in the README itself with a trailing ``# needs: …`` comment (an API key, or minutes of the
embedded model, which the slow tests cover) and is skipped here, as are ``pip install`` lines (the
test command installed every extra already, and an editable install from the copy would re-point
the venv at it); everything else must exit 0.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_commands(text: str) -> list[str]:
    """The command lines of the README's ```bash blocks after the first two, in order."""
    blocks = [body for lang, body in _FENCE.findall(text) if lang == "bash"]
    lines: list[str] = []
    for body in blocks[2:]:
        lines.extend(
            line for line in body.splitlines() if line.strip() and not line.startswith("#")
        )
    return lines


def test_readme_opens_with_the_two_commands() -> None:
    blocks = [body.strip() for lang, body in _FENCE.findall((ROOT / "README.md").read_text())]
    assert blocks[0].startswith("python3.11 -m venv .venv && ") and "distill" in blocks[0]
    assert blocks[1].startswith("python3.11 -m venv .venv && ") and "pytest" in blocks[1]


@pytest.mark.slow
def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    work = tmp_path / "repo"
    work.mkdir()
    for name in ("examples", "docs", "benchmarks", ".venv"):
        (work / name).symlink_to(ROOT / name)
    (tmp_path / "shared").symlink_to(SHARED)
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("OPENAI_API_KEY", None)
    ran = 0
    for line in readme_commands((ROOT / "README.md").read_text()):
        if "# needs:" in line or line.startswith(".venv/bin/pip install"):
            continue  # see the module docstring
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", line],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, (
            f"README command failed: {line}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )
        assert "Traceback" not in done.stderr, line
        ran += 1
    assert ran >= 20
    assert (work / "out" / "distill.grapheme.json").is_file()
