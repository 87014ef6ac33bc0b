"""What the spaCy extractor reads from one answer before entities get their final types, and the
shared name resolution that runs over it.

Every reader — the clause reader over spaCy's parse and the document readers over the markdown
(:mod:`grapheme_distill.extractors.readers`) — ends up as :class:`Record` objects in one
:class:`State`.  Only when all of them are in is every mention of a name known, so entity types
(one per name, by vote), short names standing for longer ones (:func:`short_names`) and the
generic phrases that are not entities are decided here, once, for all readers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from grapheme_distill.extractors.document import ATTRIBUTE_KEYS
from grapheme_distill.extractors.predicates import participle_of_making
from grapheme_distill.extractors.readers import Fact, Name
from grapheme_distill.extractors.spacy.clauses import VALUE_LABELS, Coref, Mention
from grapheme_distill.extractors.spacy.folding import class_of, keeps_own_node
from grapheme_distill.extractors.spacy.relation_candidates import Candidate
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import HierarchyKind, KnowledgeType, LinguisticKind

__all__ = [
    "Record",
    "State",
    "add_facts",
    "date_the_made_thing",
    "is_generic",
    "is_loose",
    "mention",
    "short_names",
    "thing_label",
]


@dataclass
class Record:
    """Something read from the answer, before entities get their final types."""

    kind: Literal["relation", "hierarchy", "linguistic", "procedure"]
    subject: Mention | None = None
    object: Mention | None = None
    predicate: str = ""
    voice: str = "active"
    negated: bool = False
    confidence: float = 0.8
    span: tuple[int, int] = (0, 0)
    hierarchy: HierarchyKind | None = None
    linguistic: LinguisticKind | None = None
    value: str = ""
    steps: tuple[str, ...] = ()
    construction: str = "clause"  # which reader and pattern: what confidence is calibrated on
    hedged: bool = False
    model_p: float | None = None  # a learned reader's probability (signals["model_p"])


@dataclass
class State:
    """What one answer has yielded so far."""

    records: list[Record] = field(default_factory=list)
    votes: dict[str, Counter[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    proper: dict[str, bool] = field(default_factory=dict)
    facts: list[Mention] = field(default_factory=list)
    coref: Coref = field(default_factory=Coref)
    sentences: int = 0
    hedged: int = 0
    injection: int = 0
    injected: list[tuple[int, int]] = field(default_factory=list)  # answer spans never read
    keep: set[str] = field(default_factory=set)  # names never folded into a longer one (the topic)
    documented: bool = False  # the document readers read the answer's linguistic forms
    # the learned relation reader's candidates and their spans in the answer (learned_relations)
    candidates: list[tuple[Candidate, tuple[int, int]]] = field(default_factory=list)
    # the pipeline that parsed the answer, for a reader that parses a piece again with words put
    # in (spacy/timeline.inserted); None where no extractor read it (nothing to parse again with)
    parse: Any = None
    # the answer's markdown and its prompt, for the learned entity decision's cues of layout (a
    # name in bold, a heading, a table cell; named in the prompt: entity_choice.TextCues)
    source: str = ""
    prompt: str = ""
    # name key -> the constructions of the document readers' entity facts naming it (add_facts
    # keeps the name only; which reader read it is a cue of the entity decision)
    fact_constructions: dict[str, set[str]] = field(default_factory=dict)

    def see(self, m: Mention) -> str:
        key = normalise_name(m.text)
        self.names.setdefault(key, m.text)
        self.proper[key] = self.proper.get(key, False) or m.proper
        votes = self.votes.get(key)
        if votes is None:  # (not setdefault: a Counter made per call, ~15,000 calls a run)
            votes = self.votes[key] = Counter()
        if m.label:
            votes[m.label] += 1
        return key


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# words that make a name containing another name a different thing ("Loire" / "Loire Valley",
# "Paris" / "Paris Basin", "Nobel" / "Nobel Prize"); "FC", "River" or a first name do not
_DISTINCT_HEADS = frozenset(
    {
        "valley",
        "basin",
        "delta",
        "bridge",
        "airport",
        "station",
        "museum",
        "park",
        "university",
        "college",
        "school",
        "cathedral",
        "church",
        "street",
        "avenue",
        "square",
        "region",
        "department",
        "province",
        "county",
        "district",
        "gorge",
        "estuary",
        "dam",
        "festival",
        "operation",
        "project",
        "prize",
        "award",
        "awards",
        "foundation",
        "institute",
        "syndrome",
        "disease",
        "effect",
        "theorem",
        "law",
        "principle",
        "equation",
        "tower",
        "palace",
        "castle",
        "stadium",
        "hall",
        "library",
        "hospital",
        "company",
        "records",
        "studios",
        "symphony",
        "orchestra",
        "trophy",
        "cup",
        "league",
        "championship",
        "war",
        "treaty",
        "act",
        "agreement",
        "canal",
        "tunnel",
        "railway",
        "line",
        "harbour",
        "harbor",
        "port",
        "peninsula",
        "plateau",
        "mountains",
        "range",
        "desert",
        "sea",
        "gulf",
        "bay",
        "lake",
        "island",
        "islands",
        "forest",
        "on",
        "the",
        "by",
        "in",
        "at",
        "with",
        "from",
        "to",
    }
)


# a language or nationality word names its own thing inside longer names ("Icelandic króna",
# "French Revolution")
_LANGUAGE_LABELS = frozenset({"NORP", "LANGUAGE"})
# one-word keys of key-value lines ("Spouse", "Party"): a name ending in one is two lines read
# as one phrase
_KEY_WORDS = frozenset(k for k in ATTRIBUTE_KEYS if " " not in k)


def short_names(state: State) -> dict[str, str]:
    """Partial names that stand for a longer name used in the same answer: key -> longer key.

    Answers introduce a thing with its full name and then shorten it ("Alan Shepard ... Shepard
    retired", "FC Spartak Moscow ... Spartak Moscow"); without this each short form becomes an
    entity of its own, the duplicate-entity complaint in miniature.  A proper name whose words are a
    contiguous run of exactly one longer proper name's words is that name.  A place inside an
    organisation's or another place's name is not ("Moscow" in "FC Spartak Moscow", "Pennsylvania"
    in "Adams County, Pennsylvania"), and numbers and dates are never shortened names.
    """

    def words(key: str) -> tuple[str, ...]:
        return tuple(w for w in re.split(r"[\s,]+", key) if w)

    def labels(key: str) -> set[str]:
        return set(state.votes.get(key, ()))

    proper = [k for k, p in state.proper.items() if p and any(ch.isalpha() for ch in k)]
    # a colon or a line break inside a long "name" joins two things: "Johannesburg Party: African
    # National Congress" or "Marylebone\nSpouse", key-value lines the parser read as one phrase,
    # or "Star Wars: A New Hope", a work of the franchise; neither is what its part means
    targets = {k for k in proper if not re.search(r": |\n", state.names.get(k, k))}
    long_words = {k: words(k) for k in proper}
    by_word: dict[str, list[str]] = {}  # word -> names that use it (keeps long answers linear-ish)
    for k, kw in long_words.items():
        for w in set(kw):
            by_word.setdefault(w, []).append(k)
    out: dict[str, str] = {}
    for short in proper:
        sw = long_words[short]
        if not sw or labels(short) & (VALUE_LABELS | _LANGUAGE_LABELS):
            continue  # "Icelandic" is the language, not "Icelandic króna"
        if _common_phrase(state.names.get(short, short)):
            continue  # "Rhythm section" is no short form of "All-American Rhythm Section"
        hits = []
        for long in by_word.get(sw[0], ()):
            if long not in targets:
                continue
            lw = long_words[long]
            if len(lw) <= len(sw) or not any(
                lw[i : i + len(sw)] == sw for i in range(len(lw) - len(sw) + 1)
            ):
                continue
            if (set(lw) - set(sw)) & (_DISTINCT_HEADS | _KEY_WORDS) or short in state.keep:
                # "Loire" is not "Loire Valley": the extra word names another thing; nor is
                # "Marylebone" "Marylebone Spouse", a value run into the next line's key
                continue
            extra = [w for w in state.names.get(long, long).split() if w.lower() not in sw]
            if extra and all(w[:1].islower() for w in extra):
                continue  # "Rosa canina" is a species of the genus Rosa, not its full name
            if class_of(sw, state.names.get(long, long)):
                continue  # "Tala" is the class "Adi tala" is one of (see .folding)
            if labels(short) & _PLACE_LABELS and not ("PERSON" in labels(long) and lw[0] == sw[0]):
                continue  # only a first name NER took for a place ("Aleksandr") is let through
            hits.append(long)
        # nested candidates ("Spartak Moscow" in "FC Spartak Moscow" in "FC Spartak Moscow youth team")
        # are one name; two unrelated ones ("John Smith", "Jane Smith") leave "Smith" alone
        maximal = [h for h in hits if not any(h != o and h in o for o in hits)]
        # words after the short name make another thing: "REST" / "REST API" (see .folding)
        if len(maximal) == 1 and not keeps_own_node(
            sw, long_words[maximal[0]], long_is_person="PERSON" in labels(maximal[0])
        ):
            out[short] = maximal[0]
    return out


#: lower-case words inside a name ("Leonardo da Vinci", "Bank of England", "Vincent van Gogh")
_PARTICLES = frozenset(
    {
        *("of", "de", "da", "di", "del", "della", "du", "des", "van", "von", "der", "den", "la"),
        *("le", "y", "the", "and", "for", "on", "in", "al", "bin", "ibn", "el", "e", "&"),
    }
)


def _common_phrase(written: str) -> bool:
    """A phrase of several words with a lower-case word that is no particle ("Rhythm section",
    "Red miso"): a common noun phrase capitalised where it opens a list item or a sentence, not
    a proper name, so no shortened form of a longer proper name that ends in the same words
    ("All-American Rhythm Section": one group, not the band's rhythm section)."""
    words = written.split()
    return len(words) > 1 and any(
        w[:1].islower() and w.lower() not in _PARTICLES for w in words[1:]
    )


# generic phrases are not entities: "five countries", "several major cities", "smaller part"
_GENERIC = re.compile(
    r"^(?:the\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|few|a few|"
    r"various|most|other|these|those|such|more|fewer|numerous|multiple|smaller|larger|bigger|main|"
    r"certain|different|each|every|both|all)\s+[a-z][\w\s-]*$",
    re.IGNORECASE,
)


_UNITS = frozenset(
    {
        "km",
        "m",
        "cm",
        "mm",
        "kg",
        "g",
        "t",
        "lb",
        "ft",
        "mi",
        "miles",
        "metres",
        "meters",
        "kilometres",
        "kilometers",
        "feet",
        "inches",
        "minutes",
        "minute",
        "hours",
        "seconds",
        "years",
        "days",
        "tonnes",
        "tons",
        "percent",
        "million",
        "billion",
        "thousand",
    }
)


_COMPARATIVES = frozenset(
    {"smaller", "larger", "bigger", "greater", "lesser", "higher", "lower", "other"}
)


# "Key: value" read as one name by the parser; titles may have a subtitle after a colon
_LABELLED = re.compile(r"^[^:\s]+(?: [^:\s]+)?:\s+\S")  # "Step 1: Water", not a subtitle
_TITLED = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def is_generic(m: Mention) -> bool:
    """True for a counted or quantified common-noun phrase ("five countries", "several major
    cities"), which names no particular thing, and for a label with its value read as one name
    ("Icelandic: Ísland"); a measure ("185 cm", "89 minutes") is a value."""
    text = m.text.strip()
    if _LABELLED.match(text) and m.label not in _TITLED:
        return True  # "Icelandic: Ísland", "Step 1: Water", "Mammals: Cats": a label and its value
    if m.label in VALUE_LABELS or m.proper or not _GENERIC.match(text):
        return False
    words = text.lower().split()
    if words[0] == "the":
        words = words[1:]
    if len(words) < 2 or words[-1] in _UNITS:
        return False
    if words[0] in _COMPARATIVES:
        return True  # "smaller part"
    return words[-1].endswith("s") and not words[-1].endswith(
        "ss"
    )  # "five countries", not "98 minute film"


def is_loose(r: Record, topic: set[str]) -> bool:
    """True for an active clause between two common nouns, neither of them the answer's topic:
    "the magnet lines up hydrogen nuclei", "the artist begins by sketching the face", "the statue
    shows David" — on the development answers 4 of 50 such clauses were facts an annotator
    recorded (precision 0.08, far under what a kept relation needs to add to F1), while clauses
    about a named thing, about the topic, or stating a date or a number are kept."""
    if r.kind != "relation" or r.construction != "clause":
        return False
    s, o = r.subject, r.object
    if s is None or o is None:
        return False
    about = normalise_name(s.text) in topic
    if s.definite and not about:
        return True
    common_s = not (s.proper or s.label)
    common_o = not (o.proper or o.label)
    if r.voice == "copula" and r.predicate == "is_a":
        # "the outer shell is the lithosphere", "a shot is coffee": a definition (the linguistic
        # reader's) or an identity, rarely a class membership, when the subject is a common noun
        return common_s and not about
    if r.voice == "noun":
        # "the longest cycling race of the world", "the best-selling jazz album of all time": a
        # relational noun whose object is one common word ranks, it does not relate
        return common_o and len(o.text.split()) == 1
    if r.voice != "active":
        return False
    return common_s and common_o and not about


def date_the_made_thing(records: list[Record]) -> None:
    """ "Turing proposed the Turing test in 1950": the year is the test's (``Turing test
    proposed_in 1950``), not something Turing has; the clause's other reading (Turing proposed
    the test) stays.  Only for verbs of making and a named object of the same clause."""
    # (subject, predicate) -> the spans and objects of its clauses; a clause's span runs from its
    # first to its last argument, so "the Act, which Wilson signed on 23 December 1913" gives the
    # object clause and the date clause different starts: overlapping spans are one clause
    made: dict[tuple[str, str], list[tuple[tuple[int, int], Mention]]] = {}
    for r in records:
        if r.kind == "relation" and r.construction == "clause" and r.voice == "active":
            o = r.object
            if (
                r.subject is not None
                and o is not None
                and any(w[:1].isupper() for w in o.text.split())
            ):
                made.setdefault((r.subject.text, r.predicate), []).append((r.span, o))
    for r in records:
        if r.kind != "relation" or r.subject is None or r.object is None:
            continue
        if r.object.label not in ("DATE", "") or r.construction != "clause":
            continue
        verb, _, prep = r.predicate.rpartition("_")
        participle = participle_of_making(verb) if prep in ("in", "on") else None
        thing = next(
            (
                o
                for (a, b), o in made.get((r.subject.text, verb), ())
                if a < r.span[1] and r.span[0] < b
            ),
            None,
        )
        if participle is not None and thing is not None and r.object.label == "DATE":
            r.subject, r.predicate, r.voice = thing, f"{participle}_{prep}", "passive"


_THING_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "river",
            "lake",
            "sea",
            "ocean",
            "mountain",
            "mountains",
            "range",
            "island",
            "city",
            "town",
            "village",
            "country",
            "state",
            "region",
            "province",
            "valley",
            "desert",
            "forest",
            "volcano",
            "peak",
            "capital",
            "waterfall",
            "canal",
            "bay",
            "gulf",
            "strait",
            "peninsula",
            "continent",
            "tributary",
            "glacier",
            "reef",
            "park",
            "building",
            "tower",
            "bridge",
            "cathedral",
            "church",
            "palace",
            "castle",
            "museum",
            "stadium",
            "airport",
            "monument",
        ),
        "LOC",
    ),
    **dict.fromkeys(
        (
            "company",
            "corporation",
            "organisation",
            "organization",
            "agency",
            "band",
            "club",
            "team",
            "university",
            "party",
            "firm",
            "brand",
            "manufacturer",
            "bank",
            "charity",
            "foundation",
            "institute",
            "orchestra",
        ),
        "ORG",
    ),
    **dict.fromkeys(
        (
            "film",
            "movie",
            "novel",
            "book",
            "album",
            "song",
            "opera",
            "symphony",
            "painting",
            "sculpture",
            "statue",
            "play",
            "poem",
            "series",
            "game",
            "language",
            "protocol",
            "software",
            "programme",
            "program",
            "law",
            "regulation",
            "treaty",
        ),
        "WORK_OF_ART",
    ),
}


def thing_label(sent: Any) -> str | None:
    """The label a copula sentence gives its subject by the class noun it names ("X is the
    longest river" → ``LOC``), or None.  NER calls many rivers and works ``PERSON``; the
    answer's own words are better evidence, and pronouns then resolve to the right thing."""
    root = sent.root
    if root.lemma_ != "be":
        return None
    for child in root.children:
        if child.dep_ == "attr" and child.pos_ == "NOUN":
            return _THING_NOUNS.get(child.lemma_.lower()) or _THING_NOUNS.get(child.text.lower())
    return None


def mention(name: Name) -> Mention:
    """A reader's name as a mention (no parse offsets: resolution only needs text and label)."""
    return Mention(text=name.text, start=-1, end=-1, label=name.type, proper=name.proper)


_CONFIDENCE = 0.8  # before calibration; the calibration map replaces it by construction


def add_facts(facts: Sequence[Fact], types: frozenset[KnowledgeType], state: State) -> None:
    """Turn the document readers' facts into records beside the clause reader's."""
    for f in facts:
        subject = mention(f.subject)
        state.see(subject)
        if f.kind == "entity":
            if KnowledgeType.FACTUAL in types:
                state.facts.append(subject)
            continue
        obj = mention(f.object) if f.object is not None else None
        if obj is not None:
            state.see(obj)
            if KnowledgeType.FACTUAL in types:
                state.facts.append(obj)
        if KnowledgeType.FACTUAL in types:
            state.facts.append(subject)
        common = {
            "span": f.span,
            "construction": f.construction,
            "hedged": f.hedged,
            "confidence": _CONFIDENCE * (0.6 if f.hedged else 1.0),
        }
        if f.kind == "relation" and obj is not None:
            state.records.append(
                Record(
                    kind="relation",
                    subject=subject,
                    object=obj,
                    predicate=f.predicate,
                    voice="structure",
                    negated=f.negated,
                    **common,  # type: ignore[arg-type]
                )
            )
        elif f.kind == "hierarchy" and obj is not None and f.hierarchy is not None:
            state.records.append(
                Record(
                    kind="hierarchy",
                    subject=subject,
                    object=obj,
                    hierarchy=f.hierarchy,
                    model_p=f.model_p,  # the learned hierarchy reader's probability
                    **common,  # type: ignore[arg-type]
                )
            )
        elif f.kind == "linguistic" and f.linguistic is not None and f.value:
            state.records.append(
                Record(
                    kind="linguistic",
                    subject=subject,
                    linguistic=f.linguistic,
                    value=f.value,
                    **common,  # type: ignore[arg-type]
                )
            )
