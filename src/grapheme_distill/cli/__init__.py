"""The ``grapheme-distill`` command line.

Each command is a thin twin of one library function (``export`` ↔ ``export_graph``, ``merge`` ↔
``merge_into`` …): it parses options, calls the function, and prints.  Commands live in their own
modules and are imported only when invoked (:class:`LazyGroup`), so ``--help`` stays fast and a
missing optional extra only affects the command that needs it.  Library errors become one-line
messages with exit code 1 in exactly one place (:func:`main`); a traceback is never shown unless
``GRAPHEME_DISTILL_DEBUG=1``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from grapheme_distill.errors import DistillError

__all__ = ["cli", "main"]

#: command name -> "module:attribute" of its click command
COMMANDS: dict[str, str] = {
    "config": "grapheme_distill.cli.config_cmd:config_cli",
    "distill": "grapheme_distill.cli.distill_cmd:distill_cli",
    "crawl": "grapheme_distill.cli.crawl_cmd:crawl_cli",
    "crawl-compare": "grapheme_distill.cli.crawl_cmd:crawl_compare_cli",
    "stats": "grapheme_distill.cli.inspect_cmd:stats_cli",
    "show": "grapheme_distill.cli.inspect_cmd:show_cli",
    "export": "grapheme_distill.cli.export_cmd:export_cli",
    "merge": "grapheme_distill.cli.merge_cmd:merge_cli",
    "merges": "grapheme_distill.cli.merges_cmd:merges_cli",
    "unmerge": "grapheme_distill.cli.merges_cmd:unmerge_cli",
    "eval": "grapheme_distill.cli.eval_cmd:eval_cli",
    "teachers": "grapheme_distill.cli.teachers_cmd:teachers_cli",
    "sparql": "grapheme_distill.cli.sparql_cmd:sparql_cli",
    "calls": "grapheme_distill.cli.calls_cmd:calls_cli",
    "call": "grapheme_distill.cli.calls_cmd:call_cli",
    "entities": "grapheme_distill.cli.calls_cmd:entities_cli",
    "view": "grapheme_distill.cli.view_cmd:view_cli",
    "failures": "grapheme_distill.cli.failures_cmd:failures_cli",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="grapheme-distill")
def cli() -> None:
    """Distil what LLMs know into typed knowledge graphs and GRAPHEME character graphs.

    Ask a teacher LLM (live, local or from recorded transcripts), extract factual, relational,
    procedural, structural and linguistic knowledge with provenance and confidence, keep it in a
    persistent store, and export GRAPHEME graphs, GraphML/JSON and student-training data.
    """


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning library errors into one-line messages (exit 1)."""
    debug = os.environ.get("GRAPHEME_DISTILL_DEBUG") == "1"
    try:
        cli.main(args=argv, prog_name="grapheme-distill", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(
            "Interrupted. Everything stored before the interrupt is kept; run the same "
            "command again to continue where it stopped (nothing stored is asked again).",
            err=True,
        )
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DistillError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted; everything committed so far is kept.", err=True)
        sys.exit(130)
    except OSError as exc:  # unreadable/unwritable files named by the OS
        if debug:
            raise
        click.echo(f"Error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        sys.exit(1)


def config_options(func: Any) -> Any:
    """Shared options: ``--config FILE``, ``--preset NAME`` and repeatable ``--set key=value``."""
    func = click.option(
        "--set",
        "overrides",
        multiple=True,
        metavar="KEY=VALUE",
        help="Override a DistillationConfig field, e.g. --set temperature=3 (repeatable).",
    )(func)
    func = click.option(
        "--preset",
        type=click.Choice(["default", "fast", "quality"]),
        default="default",
        show_default=True,
        help="Starting point for the distillation settings.",
    )(func)
    func = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="TOML file with distillation settings (top level or a [distillation] table).",
    )(func)
    return func


def load_config(config_path: str | None, preset: str, overrides: tuple[str, ...]) -> Any:
    """Build the DistillationConfig from the shared options (env vars apply too)."""
    from grapheme_distill.config import DistillationConfig
    from grapheme_distill.errors import InvalidConfig

    pairs: dict[str, str] = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep:
            raise InvalidConfig(item, item, "KEY=VALUE, e.g. temperature=3")
        pairs[key.strip()] = value.strip()
    return DistillationConfig.load(config_path, preset=preset, overrides=pairs)
