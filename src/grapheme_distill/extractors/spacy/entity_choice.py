"""Which names of one answer become entities: a learned keep/drop decision (issue 11).

Why learned.  Five sessions of hand rules decided which noun phrases are entities ("a counted
plural is generic", "a deverbal word names an action", ...), and each rule fitted the layouts
of the answers its author read: on the answers nobody read, entity precision and recall both
stayed near 0.68.  Whether a phrase is a node of the gold graph depends on many weak cues at
once — what NER said, its shape, its head noun, how often and by which reader it was seen, what
the hand rules made of it — so a logistic model over those cues (:mod:`..learned`), fitted on the
annotated development answers by ``benchmarks/fit_entity_reader.py``, weighs them instead.

The candidates are every name the readers saw in the answer (``State.names``: clause arguments,
named-entity spans, the document readers' list items, table cells, bold terms, lead-ins and
records the hand rules dropped as loose or generic), the entities the rules made among them.
An entity that a kept hierarchy edge, linguistic item or procedure refers to is kept whatever the
model says: the item needs its node, and whether the item is right is its own reader's decision.
An entity that only relations refer to is decided like the others (``ref=relation`` is one of its
features) when the model file says so, and the relations go with it when it is dropped
(:func:`decided_with`).  The others are kept when the model's probability reaches its threshold; the
probability is the entity's ``signals["model_p"]``.

Without a model file (``extractors/models/entities.json``) the rules' entities stand as before.
Fitted on the 75 older development answers (dev75, ~16 gold entities each), every variant that
dropped rules' names lowered entity F1 on the 63 newer ones (val63, ~34 each: 0.678 ->
0.641..0.668): the newer answers annotate more concept nodes, and the names dropped there were
right 45-50 % of the time.  Fitted on both sets and cross-validated by answer, dropping still
lost, but *adding* did not: the shipped model (``add_only`` in its file) keeps every entity the
rules made and adds the names they did not make — mostly common noun chunks (``chunks``) — whose
probability reaches the threshold, chosen on the densely annotated answers.  Out of fold (nested
threshold), val63 entity F1 0.678 -> 0.692 and micro 0.507 -> 0.525; on the sparser dev75 it
costs entities 0.746 -> 0.705, the convention the gold there was written in.

Twelfth session: refitted on the 158 development answers (devread) it was not: out of fold the
adding model above *lowered* entity F1 there (0.735 -> 0.717 at its threshold), because its
threshold had been chosen in-sample.  The shipped model now also decides on the common nouns the
rules made that nothing but relations refers to (neither ``add_only`` nor ``named``: a named thing
stays; ``decided_with: relation``: the relations go with a dropped name, a relation to no gold
node being no gold fact), and reads which names nest in another candidate (:class:`Nesting`) and
lower-case plurals; its threshold is chosen out of fold by micro F1 on the 83 newer devread
answers (the convention the gates are annotated in).  Against the adding model: devread entities
0.740 -> 0.790 (in-sample), gate10 0.711 -> 0.721 (P 0.629 -> 0.660), val11 0.679 -> 0.697;
micro up on all three (relations: precision up, gate10 F1 0.237 -> 0.235).
``benchmarks/fit_entity_reader.py`` refits it (``--gold`` any answers) when that changes.

Thirteenth session: refitted on all 238 development answers (devread + gate10), same cues, C and
objective.  Out of fold (nested 5-fold by answer) gate10's entities read 0.7235 against 0.721
for the devread-fitted model that had never seen them; on the unseen gates entities and micro
rose a little (val11 0.698 -> 0.703, val12 0.736 -> 0.746; threshold 0.3).  More cues (a name's "and", its head
and first word's endings, how many names share its head) did not raise micro out of fold.
Fourteenth session: the model also reads how a noun chunk sits in its sentence
(:func:`_syntax_cues`: the chunk root's dependency and the part of speech of the word it hangs
on, and its first word's tag, carried by the chunk's mention as ``Mention.syntax``), cues of
grammar rather than of the topic.  Refitted the same way on the same 238 answers: out of fold
(threshold 0.3 either way) entity F1 0.738 -> 0.745; on the unseen gates entity F1 rose on all
three (0.703 -> 0.708, 0.745 -> 0.751, 0.775 -> 0.784), precision most.  Out of fold (nested),
name-shape cues (a gerund or a superlative first word, a count and a plural, an adjective
suffix) lowered micro (0.6097 -> 0.6086), dropping the head noun lowered it more (0.6018), and
deciding on named things lowered it on both parts of devtrain.  A clause
read whole (:func:`reads_as_clause`) now also covers instructions ("Don't rinse the rice",
"Connect the iPhone") and a question word alone ("What"), also when only relations refer to it.
Twenty-sixth session: refitted on devtrain and the fifteen gates (545 answers, 25 annotation
batches; same cues, C 2.0, micro objective, threshold 0.325 chosen by the script), judged with
one batch held out at a time: the gates pooled, micro 0.5676 -> 0.5715 and entity F1 0.7502 ->
0.7534 (twelve up, three down by at most 0.003); devtrain's own batches out of fold 0.6424 ->
0.6460; a batch no one read (the twenty-sixth) 0.5809 -> 0.5854.  In sample devtrain falls
(0.6781 -> 0.6686): the old fit had learned its answers' sparser convention.
Thirty-seventh session (measured in the thirty-sixth): the name also carries how common its
words are in English at large (:mod:`.word_frequency`: ``zf_head=``, ``zf_name=``, ``zf_min=``,
from a 0.4 MB package-data table built from ``wordfreq``, no dependency at run time), a property
of the word that carries to a new writer where the head word's identity (``head=``) remembers its
batches; the weights are fitted over the shipped logit (``benchmarks/fit_entity_cues.py --cues
frequency``); a model file without ``zf_`` weights reads as before.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from grapheme_distill.extractors.base import Extraction
from grapheme_distill.extractors.learned import LinearModel, shipped_model
from grapheme_distill.extractors.spacy.clauses import Mention
from grapheme_distill.extractors.spacy.mentions import CHUNK_CANDIDATES
from grapheme_distill.extractors.spacy.records import State, is_generic
from grapheme_distill.extractors.spacy.word_frequency import frequency_cues
from grapheme_distill.model.hashing import normalise_name
from grapheme_distill.model.knowledge import (
    Entity,
    HierarchyEdge,
    Relation,
)

__all__ = [
    "Candidate",
    "Evidence",
    "Nesting",
    "TextCues",
    "active",
    "choose_entities",
    "collect_candidates",
    "features",
    "reads_as_clause",
    "use_entity_model",
]

MODEL_NAME = "entities"


def decided_with(model: LinearModel) -> frozenset[str]:
    """The kinds of item whose entities the model decides on (its file's ``decided_with``; by
    default none).  A relation whose argument is no node of the gold graph cannot be a gold
    fact, so a model fitted to decide on relations' arguments takes the relation with its
    argument; hierarchy edges, linguistic items and procedures always keep their nodes."""
    return frozenset(str(k) for k in model.meta.get("decided_with", ()))


# A named thing (an NER span, a proper noun) is a node by the annotation conventions whether or not
# a fact reaches it, so the model decides on named things only when its file says ``named``: on
# the validation answers the named things the model dropped were right about half of the time.


@dataclass(frozen=True)
class Candidate:
    """One name the decision ran over, for the fitting script: its features, the entity it became
    (or would become), whether an item refers to it, and the model's probability."""

    name: str
    features: tuple[str, ...]
    made: bool  # the hand rules made it an entity
    referred: frozenset[str]  # the kinds of item that refer to it
    named: bool  # NER labelled it or it is a proper noun: a named thing
    probability: float | None


@dataclass
class Evidence:
    """Every mention of one name and which reader produced it (``rule`` tags)."""

    mentions: list[Mention] = field(default_factory=list)
    rules: Counter[str] = field(default_factory=Counter)

    def add(self, m: Mention, *rules: str) -> None:
        self.mentions.append(m)
        self.rules.update(rules)


_KEEP_RULES = object()  # a sentinel: no model, the hand rules' entities stand
_MODEL: ContextVar[LinearModel | object | None] = ContextVar("entity_model", default=None)
_SINK: ContextVar[list[Candidate] | None] = ContextVar("entity_candidates", default=None)


@contextlib.contextmanager
def use_entity_model(model: LinearModel | None) -> Iterator[None]:
    """Decide with ``model`` (None: the hand rules alone) instead of the shipped model, in this
    context: the fitting script scores a fold's model and the rules on the same answers."""
    token = _MODEL.set(_KEEP_RULES if model is None else model)
    chunks = CHUNK_CANDIDATES.set(bool(model is not None and model.meta.get("chunks")))
    try:
        yield
    finally:
        _MODEL.reset(token)
        CHUNK_CANDIDATES.reset(chunks)


@contextlib.contextmanager
def collect_candidates(*, chunks: bool = False) -> Iterator[list[Candidate]]:
    """Collect, in this context, every candidate the decision ran over (with the rules' verdict
    standing, so that the collected set does not depend on a model); ``chunks`` adds the common
    noun chunks no rule named (:func:`~grapheme_distill.extractors.spacy.names.named_mentions`)."""
    sink: list[Candidate] = []
    token, mtoken = _SINK.set(sink), _MODEL.set(_KEEP_RULES)
    ctoken = CHUNK_CANDIDATES.set(chunks)
    try:
        yield sink
    finally:
        _SINK.reset(token)
        _MODEL.reset(mtoken)
        CHUNK_CANDIDATES.reset(ctoken)


def active() -> bool:
    """Whether the decision runs in this context (a model, or a collector): the cues are only
    gathered then, so that the rules alone cost what they cost before."""
    return _SINK.get() is not None or _model() is not None


def _model() -> LinearModel | None:
    chosen = _MODEL.get()
    if chosen is _KEEP_RULES:
        return None
    if isinstance(chosen, LinearModel):
        return chosen
    return shipped_model(MODEL_NAME)


_FUNCTION_WORDS = frozenset(
    (
        *("the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "most"),
        *("all", "each", "every", "other", "various", "its", "their", "his", "her", "our", "your"),
        *("any", "few", "both", "such", "more", "less", "no", "one", "two", "three", "four"),
        *("five", "six", "seven", "eight", "nine", "ten"),
    )
)
_SHAPES = ((re.compile(r"^\d[\d.,:/%-]*$"), "d"), (re.compile(r"^[A-Z0-9&.-]{2,}$"), "X"))


def _shape(word: str) -> str:
    for pattern, code in _SHAPES:
        if pattern.match(word):
            return code
    if word[:1].isupper():
        return "Xx"
    if word[:1].isalpha():
        return "x"
    return "p"


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def features(
    name: str,
    evidence: Evidence,
    *,
    label: str,
    proper: bool,
    etype: str,
    made: bool,
    referred: frozenset[str],
    topic: bool,
    nesting: Nesting | None = None,
    shapes: dict[str, str] | None = None,
    text: tuple[TextCues, str] | None = None,
) -> tuple[str, ...]:
    """The cues the model weighs for one name (plain strings; see the module docstring);
    ``nesting`` holds the answer's other candidate names (:class:`Nesting`); ``shapes`` memoises
    :func:`_shape` per word across one answer's names (two regexes a word, the same words again
    and again: performance only); ``text`` is the answer's :class:`TextCues` and the name's key."""
    words = name.split()
    lower = name_words(name)
    if shapes is None:
        shapes = {}
    codes = []
    for w in words[:4]:
        code = shapes.get(w)
        if code is None:
            code = shapes[w] = _shape(w)
        codes.append(code)
    shape = "_".join(dict.fromkeys(codes)) or "none"
    head = lower[-1] if lower else ""
    if len(head) > 4 and head.endswith("ies"):
        head = head[:-3] + "y"  # a light plural fold: "countries" and "country" are one head
    elif len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    first = lower[0] if lower and lower[0] in _FUNCTION_WORDS else "content"
    nwords = _bucket(len(words), 5)
    out = [
        f"ner={label or 'none'}",
        f"type={etype}",
        f"proper={int(proper)}",
        f"made={int(made)}",
        f"words={nwords}",
        f"shape={shape}",
        f"first={first}",
        f"head={head}",
        f"mentions={_bucket(len(evidence.mentions), 4)}",
        f"nrules={_bucket(len(evidence.rules), 3)}",
        f"ner={label or 'none'}|words={nwords}",
        f"proper={int(proper)}|made={int(made)}",
        f"shape={shape}|made={int(made)}",
    ]
    out.extend(frequency_cues(name))  # how common its words are in English (word_frequency)
    out.extend(f"rule={rule}" for rule in evidence.rules)
    out.extend(f"rule_kind={rule.split(':', 1)[0]}" for rule in evidence.rules)
    out.extend(f"ref={kind}" for kind in sorted(referred))
    if not referred:
        out.append("ref=none")
    if topic:
        out.append("topic=1")
    if any(c.isdigit() for c in name):
        out.append("digit=1")
    if any(c in name for c in ',:;()"/'):
        out.append("punct=1")
    if len(name) > 40:
        out.append("long=1")
    probe = evidence.mentions[0] if evidence.mentions else Mention(name, 0, 0, label, proper)
    if is_generic(probe):
        out.append("generic=1")
    for flag in ("definite", "unresolved"):
        if any(getattr(m, flag) for m in evidence.mentions):
            out.append(f"{flag}=1")
    if any(m.kind_noun for m in evidence.mentions):
        out.append("kind_noun=1")
    if nesting is not None:
        out.extend(nesting.cues(tuple(lower)))
    out.extend(_syntax_cues(evidence))
    last = lower[-1] if lower else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss") and name[:1].islower():
        out.append("plural=1")  # "details", "education systems": a common plural
    if text is not None and not referred:
        # (the layout's cues weigh the names no item refers to; a relation's end is judged by
        # the relation's evidence, and there the cues lowered micro F1 held out)
        out.extend(text[0].cues(text[1], name))
    return tuple(out)


_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_HEADING = re.compile(r"(?m)^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(r"(?m)^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.+)$")
#: an item's or a line's head: the words before a gloss's separator ("**Term** — …", "Term: …")
_GLOSS_HEAD = re.compile(r"^\W*(.{1,80}?)\W*\s*(?::|\s[—–-]\s|—|–)\s*\S")
_HEAD_END = re.compile(r"^\W*(.{1,80}?)\W*\s*(?:\(|$)")


def _words(text: str) -> str:
    """Lower-cased words of a text as ``" w1 w2 … "``: a name is in a text when its words are a
    run of the text's (a substring test, no regex per name)."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


class TextCues:
    """Cues of the answer's markdown and prompt for the names of one answer: whether a name is
    in bold, in italics, a heading, a table cell, a list item's head or a glossary term, whether
    the prompt names it, how often it and its head word recur in the answer, and which document
    reader named it (thirty-second session).

    Why.  The decision saw only the parse and the records: the thirty-first session found the
    model's bold candidates right 95 % of the time, yet bold was no cue of it (``State`` held no
    markdown).  Each cue is ``=eq`` when a markup run is the name itself and ``=in`` when the
    name's words are inside one; the shipped model weighs only the cues it was fitted with, so
    a cue it has no weight for changes nothing.

    The runs are found by a few regexes over the answer's text, not read off the document
    layer's blocks (:mod:`grapheme_distill.extractors.document`): the cue weights were fitted on
    these, and they exist where no document was read (``State.source`` is then the pieces'
    text).  Moving them onto the blocks is a change of features: it needs the cue weights
    refitted (``benchmarks/fit_entity_cues.py``) and judged again."""

    def __init__(self, source: str, prompt: str, constructions: dict[str, set[str]]) -> None:
        self._constructions = constructions
        self._prompt = _words(prompt) if prompt else ""
        self._all = _words(source)
        self._tokens = Counter(self._all.split())
        bold = [a or b for a, b in _BOLD.findall(source)]
        italic = _ITALIC.findall(_BOLD.sub(" ", source))
        headings = _HEADING.findall(source)
        cells: list[str] = []
        for line in source.splitlines():
            line = line.strip()
            if line.startswith("|") and not set(line) <= set("|-: "):
                cells.extend(c for c in line.strip("|").split("|") if c.strip())
        heads: list[str] = []
        glosses: list[str] = []
        for item in _ITEM.findall(source):
            gloss = _GLOSS_HEAD.match(item)
            if gloss:
                glosses.append(gloss.group(1))
            head = gloss or _HEAD_END.match(item)
            if head:
                heads.append(head.group(1))
        for line in source.splitlines():  # "**Term:** gloss" or "Term — gloss" as a paragraph
            if line.lstrip().startswith(("**", "__")):
                gloss = _GLOSS_HEAD.match(line)
                if gloss:
                    glosses.append(gloss.group(1))
        self._runs = {
            "bold": self._index(bold),
            "em": self._index(italic),
            "heading": self._index(headings),
            "cell": self._index(cells),
            "item_head": self._index(heads),
            "gloss": self._index(glosses),
        }

    @staticmethod
    def _index(runs: list[str]) -> tuple[frozenset[str], str]:
        words = [_words(r) for r in runs]
        return frozenset(words), "\n".join(words)

    def cues(self, key: str, name: str) -> list[str]:
        """The cues of one name (``key``: its :func:`normalise_name`)."""
        words = _words(name)
        if not words.strip():  # punctuation alone
            return []
        out = []
        for cue, (whole, joined) in self._runs.items():
            if words in whole:
                out.append(f"txt_{cue}=eq")
            elif words in joined:
                out.append(f"txt_{cue}=in")
        if self._prompt and words in self._prompt:
            out.append("txt_prompt=1")
        out.append(f"txt_count={_bucket(self._all.count(words), 4)}")
        head = words.split()[-1]  # its head word, a plural's s folded ("owls" with "owl")
        stem = head[:-1] if len(head) > 3 and head.endswith("s") else head
        n = self._tokens.get(stem, 0) + self._tokens.get(stem + "s", 0)
        out.append(
            f"txt_headcount={'0' if n == 0 else '1' if n == 1 else '2-4' if n < 5 else '5+'}"
        )
        for construction in sorted(self._constructions.get(key, ())):
            out.append(f"fact={construction}")
            out.append(f"fact_kind={construction.split('.', 1)[0]}")
        return out


def _syntax_cues(evidence: Evidence) -> tuple[str, ...]:
    """How the name's noun chunk sits in its sentence (its first chunk mention's ``syntax``):
    the chunk root's dependency, with the part of speech of the word it hangs on, and the tag
    of its first word.  Why (fourteenth session): the name's shape and head noun say what it
    is, not how the answer uses it; on the development answers a chunk in a coordination
    ("X, Y and Z", ``dep=conj``) was a gold entity 62 % of the time, a sentence fragment read
    whole (``dep=ROOT``) 19 %, one opening with a superlative (``tag1=JJS``, ``tag1=RBS``) 0-11 %
    — cues of layout and grammar, not of the topic, so they carry over to unseen answers.
    Fifteenth session: also how the chunk is determined (``det=``: a, the, this, your, some, a
    count, none; :func:`~.named._determiner`) and which preposition governs it (``prep=of``,
    ``prep=in``): out of fold (nested, 238 devtrain answers) entity F1 0.7459 -> 0.7479, micro
    0.6198 -> 0.6209, both parts of devtrain up."""
    syntax = next((m.syntax for m in evidence.mentions if m.syntax), "")
    parts = syntax.split("/")
    if len(parts) < 5:
        return ()
    dep, head, tag, det, prep = parts[:5]
    out = [f"dep={dep}", f"dephead={dep}|{head}", f"tag1={tag}", f"det={det}"]
    if prep != "-":
        out.append(f"prep={prep}")
    # seventeenth session: flags after the five parts, e.g. a chunk holding a named word
    # ("French army": ``wraps``, :func:`~.named._around_names`)
    out.extend(f"chunk={flag}" for flag in parts[5:])
    return tuple(out)


def name_words(name: str) -> list[str]:
    """The lower-cased words of a name, edge punctuation stripped (the cues' unit)."""
    return [w.lower().strip(".,;:'\"()") for w in name.split()]


class Nesting:
    """Which candidate names of one answer sit inside another one's words ("mountain" in
    "highest mountain", "money" in "amount of money invested") or hold another one.

    Why.  A common noun inside a longer candidate is often only a piece of the phrase the gold
    names, or the longer one only a descriptor-laden form of it ("independent maritime
    republic" / "maritime republic"): on the development answers one false-positive entity in
    eight shared its words with a missed gold name this way.  Which of the two is the node is a
    cue the model weighs (``inside=1``, ``holds=1``), not a rule: either side is right about as
    often."""

    def __init__(self, names: list[tuple[str, ...]]) -> None:
        self._full = set(names)
        self._parts: set[tuple[str, ...]] = set()
        for words in self._full:
            for n in range(1, len(words)):
                self._parts.update(words[i : i + n] for i in range(len(words) - n + 1))

    def cues(self, words: tuple[str, ...]) -> list[str]:
        out = []
        if words in self._parts:
            out.append("inside=1")
        if any(
            words[i : i + n] in self._full
            for n in range(1, len(words))
            for i in range(len(words) - n + 1)
        ):
            out.append("holds=1")
        return out


#: a subordinating word that opens a clause ("If asked", "When he defends"), never a name unless
#: a capitalised word follows it ("When Harry Met Sally", "After Earth")
_CLAUSE_OPENER = re.compile(
    r"^(?:If|Unless|When|Whenever|While|Whether|Although|Though|Because|Once|After|Before|Until"
    r"|Since)\s+[a-z]"
)
#: a denied or modal verb followed by a lower-case word: "IMF doesn't fund projects", "Plague did
#: not disappear", "President can veto a bill" (a title capitalises its words: "I Can't Go On")
_CLAUSE_VERB = re.compile(
    r"\s(?:\w+n't|did|does|do|can|cannot|could|will|would|should|must|might)(?:\s+not)?\s+[a-z]"
)


#: a step or a question read whole: a denial opening an instruction ("Don't rinse the rice"), a
#: question word alone ("What", "Where": a table's or a list's label), or a capitalised verb
#: and a determiner or pronoun with nothing capitalised after it ("Connect the iPhone", "Fill
#: it", "Making the claim"; a title capitalises its words: "Kill the Messenger")
_INSTRUCTION = re.compile(
    r"^(?:(?:Don't|Do not|Never|Please)\s+[a-z]"
    r"|(?:What|Where|When|Why|How|Which|Who|Whom|Whose)\W*$"
    r"|[A-Z][a-z]+\s+(?:the|your|his|her|its|their|it|them|this|these|those|my|our)"
    r"(?:\s+[a-z0-9]\S*)*$)"
)


def reads_as_clause(name: str) -> bool:
    """Whether a name is a clause rather than a thing: a list item or step read whole ("If
    asked", "If he doesn't reply", "CPU-bound code doesn't get faster with threads", "Don't
    rinse the rice", "Connect the iPhone").  Such a name is no node unless an item uses it
    (then it is the item's reader's call); on the development answers none of the 13 such
    names that no item used was a gold entity, nor (fourteenth session) any of the 11 that the
    instruction forms (:data:`_INSTRUCTION`) added."""
    return bool(_CLAUSE_OPENER.match(name) or _CLAUSE_VERB.search(name) or _INSTRUCTION.match(name))


#: a label that names a part of the answer, not a thing it speaks of: "**Background:**",
#: "## Overview", "**Step 1:**", "**Tip:**", "**Worked example**".  NER and the key and heading
#: readers make such labels names; written capitalised, as a label is, none of the 9 on devtrain
#: was a gold entity (the lower-case "background" of a sentence is a word of the answer, and a
#: numbered day of an itinerary, "Day one", or a law's "Section 75" are things of their own)
_SECTION_LABEL = re.compile(
    r"^(?:Background|Overview|Summary|Introduction|Conclusion|Notes?|Tips?|Methods?|Caution"
    r"|Warning|Worked example|Examples?|Key points|In short|Bottom line|At a glance"
    r"|(?:Step|Stage|Phase|Part)(?:\s+(?:\d+|[IVX]+|One|Two|Three|Four|Five|Six))?)$"
)


def section_label(name: str) -> bool:
    """Whether a name is a label of a part of the answer (:data:`_SECTION_LABEL`), no node unless
    an item refers to it."""
    return bool(_SECTION_LABEL.match(name))


def _referred(out: Extraction) -> dict[str, set[str]]:
    """Entity id -> the kinds of item that refer to it."""
    refs: dict[str, set[str]] = {}
    for item in out.items:
        ids: tuple[str | None, ...] = ()
        if isinstance(item, Relation):
            ids = (item.subject, item.object)
        elif isinstance(item, HierarchyEdge):
            ids = (item.parent, item.child)
        else:  # a linguistic item, a procedure or an attribute: one entity, or none
            ids = (getattr(item, "entity", None),)
        for eid in ids:
            if eid is not None:
                refs.setdefault(eid, set()).add(item.kind)
    return refs


#: constructions whose object no noun-phrase rule makes and the entity model has never seen as
#: evidence: the adjective of a gloss that opens with one ("**Fish** — cold-blooded, …",
#: ``glosses.QUALITY``).  The model scores such a node 0.08-0.21 against its threshold 0.35
#: (no chunk, no NER, no reading of it in its fitting answers), yet 6 of the 7 readings on the
#: development answers are gold facts, and the fact needs its node; so the reader that made the
#: relation keeps the node, as a hierarchy edge or a linguistic item keeps its own.  Spelled out
#: (importing glosses would close an import cycle through items); a test pins it to glosses.
ANCHORING = frozenset({"list.quality"})


def _anchored(out: Extraction) -> set[str]:
    """The ids of the objects of relations an :data:`ANCHORING` construction made."""
    return {
        item.object
        for item in out.items
        if isinstance(item, Relation)
        and out.item_signals.get(item.id, {}).get("construction") in ANCHORING
    }


def _read_by_reader(evidence: Evidence | None) -> bool:
    """Whether a document reader read the name (a highlighted term, a list item, a table cell):
    its mention carries no parse offsets (:func:`~.records.mention`)."""
    return evidence is not None and any(m.start < 0 for m in evidence.mentions)


def _read_wholes(
    keys: dict[str, None],
    short: dict[str, str],
    entity_of: dict[str, str],
    out: Extraction,
    evidence: dict[str, Evidence],
) -> set[tuple[str, ...]]:
    """The words of each name of two or more words that a document reader read whole and that
    is a node (an entity the rules made)."""
    wholes: set[tuple[str, ...]] = set()
    for key in keys:
        eid = entity_of.get(key)
        if not key or key in short or eid is None or not _read_by_reader(evidence.get(key)):
            continue
        words = tuple(name_words(out.entities[eid].name))
        if len(words) > 1:
            wholes.add(words)
    return wholes


def _opens_read_whole(name: str, evidence: Evidence | None, wholes: set[tuple[str, ...]]) -> bool:
    """Whether a named thing only the parse found (NER or a proper-noun chunk) opens a longer name a
    document reader read whole: "Prussian" of "**Prussian blue**", "Oryza" of "*Oryza
    sativa*", "Eurasian" of "the **Eurasian eagle-owl**", "Hardy–Ramanujan" of "the
    **Hardy–Ramanujan number**".  The first words modify the term the answer highlights or
    lists, as "Dijon" does "Dijon mustard" (:func:`~.named._modifier`); they are no node of
    their own unless an item refers to them.  Twenty-fifth session, devtrain: of the 102 such
    names no item referred to, 48 were false entities and 40 duplicates, 14 right ("Google" of
    "Google Authenticator", "DNS" of "DNS lookups"); entity precision rose on 13 of 14 gates.
    Common nouns stay the model's to decide (there the same cue dropped 39 right names)."""
    if evidence is None or not evidence.mentions or _read_by_reader(evidence):
        return False
    words = tuple(name_words(name))
    n = len(words)
    return bool(words) and any(len(w) > n and w[:n] == words for w in wholes)


#: a quantifier that opens a common noun phrase ("Most children", "many recipes", "various
#: industries"): the gold names the noun without it (devtrain: 41 candidates right only without the
#: quantifier, 8 right as written); "most popular …" is a superlative (the next word an adjective
#: ending the phrase is kept: only a quantifier before a plain noun run is cut)
_QUANTIFIED = re.compile(
    r"^(?i:most|many|several|various|numerous)\s+([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3})$"
)  # only the quantifier in either case: "Most Valuable Player" is a title, no quantified noun
_NOT_AFTER = frozenset(
    {"popular", "famous", "important", "common", "widely", "likely", "other", "of"}
)


def _quantified(name: str) -> str | None:
    """The noun phrase after a leading quantifier (:data:`_QUANTIFIED`), or None.  Only a name no
    rule made is read so (the model's own candidates: "Most children" no item uses); the rules'
    generic records ("many countries", :func:`~.records.is_generic`) are left as they are.  A
    first word ending in -er or -est before another word is taken for a comparison ("many older
    buildings"), which also spares "sister projects" (thirty-fourth session: devtrain entity tp
    +1, fp +1; four gates up, three down by at most .0003)."""
    m = _QUANTIFIED.match(name)
    if m is None:
        return None
    words = m.group(1).split()
    if words[0].lower() in _NOT_AFTER or words[0].endswith("ly"):
        return None  # "many of them"; "most notably Paris": an adverb, no noun phrase
    if words[0].endswith(("est", "er")) and len(words) > 1:
        return None  # "most largest …", "many older …": a comparison, not a plain noun
    return m.group(1)


def choose_entities(
    state: State,
    out: Extraction,
    evidence: dict[str, Evidence],
    made_keys: dict[str, str],
    short: dict[str, str],
    chosen_type: dict[str, str],
    make: Callable[[Mention], Entity],
) -> None:
    """Keep, add or drop the answer's entities by the model (see the module docstring).

    ``made_keys`` maps each entity the rules made to its name key, ``short`` folds a short name
    into the long one it stands for, ``chosen_type`` is each key's voted type, and ``make`` makes
    the entity of a mention the rules did not make (type and spelling as the rules would)."""
    model = _model()
    sink = _SINK.get()
    if model is None and sink is None:
        return
    refs = _referred(out)
    anchored = _anchored(out)
    dropped: set[str] = set()
    decided = decided_with(model) if model is not None else frozenset()
    all_named = model is not None and bool(model.meta.get("named"))
    add_only = model is not None and bool(model.meta.get("add_only"))
    entity_of = {key: eid for eid, key in made_keys.items() if eid in out.entities}
    keys = dict.fromkeys([*state.names, *entity_of])
    nesting = Nesting(
        [
            tuple(
                name_words(
                    out.entities[entity_of[k]].name if k in entity_of else state.names.get(k, k)
                )
            )
            for k in keys
            if k and k not in short
        ]
    )
    shapes: dict[str, str] = {}
    text = TextCues(state.source, state.prompt, state.fact_constructions)
    read_whole = _read_wholes(keys, short, entity_of, out, evidence)
    for key in keys:
        if key in short or not key:
            continue
        eid = entity_of.get(key)
        name = out.entities[eid].name if eid is not None else state.names.get(key, key)
        bare = _quantified(name) if eid is None else None
        if bare is not None:
            if normalise_name(bare) in keys:
                continue  # "many recipes" beside "recipes": the bare noun is decided as itself
            name = bare
        votes = state.votes.get(key, Counter())
        label = votes.most_common(1)[0][0] if votes else ""
        named = bool(label) or state.proper.get(key, False)
        referred = frozenset(refs.get(eid, ())) if eid is not None else frozenset()
        feats = features(
            name,
            evidence.get(key, Evidence()),
            label=label,
            proper=state.proper.get(key, False),
            etype=chosen_type.get(key, "CONCEPT"),
            made=eid is not None,
            referred=referred,
            topic=key in state.keep,
            nesting=nesting,
            shapes=shapes,
            text=(text, key),
        )
        p = model.probability(feats) if model is not None else None
        if sink is not None:
            sink.append(Candidate(name, feats, eid is not None, referred, named, p))
        if model is None or p is None:
            continue
        ruled = (
            bool(referred - decided)
            or (named and not all_named)
            or (add_only and eid is not None)
            or eid in anchored
        )
        # what is not the model's to decide keeps the rules' verdict
        keep = eid is not None if ruled else p >= model.threshold
        if keep and not (referred - decided) and reads_as_clause(name):
            keep = False  # a clause is no node: relations to it go with it (decided_with)
        if keep and not referred and section_label(name):
            keep = False
        if (
            keep
            and named
            and not referred
            and _opens_read_whole(name, evidence.get(key), read_whole)
        ):
            keep = False
        if eid is not None and not keep:
            del out.entities[eid]
            dropped.add(eid)
        elif keep:
            if eid is None:
                ev = evidence.get(key)
                m = (
                    ev.mentions[0]
                    if ev and ev.mentions
                    else Mention(name, 0, 0, label, state.proper.get(key, False))
                )
                if bare is not None:
                    m = replace(m, text=bare)
                eid = make(m).id
            out.item_signals.setdefault(eid, {})["model_p"] = round(p, 4)
    if dropped:  # a relation to a name that is no node is no fact either
        for item in [i for i in out.items if isinstance(i, Relation)]:
            if item.subject in dropped or item.object in dropped:
                out.remove(item)
                out.item_signals.pop(item.id, None)
