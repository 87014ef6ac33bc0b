"""The document layer: an answer's markdown as typed blocks (headings, paragraphs, list items with
their lead-in and nesting, key-value and glossary items, table rows), spans into the answer.

Readers (:mod:`grapheme_distill.extractors.readers`) and the LLM extractor read answers through it.
"""

from grapheme_distill.extractors.document.model import Block, BlockRole, Document, Inline
from grapheme_distill.extractors.document.parse import ATTRIBUTE_KEYS, parse_document

__all__ = ["ATTRIBUTE_KEYS", "Block", "BlockRole", "Document", "Inline", "parse_document"]
