"""``grapheme-distill calls``, ``call`` and ``entities``: browse what a store holds.

Thin twins of :func:`~grapheme_distill.browse.list_calls`, :func:`~grapheme_distill.browse.call_detail`
and :func:`~grapheme_distill.browse.list_entities`, in the spirit of ``llm logs``: every exchange
with the teacher can be listed, searched and opened whole, with what it cost and what was learned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from grapheme_distill.browse import call_detail, list_calls, list_entities
from grapheme_distill.cli._common import console, echo_json, open_existing_store, store_option

__all__ = ["call_cli", "calls_cli", "entities_cli", "price_table"]


def price_table(config_path: str | None) -> Any:
    """The price table: the defaults, plus a run config's ``[prices]`` when one is given."""
    from grapheme_distill.teachers.pricing import PriceTable

    return PriceTable.from_toml(config_path) if config_path else PriceTable()


def prices_option(func: Any) -> Any:
    """``--config FILE``: a run config whose ``[prices]`` price the calls."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        metavar="FILE",
        help="Run config whose [prices] table prices the calls.",
    )(func)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cost(value: float | None) -> str:
    return "?" if value is None else f"${value:.4f}"


@click.command("calls")
@store_option
@click.option("--failed", is_flag=True, help="List the failed inputs (with reasons) instead.")
@click.option(
    "--search",
    default=None,
    metavar="TEXT",
    help="Keep calls whose prompt, answer, model, template or source contains TEXT.",
)
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(1),
    help="Show at most this many.",
)
@prices_option
@click.option("--json", "as_json", is_flag=True, help="Print the calls as JSON.")
def calls_cli(
    store_path: Path,
    failed: bool,
    search: str | None,
    limit: int,
    config_path: str | None,
    as_json: bool,
) -> None:
    """List the teacher calls (oldest first): hash, teacher, model, template, tokens, cost,
    items extracted, and the start of prompt and answer; `call HASH` opens one."""
    store = open_existing_store(store_path)
    try:
        if failed:
            failures = store.failures()[:limit]
        else:
            calls = list_calls(store, search=search, limit=limit, prices=price_table(config_path))
    finally:
        store.close()
    if failed:
        if as_json:
            echo_json(failures)
            return
        table = Table(title="Failed inputs", title_justify="left")
        for col in ("source", "reason", "run"):
            table.add_column(col)
        for f in failures:
            table.add_row(
                escape(str(f.get("source"))),
                escape(str(f.get("reason"))),
                escape(str(f.get("run_id") or "")),
            )
        console().print(table)
        click.echo(f"{len(failures)} failed inputs")
        return
    if as_json:
        echo_json([c.model_dump() for c in calls])
        return
    table = Table(show_lines=False)
    for col, justify in (
        ("hash", "left"),
        ("teacher / model", "left"),
        ("template", "left"),
        ("tokens", "right"),
        ("cost", "right"),
        ("items", "right"),
        ("prompt → answer", "left"),
    ):
        table.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for c in calls:
        table.add_row(
            c.hash.removeprefix("sha256:")[:12],
            escape(f"{c.teacher or '?'} / {c.model or '?'}"),
            escape(_clip(c.template or c.source or "", 24)),
            f"{c.prompt_tokens}+{c.completion_tokens}",
            _cost(c.cost_usd),
            str(c.items),
            escape(_clip(c.prompt, 28) + " → " + _clip(c.answer, 36)),
        )
    console().print(table)
    click.echo(
        f"{len(calls)} calls; open one with `grapheme-distill call HASH --store {store_path}`"
    )


@click.command("call")
@click.argument("call_hash", metavar="HASH")
@store_option
@prices_option
@click.option("--json", "as_json", is_flag=True, help="Print the call as JSON.")
def call_cli(call_hash: str, store_path: Path, config_path: str | None, as_json: bool) -> None:
    """Show one teacher call (HASH, or a unique start of it): prompt, answer with the extracted
    spans underlined, model, template, sampling, tokens, cost, and every item extracted."""
    store = open_existing_store(store_path)
    try:
        detail = call_detail(store, call_hash, prices=price_table(config_path))
    finally:
        store.close()
    if as_json:
        echo_json(detail.model_dump())
        return
    out = console()
    out.print(f"[bold]{detail.hash}[/bold]")
    rows = [
        ("teacher", detail.teacher),
        ("model", detail.model),
        ("template", detail.template),
        ("topic", detail.topic),
        ("source", detail.source),
        ("sampling", ", ".join(f"{k}={v}" for k, v in sorted(detail.sampling.items()))),
        ("tokens", f"{detail.prompt_tokens} prompt + {detail.completion_tokens} completion"),
        ("cost", _cost(detail.cost_usd)),
        ("latency", f"{detail.latency_s:.2f} s"),
        ("finish", detail.finish_reason),
    ]
    for key, value in rows:
        if value:
            out.print(f"  [bold]{key:<9}[/bold] {escape(str(value))}")
    out.print("[bold]prompt[/bold]")
    for message in detail.messages:
        out.print(Text(f"  [{message['role']}] {message['content']}"))
    out.print("[bold]answer[/bold] (extracted spans underlined)")
    answer = Text(detail.answer)
    for item in detail.extracted:
        if item["span"]:
            answer.stylize("underline", item["span"][0], item["span"][1])
    out.print(answer)
    table = Table(title=f"{len(detail.extracted)} items extracted", title_justify="left")
    for col in ("kind", "statement", "confidence", "span", "extractor"):
        table.add_column(col)
    for item in detail.extracted:
        span = f"{item['span'][0]}-{item['span'][1]}" if item["span"] else ""
        table.add_row(
            item["kind"],
            escape(item["statement"]),
            f"{item['confidence']:.3f}",
            span,
            escape(item["extractor"]),
        )
    out.print(table)


@click.command("entities")
@store_option
@click.option(
    "--search",
    default=None,
    metavar="TEXT",
    help="Keep entities whose name or an alias contains TEXT (case-insensitive).",
)
@click.option(
    "--type",
    "entity_type",
    default=None,
    metavar="T",
    help="Keep one entity type (PERSON, ORGANIZATION, LOCATION, CONCEPT …).",
)
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(1),
    help="Show at most this many, best connected first.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the entities as JSON.")
def entities_cli(
    store_path: Path, search: str | None, entity_type: str | None, limit: int, as_json: bool
) -> None:
    """List entities, best connected first: name, type, aliases, items and best confidence;
    `show NAME` opens one."""
    store = open_existing_store(store_path)
    try:
        found = list_entities(store, search=search, type=entity_type)
    finally:
        store.close()
    shown = found[:limit]
    if as_json:
        echo_json([e.model_dump() for e in shown])
        return
    table = Table(show_lines=False)
    for col, justify in (
        ("name", "left"),
        ("type", "left"),
        ("aliases", "left"),
        ("items", "right"),
        ("best confidence", "right"),
        ("id", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for e in shown:
        table.add_row(
            escape(e.name),
            e.type,
            escape(", ".join(e.aliases)),
            str(e.items),
            f"{e.confidence:.3f}",
            e.id.removeprefix("sha256:")[:12],
        )
    console().print(table)
    more = f" (showing {limit}; raise --limit)" if len(found) > limit else ""
    click.echo(f"{len(found)} entities{more}")
