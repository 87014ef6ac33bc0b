"""The main job: ask a live teacher about topics, one versioned prompt template per knowledge type.

Templates are package data (``grapheme_distill/prompts/<type>.v<N>.txt``): a ``[system]`` and a
``[user]`` section with a ``{topic}`` placeholder.  The hash of the *whole file* is recorded with
every teacher call and in every item's provenance, so an edited template can never pass for the
old one; a changed template gets a new version in its file name.

:func:`distill_topics` builds one request per (topic, template), skips requests whose answers this
extractor already turned into knowledge (so a re-run or a resumed run asks nothing twice), asks the
teacher with bounded concurrency, and hands each topic's answers as one batch to the pipeline's
:class:`~grapheme_distill.pipeline.ExchangeIngester` — the same extract → session → store path
recorded transcripts take, one store transaction per topic.  A teacher error is recorded as a
failure of that (topic, template) with its reason and the run goes on.  Cloze prompts, when given,
are asked too and stored as soft targets (:mod:`grapheme_distill.cloze`).  The summary says what
was learned per topic, in words, so a user sees the graph grow.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import Field

from grapheme_distill._gc import relaxed_gc
from grapheme_distill.cloze import ClozePrompt, aask_cloze
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import DistillError, InputError, TeacherUnavailable
from grapheme_distill.extractors import Extractor, best_available_extractor, get_extractor
from grapheme_distill.failures import reason_key
from grapheme_distill.model.hashing import content_hash
from grapheme_distill.model.knowledge import DistilledKnowledge, KnowledgeType, Provenance
from grapheme_distill.pipeline import (
    DistillSummary,
    ExchangeIngester,
    PendingExchange,
    ProgressCallback,
    ResumableStore,
)
from grapheme_distill.pool import DEFAULT_CONCURRENCY, RequestPool
from grapheme_distill.teachers.base import Message, Teacher, TeacherRequest, TeacherResponse
from grapheme_distill.teachers.open import open_teacher

__all__ = [
    "PromptTemplate",
    "TopicsSummary",
    "adistill_topics",
    "clozes_from",
    "describe",
    "distill_topics",
    "load_templates",
    "read_topics",
    "run_topics",
]

_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)


def template_sections(name: str, text: str, placeholder: str) -> dict[str, str]:
    """The ``[system]``/``[user]`` sections of a prompt template file (topics, crawl).

    Raises:
        InputError: no ``[user]`` section containing ``placeholder`` (naming the template).
    """
    parts = _SECTION.split(text)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    if placeholder not in sections.get("user", ""):
        raise InputError(name, None, f"a template needs a [user] section containing {placeholder}")
    return sections


def render_sections(sections: dict[str, str], placeholder: str, value: str) -> tuple[Message, ...]:
    """The chat messages of a template's sections with ``placeholder`` filled in (topics, crawl)."""
    return tuple(
        Message(role=role, content=sections[role].replace(placeholder, value))
        for role in ("system", "user")
        if sections.get(role)
    )


@dataclass(frozen=True)
class PromptTemplate:
    """One versioned prompt for one knowledge type.

    Attributes:
        name: ``<type>.v<N>`` (the file name without ``.txt``); recorded in provenance.
        knowledge_type: what the template asks for.
        text: the whole file (what the hash covers).
    """

    name: str
    knowledge_type: KnowledgeType
    text: str

    @cached_property
    def hash(self) -> str:
        """Content hash of the whole template file."""
        return content_hash("prompt_template", self.text)

    @cached_property
    def _sections(self) -> dict[str, str]:
        return template_sections(self.name, self.text, "{topic}")

    def render(self, topic: str) -> tuple[Message, ...]:
        """The chat messages asking about ``topic``."""
        return render_sections(self._sections, "{topic}", topic)

    @classmethod
    def from_file(cls, path: str | Path) -> PromptTemplate:
        """A template from ``<type>.v<N>.txt`` anywhere (custom templates)."""
        path = Path(path)
        ktype = path.name.split(".", 1)[0]
        try:
            kind = KnowledgeType(ktype)
        except ValueError as exc:
            raise InputError(
                str(path),
                None,
                f"template file names start with a knowledge type "
                f"({', '.join(k.value for k in KnowledgeType)}), not {ktype!r}",
            ) from exc
        template = cls(path.name.removesuffix(".txt"), kind, path.read_text(encoding="utf-8"))
        template.render("x")  # validate now, naming the file
        return template


def load_templates(
    version: str = "v1", types: Sequence[KnowledgeType | str] | None = None
) -> list[PromptTemplate]:
    """The shipped templates of ``version``, one per knowledge type (``types``: a subset)."""
    wanted = [KnowledgeType(t) for t in types] if types else list(KnowledgeType)
    root = resources.files("grapheme_distill").joinpath("prompts")
    out = []
    for kind in wanted:
        name = f"{kind.value}.{version}"
        res = root.joinpath(f"{name}.txt")
        if not res.is_file():
            raise InputError(f"prompts/{name}.txt", None, f"no shipped template {name}")
        out.append(PromptTemplate(name, kind, res.read_text(encoding="utf-8")))
    return out


def read_topics(items: Sequence[str]) -> list[str]:
    """Topics from arguments that are files (one topic per line, ``#`` comments) or literal text.

    Raises:
        InputError: a file with no topics (naming it).
    """
    topics: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_file():
            found = [
                line.strip()
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")
            ]
            if not found:
                raise InputError(str(path), None, "no topics in the file (one topic per line)")
            topics.extend(found)
        elif _names_a_file(path):
            raise InputError(
                item,
                None,
                "no such topics file; check the path (a topic given as "
                "text is used as it is, but this one names a file)",
            )
        elif item.strip():
            topics.append(item.strip())
    return list(dict.fromkeys(topics))


_TOPIC_FILE_SUFFIXES = frozenset({".txt", ".lst", ".list", ".csv", ".tsv", ".md", ".jsonl"})


def _names_a_file(path: Path) -> bool:
    """Whether a ``--topics`` argument that is no file was meant as one (a typo in a path):
    a file suffix, or a folder part that exists ("AC/DC" is a topic, "data/topcis" a typo)."""
    if path.suffix.lower() in _TOPIC_FILE_SUFFIXES:
        return True
    return len(path.parts) > 1 and path.parent.is_dir()


class TopicsSummary(DistillSummary):
    """A topic run's summary: the pipeline's counters plus what was asked and learned."""

    teacher: str = ""
    model: str | None = None
    topics: list[str] = Field(default_factory=list)
    templates: dict[str, str] = Field(default_factory=dict)  # name -> hash
    asked: int = 0
    teacher_failures: int = 0
    cloze_targets: int = 0
    learned: dict[str, list[str]] = Field(default_factory=dict)
    account: dict[str, Any] | None = None  # tokens, cost, cache hits, retries (wrapped teachers)


def describe(record: DistilledKnowledge, limit: int = 3) -> list[str]:
    """A few human-readable lines for one knowledge record (entity ids shown as names)."""
    names = {e.id: e.name for e in record.entities}

    def n(eid: str | None) -> str:
        return names.get(eid or "", eid or "?")

    lines: list[str] = []
    for r in record.relations:
        lines.append(f"{n(r.subject)} —{'not ' if r.negated else ''}{r.predicate}→ {n(r.object)}")
    for a in record.attributes:
        lines.append(f"{n(a.entity)}: {a.name} = {a.value}")
    for p in record.procedures:
        first = p.steps[0] if p.steps else ""
        lines.append(f"procedure '{p.goal}': {len(p.steps)} steps, first: {first[:60]}")
    for h in record.hierarchy:
        if h.relation.value == "contains":
            lines.append(f"{n(h.parent)} contains {n(h.child)}")
        else:
            lines.append(f"{n(h.child)} {h.relation.value.replace('_', ' ')} {n(h.parent)}")
    for li in record.linguistic:
        lines.append(f"{n(li.entity)} ({li.relation.value}): {li.value}")
    return lines[:limit]


async def adistill_topics(
    topics: Sequence[str],
    teacher: Teacher,
    store: ResumableStore,
    config: DistillationConfig | None = None,
    extractor: Extractor | None = None,
    *,
    templates: Sequence[PromptTemplate] | None = None,
    clozes: Sequence[ClozePrompt] = (),
    max_tokens: int = 160,
    answer_logprobs: bool = False,
    auto_clozes: int = 1,
    model: str | None = None,
    seed: int | None = 0,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: ProgressCallback | None = None,
) -> TopicsSummary:
    """Ask ``teacher`` about each topic with each template; extract, store, summarise.

    Args:
        topics: what to ask about.
        teacher: any :class:`~grapheme_distill.teachers.base.Teacher`; with logprobs, every
            answer's per-token alternatives are stored as soft targets too.
        store: the graph store (requests already processed by ``extractor`` are not asked again).
        config: session thresholds and the soft-target temperature; default preset when None.
        extractor: the best installed offline reader when None (:func:`best_available_extractor`).
        templates: one per knowledge type; the shipped ``v1`` set when None.
        clozes: cloze prompts to ask for soft targets (needs a logprob teacher).
        max_tokens: answer budget per request (the main cost on a CPU).
        answer_logprobs: also ask for logprobs on the topic answers: every answer token's top-5
            alternatives become soft targets and the mean token probability enters each record's
            confidence.  Off by default: a free-text answer's mean token probability is ~0.7-0.8
            even when it is right (many tokens are wording choices), which would push most records
            of a small local model under ``min_confidence``.
        auto_clozes: per topic, turn this many of the most confident learned relations into cloze
            prompts ("Paris is located in ___") and store the teacher's distribution over how the
            blank starts as a soft target (logprob teachers only; 0 turns it off).
        model: model name for providers that need one.
        seed: sampling seed (answers are greedy, T = 0; the seed matters to sampling teachers).
        concurrency: requests in flight at once across all topics and templates (one
            :class:`~grapheme_distill.pool.RequestPool`; a local model answers one at a time).
        progress: ``progress(done, total)`` over (topic, template) requests and clozes.

    Returns:
        The run's summary (also saved on the store's run record).
    """
    started = time.monotonic()
    config = config or DistillationConfig.default()
    extractor = extractor or get_extractor(best_available_extractor())
    templates = list(templates) if templates is not None else load_templates()
    topics = list(dict.fromkeys(t.strip() for t in topics if t.strip()))
    want_lp = bool(teacher.supports_logprobs) and answer_logprobs
    run_id = store.begin_run(
        "distill_topics",
        {
            "topics": topics,
            "teacher": teacher.name,
            "model": model,
            "templates": {t.name: t.hash for t in templates},
            "extractor": f"{extractor.name}@{extractor.version}",
            "config": config.model_dump(),
            "max_tokens": max_tokens,
            "clozes": [c.text for c in clozes],
        },
    )
    summary = TopicsSummary(
        run_id=run_id,
        teacher=teacher.name,
        model=model,
        topics=topics,
        templates={t.name: t.hash for t in templates},
        inputs=list(topics),
    )
    ingester = ExchangeIngester(store, config, extractor, run_id, summary=summary)
    total = len(topics) * len(templates) + len(clozes)
    done = 0
    own_reasons: Counter[str] = Counter()  # teacher/cloze failures (the ingester counts its own)
    ingester_reasons: dict[str, int] = {}

    def merge_reasons() -> None:
        summary.failure_reasons = dict(Counter(ingester_reasons) + own_reasons)

    pool = RequestPool(concurrency)
    if progress:  # the bar knows its total before the first answer
        progress(0, total)

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    async def ask(request: TeacherRequest, source: str) -> TeacherResponse | None:
        try:
            return await pool.complete(teacher, request)
        except TeacherUnavailable:
            raise  # fail fast: every other request would fail the same way (bad key, refused)
        except DistillError as exc:
            summary.teacher_failures += 1
            summary.failures += 1
            reason = reason_key(exc)
            own_reasons[reason] += 1
            merge_reasons()
            with store.transaction():
                store.clear_failures(source)
                store.record_failure(run_id, source, f"{reason}: {exc}")
            return None
        finally:
            tick()

    Job = tuple[PromptTemplate, TeacherRequest, str]

    async def ask_topic(
        topic: str, jobs: list[Job]
    ) -> tuple[str, list[Job], list[TeacherResponse | None]]:
        return topic, jobs, list(await asyncio.gather(*(ask(req, src) for _, req, src in jobs)))

    def plan(topic: str) -> list[Job]:
        jobs: list[Job] = []
        for template in templates:
            request = TeacherRequest(
                messages=template.render(topic),
                model=model,
                temperature=0.0,
                max_tokens=max_tokens,
                seed=seed,
                logprobs=want_lp,
                top_logprobs=5 if want_lp else None,
                metadata={
                    "topic": topic,
                    "template": template.name,
                    "template_hash": template.hash,
                },
            )
            summary.exchanges += 1
            asked_of[topic].append((template, request))
            if ingester.is_done(request):
                summary.already_processed += 1
                tick()
                continue
            jobs.append((template, request, f"topic:{topic}#{template.name}"))
        return jobs

    groups: list[asyncio.Future[tuple[str, list[Job], list[TeacherResponse | None]]]] = []
    try:
        # every (topic, template) request goes into the one pool at once, so `concurrency`
        # requests stay in flight across topics; each topic is ingested (one transaction, the
        # ingester the only writer) as soon as all its answers are in
        summary.learned = {topic: [] for topic in topics}
        asked_of: dict[str, list[tuple[PromptTemplate, TeacherRequest]]] = {t: [] for t in topics}
        groups += [asyncio.ensure_future(ask_topic(topic, plan(topic))) for topic in topics]
        for next_group in asyncio.as_completed(groups):
            topic, jobs, responses = await next_group
            batch: list[PendingExchange] = []
            for (template, request, _source), response in zip(jobs, responses, strict=True):
                if response is None:
                    continue
                summary.asked += 1
                batch.append(_pending(teacher.name, template, request, response))
            learned = ingester.ingest(batch)
            if batch:
                ingester_reasons = dict(summary.failure_reasons)
                merge_reasons()
            # one line per fact, however many answers taught it
            summary.learned[topic] = list(
                dict.fromkeys(line for rec in learned for line in describe(rec))
            )
            if teacher.supports_logprobs and auto_clozes > 0:
                # a topic answered (in part) before an interruption gets the clozes an
                # uninterrupted run would ask: they come from all its answers, read again
                basis = (
                    learned
                    if len(jobs) == len(asked_of[topic])
                    else _relearn(store, config, extractor, teacher.name, asked_of[topic])
                )
                clozes = [*clozes, *clozes_from(basis, auto_clozes)]
                total = len(topics) * len(templates) + len(clozes)

        async def ask_cloze(cloze: ClozePrompt) -> None:
            async with pool.slot():
                await _ask_cloze(
                    teacher,
                    cloze,
                    config,
                    store,
                    run_id,
                    summary,
                    own_reasons,
                    max_tokens=4,
                    model=model,
                )
            merge_reasons()
            tick()

        await asyncio.gather(*(ask_cloze(cloze) for cloze in clozes))
    finally:
        for group in groups:  # a failing store stops the run: no request is left dangling
            group.cancel()
        # wait for the cancellations and collect what other topics raised (the same fail-fast
        # error, say): the caller reports the run's error once, with no "exception never
        # retrieved" traceback from the event loop afterwards
        await asyncio.gather(*groups, return_exceptions=True)
        summary.duration_s = time.monotonic() - started
        summary.store = store.stats()
        store.finish_run(run_id, summary.model_dump(mode="json", exclude={"store"}))
    return summary


def _relearn(
    store: ResumableStore,
    config: DistillationConfig,
    extractor: Extractor,
    teacher: str,
    jobs: Sequence[tuple[PromptTemplate, TeacherRequest]],
) -> list[DistilledKnowledge]:
    """What the stored answers to ``jobs`` teach, read again in a scratch store (the real one
    already holds it): a resumed run derives the same clozes from them as an uninterrupted one."""
    from grapheme_distill.store.memory import MemoryStore

    batch = []
    for template, request in jobs:
        pair = store.get_call(request.content_hash())
        if pair is not None:
            batch.append(_pending(teacher, template, request, pair[1]))
    return ExchangeIngester(MemoryStore(), config, extractor, "relearn").ingest(batch)


def _pending(
    teacher: str, template: PromptTemplate, request: TeacherRequest, response: TeacherResponse
) -> PendingExchange:
    source = f"topic:{request.metadata.get('topic', '')}#{template.name}"
    prov = Provenance(
        teacher=teacher,
        model=response.model or request.model,
        prompt_template=template.name,
        prompt_template_hash=template.hash,
        params=request.sampling_params(),
        source=source,
    )
    return PendingExchange(
        request,
        response,
        request.text,
        prov,
        template.knowledge_type,
        source,
        template=template.name,
        template_hash=template.hash,
    )


def clozes_from(records: Sequence[DistilledKnowledge], limit: int) -> list[ClozePrompt]:
    """Cloze prompts from the most confident relations: "<subject> <predicate> ___", open-ended
    (the teacher's own alternatives are the outcomes); the learned object is not a candidate, so
    the distribution is the teacher's, not ours."""
    ranked = sorted(
        (
            (rec.confidence.value, rel, rec)
            for rec in records
            for rel in rec.relations
            if not rel.negated
        ),
        key=lambda t: -t[0],
    )
    out: list[ClozePrompt] = []
    for _, rel, rec in ranked:
        names = {e.id: e.name for e in rec.entities}
        subject = names.get(rel.subject)
        if subject is None:
            continue
        text = f"{subject} {rel.predicate.replace('_', ' ')}"
        if all(c.text != text for c in out):
            out.append(ClozePrompt(text=text))
        if len(out) >= limit:
            break
    return out


async def _ask_cloze(
    teacher: Teacher,
    cloze: ClozePrompt,
    config: DistillationConfig,
    store: ResumableStore,
    run_id: str,
    summary: TopicsSummary,
    reasons: Counter[str],
    *,
    max_tokens: int,
    model: str | None,
) -> None:
    source = f"cloze:{cloze.text}"
    try:
        result = await aask_cloze(teacher, cloze, config, max_tokens=max_tokens, model=model)
    except DistillError as exc:
        reason = type(exc).__name__
        summary.failures += 1
        reasons[reason] += 1
        with store.transaction():
            store.clear_failures(source)
            store.record_failure(run_id, source, f"{reason}: {exc}", getattr(exc, "raw", ""))
        return
    with store.transaction():
        call_hash = store.record_call(
            result.request, result.response, prompt_template="cloze", run_id=run_id
        )
        added = store.add_soft_target(result.target, call_hash=call_hash)
    summary.cloze_targets += int(added)
    summary.soft_targets += int(added)
    summary.prompt_tokens += result.response.usage.prompt_tokens
    summary.completion_tokens += result.response.usage.completion_tokens
    top = sorted(result.target.as_dict().items(), key=lambda kv: -kv[1])[:3]
    summary.learned.setdefault("cloze", []).append(
        f"{cloze.text} … "
        + ", ".join(f"{c} {p:.2f}" for c, p in top)
        + f" (T={result.target.temperature:g})"
    )


def distill_topics(
    topics: Sequence[str],
    teacher: Teacher,
    store: ResumableStore,
    config: DistillationConfig | None = None,
    extractor: Extractor | None = None,
    **options: Any,
) -> TopicsSummary:
    """Sync twin of :func:`adistill_topics` (same arguments)."""
    with relaxed_gc():  # see crawl(): the young-generation passes cost ~10 % of the CPU
        return asyncio.run(adistill_topics(topics, teacher, store, config, extractor, **options))


def run_topics(
    items: Sequence[str],
    store: ResumableStore,
    config: DistillationConfig | None = None,
    extractor: Extractor | None = None,
    *,
    teacher: str = "local",
    model: str | None = None,
    base_url: str | None = None,
    types: Sequence[str] = (),
    clozes: Sequence[str] = (),
    concurrency: int = DEFAULT_CONCURRENCY,
    config_path: str | Path | None = None,
    replay_store: Any = None,
    replay_from: Path | None = None,
    on_status: Callable[[str], None] | None = None,
    **options: Any,
) -> TopicsSummary:
    """The main job from names and files, as the CLI's ``distill --topics`` runs it.

    ``items`` are topics or files of topics (:func:`read_topics`), ``types`` knowledge type names
    (all five when empty), ``clozes`` cloze texts (:meth:`ClozePrompt.parse`); the teacher comes
    from :func:`~grapheme_distill.teachers.open.open_teacher` and is closed afterwards (``replay``
    answers from ``replay_store``, by default ``store`` itself, or from ``replay_from``).  Other
    ``options`` go to :func:`adistill_topics` (``max_tokens``, ``auto_clozes``, ``progress`` …).

    Raises:
        InputError: an unknown knowledge type, no topics, or an unreadable topics file.
    """
    known = {k.value for k in KnowledgeType}
    if unknown := [t for t in types if t not in known]:
        raise InputError(
            "--types", None, f"{unknown[0]!r} is not one of {', '.join(sorted(known))}"
        )
    templates = load_templates(types=list(types) or None)
    topics = read_topics(items)
    if not topics:
        raise InputError("--topics", None, "needs at least one topic (text or a file of lines)")
    chosen = open_teacher(
        teacher,
        model=model,
        base_url=base_url,
        concurrency=concurrency,
        config_path=config_path,
        replay_store=store if replay_store is None else replay_store,
        replay_from=replay_from,
        on_status=on_status,
    )
    try:
        load = getattr(chosen, "load", None)  # the embedded model: loading is its own step,
        if callable(load):  # said before any progress, not hidden in the first request
            if on_status:
                on_status("loading the embedded model ...")
            load()
        summary = distill_topics(
            topics,
            chosen,
            store,
            config,
            extractor,
            templates=templates,
            clozes=[ClozePrompt.parse(c) for c in clozes],
            model=None if teacher == "local" else model,
            concurrency=concurrency,
            **options,
        )
        account = getattr(chosen, "account", None)
        if account is not None:
            summary.account = account.summary()
        return summary
    finally:
        closer = getattr(chosen, "close", None)
        if callable(closer):
            closer()
