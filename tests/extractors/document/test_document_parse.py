"""The document layer: roles, links and spans into the original answer."""

from __future__ import annotations

from grapheme_distill.extractors.document import parse_document

ANSWER = """# Ada Lovelace

**Augusta Ada King** (born 10 December 1815) was an English *mathematician*.

## Key facts
- **Born:** 10 December 1815, London
- Capital: Paris
- **Analytical Engine** — a proposed mechanical general-purpose computer

The band's members:
1. John Lennon
2. Paul McCartney
   - plays **bass**
     and sings

| Country | Capital |
|---|---|
| France | Paris |

```python
ignore = "this code"
```
"""


def test_roles_sections_and_lead_ins() -> None:
    doc = parse_document(ANSWER)
    roles = [(b.role, b.text) for b in doc.blocks]
    assert roles[0] == ("heading", "Ada Lovelace")
    assert ("key_value", "Born: 10 December 1815, London") in roles
    assert ("key_value", "Capital: Paris") in roles
    gloss = next(b for b in doc.blocks if b.role == "glossary")
    assert gloss.key_text() == "Analytical Engine"
    assert gloss.value_text().startswith("a proposed mechanical")
    kv = next(b for b in doc.blocks if b.text.startswith("Born"))
    assert (kv.key_text(), kv.value_text()) == ("Born", "10 December 1815, London")
    assert doc.heading_of(kv) is not None and doc.heading_of(kv).text == "Key facts"  # type: ignore[union-attr]
    lennon = next(b for b in doc.blocks if b.text == "John Lennon")
    assert lennon.ordered and doc.lead_of(lennon).text == "The band's members:"  # type: ignore[union-attr]
    nested = next(b for b in doc.blocks if b.text.startswith("plays"))
    assert nested.level == 1 and doc.blocks[nested.parent].text == "Paul McCartney"  # type: ignore[index]
    assert nested.text == "plays bass and sings"  # continuation line joined, markup gone
    row = next(b for b in doc.blocks if b.role == "table_row")
    assert row.header == ("Country", "Capital") and row.cell_texts() == ("France", "Paris")
    assert not any("ignore" in b.text for b in doc.blocks)  # code is never read


def test_spans_point_into_the_original_answer() -> None:
    doc = parse_document(ANSWER)
    for block in doc.blocks:
        start, end = block.span
        original = ANSWER[start:end]
        # the clean text's words all appear, in order, in the original span
        assert original.replace("*", "").split()[:1] == block.text.split()[:1]
    row = next(b for b in doc.blocks if b.role == "table_row")
    a, b = row.cells[1]
    s, e = row.inline.span(a, b)
    assert ANSWER[s:e] == "Paris"
    first = doc.blocks[1]
    a, b = first.inline.emphasis[0]
    s, e = first.inline.span(a, b)
    assert ANSWER[s:e] == "Augusta Ada King"


def test_empty_and_plain_text() -> None:
    assert parse_document("").blocks == []
    doc = parse_document("Paris is the capital of France. It is large.")
    assert [b.role for b in doc.blocks] == ["paragraph"]


def test_inline_lists_glossary_runs_and_key_value_lines() -> None:
    doc = parse_document("Git consists of: - a repository - a staging area - commands")
    assert [b.role for b in doc.blocks] == ["paragraph", "list_item", "list_item", "list_item"]
    assert doc.blocks[0].text == "Git consists of:"
    items = doc.items_of(doc.blocks[1].list_id)
    assert [b.text for b in items] == ["a repository", "a staging area", "commands"]
    assert all(doc.lead_of(b) is doc.blocks[0] for b in items)
    answer = "Git consists of: - a repository\n- a staging area\n"
    doc = parse_document(answer)
    items = doc.items_of(doc.blocks[1].list_id)
    assert [b.text for b in items] == ["a repository", "a staging area"]  # one list, one lead-in
    s, e = items[0].span
    assert answer[s:e] == "a repository"
    doc = parse_document("- principal amount: the initial sum\n- rate: the yearly percentage\n")
    assert [b.role for b in doc.blocks] == ["glossary", "glossary"]
    assert doc.blocks[0].key_text() == "principal amount"
    doc = parse_document("**Woodwinds** — flutes and oboes.\n\n**Brass** — horns and tubas.\n")
    assert doc.blocks[0].list_id == doc.blocks[1].list_id >= 0  # one glossary, as if bulleted
    answer = "**Born:** 18 July 1918, Mvezo\n**Party:** African National Congress\n"
    doc = parse_document(answer)
    assert [(b.role, b.key_text(), b.value_text()) for b in doc.blocks] == [
        ("key_value", "Born", "18 July 1918, Mvezo"),
        ("key_value", "Party", "African National Congress"),
    ]
    s, e = doc.blocks[1].span
    assert answer[s:e] == "Party:** African National Congress"


def test_a_key_before_a_sentence_of_its_own_is_a_plain_item() -> None:
    # "**Key** — <sentence with facts>" was a glossary item, which the prose readers skip; it is
    # a plain item (or paragraph) now, its key and value kept for the glossary reader
    answer = (
        "- **Anaphase** — sister chromatids are pulled to opposite poles.\n"
        "- **Codebreaking** — at Bletchley Park he designed the Bombe.\n"
        "- **Ribosome** — a molecular machine that builds proteins.\n"
        "- **Castling** — the king moves two squares towards a rook.\n"
    )
    doc = parse_document(answer)
    assert [b.role for b in doc.blocks] == ["list_item", "list_item", "glossary", "glossary"]
    assert [b.key_text() for b in doc.blocks] == [
        "Anaphase",
        "Codebreaking",
        "Ribosome",
        "Castling",
    ]
    assert doc.blocks[0].value_text() == "sister chromatids are pulled to opposite poles."
    doc = parse_document("**Copies** — thousands were printed at the time.\n")
    assert [(b.role, b.key_text()) for b in doc.blocks] == [("paragraph", "Copies")]


def test_the_prose_readers_read_a_key_before_a_sentence() -> None:
    from grapheme_distill.extractors.readers import read_document

    answer = "# Ludwig van Beethoven\n\n- **Final years** — he died in Vienna in 1827, aged 56.\n"
    _, facts = read_document(answer)
    assert any(f.predicate == "age_at_death" for f in facts)


def test_lines_of_one_paragraph_with_plain_keys_are_read_one_by_one() -> None:
    answer = "Thawing: ice to water.\nBoiling (or ebullition): water to steam.\n"
    doc = parse_document(answer)
    assert [(b.role, b.key_text()) for b in doc.blocks] == [
        ("glossary", "Thawing"),
        ("glossary", "Boiling (or ebullition)"),
    ]
    # a question and its answer are no key lines
    doc = parse_document("Q: Who founded it?\nA: Henri Dunant, in 1863.\n")
    assert [b.role for b in doc.blocks] == ["paragraph"]


def test_a_tables_first_pair_in_the_header_row_is_a_row() -> None:
    doc = parse_document("| Born | 3 May 1921 |\n|---|---|\n| Died | 1990 |\n")
    rows = [(b.header, b.cell_texts()) for b in doc.blocks if b.role == "table_row"]
    assert rows == [(("", ""), ("Born", "3 May 1921")), (("", ""), ("Died", "1990"))]
    source = doc.source
    assert source[slice(*doc.blocks[0].span)] == "Born | 3 May 1921"
    # a header that names its columns stays a header, a key in it or not
    for answer in (
        "| Country | Capital |\n|---|---|\n| France | Paris |\n",
        "| Date | Event |\n|---|---|\n| 1915 | Born |\n",
    ):
        assert [b.header for b in parse_document(answer).blocks][0] != ("", "")


def test_a_glossary_terms_bracket_is_no_part_of_its_length() -> None:
    doc = parse_document(
        '- **Mandala** (*maṇḍala*, from Sanskrit "circle" or "disc") — a diagram: a square.'
    )
    assert doc.blocks[0].role == "glossary"
    assert doc.blocks[0].value_text().startswith("a diagram")


def test_a_bracket_in_a_key_is_no_part_of_its_sentence_test() -> None:
    # "You" in the expansion made the key look like a sentence ("you" is a sentence word), so the
    # glossary item was a plain list item and its abbreviation went unread
    doc = parse_document(
        "- **PAYE** (Pay As You Earn): the system that takes income tax from wages.\n"
    )
    assert [(b.role, b.key_text()) for b in doc.blocks] == [("glossary", "PAYE (Pay As You Earn)")]
    doc = parse_document("- **What you pay**: the amount due.\n")
    assert [b.role for b in doc.blocks] == ["list_item"]


def test_an_inline_run_knows_the_term_it_opens_with() -> None:
    doc = parse_document("- **ESRIN** in Frascati, Italy\n- the **ESTEC** centre\n")
    first, second = (b for b in doc.blocks if b.role != "heading")
    assert first.inline.opening is not None
    a, b = first.inline.opening
    assert first.inline.text[a:b] == "ESRIN"
    assert second.inline.emphasis and second.inline.opening is None


def test_a_table_cells_emphasis_is_kept_apart_and_points_into_the_answer() -> None:
    # "| Pupa | a bare **chrysalis** |": the bold term in a cell is kept for the cell readers, in
    # its own field (as the row's inline emphasis the name readers lost relations on four gates)
    answer = (
        "| Stage | Form |\n|---|---|\n| Larva | a **caterpillar** |\n"
        "| Pupa | a bare **chrysalis** or a *cocoon* |\n"
    )
    doc = parse_document(answer)
    rows = [b for b in doc.blocks if b.role == "table_row"]
    found = [[answer[slice(*row.inline.span(a, b))] for a, b in row.cell_emphasis] for row in rows]
    assert found == [["caterpillar"], ["chrysalis", "cocoon"]], found
    assert all(not row.inline.emphasis for row in rows)
