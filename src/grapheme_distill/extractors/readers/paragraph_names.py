"""The name a paragraph or a list item opens with: "**Photosystem II** absorbs light … It is also
called …", "The **Loire Valley** is … It is famous for …".  A pronoun opening one of the block's
later sentences means that highlighted name before the section's subject or the answer's topic;
the alias forms (:mod:`.alias_forms`) and the copula definitions (:mod:`.definition_copulas`)
both ask it.  A label ("**Note:**", a question) names nothing, and a glossary or key-value
block's pronoun is its key (read by :func:`.terms.term_at`).
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.facts import Name, clean_name

__all__ = ["opening_name"]

#: a highlighted label a paragraph may open with, which names nothing ("**What it was:**",
#: "**Note**", "**How long is the Nile?**")
_LABEL = re.compile(
    r"(?i)(?:what|who|why|how|when|where|which|note|tip|example|summary|in short|bottom line|"
    r"important|warning|caution|remember|key)\b"
)


def opening_name(block: Block) -> Name | None:
    """The highlighted name a paragraph or a list item opens with ("**Photosystem II** absorbs
    light …", "The **Loire Valley** is …"): what a pronoun opening one of its later sentences
    means, before the section's subject or the answer's topic.  A label ("**Note:**", a
    question) names nothing; a glossary or key-value block's pronoun is its key (read by
    :func:`.terms.term_at`)."""
    if block.role not in ("paragraph", "list_item") or not block.inline.emphasis:
        return None
    a, b = block.inline.emphasis[0]
    if block.text[:a].strip() not in ("", "The", "A", "An"):
        return None
    raw = block.text[a:b]
    name = clean_name(raw)
    if (
        not name
        or len(name.split()) > 6
        or _LABEL.match(name)
        or raw.rstrip(" *_").endswith((":", "?"))
        or block.text[b : b + 3].lstrip(" *_").startswith((":", "?"))
    ):
        return None
    return Name(name)
