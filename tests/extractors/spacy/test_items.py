"""``spacy/items.finish_items``: one entity per name, made once per answer (performance) and
never carried over from one answer to the next."""

from __future__ import annotations

from collections import Counter

import pytest

from grapheme_distill.extractors.spacy import items
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor
from grapheme_distill.model.knowledge import HierarchyEdge

_CURIE = (
    "Marie Curie was born in Warsaw. Marie Curie studied in Paris. Marie Curie married Pierre "
    "Curie. Marie Curie discovered polonium. Marie Curie won the Nobel Prize in Physics."
)


def test_an_entity_is_made_once_per_name(
    spacy_x: SpacyExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every relation of the answer asks for Marie Curie's entity; its surface form (and its
    # pydantic Entity) is built once per spelling and label, not once per request
    made: Counter[str] = Counter()
    surface = items.entity_surface

    def counted(name: str, etype: items.EntityType) -> str:
        made[name] += 1
        return surface(name, etype)

    monkeypatch.setattr(items, "entity_surface", counted)
    ex = spacy_x.extract(_CURIE)
    assert len(ex.relations) >= 4
    assert made["Marie Curie"] <= 2  # (a mention with an NER label and one without)
    ids = set(ex.entities)
    assert all(r.subject in ids and r.object in ids for r in ex.relations)


def test_the_memo_does_not_leak_across_answers(spacy_x: SpacyExtractor) -> None:
    first, second = list(spacy_x.pipe([("", _CURIE), ("", "Lisbon is the capital of Portugal.")]))
    names = {e.name for e in second.entities.values()}
    assert "Marie Curie" not in names and {"Lisbon", "Portugal"} <= names
    assert "Marie Curie" in {e.name for e in first.entities.values()}
    for ex in (first, second):
        ids = set(ex.entities)
        assert all(r.subject in ids and r.object in ids for r in ex.relations)


def test_an_alias_stays_on_the_entity_read_again(spacy_x: SpacyExtractor) -> None:
    ex = spacy_x.extract(
        "The European Union (EU) was founded in 1993. The European Union has 27 members. "
        "The European Union is based in Brussels."
    )
    eu = [e for e in ex.entities.values() if e.name == "European Union"]
    assert len(eu) == 1 and "EU" in eu[0].aliases
    ids = set(ex.entities)
    assert all(r.subject in ids and r.object in ids for r in ex.relations)


def test_a_clause_edge_passes_the_readers_shape_checks(spacy_x: SpacyExtractor) -> None:
    """The clause reader's "X include A, B" edges pass the same `plausible_edge` checks as the
    readers' edges: a discourse noun ("Examples", "Related terms") is no whole (fourteenth
    session: devtrain 5 wrong edges fewer, none right lost), nor is a bare plural over names
    ("Its members include …", twenty-ninth session), while a named group still is."""
    out = spacy_x.extract(
        "Examples include fossils, shells and bones. Its members include Saudi Arabia and Iraq. "
        "OPEC's members include Kuwait and Iran."
    )
    names = {e.id: e.name for e in out.entities.values()}
    pairs = {(names[i.parent], names[i.child]) for i in out.items if isinstance(i, HierarchyEdge)}
    assert not any(parent in {"Examples", "members"} for parent, _ in pairs)
    assert ("OPEC", "Iran") in pairs
