"""One reader per knowledge type, on the document layer.

Shape: :mod:`~grapheme_distill.extractors.document` parses the answer's markdown into blocks →
the readers here turn blocks into :class:`~.facts.Fact` records over plain names (attributes from
key-value items and tables, hierarchy from lists, tables, sub-headings and prose, linguistic items
from glossaries and alias / abbreviation / definition forms) → the extractor resolves names to
entities once (one type and id per name, pronouns, short names) and gives each item a calibrated
confidence
(:mod:`grapheme_distill.extractors.confidence`).  Sentence-level relations come from the spaCy
clause reader; both streams are combined and de-duplicated in the extractor.

Where each knowledge type is read (a newcomer's map):

* shared: ``context`` (topic, each block's implicit subject, sentences, injected instructions),
  ``facts`` (the plain fact record, hedges), ``phrases`` and ``terms`` (lead-ins, wholes, which
  form is the term), ``dates``;
* factual and relational: ``attributes`` (key-value items, tables), ``people`` (nationality,
  occupation, life years), ``sentences`` (shapes the clause reader misreads), ``values``
  (attribute values stated in prose: "X, founded in 1863", counts, ages), ``emphasis``
  (highlighted terms as entities);
* structural: ``hierarchy`` (lists under lead-ins and headings), ``hierarchy_sections`` (tables,
  sub-headings), ``hierarchy_prose`` (structure stated in sentences), ``list_parents``,
  ``hierarchy_learned`` (broad candidate edges, a fitted model adds those it trusts; more
  candidate sources in ``hierarchy_cues``; the classification chains it keeps like rule edges
  come from ``rank_chains``);
* linguistic: ``linguistic`` (aliases, abbreviations, synonyms), ``parentheses``, ``definitions``
  (definitional sentences), ``glossary`` (glossary items and tables);
* procedural: ``procedures`` (prose how-tos, inline numbering, which lists hold steps).
"""

from __future__ import annotations

from grapheme_distill.extractors.document import Document, parse_document
from grapheme_distill.extractors.readers.attributes import read_attributes, value_type
from grapheme_distill.extractors.readers.context import ReadContext, injected_spans, prompt_topic
from grapheme_distill.extractors.readers.emphasis import read_emphasis
from grapheme_distill.extractors.readers.facts import HEDGES, Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.hierarchy import read_lists
from grapheme_distill.extractors.readers.hierarchy_learned import read_hierarchy
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy
from grapheme_distill.extractors.readers.linguistic import initials_match, read_linguistic
from grapheme_distill.extractors.readers.people import read_people
from grapheme_distill.extractors.readers.sentences import read_sentences

__all__ = [
    "HEDGES",
    "Fact",
    "Name",
    "ReadContext",
    "clean_name",
    "initials_match",
    "injected_spans",
    "is_hedged",
    "prompt_topic",
    "read_document",
    "value_type",
]


def read_document(doc: Document | str, prompt: str = "") -> tuple[ReadContext, list[Fact]]:
    """Run every structure reader over one answer; the context (topic, subjects) comes back too."""
    if isinstance(doc, str):
        doc = parse_document(doc)
    ctx = ReadContext.of(doc, prompt)
    facts: list[Fact] = []
    facts.extend(read_attributes(ctx))
    facts.extend(read_hierarchy(ctx, [*read_lists(ctx), *read_prose_hierarchy(ctx)]))
    facts.extend(read_linguistic(ctx))
    facts.extend(read_people(ctx))
    facts.extend(read_sentences(ctx))
    facts.extend(read_emphasis(ctx))
    return ctx, facts
