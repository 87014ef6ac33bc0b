"""The predicate chooser: the last step of the spaCy extractor, naming each finished relation the
way the annotation conventions name it.

Why a step of its own.  A relation is counted only when its predicate is equivalent to the gold
one; on the development answers about 40 % of the pairs of names the readers relate rightly were
lost for their predicate alone ("Kingdom taxon Animalia" for "Animalia rank kingdom",
"typical_wavelength" for "wavelength").  Which name the conventions use depends on things only the
finished relation knows at once: both entity types (after the vote over all mentions), the reader
that made it (its construction) and the words around it.  So the chooser runs after every reader
and after the learned relation decision.  Mostly it renames the predicate (turning the pair round
when the new name says it the other way), the surface form kept as the ``source_predicate``
qualifier (a year stated after a place in one clause is the ``<verb>_in_year`` fact).  Two narrow
steps change pairs, because the conventions name the fact so and only the finished extraction can
tell: a "Town, Region" address's relation moves to the town, which is placed in the region
(:func:`split_addresses`: the answers' conventions, not DBpedia's); "X is a N of <common nouns>"
states no relation and is dropped after the entities are chosen, so its object stays a node.

The conventions are written as rules
(:func:`~grapheme_distill.extractors.predicates.conventional_predicate`).  A learned half (a linear
model scoring each gold predicate against keeping the reader's) was tried in the seventh session
and removed in the eighth: nested grouped cross-validation on the development answers chose
"never rename" in every fold, so it shipped no model and only added code (docs/benchmarks.md).

With a relation vocabulary (schema-constrained benchmarks such as WebNLG) the chooser stays off:
the ontology's labels are chosen by :mod:`grapheme_distill.extractors.vocab`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.predicates import (
    as_written,
    conventional_predicate,
    named_as_source,
    without_object_modifier,
    without_owned_noun,
)
from grapheme_distill.extractors.verb_forms import lemma_as_written
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import EntityType, Relation

__all__ = ["choose_predicates", "split_addresses", "use_predicate_rules"]

_RULES: ContextVar[bool] = ContextVar("predicate_rules", default=True)
_ADDRESSES: ContextVar[bool] = ContextVar("split_addresses", default=True)


@contextmanager
def use_predicate_rules(on: bool) -> Iterator[None]:
    """Inside the block, rename by the conventions (``on``) or keep the readers' own predicates:
    the way to measure what the conventions add (score a dev set both ways)."""
    token = _RULES.set(on)
    try:
        yield
    finally:
        _RULES.reset(token)


@contextmanager
def split_addresses(on: bool) -> Iterator[None]:
    """Inside the block, relate a "Town, Region" address's town (``on``, the answers'
    conventions; also the drop of what a clause leaves unstated, :func:`_without_unstated`) or
    keep the whole address as the relation's end (DBpedia's naming, which the
    WebNLG and Text2KGBench runs of :func:`grapheme_distill.evaluation.evaluate` score against).
    A switch of its own because those runs read without a relation vocabulary too (the schema is
    mapped after extraction), so "no vocabulary" does not tell the benchmarks apart: splitting
    there cost WebNLG .4565 -> .4496-.4530 (docs/benchmarks.md)."""
    token = _ADDRESSES.set(on)
    try:
        yield
    finally:
        _ADDRESSES.reset(token)


def choose_predicates(
    out: Extraction, text: str = "", topic: str | None = None, prompt: str | None = None
) -> None:
    """Rename the predicate of every relation in ``out`` the conventions name otherwise;
    signals follow the renamed item, duplicates merge.  With the answer's ``text`` (the one the
    items' spans point into), a verb's predicate is also named as its clause is written: an
    active verb in its tense (:func:`~grapheme_distill.extractors.verb_forms.as_written`) and
    by its own lemma where spaCy cut it short
    (:func:`~grapheme_distill.extractors.verb_forms.lemma_as_written`: "codes for" is
    ``code_for``), without a word that stands in front of the object's name
    (:func:`~grapheme_distill.extractors.predicates.without_object_modifier`) and without a
    noun the subject owns (:func:`~grapheme_distill.extractors.predicates.without_owned_noun`).
    A reader's canonical name the conventions do not use is named by the reader's own verb
    (:func:`~grapheme_distill.extractors.predicates.named_as_source`: ``after`` read from
    "follow" is ``follows``).
    This runs after the relation model has judged each reading under the reader's predicate
    (the model's features key on that string): renaming in the readers moved which readings
    the model kept, and cost the unseen gates a false positive each (docs/benchmarks.md).
    With the answer's ``topic`` (and ``prompt``), a verb clause about a common noun that is
    not what the answer is about states no fact either (:func:`_without_unstated`)."""
    if not _RULES.get():
        return
    if _ADDRESSES.get():
        _address_towns(out)
        if text:
            _set_off_regions(out, text)
    for index, item in enumerate(out.items):
        if not isinstance(item, Relation):
            continue
        subject, obj = out.entities.get(item.subject), out.entities.get(item.object)
        if subject is None or obj is None:
            continue
        named = item.predicate
        voice = item.qualifiers.get("voice")
        if (
            text
            and item.span is not None
            and voice in ("active", "passive")
            and "source_predicate" not in item.qualifiers
        ):
            evidence = text[item.span[0] : item.span[1]]
            named = without_owned_noun(without_object_modifier(named, evidence, obj.name), evidence)
            if voice == "active":
                named = as_written(lemma_as_written(named, evidence), evidence)
        elif "source_predicate" in item.qualifiers:
            evidence = text[item.span[0] : item.span[1]] if text and item.span is not None else ""
            named = named_as_source(named, item.qualifiers["source_predicate"], evidence)
        chosen = conventional_predicate(
            named,
            subject_type=subject.type,
            object_type=obj.type,
            subject_text=subject.name,
            object_text=obj.name,
        )
        if chosen is None and named != item.predicate:
            chosen = (named, False)
        if chosen is None or chosen == (item.predicate, False):
            continue
        predicate, swap = chosen
        qualifiers = {
            **item.qualifiers,
            "source_predicate": item.qualifiers.get("source_predicate", item.predicate),
            "predicate_choice": "rule",
        }
        if swap:
            qualifiers["canonical_swap"] = "true"
        renamed = Relation(
            subject=item.object if swap else item.subject,
            predicate=predicate,
            object=item.subject if swap else item.object,
            negated=item.negated,
            confidence=item.confidence,
            span=item.span,
            qualifiers=qualifiers,
        )
        out.items[index] = renamed
        moved = out.item_signals.pop(item.id, None)
        if moved is not None:
            out.item_signals.setdefault(renamed.id, moved)
    _place_and_year(out)
    _without_common_noun_of(out)
    if _ADDRESSES.get() and (topic is not None or prompt is not None):
        _without_unstated(out, topic, prompt, text)
    _merge_duplicates(out)


_COMMON = re.compile(r"^[^A-Z0-9]+$")


def _without_common_noun_of(out: Extraction) -> None:
    """No ``N_of`` relation for "X is a N of <common nouns>" ("a collection of life-size clay
    figures", "an intergovernmental organisation of oil-producing states"): the phrase says what
    X is made of or gathers, which the answers' annotations give no relation (ten false positives
    on the development answers, none right), while "the capital of France" or "an agency of the
    United States government" (a name inside) stay.  Dropped here, after the entities are chosen,
    and not in the noun reading: the object stays a node, as the annotations keep it (dropping the
    reading cost the held-out sets those entities, docs/benchmarks.md).  The one place the chooser
    drops rather than renames."""
    drop = {
        item.id
        for item in out.items
        if isinstance(item, Relation)
        and item.predicate.endswith("_of")
        and out.item_signals.get(item.id, {}).get("construction") == "clause.noun"
        and (obj := out.entities.get(item.object)) is not None
        and obj.type in (EntityType.CONCEPT, EntityType.OTHER)
        and _COMMON.match(obj.name)
    }
    if drop:
        out.items[:] = [i for i in out.items if i.id not in drop or not isinstance(i, Relation)]
        for key in drop:
            out.item_signals.pop(key, None)


_YEAR = re.compile(r"^\d{3,4}$")

#: a number with no unit: a count or a share ("about 8 %", "21", "16", "roughly two-thirds")
_BARE_NUMBER = re.compile(
    r"^(?:(?:about|roughly|around|over|nearly|almost|perhaps|some|up to|fewer than|more than)\s+)?"
    r"[\d.,]+(?:\s*[–-]\s*[\d.,]+)?\s*%?$"
)
_VERB_CLAUSE = ("clause.active", "clause.passive")
_SENTENCE_END = re.compile(r"[.!?]\s+")
_SENTENCE_REST = re.compile(r"[^.!?\n]*")  # up to the sentence's end or the line's
#: a preposition alone as the predicate ("X is <prep> Y" that the conventions named no relation):
#: "the fourth-largest island in the world, after Greenland", "usually below about 20 °"
_PLACE_WORDS = frozenset(
    {
        "in", "on", "at", "after", "before", "across", "below", "above", "down", "up", "under",
        "over", "beyond", "behind", "among", "between", "around", "along", "through", "off",
    }
)  # fmt: skip


def _described_thing(name: str, is_topic: Callable[[str], bool]) -> bool:
    """A common noun with a modifier ("the third emblem", "chemical energy", "a huge veranda"):
    no capitalised word (a name may open on a number: "the 11th Mississippi Infantry
    Monument") and not the answer's topic."""
    return (
        not any(word[:1].isupper() for word in name.split())
        and len(name.split()) > 1
        and not is_topic(name)
    )


def _means_or_company(predicate: str, object_kind: EntityType) -> bool:
    """An active verb's "with" phrase on a common noun or a date: the means, manner or company
    of the act ("won the competition with sketches", "overrides it with a two-thirds vote",
    "sailed with black ships").  The annotations relate "with" only to named partners ("agreed
    with Fidel Castro", "trained with the Central Coast Mariners"): on devtrain 1 right, 11
    wrong.  A "by" phrase stays: a gate lost two right relations with it (docs/benchmarks.md)."""
    return predicate.endswith("_with") and object_kind in (EntityType.CONCEPT, EntityType.DATETIME)


def _how_long(predicate: str, object_kind: EntityType) -> bool:
    """An active verb's "for" a span of time: how long the act lasted ("held the throne for nine
    days", "keeps for 4 days", "topped the chart for nine weeks"), which the annotations name
    by what lasted, not by the verb: on devtrain 2 right, 10 wrong."""
    return predicate.endswith("_for") and object_kind is EntityType.DATETIME


def _bare_number(name: str, kind: EntityType) -> bool:
    """A number node with no unit that is no year: a count or a share."""
    return kind is EntityType.NUMBER and bool(_BARE_NUMBER.match(name)) and not _YEAR.match(name)


def _introduces_list(text: str, span: tuple[int, int] | None) -> bool:
    """Whether the sentence of the evidence ``span`` goes on to a colon: a count there
    introduces what it counts ("has three parts, …: A, B, C")."""
    if not text or span is None:
        return False
    rest = _SENTENCE_REST.match(text, span[1])
    return rest is not None and ":" in rest.group()


def _without_unstated(
    out: Extraction, topic: str | None, prompt: str | None, text: str = ""
) -> None:
    """Drop the verb-clause relations whose ends the clause does not state as things the
    answers' annotations relate:

    - a subject that is a common noun with a modifier, no name and not the answer's topic
      (:func:`_described_thing`: "the third emblem, the red crystal, was adopted in 2005",
      "chemical energy stored in glucose", "a huge veranda overlooking Kyoto"): a description of
      something the answer names elsewhere, or of nothing the annotations relate — 7 right, 44
      wrong on devtrain (a one-word common noun, "lenders", "fungi", is often a kind the
      annotations do relate: dropping it too cost a held-out set .003); only where the clause
      names it itself — one a pronoun stands for ("the licence fee, which every household must
      pay. It brings in about £3.7 billion") is what the paragraph speaks of;
    - a bare number or share after the verb ("covers about 8 %", "left home at 21", "has 8"):
      the thing counted is left unnamed (3 right, 30 wrong; a year stays);
    - a bare preposition the conventions named no relation ("It is the fourth-largest island
      in the world, after Greenland": ``after``; 0 right, 7 wrong);
    - an active verb's "with" a common noun or a date, the act's means or company
      (:func:`_means_or_company`: "won with sketches"; 1 right, 11 wrong);
    - an active verb's "for" a span of time (:func:`_how_long`: "kept for 4 days"; 2 right,
      10 wrong);
    - a count read off "X has N <nouns>" (``number_of_<nouns>``) that only introduces a list,
      its sentence going on to a colon ("A JWT has three parts, each Base64URL-encoded and
      separated by dots: …"), which the conventions do not annotate.  Any other count is an
      attribute fact, whole and true ("He had six wives": ``number_of_wives six``; "CERN has 23
      member states"), however differently the annotations word some of them.

    Every wrong relation costs F1 whatever its confidence.  Dropped here, after the entities are
    chosen, so both ends stay nodes.  The answers' conventions only: the benchmark runs turn this
    off with :func:`split_addresses` (WebNLG's DBpedia facts hold bare numbers, "numberOfStudents
    16000": on, WebNLG-2020 .4565 -> .4393, the bare numbers alone .4457), and it needs the
    answer's topic or prompt."""
    about = {normalise_name(t) for t in (topic,) if t}
    asked = f" {normalise_name(prompt)} " if prompt else ""

    def is_topic(name: str) -> bool:
        key = normalise_name(name)
        return bool(key) and (key in about or f" {key} " in asked)

    drop: set[str] = set()
    for item in out.items:
        if not isinstance(item, Relation):
            continue
        construction = out.item_signals.get(item.id, {}).get("construction")
        subject, obj = out.entities.get(item.subject), out.entities.get(item.object)
        if subject is None or obj is None:
            continue
        if construction == "clause.attribute":
            unstated = item.predicate.startswith("number_of_") and _introduces_list(text, item.span)
        else:
            # the clause's own sentence: a resolved pronoun's evidence opens at its antecedent
            evidence = text[item.span[0] : item.span[1]].lower() if text and item.span else ""
            evidence = _SENTENCE_END.split(evidence)[-1]
            unstated = construction in _VERB_CLAUSE and (
                (_described_thing(subject.name, is_topic) and subject.name.lower() in evidence)
                or (
                    construction == "clause.active"
                    and (
                        _means_or_company(item.predicate, obj.type)
                        or _how_long(item.predicate, obj.type)
                    )
                )
                or _bare_number(obj.name, obj.type)
                or item.predicate in _PLACE_WORDS
            )
        if unstated:
            drop.add(item.id)
    if drop:
        out.items[:] = [i for i in out.items if i.id not in drop or not isinstance(i, Relation)]
        for key in drop:
            out.item_signals.pop(key, None)


def _place_and_year(out: Extraction) -> None:
    """One clause that gives both where and in which year ("ABBA was formed in Stockholm in 1972")
    names the year's relation ``<verb>_in_year`` (``formed_in_year``, ``founded_in_year``), as the
    answers' annotations name it: two ``formed_in`` relations were one right and one false positive
    (the scorer holds ``formed_in`` and ``formed_in_year`` apart).  Only a bare year and a place
    node of one subject under one ``_in`` predicate read from one clause (their
    evidence starts at one place), the year after the place;
    a year alone keeps ``formed_in``."""
    places: dict[tuple[str, str, int], int] = {}  # clause -> where its first place ends
    for item in out.items:
        if (
            isinstance(item, Relation)
            and item.predicate.endswith("_in")
            and item.predicate != "located_in"
            and item.span is not None
            and (obj := out.entities.get(item.object)) is not None
            and obj.type is EntityType.LOCATION
        ):
            key = (item.subject, item.predicate, item.span[0])
            places[key] = min(places.get(key, item.span[1]), item.span[1])
    if not places:
        return
    for index, item in enumerate(out.items):
        if not isinstance(item, Relation) or item.span is None:
            continue
        place_end = places.get((item.subject, item.predicate, item.span[0]))
        if place_end is None or item.span[1] <= place_end:
            continue  # "China joined in 2001 and Russia in 2012": the year of another subject
        obj = out.entities.get(item.object)
        if obj is None or obj.type is not EntityType.DATETIME or not _YEAR.match(obj.name):
            continue
        qualifiers = {
            **item.qualifiers,
            "source_predicate": item.qualifiers.get("source_predicate", item.predicate),
            "predicate_choice": "rule",
        }
        renamed = Relation(
            **{**item.model_dump(), "predicate": f"{item.predicate}_year", "qualifiers": qualifiers}
        )
        out.items[index] = renamed
        moved = out.item_signals.pop(item.id, None)
        if moved is not None:
            out.item_signals.setdefault(renamed.id, moved)


def _address_towns(out: Extraction) -> None:
    """A relation to a "Town, Region" address holds of the town, which lies in the region: "born
    in White Sulphur Springs, West Virginia" is ``born_in White Sulphur Springs`` and
    ``White Sulphur Springs located_in West Virginia``, as the answers' annotations name them (the
    whole address matched neither, so the relation was a false positive and a miss at once).
    The name readers keep the whole as the relation's end (and the town and the region as nodes of
    their own, :mod:`.named`) because WebNLG's DBpedia names places so; the benchmark runs turn
    this step off (:func:`split_addresses`) and keep the whole.  An address is a
    place node whose name is another place node, a comma and a third ("Washington, D.C.": no
    abbreviation after the comma, which is the name's own)."""
    keys = {e.name: k for k, e in out.entities.items() if e.type == EntityType.LOCATION}
    towns: dict[str, tuple[str, str]] = {}
    for key, entity in out.entities.items():
        town, comma, region = entity.name.partition(", ")
        if comma and "." not in region and town in keys and region in keys:
            towns[key] = (keys[town], keys[region])
    if not towns:
        return
    located = {(i.subject, i.object) for i in out.items if isinstance(i, Relation)}
    for town, region in towns.values():  # the address says so itself
        if (town, region) not in located:
            located.add((town, region))
            place = Relation(
                subject=town,
                predicate="located_in",
                object=region,
                confidence=0.7,
                qualifiers={"voice": "passive"},
            )
            out.items.append(place)
            out.item_signals[place.id] = {"construction": "clause.passive", "raw": 0.7}
    for index, item in enumerate(out.items):
        if not isinstance(item, Relation) or not (item.subject in towns or item.object in towns):
            continue
        subject = towns[item.subject][0] if item.subject in towns else item.subject
        obj = towns[item.object][0] if item.object in towns else item.object
        if subject == obj:
            continue
        moved = Relation(**{**item.model_dump(), "subject": subject, "object": obj})
        out.items[index] = moved
        signals = out.item_signals.pop(item.id, None)
        if signals is not None:
            out.item_signals.setdefault(moved.id, signals)


#: a word that may stand between ", in" and the region's name: an article, "of", or a direction
#: ("north-eastern Australia", "the south of France", "central Italy")
_BEFORE_REGION = re.compile(
    r"(?:the|of|(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower)"
    r"[a-z-]*) "
)


#: the first name is itself a set-off region ("Queensland, in north-eastern Australia, in the
#: Coral Sea": the sea is where the reef is, not Australia)
_SET_OFF_BEFORE = re.compile(r", in (?:" + _BEFORE_REGION.pattern + r"){0,4}$")


#: another "in" phrase after the region: "in Vienna, in Prague and in Budapest" is a series
_SERIES_AFTER = re.compile(r",? (?:and|or) in ")

#: the marks of emphasis around either name ("near **Xi'an**, in Shaanxi province")
_EMPHASIS = re.compile(r"\*+")

#: a preposition of place right before the first name ("near Xi'an", "the coast of Queensland")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|of|from|to|into|outside|around|across) (?:the )?$")


def _region_starts(after: str) -> Iterator[int]:
    """Where the region's name may start in the text after ", in ": right there, or after each
    of up to four words :data:`_BEFORE_REGION` allows."""
    at = 0
    yield at
    for _ in range(4):
        word = _BEFORE_REGION.match(after, at)
        if word is None:
            return
        at = word.end()
        yield at


def _set_off_regions(out: Extraction, text: str) -> None:
    """A place named, then a comma and "in" another place, lies in that place: "farmers digging a
    well near Xi'an, in Shaanxi province", "lived in Alexandria, in Roman Egypt", "off the coast
    of Queensland, in north-eastern Australia", "at the asylum in Saint-Rémy-de-Provence, in the
    south of France" give ``<first> located_in <second>``, as the answers' annotations name it.
    The parser hangs the set-off "in" phrase on the verb or on a noun before the first name, so
    no clause reader relates the two names.  Both must be place nodes of the answer, the first
    name must end right before the comma, and the second start the phrase after at most an
    article, "of" and a direction (:func:`_region_starts`; the comma form of
    :func:`_address_towns`'s "Town, Region").  The first name must follow a preposition of place (:data:`_PLACE_BEFORE`:
    "Napoleon defeated Austria, in Italy" places the battle, not Austria).  A pair the readers
    related already is left, and so is a first name that is itself such a region
    (:data:`_SET_OFF_BEFORE`).  Marks of emphasis around either name are read through."""
    places = {e.name: k for k, e in out.entities.items() if e.type == EntityType.LOCATION}
    if len(places) < 2:
        return
    related = {frozenset((i.subject, i.object)) for i in out.items if isinstance(i, Relation)}
    by_length = sorted(places, key=len, reverse=True)
    at = text.find(", in ")
    while at >= 0:
        before = _EMPHASIS.sub("", text[max(0, at - 200) : at])
        town = next(
            (n for n in by_length if before.endswith(n) and not before[: -len(n)][-1:].isalnum()),
            None,
        )
        after = _EMPHASIS.sub("", text[at + 5 : at + 200])
        region = next(
            (
                n
                for start in _region_starts(after)
                for n in by_length
                if after.startswith(n, start) and not after[start + len(n) :][:1].isalnum()
            ),
            None,
        )
        if (
            town is not None
            and region is not None
            and town != region
            and _PLACE_BEFORE.search(before[: -len(town)][-30:])
            and not _SET_OFF_BEFORE.search(before[: -len(town)][-80:])
            and not _SERIES_AFTER.match(after[after.find(region) + len(region) :])
        ):
            pair = frozenset((places[town], places[region]))
            if pair not in related:
                related.add(pair)
                place = Relation(
                    subject=places[town],
                    predicate="located_in",
                    object=places[region],
                    confidence=0.7,
                    qualifiers={"voice": "passive"},
                )
                out.items.append(place)
                out.item_signals[place.id] = {"construction": "clause.passive", "raw": 0.7}
        at = text.find(", in ", at + 5)


def _merge_duplicates(out: Extraction) -> None:
    """One item per id: a rename can make two relations one (the more confident one stays)."""
    best: dict[str, Relation] = {}
    for item in out.items:
        if isinstance(item, Relation):
            old = best.get(item.id)
            if old is None or old.confidence < item.confidence:
                best[item.id] = item
    kept: set[str] = set()
    items = []
    for item in out.items:
        if isinstance(item, Relation):
            if item.id in kept or best[item.id] is not item:
                continue
            kept.add(item.id)
        items.append(item)
    out.items[:] = items
