"""The learned hierarchy reader (readers/hierarchy_learned.py): the candidate edges it proposes
for each construction, the decision with a model given in the test, the shipped model, and its
fitting script (benchmarks/fit_hierarchy_reader.py) really fitting a tiny gold file."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.learned import LinearModel, load_linear_model, shipped_model
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact
from grapheme_distill.extractors.readers.hierarchy import read_lists
from grapheme_distill.extractors.readers.hierarchy_learned import (
    MODEL_NAME,
    edge_candidates,
    read_hierarchy,
    use_hierarchy_model,
)
from grapheme_distill.extractors.readers.hierarchy_prose import read_prose_hierarchy
from tests.conftest import benchmark_script

ROOT = Path(__file__).resolve().parents[3]


def _ctx(text: str, prompt: str = "") -> tuple[ReadContext, list[Fact]]:
    ctx = ReadContext.of(parse_document(text), prompt)
    return ctx, [*read_lists(ctx), *read_prose_hierarchy(ctx)]


def _candidates(text: str, prompt: str = "") -> dict[tuple[str, str], set[str]]:
    ctx, rules = _ctx(text, prompt)
    return {c.key: c.features for c in edge_candidates(ctx, rules)}


def _edges(text: str, model: LinearModel, prompt: str = "") -> dict[tuple[str, str], Fact]:
    ctx, rules = _ctx(text, prompt)
    return {
        (f.subject.text.lower(), f.object.text.lower()): f
        for f in read_hierarchy(ctx, rules, model)
        if f.kind == "hierarchy" and f.object is not None
    }


def _model(weights: dict[str, float], bias: float = -5.0, **meta: object) -> LinearModel:
    return LinearModel("hierarchy", bias, weights, threshold=0.5, meta=meta)


# --------------------------------------------------------------------------- candidates


def test_a_list_item_is_proposed_against_its_lead_in_heading_and_topic() -> None:
    text = (
        "The Beatles were a rock band.\n\n## The band\n\nIts members:\n\n"
        "- John Lennon\n- Paul McCartney\n"
    )
    cands = _candidates(text, "Who were the Beatles?")
    sources = {f for (p, c), fs in cands.items() if c == "john lennon" for f in fs}
    assert "src=topic" in sources and "src=heading_any" in sources, sorted(sources)
    assert any(c == "john lennon" and "rule" in fs for (_, c), fs in cands.items())


def test_a_nested_item_is_proposed_against_the_item_it_hangs_from() -> None:
    text = "Parts of a cell:\n\n- Nucleus\n  - Nucleolus\n  - Chromatin\n- Ribosome\n"
    cands = _candidates(text)
    assert "src=parent_item" in cands[("nucleus", "nucleolus")]


def test_an_items_sentence_subject_and_a_key_values_name_are_candidate_children() -> None:
    text = (
        "The band's line-up:\n\n- **Drums:** Ringo Starr\n- The bass player was Paul McCartney.\n"
    )
    froms = {
        c: {f for f in fs if f.startswith("child_from=")}
        for (_, c), fs in _candidates(text, "Who were the Beatles?").items()
    }
    assert "child_from=value" in froms["ringo starr"]
    assert "child_from=subject" in froms["bass player"]


def test_a_bold_term_under_a_kind_heading_is_a_candidate_child() -> None:
    text = "# Clouds\n\n## Types of clouds\n\n**Cumulus** clouds are puffy and white.\n"
    cands = _candidates(text)
    assert any(c == "cumulus" and "ctx=bold" in fs for (_, c), fs in cands.items())


def test_a_callout_item_is_no_candidate_child() -> None:
    text = "## Parts of a bicycle\n\n- **Frame:** the main body\n- **Tip:** oil the chain\n"
    assert not any(c == "tip" for _, c in _candidates(text))


def test_a_sub_heading_is_proposed_against_the_heading_above() -> None:
    text = "# Clouds\n\n## Types of clouds\n\n### Cumulus\n\nPuffy.\n\n### Stratus\n\nFlat.\n"
    cands = _candidates(text)
    assert any(c == "cumulus" and "src=heading_up" in fs for (_, c), fs in cands.items())


def test_a_table_row_is_proposed_against_the_tables_subject() -> None:
    text = "## Planets\n\n| Planet | Moons |\n|---|---|\n| Mars | 2 |\n| Jupiter | 95 |\n"
    cands = _candidates(text, "Tell me about the solar system")
    assert any(c == "mars" and "ctx=table" in fs for (_, c), fs in cands.items())


def test_prose_cues_propose_the_names_that_follow_them() -> None:
    text = "The rose family also includes many fruit trees, such as apples, pears and plums."
    cands = _candidates(text)
    cues = {f for (_, c), fs in cands.items() if c == "pears" for f in fs if f.startswith("cue=")}
    assert "cue=such_as" in cues, sorted(cues)
    assert any(p == "fruit trees" for p, c in cands if c == "pears"), sorted(cands)


def test_an_items_gloss_that_is_a_list_of_names_gives_its_members() -> None:
    text = "Classes:\n\n- **Amphibians** — frogs, toads, salamanders and newts.\n"
    assert "src=item_value" in _candidates(text)[("amphibians", "toads")]


def test_a_gloss_list_reads_past_parentheses_colons_and_quoted_titles() -> None:
    text = (
        "# Cricket\n\n"
        "- **Formats:** Test cricket (up to five days), One Day Internationals (ODIs, 50 overs)"
        " and Twenty20 (T20, 20 overs a side).\n"
        "- **Base:** one of four chemicals: adenine (A), thymine (T) and guanine (G).\n"
        '- **Signature songs:** "Feeling Good", "My Baby Just Cares for Me", "Sinnerman"\n'
    )
    cands = _candidates(text)
    # "Formats" only names the kind: the formats are the section subject's (twenty-fifth session)
    assert ("cricket", "twenty20") in cands, sorted(cands)
    assert ("formats", "twenty20") not in cands, sorted(cands)
    assert ("base", "guanine") in cands, sorted(cands)
    assert ("signature songs", "my baby just cares for me") in cands, sorted(cands)


def test_a_shared_head_noun_is_every_names() -> None:
    text = "# Plate tectonics\n\nIts plates include the Pacific, Eurasian and African plates."
    cands = _candidates(text)
    assert any(c == "pacific plate" for _, c in cands), sorted(cands)


def test_taxonomic_ranks_chain_each_value_under_the_one_above() -> None:
    text = (
        "Classification:\n\n- **Kingdom:** Plantae\n- **Order:** Rosales\n- **Family:** Rosaceae\n"
    )
    cands = _candidates(text)
    assert "src=rank_chain" in cands[("plantae", "rosales")]
    assert "src=rank_chain" in cands[("rosales", "rosaceae")]


def test_a_classification_table_with_clades_chains_each_taxon_under_the_one_above() -> None:
    text = (
        "| Rank | Taxon |\n|---|---|\n| Kingdom | Plantae |\n| Clade | Angiosperms |\n"
        "| Order | Rosales |\n| Family | Rosaceae |\n"
    )
    pairs = {k for k, fs in _candidates(text).items() if "src=rank_chain" in fs}
    assert pairs == {
        ("plantae", "angiosperms"),
        ("angiosperms", "rosales"),
        ("rosales", "rosaceae"),
    }


def test_rank_lines_skip_to_the_nearest_more_general_rank_and_headings_cut_the_chain() -> None:
    text = "Kingdom: Animalia\nOrder: Carnivora\n\n## Tigers\n\nFamily: Felidae\n"
    pairs = {k for k, fs in _candidates(text).items() if "src=rank_chain" in fs}
    assert pairs == {("animalia", "carnivora")}


def test_a_heading_that_names_a_rank_keeps_the_chain_and_a_binomial_is_a_species() -> None:
    text = "## Order: Carnivora\n\nMeat eaters.\n\n- **Genus:** Panthera\n- **Binomial name:** Panthera leo\n"
    pairs = {k for k, fs in _candidates(text).items() if "src=rank_chain" in fs}
    assert pairs == {("carnivora", "panthera"), ("panthera", "panthera leo")}


def test_nested_rank_items_and_a_row_of_rank_columns_chain_too() -> None:
    nested = "- Kingdom Animalia\n  - Phylum Chordata\n    - Class Mammalia (mammals)\n"
    table = "| Kingdom | Phylum | Class |\n|---|---|---|\n| Animalia | Chordata | Mammalia |\n"
    for text in (nested, table):
        pairs = {k for k, fs in _candidates(text).items() if "src=rank_chain" in fs}
        assert pairs == {("animalia", "chordata"), ("chordata", "mammalia")}, text


def test_a_breadcrumb_chains_its_parts() -> None:
    cands = _candidates("Animalia \u2192 Chordata \u2192 Mammalia")
    assert "src=arrow_chain" in cands[("chordata", "mammalia")]


def test_a_breadcrumb_of_ranks_is_a_rank_chain_of_the_taxa() -> None:
    """ "Kingdom Plantae → Order Rosales → Family Rosaceae": the rank words name a classification,
    so the taxa (rank words dropped) chain like rank lines and are kept like a rule edge."""
    text = "Full classification:\n\nKingdom Plantae \u2192 Order Rosales \u2192 Family Rosaceae\n"
    pairs = {k for k, fs in _candidates(text).items() if "src=rank_chain" in fs}
    assert pairs == {("plantae", "rosales"), ("rosales", "rosaceae")}


def test_apposition_and_is_a_propose_the_class() -> None:
    cands = _candidates("Instagram, a subsidiary of Meta, shares photos. A sonnet is a poem.")
    assert "cue=prose_appos" in cands[("meta", "instagram")]
    assert "cue=prose_is_a" in cands[("poem", "sonnet")]


# --------------------------------------------------------------------------- decision

RANKS = "Classification:\n\n- **Kingdom:** Plantae\n- **Order:** Rosales\n"
BAND = "The band's members:\n\n- John Lennon\n- Paul McCartney\n"


def test_the_model_keeps_what_it_trusts_with_its_probability() -> None:
    edges = _edges(RANKS, _model({"src=rank_chain": 10.0}))
    fact = edges[("plantae", "rosales")]
    assert fact.construction == "learned.rank_chain.subclass_of"
    assert fact.model_p is not None and fact.model_p > 0.99


def test_a_model_that_trusts_nothing_drops_every_edge_unless_it_keeps_the_rules() -> None:
    assert _edges(BAND, _model({}, bias=-10.0)) == {}
    kept = _edges(BAND, _model({}, bias=-10.0, keep_rules=True))
    assert ("band", "john lennon") in kept
    assert kept[("band", "john lennon")].construction.startswith("list.")
    assert kept[("band", "john lennon")].model_p is not None


def test_a_rank_chain_is_kept_like_a_rule_edge() -> None:
    text = "Classification:\n\n- **Kingdom:** Animalia\n- **Class:** Mammalia\n"
    assert ("animalia", "mammalia") in _edges(text, _model({}, bias=-10.0, keep_rules=True))
    assert ("animalia", "mammalia") not in _edges(text, _model({}, bias=-10.0))


def test_a_model_that_judges_chains_drops_a_chain_it_does_not_trust() -> None:
    text = "Classification:\n\n- **Kingdom:** Animalia\n- **Class:** Mammalia\n"
    model = _model({}, bias=-10.0, keep_rules=True)
    judged = dataclasses.replace(model, meta={**model.meta, "keep_chains": False})
    assert ("animalia", "mammalia") not in _edges(text, judged)


NEURON = (
    "Philosophy studies reason, knowledge and value.\n\n"
    "## Ethics\n\nEthics asks how we should live.\n\n"
    "**Parts of a neuron**\n- Dendrites\n- Cell body\n- Axon\n"
)


def test_a_heading_is_no_whole_of_a_list_whose_lead_in_names_its_own() -> None:
    # "## Ethics" over "**Parts of a neuron**": the lead-in names the items' whole, the heading
    # (the section's subject) is none of theirs, however much the model trusts it
    trusting = _model({"src=heading_title": 10.0, "src=section": 10.0}, keep_rules=True)
    edges = _edges(NEURON, trusting)
    assert ("neuron", "dendrites") in edges
    assert ("ethics", "dendrites") not in edges
    # without a lead-in naming a whole, the heading's title is still the model's to keep
    bare = (
        "Philosophy studies reason, knowledge and value.\n\n"
        "## Ethics\n\nThe main branches are:\n\n- Metaethics\n- Applied ethics\n"
    )
    assert ("ethics", "metaethics") in _edges(bare, trusting)


def test_the_prompts_whole_is_no_whole_of_a_list_whose_lead_in_names_its_own() -> None:
    text = (
        "Coffee drinks differ in how much milk goes with the espresso.\n\n"
        "Common brewing methods include:\n\n- French press\n- Pour-over\n- Moka pot\n"
    )
    prompt = "What are the different kinds of coffee drinks?"
    trusting = _model({"src=prompt": 10.0, "src=topic": 10.0}, keep_rules=True)
    edges = _edges(text, trusting, prompt)
    assert ("coffee drinks", "french press") not in edges
    # the same list with a lead-in that names no whole of its own: the prompt's whole is kept
    plain = "Coffee drinks differ.\n\nThe main kinds are:\n\n- Latte\n- Cappuccino\n"
    assert ("coffee drinks", "latte") in _edges(plain, trusting, prompt)


def test_use_hierarchy_model_chooses_the_model_for_its_context_only() -> None:
    ctx, rules = _ctx("## Members\n\nThe band:\n\n- Ringo Starr\n")

    def edges(model: LinearModel | None = None) -> set[tuple[str, str]]:
        return {
            (f.subject.text, f.object.text)
            for f in read_hierarchy(ctx, rules, model)
            if f.kind == "hierarchy" and f.object is not None
        }

    shipped = edges(shipped_model(MODEL_NAME))
    with use_hierarchy_model(None):  # the hand rules alone: none here
        assert edges() == set()
    assert edges() == shipped  # the context is left as it was
    with use_hierarchy_model(_model({"child_proper=1": 20.0})):
        assert edges() == {("band", "Ringo Starr")}
    # the shipped reading differs from at least one of the two blocks', so a leak would show
    assert edges() == shipped


def test_other_facts_pass_through_the_decision() -> None:
    ctx, rules = _ctx("The river passes through several major cities:\n\n- Vienna\n- Budapest\n")
    facts = list(read_hierarchy(ctx, rules, _model({}, bias=-10.0)))
    assert [f for f in facts if f.kind != "hierarchy"] == [
        f for f in rules if f.kind != "hierarchy"
    ]


def test_the_shipped_model_says_what_it_was_fitted_on_and_keeps_the_rules() -> None:
    model = shipped_model(MODEL_NAME)
    assert model is not None and model.weights
    assert model.meta["fitted_on"] and model.meta["keep_rules"] is True
    assert 0.0 < model.threshold < 1.0


def test_the_shipped_model_decides_both_are_x_itself() -> None:
    """ "Both are X" (``src=both``) was kept like a rule edge from the seventh session to the
    thirty-third; the thirty-fourth session's refit leaves it to the model (devtrain 11 right and
    0 wrong, the gates 2 and 14), which keeps no such edge under its threshold."""
    model = shipped_model(MODEL_NAME)
    assert model is not None and "both" not in model.meta["keep_sources"]
    text = "**Tea** and **coffee** differ in how they are grown. Both are popular hot drinks."
    assert not _edges(text, model)


# --------------------------------------------------------------------------- fitting script

TIPS = "\n## Useful notes\n\nA few tips:\n\n- Keep notes\n- Ask experts\n"
GOLD = [
    {
        "id": f"t-{i}",
        "primary_type": "structural",
        "prompt": prompt,
        "response": text + TIPS,  # a list of remarks: wrong candidates in every answer
        "gold": {
            "entities": [{"name": n, "type": "CONCEPT"} for n in names],
            "relations": [],
            "procedures": [],
            "hierarchy": [
                {"parent": names[0], "child": n, "relation": "member_of"} for n in names[1:]
            ],
            "linguistic": [],
        },
    }
    for i, (prompt, text, names) in enumerate(
        [
            ("Who were the Beatles?", BAND, ["Beatles", "John Lennon", "Paul McCartney"]),
            (
                "What are the parts of a bicycle?",
                "# Bicycles\n\nParts of a bicycle:\n\n- Frame\n- Wheels\n- Chain\n",
                ["bicycle", "Frame", "Wheels", "Chain"],
            ),
            (
                "Name some planets.",
                "The inner planets:\n\n- Mercury\n- Venus\n- Earth\n\nSome tips:\n\n- Look up\n",
                ["inner planets", "Mercury", "Venus", "Earth"],
            ),
            (
                "What kinds of clouds are there?",
                "# Clouds\n\nTypes of clouds:\n\n- Cumulus\n- Stratus\n- Cirrus\n",
                ["clouds", "Cumulus", "Stratus", "Cirrus"],
            ),
            (
                "Members of the quartet?",
                "The quartet's members:\n\n- Anna Berg\n- Tom Lind\n",
                ["quartet", "Anna Berg", "Tom Lind"],
            ),
            (
                "What does the kit hold?",
                "# Kit\n\nThe kit includes:\n\n- Tent\n- Stove\n",
                ["kit", "Tent", "Stove"],
            ),
        ]
    )
]


def test_the_fitting_script_fits_a_tiny_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    out = tmp_path / "hierarchy.json"
    fit = benchmark_script("fit_hierarchy_reader")
    assert fit.main(["--gold", str(gold), "--drop", "rule", "--keep-rules", "--out", str(out)]) == 0
    model = load_linear_model(out)
    assert model.meta["fitted_on"] == ["gold.jsonl"]  # by name: no path of the fitting machine
    assert model.meta["ceiling_recall"] > 0.5 and model.meta["keep_rules"] is True
    assert model.weights and not any(w.startswith("rule") for w in model.weights)
    # the fitted model tells a right candidate from a wrong one of the gold it saw
    ctx, rules = _ctx(BAND + TIPS, "Who were the Beatles?")
    probs = {c.key: model.probability(c.features) for c in edge_candidates(ctx, rules)}
    wrong = [p for (_, child), p in probs.items() if child == "keep notes"]
    assert wrong and probs[("beatles", "john lennon")] > max(wrong), probs


def test_the_fitting_script_cross_validates_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    fit = benchmark_script("fit_hierarchy_reader")
    args = ["--gold", str(gold), "--drop", "rule", "--keep-rules", "--report-on", str(gold)]
    assert fit.main([*args, "--cv-threshold", "--cv-by", "hierarchy"]) == 0
    lines = dict(
        line.split(" ", 1) for line in capsys.readouterr().out.splitlines() if line[:1] != "{"
    )
    cv = json.loads(lines["cross-validated"])
    assert len(cv["thresholds"]) == 5 and set(cv["thresholds"]) <= set(fit.GRID)
    rules = json.loads(lines["rules"])
    # the lists' members are the gold: the rules read them, and so do the folds' models
    assert rules["hierarchy"] > 0.5 and cv["hierarchy"] > 0.5, (cv, rules)
    assert 0.0 < cv["micro"] <= 1.0 and cv["hier_tp"] > 0


def test_the_fitting_script_holds_out_one_annotation_batch_at_a_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # six written answers in three annotation batches (w-010 and w-040 in the first, w-070 and
    # w-075 in the second, w-100 and w-105 in the third): leave-one-batch-out is three folds
    ids = ["w-010", "w-040", "w-070", "w-075", "w-100", "w-105"]
    gold = tmp_path / "gold.jsonl"
    rows = [{**g, "id": i} for g, i in zip(GOLD, ids, strict=True)]
    gold.write_text("\n".join(json.dumps(g) for g in rows) + "\n", encoding="utf-8")
    fit = benchmark_script("fit_hierarchy_reader")
    args = ["--gold", str(gold), "--drop", "rule", "--keep-rules", "--report-on", str(gold)]
    assert fit.main([*args, "--groups", "batch", "--folds", "0"]) == 0
    out = capsys.readouterr().out
    lines = dict(line.split(" ", 1) for line in out.splitlines() if line[:1] not in "{C")
    assert len(json.loads(lines["cross-validated"])["thresholds"]) == 3, out
    held = json.loads(out.split("by group: ", 1)[1].splitlines()[0])
    assert set(held) <= {"batch-1", "batch-2", "batch-3"}, held


def test_the_end_to_end_reads_parse_a_single_text_from_the_cache_too() -> None:
    # the readers parse a rewritten piece alone (nlp(text), timeline.inserted): the cache the
    # end-to-end reads put in the extractor's place must answer that call, once per text
    fit = benchmark_script("fit_hierarchy_reader")
    parsed: list[str] = []

    class Nlp:
        def pipe(self, texts: list[str], **kw: object) -> Iterator[str]:
            parsed.extend(texts)
            return iter([t.upper() for t in texts])

    nlp = fit._CachedNlp(Nlp())
    assert nlp("a piece") == "A PIECE" and list(nlp.pipe(["a piece", "b"])) == ["A PIECE", "B"]
    assert parsed == ["a piece", "b"]


def test_the_held_out_report_counts_only_the_edges_the_model_alone_decides() -> None:
    fit = benchmark_script("fit_hierarchy_reader")
    samples = [
        fit.Sample(["a"], True, "batch-1"),
        fit.Sample(["a"], False, "batch-1"),
        fit.Sample(["a"], False, "batch-2"),
        fit.Sample(["a"], True, "batch-2"),
    ]
    held = fit.held_out_by_group(samples, [0.95, 0.92, 0.5, 0.99], [True, True, True, False], 0.9)
    # batch-2's right edge was a rule's (not decided), its wrong one under the threshold
    assert held == {"batch-1": (1, 1)}


def test_the_wholes_own_head_noun_is_no_candidate_child() -> None:
    text = "The Inca Empire consists of:\n\n- **Empire**: all the land\n- **Inca roads**: paths\n"
    cands = _candidates(text)
    assert ("inca empire", "inca roads") in cands, sorted(cands)
    assert ("inca empire", "empire") not in cands, sorted(cands)


_GAMELAN = (
    "A **gamelan** is a traditional ensemble from Indonesia, made up mostly of tuned percussion.\n\n"
    "The instruments fall into a few groups:\n\n"
    "- **Gongs** — they mark the structure of the piece\n"
    "  - **kempul**: smaller hanging gongs\n"
    "- **Metallophones** (bronze keys over resonators)\n"
    "  - **gendèr**, with thin keys over bamboo tubes\n"
    "- **Drums**\n"
    "  - **kendhang**, played with the hands\n"
)


def _kept_pairs(text: str, prompt: str) -> set[tuple[str, str]]:
    ctx = ReadContext.of(parse_document(text), prompt)
    return {
        (f.subject.text.lower(), f.object.text.lower())
        for f in read_hierarchy(ctx, [*read_lists(ctx), *read_prose_hierarchy(ctx)])
        if f.kind == "hierarchy" and f.object is not None
    }


def test_the_first_subject_is_a_lists_whole_when_the_prompt_names_it() -> None:
    kept = _kept_pairs(_GAMELAN, "What instruments make up a Javanese gamelan?")
    assert ("gamelan", "gongs") in kept


def test_the_first_subject_the_prompt_does_not_name_is_no_lists_whole() -> None:
    # unseen answers: 2 of 20 such pairs right
    kept = _kept_pairs(_GAMELAN, "Tell me about music in Indonesia.")
    assert ("gamelan", "gongs") not in kept


def test_the_shipped_model_keeps_a_lead_in_noun_that_names_kinds() -> None:
    # a lead-in with a cue word names the whole of its list even where no rule read it
    text = (
        "Keep a spare inhaler at work.\n\n**Irritants** to avoid include:\n"
        "- mould spores\n  - black mould\n  - damp walls\n- cold air\n- chimney smoke\n\n"
        "Most people keep it well under control.\n"
    )
    edges = _edges(text, shipped_model(MODEL_NAME))
    assert ("irritants", "mould spores") in edges
    assert ("irritants", "cold air") in edges


@pytest.mark.parametrize(
    "text",
    [
        "## Bicycle\n\n- **Invented:** 1817\n- **Main parts:**\n  - frame\n  - wheels\n",
        "The **Beatles** were an English rock band.\n\n- **Members:**\n  - John Lennon\n"
        "  - Paul McCartney\n",
    ],
)
def test_the_model_adds_no_whole_that_only_names_the_kind(text: str) -> None:
    """A parent the model alone proposes that only names the children's kind ("Members",
    "Main parts") is no whole, whatever it scores (the refit of the twenty-seventh session
    scored them .7-.8)."""
    everything = _model({}, bias=10.0)  # keeps every candidate
    edges = _edges(text, everything)
    assert edges and not any(parent in ("main parts", "members") for parent, _ in edges), edges


def test_the_model_adds_no_first_words_of_a_part_the_rules_gave() -> None:
    """ "herring" beside the rules' "herring gulls" (modifiers sharing one plural head) is a
    fragment, not a second part."""
    text = "Gull genera:\n\n- *Larus*\n  - herring, lesser and common gulls\n"
    edges = _edges(text, _model({}, bias=10.0))
    assert ("larus", "herring gulls") in edges, edges
    assert ("larus", "herring") not in edges, edges
