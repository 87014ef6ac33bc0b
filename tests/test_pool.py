"""One bounded pool across topics: the server sees `concurrency` requests in flight, not one
topic's five."""

from __future__ import annotations

import asyncio
import inspect
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "teachers"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "crawl"))

from fakeserver import FakeLLMServer
from knowledge_server import KnowledgeServer

from grapheme_distill.cli import cli
from grapheme_distill.crawl import acrawl, crawl
from grapheme_distill.extractors import get_extractor
from grapheme_distill.extractors.llm import LLMExtractor
from grapheme_distill.pipeline import distill_documents
from grapheme_distill.pool import DEFAULT_CONCURRENCY, RequestPool
from grapheme_distill.store import open_store
from grapheme_distill.teachers import base as teachers_base
from grapheme_distill.teachers.base import TeacherRequest
from grapheme_distill.teachers.open import open_teacher
from grapheme_distill.teachers.wrappers import wrap_teacher
from grapheme_distill.topics import run_topics


def test_topics_keep_the_whole_pool_in_flight(tmp_path: Path) -> None:
    with FakeLLMServer(latency=0.1) as server:
        store = open_store(tmp_path / "t.db")
        summary = run_topics(
            [f"topic {i}" for i in range(20)],
            store,
            None,
            get_extractor("rules"),
            teacher="vllm",
            model="m",
            base_url=server.url + "/v1",
            concurrency=16,
            auto_clozes=0,
        )
        assert summary.asked == 100 and server.requests == 100
        assert server.max_in_flight == 16  # not 5 (one topic at a time)
        assert list(summary.learned) == [f"topic {i}" for i in range(20)]
        again = run_topics(
            [f"topic {i}" for i in range(20)],
            store,
            None,
            get_extractor("rules"),
            teacher="vllm",
            model="m",
            base_url=server.url + "/v1",
            concurrency=16,
            auto_clozes=0,
        )
        assert again.asked == 0 and server.requests == 100


def test_pool_bounds_requests_across_callers() -> None:
    with FakeLLMServer(latency=0.05) as server:
        teacher = open_teacher("vllm", model="m", base_url=server.url + "/v1", concurrency=64)
        pool = RequestPool(5)

        async def main() -> None:
            await asyncio.gather(
                *(pool.complete(teacher, TeacherRequest(prompt=f"q{i}")) for i in range(30))
            )

        asyncio.run(main())
        assert pool.max_in_flight == server.max_in_flight == 5
    with pytest.raises(ValueError):
        RequestPool(0)


def test_one_concurrency_default_everywhere() -> None:
    """Every layer that bounds requests defaults to the one DEFAULT_CONCURRENCY, and the llm
    extractor follows the teacher stack it is given (no layer silently caps another)."""
    assert DEFAULT_CONCURRENCY == teachers_base.DEFAULT_CONCURRENCY
    for fn in (wrap_teacher, open_teacher, run_topics, acrawl, RequestPool):
        assert inspect.signature(fn).parameters["concurrency"].default == DEFAULT_CONCURRENCY
    stack = open_teacher("vllm", model="m", base_url="http://127.0.0.1:9/v1")
    assert stack.max_concurrency == DEFAULT_CONCURRENCY  # type: ignore[attr-defined]
    assert LLMExtractor(stack).concurrency == DEFAULT_CONCURRENCY
    narrow = open_teacher("vllm", model="m", base_url="http://127.0.0.1:9/v1", concurrency=3)
    assert LLMExtractor(narrow).concurrency == 3
    named = LLMExtractor("vllm", teacher_options={"base_url": "http://127.0.0.1:9/v1"})
    assert named.concurrency == DEFAULT_CONCURRENCY
    assert named.teacher.max_concurrency == DEFAULT_CONCURRENCY  # type: ignore[attr-defined]


def _documents(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i:03d}.md").write_text(f"Node {i} is linked to Node {i + 1}.\n", "utf-8")
    return folder


@pytest.mark.parametrize("path", ["library", "cli"])
def test_documents_keep_the_configured_concurrency_in_flight(path: str, tmp_path: Path) -> None:
    """The server sees exactly the configured number of requests in flight through the
    documents path, whether the library (extractor default: the stack's limit) or the CLI's
    --concurrency sets it."""
    docs = _documents(tmp_path / "docs", 60)
    with FakeLLMServer(latency=0.1) as server:
        url = server.url + "/v1"
        if path == "library":
            teacher = open_teacher("vllm", model="m", base_url=url, concurrency=12)
            store = open_store(tmp_path / "d.db")
            summary = distill_documents([docs], store, extractor=LLMExtractor(teacher))
            store.close()
            assert summary.processed == 60
        else:
            result = CliRunner().invoke(
                cli,
                [
                    "distill",
                    "--documents",
                    str(docs),
                    "--extract-teacher",
                    "vllm",
                    "--base-url",
                    url,
                    "--set",
                    "extractor.model=m",
                    "--concurrency",
                    "12",
                    "--store",
                    str(tmp_path / "c.db"),
                    "--no-progress",
                ],
            )
            assert result.exit_code == 0, result.output
        assert server.requests == 60
        assert server.max_in_flight == 12


def test_crawl_keeps_the_configured_concurrency_in_flight(tmp_path: Path) -> None:
    with KnowledgeServer(size=200, latency=0.1) as server:
        teacher = open_teacher("vllm", model="m", base_url=server.url + "/v1", concurrency=64)
        seeds = [f"Node {i}" for i in range(20)]
        summary = crawl(
            seeds, [teacher], open_store(tmp_path / "k.db"), budget_requests=60, concurrency=12
        )
        assert summary.requests == 60 and server.requests == 60
        assert server.max_in_flight == summary.max_in_flight == 12


def test_progress_knows_its_total_from_the_start(tmp_path: Path) -> None:
    """Each job's first progress call says 0 of the total, before any answer arrives (the bar
    is never an indeterminate spinner while requests are in flight)."""
    docs = _documents(tmp_path / "docs", 5)
    calls: dict[str, list[tuple[int, int | None]]] = {"topics": [], "documents": [], "crawl": []}
    with KnowledgeServer(size=50, latency=0.05) as server:
        url = server.url + "/v1"
        run_topics(
            ["alpha", "beta"],
            open_store(tmp_path / "t.db"),
            None,
            get_extractor("rules"),
            teacher="vllm",
            model="m",
            base_url=url,
            auto_clozes=0,
            progress=lambda done, total: calls["topics"].append((done, total)),
        )
        distill_documents(
            [docs],
            open_store(tmp_path / "d.db"),
            extractor=LLMExtractor(open_teacher("vllm", model="m", base_url=url)),
            progress=lambda done, total: calls["documents"].append((done, total)),
        )
        crawl(
            ["Node 0"],
            [open_teacher("vllm", model="m", base_url=url)],
            open_store(tmp_path / "k.db"),
            budget_requests=4,
            progress=lambda done, total: calls["crawl"].append((done, total)),
        )
    assert calls["topics"][0] == (0, 10) and calls["topics"][-1] == (10, 10)
    assert calls["documents"][0] == (0, 5) and calls["documents"][-1] == (5, 5)
    assert calls["crawl"][0] == (0, 4) and calls["crawl"][-1] == (4, 4)
