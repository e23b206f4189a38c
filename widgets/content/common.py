"""Shapes several data files share (schema: ``common.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


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
