"""Markdown → :class:`~grapheme_distill.extractors.document.model.Document`, with markdown-it-py.

A real CommonMark parser (plus GFM tables) decides what is a heading, a list, a nested list, a
table or a code block; hand-written line regexes got nesting, continuation lines and tables wrong.
markdown-it reports block positions as line ranges and inline content with the markup still in it,
so two small steps give character offsets: each inline's raw content is located line by line in
the answer (:func:`_locate`), then its child tokens (text, code, emphasis, links) are walked to
build the clean text and an offset map from clean text to the answer (:func:`_inline`).  Code
blocks, HTML blocks and images are never read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from grapheme_distill.extractors.document.model import Block, BlockRole, Document, Inline
from grapheme_distill.extractors.spacy.text import OffsetMap

__all__ = ["ATTRIBUTE_KEYS", "GENUS_RELATIVE", "parse_document", "split_key_value"]

#: Keys that label an attribute of the subject, not a term being glossed ("**Born:** 1915").
ATTRIBUTE_KEYS = frozenset(
    {
        "born",
        "died",
        "birth",
        "death",
        "date of birth",
        "date of death",
        "birthplace",
        "birth place",
        "place of birth",
        "place of death",
        "spouse",
        "spouses",
        "partner",
        "children",
        "parents",
        "capital",
        "population",
        "area",
        "founded",
        "established",
        "founder",
        "founders",
        "founded by",
        "headquarters",
        "hq",
        "ceo",
        "chairman",
        "president",
        "leader",
        "location",
        "located",
        "country",
        "nationality",
        "citizenship",
        "occupation",
        "profession",
        "genre",
        "genres",
        "language",
        "languages",
        "official language",
        "currency",
        "length",
        "height",
        "elevation",
        "width",
        "depth",
        "weight",
        "mass",
        "diameter",
        "source",
        "mouth",
        "discharge",
        "released",
        "release date",
        "release",
        "published",
        "author",
        "director",
        "directed by",
        "written by",
        "composer",
        "developer",
        "developed by",
        "designer",
        "inventor",
        "invented",
        "discovered",
        "discovered by",
        "known for",
        "awards",
        "education",
        "alma mater",
        "era",
        "period",
        "style",
        "members",
        "years active",
        "label",
        "origin",
        "type",
        "industry",
        "revenue",
        "employees",
        "owner",
        "parent",
        "subsidiaries",
        "products",
        "key people",
        "website",
        "region",
        "continent",
        "time zone",
        "government",
        "religion",
        "area code",
        "symbol",
        "atomic number",
        "formula",
        "melting point",
        "boiling point",
        "density",
        "orbit",
        "moons",
        "distance",
        "age",
        "lifespan",
        "habitat",
        "diet",
        "range",
        "status",
        "order",
        "family",
        "kingdom",
        "phylum",
        "class",
        "genus",
        "species",
        "cuisine",
        "main ingredients",
        "ingredients",
        "course",
        "serves",
        "cooking time",
        "prep time",
        "duration",
        "date",
        "dates",
        "venue",
        "winner",
        "runner-up",
        "champion",
        "team",
        "position",
        "sport",
        "league",
        "stadium",
        "coach",
        "manager",
        "club",
        "medium",
        "dimensions",
        "museum",
        "license",
        "written in",
        "initial release",
        "stable release",
        "operating system",
        "platform",
        "paradigm",
        "typing",
        "created by",
        "first appeared",
        "successor",
        "predecessor",
        "reign",
        "preceded by",
        "succeeded by",
        "term",
        "party",
        "basin size",
        "cities",
        "countries",
        "tributaries",
        "instruments",
        "notable works",
        "famous works",
        "works",
        "albums",
        "books",
    }
)

_KEY_COLON = re.compile(r"^(?P<k>[A-Z][^:.!?]{0,40}?)\s*:\s+(?P<v>\S.*)$", re.DOTALL)
_KEY_COLON_ANY = re.compile(r"^(?P<k>[A-Za-z][^:.!?]{0,40}?)\s*:\s+(?P<v>\S.*)$", re.DOTALL)
_KEY_DASH = re.compile(
    r"^(?P<k>[^\s:.!?][^:.!?]{0,50}?)\s+[\u2013\u2014-]{1,2}\s+(?P<v>\S.*)$", re.DOTALL
)
_SENTENCE_KEY = re.compile(
    r"\b(?:is|are|was|were|means|has|have|had|do|does|don't|let|you|you'll|i|we|"
    r"will|can|should|must|not)\b"
)
_NOT_KEYS = frozenset(
    {
        "tip",
        "tips",
        "note",
        "notes",
        "warning",
        "caution",
        "important",
        "example",
        "e.g",
        "summary",
        "answer",
        "in short",
        "bottom line",
        "tl;dr",
        "source",
        "sources",
        "pro tip",
    }
)
#: a bare genus capitalised by its place, with its relative clause: "**Desert Oases**: Small
#: areas of vegetation that are surrounded by …", "Long, narrow valleys that …" (a pronoun or a
#: verb before the relative word makes a sentence: "It provides resources that …")
GENUS_RELATIVE = re.compile(
    r"(?!(?:It|Its|They|Their|He|She|His|Her|We|You|I|This|These|Those|There|Here|Most|Some|All|"
    r"Many|Each|Both)\b)[A-Z][a-z\-]+(?:,?\s+(?!(?:is|are|was|were|has|have|had|can|will|may|"
    r"must|should|does|do|did|in|on|at|to|from|through|into|with|by|for|over|under|across|around|"
    r"between|about|and|or|but|the|a|an|its|their)\b)[a-z][a-z\-]*){0,4}\s+"
    r"(?:that|which|who|whose|where)\s+[a-z]"
)
_PARENS = re.compile(r"\s*\([^()]*\)")
_SEPARATOR = re.compile(r"^\s*(?::|[\u2013\u2014]|-{1,2}(?=\s))\s*")
_ARTICLE_START = re.compile(r"(?:A|An|The)\s")


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # html stays on so that HTML blocks are recognised as such (and skipped), never read as prose
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", source):
        starts.append(m.end())
    return starts


def _locate(
    source: str, lines: list[int], line: int, content: str, cursor: int = -1
) -> tuple[OffsetMap, int]:
    """Map the raw inline ``content`` (lines joined by ``\\n``) to answer offsets: each content
    line is searched for in the answer from the start of ``line`` on (or ``cursor``)."""
    offsets = OffsetMap()
    pos = max(cursor, lines[line] if line < len(lines) else len(source))
    clean = 0
    for k, part in enumerate(content.split("\n")):
        if k:
            clean += 1  # the "\n" itself: maps to wherever the next part starts
        found = source.find(part, pos) if part else pos
        if found < 0:
            found = pos
        offsets.add(clean, found)
        pos = found + len(part)
        clean += len(part)
    return offsets, pos


def _inline(token: Any, raw_map: OffsetMap) -> Inline:
    """Clean text of one inline token: text and code kept, markup dropped, breaks as spaces."""
    raw = token.content
    out: list[str] = []
    offsets = OffsetMap()
    emphasis: list[tuple[int, int]] = []
    opened: list[int] = []
    pos = 0  # clean length
    cursor = 0  # position in raw content
    for child in token.children or ():
        kind = child.type
        if kind in ("image", "html_inline"):
            continue
        if kind in ("strong_open", "em_open"):
            opened.append(pos)
            continue
        if kind in ("strong_close", "em_close"):
            if opened:
                start = opened.pop()
                if pos > start:
                    emphasis.append((start, pos))
            continue
        if kind in ("softbreak", "hardbreak"):
            if out and not out[-1].endswith(" "):
                offsets.add(pos, raw_map.to_orig(cursor))
                out.append(" ")
                pos += 1
            nl = raw.find("\n", cursor)
            cursor = nl + 1 if nl >= 0 else cursor
            continue
        if kind not in ("text", "code_inline") or not child.content:
            continue
        text = child.content
        found = raw.find(text, cursor)
        if found < 0:
            found = cursor
        offsets.add(pos, raw_map.to_orig(found))
        out.append(text)
        pos += len(text)
        cursor = found + len(text)
    clean = "".join(out)
    stripped = clean.rstrip()
    lead = len(clean) - len(clean.lstrip())
    if lead:
        shifted = OffsetMap()
        for s, o in zip(offsets.starts, offsets.origins, strict=True):
            shifted.add(max(0, s - lead), o + max(0, lead - s))
        offsets = shifted
        emphasis = [(max(0, a - lead), max(0, b - lead)) for a, b in emphasis]
        stripped = stripped.lstrip()
    spans = tuple(sorted((a, min(b, len(stripped))) for a, b in emphasis if a < len(stripped)))
    return Inline(stripped, offsets, spans)


def split_key_value(
    inline: Inline, lower_keys: bool = False
) -> tuple[BlockRole, tuple[int, int], tuple[int, int]] | None:
    """Is this text "key: value" / "**Term** — gloss"?  Which role, key span, value span.
    ``lower_keys``: a list item's key may be lower case ("principal amount: the initial …")."""
    text = inline.text
    key: tuple[int, int] | None = None
    value_start = -1
    if inline.opening is not None:
        a, b = inline.opening
        bold = text[a:b]
        if bold.rstrip().endswith(":") and b < len(text):
            key, value_start = (a, a + len(bold.rstrip()) - 1), b
        elif (sep := _SEPARATOR.match(text[b:])) is not None and sep.group(0).strip():
            key, value_start = (a, b), b + sep.end()
    if key is None:
        m = (_KEY_COLON_ANY if lower_keys else _KEY_COLON).match(text) or _KEY_DASH.match(text)
        if m is None or len(_PARENS.sub("", m.group("k")).split()) > 6:
            return None  # (a gloss in brackets is no part of the key's length: "**Raga** (*rāga*,
            # from Sanskrit "colour" or "passion") — a melodic framework")
        key, value_start = (m.start("k"), m.end("k")), m.start("v")
    while value_start < len(text) and text[value_start] in " \t:":
        value_start += 1
    k = text[key[0] : key[1]].strip().rstrip(":").strip()
    if (
        not k
        or value_start >= len(text)
        or len(_PARENS.sub("", k).split()) > 8
        or k.count("(") != k.count(")")
    ):
        return None  # "Solitude (Spanish: Cien años …) is a novel": the colon is in a parenthesis
    value = text[value_start:]
    words = value.split()
    key_lower = k.lower()
    # (a bracket's words are no part of the key's sentence test: "**PAYE** (Pay As You Earn): …")
    if _SENTENCE_KEY.search(_PARENS.sub("", key_lower)) or key_lower in _NOT_KEYS:
        return None
    gloss_like = (
        value[:1].islower()
        or _ARTICLE_START.match(value) is not None
        # (not when it opens with the key: "**Rain**: Rain falls …" is a sentence about it)
        or GENUS_RELATIVE.match(value) is not None
        and value.split()[0].lower() != key_lower.split()[0]
    )
    attribute = (
        key_lower in ATTRIBUTE_KEYS or not gloss_like or (len(words) <= 4 and value[:1].isdigit())
    )
    role: BlockRole = "key_value" if attribute else "glossary"
    return (
        role,
        (key[0], key[0] + len(text[key[0] : key[1]].rstrip().rstrip(":").rstrip())),
        (value_start, len(text.rstrip())),
    )


def _row_block(
    row_text: list[str],
    row_map: OffsetMap,
    header: tuple[str, ...],
    lead_in: int | None,
    emphasis: tuple[tuple[int, int], ...] = (),
) -> Block:
    """A table row's block: its cells joined by " | ", each cell's clean span kept, and the
    emphasis inside its cells ("| Pupa | a bare **chrysalis** |") in the row's clean offsets, as
    ``Block.cell_emphasis`` (not the row's inline emphasis: see there)."""
    cells: list[tuple[int, int]] = []
    pos = 0
    for cell_text in row_text:
        cells.append((pos, pos + len(cell_text)))
        pos += len(cell_text) + 3
    return Block(
        role="table_row",
        inline=Inline(" | ".join(row_text), row_map),
        header=header,
        cells=tuple(cells),
        cell_emphasis=emphasis,
        lead_in=lead_in,
    )


def _key_cell(text: str) -> bool:
    return text.strip(" *_:").lower() in ATTRIBUTE_KEYS


def _data_header(header: list[str], rows: list[Block]) -> bool:
    """A two-column table written without a header ("| Born | 12 May 1915 |" on its first line):
    markdown needs a header row, so the answer's first pair became one.  It is a pair when its
    first cell is an attribute key and so are most rows' first cells, the second header cell no
    key ("| Country | Capital |" is a header); a dated value alone tells too."""
    if len(header) != 2 or not _key_cell(header[0]) or _key_cell(header[1]):
        return False
    if header[1].strip().lower() in _HEADER_WORDS:
        return False
    keys = sum(1 for b in rows if b.cells and _key_cell(b.cell_texts()[0]))
    return keys * 2 >= len(rows) > 0 or any(ch.isdigit() for ch in header[1])


#: a second header cell that names the column ("| Date | Event |" is read by its rows)
_HEADER_WORDS = frozenset(
    {
        "value",
        "values",
        "detail",
        "details",
        "description",
        "info",
        "information",
        "data",
        "fact",
        "facts",
        "event",
        "events",
        "notes",
        "note",
        "meaning",
        "definition",
        "what",
        "answer",
        "example",
        "examples",
        "name",
        "names",
        "who",
        "where",
        "when",
    }
)


def _title_like(text: str) -> bool:
    return text.endswith(":") or (len(text.split()) <= 12 and text[-1:] not in ".!?;,")


def parse_document(source: str) -> Document:
    """Parse one answer into blocks (see :class:`Document`)."""
    doc = Document(source=source)
    if not source.strip():
        return doc
    tokens = _parser().parse(source)
    lines = _line_starts(source)
    headings: list[int] = []  # open heading indexes, by level
    item_stack: list[dict[str, Any]] = []  # open list items: index of first block, depth, list
    list_stack: list[dict[str, Any]] = []
    next_list = 0
    last_para: int | None = None  # the paragraph right before a list (its lead-in)
    header: list[str] = []
    row_text: list[str] = []
    row_map = OffsetMap()
    row_emphasis: list[tuple[int, int]] = []  # a row's emphasis spans, in the row's clean offsets
    row_cursor = -1
    in_head = False
    head_map = OffsetMap()
    head_emphasis: tuple[tuple[int, int], ...] = ()
    first_row = 0  # index of the first block of the table being read
    pending: tuple[str, int] | None = None  # heading level / item info for the next inline

    def section() -> int | None:
        return headings[-1] if headings else None

    def add(block: Block) -> int:
        block.index = len(doc.blocks)
        if block.section is None and block.role != "heading":
            block.section = section()
        doc.blocks.append(block)
        return block.index

    for i, tok in enumerate(tokens):
        t = tok.type
        if t == "heading_open":
            pending = ("heading", int(tok.tag[1:]))
        elif t in ("bullet_list_open", "ordered_list_open"):
            lead = item_stack[-1]["first"] if item_stack else last_para
            list_stack.append({"id": next_list, "ordered": t == "ordered_list_open", "lead": lead})
            next_list += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
            last_para = None
        elif t == "list_item_open":
            item_stack.append({"first": None, "depth": len(list_stack) - 1})
        elif t == "list_item_close":
            item_stack.pop()
        elif t == "tr_open":
            row_text, row_map, row_cursor, row_emphasis = [], OffsetMap(), -1, []
        elif t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "table_open":
            header, head_map, head_emphasis = [], OffsetMap(), ()
            first_row = len(doc.blocks)
        elif t == "table_close":
            if _data_header(header, doc.blocks[first_row:]):
                row = _row_block(header, head_map, (), last_para, head_emphasis)
                row.section = section()
                doc.blocks.insert(first_row, row)
                for k, b in enumerate(doc.blocks[first_row:], first_row):
                    b.index, b.header = k, ("", "")
        elif t == "tr_close":
            if in_head:
                header, head_map, head_emphasis = row_text, row_map, tuple(row_emphasis)
            elif any(row_text):
                add(_row_block(row_text, row_map, tuple(header), last_para, tuple(row_emphasis)))
        elif t == "inline":
            parent = tokens[i - 1]
            start_line = (parent.map or tok.map or [0, 0])[0]
            if parent.type in ("th_open", "td_open"):
                tr_line = next(
                    (
                        tokens[j].map[0]
                        for j in range(i - 1, -1, -1)
                        if tokens[j].type == "tr_open" and tokens[j].map
                    ),
                    start_line,
                )
                raw_map, row_cursor = _locate(source, lines, tr_line, tok.content, row_cursor)
                cell = _inline(tok, raw_map)
                base = sum(len(x) + 3 for x in row_text)
                for s, o in zip(cell.offsets.starts, cell.offsets.origins, strict=True):
                    row_map.add(base + s, o)
                row_emphasis.extend((base + a, base + b) for a, b in cell.emphasis)
                row_text.append(cell.text)
                continue
            raw_map, _ = _locate(source, lines, start_line, tok.content)
            inline = _inline(tok, raw_map)
            if not inline.text or not any(ch.isalnum() for ch in inline.text):
                continue
            if pending and pending[0] == "heading":
                level = pending[1]
                while headings and doc.blocks[headings[-1]].level >= level:
                    headings.pop()
                idx = add(Block(role="heading", inline=inline, level=level, section=section()))
                headings.append(idx)
                pending = None
                last_para = None
                continue
            role: BlockRole = "paragraph"
            block = Block(role=role, inline=inline)
            kv = split_key_value(inline)
            if item_stack:
                item = item_stack[-1]
                if item["first"] is None:
                    lst = list_stack[-1]
                    block.role = "list_item"
                    block.list_id, block.ordered = lst["id"], lst["ordered"]
                    block.level, block.lead_in = item["depth"], lst["lead"]
                    block.parent = item_stack[-2]["first"] if len(item_stack) > 1 else None
                    if kv is not None:
                        block.role, block.key, block.value = kv
                    item["first"] = add(block)
                    continue
                block.parent = item["first"]
            elif (
                kv is not None
                and "\n" not in tok.content.strip()
                and (
                    inline.opening is not None
                    or (
                        len(inline.text[kv[2][0] :].split()) <= 8
                        and not inline.text.rstrip().endswith(".")
                    )
                )
            ):
                # a paragraph is a key-value line when its key is bold or its value short; "Bootleg
                # Series Volume 1: The Quine Tapes was released ..." is a sentence with a colon
                block.role, block.key, block.value = kv
            idx = add(block)
            last_para = idx if block.role == "paragraph" and _title_like(inline.text) else None
    from grapheme_distill.extractors.document.refine import refine

    return refine(doc)
