"""The shape of ``data/at_a_glance.yaml`` (schema: ``at_a_glance.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    ms: Statement
    als: Statement

    def statement(self, disease: str) -> Statement:
        return self.ms if disease == "ms" else self.als


@dataclass(frozen=True)
class AtAGlance:
    topics: tuple[Topic, ...]


MODEL = AtAGlance
