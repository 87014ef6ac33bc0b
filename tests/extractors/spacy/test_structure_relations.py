"""Candidate relations from an answer's layout (extractors/spacy/structure_relations.py): table
cells, comparison tables and every value of a key-value item, judged by the learned reader."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.learned import LinearModel
from grapheme_distill.extractors.readers import read_document
from grapheme_distill.extractors.spacy.learned_relations import use_relation_model
from grapheme_distill.extractors.spacy.structure_relations import structure_candidates
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor

COMPARE = """TCP and UDP are the two main transport protocols.

| | TCP | UDP |
|---|---|---|
| Delivery | guaranteed, in order | best-effort |
| Typical uses | web (HTTP), email (SMTP), SSH | DNS lookups, streaming |
"""

LABELS = """# Nina Simone

Nina Simone was an American singer and pianist.

- **Born:** 21 February 1933
- **Label:** Bethlehem, Colpix, Philips, RCA
"""
# a singular key: since the twelfth session a plural key over short names ("**Labels:**") gives
# every value by rule (readers/attributes.py), so only a singular one leaves the rest to the model

ROWS = """Uses of the spectrum:

| Band | Wavelength | Uses |
|---|---|---|
| Radio waves | over 1 mm | broadcasting, radar |
| Microwaves | 1 mm – 1 m | cooking, Wi-Fi |
"""


def _triples(text: str, prompt: str = "") -> dict[tuple[str, str, str], tuple[str, ...]]:
    ctx, _ = read_document(parse_document(text), prompt)
    return {
        (c.subject.text, c.predicate, c.object.text): c.features
        for c, _ in structure_candidates(ctx)
    }


def test_a_comparison_table_gives_each_column_its_cells() -> None:
    found = _triples(COMPARE)
    assert ("TCP", "delivery", "guaranteed") in found
    assert ("UDP", "delivery", "best-effort") in found
    assert ("UDP", "used_for", "streaming") in found  # "Typical uses": the convention's name
    assert ("TCP", "used_for", "HTTP") in found  # the parenthesis too
    assert "origin=table_cmp" in found[("TCP", "used_for", "SSH")]
    assert ("TCP", "delivery", "best-effort") not in found


def test_every_value_of_a_key_value_item_is_a_candidate() -> None:
    found = _triples(LABELS)
    for label in ("Bethlehem", "Colpix", "Philips", "RCA"):
        assert ("Nina Simone", "label", label) in found
    assert "part=rest" in found[("Nina Simone", "label", "RCA")]


def test_each_cell_value_of_a_row_is_said_of_the_row() -> None:
    found = _triples(ROWS)
    assert ("Microwaves", "used_for", "Wi-Fi") in found
    assert ("Radio waves", "used_for", "radar") in found
    assert "origin=table_row" in found[("Radio waves", "used_for", "radar")]


def test_a_kept_structure_candidate_becomes_a_relation_with_new_names(
    spacy_x: SpacyExtractor,
) -> None:
    # "Colpix" is a node only through the candidate: the reader keeps it all the same
    weights = {"origin=kv": 3.0, "part=rest": 3.0}
    meta = {"structure_threshold": 0.8}
    model = LinearModel("relations", -4.0, weights, threshold=0.8, meta=meta)
    with use_relation_model(model):
        ex = spacy_x.extract(LABELS)
    names = {k: v.name for k, v in ex.entities.items()}
    rels = {(names[r.subject], names[r.object]) for r in ex.relations}
    assert ("Nina Simone", "Colpix") in rels
    assert ("Nina Simone", "RCA") in rels
    # a model fitted before the layout's candidates existed is not asked about them
    older = LinearModel("relations", -4.0, weights, threshold=0.8)
    with use_relation_model(older):
        ex = spacy_x.extract(LABELS)
    names = {k: v.name for k, v in ex.entities.items()}
    assert ("Nina Simone", "RCA") not in {(names[r.subject], names[r.object]) for r in ex.relations}


def test_an_implicit_subject_is_read_once_more_as_the_section_s() -> None:
    from grapheme_distill.extractors.spacy.mentions import Mention
    from grapheme_distill.extractors.spacy.relation_candidates import Candidate
    from grapheme_distill.extractors.spacy.structure_relations import section_readings

    text = "# Istanbul\n\nIstanbul is a big city.\n\n## The Blue Mosque\n\nIt was built in 1616.\n"
    ctx, _ = read_document(parse_document(text))
    start = text.index("It was")
    span = (start, start + 21)
    year = Mention("1616", -1, -1, label="DATE")
    guessed = Candidate(
        Mention("Istanbul", 0, 8), "built_in", year, "passive", False, 0, 21, ("sk=pronoun",)
    )
    own = Candidate(
        Mention("Istanbul", 0, 8), "built_in", year, "passive", False, 0, 21, ("sk=own",)
    )
    [(got, got_span)] = section_readings(ctx, [(guessed, span), (own, span)])
    assert got.subject.text == "Blue Mosque" and got_span == span
    assert "sk=section_pronoun" in got.features
    # before any section names something else, the sentence has no other reading
    early = text.index("Istanbul is")
    assert section_readings(ctx, [(guessed, (early, early + 5))]) == []


def test_the_layout_s_candidates_have_a_threshold_of_their_own(spacy_x: SpacyExtractor) -> None:
    weights = {"origin=kv": 3.0, "part=rest": 3.0}
    strict = LinearModel(
        "relations", -4.0, weights, threshold=0.8, meta={"structure_threshold": 0.95}
    )
    with use_relation_model(strict):
        ex = spacy_x.extract(LABELS)
    names = {k: v.name for k, v in ex.entities.items()}
    assert ("Nina Simone", "RCA") not in {(names[r.subject], names[r.object]) for r in ex.relations}
