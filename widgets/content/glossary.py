"""The shape of ``data/glossary.yaml`` (schema: ``glossary.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    lesson: str
    source: str | None = None


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]


MODEL = Glossary
