"""Hearst's pattern in prose → member_of edges: "bulk cargo such as coal, iron ore and grain".

Why.  "NP such as A, B and C" (Hearst, 1992) is the commonest way an answer files names under a
class in passing, and the one that most needs guarding: the noun phrase before the cue is read
right to left up to a stop word, and most of what it could be — a verb's object ("use a tool such
as …"), a generic word ("things such as …"), a bare plural — is no class the answer files the
names under.  Its word lists and checks are this module; split out of :mod:`.hierarchy_prose`
when that module reached 777 lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_prose_common import edge
from grapheme_distill.extractors.readers.phrases import KIND_WORDS, kind_of, lead_parent, name_list
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["bare_plural", "hearst"]

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
#: a kind word, or its "sub-" form ("types", "subgenres", "breeds", "subspecies"): the children's kind
_KIND_NOUN = re.compile(rf"(?i)(?:sub)?(?:{KIND_WORDS})")
#: what has the kind's children ("Jazz has many subgenres"; not "He visited many countries")
_HAS = re.compile(r"(?i)\b(?:has|have|had)\s+(?:\w+\s+){0,2}\w+$")
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
_PRONOUN_WORDS = frozenset(["they", "it", "we", "you", "he", "she", "i"])
#: a relative or interrogative word opens a clause, not a noun phrase: "…, which powers storms such
#: as …", "explains why libraries such as …", "whose composers such as …" (the class name read
#: right to left stops there, as at a determiner)
_CLAUSE_OPENERS = frozenset(
    ["which", "who", "whom", "whose", "where", "when", "why", "how", "what"]
)
#: after these the first word of the phrase is the clause's verb ("which powers storms"), not a
#: modifier of the class ("that" is left out: "clinics say that antiviral drugs such as …")
_RELATIVES = frozenset(["which", "who"])
# a word after one of these opens a verb phrase ("doctors may prescribe mild painkillers such as …")
_MODALS = frozenset(
    ["can", "could", "may", "might", "will", "would", "should", "must", "shall", "often", "usually"]
)
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


def bare_plural(text: str) -> bool:
    """Whether a noun phrase is one plural common noun and nothing else ("Hits", "the judges",
    "Alternatives"): a word, not a class the answer files named things under.  Hearst's reader
    skips it before names ("companies such as Monsanto", devread 3 of 17 pairs right), and the
    clause reader's "X include(s) <names>" reads the same noun ("The judges included Eero
    Saarinen", "Alternatives include GraphQL": devtrain 0 of 4 right)."""
    words = text.split()
    if words and words[0].lower() in ("the", "these", "those", "its", "their"):
        words = words[1:]
    return (
        len(words) == 1
        and re.fullmatch(r"[A-Za-z][a-z\-]+", words[0]) is not None
        and words[0].lower().endswith("s")
        and not words[0].lower().endswith(("ss", "us", "is"))
    )


def _gloss_owner(block: Block, at: int) -> Name | None:
    """The name a list item opens with ("**Spheniscus** — …", "Docker Hub: …") when the text at
    ``at`` lies in its gloss: a short name, not a phrase ("For attacks: …")."""
    if not block.is_item:
        return None
    from grapheme_distill.extractors.readers.hierarchy_items import item_head

    head = item_head(block)
    if head is None or at < head[2]:
        return None
    name = clean_name(head[0])
    words = name.split()
    if not words or len(words) > 4 or not name[:1].isupper() or words[0].lower() in _NP_STOP:
        return None
    return Name(name)


def _before_outer_and(listed: str) -> str:
    """The examples before a ", and" that joins the sentence's own list again: after a list
    already closed by "or" ("painkillers such as A, B or C, and triptans") or after a single
    name ("campaigns such as the X, and lobbying of …"), where a list of two takes no comma."""
    cut = listed.find(", and ")
    if cut < 0:
        return listed
    before = listed[:cut]
    return before if "," not in before or re.search(r"\bor\s", before) else listed


def _but_also(listed: str) -> str:
    """ "… such as puffins, gannets, but also albatrosses": "but also" adds the list's last name
    (read as "and"), but only where the list stays a list of names with it; otherwise ("… such as
    Python and Ruby, but also has a C API") the sentence's next clause opens there and the names
    end before it."""
    cue = re.search(r",?\s+but also\s+", listed)
    if cue is None:
        return listed
    joined = listed[: cue.start()] + " and " + listed[cue.end() :]
    return joined if name_list(joined) else listed[: cue.start()]


def _proper_ends(names: list[str]) -> list[str]:
    """A list of proper names ends with the last name's capitalised words: "Dynasties such as the
    Almoravids and Almohads ruled empires …" runs on into the sentence's verb, which no name of
    the list shows.  The words a name may join ("of", "the", "de") and a lower-case head the
    other names end with ("the Humboldt penguin and the Galápagos penguin nest …") stay."""
    if len(names) < 2 or not all(n[:1].isupper() for n in names):
        return names
    joins = {"of", "the", "de", "and", "for", "von", "van", "du"}
    joins |= {n.split()[-1] for n in names[:-1] if n.split()[-1][:1].islower()}
    words = names[-1].split()
    for i, w in enumerate(words[1:], 1):
        if w[:1].islower() and w not in joins and len(words) - i >= 2:
            return [*names[:-1], " ".join(words[:i])]
    return names


def _subject_list(listed: str) -> str:
    """The examples of a class that opens its sentence end where its verb begins: "Noble gases
    such as helium, neon and argon hardly react" — the list is the sentence's subject, so its
    last name runs on into the predicate.  The last name is cut to as many words as the longest
    name before it (one-word names keep one word), when those are short and the next word opens
    a predicate (an auxiliary or an adverb): "… and fresh tuna are" is left unread, since its
    cut would split a name (a probe of the twenty-fourth session)."""
    seps = list(re.finditer(r",?\s+(?:and|or)\s+|,\s+", listed))
    if not seps:
        return listed
    last = seps[-1]
    earlier = [n.strip() for n in re.split(r",\s+|\s+(?:and|or)\s+", listed[: last.start()])]
    if len(earlier) < 2 and "," not in listed[: last.end()]:
        return listed  # "A and B run …": two names are as often a name of two words
    longest = max((len(n.split()) for n in earlier), default=0)
    words = listed[last.end() :].split()
    if not earlier or longest > 3 or len(words) <= longest:
        return listed
    if not _PREDICATE_OPENS.match(words[longest]):
        return listed  # "salmon, mackerel and fresh tuna are …": the cut would split a name
    return listed[: last.end()] + " ".join(words[:longest])


#: a word that opens a predicate: an auxiliary, a copula or modal, or an adverb in -ly
_PREDICATE_OPENS = re.compile(
    r"(?i)(?:is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|should|must|"
    r"do|does|did|cannot|rarely|hardly|often|never|also|all|tend|\w+ly)$"
)


def hearst(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
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
                or w.lower() in _CLAUSE_OPENERS
                or w.lower() in _COMMON_VERBS
                or len(tail) == 3
                or not re.fullmatch(r"[a-z][\w'’\-]*", w)
            ):
                break
            tail.insert(0, w)
        subject = words[-len(tail) - 1] if tail and len(words) > len(tail) else ""
        if len(tail) > 1 and (
            (tail[0].endswith("ed") and subject.lower() in _PRONOUN_WORDS)
            or subject.lower() in _MODALS
            or subject.lower() in _RELATIVES
        ):
            # "They signed treaties such as …", "doctors may prescribe painkillers such as …",
            # "…, which hosts migratory birds such as …": a verb after its subject, a modal or a
            # relative pronoun
            tail.pop(0)
        if not tail or tail[-1].lower() in _GENERIC_HEADS:
            continue
        listed = re.split(
            r",?\s+(?:as well as|and other|and many|among others|which|who)\b"
            # a comma and a conjunction open the sentence's next clause: "Python and Ruby use
            # dynamic typing, while others such as Java …" (the names end before it)
            r"|,\s+(?:while|whereas|although|though|because|but(?!\s+also\b)|unless)\b",
            m.group("list"),
        )[0]
        listed = _but_also(listed)
        # "His later projects, such as the X, ran out of money": the aside ends at its verb
        listed = _CLAUSE_VERB.split(listed)[0]
        if m.start() == 0:
            # the list opens its sentence, so its last name may run on into the verb — also
            # where the list is already read with that verb in it ("helium, neon and argon
            # hardly react" read "argon hardly react"); a cut of a read list must stay one
            cut = _subject_list(listed)
            if not name_list(listed) or name_list(cut):
                listed = cut
        if name_list(listed):
            # only a list already read loses its tail: a cut never makes a list where none was
            # read (on val11, cutting unread text first made 2 wrong edges)
            listed = _before_outer_and(listed)
        one = len(listed.split()) <= 4 and not re.search(r",|\band\b|\bor\b", listed)
        names = name_list(listed) or ([clean_name(listed)] if one else [])
        if "including" in m.group(0) and len(names) < 2:
            continue  # "…, including interest": a part of it, not an example
        # "a container runtime such as containerd", "a crane such as the Liebherr LHM 550": one
        # example of a singular class after "a"/"an" (eleventh session: devread +2 tp / +1 fp,
        # gate10 +1 tp, the eleventh batch unchanged; the fifth session's cut was unmeasured)
        # ("a red supergiant, such as Betelgeuse", "a minor infringement, such as a knock-on":
        # after a comma the aside may name an example of any noun before it, or a case of an
        # event; devtrain 0 of 3 right, every right one had no comma)
        single = (
            subject.lower() in ("a", "an")
            and len(names) == 1
            and not re.match(r"\s*,", text[m.end("before") :])
        )
        if not single and not (tail[-1].endswith("s") and len(names) >= 2):
            # a class is a plural noun with two names or more ("mammals such as bats and
            # whales"); several names after a singular ("bulk cargo such as coal and grain") gave
            # mostly wrong pairs on unseen answers
            continue
        # "Jazz has many subgenres, including bebop and swing", "Tigers have several subspecies,
        # such as …": a kind word names the children, whatever the count before it; the whole
        # is what has them (the kind word alone names no class of its own)
        had = len(tail) < 2 and bool(_KIND_NOUN.fullmatch(tail[-1])) and bool(_HAS.search(before))
        kind_head = bool(_KIND_HEAD.search(" ".join(tail))) or had
        if len(tail) < 2 and len(words) > 1 and not single and not kind_head:
            # a bare plural ("companies such as Monsanto", "medicines such as propranolol",
            # "species such as …") is a word, not the class the answer files them under; with
            # its modifier ("payment systems", "inhaled corticosteroids"), or opening the sentence
            # ("Squamates, including geckos, …"), it is (devread 3 of 17 bare pairs right, 13 of
            # 19 modified)
            continue
        names = _proper_ends(names)
        wholes = [(Name(" ".join(tail)), HierarchyKind.MEMBER_OF, "prose.such_as")]
        if had:
            wholes = []  # a bare kind word ("subgenres") is no group: only its whole is
        if kind_head:
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
        owner = _gloss_owner(block, sent.start + m.start())
        if owner is not None and not kind_head:
            # "**Docker Hub** — Docker's public registry, where you can find official images such
            # as nginx, python and postgres": in an item's gloss the item's name is their whole
            if "including" in m.group(0):
                # "**Nymphalidae** — brush-footed butterflies, the largest family, including the
                # monarch": "including" in a gloss adds to the item's description, not to the noun
                # before it
                wholes = []
            wholes.append((owner, HierarchyKind.MEMBER_OF, "prose.such_as.head"))
        for parent, kind, construction in wholes:
            for child in names:
                if not child or child.lower() in _GENERIC_HEADS or child.lower() in _NP_STOP:
                    continue
                if fact := edge(block, sent, construction, parent, child, kind):
                    yield fact
