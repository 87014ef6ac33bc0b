"""More candidate edges for the learned hierarchy layer (readers/hierarchy_cues.py): each source
proposes the pair the gold names, and the sources a model's file names are kept like rule edges."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact
from grapheme_distill.extractors.readers.hierarchy import read_lists
from grapheme_distill.extractors.readers.hierarchy_cues import (
    core_child,
    core_parent,
    np_before,
    plural_tail,
)
from grapheme_distill.extractors.readers.hierarchy_learned import edge_candidates, read_hierarchy
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy


def _read(text: str) -> tuple[ReadContext, list[Fact], dict[tuple[str, str], set[str]]]:
    """The answer's context, its rule edges and every candidate pair with its features."""
    ctx = ReadContext.of(parse_document(text), "")
    rules = [*read_lists(ctx), *read_prose_hierarchy(ctx)]
    return ctx, rules, {c.key: c.features for c in edge_candidates(ctx, rules)}


def test_a_parents_core_drops_its_qualifiers() -> None:
    assert core_parent("Main campaigns") == "campaigns"
    assert core_parent("Triggers to avoid") == "Triggers"
    assert core_parent("HTTP method says what to") == "HTTP method"
    assert core_parent("genus Canis") == "Canis"
    assert core_parent("campaigns") is None
    assert core_parent("the things") is None


def test_a_childs_cue_is_dropped() -> None:
    assert core_child("e.g. salbutamol") == "salbutamol"
    assert core_child("such as pollen") == "pollen"
    assert core_child("pollen") == "pollen"


def test_the_noun_phrase_before_a_cue() -> None:
    assert np_before("He wrote over 2000 pieces of music,") == "pieces of music"
    assert np_before("and simmering acidic dishes") == "acidic dishes"
    assert np_before("He was a mentor to many musicians,") == "musicians"
    assert np_before("It is") is None
    assert np_before("For attacks: painkillers") == "painkillers"
    assert np_before("inhalers, e.g. inhaled corticosteroids") == "inhaled corticosteroids"


def test_the_plural_a_lead_in_ends_with() -> None:
    assert plural_tail("Besides Wikipedia, the WMF hosts several sister projects:") == (
        "sister projects"
    )
    assert plural_tail("Read this:") is None
    # a capitalised title is no lead-in's plural, nor is the tail of its word
    assert plural_tail("Ingredients:") is None
    assert plural_tail("Consequences") is None


SOURCES = [
    pytest.param(
        "# Asthma\n\n**Triggers** to avoid include:\n\n- allergens\n- cold air\n",
        ("triggers", "allergens"),
        "pvar=core",
        id="a-qualified-parent-proposes-its-core-too",
    ),
    pytest.param(
        "Inhalers:\n\n- **Relievers** open the airways\n  - e.g. salbutamol\n",
        ("relievers", "salbutamol"),
        "src=parent_item",
        id="an-item-opened-by-eg-is-the-name-alone",
    ),
    pytest.param(
        "He wrote many pieces of music, including the Goldberg Variations and the Mass in B Minor.",
        ("pieces of music", "mass in b minor"),
        "src=np_before",
        id="the-noun-phrase-before-including",
    ),
    pytest.param(
        "**TCP** and **UDP** differ in reliability. Both are transport-layer protocols of the "
        "Internet protocol suite.",
        ("transport-layer protocols", "udp"),
        "src=both",
        id="both-are-a-class-of-the-two-things-compared",
    ),
    pytest.param(
        "Both are types of cell division.\n\n| | Mitosis | Meiosis |\n|---|---|---|\n"
        "| Divisions | one | two |\n",
        ("cell division", "meiosis"),
        "src=both",
        id="both-are-types-of-the-columns-of-a-comparison-table",
    ),
    pytest.param(
        "The tomato and the potato belong to the same genus, *Solanum*, in the nightshade family.",
        ("solanum", "tomato"),
        "src=same_rank",
        id="the-same-genus-names-the-parent",
    ),
    pytest.param(
        "| | Patent | Trademark |\n|---|---|---|\n"
        "| Protects | inventions | brand identifiers: names, logos, slogans |\n",
        ("brand identifiers", "logos"),
        "src=cell_colon",
        id="a-table-cell-that-lists-names-after-a-class",
    ),
    pytest.param(
        "Terms:\n\n- **Nucleotide:** the building block of DNA, made of a sugar, a phosphate "
        "group and a base.\n",
        ("nucleotide", "phosphate group"),
        "src=made_of",
        id="made-of-names-the-parts-of-an-items-term",
    ),
    pytest.param(
        "The observatory is divided into three stations:\n\n"
        "1. **Alpha** in Tromsø, Norway — radar\n"
        "2. **Beta** in Kiruna, Sweden — optics\n",
        ("observatory", "alpha"),
        "src=divided",
        id="a-bold-term-names-the-item-not-the-place-after-it",
    ),
    pytest.param(
        "The Federal Reserve System is made up of three parts:\n\n"
        "- the Board of Governors in Washington\n"
        "- 12 regional Federal Reserve Banks\n",
        ("federal reserve system", "federal reserve banks"),
        "src=divided",
        id="an-items-head-is-the-list-rules-name-not-its-count",
    ),
    pytest.param(
        "Other members:\n\n- peppers and chillies (genus *Capsicum*)\n",
        ("capsicum", "peppers"),
        "src=paren_rank",
        id="a-rank-in-an-items-parenthesis-is-its-parent",
    ),
]


@pytest.mark.parametrize(("text", "pair", "feature"), SOURCES)
def test_each_source_proposes_the_pair_the_gold_names(
    text: str, pair: tuple[str, str], feature: str
) -> None:
    cands = _read(text)[2]
    assert pair in cands, sorted(cands)
    assert feature in cands[pair], sorted(cands[pair])


def test_a_source_the_model_names_is_kept_like_a_rule_edge() -> None:
    text = (
        "| | Patent | Trademark |\n|---|---|---|\n"
        "| Protects | inventions | brand identifiers: names, logos, slogans |\n"
    )
    ctx, rules, _ = _read(text)

    def edges(**meta: object) -> set[tuple[str, str]]:
        model = LinearModel("hierarchy", -10.0, {}, threshold=0.5, meta=meta)
        return {
            (f.subject.text.lower(), f.object.text.lower())
            for f in read_hierarchy(ctx, rules, model)
            if f.kind == "hierarchy" and f.object is not None
        }

    assert ("brand identifiers", "logos") in edges(keep_rules=True, keep_sources=["cell_colon"])
    assert ("brand identifiers", "logos") not in edges(keep_rules=True)


def test_both_before_a_participle_names_no_class() -> None:
    text = "**Oslo** and **Bergen** are port cities. Both were set up by Norse traders."
    cands = _read(text)[2]
    assert not any(src == "src=both" for fs in cands.values() for src in fs), sorted(cands)


def test_a_glossary_gloss_names_examples_of_its_key() -> None:
    """ "**Mucoromycota** — fast-growing moulds such as black bread mould": the key is the whole
    of the examples, and the shipped model keeps the pair like a rule edge."""
    text = (
        "Fungi fall into several groups:\n\n"
        "- **Mucoromycota** — fast-growing moulds such as black bread mould.\n"
        "- **Araneomorphae** — the true spiders, over 90 % of all species, including orb weavers "
        "and wolf spiders; their fangs pinch.\n"
    )
    ctx, rules, cands = _read(text)
    assert "src=gloss_examples" in cands[("mucoromycota", "black bread mould")]
    assert "src=gloss_examples" in cands[("araneomorphae", "wolf spiders")]
    kept = {
        (f.subject.text.lower(), f.object.text.lower())
        for f in read_hierarchy(ctx, rules)
        if f.kind == "hierarchy" and f.object is not None
    }
    assert {("mucoromycota", "black bread mould"), ("araneomorphae", "orb weavers")} <= kept


@pytest.mark.parametrize(
    "item",
    [
        "**Docker Hub** — the public registry, where you can find official images such as nginx",
        "**For attacks** — painkillers such as ibuprofen and aspirin",
        "**Header** — a small JSON object naming the signing algorithm, such as HS256",
    ],
    ids=["a-clause-before-the-cue", "a-purpose-as-key", "a-participle-before-the-cue"],
)
def test_a_gloss_that_is_a_sentence_gives_its_key_no_examples(item: str) -> None:
    cands = _read(f"Terms:\n\n- {item}\n")[2]
    assert not any("src=gloss_examples" in fs for fs in cands.values()), sorted(cands)


def test_a_gloss_that_counts_the_keys_members_names_them() -> None:
    """ "the two main groups are A and B" inside a glossary item's gloss: the key's members (an
    adverb the lenient splitter leaves, "roughly like do-re-mi", is none)."""
    text = (
        "Terms:\n\n"
        "- **Lymphoma:** a cancer of the lymphocytes; the two main groups are Hodgkin lymphoma "
        "and non-Hodgkin lymphoma.\n"
        "- **Swara** — a single note. The seven are sa, re, ga, ma, pa, dha, ni, roughly like "
        "do-re-mi.\n"
    )
    cands = _read(text)[2]
    assert "src=gloss_examples" in cands[("lymphoma", "non-hodgkin lymphoma")]
    assert "src=gloss_examples" in cands[("swara", "dha")]
    assert not any(child == "roughly" for _, child in cands)


WORK_PARTS_CASES = [
    pytest.param(
        "# Oxfam\n\n## What it does\n\nIts work falls into a few broad areas:\n\n"
        "- **Emergency relief** — water and shelter after disasters.\n"
        "- **Development** — long-term projects with local partners.\n",
        ("oxfam", "emergency relief"),
        id="its-work-falls-into-areas-names-the-sections-subject",
    ),
    pytest.param(
        "The Hanseatic League's work rested on three main privileges:\n\n"
        "- **Toll exemptions** — no tolls in member towns.\n- **Own courts** — merchants judged by "
        "merchants.\n",
        ("hanseatic league", "toll exemptions"),
        id="a-possessors-work-rests-on-agreements-names-the-possessor",
    ),
]


@pytest.mark.parametrize(("text", "pair"), WORK_PARTS_CASES)
def test_an_organisations_work_named_by_its_parts(text: str, pair: tuple[str, str]) -> None:
    """ "Its work falls into a few broad areas:" over a list: each area is a part of what does
    the work (kept like a rule edge, ``divided``), and no ``falls_into`` relation is read."""
    ctx, rules, cands = _read(text)
    assert pair in cands and "src=divided" in cands[pair], sorted(cands)
    edges = {
        (f.subject.text.lower(), f.object.text.lower())
        for f in read_hierarchy(ctx, rules)
        if f.kind == "hierarchy" and f.object is not None
    }
    assert pair in edges, sorted(edges)
    assert not any(f.kind == "relation" and f.construction == "list.lead_verb" for f in rules)
