"""Helpers shared by the store-facing commands: opening stores, printing tables and JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from grapheme_distill.errors import StoreError
from grapheme_distill.store import SQLiteStore, open_store

__all__ = [
    "console",
    "deprecated_option",
    "echo_json",
    "json_option",
    "key_value_table",
    "open_existing_store",
    "output_option",
    "store_option",
]

#: The CLI's one vocabulary (a test walks every command's help for it): ``--store PATH`` wherever
#: a store is meant, ``-o/--output FILE`` for every file written, ``--set KEY=VALUE`` for every
#: setting, ``--config FILE`` for the one run config (``[distillation]``, ``[teachers.<name>]``,
#: ``[prices]``), ``--json`` on every command that prints figures.  Older spellings stay for one
#: release as hidden options that warn (:func:`deprecated_option`).


def store_option(func: Any) -> Any:
    """``--store PATH`` (required)."""
    return click.option(
        "--store",
        "store_path",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="PATH",
        help="The SQLite graph store file.",
    )(func)


_F = TypeVar("_F", bound=Callable[..., Any])


def output_option(*, required: bool, help: str) -> Callable[[_F], _F]:
    """``-o/--output FILE``: the file a command writes."""
    return click.option(
        "-o",
        "--output",
        "output",
        required=required,
        default=None,
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help=help,
    )


def json_option(what: str = "the figures") -> Callable[[_F], _F]:
    """``--json``: machine-readable output instead of tables."""
    return click.option("--json", "as_json", is_flag=True, help=f"Print {what} as JSON.")


def _warn_deprecated(old: str, new: str) -> Any:
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value not in (None, (), False):
            click.echo(
                f"Warning: {old} is deprecated and goes in the next release; use {new}.", err=True
            )
        return value

    return callback


def deprecated_option(old: str, new: str, dest: str, **kwargs: Any) -> Callable[[_F], _F]:
    """A hidden option ``old`` kept for one release: it still works, and says to use ``new``.

    The command reads it as ``dest`` and merges it with the new option's value.
    """
    return click.option(
        old,
        dest,
        hidden=True,
        callback=_warn_deprecated(old, new),
        help=f"Deprecated spelling of {new}.",
        **kwargs,
    )


def open_existing_store(path: Path) -> SQLiteStore:
    """Open a store that must already exist (reading commands never create an empty one)."""
    if not path.is_file():
        raise StoreError(
            f"no store at {path}; create one with `grapheme-distill distill ... --store {path}`"
        )
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
