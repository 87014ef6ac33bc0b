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
The forms inside one sentence are read by :mod:`.alias_forms`, parentheses by
:mod:`.parentheses`; this module walks the blocks and adds the forms that span the answer.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.alias_forms import read_alias_forms
from grapheme_distill.extractors.readers.bracket_phrases import common_name
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.definitions import (
    read_definitions,
)
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name, is_hedged
from grapheme_distill.extractors.readers.glossary import (
    glossed,
    read_glossary,
    read_glossary_paragraph,
    read_glossary_row,
)
from grapheme_distill.extractors.readers.hierarchy import item_head
from grapheme_distill.extractors.readers.parentheses import RANK
from grapheme_distill.extractors.readers.terms import (
    ABBR,
    FUNCTION,
    initials_match,
    lfact,
    pronoun_subject,
)
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = ["initials_match", "read_linguistic"]

#: "It's the yearly cost of …", "It is what you earn …": a gloss of what the sentence before named
_IT_IS = re.compile(r"^(?:It['’]s|It is|This is)\s+(?P<v>(?:the|a|an|what|how|when|where)\s.+)$")

_HEAD_PAREN = re.compile(
    r"^(?P<t>[^()\d|]{2,60}?)\s*\((?P<a>[^()\d|]{2,80})\)\s*(?:$|[\u2013\u2014:,|-])"
)
#: where a bracket's other name ends and its origin or meaning begins: "(*tāla*, "clap")",
#: "(*rāga*, from Sanskrit "colour" or "passion")"
_ORIGIN = re.compile(r",\s*(?:[\"“]|(?:from|literally|lit\.|meaning)\b)")
#: the word between two other names offered as alternatives in one bracket: "(orca, or
#: blackfish)", "(puma or mountain lion)", "(puma, also catamount)"
_ALTERNATIVES = re.compile(r",?\s+or\s+(?:simply\s+)?|,\s+also\s+")
#: an alternative that is a count or a frequency: "(one or two tablets)", "(once or twice a week)"
_COUNT = re.compile(
    r"(?i)(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|"
    r"several|once|twice|half)\b)"
)

#: a head that ends in a preposition waits for its object ("Pay by", "Served with", "Made
#: from"): what its bracket holds completes it and is no other name of it
_OPEN_HEAD = re.compile(
    r"(?i)\s(?:by|with|without|from|of|for|in|on|at|to|into|via|per|as|like|using)\W*$"
)


def read_linguistic(ctx: ReadContext) -> Iterator[Fact]:
    source = ctx.doc.source
    if len(re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]", source)) > 0.02 * len(source):
        return  # binary garbage, not prose: brackets and capitals there name nothing
    facts: list[Fact] = []
    for block in ctx.doc.blocks:
        listed = _listed_name(ctx, block) if block.is_item else None
        if listed is not None:
            facts.append(listed)  # a name's gloss tells its history, not what a term means
        elif glossed(block):
            facts.extend(read_glossary(ctx, block))
        if block.role == "table_row":
            facts.extend(read_glossary_row(ctx, block))
        if block.role == "paragraph":
            facts.extend(read_glossary_paragraph(ctx, block))
        if block.role in ("heading", "table_row") or block.is_item:
            # ("| Olympic (standard) | 1.5 km | …": a row's first cell is its head)
            facts.extend(_head_alias(block))
        if block.role in ("key_value", "table_row"):
            facts.extend(_ranked_common_name(block))
        spelled: Name | None = None  # the long form the last sentence spelled out
        for sent in ctx.sentences(block):
            said = list(_sentence(ctx, block, sent))
            if spelled is not None and (then := _IT_IS.match(sent.text)) is not None:
                # "APR stands for annual percentage rate. It's the yearly cost of borrowing …"
                value = re.sub(r"\s*\([^()]*\)", "", then.group("v")).rstrip(". ")
                value = re.split(r"\s+[\u2013\u2014]\s+|;\s", value)[0]
                if len(value.split()) >= 3:
                    said.append(
                        lfact(
                            block,
                            sent,
                            "abbrev.then_gloss",
                            spelled,
                            LinguisticKind.DEFINITION,
                            value,
                        )
                    )
            spelled = next((f.subject for f in said if f.construction == "abbrev.stands_for"), None)
            facts.extend(said)
    full = list(_full_names(ctx))
    # the canonical name is the form the prompt or a heading uses ("Who was Nelson Mandela?" …
    # "Nelson Rolihlahla Mandela … is known by his clan name, Madiba"): other items of the full
    # name are said of it
    named = ctx.prompt + " " + " ".join(b.text for b in ctx.doc.blocks if b.role == "heading")
    canonical = {
        f.value: f.subject
        for f in full
        if f.subject.text in named and re.search(rf"\b{re.escape(f.subject.text)}\b", named)
    }
    facts = [
        dataclasses.replace(f, subject=canonical[f.subject.text])
        if f.subject.text in canonical
        else f
        for f in facts
    ]
    facts += [*_acronyms_in_use(ctx, facts), *full, *_vernacular_taxa(ctx, facts)]
    dropped = _dropped(facts, f"{source}\n{ctx.prompt}")
    for f in facts:
        if id(f) in dropped:
            continue
        tidy = _tidy(f)
        if tidy is not None:
            yield tidy


def _dropped(facts: list[Fact], text: str = "") -> set[int]:
    """The ids of the readings the answer's other readings overrule: a term clipped from a
    longer one (:func:`_clipped_terms`), then a repeated copula definition (:func:`_redefined`)
    among the readings that stay: a clipped reading defines nothing, so it cannot be the term's
    first definition ("**sink trap** (…)" read also as "trap (…)" must not drop a later "A trap
    is …").  ``text`` is the answer and its prompt, where a name shows its capital."""
    clipped = _clipped_terms(facts)
    return clipped | _redefined([f for f in facts if id(f) not in clipped], text)


def _redefined(facts: list[Fact], text: str = "") -> set[int]:
    """The ids of copula definitions ("X is a …") of a term the answer has already defined
    earlier, by any construction.  A term is defined once, where the answer introduces it; a
    later "X is a …" about the same term re-describes it (a role, a property, a use: "Sharks
    are marine animals that live in the ocean. … Sharks are predators that hunt …", "Migraine
    is a moderate to severe headache … Migraine is a common neurological condition, affecting
    …"), which the gold does not count as a definition.  The form narrowed: the repeated copula
    definition of one term; its first definition stays.  Per-construction counts of such
    repeats (today's reads): devtrain 3 right / 4 wrong, val11-25 1 / 3, the unseen reads of
    batches 26-35 1 / 18.  Terms are compared with their case: a capital tells a name from a
    common noun ("Python is a programming language … a python is a large snake" defines two
    terms, "Python" written with its capital inside a sentence: "What is Python?"); only a
    leading article and highlighting are set aside.  A capital that only opens a sentence or a
    line is no name's: "Osmosis is … Put simply, osmosis is a passive process …" repeats one
    term (:func:`_term_key`)."""
    first: dict[str, int] = {}
    for f in facts:
        if f.linguistic is LinguisticKind.DEFINITION:
            term = _term_key(f.subject.text, text)
            first[term] = min(first.get(term, f.span[0]), f.span[0])
    return {
        id(f)
        for f in facts
        if f.construction == "copula.definition"
        and first.get(_term_key(f.subject.text, text), f.span[0]) < f.span[0]
    }


def _term_key(term: str, text: str) -> str:
    """A term as :func:`_redefined` compares it: as written (:func:`_written`), but a word
    capitalised only on its first letter, and never so inside a sentence of ``text`` (after a
    word or a comma on the same line: a heading's last word is no sentence's), in lower case: the
    capital was the sentence's ("Osmosis is …" opening a paragraph is the "osmosis" of a later
    sentence), not a name's ("What is Python?")."""
    written = _written(term)
    if not written[:1].isupper() or written[1:] != written[1:].lower():
        return written
    inside = rf"[\w,;)][^\S\n]+[*_]*{re.escape(written)}(?![\w'’\-])"
    return written if re.search(inside, text) else written.lower()


def _written(text: str) -> str:
    """A term as it is written, its case kept: highlighting and a leading article set aside."""
    return re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", " ".join(text.replace("*", "").split()))


def _said(text: str) -> str:
    """A term or value as two readings of one bracket compare it: case, highlighting and a
    leading article set aside ("the first chair" / "first chair")."""
    return re.sub(r"^(?:the|an?)\s+", "", " ".join(text.lower().replace("*", "").split()))


def _clipped_terms(facts: list[Fact]) -> set[int]:
    """The ids of readings whose term is the last words of another reading's term, said with
    the same value in an overlapping span: two readers took one bracket's term to different
    starts ("- common foxglove (*Digitalis purpurea*)" gave "common foxglove" as the item's head
    and "foxglove" as the word before; "**second violin** (the inner part)" the highlighted term
    and "violin").  The noun phrase is the term; its last word is a second, wrong entity and
    item.  Only a bracket reader's term is clipped so (a table's column head is a name of its
    own: "Cardiac arrest" over a cell's "sudden cardiac arrest (SCA)"), and a capitalised name
    after "and" is kept ("the Danish Red Cross and the Norwegian Red Cross (…)" names the last
    one)."""
    said = [
        (f, _said(f.subject.text), _said(f.value))
        for f in facts
        if f.kind == "linguistic" and f.value
    ]
    clipped: set[int] = set()
    for short, term, value in said:
        if not short.construction.startswith("paren."):
            continue  # only the bracket readers take the words right before as the term
        for long, other, again in said:
            if (
                again == value
                and other.endswith(" " + term)
                and long.span[0] < short.span[1]
                and short.span[0] < long.span[1]
                and not (short.subject.text[:1].isupper() and re.search(r"\b(?:and|or)\b", other))
            ):
                clipped.add(id(short))
                break
    return clipped


#: the readings whose term is a phrase quoted from another language or rendered in words
_RENDERING = re.compile(r"translation|literal|script|means|meaning")

#: a possessive or a pronoun in a name's place: "His relationship with **George Sand** (the pen
#: name of …)" names nobody "His"
_NO_NAME = frozenset(
    {"his", "her", "its", "their", "our", "my", "your", "he", "she", "it", "they", "this", "these"}
)


def _tidy(fact: Fact) -> Fact | None:
    """A name pair without the words a marker left around it: an example's "e.g." before the
    term ("e.g. salbutamol, known as albuterol"), the "or"/"of" a marker left before the value
    ("often abbreviated, or AI", "the pen name of …"); None for a pronoun in the term's place,
    and for a definition of a term four words long or more."""
    if fact.linguistic is LinguisticKind.DEFINITION:
        if len(fact.subject.text.split()) >= 4 and not _RENDERING.search(fact.construction):
            # "**Second subject in a contrasting key** — the dominant …", "**Long course /
            # short course** — …": a term is a word or a short compound (534 of devtrain's 538
            # gold definitions name three words or fewer); a head of four words or more is a
            # label or a description, and what follows it states facts about it.  A phrase
            # rendered or translated ("*Veni, vidi, vici* means …") is a quotation, not a term.
            return None
        return fact
    if fact.linguistic is None:
        return fact
    if fact.subject is None or fact.subject.text.lower() in _NO_NAME:
        return None
    term = re.sub(r"^(?:e\.g\.|i\.e\.)\s+", "", fact.subject.text)
    value = re.sub(r"^(?:or|of)\s+(?=\S)", "", fact.value or "")
    if term == fact.subject.text and value == fact.value:
        return fact
    if not term or not value:
        return None
    return dataclasses.replace(
        fact, subject=dataclasses.replace(fact.subject, text=term), value=value
    )


#: a person's name as a run of capitalised words, with the particles names hold
_PERSON_RUN = re.compile(
    r"(?<![\w'’])[A-Z][^\W\d_]+(?:\s+(?:[A-Z][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*|[A-Z]\.|di|de|da|"
    r"van|von|del|la|le|bin|ibn))+"
    r"(?![\w'’])"
)


def _full_names(ctx: ReadContext) -> Iterator[Fact]:
    """ "## Alan Turing" … "Alan Mathison Turing was …": a longer form of a name the answer or
    the prompt uses, with the same first and last word, is another name of it (the full name)."""
    runs: dict[str, Block | None] = {}
    for block in ctx.doc.blocks:
        if ctx.injected(block):
            continue
        for m in _PERSON_RUN.finditer(block.text):
            runs.setdefault(m.group(0), block)
    for m in _PERSON_RUN.finditer(ctx.prompt):
        runs.setdefault(m.group(0), None)
    shorts = [r for r in runs if len(r.split()) == 2 and not re.search(r"\.|\s[a-z]", r)]
    done: set[str] = set()
    for long, where in runs.items():
        words = long.split()
        if where is None or not 3 <= len(words) <= 5 or words[0] in ("The", "A", "An"):
            continue
        for short in shorts:
            first, last = short.split()
            if words[0] == first and words[-1] == last and long not in done:
                done.add(long)
                yield lfact(where, None, "alias.full_name", Name(short), LinguisticKind.ALIAS, long)


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITAL_RUN = re.compile(
    r"\b[A-Z][\w'’\-]*(?:\s+(?:of|the|for|and|on|de|[A-Z][\w'’\-]*))*\s+[A-Z][\w'’\-]*"
)


def _acronyms_in_use(ctx: ReadContext, facts: list[Fact]) -> Iterator[Fact]:
    """ "The European Union adopted it … companies outside the EU": an acronym the answer uses
    without defining it, for a name it spelled out elsewhere."""
    paired = {f.value for f in facts if f.linguistic is LinguisticKind.ABBREVIATION}
    # (a definition of the short form pairs it with no long form: "OPEC … is an organisation …")
    paired |= {
        f.subject.text
        for f in facts
        if f.linguistic is not None and f.linguistic is not LinguisticKind.DEFINITION
    }
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


#: a lead-in or heading over a list of the subject's names: "The city has gone by several
#: names:", "Other names:", "## Names", "It has been known as:"
_NAMES_LEAD = re.compile(
    r"(?i)^(?:(?:other|alternative|former|earlier|historical|local)\s+)?(?:names|nicknames)\s*:?$|"
    r"\b(?:(?:gone|went|go(?:es)?)\s+by|had|has\s+had|been\s+known\s+by|borne)\s+"
    r"(?:\w+\s+){0,2}(?:names|nicknames)\b|\b(?:known|called)\s+(?:as|by)\s*:$|"
    r"\bother\s+names\b.*:$"
)


def _listed_name(ctx: ReadContext, block: Block) -> Fact | None:
    """ "The city has gone by several names: / - **Byzantium** — the Greek colony … /
    - **Constantinople** — …": each item of a list of names is another name of the subject."""
    lead, heading = ctx.doc.lead_of(block), ctx.doc.heading_of(block)
    if block.level != 0 or not (
        (lead is not None and _NAMES_LEAD.search(lead.text.strip()))
        or (lead is None and heading is not None and _NAMES_LEAD.search(heading.text.strip()))
    ):
        return None
    head = item_head(block)
    subject = pronoun_subject(ctx, block)
    if head is None or subject is None or not head[0][:1].isupper() or len(head[0].split()) > 6:
        return None
    if head[0].lower() == subject.text.lower():
        return None
    return lfact(block, None, "alias.names_list", subject, LinguisticKind.ALIAS, head[0])


def _head_alias(block: Block) -> Iterator[Fact]:
    """ "## Baleen whales (Mysticeti)", "- orca (killer whale), which ...": the other name."""
    m = _HEAD_PAREN.match(block.text)
    if m is None or (len(m.group("a")) > 40 and _ORIGIN.search(m.group("a")) is None):
        return  # (a long bracket is a remark, unless its other name comes before its origin)
    # "**Tala** (*tāla*, "clap")": the name, not the quoted meaning after it
    term, other = clean_name(m.group("t")), clean_name(_ORIGIN.split(m.group("a"))[0])
    if re.search(r":|,|\s[\u2013\u2014-]\s", m.group("t")):
        return  # "Woodwinds — flutes (plus the piccolo)", "Headquarters: Geneva (…)": no head
    if _OPEN_HEAD.search(term):
        return  # "- Pay by (cash or card)": the bracket is the head's object, no other name
    gloss = " ".join(m.group("a").replace("*", "").split())
    if re.match(r"(?:the|a|an)\s+\S+\s+\S+", gloss) and not re.search(r"\d", gloss):
        # "- **Ribosomes** (the protein factories of the cell): …": a gloss of the head
        yield lfact(block, None, "head.paren_gloss", Name(term), LinguisticKind.DEFINITION, gloss)
        return
    regional = re.match(
        r"(?i)in (?:the\s+)?[A-Z][\w.]*(?:\s+English)?,\s+(?:the\s+)?(?P<v>.+)$", other
    )
    if regional is not None:  # "Concertmaster (in the UK, the *leader*)"
        names = [clean_name(regional.group("v"))]
    else:
        # "## Killer whale (orca, or blackfish)", "- **Cougar** (puma or mountain lion)": two
        # other names offered as alternatives are two names, not one
        names = [clean_name(n) for n in _ALTERNATIVES.split(other)]
        if any(n.islower() and not common_name(n) for n in names):
            return  # "harp (often counted with the strings)": a remark, not a name
        if len(names) > 1 and any(_COUNT.match(n) for n in names):
            return  # "## Dose (one or two tablets)", "(once or twice a week)": a count, no name
    for other in names:
        if (alias := _head_other(term, other)) is not None:
            yield lfact(block, None, "head.paren", Name(term), LinguisticKind.ALIAS, alias)


def _head_other(term: str, other: str) -> str | None:
    """The other name a head's bracket gives, cleaned, or None where it is no name of the head."""
    other = clean_name(RANK.sub("", other))  # "Amphibians (class Amphibia)"
    # "**Puff pastry** (French: *pâte feuilletée*)": the language is no part of the other name
    other = re.sub(r"^[A-Z][a-z]+:\s*", "", other)
    # "**Anaemia** (*anemia* in American spelling)": where the other name is used is no part of it
    other = re.sub(
        r"\s+in\s+(?:the\s+)?(?:American|British|US|UK|U\.S\.|U\.K\.|Australian|Canadian)"
        r"(?:\s+(?:English|spelling|usage))?$",
        "",
        other,
    )
    if (
        not term
        or not other
        or len(other) > 40
        or len(term.split()) > 5
        or re.fullmatch(ABBR, other)
        or re.match(
            r"(?i)(?:plural|singular|pl\.|r\.|c\.|born|died|est\.|see|e\.g|i\.e|also|or|and|"
            r"officially|formally|formerly|previously|originally|once|now|aka)\b",
            other,
        )
        or initials_match(term, other)
        # "**Turn off WPS** (Wi-Fi Protected Setup)": the bracket spells the acronym ending the
        # head (read as an abbreviation), not another name of the whole head
        or (
            (last := re.search(r"\s(" + ABBR + r")$", term)) is not None
            and initials_match(other, last.group(1))
        )
    ):
        return None
    return other


def _sentence(ctx: ReadContext, block: Block, sent: Sentence) -> Iterator[Fact]:
    """One sentence's alias and abbreviation forms, then its definitions (one hedge for both)."""
    hedged = is_hedged(sent.text)
    yield from read_alias_forms(ctx, block, sent, hedged)
    yield from read_definitions(ctx, block, sent, hedged)


#: a taxon named with its rank ("class Arachnida", "**Phylum:** Arthropoda", "| Order | Araneae |")
_RANKED_TAXON = re.compile(
    r"(?i:\b(?:super|sub|infra|par)?(?:phylum|class|order|family|genus))[\s*_:|]*?\s"
    r"[\s*_|]*(?P<t>[A-Z][a-z]{4,})\b"
)
_PLURAL_WORD = re.compile(r"\b[a-z]{5,}s\b")
#: the words ``_RANKED_TAXON`` needs one of (a cheap test before its scan)
_RANK_WORDS = ("phylum", "class", "order", "family", "genus")


def _vernacular_taxa(ctx: ReadContext, facts: list[Fact]) -> Iterator[Fact]:
    """ "**Class:** Arachnida … spiders are arachnids", "phylum Mollusca … other molluscs": a
    taxon the answer names with its rank, and the English plural it also uses for the group
    (the Latin stem, bar its last three letters at most), are one group's two names."""
    if not any(may_contain(b.text, _RANK_WORDS) for b in ctx.doc.blocks):
        return  # no rank named (most answers): skip the scan of every block's plural words
    said = {(f.subject.text.lower(), f.value.lower()) for f in facts}
    words = {w for b in ctx.doc.blocks for w in _PLURAL_WORD.findall(b.text)}
    done: set[str] = set()
    for block in ctx.doc.blocks:
        if ctx.injected(block):
            continue
        for m in _RANKED_TAXON.finditer(block.text):
            taxon = m.group("t")
            if taxon in done:
                continue
            stem = taxon.lower()[: max(5, len(taxon) - 3)]
            common = sorted(w for w in words if w.startswith(stem) and len(w) <= len(taxon) + 2)
            if (
                len(common) == 1
                and not {(taxon.lower(), common[0]), (common[0], taxon.lower())} & said
            ):
                done.add(taxon)
                yield lfact(
                    block, None, "taxon.vernacular", Name(taxon), LinguisticKind.SYNONYM, common[0]
                )


#: a taxonomic rank as a key ("**Order:** Araneae (spiders)")
_RANK_KEY = re.compile(r"(?i)(?:super|sub|infra|par)?(?:kingdom|phylum|class|order|family|genus)")
_TAXON_COMMON = re.compile(
    r"(?P<t>[A-Z][a-z]+(?:\s+[a-z]+)?)\s*\((?:the\s+)?(?P<c>[a-z][a-z\- ]{2,40})\)"
)


def _ranked_common_name(block: Block) -> Iterator[Fact]:
    """ "**Order:** Araneae (spiders)", "**Family:** Felidae (cats)": a classification row's taxon
    and the everyday name in its bracket (other keys' brackets say where or when: "Ulm
    (Germany)", "Arabic (official)")."""
    if block.role == "table_row":  # "| Order | Araneae (spiders) |"
        cells = [clean_name(c) for c in block.cell_texts()]
        key, value = (cells[0], cells[1]) if len(cells) == 2 else ("", "")
    else:
        key, value = block.key_text(), block.value_text()
    if not _RANK_KEY.fullmatch(key.strip()):
        return
    m = _TAXON_COMMON.fullmatch(value.strip())
    if m is not None and common_name(m.group("c")):
        yield lfact(
            block, None, "taxon.common", Name(m.group("t")), LinguisticKind.SYNONYM, m.group("c")
        )
