"""A shorter name keeps its own node beside a longer name that adds words after it
(issue 11's "The Loire ... The Loire Valley" defect; "REST" / "REST API")."""

from __future__ import annotations

from grapheme_distill.extractors.spacy.folding import article_titles, keeps_own_node
from grapheme_distill.extractors.spacy.mentions import Mention
from grapheme_distill.extractors.spacy.records import State, short_names
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import LinguisticKind


def _state(*names: tuple[str, str]) -> State:
    """A state that has seen each ``(text, NER label)`` as a proper name."""
    state = State()
    keys = [state.see(Mention(text, -1, -1, label, True)) for text, label in names]
    assert len(keys) == len(names)
    return state


def test_words_after_the_short_name_make_another_thing() -> None:
    assert keeps_own_node(("rest",), ("rest", "api"))
    assert keeps_own_node(("meiji",), ("meiji", "restoration"))
    assert keeps_own_node(("nelson", "mandela"), ("nelson", "mandela", "international", "day"))


def test_surnames_first_names_and_company_suffixes_still_fold() -> None:
    assert not keeps_own_node(("shepard",), ("alan", "shepard"))
    assert not keeps_own_node(("alan",), ("alan", "shepard"), long_is_person=True)
    assert not keeps_own_node(("spartak", "moscow"), ("fc", "spartak", "moscow"))
    assert not keeps_own_node(("apple",), ("apple", "inc"))
    assert not keeps_own_node(("napoleon",), ("napoleon", "i."))
    assert not keeps_own_node(("apollo",), ("apollo", "11"))


def test_short_names_keeps_rest_apart_from_rest_api() -> None:
    state = _state(("REST", "ORG"), ("REST API", "ORG"), ("Loire", "LOC"), ("Loire Valley", "LOC"))
    state.see(Mention("Meiji", -1, -1, "", True))
    state.see(Mention("Meiji Restoration", -1, -1, "EVENT", True))
    folded = short_names(state)
    assert {"rest", "loire", "meiji"}.isdisjoint(folded), folded


def test_a_short_name_left_alone_before_stays_alone() -> None:
    # "Ada" is in two longer names; keeping one of them from folding must not fold it into the other
    state = _state(("Ada Lovelace", "PERSON"), ("Ada", "ORG"), ("Ada Programming Manual", ""))
    assert "ada" not in short_names(state)


def test_the_readers_term_keeps_its_definition(spacy_x: object) -> None:
    text = (
        "**API** stands for *application programming interface*: a way for one program to ask "
        "another for data. **REST** (short for *representational state transfer*) is a style of "
        "designing web APIs. A REST API — often called a *RESTful* API — lets programs read "
        "**resources** through plain HTTP requests."
    )
    ex = spacy_x.extract(text)  # type: ignore[attr-defined]
    names = {k: v.name for k, v in ex.entities.items()}
    defined = {names[i.entity] for i in ex.linguistic if i.relation is LinguisticKind.DEFINITION}
    assert "REST" in defined, defined


def test_a_common_noun_phrase_is_no_short_form_of_a_title_case_name() -> None:
    """ "- **Rhythm section** — piano, guitar, bass" beside "the All-American Rhythm Section": a
    phrase with a lower-case word is a common noun capitalised at the start of an item, so its
    list's children stay its own; a particle ("van Gogh") is no such word."""
    state = _state(
        ("All-American Rhythm Section", "ORG"),
        ("Rhythm section", ""),
        ("Vincent van Gogh", "PERSON"),
        ("van Gogh", "PERSON"),
    )
    folded = short_names(state)
    assert "rhythm section" not in folded, folded
    assert folded.get("van gogh") == "vincent van gogh", folded


def test_a_title_without_its_leading_article_is_the_title() -> None:
    """ "Night at the Opera" (a document reader's list item) beside "A Night at the Opera" (the
    italic title): one node, written with the article."""
    names = {
        "a night at the opera": "A Night at the Opera",
        "night at the opera": "Night at the Opera",
    }
    assert article_titles(names, {}) == {"night at the opera": "a night at the opera"}
    # a lower-case phrase or a fold already made stays as it is
    assert article_titles({"a dog": "a dog", "dog": "dog"}, {}) == {}
    assert article_titles(names, {"night at the opera": "x"}) == {}


def test_the_extractor_makes_one_node_of_an_italic_title_and_its_bare_form(
    spacy_x: SpacyExtractor,
) -> None:
    out = spacy_x.extract(
        "Queen's fourth album was *A Night at the Opera* (1975).\n\n"
        "- **A Night at the Opera** (1975): included Bohemian Rhapsody\n"
        "- **News of the World** (1977)"
    )
    names = {e.name for e in out.entities.values()}
    assert "A Night at the Opera" in names, names
    assert "Night at the Opera" not in names, names


def test_a_list_item_writes_a_title_with_its_article() -> None:
    """ "- A Night at the Opera (1975)": the item readers drop the leading "A", and with no italic
    title to fold into the title lost its article (thirty-second session's defect).  A sentence
    item ("- A Roman legion had …") and a name not written as a title name no such title."""
    from grapheme_distill.extractors.spacy.folding import listed_article_titles

    names = {"night at the opera": "Night at the Opera", "roman legion": "Roman legion"}
    source = "Albums:\n\n- A Night at the Opera (1975)\n- A Roman legion had ten cohorts\n"
    assert listed_article_titles(names, source) == {
        "a night at the opera": ("night at the opera", "A Night at the Opera")
    }
    assert listed_article_titles(names, "He saw A Night at the Opera twice.") == {}
    # a name that only opens the item's head is no title with its article
    names = {"united states": "United States", "new york times": "New York Times"}
    source = "- A United States senator from Ohio\n- A New York Times bestseller in 1962\n"
    assert listed_article_titles(names, source) == {}
    assert listed_article_titles(names, "- **A New York Times**: a newspaper\n") == {
        "a new york times": ("new york times", "A New York Times")
    }


def test_the_extractor_keeps_a_bare_list_titles_article(spacy_x: SpacyExtractor) -> None:
    out = spacy_x.extract(
        "Queen released several albums:\n\n"
        "- A Night at the Opera (1975)\n- News of the World (1977)\n"
    )
    names = {e.name for e in out.entities.values()}
    assert "A Night at the Opera" in names and "Night at the Opera" not in names, names


def test_a_membership_folds_into_the_body_it_is_of(spacy_x: SpacyExtractor) -> None:
    """ "- Member of the Order of Merit (1973)": an item read whole made the honour a node beside
    the order (thirty-second session's defect); the gold names the body, and the year goes
    with it."""
    from grapheme_distill.extractors.spacy.folding import membership_bodies

    names = {
        "member of the order of merit": "Member of the Order of Merit",
        "order of merit": "Order of Merit",
        "fellow of royal society": "Fellow of Royal Society",
        "member of parliament": "Member of Parliament",
    }
    assert membership_bodies(names, {}) == {"member of the order of merit": "order of merit"}
    # a body already folded into its membership maps to nothing (it was mapped to itself)
    parliament = {"member of parliament": "Member of Parliament", "parliament": "Parliament"}
    assert membership_bodies(parliament, {"parliament": "member of parliament"}) == {}
    out = spacy_x.extract(
        "She was appointed to the Order of Merit and elected to the Royal Society.\n\n"
        "**Honours:**\n- Member of the Order of Merit (1973)\n- Fellow of the Royal Society (1961)\n"
    )
    names_out = {e.name for e in out.entities.values()}
    assert "Order of Merit" in names_out, names_out
    assert not any(n.startswith(("Member of", "Fellow of")) for n in names_out), names_out
