"""A distill run that fails before storing anything leaves no store file behind (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from grapheme_distill.cli import main


def test_distill_with_a_teacher_that_cannot_start_leaves_no_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    topics = tmp_path / "topics.txt"
    topics.write_text("Paris\n")
    store = tmp_path / "new.db"
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "distill",
                "--topics",
                str(topics),
                "--teacher",
                "local",
                "--model",
                "nonexistent",
                "--store",
                str(store),
                "--no-progress",
            ]
        )
    assert exited.value.code != 0
    assert "nonexistent" in capsys.readouterr().err  # the reason is said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["topics.txt"]  # no new.db, -wal, -shm
