"""Kind nouns that name a whole's children, not the whole (twenty-fifth session): "the countries of
the United Kingdom" asks about the United Kingdom, "Its main subsidiaries are:" lists the company's
subsidiaries, "- **Main parts:**" over a nested list names the parts of the section's subject; and
plural nouns compared through readers/plurals.py, not by dropping every trailing "s"."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.context import ReadContext, prompt_topic
from grapheme_distill.extractors.readers.hierarchy_prose_common import stated_children
from grapheme_distill.extractors.readers.phrases import names_kind, resolve
from tests.extractors.readers.conftest import hierarchy_pairs as _kept


@pytest.mark.parametrize(
    ("prompt", "topic"),
    [
        ("What are the countries of the United Kingdom?", "United Kingdom"),
        ("What are the provinces of Canada?", "Canada"),
        ("What are the branches of the US government?", "US government"),
        ("What are Alphabet's subsidiaries?", "Alphabet"),
        # unchanged: a kind noun asked about with no "of"
        ("What are the main types of clouds?", "clouds"),
    ],
)
def test_a_kind_noun_before_of_is_no_part_of_the_prompt_topic(prompt: str, topic: str) -> None:
    assert prompt_topic(prompt) == topic


def test_a_list_of_the_prompts_countries_hangs_from_the_country_not_the_kind() -> None:
    text = (
        "The United Kingdom is made up of four countries:\n\n"
        "- England\n- Scotland\n- Wales\n- Northern Ireland\n"
    )
    kept = _kept(text, "What are the countries of the United Kingdom?")
    assert ("united kingdom", "england") in kept
    assert not any(parent.startswith("countries") for parent, _ in kept)


def test_a_subsidiaries_lead_in_names_the_company_as_the_whole() -> None:
    text = (
        "Alphabet is the parent company of Google. Its main subsidiaries are:\n\n"
        "- Google\n- Waymo\n- Verily\n- DeepMind\n"
    )
    kept = _kept(text, "What are Alphabet's subsidiaries?")
    assert ("alphabet", "waymo") in kept
    assert not any("subsidiaries" in parent for parent, _ in kept)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "## Bicycle\n\n- **Invented:** 1817\n- **Main parts:**\n  - frame\n  - wheels\n"
            "  - handlebars\n- **Uses:** transport, sport\n",
            ("bicycle", "frame"),
        ),
        (
            "The **Beatles** were an English rock band.\n\n- **Members:**\n  - John Lennon\n"
            "  - Paul McCartney\n  - George Harrison\n- **Genre:** rock\n",
            ("beatles", "john lennon"),
        ),
    ],
)
def test_a_bold_key_naming_the_kind_is_not_the_whole_of_its_nested_list(
    text: str, pair: tuple[str, str]
) -> None:
    kept = _kept(text)
    assert pair in kept
    assert not any(parent in ("main parts", "members") for parent, _ in kept)


def test_names_kind_is_a_kind_word_with_its_selecting_words_only() -> None:
    assert names_kind("Main parts")
    assert names_kind("Members")
    assert names_kind("Key subsidiaries")
    assert not names_kind("Numeric types")  # a named kind: a class of its own
    assert not names_kind("Gongs")


def test_the_series_is_the_sections_subject_when_the_subject_is_a_series() -> None:
    ctx = ReadContext.of(
        parse_document("## Harry Potter series\n\nThe series has seven books."), ""
    )
    name = resolve(ctx, ctx.doc.blocks[-1], "The series")
    assert name is not None and name.text == "Harry Potter series"


def test_a_counted_plural_in_es_gives_its_head_to_every_name() -> None:
    assert stated_children("three classes: the first, the business and the economy class") == [
        "first class",
        "business class",
        "economy class",
    ]


def test_a_key_naming_a_kind_with_a_selecting_word_lists_the_subjects_children() -> None:
    text = (
        "**Alphabet Inc.** is an American holding company.\n\n"
        "- **Founded:** 2015\n- **Key subsidiaries:** Google, Waymo, Verily and DeepMind\n"
    )
    pairs = _kept(text, "What is Alphabet?")
    assert ("alphabet inc", "waymo") in pairs
    assert not any("subsidiaries" in parent for parent, _ in pairs)


def test_a_main_kind_key_reads_as_the_kind_key() -> None:
    text = (
        "Cricket is a bat-and-ball game.\n\n"
        "- **Main formats:** Test cricket, One Day Internationals and Twenty20\n"
    )
    assert ("cricket", "twenty20") in _kept(text, "Tell me about cricket.")


@pytest.mark.parametrize(("diamond", "whole"), [("**diamond**", "diamond"), ("diamond", "field")])
def test_a_bold_noun_after_the_is_a_new_term_not_the_sections_subject(
    diamond: str, whole: str
) -> None:
    # a plain "the <noun>" is still what the section is about
    text = f"# Baseball\n\nA bat-and-ball game.\n\n## The field\n\nThe {diamond} has four bases."
    ctx = ReadContext.of(parse_document(text), "How does baseball work?")
    named = resolve(ctx, ctx.doc.blocks[-1], "The diamond")
    assert named is not None and named.text == whole


@pytest.mark.parametrize(
    ("text", "children"),
    [
        (
            "four bases — first base, second base, third base and home plate — 90 feet apart",
            ["first base", "second base", "third base", "home plate"],
        ),
        (
            "three parts — the header, the payload and the signature",
            ["header", "payload", "signature"],
        ),
        # the names must be as many as the count: a dash before a remark lists nothing
        ("three parts — the header and the payload", None),
    ],
)
def test_a_counted_noun_lists_its_names_between_dashes(
    text: str, children: list[str] | None
) -> None:
    assert stated_children(text) == children


def test_a_kind_key_over_a_glossary_item_lists_the_subjects_parts() -> None:
    text = (
        "A **bicycle** is a human-powered vehicle with two wheels.\n\n"
        "- **Invented:** 1817\n- **Main parts:** frame, wheels, handlebars, saddle and chain\n"
        "- **Uses:** transport, sport"
    )
    pairs = _kept(text, "Tell me about the bicycle.")
    assert ("bicycle", "frame") in pairs
    assert not any(parent == "main parts" for parent, _ in pairs)
