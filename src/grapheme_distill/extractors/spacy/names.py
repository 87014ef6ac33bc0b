"""Names: how a token of the parse becomes a :class:`~.mentions.Mention` — the NER span extended
over "of (the) X" and "City, Region", a class noun kept apart ("the asteroid 1147 Stavropolis"),
pronouns and definite descriptions resolved through :class:`~.mentions.Coref`.

The walk over a parse is cut in four: :mod:`.titles` (where a title of a work starts and ends:
Title Case runs, quoted titles, "the album X"), :mod:`.name_extent` (how far any other name runs:
compounds, "of" parts, owners, the first words that are no part of it), this module (what one
token names), and :mod:`.arguments` (the arguments of a clause: its subjects, lists, quantities,
owners).
"""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from grapheme_distill.extractors.readers.balance import balanced, quote_cut
from grapheme_distill.extractors.readers.emphasis import CONTROL_COMMANDS
from grapheme_distill.extractors.spacy.doc_cache import doc_tokens, span_text, token_sent
from grapheme_distill.extractors.spacy.mentions import (
    _CLASS_NOUNS,
    _CLASSIFIERS,
    _EDGE_POS,
    _KIND_NOUNS,
    _NAMING_VERBS,
    _NP_MODS,
    _PLACE_NOUNS,
    _SKIP_LEFT,
    _SKIP_NAMES,
    _TRAILING_CLASSES,
    _WORK_NOUNS,
    Coref,
    Mention,
)
from grapheme_distill.extractors.spacy.name_extent import (
    _APPROXIMATE,
    _IMPERATIVES,
    _INSTITUTIONS_OF,
    _MEASURED,
    MISTYPED_PERSONS,
    _and_name_end,
    _extend_name,
    _of_name_end,
    _owned_name,
    _question_opener,
    clause_cut,
    described_persons,
    in_name_end,
    named_determiner,
    office_domain,
    title_holder,
    titled_person_end,
)
from grapheme_distill.extractors.spacy.qualifiers import is_name_qualifier
from grapheme_distill.extractors.spacy.titles import (
    _ORDINAL,
    VALUE_LABELS,
    _name_part,
    _quoted,
    _title_after,
    _title_span,
    binomial,
    emphasised,
    hyphen_opener,
    membership_of_body,
    title_edges,
    two_names,
)

__all__ = ["VALUE_LABELS", "eponym", "mention_of", "phrase_mention"]


def _dotted_initials(text: str) -> bool:
    """Whether ``text`` is a region written as dotted initials ("D.C.", "U.K."): two or more
    capitals, each followed by a full stop.  After "City, " it is part of the city's name only
    where a US state's would be (:func:`~.qualifiers.is_name_qualifier`: "Washington, D.C.", not
    "London, U.K."); the caller checks that."""
    parts = text.split(".")
    return (
        len(parts) >= 3 and parts[-1] == "" and all(len(p) == 1 and p.isupper() for p in parts[:-1])
    )


def _ent_span(tok: Any) -> Any:
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


#: what a named natural feature is, written after its name ("the Himalayas mountain range", "the
#: Aleutian island chain"): the gold names the feature without it (its trailing descriptor); the
#: words the scorer already treats as descriptors ("river", "desert") need no list here
_LANDFORMS = frozenset(
    {"range", "ranges", "chain", "massif", "archipelago", "volcano", "glacier", "canyon"}
    | {"plateau", "peninsula", "mountains"}
)


def _landform_of_place(toks: Any, first: int, last: int) -> bool:
    """Whether ``toks[first:last]`` is a place NER labels followed by the lower-case kind of
    feature it is ("Himalayas mountain range"); a product's "range" ("the iPhone range") has no
    place label."""
    if toks[last - 1].lemma_.lower() not in _LANDFORMS and toks[last - 1].lower_ not in _LANDFORMS:
        return False
    caps = [t for t in toks[first : last - 1] if t.text[:1].isupper()]
    return bool(caps) and all(t.ent_type_ in ("LOC", "GPE") for t in caps)


#: what a how-to step does to a control named right after it ("tap Allow", "click Trust This Computer")
_PRESSING = frozenset({"tap", "click", "tick", "press", "untick"})


def _make(doc: Any, start: int, end: int, label: str, proper: bool) -> Mention | None:
    toks = doc_tokens(doc)  # (``doc[i]`` builds a new Token at each call: ~64,000 a run here)
    keep_head, keep_tail = title_edges(doc, start, end)
    title_end = end
    # "about 8 %", "roughly 1.46 million": an approximate value is written with its hedge (gold
    # conventions: surface forms as in the text; "8 %" alone no longer matches "about 8 %")
    keep_head = (
        keep_head
        or (label in _MEASURED and end - start > 1 and toks[start].lower_ in _APPROXIMATE)
        or named_determiner(toks, start, end, label)  # "All Souls College"
    )
    while (
        start < end
        and not keep_head
        and (
            toks[start].dep_ in _SKIP_LEFT
            and not (toks[start].dep_ == "poss" and toks[start].pos_ in ("PROPN", "NOUN"))
            and not _misparsed_punct(toks[start])
            or toks[start].lower_ in ("the", "a", "an")
            or toks[start].is_punct
            or toks[start].is_space
            or _question_opener(toks, start, end)
        )
        and not hyphen_opener(toks, start, end)
    ):
        start += 1  # (a possessor that is a name is kept: "Hypermarcas's revenue" is Hypermarcas's)
    while end > start and (
        (toks[end - 1].is_punct or toks[end - 1].is_space)
        and toks[end - 1].text not in ")\"'%"
        or toks[end - 1].pos_ in _EDGE_POS
        and not (keep_tail and end == title_end)
    ):
        end -= 1
    if start >= end:
        return None
    while end - start > 1 and toks[end - 1].tag_ == "POS":  # "Spartak Moscow's"
        end -= 1
    if toks[start].is_sent_start and (
        toks[start].tag_ == "VB" or toks[start].lower_ in _IMPERATIVES
    ):
        # "Install Docker Desktop …": a step's imperative is no part of a name, and "Select
        # Backup" or "Put 1" hold none ("Expect a Miracle", a title, keeps its verb)
        if end - start >= 3 and toks[start + 1].pos_ == "PROPN":
            start += 1
        elif end - start == 2 and label and toks[start].lower_ in _IMPERATIVES:
            return None
    if start > 0 and toks[start - 1].lower_ in _PRESSING and toks[start].lower_ in CONTROL_COMMANDS:
        return None  # "tap Trust This Computer", "tap Allow": a button's label, no name
    owner = next((t.i for t in toks[start:end] if t.tag_ == "POS"), None)
    if owner is not None and owner + 1 < end and _owned_name(toks, start, owner, end):
        start = owner + 1  # "California's San Andreas Fault": the fault, not California's
    opened = [t.i for t in toks[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1] : end]) and opened[-1] > start:
        end = opened[-1]  # NER ran into a parenthesis: "World Health Organization (WHO"
        while end > start and (toks[end - 1].is_punct or toks[end - 1].is_space):
            end -= 1
    kind_noun = ""
    if (
        end - start > 1
        and toks[end - 1].lower_ in _CLASSIFIERS
        and toks[end - 2].pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        kind_noun = toks[end - 1].lower_  # "the pop rock genre": the genre is pop rock
        end -= 1
    if (
        toks[end - 1].like_num
        and end - start > 1
        and all(t.pos_ == "NOUN" and t.text[:1].islower() for t in toks[start : end - 1])
    ):
        kind_noun = span_text(doc[start : end - 1]).lower()  # "the year 2000", "ID 0711905"
        start = end - 1
    inner = [
        t.i
        for t in toks[start + 1 : end - 1]
        if t.text[:1].islower()
        and t.lemma_.lower() in _WORK_NOUNS
        and all(u.text[:1].isupper() for u in toks[t.i + 1 : end])
    ]
    if inner:  # "the Velvet Underground album Squeeze", "The Train song Mermaid": the name is after the class
        kind_noun = doc[inner[-1]].lower_
        start = inner[-1] + 1
    if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks[start:end]):
        # "the mobile app company GMA New Media", "the Universal Music Group record label": the name
        # is the capitalised part; the class noun around it is remembered, not kept in the name
        first = start
        while (
            first < end and toks[first].pos_ in ("NOUN", "ADJ") and toks[first].text[:1].islower()
        ):
            first += 1
        last = end
        # trailing class nouns only ("FC Amkar Perm football club"): "Carter constant" and "Penrose
        # diagram" keep their noun, it is part of the name
        if (
            last > first
            and (
                toks[last - 1].lemma_.lower() in _TRAILING_CLASSES
                or _landform_of_place(toks, first, last)
            )
            and toks[last - 1].text[:1].islower()
        ):
            while (
                last > first and toks[last - 1].pos_ == "NOUN" and toks[last - 1].text[:1].islower()
            ):
                last -= 1
        if first < last and (first > start or last < end):
            kind_noun = span_text(doc[last:end]).lower() if last < end else toks[first - 1].lower_
            start, end = first, last
    if quote_cut(span_text(doc[start:end])):  # the other half next to it: 'Herbal "teas"'
        if end < len(toks) and toks[end].text in ('"', "”"):
            end += 1
        elif start > 0 and toks[start - 1].text in ('"', "“"):
            start -= 1
    span = doc[start:end]
    whole = span_text(span).strip()
    text = whole.strip(" \"'“”‘’")
    if quote_cut(text) and not quote_cut(whole):
        text = whole.strip(" '‘’")  # the quotation is the name's: 'Herbal "teas"', '"typical" owls'
    text = balanced(text)  # no half a bracket or quotation
    low = text.lower()
    # "US", "WHO", "NeXT": not "us", "who", "next"
    short_form = len(span) == 1 and (_short_form(span[0]) or _mixed_case(span[0]))
    if (
        not text
        or (low in _SKIP_NAMES and not short_form)
        or not any(ch.isalnum() for ch in text)
        or len(text) > 120
    ):
        return None
    if (
        len(span) == 1
        and (span[0].is_stop or span[0].pos_ in ("PRON", "DET", "ADP", "CCONJ", "PART"))
        and not short_form
        and not _person_conjunct(span[0])
    ):
        return None
    return Mention(
        text=text,
        start=span.start_char,
        end=span.end_char,
        label=label,
        proper=proper,
        kind_noun=kind_noun,
    )


def _person_conjunct(tok: Any) -> bool:
    """Whether a capitalised proper noun is coordinated with a person's name ("May and Taylor
    have continued to tour", "Taylor and May"): a member of a coordination of names is a name
    too, though its letters spell a stop word ("May", "Will") — NER leaves such a word at the
    sentence's start untyped, and the stop-word test dropped it, so the list lost a member."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and any(c.ent_type_ == "PERSON" for c in tok.conjuncts)
    )


def _misparsed_punct(tok: Any) -> bool:
    """A date's number the parser attached as punctuation ("**Died:** 14 April 1964": after a
    key's colon "14" hangs off the key as ``punct``): it is no punctuation, and cutting it left
    "April 1964", a second date beside the full one.  Only inside NER's date: "tipo 00 flour"
    (a QUANTITY "00 flour") is no better read with its "00"."""
    return bool(
        tok.dep_ == "punct" and not tok.is_punct and tok.like_num and tok.ent_type_ == "DATE"
    )


def _short_form(tok: Any) -> bool:
    """ "US", "WHO", "IT": a short form in capitals that NER took for a name, though its letters
    spell a stop word or a pronoun (never the sentence's first word, "IT" there may be shouting)."""
    return (
        len(tok.text) >= 2
        and tok.text.isupper()
        and tok.is_alpha
        and bool(tok.ent_type_)
        and not tok.is_sent_start
    )


def _mixed_case(tok: Any) -> bool:
    """ "NeXT", "YouTube", "iOS": a word with a capital after its first letter and a lower-case
    letter is written as a name, even where its letters spell a stop word ("NeXT" is "next"
    to the tokenizer, so "founded Apple and NeXT" lost its second company); a word in all
    capitals is :func:`_short_form`'s."""
    text = tok.text
    return (
        tok.is_alpha
        and len(text) >= 2
        and any(ch.isupper() for ch in text[1:])
        and any(ch.islower() for ch in text)
    )


class _NeedsCoref(Exception):
    """Raised by :class:`_Notes` where reading a name asks what the answer said before it."""


class _Notes:
    """Stands in for the :class:`~.mentions.Coref` while a token's name is read from the parse
    alone: it records the class nouns the reading notes, in order, and stops the reading
    (:class:`_NeedsCoref`) at its first question about what was said before (a pronoun, "the
    film", the answer's topic) — such a reading is not memoised."""

    __slots__ = ("notes",)

    def __init__(self) -> None:
        self.notes: list[tuple[str, Mention]] = []

    def note_class(self, noun: str, mention: Mention) -> None:
        self.notes.append((noun, mention))

    def __getattr__(self, name: str) -> Any:
        raise _NeedsCoref(name)


_MEMO = "grapheme_distill.mention_of"
#: a memoised reading: the mention, whether it is a definite common noun, the class nouns noted
_Reading = tuple[Mention | None, bool, tuple[tuple[str, Mention], ...]]
_UNMEMOISED = object()


def mention_of(tok: Any, coref: Coref | None = None) -> Mention | None:
    """:func:`_mention_of`, and a name the answer described as a person before is a person here
    too (:func:`.name_extent.described_persons`: "Orestes, the Roman prefect of Alexandria …
    Orestes was murdered"): NER types each mention apart, and often the same wrong way.  Kept
    out of the memoised reading, which is the parse's alone."""
    m = _mention_of(tok, coref)
    if m is None or coref is None or not m.proper or isinstance(coref, _Notes):
        return m
    key = m.text.lower()
    if m.label == "PERSON":
        if tok.ent_type_ and tok.ent_type_ != "PERSON" and tok.ent_iob_:
            ent = _ent_span(tok)
            if ent is not None and ent.start in described_persons(tok.doc):
                coref.described.add(key)
    elif m.label in MISTYPED_PERSONS and key in coref.described:
        m = dataclasses.replace(m, label="PERSON")
    return m


def _mention_of(tok: Any, coref: Coref | None = None) -> Mention | None:
    """The entity a noun token names: its named-entity span, or the noun with its modifiers.

    Pronouns come back resolved through ``coref`` (or not at all).

    Memoised per document (``doc.user_data``): the clause reader, the relation candidates, the
    named things and the subjects ask for the same tokens two to three times each, and a
    reading is a walk over the parse (a tenth of the extractor's time).  What is stored is the
    reading from the parse alone and the class nouns it notes; both are replayed on ``coref`` at
    each call, in the order the reading made them, and the part that depends on what was said
    before (a definite "the N" in an answer with a topic) is applied afresh.  A reading that
    consults ``coref`` (pronouns, "the film") is not stored and runs each time, as before.
    """
    if isinstance(coref, _Notes):  # a name read inside a memoised reading ("the city of X")
        inner, definite = _read_name(tok, coref)
        return _definite(tok, inner, coref) if definite and inner is not None else inner
    memo: dict[int, Any] = tok.doc.user_data.setdefault(_MEMO, {})
    hit: Any = memo.get(tok.i)
    if hit is None:
        # read with a recorder: a reading that never asks ``coref`` is the same with or without
        # one (only the notes differ), so one entry serves both kinds of call
        notes = _Notes()
        try:
            hit = (*_read_name(tok, cast(Coref, notes)), tuple(notes.notes))
        except Exception:  # it asked for the context (or failed): read it as before
            hit = _UNMEMOISED
        memo[tok.i] = hit
    m: Mention | None
    if hit is not _UNMEMOISED:
        m, definite, noted = cast(_Reading, hit)
        if coref is None:
            return m
        for noun, mention in noted:
            coref.note_class(noun, mention)
    elif coref is None:  # the reading without context is the parse's alone: memoised apart
        pure: dict[int, Mention | None] = tok.doc.user_data.setdefault(_MEMO + ".alone", {})
        if tok.i not in pure:
            pure[tok.i] = _read_name(tok, None)[0]
        return pure[tok.i]
    else:
        m, definite = _read_name(tok, coref)
    if definite and m is not None:
        return _definite(tok, m, coref)
    return m


def _quoted_title(doc: Any, start: int, end: int, label: str) -> Mention | None:
    """The name of a title written in quotes, as written: the trimming of :func:`_make` (a
    leading article or possessive, a trailing pronoun or preposition) cut "The Winner Takes It
    All" to "Winner" and "My Baby Just Cares for Me" to "Baby Just Cares"; the quotes say where
    the title starts and ends, and a title keeps its own "The" (gold conventions)."""
    span = doc[start:end]
    raw = span_text(span)
    text = raw.strip(" \"'“”‘’").rstrip(",.;:")
    if not text or len(text) > 120 or not any(ch.isalpha() for ch in text):
        return None
    at = span.start_char + raw.index(text)
    return Mention(text=text, start=at, end=at + len(text), label=label, proper=True)


def _definite(tok: Any, m: Mention, coref: Coref) -> Mention:
    """ "the budget", "the movie" in an answer about a named thing: a definite description no name
    was found for (unresolved when its noun is a class of named things)."""
    if coref.topic is None or coref.topic.label in VALUE_LABELS:
        return m
    lemma = tok.lemma_.lower()
    return dataclasses.replace(
        m, definite=True, unresolved=lemma in _CLASS_NOUNS or lemma in coref.classes
    )


def _read_name(tok: Any, coref: Coref | None) -> tuple[Mention | None, bool]:
    """:func:`mention_of` without its memo: the mention, and whether it is a common noun with a
    definite determiner (which :func:`_definite` marks when the answer has a topic)."""
    if (tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT")) and not _short_form(
        tok
    ):
        low = tok.lower_
        if coref is not None:
            return coref.resolve(low, owner_of=tok.head.idx if tok.dep_ == "poss" else -1), False
        return None, False
    doc = tok.doc
    toks = doc_tokens(doc)
    if membership_of_body(toks, tok.i, tok.i + 1):
        # "elected a Fellow of the Royal Society", "appointed a Member of the Order of Merit":
        # the body is the node (gold conventions), the person its member
        body = next((c for c in toks[tok.i + 1].children if c.dep_ == "pobj"), None)
        if body is not None:
            return _read_name(body, coref)
    titled = title_holder(toks, tok.i)
    if titled is not None:  # "Diana, Princess of Wales" (:func:`.name_extent.titled_person_end`)
        person, style, whole_end = titled
        if tok.i <= style:  # "Princess" names the person
            return _read_name(toks[person], coref)
        # the place NER labelled names the style, a thing of its own ("Duke of Edinburgh"), not
        # its place alone ("Edinburgh"); a later "the Duke of Edinburgh" names it so too
        return _make(doc, style, whole_end, tok.ent_type_, True), False
    if coref is not None and tok.pos_ == "NOUN" and not tok.ent_type_:
        # "the film" / "this airport" after "X is a film" / "the airport X": the same thing
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if (
            dets
            and dets[0] in ("the", "this", "that")
            and _of_object(tok) is None
            and _named_by(tok) is None
            and _title_after(tok) is None
        ):
            plain = not any(c.dep_ in ("compound", "amod") for c in tok.children)
            found = coref.resolve_class(tok.lower_) or coref.resolve_description(
                tok.lemma_, plain=plain
            )
            if found is not None:
                return found, False
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
        for j in range(tok.i - 1, max(token_sent(tok).start, tok.i - 9) - 1, -1):
            title = _title_after(toks[j]) if toks[j].pos_ == "NOUN" else None
            if title is not None and title.start <= tok.idx < title.end:
                # "... the 1956 movie It's Great to Be Young which was directed by ..."
                return title, False
    if tok.pos_ == "NOUN" and (title := _title_after(tok)) is not None:
        if coref is not None:
            coref.note_class(tok.lemma_, title)
        return title, False
    if tok.pos_ == "NOUN":
        named = _named_by(tok)
        if named is not None:  # "a subsidiary called Mantecorp", "the municipality of Gettysburg"
            m = mention_of(named, coref)
            if m is not None:
                if (
                    coref is not None
                ):  # "the movie Super Capers": a later "this movie" is Super Capers
                    coref.note_class(tok.lemma_, m)
                kind = " ".join(
                    c.lower_
                    for c in tok.lefts
                    if c.dep_ == "compound" and not c.ent_type_ and c.pos_ == "NOUN"
                )  # "the time zone known as X": a time zone
                return Mention(
                    m.text, m.start, m.end, m.label, m.proper, "", f"{kind} {tok.lower_}".strip()
                ), False
    quoted = _quoted(doc).get(tok.i) or emphasised(doc).get(tok.i)
    if quoted is not None:  # a title in quotes or italics is one name, whatever NER made of it
        m = _quoted_title(doc, quoted[0], quoted[1], tok.ent_type_ or "WORK_OF_ART")
        if m is not None:
            return m, False
    ent = _ent_span(tok)
    if ent is not None and tok.ent_type_ != "ORDINAL":
        start, end = ent.start, ent.end
        if tok.ent_type_ not in VALUE_LABELS:
            start, end = _extend_name(doc, start, end)
        end = _of_name_end(doc, end)
        heads = [t.i for t in toks[start:end] if t.lower_ in _INSTITUTIONS_OF]
        if heads:
            end = _and_name_end(doc, heads[0], end)
        if tok.ent_type_ == "DATE":  # "on 3rd October 1983": NER leaves the day out
            k = start - 1 if start > 0 and toks[start - 1].lower_ == "of" else start
            if k > 0 and (
                _ORDINAL.match(toks[k - 1].text)
                or toks[k - 1].text.isdigit()
                and len(toks[k - 1]) <= 2
            ):
                start = k - 1
        if (
            tok.ent_type_ == "GPE"
            and end + 1 < len(doc)
            and toks[end].text == ","
            and toks[end + 1].ent_type_ == "GPE"
            and toks[end + 1].ent_iob_ == "B"
        ):
            # "La Crosse, Wisconsin": a place disambiguated by its region is one name
            nxt = _ent_span(toks[end + 1])
            if (
                nxt is not None
                and is_name_qualifier(nxt.text)  # "Geneva, Switzerland": Geneva, in Switzerland
                and (
                    (nxt.root.dep_ == "appos" and ent.start <= nxt.root.head.i < ent.end)
                    # "Washington, D.C.": a region in dotted initials is part of the city's one
                    # name however the parse hangs it (at a line's end NER splits it from the
                    # city and the parse makes it punctuation); "London, U.K." only locates
                    or _dotted_initials(nxt.text)
                )
            ):
                end = nxt.end
        commas = [t.i for t in toks[start:end] if t.text == ","]
        if (
            commas
            and tok.ent_type_ not in ("GPE", "LOC", "DATE", "TIME")
            and all(toks[c + 1].text[:1].isupper() for c in commas if c + 1 < end)
            and not any(toks[c + 1].text.endswith(".") for c in commas if c + 1 < end)
        ):
            # "Hekla, Katla" read as one name: the token names its own part of the list
            start = max([start, *(c + 1 for c in commas if c < tok.i)])
            end = min([end, *(c for c in commas if c > tok.i)])
        if (pair := two_names(toks, start, end)) is not None:  # "COVID-19 and Ebola"
            start, end = (start, pair[0]) if tok.i < pair[0] else (pair[0] + 1, end)
        start, end = clause_cut(toks, start, end, tok.i)
        end = titled_person_end(toks, end)  # "Diana, Princess of Wales"
        label = tok.ent_type_
        if label == "PERSON" and any(
            office_domain(t) and t.head.head.i < start for t in toks[ent.start : ent.end]
        ):
            label = "GPE"  # "the Roman prefect of Alexandria": the office's domain, a place
        elif ent.start in described_persons(doc):
            label = "PERSON"  # "Orestes, the Roman prefect of Alexandria" (NER: GPE)
        m = _make(doc, start, end, label, True)
        if m is not None and m.kind_noun and coref is not None:
            coref.note_class(m.kind_noun, m)
        return m, False
    if tok.pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ", "SYM") and not tok.like_num:
        return None, False
    left = tok.i
    # "The Death on a Factory Farm": a capitalised noun inside a sentence is a name the tagger missed
    # "*Yersinia pestis*": a species' name, its genus a word of the epithet's phrase
    species = binomial(doc, tok.i) and toks[tok.i - 1].head.i == tok.i
    proper = (
        tok.pos_ == "PROPN"
        or tok.pos_ == "NOUN"
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and (not tok.is_sent_start or _title_span(doc, tok.i, tok.i + 1)[1] > tok.i + 1)
        or species
    )
    for child in tok.lefts:
        if child.dep_ not in _NP_MODS or child.dep_ == "poss" and not eponym(child, tok):
            continue
        if (
            proper
            and not species
            and child.dep_ in ("amod", "nummod", "npadvmod", "quantmod")
            and not (
                child.pos_ == "PROPN"
                and child.ent_type_ != "NORP"
                or child.i == tok.i - 1
                and child.like_num
                or _ORDINAL.match(child.text)
                and child.i
                == child.head.left_edge.i
                + (1 if child.head.left_edge.lower_ in ("the", "a", "an") else 0)
            )
        ):
            continue  # "American Alan Shepard", "185 cm tall Aleksandr Prudnikov": not the name
        left = min(left, child.left_edge.i)
    end = tok.i + 1
    if proper and not species:  # (the italics say where a species' name ends)
        for child in tok.rights:
            if child.dep_ in ("compound", "flat", "nummod") and child.i == end:
                end = child.i + 1
        left, end = _extend_name(doc, left, end)
        end = in_name_end(toks, _of_name_end(doc, end))
        left, end = clause_cut(toks, left, end, tok.i)
    m = _make(doc, left, end, "", proper)
    if m is not None and m.kind_noun and coref is not None:
        coref.note_class(m.kind_noun, m)
    definite = (
        m is not None
        and not proper
        and tok.pos_ == "NOUN"
        and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
            for c in tok.children
        )
    )
    return m, definite


#: what a scientist's or a physician's name is given to in the possessive ("Snell's law",
#: "Peyer's patches", "Maxwell's equations", "Hodgkin's lymphoma")
_EPONYM_HEADS = frozenset(
    {"law", "laws", "equation", "equations", "theorem", "constant", "principle", "paradox"}
    | {"number", "numbers", "rule", "effect", "ratio", "hypothesis", "conjecture", "lemma"}
    | {"formula", "algorithm", "method", "razor", "comet", "disease", "syndrome", "lymphoma"}
    | {"sarcoma", "palsy", "patches", "gland", "glands", "duct", "canal", "sign", "test"}
)


def eponym(owner: Any, tok: Any) -> bool:
    """Whether the possessive ``owner`` of the common noun ``tok`` is the eponym of a term
    ("Snell's law", "Peyer's patches"): the gold names the whole term, and the noun alone
    ("law", "patches") joined the owner's facts to the wrong node.  A one-word name right before
    the noun, not a place ("France's capital" is the capital)."""
    return (
        tok.lower_ in _EPONYM_HEADS
        and owner.pos_ == "PROPN"
        and owner.text[:1].isupper()
        and owner.i + 2 == tok.i
        and owner.ent_type_ not in ("GPE", "LOC", "NORP")
        and not any(c.dep_ in ("compound", "flat") for c in owner.children)
    )


def _name_after(tok: Any) -> Any:
    """ "the club Brentford F.C.": a class noun right before a proper name the parser hung elsewhere;
    the name's last token (its NER span or compound chain gives the whole name)."""
    doc = tok.doc
    if (
        tok.lemma_.lower() not in _CLASS_NOUNS
        or tok.i + 1 >= len(doc)
        or not any(c.dep_ == "det" for c in tok.children)
    ):
        return None
    i = tok.i + 1
    if not _name_part(doc[i]) or doc[i].head.i == tok.i:
        return None  # (a child of the noun is handled by the appos/compound readings)
    while i + 1 < len(doc) and _name_part(doc[i + 1]) and doc[i].head.i > i:
        i += 1
    return doc[i]


def _named_by(tok: Any) -> Any:
    """The name a class noun introduces: "a subsidiary *called* Mantecorp", "the city of Dijon",
    "the production team Stargate"."""
    after = _name_after(tok)
    if after is not None:
        return after
    for child in tok.children:
        if (
            child.dep_ == "appos"
            and child.text[:1].isupper()
            and (
                child.left_edge.i == tok.i + 1
                or child.left_edge.i == tok.i + 2
                and tok.nbor(1).is_quote
            )
        ):
            return (
                child  # "the film Death on a Factory Farm", "the album The Quine Tapes", "film ‘X’"
            )
    for child in tok.children:
        # a name right before the class noun, when none follows: "1147 Stavropolis asteroid has ..."
        # (but "the HBO film ‘Death on a Factory Farm’" is the film, found above)
        if (
            child.dep_ in ("compound", "nsubj", "nmod")
            and child.pos_ == "PROPN"
            and child.i == tok.i - 1
            and tok.lemma_.lower() in _CLASS_NOUNS
            and tok.text[:1].islower()
        ):
            return child
        if child.dep_ == "acl" and child.lemma_ in _NAMING_VERBS:
            for g in child.children:
                if g.dep_ in ("oprd", "attr", "dobj") and g.pos_ in ("PROPN", "NOUN", "NUM"):
                    return g
                if g.dep_ == "prep" and g.lower_ == "as":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            return h
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and tok.lower_ in _PLACE_NOUNS | _KIND_NOUNS
        ):
            for g in child.children:
                if g.dep_ == "pobj" and (
                    g.pos_ == "PROPN" or tok.lower_ in _KIND_NOUNS and g.pos_ == "NOUN"
                ):
                    return g
    return None


def _of_object(tok: Any, *, also_for: bool = False) -> Any:
    """The 'Y' of 'R of Y' or of "Y's R" (possessive), if any ('R for Y' too with ``also_for``)."""
    for child in tok.children:
        if child.dep_ == "prep" and (
            child.lower_ == "of" or also_for and child.lower_ in ("for", "at")
        ):
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
        if child.dep_ == "poss":
            return child
    return None


def phrase_mention(doc: Any, start_char: int, end_char: int) -> Mention | None:
    """A mention for a piece of text (a list item, an alias): NER label when it matches an entity."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    label = ""
    for ent in doc.ents:
        if ent.start <= span.start and ent.end >= span.end - 1 and ent.label_ != "ORDINAL":
            label = ent.label_
            break
    proper = any(t.pos_ == "PROPN" for t in span)
    return _make(doc, span.start, span.end, label, proper)
