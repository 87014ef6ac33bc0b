"""Parentheses after a name or a term, in the forms answers use them: "Alpha Beta Code (ABC)",
"ABC (alpha beta code)", "(born Augusta Ada Byron)", "(German: Donau)", "(often just Barça)",
"(real name …)", "(zucchini in American English)", "Tokyo (東京)", "324 m (1,063 ft)", "(a Y that
…)", "(structures that …)", "(*socis*)", "pyrexia (high body temperature)".

Cut out of :mod:`.linguistic` (issue 11, fourth session) to keep that module under 800 lines;
:func:`read_parentheses` tries the readings of each parenthesis in one order, because which
reading a parenthesis gets depends on the readings tried before it.  The readings live by what
the bracket gives (twenty-fifth session): :mod:`.paren_renderings` (the same thing said another
way), :mod:`.paren_short_forms`, :mod:`.paren_names` (another name), and here a gloss of the
term before the bracket (a foreign word, a genus); which term a bracket is about is
:mod:`.bracket_terms`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.bracket_phrases import (
    FINITE,
    NAMING_TAIL,
    last_clause,
    phrase_before,
)
from grapheme_distill.extractors.readers.bracket_terms import (
    RANK,
    Bracket,
    bracket_term,
    gloss_noun,
    spells,
)
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.paren_names import (
    read_common_name,
    read_inside_name,
    read_named,
    read_prefixed,
    read_taxon_name,
)
from grapheme_distill.extractors.readers.paren_renderings import (
    read_literal,
    read_quoted,
    read_rank,
    read_regional,
    read_script,
    read_units,
)
from grapheme_distill.extractors.readers.paren_short_forms import (
    read_acronym,
    read_expansion,
    read_formula,
    read_short_before,
)
from grapheme_distill.extractors.readers.terms import (
    name_before,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "RANK",
    "bracket_term",
    "gloss_noun",
    "read_parentheses",
    "spells",
]

_PAREN = re.compile(r"\((?P<p>[^()]{1,120})\)")


def _read_foreign(b: Bracket) -> Generator[Fact, None, bool]:
    """ "owned by its members (*socis*)", "the plates slide (*subduction*)": a highlighted
    foreign word or term, glossed by the phrase or the clause before it."""
    block, sent, inner, plain, before = b.block, b.sent, b.inner, b.plain, b.before
    italic = any(a == block.text.find(inner, sent.start) for a, _ in block.inline.emphasis)
    articled = re.match(r"(?:the|an?)\s+(?=\S)", inner)
    if (
        not italic
        and articled is not None
        and any(
            a == block.text.find(inner, sent.start) + articled.end()
            for a, _ in block.inline.emphasis
        )
    ):
        # "leaving a thick rim (the **cornicione**)": the article is no part of the term
        italic, plain = True, clean_name(inner[articled.end() :])
    if italic:
        # "the yellow-eyed penguin (*hoiho* in Māori)": the language is no part of the word
        plain = re.sub(r"\s+in\s+[A-Z][^\W\d_]+$", "", plain)
    b.plain, b.italic = plain, italic
    if italic and len(plain.split()) <= 3 and plain[:1].islower() and "," not in plain:
        # "owned by its members (*socis*)": the foreign word is glossed by the phrase before it
        # "sensitivity to light (*photophobia*)": "to" and "of" join the gloss's own words;
        # an earlier bracket or an "or" ends it
        # (a phrase too long for a gloss is cut there too: "able to make the pilgrimage")
        phrase = phrase_before(before)
        # (a pattern built from the phrase goes into ``re``'s cache and pushes the readers'
        # fixed patterns out: it is built only for a one-word phrase after a bracket)
        shared = (
            re.search(
                r"\b(?P<h>[a-z]+\s+(?:to|of))\s+[\w\-]+\s*\([^()]*\)\s*,?\s*(?:and|or)\s+"
                + re.escape(phrase.strip())
                + r"\s*$",
                before,
            )
            if len(phrase.split()) == 1 and ")" in before
            else None
        )
        if shared is not None:
            # "sensitivity to light (*photophobia*) and sound (*phonophobia*)": the second
            # gloss shares the first one's head
            phrase = f"{shared.group('h')} {phrase.strip()}"
        # "**Finish it** (the *mantecatura*)": a pronoun's phrase names nothing
        pronoun = re.search(r"\b(?:it|them|this|that|these|those)\s*$", phrase) is not None
        if not pronoun and 1 <= len(phrase.split()) <= 4:
            yield b.fact(
                "paren.foreign", Name(plain), LinguisticKind.DEFINITION, clean_name(phrase)
            )
        elif not pronoun and (clause := last_clause(before)) is not None:
            # "…, and one plate slides under the other (*subduction*)": the term names the
            # process the clause before it describes
            yield b.fact("paren.term", Name(plain), LinguisticKind.DEFINITION, clause)
        return True
    return False


def _read_gloss(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Ribosomes (structures that assemble proteins …)", "the trap (the U-shaped bend …)": a
    genus glossing the noun before the bracket."""
    block, sent, m, inner, plain, before = b.block, b.sent, b.m, b.inner, b.plain, b.before
    bare_gloss = re.match(  # "Ribosomes (structures that assemble proteins …)"
        r"^(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s\s+(?:that|which|who|where)\s", plain
    )
    # "the trap (the U-shaped bend under the sink, also called the P-trap)": a definite
    # genus glosses the noun before the bracket too, when it states nothing ("(the meeting is
    # poorly documented)"); another name after it is read by the alias forms
    definite = (
        re.match(r"the\s+(?:[a-z]|[A-Z]-)", inner) is not None
        and FINITE.search(plain) is None
        and len(plain.split()) >= 3
    )
    if (re.match(r"^(?:a|an)\s+\w+", plain) or bare_gloss or definite) and len(plain.split()) >= 3:
        glossed_name = name_before(before)
        term = Name(glossed_name) if glossed_name else None
        if term is None and definite:
            term = bracket_term(block, sent, m.start())
        gloss = NAMING_TAIL.split(inner if definite else plain)[0].strip()
        if term is not None and len(gloss.split()) >= 2:
            yield b.fact("paren.gloss", term, LinguisticKind.DEFINITION, gloss)
        return True
    return False


#: the readings of one bracket, in the order they are tried
_READINGS: tuple[Callable[[Bracket], Generator[Fact, None, bool]], ...] = (
    read_units,
    read_script,
    read_quoted,
    read_expansion,
    read_literal,
    read_rank,
    read_regional,
    read_prefixed,
    read_formula,
    read_acronym,
    read_short_before,
    _read_foreign,
    _read_gloss,
    read_inside_name,
    read_named,
    read_taxon_name,
    read_common_name,
)


def read_parentheses(
    ctx: ReadContext, block: Block, sent: Sentence, hedged: bool
) -> Iterator[Fact]:
    """Every parenthesis of a sentence, each read by the first reading that takes it."""
    text = sent.text
    for m in _PAREN.finditer(text):
        inner = m.group("p").strip()
        plain = clean_name(inner)
        before = text[: m.start()].rstrip()
        if not plain:
            continue
        bracket = Bracket(ctx, block, sent, hedged, m, inner, plain, before)
        for reading in _READINGS:
            if (yield from reading(bracket)):
                break
