"""Aliases, abbreviations and synonyms, in the forms answers use them (definitions:
:mod:`.definitions`).

Abbreviations: "Alpha Beta Code (ABC)", "ABC (Alpha Beta Code)", "ABC (alpha beta code)" — the
initials decide which side is the short form, so a lower-case expansion is never read as "ABC is an
alpha beta code" — "ABC stands for …", "short for" (also clippings: "*Latte* is short for *caffè
latte*"), "usually shortened to", "abbreviated as", "Twenty20 (T20)", "The acronym stands for …",
and an acronym the answer uses after spelling out the name it abbreviates ("the European Union …
the EU").  Aliases: "also known as", "also called", "often called", "nicknamed", "formerly",
"later known as", "known by his clan name, X", "born <birth name>", "(often just X)", "(German:
X)", "(officially X)", "(ticker X)", "(in the UK, the X)", "Name (Other Name)", "Name (common
name)", a name in another script ("Tokyo (東京)"), a measure and its conversion ("324 m (1,063
ft)"), a nickname inside a name (Edwin "Buzz" Aldrin), "ACRONYM is the Full Name".  A quoted
gloss in parentheses ("Umkhonto we Sizwe ("Spear of the Nation")") is a translation: a definition.
A term that is a pronoun ("It is sometimes called …") is the block's implicit subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.definitions import (
    read_definitions,
    read_glossary,
    read_glossary_row,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.terms import (
    ABBR,
    FUNCTION,
    PRONOUNS,
    STANDS,
    initials_match,
    lfact,
    name_before,
    term_at,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["initials_match", "read_linguistic"]

_PAREN = re.compile(r"\((?P<p>[^()]{1,120})\)")
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
    r"\b(?P<m>(?:(?:usually|often|commonly|sometimes|also|simply|just|generally|widely|"
    r"popularly|affectionately|informally|previously|once|historically|originally|"
    r"traditionally|locally|colloquially|still)\s+){1,3}(?:called|known as|referred to as|named)|"
    r"(?:is|are|was|were)\s+(?:(?:once|formerly|then|previously|originally)\s+)?(?:called|named|renamed)(?!\s+(?:after|for|by|in|on|at|as|from)\b)|"
    r"also known as|also called|better known as|otherwise known as|commonly known as|commonly called|"
    r"often called|sometimes called|usually called|widely known as|popularly known as|known as|"
    r"known in \w+ as|called in \w+|"
    r"nicknamed|a\.k\.a\.|aka|formerly known as|formerly called|formerly|later known as|later renamed|"
    r"renamed|now known as|now called|or simply|often just|also simply|originally called|originally named|"
    r"known by (?:his|her|its|their) [\w\- ]{0,25}?name,?|officially|formally|dubbed|"
    r"(?:commonly |often |sometimes |also )?referred to as|also spelled|spelled|sometimes written|"
    r"goes by|went by|whose real name (?:is|was)|real name|stage name|pen name|born as)"
    r"\s+(?:the\s+)?[\"“*_]*(?P<v>[^,;:()\"”.*_\u2013\u2014]{1,80})",
    re.IGNORECASE,
)
#: a word each match of :data:`_ALIAS` holds (a cheap test before the scan, which tries its many
#: alternatives at every offset of the sentence)
_ALIAS_WORDS = (
    "called",
    "known",
    "referred",
    "named",
    "aka",
    "a.k.a.",
    "formerly",
    "simply",
    "just",
    "officially",
    "formally",
    "dubbed",
    "spelled",
    "written",
    "goes by",
    "went by",
    "real name",
    "stage name",
    "pen name",
    "born as",
)
# "the European Central Bank (ECB for short)", "…, or ECB for short": the short form named
_FOR_SHORT = re.compile(
    r"(?:\(|,\s*(?:or\s+)?|\bor\s+)(?:just\s+|simply\s+)?[\"“*_]*(?P<a>[\w.&\-]+)[\"”*_]*"
    r"\s+for short"
)
# "Holland is another name for the Netherlands", "Y is the common name for X"
_NAME_FOR = re.compile(
    r"^(?P<v>.{2,60}?)\s+is\s+(?:another|an(?:other)? informal|the (?:common|popular|usual|everyday|"
    r"scientific|official|formal|old|former|local|English|Latin)|a (?:common|popular|informal|"
    r"nickname|name))\s+(?:name|term|word)?\s*for\s+(?:the\s+)?(?P<x>[^,;:.()]{2,60})"
)
#: "X, or Y, <verb> …" opening a sentence: a second name for the subject (a list would go on
#: with another "or")
_OR_APPOSITION = re.compile(
    r"^(?P<x>[^,;:()]{2,50}?),\s+or\s+(?P<y>[^,;:()]{2,50}?),\s+(?!(?:or|and|nor)\b)(?=[a-z]+\b)"
)
_FRONTED_ALIAS = re.compile(
    r"^(?i:(?:(?:also|commonly|often|usually|popularly|better|sometimes)\s+)?(?:known as|called|"
    r"nicknamed))\s+(?:the\s+)?[\"“*_]*(?P<v>[^,\"”*_]{2,40})[\"”*_]*,\s+(?P<x>(?:the\s+)?[A-Z][^,]{1,60}?)"
    r"\s+(?:is|are|was|were|has|have|had|[a-z]+s|[a-z]+ed)\b"
)
_BORN = re.compile(
    r"\bborn\s+(?P<v>(?:[A-Z][\w'’\-]+|y|de|von|van|da|del|di|la|le)"
    r"(?:\s+(?:[A-Z][\w'’\-]+|y|de|von|van|da|del|di|la|le))+)"
)
_NICKNAME = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)\s+[\"“](?P<nick>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)?)[\"”]\s+"
    r"(?P<last>[A-Z][\w'’\-]+)"
)
_ACRONYM_IS = re.compile(
    r"^(?P<a>[A-Z][A-Z0-9&]{1,7})\s+is\s+the\s+(?P<v>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|"
    r"the|and|on|de|du|des|in))*\s+[A-Z][\w'’\-]*)"
)
_IT_STANDS = re.compile(
    r"^(?:The|This|Its|The full)\s+(?:acronym|abbreviation|initialism|name)\s+(?:stands for|is short for|"
    r"comes from)\s+(?P<v>[^,;:.()]{3,80})"
)
_FOREIGN = re.compile(r"^(?P<lang>[A-Z][a-z]+)\s*:\s*(?P<v>.+)$")


def _long_before(before: str, abbr: str) -> str | None:
    """The words right before "(ABBR)" whose initials spell it."""
    words = re.findall(r"[\w'’\-&]+", before)[-10:]
    for k in range(1, len(words) + 1):
        cand = words[-k:]
        if cand[0].lower() in FUNCTION:
            continue
        if initials_match(" ".join(cand), abbr):
            idx = before.rfind(cand[0], 0, max(0, len(before) - len(" ".join(cand[1:]))))
            return clean_name(before[idx:]) if idx >= 0 else None
    return None


def _alias_values(text: str, m: re.Match[str]) -> list[str]:
    """The names after an alias marker: one ("known as the Fab Four, a nickname"), or a list of
    names ("also known as the heart or the circulatory system", "also known as A, B, C")."""
    first = clean_name(re.sub(r"^(?:is|was|are|were)\s+|^\w+ed\s+as\s+", "", m.group("v")))
    first = re.split(
        r"\s+(?:and|or)\s+(?=[a-z])|\s+(?:but|because|since|who|which|in|on|at|for|by|after|from|"
        r"until|between|during)\s+",
        first,
    )[0]
    values = [first] if first and len(first.split()) <= 8 and first.lower() not in PRONOUNS else []
    rest = re.match(r"[^.;:()]{0,200}", text[m.start("v") :])
    window = rest.group(0) if rest is not None else ""
    if len(window) >= 200:  # cut inside a runaway list: its last part is no name
        window = window[: window.rfind(",")]
    parts = [clean_name(p) for p in re.split(r",\s*|\s+or\s+", window) if p.strip()]
    names = [p for p in parts if p and 1 <= len(p.split()) <= 6 and not _NOT_ALIAS.fullmatch(p)]
    listed = len(names) >= 2 and (
        all(n[:1].isupper() for n in names) or re.search(r"\bor\b", window) is not None
    )
    if listed and not any(re.search(r"\b(?:is|are|was|were|that|which|who)\b", n) for n in names):
        values = list(dict.fromkeys([*values, *names]))[:5]
    return values


def _clipped(long: str, short: str) -> bool:
    """ "latte" / "caffè latte", "bike" / "bicycle": the short form is a word of the long one or
    the beginning of one."""
    s, words = short.lower(), long.lower().split()
    return len(s) >= 3 and len(words) <= 4 and any(w.startswith(s[:3]) for w in words)


_HEAD_PAREN = re.compile(
    r"^(?P<t>[^()\d]{2,60}?)\s*\((?P<a>[^()\d]{2,40})\)\s*(?:$|[\u2013\u2014:,-])"
)


def read_linguistic(ctx: ReadContext) -> Iterator[Fact]:
    source = ctx.doc.source
    if len(re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]", source)) > 0.02 * len(source):
        return  # binary garbage, not prose: brackets and capitals there name nothing
    facts: list[Fact] = []
    for block in ctx.doc.blocks:
        if block.role == "glossary":
            facts.extend(read_glossary(ctx, block))
        if block.role == "table_row":
            facts.extend(read_glossary_row(ctx, block))
        if block.role == "heading" or block.is_item:
            facts.extend(_head_alias(block))
        for sent in ctx.sentences(block):
            facts.extend(_sentence(ctx, block, sent))
    yield from facts
    yield from _acronyms_in_use(ctx, facts)


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITAL_RUN = re.compile(
    r"\b[A-Z][\w'’\-]*(?:\s+(?:of|the|for|and|on|de|[A-Z][\w'’\-]*))*\s+[A-Z][\w'’\-]*"
)


def _acronyms_in_use(ctx: ReadContext, facts: list[Fact]) -> Iterator[Fact]:
    """ "The European Union adopted it … companies outside the EU": an acronym the answer uses
    without defining it, for a name it spelled out elsewhere."""
    paired = {f.value for f in facts if f.linguistic is LinguisticKind.ABBREVIATION}
    paired |= {f.subject.text for f in facts if f.linguistic is not None}
    names: dict[str, None] = {}
    for block in ctx.doc.blocks:
        if ctx.injected(block):
            continue
        for m in _CAPITAL_RUN.finditer(block.text):
            run = m.group(0)
            while run.split()[0].lower() in FUNCTION or run.split()[0] in ("The", "A", "An"):
                run = " ".join(run.split()[1:])
                if len(run.split()) < 2:
                    break
            if len(run.split()) >= 2:
                names.setdefault(run, None)
    seen: set[str] = set()
    for block in ctx.doc.blocks:
        for m in _ACRONYM.finditer(block.text):
            abbr = m.group(0)
            if abbr in paired or abbr in seen:
                continue
            for name in names:
                words = [w for w in re.findall(r"[\w'’]+", name) if w.lower() not in FUNCTION]
                if [w[0] for w in words] == list(abbr) and all(
                    re.fullmatch(r"[A-Z][a-z'’\-]+", w) for w in words
                ):  # ("KGGen and for GraphRAG" is two names, not one spelt "KG")
                    seen.add(abbr)
                    yield lfact(
                        block, None, "abbrev.in_use", Name(name), LinguisticKind.ABBREVIATION, abbr
                    )
                    break


def _head_alias(block: Block) -> Iterator[Fact]:
    """ "## Baleen whales (Mysticeti)", "- orca (killer whale), which ...": the other name."""
    m = _HEAD_PAREN.match(block.text)
    if m is None:
        return
    term, other = clean_name(m.group("t")), clean_name(m.group("a"))
    if re.search(r":|,|\s[\u2013\u2014-]\s", m.group("t")):
        return  # "Woodwinds — flutes (plus the piccolo)", "Headquarters: Geneva (…)": no head
    regional = re.match(
        r"(?i)in (?:the\s+)?[A-Z][\w.]*(?:\s+English)?,\s+(?:the\s+)?(?P<v>.+)$", other
    )
    if regional is not None:  # "Concertmaster (in the UK, the *leader*)"
        other = clean_name(regional.group("v"))
    elif other.islower() and not _common_name(other):
        return  # "harp (often counted with the strings)": a remark, not a name
    other = clean_name(_RANK.sub("", other))  # "Amphibians (class Amphibia)"
    if (
        not term
        or not other
        or len(term.split()) > 5
        or re.fullmatch(ABBR, other)
        or re.match(
            r"(?i)(?:plural|singular|pl\.|r\.|c\.|born|died|est\.|see|e\.g|i\.e|also|or|and)\b",
            other,
        )
        or initials_match(term, other)
    ):
        return
    yield lfact(block, None, "head.paren", Name(term), LinguisticKind.ALIAS, other)


def _sentence(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    text = sent.text
    hedged = is_hedged(text)
    # "ETF stands for exchange-traded fund", "NAV means net asset value: the value of ..."
    m = STANDS.match(text)
    if m is not None:
        value = m.group("v").strip()
        long = clean_name(re.split(r"\s*[,(]|\s+and\s+", value)[0])
        if long and (initials_match(long, m.group("a")) or "stands" in text or "short" in text):
            yield lfact(
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
                    yield lfact(
                        block,
                        sent,
                        "means.gloss",
                        Name(long),
                        LinguisticKind.DEFINITION,
                        gloss,
                        hedged,
                    )
        elif " means " in text:
            yield lfact(
                block,
                sent,
                "means",
                Name(clean_name(m.group("a"))),
                LinguisticKind.DEFINITION,
                value.rstrip("."),
                hedged,
            )
    short_for = "short for" in text or "abbreviation" in text or "stands for" in text
    for m in _SHORT_FOR.finditer(text) if short_for else ():
        long = clean_name(m.group("v"))
        if long and (initials_match(long, m.group("a")) or _clipped(long, m.group("a"))):
            yield lfact(
                block,
                sent,
                "abbrev.short_for",
                Name(long),
                LinguisticKind.ABBREVIATION,
                m.group("a"),
                hedged,
            )
    shortened = "shortened" in text or "abbreviated" in text
    for m in _SHORTENED.finditer(text) if shortened else ():
        abbr = clean_name(m.group("a"))
        term = term_at(ctx, block, sent, m.start())
        if abbr and term is not None and term.text.lower() != abbr.lower():
            yield lfact(
                block, sent, "abbrev.shortened", term, LinguisticKind.ABBREVIATION, abbr, hedged
            )
    if "(" in text:
        yield from _parentheses(ctx, block, sent, hedged)
    for m in _ALIAS.finditer(text) if may_contain(text, _ALIAS_WORDS) else ():
        term = term_at(ctx, block, sent, m.start())
        if term is None:
            continue
        if re.match(r"(?:This|These|That|Those)\s+[a-z]", term.text):
            continue  # "This phenomenon is known as X": X names what came before, no second name
        if re.match(r"(?:is|are|was|were)\b", m.group("m")) and not re.fullmatch(
            r"(?:The\s+)?[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the|and|de|da|do|del))*\s*",
            text[: m.start()],
        ):
            # only a name opening the sentence is renamed ("Saint Petersburg was called …");
            # "This process is called X", "Its leader is called the governator", "The leader of
            # Gdynia is called the Vice President" name a role or define a term
            continue
        for value in _alias_values(text, m):
            if value.lower() != term.text.lower():
                yield lfact(
                    block,
                    sent,
                    f"alias.{m.group('m').split()[0].lower()}",
                    term,
                    LinguisticKind.ALIAS,
                    value,
                    hedged,
                )
    for m in _FOR_SHORT.finditer(text) if "for short" in text else ():
        abbr = clean_name(m.group("a"))
        term = term_at(ctx, block, sent, m.start())
        if abbr and term is not None and term.text.lower() != abbr.lower():
            yield lfact(
                block, sent, "abbrev.for_short", term, LinguisticKind.ABBREVIATION, abbr, hedged
            )
    if (m := _FRONTED_ALIAS.match(text)) is not None:
        # "Commonly called the Fed, the Federal Reserve sets …"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower():
            yield lfact(
                block, sent, "alias.fronted", Name(named), LinguisticKind.ALIAS, value, hedged
            )
    if (m := _OR_APPOSITION.match(text)) is not None:
        # "Deoxyribonucleic acid, or DNA, carries …", "Hypertension, or high blood pressure, …"
        x, y = clean_name(m.group("x")), clean_name(m.group("y"))
        if initials_match(x, y) or initials_match(y, x):
            long, short = (x, y) if initials_match(x, y) else (y, x)
            yield lfact(
                block, sent, "abbrev.or", Name(long), LinguisticKind.ABBREVIATION, short, hedged
            )
        elif x and y and x.lower() != y.lower() and len(y.split()) <= 4:
            kind = (  # "Olga Bondareva, or Olga Nikolaevna Bondareva, …": two names, an alias
                LinguisticKind.ALIAS
                if x[:1].isupper() and y[:1].isupper()
                else LinguisticKind.SYNONYM
            )
            yield lfact(block, sent, f"{kind.value}.or", Name(x), kind, y, hedged)
    if (m := _NAME_FOR.match(text)) is not None:
        value, term_text = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and term_text and value.lower() not in PRONOUNS:
            yield lfact(
                block, sent, "alias.name_for", Name(term_text), LinguisticKind.ALIAS, value, hedged
            )
    for m in _NICKNAME.finditer(text) if '"' in text or "“" in text else ():
        # Edwin "Buzz" Aldrin: the nickname with the surname is another name of the person
        yield lfact(
            block,
            sent,
            "alias.nickname",
            Name(f"{m.group('first')} {m.group('last')}"),
            LinguisticKind.ALIAS,
            f"{m.group('nick')} {m.group('last')}",
            hedged,
        )
    if (m := _ACRONYM_IS.match(text)) is not None:
        long = clean_name(m.group("v"))
        kind = (
            LinguisticKind.ABBREVIATION
            if initials_match(long, m.group("a"))
            else LinguisticKind.ALIAS
        )
        yield lfact(block, sent, "alias.acronym_is", Name(m.group("a")), kind, long, hedged)
    if (m := _IT_STANDS.match(text)) is not None and (topic := ctx.section_subject(block)):
        yield lfact(
            block,
            sent,
            "abbrev.the_acronym",
            Name(clean_name(m.group("v"))),
            LinguisticKind.ABBREVIATION,
            topic.text,
            hedged,
        )
    for m in _BORN.finditer(text) if "born" in text else ():
        if text[max(0, m.start() - 1) : m.start()] == "(":
            continue  # "(born X)": read with the parentheses
        term = term_at(ctx, block, sent, m.start()) or ctx.section_subject(block)
        value = re.split(r"\s+(?:in|on|at)\s+", m.group("v"))[0]
        if term is not None and value and not re.search(r"\d", value):
            yield lfact(
                block, sent, "alias.born", term, LinguisticKind.ALIAS, clean_name(value), hedged
            )
    yield from read_definitions(ctx, block, sent, hedged)


_PAREN_PREFIX = re.compile(
    r"^(?:born|née|nee|formerly|ticker|symbol|often just|or simply|also|aka|a\.k\.a\.|also known as|"
    r"(?:(?:widely|commonly|popularly|often|usually|affectionately|better|locally)\s+)?"
    r"(?:known as|called|nicknamed)|"
    r"also called|short|officially|formally|in full|full name|full title|"
    r"brand names?(?: include| is| are)?|trade name|known locally as|locally|"
    r"in (?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:\s+English)?\s*,)\s*:?\s+(?P<v>.+)$",
    re.IGNORECASE,
)
_PAREN_EXPANSION = re.compile(
    r"(?i)^(?:(?:an?|the)\s+)?(?:acronym|abbreviation|initialism|short)\s+(?:for|of)\s+(?P<v>[^,;]+)$"
)
_PAREN_LITERAL = re.compile(
    r"^(?:literally\s+|[A-Z][a-z]+\s+for\s+)[\"“‘'](?P<v>[^\"”’']{2,60})[\"”’']?$"
)
_QUANTITY = re.compile(r"(?:^|\s)(?P<q>[~≈]?\d[\d,.]*\s*(?:[a-zA-Z°%²³/]+\.?)(?:\s*[a-zA-Z²³]+)?)$")
_QUANTITY_IN = re.compile(r"^[~≈]?(?:about\s+)?\d[\d,.]*\s*[a-zA-Z°%²³/]+(?:\s*[a-zA-Z²³]+)?$")
_NOT_ALIAS = re.compile(
    r"(?i)^(?:optional|plural|singular|pl\.|approx|roughly|about|around|or|and|see|e\.g|i\.e|"
    r"for|from|in|on|at|by|with|to|if|when|the|a|an|usually|often|sometimes|mostly|few|many|"
    r"some|all|most|both|either|each|now|then|today|still|only|just|etc|including|your|my|his|"
    r"her|its|their|our|this|that|these|those|plus|minus|except|excluding|not|without|with)\b"
)
_RANK = re.compile(
    r"(?i)^(?:(?:super|sub|infra|par)?(?:kingdom|phylum|class|order|family|genus|species|tribe))\s+"
)


def _term_before(ctx: ReadContext, block: Block, sent: Sentence, pos: int) -> Name | None:
    """The term right before a parenthesis: a highlighted term ending there ("**Umkhonto we
    Sizwe** (…)"), else the usual term (item head, clause subject, capitalised run)."""
    end = sent.start + len(sent.text[:pos].rstrip())
    for a, b in block.inline.emphasis:
        if end - 2 <= b <= end and not block.text[b:end].strip(' *_"”'):
            return Name(clean_name(block.text[a:b]))
    return term_at(ctx, block, sent, pos)


def _parentheses(ctx: ReadContext, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    text = sent.text
    for m in _PAREN.finditer(text):
        inner = m.group("p").strip()
        plain = clean_name(inner)
        before = text[: m.start()].rstrip()
        if not plain:
            continue
        if (q := _QUANTITY.search(before)) is not None and _QUANTITY_IN.match(plain):
            # "324 m (1,063 ft)": one measure in two units
            yield lfact(
                block,
                sent,
                "paren.units",
                Name(q.group("q").strip(), "QUANTITY"),
                LinguisticKind.ALIAS,
                plain,
                hedged,
            )
            continue
        if re.search(r"[^\W\d_A-Za-z\u00c0-\u024f]", plain.split(",")[0]) and not re.search(
            r"[A-Za-z\u00c0-\u024f]", plain.split(",")[0]
        ):  # (a date "(2025-09-25, …)" has no letters of another script)
            # "Tokyo (東京)", "Kyoto (京都, "capital city")": the name in its own script, and what
            # it means
            term = _term_before(ctx, block, sent, m.start())
            if term is not None:
                yield lfact(
                    block,
                    sent,
                    "paren.script",
                    term,
                    LinguisticKind.ALIAS,
                    clean_name(plain.split(",")[0]),
                    hedged,
                )
                for quoted in re.findall(r"[\"“]([^\"”]{2,60})[\"”]", inner):
                    yield lfact(
                        block,
                        sent,
                        "paren.script_gloss",
                        term,
                        LinguisticKind.DEFINITION,
                        quoted,
                        hedged,
                    )
            continue
        if re.fullmatch(r"[\"“][^\"”]{2,80}[\"”]", inner):
            # "Umkhonto we Sizwe ("Spear of the Nation")": a translation
            term = _term_before(ctx, block, sent, m.start())
            if term is not None:
                yield lfact(
                    block,
                    sent,
                    "paren.translation",
                    term,
                    LinguisticKind.DEFINITION,
                    inner.strip('"“”'),
                    hedged,
                )
            continue
        expansion = _PAREN_EXPANSION.match(plain)
        if expansion is not None:
            # "GDP (an acronym for gross domestic product)", "Latte (short for caffè latte)"
            term = _term_before(ctx, block, sent, m.start())
            expanded = clean_name(expansion.group("v"))
            if term is not None and expanded:
                yield lfact(
                    block,
                    sent,
                    "abbrev.paren_for",
                    Name(expanded),
                    LinguisticKind.ABBREVIATION,
                    term.text,
                    hedged,
                )
            continue
        if (literal := _PAREN_LITERAL.match(inner)) is not None:
            # "Sushi (Japanese for 'sour rice')": a literal translation of the word
            term = _term_before(ctx, block, sent, m.start())
            if term is not None:
                yield lfact(
                    block,
                    sent,
                    "paren.literal",
                    term,
                    LinguisticKind.DEFINITION,
                    literal.group("v"),
                    hedged,
                )
            continue
        if _RANK.match(plain) and (taxon := clean_name(_RANK.sub("", plain))):
            # "Vertebrates (subphylum Vertebrata)": the scientific name of the group
            term = _term_before(ctx, block, sent, m.start())
            if term is not None and term.text.lower() != taxon.lower():
                yield lfact(block, sent, "paren.taxon", term, LinguisticKind.ALIAS, taxon, hedged)
            continue
        # "(born Augusta Ada Byron)", "(often just Barça)", "(ticker SPY)", "(German: Donau)"
        pre = _PAREN_PREFIX.match(plain)
        foreign = _FOREIGN.match(plain)
        if pre is not None or foreign is not None:
            value = clean_name((pre or foreign).group("v"))  # type: ignore[union-attr]
            value = re.split(r"\s*[,;]\s*|\s+(?:in|on)\s+\d", value)[0]
            value = clean_name(_RANK.sub("", value))
            term = _term_before(ctx, block, sent, m.start())
            if term is not None and value and not re.fullmatch(r"[\d\s\u2013\-–.c]+", value):
                if (
                    pre is not None
                    and pre.group(0).lower().startswith("born")
                    and re.search(r"\d", value)
                ):
                    continue
                yield lfact(block, sent, "paren.alias", term, LinguisticKind.ALIAS, value, hedged)
            continue
        first = re.split(r"[,;]\s*", plain)[0]
        if re.fullmatch(ABBR, first) and not first.isdigit():
            plain = first
            long = _long_before(before, plain)
            if long:
                yield lfact(
                    block,
                    sent,
                    "abbrev.paren",
                    Name(long),
                    LinguisticKind.ABBREVIATION,
                    plain,
                    hedged,
                )
            continue
        # "ABC (…)", and "ABC codes (…)": the acronym may come with the noun it qualifies
        short = re.search(r"(?:^|[\s*_\"“])(?P<a>" + ABBR + r")[*_\"”]*(?:\s+[a-z]+)?$", before)
        if short is not None and "," not in plain and initials_match(plain, short.group("a")):
            # "ABC (Alpha Beta Code)" and "ABC (alpha beta code)": the expansion, never an is-a
            yield lfact(
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
                yield lfact(
                    block,
                    sent,
                    "paren.foreign",
                    Name(plain),
                    LinguisticKind.DEFINITION,
                    clean_name(phrase),
                    hedged,
                )
            elif (clause := _last_clause(before)) is not None:
                # "…, and one plate slides under the other (*subduction*)": the term names the
                # process the clause before it describes
                yield lfact(
                    block,
                    sent,
                    "paren.term",
                    Name(plain),
                    LinguisticKind.DEFINITION,
                    clause,
                    hedged,
                )
            continue
        if re.match(r"^(?:a|an)\s+\w+", plain) and len(plain.split()) >= 3:
            glossed = name_before(before)
            if glossed:
                yield lfact(
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
            and not re.search(r"[,;]", plain)  # "(Huron, Ontario, …)": a list, not a name
            # a number only as a route's or a model's ("(Route 1)"), not a date or a measure
            and (not re.search(r"\d", plain) or re.fullmatch(r"[A-Z][a-z]+ \d{1,3}", plain))
            and len(plain.split()) <= 5
            and not re.search(r"\b(?:is|are|was|were|see|e\.g|i\.e)\b", plain)
        ):
            # the name right before: a highlighted term or a capitalised run, never an item's head
            # far before it ("Install Docker Desktop (macOS) or Docker Engine (Linux)")
            end = sent.start + len(before)
            bold = [block.text[a:b] for a, b in block.inline.emphasis if end - 2 <= b <= end]
            named_text = clean_name(bold[-1]) if bold else (name_before(before) or "")
            np = re.search(
                r"\b(?i:the|a|an)\s+(?P<np>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})$", before
            )
            listed = re.search(
                r"(?:^|,\s*|\b(?:including|includes?|contains?|and|or|of|like|are|is)\s+)"
                r"(?P<np>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)$",
                before,
            )
            if (
                not named_text
                and listed is not None
                and len(plain.split()) == 1
                # "fish such as sharks and rays (X)": X is not the rays
                and "such as" not in before[-40:]
            ):
                named_text = listed.group("np")  # "including bony fish (Osteichthyes)"
            if not named_text and np is not None and len(plain.split()) <= 2:
                named_text = np.group("np")  # "the cat family (Felidae)": its scientific name
            word = re.search(r"\b(?!(?:as|and|or|of|the|such)\b)([a-z][\w\-]{2,})$", before)
            if not named_text and italic and word is not None and len(plain.split()) <= 2:
                named_text = word.group(1)  # "such as apples (*Malus*)"
            if (
                named_text
                and named_text.lower() != plain.lower()
                and not initials_match(named_text, plain)
            ):
                yield lfact(
                    block,
                    sent,
                    "paren.name",
                    Name(named_text),
                    LinguisticKind.ALIAS,
                    clean_name(_RANK.sub("", plain)),
                    hedged,
                )
            continue
        if _common_name(plain):
            # "the *Shinkansen* (bullet train)": the thing's everyday name
            highlighted = _term_before(ctx, block, sent, m.start())
            end = sent.start + len(before)
            verb = re.search(r"\b(?:you|we|they|i|he|she|it)\s+\S+$", before, re.IGNORECASE)
            if (
                highlighted is not None
                and verb is None  # "something you *know* (your password)": a verb, no term
                and not _NOT_ALIAS.match(inner)
                and any(end - 2 <= b <= end for _, b in block.inline.emphasis)
            ):
                yield lfact(
                    block, sent, "paren.common", highlighted, LinguisticKind.ALIAS, plain, hedged
                )
            elif (
                len(plain.split()) >= 2
                and "," not in inner  # "(daemon, dockerd)": a list, not a gloss
                and (technical := _technical_term(before)) is not None
            ):
                # "causes pyrexia (high body temperature)": a term glossed in everyday words
                yield lfact(
                    block,
                    sent,
                    "paren.plain",
                    Name(technical),
                    LinguisticKind.SYNONYM,
                    plain,
                    hedged,
                )


_CLAUSE_VERB = re.compile(r"\b[a-z]+(?:s|ed)\b|\b(?:is|are|was|were|can|may|will|must)\b")


def _last_clause(before: str) -> str | None:
    """The clause a parenthesised term closes: the text after the last comma, dash or semicolon,
    when it reads as a clause (3 to 12 words with a verb), else None."""
    clause = re.split(r",\s*(?:and|but|or|so)?\s*|;\s*|\s+[\u2013\u2014]\s+", before)[-1].strip()
    words = clause.split()
    if not 3 <= len(words) <= 12 or not _CLAUSE_VERB.search(" ".join(words[1:])):
        return None
    return clean_name(clause)


#: adjective endings of a two-word technical term ("renal failure", "myocardial infarction")
_TERM_ADJECTIVE = re.compile(r"[a-z]+(?:al|ic|ar|ous|ive|ary|oid)$")


def _technical_term(before: str) -> str | None:
    """The lower-case term right before a plain-words gloss: its last word, with an adjective
    before it ("renal failure"); None after a pronoun and verb ("you *know*") or a function
    word."""
    words: list[str] = re.findall(r"[A-Za-z][\w\-]*", before)[-3:]
    if not words or not re.fullmatch(r"[a-z][a-z\-]{3,}", words[-1]) or words[-1] in FUNCTION:
        return None
    if re.search(r"\b(?:you|we|they|i|he|she|it)\s+\S+$", before, re.IGNORECASE):
        return None
    if len(words) >= 2 and _TERM_ADJECTIVE.fullmatch(words[-2]):
        return f"{words[-2]} {words[-1]}"
    return words[-1]


def _common_name(plain: str) -> bool:
    """ "bullet train", "killer whale": a short lower-case name, not a remark ("optional", "or
    until golden", "few confirmed")."""
    words = plain.split()
    return (
        1 <= len(words) <= 3
        and plain.islower()
        and not re.search(r"\d", plain)
        and not _NOT_ALIAS.match(plain)
        and not any(re.search(r"(?:ed|ing|ly)$", w) for w in words)
        and not re.search(r"\b(?:is|are|was|were|has|have|not|no|more|less|than)\b", plain)
    )
