"""The shape of ``data/treatments_timeline.yaml`` (schema: ``treatments_timeline.schema.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    id: str
    disease: str
    drug: str
    kind: str
    what: str
    sources: tuple[str, ...]  # reference ids, all listed in data/references/
    year: int | None = None
    date: str | None = None  # ISO date, when the day is known
    certainty: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class TreatmentsTimeline:
    context: Context
    events: tuple[Event, ...]


MODEL = TreatmentsTimeline
