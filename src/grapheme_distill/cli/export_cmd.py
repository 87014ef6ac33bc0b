"""``grapheme-distill export``: the twin of :func:`grapheme_distill.export.export_graph`."""

from __future__ import annotations

from pathlib import Path

import click

from grapheme_distill.cli import config_options, load_config
from grapheme_distill.cli._common import echo_json, open_existing_store, store_option
from grapheme_distill.export import available_formats, export_graph

__all__ = ["export_cli"]


@click.command("export")
@store_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(available_formats()),
    help="Output format (json is lossless and can be merged back; graphml is for graph tools).",
)
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write.",
)
@click.option(
    "--base-iri",
    default=None,
    metavar="IRI",
    help="RDF formats: the base IRI of entities, predicates and items.",
)
@click.option(
    "--entity",
    default=None,
    metavar="NAME",
    help="Export only this entity's neighbourhood (a name, alias or id).",
)
@click.option(
    "--hops",
    default=1,
    show_default=True,
    type=click.IntRange(1, 5),
    help="With --entity: how many items away from it to reach.",
)
@click.option(
    "--compress",
    is_flag=True,
    help="Keep only the most confident items, compression_ratio x the observations.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the export report as JSON.")
@config_options
def export_cli(
    store_path: Path,
    fmt: str,
    output: Path,
    base_iri: str | None,
    entity: str | None,
    hops: int,
    compress: bool,
    as_json: bool,
    config_path: str | None,
    preset: str,
    overrides: tuple[str, ...],
) -> None:
    """Export the store's graph (entities, items, confidences, evidence) to a file."""
    config = load_config(config_path, preset, overrides)
    options = {"base_iri": base_iri} if base_iri else {}
    if entity is not None:
        options.update(entity=entity, hops=str(hops))
    store = open_existing_store(store_path)
    try:
        report = export_graph(
            store,
            fmt,
            output,
            compress_ratio=config.compression_ratio if compress else None,
            config=config,
            options=options,
        )
    finally:
        store.close()
    if as_json:
        echo_json(report.model_dump())
    else:
        click.echo(
            f"wrote {report.path} ({report.format}): {report.nodes:,} nodes, {report.edges:,} edges"
        )
