"""The wholes a list may belong to: the candidates around it (lead-in, heading, prompt, section,
topic), the rule cascade's pick (:func:`list_whole`), the learned reader's choices
(:func:`list_choices`) and a lead-in verb that relates instead of naming a whole.

Split out of :mod:`.hierarchy` (twenty-third session).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_context import (
    list_context_text,
    procedural_list,
    structural_context,
    title_name,
)
from grapheme_distill.extractors.readers.hierarchy_cues import WORK_PARTS
from grapheme_distill.extractors.readers.hierarchy_items import (
    PREPOSITIONS,
    QUESTION_WORDS,
    childlike,
    item_head,
)
from grapheme_distill.extractors.readers.hierarchy_titles import GROUP_HEADING, prompt_whole
from grapheme_distill.extractors.readers.list_parents import (
    Candidate,
    ListChoice,
    ListShape,
    names_own_whole,
)
from grapheme_distill.extractors.readers.phrases import (
    first_subject,
    kind_of,
    lead_parent,
    resolve,
)
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "COMMON_KINDS",
    "HAS_COUNTED",
    "list_item_choices",
    "construction_of",
    "lead_verb",
    "list_choices",
    "list_whole",
    "list_wholes",
]

_PRONOUN_SUBJECTS = frozenset(
    {"it", "they", "he", "she", "this", "these", "its", "their", "his", "her"}
)
_PROCEDURE_LEAD = re.compile(
    r"\b(?:steps?|how to|instructions|procedure|method|directions)\b", re.IGNORECASE
)
_LEAD_VERB = re.compile(
    r"^(?P<s>(?:the\s+|its\s+|this\s+)?[\w'\-]+(?:\s+[\w'\-]+){0,4}?)\s+(?P<v>(?:also\s+)?[a-z]+(?:s|ed)"
    r"(?:\s+(?:through|in|into|across|to|with|by|on|from|at|for|along|over|between))?)\s+"
    r"(?:(?:these|the following|several|many|some|various|a few|\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+)?(?P<o>[\w\s'-]*)$",
    re.IGNORECASE,
)
# "The solar system has eight planets:", "Kyoto has 17 sites:": counted children
HAS_COUNTED = re.compile(
    r"\b(?:has|have|had|contains?|features?|boasts?|is home to)\s+(?:about\s+|around\s+|over\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few|"
    r"numerous)\s+[\w\s'-]*\w$",
    re.IGNORECASE,
)
# "Common second factors, from weakest to strongest:", "Common protocols you will see in the
# settings:": kinds of a second factor, a protocol
COMMON_KINDS = re.compile(
    r"^(?i:the\s+)?(?i:most\s+)?(?i:common|main|major|popular|typical|different|basic|principal)\s+"
    r"(?P<x>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}s)(?:,\s+[^,]{0,40}|\s+(?i:you|we)\s+[^,]{0,40})?$"
)


def list_choices(ctx: ReadContext) -> Iterator[ListChoice]:
    """Every list item the learned reader decides on, with its candidate wholes (what
    ``benchmarks/fit_list_parents.py`` fits on; the reader decides on exactly these)."""
    for items in ctx.doc.lists():
        lead, heading = list_context_text(ctx, items)
        if items[0].parent is not None:
            continue  # a nested list hangs from its item (read by rule)
        if procedural_list(items, lead, heading) or any(ctx.injected(b) for b in items):
            continue
        yield from list_item_choices(ctx, items, [(b, item_head(b)) for b in items], lead, heading)[
            1
        ]


_SOURCE_CONSTRUCTIONS = (
    ("lead_key", "key_lead"),
    ("lead_common", "common"),
    ("lead_np", "lead"),
    ("lead_title", "lead"),
    ("heading_group", "group_heading"),
    ("heading_np", "heading"),
    ("heading_title", "heading"),
    ("prompt", "prompt"),
)


def construction_of(candidate: Candidate, kind: HierarchyKind) -> str:
    """The construction an edge is recorded under: where its parent was read (calibration key)."""
    where = next((c for s, c in _SOURCE_CONSTRUCTIONS if s in candidate.sources), "subject")
    return f"list.{where}.{kind.value}"


def list_item_choices(
    ctx: ReadContext,
    items: list[Block],
    heads: list[tuple[Block, tuple[str, int, int] | None]],
    lead: str,
    heading: str,
) -> tuple[list[Fact], list[ListChoice]]:
    """A list's lead-verb relations ("The river passes through several cities:" relates, it has
    no whole), else one choice per item that can be a child, with the candidate wholes."""
    first = items[0]
    bare_lead = lead.rstrip(":")
    counted = bool(lead and HAS_COUNTED.search(bare_lead))
    common = COMMON_KINDS.match(bare_lead) if lead else None
    if lead and kind_of(lead) is None and not counted and common is None:
        related = list(lead_verb(ctx, items, heads, lead))
        if related:
            return related, []
    if not (lead or heading) or not structural_context(ctx, items, lead, heading):
        return [], []  # a bare list, or tips, steps, reasons: remarks, not children
    lead_key = ctx.doc.lead_of(first)
    if not (
        counted
        or common
        or kind_of(lead, heading, ctx.prompt)
        or (lead_key is not None and lead_key.key is not None)
        or (not lead and GROUP_HEADING.match(heading))  # "## Planets of the inner solar system"
    ):
        return [], []  # nothing names parts, kinds or members: "Some of her best-known works:"
    parent_block = ctx.doc.blocks[first.parent] if first.parent is not None else None
    parent_text = parent_block.text if parent_block is not None and parent_block.key is None else ""
    kind = (
        kind_of(lead)
        or (HierarchyKind.SUBCLASS_OF if common else None)
        or (HierarchyKind.PART_OF if counted else None)
        or kind_of(parent_text, heading, ctx.prompt)
        or HierarchyKind.MEMBER_OF
    )
    verb = _LEAD_VERB.match(bare_lead.strip()) if lead else None
    shape = ListShape(
        lead=lead,
        heading=heading,
        prompt=ctx.prompt,
        parent_text=parent_text,
        nested=parent_block is not None,
        ordered=first.ordered,
        lead_verb=bool(verb and verb.group("o").strip() and " " in verb.group("v").strip()),
        lead_counted=counted,
        heads=[h[0] if h else None for _, h in heads],
        roles=[b.role for b in items],
        item_words=[len(b.text.split()) for b in items],
        emphasised=[bool(b.inline.emphasis) for b in items],
        topic=ctx.topic.text if ctx.topic is not None else "",
    )
    candidates = list_wholes(ctx, items, lead, heading, common)
    choices = [
        ListChoice(block, head[0], kind, shape, candidates)
        for block, head in heads
        if head is not None
        and childlike(head[0], shape.nested)
        and head[0].split()[0].lower() not in PREPOSITIONS  # "In 2012", "On race day"
        # "**Artist:** Vincent van Gogh": a key-value item is an attribute, unless the lead-in or
        # heading names parts, kinds or members ("The symphony has four movements:")
        and (block.role != "key_value" or kind_of(lead) or kind_of(heading))
    ]
    return [], choices if candidates else []


def list_wholes(
    ctx: ReadContext, items: list[Block], lead: str, heading: str, common: re.Match[str] | None
) -> list[Candidate]:
    """Every name around a list that may be its whole, each with the places it was read from."""
    first = items[0]
    lead = _PAST_LEAD.sub(r"\1 are:", lead) if lead else lead
    out: dict[str, Candidate] = {}

    def add(name: Name | None, source: str) -> None:
        if name is None or not name.text.strip() or len(name.text.split()) > 8:
            return
        if name.text.count("(") > name.text.count(")"):  # "cat family (Felidae": cut
            name = Name(clean_name(name.text[: name.text.rfind("(")]))
            if not name.text:
                return
        words = name.text.lower().replace("'", " ").split()
        if words[0] in QUESTION_WORDS or _PRONOUN_SUBJECTS.intersection(words[1:]):
            return  # "What's there", "In practice it": no name of a whole
        if kind_of(name.text) and " of " in f" {name.text.lower()} ":
            name = lead_parent(ctx, first, name.text) or name  # "Branches of government"
        out.setdefault(name.text.lower(), Candidate(name)).sources.add(source)

    # "Branches of government" names government: its whole title is a candidate only when no
    # whole is named inside it
    if lead:
        add(lead_np := lead_parent(ctx, first, lead), "lead_np")
        if lead_np is None and (title := title_name(lead)) is not None:
            add(resolve(ctx, first, title), "lead_title")
        if common is not None:
            add(Name(clean_name(common.group("x"))), "lead_common")
        lead_block = ctx.doc.lead_of(first)
        if lead_block is not None and lead_block.key is not None and lead.endswith(":"):
            key = clean_name(re.sub(r"\s*\([^)]*\)", "", lead_block.key_text()))
            add(Name(key), "lead_key")
    if heading:
        add(heading_np := lead_parent(ctx, first, heading), "heading_np")
        if ":" in heading:
            add(resolve(ctx, first, heading.split(":")[0]), "heading_title")
        elif heading_np is None and (title := title_name(heading)) is not None:
            add(resolve(ctx, first, title), "heading_title")
        if (m := GROUP_HEADING.match(heading)) is not None:
            add(Name(clean_name(m.group("x"))), "heading_group")
    if ctx.prompt:
        add(prompt_whole(ctx, first), "prompt")
    add(ctx.section_subject(first), "section")
    add(ctx.topic, "topic")
    if not _names_own_whole(out):
        add(first_subject(ctx), "first_subject")
    return list(out.values())


def _names_own_whole(out: dict[str, Candidate]) -> bool:
    """Whether a list's lead-in or heading names its own whole ("**Treatment** usually involves
    two kinds of inhaler:", "## Types of plate boundary", "**Triggers** to avoid include:"): then
    the answer's first subject is no whole of the list as well — a list item has one direct
    whole, and the first subject is at most its grandparent (devtrain: "Asthma contains
    allergens" beside "Triggers to avoid", "Plate tectonics subclass_of Divergent boundaries"
    beside "plate boundary", all scored .78-.82).  A bare plural names the first subject's own
    children by their kind, so the first subject stays their whole (a gamelan's gongs and
    drums): :func:`.list_parents.names_own_whole`."""
    return names_own_whole(out.values())


def list_whole(ctx: ReadContext, block: Block, lead: str, heading: str) -> Name | None:
    """The whole a list belongs to: what its lead-in names, else its heading, else the prompt's
    "parts of X", else the section's subject.  A name cut inside a bracket ("The Group of Seven
    (G7" from "The Group of Seven (G7) is …") loses the half bracket, as in :func:`list_wholes`."""
    name = _list_whole(ctx, block, _PAST_LEAD.sub(r"\1 are:", lead) if lead else lead, heading)
    if name is not None and name.text.count("(") > name.text.count(")"):
        cut = clean_name(name.text[: name.text.rfind("(")])
        return Name(cut) if cut else None
    return name


#: a lead-in in the past tense ("The key parts of a medieval castle were:"): read as the present,
#: which the lead-in phrases end at ("… of a medieval castle are:"), so the verb is no part of the
#: whole ("medieval castle were", a probe of the twenty-fourth session)
_PAST_LEAD = re.compile(r"(?i)^(.*\S)\s+(?:were|was)\s*:?\s*$")


def _list_whole(ctx: ReadContext, block: Block, lead: str, heading: str) -> Name | None:
    """:func:`list_whole`'s cascade."""
    if lead:
        if (name := lead_parent(ctx, block, lead)) is not None:
            return name
        title = title_name(lead)
        if title is not None and (name := resolve(ctx, block, title)) is not None:
            return name  # "**Control plane**" above its parts
    if heading:
        if (name := lead_parent(ctx, block, heading)) is not None:
            return name
        if ":" in heading:
            return resolve(ctx, block, heading.split(":")[0])
        title = title_name(heading) if not kind_of(heading) else None
        named = ctx.section_subject(block)
        if title and (named is None or named != ctx.topic):  # a heading that names a thing
            return resolve(ctx, block, title)
    if ctx.prompt and kind_of(ctx.prompt) and (name := prompt_whole(ctx, block)):
        return name
    subject = ctx.section_subject(block)
    if subject is not None and kind_of(subject.text) is None:
        return subject  # not "four sections": a heading that names the children, not the whole
    return ctx.topic or first_subject(ctx)


def lead_verb(
    ctx: ReadContext,
    items: list[Block],
    heads: list[tuple[Block, tuple[str, int, int] | None]],
    lead: str,
) -> Iterator[Fact]:
    """ "The river passes through several major cities:" → (river, passes_through, item); a
    verb's counted object with no preposition names the items' group (:func:`_lead_group`)."""
    if WORK_PARTS.match(lead.strip()):
        return  # "Its work falls into a few broad areas:": the work's parts (hierarchy_cues)
    if (group := _lead_group(lead, heads)) is not None:
        for block, head in heads:
            if head is not None and childlike(head[0], nested=False):
                yield Fact(
                    "hierarchy",
                    "list.lead_group.member_of",
                    block.span,
                    group,
                    Name(head[0]),
                    hierarchy=HierarchyKind.MEMBER_OF,
                )
        return
    m = _LEAD_VERB.match(lead.rstrip(":").strip())
    if m is None or not m.group("o").strip():
        return  # "Worker nodes run:": no object noun, so "nodes" may well be the verb's subject
    subject = resolve(ctx, items[0], m.group("s"))
    verb = m.group("v").lower().replace("also ", "")
    if subject is None or verb.split()[0] in {"is", "was", "has", "includes", "contains", "does"}:
        return
    if subject.text.lower() in _PRONOUN_SUBJECTS or "_" not in verb.replace(" ", "_"):
        return  # a bare verb with no preposition ("Gardeners grow roses:") relates too loosely
    predicate = re.sub(r"\s+", "_", verb)
    for block, head in heads:
        if head is not None and childlike(head[0], nested=False):
            yield Fact("relation", "list.lead_verb", block.span, subject, Name(head[0]), predicate)


#: "the WMF hosts several sister projects:", "if he has any of these red flags:": a quantifier
#: and a modified plural noun ending the lead-in (a short "with …" / "you …" tail allowed)
_LEAD_GROUP = re.compile(
    r"(?i)(?:^|\s)(?P<pre>[\w'’\-]+)\s+(?:these|those|several|some|a few|many|various|numerous|"
    r"the following|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<np>[a-z][\w'’\-]*(?:\s+[a-z][\w'’\-]*){0,2}\s+[a-z][\w\-]*[^s\W]s)"
    r"(?:\s+(?:with|you|that|which|we)\b[^:,]{0,40})?\s*:$"
)
#: nouns that name remarks about the items, not a group they form ("a few general points:")
_REMARK_NOUNS = re.compile(
    r"(?i)(?:words|terms|points|notes|rules|misconceptions|mix-ups|names|things|ideas|facts|"
    r"questions|examples|options|details|features|ways|areas|sayings|phrases|highlights)$"
)


def _lead_group(lead: str, heads: list[tuple[Block, tuple[str, int, int] | None]]) -> Name | None:
    """The group a lead-in's verb counts the items into: a quantifier and a modified plural noun
    at the lead-in's end ("Besides Wikipedia, the WMF hosts several sister projects:", "go to A&E
    if he has any of these red flags:") name what the items are members of, the noun phrase
    itself.  A preposition before the quantifier makes the noun the place or partner of a verb
    ("passes through several major cities:", "formed an alliance with two city-states:"); a
    bare plural ("several names:") or a noun of remarks ("a few general points:", "two related
    terms you'll run into:") names no group, and a kind word ("three forms:") is the kind
    readers'.  The items must be short names (a head of four words at most)."""
    m = _LEAD_GROUP.search(lead.strip())
    if m is None:
        return None
    pre, np = m.group("pre").lower(), " ".join(m.group("np").split())
    if (
        (pre in PREPOSITIONS and pre != "of")  # "any of these red flags:" counts
        or pre in ("with", "through", "into", "across", "among", "between", "and", "or")
        or _REMARK_NOUNS.search(np)
        or kind_of(np) is not None
        or re.search(r"(?i)\b(?:and|or|of|more|other|common|main|key|major|related)\b", np)
    ):
        return None
    names = [h[0] for _, h in heads if h is not None]
    if len(names) < 2 or len(names) != len(heads) or any(len(n.split()) > 4 for n in names):
        return None
    return Name(clean_name(np))
