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
