"""Procedures written as prose, and which lists hold steps.

A how-to answer does not always number its steps.  "Crack the eggs into a bowl, add the salt and
beat them. Heat a pan over medium heat …" is a procedure in a paragraph (the gold conventions: "in
prose, each instruction sentence or clause is one step"); "French Press Coffee Brewing: 1. Grind
the beans. 2. Place …" numbers its steps inside one line; "Before you start, shift to the smallest
cog." is a preparation step given in prose before the numbered list, and belongs to it.  A
numbered list is a procedure when its items are instructions, not when it numbers names ("1.
**Henry VII** (r. 1485–1509) — founded …") or says what something does ("1. sets a target range
…", "2. buys and sells …").

What an instruction is (an order opening with a verb of the how-to lexicon, no tip or warning)
is :mod:`~grapheme_distill.extractors.readers.instructions`'s to say.

The spaCy extractor asks :func:`read_prose_procedures` for the prose ones and
:func:`list_holds_steps` about each numbered list (issue 11, fifth session), :func:`goal_of` for
the goal a prompt, heading or lead-in states and :func:`unnamed_goal` for a procedure none names.
After its walk it asks :func:`how_to_list` whether each list it read as steps may be a how-to's
steps at all (a ranking, a history, the stages of a process or tips under a how-to are not), and
:func:`asked_steps` for the numbered list a prompt asking for steps is answered by (issue 11,
tenth session).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from grapheme_distill.extractors.document.model import Block, Document
from grapheme_distill.extractors.readers.facts import clean_name
from grapheme_distill.extractors.readers.instructions import (
    ADVICE,
    MATERIALS,
    OPENER,
    VERBS,
    is_instruction,
    is_order,
)

__all__ = [
    "ProseProcedure",
    "asked_steps",
    "goal_of",
    "how_to_list",
    "instruction_clauses",
    "is_instruction",
    "is_order",
    "list_holds_steps",
    "nested_step_lists",
    "read_prose_procedures",
    "step_lists",
    "titled_bullet_lists",
    "unnamed_goal",
]

_HOW_TO = re.compile(
    r"\b(?:how (?:do|can|should|would|to)|steps?\b|instructions?|procedure|recipe|guide|"
    r"method|directions|walk me through)\b",
    re.IGNORECASE,
)
#: the marks that number steps inside one line: "1." / "Step 2:", a keycap emoji ("1️⃣"), a
#: letter ("a)", "B."), a roman numeral ("IV.")
_INLINE_MARKS = (
    r"(?:Step\s+)?(?P<n>\d{1,2})[.):]",
    r"(?P<n>\d)\ufe0f?\u20e3",
    r"(?P<n>[a-z])[.)]",
    r"(?P<n>[A-Z])[.)]",
    r"(?P<n>(?:X|V|I{1,3}|IV|VI{1,3}|IX))[.)]",
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
#: "1. Grind the beans. 2. Place …", "Step 1: Grind … Step 2: …", "1️⃣ Plug … 2️⃣ Press …" or
#: "a) Boil water … b) Rinse …" inside one line (a markdown parser joins lettered and emoji-numbered
#: lines into one paragraph)
_INLINE_STEPS = tuple(
    re.compile(rf"(?:^|\s){mark}\s+(?P<s>[A-Z][^\n]*?)(?=\s+{mark.replace('?P<n>', '')}\s+[A-Z]|$)")
    for mark in _INLINE_MARKS
)


def _ordinal(mark: str, roman: bool) -> int:
    """The place a step's mark gives it: "3" → 3, "c" → 3, "III" (a roman numeral) → 3."""
    if roman:
        return _ROMAN.index(mark) + 1
    return ord(mark.lower()) - ord("a") + 1 if mark.isalpha() else int(mark)


def _inline_steps(text: str) -> list[re.Match[str]]:
    """The steps a line numbers inline, three or more numbered 1, 2, 3 … (or lettered a, b, c …)
    from the first, each kind of mark tried on its own (so a stray "C." ends no numbered step)."""
    for pattern in _INLINE_STEPS:
        found = list(pattern.finditer(text))
        if len(found) >= 3:
            marks = [m.group("n") for m in found]
            numbers = [_ordinal(n, pattern is _INLINE_STEPS[-1]) for n in marks]
            if numbers == list(range(1, len(found) + 1)):
                return found
    return []


#: the goal a line states: "How do I descale a kettle?", "Steps to reset a router:", "To make
#: cold brew,"
_GOAL = re.compile(
    r"^(?:#+\s*)?(?:how (?:do|can|should|would) (?:you|i|one|we)|how to|what are the steps (?:to|for)|"
    r"(?:the )?steps (?:to|for)|instructions (?:to|for)|explain how to|to|in order to)\s+(?P<g>.+?)"
    r"(?:,.*)?[?:.]?$",
    re.IGNORECASE,
)
#: what a prompt asks for a process, recipe or guide of: "Explain one important process involving
#: photosynthesis in 4 to 6 numbered steps" (the main job's own template), "the stages of mitosis",
#: "a recipe for pancakes", "a guide to pruning roses"
_ABOUT = re.compile(
    r"\b(?:process(?:es)?|stages?|phases?|steps?|recipe|guide|tutorial|routine|method|technique|"
    r"procedure|cycle)\s+(?:involving|of|for|to|behind|in|used (?:in|for|by))\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<x>[^,.;:?!]+)",
    re.IGNORECASE,
)
#: how the answer should look, after the thing asked about ("… in 4 to 6 numbered steps")
_FORMAT_TAIL = re.compile(
    r"\s+(?:(?:in|as|with|using)\s+(?:\d|a\b|an\b|one\b|two\b|three\b|four\b|five\b|six\b|"
    r"numbered|short|simple|clear|detail|steps|bullet)|step[- ]by[- ]step\b).*$",
    re.IGNORECASE,
)


def goal_of(text: str) -> str | None:
    """The goal a prompt, heading or lead-in states ("How do I descale a kettle?" → "descale a
    kettle", "Steps to reset a router:" → "reset a router"), if it states one."""
    m = _GOAL.match(text.strip().rstrip(":?."))
    if m:
        goal = m.group("g").strip().rstrip(":?.")
        goal = re.sub(
            r",?\s*(?:follow|do|use|try)\s+(?:these|the following)\s+steps$",
            "",
            goal,
            flags=re.IGNORECASE,
        )
        return goal or None
    return None


def unnamed_goal(prompt: str, topic: str | None, steps: Sequence[str]) -> str:
    """What a procedure is called when no goal is stated in the prompt, a heading or a lead-in.

    It is named after what the answer is about: first the thing the prompt asks for a process,
    recipe or guide of ("Explain one important process involving photosynthesis in 4 to 6
    numbered steps", the main job's own template → "photosynthesis"), else the answer's topic
    (its opening bold term, a heading naming something, the prompt's topic: "Tell me about
    sourdough" → "sourdough", the first sentence's subject).  When truly nothing names it (a
    bare list of steps answering "What should I do?"), it is named after its first step, which at
    least says what it does; never the placeholder word "procedure" (issue 11: the main job
    named its procedures so), which names nothing and matches no goal.
    """
    m = _ABOUT.search(" ".join(prompt.split()))
    if m is not None:
        about = clean_name(_FORMAT_TAIL.sub("", m.group("x")))
        if about and len(about.split()) <= 6:
            return about
    if topic:
        return topic
    first = _step(steps[0]) if steps else ""
    return " ".join(first.split()[:8]) or prompt.strip() or "steps"


@dataclass(frozen=True)
class ProseProcedure:
    """Steps read from prose: a goal (the prompt's or the line's title), the steps in order, the
    answer span, the construction (calibration key), and whether they prepare the numbered list
    right after them (then they belong to it)."""

    goal: str | None
    steps: tuple[str, ...]
    span: tuple[int, int]
    construction: str
    prepares_list: bool = False


#: a short label before the item's text: "**Preparation** – Warm the engine …", "Weeks 1–2: Jog …"
_LABEL_WORD = r"(?![\u2013\u2014-](?:\s|$))[^:\s]+"
_LABEL = re.compile(
    rf"^{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,4}}?\s*(?::|\s[\u2013\u2014-])\s+(?P<v>[A-Z].+)$"
)


def _labelled(text: str) -> str:
    """The sentence after a short label of at most five words ("Drainage – Place a pan …" → "Place
    a pan …"): a step titled with a noun or a time gives its order there (the gold: "each numbered
    item is one step"), so an item is judged by it too; empty when there is no label.  A gloss in
    lower case is no sentence ("GET — read a resource", a term's meaning in a glossary)."""
    m = _LABEL.match(text.replace("**", "").strip())
    return m.group("v") if m is not None else ""


def list_holds_steps(texts: list[str], lead: str = "") -> bool | None:
    """A list's verdict from its items: True when most items are instructions, False when most
    open with a name ("**Henry VII** (r. 1485–1509) — …") or a verb in the third person ("sets a
    target range …") or when its lead-in or heading introduces materials or tips ("**You'll
    need:**", "Ingredients", "Tips"), None when the items do not say (the caller's other cues
    decide)."""
    # the lead's last sentence introduces the list: "Don't panic. Here's what to do:" is no tip
    lead = re.split(r"(?<=[.!?])\s+", lead.strip(" *_#"))[-1].strip(" *_#")
    if not texts or MATERIALS.match(lead) or ADVICE.match(lead):
        return None if not texts else False
    instructions = [is_instruction(t) or is_instruction(_labelled(t)) for t in texts]
    orders = sum(instructions)
    if orders * 2 > len(texts):
        return True
    named = sum(
        1
        for t, order in zip(texts, instructions, strict=True)
        if re.match(
            r"[*_]*[A-Z][\w'’.\-]*(?:\s+[A-Z0-9][\w'’.\-]*)*[*_]*\s*(?:\(|[\u2013\u2014:]|$)", t
        )
        and not order
    )
    third_person = sum(
        1 for t in texts if re.match(r"[a-z]+(?<!s)s\s+(?:and\s+[a-z]+s\s+)?[a-z]", t.strip())
    )
    if (named + third_person) * 2 > len(texts) and orders == 0:
        return False
    return None


#: a request for steps, or a title over them: "How do I …", "how to …", "steps to …", "step by
#: step", "in 4 to 6 numbered steps", "instructions", "a recipe", "Method", "walk me through",
#: "what should I do", "here's how", "Explain one important process involving …" (the main job's
#: own prompt) — not "How do the pieces move?" (an explanation asked for)
#: nor "Step 1: Is the player offside?" (one part of an explanation labelled so)
_ASKS_STEPS = re.compile(
    r"\bhow (?:to|(?:do|can|should|would|could|might|must|will) (?:i|you|we|one)|"
    r"(?:would|should) i)\b|\bsteps?\b(?!\s*\d)|\bstep[- ]by[- ]step\b|\binstructions?\b|"
    r"\bdirections\b|\brecipes?\b|\bmethod\b|\bprocedure\b|\btutorial\b|\bguide\b|"
    r"\bwalk (?:me|us) through\b|\bwhat (?:should|do|can) (?:i|we) do\b|\bhere(?:'s|’s| is) how\b|"
    r"\b(?:explain|describe|outline)\b[^.?!]{0,40}\bprocess(?:es)?\b",
    re.IGNORECASE,
)

#: a title over advice, not steps: the mistakes, pitfalls, tips or warnings a how-to numbers after
#: its steps (the gold: "tips, warnings … do not" belong to the procedure)
_ADVICE_TITLE = re.compile(
    r"\b(?:mistakes|pitfalls|tips|warnings?|warning signs|don['’]ts|things to avoid|"
    r"what not to do)\b",
    re.IGNORECASE,
)
#: an item that opens with a year or an era's date before a dash, colon or comma: a timeline's
#: entry ("**27 BC** — Augustus …", "1789: the Bastille falls")
_DATED = re.compile(
    r"[*_]*(?:(?:c\.|circa|AD|CE)\s*)?(?:\d{3,4}s?|\d{1,4}\s*(?:BC|BCE|AD|CE))"
    r"(?:\s*[\u2013\u2014-]\s*\d{2,4})?[*_]*\s*[\u2013\u2014:,-]"
)


def how_to_list(
    texts: Sequence[str],
    lead: str = "",
    heading: str = "",
    prompt: str = "",
    *,
    numbered: bool = True,
    numbered_elsewhere: bool = False,
) -> bool:
    """Whether a numbered or bulleted list may be a how-to's steps.

    A numbered list is when something asks for steps or titles them (the prompt, the list's
    heading, its lead-in: :data:`_ASKS_STEPS`, a stated goal) or when most of its items give
    orders.  A numbered list is how answers also rank ("1. Russia is the largest …"), tell a
    history ("1. In 1914, …"), walk through the stages of a natural process ("1. **Evaporation.**
    The Sun heats …") or number facts; the gold has a procedure for a how-to, or where the prompt
    asks for steps ("Explain the water cycle step by step", the main job's "… in 4 to 6 numbered
    steps"), so a list of statements under such a prompt stays steps.

    A bulleted list is steps when its heading or lead-in asks for or titles them ("**Method:**",
    "### Steps", "To reset it:"), or, in an answer that numbers no list, by the numbered list's
    rule.  Where a how-to numbers its steps (the gold: "each numbered item is one step"), its
    bullets are tips, materials, warning signs or options, not steps: on the development and
    gate answers, 1 of 27 steps read from such bullets was right (issue 11, tenth session; the
    wrong procedure steps were most of the wrong items above 0.6 on unseen answers)."""
    if _ADVICE_TITLE.search(lead or heading):
        return False  # "**Common mistakes**" / "1. Using a pot that is far too big."
    if sum(1 for t in texts if _DATED.match(t)) * 2 > len(texts):
        return False  # a timeline: "1. **27 BC** — Augustus becomes the first emperor."
    titled = any(t and (_ASKS_STEPS.search(t) or goal_of(t)) for t in (heading, lead))
    if not numbered and not titled and numbered_elsewhere:
        return False
    if titled or (prompt and (_ASKS_STEPS.search(prompt) or goal_of(prompt))):
        return True
    orders = sum(1 for t in texts if is_order(t) or is_order(_labelled(t)))
    return orders * 2 >= len(texts)


def asked_steps(doc: Document, prompt: str) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """The first numbered list of an answer whose prompt asks for steps ("Explain one important
    process involving UNESCO in 4 to 6 numbered steps"), as an answer span and its steps — for
    when no list was read as steps because its items look like names ("1. **Promoting
    Education**: UNESCO works to …", "1. **Evaporation**: Water … evaporates"): asked for steps,
    the answer's numbered list is them (the gold has a procedure for each such answer)."""
    if not (prompt and _ASKS_STEPS.search(prompt)):
        return None
    for items in step_lists(doc):
        top = [b for b in items if b.parent is None]
        dated = sum(1 for b in top if _DATED.match(b.text)) * 2 > len(top)
        if len(top) >= 2 and top[0].ordered and not dated:
            return (top[0].span[0], top[-1].span[1]), tuple(_step(b.text) for b in top)
    # no list at all, only the title line naming the steps: "Git Workflow: Cloning, Branching,
    # Merging, Pushing" (the local teacher's answer to "… in 4 to 6 numbered steps")
    titles = [b for b in doc.blocks if b.role in ("paragraph", "heading", "key_value")]
    if len(titles) == 1:
        m = _NAMED_STEPS.match(titles[0].text)
        if m is not None:
            names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("s"))]
            if len(names) >= 3 and all(0 < len(n.split()) <= 4 for n in names):
                return titles[0].span, tuple(names)
    return None


#: a title line whose part after the colon names the steps ("…: Cloning, Branching, Merging")
_NAMED_STEPS = re.compile(r"^[^:]{2,80}:\s+(?P<s>[^.:;!?]+?)\.?$")


def _sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of a paragraph with their clean offsets."""
    out: list[tuple[int, str]] = []
    # a stop ends a sentence before a space and a capital ("cat ~/.ssh/id.pub" goes on)
    for m in re.finditer(r"(?:[^.!?]|[.!?](?!\s+[A-Z\"“*_(]|\s*$))+(?:[.!?]+|$)", text):
        if m.group(0).strip():
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            out.append((m.start() + lead, m.group(0).strip()))
    return out


def _step(text: str) -> str:
    """A step as the gold writes it: the instruction without its sequence word or condition."""
    return OPENER.sub("", text.strip()).rstrip(".!;: ").strip()


#: two sentences of a paragraph opening with sequence words ("First, crack … Then whisk …")
_SEQUENCED = re.compile(
    r"(?:^|[.!?]\s+)(?:First(?:ly)?|Then|Next|After that|Afterwards|Finally|Lastly|Start by|"
    r"Begin by)\b(?:.*?[.!?]\s+)(?:Then|Next|After that|Afterwards|Finally|Lastly|Once)\b",
    re.DOTALL,
)


def _activity_title(doc: Document, block: Block) -> bool:
    """The paragraph's heading, or a title line right before it ("**Clearing a blocked sink**"),
    names a how-to: it opens with the gerund of an order's verb ("Clearing" → clear, "Making" →
    make) or states a goal ("How to …")."""
    heading = doc.heading_of(block)
    titles = [heading.text] if heading is not None else []
    if block.index > 0:
        before = doc.blocks[block.index - 1]
        words = before.text.split()
        if before.role == "paragraph" and 0 < len(words) <= 8 and before.text[-1] not in ".!?:":
            titles.append(before.text)
    for title in titles:
        title = title.strip(" *_#")
        if goal_of(title):
            return True
        m = re.match(r"([A-Z][a-z]+)ing\b", title)
        if m is not None:
            stem = m.group(1).lower()
            if {stem, stem + "e", stem[:-1]} & VERBS:
                return True
    return False


def _procedural(doc: Document, block: Block, prompt: str) -> bool:
    heading = doc.heading_of(block)
    return bool(_HOW_TO.search(prompt) or (heading is not None and _HOW_TO.search(heading.text)))


def _goal(doc: Document, block: Block, prompt: str) -> str | None:
    m = re.match(
        r"(?i)^(?:how (?:do|can|should|would) (?:you|i|one|we)|how to|what are the steps (?:to|"
        r"for)|explain how to)\s+(?P<g>.+?)[?.!]*$",
        prompt.strip(),
    )
    if m is not None:
        return m.group("g")
    heading = doc.heading_of(block)
    return heading.text if heading is not None else None


def read_prose_procedures(doc: Document, prompt: str = "") -> list[ProseProcedure]:
    """Procedures written in paragraphs: a run of instruction sentences in a how-to answer, the
    steps a line numbers inline, and preparation steps before a numbered list."""
    out: list[ProseProcedure] = []
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.role != "paragraph" or block.parent is not None:
            continue
        text = block.text
        inline = _inline_steps(text)
        if inline:
            # "French Press Coffee Brewing: 1. Grind the beans. 2. Place …": numbered inline
            title = text[: inline[0].start()].strip().rstrip(":").strip()
            out.append(
                ProseProcedure(
                    title or _goal(doc, block, prompt),
                    tuple(_step(m.group("s")) for m in inline),
                    block.span,
                    "procedure.inline",
                )
            )
            continue
        asked = _procedural(doc, block, prompt)
        if not asked and not _SEQUENCED.search(text) and not _activity_title(doc, block):
            continue
        sentences = _sentences(text)
        if MATERIALS.match(text):
            # "You'll need jumper cables. Before you start, park the cars …": the materials
            # sentence is no step, the preparation after it is
            sentences = sentences[1:]
        # a lead-in over the list names its goal, no step of it ("Once 2FA is on, save a set of
        # backup codes:" / "1. Go back to …")
        lead = before_list(blocks, i) and text.rstrip().endswith(":")
        # an order whose verb the lexicon lacks counts too ("Mop up the water", "Ease it
        # away"): prose here is a how-to's already
        orders = [
            (a, s) for a, s in sentences if is_order(s) and not (lead and s == sentences[-1][1])
        ]
        steps = tuple(_step(c) for _, s in orders for c in instruction_clauses(OPENER.sub("", s)))
        if not asked and (len(orders) < 3 or len(orders) * 3 < len(sentences) * 2):
            continue  # unasked, a paragraph is a how-to's when it gives orders throughout
        if before_list(blocks, i) and orders and (len(orders) < len(sentences) or len(steps) < 2):
            # "Fixing a flat is easy … Before you start, shift to the smallest rear cog …."
            steps = tuple(_step(s) for _, s in orders)
            span = block.inline.span(orders[0][0], orders[-1][0] + len(orders[-1][1]))
            out.append(
                ProseProcedure(None, steps, span, "procedure.preparation", prepares_list=True)
            )
            continue
        # "Crack the eggs into a bowl, add the salt and beat them. Heat a pan …": each
        # instruction clause a step; a paragraph of one instruction ("Run `ssh-keygen` …") joins
        # the paragraphs of the same how-to around it
        if (
            orders
            and len(orders) * 2 >= len(sentences)
            and (len(steps) >= 2 or orders == sentences)
        ):
            span = block.inline.span(orders[0][0], orders[-1][0] + len(orders[-1][1]))
            out.append(ProseProcedure(_goal(doc, block, prompt), steps, span, "procedure.prose"))
    out.extend(_preparation_lists(doc))
    return [p for p in _joined(out) if len(p.steps) >= 2 or p.prepares_list]


#: a title over preparation: "## Before you start", "**Preparation:**", "Getting ready"
_PREPARATION = re.compile(
    r"^(?:before (?:you (?:start|begin)|starting|beginning)|preparation|prepare|getting ready|"
    r"first)\b",
    re.IGNORECASE,
)


def titled_bullet_lists(doc: Document) -> Iterator[tuple[list[Block], list[Block], Block]]:
    """Each bulleted list of ``doc`` under a title, as its items, its top-level bullets and the
    title (its lead-in, else its section's heading): where a title may ask for steps the bullets
    give ("**Before you start:**", "**What to do**"), read by :func:`_preparation_lists` and
    :func:`~.procedure_layouts.case_steps`.  A list numbered at its top level is left out: its
    items are steps by their numbers already."""
    for items in doc.lists():
        top = [b for b in items if b.parent is None]
        if not top or top[0].ordered:
            continue
        title = doc.lead_of(top[0]) or doc.heading_of(top[0])
        if title is not None:
            yield items, top, title


def _preparation_lists(doc: Document) -> list[ProseProcedure]:
    """A bulleted list of orders under "Before you start" right before the numbered steps: its
    orders are the procedure's first steps (the gold: "preparation steps … before a list belong
    to the procedure"), though bullets in an answer that numbers its steps are otherwise no
    steps (:func:`how_to_list`)."""
    out: list[ProseProcedure] = []
    for items, top, title in titled_bullet_lists(doc):
        if not _PREPARATION.match(title.text.strip(" *_#")):
            continue
        if not before_list(doc.blocks, max(b.index for b in items)):
            continue
        orders = [b for b in top if is_order(b.text)]
        if orders:
            steps = tuple(_step(b.text) for b in orders)
            span = (orders[0].span[0], orders[-1].span[1])
            out.append(ProseProcedure(None, steps, span, "procedure.preparation", True))
    return out


def instruction_clauses(sentence: str) -> list[str]:
    """The instruction clauses of one sentence: "To make cold brew, mix …, steep it for 12
    hours, then strain it" is three steps; a clause that gives no order stays with the one
    before it ("…, so you get small curds")."""
    cuts = list(
        re.finditer(r";\s+|,?\s+and then\s+|,\s+(?:and\s+)?(?:then\s+)?(?=[a-z]+\b)", sentence)
    )
    starts = [0, *(c.end() for c in cuts)]
    ends = [*(c.start() for c in cuts), len(sentence)]
    parts = [sentence[a:b] for a, b in zip(starts, ends, strict=True)]
    kept = [0]  # the parts that open a clause; the others join the clause before them
    for k in range(1, len(parts)):
        sequenced = re.search(r";|\bthen\b", cuts[k - 1].group(0)) is not None
        if is_instruction(parts[k]) and (sequenced or not _listed(parts, k, kept[-1])):
            kept.append(k)
    # a joined part keeps the words between it and its clause (", and", "or")
    return [
        sentence[starts[k] : ends[nxt - 1]]
        for k, nxt in zip(kept, [*kept[1:], len(parts)], strict=True)
    ]


def _coordinated(part: str) -> list[str] | None:
    """The bare words of a part that is a bare word or opens with a coordination of two ("water",
    "yeast and salt in a bowl"), or None."""
    text = part.strip().rstrip(".!")
    if re.fullmatch(r"[a-z]+", text):
        return [text]
    m = re.match(r"([a-z]+)\s+(?:and|or)\s+(?:(?:the|a|an|some)\s+)?([a-z]+)\b", text)
    return [m.group(1), m.group(2)] if m is not None else None


def _listed(parts: list[str], k: int, clause: int) -> bool:
    """Part ``k`` continues a list of nouns, the object of the order before it, though its first
    word is a verb of the lexicon too: it is a bare word or a coordination of bare words, and a
    word coordinated with it, in it or in the parts after it, is no verb ("Mix flour, water, yeast
    and salt", "Add the eggs, water and milk, then stir"); a last word alone is judged by the
    parts joined to the clause ``clause`` before it ("Add salt, pepper, water").  Coordinated
    orders are verbs throughout ("Add the sugar, stir and serve"), and an order's verb is
    followed by its object ("…, water the seedlings")."""
    words = _coordinated(parts[k])
    if words is None:
        return False
    mates = words[1:]
    for part in parts[k + 1 :]:
        more = _coordinated(part)
        if more is None:
            break
        mates.extend(more)
    if not mates:
        mates = [w for part in parts[clause + 1 : k] for w in _coordinated(part) or []]
    return any(w not in VERBS for w in mates)


def before_list(blocks: list[Block], i: int) -> bool:
    """A numbered list follows block ``i``, with at most headings, lead-ins and a list of
    materials between them ("Before you start, shift …" / "**You'll need:** …" / "### Steps" /
    "1. …")."""
    for block in blocks[i + 1 : i + 5]:
        if block.is_item and block.ordered:
            return True
        if block.role == "heading" or MATERIALS.match(block.text) or block.text.endswith(":"):
            continue
        return False
    return False


def _joined(found: list[ProseProcedure]) -> list[ProseProcedure]:
    """Consecutive prose paragraphs of one how-to are one procedure."""
    out: list[ProseProcedure] = []
    for p in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.construction == p.construction == "procedure.prose"
            and last.goal == p.goal
        ):
            out[-1] = ProseProcedure(
                last.goal, last.steps + p.steps, (last.span[0], p.span[1]), last.construction
            )
        else:
            out.append(p)
    return out


def step_lists(doc: Document) -> list[list[Block]]:
    """The answer's lists (:meth:`Document.lists`), with a numbered list that code blocks or notes
    cut into pieces made whole again: "1. Create the environment:" / a fenced command / "2.
    Activate it:" / another command / "3. …" is one list of three steps to the parser only when
    the code is indented under its item (code blocks are left out of the document's blocks);
    "1. Switch off the circuit." / "> **Warning:** Test …" / "2. Unscrew the cover …" goes on
    numbering the same steps past a warning, tip or note set between them (the gold: tips and
    warnings are no steps)."""
    out: list[list[Block]] = []
    for items in doc.lists():
        last = out[-1] if out else None
        if (
            last is not None
            and last[0].ordered
            and items[0].ordered
            and items[0].parent is None
            and (_across_code(doc, last, items) or _across_notes(doc, last, items))
        ):
            out[-1] = last + items
        else:
            out.append(list(items))
    return out


def _across_code(doc: Document, last: list[Block], items: list[Block]) -> bool:
    """Only a fenced code block stands between the two lists."""
    return max(b.index for b in last) + 1 == items[0].index and bool(
        re.search(r"^\s*(?:```|~~~)", doc.source[last[-1].span[1] : items[0].span[0]], re.M)
    )


#: the number a list item's line opens with, read off the source before the item's text
_ITEM_NUMBER = re.compile(r"(\d{1,2})[.)]\s*$")


def _across_notes(doc: Document, last: list[Block], items: list[Block]) -> bool:
    """Only paragraphs of advice ("Warning: …", "Tip: …", "Note: …") stand between the two lists,
    and the second goes on numbering the first ("1. …" / "> **Warning:** …" / "2. …")."""
    between = doc.blocks[max(b.index for b in last) + 1 : items[0].index]
    if not between or any(b.role != "paragraph" or not ADVICE.match(b.text) for b in between):
        return False
    top = [b for b in last if b.parent is None]
    line = doc.source[: items[0].span[0]].rsplit("\n", 1)[-1]
    m = _ITEM_NUMBER.search(line.strip(" >*_"))
    return m is not None and int(m.group(1)) == len(top) + 1


_FENCE = re.compile(r"^\s*(?:```|~~~)", re.M)


def nested_step_lists(doc: Document) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    """Numbered lists whose steps hold sub-steps ("2. Wait 30 seconds." / "   - Check the
    cables."): the answer span of the whole list and its steps in reading order, sub-steps in
    their place, so that a procedure read from the list's pieces (which the nesting cuts in two)
    can be made whole."""
    out: list[tuple[tuple[int, int], tuple[str, ...]]] = []
    lists = doc.lists()
    for items in step_lists(doc):
        top = [b for b in items if b.ordered and b.parent is None]
        if len(top) < 2 or len(top) != len(items):
            continue
        steps: list[str] = []
        nested = not any(items == whole for whole in lists)  # joined across code
        end = top[-1].span[1]
        for item in top:
            steps.append(_step(item.text))
            for sub in doc.blocks:
                if sub.parent == item.index and sub.is_item:
                    steps.append(_step(sub.text))
                    end = max(end, sub.span[1])
                    nested = True
        # a fenced command under an item ("2. Make it executable." / "   ```chmod +x …```") cuts
        # the extractor's reading of the list as the fences do, though the parser keeps it whole
        if nested or _FENCE.search(doc.source[top[0].span[0] : end]):
            out.append(((top[0].span[0], end), tuple(steps)))
    return out
