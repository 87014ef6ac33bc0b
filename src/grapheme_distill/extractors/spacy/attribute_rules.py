"""The model's ``attribute_ruler``, matched by table look-up instead of spaCy's ``Matcher``
(performance only: the same matches, applied by the ruler's own code, in the same order).

The English pipelines' ``attribute_ruler`` maps each fine tag to its coarse part of speech and
morphology (the old tag map, one single-token pattern per tag) and then applies ~120 exceptions
("'s" tagged VBZ is AUX, "it" as an object is accusative, ...).  spaCy runs them through a
``Matcher``, which starts one state per pattern at every token (180 patterns: ~13 us a token) and
calls a Python predicate for every ``IN`` / ``NOT_IN`` / ``REGEX`` in them at every token; on the
pieces of ``benchmarks/bench_extract.py`` that was 0.28-0.32 s of CPU per 120 synthetic answers
(12,720 tokens), ~7 % of the whole extraction and more than the dependency parser's own
annotation step.  Here each pattern is indexed by one value its first token must have (its tag or
its lower-case form, or each of an ``IN`` list's values), so a token looks up the few patterns
that can start at it and checks only those: ~0.02 s for the same tokens.

What is reproduced is the ruler's ``match``: every (pattern key, start, end) the ``Matcher``
finds, sorted by the key's number as the ruler sorts them, so that later rules still win; the
attributes are then set by the ruler's own ``set_annotations``.  Patterns are compared on the
same values the ``Matcher`` reads (``Doc.to_array`` gives the token attributes it compares: tag,
dependency, the lexeme's lower-case form and flags).  A ruler with a pattern this module does not
know how to check exactly (an operator such as ``"OP": "?"``, an attribute or predicate outside
:data:`_COLUMNS` / ``IN`` / ``NOT_IN`` / ``REGEX``) is not replaced: :func:`fast_rules` answers
None and the pipeline runs as shipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from grapheme_distill.extractors.spacy.lemmas import FastLemmas

__all__ = ["FastRules", "fast_rules", "parse_pieces"]

#: the token attributes a supported pattern may constrain (spaCy's attribute names)
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: the attributes a pattern may be indexed by, most selective first
_ANCHORS = ("TAG", "LOWER", "DEP", "IS_SPACE")

#: one constraint on one token: (column, kind, value); kind "eq" (an int), "in" / "not_in" (a
#: frozenset of ints) or "regex" (a compiled pattern, searched in the value's string)
_Check = tuple[int, str, Any]
#: what can start at a token: the one-token patterns that match it (number, key), and the longer
#: patterns whose first token it satisfies (number, key, checks per token)
_Starts = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, list[list[_Check]]], ...]]

#: the most distinct token rows :class:`FastRules` remembers before it starts again
_MEMO_SIZE = 200_000


def _token_attrs() -> frozenset[int]:
    """The attributes ``set_token_attrs`` writes on the token alone (spaCy's ids)."""
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    return frozenset({LEMMA, POS, TAG, DEP, MORPH})


class _Unsupported(ValueError):
    """A pattern the table look-up cannot check exactly (the ruler then runs as shipped)."""


def _value_id(value: Any) -> int:
    """The integer the ``Matcher`` compares a pattern value with (strings by their hash)."""
    from spacy.strings import get_string_id

    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(get_string_id(value))
    raise _Unsupported(f"pattern value {value!r}")


def _token_checks(spec: dict[str, Any]) -> list[_Check]:
    checks: list[_Check] = []
    for attr, value in spec.items():
        if attr not in _COLUMNS:
            raise _Unsupported(f"attribute {attr!r}")
        column = _COLUMNS.index(attr)
        if not isinstance(value, dict):
            checks.append((column, "eq", _value_id(value)))
            continue
        for predicate, arg in value.items():
            if predicate == "IN":
                checks.append((column, "in", frozenset(_value_id(v) for v in arg)))
            elif predicate == "NOT_IN":
                checks.append((column, "not_in", frozenset(_value_id(v) for v in arg)))
            elif predicate == "REGEX" and isinstance(arg, str):
                checks.append((column, "regex", re.compile(arg)))
            else:
                raise _Unsupported(f"predicate {predicate!r}")
    return checks


class FastRules:
    """A pipeline component that does what ``ruler`` does (``ruler.set_annotations`` over the
    matches :meth:`match` finds).  Build it with :func:`fast_rules`."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        self.ruler = ruler
        self._columns = [IDS[name] for name in _COLUMNS]
        self._strings = ruler.vocab.strings
        # (column, value) -> the patterns whose first token must have that value there
        self._index: dict[tuple[int, int], list[tuple[int, int, list[list[_Check]]]]] = {}
        self._anchor_columns: set[int] = set()
        self._everywhere: list[tuple[int, int, list[list[_Check]]]] = []
        for number, entry in enumerate(ruler.patterns):
            key = _value_id(str(number))  # AttributeRuler.add keys pattern n by the string "n"
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(tok, dict) for tok in pattern):
                    raise _Unsupported("an empty or malformed pattern")
                compiled = [_token_checks(tok) for tok in pattern]
                self._add(number, key, compiled)
        self._anchors = sorted(self._anchor_columns)
        # every rule sets only token attributes (no lexeme's, no extension's): a token's rules can
        # then be merged into one write (:meth:`__call__`)
        self._merge = all(set(attrs) <= _token_attrs() for attrs in ruler.attrs)
        self._regex_memo: dict[tuple[int, int], bool] = {}
        # a token's attribute values -> the patterns that can start there (values repeat: the
        # same word with the same tag and dependency)
        self._memo: dict[tuple[int, ...], _Starts] = {}

    def _add(self, number: int, key: int, compiled: list[list[_Check]]) -> None:
        record = (number, key, compiled)
        first = compiled[0]
        for name in _ANCHORS:
            column = _COLUMNS.index(name)
            for col, kind, value in first:
                if col == column and kind == "eq":
                    self._index.setdefault((col, value), []).append(record)
                    self._anchor_columns.add(col)
                    return
        for name in _ANCHORS:
            column = _COLUMNS.index(name)
            for col, kind, value in first:
                if col == column and kind == "in":
                    for v in value:
                        self._index.setdefault((col, v), []).append(record)
                    self._anchor_columns.add(col)
                    return
        self._everywhere.append(record)

    def _holds(self, checks: list[_Check], row: tuple[int, ...]) -> bool:
        for col, kind, value in checks:
            got = row[col]
            if kind == "eq":
                if got != value:
                    return False
            elif kind == "in":
                if got not in value:
                    return False
            elif kind == "not_in":
                if got in value:
                    return False
            else:
                memo_key = (id(value), got)
                hit = self._regex_memo.get(memo_key)
                if hit is None:
                    hit = self._regex_memo[memo_key] = bool(value.search(self._strings[got]))
                if not hit:
                    return False
        return True

    def _starting(self, row: tuple[int, ...]) -> _Starts:
        """The patterns that can start at a token with these attribute values: the one-token
        ones that match it, and the longer ones whose first token it satisfies."""
        single: list[tuple[int, int]] = []
        longer: list[tuple[int, int, list[list[_Check]]]] = []
        records = [rec for col in self._anchors for rec in self._index.get((col, row[col]), ())]
        for number, key, compiled in [*records, *self._everywhere]:
            if self._holds(compiled[0], row):
                if len(compiled) == 1:
                    single.append((number, key))
                else:
                    longer.append((number, key, compiled))
        return tuple(single), tuple(longer)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """``ruler.match(doc)``: (pattern number, key, start, end) of every match, sorted."""
        if not len(doc):
            return []
        rows = [tuple(r) for r in doc.to_array(self._columns).tolist()]
        n = len(rows)
        memo = self._memo
        found: set[tuple[int, int, int, int]] = set()
        for start, row in enumerate(rows):
            starts = memo.get(row)
            if starts is None:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                starts = memo[row] = self._starting(row)
            single, longer = starts
            for number, key in single:
                found.add((number, key, start, start + 1))
            for number, key, compiled in longer:
                end = start + len(compiled)
                if end <= n and all(
                    self._holds(c, rows[start + k]) for k, c in enumerate(compiled) if k
                ):
                    found.add((number, key, start, end))
        return sorted(found)

    def __call__(self, doc: Any) -> Any:
        """``ruler.set_annotations(doc, matches)``, with each token's rules merged into one write.

        The ruler builds a ``Span`` per match and its token twice (~40,000 matches per 120
        synthetic answers, three a token), then writes the rule's attributes on the token: a
        later rule's value wins.  When every rule sets only token attributes (lemma, part of
        speech, tag, dependency, morphology: written on the token alone), merging a token's rules
        in match order (a later value replaces an earlier one) and writing the merged values once
        leaves the token as the ruler's writes leave it; a rule whose token lies outside its match
        goes to the ruler, which raises its own error there before writing anything after it."""
        matches = self.match(doc)
        if not self._merge:
            self.ruler.set_annotations(doc, matches)
            return doc
        indices, attrs = self.ruler.indices, self.ruler.attrs
        merged: dict[int, dict[Any, Any]] = {}
        for number, _key, start, end in matches:
            index = indices[number]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                self.ruler.set_annotations(doc, matches)
                return doc
            got = merged.get(at)
            if got is None:
                merged[at] = dict(attrs[number])
            else:
                got.update(attrs[number])
        if merged:
            from spacy.tokens._retokenize import set_token_attrs

            for at, values in merged.items():
                set_token_attrs(doc[at], values)
        return doc


def fast_rules(nlp: Any, name: str = "attribute_ruler") -> FastRules | None:
    """The table look-up for ``nlp``'s enabled ruler ``name``, or None (no such component, not
    an ``AttributeRuler``, or a pattern it cannot check exactly)."""
    if name not in getattr(nlp, "pipe_names", ()):
        return None
    ruler = nlp.get_pipe(name)
    try:
        from spacy.pipeline import AttributeRuler
    except ImportError:  # pragma: no cover - spaCy is there whenever a pipeline is
        return None
    if type(ruler) is not AttributeRuler:
        return None
    try:
        return FastRules(ruler)
    except _Unsupported:
        return None


def parse_pieces(
    nlp: Any,
    texts: Iterable[str],
    batch_size: int,
    rules: FastRules | None,
    lemmas: FastLemmas | None = None,
) -> Iterator[Any]:
    """``nlp.pipe(texts, batch_size=batch_size, n_process=1)``, with ``rules`` run in place of
    ``nlp``'s ruler and ``lemmas`` in place of its lemmatizer when given (the same annotations,
    :mod:`.lemmas`): the components before the first one replaced run through ``nlp.pipe``, and
    every component from it on runs over the stream at the same batch size, as ``nlp.pipe`` runs
    them."""
    instead: dict[str, Callable[[Any], Any]] = {}
    if rules is not None:
        instead[rules.ruler.name] = rules
    if lemmas is not None:
        instead[lemmas.lemmatizer.name] = lemmas
    names = list(nlp.pipe_names) if instead else []  # (a stand-in pipeline may have none)
    first = min((names.index(name) for name in instead if name in names), default=None)
    if first is None:
        yield from nlp.pipe(texts, batch_size=batch_size, n_process=1)
        return
    after = names[first:]
    docs: Iterator[Any] = iter(nlp.pipe(texts, batch_size=batch_size, n_process=1, disable=after))
    for component_name in after:
        if component_name in instead:
            docs = map(instead[component_name], docs)
        else:
            docs = _run(nlp.get_pipe(component_name), docs, batch_size)
    yield from docs


def _run(component: Any, docs: Iterator[Any], batch_size: int) -> Iterator[Any]:
    pipe: Callable[..., Iterator[Any]] | None = getattr(component, "pipe", None)
    if pipe is not None:
        return iter(pipe(docs, batch_size=batch_size))
    return map(component, docs)
