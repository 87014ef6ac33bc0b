"""One prose piece read sentence by sentence (the extractor's sentence walk): each sentence is
checked for an instruction to the model, hedging and questions, then its named things, its clauses
(turned into relation and hierarchy records here) and its candidate relations for the learned
reader are collected into the answer's :class:`~.records.State`, and its subject is noted for the
pronouns that follow.  Split from ``spacy_extractor``, whose answer walk (:mod:`.answer`) calls
:func:`read_prose` for every paragraph, heading-less line and list item it reads as prose.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers import is_hedged
from grapheme_distill.extractors.readers.hierarchy_hearst import bare_plural
from grapheme_distill.extractors.readers.ranked_names import is_taxon_at
from grapheme_distill.extractors.spacy.clauses import Clause, Mention, clauses, mention_of
from grapheme_distill.extractors.spacy.doc_cache import span_text, token_children
from grapheme_distill.extractors.spacy.learned_relations import reader_active
from grapheme_distill.extractors.spacy.lists import INJECTION, SEQUENCE
from grapheme_distill.extractors.spacy.named import named_mentions
from grapheme_distill.extractors.spacy.pronouns import (
    AnswerCoref,
    described_object,
    opening_pronoun,
)
from grapheme_distill.extractors.spacy.records import Record, State, thing_label
from grapheme_distill.extractors.spacy.relation_candidates import sentence_candidates
from grapheme_distill.extractors.spacy.sentence_linguistic import read_sentence_linguistic
from grapheme_distill.extractors.spacy.text import Piece
from grapheme_distill.extractors.spacy.yes_no_questions import answered
from grapheme_distill.extractors.vocab import RelationVocabulary
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import HierarchyKind, KnowledgeType

__all__ = ["read_prose"]

#: a predicate that says a whole includes its parts ("include", "has_included"): compiled once
_INCLUDES = re.compile(r"(?:^|_)includ(?:e|es|ed)$")
_LINGUISTIC_PREDICATES = frozenset(
    {
        "known_as",
        "called",
        "call",
        "also_known_as",
        "defined_as",
        "refer_to",
        "mean",
        "denote",
        "nicknamed",
        "named",
        "termed",
        "dubbed",
        "synonym_of",
        "synonym_for",
        "synonym_with",
        "synonymous_with",
        "abbreviated_as",
        "stand_for",
    }
)


#: the label of a question or answer in an FAQ ("Q: Is the emblem just a logo?", "A: No."): the
#: parser takes it for the sentence's subject, and "it" in the answer for it
_QA_LABELS = frozenset({"Q", "A", "Question", "Answer"})

#: a sentence that opens as a question does ('What is a "black hole?"': the mark closes the
#: question, written inside the quotation)
_ASKING = re.compile(
    r"[*_\s]*(?:(?:Q|Question)\s*\d*\s*[:.][*_\s]*)?(?:what|who|whom|whose|which|where|when|why|how|"
    r"is|are|was|were|do|does|did|can|could|should|would|will|has|have)\b",
    re.IGNORECASE,
)
#: the opening quotation mark of each closing one
_OPENING_QUOTE = {'"': '"', "”": "“", "’": "‘"}


def _asks(text: str) -> bool:
    """Whether a sentence is a question: it ends with "?" ("**Does it still flood?**", "Q: Is
    it …?"), after its closing marks, unless that "?" closes a quotation opened inside the
    sentence, which names a title or reports a question ('He wrote "Who Moved My Cheese?"'):
    the sentence itself states something."""
    tail = text.rstrip(")*_ ")
    if not tail.rstrip("\"'”’").endswith("?"):
        return False
    opener = _OPENING_QUOTE.get(tail[-1:])
    if opener is None:
        return True
    start = tail.rfind(opener, 0, len(tail) - 1)
    return start <= len(text) - len(text.lstrip('*_ "“‘')) or _ASKING.match(text) is not None


def read_prose(
    piece: Piece,
    doc: Any,
    default: Mention | None,
    types: frozenset[KnowledgeType],
    state: State,
    relation_model: LinearModel | None,
    vocabulary: RelationVocabulary | None,
    *,
    prompt_goal: str | None = None,
    structure: bool = True,
) -> None:
    """Read the sentences of one prose ``piece`` (parsed as ``doc``) into ``state``.

    ``default`` is the implicit subject of a list item's clauses (the list's heading or lead-in),
    ``relation_model`` and ``vocabulary`` the extractor's (the learned candidates are collected
    only for free predicates), ``prompt_goal`` the goal a sequence of steps ("First, … Then, …")
    is a procedure for, and ``structure`` whether the answer's markdown is read at all."""
    sequence: list[tuple[str, int, int]] = []
    learned = reader_active(relation_model)
    sents = list(doc.sents)
    described: Mention | None = None  # the object the sentence before described at length
    for at, sent in enumerate(sents):
        text = span_text(sent).strip()
        if len(text) < 2:
            continue
        if (
            described is not None
            and isinstance(state.coref, AnswerCoref)
            and (pronoun := opening_pronoun(sent))  # "…, an American non-profit. It has no …"
        ):
            state.coref.continue_described(pronoun, described)
        elif (
            at == 0
            and default is None
            and isinstance(state.coref, AnswerCoref)
            and opening_pronoun(sent) == "they"
        ):
            state.coref.open_on_group()  # "Björn and Benny wrote the songs. ¶ They won …"
        described = None
        state.sentences += 1
        a, b = piece.offsets.span(sent.start_char, sent.end_char)
        if INJECTION.search(text) or any(x < b and a < y for x, y in state.injected):
            state.injection += 1
            continue
        factor = 1.0
        if is_hedged(text):
            factor = 0.6
            state.hedged += 1
        if structure and (sm := SEQUENCE.match(text)):
            sequence.append((text[sm.end() :].rstrip(".!"), sent.start_char, sent.end_char))
        before = len(state.facts)  # the named things of the sentences before this one
        if KnowledgeType.FACTUAL in types:
            for named in named_mentions(sent):
                state.facts.append(named)
                state.see(named)
        if KnowledgeType.LINGUISTIC in types and not state.documented:
            read_sentence_linguistic(
                piece, doc, sent, factor, state
            )  # the document readers do it otherwise
        # "Q: Who started it?", "**Does it still flood?**": a question asks, it states
        # nothing (the things it names are still named) — unless the next sentence answers
        # it "Yes" or "No" ("Q: Is the ICRC part of the UN?" / "A: No."): then it claims
        asks = _asks(text)
        said = answered(text, [span_text(s) for s in sents[at + 1 : at + 3]]) if asks else None
        if (not asks or said is not None) and types & {
            KnowledgeType.RELATIONAL,
            KnowledgeType.STRUCTURAL,
            KnowledgeType.FACTUAL,
        }:
            found = list(clauses(sent, default_subject=default, coref=state.coref))
            listed = Counter((c.subject.text, c.predicate) for c in found if c.kind == "contains")
            for clause in found:
                if said is False:
                    clause = dataclasses.replace(clause, negated=True)
                alone = listed[(clause.subject.text, clause.predicate)] < 2
                _clause(piece, clause, factor, state, alone=alone)
        if learned and not asks and KnowledgeType.RELATIONAL in types and vocabulary is None:
            state.candidates.extend(
                (c, piece.offsets.span(c.start, c.end))
                for c in sentence_candidates(
                    sent,
                    default=default,
                    coref=state.coref,
                    block=piece.kind,
                    hedged=factor < 1.0,
                    named=state.facts,
                    here=before,
                )
            )
        # the root's children, listed once per token (``Token.children`` builds each anew)
        kids = token_children(sent.root)
        subject = next(
            (
                mention_of(c, state.coref)
                for c in kids
                if c.dep_ in ("nsubj", "nsubjpass")
                and not (c.i == sent.start and c.text in _QA_LABELS)  # "Q: Did Utzon …?"
            ),
            None,
        )
        if subject is not None and subject.proper and (label := thing_label(sent)) is not None:
            # "The Rhône is the longest river": a river, whatever NER said, so "it" means it
            subject = dataclasses.replace(subject, label=label)
            state.see(subject)
            state.votes[normalise_name(subject.text)][label] += 2
        if subject is not None:
            state.coref.note(subject)
        owner = next(
            (
                g
                for c in kids
                if c.dep_ in ("nsubj", "nsubjpass")
                for g in token_children(c)
                if g.dep_ == "poss" and g.pos_ == "PROPN"
            ),
            None,
        )
        if owner is not None and (m := mention_of(owner, state.coref)) is not None:
            state.coref.note(
                m
            )  # "Alan Shepard's birth place was X. He died in Y": he is Alan Shepard
        described = described_object(sent, state.coref)
    if len(sequence) >= 2 and KnowledgeType.PROCEDURAL in types:
        start = piece.offsets.span(sequence[0][1], sequence[0][2])[0]
        end = piece.offsets.span(sequence[-1][1], sequence[-1][2])[1]
        state.records.append(
            Record(
                kind="procedure",
                value=prompt_goal or "procedure",
                steps=tuple(s for s, _, _ in sequence),
                confidence=0.75,
                span=(start, end),
                construction="procedure.sequence",
            )
        )


#: a list item's key, its dash or colon, then a description of it that opens with an article
#: ("Ribosome — a small particle that consists of …", "Ribosome: a small particle that …"); the
#: description's noun must take a relative clause (:func:`_described_by_item`)
_KEY_GLOSS = re.compile(
    r"^\s*[^\s\u2014\u2013:][^\u2014\u2013:]{0,59}?\s*(?:\u2014|\u2013|:|\s-)\s*(?:a|an|the)\s+"
)


def _described_by_item(piece: Piece, whole: Mention) -> bool:
    """Whether ``whole`` is the noun a list item's gloss describes its key with ("- **Ribosome**
    — a small particle that consists of ribosomal RNA and proteins"): the parts belong to the
    key, not to the description ("small particle > ribosomal RNA" put the child under a whole
    the answer names nowhere else; the item's own reader takes the key as the whole)."""
    if piece.kind not in ("bullet", "numbered") or whole.proper or whole.label:
        return False
    m = _KEY_GLOSS.match(piece.text)
    if m is None or whole.start < m.end():
        return False
    between = piece.text[m.end() : whole.start]
    # the description's noun takes a relative clause ("a small particle that consists of …");
    # a full clause after the key ("**Composition:** the atmosphere consists of nitrogen, …")
    # names its own whole
    relative = re.match(r"\s*(?:that|which|who|whose)\b", piece.text[whole.end :]) is not None
    return relative and len(between.split()) <= 3 and not re.search(r"[,;.()]", between)


def _clause(piece: Piece, clause: Clause, factor: float, state: State, alone: bool = False) -> None:
    """One clause as a relation or hierarchy record (or nothing, when another reader reads it).
    ``alone``: the clause's verb has this one object (no "A and B" list)."""
    if state.documented and _INCLUDES.search(clause.predicate) and clause.kind == "relation":
        return  # "Its main tributaries include A, B": read by the sentence reader (tributary_of)
    if clause.predicate in _LINGUISTIC_PREDICATES:
        return  # "also known as", "is defined as": linguistic knowledge, read by _linguistic
    span = piece.offsets.span(clause.start, clause.end)
    conf = clause.confidence * factor
    if clause.kind in ("part_of", "member_of", "contains", "subclass_of"):
        parent, child = clause.object, clause.subject
        if clause.voice in ("active", "passive") or clause.kind == "contains":
            parent, child = clause.subject, clause.object
        kind = {
            "part_of": HierarchyKind.PART_OF,
            "member_of": HierarchyKind.MEMBER_OF,
            "contains": HierarchyKind.CONTAINS,
            "subclass_of": HierarchyKind.SUBCLASS_OF,
        }[clause.kind]
        if kind is HierarchyKind.CONTAINS and is_taxon_at(
            piece.text, clause.subject.start, clause.subject.end
        ):
            kind = HierarchyKind.SUBCLASS_OF  # "The genus Canis also includes …": taxonomy
        if (
            kind is HierarchyKind.CONTAINS
            and clause.predicate == "contain"
            and alone
            and not (child.proper or child.label)
        ):
            # "granite contains fossils", "Note G contained an algorithm", "it contains yeast":
            # "contain" before one common noun states content (a substance, an ingredient), not
            # an inventory; a list ("The library contains books and maps") and names stay.
            # Content is a relation ("miso contains live cultures"), no part
            state.records.append(_relation(clause, conf, span))
            return
        if parent is clause.subject and _described_by_item(piece, parent):
            return  # "**Ribosome** — a small particle that consists of …": the key's parts
        if (
            kind is HierarchyKind.CONTAINS
            and not (parent.proper or parent.label)
            and (child.proper or child.label)
            and bare_plural(parent.text)
        ):
            return  # "The judges included Eero Saarinen": a bare plural is no class of names
        state.records.append(
            Record(
                kind="hierarchy",
                subject=parent,
                object=child,
                hierarchy=kind,
                negated=clause.negated,
                confidence=conf,
                span=span,
            )
        )
        if clause.kind in ("contains",) or clause.voice in ("active", "passive"):
            return  # "X consists of / includes Y" is structure, not a relation
    state.records.append(_relation(clause, conf, span))


def _relation(clause: Clause, conf: float, span: tuple[int, int]) -> Record:
    """The clause as a relation record."""
    return Record(
        kind="relation",
        subject=clause.subject,
        object=clause.object,
        predicate=clause.predicate,
        voice=clause.voice,
        negated=clause.negated,
        confidence=conf,
        span=span,
    )
