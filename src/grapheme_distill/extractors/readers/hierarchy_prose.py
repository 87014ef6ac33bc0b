"""Structure stated in running prose → hierarchy edges.

Answers state structure in sentences as often as in lists: "A computer is made up of a processor,
memory and storage", "The brain is divided into the cerebrum, the cerebellum and the brainstem",
"Common types of renewable energy include solar, wind and hydro", "A sonnet is a type of poem",
"Lions and tigers both belong to the genus Panthera", "the family Ursidae, which includes pandas
and polar bears", "The album's tracks: A, B and C".  Each form names the relation and which side
is the whole (:mod:`.phrases` decides the relation from the verb or kind noun, as for lists).
Only lists of short names become children — "X includes a wide range of services that …" is a
sentence, not a list — so a verb alone never makes an edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.phrases import (
    ADVERB,
    kind_of,
    lead_parent,
    name_list,
    not_structure,
    resolve,
)
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["read_prose_hierarchy"]

_NP = r"[\w'’\-]+(?:\s+[\w'’\-]+){0,5}?"
_VERBS: list[tuple[HierarchyKind, str]] = [
    (
        HierarchyKind.PART_OF,
        r"consists? of|consisted of|(?:is|are|was|were) made up of|(?:is|are|was|were) composed of|"
        r"comprises?|comprised|(?:is|are|was|were|can be) (?:sub)?divided into|"
        r"(?:is|are|was|were|can be) split into|(?:is|are) organi[sz]ed into|(?:is|are) formed by",
    ),
    (HierarchyKind.SUBCLASS_OF, r"falls? into|(?:is|are|can be) (?:classified|grouped) into"),
    (HierarchyKind.CONTAINS, r"includes?|included|contains?|contained"),
]
_STATED = [
    (
        kind,
        re.compile(rf"^(?P<x>{_NP})\s+(?:{ADVERB}\s+|also\s+|both\s+)?(?:{verbs})\s+(?P<list>.+)$"),
    )
    for kind, verbs in _VERBS
]
_RELATIVE = re.compile(
    rf"(?P<before>.+?),\s+which\s+(?:also\s+|now\s+)?(?P<v>{_VERBS[0][1]}|{_VERBS[2][1]})\s+"
    r"(?P<list>.+)$"
)
_KINDS_INCLUDE = re.compile(
    r"^(?:the\s+)?(?:(?:main|major|common|most common|principal|key|different|notable|well-known|"
    r"popular|famous|other)\s+)*(?P<k>types|kinds|forms|varieties|examples|categories|classes|"
    r"species|breeds|branches|members|parts|components)\s+of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<x>[\w'’\- ]{2,50}?)\s+(?:include|includes|are|were|range from)\s+(?P<list>.+)$",
    re.IGNORECASE,
)
_IS_KIND_OF = re.compile(
    r"^(?P<a>[\w'’\-]+(?:(?:\s+|,\s+|,?\s+and\s+)[\w'’\-]+){0,9}?)\s+(?:is|are|was|were)\s+"
    r"(?:also\s+|actually\s+|essentially\s+|all\s+|both\s+)?"
    r"(?:one of (?:the\s+)?(?:\w+\s+)?|a|an|one|the)?\s*(?:(?:main|major|common|specific|particular|special|distinct|"
    r"separate)\s+)?(?P<k>type|kind|form|class|subclass|subtype|variety|species|subspecies|breed|"
    r"genus|branch|member|part|component|subset|category|style|genre|subgenre|sort|division|"
    r"subfield|field)s?\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<y>[^,;:.()]{2,60})"
)
_BELONG = re.compile(
    r"^(?P<list>.+?)\s+(?:both\s+|all\s+|also\s+)?(?:belongs?|belonged)\s+to\s+(?:the\s+)?"
    r"(?P<y>[^,;:.()]{2,60})"
)
# "Bats are mammals, not birds", "Whales and dolphins are mammals": classes of a class
_ARE_CLASS = re.compile(
    r"^(?P<list>(?:the\s+)?[a-z][\w\-]*s(?:(?:,\s+|\s+and\s+)(?:the\s+)?[a-z][\w\-]*s){0,4})\s+"
    r"are\s+(?:all\s+|also\s+|actually\s+|true\s+)?(?P<y>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?s)"
    r"(?:,\s+not\s+.*|\s+(?:that|which|too)\b.*)?$",
    re.IGNORECASE,
)
_QUANTIFIED = re.compile(
    r"(?i)^(?:most|many|some|all|few|several|these|those|they|there|both|other|such)\b"
)
_COLON_LIST = re.compile(r"^(?P<lead>[^:]{3,60}):\s+(?P<list>[^:]+)$")
_RANKS = re.compile(
    r"^(?:(?:super|sub|infra|par)?(?:kingdom|phylum|class|order|family|genus|tribe|group|"
    r"division|clade))\s+(?=[A-Z*])",
    re.IGNORECASE,
)
_Y_TAIL = re.compile(
    r"\s+(?:that|which|who|where|with|in which|used|known|called|too|also|as well|and|but|from|"
    r"because|since|found|native|whose)\b.*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"^(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+)?"
    r"(?:(?:main|major|distinct|broad|basic|key|separate)\s+)*[\w\-]+s?\s*(?::|,)\s*",
    re.IGNORECASE,
)
_RANKED_CHILDREN = re.compile(r"\b(?:family|genus|order|class|kingdom|phylum|infraorder)\b", re.I)


def read_prose_hierarchy(ctx: ReadContext) -> Iterator[Fact]:
    """Hierarchy edges stated in the sentences of paragraphs and list items."""
    for block in ctx.doc.blocks:
        if block.role in ("heading", "table_row", "key_value"):
            continue
        for sent in ctx.sentences(block):
            yield from _sentence(ctx, block, sent)


def _edge(
    block: Block,
    sent: Sentence,
    construction: str,
    parent: Name,
    child: str,
    kind: HierarchyKind,
) -> Fact | None:
    child = clean_name(child)
    if not child or child.lower() == parent.text.lower():
        return None
    span = block.inline.span(sent.start, sent.end)
    return Fact(
        "hierarchy",
        construction,
        span,
        parent,
        Name(child),
        hierarchy=kind,
        hedged=is_hedged(sent.text),
    )


def _children(text: str) -> list[str] | None:
    """The names of a stated list: "four chambers: A, B, C and D", "the X, the Y and the Z"."""
    text = text.rstrip(".")
    counted = _COUNTED.match(text)
    if counted is not None and ":" in counted.group(0):
        text = text[counted.end() :]
    text = re.split(r"\s+[\u2013\u2014]\s+|;|:\s+(?=[a-z])", text)[0]
    text = re.split(r",\s+(?:which|who|that|each|all|both|as well as)\b", text)[0]
    names = name_list(text)
    if names is not None and counted is not None:
        names = _shared_head(names, counted.group(0))
    return names


def _shared_head(names: list[str], counted: str) -> list[str]:
    """ "three committees: the planning, the finance and the transport committee": the last name's
    head noun, which the count names, is every name's ("planning committee")."""
    last = names[-1].split()
    noun = re.sub(r"[\s:,]+$", "", counted).split()[-1].lower()
    if len(last) < 2 or last[-1].lower().rstrip("s") != noun.rstrip("s"):
        return names
    if not all(len(n.split()) == 1 and n.islower() for n in names[:-1]):
        return names
    return [f"{n} {last[-1]}" for n in names[:-1]] + [names[-1]]


def _subject(ctx: ReadContext, block: Block, phrase: str) -> Name | None:
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    phrase = re.split(r",\s+", phrase)[-1]
    if re.search(r"(?i)\b(?:could|can|may|might|would|will|should|must|also|often)$", phrase):
        return None  # "Such items could include …": a possibility, not a stated whole
    if re.match(r"(?i)(?:its|his|her|their|our|your|my)\s+\S", phrase):
        return None  # "Its main tributaries include …": an owned list, read as relations
    name = resolve(ctx, block, phrase)
    if name is None or len(name.text.split()) > 6 or re.search(r"[\d%]", name.text):
        return None
    return name


def _antecedent(before: str) -> Name | None:
    """The name right before ", which": its capitalised run ("the family *Ursidae*") or its last
    noun words ("a group of mammals")."""
    before = re.sub(r"\s*\([^)]*\)$", "", before.rstrip(" *_"))
    run = re.search(r"((?:[A-Z][\w'’\-]*)(?:\s+(?:[A-Z][\w'’\-]*|of|the|de|and))*)$", before)
    if run is not None:
        return Name(clean_name(run.group(1)))
    words = re.findall(r"[\w'’\-]+", before)
    stop = {"of", "the", "a", "an", "in", "on", "to", "for", "by", "with", "and", "its", "their"}
    tail: list[str] = []
    for w in reversed(words):
        if w.lower() in stop or len(tail) == 3:
            break
        tail.insert(0, w)
    return Name(" ".join(tail)) if tail else None


def _sentence(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    text = sent.text.rstrip(".!")
    if (m := _KINDS_INCLUDE.match(text)) is not None:
        children = _children(m.group("list"))
        kind = kind_of(m.group("k")) or HierarchyKind.SUBCLASS_OF
        if m.group("k").lower() == "examples":
            kind = HierarchyKind.MEMBER_OF
        parent = resolve(ctx, block, m.group("x")) if children else None
        if parent is not None and children:
            for child in children:
                if fact := _edge(block, sent, "prose.kinds_include", parent, child, kind):
                    yield fact
        return
    for kind, pattern in _STATED:
        m = pattern.match(text)
        if m is None:
            continue
        children = _children(m.group("list"))
        parent = _subject(ctx, block, m.group("x")) if children else None
        if parent is not None and children:
            for child in children:
                if fact := _edge(block, sent, f"prose.{kind.value}", parent, child, kind):
                    yield fact
        return
    if (m := _RELATIVE.match(text)) is not None:
        children = _children(m.group("list"))
        parent = _antecedent(m.group("before")) if children else None
        if parent is not None and children:
            ranked = _RANKED_CHILDREN.search(m.group("before")[-40:])
            kind = kind_of(m.group("v")) or HierarchyKind.CONTAINS
            if ranked and kind is HierarchyKind.CONTAINS:
                kind = HierarchyKind.SUBCLASS_OF
            for child in children:
                if fact := _edge(block, sent, "prose.which", parent, child, kind):
                    yield fact
        return
    if (m := _IS_KIND_OF.match(text)) is not None:
        y = _RANKS.sub("", _Y_TAIL.sub("", m.group("y")).strip())
        kind = kind_of(m.group("k")) or HierarchyKind.SUBCLASS_OF
        if m.group("k").lower() in ("member",):
            kind = HierarchyKind.MEMBER_OF
        parent_name = clean_name(y)
        listed = name_list(m.group("a"))  # "Lions, tigers and leopards are all members of …"
        named = _subject(ctx, block, m.group("a")) if listed is None else None
        children = listed or ([named.text] if named is not None else [])
        if parent_name and len(parent_name.split()) <= 5:
            for child in children:
                fact = _edge(block, sent, "prose.kind_of", Name(parent_name), child, kind)
                if fact is not None:
                    yield fact
        return
    if (m := _BELONG.match(text)) is not None:
        y = clean_name(_RANKS.sub("", _Y_TAIL.sub("", m.group("y")).strip()))
        y = re.sub(r"\s+(?:group|category)$", "", y)
        members = name_list(m.group("list")) or []
        if not members and (one := _subject(ctx, block, m.group("list"))) is not None:
            members = [one.text]
        if y and len(y.split()) <= 5:
            for child in members:
                fact = _edge(block, sent, "prose.belongs", Name(y), child, HierarchyKind.MEMBER_OF)
                if fact:
                    yield fact
        return
    if (m := _ARE_CLASS.match(text)) is not None and not _QUANTIFIED.match(text):
        classes = name_list(m.group("list")) or [clean_name(m.group("list"))]
        for child in classes:
            fact = _edge(
                block, sent, "prose.are_class", Name(m.group("y")), child, HierarchyKind.SUBCLASS_OF
            )
            if fact is not None:
                yield fact
        return
    if (m := _COLON_LIST.match(text)) is not None and block.role != "glossary":
        lead = m.group("lead")
        colon_kind = kind_of(lead)
        children = name_list(m.group("list"), max_words=5)
        if colon_kind is None or not children or not_structure(lead):
            return
        parent = lead_parent(ctx, block, lead) or ctx.section_subject(block)
        if parent is not None:
            for child in children:
                if fact := _edge(
                    block, sent, f"prose.colon.{colon_kind.value}", parent, child, colon_kind
                ):
                    yield fact
