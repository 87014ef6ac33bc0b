"""Where the title widening of :mod:`grapheme_distill.extractors.spacy.titles` stops: at an
article that opens a noun phrase of its own, and at a person's possessive before a place NER labels
apart (sentences of our own)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import Relation


def _names(spacy_x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in spacy_x.extract(text).entities.values()}


def test_a_name_and_the_article_after_it_are_two_objects(spacy_x: SpacyExtractor) -> None:
    names = _names(
        spacy_x,
        "In 1996 President Bill Clinton awarded Toni Morrison the Presidential Medal of Freedom.",
    )
    assert "Toni Morrison" in names, names
    assert not any("Morrison the" in n for n in names), names
    names = _names(spacy_x, "In the UK the Revenge Porn Helpline also helps get images removed.")
    assert "UK" in names and not any("UK the" in n for n in names), names


def test_a_fronted_place_ends_before_the_subjects_article(spacy_x: SpacyExtractor) -> None:
    # a fronted prepositional phrase with no comma: the place is the preposition's object, the
    # article opens the clause's subject, and the verb governs both
    names = _names(
        spacy_x, "- **Roman Baths** — at Bath the Romans built a temple to Sulis Minerva."
    )
    assert "Bath" in names and not any("Bath the" in n for n in names), names
    names = _names(spacy_x, "In Paris the French built many monuments.")
    assert "Paris" in names and not any("Paris the" in n for n in names), names


def test_a_fronted_place_ends_before_a_titled_subject_ner_runs_it_into(
    spacy_x: SpacyExtractor,
) -> None:
    # NER's own span runs the place into the subject ("Waterloo the Duke of"): the article after
    # a preposition's object opens a name of its own, which keeps its "of" part
    names = _names(spacy_x, "At Waterloo the Duke of Wellington defeated Napoleon.")
    assert {"Waterloo", "Duke of Wellington"} <= names, names
    assert not any("Waterloo the" in n for n in names), names
    names = _names(spacy_x, "At Aachen the Emperor was crowned.")
    assert "Aachen" in names and not any("Aachen the" in n for n in names), names


def test_a_rulers_epithet_closes_the_name_before_the_clauses_own(spacy_x: SpacyExtractor) -> None:
    # a fronted "Under X the Great" with no comma: the parse hangs "the Great" on the subject, so
    # the epithet's article is no place to cut; the epithet ends the ruler's name (review, fortieth)
    names = _names(spacy_x, "Under Peter the Great Russia built a navy.")
    assert "Great Russia" not in names and "Peter the Great" in names, names
    # after a place the epithet word opens the subject's own name
    names = _names(spacy_x, "At Swindon the Great Western Railway built its works.")
    assert "Great Western Railway" in names and not any("Swindon the" in n for n in names), names


def test_a_name_with_an_epithet_stays_one_name(spacy_x: SpacyExtractor) -> None:
    assert "Winnie the Pooh" in _names(spacy_x, "Winnie the Pooh is a bear.")
    assert "Jack the Ripper" in _names(spacy_x, "Jack the Ripper killed five women in Whitechapel.")
    assert "Alexander the Great" in _names(spacy_x, "Alexander the Great conquered Persia.")


def test_an_article_inside_a_title_stays_in_it(spacy_x: SpacyExtractor) -> None:
    assert "Expect a Miracle" in _names(spacy_x, "She sang Expect a Miracle at the concert.")
    assert "Death on a Factory Farm" in _names(spacy_x, "He wrote Death on a Factory Farm in 2009.")


def test_a_possessive_place_name_stays_one_name(spacy_x: SpacyExtractor) -> None:
    assert "Ford's Theatre" in _names(spacy_x, "Lincoln was shot at Ford's Theatre in 1865.")
    assert "St Mark's Square" in _names(spacy_x, "Crowds fill St Mark's Square at noon.")


def test_a_persons_possessive_before_a_place_ner_labels_apart_owns_it(
    spacy_x: SpacyExtractor,
) -> None:
    """ "Mussolini's Italy": the gold names Mussolini and Italy (and that he ruled it)."""
    names = _names(spacy_x, "She fled Mussolini's Italy in 1937.")
    assert {"Mussolini", "Italy"} <= names, names
    assert not any("'s" in n for n in names), names
    names = _names(spacy_x, "Many fled Fidel Castro's Cuba after 1959.")
    assert {"Fidel Castro", "Cuba"} <= names, names


def test_a_fellowship_of_a_body_names_the_body(spacy_x: SpacyExtractor) -> None:
    """ "Fellow of the Royal Society": the gold names the society (and the fellow its member)."""
    names = _names(
        spacy_x,
        "- **Honours:** Fellow of the Royal Society (elected 1918); Fellow of Trinity College, Cambridge",
    )
    assert {"Royal Society", "Trinity College"} <= names, names
    assert not any(n.startswith("Fellow of") for n in names), names


def _italic_names(answer: str, words: tuple[str, ...]) -> set[str]:
    """The names the parse reads at ``words`` of the answer's first piece once the pipeline has
    given it its italic runs (what ``SpacyExtractor`` does to every piece)."""
    from grapheme_distill.extractors.spacy.names import mention_of
    from grapheme_distill.extractors.spacy.pipeline import load_model
    from grapheme_distill.extractors.spacy.text import prepare
    from grapheme_distill.extractors.spacy.titles import answer_emphasis, mark_emphasis

    piece = prepare(answer).pieces[0]
    doc = load_model()(piece.text)
    mark_emphasis(doc, piece.offsets, answer_emphasis(answer))
    return {m.text for t in doc if t.text in words and (m := mention_of(t)) is not None}


def test_a_title_in_italics_is_one_name() -> None:
    """ "*A Night at the Opera*": NER and the name trimming cut the title to "Night" (a work of
    art) and "Opera" (a place); the italics say where it starts and ends, as quotes do."""
    names = _italic_names(
        "Their fourth album, *A Night at the Opera* (1975), sold six million copies.",
        ("Night", "Opera"),
    )
    assert names == {"A Night at the Opera"}, names
    names = _italic_names(
        "- **1977:** _News of the World_ gave them two stadium anthems.", ("News", "World")
    )
    assert names == {"News of the World"}, names


def test_an_italic_phrase_or_binomial_is_no_title() -> None:
    """Italics also mark a species' name, a foreign word or a stressed phrase: only a run that
    opens and ends on a capitalised word, with no long lower-case word or stop, is a title."""
    names = _italic_names(
        "Rice (*Oryza sativa*) feeds half of Asia, and *Basmati Rice Is Grown In India.*",
        ("Oryza", "India"),
    )
    assert "Oryza sativa" not in names and not any(len(n.split()) > 3 for n in names), names


@pytest.mark.parametrize(
    ("text", "order"),
    [
        (
            "Sir Alan Hodgkin was appointed a Member of the Order of Merit in 1973.",
            "Order of Merit",
        ),
        (
            "She was made a Member of the Order of the British Empire in 2004.",
            "Order of the British Empire",
        ),
        ("He was awarded the Order of Merit in 1951 for his services.", "Order of Merit"),
    ],
)
def test_an_orders_name_is_one_node(spacy_x: SpacyExtractor, text: str, order: str) -> None:
    """ "a Member of the Order of Merit": NER labels nothing, the noun chunks cut the name at its
    "of" ("the Order", "Merit") and "Merit" became a node; the order is one node, the membership
    word none (as "a Fellow of the Royal Society")."""
    names = _names(spacy_x, text)
    assert order in names, names
    assert not names & {"Merit", "Order", "Member", "British Empire"}, names


@pytest.mark.parametrize(
    "answer",
    [
        "The Black Death was a plague.\n\n## Cause\nIt was caused by the bacterium "
        "***Yersinia pestis***, which lives in fleas carried by rodents.",
        "The Black Death was a plague. It was caused by the bacterium *Yersinia pestis*, which "
        "lives in fleas carried by rodents.",
    ],
)
def test_a_species_name_in_italics_is_a_name(spacy_x: SpacyExtractor, answer: str) -> None:
    """ "*Yersinia pestis*" (also in bold italics, whose markup left a stray "*"): the parse reads
    the epithet as a common noun, so the clauses about the species were read as ones between two
    common nouns and dropped; the italic two-word name is a named thing."""
    out = spacy_x.extract(answer)
    names = {e.id: e.name for e in out.entities.values()}
    said = {
        (names.get(r.subject), names.get(r.object)) for r in out.items if isinstance(r, Relation)
    }
    assert ("Yersinia pestis", "bacterium") in said, said
    assert ("Yersinia pestis", "fleas") in said, said


def test_an_italic_phrase_is_no_species() -> None:
    from grapheme_distill.extractors.spacy.pipeline import load_model
    from grapheme_distill.extractors.spacy.text import prepare
    from grapheme_distill.extractors.spacy.titles import answer_emphasis, binomial, mark_emphasis

    answer = "This is *very important* and *Canis lupus* and *The Game*."
    piece = prepare(answer).pieces[0]
    doc = load_model()(piece.text)
    mark_emphasis(doc, piece.offsets, answer_emphasis(answer))
    marked = {t.text for t in doc if binomial(doc, t.i)}
    assert marked == {"lupus"}, marked


def test_an_epithet_after_a_noun_s_by_phrase_stays_in_the_name(spacy_x: SpacyExtractor) -> None:
    # (review) the by-phrase hangs on a noun, not a verb: no fronted place, one name
    names = _names(spacy_x, "Paintings by Pieter Bruegel the Elder hang in Vienna.")
    assert "Pieter Bruegel the Elder" in names, names
