"""Names: how a token of the parse becomes a :class:`~.mentions.Mention` — the NER span extended
over "of (the) X" and "City, Region", a class noun kept apart ("the asteroid 1147 Stavropolis"),
pronouns and definite descriptions resolved through :class:`~.mentions.Coref`.

The walk over a parse is cut in three: :mod:`.titles` (where a title of a work starts and ends:
Title Case runs, quoted titles, "the album X"), this module (what one token names), and
:mod:`.arguments` (the arguments of a clause: its subjects, lists, quantities, owners).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from grapheme_distill.extractors.learned import shipped_model
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
    CHUNK_CANDIDATES,
    Coref,
    Mention,
)
from grapheme_distill.extractors.spacy.qualifiers import is_name_qualifier
from grapheme_distill.extractors.spacy.titles import (
    _ORDINAL,
    VALUE_LABELS,
    _name_part,
    _quoted,
    _title_after,
    _title_span,
    title_edges,
)

__all__ = ["VALUE_LABELS", "mention_of", "phrase_mention"]


def _of_name_end(doc: Any, end: int) -> int:
    """Extend a name over an "of" part that is itself a name: "Pools of Light", "King of Prussia",
    "McVeagh of the South Seas", "University of Texas" (the model often cuts names there)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or doc[end].head.i != end - 1:
        return end
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
        return end
    if doc[end - 1].ent_type_ in ("GPE", "LOC") and doc[i].ent_type_ in ("GPE", "LOC"):
        return end  # "New Jersey of the United States": two places, not one name
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    return _and_name_end(doc, end - 1, i)


def _and_name_end(doc: Any, head: int, end: int) -> int:
    """ "the College of William and Mary", "Department of Health and Human Services": an institution
    named "<noun> of A and B" runs on over "and B" (``head`` is the institution noun's index)."""
    if (
        doc[head].lower_ in _INSTITUTIONS_OF
        and end + 1 < len(doc)
        and doc[end].lower_ == "and"
        and any(t.lower_ == "of" for t in doc[head:end])
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].text[:1].isupper()
    ):
        end += 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
    return end


# institutions whose names are "<noun> of A and B"
_INSTITUTIONS_OF = frozenset(
    {
        "college",
        "university",
        "school",
        "institute",
        "department",
        "ministry",
        "museum",
        "academy",
        "society",
        "council",
        "board",
        "bank",
        "church",
    }
)


_JOINERS = frozenset({"-", "\u2013", "\u2014", "/"})


def _extend_name(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a named-entity span to the whole proper-noun compound it belongs to.

    The small model's NER often cuts a long name where the parse does not: "FC Amkar Perm" comes
    back as "Amkar Perm", "The ALCO RS-3" as "RS-3", "Adolfo Suárez Madrid–Barajas Airport" as
    "Suárez Madrid".  A capitalised token just left of the span whose head lies inside it (a
    compound modifier), and proper nouns glued on by a dash without spaces, are the same name.
    A demonym is left out ("American Alan Shepard"); a place that modifies the head is kept
    ("Tennessee Titans").
    """
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.text in _JOINERS
            and not prev.whitespace_
            and start > 1
            and not doc[start - 2].whitespace_
            and _name_part(doc[start - 2])
        ):
            start -= 2  # "Madrid–Barajas Airport" seen from "Airport"
            continue
        if not (
            _name_part(prev)
            and prev.dep_ in ("compound", "amod", "nmod", "nummod", "flat")
            and start <= prev.head.i < end
            and prev.ent_type_ != "NORP"
            and prev.whitespace_
        ):
            break
        start -= 1
    while (
        end + 1 < len(doc)
        and doc[end].text in _JOINERS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and _name_part(doc[end + 1])
    ):
        end += 2  # "Madrid–Barajas"
        while end < len(doc) and _name_part(doc[end]) and doc[end - 1].head.i == end:
            end += 1  # "... Barajas Airport": the compound's head
    return _title_span(doc, start, end)


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


#: verbs that open the steps of a how-to, which the tagger reads as part of a name when a name
#: follows ("Install Docker Desktop", "Open Security", "Select Backup codes")
_IMPERATIVES = frozenset(
    [
        "install",
        "open",
        "go",
        "select",
        "click",
        "choose",
        "put",
        "add",
        "mix",
        "check",
        "run",
        "start",
        "pull",
        "list",
        "confirm",
        "print",
        "store",
        "use",
        "make",
        "take",
        "turn",
        "press",
        "tap",
        "enter",
        "type",
        "set",
        "remove",
        "place",
        "pour",
        "save",
        "download",
        "visit",
        "sign",
        "log",
        "create",
        "copy",
        "paste",
        "follow",
        "find",
        "search",
        "update",
        "restart",
        "enable",
        "disable",
    ]
)


def _make(doc: Any, start: int, end: int, label: str, proper: bool) -> Mention | None:
    keep_head, keep_tail = title_edges(doc, start, end)
    title_end = end
    # "about 8 %", "roughly 1.46 million": an approximate value is written with its hedge (gold
    # conventions: surface forms as in the text; "8 %" alone no longer matches "about 8 %")
    keep_head = keep_head or (
        label in _MEASURED and end - start > 1 and doc[start].lower_ in _APPROXIMATE
    )
    while (
        start < end
        and not keep_head
        and (
            doc[start].dep_ in _SKIP_LEFT
            and not (doc[start].dep_ == "poss" and doc[start].pos_ in ("PROPN", "NOUN"))
            or doc[start].lower_ in ("the", "a", "an")
            or doc[start].is_punct
            or doc[start].is_space
        )
    ):
        start += 1  # (a possessor that is a name is kept: "Hypermarcas's revenue" is Hypermarcas's)
    while end > start and (
        (doc[end - 1].is_punct or doc[end - 1].is_space)
        and doc[end - 1].text not in ")\"'%"
        or doc[end - 1].pos_ in _EDGE_POS
        and not (keep_tail and end == title_end)
    ):
        end -= 1
    if start >= end:
        return None
    while end - start > 1 and doc[end - 1].tag_ == "POS":  # "Spartak Moscow's"
        end -= 1
    if doc[start].is_sent_start and (doc[start].tag_ == "VB" or doc[start].lower_ in _IMPERATIVES):
        # "Install Docker Desktop …": a step's imperative is no part of a name, and "Select
        # Backup" or "Put 1" hold none ("Expect a Miracle", a title, keeps its verb)
        if end - start >= 3 and doc[start + 1].pos_ == "PROPN":
            start += 1
        elif end - start == 2 and label and doc[start].lower_ in _IMPERATIVES:
            return None
    owner = next((t.i for t in doc[start:end] if t.tag_ == "POS"), None)
    if (
        owner is not None
        and owner + 1 < end
        and all(t.ent_type_ in ("GPE", "LOC") for t in doc[start:owner])
        and all(t.text[:1].isupper() for t in doc[owner + 1 : end])
    ):
        start = owner + 1  # "California's San Andreas Fault": the fault, not California's
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1] : end]) and opened[-1] > start:
        end = opened[-1]  # NER ran into a parenthesis: "World Health Organization (WHO"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    kind_noun = ""
    if (
        end - start > 1
        and doc[end - 1].lower_ in _CLASSIFIERS
        and doc[end - 2].pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        kind_noun = doc[end - 1].lower_  # "the pop rock genre": the genre is pop rock
        end -= 1
    if (
        doc[end - 1].like_num
        and end - start > 1
        and all(t.pos_ == "NOUN" and t.text[:1].islower() for t in doc[start : end - 1])
    ):
        kind_noun = doc[start : end - 1].text.lower()  # "the year 2000", "ID 0711905"
        start = end - 1
    inner = [
        t.i
        for t in doc[start + 1 : end - 1]
        if t.text[:1].islower()
        and t.lemma_.lower() in _WORK_NOUNS
        and all(u.text[:1].isupper() for u in doc[t.i + 1 : end])
    ]
    if inner:  # "the Velvet Underground album Squeeze", "The Train song Mermaid": the name is after the class
        kind_noun = doc[inner[-1]].lower_
        start = inner[-1] + 1
    if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start:end]):
        # "the mobile app company GMA New Media", "the Universal Music Group record label": the name
        # is the capitalised part; the class noun around it is remembered, not kept in the name
        first = start
        while first < end and doc[first].pos_ in ("NOUN", "ADJ") and doc[first].text[:1].islower():
            first += 1
        last = end
        # trailing class nouns only ("FC Amkar Perm football club"): "Carter constant" and "Penrose
        # diagram" keep their noun, it is part of the name
        if (
            last > first
            and doc[last - 1].lemma_.lower() in _TRAILING_CLASSES
            and doc[last - 1].text[:1].islower()
        ):
            while (
                last > first and doc[last - 1].pos_ == "NOUN" and doc[last - 1].text[:1].islower()
            ):
                last -= 1
        if first < last and (first > start or last < end):
            kind_noun = doc[last:end].text.lower() if last < end else doc[first - 1].lower_
            start, end = first, last
    span = doc[start:end]
    text = span.text.strip(" \"'“”‘’")
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "").strip()
    low = text.lower()
    short_form = len(span) == 1 and _short_form(span[0])  # "US", "WHO": not "us", "who"
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


#: values NER spans with the word that makes them approximate ("about 8 %", "around 99,000")
_MEASURED = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_APPROXIMATE = frozenset({"about", "roughly", "around", "approximately", "nearly", "almost"})


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


def mention_of(tok: Any, coref: Coref | None = None) -> Mention | None:
    """The entity a noun token names: its named-entity span, or the noun with its modifiers.

    Pronouns come back resolved through ``coref`` (or not at all).
    """
    if (tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT")) and not _short_form(
        tok
    ):
        low = tok.lower_
        if coref is not None:
            return coref.resolve(low, owner_of=tok.head.idx if tok.dep_ == "poss" else -1)
        return None
    doc = tok.doc
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
                return found
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 9) - 1, -1):
            title = _title_after(doc[j]) if doc[j].pos_ == "NOUN" else None
            if title is not None and title.start <= tok.idx < title.end:
                return (
                    title  # "... the 1956 movie It's Great to Be Young which was directed by ..."
                )
    if tok.pos_ == "NOUN" and (title := _title_after(tok)) is not None:
        if coref is not None:
            coref.note_class(tok.lemma_, title)
        return title
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
                )
    quoted = _quoted(doc).get(tok.i)
    if quoted is not None:  # a title in quotes is one name, whatever NER made of it
        m = _make(doc, quoted[0], quoted[1], tok.ent_type_ or "WORK_OF_ART", True)
        if m is not None:
            return m
    ent = _ent_span(tok)
    if ent is not None and tok.ent_type_ != "ORDINAL":
        start, end = ent.start, ent.end
        if tok.ent_type_ not in VALUE_LABELS:
            start, end = _extend_name(doc, start, end)
        end = _of_name_end(doc, end)
        heads = [t.i for t in doc[start:end] if t.lower_ in _INSTITUTIONS_OF]
        if heads:
            end = _and_name_end(doc, heads[0], end)
        if tok.ent_type_ == "DATE":  # "on 3rd October 1983": NER leaves the day out
            k = start - 1 if start > 0 and doc[start - 1].lower_ == "of" else start
            if k > 0 and (
                _ORDINAL.match(doc[k - 1].text)
                or doc[k - 1].text.isdigit()
                and len(doc[k - 1]) <= 2
            ):
                start = k - 1
        if (
            tok.ent_type_ == "GPE"
            and end + 1 < len(doc)
            and doc[end].text == ","
            and doc[end + 1].ent_type_ == "GPE"
            and doc[end + 1].ent_iob_ == "B"
        ):
            # "La Crosse, Wisconsin": a place disambiguated by its region is one name
            nxt = _ent_span(doc[end + 1])
            if (
                nxt is not None
                and nxt.root.dep_ == "appos"
                and ent.start <= nxt.root.head.i < ent.end
                and is_name_qualifier(nxt.text)  # "Geneva, Switzerland": Geneva, in Switzerland
            ):
                end = nxt.end
        commas = [t.i for t in doc[start:end] if t.text == ","]
        if (
            commas
            and tok.ent_type_ not in ("GPE", "LOC", "DATE", "TIME")
            and all(doc[c + 1].text[:1].isupper() for c in commas if c + 1 < end)
            and not any(doc[c + 1].text.endswith(".") for c in commas if c + 1 < end)
        ):
            # "Hekla, Katla" read as one name: the token names its own part of the list
            start = max([start, *(c + 1 for c in commas if c < tok.i)])
            end = min([end, *(c for c in commas if c > tok.i)])
        m = _make(doc, start, end, tok.ent_type_, True)
        if m is not None and m.kind_noun and coref is not None:
            coref.note_class(m.kind_noun, m)
        return m
    if tok.pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ", "SYM") and not tok.like_num:
        return None
    left = tok.i
    # "The Death on a Factory Farm": a capitalised noun inside a sentence is a name the tagger missed
    proper = tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN"
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and (not tok.is_sent_start or _title_span(doc, tok.i, tok.i + 1)[1] > tok.i + 1)
    )
    for child in tok.lefts:
        if child.dep_ not in _NP_MODS or child.dep_ == "poss":
            continue
        if (
            proper
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
    if proper:
        for child in tok.rights:
            if child.dep_ in ("compound", "flat", "nummod") and child.i == end:
                end = child.i + 1
        left, end = _extend_name(doc, left, end)
        end = _of_name_end(doc, end)
    m = _make(doc, left, end, "", proper)
    if m is not None and m.kind_noun and coref is not None:
        coref.note_class(m.kind_noun, m)
    if (
        m is not None
        and not proper
        and tok.pos_ == "NOUN"
        and coref is not None
        and coref.topic is not None
        and coref.topic.label not in VALUE_LABELS
        and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
            for c in tok.children
        )
    ):
        lemma = tok.lemma_.lower()
        m = dataclasses.replace(
            m, definite=True, unresolved=lemma in _CLASS_NOUNS or lemma in coref.classes
        )
    return m


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
    for years in _YEAR_RANGE.finditer(span.text):  # NER misses some: "Queen Anne (1702–1714)"
        for k in (1, 2):
            at = getattr(span, "start_char", 0) + years.start(k)  # a Span or a whole Doc
            if all(o.text != years.group(k) for o in out):
                out.append(Mention(years.group(k), at, at + 4, "DATE", True))
    for ent in span.ents:
        if ent.label_ not in NAMED_LABELS and not (
            ent.label_ in _VALUE_NODES and any(ch.isdigit() for ch in ent.text)
        ):
            continue
        if ent.label_ in ("DATE", "CARDINAL") and _YEAR_RANGE.search(ent.text):
            continue  # "(1907–1954)", "(r. 1485–1509)": its two years are dates of their own
        if ent.label_ == "CARDINAL" and _no_value(ent):
            continue
        heads = [ent.root]
        if ent.label_ not in ("GPE", "LOC", "DATE") and any(t.text == "," for t in ent):
            # "Hekla, Katla": each part of a comma list is a name ("Paris, France" stays one)
            heads = [t for t in ent if t.i > ent.start and t.nbor(-1).text == ","] + [ent.root]
        for head in heads:
            m = mention_of(head)
            if m is not None and _SEPARATOR.search(m.text):
                m = _segment(m, head.idx)
            if m is not None and all(m.text != o.text for o in out):
                out.append(m)
    out.extend(_chunk_candidates(span, out))
    return out


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
    try:
        chunks = list(span.noun_chunks)
    except (ValueError, NotImplementedError):  # no dependency parse
        return []
    taken = [(m.start, m.end) for m in named]
    out: list[Mention] = []
    for chunk in chunks:
        start = chunk.start
        while start < chunk.end and doc[start].pos_ in _CHUNK_OPENERS:
            start += 1
        if start >= chunk.end or chunk.root.pos_ in ("PRON", "PROPN"):
            continue
        a, b = doc[start].idx, chunk.end_char
        if any(x < b and a < y for x, y in taken):
            continue
        text = doc.text[a:b].strip()
        if len(text) > 2 and any(c.isalpha() for c in text):
            out.append(Mention(text, a, b, candidate=True))
    return out


#: a span of years written with a dash: the gold annotates each end as a date of its own
_YEAR_RANGE = re.compile(r"(?<!\d)(1\d{3}|20\d{2})\s*[\u2013\u2014-]\s*(1\d{3}|20\d{2})(?!\d)")

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
