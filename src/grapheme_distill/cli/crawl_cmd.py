"""``grapheme-distill crawl`` and ``crawl-compare``: twins of :func:`grapheme_distill.crawl.crawl`
and :func:`grapheme_distill.crawl.compare_stores`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from grapheme_distill.cli import config_options, load_config
from grapheme_distill.cli._common import (
    console,
    echo_json,
    json_option,
    key_value_table,
    open_existing_store,
    store_option,
)
from grapheme_distill.cli.distill_cmd import StatusLine, load_step, run_with_progress
from grapheme_distill.crawl.runner import BUDGET_SPENT, FRONTIER_EMPTY, CrawlSummary
from grapheme_distill.errors import InputError
from grapheme_distill.pipeline import ProgressCallback
from grapheme_distill.pool import DEFAULT_CONCURRENCY
from grapheme_distill.teachers.base import Teacher

__all__ = ["crawl_cli", "crawl_compare_cli", "render_crawl"]

_OUTCOMES = {
    FRONTIER_EMPTY: "the frontier is empty: nothing left to ask",
    BUDGET_SPENT: "the budget is spent: re-run with a larger budget to continue",
    "teacher_unavailable": "the teacher is unavailable: fix it and re-run to continue",
}


def render_crawl(summary: CrawlSummary) -> None:
    """The crawl's closing report: how it ended, what it cost, what it yielded."""
    out = console()
    spent = summary.spent
    budget = summary.budget
    rows: list[tuple[str, Any]] = [
        ("ended because", _OUTCOMES.get(summary.outcome, summary.outcome)),
        ("teachers", ", ".join(summary.teachers)),
        (
            "requests (this run / crawl total)",
            f"{summary.requests:,} / {int(spent['requests']):,}"
            + (f" of {int(budget['requests'] or 0):,}" if budget.get("requests") else ""),
        ),
        ("sent to the teachers this run", summary.asked),
        (
            "tokens (prompt / completion, this run)",
            f"{summary.prompt_tokens:,} / {summary.completion_tokens:,}",
        ),
        ("cost (this run / crawl total)", f"${summary.cost_usd:.4f} / ${spent['cost_usd']:.4f}"),
        ("entities asked about", summary.entities_asked),
        ("new entities on the frontier", summary.new_entities),
        ("new facts (observations)", summary.new_facts),
        (
            "yield per request (entities / facts)",
            f"{summary.yield_entities:.2f} / {summary.yield_facts:.2f}",
        ),
        ("frontier left / visited", f"{summary.frontier_pending:,} / {summary.visited:,}"),
        ("most requests in flight", summary.max_in_flight),
        ("teacher failures", summary.teacher_failures),
        ("duration", f"{summary.duration_s:.2f} s"),
    ]
    if summary.frontier_over_time:
        points = summary.frontier_over_time
        step = max(1, len(points) // 8)
        rows.append(
            (
                "frontier over time (requests: size)",
                ", ".join(f"{r}: {f}" for r, f in points[::step]),
            )
        )
    for label, figures in sorted(summary.agreement.items()):
        rows.append(
            (
                f"agreement of {label}",
                f"{figures['agreement']:.0%} of {int(figures['items'])} items",
            )
        )
    if summary.agreement:
        rows.append(("flagged disagreements", summary.disagreements))
    out.print(key_value_table(f"Crawl {summary.crawl}, run {summary.run_id}", rows))


def _open_teachers(
    names: tuple[str, ...],
    models: tuple[str, ...],
    base_url: str | None,
    concurrency: int,
    config_path: str | None,
    on_status: Callable[[str], None],
) -> dict[str, Teacher]:
    from grapheme_distill.teachers.open import open_teacher

    if models and len(models) not in (1, len(names)):
        raise InputError("--model", None, f"give one --model, or one per --teacher ({len(names)})")
    teachers: dict[str, Teacher] = {}
    for i, name in enumerate(names):
        model = models[i] if len(models) == len(names) else (models[0] if models else None)
        teachers[name] = open_teacher(
            name,
            model=model,
            base_url=base_url,
            concurrency=concurrency,
            config_path=config_path,
            on_status=on_status,
        )
    return teachers


@click.command("crawl")
@click.option(
    "--seed", "seeds", multiple=True, metavar="NAME", help="An entity to start from (repeatable)."
)
@click.option(
    "--seeds",
    "seeds_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="A file of seed entities, one per line.",
)
@click.option(
    "--teacher",
    "teacher_names",
    multiple=True,
    metavar="NAME",
    help="Teacher to ask (repeatable: several teachers crawl one frontier; default local).",
)
@click.option(
    "--model",
    "models",
    multiple=True,
    help="Model of the teacher (once, or once per --teacher, in the same order).",
)
@click.option("--base-url", default=None, help="Server root for remote teachers.")
@store_option
@click.option(
    "--budget-requests",
    type=click.IntRange(1),
    default=None,
    help="Stop when the crawl (all runs) has made this many requests.",
)
@click.option(
    "--budget-tokens",
    type=click.IntRange(1),
    default=None,
    help="Stop when the crawl has spent this many tokens.",
)
@click.option(
    "--budget-usd",
    type=click.FloatRange(0),
    default=None,
    help="Stop when the crawl has cost this much (priced models only).",
)
@click.option(
    "--depth",
    type=click.IntRange(0),
    default=None,
    help="Do not queue entities further than this many hops from a seed.",
)
@click.option(
    "--samples",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Ask each question this many times at temperature 0.7 (agreement between "
    "samples raises confidence).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 1024),
    default=DEFAULT_CONCURRENCY,
    show_default=True,
    help="Requests in flight at once, across entities, samples and teachers.",
)
@click.option(
    "--max-tokens",
    type=click.IntRange(1, 32_768),
    default=1024,
    show_default=True,
    help="Answer budget per request.",
)
@click.option(
    "--max-items",
    type=click.IntRange(1, 1000),
    default=None,
    help="At most this many items per list of an answer (in the JSON schema: the "
    "embedded teacher's grammar enforces it, so small models end their answers).",
)
@click.option(
    "--crawl",
    "crawl_name",
    default="default",
    show_default=True,
    help="Which crawl of the store to start or continue.",
)
@json_option("the crawl's figures")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@config_options
def crawl_cli(
    seeds: tuple[str, ...],
    seeds_file: Path | None,
    teacher_names: tuple[str, ...],
    models: tuple[str, ...],
    base_url: str | None,
    store_path: Path,
    budget_requests: int | None,
    budget_tokens: int | None,
    budget_usd: float | None,
    depth: int | None,
    samples: int,
    concurrency: int,
    max_tokens: int,
    max_items: int | None,
    crawl_name: str,
    as_json: bool,
    no_progress: bool,
    config_path: str | None,
    preset: str,
    overrides: tuple[str, ...],
) -> None:
    """Crawl what a teacher knows, recursively from seed entities, into the store.

    Each entity on the frontier is asked about (JSON in the five knowledge types); the entities
    its answer names join the frontier.  Kill it at any moment and re-run the same command: it
    continues where it stopped and asks nothing twice.

    \b
    Examples:
      grapheme-distill crawl --seed "Marie Curie" --teacher local --budget-requests 10 --store kb.db
      grapheme-distill crawl --seeds seeds.txt --teacher a --teacher b --config run.toml \\
          --budget-usd 2 --concurrency 64 --store kb.db
    """
    from grapheme_distill.crawl import crawl
    from grapheme_distill.store import open_store
    from grapheme_distill.topics import read_topics

    names = [*seeds, *([str(seeds_file)] if seeds_file else [])]
    if seeds_file is not None and not seeds_file.is_file():
        raise InputError(str(seeds_file), None, "no such seeds file")
    seed_list = read_topics(names)
    config = load_config(config_path, preset, overrides)
    status = StatusLine()
    teachers = _open_teachers(
        teacher_names or ("local",), models, base_url, concurrency, config_path, status
    )
    store = open_store(store_path)
    try:
        if not seed_list and store.crawl_state(crawl_name) is None:
            raise click.UsageError("a new crawl needs --seed NAME or --seeds FILE")

        def run(progress: ProgressCallback | None) -> CrawlSummary:
            for teacher in teachers.values():  # the embedded model: its own step of the display
                load_step(teacher, status)
            return crawl(
                seed_list,
                teachers,
                store,
                config,
                crawl_name=crawl_name,
                budget_requests=budget_requests,
                budget_tokens=budget_tokens,
                budget_usd=budget_usd,
                depth=depth,
                samples=samples,
                concurrency=concurrency,
                max_tokens=max_tokens,
                max_items=max_items,
                progress=progress,
            )

        summary = run_with_progress(
            run, show=not (no_progress or as_json), status=status, label="crawling"
        )
    finally:
        store.close()
        for teacher in teachers.values():
            closer = getattr(teacher, "close", None)
            if callable(closer):
                closer()
    assert isinstance(summary, CrawlSummary)
    if as_json:
        echo_json(summary.model_dump(mode="json"))
    else:
        render_crawl(summary)


@click.command("crawl-compare")
@click.argument("first", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("second", type=click.Path(dir_okay=False, path_type=Path))
@json_option("the overlap")
def crawl_compare_cli(first: Path, second: Path, as_json: bool) -> None:
    """Reproducibility of two crawls: overlap of their entities and facts (A.db B.db)."""
    from grapheme_distill.crawl import compare_stores

    a, b = open_existing_store(first), open_existing_store(second)
    try:
        result = compare_stores(a, b)
    finally:
        a.close()
        b.close()
    if as_json:
        echo_json(result.model_dump(mode="json"))
        return
    rows: list[tuple[str, Any]] = []
    for what, o in (("entities", result.entities), ("facts", result.facts)):
        rows += [
            (f"{what}: A / B / both", f"{o.a:,} / {o.b:,} / {o.both:,}"),
            (f"{what}: Jaccard", f"{o.jaccard:.3f}"),
            (f"{what}: A found in B / B found in A", f"{o.a_in_b:.1%} / {o.b_in_a:.1%}"),
        ]
    console().print(key_value_table(f"Crawl overlap: A={first} B={second}", rows))
