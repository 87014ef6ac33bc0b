"""One decoding step's distribution: log-probabilities, top-k and sampling from raw logits, and
llama.cpp's grammar mask for answers that must be JSON of a schema.

Why here and not llama-cpp-python's sampler: the reported per-token logprobs and top-k
alternatives must be exactly the distribution the token was drawn from (soft targets need it), so
the token is sampled from the same numbers that are reported (see the package docstring).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["FloatArray", "Grammar", "Step", "next_token_logprobs"]

FloatArray = NDArray[np.float64]


def next_token_logprobs(logits: NDArray[Any]) -> FloatArray:
    """Log-softmax of one row of raw logits (float64, max subtracted first for stability)."""
    z = np.asarray(logits, dtype=np.float64)
    z = z - np.max(z)
    return z - np.log(np.sum(np.exp(z)))  # type: ignore[no-any-return]


class Step:
    """One decoding step's distribution, computed lazily from the raw float32 logits row.

    Per step only what is needed is computed: the log-normaliser (one ``exp`` pass), the argmax
    for greedy decoding, and the top-k via a threshold pre-filter instead of a full sort of a
    262k-entry vocabulary; that keeps the teacher within a few percent of bare llama.cpp speed.
    """

    __slots__ = ("row", "peak", "lse")

    def __init__(self, row: NDArray[np.float32]) -> None:
        self.row = row
        self.peak = float(row.max())
        self.lse = self.peak + float(np.log(np.exp(row - self.peak).sum(dtype=np.float64)))

    def logprob(self, token: int) -> float:
        return float(self.row[token]) - self.lse

    def top(self, k: int) -> list[int]:
        """Ids of the k most probable tokens, most probable first."""
        k = min(k, self.row.shape[0])
        for margin in (8.0, 16.0):
            cand = np.flatnonzero(self.row >= self.peak - margin)
            if cand.shape[0] >= k:
                break
        else:
            cand = np.arange(self.row.shape[0])
        vals = self.row[cand]
        if cand.shape[0] > k:
            part = np.argpartition(-vals, k - 1)[:k]
            cand, vals = cand[part], vals[part]
        return [int(i) for i in cand[np.argsort(-vals, kind="stable")]]

    def sample(self, temperature: float, top_p: float | None, rng: np.random.Generator) -> int:
        """Greedy at T = 0; otherwise draw from ``softmax(logits / T)`` within the top-p nucleus."""
        if temperature <= 0.0:
            return int(np.argmax(self.row))
        p = np.exp((self.row.astype(np.float64) - self.peak) / temperature)
        p /= p.sum()
        if top_p is not None and 0.0 < top_p < 1.0:
            order = np.argsort(-p, kind="stable")
            cum = np.cumsum(p[order])
            keep = order[: int(np.searchsorted(cum, top_p) + 1)]
            q = p[keep] / p[keep].sum()
            return int(keep[rng.choice(keep.shape[0], p=q)])
        return int(rng.choice(p.shape[0], p=p))


class Grammar:
    """llama.cpp's grammar-constrained decoding under this module's own sampling.

    A ``response_format`` of type ``json_schema`` is turned into a GBNF grammar
    (llama-cpp-python's ``json_schema_to_gbnf``) and llama.cpp's grammar sampler; before each
    sample it sets the logit of every token the grammar cannot take next to -inf, and each chosen
    token advances it.  So the answer *is* JSON of the schema (up to ``max_tokens``), instead of
    free text that is cut where a JSON value happens to close.  The sampled token and the reported
    logprobs come from the masked distribution (what the token was really drawn from).  A schema
    the converter cannot handle leaves the request unconstrained (the JSON end is still found).
    """

    def __init__(self, llm: Any, gbnf: str) -> None:
        import ctypes

        import llama_cpp
        from llama_cpp._internals import LlamaTokenDataArray

        self._llama = llama_cpp
        self._byref = ctypes.byref
        self._sampler = llama_cpp.llama_sampler_init_grammar(
            llm._model.vocab, gbnf.encode("utf-8"), b"root"
        )
        if not self._sampler:
            raise ValueError("llama.cpp refused the grammar")
        self._array = LlamaTokenDataArray(n_vocab=llm.n_vocab())

    @classmethod
    def of(cls, llm: Any, response_format: dict[str, Any] | None) -> Grammar | None:
        schema = ((response_format or {}).get("json_schema") or {}).get("schema")
        if not isinstance(schema, dict):
            return None
        import json

        from llama_cpp.llama_grammar import json_schema_to_gbnf

        try:
            return cls(llm, json_schema_to_gbnf(json.dumps(schema)))
        except Exception:  # noqa: BLE001 - an unsupported schema: answer unconstrained
            return None

    def mask(self, logits: NDArray[np.float32]) -> NDArray[np.float32]:
        self._array.copy_logits(logits)
        self._llama.llama_sampler_apply(self._sampler, self._byref(self._array.candidates))
        return np.asarray(self._array.candidates_data.logit, dtype=np.float32)

    def accept(self, token: int) -> None:
        self._llama.llama_sampler_accept(self._sampler, token)

    def __del__(self) -> None:
        sampler = getattr(self, "_sampler", None)
        if sampler:
            self._llama.llama_sampler_free(sampler)
