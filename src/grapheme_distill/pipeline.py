"""The distillation pipeline: teacher exchanges in, knowledge with provenance into a store.

Every source of exchanges (recorded transcripts today, live teachers via ``distill_topics``
later) funnels into one path, :class:`ExchangeIngester`: given a (request, response, provenance)
it records the call, runs the exchange through a :class:`DistillationSession` (extract, score,
filter), and stores the accepted knowledge and the answer's soft targets.  Work is committed in
batches, one store transaction per batch, and each exchange runs inside its own savepoint: a bad
exchange is recorded as a failure with its reason and the rest of the batch is kept.

Resumability.  A call is marked *processed* for an ``extractor@version`` in the same transaction
that stores its knowledge, so after a crash or a ``kill -9`` the store holds whole batches only and
a restarted run skips exactly the calls already done.  Because observations are keyed by (item,
source, extractor) and entity resolution depends only on the store's contents and the input order,
an interrupted-then-resumed run ends with exactly the observations of an uninterrupted one.

Sessions have a capacity (``max_items_per_session``); when one fills up mid-answer the records that
did not fit are moved into a fresh session, so no answer is lost to capacity.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import (
    DistillError,
    InputError,
    LowConfidence,
    SessionFull,
    StoreError,
)
from grapheme_distill.executors import Executor, ExtractJob, extract_batch
from grapheme_distill.extractors import (
    Extraction,
    Extractor,
    best_available_extractor,
    get_extractor,
)
from grapheme_distill.model.hashing import content_hash
from grapheme_distill.model.knowledge import DistilledKnowledge, KnowledgeType, Provenance
from grapheme_distill.session import DistillationSession
from grapheme_distill.store.base import GraphStore, StoreStats
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse
from grapheme_distill.teachers.wrappers import store_lock
from grapheme_distill.transcripts import Exchange, TranscriptReader, soft_targets_of

__all__ = [
    "DistillSummary",
    "ExchangeIngester",
    "PendingExchange",
    "ProgressCallback",
    "ResumableStore",
    "distill_documents",
    "distill_transcripts",
]

#: ``progress(done, total)``: exchanges (or lines) handled so far out of the total, if known.
ProgressCallback = Callable[[int, int | None], None]
T = TypeVar("T")


#: Deprecated name (one release): :class:`GraphStore` now has every method the ingester uses
#: (its :class:`~grapheme_distill.store.base.CallLog` slice remembers processed calls).
ResumableStore = GraphStore


class DistillSummary(BaseModel):
    """What a distillation run did (the CLI prints it as a table)."""

    run_id: str
    inputs: list[str] = Field(default_factory=list)
    extractor: str = ""  # the reader that ran, name@version
    exchanges: int = 0
    already_processed: int = 0
    #: why: "repeated in this input" (same id, or same content, as an earlier line) and
    #: "stored by an earlier run"; ``skipped_notes``: the first few repeats, line by line
    skipped: dict[str, int] = Field(default_factory=dict)
    skipped_notes: list[str] = Field(default_factory=list)
    processed: int = 0
    knowledge_records: int = 0
    new_observations: int = 0
    soft_targets: int = 0
    sessions: int = 0
    failures: int = 0
    failure_reasons: dict[str, int] = Field(default_factory=dict)
    rejections: dict[str, int] = Field(default_factory=dict)
    bad_lines: int = 0
    rejected_files: list[str] = Field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    duration_s: float = 0.0
    store: StoreStats | None = None


@dataclass
class PendingExchange:
    """One exchange waiting for its batch: what every source hands to :class:`ExchangeIngester`."""

    request: TeacherRequest
    response: TeacherResponse
    prompt: str
    provenance: Provenance
    knowledge_type: KnowledgeType | None
    source: str
    #: the prompt template the request was rendered from (live sources), recorded with the call
    template: str | None = None
    template_hash: str | None = None
    #: the call's key when the source already recorded it (a crawl's write-ahead log): the
    #: ingester then does not serialise and write the same call a second time
    call_hash: str | None = None


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class ExchangeIngester:
    """Turns teacher exchanges into stored knowledge, batch by batch (shared by every source).

    Args:
        store: where calls, knowledge, soft targets and failures go.
        config: session thresholds and capacity.
        extractor: the extractor (its ``name@version`` is the resume key).
        run_id: the store run this work belongs to.
        types_from_exchange: extract only the knowledge type an exchange says it asked for; off by
            default, because an answer often teaches more than it was asked for.  Calls processed
            in this mode are remembered apart from all-types ones, so a later all-types run over
            the same store still extracts the types this one left out.
        summary: the run summary to count into (a source with a richer summary passes its own);
            a fresh :class:`DistillSummary` when None.

    The ingester is the only writer of teacher calls and knowledge for every source: a source
    hands it :class:`PendingExchange` objects (template and source travel with them) and gets
    back the records :meth:`ingest` stored.
    """

    def __init__(
        self,
        store: ResumableStore,
        config: DistillationConfig,
        extractor: Extractor,
        run_id: str,
        *,
        types_from_exchange: bool = False,
        summary: DistillSummary | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.extractor = extractor
        self.extractor_id = f"{extractor.name}@{extractor.version}"
        self.run_id = run_id
        self.types_from_exchange = types_from_exchange
        self._processed_key = self.extractor_id + ("+exchange-types" if types_from_exchange else "")
        self.summary = summary if summary is not None else DistillSummary(run_id=run_id)
        self.summary.extractor = self.extractor_id
        self._session = self._new_session()
        self._rejections: Counter[str] = Counter()
        self._failures: Counter[str] = Counter()
        self._last_rejections: list[str] = []
        self._batch_done: set[str] = set()  # calls processed in the current batch

    def _new_session(self) -> DistillationSession:
        self.summary.sessions += 1
        return DistillationSession(
            self.config, self.extractor, session_id=f"{self.run_id}-{self.summary.sessions}"
        )

    def is_done(self, request: TeacherRequest, response: TeacherResponse | None = None) -> bool:
        """Whether this exchange was already turned into knowledge by this extractor.

        With the ``response`` (a recorded exchange), the exchange's own key decides, so another
        sample of a sampled request is new work.  Without it (a live source deciding whether to
        ask at all) the request's hash decides, which covers deterministic requests.
        """
        key = request.content_hash() if response is None else self.store.call_key(request, response)
        return self.store.is_processed(key, self._processed_key)

    def ingest(
        self,
        batch: Sequence[PendingExchange],
        extractions: Sequence[Extraction | Exception] | None = None,
    ) -> list[DistilledKnowledge]:
        """Process and store one batch in one transaction; failures are recorded, not raised.

        ``extractions``: the batch already read (by an executor), one per exchange.

        Returns the knowledge records stored for this batch, in input order.
        """
        if not batch:
            return []
        self._batch_done = set()  # earlier batches are committed: is_done() sees them
        if extractions is None:
            extractions = self._extract(batch)
        added: list[DistilledKnowledge] = []
        # the store's one lock: a teacher wrapper on this store (StoreCache, a recorder) may be
        # writing from another thread (the llm extractor's event loop) while this batch is stored
        with store_lock(self.store), self.store.transaction():
            for pending, extraction in zip(batch, extractions, strict=True):
                try:
                    with self.store.transaction():
                        added.extend(self._ingest_one(pending, extraction))
                except StoreError:
                    raise  # the store itself is failing: stop, keeping what was committed
                except Exception as exc:  # noqa: BLE001 - one exchange must not sink the batch
                    self._fail(pending, type(exc).__name__, str(exc))
        self.summary.rejections = dict(self._rejections)
        self.summary.failure_reasons = dict(self._failures)
        return added

    def ingest_batches(
        self,
        pending: Iterable[PendingExchange],
        batch_size: int,
        executor: Executor | None = None,
    ) -> Iterator[list[DistilledKnowledge]]:
        """:meth:`ingest` ``pending`` in batches of ``batch_size``, in input order, yielding what
        each batch stored.

        With an ``executor`` (e.g. Ray), answers are read there, a bounded window ahead of this
        writer, and stored here in input order, in the very batches a run without one makes:
        an exchange that a batch stored since it was read (a repeat of an earlier line) is
        dropped when its batch is formed, as a run without an executor drops it when reading.
        So the store ends exactly as without one, to the last bit of every confidence.
        """
        if executor is None:
            for batch in _batches(pending, batch_size):
                yield self.ingest(batch)
            return
        jobs = ((batch, [self._job(p) for p in batch]) for batch in _batches(pending, batch_size))
        read = executor.map_extract(
            self.extractor, jobs, preserve_structure=self.config.preserve_structure
        )
        pairs = (
            pair for batch, extractions in read for pair in zip(batch, extractions, strict=True)
        )
        for group in _batches(
            (pair for pair in pairs if not self._done_since(pair[0])), batch_size
        ):
            yield self.ingest([p for p, _ in group], [e for _, e in group])

    def _done_since(self, pending: PendingExchange) -> bool:
        done = self.is_done(pending.request, pending.response)
        self.summary.already_processed += done
        return done

    def _types_of(self, pending: PendingExchange) -> frozenset[KnowledgeType]:
        if self.types_from_exchange and pending.knowledge_type is not None:
            return frozenset({pending.knowledge_type})
        return frozenset(KnowledgeType)

    def _job(self, pending: PendingExchange) -> ExtractJob:
        return (pending.prompt, pending.response.text, self._types_of(pending))

    def _extract(self, batch: Sequence[PendingExchange]) -> list[Extraction | Exception]:
        """Each answer extracted exactly once, for the types it is read for (how: see
        :func:`~grapheme_distill.executors.local.extract_batch`, which executors run too)."""
        return extract_batch(
            self.extractor,
            [self._job(p) for p in batch],
            preserve_structure=self.config.preserve_structure,
        )

    def _fail(self, pending: PendingExchange, reason: str, detail: str) -> None:
        """Keep the failure (replacing an older one of the same source); the call is not marked
        processed, so a later run retries it."""
        self._failures[reason] += 1
        self.summary.failures += 1
        with self.store.transaction():
            self.store.clear_failures(pending.source)
            self.store.record_failure(
                self.run_id, pending.source, f"{reason}: {detail}", pending.response.text
            )

    def _ingest_one(
        self, pending: PendingExchange, extraction: Extraction | Exception
    ) -> list[DistilledKnowledge]:
        if isinstance(extraction, Exception):
            raise DistillError(
                f"extractor {self.extractor_id} failed: {extraction}"
            ) from extraction
        # The call is logged after its knowledge (under the key it will get: nothing in between
        # writes the call log), so that the knowledge is the answer's first write and its store
        # transaction shares the answer's savepoint instead of opening one of its own; a
        # failure anywhere still rolls the whole answer back, call included.
        call_hash = pending.call_hash or self.store.call_key(pending.request, pending.response)
        if call_hash in self._batch_done:
            # the same call earlier in this batch (a repeated line, or another answer to a
            # deterministic request): skipped exactly as if it had been in an earlier batch
            self.summary.already_processed += 1
            return []
        prov = pending.provenance.model_copy(
            update={"call_hash": call_hash, "source": pending.source}
        )
        types = pending.knowledge_type if self.types_from_exchange else None
        records = self._process(pending, extraction, prov, types)
        if records:  # one store call for the answer's records (one resolution pass, one upsert)
            self.summary.new_observations += self.store.add_knowledge_many(
                records, run_id=self.run_id
            )
        if pending.call_hash is None:
            self.store.record_call(
                pending.request,
                pending.response,
                run_id=self.run_id,
                source=pending.source,
                prompt_template=pending.template,
                prompt_template_hash=pending.template_hash,
            )
        self.summary.knowledge_records += len(records)
        for target in soft_targets_of(pending.response, call_hash, pending.source):
            self.summary.soft_targets += int(
                self.store.add_soft_target(target, call_hash=call_hash)
            )
        self.store.mark_processed(call_hash, self._processed_key, self.run_id)
        self.store.clear_failures(pending.source)
        usage = pending.response.usage
        self.summary.prompt_tokens += usage.prompt_tokens
        self.summary.completion_tokens += usage.completion_tokens
        self.summary.processed += 1
        if not records and self._last_rejections:  # (no rejections: a repeat of an earlier answer)
            self._fail_empty(pending)
        self._batch_done.add(call_hash)
        return records

    def _process(
        self,
        pending: PendingExchange,
        extraction: Extraction,
        prov: Provenance,
        ktype: KnowledgeType | None,
    ) -> list[DistilledKnowledge]:
        """Run one answer through the session; a full session is replaced, never losing records."""
        session = self._session
        if session.is_full:
            session = self._session = self._new_session()
        kept, rejected = len(session.knowledge), len(session.rejected)
        try:
            session.process_response(
                pending.prompt,
                pending.response.text,
                ktype,
                provenance=prov,
                logprobs=pending.response.logprobs,
                extraction=extraction,
            )
        except SessionFull:
            overflow = [
                r.item
                for r in session.rejected[rejected:]
                if r.reason == "session_full" and isinstance(r.item, DistilledKnowledge)
            ]
            records = list(session.knowledge[kept:])
            self._count_rejections(session, rejected, skip="session_full")
            for record in overflow:  # the records that did not fit go to fresh sessions
                if session.is_full:
                    session = self._session = self._new_session()
                try:
                    session.add_knowledge(record)
                except LowConfidence:
                    self._rejections["low_confidence"] += 1
                    continue
                records.append(record)
            return records
        self._count_rejections(session, rejected)
        return list(session.knowledge[kept:])

    def _count_rejections(self, session: DistillationSession, start: int, skip: str = "") -> None:
        self._last_rejections = []
        for rejection in session.rejected[start:]:
            if rejection.reason != skip:
                self._rejections[rejection.reason] += 1
                self._last_rejections.append(f"{rejection.reason}: {rejection.detail}")

    def _fail_empty(self, pending: PendingExchange) -> None:
        """An answer that yielded nothing is a failure with the session's reason, kept for audit."""
        reasons = self._last_rejections
        self.summary.failures += 1
        self._failures["no_knowledge"] += 1
        self.store.record_failure(
            self.run_id,
            pending.source,
            "no knowledge accepted; " + ("; ".join(reasons[:5]) or "nothing found"),
            pending.response.text,
        )


def distill_transcripts(
    paths: Sequence[str | Path],
    store: ResumableStore,
    config: DistillationConfig | None = None,
    extractor: Extractor | None = None,
    *,
    skip_bad: bool = False,
    progress: ProgressCallback | None = None,
    batch_size: int = 64,
    types_from_exchange: bool = False,
    executor: Executor | None = None,
) -> DistillSummary:
    """Distil recorded teacher transcripts into ``store`` (resumable, idempotent).

    Args:
        paths: JSONL transcript files (see :mod:`grapheme_distill.transcripts` for the shapes).
        store: the graph store; calls already processed by this extractor are skipped.
        config: session settings; the default preset when None.
        extractor: the best installed offline reader when None (:func:`best_available_extractor`).
        skip_bad: skip (count, and write to ``<file>.rejected.jsonl``) bad lines instead of
            stopping at the first one.  Either way, batches already committed stay in the store.
        progress: called as ``progress(lines_done, total_lines)`` after each batch.
        batch_size: exchanges per store transaction.
        types_from_exchange: extract only the ``knowledge_type`` a line names (lines without
            one still get all five types); the CLI's ``--types-from-transcript``.
        executor: where answers are read (e.g. a
            :class:`~grapheme_distill.executors.ray.RayExecutor`); None reads them here.  The
            store ends the same either way (this process stays the only writer).

    Returns:
        The run's summary, also saved on the store's run record.

    Raises:
        InputError: a bad line (without ``skip_bad``) or a missing file.
    """
    started = time.monotonic()
    config = config or DistillationConfig.default()
    extractor = extractor or get_extractor(best_available_extractor())
    reader = TranscriptReader(paths, skip_bad=skip_bad)
    total = reader.count_lines() if progress else None
    if progress:  # the bar knows its total from the start
        progress(0, total)
    run_id = store.begin_run(
        "distill_transcripts",
        {
            "inputs": [str(p) for p in paths],
            "extractor": f"{extractor.name}@{extractor.version}",
            "config": config.model_dump(),
            "skip_bad": skip_bad,
            "types_from_exchange": types_from_exchange,
        },
    )
    ingester = ExchangeIngester(
        store, config, extractor, run_id, types_from_exchange=types_from_exchange
    )
    summary = ingester.summary
    summary.inputs = [str(p) for p in paths]

    def pending() -> Iterator[PendingExchange]:
        for ex in reader:
            summary.exchanges += 1
            if ingester.is_done(ex.request, ex.response):
                summary.already_processed += 1
                continue
            yield _pending_from_exchange(ex)

    try:
        with relaxed_gc():  # many small objects per answer: see grapheme_distill._gc
            for _ in ingester.ingest_batches(pending(), batch_size, executor):
                if progress:
                    progress(reader.stats.lines, total)
    finally:
        summary.bad_lines = reader.stats.rejected
        summary.rejected_files = list(reader.stats.rejected_files)
        repeats = min(reader.stats.repeats, summary.already_processed)
        summary.skipped = {
            why: n
            for why, n in (
                ("repeated in this input", repeats),
                ("stored by an earlier run", summary.already_processed - repeats),
            )
            if n
        }
        summary.skipped_notes = list(reader.stats.repeat_notes)
        with store.transaction():
            for error in reader.stats.errors:
                where = f"{error.path}:{error.line}"
                store.clear_failures(where)
                store.record_failure(run_id, where, f"bad line: {error.reason}")
        summary.duration_s = time.monotonic() - started
        summary.store = store.stats()
        store.finish_run(run_id, summary.model_dump(mode="json", exclude={"store"}))
    if progress:
        progress(reader.stats.lines, total)
    return summary


def _pending_from_exchange(ex: Exchange) -> PendingExchange:
    prov = Provenance(
        teacher="transcript",
        model=ex.response.model or ex.request.model,
        params=ex.request.sampling_params(),
        source=ex.source,
    )
    return PendingExchange(ex.request, ex.response, ex.prompt, prov, ex.knowledge_type, ex.source)


class _ReadAhead:
    """An executor for an extractor that streams (the ``llm`` one): all batches go through one
    :meth:`~grapheme_distill.extractors.llm.LLMExtractor.stream`, whose requests stay in flight
    while the writer stores the batch before — without it the teacher idles while each batch is
    stored, and the run takes the sum of asking and storing instead of the larger of the two."""

    name = "read-ahead"

    def map_extract(
        self,
        extractor: Extractor,
        batches: Iterable[tuple[T, Sequence[ExtractJob]]],
        *,
        preserve_structure: bool = True,
    ) -> Iterator[tuple[T, list[Extraction | Exception]]]:
        shapes: deque[tuple[T, int]] = deque()  # batches the stream has pulled, in order

        def jobs() -> Iterator[ExtractJob]:
            for tag, batch in batches:
                if batch:
                    shapes.append((tag, len(batch)))
                    yield from batch

        current: list[Extraction | Exception] = []
        for result in extractor.stream(jobs()):  # type: ignore[attr-defined]
            current.append(result)
            if len(current) == shapes[0][1]:
                yield shapes.popleft()[0], current
                current = []

    def close(self) -> None:
        """Nothing to release (the extractor keeps its event loop)."""


#: file suffixes ``distill_documents`` reads from folders (a file named directly is always read)
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".rst"})


def document_files(paths: Sequence[str | Path]) -> list[Path]:
    """The documents ``paths`` name: files as given, folders walked (text and markdown files,
    sorted, hidden ones skipped).

    Raises:
        InputError: a path that does not exist, or folders holding no document.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(
                    str(path),
                    None,
                    "no text or markdown files in this folder "
                    f"({', '.join(sorted(DOCUMENT_SUFFIXES))})",
                )
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(str(path), None, "no such file or folder")
    return list(dict.fromkeys(out))


def read_document(path: Path) -> str:
    """A document's text (UTF-8, BOM accepted).

    Raises:
        InputError: the file is not UTF-8 text (naming the line of the first bad byte).
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            str(path), line, f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from exc


def document_exchange(path: Path, text: str) -> PendingExchange:
    """A document as an exchange: an empty question, the file's text as the answer.

    The request names the file and its content hash, so each document (and each edit of it) is
    its own call: an unchanged file is skipped on a re-run, an edited one is read again.
    """
    digest = content_hash("document", text)
    request = TeacherRequest(prompt=f"document {path} {digest}", model="document", max_tokens=None)
    response = TeacherResponse(text=text, model="document")
    prov = Provenance(teacher="document", model="document", source=str(path))
    return PendingExchange(request, response, "", prov, None, str(path))


def distill_documents(
    paths: Sequence[str | Path],
    store: ResumableStore,
    config: DistillationConfig | None = None,
    extractor: Extractor | None = None,
    *,
    skip_bad: bool = False,
    progress: ProgressCallback | None = None,
    batch_size: int = 64,
    executor: Executor | None = None,
) -> DistillSummary:
    """Distil your own text and markdown files into ``store`` (resumable, idempotent): the twin
    of :func:`distill_transcripts` for documents, through the same ingester.

    Args:
        paths: files and folders (folders: every ``.txt``/``.md``/``.markdown``/``.rst`` inside).
        store: the graph store; documents this extractor already read are skipped.
        config: session settings; the default preset when None.
        extractor: any extractor; ``llm`` with a teacher asks it about each document (its
            ``concurrency`` requests in flight within each batch).
        skip_bad: record an unreadable file as a failure and go on, instead of stopping.
        progress: ``progress(documents_done, documents_total)`` after each batch.
        batch_size: documents per store transaction (at least 4x the ``concurrency`` of an
            extractor that asks a teacher).
        executor: where documents are read (e.g. Ray); None reads them here.  The store ends
            the same either way (this process stays the only writer).

    Raises:
        InputError: a missing path, an empty folder, or (without ``skip_bad``) a file that is not
            UTF-8 text.
    """
    started = time.monotonic()
    config = config or DistillationConfig.default()
    extractor = extractor or get_extractor(best_available_extractor())
    files = document_files(paths)
    concurrency = int(getattr(extractor, "concurrency", 1) or 1)
    # an extractor that asks a teacher: batches of a few rounds of requests, and (when it can
    # stream) the next batch is asked while this one is stored, so the teacher never waits on us
    batch_size = max(batch_size, 4 * concurrency)
    if executor is None and concurrency > 1 and callable(getattr(extractor, "stream", None)):
        executor = _ReadAhead()
    run_id = store.begin_run(
        "distill_documents",
        {
            "inputs": [str(p) for p in paths],
            "documents": len(files),
            "extractor": f"{extractor.name}@{extractor.version}",
            "config": config.model_dump(),
        },
    )
    ingester = ExchangeIngester(store, config, extractor, run_id)
    summary = ingester.summary
    summary.inputs = [str(p) for p in paths]
    done = 0
    if progress:  # the bar knows its total from the start
        progress(0, len(files))

    def pending() -> Iterator[PendingExchange]:
        nonlocal done
        for path in files:
            done += 1
            try:
                text = read_document(path)
            except InputError as exc:
                if not skip_bad:
                    raise
                summary.bad_lines += 1
                with store.transaction():
                    store.clear_failures(str(path))
                    store.record_failure(run_id, str(path), f"bad document: {exc}")
                continue
            summary.exchanges += 1
            ex = document_exchange(path, text)
            if ingester.is_done(ex.request, ex.response):
                summary.already_processed += 1
                continue
            yield ex

    try:
        with relaxed_gc():  # many small objects per answer: see grapheme_distill._gc
            for _ in ingester.ingest_batches(pending(), batch_size, executor):
                if progress:
                    progress(done, len(files))
    finally:
        summary.duration_s = time.monotonic() - started
        summary.store = store.stats()
        store.finish_run(run_id, summary.model_dump(mode="json", exclude={"store"}))
    if progress:
        progress(done, len(files))
    return summary
