"""Which learned layers the spaCy extractor reads with: one switch for all of them.

Why one switch.  Each learned decision ships as a model file and has its own context manager for
the fitting scripts (``use_entity_model``, ``use_relation_model``, ``use_hierarchy_model``,
``use_parent_model``); a user who wants the hand rules alone — to compare, to reproduce an older
figure, or because a model was fitted on answers unlike theirs — should not need to know four of
them.  ``SpacyExtractor(learned=...)`` and the CLI's
``--learned`` take ``True``/``"all"`` (every shipped model, the default), ``False``/``"none"``
(the rules alone), or the names of the layers to keep:

* ``entities``: which noun phrases become entities (``models/entities.json``);
* ``relations``: relations read from candidate clauses (``models/relations.json``);
* ``hierarchy``: broad hierarchy edges a model adds to the rules' (``models/hierarchy.json``);
* ``parents``: which lead-in or heading a list hangs from (``readers/data/list_parents.json``).

A layer whose model does not ship reads with the rules either way.  A layer turned off is off
whatever an enclosing ``use_*_model`` context says.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager

from grapheme_distill.errors import ConfigError
from grapheme_distill.extractors.learned import shipped_model
from grapheme_distill.extractors.readers.hierarchy_learned import use_hierarchy_model
from grapheme_distill.extractors.readers.list_parents import load_parent_model, use_parent_model
from grapheme_distill.extractors.spacy.entity_choice import use_entity_model
from grapheme_distill.extractors.spacy.learned_relations import use_relation_model

__all__ = ["LEARNED_LAYERS", "layers_off", "parse_learned", "shipped_layers", "version_suffix"]

#: every learned layer of the spaCy extractor, in the order the extractor reads with them
LEARNED_LAYERS: tuple[str, ...] = ("entities", "relations", "hierarchy", "parents")

_ALL = ("all", "true", "yes", "on", "1")
_NONE = ("none", "false", "no", "off", "0", "rules", "")


def parse_learned(value: bool | str | Iterable[str] | None) -> frozenset[str]:
    """The layers ``value`` keeps: ``True``/``"all"`` every one, ``False``/``"none"``
    (or ``"rules"``) none, else the names given (a comma-separated string or a collection).

    Raises:
        ConfigError: a name that is no learned layer, or ``None``.
    """
    if isinstance(value, bool | int):  # (``--set learned=0`` reads as a number)
        return frozenset(LEARNED_LAYERS) if value else frozenset()
    if value is None:
        raise ConfigError("learned: give all, none or layer names, not null")
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _ALL:
            return frozenset(LEARNED_LAYERS)
        if word in _NONE:
            return frozenset()
        value = value.split(",")
    names = {str(v).strip().lower() for v in value} - {""}
    unknown = sorted(names - set(LEARNED_LAYERS))
    if unknown:
        raise ConfigError(
            f"learned: unknown layer(s) {', '.join(unknown)}; known: "
            f"{', '.join(LEARNED_LAYERS)} (or all / none)"
        )
    return frozenset(names)


def shipped_layers() -> frozenset[str]:
    """The layers whose model ships (the others read with their rules whatever is asked)."""
    found = {n for n in ("entities", "relations", "hierarchy") if shipped_model(n)}
    if load_parent_model() is not None:
        found.add("parents")
    return frozenset(found)


def version_suffix(kept: frozenset[str]) -> str:
    """What a run's ``name@version`` adds when shipped layers are off (its output differs from
    the default's): ``+rules`` with none of them kept, else ``+no-<layer>`` for each one off.
    Turning off a layer that ships no model changes nothing, and adds nothing."""
    shipped = shipped_layers()
    off = [layer for layer in LEARNED_LAYERS if layer in shipped and layer not in kept]
    if not off:
        return ""
    if len(off) == len(shipped):
        return "+rules"
    return "".join(f"+no-{layer}" for layer in off)


@contextmanager
def layers_off(kept: frozenset[str]) -> Iterator[None]:
    """Read with the rules alone, inside the block, for every layer not in ``kept``."""
    if len(kept) == len(LEARNED_LAYERS):
        yield
        return
    with ExitStack() as stack:
        if "entities" not in kept:
            stack.enter_context(use_entity_model(None))
        if "relations" not in kept:
            stack.enter_context(use_relation_model(None))
        if "hierarchy" not in kept:
            stack.enter_context(use_hierarchy_model(None))
        if "parents" not in kept:
            stack.enter_context(use_parent_model(None))
        yield
