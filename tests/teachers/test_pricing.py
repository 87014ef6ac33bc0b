from __future__ import annotations

from pathlib import Path

import pytest

from grapheme_distill.errors import InputError
from grapheme_distill.teachers.base import Usage
from grapheme_distill.teachers.pricing import DEFAULT_PRICES, ModelPrice, PriceTable


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("gpt-4o-mini", (0.15, 0.60)),
        ("gpt-4o-mini-2024-07-18", (0.15, 0.60)),  # dated name: longest prefix wins
        ("gpt-4o-2024-08-06", (2.50, 10.00)),
        ("claude-haiku-4-5-20251001", (1.00, 5.00)),
        ("no-such-model", None),
        (None, None),
    ],
)
def test_lookup_by_name_or_longest_prefix(
    model: str | None, expected: tuple[float, float] | None
) -> None:
    price = PriceTable().lookup(model)
    assert (None if price is None else (price.input, price.output)) == expected


def test_cost_per_million_tokens() -> None:
    table = PriceTable({"m": (2.0, 8.0)}, include_defaults=False)
    assert table.cost("m", Usage(prompt_tokens=500_000, completion_tokens=250_000)) == 3.0
    assert table.cost("other", Usage(prompt_tokens=1)) is None
    assert table.models() == ["m"]


def test_from_toml_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "prices.toml"
    path.write_text(
        '[prices."gpt-4o-mini"]\ninput = 1.0\noutput = 2.0\n'
        "[prices.my-model]\ninput = 0\noutput = 0.5\n"
    )
    table = PriceTable.from_toml(path)
    assert table.lookup("gpt-4o-mini") == ModelPrice(input=1.0, output=2.0)
    assert table.lookup("my-model-q4") == ModelPrice(input=0.0, output=0.5)
    assert table.lookup("gpt-4.1") == DEFAULT_PRICES["gpt-4.1"]
    bare = tmp_path / "bare.toml"  # the [prices] wrapper is optional
    bare.write_text("[x]\ninput = 1\noutput = 1\n")
    assert PriceTable.from_toml(bare, include_defaults=False).models() == ["x"]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[prices.m]\ninput = -1\noutput = 1\n", r"price for 'm'.*greater than or equal"),
        ("[prices.m]\ninput = 1\n", r"price for 'm'.*Field required"),
        ("[prices.m]\ninput = 1\noutput = 1\nextra = 2\n", r"price for 'm'"),
        ("[prices.m]\ninput = = 1\n", r"prices.toml:2: not valid TOML"),
    ],
)
def test_bad_price_files_name_file_and_reason(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "prices.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=match):
        PriceTable.from_toml(path)


def test_a_run_config_without_prices_adds_none(tmp_path: Path) -> None:
    path = tmp_path / "run.toml"
    path.write_text('[distillation]\ntemperature = 2.0\n[teachers.box]\nbase_url = "http://x/v1"\n')
    assert PriceTable.from_toml(path, include_defaults=False).models() == []
