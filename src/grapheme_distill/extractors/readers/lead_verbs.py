"""A list's lead-in verb with a pronoun subject, read as the relation of each item it names.

Why.  "It borders these countries and territories:" over "- Algeria, to the east", "- Western
Sahara, to the south" says that the section's subject borders each item; the annotators record
``(Morocco, borders, Algeria)`` and so on, the lead-in's verb as the predicate.  No clause reader
sees it (the items are fragments without a verb, the lead-in has no object name), and the
hierarchy reader's lead-in verbs (:mod:`.hierarchy`, construction ``list.lead_verb``) take only
a verb with its preposition ("The river passes through several major cities:"), since a bare
verb after a noun subject relates too loosely ("Gardeners grow roses:", "Worker nodes run:").
After a personal pronoun and before a demonstrative or counted object ("these countries", "the
following cities", "three neighbours") the bare verb is the relation and the pronoun the
section's subject, so those are read here, with the same construction.

Linear in the document: one regular expression per list, string work only (no parse).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name
from grapheme_distill.extractors.readers.hierarchy_items import (
    childlike,
    item_head,
    paragraph_text,
)

__all__ = ["lead_verb_relations"]

_LEAD = re.compile(
    r"^(?P<s>it|they|he|she)\s+(?:also\s+)?(?P<v>[a-z]+(?:s|ed))\s+"
    r"(?:these|the following|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<o>[a-z][\w'\- ]*?)\s*:$",
    re.IGNORECASE,
)
# verbs that name parts, kinds or members (the hierarchy reader's), or no relation at all
_NOT_RELATIONS = frozenset(
    {
        "has",
        "had",
        "includes",
        "included",
        "contains",
        "contained",
        "comprises",
        "consists",
        "features",
        "does",
        "is",
        "was",
        "needs",
        "uses",
        "offers",
        "follows",
        "means",
        "takes",
        "makes",
    }
)


def lead_verb_relations(ctx: ReadContext) -> Iterator[Fact]:
    """(section subject, lead-in verb, item) for each list under a lead-in such as "It borders
    these countries:" whose items are names ("Algeria, to the east (…)" names Algeria)."""
    for items in ctx.doc.lists():
        first = items[0]
        lead = ctx.doc.lead_of(first)
        if lead is None or lead.role != "paragraph" or first.parent is not None:
            continue
        last = re.split(r"(?<=[.!?])\s+", paragraph_text(ctx.doc.source, lead))[-1].strip()
        m = _LEAD.match(last)
        if m is None or m.group("v").lower() in _NOT_RELATIONS:
            continue
        subject = ctx.section_subject(first)
        if subject is None:
            continue
        predicate = m.group("v").lower()
        for block in items:
            if block.level != first.level:
                continue
            head = item_head(block)
            if head is None or not childlike(head[0], nested=False):
                continue
            if head[0].lower() == subject.text.lower():
                continue
            yield Fact("relation", "list.lead_verb", block.span, subject, Name(head[0]), predicate)
