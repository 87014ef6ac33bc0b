"""Runs of "Term: gloss" paragraphs, read as lists (issue 11, eighth session).

Why.  Assistants often lay out the members or parts of a thing as plain paragraphs, each opening
with its name and a colon, under a bold line or a lead-in sentence::

    **The four main states**

    Solid: matter with a fixed shape …
    Liquid: matter with a fixed volume …
    Gas: …

or "Scheme: `https` — the protocol …", "Host: …", "Port: …" for the parts of a URL.  The document
layer sees no list there (no bullets), so no hierarchy candidate was proposed for them: on the
development answers whole groups of gold edges (the states of matter, the parts of a URL) had no
candidate at all.  A run of three or more such paragraphs is handed to the list proposals of
:mod:`.hierarchy_learned` like a list, with the short paragraph just before it (a bold line, a
lead-in) as its heading; the model decides as for any list.  Text only, linear in the blocks.
A paragraph that opens with a short bold name ("**Igneous rocks** form when …", "**Sepals.**
They …") is such a term too (twenty-sixth session).
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document.model import Block, Document
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.phrases import kind_of, remarks

__all__ = ["term_runs"]

# a paragraph that opens with a short name and a colon: "Solid: …", "Query string: …"
_TERM = re.compile(r"^(?P<t>[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,3}):\s+\S")
_VERBISH = re.compile(
    r"(?i)\b(?:is|are|was|were|has|have|had|do|does|did|can|will|would|should|must|may|note|"
    r"tip|warning|example|examples|answer|question|q|a|step|result|source|update|edit)\b"
)
MIN_RUN = 3


def _term(block: Block, bold: bool = False) -> str | None:
    if block.role != "paragraph":
        return None
    m = _TERM.match(block.text)
    if m is None:
        return _bold_term(block) if bold else None
    if _VERBISH.search(m.group("t")):
        return None
    return clean_name(m.group("t")) or None


def _bold_term(block: Block) -> str | None:
    """ "**Igneous rocks** form when magma cools.", "**Sepals.** They protect the bud.": a
    paragraph that opens with a short bold name, as its subject or as a run-in head, names its
    term as "Term: gloss" does (twenty-sixth session: runs of such paragraphs under "## Three
    types of rock" or "A flower has four main parts." gave no edge)."""
    opening = block.inline.opening
    if opening is None or opening[0] != 0:
        return None
    term = clean_name(block.text[: opening[1]].rstrip(" .:\u2013\u2014-"))
    if (
        not term
        or not term[:1].isupper()
        or len(term.split()) > 4
        or _VERBISH.search(term)
        or len(block.text) <= opening[1] + 2  # a bold line alone is a title, not a term
    ):
        return None
    return term


def _pseudo_heading(doc: Document, first: Block) -> str:
    """The short paragraph before a run that says what the run lists ("The four main states",
    "Reading it left to right:"): at most eight words, no full stop inside."""
    if first.index == 0:
        return ""
    before = doc.blocks[first.index - 1]
    text = before.text.strip()
    if before.role != "paragraph" or len(text.split()) > 8 or re.search(r"[.!?]\s", text):
        return ""
    return text.rstrip(":.")


def _hangs_from(doc: Document, item: Block, term: Block) -> bool:
    top = item
    while top.parent is not None:
        top = doc.blocks[top.parent]
    return top.lead_in == term.index


def term_runs(doc: Document) -> list[tuple[list[Block], str]]:
    """Each run of ``MIN_RUN`` or more consecutive "Term: gloss" paragraphs, with the text of the
    paragraph before it when that is a short title or lead-in ("" otherwise)."""
    runs = _runs(doc, bold=False)
    taken = {b.index for run, _ in runs for b in run}
    for run, title in _runs(doc, bold=True):
        if not taken & {b.index for b in run} and _names_kind_before(doc, run[0]):
            runs.append((run, title))
    return sorted(runs, key=lambda r: r[0][0].index)


def _runs(doc: Document, *, bold: bool) -> list[tuple[list[Block], str]]:
    runs: list[tuple[list[Block], str]] = []
    run: list[Block] = []
    for block in [*doc.blocks, None]:
        if block is not None and _term(block, bold) is not None:
            run.append(block)
            continue
        if run and block is not None and block.is_item and _hangs_from(doc, block, run[-1]):
            continue  # "Host: … It breaks down further:" over its own list: the run goes on
        if len(run) >= MIN_RUN:
            runs.append((run, _pseudo_heading(doc, run[0])))
        run = []
    return runs


def _names_kind_before(doc: Document, first: Block) -> bool:
    """Bold-headed paragraphs are a run of terms only under a heading or after a paragraph that
    names their kind ("## Three types of rock", "A flower has four main parts."): elsewhere the
    bold heads are the titles of an essay's paragraphs ("**Domestication.** Cats …", "**Tourism.**
    …"), no things of one kind (on devtrain they gave entities only)."""
    heading = doc.heading_of(first)
    before = doc.blocks[first.index - 1] if first.index > 0 else None
    texts = [heading.text if heading is not None else ""]
    if before is not None and before.role == "paragraph":
        texts.append(re.split(r"(?<=[.!?])\s+", before.text.strip())[-1])
    return any(kind_of(t) is not None and not remarks(t) for t in texts if t)
