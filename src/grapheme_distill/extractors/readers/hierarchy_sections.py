"""Tables and sub-headings under a lead-in or heading → hierarchy edges.

The rows of a table whose first column names things ("| Type | … |" under "There are three types
of muscle:", "| Lake | Area |" under "## The Great Lakes") are children of the whole the lead-in,
heading or header names, as a list's items are (:mod:`.hierarchy`); so are the sub-headings right
under a lead-in or kind heading ("Primates fall into two groups:" over "## Strepsirrhines",
"## Haplorhines").  Split from the list reader, which decides the whole the same way
(:func:`~.hierarchy.list_whole`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy import childlike, list_whole
from grapheme_distill.extractors.readers.phrases import (
    kind_of,
    lead_parent,
    name_list,
    remarks,
    resolve,
)
from grapheme_distill.extractors.readers.plurals import singular
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["heading_child", "read_sections", "tables_of"]
# "Rocks fall into three main groups.", "There are four types of tissue.": a lead-in over the
# sub-headings that follow, with or without its colon
_COUNTED_KINDS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:\w+\s+){0,2}?"
    r"(?:types|kinds|classes|categories|groups|families|parts|components|sections|branches|"
    r"divisions|layers|stages|phases|regions|forms|varieties|orders|members|species)\b",
    re.IGNORECASE,
)

_TABLE_KIND_HEADERS = re.compile(
    r"^(?:types?|kinds?|class(?:es)?|category|categories|members?|parts?|components?|species|"
    r"breeds?|variet(?:y|ies)|layers?|organs?|stages?|phases?|regions?|planets?|elements?|"
    r"organelles?|groups?|families|family|genus|genera|order|subtypes?|forms?|branch(?:es)?|"
    r"sections?|movements?|tracks?|players?|musicians?)$",
    re.IGNORECASE,
)


def read_sections(ctx: ReadContext) -> Iterator[Fact]:
    """Hierarchy edges from every table and every lead-in over sub-headings of the answer."""
    yield from _read_tables(ctx)
    yield from _read_subheadings(ctx)


def tables_of(ctx: ReadContext) -> list[list[Block]]:
    """Table rows grouped by table (consecutive rows under one header)."""
    tables: list[list[Block]] = []
    for block in ctx.doc.blocks:
        if block.role != "table_row":
            continue
        if (
            tables
            and tables[-1][-1].index == block.index - 1
            and tables[-1][-1].header == block.header
        ):
            tables[-1].append(block)
        else:
            tables.append([block])
    return tables


# "| Examples |", "| Famous examples |": a column (or a comparison table's row) of instances
EXAMPLES_KEY = re.compile(
    r"^(?:[a-z\-]+\s+){0,2}(?:examples?|e\.g\.?)$",
    re.IGNORECASE,
)


# "| Group | Positions |", "| Block | Includes |": a column that lists what each row's thing
# holds; the header says how.  Not "| Drink | What's in it |": such cells measure their parts
# ("a single or double shot", "lots of steamed milk"; devread 3 right, 5 wrong)
_CONTENT_HEADERS: list[tuple[HierarchyKind, re.Pattern[str]]] = [
    (HierarchyKind.MEMBER_OF, re.compile(r"^(?:members?|positions?|players?)$", re.I)),
    (HierarchyKind.CONTAINS, re.compile(r"^(?:includes?|contains?)$", re.I)),
]


def _content_facts(rows: list[Block], col: int, names: list[str]) -> Iterator[Fact]:
    """Each name a content column's cell lists ("pitcher, catcher") is a child of its row's
    thing; a cell that is a description rather than a list of names gives none."""
    for j, head in enumerate(rows[0].header):
        kind = next((k for k, p in _CONTENT_HEADERS if p.match(head.strip(" *"))), None)
        if j == col or kind is None:
            continue
        for row, name in zip(rows, names, strict=True):
            cells = row.cell_texts()
            # "transition metals, e.g. iron, copper": the examples are the last name's, not the row's
            cell = (
                re.split(r",?\s+(?:e\.g\.|such as|including)\s", cells[j])[0]
                if j < len(cells)
                else ""
            )
            listed = name_list(cell) if name and cell else None
            for child in listed or ():
                yield from _child(f"table.contents.{kind.value}", row, Name(name), child, kind)


def _name_column(rows: list[Block]) -> int:
    """The first column that names things: a rank number ("| # | Layer |") names nothing."""
    width = len(rows[0].header)
    for col in range(width):
        cells = [r.cell_texts()[col] if col < len(r.cells) else "" for r in rows]
        if not all(re.fullmatch(r"\s*(?:#?\d+[.)]?)?\s*", c) for c in cells):
            return col
    return 0


# the only characters outside ASCII that ``IGNORECASE`` matches to ASCII ones ("İ", "ı", "ſ" and
# the Kelvin sign: checked against every code point on Python 3.11)
_ASCII_CASE_MATES = frozenset("\u0130\u0131\u017f\u212a")


@functools.lru_cache(maxsize=8)
def _folded(source: str) -> str | None:
    """The answer lower-cased with each run of white space one space (None when it holds a
    character ``IGNORECASE`` matches to an ASCII one): an ASCII name the answer writes, case
    aside, is then a plain substring of it.

    Why: the patterns below are built from a table's names, and each new one went into ``re``'s
    module cache (512 patterns, oldest out first), pushing out the readers' fixed patterns, which
    were compiled again when next used: ~170 of the ~700 compiles a devtrain pass made came from
    here, and about as many fixed patterns were compiled again after them.  A name the folded
    answer lacks cannot match, so its pattern is never built.  ``\\s`` is what ``str.split``
    splits on, and no character lower-cases to white space (both checked on every code point)."""
    if not source.isascii() and not _ASCII_CASE_MATES.isdisjoint(source):
        return None
    return " ".join(source.lower().split())


def _may_attest(ctx: ReadContext, *parts: str) -> bool:
    """False only when the folded answer lacks the ASCII parts written one after another."""
    folded = _folded(ctx.doc.source)
    if folded is None or not all(p.isascii() for p in parts):
        return True
    return " ".join(" ".join(parts).lower().split()) in folded


def _attested(ctx: ReadContext, name: str, word: str) -> bool:
    if not _may_attest(ctx, name, word):
        return False
    return bool(
        re.search(rf"\b{re.escape(name)}\s+{re.escape(word)}\b", ctx.doc.source, re.IGNORECASE)
    )


def _may_precede_word(ctx: ReadContext, name: str) -> bool:
    """False only when the folded answer never writes the name and a space before a letter."""
    folded = _folded(ctx.doc.source)
    key = " ".join(name.lower().split())
    if folded is None or not name.isascii() or not key:
        return True
    key += " "
    at = folded.find(key)
    while at >= 0:
        after = at + len(key)
        if after < len(folded) and "a" <= folded[after] <= "z":
            return True
        at = folded.find(key, at + 1)
    return False


#: what may follow a name the answer writes alone: punctuation, the block's end or a copula
_ALONE_AFTER = re.compile(r"\s*(?:[.,;:!?)\u2013\u2014]|$)|\s+(?:is|are|was|were|has|have)\b")


def _named_alone(ctx: ReadContext, name: str) -> bool:
    """Whether the answer writes the name, as written in the table, alone outside its tables
    ("**Oolong** sits between green and black" beside a table whose other columns the answer
    calls "green tea", "black tea"): emphasised, or followed by punctuation or a copula ("Oolong
    is …") — not before any other noun ("Floor plants need shade" is no bare "Floor"); the
    answer's own form of that name is then the bare one (the conventions: names as in the
    text)."""
    blocks = [b for b in ctx.doc.blocks if b.role != "table_row" and name in b.text]
    if not blocks:
        return False
    alone = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(
        (m.start(), m.end()) in b.inline.emphasis or _ALONE_AFTER.match(b.text, m.end())
        for b in blocks
        for m in alone.finditer(b.text)
    )


def joined_names(ctx: ReadContext, names: list[str], words: list[str]) -> list[str]:
    """Cell names completed by the noun the answer writes after them ("Application" under
    "| Layer |" is the "Application layer" when the answer says "application layer"): each name
    the answer writes so, and all of them when most are (the gold names the layer, not the word)
    — but not a name the answer also writes alone outside the table (:func:`_named_alone`)."""
    for word in words:
        if not word or any(n.lower().endswith(word.lower()) for n in names if n):
            continue
        said = [bool(n) and _attested(ctx, n, word) for n in names]
        if not any(said):
            continue
        every = 2 * sum(said) >= len([n for n in names if n])
        return [
            f"{n} {word}" if n and (s or (every and not _named_alone(ctx, n))) else n
            for n, s in zip(names, said, strict=True)
        ]
    return names


def _examples(cell: str) -> list[str]:
    """ "HTTP, SMTP, DNS", "Silver Needle, Longjing (Dragon Well)": the names a cell lists.
    Only names (capitalised, three words at most): lower-case examples ("cables, everyday
    use") read as descriptions, and on the gate answers they gave 6 wrong edges and no right."""
    cell = re.sub(r"\s*\([^)]*\)", "", cell)
    parts = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", cell)
    return [n for p in parts if (n := clean_name(p)) and len(n.split()) <= 3 and n[0].isupper()]


def _example_facts(
    ctx: ReadContext, rows: list[Block], col: int, names: list[str]
) -> Iterator[Fact]:
    """An "Examples" column: each example a member of its row's thing; a comparison table's
    "Examples" row: each a member of its column's thing ("| | White | Green |" → white tea)."""
    header = rows[0].header
    kind = HierarchyKind.MEMBER_OF
    for j, head in enumerate(header):
        if j != col and EXAMPLES_KEY.match(head.strip()):
            for row, name in zip(rows, names, strict=True):
                cells = row.cell_texts()
                for ex in _examples(cells[j]) if name and j < len(cells) else []:
                    yield from _child("table.examples", row, Name(name), ex, kind)
    if header[0].strip():
        return
    cols = [clean_name(re.sub(r"\s*\([^)]*\)", "", h)) for h in header[1:]]
    follow = following_word(ctx, [c for c in cols if c])
    cols = joined_names(ctx, cols, [follow] if follow else [])
    for row in rows:
        cells = row.cell_texts()
        if not EXAMPLES_KEY.match(cells[0].strip()):
            continue
        for j, whole in enumerate(cols, start=1):
            for ex in _examples(cells[j]) if whole and j < len(cells) else []:
                yield from _child("table.examples", row, Name(whole), ex, kind)


def _may_hold(text: str, word: str) -> bool:
    """False only when a text lacks an ASCII word, case aside (see _folded)."""
    if not word.isascii() or not (text.isascii() or _ASCII_CASE_MATES.isdisjoint(text)):
        return True
    return word.lower() in text.lower()


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next(reversed(list(pattern.finditer(text))), None)


def _ends_at(text: str, m: re.Match[str]) -> bool:
    """Whether a match is the text's last word (a closing colon or parenthesis aside)."""
    return not re.sub(r"\s*\([^)]*\)", "", text[m.end() :]).strip(" :.*_")


def following_word(ctx: ReadContext, names: list[str]) -> str | None:
    """The noun the answer writes after two or more of the names ("Green tea", "Black tea")."""
    seen: dict[str, int] = {}
    for name in names:
        if not _may_precede_word(ctx, name):
            continue  # its pattern would find nothing (see _folded)
        after = {
            m.group(1).lower()
            for m in re.finditer(
                rf"\b{re.escape(name)}\s+([a-z][a-z\-]+)\b", ctx.doc.source, re.IGNORECASE
            )
        }
        for word in after - {"and", "or", "is", "are", "the", "a", "an", "in", "of", "to"}:
            seen[word] = seen.get(word, 0) + 1
    best = max(seen.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best is not None and best[1] >= 2 else None


def _read_tables(ctx: ReadContext) -> Iterator[Fact]:
    """ "There are three types of muscle:" over "| Type | … |": each row's first cell is a child."""
    for rows in tables_of(ctx):
        first = rows[0]
        if not first.header or len(rows) < 2 or any(ctx.injected(b) for b in rows):
            continue
        col = _name_column(rows)
        raw = [clean_name(re.sub(r"\s*\([^)]*\)", "", r.cell_texts()[col])) for r in rows]
        names = joined_names(ctx, raw, [singular(first.header[col].strip().lower())])
        yield from _example_facts(ctx, rows, col, names)
        yield from _content_facts(rows, col, names)
        if not first.header[col].strip():
            continue
        lead_block = ctx.doc.lead_of(first)
        lead = re.split(r"(?<=[.!?])\s+", lead_block.text)[-1] if lead_block else ""
        lead = lead or _counted_lead(ctx, first, len(rows))
        heading_block = ctx.doc.heading_of(first)
        heading = heading_block.text if heading_block else ""
        header_word = first.header[col].strip().lower()
        header_kind = bool(_TABLE_KIND_HEADERS.match(header_word))
        # "## The Great Lakes" over "| Lake | Area |": each row is one of the heading's lakes
        # the lead-in or heading must end with the noun to name the group ("The Great Lakes");
        # one that only mentions it ("How the lakes compare") names none (gate: 0 of 13 right)
        # (the pattern is built only when one of them may hold the word: see _folded)
        group_of = None
        if header_word and any(_may_hold(t, header_word) for t in (lead, heading) if t):
            plural = re.compile(rf"\b{re.escape(header_word)}(?:s|es)?\b", re.IGNORECASE)
            group_of = next(
                (
                    t
                    for t in (lead, heading)
                    if t and (m := _last_match(plural, t)) and _ends_at(t, m)
                ),
                None,
            )
        kind = kind_of(lead) if lead else None
        kind = kind or (kind_of(heading) if heading else None)
        if kind is None and header_kind:
            kind = kind_of(first.header[col]) or HierarchyKind.SUBCLASS_OF
        group: Name | None = None
        if kind is None and group_of is not None and len(header_word.split()) == 1:
            kind = HierarchyKind.MEMBER_OF
            group = resolve(ctx, first, re.sub(r"\s*\([^)]*\)", "", group_of).rstrip(":"))
        if kind is None or (lead and remarks(lead)) or any(ctx.injected(b) for b in rows):
            continue
        parent = group or list_whole(ctx, first, lead, heading)
        if parent is None:
            continue
        for row, name in zip(rows, names, strict=True):
            yield from _child(f"table.rows.{kind.value}", row, parent, name, kind)


def _counted_lead(ctx: ReadContext, first: Block, rows: int) -> str:
    """The sentence right before a table that counts its rows' kinds without a colon ("There are
    four main kinds of tea." over four rows): a lead-in, as the sub-heading reader takes such a
    sentence (:data:`_COUNTED_KINDS`); the count must be the table's rows."""
    if first.index == 0:
        return ""
    before = ctx.doc.blocks[first.index - 1]
    if before.role != "paragraph" or before.text.rstrip().endswith(":"):
        return ""
    last = re.split(r"(?<=[.!?])\s+", before.text.strip())[-1]
    m = _COUNTED_KINDS.search(last)
    if m is None or m.group(0).split()[0].lower() == "several" or not _as_counted(last, rows):
        return ""
    return last


def heading_child(text: str) -> str:
    text = re.sub(
        r"^(?:\d+[.)]\s*|(?:type|part|step|group)\s+\d+\s*[:.\u2013\u2014-]\s*)", "", text
    )
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return clean_name(re.split(r"\s+[\u2013\u2014-]\s+|:\s", text)[0])


def _read_subheadings(ctx: ReadContext) -> Iterator[Fact]:
    """A lead-in ("Primates fall into two groups:") or a kind heading ("## Types of stars")
    right above sub-headings: each sub-heading names a child."""
    blocks = ctx.doc.blocks
    for i, block in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if nxt.role != "heading":
            continue
        last = re.split(r"(?<=[.!?])\s+", block.text)[-1] if block.role == "paragraph" else ""
        if block.role == "paragraph" and (block.text.endswith(":") or _COUNTED_KINDS.search(last)):
            lead = last
            level, parent_section = nxt.level, nxt.section
        elif block.role == "heading" and nxt.level > block.level:
            lead = block.text
            level, parent_section = nxt.level, block.index
        else:
            continue
        kind = kind_of(lead)
        if kind is None or remarks(lead) or ctx.injected(block):
            continue
        parent = lead_parent(ctx, block, lead) or ctx.section_subject(block)
        if parent is None:
            continue
        subs: list[Block] = []
        for sub in blocks[i + 1 :]:
            if sub.role == "heading" and sub.level < level:
                break
            if sub.role == "heading" and sub.level == level and sub.section == parent_section:
                subs.append(sub)
        if not _as_counted(lead, len(subs)):
            continue  # "grouped into four sections" over "## The four sections", "## Key roles"
        for sub in subs:
            yield from _child(f"headings.{kind.value}", sub, parent, heading_child(sub.text), kind)


_NUMBER_WORDS = {
    w: i + 2
    for i, w in enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
}


def _as_counted(lead: str, found: int) -> bool:
    """Whether the sub-headings are as many as a lead-in's count says ("split into two groups"
    over "## Baleen whales", "## Toothed whales"); a lead-in with no count is not checked.  When
    they are not, the headings are the answer's own sections ("## The four sections", "## Key
    roles"), not the children the lead-in counts."""
    m = _COUNTED_KINDS.search(lead)
    if m is None:
        return True
    word = m.group(0).split()[0].lower()
    count = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    return count is None or count == found


def _child(
    construction: str, block: Block, parent: Name, name: str | None, kind: HierarchyKind
) -> Iterator[Fact]:
    """The edge parent → ``name`` read off ``block``, when the name can be a child and is not the
    parent itself (what a table row and a sub-heading share)."""
    if name and childlike(name, nested=False) and name.lower() != parent.text.lower():
        yield Fact("hierarchy", construction, block.span, parent, Name(name), hierarchy=kind)
