"""``grapheme-distill stats`` and ``show``: look into a store without changing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from grapheme_distill.browse import describe_item, source_labels, usage_by_model
from grapheme_distill.cli._common import (
    console,
    echo_json,
    key_value_table,
    open_existing_store,
    store_option,
)
from grapheme_distill.model.functional import (
    DEFAULT_PROPERTIES,
    Conflict,
    FunctionalProperty,
    load_properties,
)
from grapheme_distill.model.graph import KnowledgeGraph
from grapheme_distill.model.knowledge import Entity, Item

__all__ = ["show_cli", "stats_cli"]

functional_option = click.option(
    "--functional",
    "functional_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML/JSON table of functional properties ([[functional]] name, relations, inverse, "
    "attributes, values, per) added to the built-in ones (birth date, capital, ...).",
)


vocabulary_option = click.option(
    "--vocabulary",
    "vocabulary_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The relation vocabulary file given to distill: its functional = true predicates "
    "are checked for conflicting values too.",
)


def _properties(
    path: Path | None, vocabulary: Path | None = None
) -> tuple[FunctionalProperty, ...]:
    properties = DEFAULT_PROPERTIES if path is None else load_properties(path)
    if vocabulary is not None:
        from grapheme_distill.extractors.vocab_file import load_vocabulary

        properties = load_vocabulary(vocabulary).functional_properties(properties)
    return properties


def _conflict_text(conflict: Conflict) -> str:
    slot = f" [{conflict.slot}]" if conflict.slot else ""
    sides = " vs ".join(
        f"{s.value} ({s.confidence:.2f}, {len(s.sources)} source"
        f"{'' if len(s.sources) == 1 else 's'})"
        for s in conflict.sides
    )
    return f"{conflict.property.replace('_', ' ')}{slot}: {sides}"


@click.command("stats")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@functional_option
@vocabulary_option
def stats_cli(
    store_path: Path, as_json: bool, functional_path: Path | None, vocabulary_path: Path | None
) -> None:
    """Counts of entities, items, observations, contradictions, calls and teacher tokens."""
    properties = _properties(functional_path, vocabulary_path)
    store = open_existing_store(store_path)
    try:
        stats = store.stats()
        conflicts = store.functional_conflicts(properties)
        names = {
            c.entity: getattr(store.get_entity(c.entity), "name", c.entity) for c in conflicts[:20]
        }
        usage = store.usage_totals()
        runs = store.runs()
        per_model = usage_by_model(store)
    finally:
        store.close()
    # agreement per teacher, as the last crawl with several teachers measured it
    agreement: dict[str, Any] = next(
        (
            r["summary"]["agreement"]
            for r in reversed(runs)
            if r["kind"] == "crawl" and (r["summary"] or {}).get("agreement")
        ),
        {},
    )
    if as_json:
        echo_json(
            {
                **stats.model_dump(),
                "functional_conflicts": len(conflicts),
                "conflicts": [c.model_dump() for c in conflicts],
                "usage": usage,
                "last_run": runs[-1] if runs else None,
                "models": [m.model_dump() for m in per_model],
                "agreement": agreement,
            }
        )
        return
    rows: list[tuple[str, Any]] = [(k.replace("_", " "), v) for k, v in stats.model_dump().items()]
    rows.append(("functional conflicts", len(conflicts)))
    rows += [
        ("prompt tokens", int(usage["prompt_tokens"])),
        ("completion tokens", int(usage["completion_tokens"])),
        ("teacher time", f"{usage['latency_s']:.1f} s"),
    ]
    if runs:
        rows.append(("last run", f"{runs[-1]['kind']} started {runs[-1]['started_at']}"))
    for label, figures in sorted(agreement.items()):
        rows.append(
            (
                f"agreement of teacher {label}",
                f"{figures['agreement']:.0%} of {int(figures['items'])} items",
            )
        )
    console().print(key_value_table(f"Store {store_path}", rows))
    for conflict in conflicts[:20]:
        console().print(
            f"[bold red]conflicting values[/bold red] of {escape(names[conflict.entity])} "
            f"{escape(_conflict_text(conflict))}"
        )
    if per_model:
        table = Table(title="Teacher calls per model", title_justify="left")
        for col in ("model", "calls", "prompt tokens", "completion tokens", "cost (USD)"):
            table.add_column(col, justify="left" if col == "model" else "right")
        for m in per_model:
            table.add_row(
                escape(m.model),
                f"{m.calls:,}",
                f"{m.prompt_tokens:,}",
                f"{m.completion_tokens:,}",
                "unknown (no price)" if m.cost_usd is None else f"{m.cost_usd:.4f}",
            )
        console().print(table)


def describe(item: Item, graph: KnowledgeGraph) -> tuple[str, str]:
    """(kind, human statement) of an item, with entity names instead of ids."""
    return item.kind, describe_item(item, graph)


@click.command("show")
@click.argument("entity")
@store_option
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(1),
    help="Show at most this many items, most confident first.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the neighbourhood as JSON.")
@functional_option
@vocabulary_option
def show_cli(
    entity: str,
    store_path: Path,
    limit: int,
    as_json: bool,
    functional_path: Path | None,
    vocabulary_path: Path | None,
) -> None:
    """Show ENTITY (a name, alias or id): its items with confidences and provenance."""
    properties = _properties(functional_path, vocabulary_path)
    store = open_existing_store(store_path)
    try:
        found = store.find_entities(entity)
        if not found:
            raise click.ClickException(
                f"no entity named {entity!r} in {store_path}; names match case-insensitively, "
                "aliases too — try `grapheme-distill stats` to see what the store holds"
            )
        main: Entity = found[0]
        hood = store.neighbourhood(main.id)
        sources = store.call_sources(sorted({s for per in hood.evidence.values() for s in per}))
        labels = source_labels(store, sorted({s for per in hood.evidence.values() for s in per}))
        disagreements = store.disagreements(main.id)  # flagged by a crawl with several teachers
        conflicts = [c for c in store.functional_conflicts(properties) if c.entity == main.id]
    finally:
        store.close()
    items = sorted(hood.iter_items(), key=lambda i: (-i.confidence, i.id))[:limit]
    if as_json:
        echo_json(
            {
                "entity": main.model_dump(mode="json"),
                "other_matches": [e.model_dump(mode="json") for e in found[1:]],
                "items": [
                    {
                        **i.model_dump(mode="json"),
                        "statement": describe(i, hood)[1],
                        "evidence": [
                            {
                                **ev.model_dump(mode="json"),
                                "where": sources.get(ev.source),
                                **labels.get(ev.source, {}),
                            }
                            for ev in hood.evidence.get(i.id, {}).values()
                        ],
                    }
                    for i in items
                ],
                "disagreements": disagreements,
                "conflicts": [c.model_dump() for c in conflicts],
            }
        )
        return
    out = console()
    aliases = f"  aliases: {', '.join(main.aliases)}" if main.aliases else ""
    out.print(f"[bold]{escape(main.name)}[/bold] ({main.type.value}) {main.id}{escape(aliases)}")
    for other in found[1:]:
        out.print(f"  also matches: {escape(other.name)} ({other.type.value}) {other.id}")
    table = Table(show_lines=False)
    for col, justify in (
        ("kind", "left"),
        ("statement", "left"),
        ("confidence", "right"),
        ("sources", "right"),
        ("provenance", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for item in items:
        kind, text = describe(item, hood)
        evidence = list(hood.evidence.get(item.id, {}).values())
        where = sorted({_source_label(ev.source, labels) for ev in evidence})
        extractors = sorted({ev.extractor for ev in evidence})
        provenance = "; ".join(where[:3]) + (" …" if len(where) > 3 else "")
        table.add_row(
            kind,
            escape(text),
            f"{item.confidence:.3f}",
            str(len(evidence)),
            escape(f"{provenance} [{', '.join(extractors)}]"),
        )
    out.print(table)
    total = sum(1 for _ in hood.iter_items())
    if total > limit:
        out.print(f"({total - limit} more; raise --limit to see them)")
    if labels:
        out.print(f"open a source: grapheme-distill call HASH --store {store_path}")
    for conflict in conflicts:
        out.print(f"[bold red]conflicting values[/bold red] of {escape(_conflict_text(conflict))}")
    for flag in dict.fromkeys((f["kind"], f["detail"]) for f in disagreements):
        out.print(
            f"[bold red]teachers disagree[/bold red] ({flag[0].replace('_', ' ')}): "
            f"{escape(flag[1])}"
        )


def _source_label(source: str, labels: dict[str, dict[str, Any]]) -> str:
    """``teacher/model/template #hash`` (the hash to open with ``call``), or the raw source."""
    label = labels.get(source)
    short = source.removeprefix("sha256:")[:12]
    if label is None:
        return short
    parts = [str(label[k]) for k in ("teacher", "model", "template") if label.get(k)]
    return f"{'/'.join(parts) or label.get('where') or '?'} #{short}"
