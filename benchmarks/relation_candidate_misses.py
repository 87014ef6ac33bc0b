"""Gold relations no prediction recalls, sorted by how far the learned relation reader got with
them, and for those no candidate pairs, by the dependency path between the two names.

Why.  Relation recall is lost at different stages: the parse never offers the pair as a
candidate (:mod:`grapheme_distill.extractors.spacy.relation_candidates`), or offers it and the
reader never judges it (a rule already related the pair, or an end is no entity node:
:func:`~grapheme_distill.extractors.spacy.learned_relations.judged`), or judges it under its
threshold, or offers the pair only with a predicate the scorer rejects.  A pairing construction
(a new kind of candidate) can only win the first class, and only where one sentence holds both
names; this says how large each class is before anyone writes one.

Each answer is read once by the ``spacy`` extractor with its shipped models; the reader's entry
point is wrapped to see every candidate before the reader filters it (no behaviour changes).
Names are compared with the reference scorer's own functions (``Names.sim``,
``ItemScorer._rel_match``), candidates' names as the output writes them
(:func:`~grapheme_distill.extractors.spacy.items.entity_surface`).

Stages (``--summary`` counts them; a gold relation falls in the first that applies)::

    hit                 a prediction recalls it
    judged_right        a judged candidate has an accepted predicate (under the threshold, or
                        outranked for its pair)
    filtered_right      a candidate has an accepted predicate but was never judged (its pair
                        taken by a rule record, an end no node, or a generic name)
    judged_other        judged candidates pair the two names, none with an accepted predicate
    filtered_other      candidates pair them, none judged, none with an accepted predicate
    no_candidate        no candidate pairs the two names

``--extent`` counts the ``no_candidate`` relations a candidate would pair but for one end's
extent (:func:`extent_miss`): the candidate's name holds every word of the gold's and more
("private salons" for ``salons``, "Tryon, North Carolina" for ``Tryon``), by which end, where the
extra words stand and whether the gold's name is an entity node of the answer.

``--paths N`` prints, for the ``no_candidate`` relations whose ends both are entity nodes of the
answer, where a sentence holds both names: the block (``para``, ``bullet``, ...), then the N
most frequent dependency paths between the two names' heads in a paragraph sentence, each with
an example (``nsubj^ [VERB] vdobj``: up from the subject to a verb, down to its object).

``--constructions`` counts every lost relation (any stage) whose two names stand in one paragraph
sentence by the general construction on the path between them (:func:`construction`: relative
clause, participle, apposition, passive, coordination, ...), with how many of each reached no
candidate; a pairing rule for one construction can win at most its row.

``--coordination`` splits the ``coordination`` row by shape (:func:`coordination_shape`: a
subject shared by coordinated verbs, coordinated subjects, objects or prepositional objects, the
two conjuncts related to each other) and by which end is lost (:func:`sibling_kept`): the
conjunct not reached (a prediction says the same of another conjunct) or no relation at all.

Run it on development answers only (the validation answers are scored in aggregate)::

    GRAPHEME_DISTILL_ANSWER_SCORER=/work/shared/eval/score_answers.py \\
        .venv/bin/python benchmarks/relation_candidate_misses.py /work/sets/devtrain.jsonl \\
        --summary --paths 30 --extent
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grapheme_distill.evaluation.answers import extraction_to_pred, load_scorer, read_gold
from grapheme_distill.extractors import get_extractor
from grapheme_distill.extractors.spacy.items import entity_surface
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import EntityType

#: the reference scorer's name threshold (its default ``t``)
T = 0.85
#: a name is looked for among a sentence's token runs up to this long
_LONGEST = 9

#: one token of a parsed sentence: (index in the sentence, text, lemma, pos, dep, head index,
#: character offset in the sentence)
Token = tuple[int, str, str, str, str, int, int]


@dataclass
class Read:
    """What one answer's read left: its predictions, every candidate (subject, predicate,
    object, features, judged, probability), the entity nodes, the reader's threshold and the
    parsed sentences (text, block, tokens)."""

    pred: dict[str, Any]
    candidates: list[tuple[str, str, str, tuple[str, ...], bool, float | None]] = field(
        default_factory=list
    )
    nodes: set[str] = field(default_factory=set)
    threshold: float = 1.0
    sentences: list[tuple[str, str, list[Token]]] = field(default_factory=list)


def surface(name: str) -> str:
    """A record's name as the output writes it (a common noun is a concept)."""
    return entity_surface(name, EntityType.CONCEPT) if name[:1].islower() else name


@contextmanager
def watching(read: Read) -> Iterator[None]:
    """Wrap the extractor's calls of the candidate reader so that ``read`` gets every
    candidate (judged or not, with its probability) and every parsed sentence."""
    walk: Any = importlib.import_module("grapheme_distill.extractors.spacy.answer")
    prose: Any = importlib.import_module("grapheme_distill.extractors.spacy.prose")
    reader: Any = importlib.import_module("grapheme_distill.extractors.spacy.learned_relations")

    add, sentences = walk.add_learned_relations, prose.sentence_candidates

    def add_watched(state: Any, candidates: Any, default: Any) -> None:
        model = reader._model(default)
        judged = set()
        for cand, _, feats in reader.judged(state, candidates):
            p = model.probability(feats) if model is not None else None
            s, o = surface(cand.subject.text), surface(cand.object.text)
            judged.add((s, cand.predicate, o))
            read.candidates.append((s, cand.predicate, o, cand.features, True, p))
        for cand, _ in candidates:  # the ones never judged (the answer's topic not named aside)
            s, o = surface(cand.subject.text), surface(cand.object.text)
            if s and (s, cand.predicate, o) not in judged:
                read.candidates.append((s, cand.predicate, o, cand.features, False, None))
        read.nodes = {normalise_name(m.text) for m in state.facts}
        for r in state.records:
            read.nodes.update(normalise_name(m.text) for m in (r.subject, r.object) if m)
        read.threshold = model.threshold if model is not None else 1.0
        add(state, candidates, default)

    def sentences_watched(sent: Any, **kw: Any) -> Any:
        read.sentences.append((sent.text, str(kw.get("block", "")), tokens_of(sent)))
        return sentences(sent, **kw)

    walk.add_learned_relations, prose.sentence_candidates = add_watched, sentences_watched
    try:
        yield
    finally:
        walk.add_learned_relations, prose.sentence_candidates = add, sentences


def tokens_of(sent: Any) -> list[Token]:
    """A parsed sentence (a spaCy ``Span``) as plain tuples, offsets within the sentence."""
    start, at = sent.start, sent.start_char
    return [
        (t.i - start, t.text, t.lemma_, t.pos_, t.dep_, t.head.i - start, t.idx - at) for t in sent
    ]


def read_answers(items: Sequence[dict[str, Any]]) -> list[Read]:
    extractor = get_extractor("spacy")
    out = []
    for item in items:
        read = Read(pred={})
        with watching(read):
            extraction = extractor.extract(item["response"], prompt=item.get("prompt", ""))
        read.pred = extraction_to_pred(extraction)[0]
        out.append(read)
    return out


def stage(scorer: Any, judge: Any, gold: dict[str, Any], read: Read) -> str:
    """The stage a gold relation (not recalled) was lost at (module docstring)."""

    def pairs(s: str, o: str) -> bool:
        return bool(scorer._pair_sim(judge.names, gold["subject"], gold["object"], s, o, True) >= T)

    def right(s: str, p: str, o: str, negated: bool) -> bool:
        unit = {"subject": s, "predicate": p, "object": o, "negated": negated}
        return bool(judge._rel_match(gold, unit) >= T)

    paired = [c for c in read.candidates if pairs(c[0], c[2])]
    accepted = [c for c in paired if right(c[0], c[1], c[2], "negated" in c[3])]
    if any(c[4] for c in accepted):
        return "judged_right"
    if accepted:
        return "filtered_right"
    if any(c[4] for c in paired):
        return "judged_other"
    return "filtered_other" if paired else "no_candidate"


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower()))


def extent_miss(names: Any, gold: dict[str, Any], read: Read) -> str | None:
    """For a relation no candidate pairs: the first candidate whose one end matches the gold's
    (the scorer's similarity) and whose other end holds every word of the gold's and more, as
    ``end place node`` — ``object lead node``: the object's extra words stand before the gold's
    name, which is an entity node of the answer (``no_node``: it is none); ``trail`` after it,
    ``mid`` around it.  None when no candidate is that close."""
    for s, _, o, *_ in read.candidates:
        s_same, o_same = names.sim(gold["subject"], s) >= T, names.sim(gold["object"], o) >= T
        if s_same == o_same:
            continue
        end, name, wider = (
            ("object", gold["object"], o) if s_same else ("subject", gold["subject"], s)
        )
        if not _words(name) < _words(wider):
            continue
        low, short = wider.lower(), name.lower()
        place = "lead" if low.endswith(short) else "trail" if low.startswith(short) else "mid"
        node = any(names.sim(name, n) >= T for n in read.nodes)
        return f"{end} {place} {'node' if node else 'no_node'}"
    return None


def name_span(names: Any, name: str, tokens: list[Token], text: str) -> tuple[int, int] | None:
    """The shortest run of tokens the scorer takes for ``name`` (best similarity first)."""
    best: tuple[float, int, int, int] | None = None
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + _LONGEST) + 1):
            last = tokens[j - 1]
            score = names.sim(name, text[tokens[i][6] : last[6] + len(last[1])])
            if score >= T and (best is None or (score, i - j) > (best[0], best[3])):
                best = (score, i, j, i - j)
    return None if best is None else (best[1], best[2])


def head(tokens: list[Token], span: tuple[int, int]) -> int:
    """The token of ``span`` whose head lies outside it (or is itself)."""
    i, j = span
    return next((k for k in range(i, j) if not i <= tokens[k][5] < j or tokens[k][5] == k), i)


def path_between(tokens: list[Token], a: int, b: int) -> str | None:
    """The dependency path from token ``a`` up to the lowest common head and down to ``b``:
    ``nsubj^ [VERB] vprep(in) vpobj`` (a preposition's word in brackets, a copula's lemma
    after the head's part of speech); None across sentences' roots."""
    up = [a]
    while tokens[up[-1]][5] != up[-1]:
        up.append(tokens[up[-1]][5])
    down = [b]
    while down[-1] not in up and tokens[down[-1]][5] != down[-1]:
        down.append(tokens[down[-1]][5])
    if down[-1] not in up:
        return None
    top = down[-1]
    parts = [f"{tokens[k][4]}^" for k in up[: up.index(top)]]
    lemma, pos = tokens[top][2], tokens[top][3]
    parts.append(f"[{pos}:{lemma}]" if lemma == "be" or pos == "ADP" else f"[{pos}]")
    for k in reversed(down[:-1]):
        dep = tokens[k][4]
        parts.append(f"v{dep}({tokens[k][1].lower()})" if dep in ("prep", "agent") else f"v{dep}")
    return " ".join(parts)


#: the constructions a path between two names can run through, first match first: each a
#: label and what the path shows of it (``relcl^`` up from a relative clause, ``vacl`` down into a
#: participle, ``vprep(with)`` a preposition's word)
CONSTRUCTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("relative clause", re.compile(r"relcl")),
    ("participle", re.compile(r"\bacl\^|\bvacl\b")),
    ("apposition", re.compile(r"appos")),
    ("passive", re.compile(r"agent|nsubjpass")),
    ("coordination", re.compile(r"conj")),
    ("with / including / as", re.compile(r"vprep\((?:with|including|like|such|as)\)")),
    ("of chain", re.compile(r"\[(?:NOUN|PROPN)\].*vprep\(of\)|v(?:pobj|attr|dobj) vprep\(of\)")),
    ("possessive", re.compile(r"poss")),
    ("compound", re.compile(r"compound")),
    ("copula", re.compile(r"\[AUX:be\]")),
    ("subordinate clause", re.compile(r"advcl|xcomp|ccomp|pcomp")),
)


def construction(path: str | None) -> str:
    """The first general construction (:data:`CONSTRUCTIONS`) the path between two names runs
    through; ``plain verb`` for a subject and a verb's argument with none of them, ``other``
    for the rest, ``no path`` across two roots."""
    if not path:
        return "no path"
    for label, pattern in CONSTRUCTIONS:
        if pattern.search(path):
            return label
    return "plain verb" if path.startswith("nsubj^ [VERB]") else "other"


def coordination_shape(path: str) -> str:
    """Which coordination a path between two names runs through (a path
    :func:`construction` labels ``coordination``): ``verbs`` (one subject over coordinated
    verbs: "A was born in X and died in Y", up to the first verb and down its conjunct, or a
    subject's conjunct verb), ``subjects`` ("A and B founded C"), ``prepositional objects`` ("in
    X and Y"), ``objects`` ("X borders A, B and C"), ``conjuncts`` (the two names are each
    other's conjuncts: "the tomato and the potato"), else ``other``."""
    parts = path.split()
    top = next((k for k, p in enumerate(parts) if p.startswith("[")), 0)
    up, down = parts[:top], parts[top + 1 :]
    if parts[top].startswith(("[VERB", "[AUX")):
        if (up and up[-1] == "conj^") or (down and down[0] == "vconj"):
            return "verbs"
        if "conj^" in up and any(p.startswith("nsubj") for p in up):
            return "subjects"
        if "vconj" in down:
            before = down[: down.index("vconj")]
            return (
                "prepositional objects" if any(p.startswith("vprep") for p in before) else "objects"
            )
    if parts[top].startswith("[ADP") and "vconj" in down:
        return "prepositional objects"
    if up in (["conj^"], []) and down in (["vconj"], []):
        return "conjuncts"
    return "other"


def sibling_kept(judge: Any, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether a prediction says the gold relation's predicate of one of its two ends (the
    scorer's match with the other end swapped in): the reading reached another conjunct and not
    this one."""
    for pr in pred.get("relations", []):
        same_subject = judge.names.sim(gold["subject"], pr["subject"]) >= T
        if not (same_subject or judge.names.sim(gold["object"], pr["object"]) >= T):
            continue
        swapped = {**gold, "subject": pr["subject"], "object": pr["object"]}
        if judge._rel_match(swapped, pr) >= T:
            return True
    return False


def where(names: Any, gold: dict[str, Any], read: Read) -> tuple[str, str | None, str]:
    """The block of the first sentence holding both names (``none``), and for a paragraph
    sentence the path between them, with the sentence."""
    for text, block, tokens in read.sentences:
        s = name_span(names, gold["subject"], tokens, text)
        o = name_span(names, gold["object"], tokens, text) if s else None
        if s and o and (s[1] <= o[0] or o[1] <= s[0]):
            path = path_between(tokens, head(tokens, s), head(tokens, o))
            return block, path, text
    return "none", None, ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="annotated answers (development answers only)")
    ap.add_argument("--summary", action="store_true", help="count the misses by stage")
    ap.add_argument("--paths", type=int, default=0, help="the N most frequent paths")
    ap.add_argument(
        "--extent", action="store_true", help="count the pairs lost only to a name's extent"
    )
    ap.add_argument(
        "--constructions",
        action="store_true",
        help="count the lost relations of one paragraph sentence by construction",
    )
    ap.add_argument(
        "--coordination",
        action="store_true",
        help="split the coordination losses by shape and by the end lost",
    )
    args = ap.parse_args(argv)
    scorer: Any = load_scorer()
    items = read_gold(args.gold, scorer)
    stages: Counter[str] = Counter()
    blocks: Counter[str] = Counter()
    paths: Counter[str | None] = Counter()
    examples: dict[str | None, str] = defaultdict(str)
    extents: Counter[str] = Counter()
    built: Counter[str] = Counter()
    built_bare: Counter[str] = Counter()
    coordinated: Counter[tuple[str, str, bool]] = Counter()
    for item, read in zip(items, read_answers(items), strict=True):
        gold = scorer.coerce(item["gold"])
        judge = scorer.ItemScorer(gold, read.pred, T, 0.6, 0.5, False)
        matches = [
            (sc, i, j)
            for i, gr in enumerate(gold["relations"])
            for j, pr in enumerate(read.pred["relations"])
            if (sc := judge._rel_match(gr, pr)) >= T
        ]
        recalled = {g for g, _, _ in scorer.greedy(matches)}
        for i, gr in enumerate(gold["relations"]):
            kind = "hit" if i in recalled else stage(scorer, judge, gr, read)
            stages[kind] += 1
            if kind == "no_candidate" and args.extent:
                extents[extent_miss(judge.names, gr, read) or "no close candidate"] += 1
            if kind != "hit" and (args.constructions or args.coordination):
                block, path, _ = where(judge.names, gr, read)
                if block == "para":
                    built[construction(path)] += 1
                    built_bare[construction(path)] += kind == "no_candidate"
                if block == "para" and path and construction(path) == "coordination":
                    end = "conjunct not reached" if sibling_kept(judge, gr, read.pred) else "none"
                    coordinated[coordination_shape(path), end, kind == "no_candidate"] += 1
            if kind != "no_candidate" or not args.paths:
                continue
            ends = (gr["subject"], gr["object"])
            if not all(any(judge.names.sim(e, n) >= T for n in read.nodes) for e in ends):
                blocks["an end no node"] += 1
                continue
            block, path, text = where(judge.names, gr, read)
            blocks[block] += 1
            if block == "para":
                paths[path] += 1
                unit = " | ".join(gr[k] for k in ("subject", "predicate", "object"))
                examples[path] = examples[path] or f"{unit}  <- {text[:100]}"
    if args.summary or not args.paths:
        for kind, n in stages.most_common():
            print(f"{n:6d}  {kind}")
    if args.extent:
        print("no_candidate by a candidate's wider end (end, extra words, gold name a node):")
        for key, n in extents.most_common():
            print(f"{n:6d}  {key}")
    if args.constructions:
        print("lost in one paragraph sentence, by construction (all stages / no candidate):")
        for label, n in built.most_common():
            print(f"{n:6d} {built_bare[label]:6d}  {label}")
    if args.coordination:
        print("coordination losses by shape, end lost (all stages / no candidate):")
        shapes = sorted({k[:2] for k in coordinated}, key=lambda k: -coordinated[(*k, True)])
        for shape, end in shapes:
            n, bare = coordinated[shape, end, False], coordinated[shape, end, True]
            print(f"{n + bare:6d} {bare:6d}  {shape}: {end}")
    if args.paths:
        print("no_candidate by the block holding both names:")
        for block, n in blocks.most_common():
            print(f"{n:6d}  {block}")
        print("paragraph sentences by path:")
        for path, n in paths.most_common(args.paths):
            print(f"{n:6d}  {path}\n        e.g. {examples[path]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
