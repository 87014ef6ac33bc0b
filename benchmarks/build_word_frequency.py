"""Build the entity model's English word-frequency table from ``wordfreq`` (thirty-seventh
session, issue 11).

The entity model's frequency cues (:mod:`grapheme_distill.extractors.spacy.word_frequency`) need
how common a word is in English at large.  ``wordfreq`` knows, but its English list is 56 MB once
loaded with its dependencies (``regex``, ``langcodes``, ``msgpack``, ``ftfy``), and the cues need
only a small part of it: words made of letters (names are read as runs of letters), at Zipf 2.00
and above (more often than once in 100 million words; rarer words and unknown ones fall into one
class, so the table need not hold the 218,000 words between Zipf 1 and 2).  This script writes
that part as a gzip'd text table in package data; ``wordfreq`` is a development dependency only.

Layout: ``#`` header lines (source, version, licence and attribution: wordfreq's data is CC BY-SA
4.0, so is this table), then one line per frequency bucket, ``C<TAB>word word …``, the words that
occur 10^(-C/100) of the time (C in centibels, wordfreq's own quantisation, so the table gives
the very same frequencies and a phrase's combined frequency comes out exactly as wordfreq's).

    .venv/bin/pip install wordfreq==3.1.1
    .venv/bin/python benchmarks/build_word_frequency.py
"""

from __future__ import annotations

import argparse
import gzip
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from grapheme_distill.extractors.spacy.word_frequency import FLOOR_CB, TABLE

ROOT = Path(__file__).resolve().parents[1]
#: the table the reader loads (the module's name for it; the rarest bucket kept, -700 cB or Zipf
#: 2.00, is the module's FLOOR_CB too)
OUT = ROOT / "src/grapheme_distill/extractors/spacy" / TABLE


def _is_word(word: str) -> bool:
    """A word the cues can look up: letters (and their marks: "İ" lower-cased is "i" and a
    dot), with apostrophes inside (``word_frequency._tokens``)."""
    return word.strip("'") == word and all(
        unicodedata.category(ch)[0] in "LM" or ch == "'" for ch in word
    )


HEADER = """\
# English word frequencies for grapheme-distill's entity cues (extractors/spacy/word_frequency.py)
# Built by benchmarks/build_word_frequency.py from wordfreq {version} ('best' English list),
# https://github.com/rspeer/wordfreq : words of letters at Zipf 2.00 and above.
# Each line below: C<TAB>words separated by spaces, the words that occur 10^(-C/100) of the time.
# Licence: Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0),
# https://creativecommons.org/licenses/by-sa/4.0/ , as wordfreq's data it is derived from.
# Attribution: wordfreq by Robyn Speer (https://doi.org/10.5281/zenodo.7199437). wordfreq's data
# is extracted from Google Books Ngrams (http://books.google.com/ngrams), the Leeds Internet
# Corpus, Wikipedia, ParaCrawl, OPUS OpenSubtitles 2018 (attribution to OpenSubtitles,
# http://www.opensubtitles.org/), the SUBTLEX word lists by Marc Brysbaert et al. (freely
# available data, http://crr.ugent.be/programs-data/subtitle-frequencies) and Twitter word counts.
"""


def table_lines(buckets: Sequence[Sequence[str]], floor: int = FLOOR_CB) -> list[str]:
    """The table's lines for wordfreq's buckets (bucket ``i`` holds the words at ``-i`` cB):
    the buckets down to ``floor``, each word of letters only, sorted; empty buckets left out."""
    lines = []
    for cb, bucket in enumerate(buckets[: floor + 1]):
        words = sorted(w for w in bucket if _is_word(w))
        if words:
            lines.append(f"{cb}\t{' '.join(words)}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    from importlib.metadata import version

    from wordfreq import get_frequency_list  # type: ignore[import-not-found, unused-ignore]

    lines = table_lines(get_frequency_list("en", "best"))
    text = HEADER.format(version=version("wordfreq")) + "\n".join(lines) + "\n"
    # mtime 0: the same list gives the same bytes
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    words = sum(len(line.split("\t")[1].split(" ")) for line in lines)
    print(f"{args.out}: {words} words in {len(lines)} buckets, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
