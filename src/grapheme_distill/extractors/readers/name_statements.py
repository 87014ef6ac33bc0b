"""A second name given as a statement about names: "The Sun King, as Louis XIV was known, …",
"Commonly called the Fed, the Federal Reserve …", "The scientific name of the giant panda is
…", "Its Latin name is …", "Holland is another name for the Netherlands", Edwin "Buzz" Aldrin,
"born Augusta Ada Byron".  Cut out of :mod:`.alias_forms` (issue 11, twenty-fifth session):
each of these forms says whose name it gives by its own shape (a fronted name, "the name of",
"its name"), where the marker forms left in :mod:`.alias_forms` find the named term around the
marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.definitions import TERM_NOUN
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.terms import PRONOUNS, lfact, term_at
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "QUALIFIER",
    "read_as_known",
    "read_born",
    "read_fronted",
    "read_name_for",
    "read_name_is",
    "read_name_of",
    "read_nicknames",
]

# "Holland is another name for the Netherlands", "Y is the common name for X"
_NAME_FOR = re.compile(
    r"^(?P<v>.{2,60}?)\s+is\s+(?:another|an(?:other)? informal|the (?:common|popular|usual|everyday|"
    r"scientific|official|formal|old|former|local|English|Latin|brand|trade|generic)|a (?:common|"
    r"popular|informal|nickname|name|brand|trade))\s+(?:name|term|word)?\s*for\s+(?:the\s+)?"
    r"(?P<x>[^,;:.()]{2,60})"
)
_FRONTED_ALIAS = re.compile(
    r"^(?i:(?:(?:also|commonly|often|usually|popularly|better|sometimes)\s+)?(?:known as|called|"
    r"nicknamed))\s+(?:the\s+)?[\"“*_]*(?P<v>[^,\"”*_]{2,40})[\"”*_]*,\s+(?P<x>(?:the\s+)?[A-Z][^,]{1,60}?)"
    r"\s+(?:is|are|was|were|has|have|had|[a-z]+s|[a-z]+ed)\b"
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
_LANGUAGE = (
    r"Latin|Greek|French|German|Spanish|Italian|Arabic|Japanese|Chinese|Hebrew|Sanskrit|"
    r"Persian|Dutch|Norse|English|Portuguese|Russian|Turkish|Korean|Hindi|Welsh|Gaelic|Irish|"
    r"Old \w+|Middle \w+|Ancient Greek"
)
#: "The barn owl's Latin name is Tyto alba", "Its common name is the snow leopard": a second name
#: given as what the thing's name is (not "its name comes from …", "its name is derived from …")
_NAME_IS = re.compile(
    r"^(?:(?P<own>Its|Their|His|Her)|(?P<x>(?:The\s+)?[^,;:()]{2,60}?)['’]s?)\s+"
    r"(?:[A-Za-z][a-z\-]+\s+){0,2}names?\s+(?:is|was|are)\s+(?!(?:derived|taken|based|said|thought|believed|from|a|an)\b)"
    r"[*_\"“]*(?P<v>[^,;:.()*_\"”]{2,60})"
)
#: where a name stops: a clause or a qualifier after it ("Chomolungma in Tibetan", "Burma
#: until 1989")
QUALIFIER = re.compile(
    r"\s+(?:and|or)\s+(?=[a-z])|\s+(?:but|because|since|who|which|in|on|at|by|after|from|"
    r"until|between|during)\s+|\s+for\s+(?![A-Z])"  # ("Statement of Fitness for Work" is one)
)
#: "The scientific name of the giant panda is …": the kind of name, whose it is, and the name
_NAME_OF = re.compile(
    r"^The\s+(?:scientific|Latin|botanical|common|official|full|formal|local|native|original|"
    r"English|birth|real)\s+name\s+(?:of|for)\s+(?:the\s+)?(?P<x>[^,;:()]{2,40}?)\s+(?:is|was)\s+"
    r"(?P<v>[^,;:.()]{2,60})"
)


def read_as_known(text: str, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "The Sun King, as Louis XIV was known, …": the fronted name is the other's alias."""
    if "as" in text and (m := _AS_KNOWN.match(text)) is not None:
        # "The Sun King, as Louis XIV was known, …"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower() and named.lower() not in PRONOUNS:
            yield lfact(
                block, sent, "alias.as_known", Name(named), LinguisticKind.ALIAS, value, hedged
            )


def read_fronted(text: str, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "Commonly called the Fed, the Federal Reserve sets …": a marker opening the sentence."""
    if (m := _FRONTED_ALIAS.match(text)) is not None:
        # "Commonly called the Fed, the Federal Reserve sets …"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower():
            yield lfact(
                block, sent, "alias.fronted", Name(named), LinguisticKind.ALIAS, value, hedged
            )


def read_name_of(text: str, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "The scientific name of the giant panda is *Ailuropoda melanoleuca*"."""
    if text.startswith("The ") and (m := _NAME_OF.match(text)) is not None:
        # "The scientific name of the giant panda is *Ailuropoda melanoleuca*"
        value, named = clean_name(m.group("v")), clean_name(m.group("x"))
        if value and named and value.lower() != named.lower():
            yield lfact(
                block, sent, "alias.name_of", Name(named), LinguisticKind.ALIAS, value, hedged
            )


def read_name_is(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "The barn owl's Latin name is Tyto alba", "Its common name is the snow leopard"."""
    if "name" in text and (m := _NAME_IS.match(text)) is not None:
        owner = ctx.section_subject(block) if m.group("own") else Name(clean_name(m.group("x")))
        value = clean_name(m.group("v"))
        if re.fullmatch(_LANGUAGE, value):
            value = ""  # "Its name is Latin": the language a name comes from, no second name
        if owner is not None and value and value.lower() != owner.text.lower():
            yield lfact(block, sent, "alias.name_is", owner, LinguisticKind.ALIAS, value, hedged)


def read_name_for(text: str, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """ "Holland is another name for the Netherlands", "Y is the common name for X"."""
    if (m := _NAME_FOR.match(text)) is not None:
        # "The word "sleet" is another term for ice pellets in American usage": the naming noun
        # and the quotes are no part of the name, nor the usage after the other name
        value = clean_name(TERM_NOUN.sub("", m.group("v")).strip("\"“”'‘’ "))
        term_text = clean_name(QUALIFIER.split(m.group("x"))[0])
        if value and term_text and value.lower() not in PRONOUNS:
            yield lfact(
                block, sent, "alias.name_for", Name(term_text), LinguisticKind.ALIAS, value, hedged
            )


def read_nicknames(text: str, block: Block, sent: Sentence, hedged: bool) -> Iterator[Fact]:
    """Edwin "Buzz" Aldrin: the nickname with the surname is another name of the person."""
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


def read_born(
    ctx: ReadContext, block: Block, sent: Sentence, text: str, hedged: bool
) -> Iterator[Fact]:
    """ "…, born Norma Jeane Mortenson, …": a birth name (one in brackets is read with them)."""
    for m in _BORN.finditer(text) if "born" in text else ():
        if text[max(0, m.start() - 1) : m.start()] == "(":
            continue  # "(born X)": read with the parentheses
        term = term_at(ctx, block, sent, m.start()) or ctx.section_subject(block)
        value = re.split(r"\s+(?:in|on|at)\s+", m.group("v"))[0]
        if term is not None and value and not re.search(r"\d", value):
            yield lfact(
                block, sent, "alias.born", term, LinguisticKind.ALIAS, clean_name(value), hedged
            )
