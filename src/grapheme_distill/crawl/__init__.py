"""Crawl what a teacher knows: recursive elicitation from seed entities (GPTKB-style).

For each entity on the frontier every teacher is asked, with a versioned prompt template
(:mod:`.prompts`), for what it knows about that entity as JSON in the five knowledge types; the
answer is read with the LLM extractor's own rules (:mod:`.reader`) and stored through the
pipeline's ingester; the named things it mentions that are worth asking about join the frontier
after resolution against the store (:mod:`.frontier`).  Frontier, visited set, budget and per-run
metrics live in the store, so a killed crawl continues where it stopped and asks nothing twice
(:mod:`.runner`).  Several teachers crawl one frontier and their disagreements are flagged
(:mod:`.agreement`); two crawls are compared for reproducibility by :mod:`.compare`.
See docs/crawl.md.
"""

from grapheme_distill.crawl.compare import CrawlComparison, compare_stores
from grapheme_distill.crawl.runner import CrawlSummary, acrawl, crawl

__all__ = ["CrawlComparison", "CrawlSummary", "acrawl", "compare_stores", "crawl"]
