"""More candidate edges for the learned hierarchy layer (issue 11, seventh session).

Why.  The broad candidates of :mod:`.hierarchy_learned` reached only about half of the gold edges
of the development answers (dev75 0.708, val63 0.394): the decision cannot keep an edge nobody
proposed.  Reading the edges no candidate reached showed a few recurring shapes, each added here
as a candidate source (the model still decides which to keep):

* a parent's *core*: "Main campaigns" → "campaigns", "Triggers to avoid" → "Triggers", "HTTP
  method says what to" → "HTTP method", "genus *Canis*" → "Canis" (the gold names the class, the
  answer's words qualify it);
* the plural noun a lead-in ends with ("the WMF hosts several sister projects:" → "sister
  projects");
* the noun phrase before "including", "such as", "e.g." ("many musicians, including X",
  "acidic dishes such as tomato sauce", "**triptans** (e.g. sumatriptan)");
* a comparison table's header columns ("| | Patent | Trademark | Copyright |") as members of the
  class the answer names ("Both are transport-layer protocols", "types of cell division") or of
  the topic and heading;
* "Both are (types of) X", "Both belong to X": the two things just compared;
* "A and B belong to the same genus, *Solanum*";
* "made of / made from" (a nucleotide "made of a sugar, a phosphate group and a base");
* a rank in an item's parenthesis ("peppers and chillies (genus *Capsicum*)").

Each proposal goes through the ``add`` of :class:`.hierarchy_proposals._Proposals` with its own
``src=`` feature, so the model can weigh it apart.  Only text is read (no parse): the cost is a
few regular expressions per sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Name, clean_name
from grapheme_distill.extractors.readers.hierarchy_items import item_head, paragraph_text
from grapheme_distill.extractors.readers.hierarchy_names import list_after
from grapheme_distill.model.knowledge import HierarchyKind

__all__ = ["WORK_PARTS", "core_parent", "core_child", "np_before", "plural_tail", "propose_more"]

Add = Callable[[Name | None, str | None, HierarchyKind, Block, str, set[str]], None]

_LEADING = re.compile(
    r"(?i)^(?:(?:the|a|an|its|their|his|her|our|your|other|main|common|key|major|principal|"
    r"typical|different|various|several|some|many|few|these|those|most|important|notable|"
    r"famous|popular|basic|primary|core|essential|following|usual|standard|well-known|\d+|one|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)+"
)
# where a parent's noun phrase ends: a verb or a post-modifier ("Triggers to avoid", "HTTP method
# says what to", "projects launched since 2001")
_CUT = re.compile(
    r"\s+(?:to|that|which|who|you|we|for|in|on|at|from|with|by|says?|is|are|was|were|has|have|"
    r"can|will|may|might|should|must|include|includes|including|such|like|used|known|called|"
    r"vary|varies)\b.*$",
    re.IGNORECASE,
)
_RANK = re.compile(
    r"(?i)^(?:the\s+)?(?:kingdom|phylum|class|order|family|genus|tribe|subfamily|superfamily|"
    r"suborder|infraorder|species)\s+(?=[A-Z])"
)


@functools.lru_cache(maxsize=4096)
def core_parent(text: str) -> str | None:
    """The class a parent phrase names without its qualifiers, or None when that is the phrase
    itself (or nothing is left)."""
    core = _RANK.sub("", text.strip())
    core = _CUT.sub("", core)
    core = _LEADING.sub("", core)
    core = clean_name(core)
    if not core or core.lower() == text.strip().lower() or len(core.split()) > 4:
        return None
    if core.lower() in _STOPLIKE:
        return None
    return core


_STOPLIKE = frozenset(
    re.findall(
        r"\w+",
        "it they this that these those them one ones thing things way ways type types kind kinds "
        "part parts example examples ",
    )
)
_CHILD_PREFIX = re.compile(
    r"(?i)^(?:e\.g\.?,?|i\.e\.?,?|such as|including|for example,?|for instance,?|like|plus)\s+"
)


@functools.lru_cache(maxsize=4096)
def core_child(text: str) -> str:
    """A child without the cue that opens it ("e.g. salbutamol" → "salbutamol")."""
    out = _CHILD_PREFIX.sub("", text.strip())
    out = re.sub(r"(?i),?\s+(?:etc\.?|and so on|and more)$", "", out)
    return clean_name(out) if out != text else text


_NP_STOP = frozenset(
    re.findall(
        r"\w+",
        "the a an of in on to for by with and or its their his her our your many some other "
        "various several most all few certain different also from they it we you he she i this "
        "that these those is are was were be been has have had include includes included use "
        "uses used using over under about around than more less ",
    )
)


def np_before(text: str, max_words: int = 3) -> str | None:
    """The noun phrase that ends ``text`` ("He wrote over 2000 pieces of music" → "pieces of
    music", "simmering acidic dishes" → "acidic dishes"): up to ``max_words`` lower-case words
    read right to left, an "of" phrase kept whole."""
    text = re.sub(r"[\s,(*_]+$", "", text)
    # the phrase ends at a clause's punctuation ("For attacks: painkillers such as …")
    text = re.split(r"[:;.!?\u2013\u2014]\s|\s-\s", text)[-1]
    words = re.findall(r"[\w'’\-]+", text)
    tail: list[str] = []
    i = len(words) - 1
    while i >= 0 and len(tail) < max_words:
        w = words[i]
        if w.lower() == "of" and tail and i > 0 and words[i - 1].lower() not in _NP_STOP:
            tail.insert(0, w)  # "pieces of music"
            i -= 1
            continue
        if w.lower() in _NP_STOP or re.search(r"\d", w) or len(w) < 2 or w.endswith("ing") and tail:
            break
        tail.insert(0, w)
        i -= 1
    while tail and tail[0].lower() == "of":
        tail.pop(0)
    if not tail or not re.fullmatch(r"[a-z][\w\-]*", tail[-1]):
        return None
    return " ".join(tail)


_PREPOSITIONS = frozenset({"into", "onto", "through", "across", "between", "among", "like"})
# the phrase starts at a word's start: unanchored, "Ingredients:" gave "ngredients" (a word's tail)
_PLURAL_TAIL = re.compile(
    r"(?<![\w'\u2019\-])(?P<np>(?:[\w\-]+\s+){0,2}[a-z][\w\-]*[^s\W]s)\s*[:.]?\s*$"
)


def plural_tail(lead: str) -> str | None:
    """The plural noun phrase a lead-in ends with ("hosts several sister projects:" → "sister
    projects"), qualifiers dropped."""
    lead = re.sub(r"\s*\([^)]*\)", "", lead.rstrip())
    m = _PLURAL_TAIL.search(lead)
    if m is None:
        return None
    words = m.group("np").split()
    if words[-1].lower() in _NP_STOP | {"this", "its", "us", "yes", "thus", "plus", "has"}:
        return None
    determined = False
    while words and (
        words[0].lower() in _NP_STOP | _PREPOSITIONS or _LEADING.match(words[0] + " ")
    ):
        determined = True
        words.pop(0)
    # after a determiner the phrase is a noun phrase ("any of these red flags": "red" is no verb)
    while (
        not determined
        and len(words) > 1
        and re.search(r"(?:ed|es|s)$", words[0])
        and words[0][:1].islower()
    ):
        if words[0].lower().endswith("ss"):
            break
        words.pop(0)  # "hosts sister projects": a verb before the noun phrase
    return " ".join(words) or None


_BOTH = re.compile(
    r"(?i)^(?:but\s+)?(?:both|the two|all three|both of them|they)\s+(?:are|were)\s+"
    r"(?:(?:also|actually|technically)\s+)?(?:an?\s+|the\s+)?(?:(?:types?|kinds?|forms?|classes|"
    r"members?|parts?)\s+of\s+(?:the\s+|an?\s+)?)?(?P<y>[\w'’\-]+(?:\s+[\w'’\-]+){0,3})"
)
_BOTH_BELONG = re.compile(
    r"(?i)^(?:both|the two|all three|they)\s+(?:both\s+)?(?:belong|belonged)\s+to\s+(?:the\s+)?"
    r"(?P<y>[^,;.:()]{2,60})"
)
_SAME_RANK = re.compile(
    r"(?P<list>[^.;:]+?)\s+(?:both\s+|all\s+)?(?:belongs?|belonged|are|were)\s+(?:to\s+)?(?:in\s+)?"
    r"the\s+same\s+(?:genus|family|order|class|phylum|group|kingdom),?\s+\*?(?P<y>[A-Z][\w\-]+)"
)
_MADE_OF = re.compile(
    r"(?i)\b(?:made|built|formed|assembled)\s+(?:up\s+)?(?:of|from)\s+(?P<list>[^.;:]+)"
)
_PAREN_RANK = re.compile(
    r"\((?:the\s+)?(?:genus|family|order|class|phylum|tribe)\s+\*?(?P<y>[A-Z][\w\-]+)\*?\)"
)
_GENERIC_HEADER = re.compile(
    r"(?i)^(?:|feature|features|aspect|property|category|characteristic|criterion|"
    r"comparison|attribute|trait|point|dimension|difference|factor|detail|item)s?$"
)
_PARTICIPLE = re.compile(
    r"(?i)^(?:[a-z]{3,}ed|set|made|built|known|held|run|born|found|seen|given|taken|written|led|"
    r"grown|kept|sold|used|done|shown|spoken|paid|met|brought|thought)\b"
)
_BOLD_NAME = re.compile(r"\*\*(?P<n>[^*]{1,60})\*\*")
_Y_END = re.compile(
    r"\s+(?:of|in|and|but|that|which|who|with|for|from|on|at|by|run|so|because)\b.*$", re.I
)


def _compared(ctx: ReadContext, block: Block) -> list[str]:
    """The things an answer compares: a comparison table's header columns, else the bold names
    of the block (or of the paragraph before it) when there are two or three."""
    cols = _header_columns(ctx)
    if cols:
        return cols
    for b in (block, ctx.doc.blocks[block.index - 1] if block.index > 0 else None):
        if b is None:
            continue
        names = [clean_name(b.text[x:y]) for x, y in b.inline.emphasis]
        names = [n for n in dict.fromkeys(names) if n and len(n.split()) <= 5]
        if 2 <= len(names) <= 3:
            return names
    return []


def _header_columns(ctx: ReadContext) -> list[str]:
    for block in ctx.doc.blocks:
        header = block.header
        if block.role == "table_row" and header and len(header) >= 3:
            if not _GENERIC_HEADER.match(clean_name(header[0])):
                continue
            cols = [clean_name(re.sub(r"\s*\([^)]*\)", "", h)) for h in header[1:]]
            return [c for c in cols if c and len(c.split()) <= 5]
    return []


def _sentences(ctx: ReadContext) -> Iterator[tuple[Block, str]]:
    for block in ctx.doc.blocks:
        if block.role in ("heading", "table_row") or ctx.injected(block):
            continue
        for s in ctx.sentences(block):
            yield block, s.text


def propose_more(ctx: ReadContext, add: Add, lead_of: Callable[[Block], str]) -> None:
    """Every candidate source of this module (see the module's docstring)."""
    from grapheme_distill.extractors.readers.hierarchy_proposals import kind_of

    base = {"ctx=more"}
    cols = _header_columns(ctx)
    if cols:
        # a comparison table: its columns are kinds of the topic or of the heading's class
        first = next(b for b in ctx.doc.blocks if b.role == "table_row" and b.header)
        feats = base | {"cue=columns", "role=table_header"}
        heading = ctx.doc.heading_of(first)
        for col in cols:
            add(ctx.topic, col, HierarchyKind.SUBCLASS_OF, first, "columns_topic", feats)
            add(
                ctx.section_subject(first),
                col,
                HierarchyKind.SUBCLASS_OF,
                first,
                "columns_sec",
                feats,
            )
            if heading is not None and (p := plural_tail(heading.text)):
                add(Name(p), col, HierarchyKind.SUBCLASS_OF, first, "columns_heading", feats)
    for items in ctx.doc.lists():
        heads = [(b, h) for b in items if (h := _head(b))]
        if (divided := _divided_whole(ctx, items[0])) is not None:
            feats = base | {"cue=divided"}
            for block, head in heads:
                add(Name(divided), head, HierarchyKind.PART_OF, block, "divided", feats)
        lead = lead_of(items[0])
        if not lead or (p := plural_tail(lead)) is None:
            continue
        for block, head in heads:
            kind = kind_of(lead) or HierarchyKind.MEMBER_OF
            add(Name(p), head, kind, block, "lead_plural", base | {"cue=lead_plural"})
    for block in ctx.doc.blocks:
        if (got := gloss_examples(block)) is not None and not ctx.injected(block):
            for child in got[1]:
                add(Name(got[0]), child, HierarchyKind.MEMBER_OF, block, "gloss_examples", base)
        if block.role != "table_row" or ctx.injected(block):
            continue
        for cell in block.cell_texts()[1:]:
            # "| Protects | … | brand identifiers: names, logos, slogans |"
            m = re.match(r"^(?P<x>[\w'’\- ]{3,40}):\s+(?P<list>.+)$", cell)
            np = np_before(m.group("x")) if m is not None else None
            if m is None or np is None:
                continue
            for child in list_after(m.group("list")) or []:
                add(Name(np), child, HierarchyKind.MEMBER_OF, block, "cell_colon", base)
    for block, text in _sentences(ctx):
        for m in re.finditer(
            r"(?:,\s*|\s\(|\s)(?:including|such as|e\.g\.,?|like|especially|notably|particularly)\s+",
            text,
        ):
            np = np_before(text[: m.start()])
            children = list_after(text[m.end() :])
            if np is None or not children:
                continue
            feats = base | {"cue=np_before", f"children={min(len(children), 3)}"}
            for child in children:
                add(Name(np), child, HierarchyKind.MEMBER_OF, block, "np_before", feats)
        if (m := _BOTH.match(text)) is not None or (m := _BOTH_BELONG.match(text)) is not None:
            y = clean_name(_Y_END.sub("", m.group("y")))
            if _PARTICIPLE.match(y):
                y = ""  # "Both were set up at Bretton Woods", "both are based in": no class
            kind = kind_of(m.group(0)) or HierarchyKind.SUBCLASS_OF
            for child in _compared(ctx, block):
                add(Name(y) if y else None, child, kind, block, "both", base | {"cue=both"})
        for m in _SAME_RANK.finditer(text) if " same " in text else ():
            names = list_after(m.group("list"))
            for child in names or []:
                add(Name(m.group("y")), child, HierarchyKind.SUBCLASS_OF, block, "same_rank", base)
        for m in _MADE_OF.finditer(text) if " of " in text or " from " in text else ():
            whole = _whole_before(ctx, block, text[: m.start()])
            for child in list_after(m.group("list")) or []:
                add(whole, child, HierarchyKind.PART_OF, block, "made_of", base | {"cue=made_of"})
        for m in _PAREN_RANK.finditer(text):
            for child in list_after(text[: m.start()].split(":")[-1]) or []:
                add(Name(m.group("y")), child, HierarchyKind.SUBCLASS_OF, block, "paren_rank", base)


# "such as", "including", "e.g." after the gloss's opening noun phrase
_GLOSS_CUE = re.compile(r"(?:,\s*|\s)(?:such as|including|e\.g\.,?|for example)\s+")
# a verb, a relative or a pronoun before the cue makes the gloss a sentence about the key, whose
# examples belong to the sentence's own noun ("where you can find official images such as …")
_GLOSS_CLAUSE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|has|have|had|can|could|will|would|may|might|must|should|"
    r"do|does|did|where|which|that|who|whose|when|while|it|they|you|we)\b|"
    r"\b\w+(?:ed|es|ing)\s+(?:the|a|an|by|to|in|on|with|for|as)\b"
)


def gloss_examples(block: Block) -> tuple[str, list[str]] | None:
    """ "**Mucoromycota** — fast-growing moulds such as black bread mould", "**Araneomorphae** —
    the 'true spiders', over 90 % of all species, including orb weavers, …": a glossary item whose
    gloss opens with a noun phrase for its key and names examples of it; the examples are the
    key's members (the key is the whole, not the gloss's noun).  Only the gloss's first clause,
    and only when no verb comes before the cue (fourteenth session: devread 5 right / 5 wrong,
    gate10 14 / 8 of such pairs the rules missed)."""
    if block.role != "glossary" or block.key is None or block.value is None:
        return None
    key = clean_name(re.sub(r"\s*\([^)]*\)", "", block.key_text()))
    if not key or key.split()[0].lower() in _KEY_PREPOSITIONS:
        return None  # "**For attacks** — painkillers such as …": a purpose, not a class
    if (counted := _THE_N_ARE.search(block.value_text())) is not None:
        # "**Lymphoma:** a cancer …; the two main groups are Hodgkin lymphoma and …", "**Swara**
        # — a single note. The seven are sa, re, ga, …": the key's members, counted
        children = [c for c in list_after(counted.group("list")) or () if not _ADVERB.fullmatch(c)]
        if len(children) >= 2:
            return key, children
    gloss = re.split(r"(?<=[.;])\s+|;\s*", block.value_text())[0]
    m = _GLOSS_CUE.search(gloss)
    if m is None or _GLOSS_CLAUSE.search(gloss[: m.start()]):
        return None
    examples = list_after(gloss[m.end() :])
    return (key, examples) if examples else None


_THE_N_ARE = re.compile(
    r"(?i)(?:^|[.;:]\s+|,\s+)(?:the|its|their)\s+(?:(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|\d+|main|major|principal|best-known)\s+){1,2}(?:(?:types|kinds|groups|"
    r"forms|classes|varieties|subtypes|categories|families|species|parts|members|branches|"
    r"divisions|sections)\s+)?(?:are|include)\s+(?P<list>[^.;]+)"
)
_ADVERB = re.compile(r"[a-z]+ly")


_KEY_PREPOSITIONS = frozenset({"for", "in", "on", "at", "by", "with", "from", "to", "during"})


def _head(block: Block) -> str | None:
    """A list item's head: the name :func:`.hierarchy_items.item_head` reads (its key, an opening
    bold term, or the short phrase before a dash, colon or parenthesis), the one the list rules
    read, so that a cue's child is the rules' child; an item that reads as a sentence there is
    named by the words before its gloss (a dash, colon, parenthesis or comma)."""
    named = item_head(block)
    if named is not None:
        head = named[0]
    else:
        text = block.text
        if block.inline.opening is not None:
            text = text[: block.inline.opening[1]]
        head = clean_name(re.split(r"\s+[\u2013\u2014-]\s+|:\s|\s*\(|,\s", text)[0])
    return head if head and len(head.split()) <= 5 else None


# "The banzuke is divided into six divisions.", "it is usually split into two suborders:": the
# sentence names the whole its list's items divide
_DIVIDED = re.compile(
    r"(?i)(?:^|,\s+(?:and|but|while)\s+|;\s+)(?P<s>[\w'’\- ]{1,50}?)\s+(?:is|are|was|were|can be)\s+"
    r"(?:\w+ly\s+)?(?:divided|split|subdivided|grouped|classified|organi[sz]ed|broken down|"
    r"separated|sorted|made up)\s+(?:into|of)\b|(?:^|,\s+(?:and|but)\s+|;\s+)"
    r"(?P<c>[\w'’\- ]{1,50}?)\s+(?:consists?|consisted|is composed|are composed)\s+of\b"
)
# the sentence's own subject, for a pronoun after its first clause ("The order Araneae holds …,
# and it is split into …")
# "Its work falls into a few broad areas:", "Its work rests on three main agreements:", "Its work is
# split across several sites:": an organisation's work named by its parts, each item one of them
# (the whole is the possessor, the section's subject for "its"); not the possessor's relation to
# each item, as a lead-in verb reads otherwise ("UNICEF falls_into Health")
WORK_PARTS = re.compile(
    r"(?i)^(?P<s>its|their|(?:the\s+)?[\w'’\-]+(?:\s+[\w'’\-]+){0,3}?(?:'s|’s))\s+(?:main\s+|core\s+)?"
    r"(?:work|activities|operations|programmes|programs|mission|research)\s+(?:\w+ly\s+)?"
    r"(?:falls?|fell|is|are|was|were|splits?|rest(?:s|ed)?|divided?|divides|spans?|spanned|"
    r"cover(?:s|ed)?)\b[^:.;]*\s"
    r"[\w\-]+s\s*:?$"
)
_OPENING = re.compile(
    r"(?i)^(?P<s>(?:the\s+)?[\w'’\-]+(?:\s+[\w'’\-]+){0,3}?)\s+(?:is|are|was|were|has|have|had|[a-z]+s)\b"
)
_PRONOUN = frozenset({"it", "they", "this", "these", "each", "which"})


def _divided_whole(ctx: ReadContext, first: Block) -> str | None:
    """The whole a list's lead-in paragraph says is divided ("X is divided into N Ys", "X consists
    of"), read from its last two sentences (a fragment such as "From the top:" may end it)."""
    lead = ctx.doc.lead_of(first)
    if lead is None and first.parent is None and first.index > 0:
        lead = ctx.doc.blocks[first.index - 1]
    if lead is None or lead.role != "paragraph" or lead.index == first.parent:
        return None
    text = paragraph_text(ctx.doc.source, lead).strip()
    if (work := WORK_PARTS.match(re.split(r"(?<=[.!?])\s+", text)[-1])) is not None:
        owner = re.sub(r"(?:'s|’s)$", "", work.group("s"))
        if owner.lower() in ("its", "their"):
            whole = ctx.section_subject(first)
            return whole.text if whole is not None else None
        return clean_name(owner) or None
    for sent in reversed(re.split(r"(?<=[.!?])\s+", text)[-2:]):
        m = _DIVIDED.search(sent)
        if m is None:
            continue
        subject = (m.group("s") or m.group("c") or "").strip()
        if subject.lower() in _PRONOUN:
            opening = _OPENING.match(sent)
            subject = opening.group("s") if opening is not None else ""
        subject = clean_name(_RANK.sub("", subject))
        if subject and subject.lower() not in _PRONOUN and len(subject.split()) <= 4:
            return subject
        return None
    return None


def _whole_before(ctx: ReadContext, block: Block, before: str) -> Name | None:
    """What is made of the parts: an item's head ("**Nucleotide:** … made of"), else the noun
    phrase before the verb."""
    if block.key is not None:
        return Name(clean_name(block.key_text()))
    np = np_before(re.sub(r"(?i)\s+(?:is|are|was|were|usually|typically|mostly)\s*$", "", before))
    return Name(np) if np else ctx.section_subject(block)
