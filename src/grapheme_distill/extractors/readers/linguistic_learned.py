"""A learned keep/drop decision over the linguistic readers' items (``models/linguistic.json``).

Why.  The linguistic rules read 0.83 F1 on the answers their authors read and 0.52-0.62 on
answers nobody read; their false items there are mostly glossary bullets with no glossary cue and
copula definitions of names the answer does not highlight.  Rule signals picked on the read
answers reversed on the unread ones (twelfth session: an article in an uncued gloss was right
37/6 on devread, 8/19 on gate10), so whether to keep an item is left to a logistic model over
many weak, general cues — the construction, the block it sits in (role, list, lead-in, glossary
cue), the term's shape (capitalised, acronym, length, highlighted, heading, in the prompt) and the
value's (length, article, relative clause, digits) — fitted on the development answers by
``benchmarks/fit_linguistic_reader.py`` with folds by answer.

The model only drops: an item whose probability is under the model's threshold is left out, and
a kept item carries its probability as ``model_p``.  With no model shipped the rules' items pass
unchanged.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from grapheme_distill.extractors.document.model import Block
from grapheme_distill.extractors.learned import LinearModel, shipped_model
from grapheme_distill.extractors.readers.context import ReadContext
from grapheme_distill.extractors.readers.facts import Fact
from grapheme_distill.extractors.readers.glossary import glossary_cue

__all__ = ["MODEL_NAME", "decide", "fact_features", "use_linguistic_model"]

MODEL_NAME = "linguistic"

#: a fitting script's model instead of the shipped one (``_UNSET``: the shipped one)
_UNSET = object()
_OVERRIDE: contextvars.ContextVar[object] = contextvars.ContextVar("ling_model", default=_UNSET)

_ARTICLE = re.compile(r"(?i)(?:the|a|an)\s")
_RELATIVE = re.compile(r"(?i)\b(?:that|which|who|whose|where|when|used|in which)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.\-]*[A-Z0-9]s?")
_VERB_START = re.compile(r"(?i)(?:is|are|was|were|has|have|can|will|makes?|allows?|uses?|lets?)\b")
#: a third-person verb opening a gloss ("enforces the laws", "measures …"): what it does
_S_VERB = re.compile(r"[a-z]{3,}(?<!ss)(?<!us)(?<!is)s\b")
#: a prompt that asks for meanings or names (the gold then reads glosses as definitions)
_PROMPT_LING = re.compile(
    r"(?i)\b(?:defin\w*|mean\w*|terms?|terminology|glossary|jargon|vocabulary|words?|"
    r"stand\w* for|abbreviat\w*|acronyms?|names?|called|known as|concepts?)\b"
)
_PROMPT_FACTS = re.compile(r"(?i)\b(?:facts?|profile|biography|who (?:is|was)|history|timeline)\b")


@contextlib.contextmanager
def use_linguistic_model(model: LinearModel | None) -> Iterator[None]:
    """Decide with ``model`` (None: keep every rule item) inside the block (the fitting script)."""
    token = _OVERRIDE.set(model)
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


def _model() -> LinearModel | None:
    chosen = _OVERRIDE.get()
    if chosen is _UNSET:
        return shipped_model(MODEL_NAME)
    return chosen if isinstance(chosen, LinearModel) else None


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


class _Blocks:
    """The block holding an answer span (the facts keep spans, not blocks)."""

    def __init__(self, ctx: ReadContext) -> None:
        self.blocks = sorted(ctx.doc.blocks, key=lambda b: b.span[0])
        self.starts = [b.span[0] for b in self.blocks]

    def at(self, pos: int) -> Block | None:
        i = bisect_right(self.starts, pos) - 1
        return self.blocks[i] if i >= 0 else None


def _shape(prefix: str, text: str) -> list[str]:
    words = text.split()
    out = [f"{prefix}.words{_bucket(len(words), (1, 2, 3, 5, 8, 15))}"]
    if _ACRONYM.fullmatch(text):
        out.append(f"{prefix}.acronym")
    elif text[:1].isupper():
        out.append(f"{prefix}.capital")
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            out.append(f"{prefix}.title_case")
    else:
        out.append(f"{prefix}.lower")
    if re.search(r"\d", text):
        out.append(f"{prefix}.digit")
    if not text.isascii():
        out.append(f"{prefix}.non_ascii")
    if "," in text:
        out.append(f"{prefix}.comma")
    return out


def fact_features(ctx: ReadContext, fact: Fact, where: Block | None, siblings: int) -> list[str]:
    """The cues the model weighs for one linguistic item (plain strings, see extractors.learned).

    ``siblings``: how many of the answer's linguistic items share its construction (a glossary
    list gives many, a stray copula one)."""
    kind = fact.linguistic.value if fact.linguistic is not None else "none"
    construction = fact.construction
    family = construction.split(".")[0]
    term, value = fact.subject.text, fact.value
    out = [f"c={construction}", f"fam={family}", f"k={kind}", f"c&k={construction}&{kind}"]
    out += _shape("t", term) + _shape("v", value)
    out.append(f"n_same{_bucket(siblings, (1, 2, 4, 8))}")
    if fact.hedged:
        out.append("hedged")
    if kind == "definition":
        if _ARTICLE.match(value):
            out.append("v.article")
        if _RELATIVE.search(value):
            out.append("v.relative")
        if _VERB_START.match(value):
            out.append("v.verb_start")
        if _S_VERB.match(value):
            out.append("v.s_verb")
        first = value.split()[0].lower() if value.split() else ""
        if first.endswith("ed"):
            out.append("v.ed_start")
        elif first.endswith("ing"):
            out.append("v.ing_start")
        elif first.endswith("ly") or first in ("often", "usually", "mostly", "sometimes"):
            out.append("v.adverb_start")
        if re.search(r"\b(?:including|such as|e\.g\.)", value):
            out.append("v.examples")
        if not re.search(r"\b[a-z]+(?:s|ed)\b", value):
            out.append("v.no_verb_like")
    if _PROMPT_LING.search(ctx.prompt):
        out += ["prompt=ling", f"fam&prompt=ling&{family}"]
    if _PROMPT_FACTS.search(ctx.prompt):
        out += ["prompt=facts", f"fam&prompt=facts&{family}"]
    if term[:1].isupper():
        out.append(f"fam&t.capital={family}")
    n_value = len(value.split())
    out.append(f"fam&v.words={family}&{_bucket(n_value, (2, 5, 12))}")
    low = term.lower()
    if low and low in ctx.prompt.lower():
        out.append("t.in_prompt")
    if ctx.topic is not None and low == ctx.topic.text.lower():
        out.append("t.topic")
    mentions = ctx.doc.source.lower().count(low) if low else 0
    out.append(f"t.mentions{_bucket(mentions, (1, 2, 4))}")
    position = fact.span[0] / max(1, len(ctx.doc.source))
    out.append(f"pos{_bucket(int(position * 4), (0, 1, 2))}")
    if where is None:
        out.append("role=none")
        return out
    role = where.role + ("+item" if where.is_item and where.role != "list_item" else "")
    out += [f"role={role}", f"c&role={construction}&{role}", f"k&role={kind}&{role}"]
    if where.is_item:
        out.append(f"level{min(where.level, 2)}")
        if ctx.doc.lead_of(where) is not None:
            out.append("lead")
        cued = glossary_cue(ctx, where)
        out.append(f"cue={cued}")
        out.append(f"fam&cue={family}&{cued}")
        if where.ordered:
            out.append("ordered")
        size = len(ctx.doc.items_of(where.list_id))
        out.append(f"list{_bucket(size, (2, 4, 8))}")
    heading = ctx.doc.heading_of(where)
    if heading is not None and low and low in heading.text.lower():
        out.append("t.in_heading")
    if where.key is not None and where.key_text().strip().lower() == low:
        out.append("t.is_key")
    text = where.text
    emphasised = {text[a:b].strip().lower() for a, b in where.inline.emphasis}
    if low in emphasised:
        out.append("t.emphasis")
        out.append(f"fam&emph={family}")
    if emphasised and low not in emphasised:
        out.append("other_emphasis")
    return out


def decide(ctx: ReadContext, facts: list[Fact]) -> list[Fact]:
    """The rules' linguistic items the model keeps, each with its ``model_p`` (all of them, as
    they came, when no model is in use)."""
    model = _model()
    if model is None or not facts:
        return facts
    blocks = _Blocks(ctx)
    counts: dict[str, int] = {}
    for f in facts:
        counts[f.construction] = counts.get(f.construction, 0) + 1
    kept: list[Fact] = []
    for f in facts:
        p = model.probability(fact_features(ctx, f, blocks.at(f.span[0]), counts[f.construction]))
        if p >= model.threshold:
            kept.append(dataclasses.replace(f, model_p=round(p, 4)))
    return kept


def candidates(ctx: ReadContext, facts: list[Fact]) -> list[tuple[Fact, list[str]]]:
    """Every item with its features (the fitting script labels them)."""
    blocks = _Blocks(ctx)
    counts: dict[str, int] = {}
    for f in facts:
        counts[f.construction] = counts.get(f.construction, 0) + 1
    return [(f, fact_features(ctx, f, blocks.at(f.span[0]), counts[f.construction])) for f in facts]
