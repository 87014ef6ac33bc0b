"""The model's rule lemmatizer, remembered per word form (performance only: the same lemmas).

spaCy's English ``lemmatizer`` (rule mode) visits every token in Python and asks
``rule_lemmatize`` for the ones no earlier rule gave a lemma: that caches its answer on the
token's form, part of speech and morphology, but only on its last path, so every noun in the
singular, verb in the infinitive or adjective in the positive (most tokens) is worked out again
each time (~12,000 calls per 120 synthetic answers).  The lemma depends on nothing else (the
form's text, the part of speech, the morphology and the lemmatizer's fixed tables), so
:class:`FastLemmas` remembers it on those three for every path and writes a document's lemmas in
one ``Doc.from_array`` call.  A token without a part of speech is asked anew each time (spaCy
warns about it at every call), and a lemmatizer in another mode, set to overwrite, or not yet
checked (its first call checks its tables) runs as shipped.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FastLemmas", "fast_lemmas"]

#: the most distinct (form, part of speech, morphology) keys remembered before starting again
_MEMO_SIZE = 200_000


class FastLemmas:
    """A pipeline component that does what ``lemmatizer`` does.  Build it with
    :func:`fast_lemmas`."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        lemmatizer = self.lemmatizer
        if (
            not getattr(lemmatizer, "_validated", False)
            or lemmatizer.overwrite
            or lemmatizer.mode != "rule"
            or not len(doc)
        ):
            return lemmatizer(doc)
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        memo = self._memo
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, ORTH, POS, MORPH]).tolist()
        lemmas: list[int] = []
        for at, (lemma, orth, pos, morph) in enumerate(rows):
            if not lemma:
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = strings.add(lemmatizer.lemmatize(doc[at])[0])
                    if pos:
                        if len(memo) >= _MEMO_SIZE:
                            memo.clear()
                        memo[key] = lemma
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


def fast_lemmas(nlp: Any, name: str = "lemmatizer") -> FastLemmas | None:
    """The remembering lemmatizer for ``nlp``'s enabled rule lemmatizer ``name``, or None (no
    such component, or not spaCy's ``Lemmatizer``)."""
    if name not in getattr(nlp, "pipe_names", ()):
        return None
    lemmatizer = nlp.get_pipe(name)
    try:
        from spacy.pipeline import Lemmatizer
    except ImportError:  # pragma: no cover - spaCy is there whenever a pipeline is
        return None
    if not isinstance(lemmatizer, Lemmatizer):
        return None
    # what the lemma depends on is known only for spaCy's own code (the English lemmatizer
    # overrides ``is_base_form`` alone, reading the part of speech and the morphology)
    kind = type(lemmatizer)
    if (
        kind.__call__ is not Lemmatizer.__call__
        or kind.rule_lemmatize is not Lemmatizer.rule_lemmatize
        or kind.is_base_form not in _base_forms()
    ):
        return None
    return FastLemmas(lemmatizer)


def _base_forms() -> tuple[Any, ...]:
    """The ``is_base_form`` methods known to read only the token's part of speech and
    morphology: spaCy's default and the English lemmatizer's."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    return (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
