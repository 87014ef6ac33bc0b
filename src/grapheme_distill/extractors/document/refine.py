"""Second pass over a parsed document: the layouts markdown itself does not see.

CommonMark decides what is a list, but answers (small local models above all) also write lists
that markdown reads as one paragraph — "Git consists of: - a repository - a staging area" on one
line — and glossaries whose terms are lower case ("principal amount: the initial amount …") or
whose glosses open with a number ("**Century** — 100 runs or more …"); and a "**Key** — …" item
whose rest is a sentence of its own ("**Anaphase** — sister chromatids are pulled to opposite
poles") is a plain item that keeps its key, so that the prose readers read it.  Fixing these in the
document layer means every reader sees the same items, with the same lead-in, instead of each
reader guessing at dashes inside paragraphs.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document.model import Block, Document, Inline
from grapheme_distill.extractors.document.parse import ATTRIBUTE_KEYS, split_key_value
from grapheme_distill.extractors.spacy.text import OffsetMap

__all__ = ["refine", "slice_inline"]

# "X consists of: - a - b", "…: - 21 stages, each …; - 7 teams;" (a spaced hyphen opens an item)
_INLINE_LEAD = re.compile(r"^(?P<lead>[^\n]{3,200}?:)\s*-\s+(?P<rest>\S.*)$", re.DOTALL)
_INLINE_SEP = re.compile(r"(?:;\s*|\s+)-(?:\s+|$)")
_LOWER_KEY = re.compile(r"^(?P<k>[a-z][\w'’\- ]{1,40}?)\s*:\s+(?P<v>\S.*)$", re.DOTALL)


def slice_inline(inline: Inline, start: int, end: int) -> Inline:
    """The clean span ``[start, end)`` of an inline as an inline of its own (whitespace trimmed),
    its offsets and emphasis shifted so that spans still point into the answer."""
    text = inline.text[start:end]
    start += len(text) - len(text.lstrip())
    end = start + len(text.strip())
    offsets = OffsetMap()
    offsets.add(0, inline.offsets.to_orig(start))
    for s, o in zip(inline.offsets.starts, inline.offsets.origins, strict=True):
        if start < s < end:
            offsets.add(s - start, o)
    emphasis = tuple(
        (max(a, start) - start, min(b, end) - start)
        for a, b in inline.emphasis
        if a < end and b > start
    )
    return Inline(inline.text[start:end], offsets, emphasis)


def _inline_items(block: Block) -> tuple[Inline, list[Inline]] | None:
    """A paragraph that is a lead-in followed by dash items on the same line(s)."""
    m = _INLINE_LEAD.match(block.text)
    if m is None:
        return None
    rest_start = m.start("rest")
    items: list[Inline] = []
    pos = rest_start
    for sep in [*_INLINE_SEP.finditer(block.text, rest_start), None]:
        end = sep.start() if sep is not None else len(block.text)
        piece = block.text[pos:end].strip().rstrip(";").strip()
        if piece and any(ch.isalnum() for ch in piece):
            items.append(slice_inline(block.inline, pos, end))
        if sep is not None:
            pos = sep.end()
    lead = slice_inline(block.inline, 0, m.end("lead"))
    return lead, items


def _as_item(block: Block) -> None:
    """Give a list item its key-value / glossary role, lower-case keys included."""
    kv = split_key_value(block.inline)
    if kv is None and (m := _LOWER_KEY.match(block.text)) is not None and len(m["k"].split()) <= 5:
        kv = split_key_value(block.inline, lower_keys=True)
    if kv is not None:
        block.role, block.key, block.value = kv


def _settle_glossary(items: list[Block]) -> None:
    """In a list that is mostly a glossary, an item read as "key: value" because its gloss opens
    with a number or a capital ("**Century** — 100 runs or more …") is a glossary item too."""
    glossary = sum(1 for b in items if b.role == "glossary")
    if glossary * 2 < len(items) or glossary == len(items):
        return
    for b in items:
        if (
            b.role == "key_value"
            # "**range**: an immutable sequence of integers" among glossed Python types: a key
            # that names an attribute elsewhere, glossed by an indefinite genus here
            and (
                b.key_text().lower() not in ATTRIBUTE_KEYS
                or re.match(r"(?:a|an)\s", b.value_text()) is not None
            )
            and len(b.value_text().split()) >= 3
        ):
            b.role = "glossary"


def refine(doc: Document) -> Document:
    """Split inline dash lists into items, read lower-case keys, settle glossaries (in place)."""
    plan: dict[int, tuple[Inline | None, list[Inline]]] = {}
    for block in doc.blocks:
        if block.is_item or block.role not in ("paragraph", "key_value", "glossary"):
            continue
        split = _inline_items(block)
        if split is not None and (len(split[1]) >= 2 or _list_follows(doc, block)):
            plan[block.index] = split
        elif len(lines := _key_lines(block, doc.source)) >= 2:
            plan[block.index] = (None, lines)
    if plan:
        doc.blocks = _spliced(doc, plan)
    for block in doc.blocks:
        if block.role == "list_item":
            _as_item(block)
    _glossary_runs(doc)
    for items in doc.lists():
        _settle_glossary(items)
    for block in doc.blocks:
        if block.role == "glossary" and _states(block.value_text()):
            block.role = "list_item" if block.is_item else "paragraph"  # key and value kept
    return doc


#: a gloss that is a sentence of its own, with its own subject and verb: "**Anaphase** — sister
#: chromatids are pulled to opposite poles", "**Copies** — thousands were printed", "**Codebreaking**
#: — at Bletchley Park he designed the Bombe", "**21 July 1969** — Armstrong stepped onto …",
#: "**Public** — the USSR removes the missiles", "**Protection** — Most of the reef lies …" (a
#: genus, "a pawn that has just moved …", or what the term does, "it packages proteins", glosses)
_OWN_CLAUSE = re.compile(
    r"^(?:(?:the|its|his|her|their|these|those|some|most|many|all|both|each)\s+)?"
    r"(?!(?:a|an|it|they|that|which|who|whose|where|when|what|how|why|whether|is|are|was|were)\b)"
    r"(?:(?!(?:that|which|who|whose|where|a|an)\b)[\w'’\-]+\s+){1,3}?"
    r"(?:is|are|was|were|can|could|may|might|will|would|must|should|has|have|had|did|does)\s"
    r"|^(?:he|she|we|you|i)\s+[a-z]+"
    r"|^(?:at|in|on|during|after|before|from|by|with)\s[^,;]{0,60}?\b(?:he|she|they|we)\s+[a-z]+"
    r"|^(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+[a-z]+ed\b"
    r"|^(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+[a-z]+s\s+(?:the|a|an|its|their)\s"
    r"|^(?i:most|some|many|much|all|none|part|each)\s+of\s+(?:the|its|their|these|those)\s"
)

#: where a gloss's first clause ends: a comma, semicolon, colon, parenthesis or spaced dash
_FIRST_CLAUSE_END = re.compile(r"[,;:(]|\s[\u2013\u2014-]\s")


def _states(value: str) -> bool:
    """The value of a "**Key** — value" item is a sentence with facts, not a gloss of its key
    (:data:`_OWN_CLAUSE`): its first clause, up to a comma, semicolon or dash."""
    first = _FIRST_CLAUSE_END.split(value, maxsplit=1)[0]
    return _OWN_CLAUSE.match(first) is not None and _CONTACT_RELATIVE.match(first) is None


#: a genus whose relative clause has no "that": "the amount you must start withdrawing", "a
#: form we can file online" (the clause's subject is a pronoun, so the modal is the clause's
#: own, not the gloss's)
_CONTACT_RELATIVE = re.compile(
    r"^(?:the|a|an)\s+(?:[a-z][\w\-]*\s+){1,3}(?:you|we|they|people|one|i)\s+"
    r"(?:can|could|may|might|will|would|must|should|have|had|do|did)\b"
)


def _glossary_runs(doc: Document) -> None:
    """Glossary paragraphs one after the other ("**Woodwinds** — flutes, oboes …" then
    "**Brass** — horns, trumpets …") are the items of one list, as if they were bulleted: only
    their own sub-lists may stand between them."""
    next_list = max((b.list_id for b in doc.blocks), default=-1) + 1
    run: list[Block] = []

    def close() -> None:
        nonlocal next_list
        if len(run) >= 2 and any(b.role == "glossary" for b in run):
            before = doc.blocks[run[0].index - 1] if run[0].index > 0 else None
            lead = before.index if before is not None and before.role == "paragraph" else None
            if before is not None and not before.text.endswith(":"):
                lead = None
            for block in run:
                block.list_id, block.lead_in = next_list, lead
            next_list += 1
        run.clear()

    previous: Block | None = None
    for block in doc.blocks:
        if (
            block.is_item
            and block.lead_in is None
            and block.level == 0
            and previous is not None
            and previous.key is not None
            and previous.text.endswith(":")
        ):
            block.lead_in = previous.index  # "**Strings** — the largest section:" over its list
        previous = block if not block.is_item else previous
        bold_key = block.key is not None and any(
            a == block.key[0] for a, _ in block.inline.emphasis
        )
        if block.role in ("glossary", "key_value") and bold_key and not block.is_item:
            if run and run[-1].section != block.section:
                close()
            run.append(block)
        elif block.is_item and run and block.lead_in == run[-1].index:
            continue  # the sub-list of the last glossary paragraph
        else:
            close()
    close()


def _list_follows(doc: Document, block: Block) -> bool:
    nxt = block.index + 1
    return (
        nxt < len(doc.blocks)
        and doc.blocks[nxt].is_item
        and doc.blocks[nxt].lead_in in (None, block.index)
    )


#: a line that opens with a plain key: "Melting: solid to liquid.", "Evaporation (or
#: vaporisation): liquid to gas."
_LINE_KEY = re.compile(
    r"(?!(?:Note|Tip|Example|Answer|Question|Summary|Warning|Step)\b)"
    r"[A-Z][\w'’\-]+(?:\s+[\w'’\-]+){0,2}(?:\s+\([^()]{1,40}\))?:\s"
)


def _key_lines(block: Block, source: str) -> list[Inline]:
    """ "**Born:** 1918, Mvezo / **Party:** ANC", "Melting: solid to liquid. / Evaporation: liquid
    to gas." written as lines of one paragraph: one inline per line that opens with a bold key,
    or else (the answer's line breaks, which the clean text joins, tell) with a plain one."""
    text = block.text
    starts = [
        a
        for a, b in block.inline.emphasis
        if (text[a:b].rstrip().endswith(":") or text[b : b + 1] == ":")
        and (a == 0 or text[a - 1] == " ")
    ]
    if len(starts) < 2 or starts[0] != 0:
        starts = [
            m.start()
            for m in _LINE_KEY.finditer(text)
            if m.start() == 0
            or source[: block.inline.offsets.to_orig(m.start())].rstrip(" \t").endswith("\n")
        ]
    if len(starts) < 2 or starts[0] != 0:
        return []
    bounds = [*starts, len(text)]
    return [slice_inline(block.inline, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]


def _spliced(doc: Document, plan: dict[int, tuple[Inline | None, list[Inline]]]) -> list[Block]:
    """The blocks with each planned paragraph replaced by its lead-in and items; the markdown list
    right after such a paragraph continues its items (same list, same lead-in)."""
    remap: dict[int, int] = {}
    pos = 0
    for block in doc.blocks:
        remap[block.index] = pos
        if block.index in plan:
            head, parts = plan[block.index]
            pos += len(parts) + (1 if head is not None else 0)
        else:
            pos += 1
    next_list = max((b.list_id for b in doc.blocks), default=-1) + 1
    out: list[Block] = []
    pending: tuple[int, int] | None = None  # (lead-in index, list id) continued by the next list
    for block in doc.blocks:
        section = remap[block.section] if block.section is not None else None
        if block.index in plan and plan[block.index][0] is None:
            for inline in plan[block.index][1]:  # key-value lines: paragraphs of their own
                line = Block(role="paragraph", inline=inline, index=len(out), section=section)
                if (kv := split_key_value(inline)) is not None:
                    line.role, line.key, line.value = kv
                out.append(line)
            continue
        if block.index in plan:
            lead_inline, inlines = plan[block.index]
            if lead_inline is None:  # planned as key-value lines, handled above
                continue
            lead = Block(role="paragraph", inline=lead_inline, index=len(out), section=section)
            out.append(lead)
            for inline in inlines:
                out.append(
                    Block(
                        role="list_item",
                        inline=inline,
                        index=len(out),
                        section=section,
                        lead_in=lead.index,
                        list_id=next_list,
                    )
                )
            pending = (lead.index, next_list)
            next_list += 1
            continue
        block.section = section
        block.lead_in = remap[block.lead_in] if block.lead_in is not None else None
        block.parent = remap[block.parent] if block.parent is not None else None
        if (
            pending is not None
            and block.is_item
            and block.lead_in in (None, pending[0])
            and block.level == 0
        ):
            block.lead_in, block.list_id = pending
        elif not block.is_item:
            pending = None
        block.index = len(out)
        out.append(block)
    return out
