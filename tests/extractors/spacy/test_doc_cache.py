"""The per-document caches of ``spacy/doc_cache.py``: what they answer is what the document
answers, and each document keeps its own."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from grapheme_distill.extractors.spacy.doc_cache import (  # noqa: E402
    doc_text,
    doc_tokens,
    release,
    span_text,
    token_children,
    token_sent,
)
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.blank("en")


def test_text_and_tokens_are_the_documents(nlp: Any) -> None:
    doc = nlp("Marie Curie was born in Warsaw.  She moved to Paris.")
    assert doc_text(doc) == doc.text
    toks = doc_tokens(doc)
    assert len(toks) == len(doc)
    assert all(t == doc[i] and t.i == i and t.text == doc[i].text for i, t in enumerate(toks))


def test_read_once_per_document(nlp: Any) -> None:
    doc = nlp("The Loire flows into the Atlantic.")
    assert doc_tokens(doc) is doc_tokens(doc)  # built once, then read back
    assert doc_text(doc) is doc_text(doc)


def test_no_document_sees_another_documents_cache(nlp: Any) -> None:
    a = nlp("Paris is in France.")
    b = nlp("Lisbon is the capital of Portugal.")
    assert doc_text(a) == "Paris is in France."
    assert doc_text(b) == "Lisbon is the capital of Portugal."
    assert [t.text for t in doc_tokens(a)] == ["Paris", "is", "in", "France", "."]
    assert [t.text for t in doc_tokens(b)][0] == "Lisbon"
    assert all(t.doc is b for t in doc_tokens(b))


def test_children_are_the_parses(spacy_x: SpacyExtractor) -> None:
    doc = spacy_x.nlp("The band, formed in London, toured France and Spain in 1999.")
    for tok in doc:
        assert token_children(tok) == list(tok.children)
    verb = next(t for t in doc if t.lemma_ == "tour")
    assert token_children(verb) is token_children(verb)  # built once per token


def test_children_are_kept_per_document(spacy_x: SpacyExtractor) -> None:
    # the same token index in two parses with different children
    a = spacy_x.nlp("Paris lies on the Seine.")
    b = spacy_x.nlp("Paris and Lyon are cities.")
    assert [c.text for c in token_children(a[0])] == [c.text for c in a[0].children]
    assert [c.text for c in token_children(b[0])] == [c.text for c in b[0].children]
    assert [c.text for c in token_children(a[0])] != [c.text for c in token_children(b[0])]
    assert all(c.doc is b for c in token_children(b[0]))


def test_span_text_is_the_spans(spacy_x: SpacyExtractor) -> None:
    # spaces, a line break token, punctuation glued to words, a span ending before a space
    doc = spacy_x.nlp("Marie Curie (1867–1934)  was born in Warsaw.\nShe won two Nobel Prizes.")
    spans = [*doc.sents, *doc.ents, *doc.noun_chunks]
    spans += [doc[i:j] for i in range(len(doc)) for j in range(i, len(doc) + 1)]
    for span in spans:
        assert span_text(span) == span.text
    assert span_text(doc) == doc.text  # a whole document too


def test_release_drops_the_readers_caches_only(nlp: Any) -> None:
    doc = nlp("The Loire flows into the Atlantic.")
    doc.user_data["not ours"] = 1
    tokens = doc_tokens(doc)
    token_children(doc[0])
    doc.user_data["grapheme_distill.another_reader"] = {}
    release(doc)
    assert not any(str(k).startswith("grapheme_distill.") for k in doc.user_data)
    assert doc.user_data["not ours"] == 1
    assert doc_tokens(doc) == tokens and doc_tokens(doc) is not tokens  # read anew, same answer


class _Recorder:
    """A pipeline that keeps a weak reference to every document it hands out."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.docs: list[weakref.ref[Any]] = []

    def pipe(self, texts: Any, **kw: Any) -> Any:
        for doc in self.nlp.pipe(texts, **kw):
            self.docs.append(weakref.ref(doc))
            yield doc


def test_the_extractor_leaves_no_document_to_the_cyclic_collector(spacy_x: SpacyExtractor) -> None:
    # the readers' caches hold tokens, which hold their document: without ``release`` every
    # parsed piece stayed alive in a cycle until a collection traced it
    recorder = _Recorder(spacy_x.nlp)
    extractor = SpacyExtractor(nlp=recorder, calibration=False, relation_model=False)
    enabled = gc.isenabled()
    gc.disable()
    try:
        out = extractor.extract(
            "## The Loire\n\nThe Loire flows into the Atlantic. It was named by the Romans.\n\n"
            "- Length: 1,006 km\n- Source: Mont Gerbier de Jonc"
        )
        assert out.relations or out.attributes
        assert len(recorder.docs) >= 3
        assert all(ref() is None for ref in recorder.docs)
    finally:
        if enabled:
            gc.enable()


def test_children_of_every_token_in_order(spacy_x: SpacyExtractor) -> None:
    # left and right children, a root, a leaf, several sentences, a non-initial root
    doc = spacy_x.nlp(
        "In 1969, the crew, led by Neil Armstrong, landed on the Moon. They came home. Yes!"
    )
    for tok in reversed(doc):  # the first call may be on any token
        assert [c.i for c in token_children(tok)] == [c.i for c in tok.children]
    assert all(c.doc is doc for t in doc for c in token_children(t))


def test_children_without_a_parse_are_none(nlp: Any) -> None:
    doc = nlp("No parser ran here.")
    assert all(token_children(t) == [] == list(t.children) for t in doc)


def test_sentence_of_a_token_is_its_sent(spacy_x: SpacyExtractor) -> None:
    doc = spacy_x.nlp("Marie Curie was born in Warsaw. She moved to Paris in 1891.  Then she won.")
    for tok in doc:
        got = token_sent(tok)
        assert got == tok.sent and (got.start, got.end) == (tok.sent.start, tok.sent.end)
        assert got.text == tok.sent.text
    assert token_sent(doc[0]) is token_sent(doc[1])  # one span per sentence, read once


def test_sentence_without_boundaries_is_what_the_token_says(nlp: Any) -> None:
    doc = nlp("No sentence boundaries were set here")
    with pytest.raises(ValueError):
        doc[2].sent  # noqa: B018
    with pytest.raises(ValueError):
        token_sent(doc[2])
