"""Brackets that give another name: "(born Augusta Ada Byron)", "(German: Donau)", "(often just
Barça)", "(also called eggplant)", "the Eastern Roman (Byzantine) Empire", "the cat family
(Felidae)", "Rosaceae (the rose family)", "the *Shinkansen* (bullet train)", "pyrexia (high body
temperature)".  Readings of :func:`.parentheses.read_parentheses`, cut out of it (issue 11,
twenty-fifth session); each yields its facts and returns whether it took the bracket.
"""

from __future__ import annotations

import re
from collections.abc import Generator

from grapheme_distill.extractors.readers.bracket_phrases import (
    ARTICLED,
    COUNT_WORD,
    LISTED_RUN,
    NOT_ALIAS,
    common_name,
    technical_term,
)
from grapheme_distill.extractors.readers.bracket_terms import (
    RANK,
    Bracket,
    gloss_noun,
    term_before,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.terms import (
    initials_match,
    name_before,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "read_common_name",
    "read_inside_name",
    "read_named",
    "read_prefixed",
    "read_taxon_name",
]

_FOREIGN = re.compile(r"^(?P<lang>[A-Z][a-z]+)\s*:\s*(?P<v>.+)$")
_PAREN_PREFIX = re.compile(
    r"^(?:born|née|nee|formerly|ticker|symbol|often just|or simply|"
    r"or(?!\s+(?:so|more|less|about|even|fewer|until|longer)\b)|"
    r"also(?!\s+(?:called|known|referred|named|spelled|spelt|written))|aka|a\.k\.a\.|also known as|"
    r"(?:(?:also|sometimes|often|usually|commonly)\s+)?(?:spelled|spelt|written)|"
    r"(?P<weak>previously|earlier|originally|once|later|now|commonly|colloquially|informally|"
    r"popularly|often|usually|sometimes)(?=\s+[\"“*_]*(?:the\s+)?(?-i:[A-Z]))|"
    r"(?:real|birth|given|stage|pen|maiden|legal|original|scientific|botanical|Latin|common)"
    r"\s+name|"
    r"(?:(?:widely|commonly|popularly|often|usually|affectionately|better|locally|then|once|"
    r"formerly|previously|originally|later|at the time)\s+)?"
    r"(?:known as|called|nicknamed)|"
    r"also called|short(?=\s*:|\s+[\"“*_]*(?-i:[A-Z]))|officially|formally|in full|full name|full title|"
    r"today['’]s|modern(?:-day)?|present-day|now called|renamed|"
    r"brand names?(?: include| is| are)?|trade name|known locally as|locally|"
    r"(?:sold|marketed|branded|available)\s+as|"
    r"in (?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:\s+English)?\s*,)\s*:?\s+(?P<v>.+)$",
    re.IGNORECASE,
)
#: three or more names listed, the last after "or": "the puma, mountain lion or catamount"
_NAME_LIST = re.compile(
    r"(?:the\s+)?(?:[^\s,;:()\d]+\s+){0,3}[^\s,;:()\d]+"
    r"(?:,\s+(?:the\s+)?(?:[^\s,;:()\d]+\s+){0,3}[^\s,;:()\d]+)+"
    r",?\s+or\s+(?:the\s+)?(?:[^\s,;:()\d]+\s+){0,3}[^\s,;:()\d]+"
)
#: where a name holds: "(known as paracetamol outside North America)", "(… in 1990)"
_PLACE_WHERE = re.compile(
    r"\s+(?:in|on)\s+\d|\s+(?:in|outside|across|throughout|within|among|by)"
    r"\s+(?:the\s+)?(?:[A-Z]|most\b|many\b|some\b)"
)
#: a bracket inside a noun phrase, whose noun follows it ("outer (valence) electrons"): the
#: bracket's word is a modifier, not a name of the word before
_INSIDE_PHRASE = re.compile(
    r"\s+(?!(?:and|or|but|of|to|in|on|at|for|with|by|from|as|is|are|was|were|has|have|that|which|"
    r"who|so|than|then|also)\b)[a-z][a-z\-]*(?<!ed)(?<!ing)(?<!ly)\b"
)


def read_prefixed(b: Bracket) -> Generator[Fact, None, bool]:
    """ "(born Augusta Ada Byron)", "(often just Barça)", "(ticker SPY)", "(German: Donau)":
    a name after its marker or its language."""
    ctx, block, sent, m, plain, before = b.ctx, b.block, b.sent, b.m, b.plain, b.before
    # "(born Augusta Ada Byron)", "(often just Barça)", "(ticker SPY)", "(German: Donau)"
    pre = _PAREN_PREFIX.match(plain)
    foreign = _FOREIGN.match(plain)
    if pre is not None or foreign is not None:
        value = clean_name((pre or foreign).group("v"))  # type: ignore[union-attr]
        # "(also known as the puma, mountain lion or catamount)": a list of names, each a name;
        # not where a place says where the name holds ("known as paracetamol in the UK, Australia
        # or New Zealand": the places are no names) nor where an item is a phrase with a
        # preposition ("formerly Bombay, the capital of Maharashtra or …": a description)
        items = re.split(r",\s+(?:or\s+)?|\s+or\s+", value)
        listed = (
            [clean_name(n) for n in items]
            if _NAME_LIST.fullmatch(value)
            and not _PLACE_WHERE.search(value)
            and not any(re.search(r"\s(?:of|in|on|at|for|from|to|by)\s", n) for n in items)
            else []
        )
        # "(known as paracetamol outside North America)": the place it holds in is no name
        value = re.split(r"\s*[,;]\s*|" + _PLACE_WHERE.pattern, value)[0]
        value = clean_name(RANK.sub("", value))
        if re.match(r"(?:in|on|at|to|into|near)\s", value):
            return True  # "(born in Ulm)": a place, no birth name
        if (
            re.match(r"(?i)or\s", plain)
            and not value[:1].isupper()
            and not any(b == sent.start + len(before) for _, b in block.inline.emphasis)
        ):
            # "the stock (or water)": a substitute, not another name ("the
            # **cephalothorax** (or prosoma)": a term the answer highlights has one)
            return True
        term = gloss_noun(ctx, block, sent, m.start()) or term_before(ctx, block, sent, m.start())
        # "methylphenidate (sold as Ritalin)": a brand name's generic noun is lower-case
        branded = re.match(r"(?i)(?:sold|marketed|branded|brand|trade)\b", plain) is not None
        if term is None and (value.islower() or branded):
            # "an aubergine (also called eggplant)", "fresh coriander (or cilantro)": a noun
            np = ARTICLED.search(before)
            plain_noun = np.group("np") if np is not None else technical_term(before)
            term = Name(plain_noun) if plain_noun else None
        if term is not None and value and not re.fullmatch(r"[\d\s\u2013\-–.c]+", value):
            if (
                pre is not None
                and pre.group(0).lower().startswith("born")
                and re.search(r"\d", value)
            ):
                return True
            # "(also called the fairy penguin or blue penguin)": each of two names
            pair = re.fullmatch(
                r"(?P<a>(?:\S+\s+){0,3}\S+)\s+or\s+(?P<b>(?:\S+\s+){0,3}\S+)", value
            )
            for one in listed or (
                (pair.group("a"), clean_name(pair.group("b"))) if pair else (value,)
            ):
                yield b.fact("paren.alias", term, LinguisticKind.ALIAS, one)
        return True
    return False


def read_inside_name(b: Bracket) -> Generator[Fact, None, bool]:
    """ "the Eastern Roman (Byzantine) Empire": another word for the part before it."""
    text, m, plain, before = b.sent.text, b.m, b.plain, b.before
    tail = re.match(
        r"\s+(?!(?:Is|Are|Was|Were|The|An?|And|Or|In|On|At|Of|It|This)\b)"
        r"(?P<t>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)",
        text[m.end() :],
    )
    head = name_before(before) if tail is not None else None
    if tail is not None and head and re.fullmatch(r"[A-Z][\w'’\-]+", plain):
        # "the Eastern Roman (Byzantine) Empire": the name goes on after the bracket, which
        # holds another word for the part before it
        yield b.fact(
            "paren.inside",
            Name(f"{head} {tail.group('t')}"),
            LinguisticKind.ALIAS,
            f"{plain} {tail.group('t')}",
        )
        return True
    return False


def read_named(b: Bracket) -> Generator[Fact, None, bool]:
    """ "the cat family (Felidae)", "uses uracil (U)": a capitalised name of the thing before."""
    block, sent, plain, before, italic = b.block, b.sent, b.plain, b.before, b.italic
    if (
        plain[:1].isupper()
        and not re.search(r"[,;]", plain)  # "(Huron, Ontario, …)": a list, not a name
        # a number only as a route's or a model's ("(Route 1)"), not a date or a measure
        and (not re.search(r"\d", plain) or re.fullmatch(r"[A-Z][a-z]+ \d{1,3}", plain))
        and len(plain.split()) <= 5
        and not re.search(r"\b(?:is|are|was|were|see|e\.g|i\.e|for short)\b", plain)
    ):
        # the name right before: a highlighted term or a capitalised run, never an item's head
        # far before it ("Install Docker Desktop (macOS) or Docker Engine (Linux)")
        end = sent.start + len(before)
        bold = [block.text[a:b] for a, b in block.inline.emphasis if end - 2 <= b <= end]
        named_text = clean_name(bold[-1]) if bold else (name_before(before) or "")
        np = re.search(
            # "The European honey bee (*Apis mellifera*)": a capitalised adjective opens it
            r"\b(?i:the|a|an)\s+(?P<np>(?:[A-Z][a-z\-]+\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})$",
            before,
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
        if (
            not named_text
            and word is not None
            and re.fullmatch(r"[A-Z][a-z]?", plain)
            and word.group(1)[0] == plain[0].lower()
        ):
            named_text = word.group(1)  # "uses uracil (U) instead": a one-letter symbol
        if not named_text and italic and word is not None and len(plain.split()) <= 2:
            named_text = word.group(1)  # "such as apples (*Malus*)"
            run = LISTED_RUN.search(before)
            if run is not None:
                # "moulds such as black bread mould (*Rhizopus*)": after a list's opener the
                # whole lower-case noun phrase is named, not its last word
                named_text = run.group("np")
        two = re.fullmatch(
            r".+?\s+and\s+(?:the\s+)?(?P<last>[A-Z][\w'’\-]*(?:\s+[\w'’\-]+)+)", named_text
        )
        if not bold and two is not None:
            # "the British Red Cross and the Turkish Red Crescent (Kızılay)", "Arabic and
            # Standard Moroccan Amazigh (Berber)": the bracket names the last of two names
            # ("Bosnia and Herzegovina" is one)
            named_text = two.group("last")
        if (
            named_text
            and named_text.lower() != plain.lower()
            and not initials_match(named_text, plain)
        ):
            yield b.fact(
                "paren.name",
                Name(named_text),
                LinguisticKind.ALIAS,
                clean_name(RANK.sub("", plain)),
            )
        return True
    return False


def read_taxon_name(b: Bracket) -> Generator[Fact, None, bool]:
    """ "Rosaceae (the rose family)": a taxon's everyday name."""
    inner, plain, before = b.inner, b.plain, b.before
    taxon_named = name_before(before)
    if (
        re.fullmatch(
            r"(?:the\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s+(?:family|order|genus|class)", inner
        )
        and taxon_named
        and re.fullmatch(r"[A-Z][a-z]+", taxon_named)
    ):
        # "Rosaceae (the rose family)": a taxon's everyday name
        yield b.fact("paren.taxon_name", Name(taxon_named), LinguisticKind.ALIAS, plain)
        return True
    return False


def read_common_name(b: Bracket) -> Generator[Fact, None, bool]:
    """ "the *Shinkansen* (bullet train)", "causes pyrexia (high body temperature)": an
    everyday name or plain words for a term."""
    ctx, block, sent, text, m, inner, plain, before = (
        b.ctx,
        b.block,
        b.sent,
        b.sent.text,
        b.m,
        b.inner,
        b.plain,
        b.before,
    )
    # "the **Saturniidae** (emperor moths, including the atlas moth)": the name before the
    # examples
    plain = re.split(r",\s+(?:including|such as|e\.g\.|notably|especially)\s", plain)[0]
    if common_name(plain):
        # "the *Shinkansen* (bullet train)": the thing's everyday name
        highlighted = term_before(ctx, block, sent, m.start())
        end = sent.start + len(before)
        verb = re.search(r"\b(?:you|we|they|i|he|she|it)\s+\S+$", before, re.IGNORECASE)
        article = None
        if (
            highlighted is not None
            and verb is None  # "something you *know* (your password)": a verb, no term
            and not NOT_ALIAS.match(inner)
            and any(end - 2 <= b <= end for _, b in block.inline.emphasis)
            and not re.search(r",.*(?:…|\.\.\.|\betc\b)", inner)  # "(users, orders, …)": examples
        ):
            # "**Tala** (*tāla*, "clap")": the name before the quoted meaning (read as a
            # translation by the inline glosses)
            name = re.split(r",\s*[\"“]", plain)[0]
            yield b.fact("paren.common", highlighted, LinguisticKind.ALIAS, name)
        elif (
            (
                len(plain.split()) >= 2
                # "an aubergine (eggplant)", "the hydrogen nuclei (protons)": one word for
                # another, after an article ("the eggs (two)" counts them)
                or (
                    (article := ARTICLED.search(before)) is not None
                    # "a stock of kombu (kelp)", "the rules of football (soccer)": a noun
                    # after "of" is one too
                    # (not inside a noun phrase: "the number of outer (valence) electrons")
                    or re.search(r"\bof\s+[a-z][\w\-]+$", before) is not None
                    and not _INSIDE_PHRASE.match(text[m.end() :])
                )
                and COUNT_WORD.fullmatch(plain) is None
            )
            and "," not in inner  # "(daemon, dockerd)": a list, not a gloss
            and (technical := technical_term(before)) is not None
        ):
            article = article or ARTICLED.search(before)
            if article is not None and technical in article.group("np"):
                technical = article.group("np")  # the whole noun phrase after the article
            # "causes pyrexia (high body temperature)": a term glossed in everyday words
            yield b.fact("paren.plain", Name(technical), LinguisticKind.SYNONYM, plain)
    return False
