"""A store shared by concurrent requests never breaks a transaction: 64 threads asking through
one teacher stack whose cache and recorder are the store (the sync twin, as a library caller's
thread pool would), the llm extractor's event loop doing the same, and the pipeline storing a
batch into that very store meanwhile (the store's one lock, ``store_lock``, serialises them)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fakeserver import FakeLLMServer

from grapheme_distill.config import DistillationConfig
from grapheme_distill.extractors import get_extractor
from grapheme_distill.extractors.llm import LLMExtractor
from grapheme_distill.pipeline import ExchangeIngester, document_exchange
from grapheme_distill.store import open_store
from grapheme_distill.teachers.registry import get_teacher
from grapheme_distill.teachers.wrappers import StoreCache, wrap_teacher


def test_store_cache_and_recorder_at_concurrency_64(
    fake_server: FakeLLMServer, tmp_path: Path
) -> None:
    fake_server.latency = 0.01
    store = open_store(tmp_path / "g.db")
    teacher = wrap_teacher(
        get_teacher("vllm", base_url=fake_server.url + "/v1", model="m"),
        concurrency=64,
        cache=StoreCache(store),
        recorder=store,
    )
    extractor = LLMExtractor(teacher, concurrency=64)
    texts = [("", f"Text number {i} about Paris.") for i in range(300)]
    ingester = ExchangeIngester(
        store, DistillationConfig.default(), get_extractor("rules"), "writer"
    )
    stop = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:  # the pipeline storing batches into the same store all along
        n = 0
        try:
            while not stop.is_set():
                doc = document_exchange(tmp_path / f"w{n}.md", f"Paris is in France {n}.")
                ingester.ingest([doc])
                n += 1
        except BaseException as exc:  # a broken transaction surfaces here as a StoreError
            errors.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with ThreadPoolExecutor(max_workers=64) as threads:  # 64 threads, the sync twin
            results = list(threads.map(lambda pt: extractor.extract(pt[1]), texts[:150]))
        results += list(extractor.pipe(texts[150:]))  # the extractor's event loop
    finally:
        stop.set()
        writer.join()
    assert len(results) == 300
    assert not [f for r in results for f in r.failures if "teacher failed" in f.reason]
    assert store.usage_totals()["calls"] >= 300 and fake_server.requests == 300
    assert not errors and ingester.summary.processed > 0
    # an answer the rules reader finds nothing in is recorded as such; nothing else went wrong
    assert set(ingester.summary.failure_reasons) <= {"no_knowledge"}
    again = list(extractor.pipe(texts))  # every answer from the store, none asked again
    assert len(again) == 300 and fake_server.requests == 300
    extractor.close()
