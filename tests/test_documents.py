"""Text -> graph from your own files: distill_documents and distill --documents."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "crawl"))

from knowledge_server import KnowledgeServer

from grapheme_distill.cli import cli
from grapheme_distill.errors import InputError
from grapheme_distill.extractors import get_extractor
from grapheme_distill.pipeline import distill_documents, document_files
from grapheme_distill.store import open_store


def corpus(root: Path, n: int = 3) -> Path:
    docs = root / "docs"
    (docs / "sub").mkdir(parents=True)
    for i in range(n):
        target = docs / ("sub" if i % 2 else "") / f"d{i}.{'md' if i % 2 else 'txt'}"
        target.write_text(
            f"# Node {i}\n\nNode {i} is linked to Node {2 * i + 1}. "
            f"Paris is the capital of France.\n",
            encoding="utf-8",
        )
    (docs / ".hidden.md").write_text("Berlin is the capital of Germany.", encoding="utf-8")
    (docs / "image.png").write_bytes(b"\x89PNG")
    return docs


def test_documents_are_read_resumably(tmp_path: Path) -> None:
    docs = corpus(tmp_path)
    assert [p.name for p in document_files([docs])] == ["d0.txt", "d2.txt", "d1.md"]
    store = open_store(tmp_path / "g.db")
    rules = get_extractor("rules")
    first = distill_documents([docs], store, extractor=rules)
    assert first.processed == 3 and first.knowledge_records > 0
    assert store.find_entities("France")
    again = distill_documents([docs], store, extractor=rules)
    assert again.processed == 0 and again.already_processed == 3
    (docs / "d0.txt").write_text("Rome is the capital of Italy.", encoding="utf-8")
    edited = distill_documents([docs], store, extractor=rules)
    assert edited.processed == 1 and store.find_entities("Italy")
    sources = {o[1] for o in store.observations()}
    assert sources  # every observation points at a call whose source is the file
    assert set(store.call_sources(sorted(sources)).values()) <= {
        str(p) for p in document_files([docs])
    }


def test_bad_documents_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine line\nsecond \xff line\n")
    store = open_store(tmp_path / "g.db")
    with pytest.raises(InputError, match=r"bad\.txt:2: not UTF-8"):
        distill_documents([bad], store, extractor=get_extractor("rules"))
    summary = distill_documents([bad], store, extractor=get_extractor("rules"), skip_bad=True)
    assert summary.bad_lines == 1 and "bad.txt:2" in store.failures()[0]["reason"]
    with pytest.raises(InputError, match="no such file or folder"):
        distill_documents([tmp_path / "missing"], store)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no text or markdown files"):
        distill_documents([tmp_path / "empty"], store)


def test_cli_documents_with_an_extract_teacher(tmp_path: Path) -> None:
    docs = corpus(tmp_path, n=12)
    runner = CliRunner()
    with KnowledgeServer(size=100, latency=0.05) as server:
        result = runner.invoke(
            cli,
            [
                "distill",
                "--documents",
                str(docs),
                "--extract-teacher",
                "vllm",
                "--base-url",
                server.url + "/v1",
                "--set",
                "extractor.model=m-x",
                "--set",
                "extractor.max_tokens=256",
                "--concurrency",
                "8",
                "--store",
                str(tmp_path / "g.db"),
                "--json",
            ],
        )
        assert result.exit_code == 0, result.output
        summary = json.loads(result.output)
        assert summary["processed"] == 12 and summary["extractor"] == "llm@1"
        assert 1 < server.max_in_flight <= 8
        assert {b["model"] for b in server.bodies} == {"m-x"}
        assert all(b["max_tokens"] == 256 for b in server.bodies)
    store = open_store(tmp_path / "g.db")
    assert store.find_entities("Node 23")  # a link the teacher read from d11's text
    bad = runner.invoke(
        cli,
        [
            "distill",
            "--documents",
            str(docs),
            "--extractor",
            "llm",
            "--store",
            str(tmp_path / "g.db"),
        ],
    )
    assert bad.exit_code != 0 and "--extract-teacher" in bad.output
