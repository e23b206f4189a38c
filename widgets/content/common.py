"""Shapes several data files share (schema: ``common.schema.json``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


def by_id(items: Sequence[Any], item_id: str) -> Any:
    """The item of ``items`` whose ``id`` is ``item_id``; a KeyError names the known ids."""
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(item.id for item in items)
    raise KeyError(f"unknown id {item_id!r}; known ids: {known}")


@dataclass(frozen=True)
class Value:
    """A number with its unit and certainty, and where it comes from."""

    value: float
    unit: str
    certainty: str  # high, medium, low or illustrative
    source: str | None = None
    sources: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    note: str | None = None
