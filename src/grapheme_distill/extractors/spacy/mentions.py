"""Mentions, clauses and light coreference: the plain data the clause reader produces, and the
vocabularies (class nouns, pronouns, place and work nouns) it and the name readers share.

Split out of :mod:`.clauses` (behaviour unchanged): :mod:`.mentions` (this module) → :mod:`.names`
(how a token becomes a name: NER spans, titles, "of"-names, addresses, lists) → :mod:`.clauses`
(the clause reader over a dependency parse).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Literal

from grapheme_distill.extractors.spacy.doc_cache import doc_text
from grapheme_distill.extractors.spacy.grammatical_number import Number, mention_number

__all__ = [
    "DESCRIPTION_LABELS",
    "Clause",
    "ClauseKind",
    "Coref",
    "Mention",
    "Voice",
]

Voice = Literal["active", "passive", "noun", "attribute", "copula"]
ClauseKind = Literal["relation", "part_of", "member_of", "contains", "subclass_of", "is_a", "alias"]

_WH = frozenset({"which", "who", "whom", "that", "whose", "where", "when", "what"})
_PERSON_PRON = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_THING_PRON = frozenset({"it", "its", "itself"})
_TRAILING_CLASSES = frozenset(
    {
        "label",
        "club",
        "team",
        "company",
        "band",
        "group",
        "album",
        "song",
        "single",
        "film",
        "movie",
        "series",
        "show",
        "asteroid",
        "planet",
        "airport",
        "aerodrome",
        "river",
        "city",
        "town",
        "state",
        "country",
        "party",
        "station",
        "zone",
        "league",
        "genre",
        "university",
        "school",
        "museum",
        "corporation",
        "firm",
        "network",
        "channel",
        "magazine",
        "newspaper",
        "novel",
        "book",
        "game",
        "building",
        "hall",
        "monument",
        "dish",
        "food",
        "brand",
        "organisation",
        "organization",
        "agency",
        "campus",
        "headquarters",
        "mission",
    }
)
# parts of a named thing that a trailing noun picks out: "the X campus is in Y" is where X's campus is
_PART_NOUNS = frozenset({"campus", "headquarters"})
_DURATION = re.compile(r"\b(?:minutes?|mins?|seconds?|secs?|hours?)\b", re.IGNORECASE)
_PART_LOCATED = re.compile(
    r"^([a-z]+(?:_[a-z]+)?)_(?:located|situated|based|found)(?:_(?:in|at|on))?$"
)
_ADVERBIAL_OBJECTS = frozenset(
    {
        "addition",
        "fact",
        "example",
        "instance",
        "particular",
        "course",
        "general",
        "least",
        "first",
        "turn",
        "contrast",
        "summary",
        "conclusion",
        "short",
        "total",
        "part",
        "order",
        "case",
        "way",
        "time",
        "times",
        "today",
        "recent",
        "future",
        "past",
        "end",
        "result",
        "spite",
        "light",
    }
)
_POSSESSIVE = frozenset({"his", "her", "its", "their"})
_PLURAL_PRON = frozenset({"they", "them", "their", "theirs", "themselves"})
_SKIP_NAMES = frozenset(
    {
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "what",
        "something",
        "anything",
        "everything",
        "nothing",
        "one",
        "thing",
        "things",
        "i",
        "you",
        "we",
        "me",
        "us",
        "my",
        "your",
        "our",
        "here",
        "there",
        "following",
        "example",
        "lot",
        "way",
        "ways",
        "kind",
        "type",
        "part",
        "all",
        "some",
        "many",
        "most",
        "several",
        "other",
        "others",
        "each",
        "both",
        "such",
        "instructions",
        "previous instructions",
        "above",
        "below",
        "information",
    }
)
_NP_MODS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "poss"})
_SKIP_LEFT = frozenset(
    {"det", "poss", "predet", "case", "punct", "cc", "prep", "advmod", "preconj"}
)
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")
_STRUCT_NOUNS = {
    "part": "part_of",
    "parts": "part_of",
    "component": "part_of",
    "member": "member_of",
    "members": "member_of",
    "type": "subclass_of",
    "kind": "subclass_of",
    "form": "subclass_of",
    "subclass": "subclass_of",
    "subtype": "subclass_of",
    "variety": "subclass_of",
    "species": "subclass_of",
    "branch": "subclass_of",
    "category": "subclass_of",
}
# "made of / from" is left out: what a thing is made of is its material ("cell walls made of
# chitin", "Rocks are made of minerals"), which the conventions keep as a relation (made_of,
# made_from), not as a part; "made up of" names components and stays part_of
_STRUCT_VERBS: dict[str, ClauseKind] = {
    "consist_of": "part_of",
    "composed_of": "part_of",
    "comprise": "part_of",
    "made_up_of": "part_of",
    "contain": "contains",
    "include": "contains",
    "comprised_of": "part_of",
}
# class nouns after a name that say what kind of thing it is, not which one
_CLASSIFIERS = frozenset(
    {
        "genre",
        "style",
        "genres",
        "styles",
        "cuisine",
        "dish",
        "sport",
        "industry",
        "sector",
        "field",
        "discipline",
    }
)
_EDGE_POS = frozenset({"AUX", "VERB", "ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON"})
# "in the municipality of Gettysburg": the place is Gettysburg
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "state",
        "country",
        "municipality",
        "region",
        "county",
        "province",
        "village",
        "district",
        "borough",
        "island",
        "capital",
    }
)
# "the field of mathematical optimization", "the genre of pop rock": the thing is the pobj itself
_KIND_NOUNS = frozenset(
    {"field", "genre", "area", "discipline", "style", "sport", "industry", "label", "labels"}
)
_NAMING_VERBS = frozenset({"call", "name", "title", "dub", "know", "entitle", "nickname"})
# nouns a definite description uses for the work or institution an answer is about
_WORK_NOUNS = frozenset(
    {
        "film",
        "movie",
        "album",
        "song",
        "single",
        "book",
        "novel",
        "series",
        "show",
        "record",
        "building",
        "company",
        "band",
        "club",
        "team",
        "university",
        "school",
        "airport",
        "aerodrome",
        "city",
        "town",
        "country",
        "museum",
        "game",
        "programme",
        "program",
        "monument",
        "asteroid",
        "planet",
        "dish",
        "group",
        "hall",
        "institute",
        "college",
        "station",
        "bridge",
        "tower",
        "church",
        "hospital",
        "stadium",
        "park",
        "river",
        "lake",
        "mountain",
        "island",
        "ship",
    }
)
# what NER may call the thing a description names ("" = NER gave no label, common for titles)
_WORKS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", ""})
_INSTITUTIONS = frozenset({"ORG", "FAC", "NORP", ""})
_PLACES = frozenset({"GPE", "LOC", "FAC", ""})
_BUILDINGS = frozenset({"FAC", "ORG", ""})
DESCRIPTION_LABELS: dict[str, frozenset[str]] = {
    **{
        n: _WORKS
        for n in (
            "film",
            "movie",
            "album",
            "song",
            "single",
            "book",
            "novel",
            "series",
            "show",
            "record",
            "programme",
            "program",
            "game",
        )
    },
    **{
        n: _INSTITUTIONS
        for n in (
            "company",
            "band",
            "club",
            "team",
            "university",
            "school",
            "group",
            "institute",
            "college",
            "museum",
            "hospital",
        )
    },
    **{
        n: _PLACES
        for n in ("city", "town", "country", "park", "river", "lake", "mountain", "island")
    },
    # a building is never a city or a region: "The Sydney Opera House is … in Sydney. The
    # building opened in 1973." is the house's opening (NER calls the house ORG or FAC)
    **{
        n: _BUILDINGS
        for n in (
            "airport",
            "aerodrome",
            "station",
            "bridge",
            "tower",
            "church",
            "stadium",
            "building",
            "hall",
            "monument",
        )
    },
}
_NOT_A_THING = frozenset(
    {"PERSON", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
)
# "17068.8 millimetres long", "185 cm tall": the adjective names the dimension measured
_MEASURES = {
    "long": "length",
    "tall": "height",
    "high": "height",
    "wide": "width",
    "deep": "depth",
    "thick": "thickness",
    "old": "age",
    "heavy": "weight",
}
_TIME_UNITS = frozenset({"minute", "minutes", "second", "seconds", "hour", "hours", "min", "mins"})
# class nouns of named things: a name ends in one ("Bedford Aerodrome"), "the N" points at one
_CLASS_NOUNS = _TRAILING_CLASSES | _WORK_NOUNS
_GROUP_NOUNS = frozenset(
    {"types", "kinds", "forms", "classes", "categories", "varieties", "examples"}
)


#: whether the sentence readers also propose common noun chunks as candidates of the learned entity
#: decision (:mod:`.entity_choice`): None means as the shipped model's file says (``chunks``)
CHUNK_CANDIDATES: ContextVar[bool | None] = ContextVar("chunk_candidates", default=None)


@dataclass(frozen=True)
class Mention:
    """A phrase that names an entity: text and offsets in the parsed text, and what NER said.

    ``pronoun`` is set (and ``text`` is the pronoun) when the mention still needs resolving.
    """

    text: str
    start: int
    end: int
    label: str = ""
    proper: bool = False
    pronoun: str = ""
    kind_noun: str = ""  # a class noun dropped from the name: "the asteroid 1147 Stavropolis"
    # "the budget", "the movie" in an answer about a named thing, that no name was found for
    definite: bool = False
    # ... and the noun is a class of named things ("the movie", "the club"): it points at one of
    # them, but which is unknown (as a subject it would become a "movie" node shared by every
    # answer that says "the movie"); generic definites ("the swift conserves energy") are kept
    unresolved: bool = False
    # only a candidate of the learned entity decision (a noun chunk no rule named): an entity
    # only if the model keeps it (:mod:`grapheme_distill.extractors.spacy.entity_choice`)
    candidate: bool = False
    # a noun chunk's syntax, as ``dep/head POS/first tag`` ("dobj/VERB/NNS"): a cue of the learned
    # entity decision only, left out of equality (two readings of one chunk are one mention)
    syntax: str = field(default="", compare=False)


@dataclass(frozen=True)
class Clause:
    """One reading of one clause: ``subject predicate object``.

    ``voice`` says how ``predicate`` was formed, which matters for mapping onto a vocabulary:
    ``active`` (verb lemma [+ particle/preposition]), ``passive`` (participle + preposition, e.g.
    ``born_in``, ``founded_by``), ``noun`` (a relational noun, ``capital_of``: the subject *is* the
    R of the object), ``attribute`` (the object *is* the subject's R, e.g. population), ``copula``
    (``is_a`` / ``has_property``).
    """

    subject: Mention
    predicate: str
    object: Mention
    voice: Voice
    kind: ClauseKind = "relation"
    negated: bool = False
    confidence: float = 0.8
    start: int = 0
    end: int = 0


#: what the answer's topic cannot be for an "It" opening a section (a person is "he"/"she")
_NOT_A_TOPIC = frozenset(
    {"PERSON", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
)


class Coref:
    """Light coreference: a pronoun resolves to the last compatible subject seen before it.

    "he/she" want a person (or a proper name NER left untyped), "it" anything but a person,
    and neither means several things; "they" wants several things or a group (the last such
    subject, else the answer's topic when it is one: "ABBA was a pop group. Björn … They won the
    Eurovision Song Contest" is ABBA, not Björn), and takes the last subject only when its number
    is unknown; nothing is guessed when no earlier subject fits.  Numbers are read off the parse
    (:func:`mention_number`) of the document the clause reader is reading (``doc``).
    """

    def __init__(self) -> None:
        self.person: Mention | None = None
        self.thing: Mention | None = None
        self.any: Mention | None = None
        self.classes: dict[str, Mention] = {}
        self.sentence: Mention | None = None  # the subject of the sentence being read
        self.named: Mention | None = None  # the last named non-person thing, subject or object
        self.topic: Mention | None = None  # the first named subject: what the answer is about
        self.names: list[Mention] = []  # every name read so far, latest last
        self.doc: Any = None  # the document being read (set by the clause reader): for numbers
        self.plural: Mention | None = None  # the last subject "they" may mean
        # the last mention noted is no span of the document read last (a heading's name)
        self.unread = False
        self.groups: set[str] = set()  # names read as groups once ("ABBA was a group"): for good
        self.numbers: dict[Mention, Number | None] = {}  # the topic's and the last subject's
        self.section: Mention | None = None  # the thing the current section's heading names
        # names the answer described as persons, whatever NER typed them (lower-case; see
        # :func:`.names.mention_of`)
        self.described: set[str] = set()

    def number_of(self, m: Mention) -> Number | None:
        """The number of ``m`` (see :func:`mention_number`); a name once read as a group stays
        one ("ABBA was a pop group …; ABBA won …")."""
        if m in self.numbers:
            return self.numbers[m]
        got = mention_number(self.doc, m) if self.doc is not None else None
        key = m.text.lower()
        if got == "group" and m.proper:
            self.groups.add(key)
        elif key in self.groups and got != "plural":
            got = "group"
        return got

    def note_named(self, mention: Mention) -> None:
        if self.number_of(mention) == "plural":
            return  # "it" never means several things
        if mention.proper and not mention.pronoun:
            self.names.append(mention)
            last = mention.text.split()[-1].lower()
            if last in _WORK_NOUNS:  # "Bedford Aerodrome" is what "the aerodrome" will mean
                self.classes[last] = mention
        if (
            mention.proper
            and not mention.pronoun
            and mention.label
            not in (
                "PERSON",
                "DATE",
                "TIME",
                "CARDINAL",
                "QUANTITY",
                "MONEY",
                "PERCENT",
                "GPE",
                "LOC",
                "NORP",
            )
        ):
            self.named = mention

    def note_class(self, noun: str, mention: Mention) -> None:
        """Remember that ``mention`` is a ``noun`` ("X is a film", "the film X"), so a later
        "the film" can be resolved to it."""
        if noun and not mention.pronoun:
            self.classes[noun.lower()] = mention

    def resolve_class(self, noun: str) -> Mention | None:
        return self.classes.get(noun.lower())

    def resolve_description(self, noun: str, *, plain: bool) -> Mention | None:
        """What "the N" / "this N" means: a thing said to be an N, else the latest name that has
        N among its words ("the institute" -> "Acharya Institute of Technology"), else, for a bare
        N that names a kind of work or institution, the named thing talked about last or the
        answer's topic ("the club" in an answer about a club)."""
        noun = noun.lower()
        found = self.classes.get(noun)
        if found is not None:
            return found
        for m in reversed(self.names):
            if noun in m.text.lower().split():
                return m
        if not plain or noun not in _WORK_NOUNS:
            return None
        # the latest name NER did not type as something else ("the film" is not HBO, the ORG that
        # broadcast it), else the answer's topic
        wanted = DESCRIPTION_LABELS.get(noun)
        for m in reversed(self.names):
            if m.label not in _NOT_A_THING and (wanted is None or m.label in wanted):
                return m
        if self.topic is not None and self.topic.label != "PERSON":
            return self.topic
        return None

    def note(self, mention: Mention) -> None:
        if mention.pronoun:
            return
        here = self.doc is not None and doc_text(self.doc)[mention.start : mention.end]
        self.unread = here != mention.text
        number = self.number_of(mention)
        self.numbers = {k: v for k, v in self.numbers.items() if k is self.topic}
        self.numbers[mention] = number
        if self.topic is None and mention.proper:
            self.topic = mention
        self.any = mention
        if number in ("plural", "group"):
            self.plural = mention
        if number == "plural":
            return  # "it", "he" and "she" never mean several things
        # NER calls many buildings and works PERSON ("The Alan B. Miller Hall"): the class noun
        # at the end of a name says it is a thing; so does being a group ("Pink Floyd were …")
        thing = (
            mention.label != "PERSON"
            or mention.text.split()[-1].lower() in _CLASS_NOUNS
            or number == "group"
        )
        if not thing and (mention.label == "PERSON" or (mention.proper and not mention.label)):
            self.person = mention
        if thing:
            self.thing = mention

    def read(self, doc: Any, *, opens_on_it: bool = False) -> None:
        """The clause reader reads a sentence of ``doc``; ``opens_on_it``: the sentence opens
        ``doc`` (a paragraph) on "It".  Such a paragraph speaks of the answer's topic, as one
        right under a heading does (:meth:`open_on_topic`), not of the last thing the paragraph
        before named: on the dev answers no such "It" read as that thing was a stated fact, a
        third were the topic's.  Not when the last name noted was read off no paragraph since (a
        heading that names a thing: "## The Nile / It flows north")."""
        if opens_on_it and not self.unread:
            self.open_on_topic()
        if doc is not self.doc:
            self.unread = False
        self.doc = doc

    def open_on_topic(self) -> None:
        """A paragraph right under a heading that names no thing, opening on "It" ("## Origins /
        It grew out of the Don't Make a Wave Committee"), speaks of the answer's topic, not of
        the last thing the section before named: "it" means the topic from here on (until
        another subject is noted).  Only at such an opening: inside a paragraph "it" is as often
        the last thing named (taking every "it" for the topic lost right readings)."""
        topic = self.topic
        if topic is not None and topic.label not in _NOT_A_TOPIC:
            self.thing = topic

    def resolve(self, pronoun: str, *, owner_of: int = -1) -> Mention | None:
        """``owner_of``: the offset of the noun a possessive pronoun modifies ("their ground"),
        which the pronoun cannot mean."""
        here = self.sentence
        if here is not None and here.start <= owner_of < here.end:
            here = None
        if here is not None and not here.pronoun and pronoun in _POSSESSIVE:
            person = here.label == "PERSON" or (here.proper and not here.label)
            number = self.number_of(here)
            if (
                pronoun in _PERSON_PRON
                and person
                and number != "plural"
                or pronoun in _THING_PRON
                and here.label != "PERSON"
                and number != "plural"
                or pronoun in _PLURAL_PRON  # "his wife Penelope … their son": the couple
            ):
                return here
        if pronoun in _PERSON_PRON:
            return self.person
        if pronoun in _THING_PRON:  # "Geof Bartz edited X, while Tom Simon produced it"
            return self.thing or self.named
        if pronoun in _PLURAL_PRON:
            return self._several()
        return None

    def _several(self) -> Mention | None:
        """What "they" means: the last subject unless it is known to be one thing, else the last
        subject of several things or a group, else the answer's topic when it is a group."""
        last = self.any
        if last is None or self.numbers.get(last) != "single":
            return last
        if self.plural is not None:
            return self.plural
        topic = self.topic
        if topic is not None and (
            self.numbers.get(topic) in ("plural", "group") or topic.text.lower() in self.groups
        ):
            return topic
        return last
