"""Functional properties: a second birth date, population or capital is flagged with evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_records import ent, record

from grapheme_distill import (
    Attribute,
    Confidence,
    DistilledKnowledge,
    EntityType,
    KnowledgeType,
    Provenance,
)
from grapheme_distill.errors import InputError
from grapheme_distill.model.functional import DEFAULT_PROPERTIES, load_properties
from grapheme_distill.store import GraphStore

CURIE = ent("Marie Curie", EntityType.PERSON)
PARIS = ent("Paris", EntityType.LOCATION)
FRANCE = ent("France", EntityType.LOCATION)


def facts(source: str, entity_name: str, *attrs: tuple[str, str, str]) -> DistilledKnowledge:
    entity = ent(entity_name)
    items = tuple(
        Attribute(entity=entity.id, name=n, value=v, datatype=d, confidence=0.8)
        for n, v, d in attrs
    )
    return DistilledKnowledge(
        knowledge_type=KnowledgeType.FACTUAL,
        prompt=source,
        response=source,
        entities=(entity,),
        items=items,
        confidence=Confidence(value=0.9),
        provenance=Provenance(extractor="rules@1", call_hash=source),
    )


def test_dates_conflict_unless_they_agree_as_far_as_both_go(store: GraphStore) -> None:
    store.add_knowledge(facts("a", "Marie Curie", ("born_on", "7 November 1867", "date")))
    store.add_knowledge(facts("b", "Marie Curie", ("birth_date", "1867", "date")))  # less precise
    store.add_knowledge(facts("c", "Marie Curie", ("born_in", "Warsaw", "string")))  # a place
    assert store.functional_conflicts() == []
    store.add_knowledge(facts("d", "Marie Curie", ("date_of_birth", "1868-11-07", "date")))
    store.add_knowledge(facts("e", "Marie Curie", ("died_on", "4 July 1934", "date")))
    (conflict,) = store.functional_conflicts()
    assert (conflict.entity, conflict.property) == (ent("Marie Curie").id, "birth_date")
    assert sorted(s.value for s in conflict.sides) == ["1868-11-07", "7 November 1867"]
    # each side carries its evidence: the agreeing 1867 facts came from a and b
    assert sorted(conflict.sides, key=lambda s: s.value)[1].sources == ("a", "b")


def test_numbers_conflict_beyond_the_tolerance_and_per_date(store: GraphStore) -> None:
    store.add_knowledge(facts("a", "Paris", ("population", "2,100,000", "number")))
    store.add_knowledge(facts("b", "Paris", ("population", "2.1 million", "number")))
    assert store.functional_conflicts() == []
    store.add_knowledge(facts("c", "Paris", ("population", "2,161,000", "number")))  # +2.9 %
    (conflict,) = store.functional_conflicts()
    assert conflict.property == "population" and len(conflict.sides) == 2
    # a population at a date: two dates are two slots, no conflict between them
    lyon = ent("Lyon", EntityType.LOCATION)
    for source, year, value in (("d", "2010", "480,000"), ("e", "2020", "520,000")):
        knowledge = record([(lyon, "population", ent(value), 0.9)], source=source)
        (rel,) = knowledge.items
        dated = rel.model_copy(update={"qualifiers": {"date": year}})
        store.add_knowledge(knowledge.model_copy(update={"items": (dated,)}))
    assert [c.entity for c in store.functional_conflicts()] == [ent("Paris").id]
    knowledge = record([(lyon, "population", ent("900,000"), 0.9)], source="f")
    (rel,) = knowledge.items
    dated = rel.model_copy(update={"qualifiers": {"date": "2020"}})
    store.add_knowledge(knowledge.model_copy(update={"items": (dated,)}))
    lyon_conflict = [c for c in store.functional_conflicts() if c.entity == lyon.id]
    assert [(c.slot, sorted(s.value for s in c.sides)) for c in lyon_conflict] == [
        ("date=2020", ["520,000", "900,000"])
    ]


def test_places_conflict_by_entity_and_inverse_predicates_count(store: GraphStore) -> None:
    lyon = ent("Lyon", EntityType.LOCATION)
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
    store.add_knowledge(record([(FRANCE, "capital", PARIS, 0.8)], source="b"))  # the same fact
    store.add_knowledge(
        record([(CURIE, "born_in", ent("Warsaw", EntityType.LOCATION), 0.9)], source="c")
    )
    assert store.functional_conflicts() == []
    store.add_knowledge(record([(lyon, "capital_of", FRANCE, 0.6)], source="d"))
    store.add_knowledge(record([(CURIE, "born_in", ent("1867"), 0.9)], source="e"))  # a date
    (conflict,) = store.functional_conflicts()
    assert (conflict.entity, conflict.property) == (FRANCE.id, "capital")
    assert [(s.value, s.sources) for s in conflict.sides] == [
        ("Paris", ("a", "b")),
        ("Lyon", ("d",)),
    ]
    # a negated relation is a negation (contradictions()), not a second value
    store.add_knowledge(
        record(
            [(CURIE, "born_in", ent("Paris", EntityType.LOCATION), 0.9)], source="f", negated=True
        )
    )
    assert len(store.functional_conflicts()) == 1


def test_users_declare_their_own_properties(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "functional.toml"
    path.write_text('[[functional]]\nname = "mayor"\nrelations = ["mayor"]\n')
    props = load_properties(path)
    assert len(props) == len(DEFAULT_PROPERTIES) + 1
    store.add_knowledge(record([(PARIS, "mayor", ent("Anne Hidalgo"), 0.9)], source="a"))
    store.add_knowledge(record([(PARIS, "mayor", ent("Bertrand Delanoë"), 0.9)], source="b"))
    assert store.functional_conflicts() == []
    assert [c.property for c in store.functional_conflicts(props)] == ["mayor"]
    json_path = tmp_path / "f.json"
    json_path.write_text('{"functional": [{"name": "x", "values": "colour"}]}')
    with pytest.raises(InputError, match=r"f\.json.*property 1: values"):
        load_properties(json_path)


def test_json_and_graphml_exports_flag_conflicting_items(store: GraphStore, tmp_path: Path) -> None:
    import json

    import networkx as nx

    from grapheme_distill.export.graphml import export_graphml
    from grapheme_distill.export.json_export import export_json

    lyon = ent("Lyon", EntityType.LOCATION)
    store.add_knowledge(record([(PARIS, "capital_of", FRANCE, 0.9)], source="a"))
    store.add_knowledge(record([(lyon, "capital_of", FRANCE, 0.6)], source="b"))
    store.add_knowledge(record([(PARIS, "twinned_with", ent("Rome"), 0.9)], source="c"))
    graph = store.to_knowledge_graph()
    export_json(graph, tmp_path / "g.json")
    (conflict,) = json.loads((tmp_path / "g.json").read_text())["functional_conflicts"]
    assert conflict["property"] == "capital" and len(conflict["sides"]) == 2
    export_graphml(graph, tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    flags = {d["predicate"]: d["conflict"] for _, _, d in g.edges(data=True)}
    assert flags == {"capital_of": "capital", "twinned_with": ""}
