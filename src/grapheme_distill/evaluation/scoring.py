"""Scorers: each benchmark's official matching rules, and one normalised/fuzzy mode for all.

**WebNLG+ 2020 (official).**  A re-implementation, in our own code, of the challenge's
``Evaluation_script.py`` as its data README summarises it: both sides are normalised (camelCase
split, ``_`` → space, lowercase, a trailing ``(unit)`` dropped from the object); each element of a
candidate triple is aligned with the reference element token by token (longest shared n-grams
first) and turned into SemEval-2013 spans, which are scored with the Strict / Exact / Partial /
Ent_type rules of ``nervaluate`` 0.1.7 (the version the official script pins; reimplemented here
because later versions count differently); within an entry the shorter list is padded and
candidates are paired with references by the permutation with the highest mean F1; P/R/F1 are
then averaged over all the paired triples.  The script's quirks are kept on purpose — candidate
tokens that are multi-character punctuation (the ````` and ``''`` that quotes become) are not
filtered while the reference's are, and an element with no shared token is retried against the
other elements — because a scorer that differs from the official one cannot be compared with
published numbers.  Tokens come from NLTK's Treebank-style word tokenizer (no punkt download:
elements are single phrases).  The test suite checks the result against the published Exact F1
of the winning submissions.

**Text2KGBench (official).**  Per sentence: keep system triples whose relation is among the
sentence's gold relations; compare lowercase keys with whitespace and ``_`` removed by exact set
intersection; ontology conformance, relation/subject/object hallucination as in ``run_eval.py``
(Porter-stemmed substring test against the sentence plus the ontology's concept labels); average
over the sentences of an ontology, then over ontologies.

**Normalised mode** (reported separately, for every dataset).  Triple-level and one-to-one: a
candidate matches an unused gold triple when the predicates are equal after normalisation
(camelCase split, case, punctuation) and subject and object are equal after normalisation
(punctuation and a leading article dropped, a trailing parenthetical dropped, dates and numbers in
one canonical form) or at least :data:`FUZZY_THRESHOLD` similar by ``rapidfuzz``'s ratio.  Micro
P/R/F1 over the whole split, plus the
same with predicates ignored ("unlabelled"), which separates entity finding from relation naming.
The similarity threshold was fixed before any extractor was run; the date/number
canonicalisation was added after reading the first misses of the spaCy extractor on WebNLG
(``January 1, 1726`` against ``1726-01-01``), as a rule about values, not about any one text.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from grapheme_distill.errors import MissingDependency
from grapheme_distill.evaluation.datasets import Example, Ontology, Triple
from grapheme_distill.extractors.readers.dates import MONTHS

__all__ = [
    "FUZZY_THRESHOLD",
    "ElementScores",
    "FuzzyScores",
    "Text2KGBenchScores",
    "WebNLGScores",
    "fuzzy_match_triples",
    "fuzzy_normalise",
    "normalise_triple",
    "same_entity",
    "score_fuzzy",
    "score_text2kgbench",
    "score_webnlg",
    "webnlg_normalise",
]

#: rapidfuzz ratio (0-100) at which two normalised entity strings count as the same in fuzzy mode.
FUZZY_THRESHOLD = 90.0
SCHEMES = ("strict", "exact", "partial", "ent_type")

# =========================================================================== WebNLG official

_CAMEL = re.compile(r"([a-z])([A-Z])")
_WS = re.compile(r"\s+")
_UNIT = re.compile(r"^(.*?)(\s\((.*?)\))$")
_PUNCT = re.escape(string.punctuation)
_ALL_PUNCT = re.compile(rf"^[{_PUNCT}]+$")
_ONE_PUNCT = re.compile(rf"^[{_PUNCT}]$")
_ANY_PUNCT = re.compile(rf"[{_PUNCT}]")
_TAG = re.compile(r"^(FOUNDCAND-\d+)-")
_GROUP = re.compile(r"^((.*?)-\d+)")

Span = tuple[str, int, int]  # (label, start, end), end inclusive


def webnlg_normalise(triple: str) -> str:
    """The official normalisation of a ``"s | p | o"`` string (see the module docstring)."""
    text = _CAMEL.sub(r"\1 \2", triple).lower()
    text = _WS.sub(" ", text.replace("_", " "))
    parts = text.split(" | ")
    m = _UNIT.search(parts[-1])
    if m:
        parts[-1] = m.group(1)
    return " | ".join(parts)


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[str]]:
    try:
        from nltk.tokenize import NLTKWordTokenizer
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency("the WebNLG official scorer (NLTK word tokenizer)", "eval") from exc
    tok = NLTKWordTokenizer()
    return tok.tokenize  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=200_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_tokenizer()(text)) if text else ()


def _find_sub(sub: list[str], seq: list[str]) -> tuple[int, int] | None:
    n = len(sub)
    for i, tok in enumerate(seq):
        if tok == sub[0] and seq[i : i + n] == sub:
            return i, i + n - 1
    return None


def _link(ref: list[str], cand: list[str], found: int, n: int) -> None:
    """Mark shared n-grams, longest first, as FOUNDREF/FOUNDCAND (official ``nonrefwords``).

    The recursion and its numbering (a recursive call's numbers are not seen by its caller) are
    the official script's; they decide which matched chunks later merge into one span.
    """
    while n > 0:
        grams = [cand[i : i + n] for i in range(len(cand) - n + 1)]
        for gram in grams:
            where_ref = _find_sub(gram, ref)
            if where_ref is None:
                continue
            where_cand = _find_sub(gram, cand)
            if where_cand is None:
                continue
            ref_idx = list(range(where_ref[0], where_ref[1] + 1))
            for i in ref_idx:
                ref[i] = f"FOUNDREF-{found}-{i}"
            for j, ci in enumerate(range(where_cand[0], where_cand[1] + 1)):
                cand[ci] = f"FOUNDCAND-{found}-{ref_idx[j]}"
            found += 1
            _link(ref, cand, found, n)
        n -= 1


def _spans(
    ref: list[str], cand: list[str], ref_label: str, cand_label: str, base: int
) -> tuple[bool, list[Span], list[Span], list[Any]]:
    """Reference and candidate spans on one shared token line (official ``getrefdict``)."""
    found_at = [i for i, t in enumerate(cand) if t.startswith("FOUNDCAND")]
    if not found_at:
        if not ref:
            return False, [], [(cand_label, base, base + len(cand) - 1)], list(cand)
        if not cand:
            ref_spans: list[Span] = [(ref_label, base, base + len(ref) - 1)]
            return False, ref_spans, [], list(ref_spans)  # official: the span list, length 1
        total = ref + cand
        return (
            False,
            [(ref_label, base, base + len(ref) - 1)],
            [(cand_label, base + len(ref), base + len(total) - 1)],
            total,
        )
    first = found_at[0]
    before_tag = None
    if cand[first].endswith("-0"):
        m = _TAG.search(cand[first])
        before_tag = m.group(1) if m else None
    last_idx: int | None = None
    after_tag = None
    if ref and ref[-1].startswith("FOUNDREF") and not cand[-1].startswith("FOUNDCAND"):
        last_val = cand[found_at[-1]]
        if last_val == ref[-1].replace("FOUNDREF", "FOUNDCAND"):
            last_idx = cand.index(last_val)
            m = _TAG.search(last_val)
            after_tag = m.group(1) if m else None
    before: list[str] = []
    after: list[str] = []
    unlinked: list[str] = []
    unlink_no = 1
    for idx, tok in enumerate(cand):
        if tok.startswith("FOUNDCAND"):
            unlink_no += 1
        elif idx < first and before_tag is not None:
            cand[idx] = before_tag + "-LINKED"
            before.append(cand[idx])
        elif last_idx is not None and after_tag is not None and idx > last_idx:
            cand[idx] = after_tag + "-LINKED"
            after.append(cand[idx])
        else:
            unlinked.append(f"NOTFOUND-{unlink_no}")
    total = before + ref + after + unlinked
    ref_spans = [(ref_label, base + len(before), base + len(before) + len(ref) - 1)]
    line = [t.replace("FOUNDREF", "FOUNDCAND") for t in total]
    cand_spans: list[Span] = []
    current = ""
    begin = 0
    collecting = False
    for idx, tok in enumerate(line):
        if tok.startswith("FOUNDCAND") or tok.startswith("NOTFOUND"):
            collecting = True
            gm = _GROUP.search(tok)
            group = gm.group(1) if gm else tok
            if group != current:
                if current:
                    cand_spans.append((cand_label, base + begin, base + idx - 1))
                current = group
                begin = idx
            if idx == len(line) - 1:
                cand_spans.append((cand_label, base + begin, base + idx))
        elif collecting:  # the official script closes (and re-closes) the open span here
            cand_spans.append((cand_label, base + begin, base + idx - 1))
    return True, ref_spans, cand_spans, total


def _element_lists(ref: str, cand: str, switched: bool) -> tuple[list[str], list[str]]:
    if switched:
        r = [t.lower() for t in _tokens(ref) if not _ANY_PUNCT.search(t)]
        c = [t.lower() for t in _tokens(cand) if not _ANY_PUNCT.search(t)]
    else:
        r = [t.lower() for t in _tokens(ref) if not _ALL_PUNCT.match(t)]
        c = [t.lower() for t in _tokens(cand) if not _ONE_PUNCT.match(t)]
    _link(r, c, 1, len(c))
    return r, c


_Result = tuple[bool, list[Span], list[Span], list[Any]]


def _semeval(true: list[Span], pred: list[Span]) -> dict[str, dict[str, float]]:
    """SemEval-2013 counts and P/R/F1 for the four schemes, with nervaluate 0.1.7's rules."""
    counts = {
        s: {"correct": 0, "incorrect": 0, "partial": 0, "missed": 0, "spurious": 0} for s in SCHEMES
    }
    overlapped: list[Span] = []
    true_set = set(true)
    for p in pred:
        if p in true_set:
            overlapped.append(p)
            for s in SCHEMES:
                counts[s]["correct"] += 1
            continue
        hit = False
        for t in true:
            if t[1] == p[1] and t[2] == p[2] and t[0] != p[0]:
                counts["strict"]["incorrect"] += 1
                counts["ent_type"]["incorrect"] += 1
                counts["partial"]["correct"] += 1
                counts["exact"]["correct"] += 1
                overlapped.append(t)
                hit = True
                break
            # nervaluate 0.1.7 compares range(start, end): the end offset is excluded
            if max(t[1], p[1]) < min(t[2], p[2]):
                overlapped.append(t)
                counts["strict"]["incorrect"] += 1
                counts["exact"]["incorrect"] += 1
                counts["partial"]["partial"] += 1
                if t[0] == p[0]:
                    counts["ent_type"]["correct"] += 1
                else:
                    counts["ent_type"]["incorrect"] += 1
                hit = True
                break
        if not hit:
            for s in SCHEMES:
                counts[s]["spurious"] += 1
    for t in true:
        if t not in overlapped:
            for s in SCHEMES:
                counts[s]["missed"] += 1
    out: dict[str, dict[str, float]] = {}
    for s, c in counts.items():
        possible = c["correct"] + c["incorrect"] + c["partial"] + c["missed"]
        actual = c["correct"] + c["incorrect"] + c["partial"] + c["spurious"]
        hits = c["correct"] + (0.5 * c["partial"] if s in ("partial", "ent_type") else 0.0)
        prec = hits / actual if actual > 0 else 0.0
        rec = hits / possible if possible > 0 else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0
        out[s] = {"precision": prec, "recall": rec, "f1": f1}
    return out


_ZERO = {s: {"precision": 0.0, "recall": 0.0, "f1": 0.0} for s in SCHEMES}


@functools.lru_cache(maxsize=200_000)
def _pair_scores(reference: str, candidate: str) -> dict[str, dict[str, float]]:
    """Score one normalised candidate triple against one reference (official ``evaluaterefcand``)."""
    if not reference or not candidate:  # a padding slot: nothing can be right
        return _ZERO
    ref = (reference.split(" | ") + ["", ""])[:3]
    cand = (candidate.split(" | ") + ["", ""])[:3]
    if len(reference.split(" | ")) == 1:
        ref = ["", "", ""]
    elif len(candidate.split(" | ")) == 1:
        cand = ["", "", ""]
    res: list[_Result] = []
    base = 0
    for i, label in enumerate(("SUB", "PRED", "OBJ")):
        r, c = _element_lists(ref[i], cand[i], False)
        out = _spans(r, c, label, label, base)
        res.append(out)
        base += len(out[3])
    sub, pred, obj = res
    switched = False
    if not sub[0] and not obj[0]:
        r, c = _element_lists(ref[0], cand[2], True)
        a = _spans(r, c, "SUB", "OBJ", 0)
        r2, c2 = _element_lists(ref[2], cand[0], True)
        b = _spans(r2, c2, "OBJ", "SUB", len(a[3]) + len(pred[3]))
        if a[0] or b[0]:
            sub, obj = a, b
            # the official script recomputes the predicate from the lists it used last
            pred = _spans(r2, c2, "PRED", "PRED", len(sub[3]))
            switched = True
    if not sub[0] and not pred[0] and not switched:
        r, c = _element_lists(ref[0], cand[1], True)
        a = _spans(r, c, "SUB", "PRED", 0)
        r2, c2 = _element_lists(ref[1], cand[0], True)
        b = _spans(r2, c2, "PRED", "SUB", len(a[3]))
        if a[0] or b[0]:
            sub, pred = a, b
            switched = True
    if not pred[0] and not obj[0] and not switched:
        r, c = _element_lists(ref[1], cand[2], True)
        a = _spans(r, c, "PRED", "OBJ", len(sub[3]))
        r2, c2 = _element_lists(ref[2], cand[1], True)
        b = _spans(r2, c2, "OBJ", "PRED", len(sub[3]) + len(a[3]))
        if a[0] or b[0]:
            pred, obj = a, b
    true = sub[1] + pred[1] + obj[1]
    guess = sub[2] + pred[2] + obj[2]
    return _semeval(true, guess)


@functools.lru_cache(maxsize=16)
def _perms(n: int) -> np.ndarray[Any, Any]:
    return np.array(list(itertools.permutations(range(n))), dtype=np.int16).reshape(-1, n)


def _best_assignment(matrix: np.ndarray[Any, Any]) -> list[int]:
    """The reference index for each candidate maximising the summed score.

    Up to 8 triples a side every permutation is tried and the first best one kept, as the
    official script does (its tie-breaking decides which pairs are reported); beyond that the
    exact optimum comes from a maximum-weight matching (ties may then break differently).
    """
    n = matrix.shape[0]
    if n <= 8:
        perms = _perms(n)
        totals = np.round(matrix[np.arange(n), perms].sum(axis=1), 9)
        return [int(x) for x in perms[int(np.argmax(totals))]]
    import networkx as nx

    g = nx.Graph()
    for i in range(n):
        for j in range(n):
            g.add_edge(("c", i), ("r", j), weight=float(matrix[i, j]) + 1.0)
    matching = nx.max_weight_matching(g, maxcardinality=True)
    out = [0] * n
    for a, b in matching:
        c, r = (a, b) if a[0] == "c" else (b, a)
        out[c[1]] = r[1]
    return out


@dataclass
class ElementScores:
    """Mean precision, recall and F1 of one SemEval scheme over the aligned triple pairs."""

    precision: float
    recall: float
    f1: float


@dataclass
class WebNLGScores:
    """Official WebNLG Text-to-RDF scores; ``exact.f1`` is the headline number."""

    strict: ElementScores
    exact: ElementScores
    partial: ElementScores
    ent_type: ElementScores
    entries: int
    pairs: int
    candidate_triples: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": "exact.f1",
            **{s: vars(getattr(self, s)) for s in SCHEMES},
            "entries": self.entries,
            "aligned_pairs": self.pairs,
            "candidate_triples": self.candidate_triples,
        }


def _triple_text(t: Triple) -> str:
    return " | ".join(_WS.sub(" ", x.replace("|", " ")).strip() for x in t)


def score_webnlg(
    gold: Sequence[Sequence[Triple]], candidates: Sequence[Sequence[Triple]]
) -> WebNLGScores:
    """Score candidate triples against gold, entry by entry, with the official rules."""
    if len(gold) != len(candidates):
        raise ValueError(f"{len(gold)} gold entries but {len(candidates)} candidate entries")
    sums = {s: np.zeros(3) for s in SCHEMES}
    pairs = 0
    n_cand = 0
    for refs_t, cands_t in zip(gold, candidates, strict=True):
        refs = [webnlg_normalise(_triple_text(t)) for t in refs_t]
        cands = [webnlg_normalise(_triple_text(t)) for t in cands_t]
        n_cand += len(cands)
        n = max(len(refs), len(cands))
        if n == 0:
            continue
        refs += [""] * (n - len(refs))
        cands += [""] * (n - len(cands))
        table = [[_pair_scores(r, c) for r in refs] for c in cands]
        matrix = np.array(
            [
                [
                    sum(cell[s]["f1"] for s in ("ent_type", "partial", "strict", "exact")) / 4
                    for cell in row
                ]
                for row in table
            ]
        )
        for i, j in enumerate(_best_assignment(matrix)):
            cell = table[i][j]
            for s in SCHEMES:
                sums[s] += (cell[s]["precision"], cell[s]["recall"], cell[s]["f1"])
            pairs += 1
    mean = {s: (sums[s] / pairs if pairs else np.zeros(3)) for s in SCHEMES}
    return WebNLGScores(
        **{s: ElementScores(*(float(x) for x in mean[s])) for s in SCHEMES},
        entries=len(gold),
        pairs=pairs,
        candidate_triples=n_cand,
    )


# =========================================================================== Text2KGBench official

_KEY_WS = re.compile(r"(_|\s+)")


def _t2k_key(t: Triple) -> str:
    return "".join(_KEY_WS.sub("", x).lower() for x in t)


@functools.lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    try:
        from nltk.stem import PorterStemmer
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(
            "Text2KGBench hallucination metrics (Porter stemmer)", "eval"
        ) from exc
    return PorterStemmer().stem  # type: ignore[no-any-return]


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@functools.lru_cache(maxsize=100_000)
def _stemmed(text: str) -> str:
    stem = _stemmer()
    words: list[str] = []
    # word_tokenize splits sentences first (punkt); a plain sentence split gives the same tokens here
    for sentence in _SENT_END.split(text):
        words.extend(stem(w) for w in _tokens(sentence))
    return _KEY_WS.sub("", "".join(words)).lower()


@dataclass
class Text2KGBenchScores:
    """Official Text2KGBench averages (macro over sentences, then over ontologies)."""

    precision: float
    recall: float
    f1: float
    onto_conformance: float
    rel_hallucination: float
    sub_hallucination: float
    obj_hallucination: float
    per_ontology: dict[str, dict[str, float]] = field(default_factory=dict)
    selected: dict[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": "f1",
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "onto_conformance": self.onto_conformance,
            "rel_hallucination": self.rel_hallucination,
            "sub_hallucination": self.sub_hallucination,
            "obj_hallucination": self.obj_hallucination,
            "per_ontology": self.per_ontology,
            **({"selected": self.selected} if self.selected is not None else {}),
        }


_T2K_FIELDS = (
    "precision",
    "recall",
    "f1",
    "onto_conformance",
    "rel_hallucination",
    "sub_hallucination",
    "obj_hallucination",
)


def _t2k_sentence(example: Example, system: Sequence[Triple], ontology: Ontology) -> list[float]:
    gold_rels = {t.predicate.replace(" ", "_") for t in example.gold}
    kept = [t for t in system if t.predicate in gold_rels]
    sys_keys = {_t2k_key(t) for t in kept}
    gold_keys = {_t2k_key(t) for t in example.gold}
    if sys_keys:
        inter = len(sys_keys & gold_keys)
        p, r = inter / len(sys_keys), inter / len(gold_keys)
        f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    else:
        p = r = f = 0.0
    if system:
        labels = {x.replace(" ", "_") for x in ontology.relations}
        oc = sum(t.predicate in labels for t in system) / len(system)
        context = _stemmed(example.text + " ".join(ontology.concepts))
        sh = sum(_stemmed(t.subject).replace("01januari", "") not in context for t in system)
        oh = sum(_stemmed(t.object).replace("01januari", "") not in context for t in system)
        sub_h, obj_h = sh / len(system), oh / len(system)
    else:
        oc, sub_h, obj_h = 1.0, 0.0, 0.0
    return [p, r, f, oc, 1.0 - oc, sub_h, obj_h]


def score_text2kgbench(
    examples: Sequence[Example],
    system: Mapping[str, Sequence[Triple]],
    ontologies: dict[str, Ontology],
    selected_ids: frozenset[str] = frozenset(),
) -> Text2KGBenchScores:
    """Score system triples (by example id) with the official Text2KGBench rules.

    An example with no system entry contributes zeros to P/R/F1 and nothing to the other
    averages' numerators, exactly like ``run_eval.py`` (it divides by all gold sentences).
    """
    by_group: dict[str, list[list[float]]] = {}
    sel_rows: list[list[float]] = []
    for ex in examples:
        rows = by_group.setdefault(ex.group, [])
        if ex.id not in system:
            rows.append([0.0] * len(_T2K_FIELDS))
            continue
        row = _t2k_sentence(ex, system[ex.id], ontologies[ex.group])
        rows.append(row)
        if ex.id in selected_ids:
            sel_rows.append(row)
    per = {
        g: dict(zip(_T2K_FIELDS, (float(x) for x in np.mean(np.array(rows), axis=0)), strict=True))
        for g, rows in by_group.items()
    }
    glob = {k: float(np.mean([v[k] for v in per.values()])) if per else 0.0 for k in _T2K_FIELDS}
    selected = (
        dict(zip(_T2K_FIELDS, (float(x) for x in np.mean(np.array(sel_rows), axis=0)), strict=True))
        if sel_rows
        else None
    )
    return Text2KGBenchScores(**glob, per_ontology=per, selected=selected)


# =========================================================================== normalised / fuzzy

_NON_ALNUM = re.compile(r"[^\w\s]+", re.UNICODE)
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


_DATE_MDY = re.compile(r"^(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{3,4})$")
_DATE_DMY = re.compile(
    r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{3,4})$"
)
_DATE_ISO = re.compile(r"^(?P<y>\d{3,4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_NUM_UNIT = re.compile(r"^[£$€]?\s*(?P<n>[-+]?\d[\d,]*(?:\.\d+)?)(?:\s*[a-z%]+){0,2}$")


def _canonical_value(t: str) -> str | None:
    """Dates as ``yyyy mm dd`` and numbers without separators, trailing ``.0`` or a short unit
    (``29,000 people`` → ``29000``, ``1095.0`` → ``1095``); None when ``t`` is neither."""
    for pattern in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
        m = pattern.match(t)
        if m:
            month = m.group("m")
            mi = int(month) if month.isdigit() else MONTHS.get(month)
            if mi is not None and 1 <= mi <= 12:
                return f"{int(m.group('y')):04d} {mi:02d} {int(m.group('d')):02d}"
    m = _NUM_UNIT.match(t)
    if m:
        n = m.group("n").replace(",", "")
        if "." in n:
            n = n.rstrip("0").rstrip(".")
        return n.lstrip("+")
    return None


@functools.lru_cache(maxsize=200_000)
def fuzzy_normalise(text: str) -> str:
    """Lowercase words only: camelCase split, ``_`` → space, quotes, a trailing ``(…)`` and a
    leading article dropped, punctuation removed (``1,777,539`` → ``1777539``); dates and numbers
    in canonical form (``January 1, 1726`` and ``1726-01-01`` → ``1726 01 01``)."""
    t = _CAMEL.sub(r"\1 \2", text.replace("_", " "))
    t = _TRAILING_PAREN.sub("", t).lower().replace("\u2212", "-")
    t = _WS.sub(" ", t).strip().strip("\"'“”~ ")
    value = _canonical_value(t)
    if value is not None:
        return value
    t = _WS.sub(" ", _NON_ALNUM.sub("", t)).strip()
    return _ARTICLE.sub("", t)


_NUMERIC = re.compile(r"^[-\d. ]+$")


def same_entity(a: str, b: str) -> bool:
    """Whether two *normalised* entity strings (see :func:`fuzzy_normalise`) name the same thing
    in the normalised mode: equal, or at least :data:`FUZZY_THRESHOLD` similar — except numbers and
    dates, which must be equal (``1,200`` is not ``1,300``, however similar the strings)."""
    if a == b:
        return True
    if not a or not b or _NUMERIC.match(a) or _NUMERIC.match(b):
        return False  # numbers and dates must be equal, not similar
    return fuzz.ratio(a, b) >= FUZZY_THRESHOLD


def normalise_triple(t: Triple) -> tuple[str, str, str]:
    """Subject, predicate and object through :func:`fuzzy_normalise` (the normalised-mode key);
    two predicates are the same in the normalised mode when these keys are equal."""
    return fuzzy_normalise(t.subject), fuzzy_normalise(t.predicate), fuzzy_normalise(t.object)


def fuzzy_match_triples(
    gold: Sequence[Triple], candidates: Sequence[Triple], *, labelled: bool = True
) -> list[int | None]:
    """For each candidate (in the order given: pass them most confident first), the index of
    the gold triple it matches one-to-one, or None."""
    g_norm = [normalise_triple(t) for t in gold]
    used: set[int] = set()
    out: list[int | None] = []
    for c in candidates:
        cs, cp, co = normalise_triple(c)
        hit = None
        for j, (gs, gp, go) in enumerate(g_norm):
            if j in used or (labelled and cp != gp):
                continue
            if same_entity(cs, gs) and same_entity(co, go):
                hit = j
                break
        if hit is not None:
            used.add(hit)
        out.append(hit)
    return out


@dataclass
class FuzzyScores:
    """Micro P/R/F1 of the normalised mode, labelled (predicate must match) and unlabelled."""

    precision: float
    recall: float
    f1: float
    unlabelled_precision: float
    unlabelled_recall: float
    unlabelled_f1: float
    candidate_triples: int
    gold_triples: int
    matched: int

    def to_dict(self) -> dict[str, Any]:
        return {"headline": "f1", **vars(self)}


def _prf(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dedupe(triples: Iterable[Triple]) -> list[Triple]:
    """Drop triples that normalise to the same key (keeps the first, i.e. most confident)."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Triple] = []
    for t in triples:
        key = normalise_triple(t)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def score_fuzzy(
    gold: Sequence[Sequence[Triple]], candidates: Sequence[Sequence[Triple]]
) -> tuple[FuzzyScores, list[list[bool]]]:
    """Normalised-mode scores, and per candidate whether it matched (for calibration)."""
    hit = u_hit = n_pred = n_gold = 0
    correct: list[list[bool]] = []
    for g, c in zip(gold, candidates, strict=True):
        labelled = fuzzy_match_triples(g, c, labelled=True)
        unlabelled = fuzzy_match_triples(g, c, labelled=False)
        hit += sum(x is not None for x in labelled)
        u_hit += sum(x is not None for x in unlabelled)
        n_pred += len(c)
        n_gold += len(g)
        correct.append([x is not None for x in labelled])
    p, r, f = _prf(hit, n_pred, n_gold)
    up, ur, uf = _prf(u_hit, n_pred, n_gold)
    return FuzzyScores(p, r, f, up, ur, uf, n_pred, n_gold, hit), correct
