"""Where a growing answer ends before its token budget: a stop string, a complete JSON value, or a
loop (small models decoding greedily repeat lines, blocks and chunks inside a line).

Each rule is a pure function of the text decoded so far, so the teacher asks them after every
token and they are tested on literal strings.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "JsonEnd",
    "first_stop",
    "looks_structured",
    "periodic_tail",
    "repeated_block",
    "repeated_line",
]


def repeated_line(text: str) -> int | None:
    """Offset where the last completed line starts if it repeats an earlier line, else None."""
    lines = text.split("\n")[:-1]
    last = lines[-1].strip() if lines else ""
    if not last or last not in {line.strip() for line in lines[:-1]}:
        return None
    return len("\n".join(lines[:-1])) + 1 if len(lines) > 1 else 0


def looks_structured(text: str) -> bool:
    """Whether an answer is JSON or code (its first line opens a value or a code fence)."""
    return text.lstrip().startswith(("{", "[", "```"))


def repeated_block(text: str, longest: int = 16) -> int | None:
    """Offset where a loop starts in structured text (JSON, code), else None.

    Pretty-printed JSON repeats lines all the time (``{``, ``},``, ``"negated": false,``), so a
    single repeated line says nothing there.  A loop is the last ``L`` completed lines repeating
    the ``L`` lines just before them (1 <= L <= ``longest``) with some letters or digits in them:
    the same item emitted again.  Two different items always differ in some line of the period,
    so they never match.  The offset is where the second copy starts (the first is kept).
    """
    raw = text.split("\n")[:-1]
    lines = [line.strip() for line in raw]
    for size in range(1, min(longest, len(lines) // 2) + 1):
        block = lines[-size:]
        if block == lines[-2 * size : -size] and sum(c.isalnum() for c in "".join(block)) >= 4:
            return len("\n".join(raw[:-size])) + 1
    return None


def periodic_tail(
    text: str, longest: int = 200, min_copies: int = 3, min_span: int = 100
) -> int | None:
    """Offset where a loop inside a line starts, else None.

    A small model can loop without a newline (one JSON list growing ``"A, Spain, Spain, ...``
    until ``max_tokens``), which no line rule sees.  The text's tail is a loop when some chunk of
    1..``longest`` characters ends it ``min_copies`` or more times in a row, the copies spanning at
    least ``min_span`` characters — far more than a number's zeros or a separator rule.  The
    offset keeps the first copy.
    """
    n = len(text)
    for size in range(1, min(longest, n // min_copies) + 1):
        chunk = text[n - size :]
        if text[n - 2 * size : n - size] != chunk:
            continue
        copies = 2
        while (
            n - (copies + 1) * size >= 0
            and text[n - (copies + 1) * size : n - copies * size] == chunk
        ):
            copies += 1
        if copies >= min_copies and copies * size >= min_span:
            return n - (copies - 1) * size
    return None


class JsonEnd:
    """Finds where the first top-level JSON value of a growing answer closes.

    The value starts at the first ``{`` or ``[`` that opens a line (a code fence or a sentence
    before it is skipped); brackets inside strings do not count.  Fed the whole text so far after
    each token, it scans only the new characters, so a long answer costs linear time.
    """

    def __init__(self) -> None:
        self.pos = 0
        self.depth = 0
        self.started = False
        self.in_string = False
        self.escape = False
        self.line_start = True

    def feed(self, text: str) -> int | None:
        """Offset just past the closing bracket once the value is complete, else None."""
        for i in range(self.pos, len(text)):
            c = text[i]
            if not self.started:
                if c in "{[" and self.line_start:
                    self.started, self.depth = True, 1
                elif c == "\n":
                    self.line_start = True
                elif not c.isspace():
                    self.line_start = False
                continue
            if self.in_string:
                if self.escape:
                    self.escape = False
                elif c == "\\":
                    self.escape = True
                elif c == '"':
                    self.in_string = False
            elif c == '"':
                self.in_string = True
            elif c in "{[":
                self.depth += 1
            elif c in "}]":
                self.depth -= 1
                if self.depth == 0:
                    self.pos = i + 1
                    return i + 1
        self.pos = len(text)
        return None


def first_stop(text: str, stops: Sequence[str]) -> int | None:
    hits = [text.find(s) for s in stops if s and s in text]
    return min(hits) if hits else None
