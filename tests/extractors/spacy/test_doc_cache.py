"""The per-document caches of ``spacy/doc_cache.py``: what they answer is what the document
answers, and each document keeps its own."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens  # noqa: E402


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
