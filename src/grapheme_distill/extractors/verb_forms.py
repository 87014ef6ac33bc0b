"""Verb forms in predicates: a relation's verb named as its clause writes it.

The clause readers name a verb by spaCy's lemma (the relation model and the vocabularies key on
it); the predicate chooser (:mod:`grapheme_distill.extractors.spacy.predicate_choice`) then names
it as the evidence writes it, after the model has judged the reading.  Two things the lemma
gets wrong for the annotation conventions:

* an irregular past (:func:`as_written`: "broke with" is ``broke_with``, not ``break_with``);
* a lemma cut one letter short (:func:`lemma_as_written`): spaCy's rule lemmatizer tries
  "-s", "-es", "-ed", "-ing" off a verb and keeps the last stem its verb list holds, so where
  both "code" and "cod" are verbs, "codes" / "coded" / "coding" all become ``cod``.

(A particle written apart from its verb, "carried Armstrong down", named without it was
tried and set aside in the twenty-second session: docs/benchmarks.md.)

Split out of :mod:`grapheme_distill.extractors.predicates` (canonical names per meaning),
which keeps importing :func:`as_written` for its callers.
"""

from __future__ import annotations

import re

__all__ = ["as_written", "lemma_as_written"]

# the simple past of the irregular English verbs (a regular past shares its stem with the lemma:
# "moved" / "move"; an irregular one does not: "kept" / "keep").  Verbs whose lemma a table of
# grapheme_distill.extractors.predicates keys on ("win", "have", "lead", "become", "find",
# "lie", "run", "stand", "mean", "come", "make") are left out: their predicates are named by
# those tables.  A table rather than an inflection
# library (lemminflect, pyinflect): only the irregular pasts are needed, a closed list of the
# language, and a dependency with its own data for ~95 words would be heavier than the list.
_IRREGULAR_PAST = {
    "arise": "arose",
    "awake": "awoke",
    "bear": "bore",
    "beat": "beat",
    "begin": "began",
    "bend": "bent",
    "bind": "bound",
    "bite": "bit",
    "blow": "blew",
    "break": "broke",
    "breed": "bred",
    "bring": "brought",
    "build": "built",
    "burn": "burnt",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose",
    "cling": "clung",
    "deal": "dealt",
    "dig": "dug",
    "draw": "drew",
    "drink": "drank",
    "drive": "drove",
    "eat": "ate",
    "fall": "fell",
    "feed": "fed",
    "feel": "felt",
    "fight": "fought",
    "flee": "fled",
    "fly": "flew",
    "forbid": "forbade",
    "forget": "forgot",
    "forgive": "forgave",
    "freeze": "froze",
    "get": "got",
    "give": "gave",
    "go": "went",
    "grind": "ground",
    "grow": "grew",
    "hang": "hung",
    "hear": "heard",
    "hide": "hid",
    "hold": "held",
    "keep": "kept",
    "know": "knew",
    "lay": "laid",
    "leave": "left",
    "lend": "lent",
    "light": "lit",
    "lose": "lost",
    "meet": "met",
    "overcome": "overcame",
    "pay": "paid",
    "ride": "rode",
    "ring": "rang",
    "rise": "rose",
    "say": "said",
    "see": "saw",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "shake": "shook",
    "shine": "shone",
    "shoot": "shot",
    "sing": "sang",
    "sink": "sank",
    "sit": "sat",
    "sleep": "slept",
    "speak": "spoke",
    "spend": "spent",
    "spin": "spun",
    "spring": "sprang",
    "steal": "stole",
    "stick": "stuck",
    "strike": "struck",
    "swear": "swore",
    "sweep": "swept",
    "swim": "swam",
    "swing": "swung",
    "take": "took",
    "teach": "taught",
    "tear": "tore",
    "tell": "told",
    "think": "thought",
    "throw": "threw",
    "undergo": "underwent",
    "understand": "understood",
    "undertake": "undertook",
    "wake": "woke",
    "wear": "wore",
    "weave": "wove",
    "weep": "wept",
    "wind": "wound",
    "withdraw": "withdrew",
    "write": "wrote",
}


def as_written(predicate: str, evidence: str) -> str:
    """The predicate of an active clause named in the tense its evidence is written in: an
    irregular verb's simple past as written ("Henry VIII broke with Rome" is ``broke_with``, not
    ``break_with``; "Westinghouse lit the fair" ``lit``).  The readers name a verb by its lemma
    (the relation model and the vocabularies key on it); an answer told in the past names its
    facts in the past, and a regular past shares its stem with the lemma ("moved" / "move"),
    while an irregular one does not ("kept" / "keep").  ``evidence`` is the clause's text; the
    predicate stays when it does not hold the past form, or holds the lemma's own forms too."""
    head, sep, rest = predicate.partition("_")
    past = _IRREGULAR_PAST.get(head)
    if past is None or not evidence:
        return predicate
    words = set(re.findall(r"[a-z]+", evidence.lower()))
    if past not in words or ({head, f"{head}s", f"{head}es"} - {past}) & words:
        return predicate
    return f"{past}{sep}{rest}"


#: one syllable closed by one consonant: the stems whose own "-ed" / "-ing" double it ("hop" ->
#: "hopped"), so an undoubled "hoped" is "hope" + "d"; "w", "x", "y" never double.  A sibilant
#: ("s", "z") is left out too: such a stem takes "-es" itself ("gas" / "gases", "bus" / "buses")
#: and "bus" keeps one "s" before "-ed" / "-ing" ("bused", "busing"), so no form of it tells
#: "bus" from a "buse" (and the verbs in "-se", "use", "close", spaCy already names whole: the
#: short stem is no verb of its list)
_CLOSED_SYLLABLE = re.compile(r"[^aeiou]*[aeiou][^aeiouwxyzs]")


def lemma_as_written(predicate: str, evidence: str) -> str:
    """The predicate with its verb's lemma mended where spaCy cut it one letter short: "the gene
    codes for a protein" is ``code_for``, not ``cod_for``.  spaCy's rule lemmatizer strips each
    suffix it knows ("-s", "-es", "-ed", "-ing") and keeps the last stem its verb list holds,
    so for a word that is two verbs' forms at once ("codes": "code" + "s" or "cod" + "es") it
    names the shorter.  English spells the other reading otherwise: a one-syllable verb closed
    by one consonant takes "-s" and doubles it before "-ed" / "-ing" ("cods", "codded",
    "codding"), so "codes", "coded", "coding" can only be "code".  The predicate stays when the
    evidence holds the short stem's own forms, or no form of it at all."""
    head, sep, rest = predicate.partition("_")
    if not evidence or _CLOSED_SYLLABLE.fullmatch(head) is None:
        return predicate
    words = set(re.findall(r"[a-z]+", evidence.lower()))
    if {head, f"{head}s"} & words or not {f"{head}es", f"{head}ed", f"{head}ing"} & words:
        return predicate
    return f"{head}e{sep}{rest}"
