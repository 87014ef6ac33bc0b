"""Classification chains: which taxon is a kind of which, from the ranks an answer names.

A classification lists ranks most general first ("**Kingdom:** Plantae", "| Order | Rosales |",
"## Family: Rosaceae", "Kingdom: Animalia Phylum: Chordata", a breadcrumb "Animalia → Chordata"),
and each taxon is a subclass of the nearest more general one named before it in its section.
Cut out of :mod:`.hierarchy_learned`, which turns these edges into candidates that are kept like
rule edges (the development answers hold too few classifications for the model to learn them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.predicates import RANK_LEVEL
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import clean_name

__all__ = ["chain_edges"]

# a clade ("Clade: Angiosperms") has no fixed rank: it sits under whatever came before it
_CLADE = -1
# the shared table (a copy: it is not ours to change) plus the names of a species' row
_RANK_LEVEL = {
    **RANK_LEVEL,
    "binomial name": RANK_LEVEL["species"],
    "scientific name": RANK_LEVEL["species"],
    "clade": _CLADE,
}
_RANK_WORD = "|".join(sorted(_RANK_LEVEL, key=len, reverse=True))
_RANKS = re.compile(rf"^(?:{_RANK_WORD})$", re.IGNORECASE)
# "Kingdom: Animalia", "Family – Felidae": a rank and the taxon after it ("the family Felidae" in
# a sentence is the prose reader's: chained, prose mentions linked ranks the answer skipped)
_RANK_INLINE = re.compile(
    rf"\b(?P<k>(?i:{_RANK_WORD}))\b\s*[:\u2013\u2014-]\s*"
    r"(?P<v>[A-Z][a-z\-]+(?:\s+(?!and\b|or\b)[a-z][a-z\-]+)?)"
)
# an item or heading that opens with a rank: "Order Carnivora (carnivorans)"
_RANK_HEAD = re.compile(
    rf"^(?P<k>(?i:{_RANK_WORD}))\s+(?P<v>[A-Z][a-z\-]+(?:\s+[a-z][a-z\-]+)?)\b(?!\s*[:\u2013\u2014-])"
)
_ARROWS = re.compile(r"\s*(?:\u2192|->|>|\u00bb|\u203a)\s*")


def _rank_values(block: Block) -> list[tuple[int, str]]:
    """The (rank level, taxon) pairs a block gives: "**Order:** Rosales", "| Order | Rosales |",
    "Kingdom: Animalia Phylum: Chordata", "the family Felidae"."""
    key = value = ""
    if block.role == "key_value":
        key, value = block.key_text(), block.value_text()
    elif block.role == "table_row" and len(block.cells) >= 2:
        key, value = block.cell_texts()[0], block.cell_texts()[1]
    if key and _RANKS.match(clean_name(key)):
        # "**Subphylum:** Chelicerata — arthropods with fang-like mouthparts": the taxon is what
        # comes before the gloss
        value = re.split(r"\s+[\u2013\u2014-]\s+|[;,]\s", value)[0]
        value = clean_name(re.sub(r"\s*\([^)]*\)", "", value))
        if value and len(value.split()) <= 4:
            return [(_RANK_LEVEL[clean_name(key).lower()], value)]
        return []
    if block.role == "table_row":
        # "| Kingdom | Phylum | Class |" over "| Animalia | Chordata | Mammalia |": a row per taxon
        ranked = [
            (_RANK_LEVEL[clean_name(h).lower()], clean_name(v))
            for h, v in zip(block.header, block.cell_texts(), strict=False)
            if _RANKS.match(clean_name(h)) and clean_name(v)
        ]
        return ranked if len(ranked) >= 2 else []
    text = block.text.replace("*", "").replace("_", " ")
    if block.role != "paragraph" and (m := _RANK_HEAD.match(text)) is not None:
        return [(_RANK_LEVEL[m.group("k").lower()], m.group("v"))]  # "- Order Carnivora"
    return [(_RANK_LEVEL[m.group("k").lower()], m.group("v")) for m in _RANK_INLINE.finditer(text)]


def chain_edges(ctx: ReadContext) -> Iterator[tuple[str, str, Block, str, set[str]]]:
    """ "Kingdom: Plantae / Order: Rosales / Family: Rosaceae" (a list, a table, lines or prose):
    each taxon is a kind of the nearest more general one named before it in its section; and a
    breadcrumb "Animalia → Chordata → Mammalia" chains its parts the same way.  Yields (the more
    general taxon, the taxon, its block, the source, the context features) per edge."""
    stack: list[tuple[float, str]] = []
    for block in ctx.doc.blocks:
        values = _rank_values(block)
        if block.role == "heading" and not values:
            stack = []  # a new section, unless the heading itself names a rank ("## Order: X")
            continue
        if ctx.injected(block):
            continue
        for rank, value in values:
            # a clade stays under the taxon before it (a hair below it, so it is never popped by
            # the taxa it holds)
            level: float = (stack[-1][0] + 0.01 if stack else 0.0) if rank == _CLADE else rank
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                feats = {"ctx=rank_chain", f"role={block.role}", "cue=rank"}
                yield stack[-1][1], value, block, "rank_chain", feats
            stack.append((level, value))
        parts = _ARROWS.split(block.text)
        if len(parts) >= 3:
            names = [clean_name(p) for p in parts]
            ranked = [_RANK_HEAD.match(n.replace("*", "").replace("_", " ")) for n in names]
            if all(ranked) and not values:
                # "Kingdom Animalia → Phylum Chordata → Class Mammalia": a breadcrumb of ranks is
                # a classification, each taxon (the rank word dropped) a kind of the one before
                feats = {"ctx=rank_chain", f"role={block.role}", "cue=rank"}
                taxa = [m.group("v") for m in ranked if m is not None]
                for upper, lower in zip(taxa, taxa[1:], strict=False):
                    yield upper, lower, block, "rank_chain", feats
            elif all(n and len(n.split()) <= 4 for n in names):
                feats = {"ctx=arrow_chain", f"role={block.role}", "cue=arrow"}
                for upper, lower in zip(names, names[1:], strict=False):
                    yield upper, lower, block, "arrow_chain", feats
