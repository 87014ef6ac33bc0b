"""The progress display: the model's assembly and loading are steps of their own, then one bar
that knows its total from the start."""

from __future__ import annotations

import pytest
from rich.console import Console

from grapheme_distill.cli.distill_cmd import StatusLine, run_with_progress
from grapheme_distill.pipeline import ProgressCallback


def test_assembly_and_loading_are_their_own_steps_before_the_bar(
    capsys: pytest.CaptureFixture[str],
) -> None:
    console = Console(record=True, force_terminal=True, width=120)
    status = StatusLine()

    def run(progress: ProgressCallback | None) -> int:
        assert progress is not None
        status("assembling qwen (1000 MB) into /cache")
        status("loading the embedded model ...")
        progress(0, 10)
        progress(10, 10)
        return 7

    assert run_with_progress(run, show=True, status=status, console=console) == 7
    final = console.export_text().rstrip("\n").split("assembling qwen")[-1]
    rows = ("assembling qwen" + final).splitlines()
    assert [r.split()[0] for r in rows] == ["assembling", "loading", "distilling"]
    assert rows[0].split()[-2] == "done" and rows[1].split()[-2] == "done"
    assert "10/10" in rows[2]
    assert capsys.readouterr().err == ""  # steps are rows of the display, not loose lines
    status("after the run")  # the display is gone: status lines go to stderr again
    assert capsys.readouterr().err == "after the run\n"


def test_without_a_display_status_lines_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status = StatusLine()

    def run(progress: ProgressCallback | None) -> int:
        assert progress is None
        status("loading the embedded model ...")
        return 1

    assert run_with_progress(run, show=False, status=status) == 1
    assert capsys.readouterr().err == "loading the embedded model ...\n"
