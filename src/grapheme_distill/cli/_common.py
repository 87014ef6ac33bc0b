"""Helpers shared by the store-facing commands: opening stores, printing tables and JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from grapheme_distill.errors import StoreError
from grapheme_distill.store import SQLiteStore, open_store

__all__ = ["console", "echo_json", "key_value_table", "open_existing_store", "store_option"]


def store_option(func: Any) -> Any:
    """``--store PATH`` (required)."""
    return click.option(
        "--store", "store_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
        metavar="PATH", help="The SQLite graph store file.",
    )(func)


def open_existing_store(path: Path) -> SQLiteStore:
    """Open a store that must already exist (reading commands never create an empty one)."""
    if not path.is_file():
        raise StoreError(f"no store at {path}; create one with `grapheme-distill distill ... --store {path}`")
    return open_store(path)


def console() -> Console:
    """A console on the current stdout (so click's test runner captures it)."""
    return Console(file=sys.stdout, soft_wrap=False, width=120)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, default=str))


def key_value_table(title: str, rows: list[tuple[str, Any]]) -> Table:
    table = Table(title=escape(title), show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("value", justify="right")
    for key, value in rows:
        table.add_row(key, f"{value:,}" if isinstance(value, int) else escape(str(value)))
    return table
