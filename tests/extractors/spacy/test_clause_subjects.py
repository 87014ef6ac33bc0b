"""``spacy/clause_subjects``: a definite common noun subject that names the kind a copula said
the answer's thing is ("Microsoft Office is a suite of …. The suite includes …") is that thing,
whatever reading the copula's attribute got; a noun that is a new thing is left alone."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.spacy.clause_subjects import _sentence_subject
from grapheme_distill.extractors.spacy.clause_subjects import _subjects as subjects_of
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor


def _parents(spacy_x: SpacyExtractor, text: str, prompt: str = "") -> set[tuple[str, str]]:
    ex = spacy_x.extract(text, prompt=prompt)
    names = {k: v.name for k, v in ex.entities.items()}
    return {(names[h.parent], names[h.child]) for h in ex.hierarchy}


def _subjects(spacy_x: SpacyExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = spacy_x.extract(text)
    names = {k: v.name for k, v in ex.entities.items()}
    return {(names[r.subject], r.predicate, names[r.object]) for r in ex.relations}


@pytest.mark.parametrize(
    "text",
    [
        # the attribute read as a relational noun (suite_of), not an is_a: its kind was never noted
        "Microsoft Office is a suite of productivity applications developed by Microsoft. "
        "The suite includes Word, Excel and PowerPoint.",
        "## Microsoft Office\n\nMicrosoft Office is a suite of office programs.\n\n"
        "The suite includes Word, Excel and PowerPoint.",
    ],
)
def test_the_kind_a_copula_names_is_the_thing_later(spacy_x: SpacyExtractor, text: str) -> None:
    pairs = _parents(spacy_x, text, prompt="What is Microsoft Office?")
    assert ("Microsoft Office", "Word") in pairs, pairs
    assert not any(parent == "suite" for parent, _ in pairs), pairs


def test_a_statue_said_to_be_one_is_the_statue(spacy_x: SpacyExtractor) -> None:
    found = _subjects(
        spacy_x,
        "David is a marble statue of the biblical hero David. "
        "The statue originally stood in the Piazza della Signoria.",
    )
    assert any(s == "David" and o == "Piazza della Signoria" for s, _, o in found), found


def test_a_definite_attribute_keeps_its_own_reading(spacy_x: SpacyExtractor) -> None:
    # "the largest river" is read as "the river" too: noted first, it became the Amazon itself
    found = _subjects(
        spacy_x,
        "The Amazon is the largest river in South America. The river flows into the Atlantic.",
    )
    assert ("Amazon", "largest_river_in", "South America") in found, found


def test_a_negated_kind_is_no_kind(spacy_x: SpacyExtractor) -> None:
    pairs = _parents(
        spacy_x,
        "Google Docs is not a suite of desktop programs. The suite includes Word and Excel.",
    )
    assert ("Google Docs", "Word") not in pairs, pairs


def test_a_relative_clause_before_the_next_member_is_that_members(spacy_x: SpacyExtractor) -> None:
    # the parse lends each member's clause to the whole coordination: Columbia carried nobody
    found = _subjects(
        spacy_x,
        "The spacecraft had two main parts: the command module Columbia, which stayed in lunar "
        "orbit, and the lunar module Eagle, which carried Armstrong and Aldrin down to the surface.",
    )
    assert ("Columbia", "stay_in", "lunar orbit") in found, found
    assert not any(s == "Eagle" and p == "stay_in" for s, p, _ in found), found
    assert not any(s == "Columbia" and p.startswith("carried") for s, p, _ in found), found


def test_each_member_keeps_its_own_relative_clause(spacy_x: SpacyExtractor) -> None:
    found = _subjects(
        spacy_x,
        "The World Bank has two main parts: the International Bank for Reconstruction and "
        "Development (IBRD), which lends to middle-income governments, and the International "
        "Development Association (IDA), which gives grants to the poorest countries.",
    )
    assert ("International Development Association", "give", "grants") in found, found
    assert not any(s.startswith("International Bank") and p == "give" for s, p, _ in found), found
    assert not any(
        s.startswith("International Development") and p == "lend_to" for s, p, _ in found
    )


def test_a_whole_list_keeps_a_plural_relative_clause(spacy_x: SpacyExtractor) -> None:
    found = _subjects(
        spacy_x, "ABBA was formed by Björn and Benny, who were both songwriters in Stockholm."
    )
    assert {s for s, p, _ in found if p == "is_a"} == {"Björn", "Benny"}, found


def test_who_stands_for_a_person_not_the_place_the_parse_hung_it_on(
    spacy_x: SpacyExtractor,
) -> None:
    found = _subjects(
        spacy_x,
        "The Terracotta Army is a collection of clay figures buried with Qin Shi Huang, the first "
        "emperor of a unified China, who died in 210 BC.",
    )
    assert any(s == "Qin Shi Huang" and p.startswith("die") for s, p, _ in found), found
    assert not any(s == "China" and p.startswith("die") for s, p, _ in found), found


def test_a_participle_after_and_and_a_fronted_phrase_shares_the_main_subject(
    spacy_x: SpacyExtractor,
) -> None:
    # the parse hangs "sentenced" on "Trial" (a reduced relative): the trial was not sentenced
    rels = _subjects(
        spacy_x,
        "Nelson Mandela was a South African leader. He was arrested in 1962 and, after the "
        "Rivonia Trial, sentenced to life imprisonment in 1964.",
    )
    assert ("Nelson Mandela", "sentenced_to", "life imprisonment") in rels, rels
    assert not any(s == "Rivonia Trial" for s, _, _ in rels), rels


def test_a_participle_describing_a_fronted_phrase_s_noun_keeps_it(
    spacy_x: SpacyExtractor,
) -> None:
    # no "and" opens the phrase: the participle is the noun's ("the treaty, signed in Paris")
    rels = _subjects(
        spacy_x,
        "The war ended in 1783. After the Treaty of Paris, signed in Versailles, Britain left.",
    )
    assert not any(s == "war" and p.startswith("sign") for s, p, _ in rels), rels


def test_a_name_after_a_label_s_dash_is_the_clause_s_subject(spacy_x: SpacyExtractor) -> None:
    # the parse makes the label the subject and the name after the dash its apposition
    rels = _subjects(
        spacy_x,
        "Allies of England:\n"
        "- **The Netherlands** — England supported the Dutch revolt against Spanish rule.\n"
        "- **Portugal** — England signed a treaty with Portugal in 1373.",
    )
    assert any(s == "England" and p.startswith("support") for s, p, _ in rels), rels
    assert not any(s == "Netherlands" for s, _, _ in rels), rels


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "QUIC, a transport protocol developed at Google, is built on UDP.",
            ("QUIC", "built_on", "UDP"),
        ),
        (
            "QUIC, a transport protocol developed at Google, was designed by Jim Roskind.",
            ("QUIC", "designed_by", "Jim Roskind"),
        ),
    ],
)
def test_a_name_before_its_description_is_the_clause_s_subject(
    spacy_x: SpacyExtractor, text: str, want: tuple[str, str, str]
) -> None:
    # the parse makes the description ("a transport protocol") the subject and leaves the name
    # hanging before it
    rels = _subjects(spacy_x, text)
    assert want in rels, rels
    assert not any(s in ("protocol", "transport protocol") for s, _, _ in rels), rels


def test_a_description_after_a_word_that_is_no_name_stays_the_subject(
    spacy_x: SpacyExtractor,
) -> None:
    # "However" opens the sentence but names nothing: the definite noun is the subject
    rels = _subjects(spacy_x, "However, the protocol, which is old, was designed by Jim Roskind.")
    assert not any(s == "However" for s, _, _ in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "In France, the government, led by the prime minister, announced new reforms.",
        "In Japan, the emperor, a symbolic figure, has no political power.",
        "For Einstein, the theory, published in 1915, explained gravity.",
    ],
)
def test_a_name_in_a_fronted_phrase_is_no_subject(spacy_x: SpacyExtractor, text: str) -> None:
    # the name before the description sits in a prepositional phrase: it sets the scene, it does
    # not act (review of cb3476f)
    rels = _subjects(spacy_x, text)
    assert not any(s in ("France", "Japan", "Einstein") for s, _, _ in rels), rels


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # the parse hangs "ban" on "documents": the form is read in the words
        (
            "Amnesty International is a human rights organisation. It documents abuses and "
            "pushes governments to ban and prosecute torture.",
            ("Amnesty International", "torture"),
            None,
        ),
        # in a labelled item the parse makes "ban" an advcl: the candidate reader reads it so too
        (
            "Amnesty International is a human rights organisation. Its main campaigns:\n"
            "- **Torture** — it documents abuses and pushes governments to ban and prosecute "
            "torture.\n- **Refugees** — it campaigns for refugees in Europe.",
            ("Amnesty International", "torture"),
            None,
        ),
        # read as the object's act it was no gold's on the gates: no reading of the infinitive
        (
            "The EU encouraged Poland to join NATO.",
            ("EU", "NATO"),
            None,
        ),
    ],
)
def test_an_object_controls_the_infinitive_after_it(
    spacy_x: SpacyExtractor,
    text: str,
    wrong: tuple[str, str],
    right: tuple[str, str] | None,
) -> None:
    found = _subjects(spacy_x, text)
    assert not any((s, o) == wrong for s, _, o in found), found
    if right is not None:
        assert any((s, o) == right for s, _, o in found), found


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Edison pressed the switch to start the generator.", ("Edison", "generator")),
        ("Amazon required new funding to expand into India.", ("Amazon", "India")),
    ],
)
def test_a_lifeless_object_leaves_the_infinitive_to_the_subject(
    spacy_x: SpacyExtractor, text: str, right: tuple[str, str]
) -> None:
    # review of 63c4cf3: with an object that cannot act, "to V" says what for, and the
    # subject acts
    found = _subjects(spacy_x, text)
    assert any((s, o) == right for s, _, o in found), found


@pytest.mark.parametrize(
    ("text", "want", "label"),
    [
        (
            "## The Hundred Years' War\n\n"
            "- **Turning point:** Joan of Arc lifts the siege of Orléans; Charles is crowned "
            "at Reims.\n"
            "- **Ending:** The English lose Bordeaux in 1453 and the war ends.",
            ("Charles", "crowned_at", "Reims"),
            "Turning point",
        ),
        (
            "## Pompeii\n\n"
            "- **Body casts** — in 1863 Giuseppe Fiorelli poured plaster into the hollows left "
            "by bodies in the ash.\n"
            "- **Frescoes** — many walls still carry their original paintings.",
            ("Giuseppe Fiorelli", "pour", "plaster"),
            "Body casts",
        ),
        # review of 1d51d65: the parse tags a Title-Case label a proper noun; with a phrase of its
        # own ("in 1863") between the dash and the named subject, the words after it are a sentence
        (
            "## Pompeii\n\n"
            "- **Body Casts** — in 1863 Giuseppe Fiorelli poured plaster into the hollows left "
            "by bodies in the ash.\n"
            "- **Frescoes** — many walls still carry their original paintings.",
            ("Giuseppe Fiorelli", "pour", "plaster"),
            "Body Casts",
        ),
        (
            "## Hadrian\n\n"
            "- **Hadrian's Wall** — in 122 AD the emperor Hadrian ordered a wall across Britain.\n"
            "- **Vindolanda** — a fort south of the wall.",
            ("Hadrian", "order", "wall"),
            "Hadrian's Wall",
        ),
    ],
)
def test_a_sentence_after_a_label_keeps_its_own_subject(
    spacy_x: SpacyExtractor, text: str, want: tuple[str, str, str], label: str
) -> None:
    # the parse reads "Label: sentence" as one clause and gives its verb two subjects, the label
    # first: the subject after the colon or dash is the one that acts
    rels = _subjects(spacy_x, text)
    assert want in rels, rels
    assert not any(s == label for s, _, _ in rels), rels


def test_nothing_before_a_semicolon_is_the_subject_of_a_verb_after_it(
    spacy_x: SpacyExtractor,
) -> None:
    # the parse hangs the label and the description before the semicolon on the passive verb after
    # it as two more subjects, the label first; the clause after the semicolon has its own, and
    # "it" in the next clause stands for that one
    doc = spacy_x.nlp(
        "Lamination: the process of folding fat into dough to create layers; croissant dough is "
        "laminated too, but it contains yeast, so it is not a true pastry."
    )
    verb = next(t for t in doc if t.text == "laminated")
    assert [m.text for m in subjects_of(verb, None, None)] == ["croissant dough"]
    it = next(t for t in doc if t.lower_ == "it")
    same = _sentence_subject(it)
    assert same is not None and same.text == "dough"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The Bootleg Series Volume 1: The Quine Tapes was recorded in San Francisco by Polydor "
            "Records.",
            "The Quine Tapes",
        ),
    ],
)
def test_a_name_holding_a_colon_or_a_dash_is_no_label(
    spacy_x: SpacyExtractor, text: str, subject: str
) -> None:
    # a title with a colon or a name joined by a dash is one subject the parse split in two: the
    # part after the colon or dash is no sentence of its own after a label
    rels = _subjects(spacy_x, text)
    assert rels, rels
    assert not any(s.startswith(subject) for s, _, _ in rels), rels
