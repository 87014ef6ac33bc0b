"""From a raw teacher answer to clean, parseable pieces that still know where they came from.

A teacher answer is markdown at best and hostile at worst (HTML with scripts, pasted binaries,
megabytes of text).  Nothing here parses language: it only decides *what* may be read and cuts it
into pieces the parser can take.  Unreadable regions (``<script>``/``<style>`` bodies, HTML
comments and tags, fenced code, table rows, lines of binary garbage) are blanked out with spaces of
the same length first, so every offset stays an offset into the original answer.  Lines are then
classified (heading, bullet, numbered item, plain line) and plain lines are joined into paragraphs;
inline markup (emphasis, code ticks, link targets) is deleted while an :class:`OffsetMap` remembers,
for every kept character, its position in the answer — that is how items get spans in the answer
although the parser never saw the markup.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from grapheme_distill.extractors.base import looks_like_refusal

__all__ = ["OffsetMap", "Piece", "Prepared", "prepare"]

PieceKind = Literal["heading", "bullet", "numbered", "para"]

_BLANK_BLOCKS = re.compile(
    r"<(script|style|noscript|iframe|template|svg|object)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<!--.*?(?:-->|\Z)"
    r"|^[ \t]*(```|~~~).*?(?:^[ \t]*\2[^\n]*$|\Z)",
    re.IGNORECASE | re.DOTALL | re.MULTILINE,
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]{0,1000})?/?>")
# inline JSON / code-like objects: {"key": ...} or ["a", "b"] are data, not prose
_JSON = re.compile(r"\{[^{}\n]*[\"'][^{}\n]*[:,][^{}\n]*\}|\[\s*[\"'][^\[\]\n]*\]")
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[-*+•‣◦▪][ \t]+(\S.*)$")
_NUMBERED = re.compile(r"^([ \t]*)(?:step[ \t]*)?(\d{1,3})[.):][ \t]+(\S.*)$", re.IGNORECASE)
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_RULE = re.compile(r"^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE = re.compile(r"^[ \t]*\|")
# inline markup and whitespace runs, deleted (or collapsed to one space) inside a piece
_INLINE = re.compile(
    # a gloss in another language, "(Icelandic: *Ísland*)": the document readers make it an
    # alias; parsed, it became the sentence's subject ("Icelandic: Ísland is a Nordic country")
    r"\s\((?:[A-Z][\w-]*\s?){1,3}:\s[^()\n]{1,80}\)"
    r"|!\[[^\]]*\]\([^)]*\)"  # images: nothing to read
    r"|(?<=\])\([^)\s]*\)"  # link targets after [text]
    r"|[\[\]]"  # link brackets
    r"|\*\*|__|~~|`+"
    r"|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\w)|(?<=\w)_(?![\w_])"
    r"|\s{2,}|[\t\r\n\f\v]"
)
_SENT_END = re.compile(r"(?<=[.!?])\s+")


class OffsetMap:
    """Maps offsets in a cleaned piece back to offsets in the original answer.

    The cleaned text is a concatenation of runs copied from the answer; ``starts[i]`` is where run
    ``i`` begins in the clean text and ``origins[i]`` where it begins in the answer.
    """

    __slots__ = ("origins", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []

    def add(self, clean_pos: int, orig_pos: int) -> None:
        self.starts.append(clean_pos)
        self.origins.append(orig_pos)

    def to_orig(self, clean_pos: int) -> int:
        i = bisect_right(self.starts, clean_pos) - 1
        if i < 0:
            return self.origins[0] if self.origins else clean_pos
        return self.origins[i] + (clean_pos - self.starts[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The answer span of the clean span ``[start, end)``."""
        if end <= start:
            s = self.to_orig(start)
            return (s, s)
        return (self.to_orig(start), self.to_orig(end - 1) + 1)


@dataclass
class Piece:
    """One parseable block of an answer: a heading, a list item or a paragraph.

    Attributes:
        kind: what the block was in the markdown.
        text: the cleaned text handed to the parser.
        offsets: maps ``text`` offsets back into the answer.
        indent: leading whitespace width of a list item (nesting).
        group: list items that follow each other without a break share a group number.
        lead_in: the line ends with a colon and introduces what follows.
    """

    kind: PieceKind
    text: str
    offsets: OffsetMap
    indent: int = 0
    group: int = -1
    lead_in: bool = False


@dataclass
class Prepared:
    """What :func:`prepare` makes of one answer."""

    pieces: list[Piece] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (reason, raw excerpt)
    refusal: bool = False


#: the patterns of the blanking below, compiled once (performance only)
_NOT_NEWLINE = re.compile(r"[^\n]")
_LANGUAGE = re.compile(r"[A-Za-z0-9_+#.-]+")
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
_WORD = re.compile(r"[A-Za-z]{2,}")
_SENTENCE_STOP = re.compile(r"[a-z][.!?](?:\s|$)")


def _blank(match: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", match.group(0))


def _blank_unreadable(match: re.Match[str]) -> str:
    """Blank scripts, comments and code; but a fence around prose (LLMs wrap whole answers in
    ``` ... ```) only loses its fence lines."""
    block = match.group(0)
    if match.group(2):  # a fenced block
        first, _, rest = block.partition("\n")
        info = first.strip().strip("`~").strip()
        body, _, last = (
            rest.rpartition("\n") if rest.rstrip().endswith(("```", "~~~")) else (rest, "", "")
        )
        language = _LANGUAGE.fullmatch(info) is not None
        if (not language or info.lower() in _PROSE_FENCES) and _looks_like_prose(body):
            fence = _FENCE.match(first)
            head = (
                _blank_text(first)
                if language or fence is None
                else (_blank_text(fence.group(0)) + first[fence.end() :])
            )
            return head + "\n" + body + ("\n" + _blank_text(last) if last else "")
    return _blank_text(block)


_PROSE_FENCES = frozenset({"markdown", "md", "text", "txt", "plain", "plaintext"})


def _blank_text(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)


def _looks_like_prose(body: str) -> bool:
    if not body.strip():
        return False
    code = sum(body.count(ch) for ch in "{};=<>$\\|")
    words = len(_WORD.findall(body))
    return code <= 0.01 * len(body) and words >= 5 and bool(_SENTENCE_STOP.search(body))


def _is_bad_char(ch: str) -> bool:
    if ch == "\ufffd":
        return True
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cs", "Co", "Cn") and ch not in "\t\n\r"


def _clean_range(
    text: str, start: int, end: int, out: list[str], offsets: OffsetMap, pos: int
) -> int:
    """Append the cleaned ``text[start:end]`` to ``out``; return the new clean length."""
    segment = text[start:end]
    last = 0
    for m in _INLINE.finditer(segment):
        if m.start() > last:
            offsets.add(pos, start + last)
            out.append(segment[last : m.start()])
            pos += m.start() - last
        if m.group(0).isspace() and pos and out and not out[-1].endswith(" "):
            offsets.add(pos, start + m.start())
            out.append(" ")
            pos += 1
        last = m.end()
    if last < len(segment):
        offsets.add(pos, start + last)
        out.append(segment[last:])
        pos += len(segment) - last
    return pos


def _make_piece(
    text: str, ranges: list[tuple[int, int]], kind: PieceKind, *, indent: int = 0, group: int = -1
) -> Piece | None:
    out: list[str] = []
    offsets = OffsetMap()
    pos = 0
    for start, end in ranges:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if pos and not out[-1].endswith(" "):
            offsets.add(pos, start)
            out.append(" ")
            pos += 1
        pos = _clean_range(text, start, end, out, offsets, pos)
    cleaned = "".join(out).rstrip()
    if not cleaned or not any(ch.isalnum() for ch in cleaned):
        return None
    return Piece(
        kind=kind,
        text=cleaned,
        offsets=offsets,
        indent=indent,
        group=group,
        lead_in=cleaned.endswith(":"),
    )


def _split_long(piece: Piece, limit: int) -> list[Piece]:
    """Cut an over-long paragraph at sentence ends (or spaces) so the parser never sees more than
    ``limit`` characters at once."""
    if len(piece.text) <= limit:
        return [piece]
    parts: list[Piece] = []
    text = piece.text
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind(". ", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        chunk = text[start:end]
        offsets = OffsetMap()
        offsets.add(0, piece.offsets.to_orig(start))
        for s, o in zip(piece.offsets.starts, piece.offsets.origins, strict=True):
            if start < s < end:
                offsets.add(s - start, o)
        stripped = chunk.rstrip()
        if stripped.strip():
            parts.append(Piece(kind=piece.kind, text=stripped, offsets=offsets, group=piece.group))
        start = end
    return parts


def prepare(text: str, *, max_chars: int = 200_000, max_piece_chars: int = 10_000) -> Prepared:
    """Clean and cut one answer into pieces; reasons for anything not read go to ``failures``."""
    result = Prepared()
    if not text or not text.strip():
        result.failures.append(("empty answer", text))
        return result
    if looks_like_refusal(text):
        result.refusal = True
        result.failures.append(("the teacher refused or did not know", text[:500]))
        return result
    if len(text) > max_chars:
        cut = text.rfind("\n", 0, max_chars)
        cut = cut if cut > max_chars // 2 else max_chars
        result.failures.append(
            (
                (
                    f"answer has {len(text)} characters; only the first {cut} were read "
                    "(raise max_chars to read more)"
                ),
                text[cut : cut + 200],
            )
        )
        text = text[:cut]
    visible = _BLANK_BLOCKS.sub(_blank_unreadable, text)
    visible = _TAG.sub(_blank, visible)
    visible = _JSON.sub(_blank, visible)

    lines: list[tuple[int, int]] = []  # (start, end) of each line in the answer
    pos = 0
    for line in visible.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    bad_total = 0
    content_total = 0
    paragraph: list[tuple[int, int]] = []
    group = 0
    in_list = False
    last_item: tuple[PieceKind, list[tuple[int, int]], int] | None = None
    pieces: list[Piece] = []

    def flush_para() -> None:
        nonlocal paragraph
        if paragraph:
            piece = _make_piece(visible, paragraph, "para")
            if piece:
                pieces.extend(_split_long(piece, max_piece_chars))
            paragraph = []

    def flush_item() -> None:
        nonlocal last_item
        if last_item:
            kind, ranges, indent = last_item
            piece = _make_piece(visible, ranges, kind, indent=indent, group=group)
            if piece:
                pieces.extend(_split_long(piece, max_piece_chars))
            last_item = None

    for start, end in lines:
        line = visible[start:end]
        content = line.strip()
        if not content:
            flush_item()
            flush_para()
            if in_list:
                in_list = False
                group += 1
            continue
        # (a printable line holds no control, surrogate, private or unassigned character: only
        # U+FFFD is left to look for, without a call per character)
        bad = (
            content.count("\ufffd")
            if content.isprintable()
            else sum(1 for ch in content if _is_bad_char(ch))
        )
        content_total += len(content)
        if bad > 0.05 * len(content):
            bad_total += len(content)
            flush_item()
            flush_para()
            continue
        if _RULE.match(line) or _TABLE.match(line):
            flush_item()
            flush_para()
            continue
        qm = _QUOTE.match(line)
        if qm:
            start += qm.end()
            line = visible[start:end]
        if hm := _HEADING.match(line):
            flush_item()
            flush_para()
            if in_list:
                in_list = False
                group += 1
            piece = _make_piece(visible, [(start + hm.start(2), start + hm.end(2))], "heading")
            if piece:
                pieces.append(piece)
            continue
        item = _NUMBERED.match(line)
        kind: PieceKind = "numbered"
        if not item:
            item = _BULLET.match(line)
            kind = "bullet"
        if item:
            flush_item()
            flush_para()
            if not in_list:
                in_list = True
            body = item.lastindex or 0
            last_item = (kind, [(start + item.start(body), end)], len(item.group(1).expandtabs(4)))
            continue
        if last_item and line[:1] in " \t":  # an indented continuation of a list item
            last_item[1].append((start, end))
            continue
        flush_item()
        if in_list:
            in_list = False
            group += 1
        paragraph.append((start, end))
        if content.endswith(":"):
            flush_para()
    flush_item()
    flush_para()
    result.pieces = pieces
    if bad_total:
        reason = "binary or non-text content skipped"
        if bad_total > 0.5 * max(content_total, 1):
            reason = "the answer looks like binary or non-text data; nothing could be read"
        result.failures.append((reason, text[:200]))
    return result
