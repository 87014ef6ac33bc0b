"""How common a name's words are in English at large: cues of the entity model that carry over
to a writer it never saw (thirty-sixth and thirty-seventh sessions, issue 11).

Why.  Most of the entity model's weights are its head word's identity (``head=process``), and
those remember the annotation batches they were fitted on: on batches the model never saw, the
names it was confident about only through its head word were right about half of the time
against .83 in sample (docs/benchmarks.md, thirty-fifth session).  Whether a word is common in
English at large ("process", "health", "people") or rare ("radioactivity", "mitochondria") is a
property of the word, not of the batch: a rare noun names a thing of the topic, a very common one
is often the generic part of a phrase.  The cue is the word's Zipf frequency (log10 of its
frequency per billion words), cut into whole-number classes so the model weighs each on its own:

- ``zf_head=N``: the last word of the name (its head in English noun phrases);
- ``zf_name=N``: the whole name as one phrase (its words' frequencies combined as ``wordfreq``
  does: 1/f = 1/f1 + 1/f2 + …);
- ``zf_min=N``: its rarest word.

Classes: ``"2"`` … ``"7"`` the whole part of the Zipf frequency (7 and above in ``"7"``); ``"1"``
below Zipf 2 (rarer than once in 100 million words) or not in the table.  Only letters count as
words ("COVID-19" is ``covid``); a name without a letter has no cue.

The frequencies are ``wordfreq``'s English list (CC BY-SA 4.0; attribution in the table's
header), shipped as a 0.4 MB table of the 94,000 words of letters at Zipf 2 and above
(``word_frequency_en.tsv.gz``, built by ``benchmarks/build_word_frequency.py``), so reading
needs no 56 MB dependency and a lookup is a dict access.  Words are normalised and split as
``wordfreq`` does for English (:func:`_tokens`).
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import unicodedata
from importlib.resources import files

__all__ = ["FLOOR_CB", "TABLE", "frequency_cues", "table", "zipf", "zipf_class"]

#: the package-data table (``benchmarks/build_word_frequency.py``)
TABLE = "word_frequency_en.tsv.gz"
#: the rarest frequency the table holds, in centibels (Zipf 2.00; the build script keeps no rarer)
FLOOR_CB = 700
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: ``wordfreq.zipf_frequency``'s floor: a frequency of 1e-9 (Zipf 0)
_MIN_FREQ = 1e-9


@functools.cache
def table() -> dict[str, int]:
    """Word -> its frequency in centibels below 1 (the word occurs 10^(-C/100) of the time)."""
    text = gzip.decompress((files(__package__) / TABLE).read_bytes()).decode("utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cb, words = line.split("\t", 1)
            out.update(dict.fromkeys(words.split(" "), int(cb)))
    return out


#: French elision at a word's start ("d'Orsay", "l'Europe"): ``wordfreq`` reads "d" and "orsay"
_ELISION = re.compile(r"(\w\w?)'(?=[aehiouyáéíóúàèìòùâêîôûåïöœ])")


@functools.lru_cache(maxsize=65536)
def _tokens(word: str) -> tuple[str, ...]:
    """The words ``wordfreq`` looks up for a run of letters: normalised (NFC, case-folded), split
    where it splits (at a number sign such as "²" or "₂", and after a French elision with a
    straight apostrophe), curly apostrophes made straight."""
    text = unicodedata.normalize("NFC", word).casefold()
    text = "".join(" " if unicodedata.category(ch) == "No" else ch for ch in text)
    out = []
    for part in text.split():
        while m := _ELISION.match(part):
            out.append(m.group(1))
            part = part[m.end() :]
        part = part.strip("'").replace("’", "'")
        if part:
            out.append(part)
    return tuple(out)


def zipf(words: tuple[str, ...]) -> float:
    """The Zipf frequency of ``words`` as one phrase, as ``wordfreq.zipf_frequency`` gives it
    (the same combination, rounding and floor); 0.0 when a word is not in the table."""
    known = table()
    one_over = 0.0
    for token in (t for word in words for t in _tokens(word)):
        cb = known.get(token)
        if cb is None:
            return 0.0
        one_over += 1.0 / 10 ** (-cb / 100)
    if not one_over:
        return 0.0
    freq = max(1.0 / one_over, _MIN_FREQ)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # three significant digits
    return round(math.log(freq, 10) + 9, 2)


def zipf_class(value: float) -> str:
    """A Zipf frequency as a class: ``"1"`` below 2 (or unknown), else its whole part up to 7."""
    return str(min(7, max(1, int(value))))


@functools.lru_cache(maxsize=65536)
def frequency_cues(name: str) -> tuple[str, ...]:
    """The frequency cues of one name (see the module docstring)."""
    words = tuple(w.lower() for w in _LETTERS.findall(name))
    if not words:
        return ()
    return (
        f"zf_head={zipf_class(zipf(words[-1:]))}",
        f"zf_name={zipf_class(zipf(words))}",
        f"zf_min={zipf_class(min(zipf((w,)) for w in words))}",
    )
