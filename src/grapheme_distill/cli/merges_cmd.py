"""``grapheme-distill merges`` and ``unmerge``: the late-merge log of a store, and taking one back.

Thin twins of :meth:`~grapheme_distill.store.sqlite.SQLiteStore.merges` and
:meth:`~grapheme_distill.store.sqlite.SQLiteStore.unmerge`: a late merge (an alias learned after
the facts) is a guess like any resolution, so a user who finds a wrong one can see why it was made
and undo it exactly.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from grapheme_distill.cli._common import (
    console,
    echo_json,
    json_option,
    open_existing_store,
    store_option,
)

__all__ = ["merges_cli", "unmerge_cli"]


@click.command("merges")
@store_option
@json_option("the merge log")
def merges_cli(store_path: Path, as_json: bool) -> None:
    """List the entity merges made after the fact (by a later alias), oldest first."""
    store = open_existing_store(store_path)
    try:
        log = store.merges()
        names = {m["into_id"]: getattr(store.get_entity(m["into_id"]), "name", "?") for m in log}
    finally:
        store.close()
    if as_json:
        echo_json(log)
        return
    if not log:
        console().print(f"no merges in {escape(str(store_path))}")
        return
    table = Table(title=f"Merges in {escape(str(store_path))}", title_justify="left")
    for col in ("id", "merged", "into", "why", "items", "when", "undone"):
        table.add_column(col, justify="right" if col in ("id", "items") else "left")
    for m in log:
        table.add_row(
            str(m["id"]),
            escape(f"{m['name']} ({m['type']})"),
            escape(names[m["into_id"]]),
            escape(m["reason"]),
            str(m["items"]),
            m["at"][:19],
            m["undone_at"][:19] if m["undone_at"] else "",
        )
    console().print(table)
    console().print(f"take one back: grapheme-distill unmerge ID --store {escape(str(store_path))}")


@click.command("unmerge")
@click.argument("merge_id", type=click.IntRange(1))
@store_option
@json_option("the merge taken back")
def unmerge_cli(merge_id: int, store_path: Path, as_json: bool) -> None:
    """Take merge MERGE_ID back (see `merges`): the entity, its items and their evidence return."""
    store = open_existing_store(store_path)
    try:
        merge = store.unmerge(merge_id)
    finally:
        store.close()
    if as_json:
        echo_json(merge)
        return
    console().print(
        f"merge {merge_id} undone: {escape(merge['name'])} ({merge['type']}) is its "
        f"own entity again, with {merge['items']} items"
    )
