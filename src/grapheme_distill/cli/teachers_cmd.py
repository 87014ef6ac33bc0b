"""``grapheme-distill teachers``: list the teachers and ask one a question.

``teachers list`` is the twin of :func:`~grapheme_distill.teachers.registry.describe_teachers`,
``teachers ask`` of :func:`~grapheme_distill.teachers.registry.ask_teacher`.  ``--config FILE``
registers the file's ``[teachers.<name>]`` servers and reads its ``[prices]`` first, so the same
run config that ``distill`` uses can be checked here before a long run.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from grapheme_distill.cli._common import console, echo_json, key_value_table

__all__ = ["teachers_cli"]


def _config_option(func: Any) -> Any:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, exists=True, path_type=Path),
        default=None,
        help="TOML file with [teachers.<name>] servers and [prices.<model>] (USD per 1M tokens).",
    )(func)


def _load(config_path: Path | None) -> Any:
    """Register the config's teachers; return its price table (None: default prices)."""
    if config_path is None:
        return None
    from grapheme_distill.teachers.pricing import PriceTable
    from grapheme_distill.teachers.registry import load_teacher_config

    load_teacher_config(config_path)
    return PriceTable.from_toml(config_path)


@click.group("teachers")
def teachers_cli() -> None:
    """Teacher LLMs: list what can be used, and ask one a question to check it works.

    \b
    Examples:
      grapheme-distill teachers list --config run.toml
      grapheme-distill teachers ask "The capital of France is" --teacher vllm --model qwen --top-logprobs 5
    """


@teachers_cli.command("list")
@_config_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_cli(config_path: Path | None, as_json: bool) -> None:
    """List every teacher name that --teacher accepts, with its kind and server."""
    from grapheme_distill.teachers.registry import describe_teachers

    _load(config_path)
    rows = describe_teachers()
    if as_json:
        echo_json(rows)
        return
    table = Table(title="Teachers", title_justify="left")
    for column in ("name", "kind", "source", "base_url", "model"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            *(escape(str(row[c] or "")) for c in ("name", "kind", "source", "base_url", "model"))
        )
    console().print(table)


@teachers_cli.command("ask")
@click.argument("prompt")
@click.option(
    "--teacher",
    "teacher_name",
    required=True,
    help="Teacher name (see `teachers list`): openai, ollama, anthropic, vllm, ...",
)
@click.option("--model", default=None, help="Model name (default: the teacher's or preset's).")
@click.option("--base-url", default=None, help="Server root, e.g. http://127.0.0.1:8000/v1.")
@click.option(
    "--api-key-env",
    default=None,
    help="Environment variable holding the API key (the key itself is never an option).",
)
@click.option(
    "--max-tokens",
    default=128,
    show_default=True,
    type=click.IntRange(1, 32_768),
    help="Answer budget in tokens.",
)
@click.option(
    "--temperature",
    default=0.0,
    show_default=True,
    type=click.FloatRange(0, 2),
    help="Sampling temperature.",
)
@click.option(
    "--top-logprobs",
    default=0,
    show_default=True,
    type=click.IntRange(0, 20),
    help="Ask for token logprobs with this many alternatives (0: none).",
)
@click.option(
    "--json-object",
    "json_format",
    is_flag=True,
    help="Ask for a JSON object (response_format json_object).",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds before a silent server counts as failed (then retried).",
)
@_config_option
@click.option("--json", "as_json", is_flag=True, help="Print the response and costs as JSON.")
def ask_cli(
    prompt: str,
    teacher_name: str,
    model: str | None,
    base_url: str | None,
    api_key_env: str | None,
    max_tokens: int,
    temperature: float,
    top_logprobs: int,
    json_format: bool,
    timeout: float,
    config_path: Path | None,
    as_json: bool,
) -> None:
    """Ask one question and print the answer, its tokens, cost and (if asked) logprobs."""
    from grapheme_distill.teachers.base import TeacherRequest
    from grapheme_distill.teachers.registry import ask_teacher

    prices = _load(config_path)
    options: dict[str, Any] = {}
    if teacher_name not in ("local", "replay"):
        options["timeout"] = timeout
    for key, value in (("model", model), ("base_url", base_url), ("api_key_env", api_key_env)):
        if value is not None:
            options[key] = value
    request = TeacherRequest(
        prompt=prompt,
        max_tokens=max_tokens,
        temperature=temperature,
        logprobs=top_logprobs > 0,
        top_logprobs=top_logprobs or None,
        response_format={"type": "json_object"} if json_format else None,
    )
    response, account = ask_teacher(teacher_name, request, prices=prices, **options)
    if as_json:
        echo_json(
            {"response": response.model_dump(mode="json", exclude={"raw"}), "account": account}
        )
        return
    out = console()
    out.print(escape(response.text), highlight=False)
    cost = (
        f"{account['cost_usd']:.6f}"
        if account["cost_complete"]
        else (
            f"unknown (no price for {', '.join(account['unpriced_models'])}; add [prices] to --config)"
        )
    )
    out.print(
        key_value_table(
            f"{teacher_name}: {response.model or '?'}",
            [
                ("finish reason", response.finish_reason or "?"),
                (
                    "tokens (prompt / completion)",
                    f"{response.usage.prompt_tokens:,} / {response.usage.completion_tokens:,}",
                ),
                ("latency", f"{response.latency_s:.3f} s"),
                ("retries", account["retries"]),
                ("cost (USD)", cost),
            ],
        )
    )
    if response.logprobs:
        table = Table(title="First tokens (p, and the alternatives)", title_justify="left")
        table.add_column("token")
        table.add_column("p", justify="right")
        table.add_column("alternatives")
        for token in response.logprobs[:10]:
            alternatives = ", ".join(
                f"{a.token!r} {math.exp(a.logprob):.2f}"
                for a in token.top_logprobs
                if a.token != token.token
            )
            table.add_row(
                escape(repr(token.token)), f"{math.exp(token.logprob):.3f}", escape(alternatives)
            )
        out.print(table)
