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

Four modules, one job each (split at 762 lines): this one walks the answer (HTML, refusals,
injected instructions, sentences, hedges) and decides what a sentence's match yields;
:mod:`.rules_patterns` holds the sentence patterns, :mod:`.rules_structure` reads the markdown
structure (steps, bullets under a lead-in), and :mod:`.rules_names` names and types entities
(:func:`guess_entity_type` and :func:`strip_markup` are re-exported here, where callers import
them from).
"""

from __future__ import annotations

import re
from typing import Any

from grapheme_distill.extractors.base import (
    Extraction,
    ExtractionFailure,
    PipeEach,
    is_hedged,
    looks_like_refusal,
)
from grapheme_distill.extractors.predicates import canonical_predicate
from grapheme_distill.extractors.readers import injected_spans, read_document
from grapheme_distill.extractors.rules_names import (
    clean_phrase,
    guess_entity_type,
    split_list,
    strip_markup,
)
from grapheme_distill.extractors.rules_patterns import (
    ABBREVIATION,
    ATTRIBUTE,
    DIGIT,
    HIERARCHY_PATTERNS,
    LINGUISTIC_PATTERNS,
    PARENTHETICAL,
    RELATION_PATTERNS,
    WORDS,
    YEAR_EVENT,
)
from grapheme_distill.extractors.rules_structure import (
    BULLET,
    HEADING,
    NUMBERED,
    STRUCTURE_HINT,
    read_structure,
)
from grapheme_distill.model.knowledge import (
    Attribute,
    Entity,
    HierarchyEdge,
    KnowledgeType,
    LinguisticItem,
    LinguisticKind,
    Relation,
)

__all__ = ["RuleExtractor", "guess_entity_type", "strip_markup"]

_ALL = frozenset(KnowledgeType)
#: a sentence: runs of plain characters (possessive: a run never ends inside itself, which no
#: match could use, so the run is one step instead of one per character) and stops that do not
#: end it ("5.17", "e.g.x")
_SENT = re.compile(r"(?:[^.!?\n]++|[.!?](?=[^\s.!?]))+(?:[.!?]+(?=\s|$)|(?=\n)|$)")
_HTML_HIDDEN = re.compile(
    r"<(script|style|template|noscript)\b[^>]*>.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)|<[a-zA-Z/!][^<>]*>",
    re.DOTALL | re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    """Same length, newlines kept: spans into the original answer stay valid."""
    return re.sub(r"[^\n]", " ", match.group(0))


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
            and STRUCTURE_HINT.search(text)
        ):
            read_structure(text, prompt, types, out, self._entity)
        hedged = 0
        sentences = 0
        injected = injected_spans(text)
        for m in _SENT.finditer(text):
            raw = m.group(0)
            sentence = raw.strip()
            if (
                len(sentence) < 3
                or NUMBERED.match(sentence)
                or BULLET.match(sentence)
                or HEADING.match(sentence)
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
            name = clean_phrase(phrase)
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
        present = set(WORDS.findall(sentence.lower()))
        if KnowledgeType.LINGUISTIC in types:
            self._linguistic(sentence, present, span, factor, out)
        if "(" in sentence:
            sentence = PARENTHETICAL.sub("", sentence)  # "(EU)" served the linguistic rules above
        if KnowledgeType.STRUCTURAL in types:
            for pat, kind, is_list, conf, keys in HIERARCHY_PATTERNS:
                hm = pat.match(sentence) if keys & present else None
                if not hm:
                    continue
                parent = self._entity(out, hm.group("p"))
                children = split_list(hm.group("c")) if is_list else [hm.group("c")]
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
            for pat, predicate, conf, keys in RELATION_PATTERNS:
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
                    split_list(rm.group("o"))
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
        for am in ABBREVIATION.finditer(sentence) if "(" in sentence else ():
            term, abbr = clean_phrase(am.group("t")), am.group("a")
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
        for pat, kind, conf, keys in LINGUISTIC_PATTERNS:
            lm = pat.match(sentence) if keys & present else None
            if lm:
                ent = self._entity(out, lm.group("t"))
                value = (
                    clean_phrase(lm.group("v"))
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
        if not DIGIT.search(sentence):
            return
        am = ATTRIBUTE.match(sentence) if " of " in sentence else None
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
        ym = YEAR_EVENT.match(sentence) if " in " in sentence else None
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
