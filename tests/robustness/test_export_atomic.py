"""json and graphml exports: atomic under a full disk, well-formed for any label."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest

from grapheme_distill.export import export_graph
from grapheme_distill.extractors import RuleExtractor
from grapheme_distill.pipeline import distill_transcripts
from grapheme_distill.store import open_store

HOSTILE_NAMES = ["Null\x00Byte", "Esc\x1b[31mape", "[/nope] markup", "<b>&amp;</b>", "\ufffe"]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store whose entity names hold what XML cannot (from an ordinary transcript)."""
    lines = [
        {
            "id": f"h{i}",
            "prompt": f"Tell me about {name}.",
            "response": f"{name} is located in France. Paris is the capital of France.",
        }
        for i, name in enumerate(HOSTILE_NAMES)
    ]
    transcript = tmp_path / "t.jsonl"
    transcript.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "s.db"
    store = open_store(db)
    try:
        distill_transcripts([transcript], store, extractor=RuleExtractor())
    finally:
        store.close()
    return db


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_exports_are_well_formed_for_any_label(store_path: Path, tmp_path: Path, fmt: str) -> None:
    store = open_store(store_path)
    out = tmp_path / f"g.{fmt}"
    try:
        report = export_graph(store, fmt, out)
    finally:
        store.close()
    assert report.nodes > 0
    if fmt == "graphml":
        graph = nx.read_graphml(out)
        labels = {data.get("label", "") for _, data in graph.nodes(data=True)}
        assert any("\ufffd" in label for label in labels)  # the loss is visible, not silent
    else:
        entities = json.loads(out.read_text(encoding="utf-8"))["entities"]
        names = {e["name"] for e in (entities.values() if isinstance(entities, dict) else entities)}
        assert "Paris" in names


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_a_full_disk_leaves_the_old_export_untouched(
    store_path: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"g.{fmt}"
    out.write_text("the previous export\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from grapheme_distill.export import export_graph
        from grapheme_distill.store import open_store
        store = open_store({str(store_path)!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))  # the disk is full after 300 bytes
        try:
            export_graph(store, {fmt!r}, {str(out)!r})
        except Exception as exc:
            print(type(exc).__name__, exc)
            sys.exit(3)
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["g." + fmt, "s.db", "t.jsonl", *(p.name for p in tmp_path.glob("s.db-*"))]
    )
