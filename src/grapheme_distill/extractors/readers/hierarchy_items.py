"""What a list item names, and whether that can be a child (cut out of :mod:`.hierarchy`, which
had grown to 772 lines, so that the item rules can grow without it).

:func:`item_head` reads the name an item is about (its key, an opening bold term, or the short
phrase before a dash, colon or parenthesis); :func:`is_label` and :func:`key_label` tell a head
that labels a step, question or attribute from one that names a thing; :func:`childlike` says
whether a name can be a hierarchy child at all (not a sentence, a remark or a clause).
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.hierarchy_names import measured_name
from grapheme_distill.extractors.readers.phrases import GENERIC_LEADS, noun_phrase, remarks

__all__ = [
    "PREPOSITIONS",
    "QUESTION_WORDS",
    "SENTENCE_WORDS",
    "VERBISH",
    "callout",
    "childlike",
    "is_label",
    "item_head",
    "key_label",
]

QUESTION_WORDS = frozenset({"what", "which", "who", "why", "how", "where", "when"})
VERBISH = re.compile(
    r"^(?:[a-z]+(?:s|ed|ing)|is|are|was|were|has|have|can|will|use|add|make|take|put|do)\b"
)
PREPOSITIONS = frozenset({"of", "for", "in", "on", "with", "to", "from", "by", "and", "at"})
SENTENCE_WORDS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|will|would|should|must|it|they|you|we|i|"
    r"don't|doesn't|isn't|aren't)\b",
    re.IGNORECASE,
)


_PLACE_AFTER = re.compile(r"\s+(?:in|at|on|near|from|with|inside|outside|within)\s+\S")


#: a name with a bracketed gloss inside it and words after the gloss ("Inner (terrestrial)
#: planets", "Fast (type II) fibres")
_INNER_GLOSS = re.compile(
    r"\s*(?P<x>[^()]*?\S)\s*\([^()]{1,40}\)\s+(?P<y>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,2})\s*"
)


def item_head(block: Block) -> tuple[str, int, int] | None:
    """The name a list item is about: its key, a bold term opening it, or a short phrase before a
    dash, colon or parenthesis; None for an item that is a sentence.  A short capitalised title
    after a dash stays ("Allegro – Presto", a movement's name).  A bracketed gloss inside the
    name is left out and the words after it kept ("**Inner (terrestrial) planets:**" is "Inner
    planets") when the bracket lies inside the bold run, or inside the key when no bold run
    covers the head; after a closed bold name the head is cut at the bracket ("**Aspirin** (an
    NSAID) or ibuprofen: …" is "Aspirin")."""
    text = block.text
    if block.key is not None:
        a, b = block.key
        bold = block.inline.emphasis[0] if block.inline.emphasis else None
        if (
            bold is not None
            and bold[0] == a
            and a < bold[1] < b
            and _PLACE_AFTER.match(text[bold[1] : b])
        ):
            # "**ESRIN** in Frascati, Italy — …", "**Second subject** in a contrasting key: …":
            # the bold term is the name, the phrase after it says where or how it is
            b = bold[1]
        elif block.role == "key_value" and block.ordered and _titled(block.value_text()):
            b = len(text.rstrip("."))  # "3. Minuet: Allegretto" names one movement
    elif block.inline.emphasis and (
        block.inline.emphasis[0][0] == 0
        or len(text[: block.inline.emphasis[0][0]].split()) <= 3
        and re.match(r"(?i)(?:the|a|an|\d+|one|two|three|four|five|six)\b", text)
    ):
        a, b = block.inline.emphasis[0]  # "the **Board of Governors** in Washington: …"
    else:
        cut = re.search(r"\s+[\u2013\u2014-]\s+|:\s|\s*\(|,\s", text)
        a, b = 0, cut.start() if cut else len(text.rstrip(".;"))
        if cut and cut.group(0).strip() in "\u2013\u2014-" and _titled(text[cut.end() :]):
            b = len(text.rstrip("."))
    head = text[a:b]
    paren = head.find("(")
    inner = _INNER_GLOSS.fullmatch(head) if paren > 0 and b > a else None
    if (
        inner is not None
        and _gloss_inside_name(block, a, b, a + paren, a + head.find(")", paren))
        and inner["y"].split()[0].lower() not in PREPOSITIONS  # "EAC (…) in Cologne": a place
    ):
        # "**Inner (terrestrial) planets:** Mercury, …": a key's gloss inside its name is left
        # out, the words after it kept ("Inner planets", not "Inner")
        head = f"{inner['x']} {inner['y']}"
    elif paren > 0:
        b = a + paren
        head = head[:paren]
    name = clean_name(head)
    if block.key is None and not _titled(name):
        name = measured_name(head.strip(), noun_phrase(head))
    # "regional Federal Reserve Banks", "modern Greek": a name after a lower-case descriptor
    named = re.fullmatch(
        r"(?:[a-z][\w\-]*\s+){1,2}(?P<n>[A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|the|and|de))*)", name
    )
    if named is not None and len(named.group("n").split()) >= 2:
        name = named.group("n")
    words = name.split()
    if (
        not name
        or len(words) > 7
        or (
            VERBISH.match(name.lower())
            and len(words) >= 3
            and not all(w[:1].isupper() for w in words)
            and words[1].lower() not in PREPOSITIONS
        )
        or re.search(r"\b(?:is|are|was|were|has|have)\b", name)
        or _told(words)
    ):
        return None  # "coordinates responses to outbreaks", "Located on the Seine": a sentence
    start = text.find(name, a)
    return (name, start, start + len(name)) if start >= 0 else (name, a, b)


def _gloss_inside_name(block: Block, a: int, b: int, opened: int, closed: int) -> bool:
    """Whether the bracket from ``opened`` to ``closed`` lies inside the name the head ``a:b``
    sets in bold ("**Inner (terrestrial) planets:**"), or, with no bold run over the head, inside
    its key ("Inner (terrestrial) planets: …"); not after a closed bold name ("**Mercury**
    (closest) orbits fastest: …")."""
    runs = [(s, e) for s, e in block.inline.emphasis if s < b and e > a]
    if runs:
        return any(s <= opened and closed < e for s, e in runs)
    return block.key is not None and block.key[0] <= opened and closed < block.key[1]


# the past tenses a narrated list item turns on ("Labour became scarce", "Prices rose")
_PAST = frozenset(
    [
        "became",
        "began",
        "broke",
        "brought",
        "built",
        "came",
        "fell",
        "gave",
        "got",
        "grew",
        "held",
        "kept",
        "led",
        "left",
        "lost",
        "made",
        "ran",
        "rose",
        "sank",
        "saw",
        "spread",
        "stood",
        "took",
        "went",
        "won",
        "wrote",
    ]
)


def _told(words: list[str]) -> bool:
    """A narrated clause, not a name: a capitalised subject, then a lower-case past-tense verb
    ("Labour became scarce", "Almohads ruled empires reaching into Spain"); an adverb before an
    "-ed" word makes it a descriptor ("Actively managed funds"), a title keeps every capital."""
    if len(words) < 3 or all(w[:1].isupper() for w in words) or not words[0][:1].isupper():
        return False
    verb = words[1]
    if not verb.islower():
        return False
    return verb in _PAST or (
        verb.endswith("ed") and len(verb) > 4 and not words[0].lower().endswith("ly")
    )


_DETERMINERS = frozenset({"a", "an", "the", "your", "my", "our", "their", "this", "these", "its"})
_PREDETERMINERS = frozenset({"all", "both", "half", "such", "what", "quite", "of"})
_LABEL_OPENERS = PREPOSITIONS | QUESTION_WORDS | {"under", "during", "after", "before", "into"}


def is_label(name: str, *, ordered: bool) -> bool:
    """An item head that labels a key, a question or a step rather than naming a thing: it opens
    or ends with a preposition or question word and is no title ("During summer", "Where to see
    it", "Commissioned by"), a determiner follows its first word, which only a verb's object does
    in English ("Build a base", "Choose the route"), or, in a numbered list, it is a clause of
    four words or more that is no title ("Open Security in the left-hand menu")."""
    words = name.split()
    if not words:
        return False
    lower = [w.lower() for w in words]
    title = all(w[:1].isupper() or w.lower() in PREPOSITIONS | _DETERMINERS for w in words)
    if lower[-1] in PREPOSITIONS - {"and"} and len(words) > 1:
        return True
    if lower[0] in _LABEL_OPENERS and not title:
        return True
    if (
        len(words) > 1
        and lower[1] in _DETERMINERS
        and lower[0] not in _PREDETERMINERS
        and not title
    ):
        return True
    return ordered and len(words) >= 4 and not title


# a value that is a quantity ("$7,000 a year", "about 2,850 km", "12 May 1915"): its key names the
# attribute, which the annotation conventions make a relation's predicate, not a node
_QUANTITY_VALUE = re.compile(
    r"^(?:(?:about|around|over|under|up to|approximately|roughly|nearly|almost|more than|"
    r"less than|at least|at most|c\.)\s+)?[$\u20ac\u00a3\u00a5]?\d",
    re.IGNORECASE,
)


def key_label(block: Block, head: tuple[str, int, int]) -> bool:
    """An item's key ("**Tip:** …", "Contribution limit: …", a bold head before a colon) that
    labels its value rather than naming a thing: a callout or remark word ("Tip", "Note", "Why
    it matters"), or the name of an attribute whose value is a quantity ("**Contribution
    limit:** $7,000 a year").  A key of a list whose lead-in says its items are members, kinds or
    parts is still a name (the caller decides)."""
    if block.key is not None:
        key, value = block.key_text(), block.value_text()
    else:
        colon = re.match(r"\s*:\s*", block.text[head[2] :])
        if colon is None:
            return False  # no key: "**Tip** jars" is a name
        key, value = head[0], block.text[head[2] + colon.end() :]
    return callout(key) or bool(_QUANTITY_VALUE.match(value))


def callout(key: str) -> bool:
    """A key that is a callout or remark word ("Tip", "Note", "Warning", "Why it matters")."""
    key = clean_name(key.rstrip(":"))
    return key.lower() in GENERIC_LEADS or remarks(key)


def _titled(text: str) -> bool:
    """A short capitalised title ("Presto", "Molto vivace"), not a gloss."""
    words = text.strip().rstrip(".").split()
    return (
        0 < len(words) <= 3
        and words[0][:1].isupper()
        and not SENTENCE_WORDS.search(text)
        and not re.search(r"\d", text)
    )


# a clause ("If he defends") or an instruction to someone ("Enter his details and a short …"),
# as the nested items under a numbered step are: no thing a list is made of
_CLAUSE = re.compile(
    r"(?i)^(?:if|when|whenever|unless|because|although|though|while|once|until|whether)\s"
)
_INSTRUCTION = re.compile(r"^[A-Z][a-z]+\s+(?:his|her|him|them|that|those)\s")


# a capital "I" that ends a name of two words or more is a numeral, not the pronoun: "Mary I",
# "World War I", "meiosis I" (the pronoun ends no name a list or a table gives)
_NUMERAL_I = re.compile(
    r"(?<!\bwhat)(?<!\bwhy)(?<!\bhow)(?<!\bwhere)(?<!\bwhen)(?<!\bthat)(?<!\bwhich)"
    r"(?<!\band)(?<!\bor)(?<!\bif)(?<!\bas)(?<!\bthan)(?<!\bso)(?<=\w)\s+(?-i:I)$",
    re.IGNORECASE,
)


def childlike(name: str, nested: bool) -> bool:
    """A name that can be a child: not a sentence, not a remark ("closest to the Sun"), not a
    clause or an instruction unless it is a title ("When Harry Met Sally")."""
    words = name.split()
    if not words or len(words) > 6 or SENTENCE_WORDS.search(_NUMERAL_I.sub("", name)):
        return False
    if (_CLAUSE.match(name) or _INSTRUCTION.match(name)) and not all(
        w[:1].isupper() for w in words
    ):
        return False
    if nested and not name[:1].isupper():
        return not re.search(
            r"\b(?:to|at|on|with|by|from|than|about|over|under|into|est)\b|\w+est\b|\w+ly\b", name
        )
    return True


def paragraph_text(source: str, block: Block) -> str:
    """A paragraph's text without a bold title line that opens it ("**Main groups (phyla)**" on
    its own line, then "Kingdom Fungi is divided into several phyla. The best known:"): markdown
    joins the two lines into one paragraph, and the title then reads as the first words of the
    lead-in's sentence.  A bold question ("**Q: Who started it?**") ends its own sentence."""
    text = block.inline.text
    if block.inline.opening is None:
        return text
    end = block.inline.opening[1]
    after = source[block.inline.span(0, end)[1] :]
    if re.match(r"[*_]{0,3}:?[ \t]*\n", after) and text[end:].strip():
        return text[end:].strip()
    return text
