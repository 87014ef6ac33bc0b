"""What every exporter shares: atomic writes, and text made safe for the format that holds it.

An export of a large store takes a while; a reader (or a crash) must never see half a file under
the final name.  :func:`atomic_file` and :func:`atomic_dir` write beside the target under a hidden
temporary name and rename into place only when everything was written (``os.replace`` is atomic
on one file system), removing the temporary on any error.

Labels come from teacher answers and may hold anything.  Each format escapes with its own library
(rdflib, the csv module, json); what no escaping can carry is handled here: XML 1.0 forbids most
C0 control characters even as character references (:func:`xml_text`), and a spreadsheet runs a
cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (:func:`spreadsheet_text`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_dir", "atomic_file", "atomic_text", "spreadsheet_text", "xml_text"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write (by any means); renamed to ``path`` on success,
    removed on any error."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """:func:`atomic_file` opened as UTF-8 text (no newline translation: formats choose)."""
    with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def atomic_dir(path: Path) -> Iterator[Path]:
    """A temporary directory beside ``path``, moved to ``path`` on success.

    An existing directory at ``path`` (an earlier export) is replaced: it is moved aside first and
    removed after the new one is in place, so ``path`` is never a mix of the two.
    """
    if path.exists() and not path.is_dir():
        raise FileExistsError(17, "exists and is not a directory", str(path))
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        for file in tmp.iterdir():
            os.chmod(file, 0o666 & ~_umask())
        old = None
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.replace(path, old / "previous")
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


#: characters XML 1.0 cannot hold at all (not even as &#x1;): C0 controls but tab, LF, CR;
#: surrogates; U+FFFE and U+FFFF
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD (the replacement
    character), so the document stays well-formed and the loss is visible."""
    return _XML_FORBIDDEN.sub("\ufffd", text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: a cell starting with ``= + - @``,
    tab or CR gets a leading apostrophe (OWASP's advice; spreadsheets hide it), except a plain
    number such as ``-5``, which is data."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
