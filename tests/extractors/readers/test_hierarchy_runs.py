"""Hierarchy layouts of the eighth session (issue 11), in words of their own: runs of "Term:
gloss" paragraphs read as lists (readers/hierarchy_runs.py), and list items that open with a
number (an event's distance stays, an ingredient's measure goes)."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.hierarchy import item_head, read_lists
from grapheme_distill.extractors.readers.hierarchy_learned import edge_candidates, read_hierarchy
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy
from grapheme_distill.extractors.readers.hierarchy_runs import term_runs
from tests.extractors.readers.conftest import hierarchy_pairs as _pairs

RUN = (
    "Clouds are sorted by height and shape.\n\n"
    "**The three main cloud types**\n\n"
    "Cirrus: thin wisps high in the sky, made of ice crystals.\n\n"
    "Cumulus: puffy heaps with flat bases. They can grow tall:\n\n"
    "- fair-weather cumulus\n- towering cumulus\n\n"
    "Stratus: a grey sheet that covers the sky.\n\n"
    "Fog is stratus at ground level.\n"
)


def _candidates(text: str, prompt: str = "") -> set[tuple[str, str]]:
    ctx = ReadContext.of(parse_document(text), prompt)
    rules = [*read_lists(ctx), *read_prose_hierarchy(ctx)]
    return {c.key for c in edge_candidates(ctx, rules)}


def test_a_run_of_term_paragraphs_is_a_list_with_its_title() -> None:
    runs = term_runs(parse_document(RUN))
    assert len(runs) == 1
    blocks, title = runs[0]
    assert [b.text.split(":")[0] for b in blocks] == ["Cirrus", "Cumulus", "Stratus"]
    assert title == "The three main cloud types"


def test_a_term_runs_items_are_candidate_children_of_its_title_and_topic() -> None:
    cands = _candidates(RUN, "What kinds of clouds are there?")
    assert ("cloud types", "stratus") in cands, sorted(cands)
    assert ("cloud types", "cirrus") in cands, sorted(cands)


def test_two_term_paragraphs_or_a_sentence_with_a_colon_are_no_run() -> None:
    text = (
        "Note: this is rough.\n\nCirrus: thin wisps.\n\nCumulus: puffy heaps.\n\n"
        "The rule is simple: look up.\n"
    )
    assert term_runs(parse_document(text)) == []


def test_an_items_number_stays_with_a_distance_and_goes_with_a_measure() -> None:
    doc = parse_document(
        "### Day one\n\n1. 100 metres\n2. 110 m hurdles\n3. Long jump\n\n"
        "### Ingredients\n\n- 2 tbsp olive oil\n- 1 pinch of salt\n- 3 eggs\n"
    )
    heads = [h[0] for b in doc.blocks if b.is_item and (h := item_head(b)) is not None]
    assert heads == ["100 metres", "110 m hurdles", "Long jump", "olive oil", "salt", "eggs"]
    assert ("day one", "100 metres") in _candidates("### Day one\n\n1. 100 metres\n2. Shot put\n")


def test_an_item_naming_two_lower_case_things_gives_two_children() -> None:
    text = (
        "The kitchen tools fall into a few groups:\n\n"
        "- **Knives**\n  - **paring** and **boning**: small blades\n  - cleaver\n"
        "- **Departments**\n  - Research and Development\n  - Sales\n"
    )
    pairs = _pairs(text)
    assert {("knives", "paring"), ("knives", "boning")} <= pairs, sorted(pairs)
    assert ("knives", "paring and boning") not in pairs
    assert ("departments", "research and development") in pairs, sorted(pairs)


def test_a_gloss_of_verb_phrases_names_no_examples() -> None:
    text = (
        "The council has three parts:\n\n"
        "- **Duties**: sets local taxes, runs schools, approves the budget\n"
        "- **Committees**: planning, licensing, audit\n"
    )
    pairs = _pairs(text)
    assert not any(p == "duties" for p, _ in pairs), sorted(pairs)
    assert ("committees", "licensing") in pairs, sorted(pairs)


def test_the_wholes_own_head_noun_is_no_child() -> None:
    text = (
        "The main parts of the Inca Empire:\n\n"
        "- **Empire**: all the land the Inca ruled\n- **Inca roads**: a network of paths\n"
        "- **Inca army**: its soldiers\n"
    )
    pairs = _pairs(text)
    assert ("inca empire", "inca roads") in pairs, sorted(pairs)
    assert ("inca empire", "empire") not in pairs, sorted(pairs)


def test_a_verbless_paragraph_with_a_kind_word_is_no_lead_in() -> None:
    frag = (
        "**What grows there?** Some 300 species of moss and 40 types of fern.\n\n"
        "- **Access:** The park opens at dawn and closes at dusk every day of the year.\n"
        "- **Threats:** Drought and trampling by visitors harm the rarer plants most.\n"
    )
    stated = (
        "The park is divided into three zones.\n\n"
        "- **Core:** no visitors at any time, kept for research and for the rare plants.\n"
        "- **Buffer:** guided walks only, on marked paths through the older woodland.\n"
    )

    assert not any(c in ("access", "threats") for _, c in _pairs(frag)), sorted(_pairs(frag))
    assert any(c == "buffer" for _, c in _pairs(stated)), sorted(_pairs(stated))


def test_an_aside_with_such_as_ends_at_the_main_verb() -> None:
    text = "Her later ventures, such as the Lakeside Mill and the Harbour Press, failed quickly."
    pairs = _pairs(text)
    assert ("later ventures", "harbour press") in pairs, sorted(pairs)
    assert not any(c.startswith("failed") for _, c in pairs), sorted(pairs)


BOLD_RUN = (
    "A flower has four main parts.\n\n"
    "**Sepals** protect the bud before it opens.\n\n"
    "**Petals** attract pollinators with colour and scent.\n\n"
    "**Stamens** make the pollen.\n\n"
    "**Carpels** hold the ovules.\n"
)


def test_bold_headed_paragraphs_after_a_kind_lead_in_are_a_run() -> None:
    # "**Sepals** protect …": a bold name opening each paragraph is a term as "Sepals: …" is
    runs = term_runs(parse_document(BOLD_RUN))
    assert len(runs) == 1 and len(runs[0][0]) == 4
    ctx = ReadContext.of(parse_document(BOLD_RUN), "What are the parts of a flower?")
    pairs = {(f.subject.text, f.object.text) for f in read_lists(ctx) if f.object is not None}
    assert {("flower", "Sepals"), ("flower", "Carpels")} <= pairs, pairs


def test_an_items_name_is_no_kept_whole_of_its_sibling() -> None:
    # the topic read from the first bold name must not make "Sepals" the whole of "Petals" (the
    # learned layer kept such pairs at 0.8 once the run was read as a list)
    ctx = ReadContext.of(parse_document(BOLD_RUN), "What are the parts of a flower?")
    rules = [*read_lists(ctx), *read_prose_hierarchy(ctx)]
    kept = {
        (f.subject.text.lower(), f.object.text.lower())
        for f in read_hierarchy(ctx, rules)
        if f.kind == "hierarchy" and f.object is not None
    }
    assert ("flower", "petals") in kept, kept
    assert not any(parent == "sepals" for parent, _ in kept), kept


def test_bold_headed_paragraphs_without_a_kind_are_no_run() -> None:
    # an essay's paragraph titles ("**Domestication.** …", "**Tourism.** …") name no kind
    text = (
        "Cats have lived with people for a long time.\n\n"
        "**Domestication.** Cats were tamed about 10,000 years ago.\n\n"
        "**Religion.** Egyptians honoured them.\n\n"
        "**Today.** They are the most popular pets in many countries.\n"
    )
    assert term_runs(parse_document(text)) == []
