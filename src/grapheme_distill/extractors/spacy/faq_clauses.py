"""An FAQ's question read as a clause: its "Q:" label is no subject, and its verb may be parsed as
a noun.

Why.  A question an FAQ answers "Yes" or "No" is read as its claim
(:mod:`~grapheme_distill.extractors.spacy.yes_no_questions`), but the small model parses
"Q: Did Utzon finish it?" with the label as a second subject, runs a name over the label and the
auxiliary ("Q: Does the Rhine"), and may tag the verb after "does" a noun ("Does the Rhine
*flow* into …?").  These helpers let :func:`~grapheme_distill.extractors.spacy.clauses.clauses`
read such a sentence as it reads a statement; a sentence that opens on no label is untouched.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens, token_children
from grapheme_distill.extractors.spacy.mentions import Clause

__all__ = ["done_root", "faq_label", "unlabelled"]

#: the label of a question or answer in an FAQ, which the parser may take for a subject
_FAQ_LABELS = frozenset({"Q", "A", "Question", "Answer"})
#: words that open a question before its subject (after the auxiliary, "Q: Does the Rhine …")
_OPENERS = frozenset({"does", "do", "did", "can", "could", "should", "would", "will", "must"})


def faq_label(tok: Any) -> bool:
    """Whether ``tok`` is an FAQ's label opening its sentence ("Q: Did Utzon finish it?")."""
    if not tok.is_sent_start or tok.text not in _FAQ_LABELS:
        return False
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return after is not None and after.text in (":", ".")


def done_root(noun: Any) -> bool:
    """Whether a noun the parser made the root has "do" as its auxiliary and a subject, so it is
    the verb of an inverted question ("Does the Rhine flow into …?", "Did Utzon design it?")."""
    kids = token_children(noun)
    return any(c.dep_ == "aux" and c.lemma_ == "do" for c in kids) and any(
        c.dep_ == "nsubj" for c in kids
    )


def unlabelled(found: list[Clause], sent: Any) -> list[Clause]:
    """The clauses of a sentence opening on an FAQ's label without it: a name the parse ran over
    the label and the question's opening ("Q: Does the Rhine" → Rhine) starts after them, and a
    clause with the label itself for an end ("Q: Is the ICRC part of the UN?": ``Q part_of
    UN``) is dropped."""
    toks = doc_tokens(sent.doc)
    at = sent.start + 1
    while at < sent.end - 1 and (
        toks[at].is_punct or toks[at].pos_ in ("AUX", "DET") or toks[at].lower_ in _OPENERS
    ):
        at += 1
    cut = toks[at].idx  # where the question's own words start
    text = doc_text(sent.doc)
    kept: list[Clause] = []
    for c in found:
        ends: list[Any] = []
        for m in (c.subject, c.object):
            if m.start < cut:
                if m.end <= cut:
                    break
                m = dataclasses.replace(m, text=text[cut : m.end], start=cut)
            ends.append(m)
        else:
            kept.append(dataclasses.replace(c, subject=ends[0], object=ends[1]))
    return kept
