"""A list's lead-in verb after a pronoun (issue 11, twenty-second session): "It borders these
countries:" over name items relates the section's subject to each item by the bare verb; a noun
subject, a verb with no demonstrative or counted object, or a verb that names parts gives
nothing here.  Answers of my own, no spaCy."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document


def _related(answer: str) -> set[tuple[str, str, str]]:
    facts = read_document(answer)[1]
    return {
        (f.subject.text, f.predicate, f.object.text if f.object else "")
        for f in facts
        if f.kind == "relation" and f.construction == "list.lead_verb"
    }


def test_a_pronoun_lead_in_verb_relates_the_section_subject_to_each_named_item() -> None:
    answer = (
        "## Bolivia\n\nBolivia is a landlocked country in South America.\n\n"
        "It borders these five countries:\n\n"
        "- Brazil, to the north and east\n"
        "- Paraguay (to the south-east)\n"
        "- Argentina — the longest southern border\n"
        "- Chile\n"
        "- Peru, across Lake Titicaca\n"
    )
    assert {
        ("Bolivia", "borders", "Brazil"),
        ("Bolivia", "borders", "Paraguay"),
        ("Bolivia", "borders", "Argentina"),
        ("Bolivia", "borders", "Chile"),
        ("Bolivia", "borders", "Peru"),
    } <= _related(answer)


def test_noun_subjects_bare_objects_and_part_verbs_give_nothing_here() -> None:
    for lead in (
        "Gardeners grow these roses:",  # a noun subject: too loose for a bare verb
        "It borders on:",  # no demonstrative or counted object
        "It has these parts:",  # parts: the hierarchy reader's
        "It includes the following regions:",
    ):
        answer = f"## Bolivia\n\nBolivia is a country.\n\n{lead}\n\n- Brazil\n- Chile\n- Peru\n"
        assert not _related(answer), lead
