"""``grapheme-distill failures``: the thin twin of :func:`grapheme_distill.failures.list_failures`.

The commonest kinds of failure first (a wrong key shows as one line, ``HTTP 401 × 200``, not 200
rows), then the failed inputs themselves with their reasons.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from grapheme_distill.cli._common import console, echo_json, open_existing_store, store_option
from grapheme_distill.failures import list_failures

__all__ = ["failures_cli"]


@click.command("failures")
@store_option
@click.option(
    "--run",
    "run_id",
    default=None,
    metavar="RUN_ID",
    help="Only the failures of this run (ids are in the run summary).",
)
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(1),
    help="Show at most this many failed inputs (the newest); kinds count them all.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def failures_cli(store_path: Path, run_id: str | None, limit: int, as_json: bool) -> None:
    """List recorded failures: the commonest reasons, then each failed input with its reason.

    \b
    Examples:
      grapheme-distill failures --store graph.db
      grapheme-distill failures --store graph.db --json
    """
    store = open_existing_store(store_path)
    try:
        report = list_failures(store, run_id=run_id, limit=limit)
    finally:
        store.close()
    if as_json:
        echo_json(report.model_dump(mode="json"))
        return
    out = console()
    if not report.total:
        out.print("No failures recorded" + (f" for run {escape(run_id)}" if run_id else "") + ".")
        return
    plural = "" if report.total == 1 else "s"
    out.print(f"[bold]{report.total:,} failure{plural}[/bold], commonest reasons first")
    kinds = Table()
    kinds.add_column("reason")
    kinds.add_column("count", justify="right")
    for kind, count in report.kinds:
        kinds.add_row(escape(kind), f"{count:,}")
    out.print(kinds)
    rows = Table(title="Failed inputs (newest last)", title_justify="left")
    for col in ("source", "reason", "run"):
        rows.add_column(col, overflow="fold")
    for f in report.failures:
        rows.add_row(escape(f.source), escape(f.reason[:300]), escape((f.run_id or "")[:12]))
    out.print(rows)
    if report.total > len(report.failures):
        click.echo(
            f"… {report.total - len(report.failures):,} older failures not shown "
            "(raise --limit to see them)"
        )
