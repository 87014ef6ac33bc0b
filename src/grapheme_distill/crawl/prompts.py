"""Versioned crawl prompts: what the teacher is asked about one entity.

A template is package data (``crawl/prompts/entity.v<N>.txt``, ``[system]`` and ``[user]``
sections, an ``{entity}`` placeholder).  Its whole-file hash is recorded with every call, so an
edited template can never pass for the old one.  The answer is asked for as JSON by the schema of
the LLM extractor (:func:`~grapheme_distill.extractors.llm.response_format`), so the crawl reads
answers with the extractor's own validation and repair (:mod:`.reader`).
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from grapheme_distill.errors import InputError
from grapheme_distill.extractors.llm import response_format
from grapheme_distill.model.hashing import content_hash
from grapheme_distill.teachers.base import Message, TeacherRequest
from grapheme_distill.topics import render_sections, template_sections

__all__ = ["SAMPLE_TEMPERATURE", "CrawlTemplate", "load_crawl_template"]

#: temperature of the k samples of ``--samples k`` (k = 1 asks greedily, at 0)
SAMPLE_TEMPERATURE = 0.7
_FIRST = ("relations", "hierarchy", "attributes")


@functools.cache
def bounded_format(max_items: int | None) -> dict[str, Any]:
    """The extractor's ``response_format`` with at most ``max_items`` per list (None: as it is).

    Why: a crawl answer is open-ended ("what do you know"), and a small model fills lists until
    ``max_tokens`` or loops inside one; with ``maxItems`` in the schema, a grammar-constrained
    teacher (the embedded one) cannot, so an answer ends as complete JSON within a known budget.
    Built once per bound (shared: never mutate it).
    """
    base = response_format()
    if max_items is None:
        return base
    fmt = copy.deepcopy(base)
    schema = fmt["json_schema"]["schema"]
    # what an entity is linked to first: a grammar writes keys in schema order, and a small model
    # that has listed only the entity itself then closes the relations list at once
    props = schema.get("properties", {})
    schema["properties"] = {k: props[k] for k in (*_FIRST, *props) if k in props}
    schema["required"] = list(schema["properties"])  # every key, in this order (else a grammar
    # lets the model skip straight to "entities")
    for prop in schema["properties"].values():
        if prop.get("type") == "array":
            prop["maxItems"] = max_items
    for definition in schema.get("$defs", {}).values():
        for name, prop in definition.get("properties", {}).items():
            if prop.get("type") == "array" and name in ("aliases", "steps"):
                prop["maxItems"] = min(max_items, 3) if name == "aliases" else max_items
    return fmt


@dataclass(frozen=True)
class CrawlTemplate:
    """One versioned crawl prompt (``entity.v1``)."""

    name: str
    text: str

    @cached_property
    def hash(self) -> str:
        return content_hash("prompt_template", self.text)

    @cached_property
    def _sections(self) -> dict[str, str]:
        return template_sections(self.name, self.text, "{entity}")

    def render(self, entity: str) -> tuple[Message, ...]:
        return render_sections(self._sections, "{entity}", entity)

    def request(
        self,
        entity: str,
        *,
        model: str | None,
        max_tokens: int,
        sample: int,
        samples: int,
        max_items: int | None = None,
    ) -> TeacherRequest:
        """The request for sample ``sample`` of ``samples`` about ``entity``.

        One sample is greedy (temperature 0); k samples are asked at :data:`SAMPLE_TEMPERATURE`
        with seeds 0..k-1, so each is its own reproducible request (its own hash: a resumed
        crawl finds each sample's recorded answer) and how many samples agree on an item is a
        confidence signal (each sample is its own noisy-or source).
        """
        sampled = samples > 1
        return TeacherRequest(
            messages=self.render(entity),
            model=model,
            max_tokens=max_tokens,
            temperature=SAMPLE_TEMPERATURE if sampled else 0.0,
            seed=sample if sampled else 0,
            response_format=bounded_format(max_items),
            metadata={
                "template": self.name,
                "template_hash": self.hash,
                "entity": entity,
                "sample": sample,
            },
        )


def load_crawl_template(version: str = "v1") -> CrawlTemplate:
    """The shipped crawl template of ``version``."""
    name = f"entity.{version}"
    res = resources.files("grapheme_distill.crawl").joinpath("prompts", f"{name}.txt")
    if not res.is_file():
        raise InputError(f"crawl/prompts/{name}.txt", None, f"no shipped crawl template {name}")
    template = CrawlTemplate(name, res.read_text(encoding="utf-8"))
    template.render("x")  # validate now, naming the file
    return template
