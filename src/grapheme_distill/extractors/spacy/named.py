"""The named things a sentence mentions: every named entity and every explicit date (each a node of
the graph by the annotation conventions, whether or not a fact reaches it), the common noun chunks
the learned entity decision weighs, and the things a how-to's step handles.

Split out of :mod:`.names` (which reads what *one* token names); these walk a whole sentence or
list item and ask :func:`~.names.mention_of` of the tokens worth asking.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from grapheme_distill.extractors.learned import shipped_model
from grapheme_distill.extractors.predicates import RANK_LEVEL
from grapheme_distill.extractors.readers.balance import balanced, quote_cut
from grapheme_distill.extractors.spacy.arguments import named_subject
from grapheme_distill.extractors.spacy.coordinated_names import shared_head_names
from grapheme_distill.extractors.spacy.doc_cache import doc_text, doc_tokens, span_text
from grapheme_distill.extractors.spacy.mentions import _SKIP_NAMES, CHUNK_CANDIDATES, Mention
from grapheme_distill.extractors.spacy.name_extent import dated_name, honour_name
from grapheme_distill.extractors.spacy.names import eponym, mention_of
from grapheme_distill.extractors.spacy.titles import emphasised, membership_of_body, two_names

__all__ = ["NAMED_LABELS", "named_mentions", "step_things"]


#: NER labels of named things an answer mentions; each is a node of the graph even when no fact
#: reaches it (a nationality, a collaborator, a place in passing)
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"}
    | {"LANGUAGE"}
)


def named_mentions(span: Any) -> list[Mention]:
    """Every named thing and explicit date in a sentence or list item, as mentions.

    The annotation conventions make every named thing and every explicit date a node, whether or
    not a fact reaches it.  A date counts when it holds a digit ("5 May 1821", "the 1960s"), not
    "today" or "a few years".  NER often runs over what is not one name: a "Key: value" item
    ("Spouse: William King": the value is the name), two lines of one paragraph, a comma list
    ("Hekla, Katla": two volcanoes), an imperative opening a step ("Install Docker Desktop").
    """
    out: list[Mention] = []
    for years in _YEAR_RANGE.finditer(span_text(span)):  # NER misses some: "Queen Anne (1702–1714)"
        base = getattr(span, "start_char", 0)  # a Span or a whole Doc
        at = base + years.start()
        if all(o.text != years.group() for o in out):
            out.append(Mention(years.group(), at, at + len(years.group()), "DATE", True))
        if not _persons_years(span, at):
            continue
        # a person's range is one period too (the node of "lived", "reigned"); its ends are
        # dates of their own (born, died; began, ended)
        for k in (1, 2):
            at = base + years.start(k)
            if all(o.text != years.group(k) for o in out):
                out.append(Mention(years.group(k), at, at + 4, "DATE", True))
    shared = shared_head_names(span)  # "the Pacific, Eurasian and African plates"
    out.extend(m for _, _, m in shared)
    ents = span.ents
    tokens = doc_tokens(ents[0].doc) if ents else []
    for ent in ents:
        # (the entity's text, label and bounds read once: each ``Span.text`` joins its tokens,
        # and ``doc[i]`` builds a token, where the document's cached token list does not)
        start, end, label, text = ent.start, ent.end, ent.label_, span_text(ent)
        if any(a <= start and end <= b for a, b, _ in shared):
            continue  # a modifier of the list: the plate is the name
        if _INITIALS.match(text) and start >= 2 and tokens[start - 1].text == ",":
            continue  # the "D.C." of "Washington, D.C.", read with the city
        if label == "DATE" and start >= 2 and dated_name(tokens[0].doc, start - 2, start):
            continue  # the "1997" of "the Taxpayer Relief Act of 1997", read with the act
        if label not in NAMED_LABELS and not (
            label in _VALUE_NODES and any(ch.isdigit() for ch in text)
        ):
            continue
        if label in ("DATE", "CARDINAL") and _YEAR_RANGE.search(text):
            continue  # "(1907–1954)", "(r. 1485–1509)": its two years are dates of their own
        if label == "CARDINAL" and _no_value(ent):
            continue
        if _rank_label(text, tokens, start, end) or membership_of_body(tokens, start, end):
            continue
        root = ent.root
        if _adjective(ent, root):
            continue
        if (
            _modifier(ent, root)
            or len(ent) == 1
            and root.dep_ == "poss"
            and eponym(root, root.head)
        ):
            # "Bernoulli numbers", "Dijon mustard", "Snell's law": the term is the node
            term = mention_of(root.head)
            if term is not None and text in term.text and all(term.text != o.text for o in out):
                out.append(term)
            continue
        heads = [root]
        if root.pos_ == "ADP" and start < root.i < end - 1:
            # "the Massif Central at Mont Gerbier de Jonc": NER's span runs over the clause's
            # preposition (its root); the names on either side are the nodes (:func:`.clause_cut`)
            heads = [tokens[root.i - 1], tokens[end - 1]]
        if (pair := two_names(tokens, start, end)) is not None:
            heads.append(tokens[pair[1]])  # "COVID-19 and Ebola": each is a name
        if label not in ("GPE", "LOC", "DATE") and "," in text:
            words = tokens[start:end]
            if any(t.text == "," for t in words):
                # "Hekla, Katla": each part of a comma list is a name ("Paris, France" stays one)
                heads = [t for k, t in enumerate(words) if k > 0 and words[k - 1].text == ","] + [
                    root
                ]
        for head in heads:
            m = mention_of(head)
            if m is not None and _SEPARATOR.search(m.text):
                m = _segment(m, head.idx)
            if m is not None and label == "CARDINAL":
                m = _with_unit(ent, m)
            if m is not None and all(m.text != o.text for o in out):
                out.append(m)
                for part in (_town(m), _owner(ent, m)):
                    if part is not None and all(part.text != o.text for o in out):
                        out.append(part)
    out.extend(_chunk_candidates(span, out))
    return out


def _rank_label(text: str, tokens: list[Any], start: int, end: int) -> bool:
    """Whether NER's name is a taxonomic rank alone on its line or in its table cell ("| Kingdom |
    Animalia |", "Order" over "Carnivora"): the rank is a key of the classification, its taxon
    the node (the later annotation batches name no rank; the hierarchy reader files the taxa).
    NER labels such a cell GPE or ORG ("Kingdom", "Order"); a kingdom named in a sentence ("the
    Kingdom of Fife") is not alone on its line."""
    return (
        end - start == 1
        and text[:1].isupper()
        and text.lower() in RANK_LEVEL
        and _whole_line(tokens, start, end)
    )


def _adjective(ent: Any, root: Any) -> bool:
    """Whether NER took an adjective before its noun for a name: "**Desert Oases**: Small areas
    of vegetation", "Long, narrow valleys" (PERSON).  A nationality or language ("French
    cuisine") is a node by the conventions and stays.  ``root`` is ``ent.root``, found once by
    the caller."""
    return (
        len(ent) == 1
        and ent.label_ not in ("NORP", "LANGUAGE")
        and root.pos_ == "ADJ"
        and root.dep_ == "amod"
        and root.head.pos_ == "NOUN"
    )


def _modifier(ent: Any, root: Any) -> bool:
    """Whether NER took a one-word name that only modifies the common noun after it for a thing:
    "the Bernoulli numbers", "Dijon mustard", "the Golgi apparatus", "Adi tala" (an eponym or
    a place naming a kind).  The gold names the term, not the person or place, unless the answer
    names them on their own elsewhere (then that mention makes the node).  ``root`` is
    ``ent.root``."""
    head = root.head
    return (
        len(ent) == 1
        and ent.label_ in ("PERSON", "FAC", "PRODUCT")
        and root.dep_ == "compound"
        and head.i == root.i + 1
        and head.pos_ == "NOUN"
        and head.text[:1].islower()
        and not head.ent_type_
    )


#: units a number is written with that NER leaves out of the number ("400 g", "200 m"): the gold
#: annotates the measure with its unit, and "400" alone does not match "400 g"
_UNIT_WORDS = frozenset(
    {"g", "kg", "mg", "m", "km", "cm", "mm", "ml", "l", "lb", "lbs", "oz", "ft", "mi", "kcal"}
)


def _with_unit(ent: Any, m: Mention) -> Mention:
    """``m`` (a CARDINAL's mention) with the unit abbreviation written right after it."""
    doc = ent.doc
    if ent.end >= len(doc) or m.end != ent.end_char:
        return m
    unit = doc[ent.end]
    if unit.text not in _UNIT_WORDS or unit.idx - ent.end_char > 1:
        return m
    return dataclasses.replace(m, text=f"{m.text} {unit.text}", end=unit.idx + len(unit.text))


def _owner(ent: Any, m: Mention) -> Mention | None:
    """The owner a name was cut from ("Schiller" of "Schiller's Ode to Joy", :func:`~.names._make`
    keeps the owned name): a node of its own, as it is when NER reads it apart.  NER may have
    labelled the owner alone ("Schiller", ORG) or the whole."""
    doc = ent.doc
    tokens = doc_tokens(doc)
    k = ent.start
    while k + 1 < len(tokens) and tokens[k].idx < m.start and tokens[k].tag_ != "POS":
        k += 1
    if k == ent.start or k + 1 >= len(tokens) or tokens[k].tag_ != "POS":
        return None
    if tokens[k + 1].idx != m.start or len(m.text.split()) < 2:
        return None  # not cut there ("St Mark's Square" read as "Square")
    words = doc[ent.start : k]
    if not all(t.pos_ == "PROPN" for t in words):
        return None
    label = ent.label_ if ent.end == k else ""  # NER read the owner alone: its label stands
    if all(t.ent_type_ in ("GPE", "LOC") for t in words):
        label = "GPE"
    return Mention(words.text, words.start_char, words.end_char, label, True)


#: a region written as initials with dots ("D.C."), part of a city's name rather than a region
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")


def _town(m: Mention) -> Mention | None:
    """The town of a "Town, Region" name ("Tryon, North Carolina"): a node of its own beside the
    whole.  The whole stays the name the facts use (WebNLG's gold names places so), but answers'
    gold names the town alone and the region as another node; adding the town costs no fact."""
    if m.label not in ("GPE", "LOC", "FAC") or m.text.count(", ") != 1:
        return None
    town, region = m.text.split(", ")
    if not (town[:1].isupper() and region[:1].isupper()) or any(c.isdigit() for c in m.text):
        return None
    if _INITIALS.match(region):
        return None  # "Washington, D.C.": the initials are part of the city's one name
    return dataclasses.replace(m, text=town, end=m.start + len(town))


#: what opens a noun chunk but is no part of a name: "the", "its", "these", "both", "such"
_CHUNK_OPENERS = frozenset({"DET", "PRON", "PUNCT", "SYM", "CCONJ", "PART"})


def _chunk_candidates(span: Any, named: list[Mention]) -> list[Mention]:
    """The span's common noun chunks ("radio waves", "severely reduced kidney function"), without
    their determiners, as candidates of the learned entity decision only: the gold makes such a
    phrase a node when a fact reaches it, which a model weighs better than a rule.  Only when the
    entity model asks for them (``CHUNK_CANDIDATES``, the model file's ``chunks``): on the
    development answers they raise the candidates' recall ceiling from 0.75 to 0.84; about a
    third is a gold entity of the densely annotated answers, and the model adds the likely ones."""
    wanted = CHUNK_CANDIDATES.get()
    if wanted is None:
        model = shipped_model("entities")
        wanted = bool(model is not None and model.meta.get("chunks"))
    if not wanted:
        return []
    doc = span.doc if hasattr(span, "doc") else span
    chunks = _doc_chunks(doc)
    first, last = getattr(span, "start", 0), getattr(span, "end", len(doc))
    taken = [(m.start, m.end) for m in named]
    out: list[Mention] = []
    for start, end, a, b, text, syntax in chunks:
        if start < first or end > last or not _around_names(a, b, taken):
            continue
        if any(a <= x and y <= b for x, y in taken):
            syntax += "/wraps"  # "French army", "IBM computers": the name is only a modifier
        if quote_cut(text):  # the quotation's other half, next to it: 'two "three-peats"'
            whole = doc_text(doc)
            if whole[b : b + 1] in ('"', "”"):
                text, b = text + whole[b], b + 1
            elif a > 0 and whole[a - 1] in ('"', "“"):
                text, a = whole[a - 1] + text, a - 1
        if balanced(text).startswith(text):
            text = balanced(text)  # a bracket glued to its word is the name's: "401(k" -> "401(k)"
        out.append(Mention(text, a, b, candidate=True, syntax=syntax))
    return out


_CHUNKS = "grapheme_distill.noun_chunks"


def _around_names(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    """Whether a noun chunk (characters ``a`` to ``b``) may be a candidate beside the named
    mentions ``taken``: it overlaps none, or holds each it overlaps whole and is longer.

    Why (seventeenth session): a chunk that held a named word was no candidate at all, so the
    thing a nationality, a place or a brand only modifies ("French army", "Western literature",
    "Irish potato famine", "IBM computers") could not be a node (on devtrain 36 more gold names
    are reachable by a candidate with them: ceiling recall 0.868 -> 0.873).  The name stays a
    candidate of its own too, and the
    chunk's syntax says it holds a name (``wraps``: the cue ``chunk=wraps``, for a refit; the
    shipped model does not weigh it yet).  On devtrain with the shipped model: entity tp +35, fp
    +68; micro up on all six gates (val11-16 +.0013 / +.0006 / +.0002 / +.0003 / +.0024 /
    +.0045), devtrain -.0002."""
    inside = [(x, y) for x, y in taken if x < b and a < y]
    return all(a <= x and y <= b and (x, y) != (a, b) for x, y in inside)


def _doc_chunks(doc: Any) -> list[tuple[int, int, int, int, str, str]]:
    """The document's noun chunks that can be candidates, as ``(start, end, first char, end char,
    text, syntax)``, read once per document (``doc.user_data``): ``Span.noun_chunks`` walks the whole
    document's chunks for each sentence, and ``Doc.text`` joins every token at each call.

    A chunk whose root is a proper noun is one only when NER labelled none of its words (its
    syntax then ends in ``/propn``): a labelled one is read by :func:`named_mentions`, and an
    unlabelled one ("Experian, Equifax and TransUnion": only the first labelled; "Wi-Fi and
    Bluetooth") was no node at all.  Twentieth session: on devtrain such chunks are right 53 %
    of the time (197), ceiling recall 0.877 -> 0.885; refitted, devtrain micro 0.6683 -> 0.6705
    and entity F1 0.818 -> 0.821, eight of nine gates up."""
    cached: list[tuple[int, int, int, int, str, str]] | None = doc.user_data.get(_CHUNKS)
    if cached is not None:
        return cached
    found: list[tuple[int, int, int, int, str, str]] = []
    try:
        chunks = list(doc.noun_chunks)
    except (ValueError, NotImplementedError):  # no dependency parse
        chunks = []
    whole = doc_text(doc) if chunks else ""
    tokens = doc_tokens(doc) if chunks else []
    honours: set[tuple[int, int]] = set()
    titles = emphasised(doc) if chunks else {}
    for chunk in chunks:
        start, end = chunk.start, chunk.end
        while start < end and (
            tokens[start].pos_ in _CHUNK_OPENERS
            or tokens[start].pos_ == "ADV"  # "usually your phone", "just a logo": no name's part
            and start + 1 < end
            and tokens[start + 1].pos_ in ("DET", "PRON")
        ):
            start += 1
        if start >= end or chunk.root.pos_ == "PRON" or named_subject(chunk.root) is not None:
            continue  # (a pronoun; "UNICEF reports to the Board": a name and its verb)
        if _inside_title(titles, start, end):
            continue  # "Prejudice" of "*Pride and Prejudice*": a word of a title, no thing
        flag = ""
        if chunk.root.pos_ == "PROPN":
            if any(t.ent_type_ for t in tokens[start:end]):
                continue  # NER's span is the named mention (:func:`named_mentions`)
            flag = "/propn"  # "Equifax and TransUnion", "Bluetooth": a name NER did not label
        if (
            _possessive(tokens, start, end)
            or _whole_line(tokens, chunk.start, end)
            or membership_of_body(tokens, start, end)
        ):
            continue
        span = (chunk.start, chunk.end)
        a, b = tokens[start].idx, chunk.end_char
        honour = honour_name(tokens, chunk.root) if flag else None
        if honour is not None:  # "the Order" and "Merit": one name, "Order of Merit"
            if honour in honours:
                continue
            honours.add(honour)
            span = honour
            a, b = tokens[honour[0]].idx, tokens[honour[1] - 1].idx + len(tokens[honour[1] - 1])
        text = whole[a:b].strip()
        if len(text) > 2 and any(c.isalpha() for c in text):
            root = chunk.root
            det = _determiner(tokens, chunk.start, root.i)
            prep = root.head.lower_ if root.dep_ == "pobj" and root.head.pos_ == "ADP" else "-"
            syntax = f"{root.dep_}/{root.head.pos_}/{tokens[start].tag_}/{det}/{prep}{flag}"
            found.append((*span, a, b, text, syntax))
    doc.user_data[_CHUNKS] = found
    return found


def _inside_title(titles: dict[int, tuple[int, int]], start: int, end: int) -> bool:
    """Whether the chunk ``tokens[start:end]`` is a part, not the whole, of an italic title
    (:func:`~.titles.emphasised`: "*Pride and Prejudice*", "*A Night at the Opera*").  The title
    is one name, which the name readers make whole; the parse cuts a title with "and" into two
    noun chunks ("Pride", "Prejudice"), and the second one, no fold of the title's name, was
    added as a thing of its own (a defect of the thirty-second session)."""
    span = titles.get(start)
    return span is not None and span[0] <= start and end <= span[1] and (start, end) != span


#: how a determiner determines a noun chunk (:func:`_determiner`)
_DETERMINERS = {
    **dict.fromkeys(("a", "an"), "a"),
    "the": "the",
    **dict.fromkeys(("this", "that", "these", "those"), "dem"),
    **dict.fromkeys(
        (
            *("some", "many", "all", "each", "every", "no", "several", "most", "any", "both"),
            *("few", "much", "more", "less", "other", "another", "such"),
        ),
        "quant",
    ),
}


def _determiner(tokens: list[Any], start: int, root: int) -> str:
    """How a noun chunk (from ``tokens[start]`` to its root ``tokens[root]``) is determined:
    ``a``, ``the``, ``dem`` (this, those), ``poss`` (your, their), ``quant`` (some, every, no),
    ``num`` (a count), or ``none`` (a bare noun).  Why (fifteenth session): the chunk's own
    words lose their determiner (it is no part of a name), but whether the answer introduces a
    thing ("a filter"), points back at one ("the tank"), speaks of the reader's ("your
    account") or of a bare class or mass ("bacteria", "ammonia") is grammar, not topic — a cue
    that carries over to unseen answers."""
    for t in tokens[start:root]:
        kind = _DETERMINERS.get(t.lower_)
        if kind is not None:
            return kind
        if t.tag_ == "PRP$":
            return "poss"
        if t.like_num and t.dep_ == "nummod":
            return "num"
    return "none"


def _whole_line(tokens: list[Any], i: int, j: int) -> bool:
    """Whether a noun chunk (``tokens[i:j]`` of its document's tokens) is its sentence or line
    whole: a heading or label ("Key facts", "Exam tips", "Later career"), which names a part of
    the answer, not a thing in it (on devread the model added 13 such chunks, one a gold entity;
    tenth session)."""
    while i > 0 and not tokens[i].is_sent_start:  # (walks out only past punctuation)
        i -= 1
        if not (tokens[i].is_punct or tokens[i].is_space):
            return False
    while j < len(tokens) and not tokens[j].is_sent_start:
        if not (tokens[j].is_punct or tokens[j].is_space):
            return False
        j += 1
    return True


def _possessive(tokens: list[Any], start: int, end: int) -> bool:
    """Whether a noun chunk holds a possessive ("the body's ability", "the family's fate"): it
    picks one thing out of another, and the gold makes neither the phrase a node (on devread the
    model added 25 such chunks, 5 of them gold entities; tenth session).  Chunks opening with a
    rank or choice word ("the last king", "the same genus") were as rarely gold on devread but
    right half of the time on the gate: they stay candidates."""
    return any(t.tag_ == "POS" for t in tokens[start:end])


#: a span of years written with a dash: a person's (a lifespan, a reign) is one period and two
#: dates, birth and death, first and last year; another thing's is one period (:func:`_persons_years`)
_YEAR_RANGE = re.compile(r"(?<!\d)(1\d{3}|20\d{2})\s*[\u2013\u2014-]\s*(1\d{3}|20\d{2})(?!\d)")


def _persons_years(span: Any, at: int) -> bool:
    """Whether the years written as a range at character ``at`` are a person's: the nearest
    named thing before them in the sentence is a person ("Frida Kahlo (1907–1954)", "**Henry
    VII** (r. 1485–1509)"), so each end is a date of its own (born, died; began, ended).

    Why.  The gold names any other range as one date node, the period the facts point to ("the
    **Boshin War** (1868–1869)" happened_in 1868–1869, "the **Classical period** (roughly
    1750–1820)", "Chicago Bulls (1984–1993, 1995–1998)", "first cast in bronze in
    **1902–1904**"); twenty-sixth session, devtrain: of the 33 ranges, 20 were one node in the
    gold, 13 two, and all 13 followed a person's name.  Values (dates, counts) are passed over:
    only a named thing says whose years they are.

    Narrowed (fortieth session): a person's range is also one period, the node of "lived 1797–1851"
    or "reigned 1837–1901", besides its two ends.  The two-dates-only reading was written from
    devtrain's one annotator (born_in_year, died_in_year); the later writers name the range itself
    (bracketed ranges with a person's facts: devtrain 12 by years only, val11–25 4 by years and 10
    by the range, val26–38 none by years and 8 by the range)."""
    text = doc_text(span.doc)
    if _REIGN.search(text[max(0, at - 12) : at]):
        return True  # "(r. 1485–1509)", "(born 1933 …": NER may call "r." a nationality
    nearest = None
    for ent in span.ents:
        if ent.end_char > at:
            break
        if ent.label_ in NAMED_LABELS:
            nearest = ent
    if nearest is None:
        return False
    if nearest.label_ == "PERSON":
        return True
    # a biography's opening, "Nikola Tesla (1856–1943) was a …", whose name NER calls a group
    return (
        nearest.label_ == "ORG"
        and nearest.start == nearest.sent.start
        and _LIFESPAN_AFTER.match(text, nearest.end_char) is not None
    )


#: what marks a range as a person's reign or life ("r. 1485–1509", "reigned 1558–1603")
_REIGN = re.compile(r"(?:\br\.|\breigned|\bborn|\bb\.|\bd\.)\s*$")
#: a range in brackets right after a name, then the sentence's copula: a lifespan's layout
_LIFESPAN_AFTER = re.compile(r"[*_]*\s*\(\s*\d{4}\s*[\u2013\u2014-]\s*\d{4}\s*\)\s+(?:was|is)\b")


#: values the answer states that are nodes when written with digits: a date, a measure, a
#: duration, a sum of money, a share ("born 1815", "27 km", "21.5 hours", "$7,000", "8 %")
_VALUE_NODES = frozenset({"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "CARDINAL"})


_STEP_WORDS = frozenset({"step", "stage", "phase"})


def _no_value(ent: Any) -> bool:
    """A number that states no value: a list's numbering ("1." opening a step written inline),
    a span of years ("1485–1509", a reign), a version ("3.13")."""
    doc = ent.doc
    after = doc[ent.end].text if ent.end < len(doc) else ""
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return (
        (before in _STEP_WORDS and ent.text.isdigit())  # "Step 1:", "Phase 2": a list's numbering
        or (
            ent.text.rstrip(".)").isdigit()
            and len(ent.text.rstrip(".)")) <= 2
            and (ent.text[-1] in ".)" or after in (".", ")"))
        )
        or re.fullmatch(r"\d{4}\s*[\u2013\-]\s*\d{2,4}", ent.text) is not None
        or re.fullmatch(r"\d+\.\d+\.\d+|\d\.\d{2}", ent.text) is not None
    )


_SEPARATOR = re.compile(r":\s+|\s+[\u2013\u2014]\s+|\s*\n\s*")


def _segment(m: Mention, root: int) -> Mention | None:
    """The part of a mention run over a separator ("Spouse: William King", "Docker Hub — Docker's
    registry") that holds the entity's head token; when the head is a key ("Party: African
    National Congress"), the value after it.  One name, not a key and its value."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for part in _SEPARATOR.split(m.text):
        at = m.text.index(part, pos)
        pos = at + len(part)
        parts.append((at, part))
    for k, (at, part) in enumerate(parts):
        if not m.start + at <= root < m.start + at + len(part):
            continue
        if m.text[at + len(part) : at + len(part) + 1] == ":" and k + 1 < len(parts):
            at, part = parts[k + 1]  # the head is a key's: the name is its value
        name = part.strip(" ,;*_\"'“”")
        if not name or name.lower() in _SKIP_NAMES or name.lower() in ("it", "he", "she", "they"):
            return None  # "Supporting Education Systems: It provides …": no name after the key
        start = m.start + at + part.index(name)
        return dataclasses.replace(m, text=name, start=start, end=start + len(name))
    return None


#: what a step measures its things in ("1 tbsp butter", "a pinch of salt"): not the thing itself
_MEASURE_WORDS = frozenset(
    {"tsp", "tbsp", "teaspoon", "teaspoons", "tablespoon", "tablespoons", "cup", "cups", "pinch"}
    | {"part", "parts", "minute", "minutes", "second", "seconds", "hour", "hours", "side", "sides"}
    | {"bit", "lot", "kind", "way", "time", "times", "end", "top", "bottom", "rest", "step"}
)


def step_things(span: Any) -> list[Mention]:
    """The things a how-to's step handles: the objects of its verbs and prepositions ("remove
    the wheel", "tuck it into the tyre", "put the mustard in a jar"), each a concept node as the
    gold annotates them, without its article, count or measure ("two tyre levers" is "tyre
    levers")."""
    out: list[Mention] = []
    for tok in span:
        if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "pobj", "conj") or tok.ent_type_:
            continue
        if tok.dep_ == "conj" and tok.head.dep_ not in ("dobj", "pobj"):
            continue
        if tok.lower_ in _MEASURE_WORDS or tok.lower_ in _SKIP_NAMES or not tok.is_alpha:
            continue
        left = tok.i
        while left > getattr(span, "start", 0) and (
            tok.doc[left - 1].dep_ in ("compound", "amod")
            and tok.doc[left - 1].head.i >= left
            and tok.doc[left - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        ):
            left -= 1
        part = tok.doc[left : tok.i + 1]
        text = part.text
        if all(o.text.lower() != text.lower() for o in out):
            out.append(Mention(text, part.start_char, part.end_char, "", False))
    return out
