"""Grammatical number of a mention: one thing, several, or a group (split out of :mod:`.mentions`).

Why.  The light coreference (:class:`~grapheme_distill.extractors.spacy.mentions.Coref`) gave
"they" the last subject noted, often one person ("They won the Eurovision Song Contest" -> Björn,
in an answer about ABBA), and "it" a plural noun ("The pyramids … They are in Giza" after "Khufu
ruled Egypt").  The parse says a mention's number: a plural noun, a coordination, the verb's
agreement ("Pink Floyd were"), what its sentence calls it ("ABBA was a pop group").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from grapheme_distill.extractors.spacy.doc_cache import PREFIX, doc_text, token_children
from grapheme_distill.extractors.spacy.subject_agreement import finite_number

if TYPE_CHECKING:
    from grapheme_distill.extractors.spacy.mentions import Mention

__all__ = ["Number", "mention_number"]

#: a mention's grammatical number: one thing ("it", "he", "she"), several ("they"), or a body of
#: people that English calls "it" and "they" alike ("ABBA was a group … They won Eurovision")
Number = Literal["single", "plural", "group"]

#: nouns of a body of people: a thing said to be one is a group, whatever its name's form
_GROUP_NOUNS_OF_PEOPLE = frozenset(
    {
        "band",
        "group",
        "team",
        "duo",
        "trio",
        "quartet",
        "quintet",
        "ensemble",
        "orchestra",
        "choir",
        "company",
        "corporation",
        "firm",
        "club",
        "committee",
        "council",
        "government",
        "family",
        "crew",
        "army",
        "party",
        "union",
        "tribe",
        "dynasty",
        "organisation",
        "organization",
        "agency",
        "collective",
        "troupe",
        "label",
    }
)


def _verb_number(head: Any) -> Number | None:
    """What the finite verb of the clause ``head`` is the subject of says of its number
    (:func:`.subject_agreement.finite_number`: "is", "was", "flows" one; "are", "were", "flow"
    several), or None when ``head`` is no subject."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return finite_number(head.head)


def _said_to_be_group(head: Any) -> bool:
    """ "ABBA was a Swedish pop group", "Queen, the British band, …": the subject's own sentence
    (or an apposition) calls it a body of people."""
    if any(
        c.dep_ == "appos" and c.lemma_.lower() in _GROUP_NOUNS_OF_PEOPLE
        for c in token_children(head)
    ):
        return True
    verb = head.head
    return (
        head.dep_ == "nsubj"
        and verb.lemma_ == "be"
        and any(
            c.dep_ == "attr" and c.lemma_.lower() in _GROUP_NOUNS_OF_PEOPLE
            for c in token_children(verb)
        )
    )


def mention_number(doc: Any, m: Mention) -> Number | None:
    """The grammatical number of ``m`` read off the parse of ``doc`` (None when ``m`` is not a
    span of ``doc``, or is a pronoun still to resolve).

    Several: a coordination ("Björn and Benny wrote …"), a plural noun ("the pyramids", "the
    Beatles"), a nationality ("Americans"); a group: a noun of a body of people
    ("the band", "the government"), a thing its sentence calls one ("ABBA was a pop group"), a
    singular proper name with a plural verb ("Pink Floyd were an English rock band": British
    usage for bands and teams); one: the rest, and a plural-looking place that takes a singular
    verb ("the United States is", "the Netherlands"); unknown: an organisation by NER alone.

    Memoised per document (``doc.user_data``, dropped with the other reader caches by
    :func:`~.doc_cache.release`) on what the reading looks at — the mention's bounds, text and
    label: the coreference asks for the number of each subject and object of every clause
    (:meth:`~.mentions.Coref.note_named`), the same subject many times a paragraph (MINE essays:
    4,218 asked a run, 2,571 of them different; a reading is ~10 us, mostly ``char_span``, the
    root and the morphology)."""
    if m.pronoun or m.start < 0:
        return None
    memo: dict[tuple[int, int, str, str], Number | None] | None = doc.user_data.get(_MEMO)
    if memo is None:
        memo = doc.user_data[_MEMO] = {}
    key = (m.start, m.end, m.text, m.label)
    if key in memo:
        return memo[key]
    got = memo[key] = _read_number(doc, m)
    return got


#: the ``doc.user_data`` key of :func:`mention_number`'s memo
_MEMO = PREFIX + "mention_number"


def _read_number(doc: Any, m: Mention) -> Number | None:
    """:func:`mention_number` without its memo."""
    if doc_text(doc)[m.start : m.end] != m.text:
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    kids = token_children(head)
    if any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in kids) and any(
        c.dep_ == "cc" and c.lower_ in ("and", "&") for c in kids
    ):
        return "plural"
    if head.lemma_.lower() in _GROUP_NOUNS_OF_PEOPLE or _said_to_be_group(head):
        return "group"
    verb = _verb_number(head)
    tag = head.tag_
    if verb == "plural" and tag == "NNP":
        return "group"
    # (the morphology, ~3 us a read, only where the form would decide)
    if (
        m.label not in ("GPE", "LOC")
        and verb != "single"
        and (tag in ("NNS", "NNPS") or "Plur" in head.morph.get("Number"))
    ):
        return "plural"
    if m.label == "NORP" and head.pos_ in ("NOUN", "PROPN"):
        return "plural"
    # an organisation may be "it" or "they", and the tagger calls many a person one
    # ("Björn Ulvaeus" ORG): unknown, unless the sentence said more
    return None if m.label == "ORG" else "single"
