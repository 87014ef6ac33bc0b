"""Candidate relations read off an answer's layout, for the learned relation reader.

Why.  Most relations the annotators record in a chat answer that no candidate offered sit in its
structure, not in a clause the parse can read: the second and third values of a key-value item
("**Labels:** Bethlehem, Colpix, Philips, RCA" — the attribute reader keeps the first of an
unknown key's values), the cells of a table (row subject × column header × each value in the
cell), and the cells of a comparison table ("| | TCP | UDP |" over "| Delivery | guaranteed |
best-effort |": the column is the subject, the row's key the predicate), which no reader reads at
all.  Who such a fact is about is implicit: the row, the column, the section's heading, the
lead-in, the answer's topic.  Each reading is offered as a
:class:`~grapheme_distill.extractors.spacy.relation_candidates.Candidate`, with features that say
where it came from (``origin=…``, ``subj=…``, ``part=…``), and the learned relation reader
(:mod:`.learned_relations`) keeps the ones its model believes, as it does the parse's candidates.

Predicates are the key's or header's words in lower snake case (``header_size``); the predicate
chooser (:mod:`.predicate_choice`) renames them to the annotation conventions afterwards.

Linear in the document: one pass over its blocks, string work only (no parse).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace

from grapheme_distill.extractors.document import Block
from grapheme_distill.extractors.predicates import conventional_predicate
from grapheme_distill.extractors.readers.attributes import is_name_key, value_type
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.relation_candidates import (
    Candidate,
    count_bucket,
    pair_features,
)

__all__ = ["SECTION_READING", "STRUCTURE", "section_readings", "structure_candidates"]

#: the prefix of the ``sk=`` feature of a parse candidate read again with its section's subject
#: (:func:`section_readings`); the fitting script leaves these out when the layout is off
SECTION_READING = "sk=section_"

#: the feature every candidate of this module carries: its names need not be nodes already
STRUCTURE = "structure"

_PAREN = re.compile(r"\s*\(([^()]*)\)")
_PARTS = re.compile(r"\s*(?:;|,\s*and\s+|,\s*or\s+|,\s*|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)\s*")
_LEAD_PREP = re.compile(r"^(?:at|in|on|by|for|from|with|to|into|of|as|via)\s+", re.IGNORECASE)
_SENTENCE = re.compile(r"\b(?:is|are|was|were|has|have|had|can|will|does|do|did|it|they)\b")
_DASH = re.compile(r"\s+[\u2013\u2014]\s+.*$")
_MAX_WORDS = 8


def _snake(text: str) -> str:
    """A key's or header's words as a predicate, named by the annotation conventions where they
    name it ("Typical uses" → ``used_for``): the fitting script scores candidates by the
    predicates they are read with, before the predicate chooser would rename them."""
    text = _PAREN.sub("", text)
    predicate = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    conventional = conventional_predicate(predicate) if predicate else None
    return conventional[0] if conventional is not None and not conventional[1] else predicate


def _parts(raw: str) -> Iterator[tuple[str, str]]:
    """The values a cell or a key-value item's value holds, each with how it was cut out
    (``only``, ``first``, ``rest``, ``paren``): "web (HTTP), email (SMTP), SSH" gives web,
    email, SSH and the parentheses' HTTP, SMTP."""
    text = raw.strip().rstrip(".")
    if not text or len(text.split()) > 30:
        return
    inner = [m.group(1) for m in _PAREN.finditer(text)]
    bare = _DASH.sub("", _PAREN.sub("", text)).split(":")[0]
    pieces = [p for p in _PARTS.split(bare) if p and p.strip()]
    if len(pieces) == 1 or value_type(bare):
        pieces = [bare]
    for i, piece in enumerate(pieces):
        how = "only" if len(pieces) == 1 else "first" if i == 0 else "rest"
        yield from _named(piece, how)
    for piece in inner:
        for part in _PARTS.split(piece):
            yield from _named(part, "paren")


def _named(piece: str, how: str) -> Iterator[tuple[str, str]]:
    name = clean_name(_LEAD_PREP.sub("", piece.strip()))
    if not name or len(name.split()) > _MAX_WORDS or _SENTENCE.search(name.lower()):
        return
    if not any(ch.isalnum() for ch in name):
        return
    yield name, how


def _mention(text: str, label: str = "") -> Mention:
    return Mention(text, -1, -1, label=label or value_type(text), proper=text[:1].isupper())


def _lead_name(ctx: ReadContext, block: Block) -> str | None:
    """The short name a lead-in line gives its list ("Paris:", "Key facts about Paris:")."""
    lead = ctx.doc.lead_of(block)
    if lead is None or lead.role not in ("paragraph", "list_item"):
        return None
    text = re.split(r"(?<=[.!?])\s+", lead.text)[-1].strip()
    m = re.search(r"\b(?:about|on|of|for)\s+(?:the\s+)?([A-Z][\w'’.\- ]*?)\s*:?$", text)
    if m is not None:
        return clean_name(m.group(1)) or None
    bare = clean_name(text.rstrip(":"))
    if text.endswith(":") and bare[:1].isupper() and len(bare.split()) <= 4:
        return bare
    return None


def _subjects(ctx: ReadContext, block: Block) -> list[tuple[Mention, str]]:
    """Who an implicit-subject block may be about: the lead-in's name, the enclosing item's key,
    the section's subject, the answer's topic (each once, in that order)."""
    out: list[tuple[Mention, str]] = []
    seen: set[str] = set()

    def add(text: str | None, how: str) -> None:
        if text and text.lower() not in seen:
            seen.add(text.lower())
            out.append((_mention(text), how))

    add(_lead_name(ctx, block), "lead")
    if block.parent is not None:
        parent = ctx.doc.blocks[block.parent]
        add(clean_name(parent.key_text() or parent.text.rstrip(":")), "parent")
    section = ctx.section_subject(block)
    add(section.text if section is not None else None, "section")
    add(ctx.topic.text if ctx.topic is not None else None, "topic")
    return out


def _candidates(
    origin: str,
    subjects: list[tuple[Mention, str]],
    predicate: str,
    raw: str,
    span: tuple[int, int],
) -> Iterator[tuple[Candidate, tuple[int, int]]]:
    if not predicate or len(predicate) > 40 or value_type(predicate.replace("_", " ")):
        return
    parts = list(_parts(raw))
    count = count_bucket(len(parts))
    for name, how in parts:
        obj = _mention(name)
        base = [
            STRUCTURE,
            f"origin={origin}",
            f"pred={predicate}",
            f"part={how}",
            f"origin_part={origin}_{how}",
            f"nparts={count}",
            f"kwords={count_bucket(predicate.count('_') + 1)}",
        ]
        for subject, kind in subjects:
            if subject.text.lower() == name.lower():
                continue
            features = (
                *pair_features(base, subject, obj, f"{origin}_{kind}"),
                f"pred_ol={predicate}_{obj.label or 'NOUN'}",
            )
            candidate = Candidate(subject, predicate, obj, "key", False, -1, -1, features)
            yield candidate, span


def _key_value(ctx: ReadContext, block: Block) -> Iterator[tuple[Candidate, tuple[int, int]]]:
    key = block.key_text()
    if not key or len(key.split()) > 5 or is_name_key(key) or value_type(key):
        return
    yield from _candidates("kv", _subjects(ctx, block), _snake(key), block.value_text(), block.span)


def _row(ctx: ReadContext, block: Block) -> Iterator[tuple[Candidate, tuple[int, int]]]:
    cells = block.cell_texts()
    header = block.header
    if len(cells) < 2 or len(header) < len(cells):
        return
    if not header[0].strip():
        # a comparison table: each column is a subject, the row's first cell the predicate
        predicate = _snake(cells[0])
        for col, cell, (a, b) in zip(header[1:], cells[1:], block.cells[1:], strict=False):
            subject = clean_name(_PAREN.sub("", col))
            if subject and cell.strip():
                subjects = [(_mention(subject), "column")]
                yield from _candidates(
                    "table_cmp", subjects, predicate, cell, block.inline.span(a, b)
                )
        return
    row = clean_name(_PAREN.sub("", cells[0]))
    if not row or len(row.split()) > _MAX_WORDS or value_type(row) == "DATE":
        return
    for col, cell, (a, b) in zip(header[1:], cells[1:], block.cells[1:], strict=False):
        if cell.strip() and col.strip():
            subjects = [(_mention(row), "row")]
            yield from _candidates(
                "table_row", subjects, _snake(col), cell, block.inline.span(a, b)
            )
    if len(cells) == 2:  # "| Capacity | about 99,000 |": maybe a key and its value
        yield from _candidates(
            "table_kv", _subjects(ctx, block), _snake(cells[0]), cells[1], block.span
        )


def structure_candidates(ctx: ReadContext) -> list[tuple[Candidate, tuple[int, int]]]:
    """Every candidate relation the answer's key-value items and table rows offer, each with
    its span in the answer (one pass over the blocks)."""
    out: list[tuple[Candidate, tuple[int, int]]] = []
    for block in ctx.doc.blocks:
        if ctx.injected(block):
            continue
        if block.role == "key_value":
            out.extend(_key_value(ctx, block))
        elif block.role == "table_row":
            out.extend(_row(ctx, block))
    return out


# the ways a sentence's subject is implicit or guessed (:func:`.relation_candidates._subjects`)
_GUESSED = frozenset({"topic", "implicit", "pronoun", "pronoun_topic"})


def section_readings(
    ctx: ReadContext, candidates: Sequence[tuple[Candidate, tuple[int, int]]]
) -> list[tuple[Candidate, tuple[int, int]]]:
    """The parse's candidates whose subject was implicit or a pronoun, read once more with the
    subject of the section they stand in (its heading's name: "## The Blue Mosque" over "It was
    built …"), where that is another name than the one the candidate has; ``sk=section_<how>``
    says which reading it replaced.  One pass over the candidates, a binary search per one."""
    starts: list[int] = []
    names: list[str] = []
    for block in ctx.doc.blocks:
        if block.role == "heading":
            continue
        section = ctx.section_subject(block)
        starts.append(block.span[0])
        names.append(section.text if section is not None else "")
    topic = ctx.topic.text.lower() if ctx.topic is not None else ""
    out: list[tuple[Candidate, tuple[int, int]]] = []
    for cand, span in candidates:
        kind = next((f[3:] for f in cand.features if f.startswith("sk=")), "")
        if kind not in _GUESSED or not starts:
            continue
        i = bisect_right(starts, span[0]) - 1
        name = names[max(i, 0)]
        if not name or name.lower() in (cand.subject.text.lower(), cand.object.text.lower()):
            continue
        if kind in ("topic", "pronoun_topic") and name.lower() == topic:
            continue  # the topic reading already names it
        features = tuple(
            f"{SECTION_READING}{kind}" if f.startswith("sk=") else f for f in cand.features
        )
        out.append((replace(cand, subject=_mention(name), features=features), span))
    return out
