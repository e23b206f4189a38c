"""The shape of ``data/objectives.yaml`` (schema: ``objectives.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Objective:
    id: str
    lesson: str
    text: str


@dataclass(frozen=True)
class Objectives:
    objectives: tuple[Objective, ...]


MODEL = Objectives
