"""List readers narrowed to what holds on new writers' answers (thirty-sixth session): a lead-in
that counts kinds but names no whole, in an answer whose prompt names none, gives the heading or
section no kinds."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.hierarchy import read_lists


def _edges(text: str, prompt: str = "") -> set[tuple[str, str, str]]:
    """(construction, parent, child) of every hierarchy fact the list readers give."""
    ctx = ReadContext.of(parse_document(text), prompt)
    return {
        (f.construction, f.subject.text.lower(), f.object.text.lower())
        for f in read_lists(ctx)
        if f.kind == "hierarchy" and f.object is not None
    }


def test_a_lead_in_that_names_no_whole_gives_the_heading_no_kinds() -> None:
    text = (
        "## The cuisine\n\nIts main styles:\n\n- **Sichuan** — bold and spicy\n"
        "- **Cantonese** — mild and fresh\n- **Hunan** — hot and sour\n"
    )
    edges = _edges(text, "Tell me about China.")
    assert not [e for e in edges if e[0] == "list.lead.subclass_of"]


def test_a_lead_in_or_prompt_that_names_the_whole_keeps_its_kinds() -> None:
    text = (
        "Gardeners usually group roses into three broad kinds:\n\n"
        "- **Species roses** — the wild roses\n- **Old garden roses** — before 1867\n"
        "- **Modern roses** — hybrid teas and floribundas\n"
    )
    edges = _edges(text, "How are roses classified?")
    assert ("list.lead.subclass_of", "roses", "species roses") in edges


def test_the_whole_is_matched_as_words_and_items_that_carry_it_keep_it() -> None:
    # review of e804f3e: "tea" was found inside "steady", and a heading naming the class its
    # items carry ("Green tea" under "## Tea") lost its kinds
    text = (
        "## Tea\n\nIts main types:\n\n- **Green tea** — unoxidised\n"
        "- **Black tea** — fully oxidised\n- **White tea** — young buds\n"
    )
    kinds = {e for e in _edges(text, "What should I drink in the morning?") if e[1] == "tea"}
    assert ("list.lead.subclass_of", "tea", "green tea") in kinds, kinds
    text = (
        "## Tea\n\nIts main types:\n\n- **Sencha** — Japanese\n- **Assam** — Indian\n- **Oolong**\n"
    )
    edges = _edges(text, "How do I keep a steady morning routine?")
    assert not [e for e in edges if e[0] == "list.lead.subclass_of"], edges
