"""Who a linguistic form is about: the term before a marker, a name run, the initials test.

"X, also known as Y", "X (Y)", "It is sometimes called Y", "- **Mary I** — …, often called Y":
the marker is found by the alias and definition readers, the term it refers to is found here,
one way for all of them (the item's head in a list item, the clause's subject, the capitalised
run right before the marker, a bold term ending there).
"""

from __future__ import annotations

import re
import unicodedata

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext, Sentence
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name
from grapheme_distill.extractors.readers.hierarchy import item_head
from grapheme_distill.extractors.readers.plurals import singular
from grapheme_distill.extractors.readers.values import EVENT_NOUNS
from grapheme_distill.model.knowledge import LinguisticKind

__all__ = [
    "ABBR",
    "FUNCTION",
    "PRONOUNS",
    "STANDS",
    "initials_match",
    "lfact",
    "name_before",
    "pronoun_subject",
    "taxon_key",
    "term_at",
]

#: An abbreviation's shape: "WHO", "ATP", "fMRI", "K8s", "2FA", "3D"; "Sgr A*" excepted.
ABBR = r"[a-z]?[A-Z][A-Za-z0-9&.\-]{0,9}[A-Z0-9.]s?|[A-Z]{2}|\d[A-Z]{1,4}"
STANDS = re.compile(
    r"^(?:the\s+)?(?P<a>" + ABBR + r")\s+(?:stands for|is short for|is an abbreviation (?:of|for)|"
    r"is the (?:usual |common |official |standard )?(?:abbreviation|acronym|short form) (?:of|for)|"
    r"is shorthand for|is an acronym (?:of|for)|means)\s+(?P<v>[^.;:]+)"
)

FUNCTION = frozenset(
    {"of", "and", "the", "for", "in", "on", "de", "la", "to", "a", "an", "&", "du", "des"}
)
#: a run of capitalised words (with the particles names hold) ending a text; it starts at a word's
#: start ("the family Felidae" is "Felidae", not "y Felidae" cut from "family")
_NAME_RUN = re.compile(
    r"(?<![\w'’&.\-])(?:[A-Z0-9][\w'’&.\-]*|of|the|and|de|la|du|von|van|der|y|for|&)"
    r"(?:\s+(?:[A-Z0-9][\w'’&.\-]*|of|the|and|de|la|du|von|van|der|y|for|&))*$"
)
#: prepositions an acronym may skip as well as the function words ("by", "with")
_LINKS = frozenset({"by", "with", "at", "from", "into", "over", "under", "per", "via", "or"})
PRONOUNS = frozenset({"it", "this", "they", "he", "she", "these", "that"})


def long_and_short(x: str, y: str) -> tuple[str, str] | None:
    """``(long form, short form)`` when one of two names spells the other ("DNA" and
    "Deoxyribonucleic acid", in either order), else None."""
    if initials_match(x, y):
        return x, y
    if initials_match(y, x):
        return y, x
    return None


def _plain(text: str) -> str:
    """``text`` without its accents ("Ísland" -> "Island"): an acronym is written in ASCII
    capitals whatever the marks of the words it takes its letters from."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


#: a short form clipped from the starts of words, each start capitalised: "ExComm", "SoHo", "FinCEN"
_CLIPPED = re.compile(r"(?:[A-Z][a-z]*){2,6}")


def _clipped(words: list[str], abbr: str) -> bool:
    """ "Executive Committee" / "ExComm": each capital of the short form opens a piece that begins
    one content word in turn; an "of …" qualifier after them may go unspelled ("Executive
    Committee of the National Security Council")."""
    if not _CLIPPED.fullmatch(abbr) or abbr.isupper():
        return False
    pieces = re.findall(r"[A-Z][a-z]*", abbr)
    lowered = [w.lower() for w in words]
    head = lowered[: lowered.index("of")] if "of" in lowered[1:] else lowered
    content = [w for w in head if w not in FUNCTION]
    return len(content) == len(pieces) and all(
        w.startswith(p.lower()) for w, p in zip(content, pieces, strict=True)
    )


def initials_match(long: str, abbr: str) -> bool:
    """True when the words of ``long`` spell ``abbr`` ("World Health Organization" / "WHO")."""
    long = _plain(long)
    letters = [c.upper() for c in abbr if c.isalpha()]
    words = re.findall(r"[\w']+", long.replace("-", " "))
    if _clipped(words, abbr):
        return True
    if (
        re.fullmatch(r"[A-Z]{3}", abbr)
        and len(words) == 2
        and words[0][:1] == abbr[0]
        and words[1][:1].islower()
        and words[1][:1].upper() == abbr[2]
    ):
        # "Icelandic króna" / "ISK", "Japanese yen" / "JPY": a currency's code (ISO 4217) is its
        # country's two letters and its own initial
        return True
    if len(words) == 1 and re.search(r"\d", abbr) and len(abbr) >= 2:
        # "Twenty20" / "T20": the short form's letters and digits, in order, inside one word
        word, pos = words[0].upper(), 0
        if word[:1] != abbr[:1].upper():
            return False
        for ch in abbr.upper():
            pos = word.find(ch, pos) + 1
            if pos == 0:
                return False
        return True
    if len(letters) < 2 or not words:
        return False
    content = [w[0].upper() for w in words if w.lower() not in FUNCTION]
    every = [w[0].upper() for w in words]
    # "light amplification by stimulated emission of radiation" / "LASER": prepositions too may
    # go without a letter
    lexical = [w[0].upper() for w in words if w.lower() not in FUNCTION | _LINKS]
    if letters in (content, every, lexical) or _hyphen_initials(long, letters):
        return True
    if re.search(r"\d", abbr) and [c.upper() for c in abbr if c.isalnum()] == [
        c for w in words if w.lower() not in FUNCTION for c in (w if w.isdigit() else w[0].upper())
    ]:
        return True  # "Type 1 diabetes" / "T1D": a number word gives its digits
    compound = re.match(r"\s*(?P<c>[\w']+(?:-[\w']+){2,})\s+[a-z]+\s*$", long)
    if compound is not None and letters == [p[0].upper() for p in compound["c"].split("-")]:
        # "debt-to-income ratio" / "DTI", "loan-to-value ratio" / "LTV": a compound of three
        # parts or more spells the short form, the noun it qualifies goes without a letter
        return True
    # letters taken from inside words ("adenosine triphosphate" / "ATP", "ribonucleic acid" / "RNA")
    joined = "".join(w.upper() for w in words if w.lower() not in FUNCTION)
    # … only for a short form written as one ("ATP", "fMRI"), not a word ("Amphibia" is no
    # abbreviation of "Amphibians")
    acronym = sum(c.isupper() for c in abbr) * 2 >= len(letters)
    if acronym and content and content[0] == letters[0] and len(content) <= len(letters):
        pos = 0
        for ch in letters:
            pos = joined.find(ch, pos)
            if pos < 0:
                break
            pos += 1
        else:
            if _each_word_opens([w.upper() for w in words if w.lower() not in FUNCTION], letters):
                return True
    return _title_spells(long, abbr)


def _title_spells(long: str, abbr: str) -> bool:
    """ "Trade-Related Aspects of Intellectual Property Rights" / "TRIPS", "European Space
    Research and Technology Centre" / "ESTEC": an acronym of three to eight capitals that takes a
    letter from inside a word of a name in title case (two words or more, all capitalised but the
    small ones, more words than letters allowed): the name opens with the acronym's first letter,
    its letters hold the acronym's in order, and its words' initials give all of them but one.
    (Was ``parentheses._loosely_spells``, a second spelling rule beside this module's; one rule
    now serves every caller.)"""
    if not re.fullmatch(r"[A-Z]{3,8}", abbr):
        return False
    words = re.findall(r"[^\W\d_]+", long)
    content = [w for w in words if w.lower() not in FUNCTION]
    if len(content) < 2 or not all(w[0].isupper() for w in content) or content[0][0] != abbr[0]:
        return False
    letters, pos = "".join(words).upper(), 0
    for ch in abbr:
        pos = letters.find(ch, pos) + 1
        if pos == 0:
            return False
    initials = {w[0] for w in content}
    return sum(ch in initials for ch in abbr) >= len(abbr) - 1


def _each_word_opens(words: list[str], letters: list[str]) -> bool:
    """The letters split into one run per word, in order, each run opening with its word's
    initial and taking its other letters from inside that word ("RIBONUCLEIC ACID": RN | A).
    A verb before the name gives no letter of it ("is the Icelandic króna" does not spell ISK
    by "IS" + "K")."""

    def take(i: int, k: int) -> bool:
        if i == len(words):
            return k == len(letters)
        if k >= len(letters) or letters[k] != words[i][0]:
            return False
        pos, end = 1, k + 1
        ends = [end]
        while end < len(letters):
            pos = words[i].find(letters[end], pos) + 1
            if pos == 0:
                break
            end += 1
            ends.append(end)
        return any(take(i + 1, e) for e in ends)

    return take(0, 0)


def _hyphen_initials(long: str, letters: list[str]) -> bool:
    """ "time-based one-time passwords" / "TOTP": each word gives its initial, and the later
    parts of a hyphenated word may each give theirs or not ("-based" does not, "-time" does)."""
    groups = [
        [p[0].upper() for p in w.split("-") if p]
        for w in re.findall(r"[\w'’]+(?:-[\w'’]+)+|[\w'’]+", long)
        if w.lower() not in FUNCTION
    ]
    if not any(len(g) > 1 for g in groups) or len(groups) > len(letters):
        return False

    def spell(i: int, k: int) -> bool:
        if i == len(groups):
            return k == len(letters)
        head, *rest = groups[i]
        if k >= len(letters) or letters[k] != head:
            return False
        ends = {k + 1}
        for ch in rest:  # each later part: its initial taken or skipped
            ends |= {e + 1 for e in ends if e < len(letters) and letters[e] == ch}
        return any(spell(i + 1, e) for e in ends)

    return spell(0, 0)


def name_before(text: str) -> str | None:
    """The name that ends right before a position: a capitalised run ("Frida Kahlo")."""
    tail = text.rstrip(' ,*_"“”\u2013\u2014')  # "The Fed — usually called …"
    m = _NAME_RUN.search(tail)
    if m is None:
        return None
    name = clean_name(m.group(0))
    while name and name.split()[0].lower() in FUNCTION:
        name = clean_name(" ".join(name.split()[1:]))
    # "the 1889 World's Fair": a year or an ordinal may open a name that a capital goes on with
    opened = name[:1].isupper() or re.match(r"\d[\w'’]*\s+[A-Z]", name) is not None
    if not name or not opened or len(name.split()) > 8:
        return None
    if (shared := _SHARED_HEAD.fullmatch(name)) is not None:
        # "Symphonies No. 5 and No. 6 (*Pastoral*)": the name right before is the last one,
        # "Symphony No. 6", its head noun shared with the one before
        return f"{singular(shared.group('head'))} {shared.group('last')}"
    return name


#: "Symphonies No. 5 and No. 6", "Parts I and II": a plural head shared by numbered names
_SHARED_HEAD = re.compile(
    r"(?P<head>[A-Z][a-z]+s)\s+(?:(?:No\.|Op\.|Part|Book|Act)\s+)?[\dIVX]+\w*"
    r"(?:,\s+(?:(?:No\.|Op\.|Part|Book|Act)\s+)?[\dIVX]+\w*)*\s+and\s+"
    r"(?P<last>(?:(?:No\.|Op\.|Part|Book|Act)\s+)?[\dIVX]+\w*)"
)


#: a name right after one of these is a time or place, not what a marker names ("after Brexit,
#: known as the UK GDPR"); "the abbreviation for X, known in English as Y" does name X
_PREPOSITIONS = frozenset(
    {"after", "before", "since", "during", "until", "in", "on", "at", "from", "into", "than"}
    | {"like", "unlike", "under", "over", "about"}
)


_TRAILING_ADVERBS = re.compile(
    r"(?:\b(?:better|best|also|often|usually|commonly|widely|popularly|sometimes|now|later|"
    r"formerly|previously|once|originally|historically|still)\s*)+$"
)
_VERBISH = r"(?i)\b(?:is|are|was|were|has|have|had|will|can|may|it|they|he|she|we|you|i)\b"


#: an FAQ heading: "What is a dividend?", "What are index funds?", "Q: What is X?"
_FAQ = re.compile(
    r"^(?:Q\s*[:.]\s*)?(?:What|Who)\s+(?:is|are|was|were)\s+(?:(?:a|an|the)\s+)?"
    r"(?P<x>[^?]{2,50}?)\s*\?\s*$",
    re.IGNORECASE,
)


def pronoun_subject(ctx: ReadContext, block: Block) -> Name | None:
    """What "it" or "this" opening a block means: the term an FAQ heading asks about ("## What is
    a dividend?" / "It is a share of …"), else the section's implicit subject."""
    heading = ctx.doc.heading_of(block)
    if heading is not None and (faq := _FAQ.match(heading.text.strip())) is not None:
        term = clean_name(faq.group("x"))
        if term and len(term.split()) <= 5:
            return Name(term)
    subject = ctx.section_subject(block)
    if subject is not None and re.match(
        r"(?i)(?:what|who|why|how|when|where|which)\b", subject.text
    ):
        # a question's label taken for the topic ("**What it was:** … In Russia it is called
        # …"): the heading over it names the subject
        text = heading.text.split(":")[0] if heading is not None else ""
        name = clean_name(re.sub(r"\s*\([^)]*\)?", "", text))
        return Name(name) if name and not text.rstrip().endswith("?") else None
    return subject


#: the last word of a name that is no person's: an event, an institution, a notion
_NOT_PERSON = re.compile(
    rf"\b(?:{EVENT_NOUNS}|Empire|Kingdom|Dynasty|Republic|Company|Society|Museum|Treaty|Act|"
    r"[A-Za-z]+(?:tion|ment|ism|ance|ence|ity|ship|ology))$|^[a-z]"
)


def _not_a_person(name: Name) -> bool:
    """The section's subject cannot be what "he" or "she" means: a thing the answer called one,
    an event or an institution by its last word, or a lower-case notion."""
    return name.thing or _NOT_PERSON.search(name.text) is not None


def term_at(ctx: ReadContext, block: Block, sent: Sentence, upto: int) -> Name | None:
    """The term a marker at ``upto`` (sentence offset) refers to: the item's head in a list item
    ("- **Mary I** — ..., often called "Bloody Mary""), the clause's subject ("It is sometimes
    called ..."), else the name right before the marker."""
    # "X, better known as", "X, previously known as": the adverb is not part of the term
    before = _TRAILING_ADVERBS.sub("", sent.text[:upto])
    # the item's first sentence, even when an abbreviation cut it ("**Mary I** (r. 1553–1558) —
    # …, often called "Bloody Mary"": "r." is no sentence end)
    if block.is_item and not re.search(r"[.!?]\s+[A-Z]", block.text[: sent.start + 1]):
        head = item_head(block)
        if head is not None and head[2] <= sent.start + upto:
            return Name(head[0])
    subj = re.match(
        r"^(?P<x>.+?)\s+(?:is|was|are|were|has been|had been)\b(?:\s+\w+ly)?\s*,?$", before.strip()
    )
    relative = re.search(r",\s*(?:which|who)\s*$", before)
    if relative is not None and (named := name_before(before[: relative.start()])) is not None:
        # "… moved from Kyoto to Edo, which was renamed Tokyo": the name the relative follows
        return Name(named)
    if subj is not None:
        x = re.sub(r"\s*\([^)]*\)", "", subj.group("x"))  # "The cat family (Felidae) is …"
        x = clean_name(re.split(r",\s*(?:who|which|whose|that)?\b", x)[0])
        x = re.sub(r"['’]s$", "", x)  # "Prince's real name was …": Prince
        # "In Japan it is simply called *gohan*": where it is so called is no part of the term
        x = re.sub(
            r"^(?:In|On|At|Across|Throughout|Among|Within|Outside)\s+[^,]*?,?\s+"
            r"(?=(?:it|they|he|she)$)",
            "",
            x,
        )
        if x.lower() in ("he", "she"):
            # "He is known today as Emperor Meiji" in a section about the Meiji Restoration: a
            # person's pronoun never means an event, a thing or a notion the section is about
            who = pronoun_subject(ctx, block)
            return who if who is not None and not _not_a_person(who) else None
        if x.lower() in ("it", "they") and block.role == "glossary" and block.key is not None:
            # "**Net pay**: what is left after deductions. It is often called "take-home pay"":
            # a glossary item's pronoun is its term, not the section's subject
            key = clean_name(re.sub(r"\s*\([^)]*\)", "", block.key_text()))
            if key:
                return Name(key)
        if x.lower() in PRONOUNS:
            return pronoun_subject(ctx, block)
        return Name(x) if x and len(x.split()) <= 8 else None
    if re.search(r"(?:^|\s)(?:it|they|It|They)\s*,?$", before.strip()):
        # "It is called the Caribbean Crisis in Russia", "In Russia it is called …": the pronoun
        # is the block's implicit subject
        return pronoun_subject(ctx, block)
    name = name_before(before)
    if name is not None:
        preceding = before[: before.rstrip(' ,*_"“”\u2013\u2014').rfind(name.split()[0])].split()
        if preceding and preceding[-1].lower() in _PREPOSITIONS:
            return None  # "after Brexit, known as the UK GDPR": Brexit is not what is named
        return Name(re.sub(r"['’]s$", "", name))  # "Prince's real name": Prince
    bold = [
        block.text[a:b]
        for a, b in block.inline.emphasis
        if b <= sent.start + upto and b >= sent.start + upto - 3
    ]
    if bold:
        # "A **full blood count (FBC)** — called …": the short form in brackets is no part of it
        return Name(clean_name(re.sub(r"\s*\([^()]*\)?\W*$", "", bold[-1])))
    # "Magnetic resonance imaging, commonly abbreviated MRI, …": a lower-case term opening the
    # sentence, cut off by the marker's comma
    # ("Samuel Clemens wrote under the pen name …" has no such comma: no term is cut from it)
    comma = r"\s*,\s*" if not sent.text[upto:].lstrip().startswith(",") else r"\s*,?\s*"
    opening = re.fullmatch(r"\s*(?P<x>[A-Za-z][\w'’\-]*(?:\s+[\w'’\-]+){0,4}?)" + comma, before)
    if opening is not None and not re.search(_VERBISH, opening.group("x")):
        return Name(clean_name(opening.group("x")))
    return None


def lfact(
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


#: a taxon's Latin name: a family's or order's ending, or the list sits under a rank word
_TAXON_SUFFIX = re.compile(r"[A-Z][a-z]+(?:idae|inae|aceae|ales|formes|oidea|iformes|ini)")
_RANK_CUE = re.compile(
    r"(?i)\b(?:famil(?:y|ies)|genus|genera|suborders?|subfamil(?:y|ies)|orders|species|"
    r"taxonom\w*|classif\w*)\b"
)


def taxon_key(ctx: ReadContext, block: Block, term: str) -> bool:
    """ "**Hesperiidae** — …", "**Eudyptula** — …" under "The main genera:": an item keyed by a
    taxon's Latin name (one capitalised word with a family's or order's ending, or one in a
    list under a rank word: "The main families:", "## Genera", "How are penguins classified?")."""
    if not re.fullmatch(r"[A-Z][a-z]{3,}", term):
        return False
    if _TAXON_SUFFIX.fullmatch(term) is not None:
        return True
    lead, heading = ctx.doc.lead_of(block), ctx.doc.heading_of(block)
    context = " ".join(b.text for b in (lead, heading) if b is not None) + " " + ctx.prompt
    return _RANK_CUE.search(context) is not None
