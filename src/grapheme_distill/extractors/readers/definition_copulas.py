"""Copula definitions: "X is/was a Y that …" ("The French Revolution was a period of …",
"**Simple interest** is interest paid on …", "Monsoons are seasonal winds caused by …").  Cut out
of :mod:`.definitions` (issue 11, twenty-fifth session): this form decides most by the subject
(a term the answer introduces, not a named person or work, not an anaphor) and by the genus
(:mod:`.genus`), so its rules live together; the other sentence forms stay in
:mod:`.definitions`, the appositive ones in :mod:`.definition_appositives`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import (
    DEF_MARK,
    EVENT_HEAD,
    INSTITUTION_HEAD,
    NOTION_GENUS,
    PERSON_HEAD,
    RANKED,
    ROLE_SUBJECT,
    STRONG_MARK,
    VERDICT_HEAD,
    genus_head,
    proper_name,
    trim_gloss,
)
from grapheme_distill.extractors.readers.paragraph_names import opening_name
from grapheme_distill.extractors.readers.terms import (
    PRONOUNS,
    lfact,
    pronoun_subject,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["TERM_NOUN", "highlighted_term", "introduced", "read_copula"]

#: "The term *umami* …", "the word karaoke …": the term is what follows the naming noun
TERM_NOUN = re.compile(
    r"(?i)^(?:the\s+)?(?:term|word|phrase|expression|name|acronym|abbreviation|concept of)\s+"
)

#: what follows a genus without an article when it defines: "interest *paid* on …", "seasonal
#: winds *caused by* …", "structures *that* assemble …"
_BARE_MARK = (
    r"(?:that|which|who|whose|where|[a-z]+ed\s+(?:by|from|with|in|on|to|for|as|at|into|only)|"
    r"(?:paid|made|built|held|kept|given|taken|found|written|grown|sold|worn|spoken|used|known|"
    r"formed|caused|produced)\s+(?:by|from|with|in|on|to|for|as|at|into|only|when))"
)
_COPULA_DEF = re.compile(
    r"^(?P<x>.{1,70}?)(?:\s+(?:is|are|was|were)|['’]s)\s+(?:\w+ly\s+)?"
    r"(?P<v>(?:a|an|the)\s+.+|[a-z]+s\s+(?:that|which|who|used|with|without)\b.+|"
    r"(?P<bare>(?!(?:\w+ly|\w+ed|\w+ing|not|no|also|still|now|only|very|more|most|less)\b)"
    r"[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})\s+" + _BARE_MARK + r"\b.+)$"
)


#: a capitalised word of a name ("Royal", "Society"; not "of", "the", nor a numeral or an
#: acronym: "Photosystem II" is one word and a number)
_CAPITALISED = re.compile(r"(?<![\w'’\-])[A-Z][a-z][\w'’\-]*")

#: an adverbial or an etymology set off by commas right after the subject, before its copula
_SUBJECT_ASIDE = re.compile(
    r"^(?P<s>[^,;]{1,60}),\s+(?:by contrast|in contrast|for example|for instance|however|meanwhile|"
    r"on the other hand|in turn|in short|in other words|in general|in practice|in fact|then|too|"
    r"also|therefore|thus|likewise|similarly|[a-z]{3,}ly|(?:from|after)\s+the\s+[A-Z][^,;]{2,60}),"
    r"(?=\s+(?:is|are|was|were)\s)"
)


def read_copula(
    ctx: ReadContext, block: Block, sent: Sentence, plain: str, hedged: bool
) -> Iterator[Fact]:
    """The copula definition of a clause (its asides in dashes or brackets taken out)."""
    # "Deflation, by contrast, is …", "Kubernetes, from the Greek for "helmsman", is …": an
    # aside between the subject and its copula is no part of the subject
    plain = _SUBJECT_ASIDE.sub(r"\g<s>", plain, count=1)
    c = _COPULA_DEF.match(plain)
    if c is not None:
        yield from _copula(
            ctx, block, sent, c.group("x"), c.group("v"), hedged, bare=c.group("bare") is not None
        )


def highlighted_term(block: Block, sent: Sentence, term: str) -> bool:
    """The answer highlights ``term`` (bold or italic) in this sentence: it introduces the term
    ("The **phloem** is …"), so "the" before it is no anaphor."""
    low = term.lower()
    return bool(low) and any(
        sent.start <= a < sent.end and clean_name(block.text[a:b]).lower() == low
        for a, b in block.inline.emphasis
    )


def _copula(
    ctx: ReadContext,
    block: Block,
    sent: Sentence,
    x: str,
    value: str,
    hedged: bool,
    *,
    bare: bool = False,
) -> Iterator[Fact]:
    """ "X is/was a Y that …": a definition of a term, not a description of a named person or
    work ("a 1959 album by Miles Davis, recorded in …"), nor of an anaphor ("the book").  A genus
    without an article ("**Simple interest** is interest paid on …", "Monsoons are seasonal
    winds caused by …") defines a highlighted term or a bare plural by a plural genus only."""
    raw = TERM_NOUN.sub("", re.sub(r"\s+\([^)]*\)?", "", x).strip())  # "401(k)" keeps its own
    raw = re.split(r",\s+or\s+", raw)[0]  # "An ETF, or exchange-traded fund, is …"
    subject = clean_name(raw)
    head = genus_head(value)
    generic = re.match(r"(?i)an?\s", raw) is not None  # "A Roth IRA is …": a class of things
    # "Vertebrates are animals with a backbone": a bare plural by a bare plural genus is a class
    generic = generic or (
        re.fullmatch(r"[A-Za-z][a-z\-]*s", raw) is not None
        and re.match(r"[a-z]+s\s", value) is not None
    )
    highlighted = highlighted_term(block, sent, subject)
    if bare:
        plural = (
            re.fullmatch(r"[A-Za-z][a-z\-]*s", raw) is not None
            and re.fullmatch(r"[a-z][\w\-]*s", head) is not None
        )
        if not (highlighted or plural):
            return
        generic = True
    if (
        not subject
        or len(subject.split()) > 6
        # "While happiness is a subjective experience, …": a subordinate clause, not a definition
        or re.match(r"(?:While|Although|Though|Whereas|Because|If|When|Since|As|Unless)\b", raw)
        or re.search(r"['’]s\b|\band\b", subject)  # "the sport's governing body", "A and B"
        or re.match(r"(?i)(?:another|being|one|each|every|such)\b", subject)
    ):
        return
    # "… is the International Cricket Council": a name, not a definition; "… is the European
    # Organization for Nuclear Research, the world's largest laboratory": the appositive defines
    named_value = re.fullmatch(
        r"the\s+[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|for))*(?:,\s*(?P<a>.*))?", value
    )
    if named_value is not None:
        appositive = named_value.group("a") or ""
        if not re.match(r"(?:a|an|the)\s+[a-z]", appositive):
            return
        value = appositive
        head = genus_head(value)
    if re.match(
        r"(?:a|an|another)\s+(?:synonym|abbreviation|acronym|nickname|name|term|word)\b", value
    ):
        return  # "X is a synonym of Y": the alias readers' business, not a genus
    if VERDICT_HEAD.fullmatch(head) or ROLE_SUBJECT.fullmatch(subject.lower()):
        # "Python is a great choice for …", "The best option is a fixed-rate loan that …": a
        # judgement or a role filled, not what the term means
        return
    # "inflation is a general rise in prices": a lower-case notion with an indefinite genus is
    # defined by it, marker or not
    notion = (
        # ("**Pastry** is a dough of …": a highlighted word capitalised by its place, written in
        # lower case elsewhere, is a notion too)
        (subject.islower() or (highlighted and not proper_name(ctx, subject)))
        and len(subject.split()) <= 3
        and not re.search(r"\b(?:of|in|on|at|for|with|from|by)\b", subject)  # a description
        and (
            re.match(r"an?\s", value) is not None
            # "**erosion** is the carrying away of the pieces", "**cron** is the time-based job
            # scheduler built into …": a highlighted notion the answer introduces is defined by a
            # definite genus too
            or (highlighted and subject.islower() and re.match(r"the\s", value) is not None)
        )
    )
    notion_genus = NOTION_GENUS.match(value) is not None
    # "**Periods** are the seven horizontal rows": a highlighted plural term named as the
    # members of a counted set (a capital opening the sentence makes no name of it)
    counted = (
        highlighted
        and re.fullmatch(r"[A-Za-z][a-z\-]*s", raw.strip(" *_")) is not None
        and re.match(
            r"the\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
            r"(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s\b",
            value,
        )
        is not None
    )
    marked = (
        notion_genus
        or DEF_MARK.search(value)
        or EVENT_HEAD.fullmatch(head)
        or INSTITUTION_HEAD.fullmatch(head)
        or ((generic or notion) and len(value.split()) >= 4)
        or counted
    )
    if not marked:
        return
    person = bool(PERSON_HEAD.fullmatch(head))
    named_by_paragraph = False
    if subject.lower() in PRONOUNS or re.fullmatch(r"(?i)it", subject):
        name = pronoun_subject(ctx, block)
        if re.fullmatch(r"(?i)it|they", subject) and (opened := opening_name(block)) is not None:
            # "**Photosystem II** sits in the thylakoid membrane. It is a protein complex that
            # …": the pronoun is the name its paragraph opened with, not the answer's topic
            name, named_by_paragraph = opened, True
        if name is not None and name.text.lower() in PRONOUNS:
            return  # "This is a common mistake …" opening the answer: the topic is the pronoun
        if person or (
            name is not None
            and proper_name(ctx, name.text)
            and not notion_genus
            and not EVENT_HEAD.fullmatch(head)
            and not STRONG_MARK.search(value)
        ):
            return  # "It's the best-selling jazz album of all time": a named work described
    elif re.search(
        r"\b(?:there|here|which|what|one|some|many|most|this|these|that)\b", subject.lower()
    ):
        return
    elif re.match(r"(?i)the\s+[a-z]+$", raw) and subject.islower() and not highlighted:
        return  # "The book is the best-known example …": an anaphor, not a term
    else:
        name = Name(subject)
        named = (
            proper_name(ctx, subject)
            and not counted
            and not generic
            and not notion_genus
            and not EVENT_HEAD.fullmatch(head)
            and not INSTITUTION_HEAD.fullmatch(head)
        )
        if person or (named and not STRONG_MARK.search(value)):
            return
    first = next((b for b in ctx.doc.blocks if b.role != "heading"), None)
    opening = first is block and not block.text[: sent.start].strip()  # the answer's first words
    if name is None or not (
        highlighted or opening or named_by_paragraph or introduced(ctx, block, name.text)
    ):
        # "Metformin is the first medicine prescribed for …" in an answer about diabetes: a
        # description of a thing met on the way; a definition is of a term the answer introduces
        # (highlights, opens with, is asked about, or heads a section with)
        return
    if len(_CAPITALISED.findall(name.text)) >= 2 and not introduced(ctx, block, name.text):
        # "The **Royal Society** is a learned society that …" in an answer about Newton: a name
        # of two or more capitalised words is a named thing, and one the answer does not
        # introduce (no topic, no question, no section's head) is described on the way, even
        # when highlighted or opening the answer; the gold leaves "X is a Y" about named things
        # to the entity type (/work/shared/eval/README.md, relations)
        return
    value = trim_gloss(value)
    if (own := re.match(r"(?:Your|Our|My)\s+(?P<t>[a-z].*)$", name.text)) is not None:
        # "Your router is the box that connects …": the reader's possessive is no part of the term
        name = Name(own.group("t"))
    # "The Meiji Restoration was the political revolution of 1868 that …", "… a state that ruled
    # from the 15th century until 1521": a year or a century dates an individual's history, which
    # a gloss of a term does not need ("a year of 366 days" is a measure and still glosses);
    # per-construction counts of copula.definition with a number: devread 1 of 6 right, gate10
    # 1 of 4
    dated = re.search(r"\b\d{3,4}\b(?!\s+[a-z]+s\b)|\b\d+(?:st|nd|rd|th)\b", value) is not None
    if len(value.split()) >= 3 and not RANKED.match(value) and not dated:
        yield lfact(
            block, sent, "copula.definition", name, LinguisticKind.DEFINITION, value, hedged
        )


def introduced(ctx: ReadContext, block: Block, term: str) -> bool:
    """The answer is about ``term`` here: the prompt or the section's heading names it, or it is
    the answer's topic (or holds it: "the human heart" for the topic "heart")."""
    low = term.lower()
    heading = ctx.doc.heading_of(block)
    named = f"{ctx.prompt} {heading.text if heading is not None else ''}".lower()
    topic = ctx.topic.text.lower() if ctx.topic is not None else ""
    return low in named or bool(topic) and (low in topic or topic in low)
