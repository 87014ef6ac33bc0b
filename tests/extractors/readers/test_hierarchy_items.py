"""What a list item names and whether it can be a child (readers/hierarchy_items.py)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.hierarchy import read_lists
from grapheme_distill.extractors.readers.hierarchy_items import childlike, item_head


@pytest.mark.parametrize(
    "name", ["If he defends", "when it rains", "Enter his details and a short"]
)
def test_a_clause_or_an_instruction_is_no_child(name: str) -> None:
    assert not childlike(name, nested=True)
    assert not childlike(name, nested=False)


@pytest.mark.parametrize("name", ["When Harry Met Sally", "Once", "Tabla", "Great Dane"])
def test_a_title_or_a_name_stays_a_child(name: str) -> None:
    assert childlike(name, nested=False)


@pytest.mark.parametrize("name", ["Charles I", "World War I", "anaphase I"])
def test_a_name_ending_in_the_numeral_i_is_a_child(name: str) -> None:
    assert childlike(name, nested=False)


@pytest.mark.parametrize("name", ["What I", "you and I", "Then I went", "Stage i"])
def test_the_pronoun_i_still_makes_a_clause(name: str) -> None:
    assert not childlike(name, nested=False)


def test_kings_numbered_i_are_members_like_the_others() -> None:
    text = (
        "The **House of Stuart** ruled Scotland and then England.\n\n"
        "## The first Stuart monarchs of England\n"
        "1. **James I** (r. 1603–1625) — united the two crowns under one king.\n"
        "2. **Charles I** (r. 1625–1649) — lost the civil war and his head.\n"
        "3. **Charles II** (r. 1660–1685) — restored to the throne in 1660.\n"
    )
    children = {child for _, child in _pairs(text)}
    assert {"James I", "Charles I", "Charles II"} <= children


def _pairs(text: str) -> set[tuple[str, str]]:
    """The (parent, child) pairs the list readers give for an answer."""
    ctx = ReadContext.of(parse_document(text), "")
    return {
        (f.subject.text, f.object.text)
        for f in read_lists(ctx)
        if f.kind == "hierarchy" and f.object
    }


def _children(text: str) -> set[str]:
    return {child for _, child in _pairs(text)}


def test_the_sub_steps_of_a_numbered_step_are_not_its_parts() -> None:
    text = (
        "### Making the claim\n\n"
        "1. **File online** using Money Claim Online.\n"
        "   - Enter his details and a short, factual description of the claim.\n"
        "   - Add statutory interest if you want it.\n"
        "2. **Wait for his response.** He has 14 days to reply.\n"
        "   - If he doesn't reply, request a default judgment.\n"
        "   - If he defends, you'll both be offered free mediation.\n"
    )
    assert not _children(text) & {"Enter his details and a short", "If he defends"}


def test_a_narrated_item_is_no_child() -> None:
    text = (
        "After the flood the valley changed in three ways:\n\n"
        "- Farmland turned to marsh\n"
        "- Trade fell away for a decade\n"
        "- Newly drained fields\n"
        "- River Mill\n"
    )
    ctx = ReadContext.of(parse_document(text), "")
    heads = {item_head(b)[0] for b in ctx.doc.blocks if b.role == "list_item" and item_head(b)}
    assert not heads & {"Farmland turned to marsh", "Trade fell away for a decade"}
    assert {"Newly drained fields", "River Mill"} <= heads


def test_an_item_ending_in_a_colon_is_a_lead_in_and_must_name_a_kind() -> None:
    text = (
        "The city is worth a weekend.\n\n"
        "- **Old town** — narrow lanes and markets.\n"
        "  - Grand Bazaar\n"
        "  - Spice Market\n"
        "- **Things to try:**\n"
        "  - Baklava\n"
        "  - Simit\n"
        "- **Kinds of ferries:**\n"
        "  - Bosphorus ferry\n"
        "  - Island ferry\n"
    )
    pairs = _pairs(text)
    assert ("Old town", "Grand Bazaar") in pairs
    assert not {child for _, child in pairs} & {"Baklava", "Simit"}
    assert any(child == "Island ferry" for _, child in pairs)


def test_a_plain_key_among_bold_names_is_an_attribute_not_a_part() -> None:
    text = (
        "The council has two chambers.\n\n"
        "- **Assembly of Valdor**\n"
        "  - **Upper Hall**: 40 members\n"
        "  - **Lower Hall**: 120 members\n"
        "  - Powers: passes laws, sets taxes\n"
    )
    children = _children(text)
    assert {"Upper Hall", "Lower Hall"} <= children
    assert "Powers" not in children


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("- **Harbour Lab** in Tarvik, Norland — tide studies", "Harbour Lab"),
        ("- **Low theme** in the home key: a slow march", "Low theme"),
        ("- **Bank of Valdor** — the central bank", "Bank of Valdor"),
    ],
)
def test_a_bold_name_before_where_it_is_is_the_head(line: str, head: str) -> None:
    """Seventeenth session: a key that opens with a bold name and goes on with a place or manner
    phrase ("in …", "at …") names the bold term; the phrase says where or how it is."""
    block = next(b for b in parse_document(line).blocks if b.is_item)
    got = item_head(block)
    assert got is not None and got[0] == head


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("- **Inner (rocky) worlds:** Tarn, Vell and Osk", "Inner worlds"),
        ("- **Fast (type II) fibres** — short bursts of force", "Fast fibres"),
        ("- **Amoxicillin (a penicillin)** — for ear infections", "Amoxicillin"),
        ("- **Harbour Lab** (the old yard) in Tarvik — tide studies", "Harbour Lab"),
        # after a closed bold name the words after the gloss are no part of it (review mend)
        ("- **Aspirin** (an NSAID) or ibuprofen: pain", "Aspirin"),
        ("- **Mercury** (closest) orbits fastest: x", "Mercury"),
        ("- Inner (rocky) worlds: Tarn, Vell and Osk", "Inner worlds"),
    ],
)
def test_a_gloss_in_brackets_inside_a_name_is_left_out(line: str, head: str) -> None:
    """Thirty-third session: "**Inner (terrestrial) planets:** Mercury, …" was cut at the
    bracket ("Inner"); the gloss inside the key is left out and the words after it kept."""
    block = next(b for b in parse_document(line).blocks if b.is_item)
    got = item_head(block)
    assert got is not None and got[0] == head
