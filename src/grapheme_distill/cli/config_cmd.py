"""``grapheme-distill config``: show the effective distillation settings."""

from __future__ import annotations

import json

import click

from grapheme_distill.cli import config_options, load_config


@click.command("config")
@config_options
def config_cli(config_path: str | None, preset: str, overrides: tuple[str, ...]) -> None:
    """Print the effective settings (preset, then file, then env, then --set) as JSON."""
    cfg = load_config(config_path, preset, overrides)
    click.echo(json.dumps(cfg.model_dump(), indent=2))
