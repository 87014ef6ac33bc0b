"""The crawl loop: ask about frontier entities through one bounded pool, until the frontier is
empty or the budget is spent.

Each frontier entity is one *group* of requests — every teacher times every sample — submitted to
one :class:`~grapheme_distill.pool.RequestPool`, so ``concurrency`` requests stay in flight across
entities, samples and teachers.  Groups are dispatched breadth first (depth, then discovery order)
while the budget allows; a group whose answers are all in is ingested at once through the
pipeline's :class:`~grapheme_distill.pipeline.ExchangeIngester` (the answers' JSON read by
:class:`~grapheme_distill.crawl.reader.AnswerReader`), and in the *same* transaction the entity is
marked done, the entities its answers name join the frontier, and the budget spent is added.

Asking nothing twice, even after ``kill -9``: each answer is written to the call log within a few
milliseconds of its arrival (write-ahead, with the source and template the ingester would record;
the answers that arrive together share one commit, :data:`WRITE_AHEAD_DELAY`), and a request whose
answer is already in the log is served from there.  So a killed crawl re-run re-asks only requests
whose answers never arrived, and ends with the same entities and facts as an uninterrupted one
(the reading is deterministic and the frontier is in the store).
"""

from __future__ import annotations

import asyncio
import heapq
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.config import DistillationConfig
from grapheme_distill.crawl.agreement import flag_disagreements
from grapheme_distill.crawl.frontier import canonical, discovered
from grapheme_distill.crawl.prompts import CrawlTemplate, load_crawl_template
from grapheme_distill.crawl.reader import AnswerReader
from grapheme_distill.errors import DistillError, InputError, TeacherUnavailable
from grapheme_distill.model.knowledge import DistilledKnowledge, Provenance
from grapheme_distill.pipeline import DistillSummary, ExchangeIngester, PendingExchange
from grapheme_distill.pool import DEFAULT_CONCURRENCY, RequestPool
from grapheme_distill.store import FrontierEntry, SQLiteStore
from grapheme_distill.teachers.base import Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.pricing import PriceTable
from grapheme_distill.teachers.wrappers import FREE_TEACHERS, runs_locally

__all__ = ["CrawlSummary", "acrawl", "crawl"]

#: seconds an arrived answer may wait for the answers arriving with it, so that they share one
#: write-ahead commit (a commit costs more client CPU than the rest of recording a call; at
#: concurrency 64 answers arrive in waves).  Far below any moment a kill could tell apart.
WRITE_AHEAD_DELAY = 0.005

#: seconds a completed group may wait for the groups completing after it, when the frontier
#: already queues enough to keep the pool full: they are then read and stored in one absorb and
#: one commit (at concurrency 64 and 200 ms, ~6 answers arrive in 20 ms), and the pool never
#: waits, as its slots are refilled by the window's queued tasks
ABSORB_DELAY = 0.02

#: how a crawl ended
FRONTIER_EMPTY, BUDGET_SPENT, TEACHER_UNAVAILABLE = (
    "frontier_empty",
    "budget_spent",
    "teacher_unavailable",
)


class CrawlSummary(DistillSummary):
    """A crawl run's figures (printed at the end, kept on the run record; docs/crawl.md)."""

    crawl: str = "default"
    teachers: list[str] = Field(default_factory=list)
    seeds: list[str] = Field(default_factory=list)
    outcome: str = ""
    requests: int = 0  # answers obtained in this run (teacher or write-ahead log)
    asked: int = 0  # requests the teachers were actually sent in this run
    teacher_failures: int = 0
    cost_usd: float = 0.0
    entities_asked: int = 0
    new_entities: int = 0  # frontier entries this run discovered
    new_facts: int = 0  # observations this run added
    yield_entities: float = 0.0  # new entities per request
    yield_facts: float = 0.0  # new observations per request
    frontier_pending: int = 0
    visited: int = 0
    frontier_over_time: list[tuple[int, int]] = Field(default_factory=list)  # (requests, pending)
    spent: dict[str, float] = Field(default_factory=dict)  # whole crawl, all runs
    budget: dict[str, float | None] = Field(default_factory=dict)
    max_in_flight: int = 0
    agreement: dict[str, dict[str, float]] = Field(default_factory=dict)
    disagreements: int = 0


@dataclass
class _Budget:
    requests: int | None
    tokens: int | None
    usd: float | None
    spent_requests: int = 0
    spent_tokens: int = 0
    spent_usd: float = 0.0

    def allows(self, group: int, outstanding: int) -> bool:
        if self.requests is not None and self.spent_requests + outstanding + group > self.requests:
            return False
        if self.tokens is not None and self.spent_tokens >= self.tokens:
            return False
        return self.usd is None or self.spent_usd < self.usd


@dataclass
class _Answer:
    label: str
    sample: int
    request: TeacherRequest
    response: TeacherResponse | None
    source: str
    call_hash: str | None = None  # its key in the call log, when this run wrote it there


@dataclass
class _Crawl:
    """One run's moving parts (kept together so the loop reads as the algorithm)."""

    store: SQLiteStore
    name: str
    teachers: dict[str, Teacher]
    template: CrawlTemplate
    pool: RequestPool
    ingester: ExchangeIngester
    summary: CrawlSummary
    budget: _Budget
    samples: int
    max_tokens: int
    depth: int | None
    prices: PriceTable
    max_items: int | None = None
    seen: set[str] = field(default_factory=set)
    unavailable: bool = False
    unlogged: list[_Answer] = field(default_factory=list)  # arrived, not yet in the call log
    flush_at: asyncio.TimerHandle | None = None

    def write_ahead(self, answer: _Answer) -> None:
        """Queue an arrived answer for the call log; the first of a wave schedules the commit."""
        self.unlogged.append(answer)
        if self.flush_at is None:
            self.flush_at = asyncio.get_running_loop().call_later(WRITE_AHEAD_DELAY, self.flush)

    def flush(self) -> None:
        """Write the queued answers to the call log in one transaction."""
        with self.store.transaction():
            self.log_answers()

    def log_answers(self) -> list[_Answer]:
        """Write the queued answers to the call log in the caller's transaction; the answers
        written (the caller puts them back in :attr:`unlogged` if its transaction fails)."""
        if self.flush_at is not None:
            self.flush_at.cancel()
            self.flush_at = None
        answers, self.unlogged = self.unlogged, []
        for a in answers:
            assert a.response is not None
            a.call_hash = self.store.record_call(
                a.request,
                a.response,
                prompt_template=self.template.name,
                prompt_template_hash=self.template.hash,
                run_id=self.summary.run_id,
                source=a.source,
            )
        return answers

    def source(self, label: str, entity: str, sample: int) -> str:
        return f"crawl:{label}:{entity}#s{sample}"

    async def ask(self, label: str, entity: str, sample: int) -> _Answer:
        teacher = self.teachers[label]
        model = getattr(teacher, "model", None)
        request = self.template.request(
            entity,
            model=model if isinstance(model, str) else None,
            max_tokens=self.max_tokens,
            sample=sample,
            samples=self.samples,
            max_items=self.max_items,
        )
        source = self.source(label, entity, sample)
        found = self.store.get_call(request.content_hash())
        if found is not None:  # answered before a kill: never asked twice
            return _Answer(label, sample, request, found[1], source)
        try:
            response = await self.pool.complete(teacher, request)
        except DistillError as exc:
            self.unavailable = self.unavailable or isinstance(exc, TeacherUnavailable)
            self.summary.teacher_failures += 1
            self.summary.failures += 1
            reasons = self.summary.failure_reasons
            reasons[type(exc).__name__] = reasons.get(type(exc).__name__, 0) + 1
            with self.store.transaction():
                self.store.clear_failures(source)
                self.store.record_failure(
                    self.summary.run_id, source, f"{type(exc).__name__}: {exc}"
                )
            return _Answer(label, sample, request, None, source)
        self.summary.asked += 1
        answer = _Answer(label, sample, request, response, source)
        self.write_ahead(answer)
        return answer

    async def ask_group(self, entry: FrontierEntry) -> tuple[FrontierEntry, list[_Answer]]:
        jobs = [
            self.ask(label, entry.name, j) for label in self.teachers for j in range(self.samples)
        ]
        return entry, list(await asyncio.gather(*jobs))

    def cost(self, label: str, response: TeacherResponse) -> float:
        teacher = self.teachers[label]
        if teacher.name in FREE_TEACHERS or runs_locally(teacher):
            return 0.0
        return self.prices.cost(response.model, response.usage) or 0.0

    def absorb(
        self, groups: list[tuple[FrontierEntry, list[_Answer]]], queued: int
    ) -> list[FrontierEntry]:
        """Ingest the answers of the entities whose groups completed together, in one
        transaction with their done marks, the new frontier entries, the budget spent and the
        frontier-over-time point (one ingest and one commit for all of them: at concurrency 64
        several complete at once).  ``queued``: frontier entries waiting to be dispatched.
        Returns the entities that joined the frontier."""
        own = {id(a) for _, answers in groups for a in answers}
        # the batch's own answers not yet in the call log are logged by the ingester as it reads
        # them (the same row); the others waiting go in after the reading, in the same commit.
        # Nothing is written before the reading, so the ingester's transaction needs no
        # savepoint of its own (SQLiteConnection.transaction, restartable).
        mine = [a for a in self.unlogged if id(a) in own]
        self.unlogged = [a for a in self.unlogged if id(a) not in own]
        logged: list[_Answer] = []
        failures = self.summary.failures
        try:
            with self.store.transaction(restartable=True):
                new = self._absorb(groups, queued)
                if self.summary.failures != failures:  # a reading failed (and was rolled back
                    self.unlogged[:0] = mine  # with its call): its answer stays in the log
                logged = self.log_answers()
                return new
        except BaseException:
            done = {id(a) for a in logged}
            # left for the final flush (a re-run reads them)
            self.unlogged[:0] = [a for a in mine if id(a) not in done] + logged
            raise

    def _absorb(
        self, groups: list[tuple[FrontierEntry, list[_Answer]]], queued: int
    ) -> list[FrontierEntry]:
        """:meth:`absorb`'s work, inside its transaction (no savepoint of its own: a failure
        rolls the whole absorb back either way)."""
        batch: list[PendingExchange] = []
        owner: dict[str, int] = {}  # source -> group
        tokens = 0
        usd = 0.0
        for g, (_, answers) in enumerate(groups):
            for a in answers:
                if a.response is None:
                    continue
                prov = Provenance(
                    teacher=a.label,
                    model=a.response.model or a.request.model,
                    prompt_template=self.template.name,
                    prompt_template_hash=self.template.hash,
                    params=a.request.sampling_params(),
                    source=a.source,
                )
                batch.append(
                    PendingExchange(
                        a.request,
                        a.response,
                        a.request.text,
                        prov,
                        None,
                        a.source,
                        template=self.template.name,
                        template_hash=self.template.hash,
                        call_hash=a.call_hash,  # written ahead: not serialised again
                    )
                )
                owner[a.source] = g
                tokens += a.response.usage.total_tokens
                usd += self.cost(a.label, a.response)
        before = self.summary.new_observations
        new: list[FrontierEntry] = []
        records = self.ingester.ingest(batch)
        by_group: list[list[DistilledKnowledge]] = [[] for _ in groups]
        for record in records:
            by_group[owner.get(record.provenance.source or "", 0)].append(record)
        for (entry, answers), found in zip(groups, by_group, strict=True):
            if self.depth is None or entry.depth < self.depth:
                found_new = discovered(
                    self.store, found, depth=entry.depth + 1, parent=entry.key, seen=self.seen
                )
                self.seen.update(e.key for e in found_new)
                new += found_new
            if all(a.response is not None for a in answers):
                self.store.frontier_done(self.name, entry.key)
                self.summary.entities_asked += 1
        self.store.frontier_add(self.name, new)
        self.store.crawl_spend(
            self.name, len(batch), *_split([a for _, answers in groups for a in answers]), usd
        )
        summary = self.summary
        summary.requests += len(batch)
        summary.new_entities += len(new)
        summary.new_facts += summary.new_observations - before
        summary.cost_usd += usd
        self.budget.spent_requests += len(batch)
        self.budget.spent_tokens += tokens
        self.budget.spent_usd += usd
        point = (self.budget.spent_requests, queued + len(new))
        self.store.crawl_metric(
            self.name,
            summary.run_id,
            *point,
            summary.entities_asked,
            summary.new_entities,
            summary.new_facts,
        )
        summary.frontier_over_time.append(point)
        return new


def _split(answers: list[_Answer]) -> tuple[int, int]:
    usage = [a.response.usage for a in answers if a.response is not None]
    return sum(u.prompt_tokens for u in usage), sum(u.completion_tokens for u in usage)


async def acrawl(
    seeds: Sequence[str],
    teachers: Mapping[str, Teacher] | Sequence[Teacher],
    store: SQLiteStore,
    config: DistillationConfig | None = None,
    *,
    crawl_name: str = "default",
    budget_requests: int | None = None,
    budget_tokens: int | None = None,
    budget_usd: float | None = None,
    depth: int | None = None,
    samples: int = 1,
    concurrency: int = DEFAULT_CONCURRENCY,
    max_tokens: int = 1024,
    max_items: int | None = None,
    template: CrawlTemplate | None = None,
    prices: PriceTable | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> CrawlSummary:
    """Crawl what ``teachers`` know, recursively from ``seeds``; see the module docstring.

    Args:
        seeds: entity names to start from (depth 0); already-known ones are not asked again.
        teachers: teachers by label (the label is the provenance ``teacher`` and the source
            prefix, so several teachers of one provider stay apart), or a sequence (labelled by
            ``name``, suffixed when names repeat).  Each teacher must ask a different model or
            server, as identical requests are one call.
        store: the SQLite store holding the graph, the frontier and the budget spent.
        config: session thresholds; the default preset when None.
        crawl_name: which crawl of the store to continue (one store can hold several).
        budget_requests / budget_tokens / budget_usd: stop dispatching when the crawl (all runs
            together) has spent this much; None: no limit.
        depth: do not queue entities further than this many hops from a seed.
        samples: ask each question this many times at temperature > 0 (seeds 0..k-1); how many
            samples agree on an item raises its noisy-or confidence.
        concurrency: requests in flight at once across all entities, samples and teachers.
        max_tokens: answer budget per request.
        max_items: at most this many items per list of the answer's JSON (in the schema, so a
            grammar-constrained teacher such as the embedded one ends within a known budget).
        template: the crawl prompt (the shipped ``entity.v1`` when None).
        prices: price table for ``budget_usd`` (default prices when None).
        progress: ``progress(requests_done, budget_requests)``.

    Returns:
        The run's :class:`CrawlSummary` (also saved on the store's run record).
    """
    started = time.monotonic()
    labelled = _labels(teachers)
    if samples < 1:
        raise InputError("--samples", None, "needs at least 1 sample")
    seeds = list(dict.fromkeys(s.strip() for s in seeds if s.strip()))
    template = template or load_crawl_template()
    config = config or DistillationConfig.default()
    params: dict[str, Any] = {
        "seeds": seeds,
        "teachers": sorted(labelled),
        "samples": samples,
        "depth": depth,
        "template": template.name,
        "template_hash": template.hash,
        "max_tokens": max_tokens,
        "max_items": max_items,
    }
    store.crawl_begin(crawl_name, params)
    run_id = store.begin_run(
        "crawl",
        {
            **params,
            "crawl": crawl_name,
            "budget_requests": budget_requests,
            "budget_tokens": budget_tokens,
            "budget_usd": budget_usd,
            "concurrency": concurrency,
        },
    )
    summary = CrawlSummary(
        run_id=run_id,
        crawl=crawl_name,
        teachers=sorted(labelled),
        seeds=seeds,
        inputs=seeds,
        budget={"requests": budget_requests, "tokens": budget_tokens, "usd": budget_usd},
    )
    state = store.crawl_state(crawl_name) or {}
    budget = _Budget(
        budget_requests,
        budget_tokens,
        budget_usd,
        int(state.get("requests", 0)),
        int(state.get("prompt_tokens", 0)) + int(state.get("completion_tokens", 0)),
        float(state.get("cost_usd", 0.0)),
    )
    run = _Crawl(
        store,
        crawl_name,
        labelled,
        template,
        RequestPool(concurrency),
        ExchangeIngester(store, config, AnswerReader(), run_id, summary=summary),
        summary,
        budget,
        samples,
        max_tokens,
        depth,
        prices or PriceTable(),
        max_items,
    )
    run.seen = store.frontier_keys(crawl_name)
    seed_entries = []
    for seed in seeds:
        key, display = canonical(store, seed)
        if key and key not in run.seen:
            seed_entries.append(FrontierEntry(key, display, 0, None))
            run.seen.add(key)
    store.frontier_add(crawl_name, seed_entries)
    if progress:  # the bar knows its total (the request budget) from the start
        progress(0, budget_requests)
    try:
        summary.outcome = await _loop(run, concurrency, progress)
    finally:
        run.flush()  # answers of groups left unfinished (an error, Ctrl-C) are kept for a re-run
        store.crawl_set_outcome(crawl_name, summary.outcome or "interrupted")
        counts = store.frontier_counts(crawl_name)
        summary.frontier_pending = counts.get("pending", 0)
        summary.visited = counts.get("done", 0)
        summary.max_in_flight = run.pool.max_in_flight
        if summary.requests:
            summary.yield_entities = summary.new_entities / summary.requests
            summary.yield_facts = summary.new_facts / summary.requests
        state = store.crawl_state(crawl_name) or {}
        summary.spent = {
            k: float(state.get(k, 0))
            for k in ("requests", "prompt_tokens", "completion_tokens", "cost_usd")
        }
        if len(labelled) > 1:
            report = flag_disagreements(store, crawl_name)
            summary.agreement, summary.disagreements = report.agreement, len(report.flags)
        summary.duration_s = time.monotonic() - started
        summary.store = store.stats()
        store.finish_run(run_id, summary.model_dump(mode="json", exclude={"store"}))
    return summary


async def _loop(
    run: _Crawl, concurrency: int, progress: Callable[[int, int | None], None] | None
) -> str:
    """Dispatch groups while the budget allows, absorb them as they complete; how it ended."""
    group = len(run.teachers) * run.samples
    queue: list[tuple[int, int, FrontierEntry]] = []
    order = 0
    for entry in run.store.frontier_pending(run.name):
        heapq.heappush(queue, (entry.depth, order, entry))
        order += 1
    tasks: set[asyncio.Task[tuple[FrontierEntry, list[_Answer]]]] = set()
    blocked = False
    summary = run.summary
    # keep the pool full and a little more queued, so a slot never waits for dispatch
    window = concurrency + max(group, concurrency // 2)
    while True:
        blocked = False
        while queue and not run.unavailable and len(tasks) * group < window:
            if not run.budget.allows(group, len(tasks) * group):
                blocked = True
                break
            _, _, entry = heapq.heappop(queue)
            tasks.add(asyncio.ensure_future(run.ask_group(entry)))
        if not tasks:
            break
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        if len(queue) * group >= window and len(tasks) > len(done):
            # dispatch needs none of these answers' discoveries (enough is queued): let the
            # groups completing in the next moment join them, one absorb and one commit for all
            done, _ = await asyncio.wait(tasks, timeout=ABSORB_DELAY)
        tasks -= done
        for new in run.absorb([task.result() for task in done], len(queue)):
            heapq.heappush(queue, (new.depth, order, new))
            order += 1
        if progress:
            progress(summary.requests, run.budget.requests)
    if run.unavailable:
        return TEACHER_UNAVAILABLE
    return (
        BUDGET_SPENT if (blocked or (queue and not run.budget.allows(group, 0))) else FRONTIER_EMPTY
    )


def _labels(teachers: Mapping[str, Teacher] | Sequence[Teacher]) -> dict[str, Teacher]:
    if isinstance(teachers, Mapping):
        labelled = dict(teachers)
    else:
        labelled = {}
        for teacher in teachers:
            label, n = teacher.name, 1
            while label in labelled:
                n += 1
                label = f"{teacher.name}-{n}"
            labelled[label] = teacher
    if not labelled:
        raise InputError("--teacher", None, "a crawl needs at least one teacher")
    models: dict[str | None, str] = {}
    for label, teacher in labelled.items():
        model = getattr(teacher, "model", None)
        ident = model if isinstance(model, str) else None
        if ident in models:
            # a request's hash covers its model, not the server: two teachers of one model
            # would ask one request, and the call log keeps one answer per request
            raise InputError(
                "--teacher",
                None,
                f"teachers {models[ident]} and {label} both ask "
                f"model {ident!r}: give each teacher its own model (--model, or "
                "model = in its [teachers.<name>] table)",
            )
        models[ident] = label
    return labelled


def crawl(
    seeds: Sequence[str],
    teachers: Mapping[str, Teacher] | Sequence[Teacher],
    store: SQLiteStore,
    config: DistillationConfig | None = None,
    **options: Any,
) -> CrawlSummary:
    """Sync twin of :func:`acrawl` (same arguments).

    Under :func:`~grapheme_distill._gc.relaxed_gc`: reading and storing an answer allocates a few
    thousand objects, and the collector's young-generation passes (every 700 allocations, with
    their survivors rescanned) were ~0.3 ms of the ~2.5 ms of client CPU per crawl request.
    """
    with relaxed_gc():
        return asyncio.run(acrawl(seeds, teachers, store, config, **options))
