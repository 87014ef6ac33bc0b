"""A small store with known contents, for the export and browsing tests.

The exports are tested against a store whose knowledge is written here through the real store API
(recorded teacher calls, then knowledge citing spans of their answers), not read by an extractor:
extractors change as they improve, and an export test must not change with them.  Every item kind
is present, with aliases, typed attribute values, several sources for one item, and a
contradiction (an asserted and a negated relation).
"""

from __future__ import annotations

from pathlib import Path

from grapheme_distill.model.knowledge import (
    Attribute,
    Confidence,
    DistilledKnowledge,
    Entity,
    EntityType,
    HierarchyEdge,
    Item,
    KnowledgeType,
    LinguisticItem,
    Procedure,
    Provenance,
    Relation,
)
from grapheme_distill.store import SQLiteStore, open_store
from grapheme_distill.teachers.base import TeacherRequest, TeacherResponse, Usage

E = {
    name: Entity(name=name, type=kind, aliases=aliases)
    for name, kind, aliases in [
        ("Paris", EntityType.LOCATION, ("City of Light",)),
        ("France", EntityType.LOCATION, ()),
        ("Europe", EntityType.LOCATION, ()),
        ("Eiffel Tower", EntityType.LOCATION, ()),
        ("Gustave Eiffel", EntityType.PERSON, ()),
        ("European Union", EntityType.ORGANIZATION, ("EU",)),
        ("Germany", EntityType.LOCATION, ()),
        ("Python", EntityType.OTHER, ()),
        ("programming language", EntityType.CONCEPT, ()),
        ("compiled language", EntityType.CONCEPT, ()),
        ("Guido van Rossum", EntityType.PERSON, ()),
        ("bread", EntityType.CONCEPT, ()),
    ]
}


def _span(answer: str, text: str) -> tuple[int, int]:
    start = answer.index(text)
    return start, start + len(text)


def _rel(
    answer: str, text: str, s: str, p: str, o: str, conf: float = 0.85, negated: bool = False
) -> Relation:
    return Relation(
        subject=E[s].id,
        predicate=p,
        object=E[o].id,
        confidence=conf,
        negated=negated,
        span=_span(answer, text),
    )


PARIS = (
    "Paris is the capital of France. Paris is located in Europe. The Eiffel Tower is located "
    "in Paris. The Eiffel Tower was designed by Gustave Eiffel. Paris has a population of "
    "2.1 million."
)
EU = (
    "The European Union (EU) is a political union. France is a member of the European Union. "
    "Germany is a member of the European Union. France is the capital of Paris."
)
PYTHON = (
    "Python is a programming language. Python was created by Guido van Rossum. Python was "
    "released in 1991. Python is a compiled language. Python is not a compiled language."
)
BREAD = "To bake bread: 1. Mix flour and water. 2. Knead the dough. 3. Bake it for 30 minutes."


def _calls() -> list[tuple[str, str, str, list[Item], list[str]]]:
    """(prompt, answer, template, items, entity names) per teacher call."""
    return [
        (
            "Tell me about Paris.",
            PARIS,
            "relational.v1",
            [
                _rel(PARIS, "Paris is the capital of France", "Paris", "capital_of", "France"),
                _rel(PARIS, "Paris is located in Europe", "Paris", "located_in", "Europe", 0.8),
                _rel(
                    PARIS,
                    "The Eiffel Tower is located in Paris",
                    "Eiffel Tower",
                    "located_in",
                    "Paris",
                    0.8,
                ),
                _rel(
                    PARIS,
                    "The Eiffel Tower was designed by Gustave Eiffel",
                    "Eiffel Tower",
                    "created_by",
                    "Gustave Eiffel",
                    0.75,
                ),
                Attribute(
                    entity=E["Paris"].id,
                    name="population",
                    value="2.1 million",
                    datatype="number",
                    confidence=0.8,
                    span=_span(PARIS, "Paris has a population of 2.1 million"),
                ),
            ],
            ["Paris", "France", "Europe", "Eiffel Tower", "Gustave Eiffel"],
        ),
        (
            "What is the European Union?",
            EU,
            "structural.v1",
            [
                HierarchyEdge(
                    parent=E["European Union"].id,
                    child=E["France"].id,
                    relation="member_of",
                    confidence=0.8,
                    span=_span(EU, "France is a member of the European Union"),
                ),
                HierarchyEdge(
                    parent=E["European Union"].id,
                    child=E["Germany"].id,
                    relation="member_of",
                    confidence=0.8,
                    span=_span(EU, "Germany is a member of the European Union"),
                ),
                LinguisticItem(
                    entity=E["European Union"].id,
                    relation="abbreviation",
                    value="EU",
                    confidence=0.9,
                    span=_span(EU, "The European Union (EU)"),
                ),
                LinguisticItem(
                    entity=E["European Union"].id,
                    relation="definition",
                    value="a political union",
                    confidence=0.7,
                    span=_span(EU, "The European Union (EU) is a political union"),
                ),
                _rel(EU, "France is the capital of Paris", "Paris", "capital_of", "France", 0.6),
            ],
            ["European Union", "France", "Germany", "Paris"],
        ),
        (
            "Tell me about the Python programming language.",
            PYTHON,
            "factual.v1",
            [
                Relation(
                    subject=E["Python"].id,
                    predicate="is_a",
                    object=E["programming language"].id,
                    confidence=0.85,
                    span=_span(PYTHON, "Python is a programming language"),
                ),
                _rel(
                    PYTHON,
                    "Python was created by Guido van Rossum",
                    "Python",
                    "created_by",
                    "Guido van Rossum",
                    0.8,
                ),
                Attribute(
                    entity=E["Python"].id,
                    name="released_in",
                    value="1991",
                    datatype="date",
                    confidence=0.8,
                    span=_span(PYTHON, "Python was released in 1991"),
                ),
                _rel(
                    PYTHON,
                    "Python is a compiled language",
                    "Python",
                    "is_a",
                    "compiled language",
                    0.5,
                ),
                _rel(
                    PYTHON,
                    "Python is not a compiled language",
                    "Python",
                    "is_a",
                    "compiled language",
                    0.8,
                    negated=True,
                ),
            ],
            ["Python", "programming language", "Guido van Rossum", "compiled language"],
        ),
        (
            "How do you bake bread?",
            BREAD,
            "procedural.v1",
            [
                Procedure(
                    goal="bake bread",
                    entity=E["bread"].id,
                    confidence=0.9,
                    steps=("Mix flour and water", "Knead the dough", "Bake it for 30 minutes"),
                    span=(0, len(BREAD)),
                ),
            ],
            ["bread"],
        ),
    ]


def build_store(path: Path) -> SQLiteStore:
    """The store described in the module docstring, at ``path``."""
    store = open_store(path)
    for prompt, answer, template, items, names in _calls():
        request = TeacherRequest(
            prompt=prompt,
            model="recorded-example",
            metadata={"template": template, "topic": prompt},
        )
        response = TeacherResponse(
            text=answer,
            model="recorded-example",
            usage=Usage(prompt_tokens=20, completion_tokens=60),
        )
        call = store.record_call(
            request,
            response,
            prompt_template=template,
            source=f"examples/sample.jsonl:{len(names)}",
        )
        store.add_knowledge(
            DistilledKnowledge(
                knowledge_type=KnowledgeType.RELATIONAL,
                prompt=prompt,
                response=answer,
                entities=tuple(E[n] for n in names),
                items=tuple(items),
                confidence=Confidence(value=0.9),
                provenance=Provenance(
                    teacher="replay",
                    model="recorded-example",
                    prompt_template=template,
                    extractor="fixture@1",
                    call_hash=call,
                ),
            )
        )
    return store
