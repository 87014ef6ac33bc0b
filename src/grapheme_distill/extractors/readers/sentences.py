"""Sentence shapes the clause reader misreads: "Its main tributaries include the Allier, the Cher
and the Vienne" says each river is a tributary *of* the subject (the parser sees the subject
"including" them); "The band's members were A, B and C" is membership; "Its best-known volcanoes include Hekla and
Katla" places each volcano in the owner (``located_in``).  The list ends where a relative clause
about its last item begins, and parentheses in it are asides.

The relational noun becomes the predicate (``tributary_of``), read from the item to the owner, so
that it lines up with how the fact is usually stated ("the Allier is a tributary of the Loire").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.plurals import singular
from grapheme_distill.extractors.readers.values import read_values
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["read_sentences"]

_OWNED_LIST = re.compile(
    r"^(?P<owner>Its|His|Her|Their|(?:The\s+)?[A-Z]?[\w\s\-]{1,40}?['’]s?)\s+"
    r"(?:(?:main|major|notable|key|principal|largest|biggest|most\s+famous|best-known|famous|important|"
    r"other|chief|primary|notable)\s+)*(?P<noun>[a-z][a-z\-]+)\s+(?:include|includes|included|are|were)\s+"
    r"(?:the\s+following:?\s+)?(?P<list>[^.;:]+)"
)
_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+)")
_LIST_END = re.compile(r",?\s+(?:which|whose|who|where|when|that)\b|\s*[\u2013\u2014]|\s+-\s+")
_ASIDE = re.compile(r"\s*\([^)]*\)")
_PRONOUNS = frozenset({"its", "his", "her", "their"})
# places and landmarks a place has ("Its best-known volcanoes include Hekla and Katla"): each
# lies in it, the relation annotators record as located_in
_PLACES = frozenset(
    {
        "volcano",
        "mountain",
        "peak",
        "lake",
        "river",
        "island",
        "glacier",
        "waterfall",
        "valley",
        "desert",
        "forest",
        "beach",
        "city",
        "town",
        "village",
        "region",
        "province",
        "state",
        "district",
        "neighbourhood",
        "neighborhood",
        "park",
        "port",
        "airport",
        "museum",
        "landmark",
        "attraction",
        "sight",
        "site",
        "temple",
        "shrine",
        "castle",
        "palace",
        "cathedral",
        "church",
        "mosque",
        "bridge",
        "monument",
        "stadium",
        "university",
    }
)
_MEMBERS = frozenset({"member", "player", "musician", "founder", "founding member"})
_WORKS = frozenset(
    {
        "work",
        "painting",
        "book",
        "novel",
        "album",
        "song",
        "film",
        "opera",
        "symphony",
        "poem",
        "play",
        "composition",
        "invention",
        "discovery",
        "creation",
        "recording",
    }
)


def read_sentences(ctx: ReadContext) -> Iterator[Fact]:
    """Owned lists ("Its main tributaries include ...") and the attribute values prose states
    (:mod:`.values`)."""
    yield from read_values(ctx)
    for block in ctx.doc.blocks:
        if block.role not in ("paragraph", "list_item"):
            continue
        for sent in ctx.sentences(block):
            m = _OWNED_LIST.match(sent.text)
            if m is None or not m.group("noun").endswith("s"):
                continue
            owner_text = m.group("owner").strip()
            if owner_text.lower() in _PRONOUNS:
                owner = ctx.section_subject(block)
            else:
                owner_name = clean_name(re.sub(r"['’]s?$", "", owner_text))
                owner = Name(owner_name) if owner_name and owner_name[:1].isupper() else None
            if owner is None:
                continue
            noun = singular(m.group("noun"))
            # "..., Katla and Eyjafjallajökull, whose 2010 eruption ...": the list ends where a
            # relative clause or a parenthesis about its last item begins
            listed = _LIST_END.split(_ASIDE.sub("", m.group("list")), maxsplit=1)[0]
            items = [clean_name(p) for p in _SPLIT.split(listed) if p.strip()]
            if len(items) < 1 or any(not i or len(i.split()) > 5 for i in items):
                continue
            span = block.inline.span(sent.start, sent.end)
            hedged = is_hedged(sent.text)
            for item in items:
                child = Name(item)
                if noun in _MEMBERS:
                    yield Fact(
                        "hierarchy",
                        "sentence.members",
                        span,
                        owner,
                        child,
                        hierarchy=HierarchyKind.MEMBER_OF,
                        hedged=hedged,
                    )
                elif noun.split("-")[-1] in _PLACES:
                    yield Fact(
                        "relation",
                        "sentence.places",
                        span,
                        child,
                        owner,
                        "located_in",
                        hedged=hedged,
                    )
                elif noun in _WORKS:
                    yield Fact(
                        "relation", "sentence.works", span, owner, child, "created", hedged=hedged
                    )
                else:
                    yield Fact(
                        "relation",
                        "sentence.owned_list",
                        span,
                        child,
                        owner,
                        f"{noun.replace('-', '_')}_of",
                        hedged=hedged,
                    )
