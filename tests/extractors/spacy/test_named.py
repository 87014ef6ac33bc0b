"""The named things a sentence mentions (``spacy/named.py``, issue 11, eighth session): a number
written with its unit is one measure ("400 g"), and the town of a "Town, Region" name is a node
of its own beside the whole, which the facts keep using (WebNLG names places so)."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.entity_choice import collect_candidates
from grapheme_distill.extractors.spacy.name_extent import dated_name
from grapheme_distill.extractors.spacy.names import eponym
from grapheme_distill.extractors.spacy.predicate_choice import split_addresses
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _names(spacy_x: SpacyExtractor, text: str) -> set[str]:
    return {e.name for e in spacy_x.extract(text).entities.values()}


def test_a_number_keeps_its_unit_abbreviation(spacy_x: SpacyExtractor) -> None:
    names = _names(spacy_x, "## You need\n\n- 300 g arborio rice\n- 150 g peas\n")
    assert {"300 g", "150 g"} <= names, names
    assert "300" not in names and "150" not in names


def test_the_town_of_a_town_region_name_is_a_node_and_facts_keep_the_whole(
    spacy_x: SpacyExtractor,
) -> None:
    with split_addresses(False):  # DBpedia's (WebNLG's) naming; the answers relate the town
        ex = spacy_x.extract("The Harlow Academy is based in Dalton, Georgia.")
    names = {e.name for e in ex.entities.values()}
    assert {"Dalton", "Dalton, Georgia"} <= names, names
    objects = {ex.entities[r.object].name for r in ex.relations}
    assert "Dalton, Georgia" in objects and "Dalton" not in objects, objects


def test_a_noun_chunk_holding_a_possessive_is_no_candidate(spacy_x: SpacyExtractor) -> None:
    """ "the body's ability", "the family's fate" pick one thing out of another: on the
    development answers one such chunk in five was a gold entity (tenth session)."""
    from grapheme_distill.extractors.spacy.entity_choice import collect_candidates

    with collect_candidates(chunks=True) as found:
        spacy_x.extract("The war sealed the family's fate, and the harvest failed in the valley.")
    names = {c.name for c in found}
    assert "harvest" in names, names
    assert not any("'s" in n for n in names), names


def test_an_owners_possessive_before_a_name_is_cut_and_the_owner_kept(
    spacy_x: SpacyExtractor,
) -> None:
    names = _names(spacy_x, "The panel was President John F. Kennedy's Science Advisory Committee.")
    assert "Science Advisory Committee" in names, names
    assert not any("'s" in n for n in names), names
    names = _names(spacy_x, "He studied G. S. Carr's A Synopsis of Elementary Results as a boy.")
    assert {"A Synopsis of Elementary Results", "G. S. Carr"} <= names, names
    # NER labelled the owner alone ("Schiller", ORG): the name it ran into is cut after it
    names = _names(
        spacy_x, "Symphony No. 9 premieres in Vienna; its finale sets Schiller's Ode to Joy."
    )
    assert {"Ode to Joy", "Schiller"} <= names, names


def test_one_word_after_a_possessive_stays_one_name(spacy_x: SpacyExtractor) -> None:
    names = _names(spacy_x, "The crowd gathered near the Doge's Palace in Venice.")
    assert "Doge's Palace" in names, names
    assert "Doge" not in names, names


def test_an_adjective_ner_took_for_a_name_is_no_node(spacy_x: SpacyExtractor) -> None:
    names = _names(
        spacy_x,
        "The US government has three branches.\n\n"
        "- **Judicial branch — the federal courts**\n"
        "  - the **Supreme Court**: nine justices appointed for life\n",
    )
    assert "Judicial branch" in names, names
    assert "Judicial" not in names, names


def test_a_noun_chunk_that_is_its_line_whole_is_no_candidate(spacy_x: SpacyExtractor) -> None:
    """A heading or label ("Exam tips", "Good luck") names a part of the answer: on devread the
    model added 13 such chunks, one a gold entity (tenth session)."""
    from grapheme_distill.extractors.spacy.entity_choice import collect_candidates

    with collect_candidates(chunks=True) as found:
        spacy_x.extract(
            "**Exam tips**\n\nRevise the key dates early. The harvest failed in the valley."
            "\n\nGood luck!"
        )
    names = {c.name for c in found}
    assert {"harvest", "valley"} <= names, names
    assert not names & {"Exam tips", "Good luck"}, names


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The pairing code is sent to a second device, usually your phone.", "usually your phone"),
        ("The badge on the box is just a logo, not a certification.", "just a logo"),
    ],
)
def test_an_adverb_before_a_determiner_opens_no_noun_chunk_candidate(text: str, cut: str) -> None:
    """'usually your phone', 'just a logo': the adverb and the determiner are no part of the
    thing; the candidate is the noun ('phone'), as for any chunk that opens with a determiner
    (devtrain: entities fp 2048 -> 2041, tp +3)."""
    x = SpacyExtractor(calibration=False, relation_model=False)
    with collect_candidates(chunks=True) as found:
        x.extract(text)
    names = [c.name for c in found]
    assert cut not in names, names
    assert cut.split()[-1] in names, names


def test_a_noun_chunk_holding_a_name_is_a_candidate_beside_it(spacy_x: SpacyExtractor) -> None:
    """Seventeenth session: the thing a nationality or a brand only modifies ("French army",
    "Irish potato famine") was no candidate, the chunk overlapping a named mention; it is now,
    marked ``chunk=wraps``, and the name stays a candidate of its own."""
    with collect_candidates(chunks=True) as found:
        spacy_x.extract("The French army crossed the river. The Irish potato famine began later.")
    cues = {c.name: c.features for c in found}
    assert "French" in cues and "chunk=wraps" in cues.get("French army", ()), sorted(cues)
    assert "chunk=wraps" in cues.get("Irish potato famine", ()), sorted(cues)
    assert "chunk=wraps" not in cues.get("river", ()), sorted(cues)


def test_a_proper_noun_chunk_ner_left_unlabelled_is_a_candidate(spacy_x: SpacyExtractor) -> None:
    """Twentieth session: a noun chunk whose root is a proper noun was no candidate (the named
    mentions were to cover it), so a name NER did not label ("Equifax and TransUnion" after
    "Experian") could never be a node; it is one now, marked ``chunk=propn``.  A chunk holding
    an NER span stays none: the span is the named mention."""
    with collect_candidates(chunks=True) as found:
        spacy_x.extract(
            "Check your reports with all three agencies (in the UK: Experian, Equifax and "
            "TransUnion)."
        )
    cues = {c.name: c.features for c in found}
    assert "chunk=propn" in cues.get("Equifax", ()), sorted(cues)
    assert "chunk=propn" in cues.get("TransUnion", ()), sorted(cues)
    assert "chunk=propn" not in cues.get("agencies", ()), sorted(cues)
    assert not any("chunk=propn" in f for n, f in cues.items() if n in ("UK", "Experian"))


def test_a_chunk_is_no_candidate_when_a_name_runs_past_it() -> None:
    """A chunk overlapping a name only in part, or the name itself, stays no candidate."""
    from grapheme_distill.extractors.spacy.named import _around_names

    assert _around_names(0, 11, [(0, 6)])  # "French army" holds "French"
    assert not _around_names(0, 6, [(0, 6)])  # the name itself
    assert not _around_names(4, 11, [(0, 6)])  # the name runs out of the chunk
    assert _around_names(0, 11, [(20, 26)])  # no name in it


def test_eponym_and_dated_name_are_read_off_the_parse(spacy_x: SpacyExtractor) -> None:
    # the public names named.py reads (were private to names.py and name_extent.py)
    doc = spacy_x.nlp("Snell's law describes refraction. France's capital is Paris.")
    words = {t.text: t for t in doc}
    assert eponym(words["Snell"], words["law"])
    assert not eponym(words["France"], words["capital"])  # a place owns its capital
    act = spacy_x.nlp("Congress passed the Taxpayer Relief Act of 1997.")
    k = next(t.i for t in act if t.text == "Act")
    assert dated_name(act, k, k + 2)  # "Act of 1997": the year is the act's
    assert not dated_name(act, k - 1, k + 1)  # "Relief" carries no year


def test_a_name_span_over_a_clause_preposition_gives_the_names_on_either_side(
    spacy_x: SpacyExtractor,
) -> None:
    # NER reads "the Massif Central at Mont Gerbier de Jonc" as one name whose root is "at"
    names = _names(
        spacy_x,
        "The Loire is the longest river in France. It rises in the Massif Central at Mont "
        "Gerbier de Jonc and flows north.",
    )
    assert {"Massif Central", "Mont Gerbier de Jonc"} <= names, names
    assert not any(" at " in n for n in names), names


def test_a_verb_the_parse_made_a_noun_after_a_name_is_no_noun_chunk(
    spacy_x: SpacyExtractor,
) -> None:
    """ "UNICEF reports to the Executive Board": the small model made "reports" a noun with
    "UNICEF" its compound (:func:`~.arguments.named_subject`); the chunk "UNICEF reports" is a
    name and its verb, no thing."""
    with collect_candidates(chunks=True) as found:
        names = _names(spacy_x, "UNICEF reports to the Executive Board, which oversees its work.")
    assert "UNICEF" in names, names
    assert "UNICEF reports" not in names | {c.name for c in found}, names


@pytest.mark.parametrize(
    "text",
    [
        "## Classification\n\n| Rank | Taxon |\n|---|---|\n| Kingdom | Animalia |\n"
        "| Class | Mammalia |\n| Order | Carnivora |\n| Family | Ursidae |\n",
        "## Scientific classification\n\n| Level | Name |\n|---|---|\n| Kingdom | Plantae |\n"
        "| Order | Rosales |\n| Genus | Rosa |\n",
    ],
)
def test_a_rank_alone_in_its_cell_is_no_node(spacy_x: SpacyExtractor, text: str) -> None:
    """ "| Kingdom | Animalia |": NER labels the rank cell a place or a body; the rank is the
    classification's key and its taxon the node (the later annotation batches name no rank)."""
    names = _names(spacy_x, text)
    ranks = {"Kingdom", "Class", "Order", "Family", "Genus"}
    assert not names & ranks, names
    assert names & {"Animalia", "Carnivora", "Plantae", "Rosales"}, names


@pytest.mark.parametrize(
    "text",
    [
        "He was elected a Fellow of the Royal Society in 1921 and knighted in 1935.",
        "- **Honours:** Member of the Order of Merit (1951); Fellow of Balliol College, Oxford",
        "In 1972 she became a Member of the Royal Academy of Arts.",
    ],
)
def test_a_membership_word_before_its_body_is_no_node(spacy_x: SpacyExtractor, text: str) -> None:
    """ "a Fellow of the Royal Society": the body is the node and the person its member; the
    honour's head noun alone ("Fellow", "Member"; NER's ORG, or the model's noun chunk) is none."""
    names = _names(spacy_x, text)
    assert not names & {"Fellow", "Member", "Fellow of"}, names
    assert any("Royal" in n or "Balliol" in n for n in names), names


def test_a_noun_chunk_inside_an_italic_title_is_no_candidate(spacy_x: SpacyExtractor) -> None:
    """ "***Pride and Prejudice***": the parse cuts the title at "and" into the chunks "Pride" and
    "Prejudice", and the second was added as a thing of its own (thirty-second session's
    defect); the title is the one name."""
    out = spacy_x.extract(
        "***Pride and Prejudice*** is a novel by **Jane Austen**, published in 1813.",
        prompt="Tell me about Pride and Prejudice.",
    )
    names = {e.name for e in out.entities.values()}
    assert "Pride and Prejudice" in names, names
    assert not names & {"Pride", "Prejudice"}, names
