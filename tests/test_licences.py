"""Every file the package ships under a licence other than the code's is named, with that licence, in
NOTICE, and the wheel carries LICENSE and NOTICE (``license-files``): the word-frequency table is
CC BY-SA 4.0 data while the code is MIT, and a user who redistributes the wheel must be able to see
which is which without reading the source."""

from __future__ import annotations

import gzip
import itertools
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "grapheme_distill"


def test_the_wheel_carries_the_licence_and_the_notice() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-SA-4.0"
    assert project["license-files"] == ["LICENSE", "NOTICE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_every_shipped_data_file_under_another_licence_is_in_the_notice() -> None:
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    others = []
    for path in sorted(PACKAGE.rglob("*.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            head = "".join(itertools.islice(fh, 8))
        if "Licence:" in head:
            others.append(path)
            assert path.relative_to(ROOT).as_posix() in notice
            assert "CC BY-SA 4.0" in head and "CC BY-SA 4.0" in notice
    assert others, "the word-frequency table carries its licence in its header"
