"""The learned relation reader's candidates (extractors/spacy/relation_candidates.py): one test
per construction the generator reads, on spaCy's real parse."""

from __future__ import annotations

from typing import Any

import pytest

from grapheme_distill.extractors.spacy.mentions import Coref, Mention
from grapheme_distill.extractors.spacy.relation_candidates import sentence_candidates
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _read(x: SpacyExtractor, text: str, **kw: Any) -> set[tuple[str, str, str, str]]:
    out = set()
    for sent in x.nlp(text).sents:
        for c in sentence_candidates(sent, **kw):
            how = next(f for f in c.features if f.startswith("sk="))
            out.add((c.subject.text, c.predicate, c.object.text, how))
    return out


def test_a_verb_and_its_preposition_make_the_predicate(spacy_x: SpacyExtractor) -> None:
    got = _read(spacy_x, "The Danube flows into the Black Sea.")
    assert ("Danube", "flow_into", "Black Sea", "sk=own") in got


def test_a_passive_keeps_its_participle(spacy_x: SpacyExtractor) -> None:
    got = _read(spacy_x, "Marie Curie was born in Warsaw.")
    assert ("Marie Curie", "born_in", "Warsaw", "sk=own") in got


def test_a_relative_clause_on_a_copula_is_said_of_the_copula_subject(
    spacy_x: SpacyExtractor,
) -> None:
    got = _read(spacy_x, "Apollo 11 was the mission which carried Neil Armstrong to the Moon.")
    assert any(
        s == "Apollo 11" and p == "carry" and how == "sk=relcl_copula" for s, p, _, how in got
    )


def test_an_apposition_with_a_relational_noun(spacy_x: SpacyExtractor) -> None:
    got = _read(spacy_x, "Paris, the capital of France, hosts many museums.")
    assert ("Paris", "capital_of", "France", "sk=appos") in got


def test_a_subjectless_item_takes_the_implicit_subject(spacy_x: SpacyExtractor) -> None:
    default = Mention("Marie Curie", 0, 0, label="PERSON", proper=True)
    got = _read(spacy_x, "Won the Nobel Prize in 1903.", default=default)
    assert any(s == "Marie Curie" and how == "sk=implicit" for s, _, _, how in got)


def test_a_copula_with_a_class_noun_is_no_candidate(spacy_x: SpacyExtractor) -> None:
    assert _read(spacy_x, "Frida Kahlo was a painter.") == set()


@pytest.mark.parametrize("block", ["paragraph", "bullet"])
def test_features_name_the_block_and_negation(spacy_x: SpacyExtractor, block: str) -> None:
    sent = next(iter(spacy_x.nlp("Collins never walked on the Moon.").sents))
    cands = sentence_candidates(sent, block=block, hedged=True)
    walk = next(c for c in cands if c.predicate == "walk_on")
    assert walk.negated and {f"block={block}", "hedged", "negated"} <= set(walk.features)


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The foundation has no shareholders and carries no advertising.", "carry"),
        ("The museum was built without government money.", "built_without"),
        ("Bacteria lack a nucleus.", "have"),
    ],
)
def test_an_object_s_denying_determiner_denies_the_reading(
    spacy_x: SpacyExtractor, text: str, predicate: str
) -> None:
    # spaCy hangs "no" on the noun, not on the verb: the reading was the fact the sentence
    # denies ("Wikipedia carried advertising"); the clause rules read it as denied already
    sent = next(iter(spacy_x.nlp(text).sents))
    [read] = [c for c in sentence_candidates(sent) if c.predicate == predicate]
    assert read.negated and "negated" in read.features
    assert f"pred={predicate}" in read.features


def _topic(name: str, label: str) -> Coref:
    coref = Coref()
    coref.note(Mention(name, 0, len(name), label=label, proper=True))
    return coref


def test_a_name_ner_ran_across_a_preposition_is_cut_there(spacy_x: SpacyExtractor) -> None:
    # NER reads "the Massif Central at Mont Gerbier de Jonc" as one name; the parse hangs "at"
    # on the verb, so the river rises in one and at the other
    got = _read(
        spacy_x,
        "It rises in the Massif Central at Mont Gerbier de Jonc.",
        coref=_topic("Loire", "LOC"),
    )
    assert ("Loire", "rise_in", "Massif Central", "sk=pronoun") in got
    assert ("Loire", "rise_at", "Mont Gerbier de Jonc", "sk=pronoun") in got


def test_a_verb_under_a_preposition_takes_the_clause_subject(spacy_x: SpacyExtractor) -> None:
    got = _read(
        spacy_x,
        "The Loire flows north and then west before emptying into the Atlantic Ocean.",
    )
    assert ("Loire", "empty_into", "Atlantic Ocean", "sk=shared") in got


def test_the_members_an_object_lists_take_the_verb(spacy_x: SpacyExtractor) -> None:
    got = _read(spacy_x, "Bach wrote many cantatas, including the Goldberg Variations.")
    assert ("Bach", "write", "Goldberg Variations", "sk=own") in got


def test_a_prepositional_object_s_own_preposition(spacy_x: SpacyExtractor) -> None:
    got = _read(spacy_x, "Ramanujan worked as a clerk at the Madras Port Trust.")
    assert ("Ramanujan", "work_at", "Madras Port Trust", "sk=own") in got


def test_a_pronoun_without_a_guess_takes_the_nearest_named_person(
    spacy_x: SpacyExtractor,
) -> None:
    # the light coreference remembers sentence subjects only; "Utzon" was a clause's subject,
    # so "he" had no guess at all before the nearest-antecedent reading
    doc = spacy_x.nlp("He had already received the Pritzker Prize in 2003.")
    utzon = Mention("Utzon", 0, 5, label="PERSON", proper=True)
    queen = Mention("Queen Elizabeth II", 0, 18, label="PERSON", proper=True)
    sent = next(iter(doc.sents))
    got = {
        (c.subject.text, c.predicate, c.object.text, next(f for f in c.features if "sk=" in f))
        for c in sentence_candidates(sent, coref=Coref(), named=[utzon, queen], here=2)
    }
    # "Queen Elizabeth II" came last, but a queen is no "he"
    assert ("Utzon", "receive", "Pritzker Prize", "sk=pronoun_near") in got
    assert all(s != "Queen Elizabeth II" for s, _, _, _ in got)


def test_it_takes_the_nearest_named_thing_not_a_person(spacy_x: SpacyExtractor) -> None:
    from grapheme_distill.extractors.spacy.relation_candidates import nearest_antecedent

    nile = Mention("Nile", 0, 4, label="LOC", proper=True)
    speke = Mention("John Speke", 10, 20, label="PERSON", proper=True)
    assert nearest_antecedent("it", [nile, speke], 2, 0) is nile
    assert nearest_antecedent("he", [nile, speke], 2, 0) is speke
    # a name of the same sentence before the pronoun is nearer than the earlier sentences'
    cern = Mention("CERN", 3, 7, label="ORG", proper=True)
    assert nearest_antecedent("it", [nile, cern], 1, 20) is cern
    assert nearest_antecedent("it", [nile, cern], 1, 2) is nile  # CERN comes after "it"


def test_he_takes_no_work_as_its_guess(spacy_x: SpacyExtractor) -> None:
    # an answer about a painting: "he" is the painter, never the painting ("Starry Night died
    # on July 1890")
    got = _read(spacy_x, "He died in July 1890.", coref=_topic("Starry Night", "WORK_OF_ART"))
    assert all(s != "Starry Night" for s, _, _, _ in got)


def test_he_takes_the_topic_only_when_the_answer_shows_it_a_person(
    spacy_x: SpacyExtractor,
) -> None:
    from grapheme_distill.extractors.spacy.pronouns import AnswerCoref

    # NER types "Nikola Tesla" ORG; the life range after the name says he is a person
    text = "Nikola Tesla (1856–1943) was an inventor. He moved to New York. He died in 1943."
    tesla = AnswerCoref.of(text)
    tesla.note(Mention("Nikola Tesla", 0, 12, label="ORG", proper=True))
    got = _read(spacy_x, "He died in January 1943.", coref=tesla)
    assert any(s == "Nikola Tesla" for s, _, _, _ in got)
    # an organisation the answer shows no life is no "he"
    got = _read(spacy_x, "He died in January 1943.", coref=_topic("Zurich Group", "ORG"))
    assert all(s != "Zurich Group" for s, _, _, _ in got)


def test_a_clause_on_the_thing_filling_a_role_is_said_of_that_thing(
    spacy_x: SpacyExtractor,
) -> None:
    """ "Its chief crop is arabica coffee, grown on …": the candidates follow the clause reader
    (:func:`.clause_subjects.fills_a_role`): a possessed or superlative subject only names the
    role, the comma clause is about what fills it; a subject that names a thing keeps it."""
    got = _read(spacy_x, "Its chief crop is arabica coffee, grown on the slopes of Mount Elgon.")
    assert any(s == "arabica coffee" and p == "grown_on" for s, p, _, _ in got), got
    assert not any(s == "chief crop" for s, _, _, _ in got), got
    got = _read(
        spacy_x, "Her greatest invention was the cotton gin, which transformed farming in Georgia."
    )
    assert any(s == "cotton gin" and p == "transform" for s, p, _, _ in got), got
    got = _read(spacy_x, "Apollo 11 was the mission, which carried Neil Armstrong to the Moon.")
    assert any(s == "Apollo 11" and p == "carry" for s, p, _, _ in got), got


def test_a_light_verbs_noun_is_in_the_predicate_not_an_object(spacy_x: SpacyExtractor) -> None:
    """ "made use of tanks", "plays a key role in respiration", "gave rise to the islands": the
    noun of a light verb names the relation with it (:func:`.arguments.light_noun`); a thing the
    verb takes ("plays piano in a band") stays an object."""
    got = _read(spacy_x, "The army made use of tanks.")
    assert {(s, p, o) for s, p, o, _ in got} == {("army", "make_use_of", "tanks")}, got
    got = _read(spacy_x, "Mitochondria play a key role in cellular respiration.")
    assert {(s, p, o) for s, p, o, _ in got} == {
        ("Mitochondria", "play_role_in", "cellular respiration")
    }, got
    got = _read(spacy_x, "Volcanic activity gave rise to the islands.")
    assert ("Volcanic activity", "give_rise_to", "islands") in {(s, p, o) for s, p, o, _ in got}
    got = _read(spacy_x, "Evans plays piano in a jazz band.")
    assert ("Evans", "play", "piano") in {(s, p, o) for s, p, o, _ in got}, got


@pytest.mark.parametrize(
    ("text", "subject", "predicate"),
    [
        # a relative clause on a description: the thing the apposition describes does it
        ("A spacer — a plastic tube that attaches to the inhaler — helps the medicine.", "spacer",
         "attach_to"),
        # a vague subject ("its", "a"): the apposition names what it is
        ("A third emblem, the red crystal, was adopted in 2005.", "red crystal", "adopted_in"),
    ],
)  # fmt: skip
def test_a_description_s_subject_is_the_thing_its_apposition_names(
    spacy_x: SpacyExtractor, text: str, subject: str, predicate: str
) -> None:
    got = _read(spacy_x, text)
    assert any(s == subject and p == predicate for s, p, _, _ in got)


def test_a_thing_described_by_its_apposition_stays_the_subject(spacy_x: SpacyExtractor) -> None:
    # "the mycelium, a network …": the definite noun is the thing, the apposition describes it
    got = _read(spacy_x, "The mycelium, a network of hyphae, feeds the fungus.")
    assert any(s == "mycelium" and p == "feed" for s, p, _, _ in got)
    assert all(s != "network" for s, _, _, _ in got)


def _key_defined(x: SpacyExtractor, text: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject.text, c.predicate, c.object.text)
        for sent in x.nlp(text).sents
        for c in sentence_candidates(sent)
        if "s_key_defined" in c.features
    }


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Thermostat: a device that regulates the temperature of a room.",
         ("Thermostat", "regulate", "temperature")),
        ("Compiler: a program that translates source code into machine code.",
         ("Compiler", "translate", "source code")),
        ("Firewall — a system that filters traffic between networks.",
         ("Firewall", "filter", "traffic")),
    ],
)  # fmt: skip
def test_a_key_s_defining_relative_clause_is_marked(
    spacy_x: SpacyExtractor, text: str, reading: tuple[str, str, str]
) -> None:
    # "Key: a genus noun that does X": the key does X, a keyed definition's general form
    assert reading in _key_defined(spacy_x, text)


@pytest.mark.parametrize(
    "text",
    [
        "The mycelium, a network of hyphae that feeds the fungus, spreads widely.",
        "Lyon is a city that attracts many tourists.",
        "The committee approved a plan that funds new schools.",
    ],
)
def test_a_relative_clause_in_a_sentence_with_its_own_verb_is_no_key_s_definition(
    spacy_x: SpacyExtractor, text: str
) -> None:
    assert _key_defined(spacy_x, text) == set()
