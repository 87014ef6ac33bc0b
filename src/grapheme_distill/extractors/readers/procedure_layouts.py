"""Steps numbered outside markdown lists: numbered headings, numbered paragraphs and table rows.

Chat assistants number a how-to's steps in more layouts than a markdown list.  "### Step 1:
Remove the wheel" / "Open the brake …" makes each step a heading with its body under it; "**1.
Water the plant the day before.** Moist roots slide out more easily." makes each a bold paragraph
that the parser keeps as a paragraph; "**Step 2: Loosen.** Loosen the roots …" a key-value line;
"| 1 | Unplug the router |" a table row.  The gold conventions: "when the answer numbers its
steps, each numbered item is one step" — read sentence by sentence, such a step came out in
pieces, its title lost when its body gave no order ("Moist roots slide out …") and its label read
as a step of its own ("Step 1.").  So a run of blocks numbered 1, 2, 3 … is one procedure, each
numbered block (with the body paragraphs under it) one step: its title, and the orders its body
gives, without the reasons it gives ("Moist roots slide out more easily").

A run is a how-to's steps by the rule of a numbered list (:func:`how_to_list`): a prompt, heading
or lead-in asking for steps, or titles that give orders ("## 1. The early years" under "Tell me
about Rome" is a history, not steps).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grapheme_distill.extractors.document.model import Block, Document
from grapheme_distill.extractors.readers.procedures import (
    how_to_list,
    instruction_clauses,
    is_instruction,
    is_order,
    titled_bullet_lists,
)

__all__ = ["NumberedSteps", "case_steps", "numbered_block_steps", "table_steps"]

#: "Step 1:", "Step 2 —", "Phase 3:", "Step Four:", "1.", "2)" opening a heading or paragraph
_NUMBER = re.compile(
    r"^\s*(?:(?:step|phase|stage|part)\s+)?(?P<n>\d{1,2})\s*(?:[.):\u2013\u2014-]\s*|\s+(?=[A-Z]))|"
    r"^\s*step\s+(?P<w>one|two|three|four|five|six|seven|eight|nine|ten)\s*[.):\u2013\u2014-]\s*",
    re.I,
)
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _number(m: re.Match[str]) -> int:
    """The step number a block's label gives: "Step 3:" or "3." → 3, "Step Three:" → 3."""
    return int(m.group("n")) if m.group("n") else _WORDS.index(m.group("w").lower()) + 1


#: a step's label alone, no step ("Step 1." / "Step 2:")
_LABEL = re.compile(r"^\s*step\s+\d{1,2}\s*[.):]?\s*$", re.I)


@dataclass(frozen=True)
class NumberedSteps:
    """A how-to's steps read from numbered blocks, a table or a case's bullet: the steps in
    order, the answer span, the construction (calibration key) and the case a bullet names."""

    steps: tuple[str, ...]
    span: tuple[int, int]
    construction: str
    goal: str | None = None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text) if s.strip()]


def _orders(text: str) -> list[str]:
    """The sentences of a step's body that give orders (its reasons and results left out)."""
    return [s.rstrip(".!; ") for s in _sentences(text) if is_order(s)]


def _step(title: str, body: list[Block]) -> str:
    """One numbered step: its title and the orders of its body ("Remove the wheel: open the
    brake and undo the quick release"), each bullet under it whole ("## Phase 3: Finish" / "-
    Hand over the keys": a sub-step, whatever its verb); a title that is only a label gives way
    to its body."""
    title = title.strip().rstrip(".:!; ").strip()
    sentences = _sentences(title)
    head, rest = (sentences[0], sentences[1:]) if sentences else ("", [])
    head = head.rstrip(".:!; ")
    orders = [o for r in rest for o in _orders(r)] + [
        o for b in body for o in ([b.text.rstrip(".!; ")] if b.is_item else _orders(b.text))
    ]
    if not head or _LABEL.match(head + "."):
        return "; ".join(orders) or " ".join(rest + [b.text for b in body]).rstrip(".")
    return ": ".join([head, "; ".join(orders)]) if orders else head


def _kind(block: Block) -> str:
    """How a numbered block stands: a heading, a title line (a paragraph of a few words with no
    stop: "**1. Research the company**", set on a line of its own over its body) or a paragraph
    that is its step whole ("**1. Water the plant.** Moist roots …")."""
    if block.role == "heading":
        return "heading"
    text = _NUMBER.sub("", block.text, count=1).strip(" *_")
    if block.role == "paragraph" and len(text.split()) <= 10 and not re.search(r"[.!?;:]$", text):
        return "title"
    return "paragraph"


def _runs(doc: Document) -> list[list[tuple[Block, list[Block]]]]:
    """Runs of top-level headings, paragraphs and key-value lines numbered 1, 2, 3 …, each with
    the unnumbered paragraphs after it (its body) up to the next numbered one.  A numbered
    heading or title line has a body; a numbered paragraph is its step whole."""
    runs: list[list[tuple[Block, list[Block]]]] = []
    current: list[tuple[Block, list[Block]]] = []
    for block in doc.blocks:
        m = _NUMBER.match(block.text)
        top = not block.is_item and block.parent is None and block.role != "table_row"
        n = _number(m) if m is not None and top else None
        headed = bool(current) and current[0][0].role == "heading"
        if n is not None and n == len(current) + 1 and headed == (block.role == "heading"):
            current.append((block, []))
            continue
        titled = bool(current) and _kind(current[-1][0]) in ("heading", "title")
        if top and n is None and titled and block.role != "heading":
            current[-1][1].append(block)  # a paragraph of the step under a numbered title
            continue
        if block.is_item and headed:
            current[-1][1].append(block)  # "## Phase 1: Clear" / "- Empty the worktops."
            continue
        runs.append(current)
        current = [(block, [])] if n == 1 else []
    runs.append(current)
    return [r for r in runs if len(r) >= 2]


def numbered_block_steps(doc: Document, prompt: str = "") -> list[NumberedSteps]:
    """Procedures numbered in headings, paragraphs or key-value lines ("### Step 1: …", "**1.
    Water the plant.** …", "**Step 2: Loosen.** …"), each numbered block one step."""
    out: list[NumberedSteps] = []
    for run in _runs(doc):
        first = run[0][0]
        titles = [_NUMBER.sub("", b.text, count=1) for b, _ in run]
        heading = doc.heading_of(first)
        if heading is first:  # a numbered heading's section is its own
            heading = next(
                (b for b in reversed(doc.blocks[: first.index]) if b.role == "heading"), None
            )
        before = doc.blocks[first.index - 1] if first.index > 0 else None
        lead = before.text if before is not None and before.role == "paragraph" else ""
        if not how_to_list(titles, lead, heading.text if heading is not None else "", prompt):
            continue
        steps = tuple(_step(t, body) for t, (_, body) in zip(titles, run, strict=True))
        if sum(1 for s in steps if s) < 2:
            continue
        last, body = run[-1]
        end = (body[-1] if body else last).span[1]
        out.append(
            NumberedSteps(tuple(s for s in steps if s), (first.span[0], end), "procedure.numbered")
        )
    return out


#: a column that holds the steps' actions, by its header
_ACTION = re.compile(r"\b(?:action|what to do|instruction|how|task|do|step)s?\b", re.I)
#: a column that numbers the steps, by its header
_STEP_NO = re.compile(r"^(?:step|#|no\.?|number|order)$", re.I)


def table_steps(doc: Document, prompt: str = "") -> list[NumberedSteps]:
    """A table whose rows are numbered steps ("| Step | Action |" / "| 1 | Unplug the router |"):
    the action column's cells in row order, when the table is a how-to's
    (:func:`how_to_list`)."""
    out: list[NumberedSteps] = []
    tables: list[list[Block]] = []
    for block in doc.blocks:
        if block.role != "table_row":
            continue
        last = tables[-1][-1] if tables else None
        if last is not None and last.index + 1 == block.index and last.header == block.header:
            tables[-1].append(block)
        else:
            tables.append([block])
    for rows in tables:
        header = rows[0].header
        if len(rows) < 2 or len(header) < 2 or not _STEP_NO.match(header[0].strip(" *_")):
            continue
        cells = [[r.text[a:b].strip(" *_") for a, b in r.cells] for r in rows]
        if any(len(c) < 2 for c in cells):
            continue
        if [c[0].rstrip(".") for c in cells] != [str(i) for i in range(1, len(rows) + 1)]:
            continue
        column = next((i for i, h in enumerate(header) if i > 0 and _ACTION.search(h)), 1)
        steps = tuple(c[column].rstrip(". ") for c in cells if column < len(c))
        heading = doc.heading_of(rows[0])
        if len(steps) < 2 or not how_to_list(
            steps, "", heading.text if heading is not None else "", prompt
        ):
            continue
        out.append(NumberedSteps(steps, (rows[0].span[0], rows[-1].span[1]), "procedure.table"))
    return out


#: a title over what to do in each case: "**What to do**", "What you should do:", "First aid"
_WHAT_TO_DO = re.compile(
    r"\b(?:what (?:to|you should|you can|you need to) do|steps?|how to|first aid|instructions|"
    r"directions)\b",
    re.I,
)


def case_steps(doc: Document) -> list[NumberedSteps]:
    """Bullets that each give one case's steps in prose under a title asking what to do
    ("**What to do**" / "- *Suspected heart attack:* call emergency services. Keep the person
    resting. …" / "- *Cardiac arrest:* call emergency services, start chest compressions …"):
    each bullet a procedure of its own (the gold conventions: one entry per how-to in the
    answer), its steps the instruction sentences and clauses after the label.  An answer that is
    no how-to as a whole still gives such steps, so the title must ask for them and each bullet
    give at least two orders; a bullet of one order is advice, no procedure.  Bullets whose labels
    are themselves orders ("- **Brew the tea:** Steep …") are one procedure's titled steps, no
    cases."""
    out: list[NumberedSteps] = []
    for _, top, title in titled_bullet_lists(doc):
        if not _WHAT_TO_DO.search(title.text) or len(title.text.split()) > 12:
            continue
        if sum(1 for item in top if is_instruction(item.key_text())) * 2 > len(top):
            # "### Steps" / "- **Brew the tea:** Steep …" / "- **Cool it:** …": labels that give
            # orders title one procedure's steps, no cases (the list is read as that procedure)
            continue
        for item in top:
            if item.value is None or item.key is None:
                continue
            value = item.text[item.value[0] : item.value[1]]
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", value)
            steps = [
                c.rstrip(".!; ").strip()
                for s in sentences
                if is_order(s)
                for c in instruction_clauses(s)
            ]
            if len(steps) >= 2 and is_instruction(sentences[0]):
                label = item.text[item.key[0] : item.key[1]].strip(" *_")
                out.append(NumberedSteps(tuple(steps), item.span, "procedure.case", label))
    return out
