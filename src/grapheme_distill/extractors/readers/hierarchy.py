"""Lists under a lead-in or heading → entities, hierarchy edges, or relations named by the lead-in.

A list's items are the children of something, and the words that introduce the list say how:
"The band's members:" (``member_of``), "Types of clouds" (``subclass_of``), "The heart consists
of:" / "## Parts" (``part_of``), "The kit includes:" (``contains``).  A lead-in with a verb ("The
river passes through several major cities:") relates its subject to each item with that verb
instead.  The whole is the lead-in's own subject ("The heart"), the noun after "of" ("Types of
clouds"), a possessor ("The band's"), the heading's name, the prompt's ("the main parts of a
eukaryotic cell"), or the section's implicit subject, in that order.  Every item's head — its bold
term, its key, or the short phrase before a dash or parenthesis — is kept as an entity.
Numbered lists and lists of instructions are procedures, read elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["item_head", "read_lists"]

_KINDS: list[tuple[HierarchyKind, re.Pattern[str]]] = [
    (
        HierarchyKind.MEMBER_OF,
        re.compile(
            r"\b(?:members?|line-?up|players|roster|squad|cast|member states|member countries|personnel|"
            r"monarchs|kings|queens|rulers|presidents|emperors|leaders|alumni|musicians|band members|"
            r"examples of|belong to|belongs to)\b",
            re.IGNORECASE,
        ),
    ),
    (
        HierarchyKind.SUBCLASS_OF,
        re.compile(
            r"\b(?:types?|kinds?|classes|categories|varieties|subtypes?|breeds|subspecies|forms of|"
            r"branches of|families of|classified into)\b",
            re.IGNORECASE,
        ),
    ),
    (
        HierarchyKind.PART_OF,
        re.compile(
            r"\b(?:parts?|components?|organs|chambers|layers|sections|subdivisions|divisions|organelles|"
            r"consists? of|made up of|made of|composed of|movements|divided into|comprises?|structures|anatomy|"
            r"building blocks|pieces|elements of|regions of)\b",
            re.IGNORECASE,
        ),
    ),
    (
        HierarchyKind.CONTAINS,
        re.compile(r"\b(?:includes?|contains?|holds|houses)\b", re.IGNORECASE),
    ),
]
_OF_WORDS = (
    r"types?|kinds?|classes|categories|varieties|forms|parts?|components?|members?|elements|"
    r"sections|layers|organs|structures|subdivisions|branches"
)
# lower-case kind words, or capitalised only at the start: "Types of clouds", not "Kind of Blue"
_OF = re.compile(
    rf"(?:^(?i:the\s+)?(?i:main\s+)?(?i:{_OF_WORDS})|\b(?:{_OF_WORDS}))\s+of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<x>[\w'\- ]+?)(?:\s+(?:are|is|include|includes|consist|:)\b|[:,.?!]|$)",
)
_POSSESSOR = re.compile(
    r"^(?:the\s+)?(?P<x>[\w'\- ]+?)['’]s?\s+(?:\w+\s+){0,2}?(?:members?|parts?|"
    r"components?|types|kinds|line-?up|players)\b",
    re.IGNORECASE,
)
_LEAD_SUBJECT = re.compile(
    r"^(?P<x>.+?)\s+(?:has|have|had|consists? of|is made up of|are made up of|is composed of|comprises?|"
    r"includes?|contains?|is divided into|are divided into|can be divided into|is home to|features)\b",
    re.IGNORECASE,
)
_LEAD_VERB = re.compile(
    r"^(?P<s>(?:the\s+|its\s+|this\s+)?[\w'\-]+(?:\s+[\w'\-]+){0,4}?)\s+(?P<v>(?:also\s+)?[a-z]+(?:s|ed)"
    r"(?:\s+(?:through|in|into|across|to|with|by|on|from|at|for|along|over|between))?)\s+"
    r"(?:(?:these|the following|several|many|some|various|a few|\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+)?(?P<o>[\w\s'-]*)$",
    re.IGNORECASE,
)
_PRONOUN_SUBJECTS = frozenset(
    {"it", "they", "he", "she", "this", "these", "its", "their", "his", "her"}
)
_VERBISH = re.compile(
    r"^(?:[a-z]+(?:s|ed|ing)|is|are|was|were|has|have|can|will|use|add|make|take|put|do)\b"
)
_PROCEDURE_LEAD = re.compile(
    r"\b(?:steps?|how to|instructions|procedure|method|directions)\b", re.IGNORECASE
)


_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")


def name_list(text: str) -> list[str] | None:
    """ "amoxicillin, flucloxacillin" → the names; None when the text is a phrase or a sentence."""
    text = re.sub(r"\s*\([^)]*\)", "", text).strip().rstrip(".")
    if not text or re.match(r"(?i)(?:a|an|the|any|some|one|two|used|made|often|also)\b", text):
        return None
    parts = [clean_name(p) for p in _LIST_SPLIT.split(text) if p.strip()]
    if not parts or any(
        not p
        or len(p.split()) > 3
        or re.search(
            r"\b(?:is|are|was|were|has|have|can|will|that|which|who|of|for|to|with|by|from)\b", p
        )
        for p in parts
    ):
        return None
    return parts


def item_head(block: Block) -> tuple[str, int, int] | None:
    """The name a list item is about: its key, a bold term opening it, or a short phrase before a
    dash, colon or parenthesis; None for an item that is a sentence."""
    text = block.text
    if block.key is not None:
        a, b = block.key
    elif block.inline.emphasis and block.inline.emphasis[0][0] == 0:
        a, b = block.inline.emphasis[0]
    else:
        cut = re.search(r"\s+[\u2013\u2014-]\s+|:\s|\s*\(|,\s", text)
        a, b = 0, cut.start() if cut else len(text.rstrip(".;"))
    head = text[a:b]
    paren = head.find("(")
    if paren > 0:
        b = a + paren
        head = head[:paren]
    name = clean_name(head)
    words = name.split()
    if (
        not name
        or len(words) > 7
        or (
            _VERBISH.match(name.lower())
            and len(words) >= 3
            and not all(w[:1].isupper() for w in words)
        )
    ):
        return None  # "coordinates responses to outbreaks", "Located on the Seine": a sentence
    if re.search(r"\b(?:is|are|was|were|has|have)\b", name):
        return None
    start = text.find(name, a)
    return (name, start, start + len(name)) if start >= 0 else (name, a, b)


def _context_text(ctx: ReadContext, items: list[Block]) -> tuple[str, str]:
    first = items[0]
    lead = ctx.doc.lead_of(first)
    heading = ctx.doc.heading_of(first)
    lead_text = lead.text if lead is not None else ""
    if (
        lead_text
    ):  # the lead-in is the paragraph's last sentence; "Examples:" leaves the heading to say
        lead_text = re.split(r"(?<=[.!?])\s+", lead_text)[-1]
        if clean_name(lead_text.rstrip(":")).lower() in _GENERIC_LEADS:
            lead_text = ""
    return (lead_text, heading.text if heading is not None else "")


_GENERIC_LEADS = frozenset(
    {
        "examples",
        "example",
        "for example",
        "such as",
        "including",
        "key facts",
        "facts",
        "notes",
        "details",
        "highlights",
        "overview",
        "summary",
        "e.g",
    }
)


def _title_name(text: str) -> str | None:
    """A lead-in that is only a name ("Control plane", "Baleen whales (Mysticeti)")."""
    name = clean_name(re.sub(r"\s*\([^)]*\)", "", text.rstrip(":")))
    name = re.sub(
        r"\s+(?:run|runs|include|includes|contain|contains|has|have|hold|holds|comprises?|are|is)$",
        "",
        name,
    )
    if _kind_of(name) is not None and " of " not in f" {name.lower()} ":
        return None  # "Types", "The main classes, with common examples": a kind, not the whole
    if (
        not name
        or len(name.split()) > 5
        or name.lower() in _GENERIC_LEADS
        or re.search(
            r"\b(?:is|are|was|were|has|have|include|includes|run|runs|the following)\b",
            name.lower(),
        )
    ):
        return None
    return name


def _kind_of(*texts: str) -> HierarchyKind | None:
    for text in texts:
        if not text:
            continue
        for kind, pattern in _KINDS:
            if pattern.search(text):
                return kind
    return None


def _resolve(ctx: ReadContext, items: list[Block], phrase: str) -> Name | None:
    phrase = clean_name(phrase)
    if not phrase:
        return None
    words = phrase.lower().split()
    subject = ctx.section_subject(items[0])
    if words[0] in _PRONOUN_SUBJECTS or (
        len(words) == 1 and phrase.islower() and subject is not None
    ):
        return subject  # "It", "The river", "the band": what the section is about
    return Name(phrase)


def _parent(ctx: ReadContext, items: list[Block], lead: str, heading: str) -> Name | None:
    for text in (lead, heading):
        if not text:
            continue
        if (m := _POSSESSOR.match(text)) is not None:
            return _resolve(ctx, items, m.group("x"))
        if (m := _OF.search(text)) is not None:
            return _resolve(ctx, items, m.group("x"))
        if text is lead and (m := _LEAD_SUBJECT.match(text)) is not None:
            return _resolve(ctx, items, m.group("x"))
        if text is lead and (name := _title_name(text)) is not None:
            return _resolve(ctx, items, name)  # "**Control plane**" above its parts
    if heading and ":" in heading:
        return _resolve(ctx, items, heading.split(":")[0])
    if heading and (name := _title_name(heading)) is not None:
        return _resolve(ctx, items, name)
    if ctx.prompt and (m := _OF.search(ctx.prompt)) is not None:
        return _resolve(ctx, items, m.group("x"))
    return ctx.section_subject(items[0])


def _procedural(ctx: ReadContext, items: list[Block], lead: str, heading: str) -> bool:
    if _PROCEDURE_LEAD.search(lead) or _PROCEDURE_LEAD.search(heading):
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


def read_lists(ctx: ReadContext) -> Iterator[Fact]:
    """Facts from every list of the answer."""
    for items in ctx.doc.lists():
        yield from _read_list(ctx, items)


def _read_list(ctx: ReadContext, items: list[Block]) -> Iterator[Fact]:
    lead, heading = _context_text(ctx, items)
    if items[0].parent is not None:
        parent_block = ctx.doc.blocks[items[0].parent]
        head = item_head(parent_block)
        lead = lead if lead != parent_block.text else ""
        nested_parent = Name(head[0]) if head else None
    else:
        nested_parent = None
    if _procedural(ctx, items, lead, heading) or any(ctx.injected(b) for b in items):
        return
    heads = [(b, item_head(b)) for b in items]
    for block, head in heads:
        if head is not None and block.role != "key_value":  # a key ("Population") is no entity
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
    if nested_parent is not None:
        nested_kind = _kind_of(lead, heading, ctx.prompt) or HierarchyKind.MEMBER_OF
        for block, head in heads:
            if head is not None:
                yield Fact(
                    "hierarchy",
                    "list.nested",
                    block.span,
                    nested_parent,
                    Name(head[0]),
                    hierarchy=nested_kind,
                )
        return
    kind: HierarchyKind | None = _kind_of(lead) or _kind_of(heading)
    construction = "list.lead" if _kind_of(lead) else "list.heading"
    if kind is None and not lead and not heading and ctx.prompt:
        kind, construction = _kind_of(ctx.prompt), "list.prompt"
    if kind is None and lead:
        related = list(_lead_verb(ctx, items, heads, lead))
        # "The river passes through several capitals:" is a verb with its preposition, no title
        if any("_" in f.predicate for f in related) or not _title_name(lead):
            yield from related
            return
    if kind is None:
        kind = _kind_of(ctx.prompt) if (lead and _title_name(lead)) or heading else None
        if kind is None:
            return
        construction = "list.prompt"
    parent = _parent(ctx, items, lead, heading)
    if parent is None:
        return
    for block, head in heads:
        if head is not None and head[0].lower() != parent.text.lower():
            yield Fact(
                "hierarchy",
                f"{construction}.{kind.value}",
                block.span,
                parent,
                Name(head[0]),
                hierarchy=kind,
            )
            examples = name_list(block.value_text()) if block.role == "glossary" else None
            if examples and kind in (HierarchyKind.SUBCLASS_OF, HierarchyKind.MEMBER_OF):
                # "**Penicillins** — amoxicillin, flucloxacillin": the examples are its members
                for example in examples:
                    yield Fact("entity", "list.example", block.span, Name(example))
                    yield Fact(
                        "hierarchy",
                        "list.examples",
                        block.span,
                        Name(head[0]),
                        Name(example),
                        hierarchy=HierarchyKind.MEMBER_OF,
                    )


def _lead_verb(
    ctx: ReadContext,
    items: list[Block],
    heads: list[tuple[Block, tuple[str, int, int] | None]],
    lead: str,
) -> Iterator[Fact]:
    """ "The river passes through several major cities:" → (river, passes_through, item)."""
    m = _LEAD_VERB.match(lead.rstrip(":").strip())
    if m is None:
        return
    if not m.group("o").strip():
        return  # "Worker nodes run:": no object noun, so "nodes" may well be the verb's subject
    subject = _resolve(ctx, items, m.group("s"))
    verb = m.group("v").lower().replace("also ", "")
    if subject is None or verb.split()[0] in {"is", "was", "has", "includes", "contains", "does"}:
        return
    predicate = re.sub(r"\s+", "_", verb)
    for block, head in heads:
        if head is not None:
            yield Fact("relation", "list.lead_verb", block.span, subject, Name(head[0]), predicate)
