"""Split the development answers by annotation batch (issue 11), for the calibration refit.

``dev.jsonl`` holds every batch's dev part in one file; the calibration map's unseen reads need
each later batch on its own (``benchmarks/unseen_reads.py``: batch K read by the code from just
before K was merged).  An answer's batch is the annotation file that holds it —
``annotated/written<K>.txt`` / ``local<K>.txt``, the first batch without a number — and batches 1–10
(read freely while the readers were written) stay together as ``devtrain``::

    .venv/bin/python benchmarks/split_by_batch.py /tmp/grapheme-distill-sets
    # -> /tmp/grapheme-distill-sets/devtrain/gold.jsonl, …/val11/gold.jsonl, …

Only dev answers are written: the blind part is never split, read or scored here.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ANSWERS = Path(__file__).resolve().parent / "data" / "answers"
#: the last batch read freely while the readers were written; later ones are gates
DEVTRAIN_LAST = 10
_FILE = re.compile(r"(?:written|local)(\d*)\.txt")


def batches(annotated: Path = ANSWERS / "annotated") -> dict[str, int]:
    """Every annotated answer's id and the batch its file says."""
    out: dict[str, int] = {}
    for path in sorted(annotated.glob("*.txt")):
        m = _FILE.fullmatch(path.name)
        if m is None:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("### "):
                out[line[4:].strip()] = int(m.group(1) or 1)
    return out


def set_name(batch: int) -> str:
    return "devtrain" if batch <= DEVTRAIN_LAST else f"val{batch}"


def split(out: Path, dev: Path = ANSWERS / "dev.jsonl") -> dict[str, int]:
    """Write ``out/<set>/gold.jsonl`` for every batch's dev answers; the count of each."""
    of = batches()
    sets: dict[str, list[str]] = {}
    for line in dev.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sets.setdefault(set_name(of[json.loads(line)["id"]]), []).append(line + "\n")
    for name, lines in sets.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        (out / name / "gold.jsonl").write_text("".join(lines), encoding="utf-8")
    return {k: len(v) for k, v in sets.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    counts = split(ap.parse_args(argv).out)
    print(", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: set_key(kv[0]))))
    return 0


def set_key(name: str) -> int:
    """``devtrain`` first, then the gates by batch."""
    return -1 if name == "devtrain" else int(name[3:])


if __name__ == "__main__":
    raise SystemExit(main())
