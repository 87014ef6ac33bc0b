"""Subject–predicate–object clauses read off a spaCy dependency parse.

Every verb that heads a clause (main verbs, conjoined verbs, relative clauses, participles) is asked
three questions: who is the subject (its ``nsubj``/``nsubjpass``; for a conjoined verb the first
verb's subject; for a relative clause or participle the noun it hangs on; for a subject-less list
item the implicit subject of its heading; for a pronoun the last compatible subject), what are the
objects (``dobj``, the ``by``-agent of a passive, each prepositional object, the attribute of a
copula) and is it negated.  Copulas get their own reading because most definitional knowledge is
phrased with "is": "X is a Y" (``is_a``), "X is the R of Y" and "the R of Y is X" (``R_of``),
"X is part / a member / a type of Y" (hierarchy).  Appositions read like copulas.  Coordinated
subjects and objects yield one clause each; when the small model mis-attaches a list, the object's
own text is split at commas and "and"/"or" instead.

Names are the named-entity span (extended over an "of (the) Name" part NER cut off, and over a
"City, Region" apposition), a quoted title, or the noun with its modifiers; a class noun around a name
("the asteroid 1147 Stavropolis", "the Columbia Records label") is not part of it but is remembered,
so that a later definite description ("the asteroid", "the film") resolves to the name, and it names
the role in the predicate ("released_by_label").  Phrasings that put the attribute in a noun ("X has
a population of N", "the runway length at X is N", "X had Y as the editor", "X, whose field was Y")
become ``attribute``-voice clauses (the subject's R is the object).

The result is plain data (:class:`Clause`, :class:`Mention`) with character offsets in the parsed
text; turning it into knowledge items, typing entities consistently and canonicalising predicates is
the extractor's job.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["VALUE_LABELS", "Clause", "Coref", "Mention", "clauses", "mention_of", "phrase_mention"]

Voice = Literal["active", "passive", "noun", "attribute", "copula"]
ClauseKind = Literal["relation", "part_of", "member_of", "contains", "subclass_of", "is_a", "alias"]

_WH = frozenset({"which", "who", "whom", "that", "whose", "where", "when", "what"})
_PERSON_PRON = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_THING_PRON = frozenset({"it", "its", "itself"})
_TRAILING_CLASSES = frozenset({
    "label", "club", "team", "company", "band", "group", "album", "song", "single", "film", "movie",
    "series", "show", "asteroid", "planet", "airport", "aerodrome", "river", "city", "town", "state",
    "country", "party", "station", "zone", "league", "genre", "university", "school", "museum",
    "corporation", "firm", "network", "channel", "magazine", "newspaper", "novel", "book", "game",
    "building", "hall", "monument", "dish", "food", "brand", "organisation", "organization", "agency",
    "campus", "headquarters", "mission",
})
# parts of a named thing that a trailing noun picks out: "the X campus is in Y" is where X's campus is
_PART_NOUNS = frozenset({"campus", "headquarters"})
_DURATION = re.compile(r"\b(?:minutes?|mins?|seconds?|secs?|hours?)\b", re.IGNORECASE)
_PART_LOCATED = re.compile(r"^([a-z]+(?:_[a-z]+)?)_(?:located|situated|based|found)(?:_(?:in|at|on))?$")
_ADVERBIAL_OBJECTS = frozenset({
    "addition", "fact", "example", "instance", "particular", "course", "general", "least", "first",
    "turn", "contrast", "summary", "conclusion", "short", "total", "part", "order", "case", "way",
    "time", "times", "today", "recent", "future", "past", "end", "result", "spite", "light",
})
_POSSESSIVE = frozenset({"his", "her", "its", "their"})
_PLURAL_PRON = frozenset({"they", "them", "their", "theirs", "themselves"})
_SKIP_NAMES = frozenset({
    "this", "that", "these", "those", "which", "who", "what", "something", "anything", "everything",
    "nothing", "one", "thing", "things", "i", "you", "we", "me", "us", "my", "your", "our", "here",
    "there", "following", "example", "lot", "way", "ways", "kind", "type", "part", "all", "some",
    "many", "most", "several", "other", "others", "each", "both", "such", "instructions",
    "previous instructions", "above", "below", "information",
})
_NP_MODS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "poss"})
_SKIP_LEFT = frozenset({"det", "poss", "predet", "case", "punct", "cc", "prep", "advmod", "preconj"})
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")
_STRUCT_NOUNS = {
    "part": "part_of", "parts": "part_of", "component": "part_of", "member": "member_of",
    "members": "member_of", "type": "subclass_of", "kind": "subclass_of", "form": "subclass_of",
    "subclass": "subclass_of", "subtype": "subclass_of", "variety": "subclass_of",
    "species": "subclass_of", "branch": "subclass_of", "category": "subclass_of",
}
_STRUCT_VERBS: dict[str, ClauseKind] = {
    "consist_of": "part_of", "composed_of": "part_of", "made_of": "part_of", "comprise": "part_of",
    "made_up_of": "part_of", "contain": "contains", "include": "contains", "comprised_of": "part_of",
}
# class nouns after a name that say what kind of thing it is, not which one
_CLASSIFIERS = frozenset({"genre", "style", "genres", "styles", "cuisine", "dish", "sport",
                          "industry", "sector", "field", "discipline"})
_EDGE_POS = frozenset({"AUX", "VERB", "ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON"})
# "in the municipality of Gettysburg": the place is Gettysburg
_PLACE_NOUNS = frozenset({"city", "town", "state", "country", "municipality", "region", "county",
                          "province", "village", "district", "borough", "island", "capital"})
# "the field of mathematical optimization", "the genre of pop rock": the thing is the pobj itself
_KIND_NOUNS = frozenset({"field", "genre", "area", "discipline", "style", "sport", "industry", "label", "labels"})
_NAMING_VERBS = frozenset({"call", "name", "title", "dub", "know", "entitle", "nickname"})
# nouns a definite description uses for the work or institution an answer is about
_WORK_NOUNS = frozenset({"film", "movie", "album", "song", "single", "book", "novel", "series", "show",
                         "record", "building", "company", "band", "club", "team", "university",
                         "school", "airport", "aerodrome", "city", "town", "country", "museum", "game",
                         "programme", "program", "monument", "asteroid", "planet", "dish", "group",
                         "hall", "institute", "college", "station", "bridge", "tower", "church",
                         "hospital", "stadium", "park", "river", "lake", "mountain", "island", "ship"})
# what NER may call the thing a description names ("" = NER gave no label, common for titles)
_WORKS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", ""})
_INSTITUTIONS = frozenset({"ORG", "FAC", "NORP", ""})
_PLACES = frozenset({"GPE", "LOC", "FAC", ""})
_DESCRIPTION_LABELS: dict[str, frozenset[str]] = {
    **{n: _WORKS for n in ("film", "movie", "album", "song", "single", "book", "novel", "series", "show",
                            "record", "programme", "program", "game")},
    **{n: _INSTITUTIONS for n in ("company", "band", "club", "team", "university", "school", "group",
                                   "institute", "college", "museum", "hospital")},
    **{n: _PLACES for n in ("city", "town", "country", "airport", "aerodrome", "station", "bridge", "tower",
                             "church", "stadium", "park", "river", "lake", "mountain", "island", "building",
                             "hall", "monument")},
}
_NOT_A_THING = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
# "17068.8 millimetres long", "185 cm tall": the adjective names the dimension measured
_MEASURES = {"long": "length", "tall": "height", "high": "height", "wide": "width", "deep": "depth",
             "thick": "thickness", "old": "age", "heavy": "weight"}
_TIME_UNITS = frozenset({"minute", "minutes", "second", "seconds", "hour", "hours", "min", "mins"})
# class nouns of named things: a name ends in one ("Bedford Aerodrome"), "the N" points at one
_CLASS_NOUNS = _TRAILING_CLASSES | _WORK_NOUNS
_GROUP_NOUNS = frozenset({"types", "kinds", "forms", "classes", "categories", "varieties", "examples"})


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


class Coref:
    """Light coreference: a pronoun resolves to the last compatible subject seen before it.

    "he/she" want a person (or a proper name NER left untyped), "it" anything but a person,
    "they" anything; nothing is guessed when no earlier subject fits.
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

    def note_named(self, mention: Mention) -> None:
        if mention.proper and not mention.pronoun:
            self.names.append(mention)
            last = mention.text.split()[-1].lower()
            if last in _WORK_NOUNS:  # "Bedford Aerodrome" is what "the aerodrome" will mean
                self.classes[last] = mention
        if mention.proper and not mention.pronoun and mention.label not in (
            "PERSON", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC", "NORP"
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
        wanted = _DESCRIPTION_LABELS.get(noun)
        for m in reversed(self.names):
            if m.label not in _NOT_A_THING and (wanted is None or m.label in wanted):
                return m
        if self.topic is not None and self.topic.label != "PERSON":
            return self.topic
        return None

    def note(self, mention: Mention) -> None:
        if mention.pronoun:
            return
        if self.topic is None and mention.proper:
            self.topic = mention
        self.any = mention
        # NER calls many buildings and works PERSON ("The Alan B. Miller Hall"): the class noun
        # at the end of a name says it is a thing
        thing = mention.label != "PERSON" or mention.text.split()[-1].lower() in _CLASS_NOUNS
        if not thing and (mention.label == "PERSON" or (mention.proper and not mention.label)):
            self.person = mention
        if thing:
            self.thing = mention

    def resolve(self, pronoun: str, *, owner_of: int = -1) -> Mention | None:
        """``owner_of``: the offset of the noun a possessive pronoun modifies ("their ground"),
        which the pronoun cannot mean."""
        here = self.sentence
        if here is not None and here.start <= owner_of < here.end:
            here = None
        if here is not None and not here.pronoun and pronoun in _POSSESSIVE:
            person = here.label == "PERSON" or (here.proper and not here.label)
            if (pronoun in _PERSON_PRON and person or pronoun in _THING_PRON and here.label != "PERSON"
                    or pronoun in _PLURAL_PRON):
                return here
        if pronoun in _PERSON_PRON:
            return self.person
        if pronoun in _THING_PRON:  # "Geof Bartz edited X, while Tom Simon produced it"
            return self.thing or self.named
        if pronoun in _PLURAL_PRON:
            return self.any
        return None


def _of_name_end(doc: Any, end: int) -> int:
    """Extend a name over an "of" part that is itself a name: "Pools of Light", "King of Prussia",
    "McVeagh of the South Seas", "University of Texas" (the model often cuts names there)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end].head.i != end - 1:
        return end
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
        return end
    if doc[end - 1].ent_type_ in ("GPE", "LOC") and doc[i].ent_type_ in ("GPE", "LOC"):
        return end  # "New Jersey of the United States": two places, not one name
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    return _and_name_end(doc, end - 1, i)


def _and_name_end(doc: Any, head: int, end: int) -> int:
    """"the College of William and Mary", "Department of Health and Human Services": an institution
    named "<noun> of A and B" runs on over "and B" (``head`` is the institution noun's index)."""
    if doc[head].lower_ in _INSTITUTIONS_OF and end + 1 < len(doc) and doc[end].lower_ == "and" \
            and any(t.lower_ == "of" for t in doc[head:end]) \
            and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper():
        end += 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
    return end


# institutions whose names are "<noun> of A and B"
_INSTITUTIONS_OF = frozenset({"college", "university", "school", "institute", "department", "ministry",
                              "museum", "academy", "society", "council", "board", "bank", "church"})


#: NER labels of values (dates, numbers, amounts), never names
VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_JOINERS = frozenset({"-", "\u2013", "\u2014", "/"})


def _name_part(tok: Any) -> bool:
    """A token that can be part of a proper name: capitalised proper noun, or an ordinal ("11th")."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper()) or bool(_ORDINAL.match(tok.text))


def _extend_name(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a named-entity span to the whole proper-noun compound it belongs to.

    The small model's NER often cuts a long name where the parse does not: "FC Amkar Perm" comes
    back as "Amkar Perm", "The ALCO RS-3" as "RS-3", "Adolfo Suárez Madrid–Barajas Airport" as
    "Suárez Madrid".  A capitalised token just left of the span whose head lies inside it (a
    compound modifier), and proper nouns glued on by a dash without spaces, are the same name.
    A demonym is left out ("American Alan Shepard"); a place that modifies the head is kept
    ("Tennessee Titans").
    """
    while start > 0:
        prev = doc[start - 1]
        if prev.text in _JOINERS and not prev.whitespace_ and start > 1 and not doc[start - 2].whitespace_ \
                and _name_part(doc[start - 2]):
            start -= 2  # "Madrid–Barajas Airport" seen from "Airport"
            continue
        if not (_name_part(prev) and prev.dep_ in ("compound", "amod", "nmod", "nummod", "flat")
                and start <= prev.head.i < end and prev.ent_type_ != "NORP" and prev.whitespace_):
            break
        start -= 1
    while end + 1 < len(doc) and doc[end].text in _JOINERS and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and _name_part(doc[end + 1]):
        end += 2  # "Madrid–Barajas"
        while end < len(doc) and _name_part(doc[end]) and doc[end - 1].head.i == end:
            end += 1  # "... Barajas Airport": the compound's head
    return _title_span(doc, start, end)


# small words a title keeps lowercase between its capitalised words ("Death on a Factory Farm",
# "It's Great to Be Young"); "and", "in", "at", "with" are left out on purpose: they join two names
# or a name and a place far more often than they sit inside a title
_TITLE_GLUE = frozenset({"on", "a", "an", "the", "to", "of", "'s", "upon", "without", ":"})


def _title_word(tok: Any) -> bool:
    return (tok.text[:1].isupper() or tok.text.isdigit()) and tok.pos_ not in ("PUNCT", "SYM")


def _title_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a name over Title Case words joined by small words: "Death on a Factory Farm" (the
    parse and NER stop at "Death"), "Expect a Miracle".  Only a run that ends in a capitalised
    word counts, and never past the sentence."""
    sent_end = doc[end - 1].sent.end
    while end < sent_end and doc[end].text.isdigit() and doc[end].ent_type_ not in ("DATE", "TIME") \
            and not doc[end - 1].text.isdigit():
        end += 1  # "Apollo 14", "Volume 1"
    while end < sent_end:
        j = end
        while j < sent_end and doc[j].lower_ in _TITLE_GLUE and not doc[j].text[:1].isupper():
            j += 1
        if j == end and _title_word(doc[j]) and doc[j].ent_iob_ != "B" and doc[j].pos_ != "NUM" \
                and not doc[j - 1].is_punct:
            end += 1  # "English Without Tears": a capitalised word right after the name is more of it
            continue
        if j == end or j >= sent_end or not _title_word(doc[j]) or doc[j].ent_type_ in VALUE_LABELS:
            break
        if doc[end].text == ":" and doc[end - 1].whitespace_:
            break
        end = j
        while end < sent_end and _title_word(doc[end]):
            end += 1
    sent_start = doc[start].sent.start
    while start > sent_start:
        k = start - 1
        while k >= sent_start and doc[k].lower_ in _TITLE_GLUE and not doc[k].text[:1].isupper():
            k -= 1
        if k == start - 1 or k < sent_start or not _title_word(doc[k]) or doc[k].ent_type_ in VALUE_LABELS \
                or doc[k].pos_ == "DET" or doc[k].tag_ in ("VBN", "VBG"):
            break  # (a fronted participle is not a title: "Located on the Seine")
        # "Expect a Miracle", "Year of No Light", "Andy Warhol's Velvet Underground Featuring Nico"
        start = k
        while start > sent_start and _title_word(doc[start - 1]) and doc[start - 1].pos_ != "DET" \
                and doc[start - 1].ent_type_ not in VALUE_LABELS:
            start -= 1
    return start, end


def _ent_span(tok: Any) -> Any:
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _make(doc: Any, start: int, end: int, label: str, proper: bool) -> Mention | None:
    while start < end and (doc[start].dep_ in _SKIP_LEFT and not (doc[start].dep_ == "poss" and doc[start].pos_
                                                                    in ("PROPN", "NOUN"))
                           or doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1  # (a possessor that is a name is kept: "Hypermarcas's revenue" is Hypermarcas's)
    while end > start and (
        (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in ")\"'"
        or doc[end - 1].pos_ in _EDGE_POS
    ):
        end -= 1
    if start >= end:
        return None
    while end - start > 1 and doc[end - 1].tag_ == "POS":  # "Spartak Moscow's"
        end -= 1
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]) and opened[-1] > start:
        end = opened[-1]  # NER ran into a parenthesis: "World Health Organization (WHO"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    kind_noun = ""
    if end - start > 1 and doc[end - 1].lower_ in _CLASSIFIERS and doc[end - 2].pos_ in ("NOUN", "PROPN", "ADJ"):
        kind_noun = doc[end - 1].lower_  # "the pop rock genre": the genre is pop rock
        end -= 1
    if doc[end - 1].like_num and end - start > 1 and all(
        t.pos_ == "NOUN" and t.text[:1].islower() for t in doc[start : end - 1]
    ):
        kind_noun = doc[start:end - 1].text.lower()  # "the year 2000", "ID 0711905"
        start = end - 1
    inner = [t.i for t in doc[start + 1:end - 1] if t.text[:1].islower() and t.lemma_.lower() in _WORK_NOUNS
             and all(u.text[:1].isupper() for u in doc[t.i + 1:end])]
    if inner:  # "the Velvet Underground album Squeeze", "The Train song Mermaid": the name is after the class
        kind_noun = doc[inner[-1]].lower_
        start = inner[-1] + 1
    if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start:end]):
        # "the mobile app company GMA New Media", "the Universal Music Group record label": the name
        # is the capitalised part; the class noun around it is remembered, not kept in the name
        first = start
        while first < end and doc[first].pos_ in ("NOUN", "ADJ") and doc[first].text[:1].islower():
            first += 1
        last = end
        # trailing class nouns only ("FC Amkar Perm football club"): "Carter constant" and "Penrose
        # diagram" keep their noun, it is part of the name
        if last > first and doc[last - 1].lemma_.lower() in _TRAILING_CLASSES and doc[last - 1].text[:1].islower():
            while last > first and doc[last - 1].pos_ == "NOUN" and doc[last - 1].text[:1].islower():
                last -= 1
        if first < last and (first > start or last < end):
            kind_noun = doc[last:end].text.lower() if last < end else doc[first - 1].lower_
            start, end = first, last
    span = doc[start:end]
    text = span.text.strip(" \"'“”‘’")
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "").strip()
    low = text.lower()
    if not text or low in _SKIP_NAMES or not any(ch.isalnum() for ch in text) or len(text) > 120:
        return None
    if len(span) == 1 and (span[0].is_stop or span[0].pos_ in ("PRON", "DET", "ADP", "CCONJ", "PART")):
        return None
    return Mention(text=text, start=span.start_char, end=span.end_char, label=label, proper=proper,
                   kind_noun=kind_noun)


def mention_of(tok: Any, coref: Coref | None = None) -> Mention | None:
    """The entity a noun token names: its named-entity span, or the noun with its modifiers.

    Pronouns come back resolved through ``coref`` (or not at all).
    """
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT"):
        low = tok.lower_
        if coref is not None:
            return coref.resolve(low, owner_of=tok.head.idx if tok.dep_ == "poss" else -1)
        return None
    doc = tok.doc
    if coref is not None and tok.pos_ == "NOUN" and not tok.ent_type_:
        # "the film" / "this airport" after "X is a film" / "the airport X": the same thing
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if dets and dets[0] in ("the", "this", "that") and _of_object(tok) is None and _named_by(tok) is None \
                and _title_after(tok) is None:
            plain = not any(c.dep_ in ("compound", "amod") for c in tok.children)
            found = coref.resolve_class(tok.lower_) or coref.resolve_description(tok.lemma_, plain=plain)
            if found is not None:
                return found
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 9) - 1, -1):
            title = _title_after(doc[j]) if doc[j].pos_ == "NOUN" else None
            if title is not None and title.start <= tok.idx < title.end:
                return title  # "... the 1956 movie It's Great to Be Young which was directed by ..."
    if tok.pos_ == "NOUN" and (title := _title_after(tok)) is not None:
        if coref is not None:
            coref.note_class(tok.lemma_, title)
        return title
    if tok.pos_ == "NOUN":
        named = _named_by(tok)
        if named is not None:  # "a subsidiary called Mantecorp", "the municipality of Gettysburg"
            m = mention_of(named, coref)
            if m is not None:
                if coref is not None:  # "the movie Super Capers": a later "this movie" is Super Capers
                    coref.note_class(tok.lemma_, m)
                kind = " ".join(c.lower_ for c in tok.lefts if c.dep_ == "compound" and not c.ent_type_
                                and c.pos_ == "NOUN")  # "the time zone known as X": a time zone
                return Mention(m.text, m.start, m.end, m.label, m.proper, "", f"{kind} {tok.lower_}".strip())
    quoted = _quoted(doc).get(tok.i)
    if quoted is not None:  # a title in quotes is one name, whatever NER made of it
        m = _make(doc, quoted[0], quoted[1], tok.ent_type_ or "WORK_OF_ART", True)
        if m is not None:
            return m
    ent = _ent_span(tok)
    if ent is not None and tok.ent_type_ != "ORDINAL":
        start, end = ent.start, ent.end
        if tok.ent_type_ not in VALUE_LABELS:
            start, end = _extend_name(doc, start, end)
        end = _of_name_end(doc, end)
        heads = [t.i for t in doc[start:end] if t.lower_ in _INSTITUTIONS_OF]
        if heads:
            end = _and_name_end(doc, heads[0], end)
        if tok.ent_type_ == "DATE":  # "on 3rd October 1983": NER leaves the day out
            k = start - 1 if start > 0 and doc[start - 1].lower_ == "of" else start
            if k > 0 and (_ORDINAL.match(doc[k - 1].text) or doc[k - 1].text.isdigit() and len(doc[k - 1]) <= 2):
                start = k - 1
        if tok.ent_type_ == "GPE" and end + 1 < len(doc) and doc[end].text == "," \
                and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B":
            # "La Crosse, Wisconsin": a place disambiguated by its region is one name
            nxt = _ent_span(doc[end + 1])
            if nxt is not None and nxt.root.dep_ == "appos" and ent.start <= nxt.root.head.i < ent.end:
                end = nxt.end
        m = _make(doc, start, end, tok.ent_type_, True)
        if m is not None and m.kind_noun and coref is not None:
            coref.note_class(m.kind_noun, m)
        return m
    if tok.pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ", "SYM") and not tok.like_num:
        return None
    left = tok.i
    # "The Death on a Factory Farm": a capitalised noun inside a sentence is a name the tagger missed
    proper = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.text.isupper()
                                     and (not tok.is_sent_start or _title_span(doc, tok.i, tok.i + 1)[1] > tok.i + 1))
    for child in tok.lefts:
        if child.dep_ not in _NP_MODS or child.dep_ == "poss":
            continue
        if proper and child.dep_ in ("amod", "nummod", "npadvmod", "quantmod") and not (
            child.pos_ == "PROPN" and child.ent_type_ != "NORP" or child.i == tok.i - 1 and child.like_num
            or _ORDINAL.match(child.text) and child.i == child.head.left_edge.i + (
                1 if child.head.left_edge.lower_ in ("the", "a", "an") else 0)
        ):
            continue  # "American Alan Shepard", "185 cm tall Aleksandr Prudnikov": not the name
        left = min(left, child.left_edge.i)
    end = tok.i + 1
    if proper:
        for child in tok.rights:
            if child.dep_ in ("compound", "flat", "nummod") and child.i == end:
                end = child.i + 1
        left, end = _extend_name(doc, left, end)
        end = _of_name_end(doc, end)
    m = _make(doc, left, end, "", proper)
    if m is not None and m.kind_noun and coref is not None:
        coref.note_class(m.kind_noun, m)
    if m is not None and not proper and tok.pos_ == "NOUN" and coref is not None and coref.topic is not None \
            and coref.topic.label not in VALUE_LABELS \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children):
        lemma = tok.lemma_.lower()
        m = dataclasses.replace(m, definite=True, unresolved=lemma in _CLASS_NOUNS
                                or lemma in coref.classes)
    return m


_QUOTED = re.compile(r"[\"“]([A-Z0-9][^\"“”\n]{0,78}?)[\"”]|‘([A-Z0-9][^‘’\n]{0,78}?)’(?!\w)")


def _quoted(doc: Any) -> dict[int, tuple[int, int]]:
    """Token index → (start, end) of the quoted capitalised title it is in (cached on the doc)."""
    cached: dict[int, tuple[int, int]] | None = doc.user_data.get("grapheme_distill.quoted")
    if cached is not None:
        return cached
    found: dict[int, tuple[int, int]] = {}
    if '"' in doc.text or "“" in doc.text or "‘" in doc.text:
        for m in _QUOTED.finditer(doc.text):
            g = 1 if m.group(1) is not None else 2
            span = doc.char_span(m.start(g), m.end(g), alignment_mode="contract")
            if span is not None and 0 < len(span) <= 12:
                for t in span:
                    found[t.i] = (span.start, span.end)
    doc.user_data["grapheme_distill.quoted"] = found
    return found


# more small words a title after a work noun may hold ("the album Let it Breed", "This'll Be My Year")
_TITLE_SMALL = frozenset({"it", "me", "my", "you", "your", "be", "up", "off", "out", "'ll", "’ll", "'s", "’s",
                          "n't", "'re", "'ve", "'d"})
_TITLE_WORDS_AFTER_NOUN = _TITLE_GLUE | _TITLE_SMALL
_WORK_TITLED = frozenset({"film", "movie", "album", "song", "single", "book", "novel", "series", "show", "ep",
                          "record", "programme", "program", "game", "play", "opera", "poem"})


def _title_after(tok: Any) -> Mention | None:
    """"the 1956 movie It's Great to Be Young", "the album Turn Me On": a work noun right before a
    Title Case run names that work, whatever the parser made of the words (a pronoun, a verb).
    Cached on the doc: every capitalised word asks it of the nouns before it."""
    cache: dict[int, Mention | None] = tok.doc.user_data.setdefault("grapheme_distill.title_after", {})
    if tok.i not in cache:
        cache[tok.i] = _title_after_uncached(tok)
    return cache[tok.i]


def _title_after_uncached(tok: Any) -> Mention | None:
    doc = tok.doc
    if tok.lemma_.lower() not in _WORK_TITLED or tok.i + 1 >= len(doc):
        return None
    i = tok.i + 1
    if doc[i].is_quote:
        return None  # quoted titles are read by _quoted
    if doc[i].lower_ == "the" and i + 1 < len(doc):
        i += 1  # "the album The Quine Tapes": the article is not kept in names
    if not doc[i].text[:1].isupper() or doc[i].pos_ in ("PROPN", "NUM") and doc[i].ent_type_ not in ("", "PERSON"):
        return None  # (a proper noun run is found by the name readings)
    end, last_cap = i, i
    while end < len(doc) and doc[end].sent == tok.sent and (
            doc[end].text[:1].isupper() or doc[end].lower_ in _TITLE_WORDS_AFTER_NOUN
            or doc[end].text.isdigit()):
        if doc[end].text[:1].isupper() or doc[end].text.isdigit():
            last_cap = end
        end += 1
    if last_cap == i and doc[i].pos_ == "PROPN":
        return None
    span = doc[i:last_cap + 1]
    if len(span) < 2 or any(t.pos_ == "PROPN" for t in span) and all(t.pos_ == "PROPN" for t in span):
        return None
    return Mention(text=span.text, start=span.start_char, end=span.end_char, label="WORK_OF_ART", proper=True,
                   kind_noun=tok.lower_)


def _name_after(tok: Any) -> Any:
    """"the club Brentford F.C.": a class noun right before a proper name the parser hung elsewhere;
    the name's last token (its NER span or compound chain gives the whole name)."""
    doc = tok.doc
    if tok.lemma_.lower() not in _CLASS_NOUNS or tok.i + 1 >= len(doc) \
            or not any(c.dep_ == "det" for c in tok.children):
        return None
    i = tok.i + 1
    if not _name_part(doc[i]) or doc[i].head.i == tok.i:
        return None  # (a child of the noun is handled by the appos/compound readings)
    while i + 1 < len(doc) and _name_part(doc[i + 1]) and doc[i].head.i > i:
        i += 1
    return doc[i]


def _named_by(tok: Any) -> Any:
    """The name a class noun introduces: "a subsidiary *called* Mantecorp", "the city of Dijon",
    "the production team Stargate"."""
    after = _name_after(tok)
    if after is not None:
        return after
    for child in tok.children:
        if child.dep_ == "appos" and child.text[:1].isupper() and (
                child.left_edge.i == tok.i + 1 or child.left_edge.i == tok.i + 2 and tok.nbor(1).is_quote):
            return child  # "the film Death on a Factory Farm", "the album The Quine Tapes", "film ‘X’"
    for child in tok.children:
        # a name right before the class noun, when none follows: "1147 Stavropolis asteroid has ..."
        # (but "the HBO film ‘Death on a Factory Farm’" is the film, found above)
        if child.dep_ in ("compound", "nsubj", "nmod") and child.pos_ == "PROPN" and child.i == tok.i - 1 \
                and tok.lemma_.lower() in _CLASS_NOUNS and tok.text[:1].islower():
            return child
        if child.dep_ == "acl" and child.lemma_ in _NAMING_VERBS:
            for g in child.children:
                if g.dep_ in ("oprd", "attr", "dobj") and g.pos_ in ("PROPN", "NOUN", "NUM"):
                    return g
                if g.dep_ == "prep" and g.lower_ == "as":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            return h
        if child.dep_ == "prep" and child.lower_ == "of" and tok.lower_ in _PLACE_NOUNS | _KIND_NOUNS:
            for g in child.children:
                if g.dep_ == "pobj" and (g.pos_ == "PROPN" or tok.lower_ in _KIND_NOUNS and g.pos_ == "NOUN"):
                    return g
    return None


def phrase_mention(doc: Any, start_char: int, end_char: int) -> Mention | None:
    """A mention for a piece of text (a list item, an alias): NER label when it matches an entity."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    label = ""
    for ent in doc.ents:
        if ent.start <= span.start and ent.end >= span.end - 1 and ent.label_ != "ORDINAL":
            label = ent.label_
            break
    proper = any(t.pos_ == "PROPN" for t in span)
    return _make(doc, span.start, span.end, label, proper)


def _split_list(tok: Any, coref: Coref | None) -> list[Mention]:
    """``tok`` and its conjuncts; a mis-parsed list ("solar, wind and hydro power") is split on its
    text instead."""
    if tok.pos_ == "NOUN" and (names := [c for c in tok.children if c.dep_ == "appos"
                                         and c.pos_ == "PROPN" and c.i <= tok.i + 3]):
        tok = names[0]  # "the film English Without Tears"
    address = _address(tok)
    if address is not None:
        return [address]
    ent = _ent_span(tok)
    conj = [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X")
            and not (ent is not None and ent.start <= c.i < ent.end)]  # "George Allen and Unwin"
    mentions: list[Mention] = []
    if conj:
        for t in (tok, *conj):
            m = mention_of(t, coref)
            if m:
                mentions.append(m)
        return mentions
    first = mention_of(tok, coref)
    sub = list(tok.subtree)
    has_list = any(t.dep_ == "cc" or (t.text == "," and t.i > tok.left_edge.i) for t in sub)
    if has_list and not (first and first.label) and len(sub) <= 40:
        doc = tok.doc
        left = tok.left_edge.i
        right = tok.i + 1
        text = doc[left:right].text
        base = doc[left].idx
        pos = 0
        for part in _LIST_SPLIT.split(text):
            idx = text.find(part, pos)
            if idx < 0 or not part.strip():
                continue
            pos = idx + len(part)
            m = phrase_mention(doc, base + idx, base + idx + len(part))
            if m and len(m.text.split()) <= 8:
                mentions.append(m)
        if len(mentions) >= 2:
            return mentions
        mentions = []
    return [first] if first else []


_STREET = re.compile(r"\b(?:Road|Street|St\.|Avenue|Ave\.|Way|Lane|Drive|Boulevard|Blvd\.|Square|Place)\b"
                     r"|\b\d{5,6}\b")


def _address(tok: Any) -> Mention | None:
    """A comma list that holds a street or a postcode is one address, not a list of places:
    "Soldevanahalli, Acharya Dr. Sarvapalli Radhakrishnan Road, Hessarghatta Main Road,
    Bangalore – 560090"."""
    sub = list(tok.subtree)
    if sum(t.text == "," for t in sub) < 2 or len(sub) > 40:
        return None
    doc = tok.doc
    span = doc[sub[0].i:sub[-1].i + 1]
    if not _STREET.search(span.text):
        return None
    return _make(doc, span.start, span.end, "FAC", True)


def _resolve_np(tok: Any) -> Any:
    """Follow an apposition, a copula's attribute or a bracketed abbreviation ("the European Union
    (EU)") to the thing actually talked about."""
    for _ in range(3):
        doc = tok.doc
        if (0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"
                and tok.i >= 2 and doc[tok.i - 2].pos_ in ("PROPN", "NOUN")):
            tok = doc[tok.i - 2]
        elif tok.dep_ == "appos" and tok.pos_ in ("NOUN",) and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        elif tok.pos_ == "NOUN" and (names := [c for c in tok.children if c.dep_ == "appos"
                                                and c.pos_ == "PROPN" and c.i <= tok.i + 3]):
            tok = names[0]  # "the asteroid 1147 Stavropolis, discovered by ..."
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subs = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subs:
                break
            tok = subs[0]
        else:
            break
    return tok


def _is_passive(verb: Any) -> bool:
    for child in verb.children:
        if child.dep_ in ("auxpass", "nsubjpass"):
            return True
    if verb.tag_ == "VBN":
        if verb.dep_ == "ROOT":  # a participle fragment: "Founded by the Parisii"
            return not any(c.dep_ in ("aux", "nsubj", "dobj") for c in verb.children)
        if verb.dep_ in ("acl", "advcl", "relcl"):
            return not any(c.dep_ == "aux" for c in verb.children)
        if verb.dep_ == "conj":
            return _is_passive(verb.head) and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    return False


def _subjects(verb: Any, default: Mention | None, coref: Coref | None, depth: int = 0) -> list[Mention]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            tok = child
            if len(subj) > 1 and tok.pos_ == "NOUN" and subj[1].pos_ == "PROPN" and subj[1].left_edge.i == tok.i + 1:
                tok = subj[1]  # "The production team Stargate is ...": the parse made both subjects
            if tok.lower_ in _WH and verb.dep_ == "relcl":
                tok = _resolve_np(verb.head)
            elif tok.dep_ == "nsubj" and tok.lower_ in _WH:
                return []
            tok = _resolve_np(tok)
            return _split_list(tok, coref)
        if child.dep_ == "expl":
            return []
        if child.dep_ == "csubj":
            title = _title_clause(child)
            return [title] if title is not None else []
    if verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "attr" and verb.head.pos_ == "NOUN" \
            and verb.head.head.lemma_ == "be" and depth < 4:
        # "X is a 35.1 minute long album produced by Y": Y produced X
        return _subjects(verb.head.head, default, coref, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        head = verb.head
        if head.dep_ == "conj" and head.pos_ == "NOUN" and head.head.dep_ == "appos":
            head = head.head  # "X, a singer and musician born in Boston"
        if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ in ("PROPN", "NOUN"):
            head = head.head  # "X, a citizen residing in Y": the apposition describes X
        return _split_list(_resolve_np(head), coref)
    if verb.dep_ in ("conj", "xcomp", "advcl") and depth < 4 and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, default, coref, depth + 1)
    if default is not None and verb.dep_ in ("ROOT", "conj") and depth == 0:
        return [default]
    return []


def _title_clause(tok: Any) -> Mention | None:
    """A clausal subject written in Title Case is a title the parser read as a clause: "Turn Me
    On is a 35.1 minute long album"."""
    words = list(tok.subtree)
    if len(words) < 2 or not all(t.text[:1].isupper() or t.is_punct for t in words):
        return None
    span = tok.doc[words[0].i:words[-1].i + 1]  # not _make: a title may end in "On" or "Me"
    return Mention(text=span.text, start=span.start_char, end=span.end_char, label="WORK_OF_ART", proper=True)


def _neg(tok: Any) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children)


def _noun_phrase_label(tok: Any) -> str:
    """'doctoral advisor', 'capital', 'production team': the relational noun with its modifiers."""
    words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i == tok.i - 1
             or (c.dep_ in ("compound", "amod") and c.i >= tok.i - 3 and not c.ent_type_)]
    return "_".join([*words, tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_])


def _of_object(tok: Any, *, also_for: bool = False) -> Any:
    """The 'Y' of 'R of Y' or of "Y's R" (possessive), if any ('R for Y' too with ``also_for``)."""
    for child in tok.children:
        if child.dep_ == "prep" and (child.lower_ == "of" or also_for and child.lower_ in ("for", "at")):
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
        if child.dep_ == "poss":
            return child
    return None


# works whose kind is told by the words in front of the noun: "a pop rock song", "a punk blues album"
_STYLED_WORKS = frozenset({"song", "single", "album", "ep", "record", "band", "group", "film", "movie", "novel"})
_NOT_STYLES = frozenset({"debut", "first", "second", "third", "last", "new", "famous", "popular", "studio",
                         "live", "compilation", "self", "produced", "solo", "hit", "feature", "short",
                         "animated", "full", "length", "original", "american", "british", "english"})


def _style_of(noun: Any) -> Mention | None:
    """The genre words in front of a work noun: "a pop rock song" -> "pop rock", "an instrumental
    music album" -> "instrumental music"; None when they are not plain words (numbers, names,
    "debut", "compilation")."""
    if noun.lemma_.lower() not in _STYLED_WORKS:
        return None
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    words = noun.doc[start:noun.i]
    if any(not t.is_alpha and t.text != "-" or t.text[:1].isupper() or t.lower_ in _NOT_STYLES
           or t.pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT") for t in words):
        return None
    return _make(noun.doc, start, noun.i, "", False)


def _quantity(unit: Any) -> Mention | None:
    """The quantity a unit noun closes: "17068.8 millimetres" from its number modifiers."""
    start = min(c.left_edge.i for c in unit.children if c.dep_ == "nummod")
    return _make(unit.doc, start, unit.i + 1, "QUANTITY", False)


def _count_label(noun: Any, num: Any) -> str:
    """"16,800 undergraduate students" -> number_of_undergraduate_students (the words between the
    number and the noun belong to what is counted)."""
    words = [c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i > num.i]
    return "number_of_" + "_".join([*words, noun.lower_])


def _owned_object(tok: Any, coref: Coref | None) -> list[Mention]:
    """"played for FC Spartak Moscow's youth team": an object that is a common noun owned by a
    name stands for that name, the noun naming the role (kind noun "youth team"); a bare "youth team"
    node would be shared by every club's youth team.  Empty when the object is not of that shape."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or any(c.dep_ == "det" for c in tok.children):
        return []
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    owner = mention_of(owners[0], coref) if owners else None
    if owner is None or not owner.proper:
        return []
    kind = _noun_phrase_label(tok).replace("_", " ")
    return [dataclasses.replace(owner, kind_noun=kind)]


def _owner_of_part(tok: Any, coref: Coref | None) -> Mention | None:
    """The named thing a common noun is a part of: "the runway at/of X" -> X; "X ... with a runway
    that ..." -> X (the subject of the clause the "with" hangs on)."""
    of = _of_object(tok, also_for=True)
    if of is not None:
        m = mention_of(of, coref)
        return m if m is not None and (m.proper or m.label) else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(tok.head.head, None, coref)
        if len(subjects) == 1 and (subjects[0].proper or subjects[0].label):
            return subjects[0]
    return None


def _is_valueish(m: Mention) -> bool:
    return m.label in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT") or (
        bool(m.text) and m.text[0].isdigit()
    )


def _span(*mentions: Mention, tok: Any = None) -> tuple[int, int]:
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    if tok is not None:
        starts.append(tok.idx)
        ends.append(tok.idx + len(tok.text))
    return (min(starts), max(ends))


class _Reader:
    def __init__(self, default: Mention | None, coref: Coref | None) -> None:
        self.default = default
        self.coref = coref
        self.out: list[Clause] = []

    def add(self, s: Mention, pred: str, o: Mention, voice: Voice, *, tok: Any, neg: bool = False,
            conf: float = 0.8, kind: ClauseKind = "relation") -> None:
        if s.text.lower() == o.text.lower() or not pred or s.unresolved:
            return
        if re.search(r",\s*" + re.escape(o.text) + "$", s.text):
            return  # "Dijon, France" in France: the name says so already
        if o.kind_noun and voice in ("active", "passive") and kind == "relation":
            # "plays in the Série C league", "is in the Pacific time zone": the class noun names the role
            pred = f"{pred}_{o.kind_noun.replace(' ', '_')}"
        if s.kind_noun in _PART_NOUNS and voice in ("active", "passive") and kind == "relation":
            pred = f"{s.kind_noun}_{pred}"  # "The Acharya Institute of Technology campus is located in ..."
        if pred in ("length", "duration", "total_length") and _DURATION.search(o.text):
            pred = "runtime"  # "its total length is 35 minutes": how long a work runs
        located = _PART_LOCATED.match(pred)
        if located and kind == "relation":
            # "X's campus is located in Y" says what X's campus is: the attribute campus, not a location
            pred, voice = located.group(1), "attribute"
        if pred == "is_a" and self.coref is not None and kind == "is_a":
            self.coref.note_class(o.text.split()[-1], s)
        start, end = _span(s, o, tok=tok)
        self.out.append(Clause(s, pred, o, voice, kind, neg, conf, start, end))
        if self.coref is not None:
            self.coref.note_named(s)
            self.coref.note_named(o)

    # ---------------------------------------------------------------- copula / apposition
    def relational_noun(self, subjects: list[Mention], attr: Any, *, tok: Any, neg: bool, conf: float,
                        shared: Any = None) -> bool:
        """'X is the R of (for) Y' / 'X, the R of Y' / "X is Y's R"; also part/member/type of.
        ``shared``: the first noun of a coordination whose "of Y" a bare conjunct shares ("the
        director and producer of Y")."""
        if attr.pos_ == "PROPN":
            return False  # "... is the Republic of the Philippines": a name, not a role
        of = _of_object(attr, also_for=True)
        if of is None and shared is not None and attr.pos_ == "NOUN" and not list(attr.children):
            of = _of_object(shared, also_for=True)
        if of is None:
            return False
        objs = _split_list(of, self.coref)
        if not objs:
            return False
        label = _noun_phrase_label(attr)
        struct = _STRUCT_NOUNS.get(attr.lower_)
        for s in subjects:
            for o in objs:
                if struct == "part_of":
                    self.add(s, "part_of", o, "noun", tok=tok, neg=neg, conf=conf, kind="part_of")
                elif struct == "member_of":
                    self.add(s, "member_of", o, "noun", tok=tok, neg=neg, conf=conf, kind="member_of")
                elif struct == "subclass_of":
                    self.add(s, "is_a", o, "copula", tok=tok, neg=neg, conf=conf, kind="subclass_of")
                else:
                    self.add(s, f"{label}_of", o, "noun", tok=tok, neg=neg, conf=conf)
        return True

    def copula(self, verb: Any, subj_tok: Any | None, subjects: list[Mention], attr: Any, neg: bool) -> None:
        attrs = [attr, *[c for c in attr.conjuncts]]
        group = None
        if subj_tok is not None and subj_tok.lower_ in _GROUP_NOUNS:
            group = _of_object(subj_tok)
        if group is not None:  # "the main types of X are A, B and C"
            parent = mention_of(group, self.coref)
            if parent:
                for child in _split_list(attr, self.coref):
                    self.add(child, "is_a", parent, "copula", tok=verb, neg=neg, conf=0.85, kind="subclass_of")
            return
        for a in attrs:
            if self.relational_noun(subjects, a, tok=verb, neg=neg, conf=0.85,
                                    shared=attr if a is not attr else None):
                continue
            a_mention = mention_of(a, self.coref)
            if a_mention is None:
                continue
            # "the R of Y is X" / "Y's R is X"
            of = _of_object(subj_tok, also_for=True) if subj_tok is not None and subj_tok.pos_ == "NOUN" else None
            if of is None and _is_valueish(a_mention) and subj_tok is not None and subj_tok.pos_ == "NOUN":
                names = [c for c in subj_tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                owner = phrase_mention(subj_tok.doc, names[0].left_edge.idx,
                                       names[-1].idx + len(names[-1].text)) if names else None
                if owner is None and subjects and subjects[0].definite and self.coref is not None:
                    owner = self.coref.topic  # "... Super Capers ... The budget was $2,000,000."
                if owner is not None:  # "Super Capers budget was 2000000": the noun is the attribute
                    self.add(owner, subj_tok.lemma_.lower(), a_mention, "attribute", tok=verb, neg=neg, conf=0.8)
                    continue
            if of is not None:
                owner = mention_of(of, self.coref)
                if owner:
                    label = _noun_phrase_label(subj_tok)
                    if _is_valueish(a_mention):
                        self.add(owner, label, a_mention, "attribute", tok=verb, neg=neg, conf=0.85)
                    else:
                        self.add(a_mention, f"{label}_of", owner, "noun", tok=verb, neg=neg, conf=0.85)
                continue
            served = next((c for c in subj_tok.children if c.dep_ == "acl" and c.tag_ == "VBN"), None) \
                if subj_tok is not None and subj_tok.pos_ == "NOUN" else None
            agents = [g for p in served.children if p.dep_ == "agent" for g in p.children
                      if g.dep_ == "pobj"] if served is not None else []
            doer = mention_of(agents[0], self.coref) if agents else None
            if served is not None and doer is not None and (doer.proper or doer.label) \
                    and (a_mention.proper or a_mention.label):
                # "The place served by the Bedford Aerodrome is the Bedford Autodrome"
                self.add(a_mention, f"{served.lower_}_by", doer, "passive", tok=verb, neg=neg, conf=0.75)
                continue
            if (subj_tok is not None and subjects and subjects[0].definite and self.coref is not None
                    and self.coref.topic is not None and (a_mention.proper or a_mention.label)
                    and subj_tok.lemma_.lower() not in _WORK_NOUNS):
                # "... Super Capers ... The director is Ray Griggs": the topic's director
                self.add(a_mention, f"{_noun_phrase_label(subj_tok)}_of", self.coref.topic, "noun", tok=verb,
                         neg=neg, conf=0.75)
                continue
            if a.pos_ == "NOUN" and not a_mention.label:
                style = _style_of(a)
                for s in subjects:
                    self.add(s, "is_a", a_mention, "copula", tok=verb, neg=neg, conf=0.8, kind="is_a")
                    if style is not None:
                        self.add(s, "genre", style, "attribute", tok=verb, neg=neg, conf=0.7)
                    for prep in a.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "at", "near"):
                            for o in (mention_of(p, self.coref) for p in prep.children if p.dep_ == "pobj"):
                                if o and s.label == "PERSON" and prep.lower_ == "in" and (o.proper or o.label) \
                                        and a.lemma_.lower() not in _PLACE_NOUNS | _CLASS_NOUNS:
                                    # a person is not "a city in Y": "Graco Ramírez is a leader in Morelos"
                                    # names a role there
                                    self.add(s, f"{_noun_phrase_label(a)}_of", o, "noun", tok=verb, neg=neg,
                                             conf=0.7)
                                elif o and o.label in ("GPE", "LOC", "FAC"):
                                    self.add(s, "located_in", o, "passive", tok=verb, neg=neg, conf=0.75)
                        elif prep.dep_ == "prep" and prep.lower_ == "by":  # "X is a pop rock song by Train"
                            for p in prep.children:
                                for o in _split_list(p, self.coref) if p.dep_ == "pobj" else []:
                                    if o.proper or o.label:
                                        self.add(s, f"{a.lemma_.lower()}_by", o, "passive", tok=verb, neg=neg,
                                                 conf=0.75)

    def appos(self, tok: Any) -> None:
        head = tok.head
        if head.pos_ not in ("PROPN", "NOUN") or tok.pos_ not in ("NOUN", "PROPN"):
            return
        if any(c.dep_ in ("conj", "cc") for t in (tok, head) for c in t.children) or head.dep_ == "conj":
            return  # "sour cream, chopped fruits, condensed milk and granola": a list, not an apposition
        subj = mention_of(head, self.coref)
        if subj is None:
            return
        if tok.pos_ == "NOUN" and not tok.ent_type_:
            if self.relational_noun([subj], tok, tok=tok, neg=False, conf=0.8):
                return
            m = mention_of(tok, self.coref)
            if m:
                self.add(subj, "is_a", m, "copula", tok=tok, conf=0.75, kind="is_a")
                style = _style_of(tok)
                if style is not None:  # "Expect a Miracle, an easy listening album, ..."
                    self.add(subj, "genre", style, "attribute", tok=tok, conf=0.65)
            return
        m = mention_of(tok, self.coref)
        if m and m.label in ("GPE", "LOC") and subj.label in ("GPE", "LOC", "FAC"):
            self.add(subj, "located_in", m, "passive", tok=tok, conf=0.7)

    def name_in_place(self, tok: Any) -> None:
        """'The Baku Memorial in Azerbaijan was designed ...': a place phrase on a name locates it;
        "Ciudad Ayala, with an elevation of 1147, ...": a "with" phrase on a name describes it."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                owner = mention_of(tok, self.coref)
                for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
                    if owner is not None:
                        self._with_values(pobj, [owner], prep, False, 0.75)
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                place = mention_of(pobj, self.coref)
                if place is None or place.label not in ("GPE", "LOC"):
                    continue
                owner_tok = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                    and tok.head.head.pos_ == "PROPN" else tok  # "Institute of Technology in India"
                owner = mention_of(owner_tok, self.coref)
                if owner is not None and owner.label not in ("DATE", "TIME", "CARDINAL"):
                    self.add(owner, "located_in", place, "passive", tok=prep, conf=0.7)

    def measure(self, unit: Any) -> None:
        """"X is 17068.8 millimetres long", "X is located 610 metres above sea level", "a runway
        that is 4,349 metres long": a quantity on a dimension adjective or on "above sea level"
        is an attribute of the thing measured (of its owner when the thing is a part: the
        airport's runway_length)."""
        head = unit.head
        if unit.dep_ == "compound" or head.lower_ not in _MEASURES and head.lower_ != "above":
            self.work_length(unit)
            return
        if head.lower_ in _MEASURES:
            name = _MEASURES[head.lower_]
            if unit.lemma_.lower() in _TIME_UNITS:
                name = "runtime"  # "a 35.1 minute long album"
        elif head.lower_ == "above" and any(g.lower_ == "level" and any(c.lower_ == "sea" for c in g.children)
                                            for g in head.children):
            name = "elevation_above_sea_level"
        else:
            return
        value = _quantity(unit)
        if value is None:
            return
        verb = head.head if head.lower_ in _MEASURES else head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("amod", "ROOT") and verb.head is not verb:
            verb = verb.head  # "in Alcobendas, 610 meters above sea level": up to the clause
        things: list[Mention | None]
        thing_tok: Any = None
        if head.dep_ == "amod" and head.head.dep_ == "attr" and head.head.head.lemma_ == "be":
            things = list(_subjects(head.head.head, self.default, self.coref))  # "X is a 35 minute long album"
        elif head.dep_ == "amod":
            things = [mention_of(head.head, self.coref)]
            thing_tok = head.head
        elif verb.pos_ in ("VERB", "AUX"):
            things = list(_subjects(verb, self.default, self.coref))
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            thing_tok = _resolve_np(verb.head) if subj and subj[0].lower_ in _WH and verb.dep_ == "relcl" \
                else (subj[0] if subj else None)
        else:
            return
        part = thing_tok is not None and thing_tok.pos_ == "NOUN" and not thing_tok.ent_type_
        owner = _owner_of_part(thing_tok, self.coref) if part else None
        if owner is not None and thing_tok is not None:
            things, name = [owner], f"{thing_tok.lemma_.lower()}_{name}"
        for thing in things:
            if thing is not None:
                self.add(thing, name, value, "attribute", tok=unit, conf=0.75)

    def work_length(self, unit: Any) -> None:
        """"X is an 83 minute HBO movie", "the 89 minute movie X": a time quantity in front of a
        noun is the runtime of the thing the noun stands for."""
        if unit.lemma_.lower() not in _TIME_UNITS or unit.head.pos_ != "NOUN":
            return
        value = _quantity(unit)
        if value is not None:  # "a 98-minute film": the quantity is "98 minute"
            value = Mention(re.sub(r"(?<=\d)-(?=[a-z])", " ", value.text), value.start, value.end, value.label)
        noun = unit.head
        thing: Mention | None = None
        if _named_by(noun) is not None:
            thing = mention_of(noun, self.coref)
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            things = _subjects(noun.head, self.default, self.coref)
            thing = things[0] if len(things) == 1 else None
        elif noun.dep_ == "appos":
            thing = mention_of(noun.head, self.coref)
        if value is not None and thing is not None and (thing.proper or thing.label):
            self.add(thing, "runtime", value, "attribute", tok=unit, conf=0.7)

    # ---------------------------------------------------------------- verbs
    def existential(self, verb: Any) -> None:
        """"There are 16800 undergraduate students at the University of Burgundy": the place has
        that many students (number_of_undergraduate_students)."""
        for attr in (c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            nums = [c for c in attr.children if c.dep_ == "nummod"]
            num = mention_of(nums[0]) if nums else None
            places = [g for p in attr.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "on")
                      for g in p.children if g.dep_ == "pobj"]
            if num is None or not places:
                continue
            owner = mention_of(places[0], self.coref)
            if owner is not None and (owner.proper or owner.label):
                self.add(owner, _count_label(attr, nums[0]), num, "attribute", tok=verb, neg=_neg(verb), conf=0.75)

    def measure_verb(self, verb: Any, subjects: list[Mention]) -> bool:
        """"X measures 17068.8 millimetres in length": the dimension named after "in" is an
        attribute of the subject.  False when the verb is not used that way."""
        dims = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        units = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")
                 and any(n.dep_ == "nummod" for n in c.children)]
        if not dims or not units:
            return False
        value = _quantity(units[0])
        if value is None:
            return False
        for s in subjects:
            self.add(s, dims[0].lemma_.lower(), value, "attribute", tok=verb, conf=0.75)
        return True

    def verb(self, verb: Any) -> None:
        subj_toks = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children):
            self.existential(verb)
            return
        subjects = _subjects(verb, self.default, self.coref)
        one_of = bool(subj_toks) and subj_toks[0].lower_ == "one" and verb.lemma_ == "be"
        if not subjects and not one_of:
            return
        if verb.lemma_ == "measure" and self.measure_verb(verb, subjects):
            return
        subj_tok = subj_toks[0] if subj_toks else None
        neg = _neg(verb)
        passive = _is_passive(verb)
        conf = 0.8 if subj_toks else 0.7
        if subj_tok is not None and verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in subj_tok.children):
            self.whose(verb, subj_tok, neg)
            return
        if verb.lemma_ == "be" and verb.pos_ == "AUX" and verb.dep_ == "relcl" \
                and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children) \
                and self.where(verb, subj_tok, neg):
            return
        if verb.lemma_ == "be" and verb.pos_ == "AUX":
            if subj_tok is not None and subj_tok.lower_ == "one":  # "One of the leaders of Turkey is X"
                subj_tok = next((g for p in subj_tok.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), subj_tok)
            for child in verb.children:
                if child.dep_ == "attr" or child.dep_ == "acomp" and child.like_num:
                    # ("The total area of X is 1439.0": the parser may make the number an acomp)
                    self.copula(verb, subj_tok, subjects, child, neg)
                elif child.dep_ == "acomp":
                    self._preps(child, subjects, child.lemma_.lower(), "active", neg, conf)
                elif child.dep_ == "prep":
                    of = _of_object(subj_tok) if subj_tok is not None and subj_tok.pos_ == "NOUN" \
                        and _named_by(subj_tok) is None else None  # ("the state of Morelos" is Morelos)
                    owner = mention_of(of, self.coref) if of is not None else None
                    if owner is not None and subj_tok is not None:
                        # "X's nationality was with Y", "her residence was in India"
                        self._prep(child, [owner], _noun_phrase_label(subj_tok), "attribute", neg, conf * 0.9,
                                   with_prep=False)
                    else:
                        self._prep(child, subjects, "", "passive", neg, conf * 0.9)
            return
        start_of = "start_" if verb.dep_ == "xcomp" and verb.head.lemma_ in ("start", "begin") else ""
        particle = "".join(f"_{c.lower_}" for c in verb.children if c.dep_ == "prt"
                           or c.dep_ == "dobj" and c.lower_ in ("part", "place") and not list(c.children))
        # ("took part in X": the light verb's noun belongs to the predicate, take_part_in)
        base = start_of + (verb.lower_ if passive else verb.lemma_.lower()) + particle
        # ("started performing in 1995": when the performing started, start_perform_in)
        if passive and verb.lemma_ == "find":
            base = "located"  # "X can be found in Y" (not "founded")
        if (subj_tok is not None and subj_tok.pos_ == "NOUN" and subj_tok.lower_ not in _GROUP_NOUNS
                and len(subjects) == 1 and not subjects[0].proper and not subjects[0].label):
            of = _of_object(subj_tok)
            owner = mention_of(of, self.coref) if of is not None else None
            if owner is None and subjects[0].definite and passive and self.coref is not None \
                    and subj_tok.lemma_.lower() not in _WORK_NOUNS:
                owner = self.coref.topic  # "English Without Tears ... The music was composed by N."
            if owner is not None and (owner.proper or owner.label):
                # "The campus of the Acharya Institute is located at X": the institute's campus is there
                subjects = [owner]
                base = f"{_noun_phrase_label(subj_tok)}_{base}"
        group_parent = None
        if subj_tok is not None and subj_tok.lower_ in _GROUP_NOUNS and verb.lemma_ in ("include", "be"):
            group_parent = _of_object(subj_tok)
        children = list(verb.children)
        if not any(c.dep_ in ("dobj", "obj", "attr", "oprd", "prep", "agent") for c in children):
            for conj in children:  # "X produced and wrote the film": both verbs take the object
                if conj.dep_ == "conj" and conj.pos_ == "VERB":
                    # ("written and directed by Ray Griggs": both participles take the agent)
                    children.extend(c for c in conj.children if c.dep_ == "dobj"
                                    or c.dep_ == "agent" and passive and _is_passive(conj))
                    break
        if verb.lemma_ == "have":
            roles = [g for c in children if c.dep_ == "prep" and c.lower_ == "as"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            holders = [c for c in children if c.dep_ == "dobj"]
            if roles and holders:  # "The movie had Geof Bartz as the editor": its editor is Geof Bartz
                for o in _split_list(holders[0], self.coref):
                    for s in subjects:
                        self.add(s, _noun_phrase_label(roles[0]), o, "attribute", tok=verb, neg=neg, conf=conf)
                return
        for child in children:
            dep = child.dep_
            if dep in ("dobj", "obj", "oprd") or (dep == "attr"):
                if child.lower_ in _WH and verb.dep_ == "relcl":
                    objs = _split_list(_resolve_np(verb.head), self.coref)
                else:
                    objs = _owned_object(child, self.coref) or _split_list(child, self.coref)
                if group_parent is not None:
                    parent = mention_of(group_parent, self.coref)
                    if parent:
                        for o in objs:
                            self.add(o, "is_a", parent, "copula", tok=verb, neg=neg, conf=0.85,
                                     kind="subclass_of")
                    continue
                pred = base
                if verb.lemma_ == "have" and self.have(child, subjects, verb, neg, conf):
                    for extra in child.conjuncts:  # "an orbital period of A and a rotation period of B"
                        self.have(extra, subjects, verb, neg, conf)
                    continue
                kind: ClauseKind = _STRUCT_VERBS.get(pred, "relation")
                for s in subjects:
                    for o in objs:
                        self.add(s, pred, o, "passive" if passive else "active", tok=verb, neg=neg,
                                 conf=conf, kind=kind)
                for sub in child.children:  # "X won the award for Y" stays with the verb
                    if sub.dep_ == "prep" and sub.lower_ in ("in", "at", "on") and verb.lemma_ != "have":
                        self._prep(sub, subjects, base, "passive" if passive else "active", neg, conf * 0.8)
            elif dep == "agent":
                self._prep(child, subjects, base, "passive", neg, conf)
            elif dep == "prep":
                self._prep(child, subjects, base, "passive" if passive else "active", neg, conf)
            elif dep == "npadvmod" and child.ent_type_ == "DATE" and verb.tag_ == "VBN":
                when = mention_of(child, self.coref)  # "X, born 1989-02-24, ..."
                if when is not None:
                    for s in subjects:
                        self.add(s, f"{base}_on", when, "passive", tok=verb, neg=neg, conf=conf * 0.9)
            elif dep == "dative":
                for o in _split_list(child, self.coref):
                    for s in subjects:
                        self.add(s, f"{base}_to", o, "active", tok=verb, neg=neg, conf=conf * 0.9)
            elif dep == "acomp":
                self._preps(child, subjects, f"{base}_{child.lemma_.lower()}", "active", neg, conf * 0.9)

    def have(self, child: Any, subjects: list[Mention], verb: Any, neg: bool, conf: float) -> bool:
        """"X has N members", "X has a population of N", "X has a residence in Y", "X has the UMG
        record label": the object noun names the attribute.  False when none of these fits."""
        nums = [c for c in child.children if c.dep_ == "nummod"]
        if nums:
            num = mention_of(nums[0])
            if num:
                for s in subjects:
                    self.add(s, _count_label(child, nums[0]), num, "attribute", tok=verb, neg=neg, conf=conf)
            return True
        named = mention_of(child, self.coref)
        if named is not None and named.kind_noun and (named.end <= child.idx or named.start > child.idx):
            label = named.kind_noun.replace(" ", "_")
            for s in subjects:
                self.add(s, label, named, "attribute", tok=verb, neg=neg, conf=conf)
            return True
        of = _of_object(child)
        if of is None and child.pos_ == "NOUN":
            of = next((g for p in child.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                       for g in p.children if g.dep_ == "pobj"), None)
        if of is not None and child.pos_ == "NOUN":
            value = mention_of(of, self.coref)
            if value:
                for s in subjects:
                    self.add(s, _noun_phrase_label(child), value, "attribute", tok=verb, neg=neg, conf=conf)
            return True
        return False

    def _with_values(self, noun: Any, subjects: list[Mention], prep: Any, neg: bool, conf: float) -> bool:
        """"X ..., with an elevation of 1147 and a population density of 1604": each "R of N" after
        "with" is an attribute of the subject.  False when the phrase holds no such value."""
        found = False
        for n in (noun, *noun.conjuncts):
            of = _of_object(n) if n.pos_ == "NOUN" else None
            value = mention_of(of, self.coref) if of is not None else None
            if value is not None and _is_valueish(value):
                for s in subjects:
                    self.add(s, _noun_phrase_label(n), value, "attribute", tok=prep, neg=neg, conf=conf)
                found = True
        return found

    def adjective_root(self, adj: Any) -> None:
        """"Tom Sizemore, married to Maeve Quinlan, ...": the parser sometimes makes a participle an
        adjective at the root; its prepositions still say something about the subject."""
        subjects = [m for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")
                    for m in _split_list(c, self.coref)]
        if subjects:
            self._preps(adj, subjects, adj.lower_, "passive", _neg(adj), 0.7)

    def where(self, verb: Any, subj_tok: Any | None, neg: bool) -> bool:
        """"Mexico, where the currency is the peso" (the place's currency is the peso); "California,
        the state where Dianne Feinstein is a senator", "Mexico, where X is one of the leaders" (X
        is a senator / leader of the place).  False when the clause is not of that shape."""
        place_tok = verb.head
        if place_tok.dep_ == "appos" and place_tok.pos_ == "NOUN":
            place_tok = place_tok.head  # "California, the state where ..."
        place = mention_of(place_tok, self.coref)
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if place is None or attr is None or subj_tok is None or place.label not in ("GPE", "LOC", "FAC", "") \
                or not place.proper:
            return False
        if subj_tok.pos_ == "NOUN" and not subj_tok.ent_type_ and _of_object(subj_tok) is None:
            for value in _split_list(attr, self.coref):
                self.add(place, _noun_phrase_label(subj_tok), value, "attribute", tok=verb, neg=neg, conf=0.75)
            return True
        role = attr
        if attr.lower_ == "one":  # "one of the leaders"
            role = next((g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"), attr)
        if role.pos_ != "NOUN":
            return False
        for holder in _split_list(subj_tok, self.coref):
            self.add(place, role.lemma_.lower(), holder, "attribute", tok=verb, neg=neg, conf=0.75)
        return True

    def whose(self, verb: Any, subj_tok: Any, neg: bool) -> None:
        """'X, whose R is/was (on) Y': the owner's R is Y."""
        owners = _split_list(_resolve_np(verb.head), self.coref)
        label = _noun_phrase_label(subj_tok)
        for child in verb.children:
            objs: list[Mention] = []
            if child.dep_ in ("attr", "dobj"):
                objs = _split_list(child, self.coref)
            elif child.dep_ == "prep":
                for g in child.children:
                    if g.dep_ == "pobj":
                        objs.extend(_split_list(g, self.coref))
            for owner in owners:
                for o in objs:
                    self.add(owner, label, o, "attribute", tok=verb, neg=neg, conf=0.75)

    def _preps(self, head: Any, subjects: list[Mention], base: str, voice: Voice, neg: bool, conf: float) -> None:
        for prep in head.children:
            if prep.dep_ == "prep":
                self._prep(prep, subjects, base, voice, neg, conf)

    def _prep(self, prep: Any, subjects: list[Mention], base: str, voice: Voice, neg: bool, conf: float,
              *, with_prep: bool = True) -> None:
        word = prep.lower_ if with_prep else ""
        if prep.dep_ == "agent":
            word = "by"
        pobjs = [g for g in prep.children if g.dep_ == "pobj"]
        if not pobjs:
            # "known for proving the theorem": the gerund's object
            for g in prep.children:
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    pobjs = [d for d in g.children if d.dep_ == "dobj"]
                    base = f"{base}_{word}_{g.lemma_.lower()}".strip("_")
                    word = ""
                    break
        pred = f"{base}_{word}".strip("_") if word else base
        if prep.dep_ == "agent" and not with_prep:
            pred = base
        for pobj in pobjs:
            if pobj.lemma_.lower() in _ADVERBIAL_OBJECTS and not any(c.dep_ == "prep" for c in pobj.children):
                continue  # "in addition", "for example": discourse, not an object
            role = next((g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "as"
                         for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if word == "with" and role is not None:  # "..., with Bernard Knowles as the cinematographer"
                for o in _split_list(pobj, self.coref):
                    for s in subjects:
                        self.add(s, _noun_phrase_label(role), o, "attribute", tok=prep, neg=neg, conf=conf)
                continue
            if word == "with" and pobj.pos_ == "NOUN" and self._with_values(pobj, subjects, prep, neg, conf):
                continue  # "with a periapsis of 260855000000 (and a population density of 1604)"
            if pobj.lower_ == "level" and any(c.lower_ == "sea" for c in pobj.children):
                continue  # "610 metres above sea level" is a measure (see measure())
            kind: ClauseKind = _STRUCT_VERBS.get(pred, "relation")
            objs = [o for o in _owned_object(pobj, self.coref) or _split_list(pobj, self.coref)
                    if not o.start <= prep.idx < o.end]
            # (a preposition inside the object's own name is part of a title: "edited 'Death on a Farm'")
            # "known for the invention of X": the thing invented is the object
            if pobj.lemma_ in ("invention", "discovery", "creation", "development", "role") and len(objs) == 1:
                of = _of_object(pobj)
                if of is not None:
                    objs = _split_list(of, self.coref) or objs
            for s in subjects:
                for o in objs:
                    self.add(s, pred, o, voice, tok=prep, neg=neg, conf=conf, kind=kind)


def clauses(sent: Any, *, default_subject: Mention | None = None, coref: Coref | None = None) -> list[Clause]:
    """All clauses of one parsed sentence (a spaCy ``Span``), in reading order.

    Args:
        sent: the sentence.
        default_subject: the implicit subject of a subject-less list item or fragment.
        coref: resolves pronouns; it is *not* updated here (the caller notes each sentence's
            subject after reading it, so "it" in a sentence never points into the same sentence).
    """
    if coref is not None:
        # "X was born in 1923 and his nationality was ...": a pronoun may point back to the subject of
        # its own sentence (the caller notes that subject for the next sentences afterwards)
        subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.pos_ != "PRON"), None)
        coref.sentence = mention_of(subj) if subj is not None else None
    reader = _Reader(default_subject, coref)
    try:
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                if tok.pos_ == "AUX" and tok.lemma_ != "be":
                    continue
                reader.verb(tok)
            elif tok.pos_ == "ADJ" and tok.dep_ == "ROOT":
                reader.adjective_root(tok)
            elif tok.dep_ == "appos":
                reader.appos(tok)
            if tok.pos_ == "PROPN" and tok.dep_ != "compound":
                reader.name_in_place(tok)
            if tok.dep_ in ("npadvmod", "compound", "nmod") and any(c.dep_ == "nummod" for c in tok.children):
                reader.measure(tok)
    finally:
        if coref is not None:
            coref.sentence = None
    return reader.out
