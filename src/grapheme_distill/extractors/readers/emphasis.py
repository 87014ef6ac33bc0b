"""Terms an answer highlights inside its sentences are entity nodes.

Chat answers put the terms they introduce in bold or italics ("… beneath the softer
**asthenosphere**", "the genus *Prunus*", "the principle of *témoignage*"), and the gold
annotates those terms as entities even when no fact the readers find reaches them (dev: 11 of 21
highlighted terms inside a sentence that no reader had made a node were gold entities; the other
ten were emphasis on a word, "**not**", "**have**", or a button's label, "tap **Turn on**").
Highlighting that labels rather than names is left out: a key before a colon ("**Born:**"), the
head of a key-value or glossary item (their readers read it), a highlight that opens a line (a
bullet's or paragraph's label), a whole sentence, a function word, a verb phrase opening with an
imperative.
"""

from __future__ import annotations

import re

from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name

__all__ = ["CONTROL_COMMANDS", "read_emphasis"]

_MAX_WORDS = 5
_WORD = re.compile(r"[a-z]{2,}")
#: emphasis for stress, not a term: "it does **not** stop", "you **must** …"
_STRESSED = frozenset(
    {"not", "no", "never", "always", "only", "must", "should", "have", "has", "are", "is", "was"}
    | {"were", "be", "do", "does", "did", "know", "can", "cannot", "can't", "don't", "very"}
    | {"all", "any", "every", "each", "both", "more", "less", "most", "least", "same", "before"}
    | {"after", "and", "or", "but", "if", "then", "this", "that", "these", "those", "it", "you"}
)
#: the first word of a control's label in a how-to ("tap **Turn on**", "click **Get started**")
_ACTIONS = frozenset(
    {"get", "turn", "tap", "click", "select", "open", "go", "add", "save", "sign", "log", "set"}
    | {"press", "choose", "enable", "disable", "start", "stop", "run", "install", "create"}
)


#: what a how-to does to a control ("tap **Back Up Now**", "turn on **Back Up This iPhone**")
_PRESSED = re.compile(
    r"\b(?:tap|click|press|hit|tick|untick|check|uncheck|select|choose|toggle|turn on|turn off"
    r"|switch on|switch off)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: the first word of a control's label that is itself a command ("**Trust This Computer**",
#: "**Allow**", "**Encrypt local backup**"): a button, not a term ("tap **iCloud**", "open
#: **Settings**" name the service and the app, which the gold keeps)
CONTROL_COMMANDS = frozenset(
    {"back", "trust", "allow", "encrypt", "connect", "continue", "confirm", "accept", "agree"}
    | {"erase", "reset", "restore", "download", "update", "send", "submit", "apply", "verify"}
    | {"unlock", "remove", "delete", "done", "next", "ok", "cancel", "join", "forget", "pair"}
    | {"show", "hide", "block", "report", "share", "skip", "retry", "upload", "sync"}
)


def _control_label(before: str, term: str) -> bool:
    """Whether ``term``, highlighted after ``before`` (its line up to the highlight), is a
    control's label a step presses: after a pressing verb, opening on a command word."""
    return bool(_PRESSED.search(before)) and term.split()[0].lower() in CONTROL_COMMANDS


def _term(text: str) -> str | None:
    """The highlighted text as a name, or None when it stresses, labels or states."""
    # "**World Health Organization (WHO)**": the name without its bracketed short form or gloss
    # (the parentheses reader pairs the two; stripping the brackets alone left "… (WHO")
    text = re.sub(r"\s*\([^()]*\)", "", text)
    term = clean_name(text)
    whole = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    whole = whole.strip(" \"'“”‘’.,;:!?*_`()[]")
    if whole.endswith(term):
        term = whole  # highlighted whole: "**traditional IRA**" is the term, praise word and all
    words = term.split()
    if not words or len(words) > _MAX_WORDS or not any(ch.isalnum() for ch in term):
        return None
    if term.lower() in _STRESSED or words[0].lower() in _ACTIONS:
        return None
    if re.search(r"[.!?;]\s|[.!?]$", text.strip()):
        return None  # a highlighted sentence, not a term
    return term


def read_emphasis(ctx: ReadContext) -> list[Fact]:
    """An entity fact for each term highlighted inside a sentence of a paragraph or a list item
    (headings are read by the section readers)."""
    facts: list[Fact] = []
    for block in ctx.doc.blocks:
        if block.role == "heading":
            continue
        bad = ctx.injected(block)
        text = block.text
        for a, b in block.inline.emphasis:
            raw = text[a:b]
            if raw.rstrip().endswith(":") or text[b : b + 1] == ":":
                continue  # "**Born:** 1815": a key
            if block.key is not None and a < block.key[1] and block.key[0] < b:
                continue  # a key-value or glossary item's head: its readers read it
            line = text.rfind("\n", 0, a) + 1
            if not _WORD.search(text[line:a]):
                continue  # opens its line: a label or a bullet's head, not a term in a sentence
            if any(x < b and a < y for x, y in bad):
                continue
            term = _term(raw)
            if term is not None and not _control_label(text[line:a], term):
                facts.append(
                    Fact(
                        kind="entity",
                        construction="emphasis.term",
                        span=ctx.span(block, a, b),
                        subject=Name(term),
                    )
                )
    return facts
