"""Lists, tables and sub-headings under a lead-in or heading → entities and hierarchy edges.

A list's items are the children of something, and the words that introduce the list say how
(:mod:`.phrases`): "The band's members:" (``member_of``), "## Types of clouds" (``subclass_of``),
"The heart consists of:" / "**Parts**" (``part_of``), "The kit includes:" (``contains``).  The
same holds for the rows of a table whose first column names things ("| Type | … |" under "There
are three types of muscle:"), for the sub-headings under a lead-in ("Primates fall into two
groups:" followed by "## Strepsirrhines", "## Haplorhines") and for nested lists (each nested
item is a child of the item it hangs from).  A lead-in with a verb and no kind word ("The river
passes through several major cities:") relates its subject to each item with that verb instead.
Lists of tips, steps, reasons, pros and cons, facts or ingredients are no structure, and an item
that is a sentence is no child.  Every item's head — its bold term, its key, or the short phrase
before a dash or parenthesis — is kept as an entity.

Which whole a top-level list's items belong to, if any, is decided by the rules below
(:func:`_parent` and the lead-in/heading cascade).  The learned component of :mod:`.list_parents`
(:func:`list_choices` gathers each item's candidate wholes, a model picks one or none) decides
instead when a model is set or ships; none ships, because on answers it had not seen it read
worse than these rules (hierarchy F1 0.430 against 0.453 on the validation answers).
Nested lists (the parent item is the whole), tables and sub-headings are always read by rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_children import grouped_names, list_children
from grapheme_distill.extractors.readers.hierarchy_context import (
    list_context_text,
    procedural_list,
    structural_context,
    title_name,
)
from grapheme_distill.extractors.readers.hierarchy_items import (
    callout,
    childlike,
    is_label,
    item_head,
    key_label,
)
from grapheme_distill.extractors.readers.hierarchy_names import STRUCTURE_HEADING
from grapheme_distill.extractors.readers.hierarchy_runs import term_runs
from grapheme_distill.extractors.readers.hierarchy_titles import (
    CLAUSE_HEADING,
    GROUP_HEADING,
    group_title,
    items_name_group,
    named_heading,
    prompt_names,
    titled_by,
)
from grapheme_distill.extractors.readers.hierarchy_wholes import (
    COMMON_KINDS,
    HAS_COUNTED,
    construction_of,
    lead_verb,
    list_choices,
    list_item_choices,
    list_whole,
    list_wholes,
)
from grapheme_distill.extractors.readers.list_parents import active_parent_model
from grapheme_distill.extractors.readers.phrases import kind_of, name_list, names_kind, resolve
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "callout",
    "childlike",
    "item_head",
    "list_choices",
    "list_context_text",
    "list_whole",
    "list_wholes",
    "name_list",
    "procedural_list",
    "read_lists",
    "title_name",
]


def read_lists(ctx: ReadContext) -> Iterator[Fact]:
    """Facts from every list, table and lead-in over sub-headings of the answer (tables and
    sub-headings: :mod:`.hierarchy_sections`)."""
    # imported here: that module builds on this one's whole-finding (list_whole, childlike)
    from grapheme_distill.extractors.readers.hierarchy_sections import read_sections
    from grapheme_distill.extractors.readers.hierarchy_type_column import read_type_columns

    for items in ctx.doc.lists():
        yield from _read_list(ctx, items)
    for items, title in term_runs(ctx.doc):  # "Solid: …", "Liquid: …" paragraphs: a list
        yield from _read_list(ctx, items, title)
    yield from read_sections(ctx)
    yield from read_type_columns(ctx)


# a stage of a process named by a nominalisation ("Evaporation", "Condensation", "Fermentation")
_STAGE = re.compile(r"^[A-Z][a-z]+(?:tion|sion|sis|ment|ance|ence)$")


def lead_or_prompt_names(
    ctx: ReadContext, lead: str, parent: Name, items: Sequence[str] = ()
) -> bool:
    """Whether the list's lead-in or the prompt writes the whole's name (as words: "tea" is not
    in "steady"), or the items carry it as their head ("Green tea", "Black tea" under "## Tea":
    a heading that names the class the items are kinds of)."""
    words = re.compile(rf"\b{re.escape(parent.text)}\b", re.IGNORECASE)
    if words.search(lead) or words.search(ctx.prompt):
        return True
    head = parent.text.split()[-1].lower() if parent.text.split() else ""
    named = [t.split(maxsplit=8)[:8] for t in items]
    return (
        bool(head)
        and len(items) >= 2
        and all(any(w.strip("*_,.:;()").lower() in (head, head + "s") for w in ws) for ws in named)
    )


def _stages(
    ctx: ReadContext, items: list[Block], heads: list[tuple[Block, tuple[str, int, int] | None]]
) -> Iterator[Fact]:
    """A numbered list whose items open with a bold one-word nominalisation ("1. **Evaporation.**
    The Sun heats …", "2. **Condensation.** …") names the stages of the process the section is
    about: each is part of it (the steps themselves stay a procedure)."""
    names = [h[0] for b, h in heads if h is not None and b.inline.emphasis]
    if (
        len(items) < 3
        or not items[0].ordered
        or len(names) != len(items)
        or any(len(n.split()) != 1 for n in names)
        or 2 * sum(bool(_STAGE.match(n)) for n in names) <= len(names)
    ):
        return
    whole = ctx.section_subject(items[0])
    if whole is None:
        return
    for block, head in heads:
        if head is not None and head[0].lower() != whole.text.lower():
            yield Fact(
                "hierarchy",
                "list.stages.part_of",
                block.inline.span(head[1], head[2]),
                whole,
                Name(head[0]),
                hierarchy=HierarchyKind.PART_OF,
            )


def _read_list(ctx: ReadContext, items: list[Block], title: str = "") -> Iterator[Fact]:
    lead, heading = list_context_text(ctx, items)
    lead = lead or title
    nested = items[0].parent is not None
    heads = [(b, item_head(b)) for b in items]
    if any(ctx.injected(b) for b in items):
        return
    if not nested:
        yield from _stages(ctx, items, heads)
    if procedural_list(items, lead, heading):
        return
    members = bool(kind_of(lead) or kind_of(heading))
    for block, head in heads:
        if (
            head is not None
            and block.role != "key_value"  # a key ("Population") is no entity
            and not is_label(head[0], ordered=block.ordered)
            and (members or not key_label(block, head))
        ):
            yield Fact("entity", "list.item", block.inline.span(head[1], head[2]), Name(head[0]))
            year = re.match(r"\s*\((?P<y>(?:c\.\s*)?\d{4})\)", block.text[head[2] :])
            if year:
                yield Fact(
                    "relation",
                    "list.item_year",
                    block.span,
                    Name(head[0]),
                    Name(year.group("y"), "DATE"),
                    "date",
                )
    model = active_parent_model()
    # a nested list hangs from its item (layout, no choice to learn: dev has none to learn from)
    if model is not None and not nested:
        related, choices = list_item_choices(ctx, items, heads, lead, heading)
        yield from related
        for choice in choices:
            picked = model.choose(choice)
            if picked is not None:
                one: list[tuple[Block, tuple[str, int, int] | None]] = [
                    (choice.block, (choice.head, 0, 0))
                ]
                construction = construction_of(picked[0], choice.kind)
                yield from list_children(items, one, picked[0].name, choice.kind, construction)
        return
    if not structural_context(ctx, items, lead, heading):
        return
    if nested:
        parent_block = ctx.doc.blocks[items[0].parent]  # type: ignore[index]
        head = item_head(parent_block)
        if head is None or not childlike(head[0], nested=False):
            return
        if parent_block.text.rstrip().endswith(":") and not kind_of(parent_block.text):
            # "- **Things to try:**" over its items is a lead-in, not a whole: like a lead-in
            # paragraph it must name parts, kinds or members (devread 0/0; gate10 0 of 6 such
            # pairs right, val11 0 of 5)
            return
        kind = kind_of(parent_block.text if parent_block.key is None else "", heading, ctx.prompt)
        whole = Name(head[0])
        if parent_block.text.rstrip().endswith(":") and names_kind(head[0]):
            # "- **Main parts:**", "- **Members:**" over its items is a label naming their kind,
            # not their whole: they are parts or members of what the section is about (a bare
            # "- **Departments**" among "- **Knives**" is a group of its own)
            kind = kind or kind_of(head[0])
            subject = ctx.section_subject(parent_block)
            if subject is None:
                return
            whole = subject
        yield from list_children(
            items, heads, whole, kind or HierarchyKind.MEMBER_OF, "list.nested"
        )
        return
    lead_block = ctx.doc.lead_of(items[0])
    if lead_block is not None and lead_block.key is not None and lead.endswith(":"):
        # "**Strings** — the largest section:" over its instruments: the key is the whole
        whole = Name(clean_name(re.sub(r"\s*\([^)]*\)", "", lead_block.key_text())))
        yield from list_children(items, heads, whole, HierarchyKind.MEMBER_OF, "list.key_lead")
        return
    parent: Name | None = None
    kind, construction = kind_of(lead), "list.lead"
    if kind is HierarchyKind.CONTAINS:
        # "The kit includes:", "Notable works include:": on unseen answers such lists gave no
        # right pair (0 of 4; dev 0 of 0); prose "X includes A, B" is the clause reader's
        return
    if kind is None and lead and HAS_COUNTED.search(lead.rstrip(":")):
        kind = HierarchyKind.PART_OF
    if kind is None and lead and (m := COMMON_KINDS.match(lead.rstrip(":"))):
        kind, construction = HierarchyKind.SUBCLASS_OF, "list.common"
        parent = Name(clean_name(m.group("x")))
        # "Common signs:" over "Sudden loss of body weight": a kind is a short noun phrase
        # ("SMS codes", "hardware security keys"); an item of four words or more describes
        # (devtrain's right list.common children have 1-3 words; the gates' 4-6 word ones were
        # 0 right of 7)
        heads = [(b, h if h is None or len(h[0].split()) <= 3 else None) for b, h in heads]
    if kind is None and not lead:
        kind, construction = kind_of(heading), "list.heading"
        if kind is HierarchyKind.CONTAINS:
            # "## What the kit includes": as a lead-in's "includes" above, no whole's members
            # (the gates' list.heading.contains: 0 right of 4; devtrain has none)
            return
        if kind is None and (m := STRUCTURE_HEADING.match(heading)) is not None:
            # "## How it is organised" over "**International Secretariat**", …: parts of the
            # thing it names, else of the section's subject
            named = m.group("x") or m.group("y")
            parent = resolve(ctx, items[0], named) if named else ctx.section_subject(items[0])
            kind, construction = HierarchyKind.PART_OF, "list.structure"
    if kind is None and lead:
        related = list(lead_verb(ctx, items, heads, lead))
        # "The river passes through several capitals:" is a verb with its preposition, no title
        if related:
            yield from related
            return
        if not title_name(lead):
            return
    if (
        kind is None
        and not lead
        and heading
        and (m := GROUP_HEADING.match(heading))
        and items_name_group(m.group("x"), heads)
    ):
        kind, construction = HierarchyKind.MEMBER_OF, "list.group_heading"
        parent = Name(clean_name(m.group("x")))
    if kind is None and (group := group_title(items, heads, lead, heading)) is not None:
        kind, construction, parent = HierarchyKind.MEMBER_OF, "list.group_title", group
    if kind is None and (named := named_heading(ctx, items, heads, lead, heading)) is not None:
        kind, construction, parent = HierarchyKind.MEMBER_OF, "list.named_heading", named
    if kind is None:
        if not ((lead and title_name(lead)) or heading) or (
            not lead and CLAUSE_HEADING.match(heading)
        ):
            # "## When it goes wrong" over its disorders is a situation, not the prompt's whole
            # ("What is the lymphatic system made of?"): its list names no part of it
            return
        kind, construction = kind_of(ctx.prompt), "list.prompt"
        if kind is None or kind is HierarchyKind.CONTAINS:
            # "What does a first-aid kit contain?", "… including its history?": as a lead-in's or
            # a heading's "includes" above, the prompt's containment word decides nothing for a
            # titled list — it asks what is in a thing or widens the question, and the list's own
            # title names a group of its own (unseen batches 26-37: list.prompt.contains 0 right
            # of 15, in three answers; devtrain and val11-25 have none)
            return
    parent = parent or list_whole(ctx, items[0], lead, heading)
    if parent is None:
        return
    if (
        construction == "list.lead"
        and kind is HierarchyKind.SUBCLASS_OF
        and not lead_or_prompt_names(ctx, lead, parent, [b.text for b in items])
    ):
        # "His main genres:" under "## The music": a lead-in that counts kinds but names no
        # whole, in an answer whose prompt names none either, leaves the whole to a heading or
        # section, which titles a topic rather than the class the items are kinds of (devtrain
        # 0 of 6 such pairs right, the gates 0 of 7; named in the lead-in or prompt: devtrain
        # 32 of 42, e.g. "Gardeners group roses into three kinds:" for "How are roses
        # classified?")
        return
    if (
        construction == "list.prompt"
        and lead
        and kind is HierarchyKind.SUBCLASS_OF
        and not prompt_names(ctx, items[0], parent)
    ):
        # "What kinds of whales are there?" over a list under a lead-in title ("**Related
        # terms**", "**Key facts**"): as under a heading (below), a kinds prompt makes the items
        # kinds of a class the prompt names ("The main ones are:" for "What are the branches of
        # chemistry?" leaves chemistry the whole); a lead-in title of another noun is a label of
        # the answer's own, no class (devtrain 0 right of 4 such pairs before the learned
        # reader, val11-37 0 of 19; heading-titled 8 of 8)
        return
    if construction == "list.prompt" and not lead and not prompt_names(ctx, items[0], parent):
        # "What kinds of whales …?" over "## Baleen whales": a kind of the prompt's whales; over
        # "## Devices by layer" or "## Special rules" the heading is a topic, and the prompt's
        # kind says nothing of its list (gate: 0 of 19 such pairs right; devread 14 of 16, all
        # under headings that name the prompt's noun or whole)
        return
    if construction == "list.prompt" and not titled_by(ctx, items[0], parent, heading):
        # "## Related terms" over "**Lamination**", "**Blind baking**" in an answer on kinds of
        # pastry: the prompt's kind or parts are the list's only when its own title (lead-in
        # paragraph or heading) names the whole ("## Baleen whales" for kinds of whales,
        # "**Control plane**" for what Kubernetes is made of); under a heading that names
        # something else ("Related terms", "Notable features") the list is a topic of its own.
        # Devtrain: every right list.prompt pair (21 of 22) is titled so; the gates, judged by
        # ablation, 1 right and 31 wrong.  Exempting parts prompts kept most of the gates' wrong
        # pairs (val13 hierarchy .195 -> .197 against .203 without the exemption)
        return
    grouped = grouped_names(lead, items) if construction == "list.lead" else None
    if grouped is not None:
        # "OPEC has 12 members:" over "**Middle East:** Saudi Arabia, Iraq, …": the keys group
        # the members the lead-in counts, so the names are its children, not the keys
        for block, name in grouped:
            construction = f"list.grouped.{kind.value}"
            yield Fact("hierarchy", construction, block.span, parent, Name(name), hierarchy=kind)
        return
    yield from list_children(items, heads, parent, kind, f"{construction}.{kind.value}")
