"""``grapheme-distill merge``: the twin of :func:`grapheme_distill.merge.merge_into`."""

from __future__ import annotations

from pathlib import Path

import click

from grapheme_distill.cli._common import (
    console,
    deprecated_option,
    echo_json,
    json_option,
    key_value_table,
)
from grapheme_distill.merge import MergeStrategy, merge_into
from grapheme_distill.store import open_store

__all__ = ["merge_cli"]


@click.command("merge")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="The store to merge into (created if missing).",
)
@deprecated_option("--into", "--store", "into", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--strategy",
    type=click.Choice([s.value for s in MergeStrategy], case_sensitive=False),
    default=MergeStrategy.ADD_ALL.value,
    show_default=True,
    help="add_all: everything; link_existing: only knowledge touching entities already in "
    "STORE; replace: new facts about matching entities supersede the old ones.",
)
@click.option(
    "--fuzzy-threshold",
    type=click.FloatRange(0, 100),
    default=None,
    help="Also merge entities whose names score at least this rapidfuzz ratio (0-100).",
)
@json_option("the counts")
def merge_cli(
    source: Path,
    store_path: Path | None,
    into: Path | None,
    strategy: str,
    fuzzy_threshold: float | None,
    as_json: bool,
) -> None:
    """Merge SOURCE (a store or a JSON export) into the --store, resolving duplicate entities."""
    into = store_path or into
    if into is None:
        raise click.UsageError("Missing option '--store'.")
    store = open_store(into, fuzzy_threshold=fuzzy_threshold)
    try:
        result = merge_into(source, store, strategy.lower())
    finally:
        store.close()
    if as_json:
        echo_json(result.model_dump(mode="json"))
        return
    console().print(
        key_value_table(
            f"Merged {source} into {into} ({result.strategy.value})",
            [
                ("nodes added", result.nodes_added),
                ("nodes merged", result.nodes_merged),
                ("edges added", result.edges_added),
                ("edges skipped", result.edges_skipped),
                ("edges replaced", result.edges_replaced),
                ("observations added", result.observations_added),
            ],
        )
    )
