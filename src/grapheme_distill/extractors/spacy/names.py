"""Names: how a token of the parse becomes a :class:`~.mentions.Mention` — the NER span extended
over "of (the) X" and "City, Region", quoted and capitalised titles, a class noun kept apart
("the asteroid 1147 Stavropolis"), coordinated lists split, pronouns and definite descriptions
resolved through :class:`~.mentions.Coref`.  Split out of :mod:`.clauses` (behaviour unchanged).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from grapheme_distill.extractors.spacy.mentions import (  # noqa: F401
    _CLASS_NOUNS,
    _CLASSIFIERS,
    _EDGE_POS,
    _KIND_NOUNS,
    _LIST_SPLIT,
    _NAMING_VERBS,
    _NP_MODS,
    _PLACE_NOUNS,
    _SKIP_LEFT,
    _SKIP_NAMES,
    _TRAILING_CLASSES,
    _WH,
    _WORK_NOUNS,
    Coref,
    Mention,
)
from grapheme_distill.extractors.spacy.qualifiers import described_noun, is_name_qualifier

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


#: NER labels of values (dates, numbers, amounts), never names
VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_JOINERS = frozenset({"-", "\u2013", "\u2014", "/"})


def _name_part(tok: Any) -> bool:
    """A token that can be part of a proper name: capitalised proper noun, or an ordinal ("11th")."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper()) or bool(_ORDINAL.match(tok.text))


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


# small words a title keeps lowercase between its capitalised words ("Death on a Factory Farm",
# "It's Great to Be Young"); "and", "in", "at", "with" are left out on purpose: they join two names
# or a name and a place far more often than they sit inside a title
_TITLE_GLUE = frozenset({"on", "a", "an", "the", "to", "of", "'s", "upon", "without", ":"})


def _title_word(tok: Any) -> bool:
    return (tok.text[:1].isupper() or tok.text.isdigit()) and tok.pos_ not in ("PUNCT", "SYM")


_ROUTE = frozenset({"GPE", "LOC"})


def _title_span(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Widen a name over Title Case words joined by small words: "Death on a Factory Farm" (the
    parse and NER stop at "Death"), "Expect a Miracle".  Only a run that ends in a capitalised
    word counts, and never past the sentence."""
    sent_end = doc[end - 1].sent.end
    while (
        end < sent_end
        and doc[end].text.isdigit()
        and doc[end].ent_type_ not in ("DATE", "TIME")
        and not doc[end - 1].text.isdigit()
    ):
        end += 1  # "Apollo 14", "Volume 1"
    while end < sent_end:
        j = end
        while j < sent_end and doc[j].lower_ in _TITLE_GLUE and not doc[j].text[:1].isupper():
            j += 1
        if (
            j == end
            and _title_word(doc[j])
            and doc[j].ent_iob_ != "B"
            and doc[j].pos_ != "NUM"
            and not doc[j - 1].is_punct
        ):
            end += (
                1  # "English Without Tears": a capitalised word right after the name is more of it
            )
            continue
        if j == end or j >= sent_end or not _title_word(doc[j]) or doc[j].ent_type_ in VALUE_LABELS:
            break
        if doc[end].text == ":" and doc[end - 1].whitespace_:
            break
        if (
            doc[end - 1].ent_type_ in _ROUTE
            and doc[j].ent_type_ in _ROUTE
            and doc[j].ent_iob_ == "B"
        ):
            break  # "from Genoa to France": two places, not one title
        end = j
        while end < sent_end and _title_word(doc[end]):
            end += 1
    sent_start = doc[start].sent.start
    while start > sent_start:
        k = start - 1
        while k >= sent_start and doc[k].lower_ in _TITLE_GLUE and not doc[k].text[:1].isupper():
            k -= 1
        if (
            k == start - 1
            or k < sent_start
            or not _title_word(doc[k])
            or doc[k].ent_type_ in VALUE_LABELS
            or doc[k].pos_ == "DET"
            or doc[k].tag_ in ("VBN", "VBG")
        ):
            break  # (a fronted participle is not a title: "Located on the Seine")
        # "Expect a Miracle", "Year of No Light", "Andy Warhol's Velvet Underground Featuring Nico"
        start = k
        while (
            start > sent_start
            and _title_word(doc[start - 1])
            and doc[start - 1].pos_ != "DET"
            and doc[start - 1].ent_type_ not in VALUE_LABELS
        ):
            start -= 1
    return start, end


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


def _make(doc: Any, start: int, end: int, label: str, proper: bool) -> Mention | None:
    while start < end and (
        doc[start].dep_ in _SKIP_LEFT
        and not (doc[start].dep_ == "poss" and doc[start].pos_ in ("PROPN", "NOUN"))
        or doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_punct
        or doc[start].is_space
    ):
        start += 1  # (a possessor that is a name is kept: "Hypermarcas's revenue" is Hypermarcas's)
    while end > start and (
        (doc[end - 1].is_punct or doc[end - 1].is_space)
        and doc[end - 1].text not in ")\"'"
        or doc[end - 1].pos_ in _EDGE_POS
    ):
        end -= 1
    if start >= end:
        return None
    while end - start > 1 and doc[end - 1].tag_ == "POS":  # "Spartak Moscow's"
        end -= 1
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
    if not text or low in _SKIP_NAMES or not any(ch.isalnum() for ch in text) or len(text) > 120:
        return None
    if len(span) == 1 and (
        span[0].is_stop or span[0].pos_ in ("PRON", "DET", "ADP", "CCONJ", "PART")
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


def mention_of(tok: Any, coref: Coref | None = None) -> Mention | None:
    """The entity a noun token names: its named-entity span, or the noun with its modifiers.

    Pronouns come back resolved through ``coref`` (or not at all).
    """
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT"):
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


_QUOTED = re.compile(r"[\"“]([A-Z0-9][^\"“”\n]{0,78}?)[\"”]|‘([A-Z0-9][^‘’\n]{0,78}?)’(?!\w)")


def _quoted(doc: Any) -> dict[int, tuple[int, int]]:
    """Token index → (start, end) of the quoted capitalised title it is in (cached on the doc)."""
    cached: dict[int, tuple[int, int]] | None = doc.user_data.get("grapheme_distill.quoted")
    if cached is not None:
        return cached
    found: dict[int, tuple[int, int]] = {}
    if '"' in doc.text or "“" in doc.text or "‘" in doc.text:
        for m in _QUOTED.finditer(doc.text):
            g = 1 if m.group(1) is not None else 2
            span = doc.char_span(m.start(g), m.end(g), alignment_mode="contract")
            if span is not None and 0 < len(span) <= 12:
                for t in span:
                    found[t.i] = (span.start, span.end)
    doc.user_data["grapheme_distill.quoted"] = found
    return found


# more small words a title after a work noun may hold ("the album Let it Breed", "This'll Be My Year")
_TITLE_SMALL = frozenset(
    {
        "it",
        "me",
        "my",
        "you",
        "your",
        "be",
        "up",
        "off",
        "out",
        "'ll",
        "’ll",
        "'s",
        "’s",
        "n't",
        "'re",
        "'ve",
        "'d",
    }
)
_TITLE_WORDS_AFTER_NOUN = _TITLE_GLUE | _TITLE_SMALL
_WORK_TITLED = frozenset(
    {
        "film",
        "movie",
        "album",
        "song",
        "single",
        "book",
        "novel",
        "series",
        "show",
        "ep",
        "record",
        "programme",
        "program",
        "game",
        "play",
        "opera",
        "poem",
    }
)


def _title_after(tok: Any) -> Mention | None:
    """ "the 1956 movie It's Great to Be Young", "the album Turn Me On": a work noun right before a
    Title Case run names that work, whatever the parser made of the words (a pronoun, a verb).
    Cached on the doc: every capitalised word asks it of the nouns before it."""
    cache: dict[int, Mention | None] = tok.doc.user_data.setdefault(
        "grapheme_distill.title_after", {}
    )
    if tok.i not in cache:
        cache[tok.i] = _title_after_uncached(tok)
    return cache[tok.i]


def _title_after_uncached(tok: Any) -> Mention | None:
    doc = tok.doc
    if tok.lemma_.lower() not in _WORK_TITLED or tok.i + 1 >= len(doc):
        return None
    i = tok.i + 1
    if doc[i].is_quote:
        return None  # quoted titles are read by _quoted
    if doc[i].lower_ == "the" and i + 1 < len(doc):
        i += 1  # "the album The Quine Tapes": the article is not kept in names
    if (
        not doc[i].text[:1].isupper()
        or doc[i].pos_ in ("PROPN", "NUM")
        and doc[i].ent_type_ not in ("", "PERSON")
    ):
        return None  # (a proper noun run is found by the name readings)
    end, last_cap = i, i
    while (
        end < len(doc)
        and doc[end].sent == tok.sent
        and (
            doc[end].text[:1].isupper()
            or doc[end].lower_ in _TITLE_WORDS_AFTER_NOUN
            or doc[end].text.isdigit()
        )
    ):
        if doc[end].text[:1].isupper() or doc[end].text.isdigit():
            last_cap = end
        end += 1
    if last_cap == i and doc[i].pos_ == "PROPN":
        return None
    span = doc[i : last_cap + 1]
    if (
        len(span) < 2
        or any(t.pos_ == "PROPN" for t in span)
        and all(t.pos_ == "PROPN" for t in span)
    ):
        return None
    return Mention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        label="WORK_OF_ART",
        proper=True,
        kind_noun=tok.lower_,
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


def _split_list(tok: Any, coref: Coref | None) -> list[Mention]:
    """``tok`` and its conjuncts; a mis-parsed list ("solar, wind and hydro power") is split on its
    text instead."""
    if tok.pos_ == "NOUN" and (
        names := [
            c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i <= tok.i + 3
        ]
    ):
        tok = names[0]  # "the film English Without Tears"
    address = _address(tok)
    if address is not None:
        return [address]
    ent = _ent_span(tok)
    conj = [
        c
        for c in tok.conjuncts
        if c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "X")
        and not (ent is not None and ent.start <= c.i < ent.end)
    ]  # "George Allen and Unwin"
    mentions: list[Mention] = []
    if conj:
        for t in (tok, *conj):
            m = mention_of(t, coref)
            if m:
                mentions.append(m)
        return mentions
    first = mention_of(tok, coref)
    sub = list(tok.subtree)
    has_list = any(t.dep_ == "cc" or (t.text == "," and t.i > tok.left_edge.i) for t in sub)
    if has_list and not (first and first.label) and len(sub) <= 40:
        doc = tok.doc
        left = tok.left_edge.i
        right = tok.i + 1
        text = doc[left:right].text
        base = doc[left].idx
        pos = 0
        for part in _LIST_SPLIT.split(text):
            idx = text.find(part, pos)
            if idx < 0 or not part.strip():
                continue
            pos = idx + len(part)
            m = phrase_mention(doc, base + idx, base + idx + len(part))
            if m and len(m.text.split()) <= 8:
                mentions.append(m)
        if len(mentions) >= 2:
            return mentions
        mentions = []
    return [first] if first else []


_STREET = re.compile(
    r"\b(?:Road|Street|St\.|Avenue|Ave\.|Way|Lane|Drive|Boulevard|Blvd\.|Square|Place)\b"
    r"|\b\d{5,6}\b"
)


def _address(tok: Any) -> Mention | None:
    """A comma list that holds a street or a postcode is one address, not a list of places:
    "Soldevanahalli, Acharya Dr. Sarvapalli Radhakrishnan Road, Hessarghatta Main Road,
    Bangalore – 560090"."""
    sub = list(tok.subtree)
    if sum(t.text == "," for t in sub) < 2 or len(sub) > 40:
        return None
    doc = tok.doc
    span = doc[sub[0].i : sub[-1].i + 1]
    if not _STREET.search(span.text):
        return None
    return _make(doc, span.start, span.end, "FAC", True)


def _resolve_np(tok: Any) -> Any:
    """Follow an apposition, a copula's attribute or a bracketed abbreviation ("the European Union
    (EU)") to the thing actually talked about."""
    for _ in range(3):
        doc = tok.doc
        if (
            0 < tok.i < len(doc) - 1
            and doc[tok.i - 1].text == "("
            and doc[tok.i + 1].text == ")"
            and tok.i >= 2
            and doc[tok.i - 2].pos_ in ("PROPN", "NOUN")
        ):
            tok = doc[tok.i - 2]
        elif tok.dep_ == "appos" and tok.pos_ in ("NOUN",) and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        elif tok.pos_ == "NOUN" and (
            names := [
                c
                for c in tok.children
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i <= tok.i + 3
            ]
        ):
            tok = names[0]  # "the asteroid 1147 Stavropolis, discovered by ..."
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subs = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subs:
                break
            tok = subs[0]
        else:
            break
    return tok


def _is_passive(verb: Any) -> bool:
    for child in verb.children:
        if child.dep_ in ("auxpass", "nsubjpass"):
            return True
    if verb.tag_ == "VBN":
        if verb.dep_ == "ROOT":  # a participle fragment: "Founded by the Parisii"
            return not any(c.dep_ in ("aux", "nsubj", "dobj") for c in verb.children)
        if verb.dep_ in ("acl", "advcl", "relcl"):
            return not any(c.dep_ == "aux" for c in verb.children)
        if verb.dep_ == "conj":
            return _is_passive(verb.head) and not any(
                c.dep_ in ("aux", "nsubj") for c in verb.children
            )
    return False


def _subjects(
    verb: Any, default: Mention | None, coref: Coref | None, depth: int = 0
) -> list[Mention]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            tok = child
            if (
                len(subj) > 1
                and tok.pos_ == "NOUN"
                and subj[1].pos_ == "PROPN"
                and subj[1].left_edge.i == tok.i + 1
            ):
                tok = subj[1]  # "The production team Stargate is ...": the parse made both subjects
            if tok.lower_ in _WH and verb.dep_ == "relcl":
                tok = _resolve_np(verb.head)
            elif tok.dep_ == "nsubj" and tok.lower_ in _WH:
                return []
            tok = _resolve_np(tok)
            return _split_list(tok, coref)
        if child.dep_ == "expl":
            return []
        if child.dep_ == "csubj":
            title = _title_clause(child)
            return [title] if title is not None else []
    if (
        verb.dep_ in ("relcl", "acl")
        and verb.head.dep_ == "attr"
        and verb.head.pos_ == "NOUN"
        and verb.head.head.lemma_ == "be"
        and depth < 4
    ):
        # "X is a 35.1 minute long album produced by Y": Y produced X
        return _subjects(verb.head.head, default, coref, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        head = verb.head
        described = described_noun(verb)
        if described is not None and described.dep_ == "attr" and depth < 4:
            return _subjects(described.head, default, coref, depth + 1)
        if described is not None and described.dep_ == "appos":
            head = described.head
        if head.dep_ == "conj" and head.pos_ == "NOUN" and head.head.dep_ == "appos":
            head = head.head  # "X, a singer and musician born in Boston"
        if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ in ("PROPN", "NOUN"):
            head = head.head  # "X, a citizen residing in Y": the apposition describes X
        return _split_list(_resolve_np(head), coref)
    if verb.dep_ in ("conj", "xcomp", "advcl") and depth < 4 and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, default, coref, depth + 1)
    if default is not None and verb.dep_ in ("ROOT", "conj") and depth == 0:
        return [default]
    return []


def _title_clause(tok: Any) -> Mention | None:
    """A clausal subject written in Title Case is a title the parser read as a clause: "Turn Me
    On is a 35.1 minute long album"."""
    words = list(tok.subtree)
    if len(words) < 2 or not all(t.text[:1].isupper() or t.is_punct for t in words):
        return None
    span = tok.doc[words[0].i : words[-1].i + 1]  # not _make: a title may end in "On" or "Me"
    return Mention(
        text=span.text, start=span.start_char, end=span.end_char, label="WORK_OF_ART", proper=True
    )


def _neg(tok: Any) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children)


def _noun_phrase_label(tok: Any) -> str:
    """'doctoral advisor', 'capital', 'production team': the relational noun with its modifiers."""
    words = [
        c.lower_
        for c in tok.lefts
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i == tok.i - 1
        or (c.dep_ in ("compound", "amod") and c.i >= tok.i - 3 and not c.ent_type_)
    ]
    return "_".join([*words, tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_])


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


# works whose kind is told by the words in front of the noun: "a pop rock song", "a punk blues album"
_STYLED_WORKS = frozenset(
    {"song", "single", "album", "ep", "record", "band", "group", "film", "movie", "novel"}
)
_NOT_STYLES = frozenset(
    {
        "debut",
        "first",
        "second",
        "third",
        "last",
        "new",
        "famous",
        "popular",
        "studio",
        "live",
        "compilation",
        "self",
        "produced",
        "solo",
        "hit",
        "feature",
        "short",
        "animated",
        "full",
        "length",
        "original",
        "american",
        "british",
        "english",
    }
)


def _style_of(noun: Any) -> Mention | None:
    """The genre words in front of a work noun: "a pop rock song" -> "pop rock", "an instrumental
    music album" -> "instrumental music"; None when they are not plain words (numbers, names,
    "debut", "compilation")."""
    if noun.lemma_.lower() not in _STYLED_WORKS:
        return None
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    words = noun.doc[start : noun.i]
    if any(
        not t.is_alpha
        and t.text != "-"
        or t.text[:1].isupper()
        or t.lower_ in _NOT_STYLES
        or t.pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT")
        for t in words
    ):
        return None
    return _make(noun.doc, start, noun.i, "", False)


def _quantity(unit: Any) -> Mention | None:
    """The quantity a unit noun closes: "17068.8 millimetres" from its number modifiers."""
    start = min(c.left_edge.i for c in unit.children if c.dep_ == "nummod")
    return _make(unit.doc, start, unit.i + 1, "QUANTITY", False)


def _count_label(noun: Any, num: Any) -> str:
    """ "16,800 undergraduate students" -> number_of_undergraduate_students (the words between the
    number and the noun belong to what is counted)."""
    words = [c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i > num.i]
    return "number_of_" + "_".join([*words, noun.lower_])


def _owned_object(tok: Any, coref: Coref | None) -> list[Mention]:
    """ "played for FC Spartak Moscow's youth team": an object that is a common noun owned by a
    name stands for that name, the noun naming the role (kind noun "youth team"); a bare "youth team"
    node would be shared by every club's youth team.  Empty when the object is not of that shape."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or any(c.dep_ == "det" for c in tok.children):
        return []
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    owner = mention_of(owners[0], coref) if owners else None
    if owner is None or not owner.proper:
        return []
    kind = _noun_phrase_label(tok).replace("_", " ")
    return [dataclasses.replace(owner, kind_noun=kind)]


def _owner_of_part(tok: Any, coref: Coref | None) -> Mention | None:
    """The named thing a common noun is a part of: "the runway at/of X" -> X; "X ... with a runway
    that ..." -> X (the subject of the clause the "with" hangs on)."""
    of = _of_object(tok, also_for=True)
    if of is not None:
        m = mention_of(of, coref)
        return m if m is not None and (m.proper or m.label) else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(tok.head.head, None, coref)
        if len(subjects) == 1 and (subjects[0].proper or subjects[0].label):
            return subjects[0]
    return None


def _is_valueish(m: Mention) -> bool:
    return m.label in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT") or (
        bool(m.text) and m.text[0].isdigit()
    )


def _span(*mentions: Mention, tok: Any = None) -> tuple[int, int]:
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    if tok is not None:
        starts.append(tok.idx)
        ends.append(tok.idx + len(tok.text))
    return (min(starts), max(ends))
