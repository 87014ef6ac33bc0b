"""Phrases the structure readers share: which relation a lead-in names, what whole it names, and
the name an item or a list of names stands for.

A list's items, a heading's sub-sections and a sentence's "A, B and C" are children of something,
and the words that introduce them say how: "members" / "line-up" → ``member_of``, "parts" /
"consists of" / "is divided into" → ``part_of``, "types" / "kinds" / "species" → ``subclass_of``,
"includes" / "contains" → ``contains``.  The whole is named by the same words: "types of *X*",
"*X*'s members", "*X* types", "group *X* into", or the lead-in's own subject ("The heart consists
of:").  A bare "It" or "the band" is the section's implicit subject.  These rules are about how
English introduces a list, not about any one answer, so both the list reader
(:mod:`.hierarchy`) and the prose reader (:mod:`.hierarchy_prose`) use them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Name, clean_name
from grapheme_distill.extractors.readers.plurals import singular
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = [
    "GENERIC_LEADS",
    "first_subject",
    "KIND_WORDS",
    "kind_of",
    "lead_parent",
    "name_list",
    "names_kind",
    "noun_phrase",
    "prompt_name",
    "remarks",
    "resolve",
]

_MEMBER = (
    r"members?|line-?ups?|players|roster|squad|cast|crew|crew members|staff|member states|member countries|personnel|"
    r"monarchs|kings|queens|rulers|presidents|emperors|leaders|alumni|musicians|band members|"
    r"belong to|belongs to|signatories|participants|teams|clubs"
)
_SUBCLASS = (
    r"types?|kinds?|classes|categories|varieties|subtypes?|breeds|species|subspecies|genera|"
    r"families|forms of|branches|styles|genres|flavou?rs|strains|sorts of|classified into|"
    r"groups?|subgroups?|subfamilies|orders|formats|schools of"
)
_PART = (
    r"parts?|components?|organs|chambers|layers|sections|subdivisions|divisions|organelles|"
    r"consists? of|consisting of|made up of|composed of|movements|divided into|split into|"
    r"comprises?|comprising|made of|structures|anatomy|building blocks|pieces|elements|regions|stages|"
    r"phases|steps of the cycle|lobes|bones|muscles|modules|subsystems|units|departments|"
    r"branches of government|halves|districts|provinces|boroughs|tracks|songs|subsidiaries|"
    r"chapters|books of|volumes|episodes|courses of"
)
_CONTAINS = r"includes?|including|contains?|containing|holds|houses"

KINDS: list[tuple[HierarchyKind, re.Pattern[str]]] = [
    (HierarchyKind.PART_OF, re.compile(rf"\b(?:{_PART})\b", re.IGNORECASE)),
    (HierarchyKind.MEMBER_OF, re.compile(rf"\b(?:{_MEMBER})\b", re.IGNORECASE)),
    (HierarchyKind.SUBCLASS_OF, re.compile(rf"\b(?:{_SUBCLASS})\b", re.IGNORECASE)),
    (HierarchyKind.CONTAINS, re.compile(rf"\b(?:{_CONTAINS})\b", re.IGNORECASE)),
]
#: Nouns that name the children of a whole ("the *parts* of X", "X *types*").
KIND_WORDS = (
    r"types?|kinds?|classes|categories|varieties|subtypes|forms|parts?|components?|members?|"
    r"elements|sections|layers|organs|structures|subdivisions|divisions|branches|species|breeds|"
    r"genres|styles|groups|families|movements|stages|phases|regions|tracks|songs|organelles|"
    r"chambers|lobes|players|line-?up|examples|subfamilies|orders|formats|schools|modules|units|"
    # a company's, a country's and a taxon's subdivisions ("Its main subsidiaries are:", "the
    # countries of the United Kingdom", "the provinces of Canada")
    r"subsidiaries|countries|nations|provinces|territories|districts|counties|departments|"
    r"constituents|subgroups|subclasses|subspecies|genera"
)
#: Lead-ins and headings that introduce no structure: what follows are remarks, not children.
GENERIC_LEADS = frozenset(
    {
        "examples",
        "example",
        "for example",
        "such as",
        "including",
        "key facts",
        "facts",
        "quick facts",
        "fun facts",
        "notes",
        "note",
        "details",
        "highlights",
        "overview",
        "summary",
        "e.g",
        "tips",
        "tip",
        "pros",
        "cons",
        "advantages",
        "disadvantages",
        "benefits",
        "drawbacks",
        "risks",
        "warnings",
        "warning",
        "caution",
        "symptoms",
        "causes",
        "reasons",
        "features",
        "key features",
        "characteristics",
        "uses",
        "applications",
        "steps",
        "instructions",
        "method",
        "ingredients",
        "you'll need",
        "you will need",
        "what you need",
        "tools",
        "equipment",
        "materials",
        "sources",
        "references",
        "see also",
        "timeline",
        "key dates",
        "achievements",
        "key contributions",
        "contributions",
        "legacy",
        "why it matters",
        "in short",
        "bottom line",
    }
)
_NOT_STRUCTURE = re.compile(
    r"\b(?:tips?|advice|steps?|how to|instructions|directions|procedure|recipe|ingredients|"
    r"you(?:'ll| will)? need|pros|cons|advantages|disadvantages|benefits|drawbacks|risks|"
    r"warnings?|reasons?|why|symptoms|causes|signs|things to|keep in mind|mistakes|remember|"
    r"facts|highlights|features|characteristics|uses|applications|timeline|dates|"
    r"contributions|achievements|notes?|questions|faq|ways to|strategies|options|method)\b",
    re.IGNORECASE,
)
_REMARKS = re.compile(
    r"\b(?:tips?|advice|steps?|how to|instructions|directions|procedure|recipe|ingredients|"
    r"you(?:'ll| will)? need|pros|cons|advantages|disadvantages|benefits|drawbacks|risks|"
    r"warnings?|reasons?|why|mistakes|things to|keep in mind|remember|ways to)\b",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "that", "our"}
)
#: the words before a whole's name that pick or rank its members, not part of the name ("the
#: main types", "key terms", "a modern orchestra").  A classifying adjective names a class with
#: its noun and stays ("the four fundamental forces", "the primary colours": twenty-third session)
_QUANTIFIERS = re.compile(
    r"^(?:(?:most|many|some|all|both|several|various|certain|different|other|living|modern|"
    r"today's|the|a|an|its|their|his|her|this|these|those|main|major|key|core|basic|common|"
    r"principal|important|notable|essential|broad|distinct|separate|"
    r"classic|original|current|founding|final|early|later|standard|typical|famous|each|every|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few)\s+)+",
    re.IGNORECASE,
)
_QUESTION = frozenset({"who", "what", "which", "how", "why", "where", "when", "whose"})
_PRONOUNS = frozenset(
    {"it", "they", "he", "she", "this", "these", "its", "their", "his", "her", "them", "there"}
)
_VERB_WORDS = (
    r"is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|should|must|do|does|"
    r"did|consists?|comprises?|includes?|contains?|falls?|fall|comes?|features?|divides?|"
    r"splits?|belongs?|goes|uses?|needs?|requires?|runs?|holds?|houses?|makes?|made|offers?|lists?|"
    r"['’](?:s|re)"
)
#: an adverb before a verb ("usually has"), not a noun ending in -ly ("The cat family consists")
ADVERB = r"(?!(?:family|assembly|supply|italy|july|ally|rally|jelly|belly|lily|fly)\b)\w+ly"
_VERB = re.compile(rf"\b(?:{_VERB_WORDS})\b", re.IGNORECASE)
_OF = re.compile(
    rf"(?:^|\b)(?P<k>{KIND_WORDS})\s+(?:of|in|within)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<x>[\w'’\-]+(?:\s+[\w'’\-]+){0,5}?)(?=\s+(?:are|is|include|includes|consist|can|"
    r"fall|exist|you|we|there|that|which|to|for|:)\b|\s*[:,.?!(]|$)",
    re.IGNORECASE,
)
_KIND_ONLY = re.compile(rf"^(?:{KIND_WORDS})$", re.IGNORECASE)
_X_KINDS = re.compile(
    rf"^(?P<x>[\w'’\-]+(?:\s+[\w'’\-]+){{0,3}}?)\s+(?:{KIND_WORDS})\s*:?$", re.IGNORECASE
)
#: one word with an adjective's ending ("lymphoid", "cellular", "regional", "vocal")
_ADJECTIVE_WORD = re.compile(r"[A-Za-z-]+(?:oid|ive|al|ic|ary|ous|ar|ile|ent|ant)", re.IGNORECASE)
#: adjectives that pick some of a whole's parts or kinds out ("optional", "other", "main")
_SELECTION = frozenset(
    [
        "optional",
        "additional",
        "extra",
        "other",
        "further",
        "remaining",
        "main",
        "key",
        "major",
        "minor",
        "principal",
        "basic",
        "common",
        "typical",
        "notable",
        "important",
        "essential",
        "core",
    ]
)


def _only_selection(x: str) -> bool:
    """ "Optional outer": a selecting adjective, then only adjectives (no noun of a whole)."""
    words = x.lower().split()
    return (
        len(words) >= 2
        and words[0] in _SELECTION
        and all(
            w in _SELECTION or _ADJECTIVE_WORD.fullmatch(w) or re.fullmatch(r"[a-z]+er", w)
            for w in words
        )
    )


_POSSESSOR = re.compile(
    r"^(?P<x>(?:the\s+)?[\w'’\- ]+?)['’]s?\s+(?:\w+\s+){0,2}?"
    rf"(?:{KIND_WORDS}|tributaries|personnel)\b",
    re.IGNORECASE,
)
_GROUP_VERBS = (
    r"group|groups|grouped|divide|divides|divided|classify|classifies|classified|split|"
    r"splits|sort|sorts|sorted|organi[sz]e|organi[sz]es|organi[sz]ed|categori[sz]e|"
    r"categori[sz]es|categori[sz]ed|break|breaks|broken"
)
#: "group/divide/split X into": the verb is lower case inside the text and may be capitalised
#: only where the text opens ("Divide the bones into …"); a capitalised "Group", "Split" or
#: "Sort" inside it is a name's noun ("Tata Group companies fall into …", "The Volkswagen Group
#: splits …"), whose words would otherwise be read as the whole ("companies")
_GROUP_INTO = re.compile(
    rf"(?:^(?:{_GROUP_VERBS})|(?-i:\b(?:{_GROUP_VERBS})))\s+(?:down\s+)?"
    r"(?P<x>(?!into\b)[\w'’\-]+(?:\s+(?!into\b)[\w'’\-]+){0,4})\s+into\b",
    re.IGNORECASE,
)
_LEAD_SUBJECT = re.compile(
    rf"^(?:(?:here|there)\s+(?:are|is)\s+.*|(?P<x>.+?)\s+(?:{ADVERB}\s+)?(?:{_VERB_WORDS}|"
    r"\w+ed)\b.*)$",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*|\s*\+\s*)")
_NOT_NAMES = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|will|would|should|that|which|who|whose|it|they|"
    r"you|we|i|do|does|did|not|very|more|most)\b",
    re.IGNORECASE,
)


def kind_of(*texts: str) -> HierarchyKind | None:
    """The relation the first text that names one names ("members" → member_of)."""
    for text in texts:
        if text and (kind := _kind_in(text)) is not None:
            return kind
    return None


@lru_cache(maxsize=4096)
def _kind_in(text: str) -> HierarchyKind | None:
    """:func:`kind_of` of one text, remembered: the hierarchy readers and the learned edge
    features ask for the same names and lead-ins many times (every kind pattern is tried at
    each call), and the answer depends on the text alone."""
    hits = [
        (m.start(), kind)
        for kind, pattern in KINDS
        for m in pattern.finditer(text)
        if not in_title(text, m.start(), m.end())
    ]
    return min(hits, key=lambda h: h[0])[1] if hits else None


def in_title(text: str, start: int, end: int) -> bool:
    """The kind word at ``text[start:end]`` is part of a title, not a cue: capitalised inside a
    text ("Why is Kind of Blue so famous?", "Parts Unknown"), or a capitalised singular
    "Kind/Part/Type of" + a capitalised word opening it ("Kind of Blue", "Part of Me").  A plural
    heading ("Types of Clouds", "Members of Parliament") stays a cue."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if start > 0:
        return True
    return not word.lower().endswith("s") and bool(re.match(r"\s+of\s+[A-Z]", text[end:]))


def not_structure(text: str) -> bool:
    """A lead-in or heading over remarks (tips, steps, pros, reasons, facts), not children."""
    bare = clean_name(text.rstrip(":")).lower()
    return bare in GENERIC_LEADS or bool(_NOT_STRUCTURE.search(text))


def remarks(text: str) -> bool:
    """A lead-in or heading over a list that is never structure, whatever else it names: tips,
    steps, pros and cons, reasons, mistakes.  Narrower than :func:`not_structure`: a list under
    "Key features", "Uses" or "Timeline" may still name parts or members when its lead-in,
    heading or prompt says so (on unseen answers such lists held right pairs and no wrong
    ones), so those words no longer shut a list out before its kind is read."""
    return bool(_REMARKS.search(text))


# noun_phrase's patterns, compiled once: it runs for every list item and lead-in part (~9,000
# regex calls a pass over the synthetic answers; the module-level cache lookup of an uncompiled
# pattern is ~0.8 us of each)
_PHRASE_END = re.compile(
    r"\s+(?:such as|e\.g\.|e\.g|for example|including|like)\b|,\s|;|\s+[\u2013\u2014]\s+|\s+-\s+"
)
_INDEFINITE = re.compile(r"(?i)an?\s")
_TO_VERB = re.compile(r"\s+to\s+(?=[a-z]+\b)")
_PARENTHESIS_OPEN = re.compile(r"\s*\([^)]*\)?")
_COLLECTIVE = re.compile(
    r"(?i)^(?:a|an|the)?\s*(?:set|number|range|pair|series|group|couple)\s+of\s+"
)
_COUNT = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+")
_CONTRACTION = re.compile(r"(?i)\b(it|they|he|she|this|these)['’](?:s|re|ve|ll)\b")


def noun_phrase(text: str) -> str:
    """ "A set of commands for inspecting history" → "commands for inspecting history", "21
    stages" → "stages", "a stove such as a Trangia" → "stove": the name an item gives."""
    text = _PHRASE_END.split(text)[0]
    if _INDEFINITE.match(text):  # "A repository to store the history", not "the right to X"
        text = _TO_VERB.split(text)[0]
    text = _PARENTHESIS_OPEN.sub("", text)
    name = clean_name(text)
    name = _COLLECTIVE.sub("", name)
    name = _COUNT.sub("", name)
    return clean_name(name)


def name_list(text: str, max_words: int = 4) -> list[str] | None:
    """ "amoxicillin, flucloxacillin and ampicillin" → the names; None when the text is a phrase
    or a sentence rather than a list of names."""
    text = re.sub(r"\s*\([^)]*\)", "", text).strip().rstrip(".")
    text = re.sub(r"(?i)^(?:the following|these|such as|including|e\.g\.?)\s*:?\s*", "", text)
    if not text:
        return None
    parts = []
    for raw in _LIST_SPLIT.split(text):
        if not raw.strip():
            continue
        part = noun_phrase(raw) if not re.search(r"[\"“]", raw) else clean_name(raw)
        part = _QUANTIFIERS.sub("", part) if not part[:1].isupper() else part
        if part.lower() not in ("more", "others", "etc", "so on", "many more", "other"):
            p = clean_name(part)
            # a proper name may be long ("Federal Reserve Bank of New York"); one part that is no
            # name makes the text no list, so the rest is not read (a sentence has many parts)
            if not p or len(p.split()) > (8 if p[:1].isupper() else max_words):
                return None
            if _NOT_NAMES.search(p):
                return None
            parts.append(p)
    if not parts or (len(parts) == 1 and not re.search(r",|\band\b|\bor\b|\+", text)):
        return None
    return parts


_OF_AN_INSTANCE = re.compile(r"^(?P<x>.+?)\s+of\s+(?:a|an)\s+[\w'’\-]+(?:\s+[\w'’\-]+){0,2}$")


def resolve(ctx: ReadContext, block: Block, phrase: str) -> Name | None:
    """The whole a phrase names: a pronoun or "the <noun>" is the section's implicit subject
    (when there is one), anything else is the phrase itself, quantifiers dropped."""
    raw = _CONTRACTION.sub(r"\1", " ".join(phrase.split()))
    words = raw.lower().split()
    if not words:
        return None
    subject = ctx.section_subject(block)
    if words[0] in _PRONOUNS and len(words) <= 2:
        return subject
    if words[0] in _QUESTION or all(w in _DETERMINERS for w in words):
        return None  # "Who were …", a bare "The": no whole named
    name = clean_name(_QUANTIFIERS.sub("", raw + " ").strip())
    name = re.sub(r"\s+(?:itself|themselves)$", "", name)  # "The CPU itself contains …"
    # "members of NATO in 1949", "the rocks there": a time or place after the whole is no part
    # of its name
    name = re.sub(
        r"\s+(?:(?:in|since|during|from|until|after|before|by|as of|around|circa)\s+(?:the\s+)?"
        r"(?:\d|early|late|mid|\w+\s+century)|there|today|now|today's).*$",
        "",
        name,
    )
    if not name:
        return None
    # "The **human skeleton** of an adult has 206 bones": an indefinite "of a/an …" after the
    # term the block sets in bold or italics says whose instance is meant, not which whole
    if (m := _OF_AN_INSTANCE.match(name)) is not None and _emphasised(block, m.group("x")):
        name = m.group("x")
    determined = words[0] in _DETERMINERS
    if (
        determined
        and words[0] not in ("a", "an")  # "A tanka is …" introduces a thing, never the topic
        and subject is not None
        and len(name.split()) == 1
        and name.islower()
        and (subject.text.lower().endswith(singular(name.lower())) or singular(name) == name)
        and not _emphasised(block, name)
    ):
        return subject  # "the band", "The symphony": what the section is about
    if _KIND_ONLY.match(name) or name.lower() in ("ones", "one"):
        return None  # "The main types are:": a kind word names the children, not the whole
    return Name(name)


def _emphasised(block: Block, noun: str) -> bool:
    """Whether the block sets ``noun`` in bold or italics ("The **diamond** is made up of four
    bases"): a term the sentence introduces, not a word for what the section is about."""
    text = block.text
    return any(text[a:b].strip(" *_").lower() == noun.lower() for a, b in block.inline.emphasis)


def names_kind(name: str) -> bool:
    """Whether a name is only a kind word with its selecting words ("Main parts", "Members",
    "Key components"): it names what the children are, never their whole."""
    return bool(_KIND_ONLY.match(clean_name(_QUANTIFIERS.sub("", name.strip() + " ").strip())))


def lead_parent(ctx: ReadContext, block: Block, text: str) -> Name | None:
    """The whole a lead-in or heading names, or None when it names none."""
    text = re.split(r"(?<=[.!?])\s+", text.strip())[-1].rstrip(":").strip()
    text = re.sub(r"\s*\([^)]*\)", "", text)
    # "Each strand is built from nucleotides, and each nucleotide has three components": the
    # clause that ends at the colon introduces the list
    text = re.split(r";\s+|,\s+(?:and|but|while|whereas)\s+", text)[-1]
    if not text:
        return None
    if (m := _POSSESSOR.match(text)) is not None:
        return resolve(ctx, block, m.group("x"))
    m = next(
        (o for o in _OF.finditer(text) if not in_title(text, o.start("k"), o.end("k"))),
        None,
    )
    if m is not None:
        return resolve(ctx, block, m.group("x"))
    if (m := _GROUP_INTO.search(text)) is not None:
        return resolve(ctx, block, m.group("x"))
    if (m := _X_KINDS.match(text)) is not None and _only_selection(m.group("x")):
        # "Optional outer parts", "Other main types": a selection of the parts or kinds of a
        # whole named elsewhere (the heading, the prompt, the topic), not a whole of its own
        return None
    if (
        (m := _X_KINDS.match(text)) is not None
        and m.group("x").lower() in _COLLECTIVES
        and kind_of(text[m.end("x") :]) is HierarchyKind.MEMBER_OF
    ):
        # "Band members", "Team roster", "Group members": a collective noun names the kind of
        # group the section is about, whose members they are — "the band", not a group "Band"
        return resolve(ctx, block, f"the {m.group('x').lower()}")
    if (m := _X_KINDS.match(text)) is not None and not _VERB.search(m.group("x")):
        # "Lymphoid organs": a lone adjective before the kind word names no whole of its own,
        # the phrase is the group ("Brass instruments" keeps "Brass": a noun, no such ending)
        whole = text if _ADJECTIVE_WORD.fullmatch(m.group("x")) else m.group("x")
        return resolve(ctx, block, whole)
    if (m := _LEAD_SUBJECT.match(text)) is not None and m.group("x"):
        subject = m.group("x")
        if len(subject.split()) <= 6 and not re.search(r"[,;]", subject):
            return resolve(ctx, block, subject)
    return None


#: collective nouns of people: a group of that kind has members ("Band members", "Club members")
_COLLECTIVES = frozenset(
    re.findall(
        r"\w+",
        "band group team club party league union alliance orchestra choir ensemble crew company "
        "committee council board cabinet squad troupe cast",
    )
)


#: a run of capitalised words (with the small words names hold)
_NAME_RUN = re.compile(
    r"(?<![\w'’])[A-Z][\w'’\-]*(?:\s+(?:of|the|de|von|van|del|[A-Z][\w'’\-]*))*\s+[A-Z][\w'’\-]*"
)


def prompt_name(ctx: ReadContext) -> Name | None:
    """A name of two words or more that the prompt asks about and the answer uses ("How fast
    was Usain Bolt, really?"): what an answer's key-value table is about when no topic, heading
    or first sentence names it."""
    runs = [m.group(0) for m in _NAME_RUN.finditer(ctx.prompt)]
    runs = [r for r in runs if r.split()[0] not in ("The", "A", "An", "What", "How", "Who", "Why")]
    for run in sorted(runs, key=len, reverse=True):
        if run in ctx.doc.source:
            return Name(run)
    return None


def first_subject(ctx: ReadContext) -> Name | None:
    """The subject of the answer's first sentence ("A modern symphony orchestra usually has …"
    → "symphony orchestra"): the whole when neither heading, lead-in nor prompt names one."""
    for block in ctx.doc.blocks[:3]:
        if block.role != "paragraph":
            continue
        sents = ctx.sentences(block)
        if not sents:
            continue
        m = _LEAD_SUBJECT.match(sents[0].text)
        if m is not None and m.group("x") and len(m.group("x").split()) <= 5:
            name = clean_name(_QUANTIFIERS.sub("", m.group("x") + " ").strip())
            if name and name.lower().split()[0] not in _PRONOUNS | _QUESTION:
                return Name(name)
        return None
    return None
