"""Titles over a list: the group a title names ("**Inner planets**", "## Planets of the inner solar
system", "### Day one" over bare names) and whether the list's own title names the prompt's whole.

Split out of :mod:`.hierarchy` (twenty-third session).
"""

from __future__ import annotations

import re
from dataclasses import replace

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_context import title_name
from grapheme_distill.extractors.readers.hierarchy_items import paragraph_text
from grapheme_distill.extractors.readers.phrases import kind_of, lead_parent, resolve
from grapheme_distill.extractors.readers.plurals import same_noun, singular

__all__ = [
    "CLAUSE_HEADING",
    "GROUP_HEADING",
    "group_title",
    "items_name_group",
    "named_heading",
    "prompt_names",
    "titled_by",
]

# a heading that names a group by "N of M" ("Core rights of individuals", "Planets of the inner
# solar system"): its items are members of that group
GROUP_HEADING = re.compile(
    r"^(?:(?:the|core|main|key|major|basic|fundamental|principal|\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+)*(?P<x>[a-z][\w'\-]*s\s+of\s+.+)$",
    re.IGNORECASE,
)
CLAUSE_HEADING = re.compile(r"(?:when|if|why|how|what|where|while|whether)\b", re.I)


def items_name_group(group: str, heads: list[tuple[Block, tuple[str, int, int] | None]]) -> bool:
    """Whether the items of a list under a heading "Ns of M" are members of the group it names
    (the general form: a group heading's members are named as its Ns or are bare names).
    "## Core rights of individuals" over "the right of access", "the right to erasure" names a
    group and its members, each item an N (devtrain: 4 of 4 such pairs right); so does
    "## Planets of the inner solar system" over "**Mercury**", "**Earth**", bare names of four
    words at most, the item being its name (nothing after it but punctuation).  An item that
    describes something without naming an N is something the heading's topic has or does, not
    one of its Ns: "## Features of the engine" over "**Turbo**
    — forces more air into the cylinders" (the gates' list.group_heading pairs with such
    items: 0 right of 14, in four answers of val11-37; every item there over four words), so
    the heading is no group of the list and the list is read as if it named none."""
    words = group.lower().split(" of ")[0].split()
    if not words or any(head is None for _, head in heads):
        return False
    noun = singular(words[-1])
    return all(
        head is not None and len(head[0].split()) <= 4 and not block.text[head[2] :].strip(" .;:")
        for block, head in heads
    ) or all(
        any(same_noun(noun, w) for w in _WORD.findall(head[0].lower()))
        for _, head in heads
        if head is not None
    )


def titled_by(ctx: ReadContext, first: Block, parent: Name, heading: str) -> bool:
    """Whether the list's lead-in paragraph or heading writes the whole's name (markdown aside),
    word by word: "art" is written in "Modern art" and "Arts of Asia", not in "Charts and maps"
    or "parts" (a letter match took those for titles of the prompt's whole)."""
    lead = ctx.doc.lead_of(first)
    title = f"{paragraph_text(ctx.doc.source, lead) if lead is not None else ''} {heading}"
    name = _WORD.findall(parent.text.lower())
    words = _WORD.findall(title.lower())
    return bool(name) and any(
        all(same_noun(a, b) for a, b in zip(name, words[i : i + len(name)], strict=True))
        for i in range(len(words) - len(name) + 1)
    )


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


#: a second question's opening left at the end of a prompt's whole ("What are the parts of a
#: flower and what are their functions?" gives "flower and what"; "… of a flower or which …"
#: gives "flower or"): the coordinator and a question word, or a bare coordinator at the end
_SECOND_QUESTION = re.compile(
    r"(?i)\s*,?\s+(?:and|or)(?:\s+(?:what|how|why|which|where|when|who|whose)\b.*)?$"
)


def first_question(whole: str) -> str:
    """A prompt's whole without the opening of a second question joined to it ("flower and
    what" → "flower", "flower or" → "flower"): a whole never ends in a coordinator or a question
    word, and "and" inside a name ("bread and butter pudding") stays."""
    return _SECOND_QUESTION.sub("", whole)


def prompt_whole(ctx: ReadContext, block: Block) -> Name | None:
    """The whole the prompt names, cut before a second question (:func:`first_question`); only a
    whole the prompt already names is cut, so no prompt gains one."""
    whole = lead_parent(ctx, block, ctx.prompt)
    if whole is None:
        return None
    cut = clean_name(first_question(whole.text))
    return replace(whole, text=cut) if cut and cut != whole.text else whole


def prompt_names(ctx: ReadContext, block: Block, parent: Name) -> bool:
    """Whether a whole is the prompt's own ("the main parts of a eukaryotic cell") or names its
    noun ("Baleen whales" for "What kinds of whales are there?"): its head word, the last word
    before a preposition, is a word of the prompt (plural or singular)."""
    whole = prompt_whole(ctx, block)
    if whole is not None and whole.text.lower() == parent.text.lower():
        return True
    head = re.split(r"\s+(?:of|by|for|in|on|at|with|from|to)\s+", parent.text.lower())[0].split()
    words = {singular(w) for w in re.findall(r"[\w'\-]+", ctx.prompt.lower())}
    return bool(head) and singular(head[-1]) in words


_EVALUATIVE = frozenset(
    [
        "notable",
        "famous",
        "key",
        "major",
        "popular",
        "best",
        "top",
        "selected",
        "other",
        "related",
        "recommended",
        "important",
        "main",
        "well-known",
        "classic",
        "iconic",
        "greatest",
        "favourite",
        "favorite",
        "essential",
        "must-see",
        "useful",
        "common",
    ]
)


_COUNTED_TITLE = re.compile(
    r"^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?=[A-Z])"
)


def group_title(
    items: list[Block],
    heads: list[tuple[Block, tuple[str, int, int] | None]],
    lead: str,
    heading: str,
) -> Name | None:
    """ "**Inner planets**" or "### Gas giants" over a list of proper names: the title names the
    group they are members of.  Only a plain plural noun phrase ("Notable albums", "Key figures"
    are a selection, not a group) over short capitalised names with no gloss.  A one-word title
    is read case aside: written alone it is capitalised ("**Forwards**", "**Woodwinds**"), and it
    names the group as a two-word one does (seventeenth session: devtrain +3 right, 0 wrong)."""
    title = title_name(lead) if lead else title_name(heading) if heading else None
    if title is None or (lead and not lead.rstrip().endswith(":") and len(lead.split()) > 4):
        return None
    # "The five Great Lakes are:": a count before a group's proper name counts, it names nothing
    title = _COUNTED_TITLE.sub("", title)
    words = title.split()
    last = words[-1]
    proper = len(words) > 1 and all(w[:1].isupper() for w in words)  # "Great Lakes"
    if (
        len(words) > 4
        or words[0].lower() in _EVALUATIVE
        or not re.fullmatch(
            r"[a-z][\w\-]*[^s]s", last.lower() if len(words) == 1 or proper else last
        )
        or re.search(r"\d", title)
    ):
        return None
    names = [h[0] for b, h in heads if h is not None and b.role == "list_item"]
    if len(names) < 2 or len(names) != len(items):
        return None
    if not all(n[:1].isupper() and len(n.split()) <= 4 for n in names):
        return None
    if any(len(b.text.split()) > 6 for b in items):
        return None  # "Augustus (27 BC – AD 14) founded …": remarks about each, not a roster
    if (owned := _OWNED.match(title)) is not None:
        # "The UN's main bodies are:": the group is the owner's, whose parts or members they are
        return Name(clean_name(owned.group("o")))
    return Name(clean_name(title))


#: a group named by its owner, a proper name, with "'s" ("UN's main bodies", "NATO's members")
_OWNED = re.compile(r"^(?P<o>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['’]s?\s+\S")


def named_heading(
    ctx: ReadContext,
    items: list[Block],
    heads: list[tuple[Block, tuple[str, int, int] | None]],
    lead: str,
    heading: str,
) -> Name | None:
    """ "### Day one" over "1. 100 metres", "2. Long jump", …: a heading that names one thing
    (no kind word, no clause, no topic word such as "Overview") right over a list of bare
    names — short items with no key, gloss or sentence — names the group they are members of
    (seventeenth session, devtrain: 10 right, 0 wrong).  A list with a gloss, a key ("Kingdom:
    Animalia") or an indefinite item ("a 2012 single") says something of the heading's thing
    instead, and two items are too few to tell."""
    if lead or not heading or CLAUSE_HEADING.match(heading) or len(items) < 3:
        return None
    title = title_name(heading)
    if title is None or kind_of(heading) is not None or ":" in heading:
        return None
    for block, head in heads:
        text = block.text.strip()
        if (
            head is None
            or block.role != "list_item"
            or block.key is not None
            or len(text.split()) > 5
            or text.endswith((".", ":", "!", "?"))
            or re.match(r"(?i)(?:a|an)\s", text)  # "a 2012 single": a remark, not a name
            or head[0] != clean_name(text)
        ):
            return None
    return resolve(ctx, items[0], title)
