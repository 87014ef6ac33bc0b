"""``rules``: the dependency-free rule-based extractor of the core.

It reads an answer the way a careful regex can: sentence by sentence for copulas ("X is a Y",
"X is the capital of Y"), fixed relation phrases ("located in", "founded by", "causes", ...),
membership and composition ("consists of A, B and C"), linguistic patterns (abbreviations in
parentheses, "also known as", "is defined as") and numeric/date attributes; and, when
``preserve_structure`` is on, the answer's markdown structure (numbered steps become a procedure,
bullets under a lead-in become its parts).  It knows no grammar, so it is precise on the patterns it
knows and silent elsewhere — the spaCy extractor (extra ``[spacy]``) goes further.

Entity types come from the name alone (dates, numbers, organisation suffixes, honorifics), never
from the sentence, so one name always gets one type and one id across answers.  Hedged sentences
("might", "possibly", "I think") get a lower confidence, and refusals are flagged as a signal so the
session can reject them with that reason.
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.base import (
    Extraction,
    ExtractionFailure,
    PipeEach,
    is_hedged,
    is_title_line,
    looks_like_refusal,
)
from grapheme_distill.extractors.predicates import canonical_predicate
from grapheme_distill.extractors.readers import injected_spans, read_document
from grapheme_distill.extractors.readers.procedures import unnamed_goal
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    EntityType,
    HierarchyEdge,
    HierarchyKind,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Procedure,
    Relation,
)

__all__ = ["RuleExtractor", "guess_entity_type", "strip_markup"]

_ALL = frozenset(KnowledgeType)
#: a sentence: runs of plain characters (possessive: a run never ends inside itself, which no
#: match could use, so the run is one step instead of one per character) and stops that do not
#: end it ("5.17", "e.g.x")
_SENT = re.compile(r"(?:[^.!?\n]++|[.!?](?=[^\s.!?]))+(?:[.!?]+(?=\s|$)|(?=\n)|$)")
_MARKUP = re.compile(r"(\*\*|__|\*|`|~~)")
_ORG = re.compile(
    r"\b(inc|corp|corporation|company|ltd|llc|gmbh|university|institute|society|association|"
    r"agency|bank|party|council|foundation|organi[sz]ation|group|ministry|committee)\b\.?$",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"^(mr|mrs|ms|dr|prof|sir|lady|lord|king|queen|saint|st|president)\.?\s", re.IGNORECASE
)
_YEAR = re.compile(r"^(?:in\s+)?(1[0-9]{3}|20[0-9]{2})$")
_DATE = re.compile(
    r"^(?:\d{1,2}\s+)?(january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:\s+\d{1,2})?,?\s+\d{3,4}$",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"^[-+]?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|million|billion|thousand))?$", re.IGNORECASE
)
_EVENT = re.compile(
    r"\b(war|revolution|battle|olympics|election|festival|summit|crisis)\b", re.IGNORECASE
)


def _kw(*words: str) -> frozenset[str]:
    """Keywords (single lower-case words) of a pattern: it is tried only when one of them occurs
    among the sentence's words — one C-speed word scan per sentence instead of a regex per pattern.
    The test is a prefilter, so it may let through sentences the pattern then rejects, never the
    reverse."""
    return frozenset(words)


_NP = r"(?P<{0}>[^,;:()]{{1,80}}?)"
_S, _O = _NP.format("s"), _NP.format("o")
_BE = r"(?:is|are|was|were|(?:might|may|could|must|can|will) be)"
_NOT = r"(?P<neg>\s+not|n't)?"

# (pattern, predicate, confidence).  Order matters: the first match in a sentence wins.
_RELATION_PATTERNS: list[tuple[re.Pattern[str], str, float, frozenset[str]]] = [
    (
        re.compile(
            rf"^{_S}\s+{_BE}{_NOT}\s+(?:located|situated|found)\s+in\s+{_O}$", re.IGNORECASE
        ),
        "located_in",
        0.9,
        _kw("located", "situated", "found"),
    ),
    (
        re.compile(
            rf"^{_S}\s+{_BE}{_NOT}\s+(?P<role>founded|created|written|invented|developed|designed|"
            rf"built|discovered|composed|painted|directed|established)\s+by\s+{_O}$",
            re.IGNORECASE,
        ),
        "created_by",
        0.9,
        _kw("by"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:works|worked)\s+(?:for|at)\s+{_O}$", re.IGNORECASE),
        "works_for",
        0.85,
        _kw("works", "worked"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:owns|owned)\s+{_O}$", re.IGNORECASE),
        "owns",
        0.85,
        _kw("owns", "owned"),
    ),
    (
        re.compile(
            rf"^{_S}\s+(?:causes|caused|leads to|led to|results in|resulted in)\s+{_O}$",
            re.IGNORECASE,
        ),
        "causes",
        0.85,
        _kw("causes", "caused", "leads", "led", "results", "resulted"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:came|comes|happened|occurred)\s+before\s+{_O}$", re.IGNORECASE),
        "before",
        0.8,
        _kw("before"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:came|comes|happened|occurred)\s+after\s+{_O}$", re.IGNORECASE),
        "after",
        0.8,
        _kw("after"),
    ),
    (
        re.compile(rf"^{_S}\s+{_BE}{_NOT}\s+(?:a |an )?part\s+of\s+{_O}$", re.IGNORECASE),
        "part_of",
        0.9,
        _kw("part"),
    ),
    (
        re.compile(
            rf"^{_S}\s+{_BE}{_NOT}\s+the\s+(?P<rel>[a-z][a-z ]{{1,30}}?)\s+of\s+{_O}$",
            re.IGNORECASE,
        ),
        "",
        0.85,
        _kw("the"),
    ),
    (
        re.compile(rf"^{_S}\s+{_BE}{_NOT}\s+(?:a|an)\s+{_O}$", re.IGNORECASE),
        "is_a",
        0.8,
        _kw("a", "an"),
    ),
    (
        re.compile(rf"^{_S}\s+(?:has|have|had)\s+(?:a |an )?{_O}$", re.IGNORECASE),
        "has_property",
        0.7,
        _kw("has", "have", "had"),
    ),
]
_HIERARCHY_PATTERNS: list[tuple[re.Pattern[str], HierarchyKind, bool, float, frozenset[str]]] = [
    # (pattern, kind, list-in-object, confidence); parent is group "p", children group "c"
    (
        re.compile(
            r"^(?:the\s+)?(?:main\s+|common\s+)?(?:types|kinds|forms|classes)\s+of\s+(?P<p>[^,;:()"
            r"]{1,60}?)\s+(?:include|are)\s+(?P<c>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.SUBCLASS_OF,
        True,
        0.85,
        _kw("types", "kinds", "forms", "classes"),
    ),
    (
        re.compile(
            r"^(?P<p>[^,;:()]{1,80}?)\s+(?:consists|consisted)\s+of\s+(?P<c>.+)$", re.IGNORECASE
        ),
        HierarchyKind.PART_OF,
        True,
        0.85,
        _kw("consists", "consisted"),
    ),
    (
        re.compile(
            r"^(?P<p>[^,;:()]{1,80}?)\s+(?:is|are|was|were)\s+(?:made up|composed)\s+of\s+(?P<c>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.PART_OF,
        True,
        0.85,
        _kw("made", "composed"),
    ),
    (
        re.compile(
            r"^(?P<p>[^,;:()]{1,80}?)\s+(?:contains|contain|included|includes|include)\s+(?P<c>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.CONTAINS,
        True,
        0.8,
        _kw("contains", "contain", "included", "includes", "include"),
    ),
    (
        re.compile(
            r"^(?P<c>[^,;:()]{1,80}?)\s+(?:is|are|was|were)\s+(?:a\s+)?members?\s+of\s+(?P<p>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.MEMBER_OF,
        False,
        0.9,
        _kw("member", "members"),
    ),
    (
        re.compile(
            r"^(?P<c>[^,;:()]{1,80}?)\s+(?:is|are|was|were)\s+(?:a\s+)?(?:part)\s+of\s+(?P<p>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.PART_OF,
        False,
        0.9,
        _kw("part"),
    ),
    (
        re.compile(
            r"^(?P<c>[^,;:()]{1,80}?)\s+(?:is|are)\s+(?:a\s+)?(?:type|kind|subclass|form)\s+of\s+(?P<p>.+)$",
            re.IGNORECASE,
        ),
        HierarchyKind.SUBCLASS_OF,
        False,
        0.9,
        _kw("type", "kind", "subclass", "form"),
    ),
]
_AKA = re.compile(
    r"^(?P<t>[^,;:()]{1,80}?),?\s+(?:also known as|also called|aka|a\.k\.a\.|otherwise known as|"
    r"commonly called)\s+(?P<v>[^,;()]{1,80})",
    re.IGNORECASE,
)
_DEFINE = re.compile(
    r"^(?P<t>[^,;:()]{1,80}?)\s+(?:is defined as|refers to|means|is the term for)\s+(?P<v>.{3,300})$",
    re.IGNORECASE,
)
_SYNONYM = re.compile(
    r"^(?P<t>[^,;:()]{1,80}?)\s+(?:is|are)\s+(?:a\s+)?synonym(?:ous)?\s+(?:of|with|for)\s+(?P<v>[^,;()]{1,80})$",
    re.IGNORECASE,
)
_LINGUISTIC_PATTERNS: list[tuple[re.Pattern[str], LinguisticKind, float, frozenset[str]]] = [
    (_AKA, LinguisticKind.ALIAS, 0.85, _kw("known", "called", "aka", "k")),
    (_SYNONYM, LinguisticKind.SYNONYM, 0.85, _kw("synonym", "synonymous")),
    (_DEFINE, LinguisticKind.DEFINITION, 0.8, _kw("defined", "refers", "means", "term")),
]
_WORDS = re.compile(r"[a-z]+")
_ABBREV = re.compile(
    r"(?P<t>(?:[A-Z][\w'-]*\s+){1,7}?(?:of\s+|and\s+|for\s+|the\s+)*(?:[A-Z][\w'-]*))\s+\((?P<a>[A-Z][A-Za-z0-9&.]{1,10})\)"
)
_ATTR = re.compile(
    r"^(?P<s>[^,;:()]{1,80}?)\s+(?:has|had)\s+(?:a|an)\s+(?P<a>[a-z][a-z ]{1,30}?)"
    r"\s+of\s+(?:about\s+|around\s+|approximately\s+|over\s+)?(?P<v>[-+]?\d[\d,]*(?:\.\d+)"
    r"?(?:\s*(?:%|percent|million|billion|thousand|km|kilometres|kilometers|miles|metres|meters|"
    r"kg|years))?)$",
    re.IGNORECASE,
)
_YEAR_EVENT = re.compile(
    r"^(?P<s>[^,;:()]{1,80}?)\s+(?:was|were)\s+(?P<a>founded|born|built|established|created|"
    r"invented|discovered|released|published|completed|opened)\b.*?\bin\s+(?P<v>(?:\d{1,2}\s+)"
    r"?(?:[A-Z][a-z]+\s+)?\d{3,4})\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\s*(?:step\s*)?(\d+)[.):]\s+(.+)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*•+]\s+(.+)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$")
_SEQUENCE = re.compile(
    r"^(first|firstly|to begin|start by|then|next|after that|afterwards|second|secondly|third|"
    r"thirdly|finally|lastly|last)\b[,:]?\s*",
    re.IGNORECASE,
)
_STRUCTURE_HINT = re.compile(
    r"^\s*(?:#|[-*•+]\s|\d+[.):]|step\s*\d)|:\s*$|\b(?:first|firstly|then|next|finally|lastly)\b",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|;\s*)")
_DIGIT = re.compile(r"\d")
_HTML_HIDDEN = re.compile(
    r"<(script|style|template|noscript)\b[^>]*>.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)|<[a-zA-Z/!][^<>]*>",
    re.DOTALL | re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    """Same length, newlines kept: spans into the original answer stay valid."""
    return re.sub(r"[^\n]", " ", match.group(0))


_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_JUNK = re.compile(r"[\s.,;:!?\"'”’)]+$")
_LEAD_IN = re.compile(
    r"^(?P<x>.{1,80}?)\s*(?:consists of|includes|contains|has|are|is made of|:)?\s*:$",
    re.IGNORECASE,
)
_PROMPT_GOAL = re.compile(
    r"^(?:how (?:do|can|should|would) (?:you|i|one|we)|how to|what are the steps (?:to|for)|"
    r"steps to|explain how to)\s+(?P<g>.+?)\??$",
    re.IGNORECASE,
)
_TOPIC_FROM_PROMPT = re.compile(
    r"(?:about|of|describe|explain|what is|who is|what are)\s+(?P<t>[^?.]{2,60})\??$", re.IGNORECASE
)


def strip_markup(text: str) -> str:
    """Drop markdown emphasis and code ticks, keep the words."""
    return _MARKUP.sub("", text)


def guess_entity_type(name: str) -> EntityType:
    """The type a name implies on its own (so one name always gets the same type)."""
    n = name.strip()
    if _YEAR.match(n) or _DATE.match(n):
        return EntityType.DATETIME
    if _NUMBER.match(n):
        return EntityType.NUMBER
    if _PERSON.match(n):
        return EntityType.PERSON
    if _ORG.search(n):
        return EntityType.ORGANIZATION
    if _EVENT.search(n) and n[:1].isupper():
        return EntityType.EVENT
    if n[:1].isupper():
        return EntityType.OTHER
    return EntityType.CONCEPT


def _clean(phrase: str) -> str:
    phrase = _TRAILING_JUNK.sub("", strip_markup(phrase).strip())
    return _LEADING_ARTICLE.sub("", phrase).strip()


def _split_list(text: str) -> list[str]:
    text = re.sub(
        r"^(?:the following|such as|including)\s*:?\s*", "", text.strip(), flags=re.IGNORECASE
    )
    parts = [_clean(p) for p in _LIST_SPLIT.split(text)]
    return [p for p in parts if p and len(p.split()) <= 8]


class RuleExtractor(PipeEach):
    """Regex and markdown rules; fast, dependency-free, precise on the patterns it knows."""

    name = "rules"
    version = "2"

    def __init__(self, max_phrase_words: int = 8, cache_size: int = 100_000) -> None:
        self.max_phrase_words = max_phrase_words
        self._entity_cache: dict[str, Entity | None] = {}
        self._cache_size = cache_size

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    def extract(
        self,
        text: str,
        *,
        prompt: str = "",
        types: frozenset[KnowledgeType] | None = None,
        preserve_structure: bool = True,
    ) -> Extraction:
        types = _ALL if types is None else types
        out = Extraction(extractor=self.id)
        if not text or not text.strip():
            out.failures.append(ExtractionFailure("empty answer", text))
            return out
        if "<" in text:  # HTML: scripts, styles, comments and tags are not the teacher's prose
            text = _HTML_HIDDEN.sub(_blank, text)
        if looks_like_refusal(text):
            out.signals["refusal"] = 1.0
            out.failures.append(
                ExtractionFailure("the teacher refused or did not know", text[:500])
            )
            return out
        if (
            preserve_structure
            and (KnowledgeType.PROCEDURAL in types or KnowledgeType.STRUCTURAL in types)
            and _STRUCTURE_HINT.search(text)
        ):
            self._structure(text, prompt, types, out)
        hedged = 0
        sentences = 0
        injected = injected_spans(text)
        for m in _SENT.finditer(text):
            raw = m.group(0)
            sentence = raw.strip()
            if (
                len(sentence) < 3
                or _NUMBERED.match(sentence)
                or _BULLET.match(sentence)
                or _HEADING.match(sentence)
            ):
                continue
            start = m.start() + (len(raw) - len(raw.lstrip()))
            if any(a < start + len(sentence) and start < b for a, b in injected):
                out.signals["injection_sentences"] = (
                    out.signals.get("injection_sentences", 0.0) + 1.0
                )
                continue  # an instruction addressed to the model is never a fact
            sentences += 1
            factor = 1.0
            if is_hedged(sentence):
                factor = 0.6
                hedged += 1
            self._sentence(
                strip_markup(sentence).rstrip(".!? "),
                (start, start + len(sentence)),
                factor,
                types,
                out,
            )
        if sentences:
            out.signals["hedged_fraction"] = hedged / sentences
        if preserve_structure:
            self._documented(text, prompt, types, out)
        _dedupe(out)
        return out

    def _documented(
        self, text: str, prompt: str, types: frozenset[KnowledgeType], out: Extraction
    ) -> None:
        """What the document readers read (key-value items, tables, lists under a lead-in, alias,
        abbreviation and definition forms), named the way this extractor names entities."""
        _, facts = read_document(text, prompt)
        for f in facts:
            subject = self._entity(out, f.subject.text)
            if subject is None:
                continue
            confidence = 0.8 * (0.6 if f.hedged else 1.0)
            if (
                f.kind == "linguistic"
                and f.linguistic is not None
                and KnowledgeType.LINGUISTIC in types
            ):
                out.add(
                    LinguisticItem(
                        entity=subject.id,
                        relation=f.linguistic,
                        value=f.value,
                        confidence=confidence,
                        span=f.span,
                    )
                )
                continue
            obj = self._entity(out, f.object.text) if f.object is not None else None
            if obj is None or obj.id == subject.id:
                continue
            if f.kind == "relation" and KnowledgeType.RELATIONAL in types:
                out.add(
                    Relation(
                        subject=subject.id,
                        predicate=f.predicate,
                        object=obj.id,
                        negated=f.negated,
                        confidence=confidence,
                        span=f.span,
                    )
                )
            elif (
                f.kind == "hierarchy"
                and f.hierarchy is not None
                and KnowledgeType.STRUCTURAL in types
            ):
                out.add(
                    HierarchyEdge(
                        parent=subject.id,
                        child=obj.id,
                        relation=f.hierarchy,
                        confidence=confidence,
                        span=f.span,
                    )
                )

    # ------------------------------------------------------------------ helpers
    def _entity(self, out: Extraction, phrase: str) -> Entity | None:
        # Entities depend on the phrase alone, and answers repeat names: cache them (bounded).
        try:
            entity = self._entity_cache[phrase]
        except KeyError:
            name = _clean(phrase)
            ok = (
                name
                and len(name.split()) <= self.max_phrase_words
                and any(ch.isalnum() for ch in name)
            )
            entity = Entity(name=name, type=guess_entity_type(name)) if ok else None
            if len(self._entity_cache) >= self._cache_size:
                self._entity_cache.clear()
            self._entity_cache[phrase] = entity
        return out.add_entity(entity) if entity is not None else None

    def _sentence(
        self,
        sentence: str,
        span: tuple[int, int],
        factor: float,
        types: frozenset[KnowledgeType],
        out: Extraction,
    ) -> None:
        # keyword prefilter: one overlapping scan finds every keyword; a pattern is tried only
        # when one of its keywords occurs
        present = set(_WORDS.findall(sentence.lower()))
        if KnowledgeType.LINGUISTIC in types:
            self._linguistic(sentence, present, span, factor, out)
        if "(" in sentence:
            sentence = _PARENTHETICAL.sub("", sentence)  # "(EU)" served the linguistic rules above
        if KnowledgeType.STRUCTURAL in types:
            for pat, kind, is_list, conf, keys in _HIERARCHY_PATTERNS:
                hm = pat.match(sentence) if keys & present else None
                if not hm:
                    continue
                parent = self._entity(out, hm.group("p"))
                children = _split_list(hm.group("c")) if is_list else [hm.group("c")]
                for child_name in children:
                    child = self._entity(out, child_name)
                    if parent and child and parent.id != child.id:
                        out.add(
                            HierarchyEdge(
                                parent=parent.id,
                                child=child.id,
                                relation=kind,
                                confidence=conf * factor,
                                span=span,
                            )
                        )
                break
        if KnowledgeType.FACTUAL in types:
            self._attributes(sentence, span, factor, out)
        if KnowledgeType.RELATIONAL in types:
            for pat, predicate, conf, keys in _RELATION_PATTERNS:
                rm = pat.match(sentence) if keys & present else None
                if not rm:
                    continue
                pred = predicate or (rm.group("rel").strip().replace(" ", "_") + "_of")
                qualifiers: dict[str, str] = {}
                if rm.groupdict().get("role"):
                    # "directed by" is not "written by": the role keeps its meaning, as in spacy
                    surface = rm.group("role").lower() + "_by"
                    pred = (canonical_predicate(surface) or (pred, False))[0]
                    qualifiers["source_predicate"] = surface
                negated = bool(rm.groupdict().get("neg"))
                objects = (
                    _split_list(rm.group("o"))
                    if predicate in ("is_a", "causes")
                    else [rm.group("o")]
                )
                subj = self._entity(out, rm.group("s"))
                for obj_name in objects:
                    obj = self._entity(out, obj_name)
                    if subj and obj and subj.id != obj.id:
                        out.add(
                            Relation(
                                subject=subj.id,
                                predicate=pred,
                                object=obj.id,
                                negated=negated,
                                confidence=conf * factor,
                                span=span,
                                qualifiers=qualifiers,
                            )
                        )
                break

    def _linguistic(
        self,
        sentence: str,
        present: set[str],
        span: tuple[int, int],
        factor: float,
        out: Extraction,
    ) -> None:
        for am in _ABBREV.finditer(sentence) if "(" in sentence else ():
            term, abbr = _clean(am.group("t")), am.group("a")
            initials = "".join(w[0] for w in term.split() if w[:1].isupper())
            if initials and abbr.replace(".", "").upper().startswith(initials[:1]):
                ent = self._entity(out, term)
                if ent:
                    out.add(
                        LinguisticItem(
                            entity=ent.id,
                            relation=LinguisticKind.ABBREVIATION,
                            value=abbr,
                            confidence=0.9 * factor,
                            span=span,
                        )
                    )
        for pat, kind, conf, keys in _LINGUISTIC_PATTERNS:
            lm = pat.match(sentence) if keys & present else None
            if lm:
                ent = self._entity(out, lm.group("t"))
                value = (
                    _clean(lm.group("v"))
                    if kind is not LinguisticKind.DEFINITION
                    else lm.group("v").strip()
                )
                if ent and value:
                    out.add(
                        LinguisticItem(
                            entity=ent.id,
                            relation=kind,
                            value=value,
                            confidence=conf * factor,
                            span=span,
                        )
                    )
                    if kind is LinguisticKind.ALIAS:
                        out.add_entity(ent.model_copy(update={"aliases": (*ent.aliases, value)}))
                break

    def _attributes(
        self, sentence: str, span: tuple[int, int], factor: float, out: Extraction
    ) -> None:
        if not _DIGIT.search(sentence):
            return
        am = _ATTR.match(sentence) if " of " in sentence else None
        if am:
            ent = self._entity(out, am.group("s"))
            if ent:
                out.add(
                    Attribute(
                        entity=ent.id,
                        name=am.group("a").strip(),
                        value=am.group("v").strip(),
                        datatype="number",
                        confidence=0.85 * factor,
                        span=span,
                    )
                )
        ym = _YEAR_EVENT.match(sentence) if " in " in sentence else None
        if ym:
            ent = self._entity(out, ym.group("s"))
            if ent:
                out.add(
                    Attribute(
                        entity=ent.id,
                        name=f"{ym.group('a').lower()}_date",
                        value=ym.group("v").strip(),
                        datatype="date",
                        confidence=0.85 * factor,
                        span=span,
                    )
                )

    def _structure(
        self, text: str, prompt: str, types: frozenset[KnowledgeType], out: Extraction
    ) -> None:
        """Numbered lists and first/then/finally prose → procedures; bullets under a heading or a
        lead-in line ending in ':' → the lead-in's parts."""
        goal = _goal_from_prompt(prompt)
        context: str | None = None
        steps: list[tuple[str, int, int]] = []
        bullets: list[tuple[str, int, int]] = []
        offset = 0

        def flush() -> None:
            nonlocal steps, bullets
            if steps and KnowledgeType.PROCEDURAL in types and len(steps) >= 2:
                g = goal or context or unnamed_goal(prompt, None, [s for s, _, _ in steps])
                ent = self._entity(out, g)
                out.add(
                    Procedure(
                        goal=_clean(g),
                        steps=tuple(s for s, _, _ in steps),
                        entity=ent.id if ent else None,
                        confidence=0.85,
                        span=(steps[0][1], steps[-1][2]),
                    )
                )
            if bullets and KnowledgeType.STRUCTURAL in types and context:
                parent = self._entity(out, context)
                for b, s, e in bullets:
                    head = re.split(r"\s*[:\u2013\u2014-]\s+|\s*\(", b, maxsplit=1)[0]
                    child = self._entity(out, head)
                    if parent and child and parent.id != child.id:
                        out.add(
                            HierarchyEdge(
                                parent=parent.id,
                                child=child.id,
                                relation=HierarchyKind.CONTAINS,
                                confidence=0.75,
                                span=(s, e),
                            )
                        )
            steps, bullets = [], []

        for line in text.splitlines(keepends=True):
            start, stripped = offset, line.strip()
            offset += len(line)
            end = start + len(line.rstrip("\n"))
            if not stripped:
                continue
            if hm := _HEADING.match(stripped):
                flush()
                heading = strip_markup(hm.group(1))
                context = _clean(heading)
                if heading_goal := _PROMPT_GOAL.match(heading):
                    goal = heading_goal.group("g")
                continue
            if nm := _NUMBERED.match(stripped):
                steps.append((_clean(nm.group(2)), start, end))
                continue
            if bm := _BULLET.match(stripped):
                bullets.append((strip_markup(bm.group(1)).strip(), start, end))
                continue
            flush()
            if stripped.endswith(":"):
                lead = _LEAD_IN.match(strip_markup(stripped))
                context = _clean(lead.group("x")) if lead else None
            elif is_title_line(strip_markup(stripped)):
                context = _clean(strip_markup(stripped))
            seq = [s for s in re.split(r"(?<=[.!?])\s+", stripped) if _SEQUENCE.match(s)]
            if len(seq) >= 2 and KnowledgeType.PROCEDURAL in types:
                g = goal or unnamed_goal(prompt, None, seq)
                ent = self._entity(out, g)
                out.add(
                    Procedure(
                        goal=_clean(g),
                        steps=tuple(_clean(_SEQUENCE.sub("", s)) for s in seq),
                        entity=ent.id if ent else None,
                        confidence=0.75,
                        span=(start, end),
                    )
                )
        flush()


def _dedupe(out: Extraction) -> None:
    """One item per id (a fact repeated in an answer is one fact), keeping the most confident,
    at the place it was first read."""
    best: dict[str, Any] = {}
    for item in out.items:
        if item.id not in best or item.confidence > best[item.id].confidence:
            best[item.id] = item
    if len(best) != len(out.items):
        order = list(dict.fromkeys(item.id for item in out.items))
        out.items[:] = [best[i] for i in order]


def _goal_from_prompt(prompt: str) -> str | None:
    p = strip_markup(prompt).strip()
    m = _PROMPT_GOAL.match(p)
    if m:
        return m.group("g")
    m = _TOPIC_FROM_PROMPT.search(p)
    return m.group("t") if m else None
