"""Parentheses after a name or a term, in the forms answers use them: "Alpha Beta Code (ABC)",
"ABC (alpha beta code)", "(born Augusta Ada Byron)", "(German: Donau)", "(often just Barça)",
"(real name …)", "(zucchini in American English)", "Tokyo (東京)", "324 m (1,063 ft)", "(a Y that
…)", "(structures that …)", "(*socis*)", "pyrexia (high body temperature)".

Cut out of :mod:`.linguistic` (issue 11, fourth session) to keep that module under 800 lines;
one function reads every parenthesis of a sentence, because which reading a parenthesis gets
depends on the readings tried before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grapheme_distill.extractors.base import may_contain
from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.bracket_phrases import (
    ARTICLED,
    COUNT_WORD,
    FINITE,
    FORMULA,
    LISTED_RUN,
    NAMING_TAIL,
    NOT_ALIAS,
    chemical_name,
    common_name,
    last_clause,
    phrase_before,
    technical_term,
)
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.terms import (
    ABBR,
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
    "bracket_term",
    "gloss_noun",
    "read_parentheses",
    "spells",
]

_PAREN = re.compile(r"\((?P<p>[^()]{1,120})\)")
_FOREIGN = re.compile(r"^(?P<lang>[A-Z][a-z]+)\s*:\s*(?P<v>.+)$")


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


_LONG_RUN = re.compile(
    r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|for|de|la|on|in))*[*_\s]*$"
)


def _acronym_of_run(before: str, abbr: str) -> str | None:
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
_REGIONAL = re.compile(
    r"^(?:(?:also\s+)?(?:called|known\s+as|named)\s+)?"  # "(called norepinephrine in the US)"
    r"(?P<v>[^,;()]{2,40}?)\s+in\s+(?:the\s+)?(?:(?:American|British|US|UK|Australian|Canadian|"
    r"Irish|Indian|North American|Scottish)(?:\s+(?:English|spelling|usage))?|U\.S\.|U\.K\.|States|"
    r"America|Britain)$"
)
_PAREN_EXPANSION = re.compile(
    r"(?i)^(?:(?:an?|the)\s+)?(?:acronym|abbreviation|initialism|short)\s+(?:for|of)\s+(?P<v>[^;]+)$"
)
_PAREN_LITERAL = re.compile(
    r"^(?:literally\s+|[A-Z][a-z]+\s+for\s+)[\"“‘'](?P<v>[^\"”’']{2,60})[\"”’']?$"
)
#: a measure ending the text, with the word that makes it approximate ("about 230 °C"): the
#: annotators keep that word, as the answer's reader does
_QUANTITY = re.compile(
    r"(?:^|\s)(?P<q>(?:(?i:about|around|roughly|approximately|nearly|almost)\s+)?"
    r"[~≈]?\d[\d,.]*\s*(?:[a-zA-Z°%²³/]+\.?)(?:\s*[a-zA-Z²³]+)?)$"
)
#: (a measure in two units of one system: "6 ft 6 in", "11 st 4 lb")
_QUANTITY_IN = re.compile(
    r"^[~≈]?(?:about\s+)?\d[\d,.]*\s*[a-zA-Z°%²³/]+(?:\s*[a-zA-Z²³]+)?"
    r"(?:\s+\d[\d,.]*\s*[a-zA-Z]+)?$"
)
#: a bracket inside a noun phrase, whose noun follows it ("outer (valence) electrons"): the
#: bracket's word is a modifier, not a name of the word before
_INSIDE_PHRASE = re.compile(
    r"\s+(?!(?:and|or|but|of|to|in|on|at|for|with|by|from|as|is|are|was|were|has|have|that|which|"
    r"who|so|than|then|also)\b)[a-z][a-z\-]*(?<!ed)(?<!ing)(?<!ly)\b"
)
RANK = re.compile(
    r"(?i)^(?:(?:super|sub|infra|par)?(?:kingdom|phylum|class|order|family|genus|species|tribe))\s+"
)


def _marked_before(block: Block, sent: Sentence, pos: int) -> str | None:
    """The highlighted term ending right before a bracket opened at ``pos`` (in the sentence)."""
    end = sent.start + len(sent.text[:pos].rstrip())
    for a, b in block.inline.emphasis:
        if end - 2 <= b <= end and not block.text[b:end].strip(' *_"”'):
            return clean_name(block.text[a:b]) or None
    return None


def _term_before(ctx: ReadContext, block: Block, sent: Sentence, pos: int) -> Name | None:
    """The term right before a parenthesis: a highlighted term ending there ("**Umkhonto we
    Sizwe** (…)"), else the usual term (item head, clause subject, capitalised run)."""
    end = sent.start + len(sent.text[:pos].rstrip())
    if (marked := _marked_before(block, sent, pos)) is not None:
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
    if (marked := _marked_before(block, sent, pos)) is not None:
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


def read_parentheses(
    ctx: ReadContext, block: Block, sent: Sentence, hedged: bool
) -> Iterator[Fact]:
    text = sent.text
    for m in _PAREN.finditer(text):
        inner = m.group("p").strip()
        plain = clean_name(inner)
        before = text[: m.start()].rstrip()
        if not plain:
            continue
        if (
            (q := _QUANTITY.search(before)) is not None
            and _QUANTITY_IN.match(plain)
            # "160 ml water (64% hydration)": a share is no conversion of a measure
            and ("%" in plain) == ("%" in q.group("q"))
        ):
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
            if "," in expanded and (term is None or not spells(expanded, term.text)):
                # "(short for water, sanitation and hygiene)" is whole where it spells the term;
                # elsewhere a comma ends it ("(short for caffè latte, an espresso drink)")
                expanded = clean_name(expanded.split(",")[0])
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
        if RANK.match(plain) and (taxon := clean_name(RANK.sub("", plain))):
            # "Vertebrates (subphylum Vertebrata)": the scientific name of the group
            term = _term_before(ctx, block, sent, m.start())
            if term is not None and term.text.lower() != taxon.lower():
                yield lfact(block, sent, "paren.taxon", term, LinguisticKind.ALIAS, taxon, hedged)
            continue
        if (regional := _REGIONAL.match(plain)) is not None:
            # "courgettes (zucchini in American English)": the word another region uses; "An
            # elevator (known as a lift in the UK)": a plain noun after an article as well
            articled = ARTICLED.search(before)
            term = _term_before(ctx, block, sent, m.start()) or (
                Name(articled.group("np")) if articled is not None else None
            )
            if term is not None:
                value = clean_name(regional.group("v"))
                yield lfact(
                    block, sent, "paren.regional", term, LinguisticKind.ALIAS, value, hedged
                )
            continue
        # "(born Augusta Ada Byron)", "(often just Barça)", "(ticker SPY)", "(German: Donau)"
        pre = _PAREN_PREFIX.match(plain)
        foreign = _FOREIGN.match(plain)
        if pre is not None or foreign is not None:
            value = clean_name((pre or foreign).group("v"))  # type: ignore[union-attr]
            # "(known as paracetamol outside North America)": the place it holds in is no name
            value = re.split(
                r"\s*[,;]\s*|\s+(?:in|on)\s+\d|\s+(?:in|outside|across|throughout|within|among|by)"
                r"\s+(?:the\s+)?(?:[A-Z]|most\b|many\b|some\b)",
                value,
            )[0]
            value = clean_name(RANK.sub("", value))
            if re.match(r"(?:in|on|at|to|into|near)\s", value):
                continue  # "(born in Ulm)": a place, no birth name
            if (
                re.match(r"(?i)or\s", plain)
                and not value[:1].isupper()
                and not any(b == sent.start + len(before) for _, b in block.inline.emphasis)
            ):
                # "the stock (or water)": a substitute, not another name ("the
                # **cephalothorax** (or prosoma)": a term the answer highlights has one)
                continue
            term = gloss_noun(ctx, block, sent, m.start()) or _term_before(
                ctx, block, sent, m.start()
            )
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
                    continue
                # "(also called the fairy penguin or blue penguin)": each of two names
                pair = re.fullmatch(
                    r"(?P<a>(?:\S+\s+){0,3}\S+)\s+or\s+(?P<b>(?:\S+\s+){0,3}\S+)", value
                )
                for one in (pair.group("a"), clean_name(pair.group("b"))) if pair else (value,):
                    yield lfact(block, sent, "paren.alias", term, LinguisticKind.ALIAS, one, hedged)
            continue
        if FORMULA.fullmatch(plain) and (substance := chemical_name(before)) is not None:
            # "carbon dioxide (CO₂)", "sodium chloride (NaCl)": a substance and its formula, the
            # formula's short form of the name (a capitalised name before it is read below as
            # one an acronym spells: "Museum of Modern Art (MoMA)")
            yield lfact(
                block,
                sent,
                "paren.formula",
                Name(substance),
                LinguisticKind.ABBREVIATION,
                plain,
                hedged,
            )
            continue
        first = re.split(r"[,;]\s*", plain)[0]
        if re.fullmatch(ABBR, first) and not first.isdigit():
            plain = first
            long = _long_before(before, plain) or _acronym_of_run(before, plain)
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
            elif (
                plain == inner
                and any(a == block.text.find(inner, sent.start) for a, _ in block.inline.emphasis)
                and re.match(r"(?:the|an?)\s+[a-z]", phrase := phrase_before(before).strip())
                and 3 <= len(phrase.split()) <= 4
            ):
                # "along with the default Wi-Fi name (**SSID**)": a highlighted short form the
                # words before do not spell is a term those words gloss
                yield lfact(
                    block,
                    sent,
                    "paren.marked_short",
                    Name(plain),
                    LinguisticKind.DEFINITION,
                    phrase,
                )
            elif (
                plain == inner
                and len(plain) >= 3  # "(UK)", "(US)": a two-letter code says where, not what
                and not re.fullmatch(r"[IVXLCDM]+", plain)  # "(VIII)": a regnal number
                and (marked := _marked_before(block, sent, m.start())) is not None
                and not re.fullmatch(ABBR, marked)
            ):
                # "a compound called **2-acetyl-1-pyrroline** (2AP)": a short form right after
                # the term the answer highlights is that term's, though its letters are not the
                # term's initials
                yield lfact(
                    block,
                    sent,
                    "abbrev.marked",
                    Name(marked),
                    LinguisticKind.ABBREVIATION,
                    plain,
                    hedged,
                )
            continue
        # "ABC (…)", and "ABC codes (…)": the acronym may come with the noun it qualifies
        # (a short form may be clipped from its words' starts: "**ExComm** (the Executive …)")
        short = re.search(
            r"(?:^|[\s*_\"“])(?P<a>" + ABBR + r"|[A-Z][a-z]+(?:[A-Z][a-z]*)+)[*_\"”]*"
            r"(?:\s+(?P<n>[a-z]+))?$",
            before,
        )
        noun = short.group("n") if short is not None else None
        if (
            short is not None
            and noun is not None
            and "," not in plain
            and may_contain(plain, (noun,))  # before a pattern built from it (``re``'s cache)
            and re.search(r"\s" + re.escape(noun) + r"$", plain, re.IGNORECASE)
            and spells(plain[: -len(noun)].strip(), short.group("a"))
        ):
            # "a MAC address (media access control address)": both forms end in the noun the
            # acronym qualifies; the names are the whole phrases, one another's alias
            yield lfact(
                block,
                sent,
                "abbrev.noun_expansion",
                Name(plain),
                LinguisticKind.ALIAS,
                f"{short.group('a')} {noun}",
                hedged,
            )
            continue
        # "JWT (JSON Web Token, pronounced "jot")": the expansion ends at a comma
        spelt = plain if "," not in plain else clean_name(plain.split(",")[0])
        if short is not None and spelt and spells(spelt, short.group("a")):
            # "ABC (Alpha Beta Code)" and "ABC (alpha beta code)": the expansion, never an is-a
            yield lfact(
                block,
                sent,
                "abbrev.expansion",
                Name(spelt),
                LinguisticKind.ABBREVIATION,
                short.group("a"),
                hedged,
            )
            continue
        italic = any(a == block.text.find(inner, sent.start) for a, _ in block.inline.emphasis)
        articled = re.match(r"(?:the|an?)\s+(?=\S)", inner)
        if (
            not italic
            and articled is not None
            and any(
                a == block.text.find(inner, sent.start) + articled.end()
                for a, _ in block.inline.emphasis
            )
        ):
            # "leaving a thick rim (the **cornicione**)": the article is no part of the term
            italic, plain = True, clean_name(inner[articled.end() :])
        if italic:
            # "the yellow-eyed penguin (*hoiho* in Māori)": the language is no part of the word
            plain = re.sub(r"\s+in\s+[A-Z][^\W\d_]+$", "", plain)
        if italic and len(plain.split()) <= 3 and plain[:1].islower() and "," not in plain:
            # "owned by its members (*socis*)": the foreign word is glossed by the phrase before it
            # "sensitivity to light (*photophobia*)": "to" and "of" join the gloss's own words;
            # an earlier bracket or an "or" ends it
            # (a phrase too long for a gloss is cut there too: "able to make the pilgrimage")
            phrase = phrase_before(before)
            # (a pattern built from the phrase goes into ``re``'s cache and pushes the readers'
            # fixed patterns out: it is built only for a one-word phrase after a bracket)
            shared = (
                re.search(
                    r"\b(?P<h>[a-z]+\s+(?:to|of))\s+[\w\-]+\s*\([^()]*\)\s*,?\s*(?:and|or)\s+"
                    + re.escape(phrase.strip())
                    + r"\s*$",
                    before,
                )
                if len(phrase.split()) == 1 and ")" in before
                else None
            )
            if shared is not None:
                # "sensitivity to light (*photophobia*) and sound (*phonophobia*)": the second
                # gloss shares the first one's head
                phrase = f"{shared.group('h')} {phrase.strip()}"
            # "**Finish it** (the *mantecatura*)": a pronoun's phrase names nothing
            pronoun = re.search(r"\b(?:it|them|this|that|these|those)\s*$", phrase) is not None
            if not pronoun and 1 <= len(phrase.split()) <= 4:
                yield lfact(
                    block,
                    sent,
                    "paren.foreign",
                    Name(plain),
                    LinguisticKind.DEFINITION,
                    clean_name(phrase),
                    hedged,
                )
            elif not pronoun and (clause := last_clause(before)) is not None:
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
        bare_gloss = re.match(  # "Ribosomes (structures that assemble proteins …)"
            r"^(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s\s+(?:that|which|who|where)\s", plain
        )
        # "the trap (the U-shaped bend under the sink, also called the P-trap)": a definite
        # genus glosses the noun before the bracket too, when it states nothing ("(the meeting is
        # poorly documented)"); another name after it is read by the alias forms
        definite = (
            re.match(r"the\s+(?:[a-z]|[A-Z]-)", inner) is not None
            and FINITE.search(plain) is None
            and len(plain.split()) >= 3
        )
        if (re.match(r"^(?:a|an)\s+\w+", plain) or bare_gloss or definite) and len(
            plain.split()
        ) >= 3:
            glossed_name = name_before(before)
            term = Name(glossed_name) if glossed_name else None
            if term is None and definite:
                term = bracket_term(block, sent, m.start())
            gloss = NAMING_TAIL.split(inner if definite else plain)[0].strip()
            if term is not None and len(gloss.split()) >= 2:
                yield lfact(
                    block,
                    sent,
                    "paren.gloss",
                    term,
                    LinguisticKind.DEFINITION,
                    gloss,
                    hedged,
                )
            continue
        tail = re.match(
            r"\s+(?!(?:Is|Are|Was|Were|The|An?|And|Or|In|On|At|Of|It|This)\b)"
            r"(?P<t>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)",
            text[m.end() :],
        )
        head = name_before(before) if tail is not None else None
        if tail is not None and head and re.fullmatch(r"[A-Z][\w'’\-]+", plain):
            # "the Eastern Roman (Byzantine) Empire": the name goes on after the bracket, which
            # holds another word for the part before it
            yield lfact(
                block,
                sent,
                "paren.inside",
                Name(f"{head} {tail.group('t')}"),
                LinguisticKind.ALIAS,
                f"{plain} {tail.group('t')}",
                hedged,
            )
            continue
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
                yield lfact(
                    block,
                    sent,
                    "paren.name",
                    Name(named_text),
                    LinguisticKind.ALIAS,
                    clean_name(RANK.sub("", plain)),
                    hedged,
                )
            continue
        taxon_named = name_before(before)
        if (
            re.fullmatch(
                r"(?:the\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s+(?:family|order|genus|class)", inner
            )
            and taxon_named
            and re.fullmatch(r"[A-Z][a-z]+", taxon_named)
        ):
            # "Rosaceae (the rose family)": a taxon's everyday name
            yield lfact(
                block,
                sent,
                "paren.taxon_name",
                Name(taxon_named),
                LinguisticKind.ALIAS,
                plain,
                hedged,
            )
            continue
        # "the **Saturniidae** (emperor moths, including the atlas moth)": the name before the
        # examples
        plain = re.split(r",\s+(?:including|such as|e\.g\.|notably|especially)\s", plain)[0]
        if common_name(plain):
            # "the *Shinkansen* (bullet train)": the thing's everyday name
            highlighted = _term_before(ctx, block, sent, m.start())
            end = sent.start + len(before)
            verb = re.search(r"\b(?:you|we|they|i|he|she|it)\s+\S+$", before, re.IGNORECASE)
            article = None
            if (
                highlighted is not None
                and verb is None  # "something you *know* (your password)": a verb, no term
                and not NOT_ALIAS.match(inner)
                and any(end - 2 <= b <= end for _, b in block.inline.emphasis)
                and not re.search(
                    r",.*(?:…|\.\.\.|\betc\b)", inner
                )  # "(users, orders, …)": examples
            ):
                # "**Tala** (*tāla*, "clap")": the name before the quoted meaning (read as a
                # translation by the inline glosses)
                name = re.split(r",\s*[\"“]", plain)[0]
                yield lfact(
                    block, sent, "paren.common", highlighted, LinguisticKind.ALIAS, name, hedged
                )
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
                yield lfact(
                    block,
                    sent,
                    "paren.plain",
                    Name(technical),
                    LinguisticKind.SYNONYM,
                    plain,
                    hedged,
                )
