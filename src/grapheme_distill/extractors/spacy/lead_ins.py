"""Whom a list's items are said of, from the lines before the list: the lead-in's subject or
first name ("Key facts about Paris:"), or the subject a dangling pronoun leaves for the items to
go on with ("In practice it:").  Split from :mod:`.lists` (issue 11, thirtieth session) when
that module passed 800 lines; :func:`.lists.read_list` calls both."""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.clauses import Mention, mention_of
from grapheme_distill.extractors.spacy.records import State

__all__ = ["continued_subject", "lead_subject"]

_FACT_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "EVENT",
        "NORP",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)

#: a lead-in or heading that leaves its subject for the items to go on with: "In practice it:",
#: "Along the way he:", "## What it does", "### What she did"
_DANGLING = re.compile(r"\b(?P<p>he|she|it|they)\s*:\s*$", re.IGNORECASE)
_WHAT_IT_DOES = re.compile(
    r"^\W*what (?P<p>he|she|it|they) (?:does|did|do|offers?|provides?)\W*$", re.IGNORECASE
)


def continued_subject(lead: Any, heading_text: str, state: State) -> Mention | None:
    """The subject a list's items go on from when the lead-in ends on a bare pronoun ("Along the
    way he:", "In practice it:") or the heading asks what it does ("## What it does"): the items
    are verb phrases of that subject ("- blinds the Cyclops Polyphemus", "1. sets a target range
    for the federal funds rate"), not of the lead-in's first subject ("Congress has given it a
    dual mandate. In practice it:" is about the Fed, not Congress).  "He" or "she" is the person
    the lead-in named last (objects too: the light coreference notes subjects only), "it" or "they" the answer's
    topic ("Congress has given it a dual mandate. In practice it:" is about the Fed)."""
    if lead is not None:
        last = list(lead.sents)[-1]
        m = _DANGLING.search(last.text)
        if m is None or any(t.pos_ in ("VERB", "AUX") for t in last):
            return None
        pronoun = m.group("p").lower()
    elif (m := _WHAT_IT_DOES.match(heading_text)) is not None:
        pronoun = m.group("p").lower()
    else:
        return None
    found: Mention | None = state.coref.topic
    if pronoun in ("he", "she"):
        # the person the lead-in named last, even as an object ("It follows Odysseus … he:")
        people = [e for e in lead.ents if e.label_ == "PERSON"] if lead is not None else []
        found = mention_of(people[-1].root, state.coref) if people else state.coref.person
    elif found is not None and found.label == "PERSON":
        return None
    if found is None or found.pronoun or not (found.proper or found.label):
        return None
    return found


def lead_subject(doc: Any, state: State) -> Mention | None:
    """The implicit subject of a list: the lead-in's subject when it names something, else the
    first named entity ("Key facts about Paris:"), else its head noun."""
    fallback: Mention | None = None
    for sent in doc.sents:
        for child in sent.root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                m = mention_of(child, state.coref)
                if m and (m.proper or m.label):
                    return m
                fallback = fallback or m
        if sent.root.pos_ in ("NOUN", "PROPN") and not _imperative(sent):
            fallback = fallback or mention_of(sent.root, state.coref)
    for ent in doc.ents:
        if ent.label_ in _FACT_LABELS and not _imperative(ent.sent):
            return mention_of(ent.root, state.coref)
    return fallback


def _imperative(sent: Any) -> bool:
    """Whether ``sent`` tells the reader to do something ("Call 999 (or go to A&E) if you:",
    "Contact your GP or NHS 111 if:"): its names are where to go or whom to ask, and the items
    under it are the reader's conditions, not facts about them.  A verb in its bare form, the
    sentence's root or joined to it, with no subject, auxiliary or subordinator of its own (a
    question-and-answer marker the parser made the subject, "A: Call 999 …", is no noun)."""
    return any(
        tok.tag_ == "VB"
        and tok.dep_ in ("ROOT", "conj")
        and not any(_governs(c) for c in tok.children)
        and (tok.dep_ == "ROOT" or not any(_governs(c) for c in tok.head.children))
        for tok in sent
    )


def _governs(tok: Any) -> bool:
    """Whether ``tok`` makes its verb a finite clause: a subject (not a one-letter marker before
    a colon, "A:"), an auxiliary, or a subordinating word."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return not (len(tok.text) == 1 and after is not None and after.text == ":")
    return tok.dep_ in ("aux", "auxpass", "mark")
