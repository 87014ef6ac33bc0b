"""Key-value items and table rows → attribute facts about the implicit subject.

"**Born:** 10 December 1815, London" under an answer about Ada Lovelace is about her; a
"**Key:** value" item is about the name its lead-in gives ("Key facts about Paris:") or its
section's subject, and a table row is about the thing its first cell names, with the other cells
under their column headers (a two-column "Detail | Value" table is a list of key-value pairs about
the subject; a "| Feature | TCP | UDP |" table compares its columns).  What a key and its value
say is read in ``attribute_values``; this module finds the pairs and their subjects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from grapheme_distill.extractors.document import ATTRIBUTE_KEYS
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.attribute_keys import (
    DATE_KEYS,
    GENERIC_HEADERS,
    INCUMBENT,
    KEY_PREDICATES,
    PLACE_KEYS,
    REGION_KEYS,
    REMARK_HEADERS,
    ROLE_KEYS,
    VENUE_KEYS,
    VENUE_MEASURES,
    is_name_key,
)
from grapheme_distill.extractors.readers.attribute_values import (
    CLAUSE,
    NOT_VALUES,
    PAREN,
    count_of,
    key_facts,
    listed,
    snake,
    value_type,
)
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.counted_items import read_counted_items
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.hierarchy_items import VERBISH
from grapheme_distill.extractors.readers.hierarchy_sections import (
    EXAMPLES_KEY,
    following_word,
    joined_names,
    tables_of,
)
from grapheme_distill.extractors.readers.lead_verbs import lead_verb_relations
from grapheme_distill.extractors.readers.phrases import first_subject, names_kind, prompt_name
from grapheme_distill.extractors.readers.plurals import singular
from grapheme_distill.extractors.readers.yes_no_rows import yes_no_facts
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "column_names",
    "count_of",
    "is_name_key",
    "numbered_rows",
    "read_attributes",
    "value_type",
]

_RANKS = (
    "domain",
    "kingdom",
    "phylum",
    "division",
    "class",
    "order",
    "family",
    "subfamily",
    "tribe",
    "genus",
    "species",
)


def _taxonomy(ctx: ReadContext, items: list[Block]) -> Iterator[Fact]:
    """ "Kingdom: Plantae / Order: Rosales / Family: Rosaceae": each rank a subclass of the one above."""
    ranked: list[tuple[int, str, Block]] = []
    for block in items:
        key = block.key_text().lower()
        if block.role == "key_value" and key in _RANKS:
            value = clean_name(re.split(r"\s*[(,;]|\s+[\u2013\u2014-]\s+", block.value_text())[0])
            if value:
                ranked.append((_RANKS.index(key), value, block))
    ranked.sort(key=lambda r: r[0])
    for (_, upper, _), (_, lower, block) in pairwise(ranked):
        yield Fact(
            "hierarchy",
            "kv.taxonomy",
            block.span,
            Name(upper),
            Name(lower),
            hierarchy=HierarchyKind.SUBCLASS_OF,
        )


def read_attributes(ctx: ReadContext) -> Iterator[Fact]:
    """Facts from key-value items and table rows, and the relations a list's lead-in verb gives
    its items ("It borders these countries:", :mod:`.lead_verbs`)."""
    yield from lead_verb_relations(ctx)
    for items in ctx.doc.lists():
        yield from _taxonomy(ctx, items)
    counted, read = read_counted_items(ctx)
    yield from counted
    yield from _labelled_lists(ctx)
    for block in ctx.doc.blocks:
        if block.role == "key_value" and (
            block.key_text().lower() in _RANKS or block.index in read
        ):
            continue
        if block.role == "key_value" or (
            block.role == "glossary"
            and block.index not in read
            and (
                # "about 3.8 × 4.5 m (it was larger — see below)": the aside is no part of it
                _measured(PAREN.sub("", block.value_text()))
                or _known_name(block)
                # "**Main parts:** frame, wheels and chain": a kind key, whatever the layout
                or names_kind(block.key_text())
            )
        ):
            yield from _read_key_value(ctx, block)
    for rows in tables_of(ctx):
        if numbered_rows(rows):
            # a numbered list written as a table: its clause cells are read as items are
            # (``table_clauses``), and a cell that is a name is one whole name
            yield from _listed_names(rows)
            continue
        at = _name_column(rows)
        raw = [clean_name(PAREN.sub("", r.cell_texts()[at])) for r in rows]
        # "Application" under "| Layer |" is the application layer when the answer says so
        names = joined_names(
            ctx,
            raw,
            [singular(clean_name(PAREN.sub("", rows[0].header[at])).lower())]
            if rows[0].header
            else [],
        )
        named_at = at
        if rows[0].header:
            names, named_at = _spelled_out(rows, at, names)
        columns = column_names(ctx, rows[0].header)
        # a classification table: two rows or more name a rank ("| Kingdom | Animalia |"); one
        # "| Class | Economy |" row in a fare table is no taxonomy
        ranked = sum(any(_taxonomic_rank(c) for c in r.cell_texts()) for r in rows) >= 2
        for block, name in zip(rows, names, strict=True):
            yield from _read_row(ctx, block, at, name, named_at, columns, ranked)


#: the words before a key that pick some of its values ("Common symptoms", "Main ingredients")
_PICKING = re.compile(r"^(?:typical|usual|common|main|key|major|notable|classic)\s+")
#: an item opening on a preposition, "if" or "when" says when or for whom ("For children, …")
_SETTING = re.compile(r"(?i)(?:for|in|on|at|with|by|from|if|when|after|before|during)\b")


def _labelled_lists(ctx: ReadContext) -> Iterator[Fact]:
    """ "**Common symptoms**" over "- wheezing", "- chest tightness": a bold line naming a key
    the key table knows, right over a list of short noun phrases, is that key with the list for
    its value, about the section's subject (asthma's symptoms), as "**Symptoms:** wheezing,
    chest tightness" is.  An item that is a sentence or a key of its own states no value."""
    for items in ctx.doc.lists():
        first = items[0]
        if first.index == 0 or first.level:
            continue
        label = ctx.doc.blocks[first.index - 1]
        text = label.text.strip()
        key = text.rstrip(":").strip()
        if (
            label.role != "paragraph"
            or ctx.injected(label)
            or label.inline.opening != (0, len(key))
            # the label as written, not ``_key``: "**Ingredients (serves 4)**" over a recipe's
            # items is no key (read as one, devtrain gained 9 wrong ingredients, 2 right)
            or KEY_PREDICATES.get(_PICKING.sub("", key.lower())) is None
        ):
            continue
        subject = ctx.section_subject(label) or first_subject(ctx) or prompt_name(ctx)
        if subject is None:
            continue
        for item in items:
            if item.level or item.role != "list_item" or item.key or ctx.injected(item):
                continue
            value = re.split(r"\s*[,;(:]|\s+[\u2013\u2014-]\s+", item.text)[0].strip()
            if (
                value
                and len(value.split()) <= 5
                and not CLAUSE.search(value)
                and not _SETTING.match(value)  # "For prevention, if …": when, not what
            ):
                hedged = is_hedged(item.text)
                yield from key_facts(ctx, subject, key, value, item.span, "kv.list", hedged)


def column_names(ctx: ReadContext, header: Sequence[str]) -> list[str] | None:
    """A comparison table's subjects, completed by the noun the answer writes after them as the
    hierarchy reader completes them ("| | White | Green | Oolong | Black |" in an answer that
    says "Green tea", "Black tea": white tea, green tea, ...; the gold names the teas, and a bare
    "White" matches no gold name).  ``None`` for a table that compares no columns."""
    if not header or (header[0].strip() and not _compares(header)):
        return None
    cols = [clean_name(PAREN.sub("", h)) for h in header[1:]]
    follow = following_word(ctx, [c for c in cols if c])
    if follow is None or follow in _NO_NOUNS:
        return cols  # "Patent on …", "Trademark for …": a preposition completes no name
    return joined_names(ctx, cols, [follow])


#: words that follow a name in prose without naming its kind ("Patent on", "Copyright protects")
_NO_NOUNS = frozenset(
    {
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "into",
        "over",
        "under",
        "than",
        "that",
        "which",
        "who",
        "was",
        "were",
        "has",
        "have",
        "had",
        "can",
        "may",
        "will",
        "does",
        "do",
        "did",
        "not",
        "also",
        "only",
        "usually",
        "often",
        "gives",
        "lasts",
        "protects",
        "covers",
    }
)


# "about 25 × 37 cm", "roughly $1,500": an approximate value, which opens in lower case
_APPROXIMATE = re.compile(
    r"^(?:about|around|approximately|roughly|nearly|almost|over|some|up to|at least|more than"
    r"|fewer than|less than|under)\s+[$€£¥]?\d",
    re.IGNORECASE,
)


def _measured(value: str) -> bool:
    """ "**Size:** about 25 × 37 cm": a glossary item by its lower-case value, a key and its
    value by what the value is (a short approximate measure, no gloss); "**Contribution
    limit:** $7,000 a year, or $8,000 if you're 50 or older": an amount of money first.  A
    phrase set off after the value says something about it ("**Staff:** roughly 17,000, working
    in over 190 countries"): the value before it is what is judged."""
    if (head := _HEAD_VALUE.match(value)) is not None:
        value = head.group("h")
    return (len(value.split()) <= 5 and _APPROXIMATE.match(value) is not None) or (
        len(value.split()) <= 12 and re.match(r"[$€£¥]\s?\d", value) is not None
    )


#: a value that is a name, maybe after its article ("the Museum of Modern Art (MoMA), New York
#: City", "Vincent van Gogh"), up to a comma, a bracket or its end
_NAME_VALUE = re.compile(
    r"^(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|de|del|da|du|la|le|van|von|and|for|the))*"
    r"\s*(?:$|[,(;])"
)


def _known_name(block: Block) -> bool:
    """ "**Where to see it:** the Museum of Modern Art", "**Employer:** the US Bureau of
    Fisheries": the document layer takes a value opening with "the" for a gloss, but after a key
    the key table knows, with a colon, a name (after its article or not) is that key's value."""
    key = _key(block.key_text())
    after = block.text[block.key[1] : block.key[1] + 3] if block.key else ""
    return (
        ":" in after
        and (key in KEY_PREDICATES or key in PLACE_KEYS or key in DATE_KEYS)
        and _NAME_VALUE.match(block.value_text()) is not None
    )


_ABOUT = re.compile(r"\b(?:about|on|of|for)\s+(?:the\s+)?(?P<x>[A-Z][\w'’.\- ]*?)\s*:?$")
#: a lead-in that goes on from the sentence before ("And Paris:", "But Lyon:", "Also Rome:"): the
#: linking word is no part of the name
_LINKING = re.compile(r"^(?:And|But|Or|Nor|Plus|Also)\s+(?=[A-Z])")


def _kv_subject(ctx: ReadContext, block: Block) -> Name | None:
    """Who a key-value item is about: the name its lead-in gives ("Paris:", "Key facts about
    Paris:", "And Paris:" less its linking word), else the section's subject."""
    lead = ctx.doc.lead_of(block)
    if lead is not None and lead.role in ("paragraph", "list_item"):
        text = re.split(r"(?<=[.!?])\s+", lead.text)[-1].strip()
        if (m := _ABOUT.search(text)) is not None:
            return Name(clean_name(m.group("x")))
        bare = clean_name(_LINKING.sub("", text.rstrip(":"), count=1))
        if (
            text.endswith(":")
            and bare[:1].isupper()
            and len(bare.split()) <= 4
            and not re.search(
                r"\b(?:is|are|was|were|has|have|facts|details|overview|summary|info)\b",
                bare.lower(),
            )
        ):
            return Name(bare)
    if (
        block.parent is not None
    ):  # "- **Rivers:**\n  - Nile: 6,650 km": the parent item names the group
        return None
    return ctx.section_subject(block) or first_subject(ctx) or prompt_name(ctx)


#: a short value (one to four words), a comma, then a phrase about it
_HEAD_VALUE = re.compile(
    r"^(?P<h>(?:[^,;:()\u2013\u2014]|,(?=\d)){2,40}?),\s+(?:from|with|in|on|at|which|who|whose|made|carved|"
    r"built|including|originally|once|now|then|later|or|but|if|unless|depending"
    # "the US Bureau of Fisheries, merged in 1940 into …", "roughly 17,000, working in over 190
    # countries": a participle's phrase about it
    r"|[a-z]{3,}(?:ed|ing)\s+(?:in|into|by|from|with|on|at|as|to|for|across)\b)\b"
)


def _read_key_value(ctx: ReadContext, block: Block) -> Iterator[Fact]:
    if ctx.injected(block):
        return
    subject = _kv_subject(ctx, block)
    key = block.key_text()
    if is_name_key(key) or _key(key) in REGION_KEYS:
        # "**Lake Vänern**: 5,650 km²": about the lake (the clause reader reads it); "**Africa:**
        # Algeria, Libya": the places that lie there (spacy/lists.region_records), no attribute
        return
    if subject is None or not key or len(key.split()) > 5:
        return
    raw = block.value_text()
    known = _key(key) in ATTRIBUTE_KEYS
    if not known and _key(key) not in KEY_PREDICATES and _dashed(block):
        # "**Legislative branch** — Congress", "1. Adagio – Allegro molto", "**Nocturnes** — 21
        # lyrical night pieces": a dash after a key no key table knows glosses a term the list
        # names (a branch, a movement, a genre), no field of the section's subject
        return
    # "Expressionism (Munch is seen as one of its forerunners)": a bracket is an aside
    bare = PAREN.sub("", raw)
    if len(bare.split()) > (25 if known else 8) or CLAUSE.search(bare):
        # "**Material:** Carrara marble, from a block that others had abandoned": a short value
        # before a comma, then what is said about it; "Why it exists: CPython's memory
        # management uses ...": a sentence, not a value, under a key the key table knows too
        # ("**Religion** — Philip was a Catholic; Elizabeth was a Protestant")
        head = _HEAD_VALUE.match(raw)
        if head is None or CLAUSE.search(head.group("h")):
            return
        raw = head.group("h")
    if _key(key) in VENUE_MEASURES and block.index:
        before = ctx.doc.blocks[block.index - 1]
        if before.role == "key_value" and before.level == block.level:
            subject = _venue(before.key_text(), before.value_text()) or subject
    yield from key_facts(ctx, subject, key, raw, block.span, "kv", is_hedged(raw))


def _dashed(block: Block) -> bool:
    """A key-value item whose key and value a dash parts ("**Term** — gloss"), not a colon."""
    if block.key is None or block.value is None:
        return False
    between = block.text[block.key[1] : block.value[0]]
    return "\u2013" in between or "\u2014" in between


#: a column that spells the name column out ("| Abbreviation | Stands for | Adult range |")
_EXPANSION_HEADER = re.compile(
    r"(?i)^(?:stands for|full (?:form|name)|expansion|in full|what it stands for|long form|"
    r"spelled out)$"
)


def _spelled_out(rows: list[Block], at: int, names: list[str]) -> tuple[list[str], int]:
    """The long forms of an abbreviation table's names: under "| Abbreviation | Stands for |
    Typical adult range |" the row's attributes belong to "white blood cell count", the node the
    gold names, "WBC" being only its abbreviation (the glossary reader states that).
    The column the names are written in comes back too."""
    header = [clean_name(h) for h in rows[0].header]
    spelled = [j for j, h in enumerate(header) if j > at and _EXPANSION_HEADER.match(h)]
    if not spelled:
        return names, at
    out = []
    for row, name in zip(rows, names, strict=True):
        cells = row.cell_texts()
        cell = (
            " ".join(cells[spelled[0]].replace("**", "").split()) if spelled[0] < len(cells) else ""
        )
        long = clean_name(re.split(r"\s*[,;(]", cell)[0])
        out.append(long if long and len(long.split()) <= 6 else name)
    return out, spelled[0]


def _read_row(
    ctx: ReadContext,
    block: Block,
    at: int,
    row_subject: str,
    named_at: int | None = None,
    columns: list[str] | None = None,
    classification: bool = False,
) -> Iterator[Fact]:
    """One table row: a key-value pair about the section's subject, a comparison of the
    columns, or the attributes of the thing the row names (in column ``at``, as
    ``row_subject``, written in column ``named_at``: by default ``at``) under their column
    headers.  In a ``classification`` table a row naming a rank gives no attribute."""
    cells = block.cell_texts()
    header = block.header
    if len(cells) < 2 or ctx.injected(block) or not header:
        return
    first = header[0].strip().lower()
    if len(cells) == 2 and (
        first in GENERIC_HEADERS
        and (first or not header[1].strip())
        and not _attribute_header(header[1])
        or header[1].strip().lower() in GENERIC_HEADERS
        and header[1].strip()
    ):
        # "| Detail | Value |", "| | |" over "| Height | 1.95 m |": key-value pairs about the
        # section's subject
        subject = ctx.section_subject(block) or first_subject(ctx) or prompt_name(ctx)
        if _key(cells[0]) in VENUE_MEASURES and block.index:
            before = ctx.doc.blocks[block.index - 1]
            if before.role == "table_row" and before.header == header:
                subject = _venue(*before.cell_texts()[:2]) or subject
        if subject is not None:
            yield from key_facts(ctx, subject, cells[0], cells[1], block.span, "table.kv", False)
        return
    if not first or _compares(header):
        yield from _compared(ctx, block, cells, columns)
        return
    if not row_subject or len(row_subject.split()) > 8 or row_subject.count(", ") >= 2:
        # "| list, dict, set, bytearray | int, float, … |" under "| Mutable | Immutable |": a
        # cell listing three things or more names no one thing the row is about
        return
    if classification and _taxonomic_rank(cells[at]):
        # "| Kingdom | Animalia |" under "| Rank | Taxon |": the rank names no node (the later
        # annotation batches leave the ranks out; the taxa are the hierarchy reader's)
        return
    name = Name(row_subject)
    named_at = at if named_at is None or named_at >= len(block.cells) else named_at
    yield Fact("entity", "table.cell", block.inline.span(*block.cells[named_at]), name)
    if value_type(row_subject) == "DATE":
        return  # "| 1898 | Discovered polonium |": a timeline row, what happened then is no attribute
    if classification and any(_taxonomic_rank(cell) for cell in cells):
        # "| Kingdom | Animalia |": a classification row; the ranks are the hierarchy reader's,
        # and "Animalia rank Kingdom" is no fact an annotator records
        return
    if sum(_taxonomic_rank(h) for h in header) >= 2 and all(
        _taxonomic_rank(h) for h in header[at + 1 :]
    ):
        # "| Kingdom | Phylum | Class |" over "| Animalia | Chordata | Mammalia |": a
        # classification laid out in a row, each taxon in the one before (the hierarchy
        # reader's rank chain), no attribute of the first ("Animalia phylum Chordata")
        return
    if at:
        # "| 3 | Network | ... |" under "| # | Layer | ... |": the network layer's number is 3
        key = header[0].strip().lower().rstrip(".")
        predicate = f"{snake(header[at])}_number" if key in ("#", "no", "") else snake(key)
        if predicate and not predicate.startswith("_"):
            yield Fact(
                "relation",
                "table.index",
                block.inline.span(*block.cells[0]),
                name,
                Name(cells[0].strip(), "CARDINAL"),
                predicate,
            )
    # "| Club | Stadium | Capacity |": the capacity is the stadium's, not the club's
    venues = [j for j, h in enumerate(header) if j > at and _key(h) in VENUE_KEYS]
    for j, ((col, cell), (a, b)) in enumerate(
        zip(
            zip(header[at + 1 :], cells[at + 1 :], strict=False),
            block.cells[at + 1 :],
            strict=False,
        ),
        start=at + 1,
    ):
        if (said := _WHAT_IT.match(col.strip())) is not None and said.group("v").lower() not in (
            _NOT_SAID
        ):
            col = said.group("v")  # "| What it holds |": the verb is the relation
        if (
            not cell.strip()
            or not col.strip()
            or REMARK_HEADERS.match(col.strip())
            or _EXPANSION_HEADER.match(clean_name(col))
        ):
            continue  # a remark, or the long form of the row's name (its subject already)
        cell = _highlighted(block, a, b) or cell
        owner = name
        if _key(col) in VENUE_MEASURES and (earlier := [v for v in venues if v < j]):
            owner = _venue(header[earlier[-1]], cells[earlier[-1]]) or name
        yield from key_facts(ctx, owner, col, cell, block.inline.span(a, b), "table", False)


def _highlighted(block: Block, a: int, b: int) -> str:
    """ "| Pupa | a bare **chrysalis** | often inside a silk **cocoon** |", "| Full Windsor |
    large | wide **spread collars** |": a short cell that ends in one highlighted term of one to
    four words names its value by it, the words before it describing it; ``""`` for a cell with
    none, several, all of it highlighted, or words after the term ("**Warsaw**, then part of
    Russia": the value is the whole).  The spans are the row's ``cell_emphasis``, which only this
    reader reads."""
    inside = [(s, e) for s, e in block.cell_emphasis if a <= s and e <= b]
    if len(inside) != 1 or len(block.text[a:b].split()) > 8:
        return ""
    s, e = inside[0]
    term = clean_name(block.text[s:e])
    if (
        not term
        or clean_name(block.text[a:b]) == term
        or len(term.split()) > 4
        or block.text[e:b].strip(" .")
        or _NOT_DESCRIBING.search(block.text[a:s])
    ):
        return ""  # (only a term that ends its cell, its words before it describing it)
    return term


#: words before a cell's highlighted term that negate it ("not **endangered**", "cartilage, not
#: **bone**"): the value is then the whole cell.  (Also reading a contrast, a comma or a governing
#: "of" — "rows of sharp **teeth**" — as no description lost entities on four gates, -.0002 to
#: -.0007: the gold there names the highlighted term.)
_NOT_DESCRIBING = re.compile(r"\b(?:not|no|never|without|non|nor|neither)\b", re.I)


def _key(text: str) -> str:
    """A key or header as the key tables spell it: lower case, no markdown, no bracket."""
    return clean_name(PAREN.sub("", text)).lower().rstrip(":").strip()


def _venue(key: str, value: str) -> Name | None:
    """The ground a venue key names ("**Stadium:** Spotify Camp Nou", "| Stadium | Anfield |"):
    a measure of a building written after it ("Capacity: about 99,000") is the ground's, not the
    club's or company's the list is about (the annotations give it to the ground)."""
    if _key(key) not in VENUE_KEYS:
        return None
    name = clean_name(re.split(r"\s*[,;(]", value)[0])
    return Name(name) if name[:1].isupper() and len(name.split()) <= 6 else None


#: a header that says what the row's subject does by a verb ("What it holds", "What they eat"):
#: the verb names the relation, where "What it does" or "What it means" names none
_WHAT_IT = re.compile(r"^what (?:it|they) (?P<v>[a-z]+)$", re.IGNORECASE)
_NOT_SAID = frozenset({"does", "do", "is", "are", "means", "mean", "looks", "look", "was", "were"})


def _attribute_header(header: str) -> bool:
    """ "| Field | Allowed values |": a generic first header over a second that names an
    attribute in words of its own (two or more, the second in lower case: "Allowed values",
    "Typical range", not "New Zealand" or a bare "Python") is a table of things, each row's
    first cell a subject and the second header its attribute — no key-value pairs about the
    section's subject."""
    words = clean_name(PAREN.sub("", header)).split()
    return (
        len(words) >= 2
        and words[1][:1].islower()
        and header.strip().lower() not in GENERIC_HEADERS
        and REMARK_HEADERS.match(header.strip()) is None
    )


#: a cell that only numbers its row ("1", "2.", "#3", "4)")
_INDEX = re.compile(r"^\s*#?\d{1,3}[.)]?\s*$")
#: a header over a column that only numbers the rows ("| # | Event |", "| No. | … |")
_INDEX_HEADS = frozenset({"#", "no", "no.", "nr", "n", "n.", "\u2116", ""})


def _compares(header: Sequence[str]) -> bool:
    """ "| Feature | Butterflies | Moths |": a generic first header over two or more named
    columns is a comparison table, as an empty one is (each column a subject, each row's first
    cell an attribute), not rows about a thing named "Antennae"."""
    others = [h.strip() for h in header[1:]]
    return (
        len(others) >= 2
        and header[0].strip().lower() in GENERIC_HEADERS
        and all(
            h[:1].isupper() and h.lower() not in GENERIC_HEADERS and not REMARK_HEADERS.match(h)
            for h in others
        )
    )


def numbered_rows(rows: Sequence[Block]) -> bool:
    """A two-column table whose first column only numbers its rows ("| # | Event |" over "| 1 |
    The treaty was signed in 1648 |", "| 1. | … |", "| Step | Action |" over 1, 2, 3 …): the
    markdown form of a numbered list, whose rows are its items.  The index names nothing and
    the other cell is no attribute of it (no "1" entity, no "1 event …" fact): each cell is
    read as a numbered item is, its clause by the clause readers
    (:mod:`..spacy.table_clauses`), its names as a sentence's.  The numbers must count 1, 2, 3
    … in order, or the column's header say it numbers ("#", "No."): then they are the rows'
    places, not a value ("| 5 | Starts school |" under "| Age | Milestone |")."""
    cells = [r.cell_texts() for r in rows]
    if not cells or not all(len(c) == 2 and _INDEX.match(c[0]) and c[1].strip() for c in cells):
        return False
    header = rows[0].header
    return (
        (len(header) == 2 and clean_name(header[0]).lower() in _INDEX_HEADS)
        or len(cells) >= 2
        and [int(re.sub(r"\D", "", c[0])) for c in cells] == list(range(1, len(cells) + 1))
    )


#: a word that makes a cell a clause, not a name: an auxiliary or pronoun, or a past tense
_CLAUSE_WORD = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|will|would|it|they|you|we|[a-z]+ed)\b"
)


def _listed_names(rows: Sequence[Block]) -> Iterator[Fact]:
    """The names of a numbered table ("| Rank | Country |" over "| 1 | India |", "| Floor |
    Collection |" over "| 1 | Egyptian antiquities |"): each cell that is a name, not a clause,
    is one whole name, as a numbered list's item is (the parse would give "Egyptian" alone).
    A name is short (four words at most), no value, and holds no verb the text shows: no
    auxiliary, pronoun or past tense, and no opening verb ("Add the eggs", "Mixes well").  A
    table of steps ("| Step | Action |") names no things: its cells are instructions."""
    header = rows[0].header
    if header and singular(clean_name(header[0]).lower()) == "step":
        return
    for block in rows:
        cell = block.cell_texts()[1]
        name = clean_name(PAREN.sub("", cell))
        if (
            name
            and len(name.split()) <= 4
            and not value_type(name)
            and not _CLAUSE_WORD.search(name)
            and not VERBISH.match(name.lower())
            and not CLAUSE.search(name)
        ):
            yield Fact("entity", "table.cell", block.inline.span(*block.cells[1]), Name(name))


def _name_column(rows: list[Block]) -> int:
    """The column naming each row's subject: the first, unless it only numbers the rows ("| 3 |
    Network | Logical addressing |", "| 1 | China | 1.41 billion |") and the next one names."""
    cells = [r.cell_texts() for r in rows]
    if all(len(c) >= 3 and _INDEX.match(c[0]) and c[1].strip()[:1].isalpha() for c in cells):
        return 1
    return 0


_RANK_PLURALS = frozenset(
    {"domains", "kingdoms", "phyla", "divisions", "classes", "orders", "families", "genera"}
)


def _taxonomic_rank(cell: str) -> bool:
    """A cell that is a rank of biological classification ("Kingdom", "Families", "Order")."""
    word = clean_name(PAREN.sub("", cell)).lower()
    return (
        word in _RANKS or word in _RANK_PLURALS or word in ("subclass", "suborder", "superfamily")
    )


_DETERMINED = re.compile(r"\s(?:the|a|an|its|their|his|her)\s")
_USUALLY = re.compile(r"(?i)(?:often|usually|generally|mainly|mostly|typically|sometimes)\b")
_ASKED = re.compile(r"\?$|\b(?:you|your)\b")


def _compared(
    ctx: ReadContext, block: Block, cells: Sequence[str], columns: list[str] | None = None
) -> Iterator[Fact]:
    """A comparison table ("| | TCP | UDP |" over "| Header size | 20–60 bytes | 8 bytes |"):
    each column is a subject and the row's first cell the attribute.  A cell that is a value (a
    date, a measure, a count) is the attribute's value; so is the head of a short description
    ("connection-oriented", "best-effort; packets may be lost": its first part; a plural key's
    list, "web, email, SSH", each part) when every cell of the row is a value or such a
    description — a row with a sentence, a "yes", a hedge ("mostly at night") or a question for
    a key ("Public?") compares nothing an annotator names (on the development answers the
    descriptions were right about 1 time in 3 this way, 1 in 4 without the row check)."""
    key = cells[0]
    k = PAREN.sub("", key.lower()).strip().rstrip(":")
    subjects = [
        (columns[i] if columns is not None and i < len(columns) else "")
        or clean_name(PAREN.sub("", col))
        for i, col in enumerate(block.header[1:])
    ]
    spans = [block.inline.span(a, b) for a, b in block.cells[1:]]
    answered = list(yes_no_facts(key, subjects, cells[1:], spans))
    if answered:  # "| Goes through probate? | yes | no |": a fact per column, denied by "no"
        yield from answered
        return
    if not k or value_type(k) or len(k.split()) > 5 or _ASKED.search(k):
        return  # "Is the person conscious?", "How you get it": a question, no attribute name
    if EXAMPLES_KEY.match(k):
        return  # "| Famous examples | Silver Needle | …": members of the columns (hierarchy's)
    readings: list[tuple[str, str, bool, tuple[int, int]]] = []
    parallel = True  # every column's cell is a value or a short description
    for i, (col, cell, (a, b)) in enumerate(
        zip(block.header[1:], cells[1:], block.cells[1:], strict=False)
    ):
        subject = columns[i] if columns is not None and i < len(columns) else ""
        subject = subject or clean_name(PAREN.sub("", col))
        value = PAREN.sub("", _highlighted(block, a, b) or cell).strip().rstrip(".")
        described = False
        if INCUMBENT.sub("", k) in ROLE_KEYS:
            value = cell  # "Kristalina Georgieva (since 2019)": the holder and since when
        elif not value:
            continue
        elif not (value_type(value) or count_of(k, value)):
            # "connection-oriented", "guaranteed, in order, with retransmission": a short
            # description's head (its first part) is the attribute's value; a sentence is not
            value = re.split(r"\s*:\s+", value)[0]  # "inventions: new, useful, …": the head
            parts = listed(k, value)
            if parts:
                # "chest pain, pain spreading to the arm, nausea": a plural key's list keeps its
                # parts that name something; one with an article is a phrase about it
                value = ", ".join(p for p in parts if not _DETERMINED.search(f" {p} "))
            head = value if parts else re.split(r"\s*[;:]\s*|,\s+", value)[0].strip()
            if (
                not head
                or (head is not value and len(head.split()) > 4)
                or CLAUSE.search(head)
                or NOT_VALUES.match(head)
                or _DETERMINED.search(head)  # "keeps the system stable": a verb phrase
                or _USUALLY.match(head)  # "mostly at night", "often $1,000 or more": hedged
            ):
                parallel = False
                continue
            value, described = head, True
        if subject:
            readings.append((subject, value, described, block.inline.span(a, b)))
    for subject, value, described, span in readings:
        if described and not parallel:
            continue  # a row whose other cells are sentences or "yes" / "no" is no comparison
        # a description is read under a construction of its own: neither the calibration map
        # nor the relation model has seen descriptions under "table.compare" (values only)
        kind = "table.described" if described else "table.compare"
        for fact in key_facts(ctx, Name(subject), key, value, span, kind, False):
            if (
                fact.kind == "relation"
                and fact.object is not None
                and (fact.object.type or described)
            ):
                yield fact  # a value, the date an office holder took office, a description
