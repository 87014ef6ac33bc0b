"""Groups named in prose around their members: an apposition ("WhatsApp, a subsidiary of Meta,
…"), a bracketed list after a group ("The outer planets (Jupiter, Saturn, Uranus and
Neptune) …"), a list that is "the N Xs (of Y)" ("The House of Commons and the House of Lords are
the two chambers of Parliament") and an owner's members ("The band's members are A, B and C").

Why.  Written probes of the twenty-fourth session (``tests/data/probes/hierarchy.jsonl``): the
list layouts chat assistants use were read, these prose forms were not, and the gates' hierarchy
recall (0.06–0.26 against devtrain's 0.51) says the unseen answers hold forms devtrain does not.
Each form is syntax and layout only (a comma and an indefinite article, a bracket after a plural
noun, a copula and "the"), with proper names or a short list of names as its members, so that a
phrase or a clause never becomes a child.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_prose_common import MEMBER_MODIFIERS, edge
from grapheme_distill.extractors.readers.phrases import kind_of, name_list, resolve
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["read_groups"]

#: a proper name of up to five words ("Meta Platforms", "House of Lords", "UK Parliament")
_PROPER = r"[A-Z][\w'’\-]*(?:\s+(?:of|the|de|for|[A-Z][\w'’\-]*)){0,4}"
#: "WhatsApp, another subsidiary of Meta Platforms, …": the name, then what it is a unit of
_APPOSITION = re.compile(
    rf"(?:^|,\s+|\s)(?P<c>{_PROPER}),\s+(?:a|an|another|one|the)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
    r"(?P<k>member|subsidiary|division|unit|branch|department|component|affiliate)s?"
    rf"\s+of\s+(?:the\s+)?(?P<y>{_PROPER})(?=\s*[,.;)]|\s*$)"
)
_UNIT_KIND = {"member": HierarchyKind.MEMBER_OF}
#: "The outer planets (Jupiter, Saturn, Uranus and Neptune)": a plural group with its modifier,
#: then the bracketed names
_BRACKETED = re.compile(
    r"(?:^|\b(?:the|The|its|Its|their|Their)\s+)(?P<np>(?:[A-Za-z][\w\-]*\s+){1,2}[a-z][\w\-]*s)"
    r"\s+\((?P<list>[^()]{3,160})\)"
)
_COUNT = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some|few|\d+"
#: "A, B and C are the (six) (naturally occurring) noble gases (of …)": the list, then the group
_ARE_THE = re.compile(
    rf"^(?P<list>.+?)\s+(?:are|were)\s+(?:both\s+|all\s+)?the\s+(?:(?:{_COUNT})\s+)?"
    r"(?P<g>(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*s)(?:\s+of\s+(?:the\s+)?(?P<y>[^,;]{2,60}?))?$"
)
#: "The band's current members are A, B and C": the owner's members
_OWNER_MEMBERS = re.compile(
    rf"^(?P<o>[\w'’\- ]{{2,40}}?)['’]s?\s+{MEMBER_MODIFIERS}members\s+(?:are|were|include|"
    r"included)\s+(?P<list>.+)$",
    re.IGNORECASE,
)
#: "The four chambers of the heart are the left atrium, …", "The four Galilean moons of Jupiter
#: are Io, …": the group and its whole, then the names
_GROUP_OF_ARE = re.compile(
    rf"^The\s+(?:(?:{_COUNT})\s+)?(?P<g>(?:[\w\-]+\s+){{0,2}}[a-z][\w\-]*s)\s+of\s+"
    r"(?:the\s+)?(?P<y>[\w'’\-]+(?:\s+[\w'’\-]+){0,3}?)\s+(?:are|were)\s+(?P<list>.+)$"
)
#: words that open a group phrase without naming it ("naturally occurring", "so-called")
_LEADING_MODIFIER = re.compile(r"^(?:[a-z][\w\-]*(?:ly|ing)\s+)+")


def read_groups(ctx: ReadContext, block: Block, sent: Sentence, clause: str) -> Iterator[Fact]:
    """The group edges of one clause of a sentence (see the module docstring).  Each form is
    tried only when the clause holds its literal cue ("of", a bracket, "the", "members"):
    the readers run on every clause of every answer, and most clauses hold none."""
    if "of" in clause and "," in clause:
        yield from _appositions(block, sent, clause)
    if "(" in clause:
        yield from _bracketed(block, sent, clause)
    if "the" in clause and ("are" in clause or "were" in clause):
        yield from _are_the(ctx, block, sent, clause)
    if clause.startswith("The ") and " of " in clause:
        yield from _group_of_are(ctx, block, sent, clause)
    if "embers" in clause or "EMBERS" in clause:
        yield from _owner_members(ctx, block, sent, clause)


def _appositions(block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
    for m in _APPOSITION.finditer(text):
        child, whole = m.group("c"), clean_name(m.group("y"))
        if child.split()[0] in ("The", "A", "An", "It", "This") or not whole:
            continue
        kind = _UNIT_KIND.get(m.group("k"), HierarchyKind.PART_OF)
        if fact := edge(block, sent, "prose.apposition", Name(whole), child, kind):
            yield fact


def _bracketed(block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
    for m in _BRACKETED.finditer(text):
        np = m.group("np")
        if re.match(rf"(?i)(?:{_COUNT})\s", np) or kind_of(np) is not None:
            continue  # "three countries (…)", "two types (…)": a count or a kind word, no group
        names = name_list(m.group("list"))
        if not names or len(names) < 2 or not all(n[:1].isupper() for n in names):
            continue
        for child in names:
            if fact := edge(
                block, sent, "prose.bracketed", Name(clean_name(np)), child, HierarchyKind.MEMBER_OF
            ):
                yield fact


def _are_the(ctx: ReadContext, block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
    """ "A, B and C are the N Xs (of Y)": the Xs of Y are Y's (its parts, kinds, members); the
    Xs alone are the group."""
    if (m := _ARE_THE.match(text)) is not None:
        yield from _listed(ctx, block, sent, m, "prose.are_the", of_always=True)


def _group_of_are(ctx: ReadContext, block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
    """A part word's names are parts of the whole after "of" ("chambers of the heart"); any
    other group keeps its own name ("Galilean moons"), the whole after "of" being its owner."""
    if (m := _GROUP_OF_ARE.match(text)) is not None:
        yield from _listed(ctx, block, sent, m, "prose.group_of_are", of_always=False)


def _listed(
    ctx: ReadContext,
    block: Block,
    sent: Sentence,
    m: re.Match[str],
    construction: str,
    *,
    of_always: bool,
) -> Iterator[Fact]:
    """The names of ``m``'s list under the whole its group (``g``) and owner (``y``) give: the
    owner when there is one and (unless ``of_always``) the group is a kind or part word."""
    names = name_list(m.group("list"))
    if not names or len(names) < 2 or any(len(n.split()) > 4 for n in names):
        return
    group = _LEADING_MODIFIER.sub("", m.group("g"))
    kind = kind_of(group)
    whole: Name | None
    if m.group("y") and (of_always or kind is not None):
        whole, kind = resolve(ctx, block, m.group("y")), kind or HierarchyKind.PART_OF
    else:
        whole, kind = Name(clean_name(group)), HierarchyKind.MEMBER_OF
    if whole is None or not whole.text or (of_always and kind_of(whole.text) is not None):
        return
    for child in names:
        if fact := edge(block, sent, construction, whole, child, kind):
            yield fact


def _owner_members(ctx: ReadContext, block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
    m = _OWNER_MEMBERS.match(text)
    if m is None or m.group("o").lower() in ("its", "their", "the"):
        return  # "Its members are …" is the section subject's (``hierarchy_prose._members``)
    owner = resolve(ctx, block, m.group("o"))
    names = name_list(m.group("list"), max_words=5)
    if owner is None or not names or len(names) < 2 or not all(n[:1].isupper() for n in names):
        return
    for child in names:
        if fact := edge(block, sent, "prose.owner_members", owner, child, HierarchyKind.MEMBER_OF):
            yield fact
