"""What a teacher call costs: a configurable price table, per model, per million tokens.

Prices change more often than code, so the table is data: :meth:`PriceTable.from_toml` reads ::

    [prices."gpt-4o-mini"]          # a model name, or a prefix of dated names
    input = 0.15                    # USD per 1M prompt tokens
    output = 0.60                   # USD per 1M completion tokens

(the ``[prices]`` wrapper is optional, so the same file can also hold the run's
``[distillation]`` settings and ``[teachers.<name>]`` servers).  A model is priced by its exact
name, else by the longest
table key it starts with, so ``gpt-4o-mini`` also prices ``gpt-4o-mini-2024-07-18``.  A model the
table does not know costs *unknown* (``None``), never zero: the run summary lists it so that a
missing price is visible instead of a silently cheap run.  :data:`DEFAULT_PRICES` holds a few list
prices as of 2025 for convenience; check them against your provider and override them in a file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from grapheme_distill.errors import InputError
from grapheme_distill.teachers.base import Usage

__all__ = ["DEFAULT_PRICES", "ModelPrice", "PriceTable"]


class ModelPrice(BaseModel):
    """USD per one million prompt (``input``) and completion (``output``) tokens."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: float = Field(ge=0)
    output: float = Field(ge=0)

    def cost(self, usage: Usage) -> float:
        return (usage.prompt_tokens * self.input + usage.completion_tokens * self.output) / 1e6


#: List prices (USD per 1M tokens) as published by the providers in 2025; verify before relying
#: on them and override them with your own table.
DEFAULT_PRICES: dict[str, ModelPrice] = {
    "gpt-4o-mini": ModelPrice(input=0.15, output=0.60),
    "gpt-4o": ModelPrice(input=2.50, output=10.00),
    "gpt-4.1-nano": ModelPrice(input=0.10, output=0.40),
    "gpt-4.1-mini": ModelPrice(input=0.40, output=1.60),
    "gpt-4.1": ModelPrice(input=2.00, output=8.00),
    "claude-3-5-haiku": ModelPrice(input=0.80, output=4.00),
    "claude-haiku-4-5": ModelPrice(input=1.00, output=5.00),
    "claude-sonnet-4": ModelPrice(input=3.00, output=15.00),
    "claude-opus-4-1": ModelPrice(input=15.00, output=75.00),
}


#: sections of a run config file that are not prices (one file may hold them all)
_OTHER_SECTIONS = frozenset({"distillation", "teachers"})


class PriceTable:
    """Model name (or name prefix) → :class:`ModelPrice`.

    Args:
        prices: entries to add, as ModelPrice, ``{"input": .., "output": ..}`` or ``(in, out)``.
        include_defaults: start from :data:`DEFAULT_PRICES` (entries in ``prices`` win).
    """

    def __init__(
        self,
        prices: Mapping[str, ModelPrice | Mapping[str, float] | tuple[float, float]] | None = None,
        *,
        include_defaults: bool = True,
    ) -> None:
        self._prices: dict[str, ModelPrice] = dict(DEFAULT_PRICES) if include_defaults else {}
        for model, price in (prices or {}).items():
            self._prices[model] = _to_price(price)
        self._by_length = sorted(self._prices, key=len, reverse=True)

    @classmethod
    def from_toml(cls, path: str | Path, *, include_defaults: bool = True) -> PriceTable:
        """Read a price table file (see the module docstring); errors name the file and entry."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(str(path), _toml_line(exc), f"not valid TOML: {exc}") from exc
        if "prices" in data:
            table: Any = data["prices"]
        else:  # a bare price file, or a run config whose other sections are not prices
            table = {k: v for k, v in data.items() if k not in _OTHER_SECTIONS}
        if not isinstance(table, dict):
            raise InputError(str(path), None, "[prices] must be a table of model tables")
        prices: dict[str, ModelPrice] = {}
        for model, entry in table.items():
            try:
                prices[model] = ModelPrice.model_validate(entry)
            except ValidationError as exc:
                reason = exc.errors()[0]["msg"]
                raise InputError(
                    str(path),
                    None,
                    f"price for {model!r}: {reason}; write input = <USD per 1M prompt tokens> "
                    "and output = <USD per 1M completion tokens>",
                ) from exc
        return cls(prices, include_defaults=include_defaults)

    def lookup(self, model: str | None) -> ModelPrice | None:
        """The price of ``model``: exact name, else the longest matching prefix, else ``None``."""
        if not model:
            return None
        price = self._prices.get(model)
        if price is not None:
            return price
        for key in self._by_length:
            if model.startswith(key):
                return self._prices[key]
        return None

    def cost(self, model: str | None, usage: Usage) -> float | None:
        """USD for ``usage`` on ``model``; ``None`` when the model has no price."""
        price = self.lookup(model)
        return None if price is None else price.cost(usage)

    def models(self) -> list[str]:
        return sorted(self._prices)

    def __repr__(self) -> str:
        return f"PriceTable({len(self._prices)} models)"


def _to_price(value: ModelPrice | Mapping[str, float] | tuple[float, float]) -> ModelPrice:
    if isinstance(value, ModelPrice):
        return value
    if isinstance(value, tuple):
        return ModelPrice(input=value[0], output=value[1])
    return ModelPrice.model_validate(dict(value))


def _toml_line(exc: tomllib.TOMLDecodeError) -> int | None:
    marker = "(at line "
    text = str(exc)
    if marker in text:
        digits = text.split(marker, 1)[1].split(",", 1)[0]
        if digits.isdigit():
            return int(digits)
    return None
