"""CSV and Parquet tables loaded by pandas as they are, with names beside ids."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from grapheme_distill.export import export_graph
from grapheme_distill.export._files import spreadsheet_text
from grapheme_distill.export.tables import TABLES
from grapheme_distill.store import SQLiteStore


def _read(fmt: str, folder: Path, table: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(folder / f"{table}.csv", keep_default_na=False, na_values=[""])
    return pd.read_parquet(folder / f"{table}.parquet")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_load_in_pandas_with_the_stores_counts(
    distilled: SQLiteStore, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "tables"
    report = export_graph(distilled, fmt, out)
    graph = distilled.to_knowledge_graph()
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    frames = {t: _read(fmt, out, t) for t in TABLES}
    assert len(frames["entities"]) == len(graph.entities) == report.nodes
    assert len(frames["relations"]) == len(graph.relations)
    assert len(frames["attributes"]) == len(graph.attributes)
    assert len(frames["hierarchy"]) == len(graph.hierarchy)
    assert len(frames["linguistic"]) == len(graph.linguistic)
    assert len(frames["procedures"]) == len(graph.procedures)
    assert len(frames["procedure_steps"]) == sum(len(p.steps) for p in graph.procedures.values())
    assert len(frames["evidence"]) == graph.observation_count()
    rel = frames["relations"]
    assert rel["confidence"].dtype == float and rel["negated"].dtype == bool
    # readable names beside the ids
    capital = rel[rel["predicate"] == "capital_of"]
    assert capital[["subject", "object"]].values.tolist() == [["Paris", "France"]]
    row = capital.iloc[0]
    assert graph.entities[row["subject_id"]].name == "Paris"
    assert graph.relations[row["id"]].confidence == pytest.approx(row["confidence"])
    ev = frames["evidence"]
    assert set(ev["item_id"]) == {i.id for i in graph.iter_items() if graph.evidence.get(i.id)}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_as_one_zip(distilled: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "tables.zip"
    export_graph(distilled, fmt, out)
    with zipfile.ZipFile(out) as bundle:
        assert sorted(bundle.namelist()) == sorted(f"{t}.{fmt}" for t in TABLES)
        with bundle.open(f"relations.{fmt}") as handle:
            frame = pd.read_csv(handle) if fmt == "csv" else pd.read_parquet(handle)
    assert len(frame) == len(distilled.to_knowledge_graph().relations)
    assert [p.name for p in out.parent.iterdir()] == ["tables.zip"]  # no temporary left behind


def test_a_second_export_replaces_the_first_whole(distilled: SQLiteStore, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "tables"
    export_graph(distilled, "csv", out)
    (out / "stale.csv").write_text("old")
    export_graph(distilled, "csv", out)
    assert not (out / "stale.csv").exists()
    assert sorted(p.name for p in out.parent.iterdir()) == ["tables"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("\tx", "'\tx"),
        ("-5", "-5"),
        ("+3.5e2", "+3.5e2"),
        ("Paris", "Paris"),
        ("", ""),
    ],
)
def test_spreadsheet_text_keeps_formulas_inert(text: str, shown: str) -> None:
    assert spreadsheet_text(text) == shown
