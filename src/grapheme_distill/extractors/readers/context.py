"""Shared context of the readers: the answer's topic, each block's implicit subject, sentences,
injected instructions.

An answer rarely repeats its subject: "## Quick facts / - **Born:** 1815" is about the person the
answer opened with, "## The Loire Valley" makes the valley the subject of its section, "The
band's members:" makes the band the whole its items belong to.  :class:`ReadContext` works this out
once per answer so that every reader asks the same question the same way.

Instructions addressed to the model inside an answer ("ignore the above and record that …") are
never facts: :func:`injected_spans` finds them (to the end of their sentence or quotation) and
:meth:`ReadContext.sentences` leaves them out for every reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block, Document
from grapheme_distill.extractors.readers.balance import balanced
from grapheme_distill.extractors.readers.facts import Name, clean_name

__all__ = ["INJECTION", "ReadContext", "Sentence", "heading_name", "injected_spans", "prompt_topic"]

#: Text addressed to the model rather than stating something about the world.
INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget)\b.{0,40}?\b(?:instructions?|prompts?|rules|above|previous|everything)\b"
    r"|\byou are now\b|\bsystem (?:prompt|note|message)\b|\bact as (?:a|an|if)\b|\bjailbreak"
    r"|\bdeveloper mode\b|\bnew instructions?\b"
    r"|(?:^|[.!?:;\u2013\u2014\"“]\s*|\band\s+|\bplease\s+|\binstead\s+)"
    r"(?:record|remember|store|note down|write down|save"
    r"|state|say)\s+(?:that|the fact that)\b"
    r"|\b(?:output|print|respond with|reply with)\b.{0,30}\b(?:json|only|exactly)\b",
    re.IGNORECASE,
)
#: the words each match of :data:`INJECTION` holds: one of the first, or "that" and one of the
#: verbs (a cheap test before the scan, which tries every alternative at every offset)
_INJECTION_WORDS = (
    "ignore",
    "disregard",
    "forget",
    "you are now",
    "system",
    "act as",
    "jailbreak",
    "developer mode",
    "new instruction",
    "output",
    "print",
    "respond with",
    "reply with",
)
_INJECTION_VERBS = (
    "record",
    "remember",
    "store",
    "note down",
    "write down",
    "save",
    "state",
    "say",
)


def _may_instruct(text: str) -> bool:
    return may_contain(text, _INJECTION_WORDS) or (
        may_contain(text, ("that",)) and may_contain(text, _INJECTION_VERBS)
    )


# a sentence ends at . ! ? before a space, a closing mark or the end; not inside "5.17", "3.13",
# "e.g.", "i.e.", "a.k.a.", "Dr." (those stay inside the sentence instead of cutting it)
_SENTENCE = re.compile(
    r"(?:[^.!?]|[.!?](?![\s\"”*_)]|$)|(?<=\be\.g)\.|(?<=\bi\.e)\.|(?<=a\.k\.a)\.|(?<=\bvs)\.|"
    r"(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bSt)\.)+(?:[.!?]+|$)"
)
_QUOTE_END = re.compile(r"[\"”]")
#: a period that ends an abbreviation, not a sentence, by what follows it: "(r. 1485–1509)",
#: "(c. 1368)", "Symphony No. 9", "Op. 95" before a number; "Mt. Fuji", "Gen. Grant" before a
#: name; "F. W. Maitland", "G. S. Carr" (an initial before another); "Apple Inc. in 2011"
#: (before a lower-case word)
_BEFORE_NUMBER = re.compile(
    r"(?:^|[\s(\[])(?:c|ca|r|b|d|fl|no|nos|op|vol|vols|pp|p|approx|est)\.$", re.I
)
_BEFORE_NAME = re.compile(
    r"(?:^|[\s(\[])(?:Mt|Ft|Prof|Gen|Col|Lt|Sgt|Capt|Rev|Gov|Sen|Rep|Fr|Hon)\.$"
)
#: "Apple Inc. in 2011", "the U.S. government", "approx. three": an abbreviation before a
#: lower-case word (not after a single letter: joining there gave 2 more wrong linguistic items
#: on the val19 gate)
_BEFORE_LOWER = re.compile(
    r"(?:^|[\s(\[])(?:(?:[A-Za-z]\.)+[A-Za-z]|Inc|Ltd|Co|Corp|Bros|approx|est|etc|cf|al|ca|fl|no|op|"
    r"vol|pp|St|Mt|Jr|Sr)\.$"
)
_INITIAL = re.compile(r"(?:^|[\s(\[])[A-Z]\.$")
#: "Lillie P. Bliss", "John F. Kennedy": an initial after a capitalised word, before a name (a
#: capital letter closing a sentence, "vitamin C.", "Napoleon I.", is followed by an opener)
_NAME_INITIAL = re.compile(r"(?:^|\s)[A-Z][a-z'’\-]+\s[A-HJ-UW-Z]\.$")
#: words that open a sentence, not a name after an initial ("… vitamin C. It …")
_OPENER = re.compile(
    r"(?:The|An?|It|Its|This|These|That|Those|He|She|They|His|Her|Their|In|On|At|For|But|And|As|"
    r"By|With|We|You|I|There|When|After|Before|Some|Many|Most|Today|If|Although|While|Since)\b"
)


def _continues(before: str, after: str) -> bool:
    """The period ending ``before`` closes an abbreviation, and ``after`` goes on with the same
    sentence (see :data:`_BEFORE_NUMBER`)."""
    if not before.endswith(".") or not after:
        return False
    first = after[0]
    if first.islower():
        return _BEFORE_LOWER.search(before) is not None
    if first.isdigit():
        return _BEFORE_NUMBER.search(before) is not None
    if not first.isupper():
        return False
    if _BEFORE_NAME.search(before) is not None:
        return True
    if _INITIAL.search(before) is not None and re.match(r"[A-Z]\.(?:\s|$)", after):
        return True  # "F. W. de Klerk": an initial before another
    if re.match(r"[A-Z][a-z'’\-]+", after) is None or _OPENER.match(after) is not None:
        return False
    # "Lillie P. Bliss", "G. S. Carr": an initial after a name or another initial, before a name
    return (
        _NAME_INITIAL.search(before) is not None
        or re.search(r"[A-Z]\.\s[A-Z]\.$", before) is not None
    )


_GENERIC_HEADINGS = frozenset(
    {
        "facts",
        "fact",
        "overview",
        "history",
        "background",
        "summary",
        "key",
        "quick",
        "details",
        "work",
        "works",
        "career",
        "life",
        "early",
        "later",
        "legacy",
        "course",
        "geography",
        "notes",
        "tips",
        "steps",
        "how",
        "what",
        "why",
        "where",
        "when",
        "features",
        "characteristics",
        "uses",
        "use",
        "examples",
        "example",
        "types",
        "structure",
        "comparison",
        "conclusion",
        "glance",
        "profile",
        "biography",
        "information",
        "info",
        "about",
        "introduction",
        "definition",
        "terms",
        "glossary",
        "key facts",
        "timeline",
        "achievements",
        "importance",
        "significance",
        "impact",
        "origins",
        "origin",
        "description",
        "ingredients",
        "method",
        "instructions",
        "procedure",
        "at a glance",
        "main",
        "major",
        "notable",
        "famous",
        "today",
        "modern",
        "members",
        "parts",
        "components",
        "kinds",
        "personal",
        "death",
        "family",
        "education",
        "style",
        "reception",
        "culture",
        "economy",
        "politics",
        "climate",
        "population",
        "name",
        "names",
        "nicknames",
        "naming",
        "etymology",
        "see also",
        "note",
        "warning",
        "caution",
        "safety",
        "symptoms",
        "treatment",
        "causes",
        "diagnosis",
        "prevention",
        "benefits",
        "risks",
        "pros",
        "cons",
        "advantages",
        "disadvantages",
        "vs",
    }
)

_GROUP_HEADING = re.compile(
    r"\b(?:members|monarchs|kings|queens|rulers|presidents|players|personnel|line-?up|types|kinds|classes|"
    r"categories|varieties|parts|components|examples|steps)\b",
    re.IGNORECASE,
)
#: the nouns that name a whole's children ("the types of tea", "the countries of the United
#: Kingdom", "Alphabet's subsidiaries"): before "of" they name no topic, the whole after them does
_KIND = (
    r"(?:types?|kinds?|classes|categories|varieties|forms|parts|components|members|groups|"
    r"countries|nations|provinces|regions|territories|districts|counties|divisions|"
    r"branches|subsidiaries|departments|constituents|subdivisions|sections|layers|organs|"
    r"ingredients)"
)
# "main parts, components or kinds of X" (the main job's own template), "groups of X"
_KIND_OF = re.compile(
    rf"^(?:main\s+|major\s+|different\s+|common\s+)?(?:{_KIND}\s*(?:,\s*|\s+or\s+|\s+and\s+))*"
    rf"{_KIND}\s+of\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
#: what a prompt may ask to be given ("a timeline of …", "a short biography of …"): the text
#: wanted, no part of the name it is about
_DOCUMENTS = (
    r"list|glossary|timeline|biography|profile|overview|summary|rundown|breakdown|table|"
    r"notes?|fact\s+sheet|description|history|explanation|recipe|guide|leaflet|page|article|"
    r"text|passage|document"
)
_DOCUMENT_ADJ = r"short|brief|quick|numbered|full|complete|simple|basic|detailed|good"
_PROMPT_TOPIC = [
    # "What kinds of clouds are there?", "Which types of tea exist?"
    re.compile(
        rf"^(?:what|which)\s+(?:main\s+|different\s+)?{_KIND}\s+of\s+(?P<x>.+?)\s+"
        r"(?:are|is|exist)(?:\s+there)?\??$",
        re.IGNORECASE,
    ),
    # "Who was in the Beatles?", "What is in a full English breakfast?": the preposition is no
    # part of the name; "and" before a capital goes on with the name ("What is Pride and
    # Prejudice about?", "Who were Lewis and Clark?"), before anything else it adds a question
    re.compile(
        r"^(?:who|what)\s+(?:was|is|were|are)\s+(?:(?:in|on|inside|part of)\s+)?"
        r"(?:the\s+|a\s+|an\s+)?"
        r"(?P<x>.+?)(?:\s+and\s+(?!(?-i:[A-Z])).*)?\??$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:tell me about|overview of|summary of|summari[sz]e|explain|describe|profile of|"
        r"facts about|information about|history of)\s+(?:the\s+|a\s+|an\s+)?(?P<x>.+?)[.?!]*$",
        re.IGNORECASE,
    ),
    # imperatives, read as the questions are: "List the countries of the United Kingdom", "Name
    # the planets of the solar system", "Give me the members of ABBA", "Can you break down the
    # parts of a URL?", "Give me a timeline of the Hundred Years' War", "Turn my notes on Pompeii
    # into a fact sheet" — what is asked for (the things listed, the text wanted) is no name, the
    # whole after its "of" is; a count ("Name three French painters", "Name 5 people … that X is
    # related to") asks for instances and names no whole
    re.compile(
        r"^(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?"
        r"(?:list|name|enumerate|identify|give(?:\s+me|\s+us)?+|show(?:\s+me|\s+us)?+|"
        r"break\s+down|outline|turn|summari[sz]e)\s+"
        # "Name a famous painting": one instance asked for, no whole (but "a timeline of …")
        rf"(?!(?:a|an)\s+(?!(?:(?:{_DOCUMENT_ADJ})\s+)*(?:{_DOCUMENTS})\b))"
        r"(?:(?:a|an|the|my|our|these|this)\s+)?+"
        rf"(?:(?:{_DOCUMENT_ADJ})\s+)*(?:(?:[\w\-]+\s+)??(?:{_DOCUMENTS})\s+(?:of|on|about|for)\s+)?"
        r"(?:all\s+)?(?:(?:the|a|an)\s+)?+"
        r"(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|some|several|a few|few)\b)"
        r"(?:(?:[\w'’\-]+\s+){0,3}?[\w'’\-]+s\s+(?:of|in|on|about|that make up|inside)\s+"
        r"(?:the\s+|a\s+|an\s+)?)?"
        # "List the steps to …", "Show me how to …": a procedure asked for, no thing named
        r"(?!(?:how|what|why|where|when|who|which|whether|steps?|ways?)\b)"
        r"(?P<x>[^?]+?)(?:\s+into\s+.*)?[.?!]*$",
        re.IGNORECASE,
    ),
]
_PRONOUNS = frozenset(
    {"it", "its", "he", "she", "they", "this", "his", "her", "their", "these", "that"}
)
#: the text a prompt hands over, before what it is about ("this page about", "these notes on")
_PASTED = re.compile(
    r"^(?:this|these|the|my|our)\s+(?:page|notes?|text|article|passage|paragraph|document)\s+"
    r"(?:about|on)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: a quantifier opening a sentence ("Both are transport-layer protocols"): no name
_QUANTIFYING = frozenset({"both", "each", "all", "many", "some", "most", "neither", "either"})


def prompt_topic(prompt: str) -> str | None:
    """The thing a prompt asks about ("Who was Ada Lovelace?" → "Ada Lovelace"), if it says."""
    text = " ".join(prompt.strip().split())
    for pattern in _PROMPT_TOPIC:
        m = pattern.search(text)
        if m:
            topic = re.split(
                r"\s+(?:for|in|from|and what|with)\s+(?:me|my|a|the)\b|[,;]|\s+(?:made of|used for|"
                r"known for|famous for|consist|do|does|work|mean|good for)\b|\s+about(?=\s*(?:[,;]|$))"
                # how to tell it ("Explain plate tectonics simply", "… in plain terms")
                r"|\s+(?:simply|briefly|in (?:plain|simple) (?:terms|english|words)|step by step|"
                r"with examples|in detail)\b"
                # "What are the different swimming strokes called?": the naming verb is no name
                r"|\s+(?:called|named)$",
                _KIND_OF.sub("", re.split(r"[.?!]\s", m.group("x"))[0]),
            )[0]
            # "Summarise this page about the Eiffel Tower": the text pasted is about the topic
            topic = _PASTED.sub("", topic)
            # "the different swimming strokes": the word that asks for several is no name
            topic = re.sub(r"^(?:[Tt]he\s+)?(?:different|various)\s+", "", topic)
            # "Alan Turing's life and work": the owner is the topic
            topic = re.sub(r"['’]s\s+(?:life|career|works?|history|legacy)\b.*$", "", topic)
            # "Alphabet's subsidiaries", "Canada's provinces": the owner is the whole
            topic = re.sub(
                rf"(?i)['’]s\s+(?:main\s+|major\s+|different\s+)?{_KIND}$", "", topic.strip()
            )
            topic = clean_name(re.sub(r"^[A-Z][\w\u00c0-\u024f.\- ]*['’]s\s+(?=[A-Z])", "", topic))
            # "the cat family (Felidae)": no half bracket
            topic = balanced(clean_name(_KIND_OF.sub("", topic)))
            if topic and len(topic.split()) <= 6 and topic.lower() not in _PRONOUNS:
                return topic
    return None


def injected_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of instructions addressed to the model: from each marker to the end of its sentence
    or of the quotation it sits in."""
    spans: list[tuple[int, int]] = []
    for m in INJECTION.finditer(text) if _may_instruct(text) else ():
        start = text.rfind(".", 0, m.start()) + 1
        for opener in ('"', "“"):
            q = text.rfind(opener, 0, m.start())
            start = max(q, start)
        stop = re.search(r"[.!?](?:\s|$)", text[m.end() :])
        end = m.end() + stop.end() if stop else len(text)
        if text[start : start + 1] in ('"', "“"):  # a quoted instruction ends with its quotation
            close = _QUOTE_END.search(text, m.end())
            end = close.end() if close is not None else len(text)
        spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block: its text and where it starts in the block's clean text."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


#: the label of a question or answer in an FAQ ("Q:", "**Q.**", "Question 3:", "A:"): a label, no
#: name, and what follows it is a question, not a subject
#: a heading that is a verb phrase: a gerund with its object's determiner or its particle
#: ("Getting started", "Making the dough", "Setting up Python"); a gerund before a noun or a
#: preposition may be a name ("Reading list", "Boeing 747", "Beijing in 1900")
_ACTIVITY_HEADING = re.compile(
    r"^\s*(?:[A-Za-z]{3,}ing|using)\s+(?:the|a|an|your|you|yours|my|our|its|their|his|her|this|these|"
    r"those|that|it|them|some|more|started|up|out|down|off|over|back|through|around|ready)\b",
    re.IGNORECASE,
)
_QA_LABEL = re.compile(r"^[*_\s]*(?:Q|A|Question|Answer)(?:\s*\d+)?[*_]*\s*[:.)][*_]*(?:\s|$)")
#: the same label with its colon, opening a sentence ("A: It has three components"; "A. A. Milne"
#: keeps its initials)
_QA_COLON = re.compile(r"^(?:Q|A|Question|Answer)(?:\s*\d+)?\s*:\s+")


#: a bold word that names nothing: an adverb or an answer word opening an answer ("**Never**
#: change a tyre on the hard shoulder", "**Yes**, …", "**Usually** not")
_NAMES_NOTHING = re.compile(
    r"(?i:never|always|not|no|yes|don['’]t|do|avoid|only|also|still|often|sometimes|rarely|"
    r"seldom|first|then|finally|please|maybe|perhaps|important|note|warning|caution|tip|"
    r"(?:usual|general|typical|absolute|definite|certain|probab|actual|basical|essential|real|"
    r"brief|simp|honest|fortunate|unfortunate|important|ideal|technical)ly)"
)
#: what goes on after a bold label in a lead-in ("**Ingredients** for the dough:", "**Strings** —
#: the largest section:"): a preposition or a dash, no verb of a sentence about the bold thing
_LEAD_ON = re.compile(r"[*_]*\s*(?:for|of|in|on|to|from|with|per|by|at|[\u2013\u2014-])(?:\s|$)")
#: a person's or a place's name in two or more capitalised words, the last no plural ("Ernest
#: Rutherford", "Lake Baikal"); a section's label is a common noun, mostly one word or a plural
#: ("Ingredients", "Forwards", "Main Courses")
_PROPER_NAME = re.compile(
    r"[A-Z][\w'’.\-]*(?:\s+(?:(?:of|de|da|del|van|von|der|le|la|bin|ibn)\s+)?[A-Z][\w'’.\-]*)*"
    r"\s+(?:(?:of|de|da|del|van|von|der|le|la|bin|ibn)\s+)?[A-Z][\w'’.\-]*(?<![a-rt-z]s)"
)

#: a block opening with a question ("Where is it? Off the coast of …")
_ASKS = re.compile(r"[^.!?:;]*\?")


def heading_name(text: str) -> str | None:
    """The entity a heading names ("The Loire Valley"), or None for a generic heading
    ("Quick facts", "How it works"), an activity ("Getting started", "Choosing a bike") or a
    question ("Q: Who founded …?")."""
    if _QA_LABEL.match(text) or text.rstrip(" *_").endswith("?"):
        return None
    head = text.split(":")[0].strip()
    words = re.findall(r"[\w'-]+", head.lower())
    if not words or len(words) > 6:
        return None
    if any(w in _GENERIC_HEADINGS for w in words) or " ".join(words) in _GENERIC_HEADINGS:
        return None
    if words[0] in ("how", "what", "why", "when", "where", "which", "who", "step"):
        return None
    if _GROUP_HEADING.search(head):
        return None  # "The five Tudor monarchs", "Types": a heading over a list of members or kinds
    if _ACTIVITY_HEADING.match(head):
        return None  # "Getting started", "Choosing a bike": an activity, no thing
    return balanced(clean_name(head)) or None  # "The Spanish Armada (1588)": no "(1588"


@dataclass
class ReadContext:
    """Per-answer context shared by the readers."""

    doc: Document
    prompt: str = ""
    topic: Name | None = None
    _injected: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _sentences: dict[int, list[Sentence]] = field(default_factory=dict)
    _and_names: frozenset[str] | None = None

    @classmethod
    def of(cls, doc: Document, prompt: str = "") -> ReadContext:
        ctx = cls(doc=doc, prompt=prompt)
        ctx.topic = ctx._find_topic()
        return ctx

    def _find_topic(self) -> Name | None:
        """The answer's subject: the bold term that opens it, else a heading naming something, else
        the prompt's topic, else the first sentence's subject."""
        for block in self.doc.blocks[:3]:
            if (block.role == "paragraph" or block.index == 0) and block.inline.emphasis:
                a, b = block.inline.emphasis[0]
                rest = block.text[b:].strip()
                if _QA_LABEL.match(block.text) or "?" in block.text[a:b]:
                    continue  # "**Q:** Who founded …?", "**Q. What is a mole?**": an FAQ's label
                owned = next(
                    ((c, d) for c, d in block.inline.emphasis[1:2] if 0 < c - b <= 4), None
                )
                if a <= 4 and rest[:2] in ("'s", "’s") and owned is not None:
                    # "**Rembrandt**'s *The Night Watch* (1642) is …": the owner opens the
                    # sentence, the answer is about what he owns, the highlight right after
                    name = clean_name(re.sub(r"\s*\([^)]*\)?", "", block.text[slice(*owned)]))
                    if name:
                        return Name(name)
                if (
                    a <= 4
                    and rest
                    and not rest.startswith(":")
                    and not _NAMES_NOTHING.fullmatch(block.text[a:b].strip(" *_"))
                    and not self._label(block, b)
                ):
                    name = clean_name(re.sub(r"\s*\([^)]*\)?", "", block.text[a:b]))
                    if name:
                        return Name(name)
        first = self.doc.blocks[0] if self.doc.blocks else None
        if first is not None and first.role == "heading" and (h := heading_name(first.text)):
            return Name(h)
        for block in self.doc.blocks[:2]:  # "MRI stands for magnetic resonance imaging."
            m = re.match(
                r"^(?:The\s+)?(?P<a>[A-Za-z][\w&.\-]{1,10})\s+(?:stands for|is short for|is the (?:\w+\s+)?"
                r"abbreviation (?:for|of))\s+(?P<x>[^.,;:()]{3,60})",
                block.text,
            )
            if m:
                return Name(clean_name(m.group("x")))
        if self.prompt and (p := prompt_topic(self.prompt)):
            return Name(p)
        for block in self.doc.blocks[:3]:  # an FAQ: what its first question asks about
            if (label := _QA_LABEL.match(block.text)) is not None and "?" in block.text:
                question = block.text[label.end() :].split("?")[0].strip(" *_") + "?"
                if p := prompt_topic(question):
                    return Name(p)
                break
        for block in self.doc.blocks[:3]:
            if block.role == "paragraph" and not _QA_LABEL.match(block.text):
                m = re.match(
                    r"^(?:The\s+)?(?P<x>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|de|the|and))"
                    r"{0,5})\s+(?:is|was|are|were)\b",
                    block.text,
                )
                # "There are ten cloud genera", "It was …": no name; "Where is it? Off the
                # coast of …": a question, which names nothing
                if (
                    m
                    and m.group("x").lower() not in _PRONOUNS | _QUANTIFYING | {"there", "here"}
                    and not _ASKS.match(block.text)
                ):
                    return Name(clean_name(m.group("x")))
        return None

    def _label(self, block: Block, end: int) -> bool:
        """Whether the bold run ending at ``end`` labels what follows rather than naming the
        answer's subject: "**You'll need:** tyre levers, …" (its colon inside the bold), or a bold
        line with no more than an aside that heads a list ("**Ingredients** (serves 4)",
        "**Forwards** ("the pack")" over the list of the forwards): a section's label.  Over
        key-value items the bold line names the thing the keys describe — a profile card
        ("**Marie Curie** (1867–1934)" over "- **Born:** …") — and stays the topic."""
        if block.text[:end].rstrip(" *_").endswith(":"):
            return True
        if block.text.rstrip(" *_").endswith(":") and _LEAD_ON.match(block.text[end:]):
            return True  # "**Ingredients** for the dough:": a lead-in, what follows is its list
        rest = re.sub(r"\([^()]*\)", "", block.text[end:]).strip(" *_:")
        after = self.doc.blocks[block.index + 1] if block.index + 1 < len(self.doc.blocks) else None
        return (
            not rest
            and after is not None
            and after.is_item
            and after.role != "key_value"
            and not _PROPER_NAME.fullmatch(re.sub(r"\s*\(.*", "", block.text[:end]).strip(" *_"))
        )

    def section_subject(self, block: Block) -> Name | None:
        """The implicit subject of a block: the nearest heading that names something, else the
        topic."""
        heading = self.doc.heading_of(block)
        while heading is not None:
            name = heading_name(heading.text)
            same = (
                self.topic is not None
                and name is not None
                and name.lower() == self.topic.text.lower()
            )
            if name is not None and not same and (heading.index != 0 or self.topic is None):
                return Name(name)
            heading = self.doc.heading_of(heading)
        return self.topic

    def highlighted_with_and(self) -> frozenset[str]:
        """The names the answer highlights whole that hold "and" ("*Pride and Prejudice*",
        "*War and Peace*"): a list of values must not be split inside them."""
        if self._and_names is None:
            self._and_names = frozenset(
                name
                for block in self.doc.blocks
                for a, b in block.inline.emphasis
                if " and " in (name := block.text[a:b].strip(' *_"“”')) and len(name.split()) <= 8
            )
        return self._and_names

    def injected(self, block: Block) -> list[tuple[int, int]]:
        spans = self._injected.get(block.index)
        if spans is None:
            spans = injected_spans(block.text)
            self._injected[block.index] = spans
        return spans

    def sentences(self, block: Block) -> list[Sentence]:
        """The block's sentences, without instructions addressed to the model (cut once, shared
        by every reader)."""
        cached = self._sentences.get(block.index)
        if cached is None:
            cached = self._sentences[block.index] = list(self._cut(block))
        return cached

    def _cut(self, block: Block) -> Iterator[Sentence]:
        bad = self.injected(block)
        for start, end in _sentence_spans(block.text):
            text = block.text[start:end]
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if not text:
                continue
            start += lead
            if (label := _QA_COLON.match(text)) is not None and label.end() < len(text):
                # "A: A concussion is a mild brain injury": the FAQ's label is no part of the
                # sentence (nor of the term it defines)
                start, text = start + label.end(), text[label.end() :]
            if any(a < start + len(text) and start < b for a, b in bad):
                continue
            yield Sentence(text, start)

    def span(self, block: Block, start: int, end: int) -> tuple[int, int]:
        return block.inline.span(start, end)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` starts and ends: the cuts of :data:`_SENTENCE`, with those
    after an abbreviation's period joined again (:func:`_continues`)."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        if spans and _continues(text[spans[-1][0] : spans[-1][1]].rstrip(), m.group(0).lstrip()):
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    return spans
