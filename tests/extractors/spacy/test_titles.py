"""Where the title widening of :mod:`grapheme_distill.extractors.spacy.titles` stops: at an
article that opens a noun phrase of its own, and at a person's possessive before a place NER labels
apart (sentences of our own)."""

from __future__ import annotations

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


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
