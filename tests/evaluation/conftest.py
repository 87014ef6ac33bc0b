"""Shared helpers for the evaluation tests: paths into ../shared/data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def webnlg_dir(shared_data: Path) -> Path:
    return shared_data / "webnlg2020"


@pytest.fixture
def dbpedia_dir(shared_data: Path) -> Path:
    return shared_data / "text2kgbench" / "dbpedia_webnlg"


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[[list[str]], tuple[int, str]]:
    """Run ``grapheme-distill ARGV`` in-process; returns (exit code, stdout)."""
    from grapheme_distill.cli import main

    def run(argv: list[str]) -> tuple[int, str]:
        capsys.readouterr()  # drop earlier output
        code = 0
        try:
            main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
        return code, capsys.readouterr().out

    return run
