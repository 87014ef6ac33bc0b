"""Classification tables and group keys (issue 11, twenty-seventh session): a rank names no
node, a classification laid out in one row is no attribute of its first taxon, and "Founding
members" are members.  Answers of my own, no spaCy."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document


def _facts(answer: str) -> list[tuple[str, str, str, str]]:
    return [
        (
            f.kind,
            f.subject.text,
            f.predicate or (f.hierarchy.value if f.hierarchy else ""),
            f.object.text if f.object is not None else "",
        )
        for f in read_document(answer, "")[1]
    ]


def test_a_rank_column_names_no_entity() -> None:
    """ "| Kingdom | Animalia |" under "| Rank | Taxon |": the taxa are nodes, the ranks not."""
    found = _facts(
        "# The red fox\n\n| Rank | Taxon |\n|---|---|\n| Kingdom | Animalia |\n"
        "| Phylum | Chordata |\n| Class | Mammalia |\n| Order | Carnivora |\n"
    )
    names = {s for kind, s, _, _ in found if kind == "entity"}
    assert not names & {"Kingdom", "Phylum", "Class", "Order"}, found
    assert ("hierarchy", "Chordata", "subclass_of", "Mammalia") in found, found


def test_a_classification_in_one_row_is_no_attribute_of_its_first_taxon() -> None:
    found = _facts(
        "# The lion\n\n| Kingdom | Phylum | Class | Order |\n|---|---|---|---|\n"
        "| Animalia | Chordata | Mammalia | Carnivora |\n"
    )
    assert not [f for f in found if f[0] == "relation"], found
    assert ("hierarchy", "Mammalia", "subclass_of", "Carnivora") in found, found


def test_a_rank_in_a_fare_table_is_still_a_row() -> None:
    """One "| Class | Economy |" row is no classification: its first cell stays a node."""
    found = _facts(
        "# Flights\n\n| Class | Price |\n|---|---|\n| Economy | $300 |\n| Business | $900 |\n"
    )
    assert ("relation", "Economy", "price", "$300") in found, found


def test_founding_members_are_members_of_the_subject() -> None:
    found = _facts(
        "# ABBA\n\n- **Founding members:** Agnetha Fältskog, Björn Ulvaeus, Benny Andersson\n"
        "- **Formed:** 1972\n"
    )
    assert ("hierarchy", "ABBA", "member_of", "Björn Ulvaeus") in found, found
    assert not [f for f in found if f[2] == "founding_members"], found


def test_a_name_before_a_participle_phrase_is_the_value() -> None:
    """ "**Employer:** the US Bureau of Fisheries, merged in 1940 into …": the name, then a
    participle's phrase about it (as "…, built in …" already reads)."""
    found = _facts(
        "# Rachel Carson\n\n- **Born:** 27 May 1907\n- **Employer:** the US Bureau of Fisheries, "
        "merged in 1940 into the new Fish and Wildlife Service (FWS)\n"
    )
    assert ("relation", "Rachel Carson", "employer", "US Bureau of Fisheries") in found, found


def test_an_approximate_count_before_a_participle_phrase_is_the_value() -> None:
    """ "**Staff:** roughly 17,000, working in over 190 countries": the count, then an -ing
    participle's phrase about it (as "…, merged in 1940 into …" reads); the lower-case value
    made the item a gloss, judged by its head as a short measure is."""
    found = _facts(
        "# The Red Cross\n\n- **Founded:** 1863, in Geneva\n- **Volunteers:** about 14 million, "
        "serving in nearly every country\n- **Staff:** around 16,000, working from offices in "
        "Geneva and the field\n"
    )
    assert ("relation", "Red Cross", "number_of_volunteers", "about 14 million") in found, found
    assert ("relation", "Red Cross", "staff", "around 16,000") in found, found


def test_a_bold_key_over_a_list_gives_each_item_as_the_keys_value() -> None:
    """ "**Common symptoms**" over "- a runny nose", "- sneezing": the label names a key the key
    table knows, the items are its values about the section's subject (as "**Symptoms:** a
    runny nose, sneezing" is); an item opening on a setting ("For children, …") or holding a
    sentence gives none, and a label the key table does not know gives nothing."""
    found = _facts(
        "# Hay fever\n\nHay fever is an allergy to pollen.\n\n**Common symptoms**\n- sneezing\n"
        "- itchy eyes, mostly in the morning\n\n**Treatment**\n- antihistamines\n"
        "- For children, a lower dose is used\n\n**Good to know**\n- pollen counts\n"
    )
    assert ("relation", "Hay fever", "symptom", "sneezing") in found, found
    assert ("relation", "Hay fever", "symptom", "itchy eyes") in found, found
    assert ("relation", "Hay fever", "treated_with", "antihistamines") in found, found
    assert not [f for f in found if f[3] in ("For children", "pollen counts")], found
