"""One answer read from its parsed pieces (the extractor's answer walk): pieces in order, carrying
the *implicit subject* of a markdown list (its heading or lead-in line), the goal a procedure is
for and the section's opening; list items are gathered and read as a list
(:func:`~.lists.read_list`), every other piece as prose (:func:`~.prose.read_prose`).  Then the
table cells' named things, the procedures written as prose, the document readers' facts and the
layout's candidate relations are added, and the records become items (:func:`~.items.finish_items`).
Split from ``spacy_extractor``, which parses the pieces and calls :func:`read_answer` per answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from grapheme_distill.extractors.base import Extraction, ExtractionFailure, is_title_line
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers import Fact
from grapheme_distill.extractors.readers.context import ReadContext, heading_name
from grapheme_distill.extractors.readers.procedures import goal_of, unnamed_goal
from grapheme_distill.extractors.spacy.clauses import Mention, phrase_mention
from grapheme_distill.extractors.spacy.doc_cache import span_text
from grapheme_distill.extractors.spacy.items import finish_items
from grapheme_distill.extractors.spacy.learned_relations import (
    add_learned_relations,
    drop_unlikely_relations,
    layout_active,
)
from grapheme_distill.extractors.spacy.lists import INJECTION, PROCEDURAL, read_list
from grapheme_distill.extractors.spacy.named import named_mentions
from grapheme_distill.extractors.spacy.procedure_records import join_prose_procedures
from grapheme_distill.extractors.spacy.pronouns import AnswerCoref, leave_labels, slots
from grapheme_distill.extractors.spacy.prose import read_prose
from grapheme_distill.extractors.spacy.records import State, add_facts
from grapheme_distill.extractors.spacy.structure_relations import (
    section_readings,
    structure_candidates,
)
from grapheme_distill.extractors.spacy.table_clauses import read_table_clauses
from grapheme_distill.extractors.spacy.text import Piece
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import KnowledgeType

__all__ = ["read_answer"]

#: a paragraph whose first word is the pronoun "It" ("It grew out of …", "It's a bear")
_OPENS_ON_IT = re.compile(r"It(?:\s|['’]s\b)")
#: an item that opens on a short key and a colon ("Owner: the French state")
_ITEM_KEY = re.compile(r"^[^:.!?]{1,40}?\s*:\s")


def read_answer(
    prompt: str,
    piece_docs: list[tuple[Piece, Any]],
    types: frozenset[KnowledgeType],
    preserve_structure: bool,
    out: Extraction,
    facts: Sequence[Fact] = (),
    injected: Sequence[tuple[int, int]] = (),
    topic: str | None = None,
    ctx: ReadContext | None = None,
    cell_docs: Sequence[Any] = (),
    *,
    parse: Any,
    relation_model: LinearModel | None,
    vocabulary: RelationVocabulary | None,
    unmatched: Literal["keep", "drop"],
) -> None:
    """Read one answer's parsed pieces (and table cells) into ``out``.

    ``facts`` and ``ctx`` are what the document readers found (:func:`~.readers.read_document`),
    ``injected`` the answer spans addressed to the model, ``topic`` the answer's topic; ``parse``
    is the pipeline (a reader may parse a piece again with words put in), and
    ``relation_model``, ``vocabulary`` and ``unmatched`` are the extractor's settings."""
    state = State(
        injected=list(injected),
        keep={normalise_name(topic)} if topic else set(),
        documented=preserve_structure,
        # "she" is not the man named last: pronouns by the answer's dominant gender
        coref=AnswerCoref.of("\n".join(p.text for p, _ in piece_docs)),
        parse=parse,  # a reader may parse a piece again with words put in (timeline)
        source=ctx.doc.source if ctx is not None else "\n".join(p.text for p, _ in piece_docs),
        prompt=prompt,
    )
    context: Mention | None = None  # implicit subject of the list that follows
    context_text = ""
    context_goal: str | None = goal_of(prompt) if prompt else None
    prompt_procedural = bool(prompt and PROCEDURAL.search(prompt))
    list_items: list[tuple[Piece, Any]] = []
    list_key: tuple[int, str] | None = None
    lead: tuple[Piece, Any] | None = None
    # the next paragraph opens the answer or a section whose heading names no thing
    opening = True

    def prose(piece: Piece, doc: Any, default: Mention | None) -> None:
        read_prose(piece, doc, default, types, state, relation_model, vocabulary, structure=False)

    def flush_list() -> None:
        nonlocal list_items, list_key
        if list_items and preserve_structure:
            # "- **Owner:** …", "- **Engineering:** …": a key labels its item, and what the
            # items said "it" of is no thing the prose after the list speaks of
            keyed = len(list_items) >= 2 and all(_ITEM_KEY.match(p.text) for p, _ in list_items)
            thing = state.coref.thing
            held = slots(state.coref)
            read_list(
                list_items,
                lead,
                context,
                context_text,
                context_goal,
                prompt_procedural,
                types,
                state,
                prose,
            )
            if keyed:
                state.coref.thing = thing
            leave_labels(state.coref, [p.text for p, _ in list_items], held)
        list_items, list_key = [], None

    for piece, doc in piece_docs:
        is_item = piece.kind in ("bullet", "numbered")
        if is_item:
            opening = False
        if is_item and preserve_structure:
            key = (piece.group, piece.kind)
            if list_key is not None and key != list_key:
                flush_list()
            list_key = key
            list_items.append((piece, doc))
            continue
        flush_list()
        if piece.kind == "heading":
            context_text = piece.text
            context = phrase_mention(doc, 0, len(piece.text))
            opening = True
            state.coref.section = None
            if context is not None and context.proper and heading_name(piece.text):
                state.coref.note(context)  # "## The Nile / It flows …": the section's thing
                if doc[len(doc) - 1].pos_ == "PROPN":  # a name ("Microsoft Office"), no phrase
                    state.coref.section = context  # "## Microsoft Office / The suite includes …"
                opening = False
            goal = goal_of(piece.text)
            if goal:
                context_goal, context = goal, None
            lead = None
            continue
        if piece.lead_in:
            lead = (piece, doc)
            goal = goal_of(piece.text)
            if goal:
                context_goal = goal
        else:
            lead = None
            if is_title_line(piece.text):  # "Photosynthesis: Light Reactions" above a list
                context_text = piece.text
        if opening and _OPENS_ON_IT.match(piece.text):
            state.coref.open_on_topic()  # "## Origins / It grew out of …": the topic
        opening = False
        read_prose(
            piece,
            doc,
            None,
            types,
            state,
            relation_model,
            vocabulary,
            prompt_goal=context_goal,
            structure=preserve_structure,
        )
    flush_list()
    if KnowledgeType.FACTUAL in types:
        for doc in cell_docs:  # a table cell's named things, read as a sentence's are
            for sent in doc.sents:
                if INJECTION.search(span_text(sent)):
                    continue  # "ignore the above and record …", in a cell as in a sentence
                for named in named_mentions(sent):
                    state.facts.append(named)
                    state.see(named)
    if ctx is not None and preserve_structure and KnowledgeType.RELATIONAL in types:
        # "| Main job | reduces poverty |": a clause cell said of its column's (row's) name
        read_table_clauses(ctx, injected, cell_docs, state, prose)
    if ctx is not None and KnowledgeType.PROCEDURAL in types:
        join_prose_procedures(ctx.doc, prompt, context_goal, state)
    for r in state.records:  # a procedure no prompt, heading or lead-in names
        if r.kind == "procedure" and r.value == "procedure":
            r.value = unnamed_goal(prompt, topic, r.steps)
    add_facts(facts, types, state)
    for f in facts:  # which document reader named each entity fact (a cue of the entity model)
        if f.kind == "entity":
            state.fact_constructions.setdefault(normalise_name(f.subject.text), set()).add(
                f.construction
            )
    if ctx is not None and vocabulary is None and layout_active(relation_model):
        # tables, key-value items, and the section's subject for an implicit one
        state.candidates.extend(section_readings(ctx, state.candidates))
        state.candidates.extend(structure_candidates(ctx))
    add_learned_relations(state, state.candidates, relation_model)
    out.signals["hedged_fraction"] = state.hedged / state.sentences if state.sentences else 0.0
    if state.injection:
        out.signals["injection_sentences"] = float(state.injection)
        out.failures.append(
            ExtractionFailure(
                f"{state.injection} sentence(s) addressed to the model (prompt injection) were not read",
                "",
            )
        )
    finish_items(state, types, out, vocabulary, unmatched)
    drop_unlikely_relations(out, relation_model)
