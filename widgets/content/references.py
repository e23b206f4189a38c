"""The shape of ``data/references/*.yaml`` (schema: ``references.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    id: str
    citation: str
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class References:
    references: tuple[Reference, ...]


MODEL = References
