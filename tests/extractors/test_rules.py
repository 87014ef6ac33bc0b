from __future__ import annotations

import pytest

from grapheme_distill import (
    EntityType,
    Extractor,
    HierarchyKind,
    KnowledgeType,
    LinguisticKind,
    RuleExtractor,
    get_extractor,
)
from grapheme_distill.extractors import available_extractors
from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.rules import guess_entity_type


def _triples(ex: Extraction) -> set[tuple[str, str, str, bool]]:
    names = {e.id: e.name for e in ex.entities.values()}
    return {(names[r.subject], r.predicate, names[r.object], r.negated) for r in ex.relations}


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Paris is the capital of France.", ("Paris", "capital_of", "France", False)),
        ("The Louvre is located in Paris.", ("Louvre", "located_in", "Paris", False)),
        (
            "Python was created by Guido van Rossum.",
            ("Python", "created_by", "Guido van Rossum", False),
        ),
        ("Alice works for Acme Corp.", ("Alice", "works_for", "Acme Corp", False)),
        ("Smoking causes cancer.", ("Smoking", "causes", "cancer", False)),
        ("A whale is a mammal.", ("whale", "is_a", "mammal", False)),
        ("A whale is not a fish.", ("whale", "is_a", "fish", True)),
        ("Bavaria is part of Germany.", ("Bavaria", "part_of", "Germany", False)),
        ("**Paris** is the capital of *France*.", ("Paris", "capital_of", "France", False)),
    ],
)
def test_relations(text: str, triple: tuple[str, str, str, bool]) -> None:
    assert triple in _triples(RuleExtractor().extract(text))


def test_creation_roles_keep_their_meaning_and_surface_form() -> None:
    """Who directed, wrote or founded a thing are different questions (issue 13); the rules
    reader once made every "X by Y" created_by, unlike spacy, which shares its table."""
    out = RuleExtractor().extract(
        "Jaws was directed by Steven Spielberg. The novel was written by Peter Benchley. "
        "Harvard was established by the Massachusetts colony."
    )
    assert {(t[0], t[1]) for t in _triples(out)} == {
        ("Jaws", "directed_by"),
        ("novel", "written_by"),
        ("Harvard", "founded_by"),
    }
    surface = {r.predicate: r.qualifiers.get("source_predicate") for r in out.relations}
    assert surface["founded_by"] == "established_by"


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        (
            "The EU consists of France, Germany and Italy.",
            {("EU", "France", "part_of"), ("EU", "Germany", "part_of"), ("EU", "Italy", "part_of")},
        ),
        ("France is a member of NATO.", {("NATO", "France", "member_of")}),
        (
            "Types of rock include granite and basalt.",
            {("rock", "granite", "subclass_of"), ("rock", "basalt", "subclass_of")},
        ),
        (
            "The kit contains a hammer, a saw and nails.",
            {
                ("kit", "hammer", "contains"),
                ("kit", "saw", "contains"),
                ("kit", "nails", "contains"),
            },
        ),
    ],
)
def test_hierarchy(text: str, edges: set[tuple[str, str, str]]) -> None:
    ex = RuleExtractor().extract(text)
    names = {e.id: e.name for e in ex.entities.values()}
    assert {(names[h.parent], names[h.child], h.relation.value) for h in ex.hierarchy} == edges


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "The World Health Organization (WHO) was founded in 1948.",
            LinguisticKind.ABBREVIATION,
            "WHO",
        ),
        ("Mumbai, also known as Bombay, is a city.", LinguisticKind.ALIAS, "Bombay"),
        (
            "Photosynthesis is defined as the conversion of light into chemical energy.",
            LinguisticKind.DEFINITION,
            "the conversion of light into chemical energy",
        ),
        ("Big is a synonym of large.", LinguisticKind.SYNONYM, "large"),
    ],
)
def test_linguistic(text: str, kind: LinguisticKind, value: str) -> None:
    ex = RuleExtractor().extract(text)
    assert [(li.relation, li.value) for li in ex.linguistic] == [(kind, value)]


def test_alias_lands_on_entity() -> None:
    ex = RuleExtractor().extract("Mumbai, also known as Bombay, is a city.")
    (mumbai,) = [e for e in ex.entities.values() if e.name == "Mumbai"]
    assert mumbai.aliases == ("Bombay",)


def test_attributes_dates_and_numbers() -> None:
    ex = RuleExtractor().extract(
        "Paris has a population of 2.1 million. Python was released in 1991."
    )
    got = {(a.name, a.value, a.datatype) for a in ex.attributes}
    assert got == {("population", "2.1 million", "number"), ("released_date", "1991", "date")}


def test_numbered_steps_and_sequence_prose() -> None:
    ex = RuleExtractor().extract(
        "## How to brew tea\n1. Boil water.\n2. Add leaves.\n3. Wait three minutes.\n\n"
        "First, wash the cup. Then dry it. Finally, put it away."
    )
    assert [(p.goal, p.steps) for p in ex.procedures] == [
        ("brew tea", ("Boil water", "Add leaves", "Wait three minutes")),
        ("brew tea", ("wash the cup", "dry it", "put it away")),
    ]


def test_a_procedure_nothing_names_is_named_after_the_prompt_never_procedure() -> None:
    # issue 11: the main job's template names no goal, and its procedures were called "procedure"
    prompt = "Explain one important process involving photosynthesis in 4 to 6 numbered steps."
    ex = RuleExtractor().extract(
        "1. Light is absorbed.\n2. Water is split.\n3. Sugar is made.\n\n"
        "First, open the stomata. Then take in carbon dioxide.",
        prompt=prompt,
    )
    assert [p.goal for p in ex.procedures] == ["photosynthesis", "photosynthesis"]
    bare = RuleExtractor().extract("1. Boil water.\n2. Add leaves.\n")
    assert [p.goal for p in bare.procedures] == ["Boil water"]


def test_bullets_under_lead_in_become_parts() -> None:
    ex = RuleExtractor().extract(
        "The solar system has these planets:\n- Mercury\n- Venus: hot\n- **Earth**\n"
    )
    names = {e.id: e.name for e in ex.entities.values()}
    # the document layer's list reader may add the planets' whole ("solar system") beside these
    assert {(names[h.parent], names[h.child]) for h in ex.hierarchy} >= {
        ("solar system has these planets", "Mercury"),
        ("solar system has these planets", "Venus"),
        ("solar system has these planets", "Earth"),
    }
    assert all(
        h.relation is HierarchyKind.CONTAINS
        for h in ex.hierarchy
        if names[h.parent] == "solar system has these planets"
    )


def test_types_filter_and_structure_switch() -> None:
    text = "1. Mix.\n2. Bake.\nParis is the capital of France."
    only_rel = RuleExtractor().extract(text, types=frozenset({KnowledgeType.RELATIONAL}))
    assert only_rel.procedures == () and len(only_rel.relations) == 1
    no_struct = RuleExtractor().extract(text, preserve_structure=False)
    assert no_struct.procedures == ()


def test_spans_point_into_the_text() -> None:
    text = "Intro line.\nThe Louvre is located in Paris."
    ex = RuleExtractor().extract(text)
    (rel,) = ex.relations
    assert (
        rel.span is not None
        and text[rel.span[0] : rel.span[1]] == "The Louvre is located in Paris."
    )


def test_hedged_sentences_get_lower_confidence() -> None:
    sure = RuleExtractor().extract("Paris is located in France.").relations[0].confidence
    hedged = RuleExtractor().extract("Paris is probably located in France.").relations
    assert not hedged or hedged[0].confidence < sure


@pytest.mark.parametrize(
    ("name", "etype"),
    [
        ("1991", EntityType.DATETIME),
        ("3 March 2001", EntityType.DATETIME),
        ("42", EntityType.NUMBER),
        ("Acme Corp", EntityType.ORGANIZATION),
        ("Dr. Who", EntityType.PERSON),
        ("World War II", EntityType.EVENT),
        ("Paris", EntityType.OTHER),
        ("mammal", EntityType.CONCEPT),
    ],
)
def test_entity_type_from_name(name: str, etype: EntityType) -> None:
    assert guess_entity_type(name) is etype


def test_same_name_same_entity_across_sentences() -> None:
    ex = RuleExtractor().extract("Paris is located in France. Paris is the capital of France.")
    assert len(ex.entities) == 2


def test_registry() -> None:
    assert "rules" in available_extractors()
    ex = get_extractor("rules")
    assert isinstance(ex, Extractor) and isinstance(ex, RuleExtractor)
    with pytest.raises(Exception, match="unknown extractor"):
        get_extractor("nope")


def test_pipe_matches_extract() -> None:
    pairs = [("q", "Paris is the capital of France."), ("q", "A whale is a mammal.")]
    ext = RuleExtractor()
    piped = list(ext.pipe(pairs))
    assert [_triples(p) for p in piped] == [_triples(ext.extract(t, prompt=q)) for q, t in pairs]


def test_split_modules_keep_the_public_import_paths() -> None:
    """rules.py was split by job (names, sentence patterns, markdown structure): what callers
    import from ``rules`` is the same object as in the module that now holds it."""
    from grapheme_distill.extractors import rules, rules_names, rules_structure

    assert rules.guess_entity_type is rules_names.guess_entity_type
    assert rules.strip_markup is rules_names.strip_markup
    assert rules_structure.goal_from_prompt("How do I bake bread?") == "bake bread"
    assert rules_names.split_list("such as apples, pears and plums") == [
        "apples",
        "pears",
        "plums",
    ]
