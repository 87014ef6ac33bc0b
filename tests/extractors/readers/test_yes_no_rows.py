"""A comparison table's yes/no rows (issue 11, twenty-first session): a question whose first
word is a verb form ("Goes through …?", "Can name …?", "Needs …?") answered "yes" or "no" in
each column is a fact about each column, denied where the cell says no; a copular or one-word
question, or a row with a cell that is no answer, gives nothing.  Answers of my own, no spaCy."""

from __future__ import annotations

from grapheme_distill.extractors.readers import read_document

_TABLE = (
    "## Lease or buy?\n\n| | Leasing | Buying |\n|---|---|---|\n"
    "| Requires a deposit? | usually yes | yes |\n"
    "| Can modify the car for racing? | no | yes |\n"
    "| Goes through a credit check? | yes | no, if you pay cash |\n"
    "| Is the owner liable? | no | yes |\n"
    "| Insured? | yes | yes |\n"
    "| Includes servicing? | often | no |\n"
)


def _answered(answer: str) -> set[tuple[str, str, str, bool]]:
    facts = [f for f in read_document(answer)[1] if f.construction == "table.yes_no"]
    return {
        (f.subject.text, f.predicate, f.object.text if f.object else "", f.negated) for f in facts
    }


def test_a_yes_no_row_is_a_fact_per_column_denied_by_no() -> None:
    found = _answered(_TABLE)
    assert {
        ("Leasing", "requires", "deposit", False),
        ("Buying", "requires", "deposit", False),
        ("Leasing", "can_modify", "car", True),
        ("Buying", "can_modify", "car", False),
        ("Leasing", "goes_through", "credit check", False),
        ("Buying", "goes_through", "credit check", True),
    } == found, found


def test_questions_without_a_verb_form_and_rows_without_answers_give_nothing() -> None:
    found = _answered(_TABLE)
    # "Is the owner liable?" (copular), "Insured?" (one word), "Includes servicing?" ("often")
    assert not {f for f in found if f[2] in ("owner", "liable", "servicing", "insured")}, found


def test_a_plural_noun_before_a_participle_is_no_verb() -> None:
    # "Fees charged?" is "Are fees charged?": "fees" was read as a verb (``fees`` charged)
    table = (
        "| | Current account | Savings account |\n|---|---|---|\n"
        "| Fees charged? | yes | no |\n"
        "| Pets allowed in branches? | no | no |\n"
        "| Needs signed consent? | yes | no |\n"
    )
    found = _answered(table)
    assert {f[1] for f in found} == {"needs"}, found


def test_the_answer_polarity_is_shared_with_prose_answers() -> None:
    # twenty-fourth session: the FAQ questions in prose read their answer with this function
    from grapheme_distill.extractors.readers.yes_no_rows import answer_polarity

    assert answer_polarity("A: No. It is independent.") is False
    assert answer_polarity("**Yes** — since 2007.") is True
    assert answer_polarity("Not yet. A drug delays it.") is False
    assert answer_polarity("usually yes") is True
    # "No" as a determiner, or a cell that is no answer
    assert answer_polarity("No other river is longer.") is None
    assert answer_polarity("no fee") is None
    assert answer_polarity("often") is None
