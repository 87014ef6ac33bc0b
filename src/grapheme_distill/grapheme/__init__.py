"""GRAPHEME character graphs: plain text and whole knowledge graphs, losslessly.

* :func:`from_text` / :func:`to_text` — grapheme-core's text chain, exactly (``text.py``);
* :func:`to_grapheme` — stream a :class:`~grapheme_distill.model.graph.KnowledgeGraph` to
  ``<name>.grapheme.json`` (loadable by grapheme-core) plus ``<name>.sidecar.json`` (``convert.py``);
* :func:`read_grapheme` — read both back into an equal knowledge graph, streaming; a
  :class:`GraphemeReader` yields entities, items and evidence one at a time (``reader.py``).

The layout shared by writer, reader and the student export is in ``layout.py`` and argued in
``docs/grapheme.md``.
"""

from __future__ import annotations

from grapheme_distill.grapheme.convert import GraphemeExport, grapheme_paths, to_grapheme
from grapheme_distill.grapheme.reader import GraphemeReader, read_grapheme
from grapheme_distill.grapheme.text import from_text, grapheme_clusters, to_text

__all__ = [
    "GraphemeExport",
    "GraphemeReader",
    "from_text",
    "grapheme_clusters",
    "grapheme_paths",
    "read_grapheme",
    "to_grapheme",
    "to_text",
]
