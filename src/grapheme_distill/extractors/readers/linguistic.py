"""Aliases, abbreviations, synonyms and definitions, in the forms answers use them.

Abbreviations: "Alpha Beta Code (ABC)", "ABC (Alpha Beta Code)", "ABC (alpha beta code)" — the
initials decide which side is the short form, so a lower-case expansion is never read as "ABC is an
alpha beta code" — and "ABC stands for …", "short for", "usually shortened to", "abbreviated as".
Aliases: "also known as", "also called", "often called", "nicknamed", "formerly", "later known
as", "born <birth name>", "(often just X)", "(German: X)", "(ticker X)", "Name (Other Name)".
Definitions: glossary items ("**Term** — gloss"), "X is a Y that/which/whose …", "X means …",
"X refers to …", "X, meaning …" and parenthetical glosses ("its members (*socis*)").  A term that is
a pronoun ("It is sometimes called …") is the block's implicit subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.hierarchy import item_head, name_list
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["initials_match", "read_linguistic"]

_FUNCTION = frozenset(
    {"of", "and", "the", "for", "in", "on", "de", "la", "to", "a", "an", "&", "du", "des"}
)
_ABBR = r"[a-z]?[A-Z][A-Za-z0-9&.\-]{0,9}[A-Z0-9.]s?|[A-Z]{2}"
_PAREN = re.compile(r"\((?P<p>[^()]{1,120})\)")
_NAME_RUN = re.compile(
    r"(?:[A-Z0-9][\w'’&.\-]*|of|the|and|de|la|du|von|van|der|y|for|&)"
    r"(?:\s+(?:[A-Z0-9][\w'’&.\-]*|of|the|and|de|la|du|von|van|der|y|for|&))*$"
)
_STANDS = re.compile(
    r"^(?:the\s+)?(?P<a>" + _ABBR + r")\s+(?:stands for|is short for|is an abbreviation (?:of|for)|"
    r"is the (?:usual |common |official |standard )?(?:abbreviation|acronym|short form) (?:of|for)|"
    r"is shorthand for|is an acronym (?:of|for)|means)\s+(?P<v>[^.;:]+)"
)
_SHORT_FOR = re.compile(
    r"(?P<a>\b[\w\-]+)[*_]*\s*,?\s*(?:is\s+)?"
    r"(?:short for|an abbreviation (?:of|for)|which stands for)"
    r"\s+[*_\"“]*(?P<v>[^.;:,()*_\"”]+)"
)
_SHORTENED = re.compile(
    r",?\s*\(?(?:usually|often|commonly|typically|also|sometimes)?\s*(?:shortened|abbreviated)"
    r"(?:\s+(?:to|as))?\s+[\"“*]*(?P<a>[\w.&\-]+)"
)
_ALIAS = re.compile(
    r"\b(?P<m>also known as|also called|better known as|otherwise known as|commonly known as|commonly called|"
    r"often called|sometimes called|usually called|widely known as|popularly known as|known as|"
    r"known in \w+ as|called in \w+|"
    r"nicknamed|a\.k\.a\.|aka|formerly known as|formerly called|formerly|later known as|later renamed|"
    r"renamed|now known as|now called|or simply|often just|also simply|originally called|originally named)"
    r"\s+(?:the\s+)?[\"“*_]*(?P<v>[^,;:()\"”.*_]{1,80})",
    re.IGNORECASE,
)
_BORN = re.compile(
    r"\bborn\s+(?P<v>(?:[A-Z][\w'’\-]+|y|de|von|van|da|del|di|la|le)"
    r"(?:\s+(?:[A-Z][\w'’\-]+|y|de|von|van|da|del|di|la|le))+)"
)
_FOREIGN = re.compile(r"^(?P<lang>[A-Z][a-z]+)\s*:\s*(?P<v>.+)$")
_COPULA_DEF = re.compile(
    r"^(?P<x>.{1,70}?)\s+(?:is|are|'s|’s)\s+(?P<v>(?:a|an|the)\s+.+|[a-z]+s\s+(?:that|which|who|used)\b.+)$"
)
_CALLED_DEF = re.compile(
    r"^(?P<v>(?:the|a|an)\s+.{5,120}?)\s+(?:is|are)\s+(?:called|known as|termed)\s+"
    r"(?P<x>.{2,60})$",
    re.IGNORECASE,
)
_DEF_MARK = re.compile(
    r"\b(?:\w+ed\s+(?:with|by|in|to|from|for|on|at|as)|that|which|who|whose|where|in which|"
    r"responsible for|used (?:to|for|in)|between|"
    r"designed|made|consisting|containing|located|found in|known for|characteri[sz]ed|"
    r"caused by|produced|based on|involving|refers)\b"
)
_MEANS = re.compile(
    r"^(?P<x>.{1,60}?)\s*,?\s+(?:means|refers to|is defined as|are defined as|denotes|is the term for|"
    r"describes)\s+(?P<v>.{3,300})$"
)
_MEANING = re.compile(
    r"(?P<x>[*_]?[\w'’\-]+(?:\s+[\w'’\-]+){0,3}[*_]?)\s*,\s+(?:meaning|which means|i\.e\.)\s+"
    r"[\"“]?(?P<v>[^,;.\"”]{3,120})"
)
_PRONOUNS = frozenset({"it", "this", "they", "he", "she", "these", "that"})
_GLOSSARY_CUE = re.compile(
    r"\b(?:glossary|terms|terminology|definitions?|jargon|vocabulary|mean|means|meaning|"
    r"what (?:do|does) .* mean|words)\b",
    re.IGNORECASE,
)


def initials_match(long: str, abbr: str) -> bool:
    """True when the words of ``long`` spell ``abbr`` ("World Health Organization" / "WHO")."""
    letters = [c.upper() for c in abbr if c.isalpha()]
    words = re.findall(r"[\w']+", long.replace("-", " "))
    if len(letters) < 2 or not words:
        return False
    content = [w[0].upper() for w in words if w.lower() not in _FUNCTION]
    every = [w[0].upper() for w in words]
    if content == letters or every == letters:
        return True
    # letters taken from inside words ("adenosine triphosphate" / "ATP", "ribonucleic acid" / "RNA")
    joined = "".join(w.upper() for w in words if w.lower() not in _FUNCTION)
    if content and content[0] == letters[0] and len(content) <= len(letters):
        pos = 0
        for ch in letters:
            pos = joined.find(ch, pos)
            if pos < 0:
                return False
            pos += 1
        return all(w[0].upper() in letters for w in words if w.lower() not in _FUNCTION)
    return False


def _long_before(before: str, abbr: str) -> str | None:
    """The words right before "(ABBR)" whose initials spell it."""
    words = re.findall(r"[\w'’\-&]+", before)[-10:]
    for k in range(1, len(words) + 1):
        cand = words[-k:]
        if cand[0].lower() in _FUNCTION:
            continue
        if initials_match(" ".join(cand), abbr):
            idx = before.rfind(cand[0], 0, max(0, len(before) - len(" ".join(cand[1:]))))
            return clean_name(before[idx:]) if idx >= 0 else None
    return None


def _name_before(text: str) -> str | None:
    """The name that ends right before a position: a capitalised run ("Frida Kahlo")."""
    tail = text.rstrip(' ,*_"“”')
    m = _NAME_RUN.search(tail)
    if m is None:
        return None
    name = clean_name(m.group(0))
    while name and name.split()[0].lower() in _FUNCTION:
        name = clean_name(" ".join(name.split()[1:]))
    if not name or not name[:1].isupper() or len(name.split()) > 8:
        return None
    return name


_PREPOSITIONS = frozenset(
    {
        "after",
        "before",
        "in",
        "on",
        "at",
        "from",
        "with",
        "by",
        "of",
        "to",
        "for",
        "since",
        "during",
        "into",
        "than",
        "like",
        "unlike",
        "under",
        "over",
        "about",
    }
)


def _term(ctx: ReadContext, block: Block, sent: Sentence, upto: int) -> Name | None:
    """The term a marker at ``upto`` (sentence offset) refers to: the item's head in a list item
    ("- **Mary I** — ..., often called "Bloody Mary""), the clause's subject ("It is sometimes
    called ..."), else the name right before the marker."""
    before = sent.text[:upto]
    if block.is_item and sent.start == 0:
        head = item_head(block)
        if head is not None and head[2] <= upto:
            return Name(head[0])
    subj = re.match(
        r"^(?P<x>.+?)\s+(?:is|was|are|were|has been|had been)\b(?:\s+\w+ly)?\s*,?$", before.strip()
    )
    if subj is not None:
        x = clean_name(re.split(r",\s*(?:who|which|whose|that)?\b", subj.group("x"))[0])
        if x.lower() in _PRONOUNS:
            return ctx.section_subject(block)
        return Name(x) if x and len(x.split()) <= 8 else None
    name = _name_before(before)
    if name is not None:
        preceding = before[: before.rstrip(' ,*_"“”').rfind(name.split()[0])].split()
        if preceding and preceding[-1].lower() in _PREPOSITIONS:
            return None  # "after Brexit, known as the UK GDPR": Brexit is not what is named
        return Name(name)
    bold = [
        block.text[a:b]
        for a, b in block.inline.emphasis
        if b <= sent.start + upto and b >= sent.start + upto - 3
    ]
    return Name(clean_name(bold[-1])) if bold else None


_HEAD_PAREN = re.compile(
    r"^(?P<t>[^()\d]{2,60}?)\s*\((?P<a>[^()\d]{2,40})\)\s*(?:$|[\u2013\u2014:,-])"
)


def read_linguistic(ctx: ReadContext) -> Iterator[Fact]:
    for block in ctx.doc.blocks:
        if block.role == "glossary":
            yield from _glossary(ctx, block)
        if block.role == "heading" or block.is_item:
            yield from _head_alias(block)
        for sent in ctx.sentences(block):
            yield from _sentence(ctx, block, sent)


def _head_alias(block: Block) -> Iterator[Fact]:
    """ "## Baleen whales (Mysticeti)", "- orca (killer whale), which ...": the other name."""
    m = _HEAD_PAREN.match(block.text)
    if m is None:
        return
    term, other = clean_name(m.group("t")), clean_name(m.group("a"))
    if (
        not term
        or not other
        or len(term.split()) > 5
        or re.fullmatch(_ABBR, other)
        or re.match(
            r"(?i)(?:plural|singular|pl\.|r\.|c\.|born|died|est\.|see|e\.g|i\.e|also|or|and)\b",
            other,
        )
        or initials_match(term, other)
    ):
        return
    yield _fact(block, None, "head.paren", Name(term), LinguisticKind.ALIAS, other)


def _fact(
    block: Block,
    sent: Sentence | None,
    construction: str,
    term: Name,
    kind: LinguisticKind,
    value: str,
    hedged: bool = False,
) -> Fact:
    span = block.inline.span(sent.start, sent.end) if sent is not None else block.span
    return Fact("linguistic", construction, span, term, linguistic=kind, value=value, hedged=hedged)


def _glossary(ctx: ReadContext, block: Block) -> Iterator[Fact]:
    if ctx.injected(block):
        return
    key = block.key_text()
    term_text = clean_name(re.sub(r"\s*\([^)]*\)", "", key))
    if not term_text:
        return
    term = Name(term_text)
    gloss = re.sub(r"^(?:is|are)\s+", "", block.value_text().strip())
    alias = re.match(
        r"^(?:also known as|also called|or|aka)\s+(?:the\s+)?(?P<v>[^,;]+),\s*(?:it\s+)?(?P<rest>.*)$",
        gloss,
        re.IGNORECASE,
    )
    if alias:
        yield _fact(
            block, None, "gloss.alias", term, LinguisticKind.SYNONYM, clean_name(alias.group("v"))
        )
        gloss = alias.group("rest")
    named = re.match(
        r"^(?:the\s+)?(?P<n>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|de|la))*),\s+(?P<rest>.+)$",
        gloss,
    )
    if named is not None and len(named.group("n").split()) >= 2:
        # "**Kinkaku-ji** — the Temple of the Golden Pavilion, a Zen Buddhist temple"
        yield _fact(
            block, None, "gloss.name", term, LinguisticKind.ALIAS, clean_name(named.group("n"))
        )
        gloss = named.group("rest")
    gloss = re.split(r";|\.\s|\.$|,\s+(?:often|also|sometimes|usually)\s+(?:called|known)", gloss)[
        0
    ].strip()
    stands = re.match(
        r"^(?:stands for|short for|abbreviation (?:of|for))\s+(?P<v>[^:;,.]+)[:;,.]?\s*(?P<rest>.*)$",
        gloss,
        re.IGNORECASE,
    )
    if (
        stands is not None
    ):  # "**LBW** — stands for *leg before wicket*: the ball would have hit ..."
        long = clean_name(stands.group("v"))
        yield _fact(
            block, None, "gloss.abbreviation", Name(long), LinguisticKind.ABBREVIATION, term_text
        )
        term, gloss = Name(long), stands.group("rest")
    lead, heading = ctx.doc.lead_of(block), ctx.doc.heading_of(block)
    context = " ".join(b.text for b in (lead, heading) if b is not None) + " " + ctx.prompt
    glossary = _GLOSSARY_CUE.search(context)
    defined = (
        glossary is not None
        or re.match(r"(?:a|an|the|one|any)\s", gloss, re.IGNORECASE) is not None
    )
    if (
        defined and len(gloss.split()) >= 2 and name_list(gloss) is None
    ):  # "amoxicillin, ...": examples
        yield _fact(block, None, "gloss.definition", term, LinguisticKind.DEFINITION, gloss)


def _sentence(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    text = sent.text
    hedged = is_hedged(text)
    # "ETF stands for exchange-traded fund", "NAV means net asset value: the value of ..."
    m = _STANDS.match(text)
    if m is not None:
        value = m.group("v").strip()
        long = clean_name(re.split(r"\s*[,(]|\s+and\s+", value)[0])
        if long and (initials_match(long, m.group("a")) or "stands" in text or "short" in text):
            yield _fact(
                block,
                sent,
                "abbrev.stands_for",
                Name(long),
                LinguisticKind.ABBREVIATION,
                m.group("a"),
                hedged,
            )
            rest = text[m.end() :].lstrip()
            if text[m.end() : m.end() + 1] == ":" or rest.startswith(":"):
                gloss = rest.lstrip(": ").rstrip(".")
                if len(gloss.split()) >= 2:
                    yield _fact(
                        block,
                        sent,
                        "means.gloss",
                        Name(long),
                        LinguisticKind.DEFINITION,
                        gloss,
                        hedged,
                    )
        elif " means " in text:
            yield _fact(
                block,
                sent,
                "means",
                Name(clean_name(m.group("a"))),
                LinguisticKind.DEFINITION,
                value.rstrip("."),
                hedged,
            )
    for m in _SHORT_FOR.finditer(text):
        long = clean_name(m.group("v"))
        if long and initials_match(long, m.group("a")):
            yield _fact(
                block,
                sent,
                "abbrev.short_for",
                Name(long),
                LinguisticKind.ABBREVIATION,
                m.group("a"),
                hedged,
            )
    for m in _SHORTENED.finditer(text):
        abbr = clean_name(m.group("a"))
        term = _term(ctx, block, sent, m.start())
        if abbr and term is not None and term.text.lower() != abbr.lower():
            yield _fact(
                block, sent, "abbrev.shortened", term, LinguisticKind.ABBREVIATION, abbr, hedged
            )
    if "(" in text:
        yield from _parentheses(ctx, block, sent, hedged)
    for m in _ALIAS.finditer(text):
        value = clean_name(m.group("v"))
        value = re.split(
            r"\s+(?:and|or|but|because|since|who|which|in|on|at|for|by|after)\s+", value
        )[0]
        if not value or len(value.split()) > 8 or value.lower() in _PRONOUNS:
            continue
        term = _term(ctx, block, sent, m.start())
        if term is None or term.text.lower() == value.lower():
            continue
        yield _fact(
            block,
            sent,
            f"alias.{m.group('m').split()[0].lower()}",
            term,
            LinguisticKind.ALIAS,
            value,
            hedged,
        )
    for m in _BORN.finditer(text) if "born" in text else ():
        if text[max(0, m.start() - 1) : m.start()] == "(":
            continue  # "(born X)": read with the parentheses
        term = _term(ctx, block, sent, m.start()) or ctx.section_subject(block)
        value = re.split(r"\s+(?:in|on|at)\s+", m.group("v"))[0]
        if term is not None and value and not re.search(r"\d", value):
            yield _fact(
                block, sent, "alias.born", term, LinguisticKind.ALIAS, clean_name(value), hedged
            )
    yield from _definitions(ctx, block, sent, hedged)


def _parentheses(ctx: ReadContext, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    text = sent.text
    for m in _PAREN.finditer(text):
        inner = m.group("p").strip()
        plain = clean_name(inner)
        before = text[: m.start()].rstrip()
        if not plain:
            continue
        # "(born Augusta Ada Byron)", "(often just Barça)", "(ticker SPY)", "(German: Donau)"
        pre = re.match(
            r"^(?:born|née|nee|formerly|ticker|symbol|often just|or simply|also|aka|a\.k\.a\.|"
            r"also known as|also called|known as|nicknamed|short)\s*:?\s+(?P<v>.+)$",
            plain,
            re.IGNORECASE,
        )
        foreign = _FOREIGN.match(plain)
        if pre is not None or foreign is not None:
            value = clean_name((pre or foreign).group("v"))  # type: ignore[union-attr]
            value = re.split(r"\s*[,;]\s*|\s+(?:in|on)\s+\d", value)[0]
            term = _term(ctx, block, sent, m.start())
            if term is not None and value and not re.fullmatch(r"[\d\s\u2013\-–.c]+", value):
                if (
                    pre is not None
                    and pre.group(0).lower().startswith("born")
                    and re.search(r"\d", value)
                ):
                    continue
                yield _fact(block, sent, "paren.alias", term, LinguisticKind.ALIAS, value, hedged)
            continue
        first = re.split(r"[,;]\s*", plain)[0]
        if re.fullmatch(_ABBR, first) and not first.isdigit():
            plain = first
            long = _long_before(before, plain)
            if long:
                yield _fact(
                    block,
                    sent,
                    "abbrev.paren",
                    Name(long),
                    LinguisticKind.ABBREVIATION,
                    plain,
                    hedged,
                )
            continue
        short = re.search(r"(?:^|[\s*_\"“])(?P<a>" + _ABBR + r")[*_\"”]*$", before)
        if short is not None and initials_match(plain, short.group("a")):
            # "ABC (Alpha Beta Code)" and "ABC (alpha beta code)": the expansion, never an is-a
            yield _fact(
                block,
                sent,
                "abbrev.expansion",
                Name(plain),
                LinguisticKind.ABBREVIATION,
                short.group("a"),
                hedged,
            )
            continue
        italic = any(a == block.text.find(inner, sent.start) for a, _ in block.inline.emphasis)
        if italic and len(plain.split()) <= 3 and plain[:1].islower():
            # "owned by its members (*socis*)": the foreign word is glossed by the phrase before it
            phrase = re.split(
                r"\b(?:by|of|in|to|for|with|from|as|is|are|was|were|called)\s+", before
            )[-1]
            if 1 <= len(phrase.split()) <= 4:
                yield _fact(
                    block,
                    sent,
                    "paren.foreign",
                    Name(plain),
                    LinguisticKind.DEFINITION,
                    clean_name(phrase),
                    hedged,
                )
            continue
        if re.match(r"^(?:a|an)\s+\w+", plain) and len(plain.split()) >= 3:
            glossed = _name_before(before)
            if glossed:
                yield _fact(
                    block,
                    sent,
                    "paren.gloss",
                    Name(glossed),
                    LinguisticKind.DEFINITION,
                    plain,
                    hedged,
                )
            continue
        if (
            plain[:1].isupper()
            and not re.search(r"\d", plain)
            and len(plain.split()) <= 5
            and not re.search(r"\b(?:is|are|was|were|see|e\.g|i\.e)\b", plain)
        ):
            named = _name_before(before)
            if named and named.lower() != plain.lower() and not initials_match(named, plain):
                yield _fact(
                    block, sent, "paren.name", Name(named), LinguisticKind.ALIAS, plain, hedged
                )


_SYNONYM = re.compile(
    r"^(?P<t>[^,;()]{1,60}?)\s+(?:is|are)\s+(?:a\s+|another\s+)?(?:synonym|synonymous)s?\s+(?:of|with|for|to)\s+"
    r"(?P<v>[^,;()]{1,60})$"
    r"|^(?P<t2>[^,;()]{1,60}?)\s+and\s+(?P<v2>[^,;()]{1,60}?)\s+are\s+synonyms$",
    re.IGNORECASE,
)


def _definitions(ctx: ReadContext, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    text = sent.text.rstrip(".!")
    syn = _SYNONYM.match(text)
    if syn is not None:
        term, value = (
            (syn.group("t"), syn.group("v"))
            if syn.group("t")
            else (syn.group("t2"), syn.group("v2"))
        )
        yield _fact(
            block,
            sent,
            "synonym",
            Name(clean_name(term)),
            LinguisticKind.SYNONYM,
            clean_name(value),
            hedged,
        )
        return
    m = _MEANS.match(text)
    if m is not None and not _STANDS.match(text):
        term = clean_name(m.group("x"))
        if term.lower() in _PRONOUNS:
            name = ctx.section_subject(block)
        else:
            name = Name(term) if term and len(term.split()) <= 6 else None
        if name is not None:
            yield _fact(
                block, sent, "means", name, LinguisticKind.DEFINITION, m.group("v").strip(), hedged
            )
        return
    for mm in _MEANING.finditer(text):
        yield _fact(
            block,
            sent,
            "meaning",
            Name(clean_name(mm.group("x"))),
            LinguisticKind.DEFINITION,
            mm.group("v").strip(),
            hedged,
        )
    called = _CALLED_DEF.match(text)
    if called is not None:
        term = clean_name(called.group("x"))
        if term and len(term.split()) <= 5:
            yield _fact(
                block,
                sent,
                "called.definition",
                Name(term),
                LinguisticKind.DEFINITION,
                called.group("v").strip(),
                hedged,
            )
        return
    c = _COPULA_DEF.match(text)
    if c is None:
        return
    subject = clean_name(re.sub(r"\s*\([^)]*\)?", "", c.group("x")))
    value = c.group("v")
    if not subject or len(subject.split()) > 6 or not _DEF_MARK.search(value):
        return
    if subject.lower() in _PRONOUNS:
        name = ctx.section_subject(block)
    elif re.search(r"\b(?:there|here|which|what|one|some|many|most)\b", subject.lower()):
        return
    else:
        name = Name(subject)
    if name is None:
        return
    value = re.split(
        r";|\s+[\u2013\u2014]\s+|,\s+(?:just|such as|and|but|while|although|like)\b", value
    )[0].strip()
    if len(value.split()) > 25:
        value = value.split(",")[0]
    if len(value.split()) >= 3:
        yield _fact(
            block, sent, "copula.definition", name, LinguisticKind.DEFINITION, value, hedged
        )
