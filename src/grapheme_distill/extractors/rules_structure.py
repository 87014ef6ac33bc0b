"""The markdown structure the ``rules`` extractor reads (split out of :mod:`.rules`).

Why a module of its own.  :mod:`.rules` grew to 762 lines (the limit is ~800) with four jobs in
one file; this one reads lines, not sentences: numbered lists and first/then/finally prose become
procedures (their goal from the prompt, a heading or the lead-in), and bullets under a heading or
a lead-in line ending in ':' become the lead-in's parts.  :mod:`.rules` skips these lines when it
reads sentences (:data:`NUMBERED`, :data:`BULLET`, :data:`HEADING`) and calls
:func:`read_structure` only when :data:`STRUCTURE_HINT` finds some structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from grapheme_distill.extractors.base import Extraction, is_title_line
from grapheme_distill.extractors.readers.procedures import unnamed_goal
from grapheme_distill.extractors.rules_names import clean_phrase, strip_markup
from grapheme_distill.model.knowledge import (
    Entity,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeType,
    Procedure,
)

__all__ = ["BULLET", "HEADING", "NUMBERED", "STRUCTURE_HINT", "goal_from_prompt", "read_structure"]

NUMBERED = re.compile(r"^\s*(?:step\s*)?(\d+)[.):]\s+(.+)$", re.IGNORECASE)
BULLET = re.compile(r"^\s*[-*•+]\s+(.+)$")
HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$")
_SEQUENCE = re.compile(
    r"^(first|firstly|to begin|start by|then|next|after that|afterwards|second|secondly|third|"
    r"thirdly|finally|lastly|last)\b[,:]?\s*",
    re.IGNORECASE,
)
STRUCTURE_HINT = re.compile(
    r"^\s*(?:#|[-*•+]\s|\d+[.):]|step\s*\d)|:\s*$|\b(?:first|firstly|then|next|finally|lastly)\b",
    re.IGNORECASE | re.MULTILINE,
)
_LEAD_IN = re.compile(
    r"^(?P<x>.{1,80}?)\s*(?:consists of|includes|contains|has|are|is made of|:)?\s*:$",
    re.IGNORECASE,
)
_PROMPT_GOAL = re.compile(
    r"^(?:how (?:do|can|should|would) (?:you|i|one|we)|how to|what are the steps (?:to|for)|"
    r"steps to|explain how to)\s+(?P<g>.+?)\??$",
    re.IGNORECASE,
)
_TOPIC_FROM_PROMPT = re.compile(
    r"(?:about|of|describe|explain|what is|who is|what are)\s+(?P<t>[^?.]{2,60})\??$", re.IGNORECASE
)

#: where a bullet's name ends: a colon, a dash or a parenthesis
_BULLET_HEAD_END = re.compile(r"\s*[:\u2013\u2014-]\s+|\s*\(")
#: a sentence end in a line of first/then/finally prose
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def read_structure(
    text: str,
    prompt: str,
    types: frozenset[KnowledgeType],
    out: Extraction,
    entity: Callable[[Extraction, str], Entity | None],
) -> None:
    """Numbered lists and first/then/finally prose → procedures; bullets under a heading or a
    lead-in line ending in ':' → the lead-in's parts."""
    goal = goal_from_prompt(prompt)
    context: str | None = None
    steps: list[tuple[str, int, int]] = []
    bullets: list[tuple[str, int, int]] = []
    offset = 0

    def flush() -> None:
        nonlocal steps, bullets
        if steps and KnowledgeType.PROCEDURAL in types and len(steps) >= 2:
            g = goal or context or unnamed_goal(prompt, None, [s for s, _, _ in steps])
            ent = entity(out, g)
            out.add(
                Procedure(
                    goal=clean_phrase(g),
                    steps=tuple(s for s, _, _ in steps),
                    entity=ent.id if ent else None,
                    confidence=0.85,
                    span=(steps[0][1], steps[-1][2]),
                )
            )
        if bullets and KnowledgeType.STRUCTURAL in types and context:
            parent = entity(out, context)
            for b, s, e in bullets:
                head = _BULLET_HEAD_END.split(b, maxsplit=1)[0]
                child = entity(out, head)
                if parent and child and parent.id != child.id:
                    out.add(
                        HierarchyEdge(
                            parent=parent.id,
                            child=child.id,
                            relation=HierarchyKind.CONTAINS,
                            confidence=0.75,
                            span=(s, e),
                        )
                    )
        steps, bullets = [], []

    for line in text.splitlines(keepends=True):
        start, stripped = offset, line.strip()
        offset += len(line)
        end = start + len(line.rstrip("\n"))
        if not stripped:
            continue
        if hm := HEADING.match(stripped):
            flush()
            heading = strip_markup(hm.group(1))
            context = clean_phrase(heading)
            if heading_goal := _PROMPT_GOAL.match(heading):
                goal = heading_goal.group("g")
            continue
        if nm := NUMBERED.match(stripped):
            steps.append((clean_phrase(nm.group(2)), start, end))
            continue
        if bm := BULLET.match(stripped):
            bullets.append((strip_markup(bm.group(1)).strip(), start, end))
            continue
        flush()
        if stripped.endswith(":"):
            lead = _LEAD_IN.match(strip_markup(stripped))
            context = clean_phrase(lead.group("x")) if lead else None
        elif is_title_line(strip_markup(stripped)):
            context = clean_phrase(strip_markup(stripped))
        seq = [s for s in _SENTENCE_END.split(stripped) if _SEQUENCE.match(s)]
        if len(seq) >= 2 and KnowledgeType.PROCEDURAL in types:
            g = goal or unnamed_goal(prompt, None, seq)
            ent = entity(out, g)
            out.add(
                Procedure(
                    goal=clean_phrase(g),
                    steps=tuple(clean_phrase(_SEQUENCE.sub("", s)) for s in seq),
                    entity=ent.id if ent else None,
                    confidence=0.75,
                    span=(start, end),
                )
            )
    flush()


def goal_from_prompt(prompt: str) -> str | None:
    """The goal a prompt names ("How do I bake bread?" -> "bake bread"), else its topic."""
    p = strip_markup(prompt).strip()
    m = _PROMPT_GOAL.match(p)
    if m:
        return m.group("g")
    m = _TOPIC_FROM_PROMPT.search(p)
    return m.group("t") if m else None
