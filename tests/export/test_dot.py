"""Graphviz exports: a neighbourhood as DOT that graphviz renders, and a clear error without it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from grapheme_distill.errors import ExportError
from grapheme_distill.export import export_graph
from grapheme_distill.store import SQLiteStore


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")
def test_a_neighbourhood_as_dot_and_png(distilled: SQLiteStore, tmp_path: Path) -> None:
    out = tmp_path / "paris.dot"
    report = export_graph(distilled, "dot", out, options={"entity": "paris", "hops": "1"})
    text = out.read_text()
    graph = distilled.neighbourhood(distilled.find_entities("Paris")[0].id)
    assert report.edges == sum(1 for _ in graph.iter_items()) > 3
    assert "label=<Paris>" in text and "label=<France>" in text
    assert "label=<European Union>" not in text  # two hops away (Paris, France, EU), not one
    svg = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, text=True, check=True)
    assert ">capital_of<" in svg.stdout
    two = export_graph(
        distilled, "dot", tmp_path / "two.dot", options={"entity": "Paris", "hops": "2"}
    )
    two_text = (tmp_path / "two.dot").read_text()
    assert two.nodes > report.nodes and "label=<European Union>" in two_text
    assert "label=<Germany>" not in two_text  # three hops
    png = tmp_path / "paris.png"
    export_graph(distilled, "png", png, options={"entity": "Paris"})
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_png_without_graphviz_says_what_to_install(
    distilled: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ExportError, match="install graphviz"):
        export_graph(distilled, "png", tmp_path / "g.png")
    assert list(tmp_path.glob("*.png")) == [] and list(tmp_path.glob(".g.png*")) == []


def test_unknown_entity_and_bad_hops(distilled: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no entity named 'Atlantis'"):
        export_graph(distilled, "dot", tmp_path / "g.dot", options={"entity": "Atlantis"})
    with pytest.raises(ExportError, match="hops"):
        export_graph(distilled, "dot", tmp_path / "g.dot", options={"entity": "Paris", "hops": "9"})
