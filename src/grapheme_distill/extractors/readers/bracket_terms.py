"""Which term a bracket is about, and the bracket under reading: the highlighted term or the
name ending right before it, the long form whose initials its short form spells, the noun a
taxon's gloss opens with.  Cut out of :mod:`.parentheses` (issue 11, twenty-fifth session) with
the readings of a bracket, which all ask these questions: :mod:`.paren_renderings`,
:mod:`.paren_short_forms` and :mod:`.paren_names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.bracket_phrases import ARTICLED
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.terms import (
    FUNCTION,
    initials_match,
    lfact,
    name_before,
    taxon_key,
    term_at,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "RANK",
    "Bracket",
    "acronym_of_run",
    "bracket_term",
    "gloss_noun",
    "long_before",
    "marked_before",
    "spells",
    "term_before",
]


@dataclass
class Bracket:
    """One bracket of a sentence under reading: where it is, what it holds (``plain``, cleaned;
    a reading may narrow it for the readings after it) and what comes before it.  The readings
    are tried in turn and the first that takes the bracket ends its reading, because which
    reading a bracket gets depends on the readings tried before it."""

    ctx: ReadContext
    block: Block
    sent: Sentence
    hedged: bool
    m: re.Match[str]
    inner: str
    plain: str
    before: str
    #: the bracket's words are highlighted (set by the foreign-word reading, asked by later ones)
    italic: bool = False

    def fact(
        self,
        construction: str,
        term: Name,
        kind: LinguisticKind,
        value: str,
        hedged: bool | None = None,
    ) -> Fact:
        """A linguistic fact read from this bracket's sentence (hedged as the sentence is)."""
        return lfact(
            self.block,
            self.sent,
            construction,
            term,
            kind,
            value,
            self.hedged if hedged is None else hedged,
        )


RANK = re.compile(
    r"(?i)^(?:(?:super|sub|infra|par)?(?:kingdom|phylum|class|order|family|genus|species|tribe))\s+"
)


def spells(long: str, abbr: str) -> bool:
    """:func:`initials_match`, and for a numbered short form the same with the number set aside
    ("COVID-19" / "coronavirus disease 2019", "SARS-CoV-2" / "… coronavirus 2"): the number ends
    both forms, and the long form's number ends with the short form's."""
    if initials_match(long, abbr):
        return True
    short_num = re.search(r"[\s\-]?(\d+)$", abbr)
    long_num = re.search(r"\s(\d+)$", long)
    if short_num is None or long_num is None or not long_num.group(1).endswith(short_num.group(1)):
        return False
    return initials_match(long[: long_num.start()], abbr[: short_num.start()])


def long_before(before: str, abbr: str) -> str | None:
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


_LONG_RUN = re.compile(
    r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|for|de|la|on|in))*[*_\s]*$"
)


def acronym_of_run(before: str, abbr: str) -> str | None:
    """ "International Federation of Red Cross and Red Crescent Societies (IFRC)": a capitalised
    run whose acronym takes some of its words (three capitals or more, in order, the first word's
    first), when no run's initials spell it whole."""
    if not re.fullmatch(r"[A-Z]{3,8}", abbr):
        return None
    found = _LONG_RUN.search(before)
    if found is None:
        return None
    run = clean_name(re.sub(r"^(?:(?:of|the|and|for|de|la|on|in)\s+)+", "", found.group(0)))
    initials = [w[0] for w in run.split() if w.lower() not in FUNCTION]
    if len(initials) < len(abbr) or initials[0] != abbr[0]:
        return run if initials_match(run, abbr) else None
    pos = 0
    for ch in abbr[1:]:
        pos = next((i for i in range(pos + 1, len(initials)) if initials[i] == ch), -1)
        if pos < 0:
            return run if initials_match(run, abbr) else None
    return run


def marked_before(block: Block, sent: Sentence, pos: int) -> str | None:
    """The highlighted term ending right before a bracket opened at ``pos`` (in the sentence)."""
    end = sent.start + len(sent.text[:pos].rstrip())
    for a, b in block.inline.emphasis:
        if end - 2 <= b <= end and not block.text[b:end].strip(' *_"”'):
            return clean_name(block.text[a:b]) or None
    return None


def term_before(ctx: ReadContext, block: Block, sent: Sentence, pos: int) -> Name | None:
    """The term right before a parenthesis: a highlighted term ending there ("**Umkhonto we
    Sizwe** (…)"), else the usual term (item head, clause subject, capitalised run)."""
    end = sent.start + len(sent.text[:pos].rstrip())
    if (marked := marked_before(block, sent, pos)) is not None:
        return Name(marked)
    if block.role == "key_value" and block.key is not None and end > block.key[1]:
        # "**Education:** Pennsylvania College for Women (now Chatham University)": the bracket
        # renames the value right before it, not the key
        named = name_before(sent.text[:pos])
        return Name(named) if named is not None else None
    term = term_at(ctx, block, sent, pos)
    if term is None and (named := name_before(sent.text[:pos])) is not None:
        # "placed at Chang'an (today's Xi'an)": a name after a preposition, right before
        return Name(named)
    return term


def bracket_term(block: Block, sent: Sentence, pos: int) -> Name | None:
    """The term a bracket opened at ``pos`` (in the sentence) is about, when a marker inside it
    gives another name: "the **fit note** (formally the …, still widely called a sick note)",
    "clean the trap (the U-shaped bend …, also called the P-trap)".  A highlighted term or a
    capitalised name ending right before the bracket, else the noun after an article; None
    otherwise (the caller keeps its own term)."""
    before = sent.text[:pos].rstrip()
    if (marked := marked_before(block, sent, pos)) is not None:
        return Name(marked)
    if (named := name_before(before)) is not None:
        return Name(named)
    articled = ARTICLED.search(before)
    return Name(articled.group("np")) if articled is not None else None


def gloss_noun(ctx: ReadContext, block: Block, sent: Sentence, pos: int) -> Name | None:
    """The noun phrase a taxon's gloss opens with, when a bracket at ``pos`` (in the sentence)
    follows it at once: "**Eudyptula** — the little penguin (also called the fairy penguin …)".
    A Latin genus glossed by the everyday name of its species: the other names in the bracket are
    the species', not the genus's (elsewhere "**Term** — the thing (also called …)" renames the
    term, whose genus the noun phrase is)."""
    if block.key is None or block.value is None or not taxon_key(ctx, block, block.key_text()):
        return None
    end = sent.start + pos
    if not block.value[0] <= end <= block.value[1]:
        return None
    opened = re.fullmatch(
        r"\s*(?:the|a|an)\s+(?P<np>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})\s*",
        block.text[block.value[0] : end],
    )
    return Name(opened.group("np")) if opened is not None else None
