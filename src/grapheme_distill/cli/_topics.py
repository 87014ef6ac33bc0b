"""What ``distill --topics`` prints: per topic, what the run learned, and the teacher's usage.

The run itself is library code (:func:`grapheme_distill.topics.run_topics`, teachers from
:func:`grapheme_distill.teachers.open.open_teacher`); kept apart from ``distill_cmd`` so the
transcript path never imports teacher code.
"""

from __future__ import annotations

from rich.markup import escape

from grapheme_distill.cli._common import console
from grapheme_distill.pipeline import DistillSummary
from grapheme_distill.topics import TopicsSummary

__all__ = ["render_learned"]


def render_learned(summary: DistillSummary, per_topic: int = 8) -> None:
    """Print, per topic, a few of the things this run learned (and the cloze distributions)."""
    if not isinstance(summary, TopicsSummary):
        return
    out = console()
    out.print(
        f"[bold]Teacher[/bold] {escape(summary.teacher)}"  # names are data, not markup
        + (f" ({escape(summary.model)})" if summary.model else "")
        + f"; templates: {escape(', '.join(summary.templates))}"
    )
    for topic, lines in summary.learned.items():
        title = "Cloze soft targets" if topic == "cloze" else f"Learned about {escape(topic)}"
        out.print(
            f"[bold]{title}[/bold] ({len(lines)} items)"
            if lines
            else f"[bold]{title}[/bold]: nothing new (see failures)"
        )
        for line in lines[:per_topic]:
            out.print(f"  • {line}", markup=False, highlight=False)
        if len(lines) > per_topic:
            out.print(f"  … and {len(lines) - per_topic} more")
    if summary.account:
        acc = summary.account
        cost = f"${acc['cost_usd']:.4f}" + (
            "" if acc["cost_complete"] else " (some models unpriced)"
        )
        out.print(
            f"[bold]Teacher usage[/bold]: {acc['requests']} requests, {acc['retries']} retries, "
            f"{acc['failures']} failures, {acc['prompt_tokens']:,}+{acc['completion_tokens']:,} "
            f"tokens, cost {cost}"
        )
