"""Structure stated in running prose → hierarchy edges.

Answers state structure in sentences as often as in lists: "A computer is made up of a processor,
memory and storage", "The brain is divided into the cerebrum, the cerebellum and the brainstem",
"Common types of renewable energy include solar, wind and hydro", "A sonnet is a type of poem",
"Lions and tigers both belong to the genus Panthera", "the family Ursidae, which includes pandas
and polar bears", "The album's tracks: A, B and C", "The heptathlon has seven events: A, B, …".
Each form names the relation and which side is the whole (:mod:`.phrases` decides the relation
from the verb or kind noun, as for lists).  Only lists of short names become children — "X
includes a wide range of services that …" is a sentence, not a list — so a verb alone never makes
an edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.hierarchy_children import COUNT_WORDS
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
        re.compile(rf"^(?P<x>{_NP})\s+(?:{ADVERB}\s+|also\s+|both\s+)?(?:{verbs})\s+(?P<list>.+)$"),
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
# "NATO and of the European Economic Area", "the UN and the WTO": two named groups after "of"
_TWO_GROUPS = re.compile(
    r"^(?P<a>[A-Z][\w'’\-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’\-]*))*?)\s+and\s+(?:of\s+)?"
    r"(?:the\s+)?(?P<b>[A-Z][\w'’\-]*(?:\s+(?:of|the|for|[A-Z][\w'’\-]*))*)"
)
_BELONG = re.compile(
    r"^(?P<list>.+?)\s+(?:both\s+|all\s+|also\s+)?(?:belongs?|belonged)\s+to\s+(?:the\s+)?"
    r"(?P<y>[^,;:.()]{2,60})"
)
# "Bats are mammals, not birds", "Whales and dolphins are mammals": classes of a class
_ARE_CLASS = re.compile(
    r"^(?P<list>(?:the\s+)?[a-z][\w\-]*s(?:(?:,\s+|\s+and\s+)(?:the\s+)?[a-z][\w\-]*s){0,4})\s+"
    r"are\s+(?:all\s+|also\s+|actually\s+|true\s+)?(?P<y>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?s)"
    r"(?:,\s+not\s+.*|,?\s+(?:that|which|too|so|because|meaning)\b.*)?$",
    re.IGNORECASE,
)
_MEMBER_ADJ = r"(?:(?:founding|founder|original|current|full|permanent|associate|core|other)\s+)?"
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
_HEARST = re.compile(
    r"(?P<before>[\w'’\- ]+?),?\s+(?:such as|e\.g\.,?|including|among them|namely)\s+"
    r"(?P<list>[^;:.()]+)"
)
#: the literal cue words :data:`_HEARST` needs, one of which every match contains
_HEARST_CUES = ("such as", "e.g.", "including", "among them", "namely")
_CLAUSE_VERB = re.compile(
    r",\s+(?:[a-z]{3,}ed|ran|went|became|made|took|fell|grew|won|lost|came|gave|left|began|"
    r"remains?|remained|proved|helped|failed)\b"
)
_COUNT = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|dozens of"
# a noun phrase whose head names children, not a whole ("member states", "main parts")
_KIND_HEAD = re.compile(
    r"(?:^|\s)(?:members|member states|member countries|member nations|parts|components|"
    r"departments|divisions|subsidiaries|constituent countries|founding members)$",
    re.IGNORECASE,
)
# verbs that take an object before "such as" ("use a tool such as …"), none a noun head
_COMMON_VERBS = frozenset(
    {
        "use",
        "uses",
        "used",
        "using",
        "include",
        "includes",
        "included",
        "contain",
        "contains",
        "have",
        "has",
        "had",
        "need",
        "needs",
        "carry",
        "carries",
        "produce",
        "produces",
        "make",
        "makes",
        "made",
        "find",
        "finds",
        "run",
        "runs",
        "support",
        "supports",
        "offer",
        "offers",
        "handle",
        "handles",
        "provide",
        "provides",
        "try",
        "add",
        "avoid",
        "eat",
        "take",
        "get",
        "buy",
        "choose",
        "consider",
        "play",
        "plays",
        "played",
        "cause",
        "causes",
        "caused",
        "is",
        "are",
        "was",
        "were",
        "be",
        "like",
        "see",
    }
)
# words that end the noun phrase before "such as" (read right to left)
_NP_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "to",
        "for",
        "by",
        "with",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "many",
        "some",
        "other",
        "various",
        "several",
        "most",
        "all",
        "few",
        "certain",
        "different",
        "also",
        "like",
        "from",
        "they",
        "it",
        "we",
        "you",
        "he",
        "she",
        "i",
        "this",
        "that",
        "these",
        "those",
        "via",
        "through",
        "across",
        "along",
        "into",
        "between",
        "within",
        "during",
    ]
)
_ADVERB_CUT = re.compile(r"\s+(?:also|now|then|still|often|usually|generally|typically)\s+")
_PRONOUN_WORDS = frozenset(["they", "it", "we", "you", "he", "she", "i"])
_GENERIC_HEADS = frozenset(
    {
        "things",
        "thing",
        "stuff",
        "items",
        "factors",
        "issues",
        "ways",
        "situations",
        "cases",
        "features",
        "aspects",
        "areas",
        "reasons",
        "activities",
        "tasks",
        "details",
        "options",
        "topics",
        "others",
        "ones",
        "something",
        "anything",
        "everything",
        "this",
        "that",
        "loads",
    }
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
    elif (far := _FAR_COUNTED.match(text)) is not None:
        # "three disciplines done back to back, always in the same order: swim, then bike, then
        # run": words between the counted noun and its colon; the names must be as many
        listed = _counted_names(re.sub(r"(?i)\bthen\s+", "", far.group("list")))
        return listed if len(listed) == _number(far.group("n")) else None
    text = re.split(r"\s+[\u2013\u2014]\s+|;|:\s+(?=[a-z])", text)[0]
    # "eight departments, including A and B": the names follow the cue, the noun counts them
    cue = re.match(r"^[^,]{1,60}?,?\s+(?:such as|including|among them|namely)\s+(?P<x>.+)$", text)
    if cue is not None:
        text = cue.group("x")
    text = re.split(r",\s+(?:which|who|that|each|all|both|as well as)\b", text)[0]
    # "The Local Group, which comprises A, B and C, is 10 million light-years across"
    text = re.split(r",\s+(?:is|are|was|were|has|have|had|lies|lie|spans?|covers?)\b", text)[0]
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


def _subject(ctx: ReadContext, block: Block, phrase: str, *, classed: bool = False) -> Name | None:
    """The whole (or, with ``classed``, the class) a clause's subject names.  A classed subject
    "the cello" ("The cello belongs to the string family") is that noun, not the section's
    subject, unless the subject's name ends with it ("the wolf" for the gray wolf)."""
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    phrase = re.split(r",\s+", phrase)[-1]
    phrase = re.sub(r"(?i)^(?:and|but|while|whereas|or)\s+", "", phrase)
    noun = re.fullmatch(r"(?i)the\s+([a-z][\w\-]*)", phrase.strip())
    section = ctx.section_subject(block)
    if (
        classed
        and noun is not None
        and section is not None
        and not section.text.lower().endswith(noun.group(1).lower().rstrip("s"))
    ):
        return Name(noun.group(1))
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


def _class_name(y: str) -> str:
    """ "class of drugs called biguanides" → "biguanides"; any other class phrase as it is."""
    m = _CALLED.match(y.strip())
    return clean_name(m.group("y")) if m is not None else y


def _hearst(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    """ "NP such as A, B and C" (Hearst, 1992): each name is a member of the noun phrase before
    it.  The noun phrase is a common noun — plural, or singular after "a"/"an" — and no generic
    word ("things such as …"); the names are a list of short names."""
    text = sent.text
    if not any(cue in text for cue in _HEARST_CUES):
        return  # (the pattern's lazy left part is tried at every offset: a sentence without
        # any of its cue words, nearly all of them, is ruled out at the cost of a substring scan)
    for m in _HEARST.finditer(text.rstrip(".!")):
        before = m.group("before").rstrip(" ,")
        words = before.split()
        if words and m.start() == 0 and words[0].lower() not in _COMMON_VERBS:
            words[0] = words[0][:1].lower() + words[0][1:]  # "Bulk cargo such as …" opens it
        tail: list[str] = []
        for w in reversed(words):
            if (
                w.lower() in _NP_STOP
                or w.lower() in _COMMON_VERBS
                or len(tail) == 3
                or not re.fullmatch(r"[a-z][\w'’\-]*", w)
            ):
                break
            tail.insert(0, w)
        subject = words[-len(tail) - 1] if tail and len(words) > len(tail) else ""
        if len(tail) > 1 and tail[0].endswith("ed") and subject.lower() in _PRONOUN_WORDS:
            tail.pop(0)  # "They signed treaties such as …": a verb after its subject
        if not tail or tail[-1].lower() in _GENERIC_HEADS:
            continue
        listed = re.split(
            r",?\s+(?:as well as|and other|and many|among others|which|who)\b", m.group("list")
        )[0]
        # "His later projects, such as the X, ran out of money": the aside ends at its verb
        listed = _CLAUSE_VERB.split(listed)[0]
        one = len(listed.split()) <= 4 and not re.search(r",|\band\b|\bor\b", listed)
        names = name_list(listed) or ([clean_name(listed)] if one else [])
        if "including" in m.group(0) and len(names) < 2:
            continue  # "…, including interest": a part of it, not an example
        # "a container runtime such as containerd", "a crane such as the Liebherr LHM 550": one
        # example of a singular class after "a"/"an" (eleventh session: devread +2 tp / +1 fp,
        # gate10 +1 tp, the eleventh batch unchanged; the fifth session's cut was unmeasured)
        single = subject.lower() in ("a", "an") and len(names) == 1
        if not single and not (tail[-1].endswith("s") and len(names) >= 2):
            # a class is a plural noun with two names or more ("mammals such as bats and
            # whales"); several names after a singular ("bulk cargo such as coal and grain") gave
            # mostly wrong pairs on unseen answers
            continue
        if len(tail) < 2 and len(words) > 1 and not single:
            # a bare plural ("companies such as Monsanto", "medicines such as propranolol",
            # "species such as …") is a word, not the class the answer files them under; with
            # its modifier ("payment systems", "inhaled corticosteroids"), or opening the sentence
            # ("Squamates, including geckos, …"), it is (devread 3 of 17 bare pairs right, 13 of
            # 19 modified)
            continue
        wholes = [(Name(" ".join(tail)), HierarchyKind.MEMBER_OF, "prose.such_as")]
        if _KIND_HEAD.search(" ".join(tail)):
            # "The EU has 27 member states, among them France": the noun names the children
            # (an edge to it is kept too); the whole is what has them
            rest = " ".join(words[: len(words) - len(tail)])
            rest = re.sub(
                rf"(?i)(?:\s+(?:\d[\d,]*|{_COUNT}|the|its|their|many|several|some))+$", "", rest
            )
            whole = lead_parent(ctx, block, rest) if rest else None
            if whole is not None:
                kind = kind_of(" ".join(tail)) or HierarchyKind.MEMBER_OF
                wholes.append((whole, kind, "prose.such_as.whole"))
        for parent, kind, construction in wholes:
            for child in names:
                if not child or child.lower() in _GENERIC_HEADS or child.lower() in _NP_STOP:
                    continue
                if fact := _edge(block, sent, construction, parent, child, kind):
                    yield fact


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
        if fact := _edge(
            block, sent, "prose.numbered_part", Name(whole), m.group("c"), HierarchyKind.PART_OF
        ):
            yield fact


# "The heptathlon has seven events: A, B, …", "Indian music has two main traditions: A and B",
# "… the heptathlon, which has seven events: A, B, …": a whole that has a counted set of things,
# then their names after the colon.  The count and the colon mark the list as the whole's own,
# whatever the noun ("events", "traditions", "centres" name no kind :func:`.phrases.kind_of` knows)
_COUNT_WORD = rf"\d+|{'|'.join(COUNT_WORDS)}"
_HAS_COUNTED = re.compile(
    rf"(?:^(?P<x>{_NP})|(?P<before>.+?),\s+which)\s+(?:{ADVERB}\s+|also\s+|now\s+)?"
    rf"(?:has|have|had)\s+(?:only\s+|exactly\s+|just\s+)?(?P<n>{_COUNT_WORD})\s+"
    r"(?P<k>(?:[\w\-]+\s+){0,2}?[a-z][\w\-]*s)\s*:\s+(?P<list>.+)$",
    re.IGNORECASE,
)
# a count, its noun and up to a dozen more words before the colon that opens the names
_FAR_COUNTED = re.compile(
    rf"^(?P<n>{_COUNT_WORD})\s+[a-z][\w\-]*s\b[^:;]{{0,80}}:\s+(?P<list>[^:]+)$", re.IGNORECASE
)
# "in the heptathlon instead": words after the antecedent that are no part of its name
_TRAILING_ADVERB = re.compile(r"(?i)\s+(?:instead|too|also|now|today|then|again|though)$")


# "Hindustani music of the north", "200 m on the first day": a place or time after a name
_NAME_TAIL = re.compile(
    r"\s+(?:of|on|in|at|from|for|during)\s+the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?$"
)
# the separators of a counted list; unlike :func:`.phrases.name_list`, a number opening a name is
# kept ("100 m hurdles", "800 m": an event is named by its distance)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")


def _counted_names(text: str) -> list[str]:
    """The short names of a counted list, a number kept ("100 m hurdles") and a trailing place or
    time dropped ("Carnatic music of the south"); a part that is no short name is left out."""
    text = re.split(r"[;.!?]\s|\s[\u2013\u2014]\s", re.sub(r"\s*\([^()]*\)", "", text) + " ")[0]
    text = re.split(r",\s+(?:which|who|where|while|but|so)\b", text)[0]
    names = []
    for raw in _NAME_SPLIT.split(text.strip()):
        name = clean_name(_NAME_TAIL.sub("", raw.strip()))
        if (
            name
            and len(name.split()) <= 4
            and not re.search(r"(?i)\b(?:is|are|was|were|has|have)\b", name)
        ):
            names.append(name)
    return names


def _number(word: str) -> int:
    """ "seven" → 7, "12" → 12 (a word of :data:`_COUNT_WORD`)."""
    return int(word) if word.isdigit() else COUNT_WORDS[word.lower()]


def _has_counted(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    """The names a whole is said to have a counted number of (:data:`_HAS_COUNTED`)."""
    if ":" not in sent.text or block.role == "glossary":
        return
    m = _HAS_COUNTED.search(sent.text.rstrip(".!"))
    if m is None or not_structure(m.group("k")):
        return
    names = _counted_names(m.group("list"))
    if len(names) < 2 or len(names) != _number(m.group("n")):
        return  # the names must be all the whole has: as many as it counts
    if m.group("x") is not None:
        parent = _subject(ctx, block, m.group("x"))
    else:
        parent = _antecedent(_TRAILING_ADVERB.sub("", m.group("before")))
    if parent is None:
        return
    kind = kind_of(m.group("k")) or HierarchyKind.PART_OF
    for child in names:
        if fact := _edge(block, sent, "prose.has_counted", parent, child, kind):
            yield fact


def _sentence(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    yield from _hearst(ctx, block, sent)
    yield from _numbered_parts(block, sent)
    yield from _called_list(block, sent)
    yield from _has_counted(ctx, block, sent)
    for clause in _CLAUSE_BREAK.split(sent.text.rstrip(".!")):
        yield from _stated(ctx, block, sent, clause)


def _stated(ctx: ReadContext, block: Block, sent: Sentence, text: str) -> Iterator[Fact]:
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
    if (m := _MAKE_UP.match(text)) is not None:
        yield from _made_up(block, sent, m)
        return
    for kind, pattern in _STATED:
        m = pattern.match(text)
        if m is None:
            continue
        children = _children(m.group("list"))
        if not_structure(m.group("x")):
            return  # "Common symptoms include fever and cough": remarks, not parts
        # "A triathlon is a race made up of …": the subject, not its class, is the whole
        x = re.sub(r"\s+(?:is|are)\s+(?:an?\s+)?[\w\-]+$", "", m.group("x"))
        parent = _subject(ctx, block, x) if children else None
        if parent is not None and children:
            for child in children:
                if fact := _edge(block, sent, f"prose.{kind.value}", parent, child, kind):
                    yield fact
        return
    if (m := _RELATIVE.match(text)) is not None:
        # "It is a member of the genus Canis, which also includes coyotes": both clauses state
        yield from _stated(ctx, block, sent, m.group("before"))
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
        named = _subject(ctx, block, m.group("a"), classed=True) if listed is None else None
        children = listed or ([named.text] if named is not None else [])
        parents = [parent_name]
        if kind is HierarchyKind.MEMBER_OF and (two := _TWO_GROUPS.match(m.group("y"))):
            # "Iceland is a member of NATO and of the EEA": a member of each named group
            parents = [clean_name(two.group("a")), clean_name(_Y_TAIL.sub("", two.group("b")))]
        for whole in parents:
            if whole and len(whole.split()) <= 5:
                for child in children:
                    fact = _edge(block, sent, "prose.kind_of", Name(whole), child, kind)
                    if fact is not None:
                        yield fact
        return
    if (m := _BELONG.match(text)) is not None:
        y = _class_name(m.group("y"))
        y = clean_name(_RANKS.sub("", _Y_TAIL.sub("", y).strip()))
        y = re.sub(r"\s+(?:group|category)$", "", y)
        if re.match(r"(?:same|different|separate|distinct|own)\s", y.lower()):
            # "A and B belong to the same genus, *Solanum*", "Hawks belong to a different order,
            # **Accipitriformes**": the name after the comma
            same = re.match(r",\s+\*{0,3}([A-Z][\w\-]+)", text[m.end("y") :])
            y = same.group(1) if same is not None else ""
        members = name_list(m.group("list")) or []
        one = _subject(ctx, block, m.group("list"), classed=True) if not members else None
        if one is not None:
            members = [one.text]
        if y and len(y.split()) <= 5:
            for child in members:
                fact = _edge(block, sent, "prose.belongs", Name(y), child, HierarchyKind.MEMBER_OF)
                if fact:
                    yield fact
        return
    if (group := _members(ctx, block, text)) is not None:
        for child in group[1]:
            fact = _edge(block, sent, "prose.members", group[0], child, HierarchyKind.MEMBER_OF)
            if fact is not None:
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
        if parent is not None and (cut := _ADVERB_CUT.split(parent.text)[0]) != parent.text:
            parent = Name(cut)  # "Singers also take part: …" names the singers, not "… take"
        if parent is not None:
            for child in children:
                if fact := _edge(
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
        if fact := _edge(block, sent, "prose.called_list", Name(group), child, kind):
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
        if fact := _edge(block, sent, f"prose.made_up.{kind.value}", Name(whole), child, kind):
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
