"""``show`` and ``stats`` list conflicting values of functional properties (and --functional)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from grapheme_distill.cli import main
from grapheme_distill.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from knowledge_records import ent, record  # noqa: E402


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    france, paris, lyon = ent("France"), ent("Paris"), ent("Lyon")
    with open_store(path) as store:
        store.add_knowledge(record([(paris, "capital_of", france, 0.9)], source="a"))
        store.add_knowledge(record([(lyon, "capital_of", france, 0.6)], source="b"))
        store.add_knowledge(record([(paris, "mayor", ent("Anne Hidalgo"), 0.9)], source="c"))
        store.add_knowledge(record([(paris, "mayor", ent("Rachida Dati"), 0.5)], source="d"))
    return path


def test_stats_counts_and_show_lists_conflicts(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["stats", "--store", str(db)], capsys)
    assert code == 0 and "functional conflicts" in out and "capital: Paris" in out
    code, out = run(["stats", "--store", str(db), "--json"], capsys)
    data = json.loads(out)
    assert data["functional_conflicts"] == 1
    assert [s["value"] for s in data["conflicts"][0]["sides"]] == ["Paris", "Lyon"]
    code, out = run(["show", "France", "--store", str(db)], capsys)
    assert code == 0 and "conflicting values" in out and "Paris (0.90, 1 source) vs Lyon" in out
    code, out = run(["show", "Paris", "--store", str(db), "--json"], capsys)
    assert json.loads(out)["conflicts"] == []  # the conflict is France's


def test_a_users_table_adds_properties(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "f.toml"
    table.write_text('[[functional]]\nname = "mayor"\nrelations = ["mayor"]\n')
    code, out = run(
        ["show", "Paris", "--store", str(db), "--json", "--functional", str(table)], capsys
    )
    assert [c["property"] for c in json.loads(out)["conflicts"]] == ["mayor"]
    table.write_text("[[functional]]\nnom = 1\n")
    code, out = run(["stats", "--store", str(db), "--functional", str(table)], capsys)
    assert code != 0 and "f.toml" in out and "Traceback" not in out
