"""``merges`` lists the late merges of a store and ``unmerge ID`` takes one back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from grapheme_distill import EntityType
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


def test_merges_lists_and_unmerge_restores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "m.db"
    nyc, usa = ent("NYC", EntityType.LOCATION), ent("United States", EntityType.LOCATION)
    city = ent("New York City", EntityType.LOCATION, aliases=("NYC",))
    with open_store(db) as store:
        store.add_knowledge(record([(nyc, "located_in", usa, 0.6)], source="a"))
        store.add_knowledge(record([(city, "part_of", ent("New York State"), 0.9)], source="b"))
    code, out = run(["merges", "--store", str(db)], capsys)
    assert code == 0 and "NYC (LOCATION)" in out and "New York City" in out and "alias" in out
    code, out = run(["show", "NYC", "--store", str(db), "--json"], capsys)
    assert json.loads(out)["entity"]["name"] == "New York City"
    code, out = run(["unmerge", "1", "--store", str(db)], capsys)
    assert code == 0 and "merge 1 undone: NYC (LOCATION)" in out
    code, out = run(["show", "NYC", "--store", str(db), "--json"], capsys)
    assert json.loads(out)["entity"]["name"] == "NYC"
    code, out = run(["merges", "--store", str(db), "--json"], capsys)
    assert json.loads(out)[0]["undone_at"] is not None
    code, out = run(["unmerge", "1", "--store", str(db)], capsys)
    assert code != 0 and "was undone" in out and "Traceback" not in out
