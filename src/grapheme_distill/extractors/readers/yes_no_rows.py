"""A comparison table's yes/no row under a question → a fact per column, denied where "no".

Why.  "X vs Y" answers compare in a table, and a row that asks a question of each column
answers it with "yes" or "no"::

    | | Will | Living trust |
    | Goes through probate? | yes | no, for assets held in the trust |
    | Can name guardians for children? | yes | no |

The annotators read each cell as a fact about its column — the question's verb the predicate,
its object the object, and a "no" a denial (``will goes_through probate``, ``living trust
goes_through probate``, negated) — as the conventions keep a denied fact with ``negated: true``.
The attribute reader (:mod:`.attributes`) takes no value from such a row (a "yes" is no value),
so it hands the row here.

Only a question whose first word is a verb form the key can show without a parse counts: a
modal ("Can name …", "Must pay …") or a verb in the third person ("Goes through …", "Needs …",
"Requires …") over two words or more, and not one before a participle or an adjective said of
it ("Fees charged?", "Pets allowed in flats?": the plural noun of an elliptical "Are fees
charged?").  A copular question ("Is the person conscious?") has a subject of its own, and a
one-word one ("Public?") no object, so neither is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from grapheme_distill.extractors.readers.facts import Fact, Name, clean_name

__all__ = ["answer_polarity", "yes_no_facts"]

#: an answer to a yes/no question: a table cell ("yes", "usually yes", "no, within seconds") or
#: the sentence after a question in prose ("A: No.", "**Yes** — since 2007", "Not yet.", "Not
#: really."); the word stands alone, so "No other river …" or "no fee" is no answer
_ANSWER = re.compile(
    r"^[*_\s]*(?:(?:A|Answer)\s*[:.][*_\s]*)?"
    r"(?:(?:usually|generally|normally|mostly|often|typically)\s+)?"
    r"(?:(?P<yes>yes)|(?P<no>no|not\s+(?:really|yet)))[*_]*(?=\s*(?:$|[^\w\s]))",
    re.IGNORECASE,
)
_MODAL = frozenset({"can", "could", "may", "must", "will", "should"})
_AUX = frozenset({"does", "do"})
#: a verb in the third person singular: "goes", "needs", "requires" (not "class", "business")
_THIRD_PERSON = re.compile(r"^[a-z]{2,}(?<![su])s$")
#: a participle or a predicative adjective ("charged", "paid", "payable"): said of the word before
#: it, which is then a noun ("Fees charged?" is "Are fees charged?", not a verb "fees")
_SAID_OF = re.compile(
    r"^(?:[a-z]{2,}(?:ed|able|ible)|paid|made|held|kept|sold|given|taken|known|shown|done|built|"
    r"sent|lost|won|due)$"
)
_PREPOSITIONS = frozenset(
    {"through", "to", "in", "on", "at", "for", "with", "from", "by", "into", "of", "over", "under"}
)
_ARTICLE = re.compile(r"^(?:an?|the|any|some)\s+", re.IGNORECASE)


def answer_polarity(text: str) -> bool | None:
    """What an answer to a yes/no question says: ``True`` for yes, ``False`` for no ("no",
    "not really", "not yet": the asked fact denied), ``None`` when ``text`` does not open with
    either.  Shared by the table rows here and the questions of an FAQ in prose
    (:mod:`~grapheme_distill.extractors.spacy.yes_no_questions`)."""
    found = _ANSWER.match(text)
    if found is None:
        return None
    return found.group("yes") is not None


def _question(key: str) -> tuple[str, str] | None:
    """The predicate and object a yes/no question asks about ("Goes through probate?" →
    ``goes_through``, probate; "Can name guardians for children?" → ``can_name``, guardians)."""
    text = clean_name(key.strip())
    if not key.strip().endswith("?"):
        return None
    words = text.rstrip("?").lower().split()
    if len(words) < 2:
        return None
    verb: list[str] = []
    if words[0] in _AUX:
        words = words[1:]
    elif words[0] in _MODAL:
        verb, words = [words[0]], words[1:]
    if not words or not (verb or _THIRD_PERSON.match(words[0])):
        return None
    # "Fees charged?", "Pets allowed in flats?": what is said of a plural noun, no verb (a verb's
    # object opens with a participle only before its noun: "Needs signed consent?")
    said_of = len(words) >= 2 and _SAID_OF.match(words[1]) is not None
    if not verb and said_of and (len(words) == 2 or words[2] in _PREPOSITIONS):
        return None
    verb.append(words[0])
    rest = words[1:]
    if rest and rest[0] in _PREPOSITIONS:
        verb.append(rest[0])
        rest = rest[1:]
    # the object ends where a preposition starts what is said of it ("guardians for children")
    cut = next((i for i, w in enumerate(rest) if i and w in _PREPOSITIONS), len(rest))
    obj = clean_name(_ARTICLE.sub("", " ".join(rest[:cut])))
    if not obj or len(obj.split()) > 4:
        return None
    return "_".join(verb), obj


def yes_no_facts(
    key: str, subjects: Sequence[str], cells: Sequence[str], spans: Sequence[tuple[int, int]]
) -> Iterator[Fact]:
    """One fact per column of a row whose every cell answers the question ``key`` with yes or
    no (module docstring); nothing when a cell does not."""
    asked = _question(key)
    answers = [answer_polarity(cell) for cell in cells]
    if asked is None or not answers or any(a is None for a in answers):
        return
    predicate, obj = asked
    for subject, answer, span in zip(subjects, answers, spans, strict=False):
        if subject and answer is not None:
            denied = not answer
            yield Fact(
                "relation",
                "table.yes_no",
                span,
                Name(subject),
                Name(obj),
                predicate,
                negated=denied,
            )
