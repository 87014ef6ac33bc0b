"""Aliases, abbreviations, definitions and synonyms read sentence by sentence from the parse.

What ``spacy`` reads for linguistic knowledge when it is asked not to use the document layer
(``preserve_structure=False``): "European Union (EU)", "X, also known as Y", "X is defined as /
refers to / means Y", "X is a synonym of Y".  With the document layer on, the readers in
:mod:`grapheme_distill.extractors.readers` read these forms (and many more) instead.  Cut out of
``spacy_extractor.py`` so that the walk over the parse stays one module.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.spacy.clauses import Mention, mention_of, phrase_mention
from grapheme_distill.extractors.spacy.records import Record as _Record
from grapheme_distill.extractors.spacy.records import State as _State
from grapheme_distill.extractors.spacy.text import Piece
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["read_sentence_linguistic"]

_ABBREV = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9&.\-]{0,9}[A-Z0-9.]|[A-Z]{2})\)")

_ALIAS = re.compile(
    r",?\s*\b(?:also known as|also called|better known as|otherwise known as|commonly known as|"
    r"commonly called|often called|sometimes called|aka|a\.k\.a\.|known as|nicknamed|or simply)\s+",
    re.IGNORECASE,
)

_DEFINE = re.compile(
    r"^(?P<t>.{1,80}?)\s+(?:is defined as|are defined as|refers to|refer to|means|is the term for|"
    r"denotes)\s+(?P<v>.{3,400}?)[.!]?$",
    re.IGNORECASE,
)

_SYNONYM = re.compile(
    r"^(?P<t>.{1,80}?)\s+(?:is|are)\s+(?:a\s+)?synonym(?:ous)?s?\s+(?:of|with|for|to)\s+(?P<v>[^,;()]{1,80}?)[.!]?$"
    r"|^(?P<t2>[^,;()]{1,60}?)\s+and\s+(?P<v2>[^,;()]{1,60}?)\s+are\s+synonyms[.!]?$",
    re.IGNORECASE,
)

_FUNCTION_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "de", "la", "to", "a", "an", "&"}
)


def read_sentence_linguistic(
    piece: Piece, doc: Any, sent: Any, factor: float, state: _State
) -> None:
    text = sent.text
    base = sent.start_char
    span = piece.offsets.span(sent.start_char, sent.end_char)
    for am in _ABBREV.finditer(text):
        abbr = am.group("a")
        full = _abbreviated(text[: am.start()], abbr)
        if full is not None:
            before = text[: am.start()]
            t_start = base + len(before.rstrip()) - len(full)
            m = phrase_mention(doc, t_start, t_start + len(full))
            if m:
                state.records.append(
                    _Record(
                        kind="linguistic",
                        subject=m,
                        linguistic=LinguisticKind.ABBREVIATION,
                        value=abbr,
                        confidence=0.9 * factor,
                        span=span,
                    )
                )
    for alias in _ALIAS.finditer(text):
        head_end = alias.start()
        vm = re.match(
            r"[\"“']?(?P<v>[^,;:()\"”.]{1,80}?)[\"”']?(?=[,;:().]|\s+(?:is|was|are|were|and|has)\b|$)",
            text[alias.end() :],
        )
        if not vm:
            continue
        term = _term_before(doc, sent, base + head_end, state)
        if term is None:
            continue
        v = vm.group("v").strip()
        v = re.sub(r"^(?:the|a|an)\s+", "", v, flags=re.IGNORECASE)
        if v and normalise_name(v) != normalise_name(term.text):
            state.records.append(
                _Record(
                    kind="linguistic",
                    subject=term,
                    linguistic=LinguisticKind.ALIAS,
                    value=v,
                    confidence=0.85 * factor,
                    span=span,
                )
            )
    for pattern, kind, conf in (
        (_DEFINE, LinguisticKind.DEFINITION, 0.8),
        (_SYNONYM, LinguisticKind.SYNONYM, 0.85),
    ):
        lm = pattern.match(text.strip())
        if not lm:
            continue
        t_key = "t" if lm.group("t") else "t2"
        v_key = "v" if lm.group("t") else "v2"
        term_text = lm.group(t_key)
        offset = text.find(term_text)
        term_m = (
            phrase_mention(doc, base + offset, base + offset + len(term_text))
            if offset >= 0
            else None
        )
        value_text = lm.group(v_key).strip()
        if term_m and value_text and len(term_m.text.split()) <= 8:
            state.records.append(
                _Record(
                    kind="linguistic",
                    subject=term_m,
                    linguistic=kind,
                    value=value_text,
                    confidence=conf * factor,
                    span=span,
                )
            )


def _abbreviated(before: str, abbr: str) -> str | None:
    """The words right before "(ABBR)" whose initials spell it, e.g. "European Union" for EU."""
    letters = [c for c in abbr.upper() if c.isalpha()]
    words = re.findall(r"[\w'\-]+", before)[-10:]
    if not letters or not words:
        return None
    for k in range(1, len(words) + 1):
        cand = words[-k:]
        if cand[0].lower() in _FUNCTION_WORDS:
            continue
        initials = [w[0].upper() for w in cand if w.lower() not in _FUNCTION_WORDS]
        initials_all = [w[0].upper() for w in cand]
        if initials == letters or initials_all == letters:
            idx = before.rfind(cand[0], 0, len(before) - len(" ".join(cand[1:])))
            return before[idx:].rstrip() if idx >= 0 else None
        if len(initials) > len(letters):
            break
    return None


def _term_before(doc: Any, sent: Any, char: int, state: _State) -> Mention | None:
    """The term an alias marker refers to: the subject for "X is also known as", else the noun
    phrase right before the marker."""
    tokens = [t for t in sent if t.idx + len(t.text) <= char and not t.is_punct]
    if not tokens:
        return None
    last = tokens[-1]
    if last.pos_ in ("AUX", "VERB", "ADV"):
        verb = last if last.pos_ != "ADV" else last.head
        head = verb.head if verb.dep_ in ("aux", "auxpass") else verb
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return mention_of(child, state.coref)
        return None
    return mention_of(last, state.coref) if last.pos_ in ("NOUN", "PROPN") else None
