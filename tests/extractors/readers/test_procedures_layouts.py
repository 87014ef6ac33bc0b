"""Steps numbered outside markdown lists, and the cases a "What to do" list gives steps for
(issue 11, eighteenth session; readers/procedure_layouts.py): small how-to answers in words of
our own, in layouts chat assistants use; look-alikes (a numbered history, facts in a table,
one piece of advice per bullet) must stay out."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.procedure_layouts import (
    case_steps,
    numbered_block_steps,
    table_steps,
)
from grapheme_distill.extractors.readers.procedures import list_holds_steps

_REPOT = "How do I repot a houseplant?"


def test_numbered_headings_are_one_step_each_with_the_orders_under_them() -> None:
    doc = parse_document(
        "### Step 1: Water the plant the day before\nMoist roots slide out more easily.\n\n"
        "### Step 2: Choose a new pot\nIt should be 2–5 cm wider than the old one.\n\n"
        "### Step 3: Remove the plant\nTip the pot and ease the root ball out.\n"
    )
    (found,) = numbered_block_steps(doc, _REPOT)
    assert found.steps == (
        "Water the plant the day before",
        "Choose a new pot",
        "Remove the plant: Tip the pot and ease the root ball out",
    )


def test_bold_numbered_paragraphs_and_step_labels_are_steps() -> None:
    doc = parse_document(
        "It takes ten minutes.\n\n**1. Water the plant.** Moist roots slide out.\n\n"
        "**2. Choose a pot.** It should be wider.\n\n**3. Fill with compost.** Firm it down.\n"
    )
    (found,) = numbered_block_steps(doc, _REPOT)
    assert found.steps == ("Water the plant", "Choose a pot", "Fill with compost: Firm it down")
    doc = parse_document(
        "**Step 1.** Dig a hole twice as wide as the root ball.\n\n"
        "**Step 2: Loosen.** Loosen the roots with your fingers.\n\n"
        "**Step 3.** Water it deeply.\n"
    )
    (found,) = numbered_block_steps(doc, "How do I plant a tree?")
    assert found.steps == (
        "Dig a hole twice as wide as the root ball",
        "Loosen: Loosen the roots with your fingers",
        "Water it deeply",
    )


def test_numbered_headings_of_a_history_are_no_steps() -> None:
    doc = parse_document(
        "## 1. The early years\nRome was founded as a small town.\n\n"
        "## 2. The republic\nThe Romans expelled their last king.\n"
    )
    assert numbered_block_steps(doc, "Tell me about ancient Rome.") == []


def test_a_table_numbering_steps_gives_its_action_column() -> None:
    doc = parse_document(
        "A proper pot takes five minutes.\n\n| Step | What to do | Why |\n|---|---|---|\n"
        "| 1 | Boil fresh water | Better flavour |\n| 2 | Warm the pot | Keeps the heat |\n"
        "| 3 | Steep for 4 minutes | Full flavour |\n"
    )
    (found,) = table_steps(doc, "How do I make tea?")
    assert found.steps == ("Boil fresh water", "Warm the pot", "Steep for 4 minutes")
    facts = parse_document(
        "Two teas compared.\n\n| Tea | Origin |\n|---|---|\n| Assam | India |\n| Keemun | China |\n"
    )
    assert table_steps(facts, "How do I make tea?") == []


def test_each_case_under_what_to_do_is_a_procedure() -> None:
    doc = parse_document(
        "They differ.\n\n**What to do**\n"
        "- *Sprain:* rest the joint. Put ice on it for 20 minutes.\n"
        "- *Strain:* stop the activity, apply a cold pack and take paracetamol.\n"
    )
    found = case_steps(doc)
    assert [(f.goal, len(f.steps)) for f in found] == [("Sprain", 2), ("Strain", 2)]
    advice = parse_document(
        "They differ.\n\n**What to do**\n- *Sprain:* rest is usually enough.\n"
        "- *Strain:* see a physiotherapist if it lasts.\n"
    )
    assert case_steps(advice) == []


def test_a_lead_opening_with_a_warning_still_introduces_steps() -> None:
    steps = ["Power it off straight away.", "Remove the case.", "Dry it with a cloth."]
    assert list_holds_steps(steps, "Don't panic. Here's what to do:") is True
    assert list_holds_steps(steps, "Don't do these:") is False


def test_numbered_title_lines_take_the_paragraphs_under_them() -> None:
    doc = parse_document(
        "**1. Research the company**\n\nRead their website and the job ad.\n\n"
        "**2. Open with the role**\n\nName the position you want.\n\n"
        "**3. Close politely**\n\nThank the reader.\n"
    )
    (found,) = numbered_block_steps(doc, "How do I write a cover letter?")
    assert found.steps == (
        "Research the company: Read their website and the job ad",
        "Open with the role: Name the position you want",
        "Close politely: Thank the reader",
    )


def test_a_numbered_sentence_paragraph_keeps_no_body() -> None:
    # a numbered paragraph that is a sentence is its step whole; the paragraph after it ends the run
    doc = parse_document(
        "1. Water the plant the day before it moves.\n\nSome general remarks follow here.\n\n"
        "2. Choose a pot.\n"
    )
    assert numbered_block_steps(doc, _REPOT) == []


def test_bullets_whose_labels_give_orders_are_no_cases() -> None:
    doc = parse_document(
        "### Steps\n- **Brew the tea:** Steep the bags and dissolve the sugar.\n"
        "- **Cool it:** Let it cool.\n- **Bottle it:** Pour it into bottles, seal them and wait.\n"
    )
    assert case_steps(doc) == []


def test_numbered_phase_headings_take_the_bullets_under_them() -> None:
    doc = parse_document(
        "### Phase 1: Clear\n- Empty the worktops.\n- Soak the racks.\n\n"
        "### Phase 2: Scrub\n- Wipe the cupboards.\n\n### Phase 3: Finish\n- Hand over the keys.\n"
    )
    (found,) = numbered_block_steps(doc, "How do I deep clean my kitchen?")
    assert found.steps == (
        "Clear: Empty the worktops; Soak the racks",
        "Scrub: Wipe the cupboards",
        "Finish: Hand over the keys",
    )


def test_numbered_history_parts_stay_no_steps() -> None:
    doc = parse_document(
        "## Part 1: The early years\n- The city was founded.\n\n"
        "## Part 2: The empire\n- Its armies spread.\n"
    )
    assert numbered_block_steps(doc, "Tell me about Rome.") == []


def test_headings_numbered_in_words_are_steps() -> None:
    doc = parse_document(
        "### Step One: Make a base\nFold the sheet.\n\n### Step Two: Form a kite\n"
        "Fold the edges in.\n\n### Step Three: Finish\nBend the head down.\n"
    )
    (found,) = numbered_block_steps(doc, "How do I make a paper crane?")
    assert found.steps == (
        "Make a base: Fold the sheet",
        "Form a kite: Fold the edges in",
        "Finish: Bend the head down",
    )
