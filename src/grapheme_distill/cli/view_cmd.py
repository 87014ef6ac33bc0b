"""``grapheme-distill view``: the twin of ``export_graph(store, "html", …)`` (the viewer page)."""

from __future__ import annotations

from pathlib import Path

import click

from grapheme_distill.cli._common import echo_json, open_existing_store, store_option
from grapheme_distill.export import export_graph

__all__ = ["view_cli"]


@click.command("view")
@store_option
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write (self-contained; opens offline).",
)
@click.option(
    "--entity",
    default=None,
    metavar="NAME",
    help="View only this entity's neighbourhood (a name, alias or id).",
)
@click.option(
    "--hops",
    default=2,
    show_default=True,
    type=click.IntRange(1, 5),
    help="With --entity: how many items away from it to reach.",
)
@click.option(
    "--max-items",
    default=3000,
    show_default=True,
    type=click.IntRange(1),
    help="Keep at most this many items, the most confident (browsers draw thousands, "
    "not millions).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the export report as JSON.")
def view_cli(
    store_path: Path, output: Path, entity: str | None, hops: int, max_items: int, as_json: bool
) -> None:
    """Write a self-contained HTML page to explore the graph: search, expand neighbourhoods,
    colour by type, width by confidence, a confidence slider, contradictions in red, and a click
    on an item shows the teacher's answer with the span that taught it."""
    options = {"max_items": str(max_items)}
    if entity is not None:
        options.update(entity=entity, hops=str(hops))
    store = open_existing_store(store_path)
    try:
        report = export_graph(store, "html", output, options=options)
    finally:
        store.close()
    if as_json:
        echo_json(report.model_dump())
        return
    left_out = report.details.get("left_out", 0)
    note = f" ({left_out:,} less confident items left out; raise --max-items)" if left_out else ""
    click.echo(
        f"wrote {output}: {report.nodes:,} nodes, {report.edges:,} edges{note}; "
        f"open it in a browser"
    )
