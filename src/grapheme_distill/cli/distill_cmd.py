"""``grapheme-distill distill``: the twin of :func:`grapheme_distill.pipeline.distill_transcripts`.

Sources are mutually exclusive options, of which exactly one is required (today
``--transcripts``); a new source (e.g. live ``--topics`` with ``--teacher``) adds its option, one
entry in ``_sources`` and one runner, and reuses the progress bar and the summary table.
"""

from __future__ import annotations

import functools
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from grapheme_distill.cli import config_options, load_config
from grapheme_distill.cli._common import (
    console,
    echo_json,
    key_value_table,
    open_existing_store,
    store_option,
)
from grapheme_distill.executors import EXECUTORS, Executor, get_executor
from grapheme_distill.extractors import (
    available_extractors,
    best_available_extractor,
    get_extractor,
)
from grapheme_distill.extractors.base import Extractor
from grapheme_distill.extractors.vocab_file import (
    VocabularyExtractor,
    VocabularyFile,
    load_vocabulary,
)
from grapheme_distill.pipeline import (
    DistillSummary,
    ProgressCallback,
    distill_documents,
    distill_transcripts,
)
from grapheme_distill.pool import DEFAULT_CONCURRENCY
from grapheme_distill.store import SQLiteStore, open_store

__all__ = ["StatusLine", "distill_cli", "load_step", "render_summary", "run_with_progress"]


def render_summary(summary: DistillSummary) -> None:
    """Print the closing summary tables of a distillation run."""
    out = console()
    failures = summary.failures
    reasons = ", ".join(
        f"{k} {v}"
        for k, v in sorted(  # the commonest first
            summary.failure_reasons.items(), key=lambda kv: (-kv[1], kv[0])
        )
    )
    skipped = ", ".join(f"{why} {n:,}" for why, n in summary.skipped.items())
    rejections = ", ".join(f"{k} {v}" for k, v in sorted(summary.rejections.items())) or "none"
    rows: list[tuple[str, Any]] = [
        ("reader (extractor)", summary.extractor),
        ("exchanges read", summary.exchanges),
        (
            "already processed (skipped)",
            f"{summary.already_processed:,} ({skipped})" if skipped else summary.already_processed,
        ),
        ("processed now", summary.processed),
        ("knowledge records stored", summary.knowledge_records),
        ("new observations", summary.new_observations),
        ("soft targets stored", summary.soft_targets),
        ("sessions", summary.sessions),
        ("rejected by the session", rejections),
        ("failures", f"{failures} ({reasons})" if failures else "0"),
        ("bad input lines", summary.bad_lines),
        (
            "teacher tokens (prompt / completion)",
            f"{summary.prompt_tokens:,} / {summary.completion_tokens:,}",
        ),
        ("duration", f"{summary.duration_s:.2f} s"),
    ]
    if summary.rejected_files:
        rows.append(("rejected lines written to", ", ".join(summary.rejected_files)))
    rows += [("skipped, e.g.", note) for note in summary.skipped_notes[:3]]
    out.print(key_value_table(f"Distillation run {summary.run_id}", rows))
    if summary.store is not None:
        s = summary.store
        out.print(
            key_value_table(
                "Store now holds",
                [
                    ("entities", s.entities),
                    ("relations", s.relations),
                    ("attributes", s.attributes),
                    ("procedures", s.procedures),
                    ("hierarchy edges", s.hierarchy),
                    ("linguistic items", s.linguistic),
                    ("observations", s.observations),
                    ("contradictions", s.contradictions),
                    ("teacher calls", s.teacher_calls),
                ],
            )
        )


def render_next_steps(store_path: Path, example: str | None) -> None:
    """Say where the result is and what to try next (a first-time user has no idea)."""
    store = shlex.quote(str(store_path))
    name = shlex.quote(example) if example else "NAME"
    out = console()
    out.print(
        f"[bold]The graph is in {escape(str(store_path))}[/bold] (SQLite). Next:", highlight=False
    )
    for line in (
        f"grapheme-distill show {name} --store {store}",
        f"grapheme-distill stats --store {store}",
        f"grapheme-distill export --store {store} --format grapheme "
        f"-o {shlex.quote(store_path.stem + '.grapheme.json')}",
    ):
        out.print(f"  {escape(line)}", highlight=False)


_S = TypeVar("_S", bound=DistillSummary)


class StatusLine:
    """Where a run's status lines go (the embedded model's weights being assembled, the model
    loading): stderr, or — while :func:`run_with_progress` shows its display — a step of that
    display, so each is its own row before the bar instead of text scribbled across it."""

    def __init__(self) -> None:
        self.target: Callable[[str], None] = lambda msg: click.echo(msg, err=True)

    def __call__(self, message: str) -> None:
        self.target(message)


def load_step(teacher: object, status: Callable[[str], None]) -> None:
    """Load the embedded model (a teacher with ``load``) as a step of its own, announced, instead
    of inside the first request, where the bar would seem to hang for a minute."""
    load = getattr(teacher, "load", None)
    if callable(load):
        status("loading the embedded model ...")
        load()


def run_with_progress(
    run: Callable[[ProgressCallback | None], _S],
    *,
    show: bool,
    status: StatusLine | None = None,
    label: str = "distilling",
    console: Console | None = None,
) -> _S:
    """Run ``run(progress)`` under a rich progress display on stderr (or silently).

    The display is one row per step: each line said through ``status`` while it runs (assembling
    the model's weights, loading it) becomes a row with its elapsed time, done when the next
    step starts, and the work itself is one bar that knows its total from the first
    ``progress(0, total)``.
    """
    if not show:
        return run(None)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=True,
    ) as display:
        steps: list[TaskID] = []
        bar: list[TaskID] = []

        def finish_steps() -> None:
            while steps:
                display.update(steps.pop(), total=1, completed=1, count="done")

        def step(message: str) -> None:
            finish_steps()
            steps.append(display.add_task(escape(message), total=None, count=""))

        def progress(done: int, total: int | None) -> None:
            finish_steps()
            if not bar:
                bar.append(display.add_task(f"[bold]{label}", total=total, count=""))
            count = f"{done}/{total}" if total is not None else str(done)
            display.update(bar[0], completed=done, total=total, count=count)

        previous = status.target if status is not None else None
        if status is not None:
            status.target = step
        try:
            return run(progress)
        finally:
            if status is not None and previous is not None:
                status.target = previous


@click.command("distill")
@click.option(
    "--transcripts",
    "transcripts",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Recorded teacher exchanges (JSONL: prompt/messages + response, OpenAI chat-completion "
    "objects or OpenAI batch output). More files may follow the flag or repeat it.",
)
@click.argument(
    "more_files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path), metavar="[FILE]..."
)
@click.option(
    "--topics",
    "topics",
    multiple=True,
    metavar="FILE|TEXT",
    help="Ask a live teacher about topics: a file with one topic per line, or the topic itself. "
    "More topics may follow the flag or repeat it.",
)
@click.option(
    "--documents",
    "documents",
    multiple=True,
    type=click.Path(exists=False, path_type=Path),
    metavar="PATH",
    help="Your own text and markdown files, or folders of them (.txt, .md, .markdown, .rst): "
    "each document's text is read as an answer. More paths may follow the flag or repeat it.",
)
@click.option(
    "--extract-teacher",
    default=None,
    metavar="NAME",
    help="Read answers with the llm extractor asking this teacher (implies --extractor "
    "llm; --base-url applies to it; --set extractor.KEY=VALUE sets its options, e.g. "
    "extractor.model=gpt-4o-mini, extractor.glean=true).",
)
@click.option(
    "--teacher",
    "teacher_name",
    default="local",
    show_default=True,
    help="Teacher for --topics: local (embedded GGUF model), openai, ollama, anthropic, "
    "replay, or any name from a [teachers.<name>] config table.",
)
@click.option(
    "--model",
    default=None,
    help="Model for --topics (local: qwen2.5-coder-1.5b or gemma3-270m; remote: the "
    "provider's model name).",
)
@click.option(
    "--base-url", default=None, help="Server root for remote teachers, e.g. http://host:8000/v1."
)
@click.option(
    "--types",
    "types",
    default=None,
    metavar="TYPE,...",
    help="Knowledge types to ask about with --topics (default all five: factual, "
    "relational, procedural, structural, linguistic); fewer types, fewer questions.",
)
@click.option(
    "--max-tokens",
    default=160,
    show_default=True,
    type=click.IntRange(1, 32_768),
    help="Answer budget per question (the main cost on a CPU).",
)
@click.option(
    "--cloze",
    "clozes",
    multiple=True,
    metavar="TEXT",
    help="A cloze to store the teacher's distribution for, e.g. "
    '"The capital of France is | Paris; Lyon" (repeatable; needs logprobs).',
)
@click.option(
    "--auto-clozes",
    default=1,
    show_default=True,
    type=click.IntRange(0, 100),
    help="Per topic, ask this many learned relations back as clozes for soft targets.",
)
@click.option(
    "--answer-logprobs",
    is_flag=True,
    help="Also keep the answers' token logprobs (soft targets, and the teacher's "
    "certainty lowers each record's confidence).",
)
@click.option(
    "--concurrency",
    default=DEFAULT_CONCURRENCY,
    show_default=True,
    type=click.IntRange(1, 1024),
    help="Teacher requests in flight at once, across all topics (--topics) or "
    "documents (--extract-teacher); the teacher is opened with the same limit.",
)
@click.option(
    "--replay-from",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="With --teacher replay: a store (.db) or transcript file to answer from "
    "(default: the --store itself).",
)
@store_option
@click.option(
    "--skip-bad",
    is_flag=True,
    help="Skip bad input lines (counted, written to FILE.rejected.jsonl) instead of stopping.",
)
@click.option(
    "--types-from-transcript/--all-types",
    "types_from_transcript",
    default=False,
    show_default=True,
    help="With --transcripts: extract only the knowledge_type a line names (lines "
    "without one get all five), or every type from every answer (default: an answer "
    "often teaches more than it was asked for).",
)
@click.option(
    "--extractor",
    "extractor_name",
    default=None,
    help="Knowledge extractor by registry name "
    f"({', '.join(available_extractors())}; default: spacy where the [spacy] extra is "
    "installed, else rules).",
)
@click.option(
    "--learned",
    default=None,
    metavar="all|none|LAYER,...",
    help="The spacy extractor's learned layers: all (default), none (the hand rules alone) or "
    "those named (entities, relations, hierarchy, parents); the run's extractor "
    "id says which (spacy@2+rules). Same as --set extractor.learned=VALUE.",
)
@click.option(
    "--batch-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Exchanges per store transaction (a kill loses at most one batch of work).",
)
@click.option(
    "--executor",
    "executor_name",
    type=click.Choice(EXECUTORS),
    default="local",
    show_default=True,
    help="Where answers are read: here, or in Ray tasks on a cluster (extra [ray]; "
    "this process stays the only writer, so the store is the same either way).",
)
@click.option(
    "--ray-address",
    default=None,
    metavar="ADDR",
    help="With --executor ray: the cluster to join (auto, HOST:6379, "
    "ray://HOST:10001); default: start one on this machine's cores.",
)
@click.option(
    "--fuzzy-threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Also merge entities whose names score at least this rapidfuzz ratio (0-100).",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="Also merge names an offline sentence encoder puts close together (Mao Zedong / Mao "
    "Tse-tung), among candidates sharing a word, type, qualifier and numbers; extra [embed].",
)
@click.option(
    "--vocabulary",
    "vocabulary_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Map relations onto your predicates: a TOML file of [[relation]] tables (name, "
    "surface, inverse, domain, range, functional, values); relations that fit none are kept.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the summary as JSON instead of tables."
)
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@config_options
def distill_cli(
    transcripts: tuple[Path, ...],
    more_files: tuple[Path, ...],
    topics: tuple[str, ...],
    documents: tuple[Path, ...],
    extract_teacher: str | None,
    teacher_name: str,
    model: str | None,
    base_url: str | None,
    types: str | None,
    max_tokens: int,
    clozes: tuple[str, ...],
    auto_clozes: int,
    answer_logprobs: bool,
    concurrency: int,
    replay_from: Path | None,
    store_path: Path,
    skip_bad: bool,
    types_from_transcript: bool,
    extractor_name: str | None,
    learned: str | None,
    batch_size: int,
    executor_name: str,
    ray_address: str | None,
    fuzzy_threshold: float | None,
    embeddings: bool,
    vocabulary_path: Path | None,
    as_json: bool,
    no_progress: bool,
    config_path: str | None,
    preset: str,
    overrides: tuple[str, ...],
) -> None:
    """Distil teacher answers into the store, resumably: a re-run skips what is already done.

    \b
    Examples:
      grapheme-distill distill --transcripts examples/transcripts.jsonl --store graph.db
      grapheme-distill distill --topics examples/topics.txt --teacher local --store graph.db
      grapheme-distill distill --documents notes/ --extract-teacher openai --store graph.db
    """
    sources = {
        "--transcripts FILE...": bool(transcripts),
        "--topics FILE|TEXT...": bool(topics),
        "--documents PATH...": bool(documents),
    }
    given = [name for name, present in sources.items() if present]
    if len(given) != 1:
        raise click.UsageError(f"give exactly one source: {' or '.join(sources)}")
    if more_files and not (transcripts or topics or documents):
        raise click.UsageError(f"unexpected argument {more_files[0]}")
    if ray_address is not None and executor_name != "ray":
        raise click.UsageError("--ray-address needs --executor ray")
    if executor_name != "local" and topics:
        raise click.UsageError(
            "--executor reads answers and documents (--transcripts, "
            "--documents); --topics asks a teacher, bounded by --concurrency"
        )
    if types_from_transcript and topics:
        raise click.UsageError(
            "--types-from-transcript reads transcript lines; with --topics "
            "choose the types to ask about with --types"
        )
    extractor_sets = tuple(o for o in overrides if o.startswith("extractor."))
    if learned is not None:
        if (extractor_name or best_available_extractor()) != "spacy" or extract_teacher:
            raise click.UsageError("--learned chooses the spacy extractor's learned layers")
        extractor_sets = (*extractor_sets, f"extractor.learned={learned}")
    status = StatusLine()
    config = load_config(
        config_path, preset, tuple(o for o in overrides if o not in extractor_sets)
    )
    vocabulary = load_vocabulary(vocabulary_path) if vocabulary_path is not None else None
    extractor = _extractor(
        extractor_name,
        extract_teacher,
        extractor_sets,
        base_url=base_url,
        concurrency=concurrency,
        config_path=config_path,
        on_status=status,
    )
    if vocabulary is not None:
        extractor = VocabularyExtractor(extractor, vocabulary)
    embedder = None
    if embeddings:
        from grapheme_distill.errors import MissingDependency
        from grapheme_distill.resolution.embed import MiniLMEmbedder, embedding_available

        if not embedding_available():
            raise MissingDependency("--embeddings", "embed")
        embedder = MiniLMEmbedder()
    store: SQLiteStore = open_store(store_path, fuzzy_threshold=fuzzy_threshold, embedder=embedder)
    executor: Executor | None = None
    try:
        if executor_name != "local":
            worker_options = _worker_options(
                extractor_name,
                extract_teacher,
                extractor_sets,
                base_url=base_url,
                concurrency=concurrency,
                config_path=config_path,
            )
            if vocabulary is not None and "extractor_factory" in worker_options:
                worker_options["extractor_factory"] = functools.partial(
                    _with_vocabulary, worker_options["extractor_factory"], vocabulary
                )
            executor = get_executor(executor_name, address=ray_address, **worker_options)
        if topics:
            from grapheme_distill.cli._topics import render_learned
            from grapheme_distill.topics import run_topics

            replay_store: Any = store
            if replay_from is not None and replay_from.suffix in {".db", ".sqlite", ".sqlite3"}:
                replay_store, replay_from = open_existing_store(replay_from), None
            try:
                topic_summary = run_with_progress(
                    lambda progress: run_topics(
                        (*topics, *(str(f) for f in more_files)),
                        store,
                        config,
                        extractor,
                        teacher=teacher_name,
                        model=model,
                        base_url=base_url,
                        types=[t.strip() for t in (types or "").split(",") if t.strip()],
                        clozes=clozes,
                        concurrency=concurrency,
                        config_path=config_path,
                        replay_store=replay_store,
                        replay_from=replay_from,
                        on_status=status,
                        max_tokens=max_tokens,
                        answer_logprobs=answer_logprobs,
                        auto_clozes=auto_clozes,
                        progress=progress,
                    ),
                    show=not (no_progress or as_json),
                    status=status,
                )
            finally:
                if replay_store is not store:
                    replay_store.close()
            if as_json:
                echo_json(topic_summary.model_dump(mode="json"))
            else:
                render_learned(topic_summary)
                render_summary(topic_summary)
                render_next_steps(store_path, next(iter(topic_summary.topics), None))
            return
        if documents:

            def read_documents(progress: ProgressCallback | None) -> DistillSummary:
                load_step(getattr(extractor, "teacher", None), status)
                return distill_documents(
                    [*documents, *more_files],
                    store,
                    config,
                    extractor,
                    skip_bad=skip_bad,
                    progress=progress,
                    batch_size=batch_size,
                    executor=executor,
                )

            summary = run_with_progress(
                read_documents, show=not (no_progress or as_json), status=status
            )
            return _print(summary, as_json, store_path)
        files = [*transcripts, *more_files]
        summary = run_with_progress(
            lambda progress: distill_transcripts(
                files,
                store,
                config,
                extractor,
                skip_bad=skip_bad,
                progress=progress,
                batch_size=batch_size,
                types_from_exchange=types_from_transcript,
                executor=executor,
            ),
            show=not (no_progress or as_json),
        )
    except BaseException:
        store.discard_if_unused()  # a run that failed before storing anything leaves no file
        raise
    finally:
        store.close()
        if executor is not None:
            executor.close()
        closer = getattr(getattr(extractor, "teacher", None), "close", None)
        if extract_teacher and callable(closer):
            closer()
    _print(summary, as_json, store_path)


def _print(summary: DistillSummary, as_json: bool, store_path: Path) -> None:
    if as_json:
        echo_json(summary.model_dump(mode="json"))
    else:
        render_summary(summary)
        render_next_steps(store_path, None)


def _with_vocabulary(factory: Callable[[], Extractor], vocabulary: VocabularyFile) -> Extractor:
    """A worker's extractor, mapped onto the run's vocabulary file as the driver's is."""
    return VocabularyExtractor(factory(), vocabulary)


def _worker_options(
    name: str | None,
    extract_teacher: str | None,
    sets: tuple[str, ...],
    *,
    base_url: str | None,
    concurrency: int,
    config_path: str | None,
) -> dict[str, Any]:
    """With ``--extract-teacher``, what a Ray executor needs: each worker opens its own teacher
    (an HTTP client cannot be pickled), and one gate keeps ``--concurrency`` requests in flight
    over all workers together (docs/scale.md)."""
    if extract_teacher is None:
        return {}
    from grapheme_distill.executors.gate import TeacherLimits

    factory = functools.partial(
        _extractor,
        name,
        extract_teacher,
        sets,
        base_url=base_url,
        concurrency=concurrency,
        config_path=config_path,
    )
    return {"extractor_factory": factory, "teacher_limits": TeacherLimits(concurrency=concurrency)}


def _extractor(
    name: str | None,
    extract_teacher: str | None,
    sets: tuple[str, ...],
    *,
    base_url: str | None,
    concurrency: int,
    config_path: str | None,
    on_status: Callable[[str], None] | None = None,
) -> Extractor:
    """The extractor the options ask for; ``--extract-teacher`` opens the llm extractor's
    teacher with the run's one concurrency limit (the extractor keeps as many in flight)."""
    options: dict[str, Any] = {}
    for item in sets:
        key, sep, value = item.removeprefix("extractor.").partition("=")
        if not sep or not key:
            raise click.UsageError(f"--set {item}: expected extractor.KEY=VALUE")
        options[key.replace("-", "_")] = value
    if extract_teacher is None:
        if (name or "") == "llm":
            raise click.UsageError(
                "--extractor llm needs --extract-teacher NAME (see "
                "`grapheme-distill teachers list`)"
            )
        return get_extractor(name or best_available_extractor(), **options)
    if name not in (None, "llm"):
        raise click.UsageError(f"--extract-teacher asks the llm extractor; not --extractor {name}")
    from grapheme_distill.teachers.open import open_teacher

    teacher = open_teacher(
        extract_teacher,
        model=options.get("model"),
        base_url=base_url,
        concurrency=concurrency,
        config_path=config_path,
        on_status=on_status,
    )
    options.setdefault("concurrency", concurrency)
    return get_extractor("llm", teacher=teacher, **options)
