"""The spaCy extractor's procedures from numbered headings, step tables, "What to do" cases and a
list led in by a warning (issue 11, eighteenth session; readers/procedure_layouts.py), through
the real pipeline and model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


@pytest.fixture(scope="module")
def extractor() -> Iterator[SpacyExtractor]:
    yield SpacyExtractor()


def test_numbered_headings_replace_the_sentence_by_sentence_steps(
    extractor: SpacyExtractor,
) -> None:
    ex = extractor.extract(
        "Planting a tree takes an afternoon.\n\n"
        "**Step 1.** Dig a hole twice as wide as the root ball.\n\n"
        "**Step 2.** Loosen the roots gently with your fingers.\n\n"
        "**Step 3.** Set the tree in the hole and backfill with soil.\n",
        prompt="How do I plant a tree?",
    )
    assert [p.steps for p in ex.procedures] == [
        (
            "Dig a hole twice as wide as the root ball",
            "Loosen the roots gently with your fingers",
            "Set the tree in the hole and backfill with soil",
        )
    ]


def test_a_list_after_a_warning_is_still_steps(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "Don't panic. Here's what to do:\n\n1. Power it off straight away.\n"
        "2. Remove the case and the SIM tray.\n3. Dry the outside gently with a cloth.\n",
        prompt="My phone got wet.",
    )
    assert [len(p.steps) for p in ex.procedures] == [3]


def test_each_case_under_what_to_do_is_a_procedure(extractor: SpacyExtractor) -> None:
    ex = extractor.extract(
        "They differ: a sprain hurts a ligament, a strain a muscle.\n\n**What to do**\n"
        "- *Sprain:* rest the joint, put ice on it for 20 minutes and raise it.\n"
        "- *Strain:* stop the activity, apply a cold pack and take paracetamol.\n",
        prompt="Is a sprain the same as a strain?",
    )
    assert sorted(p.goal for p in ex.procedures) == ["Sprain", "Strain"]


def test_an_answer_that_is_only_a_step_table_gives_its_procedure(
    extractor: SpacyExtractor,
) -> None:
    # no prose piece at all: the document is still read (issue 11, eighteenth session)
    ex = extractor.extract(
        "| Step | Action |\n|---|---|\n| 1 | Unplug the kettle |\n"
        "| 2 | Fill it with vinegar and water |\n| 3 | Rinse it out |\n",
        prompt="How do I descale a kettle?",
    )
    assert [p.steps for p in ex.procedures] == [
        ("Unplug the kettle", "Fill it with vinegar and water", "Rinse it out")
    ]
