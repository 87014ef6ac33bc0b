"""Probe answers for hierarchy (twenty-fourth session): short answers written for the test in the
layouts chat assistants use ("X consists of:", "## Types of X", nested kinds, "Members:",
taxonomy ranks, a table with a Category column, …), one construction each, annotated by the
conventions of the shared eval README before the extractor was run on them
(``tests/data/probes/hierarchy.jsonl``; ``grapheme-distill eval --dataset answers --gold`` scores
them).  The tests pin the constructions the readers take right and the defects the probes showed
(a verb, a half bracket or a sentence adverb inside a name; a "such as" list that is the
sentence's subject)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grapheme_distill.extractors.readers import read_document

PROBES = Path(__file__).resolve().parents[2] / "data" / "probes" / "hierarchy.jsonl"


def _probes() -> dict[str, dict[str, object]]:
    with PROBES.open(encoding="utf-8") as fh:
        return {p["id"]: p for p in map(json.loads, fh)}


def _edges(probe_id: str) -> set[tuple[str, str]]:
    probe = _probes()[probe_id]
    _, facts = read_document(str(probe["response"]), str(probe["prompt"]))
    return {
        (f.subject.text.lower(), f.object.text.lower())
        for f in facts
        if f.kind == "hierarchy" and f.subject is not None and f.object is not None
    }


def _gold(probe_id: str) -> set[tuple[str, str]]:
    gold = _probes()[probe_id]["gold"]
    assert isinstance(gold, dict)
    return {(e["parent"].lower(), e["child"].lower()) for e in gold["hierarchy"]}


def test_every_probe_names_its_gold_in_its_text() -> None:
    for probe in _probes().values():
        text = str(probe["response"]).lower()
        gold = probe["gold"]
        assert isinstance(gold, dict) and gold["hierarchy"], probe["id"]
        for edge in gold["hierarchy"]:
            assert edge["child"].lower() in text, (probe["id"], edge)
            assert edge["relation"] in ("part_of", "member_of", "subclass_of", "contains")


@pytest.mark.parametrize(
    "probe_id",
    [
        "hprobe-consists-2",  # "A CPU consists of:" + numbered bold items
        "hprobe-madeup-1",  # "Blood is made up of:" + bullets
        "hprobe-mainparts-1",  # "The main parts of a flower are:"
        "hprobe-typesof-1",  # "## Types of Clouds" + bold-titled bullets
        "hprobe-nested-1",  # kinds under kinds, bold group items
        "hprobe-nested-2",  # numbered kinds with nested examples
        "hprobe-members-1",  # "**Members:**" under a band's opening sentence
        "hprobe-ntypes-1",  # "There are five main types of X:"
        "hprobe-headparts-1",  # a heading per part under "The Earth has three main layers."
    ],
)
def test_the_layouts_read_right_stay_read(probe_id: str) -> None:
    assert _gold(probe_id) <= _edges(probe_id), _gold(probe_id) - _edges(probe_id)


def test_a_past_tense_lead_in_keeps_its_verb_out_of_the_whole() -> None:
    # "The key parts of a medieval castle were:" gave the whole "medieval castle were"
    edges = _edges("hprobe-mainparts-2")
    assert ("medieval castle", "keep") in edges
    assert not any(parent.endswith((" were", " was")) for parent, _ in edges), edges


def test_a_whole_cut_inside_a_bracket_loses_the_half_bracket() -> None:
    # "The Group of Seven (G7) is …" over "Member countries:" gave "Group of Seven (G7"
    edges = _edges("hprobe-members-2")
    assert ("group of seven", "canada") in edges
    assert not any("(" in parent for parent, _ in edges), edges


def test_a_sentence_adverb_is_no_part_of_a_belonging_name() -> None:
    # "Canidae in turn belongs to the order Carnivora."
    edges = _edges("hprobe-family-1")
    assert ("carnivora", "canidae") in edges
    assert not any("in turn" in child for _, child in edges), edges


def test_a_such_as_list_that_opens_the_sentence_ends_at_its_verb() -> None:
    # "Noble gases such as helium, neon and argon hardly react with anything."
    edges = _edges("hprobe-suchas-1")
    assert {("noble gases", "helium"), ("noble gases", "neon"), ("noble gases", "argon")} <= edges


def test_a_such_as_cut_never_splits_a_name() -> None:
    # "… and fresh tuna are rich": the word after the cut opens no predicate, so no cut
    _, facts = read_document(
        "Oily fishes such as salmon, mackerel and fresh tuna are rich in omega-3 fats.", ""
    )
    children = {f.object.text for f in facts if f.kind == "hierarchy" and f.object is not None}
    assert "fresh" not in children, children
