"""``grapheme-distill eval``: score an extractor on a gold benchmark (twin of ``evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from grapheme_distill.cli._common import deprecated_option, echo_json, json_option, output_option
from grapheme_distill.errors import InvalidConfig
from grapheme_distill.extractors import best_available_extractor

#: the names of ``evaluation.datasets.DATASETS``, spelled out so that ``--help`` does not import
#: the evaluation package (numpy, the extractors); a test keeps the two lists equal.
DATASET_CHOICES = (
    "webnlg2020",
    "webnlg2020-seen",
    "webnlg2020-unseen-entities",
    "webnlg2020-unseen-categories",
    "text2kgbench-dbpedia",
    "text2kgbench-wikidata",
)


def _value(text: str) -> Any:
    """``30`` → 30, ``true`` → True, ``null`` → None; anything else stays a string."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, int | float | bool) or value is None else text


def _options(pairs: tuple[str, ...]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs for the extractor; ``teacher.KEY=VALUE`` go to its teacher."""
    out: dict[str, Any] = {}
    teacher: dict[str, Any] = {}
    for item in pairs:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key or key == "teacher.":
            raise InvalidConfig("--set", item, "KEY=VALUE, e.g. --set teacher=local")
        if key.startswith("teacher."):
            teacher[key.removeprefix("teacher.")] = _value(value.strip())
        else:
            out[key] = value.strip() if key == "teacher" else _value(value.strip())
    if teacher:
        out["teacher_options"] = teacher
    return out


@click.command("eval")
@click.option(
    "--dataset",
    required=True,
    type=click.Choice((*DATASET_CHOICES, "answers")),
    help="Gold benchmark to score against (webnlg2020-seen, -unseen-entities and "
    "-unseen-categories are the official WebNLG splits; answers: the --gold file "
    "of annotated chat-assistant answers, all five knowledge types).",
)
@click.option(
    "--extractor",
    "extractor_name",
    default=None,
    metavar="NAME",
    help="Registered extractor: spacy, rules, baseline, llm, ... (required except for "
    "--dataset answers, where the best installed offline reader is the default).",
)
@click.option(
    "--learned",
    default=None,
    metavar="all|none|LAYER,...",
    help="The spacy extractor's learned layers: all (default), none (the hand rules alone) or "
    "those named (entities, relations, hierarchy, parents). Same as --set "
    "learned=VALUE.",
)
@click.option(
    "--gold",
    type=click.Path(dir_okay=False),
    default=None,
    help="--dataset answers: the gold JSONL (format: ../shared/eval/README.md).",
)
@click.option(
    "--scorer",
    type=click.Path(dir_okay=False),
    default=None,
    help="--dataset answers: the reference score_answers.py (default: "
    "../shared/eval/score_answers.py).",
)
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False),
    default=None,
    help="--dataset answers: also write the predictions as {id, pred, confidence} JSONL lines, "
    "which the reference scorer reads (it ignores the confidences).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="--dataset answers: threshold of the precision-at-min_confidence figures "
    "(default: the config's min_confidence).",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder holding the benchmarks (default: ../shared/data).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Score only N texts, spread evenly over the split.",
)
@output_option(required=False, help="Write the full JSON report here.")
@deprecated_option("--out", "-o/--output", "out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--no-schema",
    is_flag=True,
    help="Do not map predicates onto the dataset's relation vocabulary.",
)
@click.option(
    "--max-triples",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Keep at most this many triples per text (most confident first).",
)
@click.option(
    "--set",
    "options",
    multiple=True,
    metavar="KEY=VALUE",
    help="Extractor setting, e.g. --set max_tokens=400; teacher.KEY=VALUE configures the "
    "llm extractor's teacher: --set teacher=vllm --set "
    "teacher.base_url=http://127.0.0.1:8000/v1 (repeatable).",
)
@deprecated_option("--option", "--set", "old_options", multiple=True)
@click.option(
    "--explain",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Print where the triples are lost (normalised mode: loss classes, predicate "
    "confusions) and N samples per class.",
)
@json_option("the report")
def eval_cli(
    dataset: str,
    extractor_name: str | None,
    learned: str | None,
    gold: str | None,
    scorer: str | None,
    predictions: str | None,
    min_confidence: float | None,
    data_dir: str | None,
    limit: int | None,
    output: Path | None,
    out: Path | None,
    no_schema: bool,
    max_triples: int,
    options: tuple[str, ...],
    old_options: tuple[str, ...],
    explain: int | None,
    as_json: bool,
) -> None:
    """Run an extractor over a benchmark and print official and normalised P/R/F1.

    Scores follow each dataset's own rules (WebNLG+ 2020 Exact match; Text2KGBench P/R/F1 with
    OC/SH/RH/OH), a normalised fuzzy mode is reported beside them, and the calibration of triple
    confidence is measured (reliability table, ECE). --explain N adds the loss breakdown
    (library: explain_losses), which the JSON report always carries.

    --dataset answers --gold FILE scores all five knowledge types with the reference scorer
    (library: evaluate_answers): per-type P/R/F1, micro and macro F1, its diagnostics, the
    calibration of relation and item confidence, precision at min_confidence; --explain N lists
    N misses and N false positives per type.
    """
    output = output or out
    if learned is not None:
        chosen = extractor_name or (best_available_extractor() if dataset == "answers" else "")
        if chosen != "spacy":
            raise click.UsageError("--learned chooses the spacy extractor's learned layers")
        options = (*options, f"learned={learned}")
    if dataset == "answers":
        _answers(
            extractor_name,
            gold,
            scorer,
            predictions,
            min_confidence,
            output,
            _options((*options, *old_options)),
            explain,
            as_json,
        )
        return
    if extractor_name is None:
        raise click.UsageError("--extractor NAME is required for this dataset")
    from grapheme_distill.evaluation import evaluate

    samples: dict[str, Any] = {} if explain is None else {"explain": explain}
    report = evaluate(
        dataset,
        extractor_name,
        data_dir=data_dir,
        limit=limit,
        out=output,
        schema=not no_schema,
        max_triples=max_triples,
        extractor_options=_options((*options, *old_options)),
        **samples,
    )
    if as_json:
        echo_json(report.to_dict())
        return
    click.echo(report.summary())
    click.echo(report.calibration.table())
    if explain is not None and report.losses is not None:
        click.echo(report.losses.table())
        if explain > 0:
            click.echo(report.losses.samples_text(explain))
    if output:
        click.echo(f"report written to {output}")


def _answers(
    extractor_name: str | None,
    gold: str | None,
    scorer: str | None,
    predictions: str | None,
    min_confidence: float | None,
    output: Path | None,
    options: dict[str, Any],
    explain: int | None,
    as_json: bool,
) -> None:
    """``eval --dataset answers``: the twin of ``evaluate_answers``."""
    if gold is None:
        raise click.UsageError("--dataset answers needs --gold FILE")
    from grapheme_distill.evaluation.answers import evaluate_answers

    report = evaluate_answers(
        gold,
        extractor_name,
        scorer=scorer,
        min_confidence=min_confidence,
        explain=explain,
        output=output,
        predictions=predictions,
        extractor_options=options,
    )
    if as_json:
        echo_json(report.to_dict())
        return
    click.echo(report.summary())
    click.echo(report.calibration_text())
    if explain is not None:
        click.echo(report.explain_text())
    for path, what in ((output, "report"), (predictions, "predictions")):
        if path:
            click.echo(f"{what} written to {path}")
