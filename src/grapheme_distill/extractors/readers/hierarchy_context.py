"""Where a list sits: its lead-in and heading, whether it is a procedure or a list of remarks, and
whether a lead-in is only a name.

Split out of :mod:`.hierarchy` (twenty-third session) so the list reader has room to grow; the
whole-finding (:mod:`.hierarchy_wholes`) and titles (:mod:`.hierarchy_titles`) build on these.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.hierarchy_items import paragraph_text
from grapheme_distill.extractors.readers.phrases import (
    GENERIC_LEADS,
    kind_of,
    not_structure,
    remarks,
)

__all__ = ["list_context_text", "procedural_list", "structural_context", "title_name"]

_PROCEDURE_LEAD = re.compile(
    r"\b(?:steps?|how to|instructions|procedure|method|directions)\b", re.IGNORECASE
)

_FINITE = re.compile(
    r"(?i)\b(?:is|are|was|were|has|have|had|include[sd]?|contains?|consists?|comprises?|falls?|"
    r"comes?|splits?|divides?|divided|grouped|classified|sorted|made|formed)\b"
)


def list_context_text(ctx: ReadContext, items: list[Block]) -> tuple[str, str]:
    first = items[0]
    lead = ctx.doc.lead_of(first)
    # glossary paragraphs under "An orchestra is divided into four sections." (no colon): the
    # paragraph before them is their lead-in when its last sentence names parts, kinds or members
    if lead is None and first.parent is None and first.index > 0:
        before = ctx.doc.blocks[first.index - 1]
        last = (
            re.split(r"(?<=[.!?])\s+", paragraph_text(ctx.doc.source, before))[-1]
            if before.role == "paragraph"
            else ""
        )
        if last and kind_of(last) and not remarks(last) and _FINITE.search(last):
            lead = before  # a verbless fragment ("Around 1,500 species of fish, …") is no lead-in
    heading = ctx.doc.heading_of(first)
    lead_text = ""
    if lead is not None and lead.index != first.parent:
        # the lead-in is the paragraph's last sentence; "Examples:" leaves the heading to say
        lead_text = re.split(r"(?<=[.!?])\s+", paragraph_text(ctx.doc.source, lead))[-1]
        if clean_name(lead_text.rstrip(":")).lower() in ("examples", "example", "for example"):
            lead_text = ""
    return (lead_text, heading.text if heading is not None else "")


def title_name(text: str) -> str | None:
    """A lead-in that is only a name ("Control plane", "Baleen whales (Mysticeti)")."""
    name = clean_name(re.sub(r"\s*\([^)]*\)", "", text.rstrip(":")))
    name = re.sub(
        r"\s+(?:run|runs|include|includes|contain|contains|has|have|hold|holds|comprises?|are|is)$",
        "",
        name,
    )
    if kind_of(name) is not None and " of " not in f" {name.lower()} ":
        return None  # "Types", "The main classes, with common examples": a kind, not the whole
    if (
        not name
        or len(name.split()) > 5
        or name.lower() in GENERIC_LEADS
        or not_structure(name)
        or re.search(
            r"\b(?:is|are|was|were|has|have|include|includes|run|runs|the following|how|what|why)\b",
            name.lower(),
        )
    ):
        return None
    return name


def procedural_list(items: list[Block], lead: str, heading: str) -> bool:
    if _PROCEDURE_LEAD.search(lead) or (not lead and _PROCEDURE_LEAD.search(heading)):
        return True
    verbs = sum(
        1
        for b in items
        if re.match(r"^[A-Z][a-z]+\b", b.text)
        and b.key is None
        and not b.inline.emphasis
        and len(b.text.split()) > 3
    )
    return items[0].ordered and verbs * 2 > len(items)


def structural_context(ctx: ReadContext, items: list[Block], lead: str, heading: str) -> bool:
    """The list hangs under no procedure, tip list or list of remarks (checked up the nesting)."""
    if procedural_list(items, lead, heading) or any(ctx.injected(b) for b in items):
        return False

    if (lead and remarks(lead)) or (not lead and heading and remarks(heading)):
        return False
    parent = items[0].parent
    if parent is not None:
        outer = ctx.doc.items_of(ctx.doc.blocks[parent].list_id)
        if outer:
            o_lead, o_heading = list_context_text(ctx, outer)
            return not (
                procedural_list(outer, o_lead, o_heading)
                or (o_lead and remarks(o_lead))
                or (not o_lead and o_heading and remarks(o_heading))
            )
    return True
