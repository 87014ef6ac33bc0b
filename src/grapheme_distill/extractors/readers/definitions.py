"""Definitions, in the sentence forms answers give them.

"X is a Y that/which/who …" (present or past: "The French Revolution was a period of …"), "X
means / refers to / is defined as …", "X, meaning …", "Y is called X", "X, which is a Y that …",
an appositive "the *Bombe*, an electromechanical machine used to …".  A definition is of a term: a
named person or work described by a participle ("a 1959 album by Miles Davis, recorded in …") is a
description, left to relations and the entity type, and "the book is …" (an anaphor) defines
nothing.  What a genus says is judged with the word classes of :mod:`.genus`; glossary items are
read by :mod:`.glossary`, a highlighted term glossed beside it ("**HbA1c** — a blood test that …")
by :mod:`.inline_glosses`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.genus import (
    DEF_MARK,
    EVENT_HEAD,
    INDEFINITE_GENUS,
    INSTITUTION_HEAD,
    NOTION_GENUS,
    PERSON_HEAD,
    RANKED,
    ROLE_SUBJECT,
    STATEMENT,
    STRONG_MARK,
    VERDICT_HEAD,
    genus_head,
    proper_name,
    trim_gloss,
)
from grapheme_distill.extractors.readers.inline_glosses import read_inline_glosses
from grapheme_distill.extractors.readers.terms import (
    PRONOUNS,
    STANDS,
    lfact,
    pronoun_subject,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["described_by_name", "read_definitions"]

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


#: an aside set off by dashes or brackets; a bracket glued to a word is part of it ("401(k)")
_ASIDE = re.compile(
    r"\s+[\u2013\u2014]\s+[^\u2013\u2014]{1,80}?\s+[\u2013\u2014]\s+|(?<![\w])\s*\([^()]*\)|\s+\([^()]*\)"
)
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
    "meaning": re.compile(r",\s+(?:meaning|which means|i\.e\.)\s"),
}
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
#: "The term *umami* …", "the word karaoke …": the term is what follows the naming noun
TERM_NOUN = re.compile(
    r"(?i)^(?:the\s+)?(?:term|word|phrase|expression|name|acronym|abbreviation|concept of)\s+"
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
        yield from _marked_appositive(ctx, block, sent, hedged)


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


def _marked_appositive(
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
    # "Deep learning, a subset of ML, uses …", "Tachycardia, a fast heart rate, …": a notion
    # opening the sentence (one word must be written in lower case elsewhere: a name is not)
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


def _emphasised_before(block: Block, sent: Sentence, pos: int) -> str | None:
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


def highlighted_term(block: Block, sent: Sentence, term: str) -> bool:
    """The answer highlights ``term`` (bold or italic) in this sentence: it introduces the term
    ("The **phloem** is …"), so "the" before it is no anaphor."""
    low = term.lower()
    return bool(low) and any(
        sent.start <= a < sent.end and clean_name(block.text[a:b]).lower() == low
        for a, b in block.inline.emphasis
    )


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
    for mm in _MEANING.finditer(text) if _NEEDS["meaning"].search(text) else ():
        term = _emphasised_before(block, sent, sent.text.find(mm.group(0)) + len(mm.group("x")))
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
        bare = generic.group("bare")
        head = genus_head(generic.group("v"))
        if (" " not in bare and proper_name(ctx, bare)) or INSTITUTION_HEAD.fullmatch(head):
            generic = None  # "Paris, a city of …", "Ada, a programming language …": named things
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
    aside = "(" in text or "\u2013" in text or "\u2014" in text
    plain = (_ASIDE.sub(" ", text) if aside else text).strip()
    for pattern, construction, needs in (
        (_RELATIVE_DEF, "which.definition", _NEEDS["relative"]),
        (_APPOSITIVE, "appositive", _NEEDS["appositive"]),
    ):
        for r in pattern.finditer(plain) if needs.search(plain) else ():
            term = _emphasised_before(block, sent, sent.text.find(r.group("x")) + len(r.group("x")))
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
    # "Deflation, by contrast, is …", "Kubernetes, from the Greek for "helmsman", is …": an
    # aside between the subject and its copula is no part of the subject
    plain = _SUBJECT_ASIDE.sub(r"\g<s>", plain, count=1)
    c = _COPULA_DEF.match(plain)
    if c is not None:
        yield from _copula(
            ctx, block, sent, c.group("x"), c.group("v"), hedged, bare=c.group("bare") is not None
        )


#: an adverbial or an etymology set off by commas right after the subject, before its copula
_SUBJECT_ASIDE = re.compile(
    r"^(?P<s>[^,;]{1,60}),\s+(?:by contrast|in contrast|for example|for instance|however|meanwhile|"
    r"on the other hand|in turn|in short|in other words|in general|in practice|in fact|then|too|"
    r"also|therefore|thus|likewise|similarly|[a-z]{3,}ly|(?:from|after)\s+the\s+[A-Z][^,;]{2,60}),"
    r"(?=\s+(?:is|are|was|were)\s)"
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
        and re.match(r"an?\s", value) is not None
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
    if subject.lower() in PRONOUNS or re.fullmatch(r"(?i)it", subject):
        name = pronoun_subject(ctx, block)
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
    if name is None or not (highlighted or opening or introduced(ctx, block, name.text)):
        # "Metformin is the first medicine prescribed for …" in an answer about diabetes: a
        # description of a thing met on the way; a definition is of a term the answer introduces
        # (highlights, opens with, is asked about, or heads a section with)
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
