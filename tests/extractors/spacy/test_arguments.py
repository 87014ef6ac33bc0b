"""``spacy/arguments._split_list``: what it reads off the parse is kept per document, and the
answer it gives does not change with the cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from grapheme_distill.extractors.spacy import list_members
from grapheme_distill.extractors.spacy.arguments import _split_list
from grapheme_distill.extractors.spacy.clauses import clauses
from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _object(doc: Any) -> Any:
    return next(t for t in doc if t.dep_ in ("dobj", "pobj", "attr"))


def test_a_list_is_split_the_same_on_every_call(spacy_x: SpacyExtractor) -> None:
    doc = spacy_x.nlp("The band toured France, Spain and Portugal.")
    obj = _object(doc)
    first = _split_list(obj, None)
    assert [m.text for m in first] == ["France", "Spain", "Portugal"]
    first.clear()  # a caller may extend or empty the list it was given
    assert [m.text for m in _split_list(obj, None)] == ["France", "Spain", "Portugal"]
    assert obj.i in doc.user_data[list_members._SHAPES]  # read once, kept on this document


def test_each_document_keeps_its_own_shapes(spacy_x: SpacyExtractor) -> None:
    # the same token index in two documents: a list in one, a single name in the other
    a = spacy_x.nlp("They visited Paris, Rome and Vienna.")
    b = spacy_x.nlp("They visited Paris in the spring.")
    assert _object(a).i == _object(b).i
    assert [m.text for m in _split_list(_object(a), None)] == ["Paris", "Rome", "Vienna"]
    assert [m.text for m in _split_list(_object(b), None)] == ["Paris"]
    assert a.user_data[list_members._SHAPES] is not b.user_data[list_members._SHAPES]


def test_an_address_stays_whole(spacy_x: SpacyExtractor) -> None:
    doc = spacy_x.nlp(
        "The institute is located at Soldevanahalli, Hessarghatta Main Road, Bangalore 560090."
    )
    obj = _object(doc)
    for _ in range(2):
        parts = _split_list(obj, None)
        assert len(parts) == 1 and "Main Road" in parts[0].text


def test_a_conjoined_verb_shares_the_denial_only_without_a_verb_form_of_its_own(
    spacy_x: SpacyExtractor,
) -> None:
    def negated(text: str) -> set[tuple[str, bool]]:
        with use_entity_model(None):  # the rules' reading, before the entity decision
            ex = spacy_x.extract(text)
        names = {k: v.name for k, v in ex.entities.items()}
        return {(names[r.object], r.negated) for r in ex.relations}

    # "or" after a denial denies both verbs; so does a bare verb after "did not"
    got = negated("The agency does not build or repair bridges.")
    assert ("bridges", True) in got and ("bridges", False) not in got, got
    got = negated("Ravel never married Ida Godebska or lived in Vienna.")
    assert ("Vienna", True) in got, got
    # "but" (or a finite verb after "and") states the second fact
    got = negated("Ravel did not win the Prix de Rome but founded the SMI.")
    assert ("SMI", False) in got, got


def test_a_hyphenated_modifier_is_no_part_of_a_relational_noun() -> None:
    from grapheme_distill.extractors.spacy.arguments import _noun_phrase_label
    from grapheme_distill.extractors.spacy_extractor import load_model

    # "Darcy's 15-year-old sister": she is his sister (not his "old sister"); a long-time patron
    # is a patron; "doctoral advisor" keeps its modifier
    for text, noun, label in (
        ("Darcy's 15-year-old sister, Georgiana, eloped.", "sister", "sister"),
        ("Lady Catherine is Darcy's long-time patron.", "patron", "patron"),
        ("He was the well-known leader of the party.", "leader", "leader"),
        ("Alonzo Church was his doctoral advisor.", "advisor", "doctoral_advisor"),
    ):
        tok = next(t for t in load_model()(text) if t.text == noun)
        assert _noun_phrase_label(tok) == label, text


def test_an_epithet_is_no_part_of_a_relational_noun_but_most_stays() -> None:
    """The conventions name the relation by the noun: Aztlan is the Mexica's homeland (not their
    "legendary homeland"); a superlative keeps its "most" (the annotators' most_famous_painting_of,
    which read as famous_painting_of before), and a classifying adjective stays ("national
    symbol", "central bank")."""
    from grapheme_distill.extractors.spacy.arguments import _noun_phrase_label
    from grapheme_distill.extractors.spacy_extractor import load_model

    for text, noun, label in (
        ("Aztlan is the legendary homeland of the Mexica.", "homeland", "homeland"),
        (
            "It is the most famous painting of the Dutch Golden Age.",
            "painting",
            "most_famous_painting",
        ),
        ("Marianne is the national symbol of France.", "symbol", "national_symbol"),
        ("The Reserve Bank is the central bank of India.", "bank", "central_bank"),
        ("Istanbul is the largest city of Turkey.", "city", "largest_city"),
    ):
        tok = next(t for t in load_model()(text) if t.text == noun)
        assert _noun_phrase_label(tok) == label, text


def test_a_clause_on_the_attribute_of_become_is_about_its_subject(
    sentence_clauses: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    got = sentence_clauses("Marie Curie became the first woman to win a Nobel Prize.")
    assert ("Marie Curie", "win", "Nobel Prize") in got, got
    got = sentence_clauses("Bach remained the most famous composer living in Leipzig.")
    assert ("Bach", "live_in", "Leipzig") in got, got


def test_a_pronoun_subject_of_a_later_clause_is_its_sentences_subject(
    facts: Callable[[str], set[tuple[str, str, str, bool]]],
) -> None:
    """ "it" / "they" as the subject of a clause after the main one mean the sentence's own
    subject when they agree with it, not the thing the sentences before named last."""
    got = facts(
        "The Nile is a river in Africa. The Amazon is the largest river because it flows "
        "through Brazil and Peru."
    )
    assert ("Amazon", "flow_through", "Brazil", False) in got, got
    assert not any(s == "Nile" and p == "flow_through" for s, p, _, _ in got), got
    got = facts("Paris is a city. The Beatles were a band, which means they played in Hamburg.")
    assert ("Beatles", "play_in", "Hamburg", False) in got, got
    assert not any(s == "Paris" and p == "play_in" for s, p, _, _ in got), got


def test_a_pronoun_the_main_verb_reports_or_an_object_pronoun_is_not_its_subject(
    facts: Callable[[str], set[tuple[str, str, str, bool]]],
) -> None:
    """ "The court ruled that it counts as a vegetable": the ruling does not say the court is
    one; "Bartz edited the film, while Simon produced it": an object pronoun is left alone."""
    got = facts(
        "Brazil is a country. In 1893 the Supreme Court ruled that it counts as a vegetable."
    )
    assert not any("Court" in s and p.startswith("count") for s, p, _, _ in got), got
    got = facts("Geof Bartz edited the film, while Tom Simon produced it.")
    assert not any(s == "Geof Bartz" and p == "produce" for s, p, _, _ in got), got
    # an aside the parser made the root: its subject is not the sentence's
    got = facts(
        "Morocco is a kingdom. Morocco is not a member of the Arab Maghreb Union in practice — "
        "the union has been dormant for decades — but it rejoined the African Union in 2017."
    )
    assert ("Morocco", "rejoin", "African Union", False) in got, got


def test_they_after_a_clause_with_a_plural_subject_is_that_subject(spacy_x: SpacyExtractor) -> None:
    """ "When the clouds reach the ground, they release …": the subject of the clause before."""
    doc = spacy_x.nlp("When the clouds reach the ground, they release their water as rain.")
    got = {(c.subject.text, c.predicate, c.object.text) for c in clauses(next(iter(doc.sents)))}
    assert ("clouds", "release", "water") in got


def test_it_after_a_clause_with_a_singular_subject_is_that_subject(
    spacy_x: SpacyExtractor,
) -> None:
    """ "Spain was not finished: it sent further armadas": Spain sent them."""
    doc = spacy_x.nlp("Spain was not finished: it sent further armadas in 1596.")
    got = {(c.subject.text, c.predicate, c.object.text) for c in clauses(next(iter(doc.sents)))}
    assert ("Spain", "send", "armadas") in got
    doc = spacy_x.nlp("Dr Smith wrote the report: it says that Amy led the team.")
    got = {(c.subject.text, c.predicate) for c in clauses(next(iter(doc.sents)))}
    assert ("Dr Smith", "say") not in got  # a person is no "it"


def test_a_participle_on_the_name_of_an_identity_copula_is_about_the_name(
    sentence_clauses: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    got = sentence_clauses("The governing body is the ICC, based in Dubai.")
    assert ("ICC", "based_in", "Dubai") in got, got
    assert not any(s == "governing body" for s, _, _ in got), got
    got = sentence_clauses("Vienna is a city located on the Danube.")
    assert ("Vienna", "located_on", "Danube") in got, got


def test_a_clause_after_a_comma_on_the_thing_filling_a_role_is_about_that_thing(
    sentence_clauses: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "Its chief crop is arabica coffee, grown on …": a possessed or superlative subject only
    names the role; the non-restrictive clause says something of what fills it.  A subject that
    names a thing keeps the clause ("Lise Meitner … , born in Vienna")."""
    got = sentence_clauses("Its chief crop is arabica coffee, grown on the slopes of Mount Elgon.")
    assert ("arabica coffee", "grown_on", "slopes") in got, got
    assert not any(s == "chief crop" for s, p, _ in got if p != "is_a"), got
    got = sentence_clauses(
        "Her greatest invention was the cotton gin, which transformed farming in Georgia."
    )
    assert ("cotton gin", "transform", "farming") in got, got
    got = sentence_clauses("Lise Meitner was an Austrian physicist, born in Vienna.")
    assert ("Lise Meitner", "born_in", "Vienna") in got, got


def test_a_clause_on_the_members_of_a_collective_description_tells_of_the_whole(
    sentence_clauses: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "X is a collection of sculptures taken from Y": the members make up X, so X was taken from
    Y; an "of" phrase on another noun keeps the clause ("a painting of a woman who lived …")."""
    got = sentence_clauses(
        "The Elgin Marbles are a collection of classical sculptures taken from the Parthenon."
    )
    assert ("Elgin Marbles", "taken_from", "Parthenon") in got, got
    got = sentence_clauses(
        "The Azores, a group of islands formed by volcanoes, belong to Portugal."
    )
    assert ("Azores", "formed_by", "volcanoes") in got, got
    got = sentence_clauses("It is a painting of a woman who lived in Florence.")
    assert ("woman", "live_in", "Florence") in got, got


def test_a_definite_apposition_after_a_comma_names_the_subject(
    sentence_clauses: Callable[[str], set[tuple[str, str, str]]],
) -> None:
    """ "A third emblem, the red crystal, was adopted": the definite phrase says which emblem the
    clause is about; an indefinite one ("a tributary") only describes the subject again."""
    got = sentence_clauses("A third emblem, the red crystal, was adopted in 2005.")
    assert ("red crystal", "adopted_in", "2005") in got, got
    assert ("third emblem", "adopted_in", "2005") not in got, got
    got = sentence_clauses("The river, a tributary, flows through Basel.")
    assert ("river", "flow_through", "Basel") in got, got


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The army made use of tanks.", "use"),
        ("Volcanic activity gave rise to the islands.", "rise"),
        ("Canada takes part in the European Space Agency.", "part"),
        ("Mitochondria play a key role in cellular respiration.", "role"),
        ("Students have access to the library.", "access"),
        ("Evans plays piano in a jazz band.", None),  # no light verb: a thing played
        ("The company has offices in Paris.", None),  # a plural: things had
        ("Mammals have hair.", None),  # no preposition: the noun may be a thing
        ("She took the train to Paris.", None),  # a definite noun: a thing taken
    ],
)
def test_a_light_verbs_bare_noun_before_a_preposition_belongs_to_the_predicate(
    spacy_x: SpacyExtractor, text: str, noun: str | None
) -> None:
    from grapheme_distill.extractors.spacy.arguments import light_noun

    doc = spacy_x.nlp(text)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    got = light_noun(verb)
    assert (got.text if got is not None else None) == noun


def test_an_indefinite_noun_of_have_is_an_attribute_not_a_light_verbs(
    spacy_x: SpacyExtractor,
) -> None:
    """ "has a mass of four million Suns": the noun names an attribute and its value."""
    from grapheme_distill.extractors.spacy.arguments import light_noun

    doc = spacy_x.nlp("The black hole has a mass of four million Suns.")
    assert light_noun(next(t for t in doc if t.dep_ == "ROOT")) is None
