"""Definitions, in the sentence forms answers give them.

"X is a Y that/which/who …" (present or past: "The French Revolution was a period of …"), "X
means / refers to / is defined as …", "X, meaning …", "Y is called X", "X, which is a Y that …",
an appositive "the *Bombe*, an electromechanical machine used to …".  A definition is of a term: a
named person or work described by a participle ("a 1959 album by Miles Davis, recorded in …") is a
description, left to relations and the entity type, and "the book is …" (an anaphor) defines
nothing.  What a genus says is judged with the word classes of :mod:`.genus`; glossary items are
read by :mod:`.glossary`, a highlighted term glossed beside it ("**HbA1c** — a blood test that …")
by :mod:`.inline_glosses`.  The copula form ("X is a Y that …") lives in :mod:`.definition_copulas`
and the appositive forms ("X, a Y that …", "X, which is a Y", "**X**, the Y of …") in
:mod:`.definition_appositives` (split out in the twenty-fifth session); this module reads the
forms with a naming word ("means", "called", "synonym", "<language> for") and runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.definition_appositives import (
    emphasised_before,
    read_marked_appositive,
    read_named_appositives,
    read_relative_appositives,
)
from grapheme_distill.extractors.readers.definition_copulas import (
    TERM_NOUN,
    highlighted_term,
    read_copula,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.inline_glosses import read_inline_glosses
from grapheme_distill.extractors.readers.terms import (
    PRONOUNS,
    STANDS,
    lfact,
    pronoun_subject,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "OPENER",
    "TERM_NOUN",
    "described_by_name",
    "highlighted_term",
    "read_definitions",
]


#: an aside set off by dashes or brackets; a bracket glued to a word is part of it ("401(k)")
_ASIDE = re.compile(
    r"\s+[\u2013\u2014]\s+[^\u2013\u2014]{1,80}?\s+[\u2013\u2014]\s+|(?<![\w])\s*\([^()]*\)|\s+\([^()]*\)"
)
#: what :data:`_MEANING`'s scan needs somewhere in the clause: a cheap search first, so that the
#: scan (a lazy name tried at every offset) runs only on the few clauses that can match
_NEEDS_MEANING = re.compile(r",\s+(?:meaning|which means|i\.e\.)\s")
_CALLED_DEF = re.compile(
    r"^(?P<v>(?:the|a|an)\s+.{5,120}?)\s+(?:is|are)\s+(?:called|known as|termed)\s+"
    r"(?P<x>.{2,60})$",
    re.IGNORECASE,
)
_CALLED_BARE = re.compile(
    r"^(?P<v>[A-Z]?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){1,8}?)\s+(?:is|are)\s+"
    r"(?:(?:often|usually|commonly|sometimes|also)\s+)?called\s+"
    r"(?P<x>[*_]*[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?[*_]*)(?:\s+the\s+[a-z]+)?$"
)
_MEANS = re.compile(
    r"^(?P<x>.{1,60}?)\s*,?\s+(?:(?:simply|literally|just|basically|roughly|essentially)\s+)?"
    r"(?:means|refers to|(?:is|are)\s+(?:[a-z]+ly\s+)?defined as|denotes|is the term for|describes|"
    # "The word "odyssey" has since come to mean any long, eventful journey"
    r"(?:(?:has|have)\s+)?(?:(?:since|now|also)\s+)?(?:come|came)\s+to\s+mean|"
    r"is when|is what happens when|(?:is\s+)?translate[sd](?:\s+literally)?\s+(?:as|to))\s+"
    r"(?P<v>.{3,300})$"
)
#: "By X we mean …", "By X, economists mean …": what the writer or a field means by a term
_BY_MEAN = re.compile(
    r"^By\s+[*_\"“‘']*(?P<x>[^,*_\"”’']{2,40}?)[*_\"”’']*,?\s+(?:we|I|[a-z]+s)\s+"
    r"(?:[a-z]+ly\s+)?mean\s+(?P<v>.{3,300})$"
)
#: a "means" whose object is a clause ("that you should start early", "your money has more
#: time"): after "this" or an action ("Saving early means …") a claim, not what a term means
_CLAUSE_VALUE = re.compile(
    r"(?i)(?:that|if|you|we|they|he|she|it|i|your|our|their|his|its|my|there)\s"
)
_HAPPENS_WHEN = re.compile(
    r"^(?P<x>[^,;]{1,50}?)\s+(?:happens|occurs|sets in|develops)\s+when\s+(?P<v>.{5,200})$"
)
#: a word each match of :data:`_MEANS` holds (tested before the match, which tries every length
#: of the term)
_MEANS_WORDS = (
    "means",
    "to mean",
    "refers to",
    "defined as",
    "denotes",
    "the term for",
    "describes",
    "is when",
    "is what happens when",
    "translate",
)
#: "*Tsunami* is Japanese for "harbour wave"": a literal translation, a definition of the word
_LANGUAGE_FOR = re.compile(
    r"^(?P<x>.{1,40}?)\s+(?:is|means)\s+(?:the\s+)?[A-Z][a-z]+\s+(?:word\s+)?for\s+"
    r"[\"“‘']?(?P<v>[^\"”’']{2,60})"
    # "*Hygge* is a Danish word for …", "Karaoke is a Japanese word that means …", "X is an
    # old term meaning …": a word glossed by what it names
    r"|^(?P<x2>.{1,40}?)\s+(?:is|was)\s+(?:an?|the)\s+(?:[A-Za-z]+\s+){0,2}"
    r"(?:word|term|expression|phrase)\s+(?:for|that means|which means|meaning|that refers to)\s+"
    r"[\"“‘']?(?P<v2>[^\"”’'.;]{2,80})"
)
#: "The name is simply Arabic for "chickpeas"", "Its name comes from Hindi and probably means
#: "fragrant"": a literal meaning of the name of what the section or item is about
_NAME_GLOSS = re.compile(
    r"^(?:The|Its)\s+name\s+(?:[*_\"“]*(?P<t>[A-Z][^*_\"”]{1,40}?)[*_\"”]*\s+)?(?:is|comes|derives)\s+(?:[a-z]+ly\s+)?(?:from\s+)?(?:the\s+)?"
    r"(?:[A-Z][a-z]+\s+(?:word\s+)?for|[A-Z][a-z]+\s+and\s+(?:[a-z]+ly\s+)?means)\s+"
    r"[\"“‘]+(?P<v>[^\"”’]{2,60})[\"”’]"
)
#: a sentence's opening adverbial, which is not its subject ("In economics, inflation is …")
OPENER = re.compile(
    r"^(?:(?:In|Within|For|At)\s+(?:[\w'’\-]+\s+){0,2}[\w'’\-]+|Simply put|Put simply|"
    r"Basically|Essentially|In short|In general|Broadly speaking|Technically|Formally|Informally|"
    r"Generally|Strictly speaking|However|Overall|Moreover|Furthermore|Indeed|Ultimately|Thus|"
    r"Therefore|Today|Nowadays|Historically|Traditionally|Originally|[A-Z][a-z]+ly),\s+"
)
_MEANING = re.compile(
    r"(?P<x>[*_]?[\w'’\-]+(?:\s+[\w'’\-]+){0,3}[*_]?)\s*,\s+(?:meaning|which means|i\.e\.)\s+"
    r"[\"“]?(?P<v>[^,;.\"”]{3,120})"
)


_SYNONYM = re.compile(
    r"^(?P<t>[^,;()]{1,60}?)\s+(?:is|are)\s+(?:a\s+|another\s+)?(?:synonym|synonymous)s?\s+(?:of|with|for|to)\s+"
    r"(?P<v>[^,;()]{1,60})$"
    r"|^(?P<t2>[^,;()]{1,60}?)\s+and\s+(?P<v2>[^,;()]{1,60}?)\s+are\s+synonyms$",
    re.IGNORECASE,
)


#: "a twisted ladder called the **double helix**", "the water buses known as vaporetti",
#: "Errors in meiosis, called nondisjunction, …": a description, then the lower-case term it is
#: called by (a name, "known as the Fab Four", is an alias)
_CALLED_AFTER = re.compile(
    r"(?:^|,\s+|\b(?:including|of|with|into|by|from|to|in|on|like|forms?|makes?|uses?)\s+)"
    r"(?P<v>(?:(?:a|an|the)\s+)?[A-Za-z][a-z\-]*(?:\s+[a-z][\w\-]*){1,4}?),?\s+"
    r"(?:(?:also|often|commonly|usually|sometimes|simply)\s+)?(?:called|known as|termed)\s+"
    r"(?:the\s+)?[*_\"“]*(?P<x>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)[*_\"”]*"
    r"(?=[,;.)]|\s+(?:and|or|but|is|are|was|were|can|which|that|in|by|for)\b|$)"
)
_NOT_DESCRIPTION = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|it|its|this|these|that|those|they|he|she|we|you|"
    r"sometimes|often|also|commonly|usually|now|then|which|who|what|one|ones|people)\b"
)


_ADVERB = re.compile(r"[a-z]+ly|still|also|often|now|then|once|sometimes|even|just|simply|later")


def described_by_name(text: str) -> list[tuple[str, str]]:
    """``(term, description)`` for each "<description> called <term>" in a clause: the term is
    a lower-case notion and the description names a kind of thing in two content words or more
    ("the policy known as *sakoku*" says too little to be a definition)."""
    out = []
    for m in _CALLED_AFTER.finditer(text):
        v, x = m.group("v").strip(), clean_name(m.group("x"))
        content = [w for w in v.split() if w.lower() not in ("a", "an", "the", "of", "in", "on")]
        if (
            x
            and len(content) >= 2
            and not _NOT_DESCRIPTION.search(v)
            and x.lower() not in v.lower()
            # "(…, still widely called a sick note)": adverbs, no description before the name
            and not _ADVERB.fullmatch(content[-1].lower())
        ):
            out.append((x, v))
    return out


def read_definitions(
    ctx: ReadContext, block: Block, sent: Sentence, hedged: bool
) -> Iterator[Fact]:
    """Definitions in one sentence, clause by clause ("…; a "golden duck" means out first ball")."""
    yield from read_inline_glosses(block, sent, hedged)
    for clause in re.split(r";\s+", sent.text.rstrip(".!")):
        yield from _clause(ctx, block, sent, clause.strip(), hedged)
    if ", " in sent.text:
        yield from read_marked_appositive(ctx, block, sent, hedged)


def _clause(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    syn = _SYNONYM.match(text) if may_contain(text, ("synonym",)) else None
    if syn is not None:
        term, value = (
            (syn.group("t"), syn.group("v"))
            if syn.group("t")
            else (syn.group("t2"), syn.group("v2"))
        )
        # "Income tax is a synonym of "tax" or "taxation"", "Linux is a synonym of GNU/Linux or
        # Linux": each word of the list is a synonym, the term itself none
        for one in re.split(r"\s*,\s*(?:or\s+)?|\s+or\s+", value):
            one = clean_name(one.strip(" \"'“”‘’"))
            if one and clean_name(term).lower() != one.lower():
                yield lfact(
                    block,
                    sent,
                    "synonym",
                    Name(clean_name(term)),
                    LinguisticKind.SYNONYM,
                    one,
                    hedged,
                )
        return
    text = OPENER.sub("", text)
    lang = _LANGUAGE_FOR.match(text) if may_contain(text, ("for", "mean", "refers")) else None
    if lang is not None:
        x = re.sub(r"\s*\([^)]*\)", "", lang.group("x") or lang.group("x2"))  # "(pronounced …)"
        term = clean_name(TERM_NOUN.sub("", x))
        if term and len(term.split()) <= 4 and term.lower() not in PRONOUNS:
            value = (lang.group("v") or lang.group("v2")).strip().rstrip(",")
            yield lfact(
                block, sent, "translation", Name(term), LinguisticKind.DEFINITION, value, hedged
            )
            return
    named = _NAME_GLOSS.match(text) if text.startswith(("The name", "Its name")) else None
    if named is not None:
        # "The name is simply Arabic for "chickpeas"", "The name is from the Greek for "change of
        # form"", "The name comes from Hindi and probably means "fragrant"": what the name of the
        # item's term (a glossary key) or of the section's subject means
        key = clean_name(re.sub(r"\s*\([^)]*\)", "", block.key_text())) if block.key else ""
        subject = Name(key) if key else pronoun_subject(ctx, block)
        if named.group("t"):  # "The name *Himalaya* comes from Sanskrit and means …"
            subject = Name(clean_name(named.group("t")))
        if subject is not None and subject.text.lower() not in PRONOUNS:
            value = named.group("v").strip()
            yield lfact(
                block, sent, "translation.name", subject, LinguisticKind.DEFINITION, value, hedged
            )
        return
    when = _HAPPENS_WHEN.match(text) if "when" in text else None
    if when is not None and highlighted_term(block, sent, clean_name(when.group("x"))):
        # "**Burnout** happens when long stress …": what the term names, as a condition
        yield lfact(
            block,
            sent,
            "happens_when",
            Name(clean_name(when.group("x"))),
            LinguisticKind.DEFINITION,
            when.group("v").strip(),
            hedged,
        )
        return
    if text.startswith("By ") and (by := _BY_MEAN.match(text)) is not None:
        # "By *carrying capacity* we mean …", "By entropy, physicists mean …"
        yield lfact(
            block,
            sent,
            "means.by",
            Name(clean_name(by.group("x"))),
            LinguisticKind.DEFINITION,
            by.group("v").strip().rstrip("."),
            hedged,
        )
        return
    m = _MEANS.match(text) if any(w in text for w in _MEANS_WORDS) else None
    if m is not None and re.search(r"(?:,|\bwhich|\bthat|\bwho)$", m.group("x").strip()):
        m = None  # "Umami, which means …": the relative clause's gloss, read below
    if m is not None and not STANDS.match(text):
        term = re.sub(r"\s*\([^)]*\)", "", m.group("x"))  # "The cat family (Felidae)"
        term = clean_name(TERM_NOUN.sub("", clean_name(term)))
        value = m.group("v").strip()
        if value[:1] in '"“':  # *latte* simply means "milk" in Italian
            value = re.split(r"[\"”]", value[1:])[0]
        if _CLAUSE_VALUE.match(value) and (
            re.fullmatch(r"(?i)this|that", term) or re.match(r"[A-Za-z]+ing\s+\w", term)
        ):
            name = None  # "This means that you …", "Saving early means your money …": a claim
        elif term.lower() in PRONOUNS:
            name = pronoun_subject(ctx, block)
        elif re.match(r"(?i)(?:[A-Z][a-z]+|scientific|common|local|full|official)\s+name$", term):
            # "the French name literally means "sugared pastry"", "The scientific name means …":
            # what the name of the item's term (its key) or of the section's subject means
            key = clean_name(re.sub(r"\s*\([^)]*\)", "", block.key_text())) if block.key else ""
            name = Name(key) if key else pronoun_subject(ctx, block)
        elif re.match(
            r"(?i)(?:more|less|fewer|lower|higher|larger|smaller|bigger|longer|shorter)\s", term
        ):
            name = None  # "more amylose means fluffy grains": a consequence, no term's meaning
        elif (
            re.search(r"[,:]", term)
            or re.match(r"(?i)(?:what|how|why|when|where|who)\b", term)
            # "The name refers to …": where a name comes from, no gloss of a term
            or re.fullmatch(r"(?i)(?:the\s+)?(?:name|term|word|acronym|abbreviation|phrase)", term)
        ):
            name = None  # "Mammals: Cats are mammals, which means …", "What it means in practice"
        else:
            name = Name(term) if term and len(term.split()) <= 6 else None
        if name is not None and value:
            yield lfact(block, sent, "means", name, LinguisticKind.DEFINITION, value, hedged)
        return
    for mm in _MEANING.finditer(text) if _NEEDS_MEANING.search(text) else ():
        term = emphasised_before(block, sent, sent.text.find(mm.group(0)) + len(mm.group("x")))
        if term is None and len(mm.group("x").split()) == 1:
            term = clean_name(mm.group("x"))
        elif term is None and re.search(r"[\"“]\s*$", text[: mm.start("v")]):
            # "Edo, which was renamed Tokyo, meaning "eastern capital"": a quoted meaning of the
            # name the clause gives last
            given = re.search(
                r"\b(?:renamed|called|named|name|word|term|as)\s+"
                r"(?P<n>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})$",
                mm.group("x"),
            )
            term = clean_name(given.group("n")) if given is not None else None
        if term:
            yield lfact(
                block,
                sent,
                "meaning",
                Name(term),
                LinguisticKind.DEFINITION,
                mm.group("v").strip(),
                hedged,
            )
    for x, v in (
        described_by_name(text) if may_contain(text, ("called", "known as", "termed")) else ()
    ):
        at = sent.start + sent.text.find(text) + text.find(x, text.find(v) + len(v))
        marked = [block.text[a:b] for a, b in block.inline.emphasis if a == at and b < at + len(x)]
        if marked:  # "raised garden plots called **chinampas** fed it": the term is what is marked
            x = clean_name(marked[0])
        yield lfact(block, sent, "called.after", Name(x), LinguisticKind.DEFINITION, v, hedged)
    called = _CALLED_DEF.match(text)
    if called is None and " called " in text:
        described = _CALLED_BARE.match(text)
        if (
            described is not None
            and highlighted_term(block, sent, clean_name(described.group("x")))
            and not _NOT_DESCRIPTION.search(described.group("v"))
        ):
            # "Molten rock underground is called **magma**", "Growing these bacteria before adding
            # fish is called **cycling**": a description without an article, then the
            # highlighted term it is called
            called = described
    if called is not None:
        term = clean_name(called.group("x"))
        # "The process is called osmosis": the anaphor names nothing the answer can match
        anaphor = re.fullmatch(r"(?i)(?:the|this|that|these|those|such)\s+[\w\-]+", called["v"])
        if term and len(term.split()) <= 5 and anaphor is None:
            yield lfact(
                block,
                sent,
                "called.definition",
                Name(term),
                LinguisticKind.DEFINITION,
                called.group("v").strip(),
                hedged,
            )
        return
    yield from read_named_appositives(ctx, block, sent, text, hedged)
    aside = "(" in text or "\u2013" in text or "\u2014" in text
    plain = (_ASIDE.sub(" ", text) if aside else text).strip()
    yield from read_relative_appositives(ctx, block, sent, plain, hedged)
    yield from read_copula(ctx, block, sent, plain, hedged)
