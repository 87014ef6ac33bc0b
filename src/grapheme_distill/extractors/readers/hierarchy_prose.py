"""Structure stated in running prose → hierarchy edges.

Answers state structure in sentences as often as in lists: "A computer is made up of a processor,
memory and storage", "The brain is divided into the cerebrum, the cerebellum and the brainstem",
"Common types of renewable energy include solar, wind and hydro", "A sonnet is a type of poem",
"Lions and tigers both belong to the genus Panthera", "the family Ursidae, which includes pandas
and polar bears", "The album's tracks: A, B and C", "The heptathlon has seven events: A, B, …".
Each form names the relation and which side is the whole (:mod:`.phrases` decides the relation
from the verb or kind noun, as for lists).  Only lists of short names become children — "X
includes a wide range of services that …" is a sentence, not a list — so a verb alone never makes
an edge.  Hearst's "such as" is :mod:`.hierarchy_hearst`; what every construction shares
(the whole, the list of names, the edge) is :mod:`.hierarchy_prose_common`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import PERSON_HEAD
from grapheme_distill.extractors.readers.hierarchy_groups import read_groups
from grapheme_distill.extractors.readers.hierarchy_hearst import hearst
from grapheme_distill.extractors.readers.hierarchy_prose_common import (
    COUNT_WORD_RE,
    MEMBER_MODIFIERS,
    NP,
    antecedent,
    counted_names,
    edge,
    number,
    stated_children,
    subject,
)
from grapheme_distill.extractors.readers.phrases import (
    ADVERB,
    kind_of,
    lead_parent,
    name_list,
    not_structure,
    resolve,
)
from grapheme_distill.extractors.readers.ranked_names import TAXON_RANK, is_taxon
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["read_prose_hierarchy"]

_VERBS: list[tuple[HierarchyKind, str]] = [
    (
        HierarchyKind.PART_OF,
        r"consists? of|consisted of|(?:(?:is|are|was|were)\s+)?(?:made up of|composed of)|"
        r"comprises?|comprised|(?:is|are|was|were|can be) (?:sub)?divided into|"
        r"(?:is|are|was|were|can be) split into|(?:is|are) organi[sz]ed into|(?:is|are) formed by",
    ),
    (HierarchyKind.SUBCLASS_OF, r"falls? into|(?:is|are|can be) (?:classified|grouped) into"),
    (HierarchyKind.CONTAINS, r"includes?|included|contains?|contained"),
]
_STATED = [
    (
        kind,
        re.compile(rf"^(?P<x>{NP})\s+(?:{ADVERB}\s+|also\s+|both\s+)?(?:{verbs})\s+(?P<list>.+)$"),
    )
    for kind, verbs in _VERBS
    # "X includes A, B and C" is read by the clause reader from the parse (its subject is the
    # parse's, not the first six words); read here too, it gave only false pairs on unseen answers
    if kind is not HierarchyKind.CONTAINS
]
_RELATIVE = re.compile(
    rf"(?P<before>.+?),\s+which\s+(?:also\s+|now\s+)?(?P<v>{_VERBS[0][1]}|{_VERBS[2][1]})\s+"
    r"(?P<list>.+)$"
)
# "Types of X include A, B and C", "The founding members of NATO included A, B and C": the kind
# word's whole, then its names; a past tense ("included", "ranged from") and a membership
# adjective ("founding", "original", "permanent") read as the present and the bare noun do
_KINDS_INCLUDE = re.compile(
    r"^(?:the\s+)?(?:(?:main|major|common|most common|principal|key|different|notable|well-known|"
    r"popular|famous|other|founding|founder|original|current|full|permanent|associate|core)\s+)*"
    r"(?P<k>types|kinds|forms|varieties|examples|categories|classes|"
    r"species|breeds|branches|members|parts|components)\s+of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<x>[\w'’\- ]{2,50}?)\s+(?:include|includes|included|are|were|range from|ranged from)\s+"
    r"(?P<list>.+)$",
    re.IGNORECASE,
)
_IS_KIND_OF = re.compile(
    r"^(?P<a>[\w'’\-]+(?:(?:\s+|,\s+|,?\s+and\s+)[\w'’\-]+){0,9}?)\s+(?:is|are|was|were)\s+"
    r"(?:also\s+|actually\s+|essentially\s+|all\s+|both\s+)?"
    r"(?:one of (?:the\s+)?(?:\w+\s+)?|a|an|one|the)?\s*(?:(?:main|major|common|specific|particular|special|distinct|"
    # a membership adjective ("are founding members of", "is a permanent member of", "an
    # integral part of"): the relation is still the noun's
    r"separate|founding|founder|original|permanent|non-permanent|associate|full|current|"
    r"integral)\s+)?(?P<k>type|kind|form|class|subclass|subtype|variety|species|subspecies|breed|"
    r"genus|branch|member|part|component|subset|category|style|genre|subgenre|sort|division|"
    r"subfield|field)s?\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<y>[^,;:.()]{2,60})"
)
# "NATO and of the European Economic Area", "the UN and the WTO": two named groups after "of"
_TWO_GROUPS = re.compile(
    r"^(?P<a>[A-Z][\w'’\-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’\-]*))*?)\s+and\s+(?:of\s+)?"
    r"(?:the\s+)?(?P<b>[A-Z][\w'’\-]*(?:\s+(?:of|the|for|[A-Z][\w'’\-]*))*)"
)
_BELONG = re.compile(
    r"^(?P<list>.+?)\s+(?:both\s+|all\s+|also\s+)?(?:belongs?|belonged)\s+to\s+(?:the\s+)?"
    r"(?P<y>[^,;:.()]{2,60})"
)
#: whom a thing belongs to as its owner, not a class it is a member of: a person ("the money
#: belongs to the child", "the land belonged to the farmer"; a lower-case noun whose head is a
#: person's, ``genus.PERSON_HEAD``) or a pronoun ("it belongs to you").  A class is a name, a rank
#: or a group ("the genus Panthera", "the bear family", "NATO", "the nightshades")
_OWNER = re.compile(
    rf"^(?:(?:the|a|an|its|their|his|her|your|our|my)\s+)?(?:[a-z][\w'’\-]*\s+){{0,3}}"
    rf"(?=[a-z])(?!\w+ians?$){PERSON_HEAD.pattern}(?<!s)$"
    r"|^(?:you|him|her|them|me|us|whoever|someone|somebody|everyone|everybody|nobody|no one)$"
)
#: a sentence adverb between a name and its verb ("Canidae in turn belongs to …", "The potato,
#: too, belongs to …"): no part of the name
_ADVERB_TAIL = re.compile(r"(?i),?\s+(?:in turn|too|itself|themselves|as well),?\s*$")
#: a modifier fronted before the subject and its comma ("Genetically, owls belong to …", "In
#: taxonomy, owls …", "Like all cats, lions …", "Today, A and B are members of …"): it says how or
#: when the sentence holds and names no child.  An "-ly" word of five letters or fewer may be a
#: name ("Kelly, Ann and Bob")
_FRONTED = re.compile(
    rf"^(?:(?=[A-Za-z]{{6,}}ly\b){ADVERB}(?:\s+speaking)?|today|now|of (?:these|those|them)|"
    r"(?:in|like|unlike|among|as|within|for|from|by|under|since|after|before|during|despite|"
    r"apart from|besides)\s+[^,]{1,40}),\s+(?=\S)",
    re.IGNORECASE,
)
# "Bats are mammals, not birds", "Whales and dolphins are mammals": classes of a class
_ARE_CLASS = re.compile(
    r"^(?P<list>(?:the\s+)?[a-z][\w\-]*s(?:(?:,\s+|\s+and\s+)(?:the\s+)?[a-z][\w\-]*s){0,4})\s+"
    r"are\s+(?:all\s+|also\s+|actually\s+|true\s+)?(?P<y>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?s)"
    r"(?:,\s+not\s+.*|,?\s+(?:that|which|too|so|because|meaning)\b.*)?$",
    re.IGNORECASE,
)
_MEMBER_ADJ = MEMBER_MODIFIERS
# "Belgium, the Netherlands and Luxembourg are its members": the list, then whose members
_ARE_MEMBERS = re.compile(
    rf"^(?P<list>.+?)\s+(?:are|were)\s+(?:all\s+|also\s+)?(?P<p>its|their|the)\s+{_MEMBER_ADJ}"
    r"members$",
    re.IGNORECASE,
)
# "The founding members were A, B and C": the members of the section's subject
_MEMBERS_ARE = re.compile(
    rf"^(?:the|its|their)\s+{_MEMBER_ADJ}members\s+(?:are|were|included?)\s+(?P<list>.+)$",
    re.IGNORECASE,
)
# "The Galilean moons are Io, Europa, Ganymede and Callisto": a named group, then its names
_GROUP_ARE = re.compile(
    r"^The\s+(?P<g>(?:[\w\-]+\s+){1,3}[a-z][\w\-]*s)\s+(?:are|were)\s+(?P<list>[A-Z].+)$"
)
# "a class of drugs called biguanides": the class is the name after "called"
_CALLED = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:class|group|family|category|type|kind|set|genus|order)\s+of\s+"
    r"[\w\-]+(?:\s+[\w\-]+){0,2}?\s+(?:called|known as|named)\s+(?P<y>.+)$",
    re.IGNORECASE,
)
# Hearst's pattern: "bulk cargo such as coal, iron ore and grain", "a crane such as the X"
_ADVERB_CUT = re.compile(r"\s+(?:also|now|then|still|often|usually|generally|typically)\s+")
_QUANTIFIED = re.compile(
    r"(?i)^(?:most|many|some|all|few|several|these|those|they|there|both|other|such)\b"
)
_COLON_LIST = re.compile(r"^(?P<lead>[^:]{3,60}):\s+(?P<list>[^:]+)$")
#: a clause after the colon, not a list of names: a noun and then a finite verb with its object
#: ("call and response: the brass plays a phrase and the saxes answer", "roles: the conductor
#: leads the players") — the first noun (with its article) and a verb in -s or -ed before an
#: article or a possessive
_CLAUSE_AFTER = re.compile(
    r"^(?:(?:the|a|an|each|every|one)\s+)?[\w'’\-]+\s+(?:[a-z]+(?:s|ed))\s+"
    r"(?:the|a|an|its|their|his|her|each|every|another)\s"
)
_RANKS = re.compile(
    r"^(?:(?:super|sub|infra|par)?(?:kingdom|phylum|class|order|family|genus|tribe|group|"
    r"division|clade))\s+(?=[A-Z*])",
    re.IGNORECASE,
)
#: a taxonomic rank ending a noun phrase ("the bear family", "a separate subclass")
_RANK_END = re.compile(rf"(?i)\b{TAXON_RANK}\s*$")
_Y_TAIL = re.compile(
    r"\s+(?:that|which|who|where|with|in which|used|known|called|too|also|as well|and|but|from|"
    r"because|since|found|native|whose)\b.*$",
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


def _class_name(y: str) -> str:
    """ "class of drugs called biguanides" → "biguanides"; any other class phrase as it is."""
    m = _CALLED.match(y.strip())
    return clean_name(m.group("y")) if m is not None else y


# "The cello belongs to the string family, and the oboe is a member of the woodwind family":
# two clauses, each stating its own structure (a list's ", and C" is no clause: no verb follows)
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas)\s+(?=(?:the\s+|a\s+|an\s+)?[\w'’\-]+(?:\s+[\w'’\-]+){0,3}"
    r"\s+(?:is|are|was|were|belongs?|belonged|consists?|comprises?|falls?)\b)"
)


# "Section 75 of the Consumer Credit Act 1974", "Law 11 of the Laws of the Game": a numbered
# division of a named text is part of it
_NUMBERED_PART = re.compile(
    r"\b(?P<c>(?:Section|Article|Chapter|Part|Clause|Law|Title|Schedule|Book|Volume|Amendment|"
    r"Paragraph|Canto|Movement|Verse|Rule)\s+(?:\d+[A-Za-z]?|[IVXLC]+))\s+of\s+(?:the\s+)?"
    r"(?P<w>[A-Z][\w'’\-]*(?:\s+(?:of|the|and|for|on|[A-Z][\w'’\-]*|\d{4}))*)"
)


def _numbered_parts(block: Block, sent: Sentence) -> Iterator[Fact]:
    for m in _NUMBERED_PART.finditer(sent.text):
        whole = re.sub(r"(?:\s+(?:of|the|and|for|on))+$", "", m.group("w"))
        if fact := edge(
            block, sent, "prose.numbered_part", Name(whole), m.group("c"), HierarchyKind.PART_OF
        ):
            yield fact


# "The heptathlon has seven events: A, B, …", "Indian music has two main traditions: A and B",
# "… the heptathlon, which has seven events: A, B, …": a whole that has a counted set of things,
# then their names after the colon, a comma or a dash ("The Nile has two major tributaries, the
# White Nile and the Blue Nile", "… three parts — A, B and C").  The count, and names as many as
# it counts, mark the list as the whole's own, whatever the noun ("events", "traditions",
# "centres" name no kind :func:`.phrases.kind_of` knows)
_HAS_COUNTED = re.compile(
    rf"(?:^(?P<x>{NP})|(?P<before>.+?),\s+which)\s+(?:{ADVERB}\s+|also\s+|now\s+)?"
    rf"(?:has|have|had)\s+(?:only\s+|exactly\s+|just\s+)?(?P<n>{COUNT_WORD_RE})\s+"
    r"(?P<k>(?:[\w\-]+\s+){0,2}?[a-z][\w\-]*s)\s*(?::|,|\s[\u2013\u2014])\s+(?P<list>.+)$",
    re.IGNORECASE,
)
# "in the heptathlon instead": words after the antecedent that are no part of its name
_TRAILING_ADVERB = re.compile(r"(?i)\s+(?:instead|too|also|now|today|then|again|though)$")


def _has_counted(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    """The names a whole is said to have a counted number of (:data:`_HAS_COUNTED`)."""
    if block.role == "glossary" or not any(c in sent.text for c in ":,\u2013\u2014"):
        return
    m = _HAS_COUNTED.search(sent.text.rstrip(".!"))
    if m is None or not_structure(m.group("k")) or _CLAUSE_AFTER.match(m.group("list")):
        return  # "two roles: the soloist improvises a line and …": a clause, no names
    names = counted_names(m.group("list"))
    if len(names) < 2 or len(names) != number(m.group("n")):
        return  # the names must be all the whole has: as many as it counts
    if m.group("x") is not None:
        parent = subject(ctx, block, m.group("x"))
    else:
        parent = antecedent(_TRAILING_ADVERB.sub("", m.group("before")))
    yield from _counted_edges(block, sent, parent, m.group("k"), names)


def _counted_edges(
    block: Block, sent: Sentence, parent: Name | None, noun: str, names: list[str]
) -> Iterator[Fact]:
    """The edges from a whole to the counted names it has, the relation as the noun says."""
    if parent is None:
        return
    kind = kind_of(noun) or HierarchyKind.PART_OF
    for child in names:
        if fact := edge(block, sent, "prose.has_counted", parent, child, kind):
            yield fact


# "The UN has six principal organs. They are A, B, …": the count, then the names in the next
# sentence, which opens with the pronoun for them
_COUNTED_ALONE = re.compile(
    rf"^(?P<x>{NP})\s+(?:{ADVERB}\s+|also\s+|now\s+)?(?:has|have|had)\s+(?:only\s+|exactly\s+)?"
    rf"(?P<n>{COUNT_WORD_RE})\s+(?P<k>(?:[\w\-]+\s+){{0,2}}?[a-z][\w\-]*s)$",
    re.IGNORECASE,
)
#: a word that describes rather than names: an adverb or a common adjective ending
_DESCRIPTIVE = re.compile(
    r"(?i)^(?:very|quite|so|too|really|rather|extremely|fairly|\w+ly)\b|(?:ful|ous|ive|able|ible|less|ish)$"
)
_THEY_ARE = re.compile(r"^(?:They|These|Those)\s+(?:are|were|include)\s+(?P<list>.+)$")


def _counted_then_named(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    """ "X has N Ys. They are A, B, …": the names of the sentence after a counted set, as many as
    it counts, are the whole's (as "X has N Ys: A, B, …" are)."""
    if block.role == "glossary" or (they := _THEY_ARE.match(sent.text.rstrip(".!"))) is None:
        return
    before = [s for s in ctx.sentences(block) if s.end <= sent.start]
    m = _COUNTED_ALONE.match(before[-1].text.rstrip(".!")) if before else None
    if m is None or not_structure(m.group("k")):
        return
    names = counted_names(they.group("list"))
    if len(names) < 2 or len(names) != number(m.group("n")):
        return
    if any(_DESCRIPTIVE.search(n) for n in names):
        return  # "Sam has two dogs. They are very friendly and playful.": what they are like
    yield from _counted_edges(block, sent, subject(ctx, block, m.group("x")), m.group("k"), names)


def _sentence(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    yield from hearst(ctx, block, sent)
    if sent.text.startswith(_EXAMPLES_OPEN):
        yield from _examples(block, sent)
    yield from _numbered_parts(block, sent)
    yield from _called_list(block, sent)
    yield from _has_counted(ctx, block, sent)
    if sent.text.startswith("Th"):
        yield from _counted_then_named(ctx, block, sent)
    for clause in _CLAUSE_BREAK.split(sent.text.rstrip(".!")):
        yield from _stated(ctx, block, sent, clause)
        yield from read_groups(ctx, block, sent, clause)


#: the words "Examples include …" may open on ("Some examples are …", "Well-known examples …")
_EXAMPLE_QUALIFIERS = (
    "Some",
    "Common",
    "Typical",
    "Familiar",
    "Well-known",
    "Famous",
    "Notable",
    "Good",
    "Classic",
)
#: "Examples include A, B and C" with no "of X": the examples of what the block's key names
_EXAMPLES = re.compile(
    rf"^(?:(?:{'|'.join(_EXAMPLE_QUALIFIERS)})\s+)?examples\s+(?:include|are)\s+(?P<list>.+)$",
    re.IGNORECASE,
)
#: the words such a sentence opens with: a cheap test before the pattern
_EXAMPLES_OPEN = ("Examples", *(w.split("-")[0] for w in _EXAMPLE_QUALIFIERS))


def _examples(block: Block, sent: Sentence) -> Iterator[Fact]:
    """ "**Sedimentary rock**: rock made from sediment … Examples include sandstone, limestone
    and shale": examples with no "of X" are the examples of what the key of their item or
    key-value line names (a bold key over its gloss, a short name); kinds when they are common
    nouns, members when they are names.  Elsewhere the class is left unread (the paragraph's
    subject is not sure)."""
    m = _EXAMPLES.match(sent.text.rstrip(".!"))
    if m is None or block.key is None or block.role not in ("key_value", "glossary"):
        return
    if sent.start < block.key[1]:
        return
    whole = clean_name(block.key_text())
    children = stated_children(m.group("list"))
    if not whole or len(whole.split()) > 4 or not whole[:1].isupper() or not children:
        return
    names = all(c[:1].isupper() for c in children)
    kind = HierarchyKind.MEMBER_OF if names else HierarchyKind.SUBCLASS_OF
    for child in children:
        if fact := edge(block, sent, "prose.examples", Name(whole), child, kind):
            yield fact


def _stated(ctx: ReadContext, block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
    if (m := _KINDS_INCLUDE.match(text)) is not None:
        children = stated_children(m.group("list"))
        kind = kind_of(m.group("k")) or HierarchyKind.SUBCLASS_OF
        if m.group("k").lower() == "examples":
            kind = HierarchyKind.MEMBER_OF
        parent = resolve(ctx, block, m.group("x")) if children else None
        if parent is not None and children:
            for child in children:
                if fact := edge(block, sent, "prose.kinds_include", parent, child, kind):
                    yield fact
        return
    if (m := _MAKE_UP.match(text)) is not None:
        yield from _made_up(block, sent, m)
        return
    for kind, pattern in _STATED:
        m = pattern.match(text)
        if m is None:
            continue
        children = stated_children(m.group("list"))
        if not_structure(m.group("x")):
            return  # "Common symptoms include fever and cough": remarks, not parts
        # "A triathlon is a race made up of …": the subject, not its class, is the whole
        x = re.sub(r"\s+(?:is|are)\s+(?:an?\s+)?[\w\-]+$", "", m.group("x"))
        parent = subject(ctx, block, x) if children else None
        if parent is not None and children:
            for child in children:
                if fact := edge(block, sent, f"prose.{kind.value}", parent, child, kind):
                    yield fact
        return
    if (m := _RELATIVE.match(text)) is not None:
        # "It is a member of the genus Canis, which also includes coyotes": both clauses state
        yield from _stated(ctx, block, sent, m.group("before"))
        children = stated_children(m.group("list"))
        parent = antecedent(m.group("before")) if children else None
        if parent is not None and children:
            # "the genus Canis, which also includes …", "the Bombycidae, which includes …": a
            # taxon's children are its subclasses (the conventions' rule for taxonomy)
            ranked = _RANKED_CHILDREN.search(m.group("before")[-40:]) or is_taxon(parent.text)
            kind = kind_of(m.group("v")) or HierarchyKind.CONTAINS
            if ranked and kind is HierarchyKind.CONTAINS:
                kind = HierarchyKind.SUBCLASS_OF
            for child in children:
                if fact := edge(block, sent, "prose.which", parent, child, kind):
                    yield fact
        return
    if (m := _IS_KIND_OF.match(text)) is not None:
        y = _RANKS.sub("", _Y_TAIL.sub("", m.group("y")).strip())
        kind = kind_of(m.group("k")) or HierarchyKind.SUBCLASS_OF
        if m.group("k").lower() in ("member",):
            kind = HierarchyKind.MEMBER_OF
        parent_name = clean_name(y)
        a = _FRONTED.sub("", m.group("a"))
        listed = name_list(a)  # "Lions, tigers and leopards are all members of …"
        named = subject(ctx, block, a, classed=True) if listed is None else None
        children = listed or ([named.text] if named is not None else [])
        parents = [parent_name]
        if kind is HierarchyKind.MEMBER_OF and (two := _TWO_GROUPS.match(m.group("y"))):
            # "Iceland is a member of NATO and of the EEA": a member of each named group
            parents = [clean_name(two.group("a")), clean_name(_Y_TAIL.sub("", two.group("b")))]
        for whole in parents:
            if whole and len(whole.split()) <= 5:
                for child in children:
                    fact = edge(block, sent, "prose.kind_of", Name(whole), child, kind)
                    if fact is not None:
                        yield fact
        return
    if (m := _BELONG.match(text)) is not None:
        if _OWNER.match(m.group("y").strip()):
            return  # "the money belongs to the child": an owner, not a class
        y = _class_name(m.group("y"))
        y = clean_name(_RANKS.sub("", _Y_TAIL.sub("", y).strip()))
        y = re.sub(r"\s+(?:group|category)$", "", y)
        apposed = re.match(r",\s+\*{0,3}([A-Z][\w\-]+)\b", text[m.end("y") :])
        if re.match(r"(?:same|different|separate|distinct|own)\s", y.lower()):
            # "A and B belong to the same genus, *Solanum*", "Hawks belong to a different order,
            # **Accipitriformes**": the name after the comma
            y = apposed.group(1) if apposed is not None else ""
        elif apposed is not None and _RANK_END.search(m.group("y")):
            # "the giant panda belongs to the bear family, Ursidae": the rank's own name, in
            # apposition after its description, is the class
            y = apposed.group(1)
        # "Canidae in turn belongs to …": a sentence adverb before the verb is no part of a name
        belonging = _FRONTED.sub("", _ADVERB_TAIL.sub("", m.group("list")))
        members = name_list(belonging) or []
        one = subject(ctx, block, belonging, classed=True) if not members else None
        if one is not None:
            members = [one.text]
        if y and len(y.split()) <= 5:
            for child in members:
                fact = edge(block, sent, "prose.belongs", Name(y), child, HierarchyKind.MEMBER_OF)
                if fact:
                    yield fact
        return
    if (group := _members(ctx, block, text)) is not None:
        for child in group[1]:
            fact = edge(block, sent, "prose.members", group[0], child, HierarchyKind.MEMBER_OF)
            if fact is not None:
                yield fact
        return
    if (m := _ARE_CLASS.match(text)) is not None and not _QUANTIFIED.match(text):
        classes = name_list(m.group("list")) or [clean_name(m.group("list"))]
        for child in classes:
            fact = edge(
                block, sent, "prose.are_class", Name(m.group("y")), child, HierarchyKind.SUBCLASS_OF
            )
            if fact is not None:
                yield fact
        return
    if (m := _COLON_LIST.match(text)) is not None and block.role != "glossary":
        lead = m.group("lead")
        colon_kind = kind_of(lead)
        children = name_list(m.group("list"), max_words=5)
        if (
            colon_kind is None
            or not children
            or not_structure(lead)
            or _CLAUSE_AFTER.match(m.group("list"))
        ):
            return
        parent = lead_parent(ctx, block, lead) or ctx.section_subject(block)
        if parent is not None and (cut := _ADVERB_CUT.split(parent.text)[0]) != parent.text:
            parent = Name(cut)  # "Singers also take part: …" names the singers, not "… take"
        if parent is not None:
            for child in children:
                if fact := edge(
                    block, sent, f"prose.colon.{colon_kind.value}", parent, child, colon_kind
                ):
                    yield fact


# "four moons, now called the Galilean moons: Io, Europa, …", "These changeovers are called
# transitions: T1 and T2", "a so-called dual mandate: maximum employment and stable prices", "A
# mixed choir is SATB: soprano, alto, …": the group is named just before the colon, its members
# after it (devtrain: 12 pairs in 4 answers, all gold)
_CALLED_LIST = re.compile(
    r"(?:\b(?:called|known as|so-called|named|termed|dubbed)\s+(?:the\s+)?"
    r"(?!(?:after|for|by|in|on|from)\b)(?P<y>[\w'’\-]+(?:\s+[\w'’\-]+){0,3})"
    r"|\b(?:is|are)\s+(?:the\s+)?(?P<z>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}))"
    r"\s*:\s+(?P<list>[^:]+)$"
)


def _called_list(block: Block, sent: Sentence) -> Iterator[Fact]:
    """The members a sentence lists after the name it gives their group (:data:`_CALLED_LIST`)."""
    if block.role == "glossary" or ":" not in sent.text:
        return
    m = _CALLED_LIST.search(re.sub(r"[*_`]", "", sent.text).strip().rstrip(".!"))
    names = name_list(m.group("list"), max_words=4) if m is not None else None
    if m is None or not names or len(names) < 2:
        return
    group = clean_name(m.group("y") or m.group("z"))
    kind = kind_of(group) or HierarchyKind.MEMBER_OF
    for child in names:
        if fact := edge(block, sent, "prose.called_list", Name(group), child, kind):
            yield fact


# "Together, the scheme, host and port make up the origin", "Butterflies and moths together make
# up the order Lepidoptera": the parts or classes come first, the whole after "the"
_MAKE_UP = re.compile(
    r"^(?:(?:together|within it|in turn|collectively),?\s+)?(?P<list>.+?)\s+"
    r"(?:together\s+|jointly\s+|collectively\s+)?(?:make up|made up|form|formed|constitute|"
    r"constituted|compose|composed)\s+the\s+(?:(?:wider|larger|whole|broader|entire)\s+)?"
    r"(?P<rank>(?:super|sub|infra)?(?:order|family|class|genus|phylum|kingdom)\s+)?"
    r"(?P<x>[^,;:.()]{2,50})",
    re.IGNORECASE,
)


def _made_up(block: Block, sent: Sentence, m: re.Match[str]) -> Iterator[Fact]:
    names = name_list(m.group("list"))
    whole = clean_name(_Y_TAIL.sub("", re.split(r"\s+(?:of|in|on|for|by)\s+", m.group("x"))[0]))
    if not names or len(names) < 2 or not whole or len(whole.split()) > 4:
        return  # "It forms the basis of …": one subject is no list of parts
    kind = HierarchyKind.SUBCLASS_OF if m.group("rank") else HierarchyKind.PART_OF
    for child in names:
        if fact := edge(block, sent, f"prose.made_up.{kind.value}", Name(whole), child, kind):
            yield fact


def _members(ctx: ReadContext, block: Block, text: str) -> tuple[Name, list[str]] | None:
    """The whole and the named members of "A, B and C are its members", "The founding members
    were A, B and C" (the section's subject) or "The Galilean moons are A, B and C" (the group);
    the names must be proper names, so "The best years were 1998 and 2004" is no group."""
    parent: Name | None = None
    if (m := _ARE_MEMBERS.match(text)) is not None or (m := _MEMBERS_ARE.match(text)):
        parent = ctx.section_subject(block)
    elif (m := _GROUP_ARE.match(text)) is not None and kind_of(m.group("g")) is None:
        parent = Name(clean_name(m.group("g")))
    if parent is None or m is None:
        return None
    names = name_list(m.group("list"), max_words=5)
    if not names or len(names) < 2 or not all(n[:1].isupper() for n in names):
        return None
    return parent, names
