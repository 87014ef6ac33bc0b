"""Definitions in apposition: a term set off by a comma and glossed by its genus with a
difference ("the **Bosphorus**, the strait that joins …", "Photosynthesis, the process by which
…", "A limerick, a comic poem of five lines, …", "the *Bombe*, an electromechanical machine used
to …", "diabetes, which is a condition …").  Cut out of :mod:`.definitions` (issue 11,
twenty-fifth session): these forms share the question of which word before the comma is the term
(a highlighted one, a notion opening the sentence, the name ending the clause) and leave a named
thing's label to its entity type (the annotation conventions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import (
    INDEFINITE_GENUS,
    PERSON_HEAD,
    RANKED,
    STATEMENT,
    VERDICT_HEAD,
    genus_head,
    proper_name,
    trim_gloss,
)
from grapheme_distill.extractors.readers.terms import (
    lfact,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "emphasised_before",
    "read_marked_appositive",
    "read_named_appositives",
    "read_relative_appositives",
]

_RELATIVE_DEF = re.compile(
    r"(?P<x>[^,;]{1,80}?),\s+which\s+(?:is|was|are|were)\s+(?P<v>(?:a|an)\s+[^;]{5,200})$"
)
_APPOSITIVE = re.compile(
    r"(?P<x>[^,;]{1,80}?),\s+(?P<v>(?:a|an)\s+[^,;()]{3,120}?\b(?:that|which|who|used to|used for|"
    r"designed to|designed for|responsible for)\b[^,;()]{3,150})"
)
#: what each of the scans above needs somewhere in the clause: a cheap search first, so that the
#: scans (a lazy name tried at every offset) run only on the few clauses that can match
_NEEDS = {
    "relative": re.compile(r",\s+which\s+(?:is|was|are|were)\s+an?\s"),
    "appositive": re.compile(r",\s+an?\s"),
}


#: a genus set off by a comma right after a highlighted term: "the **Bosphorus**, the strait that
#: joins …", "the first **isotherms**, lines joining places of …"
_AFTER_MARKED = re.compile(
    r"^[*_`]*,\s+(?P<v>(?:(?:the|a|an)\s+(?!(?:[A-Z]|\d|one\b|two\b|three\b))|"
    r"[a-z]+s\s+(?=[a-z]+ing\s|of\s|that\s|which\s))[^,;()\u2013\u2014]{3,150})"
)
#: what makes the phrase after the comma a genus with its difference, not a label
_GENUS_DIFF = re.compile(
    r"\b(?:that|which|who|whose|where|of|for|used|meant|made|joining|linking|connecting|"
    r"between)\b|\b[a-z]{3,}(?:ed|ing)\s+(?:by|from|with|in|on|to|for|as|at|into|up|out|over)\b"
)


#: a lower-case notion after its article or verb, then a genus with its difference in apposition:
#: "It starts as interstitial fluid, the fluid that bathes the cells", "the tubenoses, the order
#: of albatrosses and petrels", "a civic militia company, the kind of volunteer guard that …"
_PLAIN_APPOSITIVE = re.compile(
    r"\b(?:a|an|the|as|be|is|are|was|were|into|from|called)\s+"
    r"(?P<x>[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,2}),\s+"
    r"(?P<v>the\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*\s+(?:that|which|who|whose|where|of|by which|"
    r"in which)\s[^,;()\u2013\u2014]{3,150})"
)


def read_marked_appositive(
    ctx: ReadContext, block: Block, sent: Sentence, hedged: bool
) -> Iterator[Fact]:
    """ "It straddles the **Bosphorus**, the strait that joins the Black Sea to …", "he drew
    the first **isotherms**, lines joining places of equal temperature": a highlighted term the
    answer introduces, glossed by a genus and its difference right after it; or a lower-case
    notion, unmarked, glossed by "the <genus> that/of …" ("the tubenoses, the order of …").  A
    named thing described this way is left to its entity type, as the other appositives leave it
    (gold: "Lyon, the city where …" is no definition); each reading was right on the development
    answers (5 of 5), where the named ones were wrong 13 times in 18."""
    spans = [
        (clean_name(block.text[a:b]), m)
        for a, b in block.inline.emphasis
        if sent.start <= a < sent.end and (m := _AFTER_MARKED.match(block.text[b : sent.end]))
    ]
    marked = {t.lower() for t, _ in spans}
    spans += [
        (clean_name(m.group("x")), m)
        for m in _PLAIN_APPOSITIVE.finditer(sent.text)
        if clean_name(m.group("x")).lower() not in marked
        # "the beta cells in the pancreas, the cells that …": the genus is the head noun's
        and not re.search(
            r"\b(?:in|on|at|of|for|with|by|from)\s+the\s+$", sent.text[: m.start("x")]
        )
        # "a real sunset, the ash of …, or …", "a set of notes, the order in which …, phrases,
        # and a mood": items of a list, no gloss
        and not re.match(
            r"[^,;]*,\s+(?:or\s|[^,;]{1,40},\s+(?:and|or)\s)", sent.text[m.start("v") :]
        )
    ]
    for term, m in spans:
        value = trim_gloss(m.group("v")).rstrip(" .")
        head = genus_head(value)
        if (
            not term
            or len(term.split()) > 4
            or proper_name(ctx, term)
            or STATEMENT.match(value)
            or len(value.split()) < 3
            or not _GENUS_DIFF.search(value)
            or PERSON_HEAD.fullmatch(head)
            or VERDICT_HEAD.fullmatch(head)
            or RANKED.match(value)
            or re.match(
                r"(?:a|an|another)\s+(?:synonym|abbreviation|acronym|nickname|name|term|word)\b",
                value,
            )
        ):
            continue
        yield lfact(
            block, sent, "appositive.marked", Name(term), LinguisticKind.DEFINITION, value, hedged
        )


#: "A limerick, a comic poem of five lines, usually ends …": a generic term in apposition with
#: its genus, the sentence going on after it
_GENERIC_APPOSITIVE = re.compile(
    r"^(?:(?:A|An)\s+(?P<x>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})|"
    # "Deep learning, a subset of ML, uses …", "Tachycardia, a fast heart rate, …": a capitalised
    # word opening the sentence, matched only to be set aside (read_named_appositives)
    r"(?P<bare>[A-Z][a-z\-]+(?:\s+[a-z][\w\-]*){0,2})),\s+"
    r"(?P<v>an?\s+[^,;()\u2013\u2014]{3,120}?),\s+(?:[a-z]+ly\s+)?[a-z]+"
)
#: "Photosynthesis, the process by which …": one word (opening the sentence or lower case) in
#: apposition with a genus only notions take
_NOTION_APPOSITIVE = re.compile(
    r"(?:^(?P<x1>[A-Z][a-z\-]+)|(?<=\s)(?P<x2>[a-z][a-z\-]{3,})),\s+(?P<v>the\s+(?:[a-z][\w\-]*\s+){0,2}"
    r"(?:study|science|art|practice|process|act|ability|measure|rate|branch|field|method|"
    r"technique|movement|transfer|conversion|breakdown|spread|loss|release|exchange)\s+"
    r"(?:of|in which|at which|by which|where|that|which|used)\b[^,;()\u2013\u2014]{3,120})"
)


def emphasised_before(block: Block, sent: Sentence, pos: int) -> str | None:
    """The highlighted term ending right before ``pos`` (sentence offset)."""
    end = sent.start + pos
    for a, b in block.inline.emphasis:
        if end - 2 <= b <= end and block.text[b:end].strip(" ,*_") == "":
            return clean_name(block.text[a:b])
    return None


def _word_before(text: str) -> str | None:
    """The name ending a clause: its capitalised run ("the Reign of Terror") or its last noun
    ("made with a starter")."""
    run = re.search(r"((?:[A-Z][\w'’\-]*)(?:\s+(?:[A-Z][\w'’\-]*|of|the|de|and))*)$", text)
    if run is not None and not re.match(r"(?:The|A|An|It|This)$", run.group(1)):
        return clean_name(run.group(1))
    last = re.search(r"\b(?:a|an|the|treat|of|with|called|and|as)\s+([a-z][\w\-]{3,})$", text)
    return last.group(1) if last is not None else None


def read_named_appositives(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """A notion in apposition with a genus only notions take ("Photosynthesis, the process by
    which …"), and a generic term with its indefinite genus ("A limerick, a comic poem …")."""
    notion = _NOTION_APPOSITIVE.search(text) if ", the " in text else None
    if notion is not None:
        # "Photosynthesis, the process by which plants …, happens …", "rely on osmosis, the
        # movement of water …": a notion in apposition with a genus of notions
        value = trim_gloss(notion.group("v"))
        if len(value.split()) >= 3:
            yield lfact(
                block,
                sent,
                "appositive.notion",
                Name(clean_name(notion.group("x1") or notion.group("x2"))),
                LinguisticKind.DEFINITION,
                value,
                hedged,
            )
    generic = _GENERIC_APPOSITIVE.match(text)
    if generic is not None and re.match(
        r"(?:Its|His|Her|Their|Our|My|Your|This|That|These|Those)\s", generic.group("bare") or ""
    ):
        generic = None  # "Its shape, a twisted ladder …": an anaphor's part, no term
    if generic is not None and generic.group("bare"):
        # "Tachycardia, a fast heart rate, …", "Kyoto, a city of temples, …", "Machine
        # translation, a branch of …": a capitalised term opening the sentence, with a genus and
        # no relative clause, is as often a name described (a place, a product, a breed) as a
        # notion defined, and its capital hides which; only the article-led generic term ("A
        # limerick, a comic poem …") is a class of things.  The bare form read 0 of 4 right on
        # the gates val11-35 (none on devtrain).  The same opening with a relative clause ("…,
        # a heart rate that is too fast, …") is read by :func:`read_relative_appositives`, not
        # here
        generic = None
    if generic is not None and INDEFINITE_GENUS.match(generic.group("v")):
        value = trim_gloss(generic.group("v"))
        if len(value.split()) >= 3 and not PERSON_HEAD.fullmatch(genus_head(value)):
            yield lfact(
                block,
                sent,
                "appositive.generic",
                Name(generic.group("x") or generic.group("bare")),
                LinguisticKind.DEFINITION,
                value,
                hedged,
            )


def read_relative_appositives(
    ctx: ReadContext, block: Block, sent: Sentence, plain: str, hedged: bool
) -> Iterator[Fact]:
    """ "X, which is a Y …" and "X, a Y that/used to …" in a clause (its asides taken out)."""
    for pattern, construction, needs in (
        (_RELATIVE_DEF, "which.definition", _NEEDS["relative"]),
        (_APPOSITIVE, "appositive", _NEEDS["appositive"]),
    ):
        for r in pattern.finditer(plain) if needs.search(plain) else ():
            term = emphasised_before(block, sent, sent.text.find(r.group("x")) + len(r.group("x")))
            if term is None and construction == "which.definition":
                term = _word_before(r.group("x"))  # "to treat diabetes, which is a condition …"
            if (
                term is None
                and r.start("x") == 0
                and re.fullmatch(r"[A-Z][a-z\-]+(?:\s+[a-z][\w\-]*){0,2}", r.group("x"))
            ):
                term = r.group("x")  # "Scurvy, a disease that follows …, once killed …"
            if term is None or PERSON_HEAD.fullmatch(genus_head(r.group("v"))):
                continue
            if construction == "appositive" and " " in term and proper_name(ctx, term):
                # "the *Analytical Engine*, a mechanical computer that …", "*ABBA Voyage*, a
                # concert residency in which …": a named thing's label is its entity type (the
                # annotation conventions), no definition
                continue
            value = trim_gloss(r.group("v"))
            if len(value.split()) >= 3:
                yield lfact(
                    block, sent, construction, Name(term), LinguisticKind.DEFINITION, value, hedged
                )
