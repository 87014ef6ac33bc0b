"""The pieces the prose hierarchy readers share (:mod:`.hierarchy_prose`, :mod:`.hierarchy_hearst`).

Why.  Every sentence construction those readers know ends the same way: a whole found in the
sentence (the clause's subject, the name before ", which"), a list of short names after the verb
or colon, and one edge per name.  How that whole and that list are read — and when a list is no
list of names ("X includes a wide range of services that …") — is the same for all of them, so it
lives here, split out of :mod:`.hierarchy_prose` when that module reached 777 lines.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.hierarchy_children import COUNT_WORDS
from grapheme_distill.extractors.readers.phrases import name_list, resolve
from grapheme_distill.extractors.readers.plurals import same_noun, singular
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "MEMBER_MODIFIERS",
    "COUNT_WORD_RE",
    "NP",
    "antecedent",
    "counted_names",
    "edge",
    "number",
    "stated_children",
    "subject",
]

#: a short noun phrase, up to six words, matched lazily: a clause's subject before its verb
NP = r"[\w'’\-]+(?:\s+[\w'’\-]+){0,5}?"

# "four chambers: A, B, C and D": a count and its noun before the colon that opens the names
_COUNTED = re.compile(
    r"^(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+)?"
    r"(?:(?:main|major|distinct|broad|basic|key|separate)\s+)*[\w\-]+s?\s*(?::|,)\s*",
    re.IGNORECASE,
)

COUNT_WORD_RE = rf"\d+|{'|'.join(COUNT_WORDS)}"
#: the words between a group's owner and "members" that count or qualify them, by class: a count,
#: then up to two membership adjectives ("The band's four members were", "Its five permanent
#: members are", "the four original members"); a count alone broke the owner-members forms
MEMBER_MODIFIERS = (
    rf"(?:(?:{COUNT_WORD_RE})\s+)?(?:(?:founding|founder|original|current|full|permanent|"
    r"non-permanent|associate|core|other|remaining|surviving|principal|main|key|classic|"
    r"best-known|longest-serving)\s+){0,2}"
)
# a count, its noun and up to a dozen more words before the colon that opens the names
_FAR_COUNTED = re.compile(
    rf"^(?P<n>{COUNT_WORD_RE})\s+[a-z][\w\-]*s\b[^:;]{{0,80}}:\s+(?P<list>[^:]+)$", re.IGNORECASE
)
# "four bases — first base, second base, third base and home plate — 90 feet apart": a count and
# its noun, then the names set off by dashes
_DASH_COUNTED = re.compile(
    rf"^(?P<n>{COUNT_WORD_RE})\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*s\s+[\u2013\u2014]\s+"
    r"(?P<list>[^\u2013\u2014:;]+?)\s*(?:[\u2013\u2014]|$)",
    re.IGNORECASE,
)
# "Hindustani music of the north", "200 m on the first day": a place or time after a name
_NAME_TAIL = re.compile(
    r"\s+(?:of|on|in|at|from|for|during)\s+the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?$"
)
# the separators of a counted list; unlike :func:`.phrases.name_list`, a number opening a name is
# kept ("100 m hurdles", "800 m": an event is named by its distance)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")


# "often with an introduction", 'the name "penguin" originally': a list cut from a sentence ends
# in the sentence's own words, which open with a preposition or carry a frequency adverb — no name
# does, lower-case and of two words or more (nineteenth session: devtrain hierarchy fp 150 -> 148
# and entity fp 1640 -> 1637, no right edge lost; on the eight gates the prose constructions'
# edges were right 10 and wrong 26 together, against 82 and 30 on devtrain)
_CLAUSE_WORDS = re.compile(
    r"^(?:with|in|on|by|for|from|at|to|into|than|as)\s"
    r"|\b(?:originally|often|usually|typically|sometimes|always|never|generally|mostly|mainly)\b"
)


def _clause_words(child: str) -> bool:
    """Whether a lower-case child of two words or more reads as words of a clause."""
    return child[:1].islower() and " " in child and _CLAUSE_WORDS.search(child) is not None


def edge(
    block: Block,
    sent: Sentence,
    construction: str,
    parent: Name,
    child: str,
    kind: HierarchyKind,
) -> Fact | None:
    """One stated edge, its span the whole sentence; none where the child, cleaned, is empty, is
    the whole itself ("The EU includes the EU …" reads no structure) or is a clause's words."""
    child = clean_name(child)
    if not child or child.lower() == parent.text.lower() or _clause_words(child):
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


def stated_children(text: str) -> list[str] | None:
    """The names of a stated list: "four chambers: A, B, C and D", "the X, the Y and the Z"."""
    text = text.rstrip(".")
    counted = _COUNTED.match(text)
    if counted is not None and ":" in counted.group(0):
        text = text[counted.end() :]
    elif (far := _FAR_COUNTED.match(text)) is not None:
        # "three disciplines done back to back, always in the same order: swim, then bike, then
        # run": words between the counted noun and its colon; the names must be as many
        listed = counted_names(re.sub(r"(?i)\bthen\s+", "", far.group("list")))
        return listed if len(listed) == number(far.group("n")) else None
    elif (dashed := _DASH_COUNTED.match(text)) is not None:
        # the names between the dashes must be as many as the count says
        listed = counted_names(dashed.group("list"))
        return listed if len(listed) == number(dashed.group("n")) else None
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
    if len(last) < 2 or not same_noun(last[-1].lower(), noun):
        return names
    if not all(len(n.split()) == 1 and n.islower() for n in names[:-1]):
        return names
    return [f"{n} {last[-1]}" for n in names[:-1]] + [names[-1]]


def subject(ctx: ReadContext, block: Block, phrase: str, *, classed: bool = False) -> Name | None:
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
        and not section.text.lower().endswith(singular(noun.group(1).lower()))
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


def antecedent(before: str) -> Name | None:
    """The name right before ", which": its capitalised run ("the family *Ursidae*") or its last
    noun words ("a group of mammals")."""
    before = re.sub(r"\s*\([^)]*\)$", "", before.rstrip(" *_"))
    run = re.search(r"((?:[A-Z][\w'’\-]*)(?:\s+(?:[A-Z][\w'’\-]*|of|the|de|and))*)$", before)
    if run is not None:
        # "the Sphecidae and the Vespidae, which includes …": the clause is the last name's
        return Name(clean_name(re.split(r"\s+and\s+the\s+", run.group(1))[-1]))
    words = re.findall(r"[\w'’\-]+", before)
    stop = {"of", "the", "a", "an", "in", "on", "to", "for", "by", "with", "and", "its", "their"}
    tail: list[str] = []
    for w in reversed(words):
        if w.lower() in stop or len(tail) == 3:
            break
        tail.insert(0, w)
    return Name(" ".join(tail)) if tail else None


def _list_pieces(text: str) -> list[str]:
    """The pieces of a list split at its separators.  A list joins its last item with "and" /
    "or", so an "and" inside an earlier comma piece of capitalised words belongs to that item's
    name ("the Economic and Social Council, the Trusteeship Council and …"); in lower case it
    joins two items of a list in two parts ("hurdles, high jump, shot put and 200 m on the first
    day, and long jump, …").  After an Oxford comma (", and the X") the last piece is one item."""
    pieces = re.split(r"\s*(?:,\s*(?:and|or)\s+|,\s*|;\s*)", text)
    if len(pieces) == 1:
        return _NAME_SPLIT.split(text)  # "A and B"
    oxford = bool(re.search(r",\s*(?:and|or)\s+[^,;]*$", text))
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if (i == len(pieces) - 1 and not oxford) or not _PROPER_AND.fullmatch(piece.strip()):
            out.extend(re.split(r"\s+(?:and|or)\s+", piece))
        else:
            out.append(piece)
    return out


#: a name of capitalised words joined by "and" ("the Economic and Social Council")
_PROPER_AND = re.compile(
    r"(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*\s+and(?:\s+[A-Z][\w'\-]*)+"
)


def counted_names(text: str) -> list[str]:
    """The short names of a counted list, a number kept ("100 m hurdles") and a trailing place or
    time dropped ("Carnatic music of the south"); a part that is no short name is left out."""
    text = re.split(r"[;.!?]\s|\s[\u2013\u2014]\s", re.sub(r"\s*\([^()]*\)", "", text) + " ")[0]
    text = re.split(r",\s+(?:which|who|where|while|but|so)\b", text)[0]
    names = []
    for raw in _list_pieces(text.strip()):
        name = clean_name(_NAME_TAIL.sub("", raw.strip()))
        if (
            name
            and len(name.split()) <= 4
            and not re.search(r"(?i)\b(?:is|are|was|were|has|have)\b", name)
        ):
            names.append(name)
    return names


def number(word: str) -> int:
    """ "seven" → 7, "12" → 12 (a word of :data:`COUNT_WORD_RE`)."""
    return int(word) if word.isdigit() else COUNT_WORDS[word.lower()]
