"""The ``distill --topics`` source: build the teacher, run :func:`distill_topics`, say what was learned.

Kept apart from ``distill_cmd`` so the transcript path never imports teacher code.  Remote
teachers are wrapped in the standard stack (retries with backoff, bounded concurrency,
accounting) from :func:`~grapheme_distill.teachers.wrappers.wrap_teacher`; the embedded model is
used as is (it cannot be rate limited and never fails transiently); ``replay`` answers from a
store or transcript file of an earlier run.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import click

from grapheme_distill.cli._common import console
from grapheme_distill.cloze import ClozePrompt
from grapheme_distill.config import DistillationConfig
from grapheme_distill.errors import InputError
from grapheme_distill.extractors import Extractor
from grapheme_distill.model.knowledge import KnowledgeType
from grapheme_distill.pipeline import DistillSummary, ProgressCallback, ResumableStore
from grapheme_distill.teachers.base import Teacher
from grapheme_distill.topics import TopicsSummary, distill_topics, load_templates, read_topics

__all__ = ["build_teacher", "render_learned", "run_topics"]


def build_teacher(
    name: str, *, model: str | None, base_url: str | None, concurrency: int,
    store: ResumableStore, replay_from: Path | None, config_path: str | None = None,
) -> Teacher:
    """The teacher ``--teacher`` names, ready to use.

    Remote teachers get the standard stack (:func:`wrap_teacher`): bounded concurrency, retries
    honouring Retry-After, and cost accounting with the ``[prices]`` of the run's config file,
    whose ``[teachers.<name>]`` tables also define extra OpenAI-compatible servers.
    """
    if name == "local":
        from grapheme_distill.teachers.local import DEFAULT_LOCAL_MODEL, LocalTeacher

        return LocalTeacher(model or DEFAULT_LOCAL_MODEL,
                            progress=lambda msg: click.echo(msg, err=True))
    if name == "replay":
        from grapheme_distill.teachers.replay import ReplayTeacher

        if replay_from is None:
            return ReplayTeacher.from_store(store)  # type: ignore[arg-type]
        if not replay_from.is_file():
            raise InputError(str(replay_from), None, "no such file to replay from")
        if replay_from.suffix in {".db", ".sqlite", ".sqlite3"}:
            from grapheme_distill.store import open_store

            source = open_store(replay_from)
            try:
                return ReplayTeacher.from_store(source)
            finally:
                source.close()
        return ReplayTeacher.from_transcripts([replay_from])
    from grapheme_distill.teachers.pricing import PriceTable
    from grapheme_distill.teachers.registry import get_teacher, load_teacher_config
    from grapheme_distill.teachers.wrappers import wrap_teacher

    prices = None
    if config_path is not None:
        load_teacher_config(config_path)  # [teachers.<name>] tables, if any
        with open(config_path, "rb") as fh:
            if "prices" in tomllib.load(fh):
                prices = PriceTable.from_toml(config_path)
    options: dict[str, Any] = {}
    if model:
        options["model"] = model
    if base_url:
        options["base_url"] = base_url
    # no cache layer: distill_topics already skips requests the store has answered
    return wrap_teacher(
        get_teacher(name, **options), concurrency=concurrency, cache=False, prices=prices
    )


def run_topics(
    items: tuple[str, ...], *, teacher_name: str, store: ResumableStore,
    config: DistillationConfig, extractor: Extractor, model: str | None, base_url: str | None,
    types: str | None, max_tokens: int, clozes: tuple[str, ...], answer_logprobs: bool, auto_clozes: int,
    concurrency: int, replay_from: Path | None, progress: ProgressCallback | None,
    config_path: str | None = None,
) -> TopicsSummary:
    """Parse the topic arguments and run :func:`distill_topics` (the CLI's twin)."""
    wanted = [t.strip() for t in (types or "").split(",") if t.strip()]
    known = {k.value for k in KnowledgeType}
    if unknown := [t for t in wanted if t not in known]:
        raise click.BadParameter(f"{unknown[0]!r} is not one of {', '.join(sorted(known))}",
                                 param_hint="--types")
    templates = load_templates(types=wanted or None)
    topics = read_topics(items)
    if not topics:
        raise click.UsageError("--topics needs at least one topic (text or a file of lines)")
    teacher = build_teacher(teacher_name, model=model, base_url=base_url,
                            concurrency=concurrency, store=store, replay_from=replay_from,
                            config_path=config_path)
    try:
        summary = distill_topics(
            topics, teacher, store, config, extractor, templates=templates,
            clozes=[ClozePrompt.parse(c) for c in clozes], max_tokens=max_tokens,
            answer_logprobs=answer_logprobs, auto_clozes=auto_clozes,
            model=None if teacher_name == "local" else model,
            concurrency=concurrency, progress=progress,
        )
        account = getattr(teacher, "account", None)
        if account is not None:
            summary.account = account.summary()
        return summary
    finally:
        closer = getattr(teacher, "close", None)
        if callable(closer):
            closer()


def render_learned(summary: DistillSummary, per_topic: int = 8) -> None:
    """Print, per topic, a few of the things this run learned (and the cloze distributions)."""
    if not isinstance(summary, TopicsSummary):
        return
    out = console()
    out.print(f"[bold]Teacher[/bold] {summary.teacher}"
              + (f" ({summary.model})" if summary.model else "")
              + f"; templates: {', '.join(summary.templates)}")
    for topic, lines in summary.learned.items():
        title = "Cloze soft targets" if topic == "cloze" else f"Learned about {topic}"
        out.print(f"[bold]{title}[/bold] ({len(lines)} items)"
                  if lines else f"[bold]{title}[/bold]: nothing new (see failures)")
        for line in lines[:per_topic]:
            out.print(f"  • {line}", markup=False, highlight=False)
        if len(lines) > per_topic:
            out.print(f"  … and {len(lines) - per_topic} more")
    if summary.account:
        acc = summary.account
        cost = f"${acc['cost_usd']:.4f}" + ("" if acc["cost_complete"] else " (some models unpriced)")
        out.print(f"[bold]Teacher usage[/bold]: {acc['requests']} requests, {acc['retries']} retries, "
                  f"{acc['failures']} failures, {acc['prompt_tokens']:,}+{acc['completion_tokens']:,} "
                  f"tokens, cost {cost}")
