"""Alias forms inside one sentence: a marker of a second name ("also known as", "called",
"nicknamed", "formerly", "a.k.a.") and the names it governs, and what a people calls the subject
("The Chinese call it **hong cha**").  Cut out of :mod:`.linguistic` so that the block-level
readers (lists of names, headings, the full names and acronyms across the answer) stay readable
beside them; :func:`read_alias_forms` reads every form of a sentence in one order, the others
from :mod:`.short_form_phrases` (short forms stated in words), :mod:`.name_statements` (a name
given as a statement), :mod:`.or_forms` ("X, or Y") and :mod:`.parentheses`.  Definitions are
read by :mod:`.definitions`.
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
    described_by_name,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.highlighted_names import (
    marker_in_name,
    whole_marked_names,
)
from grapheme_distill.extractors.readers.name_statements import (
    QUALIFIER,
    read_as_known,
    read_born,
    read_fronted,
    read_name_for,
    read_name_is,
    read_name_of,
    read_nicknames,
)
from grapheme_distill.extractors.readers.or_forms import (
    read_dash_aside,
    read_or_apposition,
    read_or_marked,
)
from grapheme_distill.extractors.readers.paragraph_names import opening_name
from grapheme_distill.extractors.readers.parentheses import (
    bracket_term,
    gloss_noun,
    read_parentheses,
    spells,
)
from grapheme_distill.extractors.readers.ranked_names import RANK_NAMES, ranked_group
from grapheme_distill.extractors.readers.short_form_phrases import (
    read_acronym_statements,
    read_for_short,
    read_short_for,
    read_stands_for,
    short_form_text,
)
from grapheme_distill.extractors.readers.terms import (
    ABBR,
    PRONOUNS,
    lfact,
    pronoun_subject,
    term_at,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["read_alias_forms"]

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
#: an adverb after a name, no part of it ("Kyoto much later", "Leningrad until 1991" is cut by
#: :data:`QUALIFIER`)
_AFTER_NAME = re.compile(
    r"\s+(?=(?:much|soon|shortly|later|earlier|afterwards|then|again|too|today|now|ever|still|"
    r"also|only|[a-z]+ly)\b)"
)
#: a plain noun phrase opening a sentence, set off by a comma or a dash ("The eggplant —")
_OPENING_NOUN = re.compile(
    r"(?:The|An?)\s+[*_]*(?P<x>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})[*_]*\s*(?:,|[\u2013\u2014])"
)
#: a sentence that is only a name so far ("The Magna Carta", "Elizabeth I")
_OPENING_NAME = re.compile(
    r"(?:The\s+)?(?P<x>[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|of|the|de|von|van))*)"
)
#: a sentence opened by a pronoun subject up to its marker ("It is also called", "It's
#: sometimes called", "They are also known as")
_PRONOUN_OPENS = re.compile(r"(?i)(?:it|they)(?:\s+(?:is|are|was|were)|['’](?:s|re))?\s*")


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
    text = short_form_text(text)
    yield from read_stands_for(block, sent, text, hedged)
    yield from read_short_for(ctx, block, sent, text, hedged)
    if "(" in text:
        yield from whole_marked_names(block, sent, read_parentheses(ctx, block, sent, hedged))
    yield from _read_markers(ctx, block, sent, text, hedged)
    yield from _read_called(ctx, block, sent, text, hedged)
    yield from read_for_short(ctx, block, sent, text, hedged)
    yield from read_as_known(text, block, sent, hedged)
    yield from read_fronted(text, block, sent, hedged)
    yield from read_or_marked(block, sent, hedged)
    yield from read_name_of(text, block, sent, hedged)
    yield from read_or_apposition(block, sent, text, hedged)
    yield from read_name_is(ctx, block, sent, text, hedged)
    yield from read_dash_aside(block, sent, text, hedged)
    yield from read_name_for(text, block, sent, hedged)
    yield from read_nicknames(text, block, sent, hedged)
    yield from read_acronym_statements(ctx, block, sent, text, hedged)
    yield from read_born(ctx, block, sent, text, hedged)


def _read_markers(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "Saint Petersburg was once called Leningrad", "Edwin Aldrin, better known as Buzz
    Aldrin", "the trap (the U-shaped bend …, also called the P-trap)": the names a marker governs,
    given to the term it follows (before a bracket, the clause's subject, the block's subject for
    "it")."""
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
        if _PRONOUN_OPENS.fullmatch(text[: m.start()]) and (named := opening_name(block)):
            # "**Photosystem II** absorbs light … It is also called …": the pronoun opening a
            # later sentence is the name its paragraph opened with, not the answer's topic
            term = named
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


def _read_called(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "Fans called her the "High Priestess of Soul"", "The Chinese call it **hong cha**": a
    name given to a pronoun, or what a people calls the block's subject."""
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
        first = QUALIFIER.split(first)[0]
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
    parts = [clean_name(QUALIFIER.split(p)[0]) for p in re.split(r",\s*|\s+or\s+", window)]
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
