"""Alias, abbreviation and synonym forms inside one sentence ("stands for", "short for",
"also known as", "X, or Y, …", "born …", "Its Latin name is …", …), cut out of
:mod:`.linguistic` so that the block-level readers (lists of names, headings, the full names and
acronyms across the answer) stay readable beside them.  Parentheses are read by
:mod:`.parentheses`, definitions by :mod:`.definitions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.bracket_phrases import NOT_ALIAS
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.definitions import (
    OPENER,
    TERM_NOUN,
    described_by_name,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.highlighted_names import (
    marker_in_name,
    whole_marked_names,
)
from grapheme_distill.extractors.readers.parentheses import (
    bracket_term,
    gloss_noun,
    read_parentheses,
    spells,
)
from grapheme_distill.extractors.readers.ranked_names import RANK_NAMES, ranked_group
from grapheme_distill.extractors.readers.terms import (
    ABBR,
    PRONOUNS,
    STANDS,
    initials_match,
    lfact,
    long_and_short,
    pronoun_subject,
    term_at,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["read_alias_forms"]

_SHORT_FOR = re.compile(
    r"(?P<a>\b[\w\-]+)[*_]*\s*(?:,|[\u2013\u2014])?\s*(?:is\s+)?"
    r"(?:short for|an abbreviation (?:of|for)|which stands for)"
    r"\s+[*_\"“]*(?P<v>[^.;:,()*_\"”\u2013\u2014]+)"
)
_SHORTENED = re.compile(
    r",?\s*\(?(?:usually|often|commonly|typically|also|sometimes)?\s*(?:shortened|abbreviated)"
    r"(?:\s+(?:to|as))?\s+(?:the\s+)?[\"“*]*(?P<a>[\w.&\-]+(?:\s+[A-Z][A-Z0-9.&\-]+)*)"
)
_ALIAS = re.compile(
    r"\b(?P<m>(?:(?:usually|often|commonly|sometimes|also|simply|just|generally|widely|"
    r"popularly|affectionately|informally|previously|once|historically|originally|"
    r"traditionally|locally|colloquially|still|[a-z]{3,}ly)\s+){1,3}(?:called|known as|referred to as|"
    r"named)|(?<=[\u2013\u2014]\s)(?:called|known as)|"
    r"(?:is|are|was|were)\s+(?:(?:once|formerly|then|previously|originally)\s+)?(?:called|named|renamed)(?!\s+(?:after|for|by|in|on|at|as|from)\b)|"
    r"(?<=,\s)called|known\s+(?:simply|just|locally|widely|affectionately|popularly|informally|"
    r"colloquially|officially|mostly|mainly|today|now)\s+as|"
    r"also known as|also called|better known as|otherwise known as|commonly known as|commonly called|"
    r"often called|sometimes called|usually called|widely known as|popularly known as|known as|"
    r"known (?:in|to|across|throughout) (?:the |much of the |most of the )?\w+(?: \w+)? as|"
    r"called in \w+|"
    r"nicknamed|a\.k\.a\.|aka|formerly known as|formerly called|formerly|later known as|later renamed|"
    r"renamed|now known as|now called|or simply|often just|also simply|originally called|originally named|"
    r"known by (?:his|her|its|their) [\w\- ]{0,25}?name,?|dubbed|"
    # "(formally the *Statement of Fitness for Work*)", not "was formally opened by"
    r"(?:officially|formally)(?=\s+(?:the\s+)?[\"“*_]*(?-i:[A-Z]))|"
    r"(?:commonly |often |sometimes |also )?referred to (?:simply |just )?as|also spelled|spelled|"
    r"sometimes written|goes by|went by|whose (?:real |full |birth |given |original |legal )?name "
    r"(?:is|was)|real name|stage name|pen name|born as)"
    r"\s+(?:the\s+)?[\"“*_]*(?P<v>[^,;:()\"”.*_\u2013\u2014]{1,80})",
    re.IGNORECASE,
)
#: "Fans called her the "High Priestess of Soul"", "critics dubbed him *the Boss*": a name given
#: to a pronoun
_CALLED_PRONOUN = re.compile(
    r"\b(?:called|calls|call|nicknamed|dubbed|christened)\s+(?:him|her|them|it)\s+(?:simply\s+)?"
    r"(?:the\s+)?[*_\"“]*(?P<v>[A-Z][^,;:()\"”.*_]{1,60}?)[*_\"”]*"
    r"(?=[,;:.)]|\s+(?:for|because|after|in|on|at|when|and)\b|$)"
)
#: "The Chinese call it **hong cha**", "Bhutanese people call their country **Druk Yul**",
#: "locals simply call the island "the Rock"": a people's own name for the subject
_CALL_THEIR = re.compile(
    r"\b(?:[A-Z][a-z]+|people|locals|residents|speakers|natives|fans)\s+(?:simply\s+|usually\s+|"
    r"often\s+|still\s+|just\s+)?call\s+(?:it|them|(?:their|the|this)\s+(?:country|city|land|"
    r"island|town|region|nation|language|dish|drink|plant|river|mountain|lake|festival|game))\s+"
    r"(?:simply\s+|just\s+)?(?P<q>[\"“])?(?P<v>[^,;:()\"”.]{2,40}?)[\"”]?(?=\s*[,;:.(]|\s+[\u2013\u2014]|$)"
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
    "whose",
    "stage name",
    "pen name",
    "born as",
)
# "the European Central Bank (ECB for short)", "…, or ECB for short": the short form named
_FOR_SHORT = re.compile(
    r"(?:\(|,\s*(?:or\s+)?|\bor\s+|[\u2013\u2014]\s*)(?:just\s+|simply\s+)?[\"“*_]*"
    r"(?P<a>[\w.&\-]+)[\"”*_]*"
    r"\s+for short"
)
# "Holland is another name for the Netherlands", "Y is the common name for X"
_NAME_FOR = re.compile(
    r"^(?P<v>.{2,60}?)\s+is\s+(?:another|an(?:other)? informal|the (?:common|popular|usual|everyday|"
    r"scientific|official|formal|old|former|local|English|Latin|brand|trade|generic)|a (?:common|"
    r"popular|informal|nickname|name|brand|trade))\s+(?:name|term|word)?\s*for\s+(?:the\s+)?"
    r"(?P<x>[^,;:.()]{2,60})"
)
#: "X, or Y, <verb> …" opening a sentence: a second name for the subject (a list would go on
#: with another "or")
_OR_APPOSITION = re.compile(
    r"^(?P<x>[^,;:()]{2,50}?),\s+or\s+(?P<y>[^,;:()]{2,50}?),\s+(?!(?:or|and|nor)\b)(?=[a-z]+\b)"
)
#: "every wrestler, or *rikishi*, sits …", "harvestmen, or "daddy longlegs" (Opiliones)": inside a
#: sentence, a second name the answer marks (highlighted or quoted) after "X, or"; an unmarked
#: one would as well be an alternative ("rice, or noodles, …")
_OR_MARKED = re.compile(
    r"(?P<x>[^\W\d_][\w\-'’]*(?:\s+[^\W\d_][\w\-'’]*){0,2}),\s+or\s+(?P<q>[\"“])?"
    r"(?P<y>[^,;:()\"“”.]{2,40}?)[\"”]?(?=\s*[,;:(.]|\s+[\u2013\u2014]|$)"
)
#: a word before which a noun phrase starts: the noun before "or" is what follows the last one
_OR_CUT = re.compile(
    r"\b(?:and|or|but|the|a|an|every|each|any|all|some|its|their|his|her|our|your|this|that|"
    r"these|those|of|in|on|for|to|by|with|from|as|at|into|is|are|was|were|called|named|"
    r"\w+['’](?:re|s|ve|ll|d))\s+",
    re.IGNORECASE,
)
_FRONTED_ALIAS = re.compile(
    r"^(?i:(?:(?:also|commonly|often|usually|popularly|better|sometimes)\s+)?(?:known as|called|"
    r"nicknamed))\s+(?:the\s+)?[\"“*_]*(?P<v>[^,\"”*_]{2,40})[\"”*_]*,\s+(?P<x>(?:the\s+)?[A-Z][^,]{1,60}?)"
    r"\s+(?:is|are|was|were|has|have|had|[a-z]+s|[a-z]+ed)\b"
)
#: "The acronym SCUBA comes from …": the naming noun's short form and its source
_COMES_FROM = re.compile(
    r"^(?P<a>" + ABBR + r")\s+(?:comes from|is formed from|is derived from)\s+"
)
#: "The Sun King, as Louis XIV was known, …": a fronted name, glossed by the name it stands for
_AS_KNOWN = re.compile(
    r"^(?P<v>(?:The\s+)?[A-Z][^,;:()]{1,50}?),\s+as\s+(?P<x>(?:the\s+)?[A-Z][^,;:()]{1,60}?)\s+"
    r"(?:is|was|were|are|became)\s+(?:\w+ly\s+)?(?:known|called|nicknamed|dubbed)\s*,"
)
_BORN = re.compile(
    r"\bborn\s+[*_]*(?P<v>(?:[A-Z][\w'’\-]+|y|de|von|van|da|del|di|la|le)"
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
    r"^(?:The|This|Its|The full)\s+(?P<noun>acronym|abbreviation|initialism|name)\s+(?:stands for|is short for|"
    r"comes from)\s+(?P<v>[^,;:.()]{3,80})"
)
#: "The barn owl's Latin name is Tyto alba", "Its common name is the snow leopard": a second name
#: given as what the thing's name is (not "its name comes from …", "its name is derived from …")
#: "Tinnitus — ringing in the ears — often follows …": a second name set off by dashes
_DASH_ASIDE = re.compile(
    r"^(?P<x>[A-Z][^\u2013\u2014,;:()]{1,50}?)\s+[\u2013\u2014]\s+(?P<y>[^\u2013\u2014,;:()]{2,60}?)"
    r"\s+[\u2013\u2014]\s+(?=[a-z])"
)
_LANGUAGE = (
    r"Latin|Greek|French|German|Spanish|Italian|Arabic|Japanese|Chinese|Hebrew|Sanskrit|"
    r"Persian|Dutch|Norse|English|Portuguese|Russian|Turkish|Korean|Hindi|Welsh|Gaelic|Irish|"
    r"Old \w+|Middle \w+|Ancient Greek"
)
_NAME_IS = re.compile(
    r"^(?:(?P<own>Its|Their|His|Her)|(?P<x>(?:The\s+)?[^,;:()]{2,60}?)['’]s?)\s+"
    r"(?:[A-Za-z][a-z\-]+\s+){0,2}names?\s+(?:is|was|are)\s+(?!(?:derived|taken|based|said|thought|believed|from|a|an)\b)"
    r"[*_\"“]*(?P<v>[^,;:.()*_\"”]{2,60})"
)


#: where a name stops: a clause or a qualifier after it ("Chomolungma in Tibetan", "Burma
#: until 1989")
_QUALIFIER = re.compile(
    r"\s+(?:and|or)\s+(?=[a-z])|\s+(?:but|because|since|who|which|in|on|at|by|after|from|"
    r"until|between|during)\s+|\s+for\s+(?![A-Z])"  # ("Statement of Fitness for Work" is one)
)
#: an adverb after a name, no part of it ("Kyoto much later", "Leningrad until 1991" is cut by
#: :data:`_QUALIFIER`)
_AFTER_NAME = re.compile(
    r"\s+(?=(?:much|soon|shortly|later|earlier|afterwards|then|again|too|today|now|ever|still|"
    r"also|only|[a-z]+ly)\b)"
)
#: "The scientific name of the giant panda is …": the kind of name, whose it is, and the name
_NAME_OF = re.compile(
    r"^The\s+(?:scientific|Latin|botanical|common|official|full|formal|local|native|original|"
    r"English|birth|real)\s+name\s+(?:of|for)\s+(?:the\s+)?(?P<x>[^,;:()]{2,40}?)\s+(?:is|was)\s+"
    r"(?P<v>[^,;:.()]{2,60})"
)
#: a plain noun phrase opening a sentence, set off by a comma or a dash ("The eggplant —")
_OPENING_NOUN = re.compile(
    r"(?:The|An?)\s+[*_]*(?P<x>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})[*_]*\s*(?:,|[\u2013\u2014])"
)
#: a sentence that is only a name so far ("The Magna Carta", "Elizabeth I")
_OPENING_NAME = re.compile(
    r"(?:The\s+)?(?P<x>[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the|de|von|van))*)"
)


def _alias_values(text: str, m: re.Match[str]) -> list[str]:
    """The names after an alias marker: one ("known as the Fab Four, a nickname"), or a list of
    names ("also known as the heart or the circulatory system", "also known as A, B, C")."""
    first = clean_name(
        re.sub(
            r"^(?:is|was|are|were)\s+|^\w+ed\s+as\s+|^(?:itself|himself|herself|themselves|him|her|"
            r"it|them)\s+(?:the\s+)?",
            "",
            m.group("v"),
        )
    )
    # "also known as a base on balls (BB)": an acronym after the name that spells it vouches for
    # all its words ("on" would otherwise end the name as a qualifier)
    spelt = re.match(r"\s*\((?P<a>" + ABBR + r")\)", text[m.end("v") :])
    if not (
        spelt is not None
        and re.fullmatch(r"[a-z][\w\- ]{2,60}", first)
        and spells(first, spelt.group("a"))
    ):
        first = _QUALIFIER.split(first)[0]
    if first[:1].isupper():
        # "renamed Kyoto much later": an adverb of time ends a name ("Golgi complex" holds its
        # lower-case word)
        first = clean_name(_AFTER_NAME.split(first)[0])
    if re.match(r"(?i)(?:after|for|by|from)\s", first):
        return []  # "is also named after him": whom it is named for, no second name
    if re.match(
        r"(?i)(?:many|several|various|multiple|other|a few|a number of)\s+(?:\w+\s+)?names?\b",
        first,
    ):
        return []  # "goes by many names: …": a count of names, none of them
    values = [first] if first and len(first.split()) <= 8 and first.lower() not in PRONOUNS else []
    rest = re.match(r"[^.;:()]{0,200}", text[m.start("v") :])
    window = rest.group(0) if rest is not None else ""
    if len(window) >= 200:  # cut inside a runaway list: its last part is no name
        window = window[: window.rfind(",")]
    parts = [clean_name(_QUALIFIER.split(p)[0]) for p in re.split(r",\s*|\s+or\s+", window)]
    # "called Nihon or Nippon in Japanese, meaning …": the gloss after the names is none of them
    parts = [p for p in parts if p and not re.match(r"(?:meaning|which|who|that|i\.e)\b", p)]
    # "formerly called juvenile diabetes or insulin-dependent diabetes, is an autoimmune
    # disease": the sentence's verb ends the list of names
    verb = next(
        (k for k, p in enumerate(parts) if re.match(r"(?:is|are|was|were|has|have)\s", p)), None
    )
    parts = parts[:verb] if verb is not None else parts
    names = [p for p in parts if p and 1 <= len(p.split()) <= 6 and not NOT_ALIAS.fullmatch(p)]
    listed = len(names) >= 2 and (
        all(n[:1].isupper() for n in names) or re.search(r"\bor\b", window) is not None
    )
    if listed and not any(re.search(r"\b(?:is|are|was|were|that|which|who)\b", n) for n in names):
        values = list(dict.fromkeys([*values, *names]))[:5]
    elif values:
        # "known as Constantinople until 1930 and as Byzantium before that", "called Chomolungma
        # in Tibetan and Sagarmatha in Nepali": each name the marker governs, with its qualifier
        # "Meta, formerly Facebook, owns Instagram and WhatsApp": a comma before a lower-case
        # word closes the names (the sentence's verb follows)
        clause = re.split(
            r"\s+[\u2013\u2014]\s+|,\s+(?:which|who|but|so)\b|,\s+(?!(?:and|or)\b)[a-z]", window
        )[0]
        at = clause.find(values[0])  # after the first name ("… Aeronautics and Space …" is one)
        for more in _COORDINATED.finditer(clause, at + len(values[0]) if at >= 0 else len(clause)):
            values.append(clean_name(more.group("n")))
        values = list(dict.fromkeys(values))[:5]
    return values


#: a further name after "and"/"or" in an alias clause ("… and as *Byzantium* before that")
_COORDINATED = re.compile(
    r"\s+(?:and|or)\s+(?:as\s+|by\s+|in\s+[A-Z][\w'’\-]*,?\s+)?(?:the\s+)?[*_\"“]*"
    r"(?P<n>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})"
)


def _split_emphasised(block: Block, values: list[str]) -> list[str]:
    """ "known as the *Virgin Queen* and *Good Queen Bess*": a value joining two names the answer
    highlights one by one is two names (a name holding "and", "Bosnia and Herzegovina", stays)."""
    marked = {clean_name(block.text[a:b]) for a, b in block.inline.emphasis}
    out: list[str] = []
    for value in values:
        parts = [clean_name(p) for p in re.split(r"\s+(?:and|or)\s+", value)]
        out.extend(parts if len(parts) > 1 and all(p in marked for p in parts) else [value])
    return list(dict.fromkeys(out))


def _noun_phrase_end(text: str) -> str:
    """The noun phrase ending a clause ("Cells break down glucose through the Krebs cycle" →
    "Krebs cycle"): the words after its last article or preposition, or the text itself when it
    is short enough to be a name ("" when neither)."""
    if len(text.split()) <= 4:
        return text
    tail = re.search(
        r"\b(?:the|a|an|of|in|on|through|by|with|for|to|from|as|into|via|and)\s+"
        r"(?P<np>(?:[^\s,]+\s+){0,3}[^\s,]+)$",
        text,
    )
    return tail.group("np") if tail is not None else ""


def _clipped(long: str, short: str) -> bool:
    """ "latte" / "caffè latte", "bike" / "bicycle": the short form is a word of the long one or
    the beginning of one."""
    s, words = short.lower(), long.lower().split()
    return len(s) >= 3 and len(words) <= 4 and any(w.startswith(s[:3]) for w in words)


def read_alias_forms(
    ctx: ReadContext, block: Block, sent: Sentence, hedged: bool
) -> Iterator[Fact]:
    """The alias and abbreviation forms of one sentence, in the order the caller used to read
    them (its definitions come after them, from :mod:`.definitions`)."""
    if (opened := OPENER.match(sent.text)) is not None and not re.match(
        r"(?:or|and|but|nor|which|who)\b|$", sent.text[opened.end() :]
    ):
        # "In 1924, Petrograd was renamed …", "In electronics, read-only memory is commonly
        # abbreviated ROM": a fronted adverbial is no part of the term the sentence opens with
        # ("In judo each athlete, or **judoka**, …" opens with its term)
        sent = Sentence(sent.text[opened.end() :], sent.start + opened.end())
    text = sent.text
    if may_contain(text, RANK_NAMES):
        yield from ranked_group(block, sent, hedged)
    # "ETF stands for exchange-traded fund", "NAV means net asset value: the value of ...", "The
    # acronym CPU stands for …" (the naming noun is no part of the short form)
    naming = TERM_NOUN.match(text)
    if naming is not None and re.match(r"(?i)(?:the\s+)?(?:acronym|abbreviation|term)\s", text):
        # "The acronym SCUBA comes from self-contained …": said of the short form, as "stands for"
        rest = _COMES_FROM.sub(r"\g<a> stands for ", text[naming.end() :], count=1)
        if STANDS.match(rest) is not None:
            text = rest
    m = STANDS.match(text)
    if m is not None:
        value = m.group("v").strip()
        # "URL stands for Uniform Resource Locator — the address of a resource on the web": the
        # long form ends at the dash, and what follows it says what the thing is
        dash = re.search(r"\s+[\u2013\u2014]\s+", value)
        dashed = value[dash.end() :].strip() if dash is not None else ""
        value = value[: dash.start()] if dash is not None else value
        whole = clean_name(re.split(r"\s*[,(]", value)[0])
        cut = clean_name(re.split(r"\s*[,(]|\s+and\s+", value)[0])
        said = re.search(r"stands|short|acronym|abbreviation|shorthand", text[: m.start("v")])
        # "National Aeronautics and Space Administration", "radio detection and ranging": cut at
        # "and" only where the part before it spells the short form and the whole run does not
        # ("ETF stands for exchange-traded fund and is …")
        long = (
            whole
            if initials_match(whole, m.group("a"))
            or (said and not initials_match(cut, m.group("a")))
            else cut
        )
        if long and (initials_match(long, m.group("a")) or said):
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
            if dashed or text[m.end() : m.end() + 1] == ":" or rest.startswith(":"):
                gloss = dashed or rest.lstrip(": ").rstrip(".")
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
        if long and (spells(long, m.group("a")) or _clipped(long, m.group("a"))):
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
        yield from whole_marked_names(block, sent, read_parentheses(ctx, block, sent, hedged))
    for m in _ALIAS.finditer(text) if may_contain(text, _ALIAS_WORDS) else ():
        if marker_in_name(block, sent, m.start("m"), m.end("m")):
            continue  # "(*aka miso*)": a highlighted name's own word, no marker
        bracket = text.rfind("(", 0, m.start())
        inside = (
            bracket >= 0
            and ")" not in text[bracket : m.start()]
            and re.search(r",\s*$", text[bracket : m.start()]) is not None
        )
        # "the trap (the U-shaped bend under the sink, also called the P-trap)": a marker after
        # a gloss or a name inside a bracket names the term before the bracket, not the clause's
        # subject
        # "The **red panda** (*Ailurus fulgens*), also called the lesser panda": a marker right
        # after a bracket names the term before the bracket, not the bracket's other name
        closed = re.search(r"\((?P<in>[^()]*)\)\s*,\s*$", text[: m.start()])
        # "**Eudyptula** — the little penguin (also called the fairy penguin …)": a marker opening
        # a bracket after the noun a gloss opens with names that noun
        opening = bracket >= 0 and not text[bracket + 1 : m.start()].strip()
        term = (
            (opening and gloss_noun(ctx, block, sent, bracket))
            or (inside and bracket_term(block, sent, bracket))
            or (closed is not None and bracket_term(block, sent, closed.start()))
            or term_at(ctx, block, sent, m.start())
        )
        if term is None:
            # "**Elizabeth I** (1533–1603), known as …": the name opening the sentence, past the
            # parenthesis between it and the marker
            bare = re.sub(r"\s*\([^()]*\)", "", text[: m.start()]).strip(" ,*_")
            if (opened := _OPENING_NAME.fullmatch(bare)) is not None:
                term = Name(clean_name(opened.group("x")))
        if re.fullmatch(r"(?i)(?:it|they)['’](?:s|re)\s*", text[: m.start()]):
            # "It's also called Gotham": the contracted pronoun is the block's implicit subject
            term = pronoun_subject(ctx, block)
        if term is None and (np := _OPENING_NOUN.fullmatch(text[: m.start()].rstrip())):
            # "The eggplant — known as aubergine in Britain —", "The collarbone, also called …": a
            # plain noun phrase opening the sentence, set off before the marker
            term = Name(np.group("x"))
        if term is None and not text[: m.start()].strip(" *_") and sent.start == 0:
            # "### Jasmine / Also called **Thai fragrant rice**.": a block opening with the marker
            # renames what its section is about
            term = pronoun_subject(ctx, block)
        if term is None and re.search(r"\bname\b|goes|went", m.group("m")):
            # "Samuel Clemens wrote under the pen name Mark Twain": the clause's named subject
            opener = re.match(r"(?P<x>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4})\s+[a-z]", text)
            term = Name(clean_name(opener.group("x"))) if opener is not None else None
        if re.match(r"(?:him|her|it|them)\s", m.group("v")) and not m.group("m").startswith(
            ("is", "are", "was", "were")
        ):
            # "Fans nicknamed him *La Pulga*", "critics dubbed it …": the name is the pronoun's
            # (the block's implicit subject), not the clause's subject
            term = pronoun_subject(ctx, block)
        if term is not None and re.search(r"\s(?:is|are|was|were)\s", term.text):
            # "Its name is Latin, and it is sometimes spelled …": a clause, not a term; its
            # pronoun is the block's subject
            clause = r",\s+(?:and|but|so)\s+(?:it|they)\s+(?:is|are|was|were)\s+(?:\w+\s+)?$"
            term = pronoun_subject(ctx, block) if re.search(clause, text[: m.start()]) else None
        if term is None:
            continue
        if re.fullmatch(r"[a-z][\w\-]*(?:\s+[\w\-]+)*\s+of\s+[\w\-\s]+", term.text) and re.search(
            r"\b(?:is|are)\s+(?:\w+\s+)?(?:called|known|named)", text
        ):
            # "The fear of spiders is known as arachnophobia": a description named by a term,
            # which it defines (read by the definitions), not a second name of it
            continue
        if re.match(r"(?:This|These|That|Those)\s+[a-z]", term.text) or (
            re.fullmatch(r"[a-z][\w\-]*", term.text)
            # a pattern built from the term goes into ``re``'s cache and pushes the readers'
            # fixed patterns out: it is built only for a one-word term the text writes
            and (not term.text.isascii() or may_contain(text, (term.text.lower(),)))
            and re.match(
                r"(?i)(?:the|this|these|that|those)\s+" + re.escape(term.text) + r"\s", text
            )
        ):
            # "This phenomenon is known as X", "The process is known as X": X names what came
            # before (an anaphor), no second name
            continue
        if (
            re.match(r"(?:is|are|was|were)\b", m.group("m"))
            and not re.search(
                r"(?:^|,\s+which\s+)"  # "…, which was renamed Tokyo": the name before "which"
                r"(?:The\s+)?[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the|and|de|da|do|del))*\s*$"
                r"|[A-Z][\w'’.\-]*,\s+which\s+$"
                r"|(?:^|\s)(?:[Ii]t|[Tt]hey)\s+$",  # "In Russia it is called …": its subject
                text[: m.start()],
            )
        ):
            # only a name opening the sentence is renamed ("Saint Petersburg was called …");
            # "This process is called X", "Its leader is called the governator", "The leader of
            # Gdynia is called the Vice President" name a role or define a term
            continue
        described = {x.lower() for x, _ in described_by_name(text)}
        for value in _split_emphasised(block, _alias_values(text, m)):
            if value.lower() in described:
                continue  # "Errors in meiosis, called nondisjunction": a term defined, no alias
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
    for m in _CALLED_PRONOUN.finditer(text) if may_contain(text, _ALIAS_WORDS) else ():
        # "Fans called her the "High Priestess of Soul"": the name is the pronoun's, the block's
        # implicit subject
        value = clean_name(m.group("v"))
        if (term := pronoun_subject(ctx, block)) is not None and value.lower() != term.text.lower():
            yield lfact(
                block, sent, "alias.called_pronoun", term, LinguisticKind.ALIAS, value, hedged
            )
    for m in _CALL_THEIR.finditer(text) if " call" in text else ():
        # "The Chinese call it **hong cha**", "Bhutanese people call their country **Druk Yul**":
        # what a people calls the block's subject, written in its own words (marked or quoted)
        at = sent.start + m.start("v")
        quoted = m.group("q") is not None
        value = clean_name(m.group("v"))
        # "- **Black tea** is … The Chinese call it **hong cha**": the term the item opens with
        heads = [clean_name(block.text[a:b]) for a, b in block.inline.emphasis if a == 0]
        term = Name(heads[0]) if heads and heads[0] else pronoun_subject(ctx, block)
        if (
            (quoted or any(a == at for a, _ in block.inline.emphasis))
            and value
            and term is not None
            and term.text.lower() not in PRONOUNS
            and value.lower() != term.text.lower()
        ):
            yield lfact(block, sent, "alias.they_call", term, LinguisticKind.ALIAS, value, hedged)
    for m in _FOR_SHORT.finditer(text) if "for short" in text else ():
        abbr = clean_name(m.group("a"))
        term = term_at(ctx, block, sent, m.start())
        if abbr and term is not None and term.text.lower() != abbr.lower():
            yield lfact(
                block, sent, "abbrev.for_short", term, LinguisticKind.ABBREVIATION, abbr, hedged
            )
    if "as" in text and (m := _AS_KNOWN.match(text)) is not None:
        # "The Sun King, as Louis XIV was known, …"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower() and named.lower() not in PRONOUNS:
            yield lfact(
                block, sent, "alias.as_known", Name(named), LinguisticKind.ALIAS, value, hedged
            )
    if (m := _FRONTED_ALIAS.match(text)) is not None:
        # "Commonly called the Fed, the Federal Reserve sets …"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower():
            yield lfact(
                block, sent, "alias.fronted", Name(named), LinguisticKind.ALIAS, value, hedged
            )
    yield from _or_marked(block, sent, hedged)
    if text.startswith("The ") and (m := _NAME_OF.match(text)) is not None:
        # "The scientific name of the giant panda is *Ailuropoda melanoleuca*"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower():
            yield lfact(
                block, sent, "alias.name_of", Name(named), LinguisticKind.ALIAS, value, hedged
            )
    if (m := _OR_APPOSITION.match(text)) is not None:
        # "Deoxyribonucleic acid, or DNA, carries …", "Hypertension, or high blood pressure, …"
        # "The Federal Reserve, or simply the Fed, …": the adverb is no part of the name
        y_text = re.sub(r"^(?:simply|just|more simply|informally)\s+(?:the\s+)?", "", m.group("y"))
        y_text = re.sub(r"\s+for short$", "", y_text)  # "…, or DNA for short, …"
        x, y = clean_name(_noun_phrase_end(m.group("x"))), clean_name(y_text)
        if (pair := long_and_short(x, y)) is not None:
            yield lfact(
                block,
                sent,
                "abbrev.or",
                Name(pair[0]),
                LinguisticKind.ABBREVIATION,
                pair[1],
                hedged,
            )
        elif (
            x
            and re.match(r"(?:the|a|an)\s+[a-z]", m.group("y").strip("*_ "))
            and len(y.split()) >= 4
            and not re.search(r"\s[A-Z]", x)  # a notion, capitalised by its place only
        ):
            # "Erosion, or the slow wearing away of rock by water, shapes …": a definition
            value = m.group("y").strip("*_ ")
            yield lfact(block, sent, "definition.or", Name(x), LinguisticKind.DEFINITION, value)
        elif (
            x
            and y
            and x.lower() != y.lower()
            and len(y.split()) <= 4
            and not re.search(r"\d", x + y)  # "250 g dried chickpeas, or two 400 g tins,": amounts
        ):
            kind = (  # "Olga Bondareva, or Olga Nikolaevna Bondareva, …": two names, an alias
                LinguisticKind.ALIAS
                if x[:1].isupper() and y[:1].isupper()
                else LinguisticKind.SYNONYM
            )
            yield lfact(block, sent, f"{kind.value}.or", Name(x), kind, y, hedged)
    if "name" in text and (m := _NAME_IS.match(text)) is not None:
        owner = ctx.section_subject(block) if m.group("own") else Name(clean_name(m.group("x")))
        value = clean_name(m.group("v"))
        if re.fullmatch(_LANGUAGE, value):
            value = ""  # "Its name is Latin": the language a name comes from, no second name
        if owner is not None and value and value.lower() != owner.text.lower():
            yield lfact(block, sent, "alias.name_is", owner, LinguisticKind.ALIAS, value, hedged)
    if (m := _DASH_ASIDE.match(text)) is not None:
        x, y = clean_name(m.group("x")), clean_name(m.group("y"))
        if (pair := long_and_short(x, y)) is not None:
            yield lfact(
                block,
                sent,
                "abbrev.dashes",
                Name(pair[0]),
                LinguisticKind.ABBREVIATION,
                pair[1],
                hedged,
            )
        elif (
            not re.search(r"\s[A-Z]", x)  # a notion, not a named thing
            and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", x)  # a clause, no term
            and y.islower()
            and 1 <= len(y.split()) <= 5
            and not re.search(r"\b(?:is|are|was|were|has|have|not|also|often|usually)\b", y)
        ):
            yield lfact(block, sent, "synonym.dashes", Name(x), LinguisticKind.SYNONYM, y, hedged)
    if (m := _NAME_FOR.match(text)) is not None:
        # "The word "sleet" is another term for ice pellets in American usage": the naming noun
        # and the quotes are no part of the name, nor the usage after the other name
        value = clean_name(TERM_NOUN.sub("", m.group("v")).strip("\"“”'‘’ "))
        term_text = clean_name(_QUALIFIER.split(m.group("x"))[0])
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
    if (
        (m := _IT_STANDS.match(text)) is not None
        and (topic := ctx.section_subject(block)) is not None
        # "The name comes from Hindi …" is where a name comes from, not what it expands to:
        # a plain "name" expands only into words whose initials spell it
        and (m.group("noun") != "name" or initials_match(clean_name(m.group("v")), topic.text))
    ):
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


def _or_marked(block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "every wrestler, or **rikishi**, sits …": the marked second name of the noun before
    "or" (the sentence-opening form is :data:`_OR_APPOSITION`'s)."""
    text = sent.text
    if ", or " not in text:
        return
    ends = {b for _, b in block.inline.emphasis}
    starts = {a for a, _ in block.inline.emphasis}
    for m in _OR_MARKED.finditer(text):
        y_start, y_end = sent.start + m.start("y"), sent.start + m.end("y")
        marked = m.group("q") is not None or (y_start in starts and y_end in ends)
        # the words after the last article or preposition ("blocks the enzyme" → "enzyme")
        x = clean_name(_OR_CUT.split(m.group("x"))[-1])
        y = clean_name(m.group("y"))
        if not marked or not x or not y or (m.start("x") == 0 and _OR_APPOSITION.match(text)):
            continue  # unmarked, or the sentence-opening form (read by _OR_APPOSITION)
        if x.lower() == y.lower() or re.search(r"\d", x + y) or len(y.split()) > 4:
            continue
        if (pair := long_and_short(x, y)) is not None:
            yield lfact(
                block, sent, "abbrev.or_marked", Name(pair[0]), LinguisticKind.ABBREVIATION, pair[1]
            )
            continue
        kind = (
            LinguisticKind.ALIAS if x[:1].isupper() or y[:1].isupper() else LinguisticKind.SYNONYM
        )
        yield lfact(block, sent, f"{kind.value}.or_marked", Name(x), kind, y, hedged)
