"""``distill --vocabulary FILE`` maps relations onto a user's predicates; ``show``/``stats
--vocabulary FILE`` flag its functional ones; a bad file is one line naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill.cli import main

VOCAB = """\
[[relation]]
name = "directed_by"
surface = ["helmed by"]
inverse = ["direct"]
functional = true
"""
DOC = "Jaws was helmed by Steven Spielberg. Jaws was directed by Michael Bay.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def _distill(tmp_path: Path, vocab: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    (tmp_path / "vocab.toml").write_text(vocab, encoding="utf-8")
    (tmp_path / "film.md").write_text(DOC, encoding="utf-8")
    return run(
        [
            "distill",
            "--documents",
            str(tmp_path / "film.md"),
            "--store",
            str(tmp_path / "g.db"),
            "--extractor",
            "spacy",
            "--vocabulary",
            str(tmp_path / "vocab.toml"),
            "--set",
            "min_confidence=0.3",
            "--json",
        ],
        capsys,
    )


def test_distill_maps_onto_the_file_and_show_flags_its_functional_predicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _distill(tmp_path, VOCAB, capsys)
    assert code == 0, out
    db, vocab = str(tmp_path / "g.db"), str(tmp_path / "vocab.toml")
    code, out = run(["show", "Jaws", "--store", db, "--json", "--vocabulary", vocab], capsys)
    assert code == 0, out
    shown = json.loads(out)
    relations = [i for i in shown["items"] if i["kind"] == "relation"]
    assert {r["predicate"] for r in relations} == {"directed_by"}
    assert "helmed_by" in {r["qualifiers"]["source_predicate"] for r in relations}  # as written
    conflicts = shown["conflicts"]
    assert [c["property"] for c in conflicts] == ["directed_by"]
    assert sorted(s["value"] for s in conflicts[0]["sides"]) == ["Michael Bay", "Steven Spielberg"]
    code, out = run(["stats", "--store", db, "--json", "--vocabulary", vocab], capsys)
    assert json.loads(out)["functional_conflicts"] == 1
    code, out = run(["stats", "--store", db, "--json"], capsys)  # without it: no such property
    assert json.loads(out)["functional_conflicts"] == 0


def test_a_bad_vocabulary_file_is_one_line_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _distill(tmp_path, VOCAB.replace("functional = true", "functional = maybe"), capsys)
    assert code != 0
    assert f"{tmp_path / 'vocab.toml'}:5:" in out and "Traceback" not in out
    assert not (tmp_path / "g.db").exists()  # refused before anything was opened
