"""The name a paragraph opens with (readers.paragraph_names): a highlighted name at the start,
after an article too; a label, a question or a highlighted word further in is none."""

from __future__ import annotations

import pytest

from grapheme_distill.extractors.document import parse_document
from grapheme_distill.extractors.readers.paragraph_names import opening_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Photosystem II** absorbs light. It is also called P680.", "Photosystem II"),
        ("The **Loire Valley** is a stretch of the valley. It is famous.", "Loire Valley"),
        ("**What it was:** a confrontation. In Russia it is called X.", None),
        ("**How long is the Nile?** About 6,650 km.", None),
        ("Plants absorb light with **chlorophyll**. It is green.", None),
    ],
)
def test_the_opening_highlighted_name(text: str, expected: str | None) -> None:
    block = next(b for b in parse_document(text).blocks if b.role == "paragraph")
    name = opening_name(block)
    assert (name.text if name is not None else None) == expected
