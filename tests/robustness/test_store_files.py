"""The store touches no file that is not its own, reads read-only stores, and a failed start
leaves nothing behind — checked through the real command line."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from grapheme_distill.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "transcripts.jsonl"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_stats_on_another_programs_sqlite_file_refuses_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "app.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO users (name) VALUES ('ada')")
    conn.close()
    before = _digest(foreign)
    for command in (["stats"], ["failures"], ["distill", "--transcripts", str(EXAMPLE)]):
        code, _, err = _run([*command, "--store", str(foreign)], capsys)
        assert code == 1 and "Traceback" not in err and "another program" in err, err
        assert _digest(foreign) == before  # no table added, not switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"]


def test_a_read_only_store_is_read_not_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    assert (
        _run(
            [
                "distill",
                "--transcripts",
                str(EXAMPLE),
                "--store",
                str(db),
                "--no-progress",
                "--extractor",
                "rules",
            ],
            capsys,
        )[0]
        == 0
    )
    before, files = _digest(db), sorted(p.name for p in tmp_path.iterdir())
    db.chmod(stat.S_IRUSR)
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    real_access = os.access

    def access(path: object, mode: int, **kw: object) -> bool:  # a read-only mount, even for root
        inside = str(path).startswith(str(tmp_path))
        return False if inside and mode & os.W_OK else real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    try:
        code, out, err = _run(["stats", "--store", str(db), "--json"], capsys)
        assert code == 0 and "not a grapheme-distill store" not in err, err
        assert json.loads(out)["teacher_calls"] == 5
        assert _digest(db) == before
        # (root can still create the store's own -wal/-shm beside it; a real read-only mount not)
        assert {p.name for p in tmp_path.iterdir()} - {"s.db-wal", "s.db-shm"} == set(files)
    finally:
        tmp_path.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_failed_start_leaves_no_empty_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.db"
    code, _, err = _run(
        [
            "distill",
            "--topics",
            "Paris",
            "--teacher",
            "local",
            "--model",
            "no-such-model",
            "--store",
            str(db),
        ],
        capsys,
    )
    assert code != 0 and "Traceback" not in err
    assert not db.exists() and not list(tmp_path.iterdir())


def test_a_missing_topics_file_is_an_error_not_a_topic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    code, _, err = _run(
        [
            "distill",
            "--topics",
            str(tmp_path / "topcis.txt"),
            "--teacher",
            "openai",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--store",
            str(db),
        ],
        capsys,
    )
    assert code != 0 and "topcis.txt" in err and "Traceback" not in err
