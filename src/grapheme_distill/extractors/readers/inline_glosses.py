"""Highlighted terms glossed inside running text.

"check your **HbA1c** — a blood test that shows …", "the **federal funds rate**, the interest
rate banks charge each other", "Earth's outer shell, the **lithosphere**, is …", "the Javanese
*gamel*, "to strike with a mallet"": the answer marks the term it introduces, and the gloss sits
right beside it (after a dash or a colon, in apposition, or in quotes).  Read sentence by sentence
for :func:`.definitions.read_definitions`; cut out of :mod:`.definitions` (issue 11, eighth
session) to keep that module under 800 lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.bracket_phrases import POSITION
from grapheme_distill.extractors.readers.context import Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import (
    DEF_MARK,
    FUNCTIONAL,
    INDEFINITE_GENUS,
    INSTITUTION_HEAD,
    PERSON_HEAD,
    STATEMENT,
    STRONG_MARK,
    genus_head,
    trim_gloss,
)
from grapheme_distill.extractors.readers.terms import initials_match, lfact
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["read_inline_glosses"]


_BRACKET_AFTER = re.compile(r"^[*_]*\s*\((?P<in>[^()]{1,60})\)(?=:|\s+[\u2013\u2014])")
#: "(Italian for "robbed" time)", "(French: *pâte feuilletée*)", "(from Greek …)"
_LANGUAGE_NOTE = re.compile(r"(?:from\s+)?(?:the\s+)?[A-Z][a-z]+(?:\s+for\b|:|\s+[*_\"“])")
_BOLD_GLOSS = re.compile(
    r"^(?:\s+[\u2013\u2014]|:)\s+(?P<v>[^\u2013\u2014()]{5,200}?)(?=\s+[\u2013\u2014]\s|\s*\(|[.;]|$)"
)


def read_inline_glosses(block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "check your **HbA1c** — a blood test that shows …": a highlighted term glossed after a
    dash, inside a sentence (a glossary item's own key is read by :func:`.glossary.read_glossary`)."""
    for a, b in block.inline.emphasis:
        if not sent.start <= a < sent.end or (block.key is not None and a == block.key[0]):
            continue
        yield from _appositive_glosses(block, sent, a, b, hedged)
        quoted = _QUOTED_GLOSS.match(block.text[b : sent.end])
        if quoted is not None and (word := clean_name(block.text[a:b])) and len(word.split()) <= 4:
            # "the Javanese *gamel*, "to strike with a mallet"": a word and its translation
            yield lfact(
                block,
                sent,
                "translation.quoted",
                Name(word),
                LinguisticKind.DEFINITION,
                " or ".join(v.strip(" ,") for v in quoted.group("v", "w") if v),
                hedged,
            )
            continue
        named = _THE_QUOTED.match(block.text[b : sent.end])
        if named is not None and (name := clean_name(block.text[a:b])) and len(name.split()) <= 5:
            # "the **July Revolution** of 1830, the "Three Glorious Days"", "**Louis Philippe I**,
            # the "citizen king"": a name the thing went by, quoted after "the"
            yield lfact(
                block,
                sent,
                "alias.the_quoted",
                Name(name),
                LinguisticKind.ALIAS,
                named["v"],
                hedged,
            )
            continue
        # "famous for **rubato** (Italian for "robbed" time): a flexible tempo …": a bracket
        # between the term and its colon or dash is no part of the gloss
        skip = _BRACKET_AFTER.match(block.text[b : sent.end])
        if skip is not None and not (
            _LANGUAGE_NOTE.match(skip.group("in"))
            or initials_match(skip.group("in"), clean_name(block.text[a:b]))
        ):
            skip = None  # only a word's language or its spelt-out form stands there
        gap = skip.end() if skip is not None else 0
        m = _BOLD_GLOSS.match(block.text[b + gap : sent.end])
        if m is None:
            continue
        b += gap
        value = m.group("v").strip().rstrip(",")
        colon = block.text[b : b + 2].strip() == ":"
        if re.match(r"(?:is|are|was|were|has|have|his|her|their|its)\b", value):
            continue  # "**K8s** — is an …": the dash closed an aside, the sentence goes on
        if re.match(r"(?:such as|e\.g\.|for example|for instance|including|like)\s", value):
            continue  # "**metalloids** (…) — such as silicon": examples, no gloss
        # "**intellectual property (IP)** — legal rights …": the short form is no part of the term
        term = clean_name(re.sub(r"\s*\([^()]*\)$", "", block.text[a:b]))
        concept = term[:1].islower()  # "**modal jazz** — improvisation based on scales"
        # "**X** — legal rights over creations of the mind — but …": a gloss set off by a pair
        # of dashes, the sentence going on after it
        closed = re.match(r"\s+[\u2013\u2014]\s", block.text[b + m.end() : sent.end]) is not None
        # "*témoignage* — bearing witness, meaning it speaks out …": the gloss before its comment
        value = re.split(r",\s+(?:meaning|which|i\.e\.|that is)\s", value)[0]
        does = re.match(r"(?:it|they)\s+(?=[a-z]+s?\s)", value) if concept and colon else None
        if does is not None:
            # "acts as an **emulsifier**: it helps the oil and vinegar stay mixed": what it does
            value = value[does.end() :]
            if FUNCTIONAL.match(value) is None:
                continue
        if does is None and STATEMENT.match(value):
            continue  # "**TBI** — a blow or jolt makes the brain move …": a clause of its own
        glossed = (
            does is not None
            or re.match(r"(?:a|an|the)\s", value)
            or STRONG_MARK.search(value)
            # "a so-called **dual mandate**: maximum employment and stable prices"
            or (concept and (DEF_MARK.search(value) or len(value.split()) <= (8 if colon else 4)))
            or (concept and closed and not colon and len(value.split()) <= 12)
        )
        if (
            glossed
            and term
            and len(term.split()) <= 5
            and len(value.split()) >= (2 if concept else 3)
            and not re.match(r"\d", term)  # "**16 July 1969** — launched …", not "**HbA1c**"
            and not re.search(r"\b\d{4}\b", term)
        ):
            yield lfact(
                block, sent, "gloss.inline", Name(term), LinguisticKind.DEFINITION, value, hedged
            )


#: "*gamel*, "to strike with a mallet"", "*oktṓpous*, "eight-foot"", "(*Kanagawa-oki nami ura*,
#: literally "Under the Wave off Kanagawa")", "(*rāga*, from Sanskrit "colour" or "passion")": a
#: highlighted word, then its meaning in quotes (the word it comes from is its meaning too)
#: a quoted name after "the", right after a highlighted name (and its year)
_THE_QUOTED = re.compile(r"^[*_]*(?:\s+of\s+\d{3,4})?,\s+the\s+[\"“](?P<v>[^\"”,.]{3,40})[\"”]")
_QUOTED_GLOSS = re.compile(
    r"^[*_]*,\s+(?:(?:literally|meaning|lit\.)\s+|from\s+(?:the\s+)?[A-Z][\w\-]+\s+)?"
    r"[\"“‘](?P<v>[^\"”’]{3,80}?)[,.]?[\"”’](?:\s+or\s+[\"“‘](?P<w>[^\"”’]{3,40}?)[\"”’])?"
)


#: "the **federal funds rate**, the interest rate banks charge …": a genus after the term (its
#: first adjective may be one of two: "the **alap**, a slow, unmetered exploration of …")
_GENUS_AFTER = re.compile(
    r"^[*_]*,\s+(?P<v>(?:the|a|an)\s+(?:[a-z\-]+,\s+(?=[a-z]))?[^,;()\u2013\u2014]{3,150}?)\s*(?=[,;.]|$)"
)


#: "**zooxanthellae**, single-celled algae that live …": a genus without an article, with its
#: relative clause
_BARE_GENUS_AFTER = re.compile(
    r"^[*_]*,\s+(?P<v>(?!(?:which|who|that|and|or|but|so|then|as|if|when|while|during|in|on|at|by|"
    r"for|with|from|to|of|after|before|under|over|through|into|since|until)\b)[a-z][\w\-]*"
    r"(?:\s+[a-z][\w\-]*){0,2}\s+(?:that|which|who)\s+[^,;()\u2013\u2014]{3,120}?)\s*(?=[,;.]|$)"
)


#: "**arthropods** (invertebrates with a jointed exoskeleton)": a lower-case noun phrase in
#: brackets after a marked term (not a remark: "(or …)", "(e.g. …)", "(plural …)", a number)
#: a bracket gloss that is a question-word clause: "(how strongly …)", "(where your voice sits …)"
_WH_GLOSS = re.compile(r"(?:how|what|where|when|why|whether)\s")
_BRACKET_GLOSS = re.compile(
    r"^[*_]*\s*\((?!(?:or|also|aka|e\.g|i\.e|see|plural|singular|from|literally|meaning|sometimes|"
    r"often|usually|formerly|known|called|short|for|in|on|at|by|about|around|roughly|mainly|"
    r"mostly|especially|including|such|like|not|only|which|who|that|and|brand|trade|sold|"
    r"marketed)\b)"
    # (later words may be capitalised: "(a finely milled Italian flour)")
    r"(?P<v>[a-z][a-z\-]*(?:\s+[A-Za-z][\w\-']*){2,14})\)"
)


#: "… Earth's outer shell, the **lithosphere**, is …": the description before the term, after the
#: last clause boundary.  The term takes an article: an appositive that renames a description is a
#: noun phrase of its own ("a female solo singer, the **pesindhèn**"); a bare term after a comma is
#: the next member of a list or the subject after an opening phrase ("flour, sugar, **butter**,",
#: "In most kitchens, **mise en place**, …")
_DESCRIPTION_BEFORE = re.compile(r",\s+(?:the|an?)\s+[*_]*$")


_BOUNDARY = re.compile(
    r"\b(?:that|which|where|is|are|was|were|and|or|through|into|from|to|in|on|at|by|with|for|"
    r"as)\s+|[,;:(]\s*"
)


def _appositive_glosses(
    block: Block, sent: Sentence, a: int, b: int, hedged: bool
) -> Iterator[Fact]:
    """A highlighted lower-case term in apposition with what it means, on either side: "the
    **federal funds rate**, the interest rate banks charge each other", "Earth's outer shell, the
    **lithosphere**, is …".  Only for terms (a named person or place is described, not
    defined)."""
    term = clean_name(block.text[a:b])
    # a term opening the sentence is capitalised by its place ("**Viscosity**, a measure of …"):
    # a notion still when its genus is indefinite and names no maker ("an opera by Dvořák")
    opening = (
        not block.text[sent.start : a].strip(" *_")
        and re.fullmatch(r"[A-Z][a-z\-]+(?:\s+[a-z][\w\-]*){0,3}", term) is not None
    )
    if not term or not (term[:1].islower() or opening) or len(term.split()) > 4:
        return
    bracket = _BRACKET_GLOSS.match(block.text[b : sent.end])
    if (
        bracket is not None
        # a capitalised term opening the sentence may be a name its bracket describes; a bracket
        # that opens with a question word says what the term measures ("**Electronegativity**
        # (how strongly an atom pulls on shared electrons)")
        and (not opening or _WH_GLOSS.match(bracket.group("v")) is not None)
        and len(bracket.group("v").split()) >= 3
        and not POSITION.fullmatch(bracket.group("v").strip())  # "**metals** (left and centre)"
    ):
        # "both are **arthropods** (invertebrates with a jointed exoskeleton)": a marked term
        # glossed in brackets
        value = bracket.group("v").strip()
        where = re.fullmatch(
            r"(?P<n>[\w\-.]+)\s+(?:on|in)\s+(?:some|most|many|older|newer|other|certain)\s+.+",
            value,
        )
        if where is not None:
            # "the **cron daemon** (crond on some distributions)": the name it goes by there
            yield lfact(
                block, sent, "bracket.name_where", Name(term), LinguisticKind.ALIAS, where["n"]
            )
        else:
            yield lfact(block, sent, "bracket.marked", Name(term), LinguisticKind.DEFINITION, value)
    # "**koji**, a mould (*Aspergillus oryzae*) grown on rice": an aside in brackets is no part
    # of the gloss and does not end it
    rest = re.sub(r"\s*\([^()]*\)", "", block.text[b : sent.end])
    after = _GENUS_AFTER.match(rest)
    if after is None and not opening:
        # "**zooxanthellae**, single-celled algae that live inside …": a bare genus, defined by
        # its relative clause
        after = _BARE_GENUS_AFTER.match(rest)
    if (
        after is not None
        and opening
        and (
            not INDEFINITE_GENUS.match(after.group("v"))
            # "**Ada**, a programming language …": a genus of named things names one
            or INSTITUTION_HEAD.fullmatch(genus_head(after.group("v")))
        )
    ):
        after = None
    if (
        after is not None
        and not PERSON_HEAD.fullmatch(genus_head(after.group("v")))
        and not STATEMENT.match(after.group("v"))  # "the **dew point**, the vapour condenses …"
        # "**amylose** and **amylopectin**, the two starches in rice": the appositive is said of
        # the pair, not of the last term alone ("salt and **koji**, a mould …" is of koji)
        and not (
            re.search(r"\b(?:and|or)\s+[*_]*$", block.text[sent.start : a])
            and not re.match(r"an?\s", after.group("v"))
        )
    ):
        value = trim_gloss(after.group("v"))
        if len(value.split()) >= 3:
            yield lfact(
                block,
                sent,
                "appositive.after",
                Name(term),
                LinguisticKind.DEFINITION,
                value,
                hedged,
            )
    if not opening and block.text[b : b + 3].lstrip("*_").startswith(","):
        head = block.text[sent.start : a]
        cut = _DESCRIPTION_BEFORE.search(head)
        if cut is not None:
            phrase = clean_name(_BOUNDARY.split(head[: cut.start()])[-1])
            if 2 <= len(phrase.split()) <= 6:
                yield lfact(
                    block,
                    sent,
                    "appositive.before",
                    Name(term),
                    LinguisticKind.DEFINITION,
                    phrase,
                    hedged,
                )
