"""The drop audit scores each extractor stage with the reference scorer's units: the readers'
facts and the walk's records give the same unit for the same reading."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import benchmark_script

pytest.importorskip("spacy")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def audit() -> Iterator[ModuleType]:
    yield benchmark_script("audit_drops")


_ANSWER = (
    "## Ada Lovelace\n\n- **Born:** 10 December 1815\n- **Known for:** the Analytical Engine\n\n"
    "The parts of a violin:\n\n- the scroll\n- the bridge\n\n"
    "**GPU** (graphics processing unit) renders images.\n"
)


def test_facts_and_records_give_the_scorers_units(audit: ModuleType) -> None:
    from grapheme_distill.extractors.readers import read_document
    from grapheme_distill.extractors.spacy.records import State, add_facts
    from grapheme_distill.model.knowledge import KnowledgeType

    facts = read_document(_ANSWER, "Who was Ada Lovelace?")[1]
    state = State()
    add_facts(facts, frozenset(KnowledgeType), state)  # the facts as the walk records them
    from_facts = audit._fact_units(facts)
    from_records = audit._record_units(state.records)
    for units in (from_facts, from_records):
        assert {(u["parent"], u["child"]) for u in units["hierarchy"]} >= {
            ("violin", "scroll"),
            ("violin", "bridge"),
        }, units["hierarchy"]
        assert all(u["relation"] == "part_of" and u["_src"] for u in units["hierarchy"])
        assert ("Ada Lovelace", "born_on", "10 December 1815") in {
            (u["subject"], u["predicate"], u["object"]) for u in units["relations"]
        }, units["relations"]
        assert [(u["term"], u["value"]) for u in units["linguistic"]] == [
            ("graphics processing unit", "GPU")
        ]
    for kind in ("relations", "hierarchy", "linguistic"):
        plain = [{k: v for k, v in u.items() if k != "_rec"} for u in from_records[kind]]
        assert plain == from_facts[kind], kind  # the same units, the records carrying themselves
        assert all("_rec" in u for u in from_records[kind])
        assert not any("_rec" in u for u in from_facts[kind])
